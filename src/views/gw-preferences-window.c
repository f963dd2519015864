/* gw-preferences-window.c: the business's name and currency, backups and
 * restoring one, and when to be reminded of follow-ups
 *
 * Every control is bound straight to its setting; the window that runs the
 * reminders listens to the settings and looks again.
 */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "core/gw-backups.h"
#include "core/gw-money.h"
#include "gw-preferences-window.h"
#include "views/gw-file-dialog.h"

struct _GwPreferencesWindow {
  AdwPreferencesWindow parent_instance;

  GSettings           *settings;
  GwStore             *store;
  GCancellable        *cancellable;
  gboolean             choosing;

  /* Template widgets */
  AdwEntryRow         *business_row;
  AdwComboRow         *currency_row;
  GtkStringList       *currency_choices;
  AdwActionRow        *store_row;
  AdwActionRow        *daily_row;
  GtkSwitch           *daily_switch;
  AdwComboRow         *lead_row;
  GtkSwitch           *background_switch;
  AdwExpanderRow      *hours_row;
  GtkSpinButton       *open_spin;
  GtkSpinButton       *close_spin;
  GtkBox              *days_box;
  GtkStringList       *lead_choices;
};

G_DEFINE_FINAL_TYPE (GwPreferencesWindow, gw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Currencies offered, after "none"; ISO 4217 codes. */
static const struct {
  const char *code;
  const char *name;   /* translatable */
} currencies[] = {
  { "SEK", N_("Swedish krona (SEK)") },
  { "NOK", N_("Norwegian krone (NOK)") },
  { "DKK", N_("Danish krone (DKK)") },
  { "EUR", N_("Euro (EUR)") },
  { "GBP", N_("Pound sterling (GBP)") },
  { "USD", N_("US dollar (USD)") },
  { "CHF", N_("Swiss franc (CHF)") },
};

/* The choices of "remind before", in minutes; 0 is "not before". */
static const int lead_minutes[] = { 0, 15, 30, 60, 120, 24 * 60 };

static void
on_lead_selected_cb (GwPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->lead_row);

  if (self->settings != NULL && selected < G_N_ELEMENTS (lead_minutes))
    g_settings_set_int (self->settings, "reminder-lead-minutes", lead_minutes[selected]);
}

static void
on_day_toggled_cb (GtkToggleButton     *button,
                   GwPreferencesWindow *self)
{
  guint bit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "day"));
  int days = g_settings_get_int (self->settings, "business-days");

  if (gtk_toggle_button_get_active (button))
    days |= 1 << bit;
  else
    days &= ~(1 << bit);
  g_settings_set_int (self->settings, "business-days", days);
}

static void
on_currency_selected_cb (GwPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->currency_row);

  g_settings_set_string (self->settings, "currency",
                         selected > 0 && selected <= G_N_ELEMENTS (currencies)
                         ? currencies[selected - 1].code : GW_MONEY_NO_CURRENCY);
}

static char *
backups_folder (GwPreferencesWindow *self)
{
  g_autofree char *folder = g_path_get_dirname (gw_store_get_path (self->store));

  return g_build_filename (folder, "backups", NULL);
}

static void
toast (GwPreferencesWindow *self,
       const char          *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

/* A backup or a restore runs on a worker thread with only its own data:
 * the window may be closed meanwhile, and says how it went if it is not. */
typedef struct {
  GwStore *store;
  char    *source;       /* the backup to restore; NULL when backing up */
  char    *destination;  /* the backup to write, or where what is there now is kept */
  GWeakRef window;
} Copy;

static void
copy_free (Copy *copy)
{
  g_object_unref (copy->store);
  g_free (copy->source);
  g_free (copy->destination);
  g_weak_ref_clear (&copy->window);
  g_free (copy);
}

static Copy *
copy_new (GwPreferencesWindow *self,
          const char          *source,
          const char          *destination)
{
  Copy *copy = g_new0 (Copy, 1);

  copy->store = g_object_ref (self->store);
  copy->source = g_strdup (source);
  copy->destination = g_strdup (destination);
  g_weak_ref_init (&copy->window, self);
  return copy;
}

static void
copy_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Copy *copy = task_data;
  g_autofree char *folder = g_path_get_dirname (copy->destination);
  GError *error = NULL;

  /* Before a restore, what is there now is kept in the backups folder. */
  if (copy->source != NULL && g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("Cannot make the backups folder “%s”: %s"), folder,
                               g_strerror (saved_errno));
      return;
    }
  if (copy->source != NULL
        ? !gw_store_restore (copy->store, copy->source, copy->destination, &error)
        : !gw_store_backup (copy->store, copy->destination, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_copied_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Copy *copy = g_task_get_task_data (G_TASK (result));
  g_autoptr(GwPreferencesWindow) self = g_weak_ref_get (&copy->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    message = g_strdup (error->message);
  else if (copy->source != NULL)
    {
      g_autofree char *name = g_path_get_basename (copy->source);

      /* TRANSLATORS: %s is the backup's file name */
      message = g_strdup_printf (_("Restored from “%s”"), name);
    }
  else
    {
      g_autofree char *name = g_path_get_basename (copy->destination);

      /* TRANSLATORS: %s is the backup's file name */
      message = g_strdup_printf (_("Backed up to “%s”"), name);
    }
  if (self != NULL)
    toast (self, message);
}

static void
run_copy (Copy *copy)
{
  /* A store of a million complaints takes seconds to copy. */
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_copied_cb, NULL);

  g_task_set_task_data (task, copy, (GDestroyNotify) copy_free);
  g_task_run_in_thread (task, copy_in_thread);
}

static void
on_backup_chosen_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GwPreferencesWindow *self = GW_PREFERENCES_WINDOW (source);
  g_autoptr(GFile) file = gw_file_dialog_finish (result, NULL);

  self->choosing = FALSE;
  if (file == NULL || g_file_peek_path (file) == NULL)
    return;
  run_copy (copy_new (self, NULL, g_file_peek_path (file)));
}

static void
back_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GwPreferencesWindow *self = GW_PREFERENCES_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* TRANSLATORS: the suggested name of a backup file; %s is today's date */
  g_autofree char *name = g_strdup_printf (_("goodwill-backup-%s.db"), date);

  if (self->store == NULL || self->choosing)
    return;
  self->choosing = TRUE;
  gw_file_dialog_save_async (GTK_WINDOW (self), _("Back Up Goodwill"), _("_Back Up"), name, NULL,
                             NULL, self->cancellable, on_backup_chosen_cb, NULL);
}

/**
 * gw_preferences_window_restore:
 * @backup: the backup to restore
 *
 * Keeps a copy of the store as it is in the backups folder, then restores
 * @backup, off the main loop. The outcome shows as a toast.
 */
void
gw_preferences_window_restore (GwPreferencesWindow *self,
                               const char          *backup)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *safety_copy = NULL;

  g_return_if_fail (GW_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (self->store != NULL);

  folder = backups_folder (self);
  name = g_strdup_printf ("goodwill-before-restore-%s.db", stamp);
  safety_copy = g_build_filename (folder, name, NULL);
  run_copy (copy_new (self, backup, safety_copy));
}

static void
on_restore_confirmed_cb (AdwMessageDialog    *dialog,
                         const char          *response,
                         GwPreferencesWindow *self)
{
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup");

  if (g_strcmp0 (response, "restore") == 0)
    gw_preferences_window_restore (self, backup);
}

static void
on_restore_chosen_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GwPreferencesWindow *self = GW_PREFERENCES_WINDOW (source);
  g_autoptr(GFile) file = gw_file_dialog_finish (result, NULL);
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  GtkWidget *dialog;

  self->choosing = FALSE;
  if (file == NULL || g_file_peek_path (file) == NULL)
    return;

  name = g_file_get_basename (file);
  folder = backups_folder (self);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore From This Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Everything in Goodwill now is replaced by what “%s” holds. "
                                    "A copy of what is there now is kept first, in “%s”."),
                                  name, folder);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup", g_file_get_path (file), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_restore_confirmed_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GwPreferencesWindow *self = GW_PREFERENCES_WINDOW (widget);

  if (self->store == NULL || self->choosing)
    return;
  self->choosing = TRUE;
  gw_file_dialog_open_async (GTK_WINDOW (self), _("Restore From a Backup"), _("_Choose"), NULL,
                             self->cancellable, on_restore_chosen_cb, NULL);
}

static void
gw_preferences_window_dispose (GObject *object)
{
  GwPreferencesWindow *self = GW_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (gw_preferences_window_parent_class)->dispose (object);
}

static void
gw_preferences_window_class_init (GwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, lead_row);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, background_switch);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, hours_row);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, open_spin);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, close_spin);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, days_box);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, lead_choices);
  gtk_widget_class_bind_template_callback (widget_class, on_lead_selected_cb);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, business_row);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, currency_choices);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, store_row);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, daily_row);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, daily_switch);
  gtk_widget_class_install_action (widget_class, "preferences.back-up", NULL, back_up_action);
  gtk_widget_class_install_action (widget_class, "preferences.restore", NULL, restore_action);
}

static void
gw_preferences_window_init (GwPreferencesWindow *self)
{
  const char *leads[] = {
    _("Not before"), _("15 minutes before"), _("30 minutes before"), _("An hour before"),
    _("Two hours before"), _("A day before"), NULL,
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_string_list_splice (self->lead_choices, 0, 0, leads);
  self->cancellable = g_cancellable_new ();
}

/**
 * gw_preferences_window_new:
 * @store: (nullable): the open store, for backing up and restoring
 */
GwPreferencesWindow *
gw_preferences_window_new (GtkWindow *parent,
                           GSettings *settings,
                           GwStore   *store)
{
  /* TRANSLATORS: short day names for the business days, Monday first */
  const char *days[] = { N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"),
                         N_("Sun") };
  GwPreferencesWindow *self;
  int lead, active_days;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (GW_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  self->store = store != NULL ? g_object_ref (store) : NULL;

  g_settings_bind (settings, "business-name", self->business_row, "text", G_SETTINGS_BIND_DEFAULT);
  {
    /* Never chosen: the one amounts show in, the locale's. */
    const char *currency = gw_money_get_currency ();

    gtk_string_list_append (self->currency_choices, _("None"));
    for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
      {
        gtk_string_list_append (self->currency_choices, _(currencies[i].name));
        if (g_str_equal (currency, currencies[i].code))
          adw_combo_row_set_selected (self->currency_row, i + 1);
      }
    g_signal_connect_swapped (self->currency_row, "notify::selected",
                              G_CALLBACK (on_currency_selected_cb), self);
  }
  g_settings_bind (settings, "daily-backups", self->daily_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  if (store != NULL)
    {
      g_autofree char *folder = backups_folder (self);
      /* TRANSLATORS: %u is a number of days, %s the folder the backups are kept in */
      g_autofree char *kept = g_strdup_printf (ngettext ("The last %u day is kept, in “%s”",
                                                         "The last %u days are kept, in “%s”",
                                                         GW_BACKUP_KEEP_DAYS),
                                               GW_BACKUP_KEEP_DAYS, folder);

      adw_action_row_set_subtitle (self->store_row, gw_store_get_path (store));
      adw_action_row_set_subtitle (self->daily_row, kept);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.back-up", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.restore", store != NULL);

  lead = g_settings_get_int (settings, "reminder-lead-minutes");
  for (guint i = 0; i < G_N_ELEMENTS (lead_minutes); i++)
    if (lead_minutes[i] == lead)
      adw_combo_row_set_selected (self->lead_row, i);

  g_settings_bind (settings, "run-in-background", self->background_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "business-hours-enabled", self->hours_row, "enable-expansion",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "business-hours-open", self->open_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "business-hours-close", self->close_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);

  active_days = g_settings_get_int (settings, "business-days");
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(days[i]));

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), (active_days & (1 << i)) != 0);
      g_object_set_data (G_OBJECT (button), "day", GUINT_TO_POINTER (i));
      g_signal_connect (button, "toggled", G_CALLBACK (on_day_toggled_cb), self);
      gtk_box_append (self->days_box, button);
    }
  return self;
}
