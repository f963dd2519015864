/* gw-staff-editor.c: one person's details; mistakes are said where they are
 * and nothing typed is lost */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "core/gw-datetime.h"
#include "core/gw-typed-date.h"
#include "gw-date-popover.h"
#include "gw-staff-editor.h"
#include "gw-view-utils.h"

struct _GwStaffEditor {
  AdwWindow    parent_instance;

  GwStore     *store;
  gint64       id;

  /* Template widgets */
  AdwEntryRow *name_row;
  AdwEntryRow *role_row;
  AdwEntryRow *phone_row;
  AdwEntryRow *email_row;
  AdwEntryRow *started_row;
  GtkSwitch   *manager_switch;
  GtkSwitch   *active_switch;
  GtkLabel    *error_label;
  AdwPreferencesGroup *feedback_group;
  GtkDropDown   *period_dropdown;
  GPtrArray     *figure_rows;
  GtkWidget     *print_button;
  AdwPreferencesGroup *training_group;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (GwStaffEditor, gw_staff_editor, ADW_TYPE_WINDOW)

static void print_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter);

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
show_error (GwStaffEditor *self,
            const char    *message,
            GtkWidget     *where)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (where != NULL)
    {
      gtk_widget_add_css_class (where, "error");
      gtk_widget_grab_focus (where);
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwStaffEditor *self = GW_STAFF_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *started = g_strstrip (g_strdup (text_of (self->started_row)));
  GwStaffMember member = { 0 };

  gtk_widget_remove_css_class (GTK_WIDGET (self->started_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");

  member.id = self->id;
  member.name = (char *) text_of (self->name_row);
  member.role = (char *) text_of (self->role_row);
  member.phone = (char *) text_of (self->phone_row);
  member.email = (char *) text_of (self->email_row);
  member.is_manager = gtk_switch_get_active (self->manager_switch);
  member.active = gtk_switch_get_active (self->active_switch);
  if (*started != '\0'
      && !gw_typed_date_parse (started, g_get_real_time () / G_USEC_PER_SEC, &member.started_at,
                               NULL, &error))
    {
      /* TRANSLATORS: %s says what is wrong with the date, with an example */
      g_autofree char *message = g_strdup_printf (_("Start date: %s."), error->message);

      show_error (self, message, GTK_WIDGET (self->started_row));
      return;
    }

  if (gw_store_save_staff_member (self->store, &member, &error) == 0)
    {
      show_error (self, error->message,
                  g_error_matches (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID)
                  ? GTK_WIDGET (self->name_row) : NULL);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
gw_staff_editor_dispose (GObject *object)
{
  GwStaffEditor *self = GW_STAFF_EDITOR (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->figure_rows, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (gw_staff_editor_parent_class)->dispose (object);
}

static void
gw_staff_editor_class_init (GwStaffEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_staff_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-staff-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GwStaffEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, GwStaffEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, GwStaffEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, GwStaffEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, GwStaffEditor, started_row);
  gtk_widget_class_bind_template_child (widget_class, GwStaffEditor, manager_switch);
  gtk_widget_class_bind_template_child (widget_class, GwStaffEditor, active_switch);
  gtk_widget_class_bind_template_child (widget_class, GwStaffEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, GwStaffEditor, feedback_group);
  gtk_widget_class_bind_template_child (widget_class, GwStaffEditor, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GwStaffEditor, print_button);
  gtk_widget_class_bind_template_child (widget_class, GwStaffEditor, training_group);

  gtk_widget_class_install_action (widget_class, "staff-editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "staff-editor.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "staff-editor.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "staff-editor.save", NULL);
}

static void load_feedback (GwStaffEditor *self);

static void
gw_staff_editor_init (GwStaffEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gw_date_popover_attach (self->started_row, FALSE);
  gw_entries_activate_default (GTK_WIDGET (self));
  self->figure_rows = g_ptr_array_new ();
  g_signal_connect_swapped (self->period_dropdown, "notify::selected",
                            G_CALLBACK (load_feedback), self);
}

static void
add_figure (GwStaffEditor *self,
            const char    *title,
            const char    *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (self->feedback_group, row);
  g_ptr_array_add (self->figure_rows, row);
}

static char *
share_of (gint64 part,
          gint64 whole)
{
  if (whole == 0)
    return g_strdup (_("None yet"));
  /* TRANSLATORS: "2 of 3 (67%)" */
  return g_strdup_printf (_("%d of %d (%d%%)"), (int) part, (int) whole,
                          (int) ((100 * part + whole / 2) / whole));
}

static char *
describe_duration (gint64 seconds)
{
  gint64 hours = seconds / 3600;

  if (hours >= 48)
    return g_strdup_printf (ngettext ("within %d day", "within %d days", hours / 24),
                            (int) (hours / 24));
  if (hours >= 1)
    return g_strdup_printf (ngettext ("within %d hour", "within %d hours", hours), (int) hours);
  return g_strdup (_("within the hour"));
}

static void
feedback_in_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  /* Only the task's own data: the window may be closed while this runs. */
  GwStore *store = task_data;
  gint64 staff_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (task), "staff-id"));
  guint months = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "months"));
  GwStaffFeedback *feedback = g_new0 (GwStaffFeedback, 1);
  GError *error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  gint64 since = 0;

  /* A month as 30.5 days is close enough for "the last few months". */
  if (months > 0)
    since = now - (gint64) (months * 30.5 * 24 * 3600);
  if (gw_store_staff_feedback (store, staff_id, since, now + 1, now,
                               feedback, &error))
    g_task_return_pointer (task, feedback, g_free);
  else
    {
      g_free (feedback);
      g_task_return_error (task, error);
    }
}

static void
on_feedback_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autofree GwStaffFeedback *feedback = g_task_propagate_pointer (G_TASK (result), NULL);
  GwStaffEditor *self;
  g_autofree char *resolved = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *felt = NULL;
  g_autofree char *compliments = NULL;
  g_autofree char *recognised = NULL;

  if (feedback == NULL)
    return;
  self = GW_STAFF_EDITOR (user_data);
  for (guint i = 0; i < self->figure_rows->len; i++)
    adw_preferences_group_remove (self->feedback_group, g_ptr_array_index (self->figure_rows, i));
  g_ptr_array_set_size (self->figure_rows, 0);
  resolved = share_of (feedback->resolved, feedback->complaints);
  if (feedback->resolved > 0)
    {
      g_autofree char *usually = describe_duration (feedback->median_resolve_secs);
      g_autofree char *joined = g_strdup_printf ("%s, %s", resolved, usually);

      g_free (resolved);
      resolved = g_steal_pointer (&joined);
    }
  kept = share_of (feedback->follow_ups_kept, feedback->follow_ups_due);
  /* TRANSLATORS: how customers felt about the handling, three counts */
  felt = g_strdup_printf (_("%d delighted, %d satisfied, %d dissatisfied"),
                          (int) feedback->delighted, (int) feedback->satisfied,
                          (int) feedback->dissatisfied);
  compliments = g_strdup_printf (ngettext ("%d compliment from a customer",
                                           "%d compliments from customers",
                                           feedback->compliments),
                                 (int) feedback->compliments);
  recognised = g_strdup_printf (ngettext ("Recognised %d time", "Recognised %d times",
                                          feedback->recognitions),
                                (int) feedback->recognitions);

  add_figure (self, _("Complaints they took that are resolved"), resolved);
  add_figure (self, _("Follow-ups kept on time"), kept);
  add_figure (self, _("How customers felt about the handling"), felt);
  add_figure (self, _("Praise"), compliments);
  add_figure (self, _("Recognition"), recognised);
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_group), TRUE);
}

/* Indexed like the period drop-down in the template; 0 is all time. */
static const guint period_months[] = { 3, 6, 12, 0 };

/* The person's figures come from their complaints: off the main loop. A new
 * period cancels the figures still coming for the old one. */
static void
load_feedback (GwStaffEditor *self)
{
  g_autoptr(GTask) task = NULL;
  guint period = gtk_drop_down_get_selected (self->period_dropdown);

  if (self->id == 0)
    return;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  /* No reference to the window: closing it cancels this, and a cancelled
   * task never reaches the callback's use of it. */
  task = g_task_new (NULL, self->cancellable, on_feedback_cb, self);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_object_set_data (G_OBJECT (task), "staff-id", GSIZE_TO_POINTER ((gsize) self->id));
  g_object_set_data (G_OBJECT (task), "months",
                     GUINT_TO_POINTER (period_months[MIN (period, G_N_ELEMENTS (period_months) - 1)]));
  g_task_run_in_thread (task, feedback_in_thread);
}

/* The sessions this person attended, newest first; a handful of rows. */
static void
fill_training_history (GwStaffEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trainings = gw_store_list_trainings (self->store, self->id, 50, &error);
  GtkWidget *row;

  if (trainings == NULL)
    {
      g_message ("Cannot list training: %s", error->message);
      return;
    }
  for (guint i = 0; i < trainings->len; i++)
    {
      GwTraining *training = g_ptr_array_index (trainings, i);
      g_autofree char *when = gw_datetime_format_local_date (training->held_at);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     gw_vocabulary_label (GW_VOCAB_TRAINING, training->topic));
      if (training->trainer != NULL && *training->trainer != '\0')
        {
          /* TRANSLATORS: when · who taught it */
          g_autofree char *subtitle = g_strdup_printf (_("%s · led by %s"), when,
                                                       training->trainer);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
      adw_preferences_group_add (self->training_group, row);
    }
  if (trainings->len == 0)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No training recorded yet"));
      adw_preferences_group_add (self->training_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->training_group), TRUE);
}

/**
 * gw_staff_editor_new:
 * @member: (nullable): the person to change, or %NULL to add one
 */
GwStaffEditor *
gw_staff_editor_new (GtkWindow           *parent,
                     GwStore             *store,
                     const GwStaffMember *member)
{
  GwStaffEditor *self;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  self = g_object_new (GW_TYPE_STAFF_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  if (member != NULL)
    {
      self->id = member->id;
      gtk_window_set_title (GTK_WINDOW (self), member->name);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), member->name);
      gtk_editable_set_text (GTK_EDITABLE (self->role_row), member->role);
      gtk_editable_set_text (GTK_EDITABLE (self->phone_row), member->phone);
      gtk_editable_set_text (GTK_EDITABLE (self->email_row), member->email);
      if (member->started_at != 0)
        {
          g_autofree char *text = gw_typed_date_format (member->started_at, FALSE);

          gtk_editable_set_text (GTK_EDITABLE (self->started_row), text);
        }
      gtk_switch_set_active (self->manager_switch, member->is_manager);
      gtk_switch_set_active (self->active_switch, member->active);
      fill_training_history (self);
      gtk_widget_set_visible (self->print_button, TRUE);

      load_feedback (self);
    }
  gw_focus_after_text (GTK_WIDGET (self->name_row));
  return self;
}

static void
collect_rows (GtkWidget *widget,
              GString   *text)
{
  if (ADW_IS_ACTION_ROW (widget))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));

      if (subtitle != NULL && *subtitle != '\0')
        /* TRANSLATORS: a line of the printed summary, "figure: value" */
        g_string_append_printf (text, _("%s: %s"), title, subtitle);
      else
        g_string_append (text, title);
      g_string_append_c (text, '\n');
      return;
    }
  for (GtkWidget *kid = gtk_widget_get_first_child (widget); kid != NULL;
       kid = gtk_widget_get_next_sibling (kid))
    collect_rows (kid, text);
}

/**
 * gw_staff_editor_dup_summary:
 *
 * Returns: the person's summary as printed: who they are, what customers
 *   said in the chosen period, and the training they attended
 */
char *
gw_staff_editor_dup_summary (GwStaffEditor *self)
{
  GString *text = g_string_new (NULL);
  const char *role = gtk_editable_get_text (GTK_EDITABLE (self->role_row));
  GObject *period = gtk_drop_down_get_selected_item (self->period_dropdown);

  g_string_append_printf (text, "%s\n", gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  if (*role != '\0')
    g_string_append_printf (text, "%s\n", role);
  if (self->figure_rows->len > 0)
    {
      /* TRANSLATORS: heading of the printed summary, with the chosen period */
      g_string_append_printf (text, _("\nWhat customers said (%s)\n"),
                              period != NULL ? gtk_string_object_get_string (GTK_STRING_OBJECT (period))
                                             : "");
      for (guint i = 0; i < self->figure_rows->len; i++)
        collect_rows (g_ptr_array_index (self->figure_rows, i), text);
    }
  g_string_append_printf (text, "\n%s\n", _("Training attended"));
  collect_rows (GTK_WIDGET (self->training_group), text);
  return g_string_free (text, FALSE);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   gpointer           user_data)
{
  gtk_print_operation_set_n_pages (operation, 1);
}

/* One page: the summary is a dozen lines. */
static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_number,
                 GwStaffEditor     *self)
{
  g_autofree char *summary = gw_staff_editor_dup_summary (self);
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  g_auto(GStrv) lines = g_strsplit (summary, "\n", -1);
  g_autoptr(GString) markup = g_string_new (NULL);

  /* The name as the title; a line after a blank one heads a section. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (lines[i], -1);

      if (i == 0)
        g_string_append_printf (markup, "<span size=\"xx-large\" weight=\"bold\">%s</span>",
                                escaped);
      else if (*lines[i - 1] == '\0' && *lines[i] != '\0')
        g_string_append_printf (markup, "<span size=\"large\" weight=\"bold\">%s</span>",
                                escaped);
      else
        g_string_append (markup, escaped);
      if (lines[i + 1] != NULL)
        g_string_append_c (markup, '\n');
    }
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (gtk_print_context_get_width (context) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_spacing (layout, 4 * PANGO_SCALE);
  pango_layout_set_markup (layout, markup->str, -1);
  cairo_move_to (gtk_print_context_get_cairo_context (context), 0, 0);
  pango_cairo_show_layout (gtk_print_context_get_cairo_context (context), layout);
}

static GtkPrintOperation *
make_print_operation (GwStaffEditor *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autofree char *job = g_strdup_printf (_("Summary for %s"),
                                          gtk_editable_get_text (GTK_EDITABLE (self->name_row)));

  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), NULL);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self);
  return operation;
}

/**
 * gw_staff_editor_export_summary:
 *
 * Writes the summary as printed to a PDF file, without a dialog.
 */
gboolean
gw_staff_editor_export_summary (GwStaffEditor  *self,
                                const char     *pdf_path,
                                GError        **error)
{
  g_autoptr(GtkPrintOperation) operation = make_print_operation (self);

  return gw_print_operation_export (operation, GTK_WINDOW (self), pdf_path, error);
}

/* The print dialog offers "Print to File" for a PDF. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GwStaffEditor *self = GW_STAFF_EDITOR (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->id == 0)
    return;
  operation = make_print_operation (self);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}
