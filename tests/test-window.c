/* test-window.c: the main window on a demo store, driven as a person would */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core/gw-money.h"
#include "gw-application.h"
#include "gw-transfer.h"
#include "gw-window.h"
#include "views/gw-complaints-view.h"
#include "views/gw-file-dialog.h"
#include "views/gw-preferences-window.h"
#include "gw-background.h"

typedef struct {
  char          *directory;
  char          *path;
  GwApplication *app;
} Fixture;

/* One registered application for the whole run, as in a real session. */
static GwApplication *application;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->directory = g_dir_make_tmp ("goodwill-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->directory, "store.db", NULL);

  fixture->app = application;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app));

  while (windows != NULL)
    {
      gtk_window_destroy (windows->data);
      windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app));
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;

  for (guint i = 0; i < 3; i++)
    {
      static const char *const suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *path = g_strconcat (fixture->path, suffixes[i], NULL);

      g_unlink (path);
    }
  /* Daily backups beside the store. */
  {
    g_autofree char *backups = g_build_filename (fixture->directory, "backups", NULL);
    g_autoptr(GDir) dir = g_dir_open (backups, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (backups, name, NULL);

        g_unlink (path);
      }
    g_rmdir (backups);
  }
  g_rmdir (fixture->directory);
  g_free (fixture->path);
  g_free (fixture->directory);
}

static gboolean
on_timeout (gpointer data)
{
  g_error ("timed out waiting for the window");
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until @done says so, failing after ten seconds. */
static void
wait_for (gboolean (*done) (gpointer), gpointer data)
{
  guint timeout = g_timeout_add_seconds (10, on_timeout, NULL);

  while (!done (data))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

/* The demo's complaints in the store at @path, before a window opens it. */
static void
fill_demo_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) demo = gw_store_open (path, &error);

  g_assert_true (gw_transfer_fill_demo (demo, g_get_real_time () / G_USEC_PER_SEC, NULL,
                                        &error));
}

static gboolean
window_left_loading (gpointer data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (data, GW_TYPE_WINDOW, "main_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") != 0
         && gtk_widget_get_mapped (data);
}

/* The complaint log lists the unresolved entries of the demo store. */
static gboolean
complaints_listed (gpointer data)
{
  GwComplaintsView *view = GW_COMPLAINTS_VIEW (gtk_widget_get_template_child (data, GW_TYPE_WINDOW,
                                                                              "complaints_view"));
  GwComplaintList *list = gw_complaints_view_get_list (view);

  return list != NULL && g_list_model_get_n_items (G_LIST_MODEL (list)) > 0
         && !gw_complaint_list_get_loading (list)
         && gw_complaints_view_get_overdue_count (view) > 0;
}

static GtkWindow *
find_window_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
about_shown (gpointer data)
{
  return find_window_of_type (ADW_TYPE_ABOUT_WINDOW) != NULL;
}

static gboolean
shortcuts_shown (gpointer data)
{
  return find_window_of_type (GTK_TYPE_SHORTCUTS_WINDOW) != NULL;
}

static void
test_window_on_demo_store (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GwWindow *window;
  AdwViewStack *view_stack;
  GtkStack *main_stack;

  {
    g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);

    g_assert_no_error (error);
    g_assert_true (gw_transfer_fill_demo (store, g_get_real_time () / G_USEC_PER_SEC, NULL,
                                          &error));
  }

  window = gw_window_new (fixture->app, fixture->path);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (window_left_loading, window);

  main_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GW_TYPE_WINDOW,
                                                         "main_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "content");
  g_assert_nonnull (gw_window_get_store (window));
  wait_for (complaints_listed, window);
  {
    GwComplaintsView *view = GW_COMPLAINTS_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                                GW_TYPE_WINDOW,
                                                                                "complaints_view"));
    GwComplaintFilter unresolved = GW_COMPLAINT_FILTER_INIT;
    g_autoptr(GArray) ids = NULL;
    AdwViewStackPage *page = ADW_VIEW_STACK_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                                 GW_TYPE_WINDOW,
                                                                                 "complaints_stack_page"));

    unresolved.statuses = GW_MASK (GW_STATUS_OPEN) | GW_MASK (GW_STATUS_IN_PROGRESS)
                          | GW_MASK (GW_STATUS_WAITING);
    ids = gw_store_list_complaint_ids (gw_window_get_store (window), &unresolved,
                                       GW_SORT_NEWEST_FIRST, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gw_complaints_view_get_list (view))),
                      ==, ids->len);
    /* Overdue follow-ups show as a badge on the tab, and in a banner whose
     * button lists just them. */
    g_assert_cmpuint (adw_view_stack_page_get_badge_number (page), ==,
                      gw_complaints_view_get_overdue_count (view));
    g_assert_true (adw_view_stack_page_get_needs_attention (page));
    g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (
      gtk_widget_get_template_child (GTK_WIDGET (window), GW_TYPE_WINDOW, "overdue_banner"))));
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (
      gtk_widget_get_template_child (GTK_WIDGET (window), GW_TYPE_WINDOW, "overdue_label"))),
      "overdue"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-overdue", NULL));
    {
      GwComplaintList *list = gw_complaints_view_get_list (view);
      guint timeout = g_timeout_add_seconds (10, on_timeout, NULL);

      while (gw_complaint_list_get_loading (list)
             || g_list_model_get_n_items (G_LIST_MODEL (list))
                != gw_complaints_view_get_overdue_count (view))
        g_main_context_iteration (NULL, TRUE);
      g_source_remove (timeout);
      g_assert_cmpint (gw_complaint_list_get_filter (list)->overdue_at, >, 0);
    }
  }

  /* The four tabs, reached from the keyboard's Alt+number actions. */
  view_stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GW_TYPE_WINDOW,
                                                              "view_stack"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack), ==, "complaints");
  for (const char *const *page = (const char *const[]) { "vision", "staff", "assessment",
                                                         "complaints", NULL };
       *page != NULL; page++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", *page));
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack), ==, *page);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.about", NULL));
  wait_for (about_shown, NULL);
  gtk_window_destroy (find_window_of_type (ADW_TYPE_ABOUT_WINDOW));

  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app),
                                                                  "win.show-help-overlay");

    g_assert_true (g_strv_contains ((const char *const *) accels, "<Control>question"));
  }
  /* Built when first asked for, as the window's help overlay, so that the
   * shortcuts named by action show their keys. */
  g_assert_false (shortcuts_shown (NULL));
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  wait_for (shortcuts_shown, NULL);
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
}

static gboolean
tab_bar_revealed (gpointer data)
{
  AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (gtk_widget_get_template_child (data,
                                                                                  GW_TYPE_WINDOW,
                                                                                  "switcher_bar"));

  return adw_view_switcher_bar_get_reveal (bar) && gtk_widget_get_mapped (GTK_WIDGET (bar));
}

/* In a window too narrow for the tabs in the header bar, they are at the
 * bottom; the main menu opens. Both are made when first needed. */
static void
test_narrow_window (Fixture       *fixture,
                    gconstpointer  data)
{
  GwWindow *window = gw_window_new (fixture->app, fixture->path);
  AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                                  GW_TYPE_WINDOW,
                                                                                  "switcher_bar"));
  GtkMenuButton *menu_button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                               GW_TYPE_WINDOW,
                                                                               "primary_menu_button"));

  g_assert_null (adw_view_switcher_bar_get_stack (bar));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (window_left_loading, window);
  wait_for (tab_bar_revealed, window);
  g_assert_true (adw_view_switcher_bar_get_stack (bar)
                 == ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                   GW_TYPE_WINDOW, "view_stack")));

  g_assert_null (gtk_menu_button_get_popover (menu_button));
  gtk_menu_button_popup (menu_button);
  g_assert_nonnull (gtk_menu_button_get_popover (menu_button));
  g_assert_nonnull (gtk_menu_button_get_menu_model (menu_button));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_on_unusable_file (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GwWindow *window;
  GtkStack *main_stack;
  AdwStatusPage *error_page;
  g_autofree char *contents = NULL;

  g_file_set_contents (fixture->path, "a shopping list, not a database", -1, &error);
  g_assert_no_error (error);

  window = gw_window_new (fixture->app, fixture->path);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (window_left_loading, window);

  main_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GW_TYPE_WINDOW,
                                                         "main_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "error");
  error_page = ADW_STATUS_PAGE (gtk_stack_get_visible_child (main_stack));
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page),
                            "not a Goodwill database"));
  g_assert_null (gw_window_get_store (window));

  g_file_get_contents (fixture->path, &contents, NULL, &error);
  g_assert_cmpstr (contents, ==, "a shopping list, not a database");
}

/* A store damaged in the middle opens (the check reads every page, which
 * takes seconds on a big store, so it runs after the first frame), then the
 * window finds the damage and stops showing it. */
static void
test_window_on_damaged_store (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *contents = NULL;
  gsize length;
  GwWindow *window;
  GtkStack *main_stack;
  AdwStatusPage *error_page;

  {
    g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);

    g_assert_no_error (error);
    g_assert_true (gw_transfer_fill_demo (store, g_get_real_time () / G_USEC_PER_SEC, NULL,
                                          &error));
  }
  g_file_get_contents (fixture->path, (char **) &contents, &length, &error);
  g_assert_cmpuint (length, >, 40 * 4096);
  for (gsize i = 30 * 4096; i < 32 * 4096; i++)
    contents[i] = (guint8) (i * 13);
  g_file_set_contents (fixture->path, (const char *) contents, length, &error);
  g_assert_no_error (error);

  window = gw_window_new (fixture->app, fixture->path);
  gtk_window_present (GTK_WINDOW (window));
  main_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GW_TYPE_WINDOW,
                                                         "main_stack"));
  {
    guint timeout = g_timeout_add_seconds (10, on_timeout, NULL);

    while (g_strcmp0 (gtk_stack_get_visible_child_name (main_stack), "error") != 0)
      g_main_context_iteration (NULL, TRUE);
    g_source_remove (timeout);
  }
  error_page = ADW_STATUS_PAGE (gtk_stack_get_visible_child (main_stack));
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), "damaged"));
  g_assert_null (gw_window_get_store (window));
  /* Only a store found whole is backed up. */
  {
    g_autofree char *backups = g_build_filename (fixture->directory, "backups", NULL);

    g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  }
}

static gboolean
preferences_shown (gpointer data)
{
  return find_window_of_type (GW_TYPE_PREFERENCES_WINDOW) != NULL;
}

/* The reminder preferences write straight to the settings the window's
 * reminders read. */
static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GwWindow *window = gw_window_new (fixture->app, fixture->path);
  GtkWindow *preferences;
  GtkWidget *days;
  int before;

  gtk_window_present (GTK_WINDOW (window));
  wait_for (window_left_loading, window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  wait_for (preferences_shown, NULL);
  preferences = find_window_of_type (GW_TYPE_PREFERENCES_WINDOW);

  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (
    GTK_WIDGET (preferences), GW_TYPE_PREFERENCES_WINDOW, "lead_row")), 0);
  g_assert_cmpint (g_settings_get_int (settings, "reminder-lead-minutes"), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (
    GTK_WIDGET (preferences), GW_TYPE_PREFERENCES_WINDOW, "lead_row")), 5);
  g_assert_cmpint (g_settings_get_int (settings, "reminder-lead-minutes"), ==, 24 * 60);

  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (gtk_widget_get_template_child (
    GTK_WIDGET (preferences), GW_TYPE_PREFERENCES_WINDOW, "hours_row")), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "business-hours-enabled"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gtk_widget_get_template_child (
    GTK_WIDGET (preferences), GW_TYPE_PREFERENCES_WINDOW, "open_spin")), 10);
  g_assert_cmpint (g_settings_get_int (settings, "business-hours-open"), ==, 10);

  /* Saturday (the sixth button) is open by default; close it. */
  before = g_settings_get_int (settings, "business-days");
  g_assert_true (before & (1 << 5));
  days = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                    GW_TYPE_PREFERENCES_WINDOW, "days_box"));
  {
    GtkWidget *saturday = gtk_widget_get_first_child (days);

    for (int i = 0; i < 5; i++)
      saturday = gtk_widget_get_next_sibling (saturday);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (saturday), FALSE);
  }
  g_assert_cmpint (g_settings_get_int (settings, "business-days"), ==, before & ~(1 << 5));

  /* "Remind me when Goodwill is closed": with no portal on this bus, an
   * autostart entry; closing the window then only hides it. */
  {
    g_autofree char *autostart = gw_background_autostart_path ();
    GtkSwitch *background = GTK_SWITCH (gtk_widget_get_template_child (
      GTK_WIDGET (preferences), GW_TYPE_PREFERENCES_WINDOW, "background_switch"));
    guint timeout = g_timeout_add_seconds (10, on_timeout, NULL);

    gtk_switch_set_active (background, TRUE);
    while (!g_file_test (autostart, G_FILE_TEST_EXISTS))
      g_main_context_iteration (NULL, TRUE);
    gtk_window_destroy (preferences);

    g_object_ref (window);
    gtk_window_close (GTK_WINDOW (window));
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
    g_assert_nonnull (gtk_window_get_application (GTK_WINDOW (window)));
    g_object_unref (window);

    g_settings_set_boolean (settings, "run-in-background", FALSE);
    while (g_file_test (autostart, G_FILE_TEST_EXISTS))
      g_main_context_iteration (NULL, TRUE);
    g_source_remove (timeout);
  }
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
has_complaints (gpointer data)
{
  gpointer *args = data;

  return gw_store_count_complaints (args[0], NULL) == GPOINTER_TO_SIZE (args[1]);
}

/* The business's name and currency, today's backup made on its own, and a
 * backup restored from the preferences, with what was there kept first. */
static void
test_business_and_backups (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("goodwill-%s.db", date);
  g_autofree char *backup = g_build_filename (fixture->directory, "backups", name, NULL);
  g_autofree char *money = NULL;
  GwWindow *window;
  GwStore *store;
  GtkWindow *preferences;
  gint64 n_complaints;
  gpointer args[2];

  fill_demo_store (fixture->path);
  window = gw_window_new (fixture->app, fixture->path);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (window_left_loading, window);
  store = gw_window_get_store (window);
  n_complaints = gw_store_count_complaints (store, NULL);

  /* The store was checked, and backed up for today. */
  wait_for (file_exists, backup);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  wait_for (preferences_shown, NULL);
  preferences = find_window_of_type (GW_TYPE_PREFERENCES_WINDOW);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (
    GTK_WIDGET (preferences), GW_TYPE_PREFERENCES_WINDOW, "business_row")), "Kafé Sirap");
  g_assert_cmpstr (g_settings_get_string (settings, "business-name"), ==, "Kafé Sirap");
  /* The fourth currency offered is the euro. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (
    GTK_WIDGET (preferences), GW_TYPE_PREFERENCES_WINDOW, "currency_row")), 4);
  g_assert_cmpstr (g_settings_get_string (settings, "currency"), ==, "EUR");
  money = gw_money_format_local (87550);
  g_assert_cmpstr (money, ==, "875.50 EUR");

  /* More complaints, then the morning's backup restored: they are gone,
   * and what was there is kept first. */
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GwComplaint) complaint = gw_complaint_new ();

      complaint->received_at = g_get_real_time () / G_USEC_PER_SEC;
      g_free (complaint->description);
      complaint->description = g_strdup ("Logged after the backup");
      g_assert_cmpint (gw_store_add_complaint (store, complaint, NULL), >, 0);
    }
  g_assert_cmpint (gw_store_count_complaints (store, NULL), ==, n_complaints + 3);
  gw_preferences_window_restore (GW_PREFERENCES_WINDOW (preferences), backup);
  args[0] = store;
  args[1] = GSIZE_TO_POINTER ((gsize) n_complaints);
  wait_for (has_complaints, args);
  {
    g_autofree char *folder = g_build_filename (fixture->directory, "backups", NULL);
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *file;
    gboolean kept = FALSE;

    while ((file = g_dir_read_name (dir)) != NULL)
      if (g_str_has_prefix (file, "goodwill-before-restore-"))
        {
          g_autofree char *path = g_build_filename (folder, file, NULL);
          g_autoptr(GError) error = NULL;
          g_autoptr(GwStore) before = gw_store_open (path, &error);

          /* It holds what was replaced: the three logged after the backup too. */
          g_assert_no_error (error);
          g_assert_cmpint (gw_store_count_complaints (before, NULL), ==, n_complaints + 3);
          kept = TRUE;
        }
    g_assert_true (kept);
  }

  gtk_window_destroy (preferences);
  g_settings_reset (settings, "business-name");
  g_settings_reset (settings, "currency");
}

static gboolean
label_shows_in (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_shows_in (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
window_says (gpointer data)
{
  gpointer *args = data;

  return label_shows_in (args[0], args[1]);
}

static gboolean
store_verified (gpointer data)
{
  return gw_window_get_store (data) != NULL && gw_store_is_verified (gw_window_get_store (data));
}

/* The window's export never writes over the store, whatever it is called:
 * it says so where the person is looking, and the store is kept. */
static void
test_export_onto_the_store (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *link = g_build_filename (fixture->directory, "link-to-store.db", NULL);
  g_autofree char *csv = g_build_filename (fixture->directory, "complaints.csv", NULL);
  g_autoptr(GFile) onto_store = g_file_new_for_path (link);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autofree char *header = NULL;
  GwWindow *window;
  gpointer args[2];

  fill_demo_store (fixture->path);
  g_assert_cmpint (symlink (fixture->path, link), ==, 0);
  window = gw_window_new (fixture->app, fixture->path);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (store_verified, window);

  gw_window_export_csv (window, onto_store, GW_CSV_FORMAT_EXACT);
  args[0] = window;
  args[1] = (gpointer) "“link-to-store.db” holds Goodwill’s own data";
  wait_for (window_says, args);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (fixture->path, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "SQLite format 3"));
  }
  g_assert_cmpint (gw_store_count_complaints (gw_window_get_store (window), NULL), ==, 360);

  gw_window_export_csv (window, csv_file, GW_CSV_FORMAT_EXACT);
  args[1] = (gpointer) "Exported 360 complaints";
  wait_for (window_says, args);
  g_assert_true (g_file_get_contents (csv, &header, NULL, NULL));
  g_assert_true (g_str_has_prefix (header, "received_at,"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_window_of_type (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
message_dialog_gone (gpointer data)
{
  return find_window_of_type (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static GtkWidget *
find_button_labelled (GtkWidget  *widget,
                      const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Export first asks who the file is for, a spreadsheet being the usual
 * answer; a file for a spreadsheet starts as Excel needs it to. */
static void
test_export_asks_who_the_file_is_for (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->directory, "for-excel.csv", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;
  GwWindow *window;
  gpointer args[2];

  fill_demo_store (fixture->path);
  window = gw_window_new (fixture->app, fixture->path);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (store_verified, window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  wait_for (message_dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (find_window_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Who Is the File For?");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "spreadsheet");
  /* Whatever the list shows, the file holds everything, and says so. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                           "\n\nEvery complaint is in the file, not only those the "
                           "list shows now.\n\n"));
  /* The exact file holds no notes: a move between computers is a backup. */
  g_assert_true (g_str_has_suffix (adw_message_dialog_get_body (dialog),
                                   "Notes and the rest of each timeline are not in the file. To "
                                   "move everything to another computer, use Back Up Now… in "
                                   "Preferences here and Restore From a Backup… there."));
  g_assert_nonnull (find_button_labelled (GTK_WIDGET (dialog), "For a _Spreadsheet"));
  g_assert_nonnull (find_button_labelled (GTK_WIDGET (dialog), "For _Goodwill"));
  gtk_widget_activate (find_button_labelled (GTK_WIDGET (dialog), "_Cancel"));
  wait_for (message_dialog_gone, NULL);
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));

  gw_window_export_csv (window, csv_file, GW_CSV_FORMAT_SPREADSHEET);
  args[0] = window;
  args[1] = (gpointer) "Exported 360 complaints";
  wait_for (window_says, args);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFWhen received,Kind,"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A store on a disk Goodwill may not write is shown for reading, and the
 * window says that nothing will be saved. Needs a read-only mount, so
 * root (as in CI). */
static void
test_read_only_store (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->directory, "read-only", NULL);
  g_autofree char *path = g_build_filename (folder, "store.db", NULL);
  g_autofree char *mount = g_strdup_printf ("mount -t tmpfs -o size=4m tmpfs '%s'", folder);
  g_autofree char *remount = g_strdup_printf ("mount -o remount,ro '%s'", folder);
  g_autofree char *unmount = g_strdup_printf ("umount -l '%s'", folder);
  g_autoptr(GError) error = NULL;
  GwWindow *window;
  int status = -1;
  gpointer args[2];

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  if (getuid () != 0)
    {
      g_test_skip ("a read-only mount needs root");
      return;
    }
  g_assert_true (g_spawn_command_line_sync (mount, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  fill_demo_store (path);
  g_assert_true (g_spawn_command_line_sync (remount, NULL, NULL, &status, &error));
  g_assert_cmpint (status, ==, 0);

  window = gw_window_new (fixture->app, path);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (complaints_listed, window);
  g_assert_true (gw_store_is_read_only (gw_window_get_store (window)));
  args[0] = window;
  args[1] = (gpointer) "“store.db” can only be read";
  wait_for (window_says, args);
  {
    g_autoptr(GwComplaint) complaint = gw_complaint_new ();

    complaint->received_at = g_get_real_time () / G_USEC_PER_SEC;
    g_free (complaint->description);
    complaint->description = g_strdup ("Not saved");
    g_assert_cmpint (gw_store_add_complaint (gw_window_get_store (window), complaint, &error), ==,
                     0);
    g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_READ_ONLY);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_spawn_command_line_sync (unmount, NULL, NULL, &status, NULL);
}

static void
on_file_chosen_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(GFile) file = gw_file_dialog_finish (result, error);

  g_assert_null (file);
}

static gboolean
chooser_ended (gpointer data)
{
  return *(GError **) data != NULL;
}

/* How many complaints another program reads in the store, through the
 * sqlite3 shell. */
static int
count_from_outside (const char *path)
{
  const char *argv[] = { "sqlite3", path, "SELECT count(*) FROM complaints;", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return atoi (out);
}

/* The store's folder shown in a file chooser: a chooser in Goodwill's own
 * process would read the store's files to guess their types, and closing
 * them would take SQLite's locks away. Another program that then closes
 * the store would delete its -wal, and what the window saves afterwards
 * would be lost to every other program. */
static void
test_chooser_keeps_the_store_locked (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->directory);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) chosen = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) shell = NULL;
  g_autoptr(GwComplaint) complaint = gw_complaint_new ();
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GVariant) owner = NULL;
  g_autofree char *answer = NULL;
  GwWindow *window;
  gint64 until;
  int before;

  fill_demo_store (fixture->path);
  window = gw_window_new (fixture->app, fixture->path);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (store_verified, window);
  before = gw_store_count_complaints (gw_window_get_store (window), NULL);

  /* Another program with the store open, as the sqlite3 shell would be. */
  shell = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            "sqlite3", fixture->path, NULL);
  g_assert_no_error (error);
  {
    GOutputStream *in = g_subprocess_get_stdin_pipe (shell);
    g_autoptr(GDataInputStream) out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (shell));
    const char *query = "SELECT count(*) FROM complaints;\n";

    g_assert_true (g_output_stream_write_all (in, query, strlen (query), NULL, NULL, &error));
    answer = g_data_input_stream_read_line (out, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (atoi (answer), ==, before);
  }
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* The export chooser, shown the store's folder for a few seconds. */
  gw_file_dialog_save_async (GTK_WINDOW (window), "Export Complaints", "_Save", "complaints.csv",
                             folder, NULL, cancellable, on_file_chosen_cb, &chosen);
  until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  /* The desktop's own chooser showed it, out of this process. */
  owner = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.impl.portal.desktop.gtk"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);
  {
    gboolean has_owner;

    g_variant_get (owner, "(b)", &has_owner);
    g_assert_true (has_owner);
  }
  g_cancellable_cancel (cancellable);
  wait_for (chooser_ended, &chosen);
  g_assert_error (chosen, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* The other program closes the store: this window still has it open,
   * so its -wal stays. */
  g_assert_true (g_output_stream_close (g_subprocess_get_stdin_pipe (shell), NULL, &error));
  g_assert_true (g_subprocess_wait_check (shell, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* What the window saves now, every other program reads. */
  complaint->received_at = g_get_real_time () / G_USEC_PER_SEC;
  g_free (complaint->description);
  complaint->description = g_strdup ("Logged after the chooser");
  g_assert_cmpint (gw_store_add_complaint (gw_window_get_store (window), complaint, &error), >, 0);
  g_assert_cmpint (count_from_outside (fixture->path), ==, before + 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  application = gw_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (application), NULL, NULL))
    g_error ("cannot register the application");

  g_test_add ("/window/demo-store", Fixture, NULL, fixture_set_up, test_window_on_demo_store,
              fixture_tear_down);
  g_test_add ("/window/narrow", Fixture, NULL, fixture_set_up, test_narrow_window,
              fixture_tear_down);
  g_test_add ("/window/unusable-file", Fixture, NULL, fixture_set_up,
              test_window_on_unusable_file, fixture_tear_down);
  g_test_add ("/window/damaged-store", Fixture, NULL, fixture_set_up,
              test_window_on_damaged_store, fixture_tear_down);
  g_test_add ("/window/business-and-backups", Fixture, NULL, fixture_set_up,
              test_business_and_backups, fixture_tear_down);
  g_test_add ("/window/preferences", Fixture, NULL, fixture_set_up, test_preferences,
              fixture_tear_down);
  g_test_add ("/window/export-onto-the-store", Fixture, NULL, fixture_set_up,
              test_export_onto_the_store, fixture_tear_down);
  g_test_add ("/window/read-only-store", Fixture, NULL, fixture_set_up, test_read_only_store,
              fixture_tear_down);
  g_test_add ("/window/export-asks-who-the-file-is-for", Fixture, NULL, fixture_set_up,
              test_export_asks_who_the_file_is_for, fixture_tear_down);
  g_test_add ("/window/chooser-keeps-the-store-locked", Fixture, NULL, fixture_set_up,
              test_chooser_keeps_the_store_locked, fixture_tear_down);
  return g_test_run ();
}
