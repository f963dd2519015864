/* test-complaints.c: the Complaints tab, driven through its widgets */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "core/gw-money.h"
#include "gw-application.h"
#include "gw-transfer.h"
#include "gw-window.h"
#include "views/gw-complaint-detail.h"
#include "views/gw-complaints-view.h"
#include "views/gw-top-issues-dialog.h"
#include "views/gw-categories-dialog.h"
#include "views/gw-customer-dialog.h"
#include "core/gw-csv.h"
#include "views/gw-import-dialog.h"
#include "views/gw-complaint-editor.h"
#include "views/gw-staff-editor.h"
#include "views/gw-staff-view.h"
#include "views/gw-recognition-dialog.h"
#include "views/gw-training-dialog.h"
#include "views/gw-concern-dialog.h"
#include "views/gw-assessment-dialog.h"
#include "views/gw-assessment-view.h"
#include "views/gw-goal-dialog.h"
#include "views/gw-review-window.h"
#include "views/gw-vision-dialog.h"
#include "views/gw-vision-view.h"
#include "views/gw-view-utils.h"

static GwApplication *application;

typedef struct {
  char             *directory;
  char             *path;
  GwWindow         *window;
  GwStore          *store;
  GwComplaintsView *view;
  GwComplaintDetail *detail;
} Fixture;

static gboolean
on_timeout (gpointer data)
{
  g_error ("timed out waiting for: %s", (const char *) data);
  return G_SOURCE_REMOVE;
}

#define WAIT_FOR(condition)                                                       \
  G_STMT_START {                                                                  \
    guint timeout_ = g_timeout_add_seconds (10, on_timeout, (gpointer) #condition); \
    while (!(condition))                                                          \
      g_main_context_iteration (NULL, TRUE);                                      \
    g_source_remove (timeout_);                                                   \
  } G_STMT_END

static GtkWidget *
child (Fixture    *fixture,
       GtkWidget  *widget,
       GType       type,
       const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (widget, type, name));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->directory = g_dir_make_tmp ("goodwill-complaints-XXXXXX", &error);
  fixture->path = g_build_filename (fixture->directory, "store.db", NULL);
  {
    g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);

    g_assert_no_error (error);
    g_assert_true (gw_transfer_fill_demo (store, g_get_real_time () / G_USEC_PER_SEC, NULL,
                                          &error));
  }

  fixture->window = gw_window_new (application, fixture->path);
  gtk_window_present (GTK_WINDOW (fixture->window));
  WAIT_FOR (gw_window_get_store (fixture->window) != NULL);
  fixture->store = gw_window_get_store (fixture->window);
  /* Nothing is saved until the store has been read through for damage. */
  WAIT_FOR (gw_store_is_verified (fixture->store));
  fixture->view = GW_COMPLAINTS_VIEW (child (fixture, GTK_WIDGET (fixture->window), GW_TYPE_WINDOW,
                                             "complaints_view"));
  fixture->detail = gw_complaints_view_get_detail (fixture->view);
  WAIT_FOR (g_list_model_get_n_items (G_LIST_MODEL (gw_complaints_view_get_list (fixture->view)))
            > 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  for (guint i = 0; i < 3; i++)
    {
      static const char *const suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *path = g_strconcat (fixture->path, suffixes[i], NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->directory);
  g_free (fixture->path);
  g_free (fixture->directory);
}

static guint
n_listed (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gw_complaints_view_get_list (fixture->view)));
}

static gint64
listed_id (Fixture *fixture,
           guint    position)
{
  g_autoptr(GwComplaintItem) item =
    g_list_model_get_item (G_LIST_MODEL (gw_complaints_view_get_list (fixture->view)), position);

  return gw_complaint_item_get_id (item);
}

static gint64
add_complaint (Fixture    *fixture,
               const char *description)
{
  g_autoptr(GwComplaint) complaint = gw_complaint_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  complaint->received_at = g_get_real_time () / G_USEC_PER_SEC;
  g_free (complaint->description);
  complaint->description = g_strdup (description);
  g_free (complaint->customer_name);
  complaint->customer_name = g_strdup ("Tove Jansson");
  id = gw_store_add_complaint (fixture->store, complaint, &error);
  g_assert_no_error (error);
  return id;
}

/* Every label text under @widget, joined by newlines. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_string_append (text, gtk_label_get_label (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_text (c, text);
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *needle)
{
  g_autoptr(GString) text = g_string_new (NULL);

  collect_text (widget, text);
  return strstr (text->str, needle) != NULL;
}

static GtkWidget *
find_by_id (GtkWidget  *widget,
            const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_by_id (c, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A control of the filter popover, opened with its button as a person
 * would: the controls are made the first time it opens. */
static GtkWidget *
filter_control (Fixture    *fixture,
                const char *id)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (child (fixture, GTK_WIDGET (fixture->view),
                                                  GW_TYPE_COMPLAINTS_VIEW, "filter_button"));
  GtkWidget *popover;
  GtkWidget *control;

  gtk_menu_button_popup (button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  g_assert_nonnull (popover);
  WAIT_FOR (gtk_widget_get_mapped (popover));
  control = find_by_id (popover, id);
  g_assert_nonnull (control);
  return control;
}

/* Closes the filter popover, as a person does when done with it. */
static void
close_filters (Fixture *fixture)
{
  gtk_menu_button_popdown (GTK_MENU_BUTTON (child (fixture, GTK_WIDGET (fixture->view),
                                                   GW_TYPE_COMPLAINTS_VIEW, "filter_button")));
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0
      && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_search_finds_it (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 id = add_complaint (fixture, "The xylophone arrived without its mallets");
  GtkEditable *search = GTK_EDITABLE (child (fixture, GTK_WIDGET (fixture->view),
                                             GW_TYPE_COMPLAINTS_VIEW, "search_entry"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  {
    GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));

    g_assert_nonnull (focus);
    g_assert_true (focus == GTK_WIDGET (search) || gtk_widget_is_ancestor (focus, GTK_WIDGET (search)));
  }

  gtk_editable_set_text (search, "xyloph");
  WAIT_FOR (n_listed (fixture) == 1);
  g_assert_cmpint (listed_id (fixture, 0), ==, id);

  /* By the customer's name too, with nothing else matching. */
  gtk_editable_set_text (search, "tove jans");
  WAIT_FOR (n_listed (fixture) == 1 && listed_id (fixture, 0) == id);

  gtk_editable_set_text (search, "qqqqzzzz");
  WAIT_FOR (n_listed (fixture) == 0);
  WAIT_FOR (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (
              child (fixture, GTK_WIDGET (fixture->view), GW_TYPE_COMPLAINTS_VIEW, "list_stack"))),
              "no-matches") == 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view),
                                             "complaints.clear-filters", NULL));
  WAIT_FOR (n_listed (fixture) > 1);
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "");
}

/* A search while resolved complaints are left out says how many of them
 * match, and one click lists them. */
static void
test_search_tells_of_resolved (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  GtkRevealer *hint = GTK_REVEALER (child (fixture, view, GW_TYPE_COMPLAINTS_VIEW,
                                           "resolved_hint"));
  GtkEditable *search = GTK_EDITABLE (child (fixture, view, GW_TYPE_COMPLAINTS_VIEW,
                                             "search_entry"));
  g_autoptr(GError) error = NULL;
  gint64 open_id = add_complaint (fixture, "The zeppelin model lost a propeller");
  gint64 ids[2];

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GwComplaint) resolved = NULL;

      ids[i] = add_complaint (fixture, "The zeppelin kite tore at once");
      resolved = gw_store_get_complaint (fixture->store, ids[i], NULL);
      resolved->status = GW_STATUS_RESOLVED;
      resolved->resolved_at = g_get_real_time () / G_USEC_PER_SEC;
      g_assert_true (gw_store_update_complaint (fixture->store, resolved, 0, &error));
      g_assert_no_error (error);
    }

  gtk_editable_set_text (search, "zeppelin");
  WAIT_FOR (n_listed (fixture) == 1 && gtk_revealer_get_reveal_child (hint));
  g_assert_cmpint (listed_id (fixture, 0), ==, open_id);
  g_assert_true (shows_text (GTK_WIDGET (hint), "2 resolved complaints also match"));

  g_assert_true (gtk_widget_activate_action (view, "complaints.show-resolved", NULL));
  WAIT_FOR (n_listed (fixture) == 3 && !gtk_revealer_get_reveal_child (hint));

  /* Nothing resolved matches: nothing said. */
  g_assert_true (gtk_widget_activate_action (view, "complaints.clear-filters", NULL));
  gtk_editable_set_text (search, "propeller");
  WAIT_FOR (n_listed (fixture) == 1);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_usleep (200 * 1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (gtk_revealer_get_reveal_child (hint));
}

static void
test_filters_and_chips (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  GtkWidget *chips = child (fixture, view, GW_TYPE_COMPLAINTS_VIEW, "chips_box");
  guint unresolved = n_listed (fixture);
  GtkCheckButton *show_resolved;
  GtkCheckButton *overdue;
  GtkDropDown *kind;
  guint everything;

  /* A filter chosen before the popover was ever opened shows in it. */
  gw_complaints_view_show_overdue (fixture->view);
  WAIT_FOR (shows_text (chips, "Overdue only"));
  overdue = GTK_CHECK_BUTTON (filter_control (fixture, "overdue_check"));
  g_assert_true (gtk_check_button_get_active (overdue));
  gtk_check_button_set_active (overdue, FALSE);
  WAIT_FOR (n_listed (fixture) == unresolved && !gtk_widget_get_visible (chips));

  show_resolved = GTK_CHECK_BUTTON (filter_control (fixture, "show_resolved_check"));
  kind = GTK_DROP_DOWN (filter_control (fixture, "kind_dropdown"));
  g_assert_false (gtk_widget_get_visible (chips));
  gtk_check_button_set_active (show_resolved, TRUE);
  /* A first page shows at once, then the rest follows. */
  everything = gw_store_count_complaints (fixture->store, NULL);
  g_assert_cmpuint (everything, >, unresolved);
  WAIT_FOR (n_listed (fixture) == everything
            && !gw_complaint_list_get_loading (gw_complaints_view_get_list (fixture->view)));

  /* Compliments only: a chip says so, and clicking it takes it away. */
  gtk_drop_down_set_selected (kind, 1 + GW_KIND_COMPLIMENT);
  WAIT_FOR (n_listed (fixture) < everything);
  for (guint i = 0; i < n_listed (fixture); i++)
    {
      g_autoptr(GwComplaintItem) item =
        g_list_model_get_item (G_LIST_MODEL (gw_complaints_view_get_list (fixture->view)), i);

      g_assert_cmpint (gw_complaint_item_get_complaint (item)->kind, ==, GW_KIND_COMPLIMENT);
    }
  g_assert_true (gtk_widget_get_visible (chips));
  g_assert_true (shows_text (chips, "Kind: Compliment"));

  for (GtkWidget *chip = gtk_widget_get_first_child (chips); chip;
       chip = gtk_widget_get_next_sibling (chip))
    if (shows_text (chip, "Kind: Compliment"))
      {
        g_signal_emit_by_name (chip, "clicked");
        break;
      }
  WAIT_FOR (n_listed (fixture) == everything);
  g_assert_cmpuint (gtk_drop_down_get_selected (kind), ==, 0);
  close_filters (fixture);

  /* The overdue count reaches the tab. */
  WAIT_FOR (gw_complaints_view_get_overdue_count (fixture->view) >= 3);
}

/* However many filters are in force, their chips wrap inside the list
 * pane: the detail pane keeps its width and each chip shows whole. */
static void
test_chips_keep_detail_width (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  GtkWidget *chips = child (fixture, view, GW_TYPE_COMPLAINTS_VIEW, "chips_box");
  GtkWidget *detail_stack = child (fixture, view, GW_TYPE_COMPLAINTS_VIEW, "detail_stack");
  static const char *const dropdowns[] = { "status_dropdown", "kind_dropdown",
                                           "channel_dropdown", "period_dropdown" };
  int detail_width;
  guint n_chips = 0;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  WAIT_FOR (gtk_widget_get_width (detail_stack) > 0);
  detail_width = gtk_widget_get_width (detail_stack);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (filter_control (fixture, "show_resolved_check")),
                               TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (filter_control (fixture, dropdowns[i])), 1);
  close_filters (fixture);
  WAIT_FOR (gtk_widget_get_mapped (chips));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  for (GtkWidget *chip = gtk_widget_get_first_child (chips); chip;
       chip = gtk_widget_get_next_sibling (chip))
    {
      GtkLabel *label = GTK_LABEL (gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (chip))));

      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
      n_chips++;
    }
  g_assert_cmpuint (n_chips, ==, 5);
  /* More than one line of them. */
  g_assert_cmpint (gtk_widget_get_height (chips), >,
                   gtk_widget_get_height (gtk_widget_get_first_child (chips)));
  g_assert_cmpint (gtk_widget_get_width (detail_stack), ==, detail_width);
}

/* Clicks the primary button at @widget's centre through the X server, as
 * the pointer would. The window is at the screen's corner: nothing here
 * moves it. */
static void
click_on (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  graphene_point_t point;
  double surface_x, surface_y;
  int status;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                                 gtk_widget_get_height (widget) / 2.0),
                                           &point));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  command = g_strdup_printf ("xdotool mousemove %d %d click 1", (int) (point.x + surface_x),
                             (int) (point.y + surface_y));
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static GtkWidget *
first_row (GtkWidget *list_view)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list_view); row;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_first_child (row) != NULL && gtk_widget_get_mapped (row))
      return row;
  return NULL;
}

/* In a window too narrow for the detail beside the list, one click on a
 * complaint opens it, as in a wide one. */
static void
test_narrow_click_opens (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  AdwLeaflet *leaflet = ADW_LEAFLET (child (fixture, view, GW_TYPE_COMPLAINTS_VIEW, "leaflet"));
  GtkWidget *list_view = child (fixture, view, GW_TYPE_COMPLAINTS_VIEW, "list_view");
  GtkWidget *row;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 500, 700);
  WAIT_FOR (adw_leaflet_get_folded (leaflet) && first_row (list_view) != NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  row = first_row (list_view);
  click_on (row);
  WAIT_FOR (adw_leaflet_get_visible_child (leaflet)
            == child (fixture, view, GW_TYPE_COMPLAINTS_VIEW, "detail_stack"));
  g_assert_cmpint (gw_complaint_detail_get_id (fixture->detail), ==, listed_id (fixture, 0));
}

static void
select_and_wait (Fixture *fixture,
                 gint64   id)
{
  gw_complaints_view_select (fixture->view, id);
  WAIT_FOR (gw_complaint_detail_get_id (fixture->detail) == id);
}

/* Each complaint opens at its top, whatever was scrolled to in the last. */
static void
test_detail_opens_at_top (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GString) long_text = g_string_new ("The order was late.");
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  gint64 first, second;

  for (guint i = 0; i < 80; i++)
    g_string_append (long_text, "\nAnd then something else went wrong.");
  first = add_complaint (fixture, long_text->str);
  second = add_complaint (fixture, "The box was dented");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 600);

  select_and_wait (fixture, first);
  scroller = GTK_SCROLLED_WINDOW (child (fixture, GTK_WIDGET (fixture->detail),
                                         GW_TYPE_COMPLAINT_DETAIL, "scroller"));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  WAIT_FOR (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) > 200);
  gtk_adjustment_set_value (adjustment, 200);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 200);

  select_and_wait (fixture, second);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
}

static GtkWidget *
find_of_type (GtkWidget *widget,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_of_type (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Return in a single-line field, as GtkText's key binding does. */
static void
press_return_in (GtkWidget *field)
{
  GtkWidget *text = find_of_type (field, GTK_TYPE_TEXT);

  g_assert_nonnull (text);
  g_signal_emit_by_name (text, "activate");
}

static gint64
informed_at (Fixture *fixture,
             gint64   id)
{
  g_autoptr(GwComplaint) complaint = gw_store_get_complaint (fixture->store, id, NULL);

  return complaint->last_informed_at;
}

/* Return in the "Informed…" popover records it, as its button does. */
static void
test_return_records_informed (Fixture       *fixture,
                              gconstpointer  data)
{
  gint64 id = add_complaint (fixture, "The parcel was left in the rain");
  GtkWidget *detail = GTK_WIDGET (fixture->detail);
  GtkPopover *popover = GTK_POPOVER (child (fixture, detail, GW_TYPE_COMPLAINT_DETAIL,
                                            "informed_popover"));
  GtkWidget *text = child (fixture, detail, GW_TYPE_COMPLAINT_DETAIL, "informed_text");

  select_and_wait (fixture, id);
  gtk_popover_popup (popover);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  gtk_widget_grab_focus (text);
  gtk_editable_set_text (GTK_EDITABLE (text), "Told her the new one comes on Friday");
  press_return_in (text);
  /* The button shows itself pressed for a moment first. */
  WAIT_FOR (informed_at (fixture, id) > 0);
  WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (popover)));
}

/* A description pasted from a long e-mail: the list shows its start, the
 * detail folds it with a button for the rest, and its buttons stay near. */
static void
test_long_description_folds (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("Start of the story. ");
  GtkWidget *detail = GTK_WIDGET (fixture->detail);
  GtkLabel *label = GTK_LABEL (child (fixture, detail, GW_TYPE_COMPLAINT_DETAIL,
                                      "description_label"));
  GtkWidget *more = child (fixture, detail, GW_TYPE_COMPLAINT_DETAIL, "description_more");
  gint64 id;

  while (text->len < 100000)
    g_string_append (text, "The parcel went to the wrong town again and again. ");
  g_string_append (text, "The very end.");
  id = add_complaint (fixture, text->str);
  WAIT_FOR (n_listed (fixture) > 0 && listed_id (fixture, 0) == id);

  /* The row holds the start only. */
  {
    GtkWidget *list_view = child (fixture, GTK_WIDGET (fixture->view), GW_TYPE_COMPLAINTS_VIEW,
                                  "list_view");

    WAIT_FOR (shows_text (list_view, "Start of the story."));
    g_assert_false (shows_text (list_view, "The very end."));
  }

  select_and_wait (fixture, id);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (label), "Start of the story."));
  g_assert_cmpuint (strlen (gtk_label_get_label (label)), <, 2000);
  g_assert_true (gtk_widget_get_visible (more));
  g_assert_true (gtk_widget_activate_action (detail, "detail.show-whole-description", NULL));
  g_assert_cmpstr (gtk_label_get_label (label), ==, text->str);
  g_assert_false (gtk_widget_get_visible (more));

  /* A short one shows whole, without the button. */
  select_and_wait (fixture, add_complaint (fixture, "A short one"));
  g_assert_cmpstr (gtk_label_get_label (label), ==, "A short one");
  g_assert_false (gtk_widget_get_visible (more));
}

/* A spreadsheet may give an amount and no kind of compensation: the
 * detail shows the amount all the same. */
static void
test_amount_without_kind_shows (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GwComplaint) complaint = gw_complaint_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  complaint->received_at = g_get_real_time () / G_USEC_PER_SEC;
  g_free (complaint->description);
  complaint->description = g_strdup ("The lid was broken");
  complaint->compensation_amount = 1250;
  id = gw_store_add_complaint (fixture->store, complaint, &error);
  g_assert_no_error (error);

  select_and_wait (fixture, id);
  g_assert_true (shows_text (GTK_WIDGET (fixture->detail), "Compensation"));
  g_assert_true (shows_text (GTK_WIDGET (fixture->detail), "12.50"));
}

static void
test_hand_over_shows_in_timeline (Fixture       *fixture,
                                  gconstpointer  data)
{
  gint64 id = add_complaint (fixture, "Wrong colour delivered");
  GtkWidget *detail = GTK_WIDGET (fixture->detail);
  GtkDropDown *staff = GTK_DROP_DOWN (child (fixture, detail, GW_TYPE_COMPLAINT_DETAIL,
                                             "handover_staff"));
  GtkEditable *note = GTK_EDITABLE (child (fixture, detail, GW_TYPE_COMPLAINT_DETAIL,
                                           "handover_note"));
  GtkWidget *timeline = child (fixture, detail, GW_TYPE_COMPLAINT_DETAIL, "timeline_list");
  GListModel *choices = gtk_drop_down_get_model (staff);
  g_autoptr(GPtrArray) events = NULL;
  const char *name;
  g_autofree char *expected = NULL;

  select_and_wait (fixture, id);
  g_assert_false (shows_text (timeline, "Handed over"));

  gtk_drop_down_set_selected (staff, 1);
  name = gtk_string_list_get_string (GTK_STRING_LIST (choices), 1);
  gtk_editable_set_text (note, "She wants the blue one; call after 5 pm");
  g_assert_true (gtk_widget_activate_action (detail, "detail.hand-over", NULL));

  expected = g_strdup_printf ("Handed over to %s", name);
  WAIT_FOR (shows_text (timeline, expected));
  g_assert_true (shows_text (timeline, "She wants the blue one; call after 5 pm"));
  g_assert_cmpstr (gtk_editable_get_text (note), ==, "");

  events = gw_store_list_events (fixture->store, id, NULL);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (((GwComplaintEvent *) g_ptr_array_index (events, 0))->kind, ==,
                   GW_EVENT_HANDOVER);

  /* A note typed in the timeline goes there too. */
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, detail, GW_TYPE_COMPLAINT_DETAIL,
                                              "note_row")), "Left a voicemail");
  g_signal_emit_by_name (child (fixture, detail, GW_TYPE_COMPLAINT_DETAIL, "note_row"), "apply");
  WAIT_FOR (shows_text (timeline, "Left a voicemail"));
}

static void
test_resolve_records_outcome (Fixture       *fixture,
                              gconstpointer  data)
{
  gint64 id = add_complaint (fixture, "Kettle leaks");
  GtkWidget *detail = GTK_WIDGET (fixture->detail);
  g_autoptr(GwComplaint) stored = NULL;
  GtkEditable *amount = GTK_EDITABLE (child (fixture, detail, GW_TYPE_COMPLAINT_DETAIL,
                                             "resolve_amount"));

  select_and_wait (fixture, id);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (fixture, detail, GW_TYPE_COMPLAINT_DETAIL,
                                                    "resolve_feeling")), GW_FEELING_DELIGHTED);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (fixture, detail, GW_TYPE_COMPLAINT_DETAIL,
                                                    "resolve_buy_again")), GW_BUY_AGAIN_YES);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (fixture, detail, GW_TYPE_COMPLAINT_DETAIL,
                                                    "resolve_compensation")),
                              GW_COMPENSATION_REPLACEMENT);
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, detail, GW_TYPE_COMPLAINT_DETAIL,
                                              "resolve_prevention")),
                         "Check seals on delivery");

  /* A bad amount is pointed out and nothing is saved or lost. */
  gtk_editable_set_text (amount, "twelve");
  g_assert_true (gtk_widget_activate_action (detail, "detail.resolve", NULL));
  stored = gw_store_get_complaint (fixture->store, id, NULL);
  g_assert_cmpint (stored->status, ==, GW_STATUS_OPEN);
  g_assert_true (gtk_widget_get_visible (child (fixture, detail, GW_TYPE_COMPLAINT_DETAIL,
                                                "resolve_error")));
  g_assert_cmpstr (gtk_editable_get_text (amount), ==, "twelve");
  g_clear_pointer (&stored, gw_complaint_free);

  gtk_editable_set_text (amount, "89,50");
  g_assert_true (gtk_widget_activate_action (detail, "detail.resolve", NULL));
  stored = gw_store_get_complaint (fixture->store, id, NULL);
  g_assert_cmpint (stored->status, ==, GW_STATUS_RESOLVED);
  g_assert_cmpint (stored->resolved_at, >, 0);
  g_assert_cmpint (stored->customer_feeling, ==, GW_FEELING_DELIGHTED);
  g_assert_cmpint (stored->will_buy_again, ==, GW_BUY_AGAIN_YES);
  g_assert_cmpint (stored->compensation_type, ==, GW_COMPENSATION_REPLACEMENT);
  g_assert_cmpint (stored->compensation_amount, ==, 8950);
  g_assert_cmpstr (stored->prevention, ==, "Check seals on delivery");
  WAIT_FOR (shows_text (GTK_WIDGET (fixture->detail), "Resolved"));
}

/* In Swedish the popover offers the recorded amount as Swedes write it,
 * and an amount given as nothing is refused rather than lost from sight. */
static void
test_resolve_amount_in_swedish (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *detail = GTK_WIDGET (fixture->detail);
  GtkEditable *amount = GTK_EDITABLE (child (fixture, detail, GW_TYPE_COMPLAINT_DETAIL,
                                             "resolve_amount"));
  GtkPopover *popover = GTK_POPOVER (child (fixture, detail, GW_TYPE_COMPLAINT_DETAIL,
                                            "resolve_popover"));
  g_autoptr(GwComplaint) complaint = gw_complaint_new ();
  g_autoptr(GwComplaint) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (setlocale (LC_NUMERIC, "sv_SE.UTF-8") == NULL)
    {
      g_test_skip ("the sv_SE.UTF-8 locale is not installed (tools/setup.sh installs it)");
      return;
    }
  complaint->received_at = g_get_real_time () / G_USEC_PER_SEC;
  g_free (complaint->description);
  complaint->description = g_strdup ("The kettle leaks");
  complaint->compensation_type = GW_COMPENSATION_REFUND;
  complaint->compensation_amount = 123490;
  id = gw_store_add_complaint (fixture->store, complaint, &error);
  g_assert_no_error (error);

  select_and_wait (fixture, id);
  gtk_popover_popup (popover);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_cmpstr (gtk_editable_get_text (amount), ==, "1\u202f234,90");

  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (fixture, detail, GW_TYPE_COMPLAINT_DETAIL,
                                                    "resolve_compensation")),
                              GW_COMPENSATION_NONE);
  g_assert_true (gtk_widget_activate_action (detail, "detail.resolve", NULL));
  stored = gw_store_get_complaint (fixture->store, id, NULL);
  g_assert_cmpint (stored->status, ==, GW_STATUS_OPEN);
  g_assert_true (gtk_widget_get_visible (child (fixture, detail, GW_TYPE_COMPLAINT_DETAIL,
                                                "resolve_error")));
  g_assert_cmpstr (gtk_editable_get_text (amount), ==, "1\u202f234,90");
  g_clear_pointer (&stored, gw_complaint_free);

  /* Typed back as it was offered, it is read as it was. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (fixture, detail, GW_TYPE_COMPLAINT_DETAIL,
                                                    "resolve_compensation")),
                              GW_COMPENSATION_COUPON);
  g_assert_true (gtk_widget_activate_action (detail, "detail.resolve", NULL));
  stored = gw_store_get_complaint (fixture->store, id, NULL);
  setlocale (LC_NUMERIC, "C.UTF-8");
  g_assert_cmpint (stored->status, ==, GW_STATUS_RESOLVED);
  g_assert_cmpint (stored->compensation_type, ==, GW_COMPENSATION_COUPON);
  g_assert_cmpint (stored->compensation_amount, ==, 123490);
}

static void
test_undo_delete (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 id = add_complaint (fixture, "Delete me, then bring me back");
  gint64 before = gw_store_count_complaints (fixture->store, NULL);
  GtkWidget *undo;

  select_and_wait (fixture, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "detail.delete", NULL));
  g_assert_cmpint (gw_store_count_complaints (fixture->store, NULL), ==, before - 1);
  WAIT_FOR (gw_complaint_list_find (gw_complaints_view_get_list (fixture->view), id) == G_MAXUINT);

  WAIT_FOR ((undo = find_button (GTK_WIDGET (fixture->window), "_Undo")) != NULL);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_cmpint (gw_store_count_complaints (fixture->store, NULL), ==, before);
  WAIT_FOR (gw_complaint_list_find (gw_complaints_view_get_list (fixture->view), id) != G_MAXUINT);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static GtkWindow *
find_top_issues (void)
{
  return find_toplevel (GW_TYPE_TOP_ISSUES_DIALOG);
}

/* A customer's history: a compliment shows no status, as it has none to
 * resolve; a complaint shows where it stands. */
static void
test_history_of_compliment (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 id = add_complaint (fixture, "Broken handle");
  g_autoptr(GwComplaint) praise = gw_complaint_new ();
  GtkWindow *dialog;
  GtkWidget *history;

  praise->received_at = g_get_real_time () / G_USEC_PER_SEC;
  praise->kind = GW_KIND_COMPLIMENT;
  g_free (praise->description);
  praise->description = g_strdup ("Lovely help at the till");
  g_free (praise->customer_name);
  praise->customer_name = g_strdup ("Tove Jansson");
  g_assert_cmpint (gw_store_add_complaint (fixture->store, praise, NULL), >, 0);

  select_and_wait (fixture, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "detail.customer",
                                             NULL));
  WAIT_FOR ((dialog = find_toplevel (GW_TYPE_CUSTOMER_DIALOG)) != NULL);
  history = child (fixture, GTK_WIDGET (dialog), GW_TYPE_CUSTOMER_DIALOG, "history_list");
  WAIT_FOR (shows_text (history, "Lovely help at the till"));
  for (GtkWidget *row = gtk_widget_get_first_child (history); row;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      if (g_str_has_suffix (title, "Compliment"))
        g_assert_null (strstr (title, "Open"));
      else
        g_assert_true (g_str_has_suffix (title, "Complaint · Open"));
    }
  gtk_window_destroy (dialog);
}

/* A form opened on what is already written puts the cursor after it:
 * the first key typed adds to a name, never replaces it. */
static void
test_name_not_selected_on_open (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) people = gw_store_list_staff (fixture->store, NULL);
  GtkWindow *editor;
  GtkWidget *name;
  int start = -1, end = -1;

  g_assert_cmpuint (people->len, >, 0);
  editor = GTK_WINDOW (gw_staff_editor_new (GTK_WINDOW (fixture->window), fixture->store,
                                            g_ptr_array_index (people, 0)));
  gtk_window_present (editor);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  name = child (fixture, GTK_WIDGET (editor), GW_TYPE_STAFF_EDITOR, "name_row");
  g_assert_true (gtk_widget_has_focus (find_of_type (name, GTK_TYPE_TEXT)));
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (name), &start, &end));
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (name)), ==,
                   g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (name)), -1));
  gtk_window_destroy (editor);
}

static void
test_customer_notes_and_merge (Fixture       *fixture,
                               gconstpointer  data)
{
  gint64 id = add_complaint (fixture, "First visit");
  g_autoptr(GwComplaint) other = gw_complaint_new ();
  g_autoptr(GwComplaint) stored = NULL;
  g_autoptr(GwCustomer) customer = NULL;
  GtkWindow *dialog;
  GtkWidget *matches;
  GtkWindow *confirm;
  GtkTextBuffer *notes;
  gint64 other_id;

  /* The same person, written another way, with an e-mail. */
  other->received_at = g_get_real_time () / G_USEC_PER_SEC;
  g_free (other->description);
  other->description = g_strdup ("Second visit");
  g_free (other->customer_name);
  other->customer_name = g_strdup ("T. Jansson");
  g_free (other->customer_email);
  other->customer_email = g_strdup ("tove@example.fi");
  other_id = gw_store_add_complaint (fixture->store, other, NULL);

  select_and_wait (fixture, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "detail.customer",
                                             NULL));
  WAIT_FOR ((dialog = find_toplevel (GW_TYPE_CUSTOMER_DIALOG)) != NULL);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "First visit"));

  notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (fixture, GTK_WIDGET (dialog),
                                                          GW_TYPE_CUSTOMER_DIALOG, "notes_view")));
  gtk_text_buffer_set_text (notes, "Likes a call before noon", -1);

  gtk_editable_set_text (GTK_EDITABLE (child (fixture, GTK_WIDGET (dialog),
                                              GW_TYPE_CUSTOMER_DIALOG, "merge_search_row")),
                         "T. Jan");
  matches = child (fixture, GTK_WIDGET (dialog), GW_TYPE_CUSTOMER_DIALOG, "merge_matches");
  WAIT_FOR (gtk_widget_get_visible (matches));
  g_signal_emit_by_name (matches, "row-activated",
                         gtk_list_box_get_row_at_index (GTK_LIST_BOX (matches), 0));
  WAIT_FOR ((confirm = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "merge");
  WAIT_FOR (shows_text (GTK_WIDGET (dialog), "Second visit"));

  stored = gw_store_get_complaint (fixture->store, other_id, NULL);
  customer = gw_store_get_customer (fixture->store, stored->customer_id, NULL);
  g_assert_cmpstr (customer->name, ==, "Tove Jansson");
  g_assert_cmpstr (customer->email, ==, "tove@example.fi");
  g_clear_pointer (&customer, gw_customer_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "customer.save", NULL));
  customer = gw_store_get_customer (fixture->store, stored->customer_id, NULL);
  g_assert_cmpstr (customer->notes, ==, "Likes a call before noon");
}

static void
test_categories_dialog (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWindow *dialog;
  GtkWidget *new_row;
  g_autoptr(GPtrArray) before = gw_store_list_categories (fixture->store, NULL);
  g_autoptr(GPtrArray) after = NULL;
  gint64 keep, merged;
  GwComplaintFilter filter = GW_COMPLAINT_FILTER_INIT;
  g_autoptr(GArray) ids = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.categories", NULL));
  WAIT_FOR ((dialog = find_toplevel (GW_TYPE_CATEGORIES_DIALOG)) != NULL);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "In Use"));

  /* A name already taken is refused where it was typed. */
  new_row = child (fixture, GTK_WIDGET (dialog), GW_TYPE_CATEGORIES_DIALOG, "new_row");
  gtk_editable_set_text (GTK_EDITABLE (new_row),
                         ((GwCategory *) g_ptr_array_index (before, 0))->name);
  g_signal_emit_by_name (new_row, "apply");
  g_assert_true (gtk_widget_get_visible (child (fixture, GTK_WIDGET (dialog),
                                                GW_TYPE_CATEGORIES_DIALOG, "error_label")));
  gtk_editable_set_text (GTK_EDITABLE (new_row), "Gift wrapping");
  g_signal_emit_by_name (new_row, "apply");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_row)), ==, "");

  keep = ((GwCategory *) g_ptr_array_index (before, 0))->id;
  merged = ((GwCategory *) g_ptr_array_index (before, 1))->id;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "categories.merge", "(xx)",
                                             keep, merged));
  after = gw_store_list_categories (fixture->store, NULL);
  g_assert_cmpuint (after->len, ==, before->len);   /* one added, one merged */
  filter.category_id = merged;
  ids = gw_store_list_complaint_ids (fixture->store, &filter, GW_SORT_NEWEST_FIRST, NULL);
  g_assert_cmpuint (ids->len, ==, 0);
  gtk_window_destroy (dialog);
}

static void
test_top_issues (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.top-issues", NULL));
  WAIT_FOR ((dialog = find_top_issues ()) != NULL);
  WAIT_FOR (!gw_top_issues_dialog_is_loading (GW_TOP_ISSUES_DIALOG (dialog)));
  /* The demo's last three months always have complaints with categories. */
  WAIT_FOR (shows_text (GTK_WIDGET (dialog), "1. "));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Compensation given"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "complaints in this period"));
  gtk_window_destroy (dialog);
}

static void
test_import_with_remapped_columns (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "butiken.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 before = gw_store_count_complaints (fixture->store, NULL);
  GwImportDialog *dialog;
  GwComplaintFilter filter = GW_COMPLAINT_FILTER_INIT;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_file_set_contents (path,
                       "\xEF\xBB\xBF" "Datum;Beskrivning;Kund;Färg\r\n"
                       "2024-05-02 10:15;\"Lampan flimrar;\r\nbytt direkt\";Greta Lind;blå\r\n"
                       "2024-05-03;Fel storlek;Olle Berg;röd\r\n",
                       -1, NULL);

  dialog = gw_import_dialog_new (GTK_WINDOW (fixture->window), fixture->store, file);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_FOR (!gw_import_dialog_is_busy (dialog));
  g_assert_cmpuint (gw_import_dialog_get_n_columns (dialog), ==, 4);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Lampan flimrar"));
  /* Return imports: the focus is on Import, not on Cancel. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

    g_assert_true (GTK_IS_BUTTON (focus));
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus)), ==, "_Import");
    g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == focus);
  }

  /* Without a mapping nothing is known, so the import says what is missing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  WAIT_FOR (!gw_import_dialog_is_busy (dialog));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "no column holds “When received”"));
  g_assert_cmpint (gw_store_count_complaints (fixture->store, NULL), ==, before);

  /* Two columns given one meaning are said at once, and nothing is imported. */
  gw_import_dialog_map_column (dialog, 0, "received_at");
  gw_import_dialog_map_column (dialog, 1, "description");
  gw_import_dialog_map_column (dialog, 2, "description");
  g_assert_true (shows_text (GTK_WIDGET (dialog), "“Beskrivning” and “Kund” both hold "
                                                  "“What happened”"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL);
  WAIT_FOR (!gw_import_dialog_is_busy (dialog));
  g_assert_false (gw_import_dialog_is_done (dialog));
  g_assert_cmpint (gw_store_count_complaints (fixture->store, NULL), ==, before);

  gw_import_dialog_map_column (dialog, 2, "customer_name");
  gw_import_dialog_map_column (dialog, 3, "");
  g_assert_false (shows_text (GTK_WIDGET (dialog), "both hold"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  WAIT_FOR (gw_import_dialog_is_done (dialog));
  g_assert_cmpint (gw_store_count_complaints (fixture->store, NULL), ==, before + 2);

  filter.search = (char *) "lampan";
  ids = gw_store_list_complaint_ids (fixture->store, &filter, GW_SORT_NEWEST_FIRST, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  rows = gw_store_get_complaints (fixture->store, (gint64 *) ids->data, 1, NULL);
  g_assert_cmpstr (((GwComplaint *) g_ptr_array_index (rows, 0))->description, ==,
                   "Lampan flimrar;\r\nbytt direkt");
  g_assert_cmpstr (((GwComplaint *) g_ptr_array_index (rows, 0))->customer_name, ==,
                   "Greta Lind");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The same file again: nothing new, and the window says why. */
  dialog = gw_import_dialog_new (GTK_WINDOW (fixture->window), fixture->store, file);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_FOR (!gw_import_dialog_is_busy (dialog));
  gw_import_dialog_map_column (dialog, 0, "received_at");
  gw_import_dialog_map_column (dialog, 1, "description");
  gw_import_dialog_map_column (dialog, 2, "customer_name");
  gw_import_dialog_map_column (dialog, 3, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  WAIT_FOR (gw_import_dialog_is_done (dialog));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Every complaint in this file is already in "
                                                  "Goodwill, so nothing new was imported."));
  g_assert_cmpint (gw_store_count_complaints (fixture->store, NULL), ==, before + 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_clipboard_read_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  g_assert_nonnull (*text);
}

/* Every bad line is listed, and "Copy the Problems" copies them all. */
static void
test_import_broken_file_lists_line (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "broken.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 before = gw_store_count_complaints (fixture->store, NULL);
  g_autofree char *copied = NULL;
  GwImportDialog *dialog;

  g_file_set_contents (path, "received_at,description\n2024-01-01,ok\n2024-02-30,bad date\n"
                       "2024-01-02,ok\n2024-01-03,\n",
                       -1, NULL);
  dialog = gw_import_dialog_new (GTK_WINDOW (fixture->window), fixture->store, file);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_FOR (!gw_import_dialog_is_busy (dialog));
  /* Our own names are matched without help. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  WAIT_FOR (!gw_import_dialog_is_busy (dialog));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Nothing was imported: 2 lines cannot be "
                                                  "imported."));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Line 3, “When received”: “2024-02-30”"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Line 5, “What happened”: this is empty, and "
                                                  "every complaint needs it"));
  g_assert_false (gw_import_dialog_is_done (dialog));
  g_assert_cmpint (gw_store_count_complaints (fixture->store, NULL), ==, before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.copy-problems", NULL));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (find_by_id (GTK_WIDGET (dialog), "copy_button"))), ==,
                   "Copied");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), NULL,
                                 on_clipboard_read_cb, &copied);
  WAIT_FOR (copied != NULL);
  g_assert_true (g_str_has_prefix (copied, "2 lines cannot be imported, so nothing was imported:\n"
                                           "Line 3, “When received”: “2024-02-30”"));
  g_assert_true (g_str_has_suffix (copied, "\nLine 5, “What happened”: this is empty, and every "
                                           "complaint needs it"));

  /* Mapping a column anew: the problems were the last attempt's, and go. */
  gw_import_dialog_map_column (dialog, 0, "follow_up_at");
  g_assert_false (shows_text (GTK_WIDGET (dialog), "Line 3, “When received”"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (find_by_id (GTK_WIDGET (dialog), "copy_button"))), ==,
                   "Co_py the Problems");
  g_assert_true (shows_text (GTK_WIDGET (dialog), "has 2 columns, separated by commas"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A spreadsheet from a Swedish Excel, in Windows-1252: the window says so,
 * shows the names as written, redraws in another encoding when asked, and
 * imports what it showed. */
static void
test_import_windows_1252 (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "excel.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 before = gw_store_count_complaints (fixture->store, NULL);
  GwComplaintFilter filter = GW_COMPLAINT_FILTER_INIT;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GwImportDialog *dialog;

  g_file_set_contents (path,
                       "received_at;customer_name;description\r\n"
                       "2024-05-02 10:15;\xC5sa \xD6" "berg;Kaffet kostade 5 \x80 f\xF6r mycket\r\n",
                       -1, NULL);
  dialog = gw_import_dialog_new (GTK_WINDOW (fixture->window), fixture->store, file);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_FOR (!gw_import_dialog_is_busy (dialog));
  g_assert_cmpstr (gw_import_dialog_get_encoding (dialog), ==, GW_CSV_ENCODING_WINDOWS_1252);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "read as Windows-1252"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Åsa Öberg"));

  /* As UTF-8 it cannot be read; the encoding can still be chosen. */
  gw_import_dialog_set_encoding (dialog, GW_CSV_ENCODING_UTF8);
  WAIT_FOR (!gw_import_dialog_is_busy (dialog));
  g_assert_cmpuint (gw_import_dialog_get_n_columns (dialog), ==, 0);
  g_assert_false (shows_text (GTK_WIDGET (dialog), "Åsa Öberg"));
  g_assert_true (gtk_widget_get_visible (find_by_id (GTK_WIDGET (dialog), "file_group")));

  gw_import_dialog_set_encoding (dialog, GW_CSV_ENCODING_WINDOWS_1252);
  WAIT_FOR (!gw_import_dialog_is_busy (dialog));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Åsa Öberg"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "5 € för mycket"));

  /* A column the person mapped stays so when the file is read again in
   * another encoding, and back. */
  gw_import_dialog_map_column (dialog, 1, "received_by");
  gw_import_dialog_set_encoding (dialog, GW_CSV_ENCODING_LATIN1);
  WAIT_FOR (!gw_import_dialog_is_busy (dialog));
  gw_import_dialog_set_encoding (dialog, GW_CSV_ENCODING_WINDOWS_1252);
  WAIT_FOR (!gw_import_dialog_is_busy (dialog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  WAIT_FOR (gw_import_dialog_is_done (dialog));
  g_assert_cmpint (gw_store_count_complaints (fixture->store, NULL), ==, before + 1);
  filter.search = (char *) "kaffet";
  ids = gw_store_list_complaint_ids (fixture->store, &filter, GW_SORT_NEWEST_FIRST, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  rows = gw_store_get_complaints (fixture->store, (gint64 *) ids->data, 1, NULL);
  g_assert_cmpstr (((GwComplaint *) g_ptr_array_index (rows, 0))->received_by, ==, "Åsa Öberg");
  g_assert_cmpstr (((GwComplaint *) g_ptr_array_index (rows, 0))->customer_name, ==, "");
  g_assert_cmpstr (((GwComplaint *) g_ptr_array_index (rows, 0))->description, ==,
                   "Kaffet kostade 5 € för mycket");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Dates that could be day or month first get a choice in the preview,
 * showing what each would make of them; the import reads them as chosen.
 * Dates that prove their order (a 25) need none. */
static void
test_import_date_order (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "datum.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GwComplaintFilter filter = GW_COMPLAINT_FILTER_INIT;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GwImportDialog *dialog;

  g_file_set_contents (path,
                       "received_at;description;follow_up_at\n"
                       "03/11/2026;Datumtest ett;25/11/2026\n"
                       "04/11/2026;Datumtest två;\n", -1, NULL);
  dialog = gw_import_dialog_new (GTK_WINDOW (fixture->window), fixture->store, file);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_FOR (!gw_import_dialog_is_busy (dialog));
  g_assert_cmpuint (gw_import_dialog_get_n_date_choices (dialog), ==, 1);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Day first (3 November 2026)"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Month first (11 March 2026)"));

  /* In this locale (C) month first is the default; the person says otherwise. */
  gw_import_dialog_choose_date_order (dialog, 0, GW_DATE_ORDER_DAY_FIRST);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  WAIT_FOR (gw_import_dialog_is_done (dialog));

  filter.search = (char *) "datumtest";
  ids = gw_store_list_complaint_ids (fixture->store, &filter, GW_SORT_NEWEST_FIRST, NULL);
  g_assert_cmpuint (ids->len, ==, 2);
  rows = gw_store_get_complaints (fixture->store, (gint64 *) ids->data, 2, NULL);
  /* 3 and 4 November 2026, Stockholm; the follow-up proves its own order. */
  for (guint i = 0; i < rows->len; i++)
    {
      GwComplaint *complaint = g_ptr_array_index (rows, i);
      gboolean first = g_str_equal (complaint->description, "Datumtest ett");

      g_assert_cmpint (complaint->received_at, ==, first ? 1793660400 : 1793746800);
      g_assert_cmpint (complaint->follow_up_at, ==, first ? 1795561200 : GW_NO_TIME);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A header far wider than a complaint is refused, with its count, before a
 * drop-down is built for any column (each took 3.7 ms on the main loop). */
static void
test_import_wide_header_refused (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "wide.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new ("received_at,description");
  g_autofree char *thousand = gw_format_integer (1000);
  g_autofree char *expected = NULL;
  GwImportDialog *dialog;
  GtkWidget *mapping_group;

  for (guint i = 3; i <= 1000; i++)
    g_string_append_printf (text, ",extra %u", i);
  g_string_append (text, "\n2024-01-01,ok");
  for (guint i = 3; i <= 1000; i++)
    g_string_append (text, ",x");
  g_string_append_c (text, '\n');
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  dialog = gw_import_dialog_new (GTK_WINDOW (fixture->window), fixture->store, file);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_FOR (!gw_import_dialog_is_busy (dialog));
  /* The count as the desktop's language groups digits. */
  expected = g_strdup_printf ("This file has %s columns; a complaint has at most 22.", thousand);
  g_assert_true (shows_text (GTK_WIDGET (dialog), expected));
  g_assert_cmpuint (gw_import_dialog_get_n_columns (dialog), ==, 0);
  mapping_group = find_by_id (GTK_WIDGET (dialog), "mapping_group");
  g_assert_false (shows_text (mapping_group, "extra 3"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL);
  g_assert_false (gw_import_dialog_is_busy (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_edit_status_and_steps (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 id = add_complaint (fixture, "Sofa leg broke");
  GwComplaintEditor *editor;
  g_autoptr(GwComplaint) stored = NULL;
  g_autoptr(GPtrArray) events = NULL;

  select_and_wait (fixture, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "detail.edit", NULL));
  WAIT_FOR ((editor = GW_COMPLAINT_EDITOR (find_toplevel (GW_TYPE_COMPLAINT_EDITOR))) != NULL);
  g_assert_true (shows_text (GTK_WIDGET (editor), "Edit Complaint"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (child (fixture, GTK_WIDGET (editor),
                                                    GW_TYPE_COMPLAINT_EDITOR, "status_row")),
                              GW_STATUS_IN_PROGRESS);
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, GTK_WIDGET (editor),
                                              GW_TYPE_COMPLAINT_EDITOR, "steps_row")),
                         "Ordered a new leg from the maker");
  /* An impossible follow-up date is pointed out and nothing is saved. */
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, GTK_WIDGET (editor),
                                              GW_TYPE_COMPLAINT_EDITOR, "follow_up_row")),
                         "2024-02-30");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  stored = gw_store_get_complaint (fixture->store, id, NULL);
  g_assert_cmpint (stored->status, ==, GW_STATUS_OPEN);
  g_assert_true (gtk_widget_has_css_class (child (fixture, GTK_WIDGET (editor),
                                                  GW_TYPE_COMPLAINT_EDITOR, "follow_up_row"),
                                           "error"));
  g_clear_pointer (&stored, gw_complaint_free);

  /* The hour the clocks skip in Stockholm is refused, and the message says why. */
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, GTK_WIDGET (editor),
                                              GW_TYPE_COMPLAINT_EDITOR, "follow_up_row")),
                         "2026-03-29 02:30");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (shows_text (GTK_WIDGET (editor),
                             "Follow-up date: “2026-03-29 02:30” never happened here: the clocks "
                             "were put forward an hour then (summer time). Write a time before "
                             "or after that hour."));
  stored = gw_store_get_complaint (fixture->store, id, NULL);
  g_assert_cmpint (stored->status, ==, GW_STATUS_OPEN);
  g_clear_pointer (&stored, gw_complaint_free);

  gtk_editable_set_text (GTK_EDITABLE (child (fixture, GTK_WIDGET (editor),
                                              GW_TYPE_COMPLAINT_EDITOR, "follow_up_row")),
                         "2030-01-15 10:00");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  stored = gw_store_get_complaint (fixture->store, id, NULL);
  g_assert_cmpint (stored->status, ==, GW_STATUS_IN_PROGRESS);
  g_assert_cmpstr (stored->steps_taken, ==, "Ordered a new leg from the maker");
  g_assert_cmpstr (stored->customer_name, ==, "Tove Jansson");

  /* The status change and the follow-up went on the timeline by themselves. */
  events = gw_store_list_events (fixture->store, id, NULL);
  g_assert_cmpuint (events->len, ==, 2);
  WAIT_FOR (shows_text (GTK_WIDGET (fixture->detail), "Open → In progress"));
}

/* The follow-up date: typed in words, or picked from the calendar beside
 * it; a day that does not exist is refused with the reason. */
static void
test_follow_up_date_field (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 id = add_complaint (fixture, "The blender is loud");
  GwComplaintEditor *editor;
  GtkWidget *row;
  GtkMenuButton *calendar_button;
  GtkPopover *popover;
  GtkCalendar *calendar;
  g_autoptr(GwComplaint) stored = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autoptr(GDateTime) picked = NULL;

  if (setlocale (LC_TIME, "en_US.UTF-8") == NULL)
    {
      g_test_skip ("the en_US.UTF-8 locale is not installed (tools/setup.sh installs it)");
      return;
    }
  select_and_wait (fixture, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "detail.edit", NULL));
  WAIT_FOR ((editor = GW_COMPLAINT_EDITOR (find_toplevel (GW_TYPE_COMPLAINT_EDITOR))) != NULL);
  row = child (fixture, GTK_WIDGET (editor), GW_TYPE_COMPLAINT_EDITOR, "follow_up_row");

  gtk_editable_set_text (GTK_EDITABLE (row), "2027-02-31 10:00");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (shows_text (GTK_WIDGET (editor), "February 2027 has only 28 days"));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  stored = gw_store_get_complaint (fixture->store, id, NULL);
  g_assert_cmpint (stored->follow_up_at, ==, GW_NO_TIME);
  g_clear_pointer (&stored, gw_complaint_free);

  /* The calendar opens on the day typed; a day picked there, at the time
   * chosen below it, is written into the field. */
  gtk_editable_set_text (GTK_EDITABLE (row), "tomorrow 9:30");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  calendar_button = GTK_MENU_BUTTON (find_of_type (row, GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (calendar_button);
  gtk_menu_button_popup (calendar_button);
  popover = gtk_menu_button_get_popover (calendar_button);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  calendar = GTK_CALENDAR (find_of_type (GTK_WIDGET (popover), GTK_TYPE_CALENDAR));
  tomorrow = g_date_time_add_days (now, 1);
  {
    g_autoptr(GDateTime) shown = gtk_calendar_get_date (calendar);

    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==,
                     g_date_time_get_day_of_month (tomorrow));
  }
  picked = g_date_time_add_days (now, 9);
  gtk_calendar_select_day (calendar, picked);
  {
    g_autoptr(GDateTime) at = g_date_time_new_local (g_date_time_get_year (picked),
                                                     g_date_time_get_month (picked),
                                                     g_date_time_get_day_of_month (picked),
                                                     9, 30, 0);
    g_autofree char *expected = g_strdup_printf ("%02d/%02d/%04d 09:30",
                                                 g_date_time_get_month (picked),
                                                 g_date_time_get_day_of_month (picked),
                                                 g_date_time_get_year (picked));

    /* As US English writes it. */
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, expected);
    gtk_popover_popdown (popover);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
    stored = gw_store_get_complaint (fixture->store, id, NULL);
    g_assert_cmpint (stored->follow_up_at, ==, g_date_time_to_unix (at));
    g_clear_pointer (&stored, gw_complaint_free);
  }

  /* A day alone is kept at its start, and shown without "00:00". */
  WAIT_FOR (find_toplevel (GW_TYPE_COMPLAINT_EDITOR) == NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "detail.edit", NULL));
  WAIT_FOR ((editor = GW_COMPLAINT_EDITOR (find_toplevel (GW_TYPE_COMPLAINT_EDITOR))) != NULL);
  row = child (fixture, GTK_WIDGET (editor), GW_TYPE_COMPLAINT_EDITOR, "follow_up_row");
  gtk_editable_set_text (GTK_EDITABLE (row), "Tomorrow");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  stored = gw_store_get_complaint (fixture->store, id, NULL);
  {
    g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                                        g_date_time_get_month (tomorrow),
                                                        g_date_time_get_day_of_month (tomorrow),
                                                        0, 0, 0);

    g_assert_cmpint (stored->follow_up_at, ==, g_date_time_to_unix (start));
  }
  {
    g_autofree char *day = g_strdup_printf ("%02d/%02d/%04d", g_date_time_get_month (tomorrow),
                                            g_date_time_get_day_of_month (tomorrow),
                                            g_date_time_get_year (tomorrow));

    WAIT_FOR (shows_text (GTK_WIDGET (fixture->detail), day));
  }
  g_assert_false (shows_text (GTK_WIDGET (fixture->detail), "00:00"));
  setlocale (LC_TIME, "C.UTF-8");
}

/* The Staff tab: add a person as a manager; the Complaints tab then offers
 * their number to counter staff. A missing name is refused where it is. */
static void
test_add_manager (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *staff_view = GTK_WIDGET (gw_window_get_staff_view (fixture->window));
  GtkWidget *managers_button = child (fixture, GTK_WIDGET (fixture->view),
                                      GW_TYPE_COMPLAINTS_VIEW, "managers_button");
  GtkWindow *editor;
  g_autoptr(GPtrArray) staff = NULL;
  gboolean found = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             "staff"));
  g_assert_true (gtk_widget_activate_action (staff_view, "staff.add", NULL));
  WAIT_FOR ((editor = find_toplevel (GW_TYPE_STAFF_EDITOR)) != NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "staff-editor.save", NULL));
  g_assert_true (gtk_widget_get_visible (child (fixture, GTK_WIDGET (editor),
                                                GW_TYPE_STAFF_EDITOR, "error_label")));

  gtk_editable_set_text (GTK_EDITABLE (child (fixture, GTK_WIDGET (editor), GW_TYPE_STAFF_EDITOR,
                                              "name_row")), "Greta Manager");
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, GTK_WIDGET (editor), GW_TYPE_STAFF_EDITOR,
                                              "phone_row")), "070-999 00 11");
  gtk_switch_set_active (GTK_SWITCH (child (fixture, GTK_WIDGET (editor), GW_TYPE_STAFF_EDITOR,
                                            "manager_switch")), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "staff-editor.save", NULL));

  staff = gw_store_list_staff (fixture->store, NULL);
  for (guint i = 0; i < staff->len; i++)
    {
      GwStaffMember *member = g_ptr_array_index (staff, i);

      if (g_str_equal (member->name, "Greta Manager"))
        found = member->is_manager && member->active;
    }
  g_assert_true (found);
  WAIT_FOR (shows_text (staff_view, "Greta Manager"));

  /* Opened again, a person shows what customers said through their work. */
  {
    GtkWindow *again = NULL;
    g_autoptr(GPtrArray) people = gw_store_list_staff (fixture->store, NULL);

    for (guint i = 0; i < people->len; i++)
      if (g_str_equal (((GwStaffMember *) g_ptr_array_index (people, i))->name, "Anna Svensson"))
        again = GTK_WINDOW (gw_staff_editor_new (GTK_WINDOW (fixture->window), fixture->store,
                                                 g_ptr_array_index (people, i)));
    g_assert_nonnull (again);
    gtk_window_present (again);
    WAIT_FOR (gtk_widget_get_visible (child (fixture, GTK_WIDGET (again), GW_TYPE_STAFF_EDITOR,
                                             "feedback_group")));
    g_assert_true (shows_text (GTK_WIDGET (again), "Follow-ups kept on time"));
    g_assert_true (shows_text (GTK_WIDGET (again), "delighted"));
    gtk_window_destroy (again);
  }

  gtk_menu_button_popup (GTK_MENU_BUTTON (managers_button));
  WAIT_FOR (shows_text (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (managers_button))),
                        "Greta Manager  070-999 00 11"));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (managers_button));
}

/* From a compliment, "Recognise…" comes filled in with who and why. */
static void
test_recognise_from_compliment (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GwComplaint) compliment = gw_complaint_new ();
  g_autoptr(GPtrArray) recognitions = NULL;
  GwRecognition *recognition;
  GtkWindow *dialog;
  gint64 id;

  compliment->kind = GW_KIND_COMPLIMENT;
  compliment->received_at = g_get_real_time () / G_USEC_PER_SEC;
  g_free (compliment->description);
  compliment->description = g_strdup ("Elin found the right size in no time");
  g_free (compliment->customer_name);
  compliment->customer_name = g_strdup ("Tove Jansson");
  g_free (compliment->received_by);
  compliment->received_by = g_strdup ("Elin Gustafsson");
  compliment->status = GW_STATUS_RESOLVED;
  id = gw_store_add_complaint (fixture->store, compliment, NULL);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (filter_control (fixture, "show_resolved_check")),
                               TRUE);
  close_filters (fixture);
  select_and_wait (fixture, id);
  g_assert_true (gtk_widget_get_visible (child (fixture, GTK_WIDGET (fixture->detail),
                                                GW_TYPE_COMPLAINT_DETAIL, "recognise_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "detail.recognise",
                                             NULL));
  WAIT_FOR ((dialog = find_toplevel (GW_TYPE_RECOGNITION_DIALOG)) != NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (fixture, GTK_WIDGET (dialog),
                                                               GW_TYPE_RECOGNITION_DIALOG,
                                                               "reason_row"))), ==,
                   "Compliment from Tove Jansson: Elin found the right size in no time");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (fixture, GTK_WIDGET (dialog),
                                                    GW_TYPE_RECOGNITION_DIALOG, "kind_row")),
                              GW_RECOGNITION_GIFT);
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, GTK_WIDGET (dialog),
                                              GW_TYPE_RECOGNITION_DIALOG, "value_row")), "250");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "recognition.save", NULL));

  recognitions = gw_store_list_recognitions (fixture->store, 5, NULL);
  g_assert_cmpuint (recognitions->len, ==, 1);
  recognition = g_ptr_array_index (recognitions, 0);
  g_assert_cmpstr (recognition->staff, ==, "Elin Gustafsson");
  g_assert_cmpint (recognition->kind, ==, GW_RECOGNITION_GIFT);
  g_assert_cmpint (recognition->value, ==, 25000);
  g_assert_cmpint (recognition->complaint_id, ==, id);
  WAIT_FOR (shows_text (GTK_WIDGET (gw_window_get_staff_view (fixture->window)), "Elin Gustafsson: Gift"));
}

static AdwActionRow *
find_action_row (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_ACTION_ROW (widget);
  for (GtkWidget *kid = gtk_widget_get_first_child (widget); kid != NULL;
       kid = gtk_widget_get_next_sibling (kid))
    {
      AdwActionRow *found = find_action_row (kid, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A session is recorded with who came; the topic's "still to train" list
 * loses them and the Training list shows the session. */
static void
test_record_training (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *staff_view = GTK_WIDGET (gw_window_get_staff_view (fixture->window));
  AdwActionRow *untrained = ADW_ACTION_ROW (child (fixture, staff_view, GW_TYPE_STAFF_VIEW,
                                                   "untrained_row"));
  g_autoptr(GPtrArray) trainings = NULL;
  GwTraining *training;
  GtkWindow *dialog;
  GtkWidget *date_row;
  AdwActionRow *anna;
  GtkWidget *training_list;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             "staff"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (untrained), GW_TRAINING_ANGRY_CUSTOMERS);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (untrained), "Anna Svensson"));

  g_assert_true (gtk_widget_activate_action (staff_view, "staff.record-training", NULL));
  WAIT_FOR ((dialog = find_toplevel (GW_TYPE_TRAINING_DIALOG)) != NULL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (fixture, GTK_WIDGET (dialog),
                                                    GW_TYPE_TRAINING_DIALOG, "topic_row")),
                              GW_TRAINING_ANGRY_CUSTOMERS);
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, GTK_WIDGET (dialog),
                                              GW_TYPE_TRAINING_DIALOG, "trainer_row")),
                         "Karin Lind");
  anna = find_action_row (GTK_WIDGET (dialog), "Anna Svensson");
  g_assert_nonnull (anna);
  adw_action_row_activate (anna);

  /* A wrong date is pointed out, and nothing typed is lost. */
  date_row = child (fixture, GTK_WIDGET (dialog), GW_TYPE_TRAINING_DIALOG, "date_row");
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2024-02-31");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "training.save", NULL));
  g_assert_true (gtk_widget_get_visible (child (fixture, GTK_WIDGET (dialog),
                                                GW_TYPE_TRAINING_DIALOG, "error_label")));
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_true (find_toplevel (GW_TYPE_TRAINING_DIALOG) == dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (fixture, GTK_WIDGET (dialog),
                                                               GW_TYPE_TRAINING_DIALOG,
                                                               "trainer_row"))), ==,
                   "Karin Lind");

  gtk_editable_set_text (GTK_EDITABLE (date_row), "2024-03-15");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "training.save", NULL));

  trainings = gw_store_list_trainings (fixture->store, 0, 20, NULL);
  g_assert_nonnull (trainings);
  training = NULL;
  for (guint i = 0; i < trainings->len; i++)
    {
      GwTraining *each = g_ptr_array_index (trainings, i);

      if (g_strcmp0 (each->trainer, "Karin Lind") == 0)
        training = each;
    }
  g_assert_nonnull (training);
  g_assert_cmpint (training->topic, ==, GW_TRAINING_ANGRY_CUSTOMERS);
  g_assert_true (g_strv_contains ((const char *const *) training->attendees, "Anna Svensson"));
  g_assert_cmpuint (g_strv_length (training->attendees), ==, 1);

  WAIT_FOR (strstr (adw_action_row_get_subtitle (untrained), "Anna Svensson") == NULL);
  training_list = child (fixture, staff_view, GW_TYPE_STAFF_VIEW, "training_list");
  WAIT_FOR (gtk_widget_get_visible (training_list)
            && shows_text (training_list, "Anna Svensson · led by Karin Lind"));

  /* Her own page lists the session; someone who missed it has none. */
  {
    g_autoptr(GPtrArray) people = gw_store_list_staff (fixture->store, NULL);

    for (guint i = 0; i < people->len; i++)
      {
        GwStaffMember *member = g_ptr_array_index (people, i);
        GtkWindow *editor;
        GtkWidget *group;

        if (!g_str_equal (member->name, "Anna Svensson")
            && !g_str_equal (member->name, "Johan Larsson"))
          continue;
        editor = GTK_WINDOW (gw_staff_editor_new (GTK_WINDOW (fixture->window), fixture->store,
                                                  member));
        group = child (fixture, GTK_WIDGET (editor), GW_TYPE_STAFF_EDITOR, "training_group");
        g_assert_true (gtk_widget_get_visible (group));
        if (g_str_equal (member->name, "Anna Svensson"))
          g_assert_true (shows_text (group, "Angry customers"));
        else
          g_assert_true (shows_text (group, "No training recorded yet"));
        gtk_window_destroy (editor);
      }
  }
}

/* A member of staff raises a concern; the owner answers it and closes it. */
static void
test_raise_and_answer_concern (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *staff_view = GTK_WIDGET (gw_window_get_staff_view (fixture->window));
  GtkWidget *concern_list = child (fixture, staff_view, GW_TYPE_STAFF_VIEW, "concern_list");
  g_autoptr(GPtrArray) concerns = NULL;
  GwConcern *concern;
  GtkWindow *dialog;
  GtkWidget *text_row, *answer_row;
  GListModel *people;
  GtkListBoxRow *row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             "staff"));
  g_assert_true (shows_text (concern_list, "No concerns raised."));
  g_assert_true (gtk_widget_activate_action (staff_view, "staff.raise-concern", NULL));
  WAIT_FOR ((dialog = find_toplevel (GW_TYPE_CONCERN_DIALOG)) != NULL);

  /* Nothing written: told where, and the dialog stays. */
  text_row = child (fixture, GTK_WIDGET (dialog), GW_TYPE_CONCERN_DIALOG, "text_row");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "concern.save", NULL));
  g_assert_true (gtk_widget_has_css_class (text_row, "error"));
  g_assert_true (find_toplevel (GW_TYPE_CONCERN_DIALOG) == dialog);

  adw_combo_row_set_selected (ADW_COMBO_ROW (child (fixture, GTK_WIDGET (dialog),
                                                    GW_TYPE_CONCERN_DIALOG, "topic_row")),
                              GW_CONCERN_EQUIPMENT);
  people = adw_combo_row_get_model (ADW_COMBO_ROW (child (fixture, GTK_WIDGET (dialog),
                                                          GW_TYPE_CONCERN_DIALOG,
                                                          "raised_by_row")));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (people), i), "Sara Eriksson"))
      adw_combo_row_set_selected (ADW_COMBO_ROW (child (fixture, GTK_WIDGET (dialog),
                                                        GW_TYPE_CONCERN_DIALOG,
                                                        "raised_by_row")), i);
  gtk_editable_set_text (GTK_EDITABLE (text_row), "The card reader at till 2 drops out");
  /* Return saves it, as the button does. */
  press_return_in (text_row);

  /* The button shows itself pressed for a moment first. */
  WAIT_FOR (find_toplevel (GW_TYPE_CONCERN_DIALOG) == NULL);
  concerns = gw_store_list_concerns (fixture->store, FALSE, 10, NULL);
  g_assert_cmpuint (concerns->len, ==, 1);
  concern = g_ptr_array_index (concerns, 0);
  g_assert_cmpstr (concern->raised_by_name, ==, "Sara Eriksson");
  g_assert_cmpint (concern->topic, ==, GW_CONCERN_EQUIPMENT);
  g_assert_cmpstr (concern->text, ==, "The card reader at till 2 drops out");
  WAIT_FOR (shows_text (concern_list, "The card reader at till 2 drops out"));
  g_clear_pointer (&concerns, g_ptr_array_unref);

  /* The owner opens it from the list. */
  WAIT_FOR (find_toplevel (GW_TYPE_CONCERN_DIALOG) == NULL);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (concern_list), 0);
  g_signal_emit_by_name (concern_list, "row-activated", row);
  WAIT_FOR ((dialog = find_toplevel (GW_TYPE_CONCERN_DIALOG)) != NULL);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Sara Eriksson"));
  answer_row = child (fixture, GTK_WIDGET (dialog), GW_TYPE_CONCERN_DIALOG, "answer_row");
  gtk_switch_set_active (GTK_SWITCH (child (fixture, GTK_WIDGET (dialog), GW_TYPE_CONCERN_DIALOG,
                                            "close_switch")), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "concern.save", NULL));
  g_assert_true (gtk_widget_has_css_class (answer_row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (answer_row), "A new reader is in place");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "concern.save", NULL));

  concerns = gw_store_list_concerns (fixture->store, FALSE, 10, NULL);
  g_assert_cmpuint (concerns->len, ==, 0);
  g_clear_pointer (&concerns, g_ptr_array_unref);
  concerns = gw_store_list_concerns (fixture->store, TRUE, 10, NULL);
  g_assert_cmpuint (concerns->len, ==, 1);
  concern = g_ptr_array_index (concerns, 0);
  g_assert_cmpstr (concern->answer, ==, "A new reader is in place");
  g_assert_cmpint (concern->closed_at, >, 0);
  WAIT_FOR (shows_text (concern_list, "A new reader is in place") && shows_text (concern_list, "Closed"));
}

/* Choosing a longer period counts more of the person's complaints. */
static void
test_feedback_period (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) people = gw_store_list_staff (fixture->store, NULL);
  GtkWindow *editor = NULL;
  GtkWidget *group;
  AdwActionRow *resolved;
  g_autofree char *recent = NULL;

  for (guint i = 0; i < people->len; i++)
    if (g_str_equal (((GwStaffMember *) g_ptr_array_index (people, i))->name, "Anna Svensson"))
      editor = GTK_WINDOW (gw_staff_editor_new (GTK_WINDOW (fixture->window), fixture->store,
                                                g_ptr_array_index (people, i)));
  g_assert_nonnull (editor);
  gtk_window_present (editor);
  group = child (fixture, GTK_WIDGET (editor), GW_TYPE_STAFF_EDITOR, "feedback_group");
  WAIT_FOR (gtk_widget_get_visible (group)
            && (resolved = find_action_row (group, "Complaints they took that are resolved"))
               != NULL);
  recent = g_strdup (adw_action_row_get_subtitle (resolved));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (fixture, GTK_WIDGET (editor),
                                                    GW_TYPE_STAFF_EDITOR, "period_dropdown")),
                              3);
  WAIT_FOR ((resolved = find_action_row (group, "Complaints they took that are resolved")) != NULL
            && g_strcmp0 (adw_action_row_get_subtitle (resolved), recent) != 0);
  /* Replaced, not added to: one row per figure. */
  {
    guint rows = 0;

    for (GtkWidget *kid = GTK_WIDGET (resolved); kid != NULL; kid = gtk_widget_get_next_sibling (kid))
      rows++;
    for (GtkWidget *kid = gtk_widget_get_prev_sibling (GTK_WIDGET (resolved)); kid != NULL;
         kid = gtk_widget_get_prev_sibling (kid))
      rows++;
    g_assert_cmpuint (rows, ==, 5);
  }

  /* The summary for an appraisal says the same, for the same period. */
  {
    g_autofree char *summary = gw_staff_editor_dup_summary (GW_STAFF_EDITOR (editor));
    g_autofree char *line = g_strdup_printf ("Complaints they took that are resolved: %s",
                                             adw_action_row_get_subtitle (resolved));
    g_autofree char *pdf = g_build_filename (fixture->directory, "summary.pdf", NULL);
    g_autofree char *contents = NULL;
    g_autoptr(GError) error = NULL;
    gsize length = 0;

    g_assert_true (g_str_has_prefix (summary, "Anna Svensson\n"));
    g_assert_nonnull (strstr (summary, "What customers said (Everything so far)"));
    g_assert_nonnull (strstr (summary, line));
    g_assert_nonnull (strstr (summary, "Training attended\nNo training recorded yet"));

    g_assert_true (gw_staff_editor_export_summary (GW_STAFF_EDITOR (editor), pdf, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    g_assert_cmpuint (length, >, 1000);
    g_unlink (pdf);
  }
  gtk_window_destroy (editor);
}

static void
set_text_view (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* The text views of the vision dialog's steps, in order. */
static GPtrArray *
step_views (GtkWidget *dialog)
{
  GPtrArray *views = g_ptr_array_new ();
  GtkWidget *stack = GTK_WIDGET (gtk_widget_get_template_child (dialog, GW_TYPE_VISION_DIALOG,
                                                                "stack"));

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("step%u", i);
      GtkWidget *page = gtk_stack_get_child_by_name (GTK_STACK (stack), name);
      GtkWidget *view = page;

      /* The page's last child is the answer's scrolled window. */
      view = gtk_widget_get_last_child (page);
      view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (view));
      g_ptr_array_add (views, view);
    }
  return views;
}

/* Five steps, the statement last; a second version keeps the first. */
static void
test_write_vision (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *vision_view;
  GtkWidget *dialog;
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(GPtrArray) visions = NULL;
  GtkWidget *stack;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             "vision"));
  vision_view = GTK_WIDGET (gw_window_get_vision_view (fixture->window));
  /* The demo's vision is on top; start a store of one's own. */
  g_assert_true (shows_text (vision_view, "Every customer leaves happier than they came in."));
  visions = gw_store_list_visions (fixture->store, NULL);
  g_assert_cmpuint (visions->len, ==, 1);
  g_clear_pointer (&visions, g_ptr_array_unref);
  g_assert_true (gtk_widget_activate_action (vision_view, "vision.write", NULL));
  WAIT_FOR ((dialog = GTK_WIDGET (find_toplevel (GW_TYPE_VISION_DIALOG))) != NULL);
  stack = child (fixture, dialog, GW_TYPE_VISION_DIALOG, "stack");
  g_assert_true (shows_text (dialog, "Step 1 of 5"));

  views = step_views (dialog);
  /* Begun from the demo's: clear the statement to see it refused. */
  set_text_view (g_ptr_array_index (views, 4), "");
  set_text_view (g_ptr_array_index (views, 0), "Regulars bring their friends");
  g_assert_true (gtk_widget_activate_action (dialog, "vision.next", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "step1");
  set_text_view (g_ptr_array_index (views, 1), "They remember my name");
  g_assert_true (gtk_widget_activate_action (dialog, "vision.next", NULL));
  set_text_view (g_ptr_array_index (views, 2), "We answered every complaint within a day");
  g_assert_true (gtk_widget_activate_action (dialog, "vision.next", NULL));
  set_text_view (g_ptr_array_index (views, 3), "Speed, warmth, keeping promises");
  g_assert_true (gtk_widget_activate_action (dialog, "vision.next", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "step4");

  /* No statement yet: told so on its step, and nothing typed is lost. */
  g_assert_true (gtk_widget_activate_action (dialog, "vision.save", NULL));
  g_assert_true (gtk_widget_get_visible (child (fixture, dialog, GW_TYPE_VISION_DIALOG,
                                                "error_label")));
  g_assert_true (find_toplevel (GW_TYPE_VISION_DIALOG) == GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_activate_action (dialog, "vision.back", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "step3");
  g_assert_true (gtk_widget_activate_action (dialog, "vision.next", NULL));
  set_text_view (g_ptr_array_index (views, 4), "Quick, kind and fair, every time");
  g_assert_true (gtk_widget_activate_action (dialog, "vision.save", NULL));

  visions = gw_store_list_visions (fixture->store, NULL);
  g_assert_cmpuint (visions->len, ==, 2);
  g_assert_cmpstr (((GwVisionStatement *) g_ptr_array_index (visions, 0))->answers[0], ==,
                   "Regulars bring their friends");
  g_assert_cmpstr (gw_vision_statement_get_text (g_ptr_array_index (visions, 0)), ==,
                   "Quick, kind and fair, every time");
  WAIT_FOR (shows_text (vision_view, "Quick, kind and fair, every time"));
  /* Staff see it between two complaints too. */
  g_assert_true (shows_text (child (fixture, GTK_WIDGET (fixture->view), GW_TYPE_COMPLAINTS_VIEW,
                                    "vision_label"),
                             "Quick, kind and fair, every time"));
  g_clear_pointer (&visions, g_ptr_array_unref);
  g_clear_pointer (&views, g_ptr_array_unref);

  /* A revision starts from the current version and is kept beside it. */
  WAIT_FOR (find_toplevel (GW_TYPE_VISION_DIALOG) == NULL);
  g_assert_true (gtk_widget_activate_action (vision_view, "vision.write", NULL));
  WAIT_FOR ((dialog = GTK_WIDGET (find_toplevel (GW_TYPE_VISION_DIALOG))) != NULL);
  views = step_views (dialog);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (g_ptr_array_index (views, 0));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "Regulars bring their friends");
  }
  set_text_view (g_ptr_array_index (views, 4), "Quality, service, cleanliness, value");
  g_assert_true (gtk_widget_activate_action (dialog, "vision.save", NULL));
  visions = gw_store_list_visions (fixture->store, NULL);
  g_assert_cmpuint (visions->len, ==, 3);
  g_assert_cmpstr (gw_vision_statement_get_text (g_ptr_array_index (visions, 1)), ==,
                   "Quick, kind and fair, every time");
  WAIT_FOR (shows_text (vision_view, "Quality, service, cleanliness, value")
            && gtk_widget_get_visible (child (fixture, vision_view, GW_TYPE_VISION_VIEW,
                                              "history_group"))
            && shows_text (child (fixture, vision_view, GW_TYPE_VISION_VIEW, "history_list"),
                           "Quick, kind and fair, every time"));
}

/* An example goal in one click, then the month's value typed in. */
static void
test_goal_from_template (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *vision_view = GTK_WIDGET (gw_window_get_vision_view (fixture->window));
  GwMonth month = gw_vision_view_get_review_month (GW_VISION_VIEW (vision_view));
  GtkWidget *dialog, *target_row, *value_row, *goal_list;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GwMonthlyReview) review = NULL;
  GwGoal *goal;
  GwGoalTrend *trend;
  guint n_goals;

  goals = gw_store_list_goals (fixture->store, NULL);
  n_goals = goals->len;
  g_clear_pointer (&goals, g_ptr_array_unref);
  g_assert_cmpint (month, ==, gw_month_last_complete (g_get_real_time () / G_USEC_PER_SEC));
  g_assert_true (gtk_widget_activate_action (vision_view, "vision.add-goal", "i", 0));
  WAIT_FOR ((dialog = GTK_WIDGET (find_toplevel (GW_TYPE_GOAL_DIALOG))) != NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (fixture, dialog,
                                                                GW_TYPE_GOAL_DIALOG,
                                                                "name_row"))), ==,
                   "Time to answer the phone");

  /* A target that is not a number: told where, and the rest stays. */
  target_row = child (fixture, dialog, GW_TYPE_GOAL_DIALOG, "target_row");
  value_row = child (fixture, dialog, GW_TYPE_GOAL_DIALOG, "value_row");
  gtk_editable_set_text (GTK_EDITABLE (target_row), "twenty");
  gtk_editable_set_text (GTK_EDITABLE (value_row), "18,5");
  g_assert_true (gtk_widget_activate_action (dialog, "goal.save", NULL));
  g_assert_true (gtk_widget_has_css_class (target_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value_row)), ==, "18,5");
  goals = gw_store_list_goals (fixture->store, NULL);
  g_assert_cmpuint (goals->len, ==, n_goals);
  g_clear_pointer (&goals, g_ptr_array_unref);

  gtk_editable_set_text (GTK_EDITABLE (target_row), "15");
  g_assert_true (gtk_widget_activate_action (dialog, "goal.save", NULL));
  goals = gw_store_list_goals (fixture->store, NULL);
  g_assert_cmpuint (goals->len, ==, n_goals + 1);
  goal = g_ptr_array_index (goals, n_goals);
  g_assert_cmpstr (goal->name, ==, "Time to answer the phone");
  g_assert_cmpint (goal->direction, ==, GW_DIRECTION_LOWER);
  g_assert_cmpfloat (goal->target, ==, 15);
  g_assert_cmpstr (goal->unit, ==, "seconds");

  review = gw_store_monthly_review (fixture->store, month, g_get_real_time () / G_USEC_PER_SEC,
                                    NULL);
  trend = g_ptr_array_index (review->trends, n_goals);
  g_assert_true (trend->has_value[GW_TREND_MONTHS - 1]);
  g_assert_cmpfloat (trend->values[GW_TREND_MONTHS - 1], ==, 18.5);

  /* Over the target where lower is better: off track, on the tab. */
  goal_list = child (fixture, vision_view, GW_TYPE_VISION_VIEW, "goal_list");
  WAIT_FOR (gtk_list_box_get_row_at_index (GTK_LIST_BOX (goal_list), n_goals) != NULL
            && shows_text (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (goal_list),
                                                                      n_goals)),
                           "18.5 seconds")
            && shows_text (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (goal_list),
                                                                      n_goals)),
                           "Off track"));

  /* Opened from its row, then removed: set aside, not lost. */
  g_clear_pointer (&goals, g_ptr_array_unref);
  WAIT_FOR (find_toplevel (GW_TYPE_GOAL_DIALOG) == NULL);
  g_signal_emit_by_name (goal_list, "row-activated",
                         gtk_list_box_get_row_at_index (GTK_LIST_BOX (goal_list), n_goals));
  WAIT_FOR ((dialog = GTK_WIDGET (find_toplevel (GW_TYPE_GOAL_DIALOG))) != NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (fixture, dialog,
                                                                GW_TYPE_GOAL_DIALOG,
                                                                "value_row"))), ==, "18.5");
  g_assert_true (gtk_widget_activate_action (dialog, "goal.remove", NULL));
  goals = gw_store_list_goals (fixture->store, NULL);
  g_assert_cmpuint (goals->len, ==, n_goals);
  WAIT_FOR (!shows_text (goal_list, "18.5 seconds"));
}

/* The month's review opens on the figures; notes are kept with the month,
 * and it prints to PDF through the print operation. */
static void
test_open_review (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *vision_view = GTK_WIDGET (gw_window_get_vision_view (fixture->window));
  GwMonth month = gw_vision_view_get_review_month (GW_VISION_VIEW (vision_view));
  g_autofree char *month_name = gw_month_format (month);
  g_autofree char *notes = NULL;
  g_autofree char *pdf = g_build_filename (fixture->directory, "review.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const GwMonthlyReview *review;
  GwReviewWindow *window;
  GtkWidget *notes_view;
  gsize length = 0;

  g_assert_true (gtk_widget_activate_action (vision_view, "vision.review", NULL));
  WAIT_FOR ((window = GW_REVIEW_WINDOW (find_toplevel (GW_TYPE_REVIEW_WINDOW))) != NULL);
  g_assert_cmpint (gw_review_window_get_month (window), ==, month);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, month_name);
  WAIT_FOR ((review = gw_review_window_get_review (window)) != NULL);
  {
    g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, review->facts.complaints);

    g_assert_cmpint (review->facts.complaints, >, 0);
    g_assert_true (shows_text (child (fixture, GTK_WIDGET (window), GW_TYPE_REVIEW_WINDOW,
                                      "figures_list"), count));
  }

  notes_view = child (fixture, GTK_WIDGET (window), GW_TYPE_REVIEW_WINDOW, "notes_view");
  set_text_view (notes_view, "Train the Saturday staff on refunds");
  g_assert_true (gw_print_report (GTK_WINDOW (window), gw_report_new_monthly (review), pdf,
                                  &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_unlink (pdf);

  /* The month before, and back: the notes went with their month. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "review.previous", NULL));
  notes = gw_store_get_month_notes (fixture->store, month, NULL);
  g_assert_cmpstr (notes, ==, "Train the Saturday staff on refunds");
  g_assert_cmpint (gw_review_window_get_month (window), ==, month - 1);
  WAIT_FOR (gw_review_window_get_review (window) != NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "review.next", NULL));
  WAIT_FOR (gw_review_window_get_review (window) != NULL
            && gw_review_window_get_review (window)->month == month);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes_view));
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, "Train the Saturday staff on refunds");
  }
  gtk_window_close (GTK_WINDOW (window));
}

static void
collect_rating_buttons (GtkWidget *widget,
                        GPtrArray *buttons)
{
  /* The date's calendar button is not a rating. */
  if (GTK_IS_MENU_BUTTON (widget))
    return;
  if (GTK_IS_TOGGLE_BUTTON (widget))
    g_ptr_array_add (buttons, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_rating_buttons (c, buttons);
}

/* Presses a digit where a statement has the keyboard focus, as a person would. */
static void
press_digit (GtkWidget *button,
             guint      digit)
{
  GtkWidget *statement = gtk_widget_get_parent (gtk_widget_get_parent (button));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (statement);
  gboolean handled = FALSE;

  gtk_widget_grab_focus (button);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_0 + digit, 0, 0, &handled);
    }
  g_assert_true (handled);
}

/* All 25 answered with digits: the total and band the test's rules give;
 * one left out cannot be finished, and the dialog says which. A half-done
 * test survives closing. */
static void
test_take_assessment (Fixture       *fixture,
                      gconstpointer  data)
{
  /* Section by section: 4.0, 4, 4, 4, 4, 4.2, 4 = 28.2, an asset. */
  static const guint8 answers[GW_ASSESSMENT_STATEMENTS] = {
    5, 4, 4, 3,  4, 4, 4, 4,  4, 4, 4,  4, 4, 4,  4, 4, 4,  5, 5, 4, 4, 3,  4, 4, 4,
  };
  GtkWidget *view;
  GtkWidget *dialog;
  GtkWidget *stack;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) done = NULL;
  g_autoptr(GwAssessment) draft = NULL;
  guint n_before;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             "assessment"));
  view = GTK_WIDGET (gw_window_get_assessment_view (fixture->window));
  done = gw_store_list_assessments (fixture->store, NULL);
  n_before = done->len;
  g_clear_pointer (&done, g_ptr_array_unref);
  g_assert_true (gtk_widget_activate_action (view, "assessments.take", NULL));
  WAIT_FOR ((dialog = GTK_WIDGET (find_toplevel (GW_TYPE_ASSESSMENT_DIALOG))) != NULL);
  stack = child (fixture, dialog, GW_TYPE_ASSESSMENT_DIALOG, "stack");
  collect_rating_buttons (stack, buttons);
  g_assert_cmpuint (buttons->len, ==, GW_ASSESSMENT_STATEMENTS * GW_RATING_MAX);

  /* Three answers, then closed: they are kept, and the test carries on at
   * the fourth. */
  g_assert_true (gtk_widget_activate_action (dialog, "assessment.next", NULL));
  for (guint i = 0; i < 3; i++)
    press_digit (g_ptr_array_index (buttons, i * GW_RATING_MAX), answers[i]);
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_FOR (find_toplevel (GW_TYPE_ASSESSMENT_DIALOG) == NULL);
  g_assert_true (gw_store_get_assessment_draft (fixture->store, &draft, NULL));
  g_assert_nonnull (draft);
  g_assert_cmpint (draft->answers[2], ==, answers[2]);
  WAIT_FOR (shows_text (view, "Carry On With the Self-Test"));

  g_assert_true (gtk_widget_activate_action (view, "assessments.take", NULL));
  WAIT_FOR ((dialog = GTK_WIDGET (find_toplevel (GW_TYPE_ASSESSMENT_DIALOG))) != NULL);
  stack = child (fixture, dialog, GW_TYPE_ASSESSMENT_DIALOG, "stack");
  g_assert_true (shows_text (dialog, "3 of 25 answered"));
  g_ptr_array_set_size (buttons, 0);
  collect_rating_buttons (stack, buttons);
  g_assert_true (gtk_toggle_button_get_active (g_ptr_array_index (buttons, 2 * GW_RATING_MAX
                                                                           + answers[2] - 1)));

  /* Every statement but the tenth. */
  for (guint i = 3; i < GW_ASSESSMENT_STATEMENTS; i++)
    if (i != 9)
      press_digit (g_ptr_array_index (buttons, i * GW_RATING_MAX), answers[i]);
  g_assert_true (gtk_widget_activate_action (dialog, "assessment.finish", NULL));
  g_assert_true (find_toplevel (GW_TYPE_ASSESSMENT_DIALOG) == GTK_WINDOW (dialog));
  g_assert_true (shows_text (child (fixture, dialog, GW_TYPE_ASSESSMENT_DIALOG, "error_label"),
                             "Statement 10"));
  /* Shown where it is: the third section. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "page3");
  done = gw_store_list_assessments (fixture->store, NULL);
  g_assert_cmpuint (done->len, ==, n_before);
  g_clear_pointer (&done, g_ptr_array_unref);

  press_digit (g_ptr_array_index (buttons, 9 * GW_RATING_MAX), answers[9]);
  g_assert_true (gtk_widget_activate_action (dialog, "assessment.finish", NULL));
  done = gw_store_list_assessments (fixture->store, NULL);
  g_assert_cmpuint (done->len, ==, n_before + 1);
  g_assert_cmpmem (((GwAssessment *) g_ptr_array_index (done, n_before))->answers,
                   GW_ASSESSMENT_STATEMENTS, answers, GW_ASSESSMENT_STATEMENTS);

  WAIT_FOR (shows_text (view, "28.2 out of 35"));
  g_assert_true (shows_text (view, "Your customer service is an asset"));
  g_assert_true (shows_text (view, "Take the Self-Test"));
  /* The weakest two, each with what to work on. */
  g_assert_true (shows_text (child (fixture, view, GW_TYPE_ASSESSMENT_VIEW, "weakest_list"),
                             "Work on: Products and sales materials (4.0)"));

  /* The result prints, or saves as PDF, through the print operation. */
  {
    g_autofree char *pdf = g_build_filename (fixture->directory, "result.pdf", NULL);
    g_autofree char *contents = NULL;
    g_autoptr(GError) error = NULL;
    gsize length = 0;

    g_assert_true (gw_print_report (GTK_WINDOW (fixture->window),
                                    gw_report_new_assessment (g_ptr_array_index (done, n_before),
                                                              NULL),
                                    pdf, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
    g_assert_cmpuint (length, >, 1000);
    g_unlink (pdf);
  }
}

/* A key pressed where the keyboard focus is in the self-test, as the
 * statement's own key handling gets it before its buttons. */
static void
press_key_on (GtkWidget *focus,
              guint      keyval)
{
  GtkWidget *statement = gtk_widget_get_parent (gtk_widget_get_parent (focus));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (statement);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_assert_true (handled);
}

static guint
focused_statement (GtkWindow *dialog,
                   GPtrArray *buttons)
{
  GtkWidget *focus = gtk_window_get_focus (dialog);

  for (guint i = 0; i < buttons->len; i++)
    if (g_ptr_array_index (buttons, i) == focus)
      return i / GW_RATING_MAX;
  return G_MAXUINT;
}

/* The self-test from the keyboard alone: digits answer and move on;
 * Return never answers but goes to what is left, or on; a section gone
 * back to has the keyboard on it, visibly; a warning about a statement
 * goes once it is answered. */
static void
test_assessment_by_keyboard (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *view;
  GtkWindow *dialog;
  GtkWidget *stack;
  GtkWidget *error_label;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) done = NULL;
  guint n_before;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             "assessment"));
  view = GTK_WIDGET (gw_window_get_assessment_view (fixture->window));
  done = gw_store_list_assessments (fixture->store, NULL);
  n_before = done->len;
  g_clear_pointer (&done, g_ptr_array_unref);
  g_assert_true (gtk_widget_activate_action (view, "assessments.take", NULL));
  WAIT_FOR ((dialog = find_toplevel (GW_TYPE_ASSESSMENT_DIALOG)) != NULL);
  stack = child (fixture, GTK_WIDGET (dialog), GW_TYPE_ASSESSMENT_DIALOG, "stack");
  error_label = child (fixture, GTK_WIDGET (dialog), GW_TYPE_ASSESSMENT_DIALOG, "error_label");
  collect_rating_buttons (stack, buttons);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "assessment.next", NULL));

  /* Section 1 has statements 1 to 4: three answered, the focus on the
   * fourth's "1"; Return there leaves it unanswered and stays on it. */
  g_assert_cmpuint (focused_statement (dialog, buttons), ==, 0);
  for (guint i = 0; i < 3; i++)
    press_key_on (gtk_window_get_focus (dialog), GDK_KEY_4);
  g_assert_cmpuint (focused_statement (dialog, buttons), ==, 3);
  press_key_on (gtk_window_get_focus (dialog), GDK_KEY_Return);
  g_assert_false (gtk_toggle_button_get_active (g_ptr_array_index (buttons, 3 * GW_RATING_MAX)));
  g_assert_cmpuint (focused_statement (dialog, buttons), ==, 3);
  g_assert_true (gtk_window_get_focus_visible (dialog));

  /* From the first statement, Return goes to the one left. */
  gtk_widget_grab_focus (g_ptr_array_index (buttons, 1 * GW_RATING_MAX + 3));
  press_key_on (gtk_window_get_focus (dialog), GDK_KEY_Return);
  g_assert_cmpuint (focused_statement (dialog, buttons), ==, 3);
  g_assert_true (gtk_toggle_button_get_active (g_ptr_array_index (buttons, 1 * GW_RATING_MAX + 3)));
  /* The keypad's digits too. */
  press_key_on (gtk_window_get_focus (dialog), GDK_KEY_KP_3);
  g_assert_true (gtk_toggle_button_get_active (g_ptr_array_index (buttons, 3 * GW_RATING_MAX + 2)));

  /* The section done, Return goes on to the next, on its first statement. */
  gtk_widget_grab_focus (g_ptr_array_index (buttons, 0));
  press_key_on (gtk_window_get_focus (dialog), GDK_KEY_Return);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "page2");
  g_assert_cmpuint (focused_statement (dialog, buttons), ==, 4);

  /* Back: the first section again, the keyboard on its first statement. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "assessment.back", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "page1");
  g_assert_cmpuint (focused_statement (dialog, buttons), ==, 0);
  g_assert_true (gtk_window_get_focus_visible (dialog));
  press_key_on (gtk_window_get_focus (dialog), GDK_KEY_Return);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "page2");

  /* Everything else but statement 11, answered by digits from here on. */
  for (guint i = 4; i < GW_ASSESSMENT_STATEMENTS; i++)
    {
      g_assert_cmpuint (focused_statement (dialog, buttons), ==, i);
      if (i == 10)
        {
          /* Return stays on it; the Next button leaves it for later. */
          press_key_on (gtk_window_get_focus (dialog), GDK_KEY_Return);
          g_assert_cmpuint (focused_statement (dialog, buttons), ==, 10);
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "assessment.next",
                                                     NULL));
          continue;
        }
      press_key_on (gtk_window_get_focus (dialog), GDK_KEY_4);
      if (i + 1 < GW_ASSESSMENT_STATEMENTS && focused_statement (dialog, buttons) == G_MAXUINT)
        {
          /* On the button that leads on: Return is the next section. */
          g_assert_true (gtk_window_get_focus (dialog)
                         == child (fixture, GTK_WIDGET (dialog), GW_TYPE_ASSESSMENT_DIALOG,
                                   "next_button"));
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "assessment.next",
                                                     NULL));
        }
    }
  /* The last answered, the focus is on Finish; it names what is missing. */
  g_assert_true (gtk_window_get_focus (dialog)
                 == child (fixture, GTK_WIDGET (dialog), GW_TYPE_ASSESSMENT_DIALOG,
                           "finish_button"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "assessment.finish", NULL));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (shows_text (error_label, "Statement 11"));
  g_assert_cmpuint (focused_statement (dialog, buttons), ==, 10);
  press_key_on (gtk_window_get_focus (dialog), GDK_KEY_2);
  g_assert_false (gtk_widget_get_visible (error_label));

  /* Return with all answered finishes, and the result shows. */
  gtk_widget_grab_focus (g_ptr_array_index (buttons, 24 * GW_RATING_MAX));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "assessment.finish", NULL));
  done = gw_store_list_assessments (fixture->store, NULL);
  g_assert_cmpuint (done->len, ==, n_before + 1);
  g_assert_cmpint (((GwAssessment *) g_ptr_array_index (done, n_before))->answers[10], ==, 2);
  g_assert_cmpint (((GwAssessment *) g_ptr_array_index (done, n_before))->answers[3], ==, 3);
}

/* A search that keeps the selected complaint keeps it selected, wherever
 * it now is in the list; one that leaves it out lets go of it. */
static void
test_search_keeps_selection (Fixture       *fixture,
                             gconstpointer  data)
{
  GwComplaintList *list = gw_complaints_view_get_list (fixture->view);
  GtkSelectionModel *selection = gtk_list_view_get_model (
    GTK_LIST_VIEW (child (fixture, GTK_WIDGET (fixture->view), GW_TYPE_COMPLAINTS_VIEW,
                          "list_view")));
  g_autoptr(GwComplaintFilter) filter = NULL;
  gint64 id;
  guint position;

  id = add_complaint (fixture, "A lampshade arrived dented, zebra pattern");
  for (int i = 0; i < 4; i++)
    add_complaint (fixture, "Another matter entirely");
  WAIT_FOR ((position = gw_complaint_list_find (list, id)) != G_MAXUINT
            && !gw_complaint_list_get_loading (list) && position > 0);
  gw_complaints_view_select (fixture->view, id);
  WAIT_FOR (gw_complaint_detail_get_id (fixture->detail) == id);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==,
                    position);

  filter = gw_complaint_filter_copy (gw_complaint_list_get_filter (list));
  g_free (filter->search);
  filter->search = g_strdup ("zebra");
  gw_complaint_list_set_filter (list, filter);
  WAIT_FOR (!gw_complaint_list_get_loading (list)
            && g_list_model_get_n_items (G_LIST_MODEL (list)) == 1);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==, 0);
  g_assert_cmpint (gw_complaint_detail_get_id (fixture->detail), ==, id);

  g_free (filter->search);
  filter->search = g_strdup ("entirely");
  gw_complaint_list_set_filter (list, filter);
  WAIT_FOR (!gw_complaint_list_get_loading (list)
            && g_list_model_get_n_items (G_LIST_MODEL (list)) == 4);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==,
                    GTK_INVALID_LIST_POSITION);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("TZ", "Europe/Stockholm", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  application = gw_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (application), NULL, NULL))
    g_error ("cannot register the application");

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/complaints/search-finds-it", test_search_finds_it);
  ADD ("/complaints/filters-and-chips", test_filters_and_chips);
  ADD ("/complaints/chips-keep-detail-width", test_chips_keep_detail_width);
  ADD ("/complaints/search-tells-of-resolved", test_search_tells_of_resolved);
  ADD ("/complaints/narrow-click-opens", test_narrow_click_opens);
  ADD ("/complaints/detail-opens-at-top", test_detail_opens_at_top);
  ADD ("/complaints/long-description-folds", test_long_description_folds);
  ADD ("/complaints/history-of-compliment", test_history_of_compliment);
  ADD ("/staff/name-not-selected-on-open", test_name_not_selected_on_open);
  ADD ("/complaints/return-records-informed", test_return_records_informed);
  ADD ("/complaints/resolve-amount-in-swedish", test_resolve_amount_in_swedish);
  ADD ("/complaints/follow-up-date-field", test_follow_up_date_field);
  ADD ("/complaints/hand-over-in-timeline", test_hand_over_shows_in_timeline);
  ADD ("/complaints/amount-without-kind-shows", test_amount_without_kind_shows);
  ADD ("/complaints/resolve-records-outcome", test_resolve_records_outcome);
  ADD ("/complaints/undo-delete", test_undo_delete);
  ADD ("/complaints/top-issues", test_top_issues);
  ADD ("/complaints/customer-notes-and-merge", test_customer_notes_and_merge);
  ADD ("/complaints/categories", test_categories_dialog);
  ADD ("/complaints/import-remapped", test_import_with_remapped_columns);
  ADD ("/complaints/import-broken", test_import_broken_file_lists_line);
  ADD ("/complaints/import-windows-1252", test_import_windows_1252);
  ADD ("/complaints/import-date-order", test_import_date_order);
  ADD ("/complaints/import-wide-header-refused", test_import_wide_header_refused);
  ADD ("/complaints/edit-status-and-steps", test_edit_status_and_steps);
  ADD ("/staff/add-manager", test_add_manager);
  ADD ("/staff/recognise-from-compliment", test_recognise_from_compliment);
  ADD ("/staff/record-training", test_record_training);
  ADD ("/staff/feedback-period", test_feedback_period);
  ADD ("/staff/raise-and-answer-concern", test_raise_and_answer_concern);
  ADD ("/complaints/search-keeps-selection", test_search_keeps_selection);
  ADD ("/vision/write-in-five-steps", test_write_vision);
  ADD ("/vision/goal-from-template", test_goal_from_template);
  ADD ("/vision/open-review", test_open_review);
  ADD ("/assessment/take", test_take_assessment);
  ADD ("/assessment/by-keyboard", test_assessment_by_keyboard);
#undef ADD
  return g_test_run ();
}
