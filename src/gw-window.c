/* gw-window.c: the main window
 *
 * Opens its store off the main loop, shows a spinner meanwhile and a clear
 * message if the file cannot be used, then the four tabs.
 */

#define G_LOG_DOMAIN "goodwill"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-background.h"
#include "gw-window.h"
#include "views/gw-categories-dialog.h"
#include "views/gw-file-dialog.h"
#include "core/gw-money.h"
#include "gw-transfer.h"
#include "notify/gw-notifier.h"
#include "views/gw-complaints-view.h"
#include "views/gw-import-dialog.h"
#include "views/gw-preferences-window.h"
#include "views/gw-staff-view.h"
#include "views/gw-view-utils.h"
#include "views/gw-top-issues-dialog.h"

struct _GwWindow {
  AdwApplicationWindow parent_instance;

  GwStore             *store;
  GCancellable        *cancellable;
  GSettings           *settings;
  guint                check_source;
  GdkFrameClock       *first_frame_clock;
  gulong               first_frame_handler;
  GwNotifier          *notifier;
  guint                reminder_source;

  /* Template widgets */
  AdwViewStack        *view_stack;
  GtkStack            *main_stack;
  GwComplaintsView    *complaints_view;
  AdwBin              *vision_page;
  AdwBin              *staff_page;
  AdwBin              *assessment_page;
  GtkRevealer         *overdue_banner;
  GtkLabel            *overdue_label;
  AdwViewStackPage    *complaints_stack_page;
  AdwToastOverlay     *toast_overlay;
  GtkMenuButton       *primary_menu_button;
  GMenuModel          *primary_menu;
  AdwSqueezer         *title_squeezer;
  AdwWindowTitle      *window_title;
  AdwViewSwitcherBar  *switcher_bar;

  /* Made when their tab is first shown; the window opens faster without them. */
  GwVisionView        *vision_view;
  GwStaffView         *staff_view;
  GwAssessmentView    *assessment_view;
};

G_DEFINE_FINAL_TYPE (GwWindow, gw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
on_overdue_count_cb (GwWindow *self)
{
  guint count = gw_complaints_view_get_overdue_count (self->complaints_view);
  g_autofree char *text = NULL;

  /* Overdue follow-ups show on the tab, whichever tab is open, and in a
   * banner until they are dealt with. */
  adw_view_stack_page_set_badge_number (self->complaints_stack_page, count);
  adw_view_stack_page_set_needs_attention (self->complaints_stack_page, count > 0);
  text = g_strdup_printf (ngettext ("%u follow-up is overdue: a customer is waiting to hear "
                                    "from you.",
                                    "%u follow-ups are overdue: customers are waiting to hear "
                                    "from you.", count),
                          count);
  gtk_label_set_label (self->overdue_label, text);
  gtk_revealer_set_reveal_child (self->overdue_banner, count > 0);
}

/* Reminders: check now, then sleep until the next one is due or the
 * store changes; no polling. */
#define REMINDER_MAX_SLEEP_S (6 * 60 * 60)

static void schedule_reminders (GwWindow *self,
                                guint     delay_seconds);

static void
apply_reminder_settings (GwWindow *self)
{
  if (self->notifier != NULL)
    gw_notifier_apply_settings (self->notifier, self->settings);
}

static gboolean
run_reminders (gpointer user_data)
{
  GwWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 next = GW_NO_TIME;
  gint64 sleep_seconds = REMINDER_MAX_SLEEP_S;

  self->reminder_source = 0;
  if (self->store == NULL || self->notifier == NULL)
    return G_SOURCE_REMOVE;
  /* A reminder is recorded as sent, which a store open for reading cannot
   * take, and which waits for the damage check. */
  if (gw_store_is_read_only (self->store))
    return G_SOURCE_REMOVE;
  if (!gw_store_is_verified (self->store))
    {
      schedule_reminders (self, 1);
      return G_SOURCE_REMOVE;
    }

  gw_notifier_check (self->notifier, now, &next, &error);
  if (error != NULL)
    g_message ("Cannot check follow-ups: %s", error->message);
  /* Nothing due: sleep until the store changes. The cap guards against a
   * clock that jumped (a suspended laptop) while a reminder waits. */
  if (next == GW_NO_TIME)
    return G_SOURCE_REMOVE;
  sleep_seconds = CLAMP (next - now, 1, REMINDER_MAX_SLEEP_S);
  schedule_reminders (self, sleep_seconds);
  return G_SOURCE_REMOVE;
}

static void
schedule_reminders (GwWindow *self,
                    guint     delay_seconds)
{
  g_clear_handle_id (&self->reminder_source, g_source_remove);
  self->reminder_source = g_timeout_add_seconds (delay_seconds, run_reminders, self);
}

/* An edit may move a follow-up: look again shortly, once per burst. */
static void
on_follow_ups_changed_cb (GwWindow *self)
{
  schedule_reminders (self, 2);
}

static void
on_reminder_settings_changed_cb (GwWindow *self)
{
  apply_reminder_settings (self);
  schedule_reminders (self, 1);
}

static void
on_open_complaint_cb (GwWindow *self,
                      gint64    id)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "complaints");
  if (id == 0)
    gw_complaints_view_show_overdue (self->complaints_view);
  else
    gw_complaints_view_select (self->complaints_view, id);
  gtk_window_present (GTK_WINDOW (self));
}

static void
preferences (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwWindow *self = GW_WINDOW (widget);

  /* Run from the build tree without its schema there is nothing to set. */
  if (self->settings == NULL)
    return;
  gtk_window_present (GTK_WINDOW (gw_preferences_window_new (GTK_WINDOW (self), self->settings,
                                                                         self->store)));
}

static void
show_overdue (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  on_open_complaint_cb (GW_WINDOW (widget), 0);
}

static void
on_page_shown_cb (GwWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "vision") == 0)
    gw_window_get_vision_view (self);
  else if (g_strcmp0 (name, "staff") == 0)
    gw_window_get_staff_view (self);
  else if (g_strcmp0 (name, "assessment") == 0)
    gw_window_get_assessment_view (self);
}

/* Says why the store cannot be used, on a page made the first time. */
static void
show_error (GwWindow   *self,
            const char *message)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->main_stack, "error");

  if (page == NULL)
    {
      page = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "dialog-warning-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (page), _("The Database Cannot Be Opened"));
      gtk_stack_add_named (self->main_stack, page, "error");
    }
  adw_status_page_set_description (ADW_STATUS_PAGE (page), message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

static void
show_store (GwWindow *self,
            GwStore  *store)
{
  self->store = g_object_ref (store);
  gw_complaints_view_set_store (self->complaints_view, store);
  if (self->vision_view != NULL)
    gw_vision_view_set_store (self->vision_view, store);
  if (self->staff_view != NULL)
    gw_staff_view_set_store (self->staff_view, store);
  if (self->assessment_view != NULL)
    gw_assessment_view_set_store (self->assessment_view, store);

  self->notifier = gw_notifier_new (store, TRUE);
  g_signal_connect_object (self->notifier, "open-complaint", G_CALLBACK (on_open_complaint_cb),
                           self, G_CONNECT_SWAPPED);
  apply_reminder_settings (self);
  g_signal_connect_object (store, "changed::complaints", G_CALLBACK (on_follow_ups_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::follow_up_snoozes",
                           G_CALLBACK (on_follow_ups_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_reminder_settings_changed_cb),
                             self, G_CONNECT_SWAPPED);
  schedule_reminders (self, 1);
  gtk_stack_set_visible_child_name (self->main_stack, "content");
  if (self->settings != NULL)
    {
      g_autofree char *last_page = g_settings_get_string (self->settings, "last-page");

      adw_view_stack_set_visible_child_name (self->view_stack, last_page);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
check_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;

  if (!gw_store_check_integrity (task_data, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Only a store known to be whole is backed up. */
  if (g_object_get_data (G_OBJECT (task), "daily-backup") != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (gw_store_get_path (task_data));
      g_autofree char *backups = g_build_filename (folder, "backups", NULL);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      if (!gw_transfer_daily_backup (task_data, backups, &today, &error))
        {
          g_object_set_data_full (G_OBJECT (task), "backup-error", g_strdup (error->message),
                                  g_free);
          g_clear_error (&error);
        }
    }
  g_task_return_boolean (task, TRUE);
}

/* Damage found after opening: the window stops showing (and so changing)
 * the store, and says what to do. */
static void
on_store_checked_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GwWindow *self = GW_WINDOW (source);
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      const char *backup_error = g_object_get_data (G_OBJECT (result), "backup-error");

      if (backup_error != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Today's backup failed: %s"),
                                                      backup_error);

          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
        }
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  show_error (self, error->message);
  g_clear_object (&self->store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static gboolean
start_integrity_check (gpointer user_data)
{
  GwWindow *self = user_data;
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, on_store_checked_cb, NULL);

  self->check_source = 0;
  if (self->store == NULL)
    return G_SOURCE_REMOVE;
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  if (self->settings != NULL && g_settings_get_boolean (self->settings, "daily-backups"))
    g_object_set_data (G_OBJECT (task), "daily-backup", GINT_TO_POINTER (TRUE));
  g_task_run_in_thread (task, check_in_thread);
  return G_SOURCE_REMOVE;
}

static void
stop_waiting_for_first_frame (GwWindow *self)
{
  if (self->first_frame_clock == NULL)
    return;
  /* An unrealized window's clock has let go of its handlers already. */
  if (g_signal_handler_is_connected (self->first_frame_clock, self->first_frame_handler))
    g_signal_handler_disconnect (self->first_frame_clock, self->first_frame_handler);
  self->first_frame_handler = 0;
  g_clear_object (&self->first_frame_clock);
}

static void
on_first_frame_cb (GdkFrameClock *clock,
                   GwWindow      *self)
{
  stop_waiting_for_first_frame (self);
  if (self->check_source == 0)
    self->check_source = g_idle_add_full (G_PRIORITY_LOW, start_integrity_check, self, NULL);
}

static void
on_store_opened_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GwWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open_finish (result, &error);
  GdkFrameClock *clock;

  if (store == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("Cannot open the store: %s", error->message);
      show_error (self, error->message);
      return;
    }
  show_store (self, store);
  if (gw_store_is_read_only (store))
    {
      g_autofree char *name = g_filename_display_basename (gw_store_get_path (store));
      g_autofree char *message = NULL;
      AdwToast *toast;

      /* TRANSLATORS: %s is the store's file name */
      message = g_strdup_printf (_("“%s” can only be read: you can look, export and back up, "
                                   "but nothing you change is saved."), name);
      toast = adw_toast_new (message);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      /* Read through on opening; nothing to back up beside it. */
      return;
    }

  /* Reading every page for damage takes seconds on a big store and keeps a
   * core busy, so it starts once the first frame is on screen (at once for
   * a window that is not shown). The store takes no change until then. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  stop_waiting_for_first_frame (self);
  if (clock != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->first_frame_clock = g_object_ref (clock);
      self->first_frame_handler = g_signal_connect (clock, "after-paint",
                                                    G_CALLBACK (on_first_frame_cb), self);
    }
  else
    self->check_source = g_idle_add_full (G_PRIORITY_LOW, start_integrity_check, self, NULL);
}

static void
show_page (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  GwWindow *self = GW_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

/* The shortcuts window is built when asked for: GTK would build it with
 * every window, a cost paid before the first frame. */
static void
show_shortcuts (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkApplicationWindow *self = GTK_APPLICATION_WINDOW (widget);

  /* As the window's help overlay, its shortcuts named by action show the
   * application's keys for them. */
  if (gtk_application_window_get_help_overlay (self) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/goodwill/Goodwill/gw-shortcuts-window.ui");

      gtk_application_window_set_help_overlay (
        self, GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "shortcuts_window")));
    }
  gtk_window_present (GTK_WINDOW (gtk_application_window_get_help_overlay (self)));
}

/* Ctrl+N and Ctrl+F work from every tab: they lead to the complaint log. */
static void
new_complaint (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GwWindow *self = GW_WINDOW (widget);

  if (self->store == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "complaints");
  gtk_widget_activate_action (GTK_WIDGET (self->complaints_view), "complaints.new", NULL);
}

static void
search (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  GwWindow *self = GW_WINDOW (widget);

  if (self->store == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "complaints");
  gw_complaints_view_focus_search (self->complaints_view);
}

static void
top_issues (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GwWindow *self = GW_WINDOW (widget);

  if (self->store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (gw_top_issues_dialog_new (GTK_WINDOW (self), self->store)));
}

static void
categories (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GwWindow *self = GW_WINDOW (widget);

  if (self->store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (gw_categories_dialog_new (GTK_WINDOW (self), self->store)));
}

static void
on_import_chosen_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GwWindow *self = GW_WINDOW (source);
  g_autoptr(GFile) file = gw_file_dialog_finish (result, NULL);

  if (file != NULL && self->store != NULL)
    gtk_window_present (GTK_WINDOW (gw_import_dialog_new (GTK_WINDOW (self), self->store, file)));
}

static GtkFileFilter *
spreadsheet_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  return filter;
}

static void
import_csv (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GwWindow *self = GW_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = spreadsheet_filter ();

  if (self->store == NULL)
    return;
  gw_file_dialog_open_async (GTK_WINDOW (self), _("Import Complaints"), _("_Open"), filter,
                             self->cancellable, on_import_chosen_cb, NULL);
}

typedef struct {
  GwStore     *store;
  GFile       *file;
  GwCsvFormat  format;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_object_unref (request->store);
  g_object_unref (request->file);
  g_free (request);
}

/* With the store it was asked of: the window may let go of its own
 * meanwhile (a damaged store, a window closed). */
static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportRequest *request = task_data;
  GError *error = NULL;
  guint n_exported = 0;

  if (gw_transfer_export_csv_to_file (request->store, request->file, request->format,
                                      &n_exported, cancellable, &error))
    g_task_return_int (task, n_exported);
  else
    g_task_return_error (task, error);
}

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GwWindow *self = GW_WINDOW (source);
  g_autoptr(GError) error = NULL;
  gssize n_exported = g_task_propagate_int (G_TASK (result), &error);
  g_autofree char *message = NULL;

  if (error != NULL)
    message = g_strdup_printf (_("The export failed: %s"), error->message);
  else
    {
      g_autofree char *number = gw_format_integer (n_exported);

      message = g_strdup_printf (ngettext ("Exported %s complaint", "Exported %s complaints",
                                           n_exported),
                                 number);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
on_export_chosen_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GFile) file = gw_file_dialog_finish (result, NULL);

  if (file != NULL)
    gw_window_export_csv (GW_WINDOW (source), file, GPOINTER_TO_INT (user_data));
}

/**
 * gw_window_export_csv:
 * @file: where to write
 * @format: who the file is for
 *
 * Exports every complaint to @file off the main loop; how it went shows
 * as a toast.
 */
void
gw_window_export_csv (GwWindow    *self,
                      GFile       *file,
                      GwCsvFormat  format)
{
  g_autoptr(GTask) task = NULL;
  ExportRequest *request;

  g_return_if_fail (GW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL)
    return;
  request = g_new0 (ExportRequest, 1);
  request->store = g_object_ref (self->store);
  request->file = g_object_ref (file);
  request->format = format;
  task = g_task_new (self, self->cancellable, on_exported_cb, NULL);
  g_task_set_task_data (task, request, (GDestroyNotify) export_request_free);
  g_task_run_in_thread (task, export_in_thread);
}

static void
on_export_format_chosen_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            gpointer          user_data)
{
  GwWindow *self = GW_WINDOW (user_data);

  if (g_str_equal (response, "spreadsheet"))
    gw_window_choose_export (self, GW_CSV_FORMAT_SPREADSHEET, NULL);
  else if (g_str_equal (response, "exact"))
    gw_window_choose_export (self, GW_CSV_FORMAT_EXACT, NULL);
}

/* A spreadsheet wants the user's words, times and numbers; another
 * Goodwill wants everything exactly as it is stored. */
static void
export_csv (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GwWindow *self = GW_WINDOW (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->store == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Who Is the File For?"), NULL);
  body = g_strconcat (_("For a spreadsheet, the file is written in your language, "
                        "with your local times and your way of writing numbers, "
                        "so that Excel or LibreOffice shows it as you would type it. "
                        "For Goodwill on another computer, each complaint’s details are "
                        "kept exactly, to import there."),
                      "\n\n",
                      /* The list may be searched or filtered: say so before anyone wonders. */
                      _("Every complaint is in the file, not only those the list shows now."),
                      "\n\n",
                      /* A shop moving computers must not lose its history unawares. */
                      _("Notes and the rest of each timeline are not in the file. To move "
                        "everything to another computer, use Back Up Now… in Preferences here "
                        "and Restore From a Backup… there."),
                      NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "exact", _("For _Goodwill"),
                                    "spreadsheet", _("For a _Spreadsheet"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "spreadsheet",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "spreadsheet");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_format_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * gw_window_choose_export:
 * @format: who the file is for
 * @folder: (nullable): the folder the chooser starts in
 *
 * Asks where to export every complaint to, then exports there.
 */
void
gw_window_choose_export (GwWindow    *self,
                         GwCsvFormat  format,
                         GFile       *folder)
{
  g_autoptr(GtkFileFilter) filter = spreadsheet_filter ();

  g_return_if_fail (GW_IS_WINDOW (self));

  gw_file_dialog_save_async (GTK_WINDOW (self), _("Export Complaints"), _("_Save"),
                             /* TRANSLATORS: the suggested file name of an export */
                             _("complaints.csv"), folder, filter, self->cancellable,
                             on_export_chosen_cb, GINT_TO_POINTER (format));
}

static void
save_window_state (GwWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (adw_view_stack_get_visible_child_name (self->view_stack) != NULL)
    g_settings_set_string (self->settings, "last-page",
                           adw_view_stack_get_visible_child_name (self->view_stack));
}

static gboolean
gw_window_close_request (GtkWindow *window)
{
  GwWindow *self = GW_WINDOW (window);

  save_window_state (self);
  /* Reminding with the window closed: hide it, and the reminders it runs
   * go on; Quit still quits. */
  if (self->settings != NULL && g_settings_get_boolean (self->settings, "run-in-background"))
    {
      gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (gw_window_parent_class)->close_request (window);
}

static void
on_background_requested_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GwWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gw_background_request_finish (result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
on_run_in_background_changed_cb (GwWindow *self)
{
  gw_background_request_async (GTK_WINDOW (self),
                               g_settings_get_boolean (self->settings, "run-in-background"),
                               self->cancellable, on_background_requested_cb,
                               g_object_ref (self));
}

static void
gw_window_dispose (GObject *object)
{
  GwWindow *self = GW_WINDOW (object);

  /* The complaint log can outlive the window while it finishes a count;
   * what it says then is no longer for the window. */
  if (self->complaints_view != NULL)
    g_signal_handlers_disconnect_by_data (self->complaints_view, self);
  g_cancellable_cancel (self->cancellable);
  stop_waiting_for_first_frame (self);
  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_handle_id (&self->reminder_source, g_source_remove);
  g_clear_object (&self->notifier);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gw_window_parent_class)->dispose (object);
}

static void
gw_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GwWindow *self = GW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gw_window_class_init (GwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const char *const pages[] = { "complaints", "vision", "staff", "assessment" };

  object_class->dispose = gw_window_dispose;
  object_class->get_property = gw_window_get_property;
  window_class->close_request = gw_window_close_request;

  /**
   * GwWindow:store:
   *
   * The open store, or %NULL until it is opened.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GW_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GwWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, complaints_view);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, vision_page);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, staff_page);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, assessment_page);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, overdue_banner);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, complaints_stack_page);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, title_squeezer);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, switcher_bar);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts);
  gtk_widget_class_install_action (widget_class, "win.new-complaint", NULL, new_complaint);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search);
  gtk_widget_class_install_action (widget_class, "win.top-issues", NULL, top_issues);
  gtk_widget_class_install_action (widget_class, "win.categories", NULL, categories);
  gtk_widget_class_install_action (widget_class, "win.show-overdue", NULL, show_overdue);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_csv);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_csv);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-complaint", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", pages[i]);
}

/* Amounts shown from now on carry the business's currency. */
static void
on_currency_changed_cb (GSettings  *settings,
                        const char *key)
{
  g_autofree char *currency = g_settings_get_string (settings, key);

  gw_money_set_currency (currency);
}

/* The menu's items are made the first time it opens, not with the window. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  GwWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* When the window is too narrow for the tabs, the header bar shows the
 * title and the tabs move to a bar at the bottom; that bar's buttons are
 * made the first time. */
static void
on_title_squeezed_cb (GwWindow *self)
{
  gboolean narrow = adw_squeezer_get_visible_child (self->title_squeezer)
                    == GTK_WIDGET (self->window_title);

  if (narrow && adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, narrow);
}

static void
gw_window_init (GwWindow *self)
{
  g_type_ensure (GW_TYPE_COMPLAINTS_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_primary_menu, self,
                                         NULL);
  g_signal_connect_swapped (self->title_squeezer, "notify::visible-child",
                            G_CALLBACK (on_title_squeezed_cb), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child",
                            G_CALLBACK (on_page_shown_cb), self);
  g_signal_connect_swapped (self->complaints_view, "notify::overdue-count",
                            G_CALLBACK (on_overdue_count_cb), self);

  self->cancellable = g_cancellable_new ();
  self->settings = gw_settings_new_if_installed ();
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::run-in-background",
                             G_CALLBACK (on_run_in_background_changed_cb), self,
                             G_CONNECT_SWAPPED);
  if (self->settings != NULL)
    {
      g_autofree char *currency = g_settings_get_string (self->settings, "currency");

      gw_money_set_currency (currency);
      g_signal_connect (self->settings, "changed::currency",
                        G_CALLBACK (on_currency_changed_cb), NULL);
    }
  if (self->settings != NULL)
    {
      int width, height;

      g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
      gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  if (g_strcmp0 (PROFILE, "Devel") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/**
 * gw_window_get_vision_view:
 *
 * Returns: (transfer none): the Vision & Goals tab, made now if it was not yet
 */
GwVisionView *
gw_window_get_vision_view (GwWindow *self)
{
  g_return_val_if_fail (GW_IS_WINDOW (self), NULL);

  if (self->vision_view != NULL)
    return self->vision_view;

  self->vision_view = g_object_new (GW_TYPE_VISION_VIEW, NULL);
  if (self->store != NULL)
    gw_vision_view_set_store (self->vision_view, self->store);
  adw_bin_set_child (self->vision_page, GTK_WIDGET (self->vision_view));
  return self->vision_view;
}

/**
 * gw_window_get_staff_view:
 *
 * Returns: (transfer none): the Staff tab, made now if it was not yet
 */
GwStaffView *
gw_window_get_staff_view (GwWindow *self)
{
  g_return_val_if_fail (GW_IS_WINDOW (self), NULL);

  if (self->staff_view != NULL)
    return self->staff_view;

  self->staff_view = g_object_new (GW_TYPE_STAFF_VIEW, NULL);
  if (self->store != NULL)
    gw_staff_view_set_store (self->staff_view, self->store);
  adw_bin_set_child (self->staff_page, GTK_WIDGET (self->staff_view));
  return self->staff_view;
}

/**
 * gw_window_get_assessment_view:
 *
 * Returns: (transfer none): the Assessment tab, made now if it was not yet
 */
GwAssessmentView *
gw_window_get_assessment_view (GwWindow *self)
{
  g_return_val_if_fail (GW_IS_WINDOW (self), NULL);

  if (self->assessment_view != NULL)
    return self->assessment_view;

  self->assessment_view = g_object_new (GW_TYPE_ASSESSMENT_VIEW, NULL);
  if (self->store != NULL)
    gw_assessment_view_set_store (self->assessment_view, self->store);
  adw_bin_set_child (self->assessment_page, GTK_WIDGET (self->assessment_view));
  return self->assessment_view;
}

GwWindow *
gw_window_new (GwApplication *application,
               const char    *database_path)
{
  GwWindow *self;

  g_return_val_if_fail (GW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (database_path != NULL, NULL);

  self = g_object_new (GW_TYPE_WINDOW, "application", application, NULL);
  gw_store_open_async (database_path, self->cancellable, on_store_opened_cb, g_object_ref (self));
  return self;
}

GwStore *
gw_window_get_store (GwWindow *self)
{
  g_return_val_if_fail (GW_IS_WINDOW (self), NULL);
  return self->store;
}
