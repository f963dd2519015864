/* gw-recognition-dialog.c: who, what, why and when; from a compliment it
 * comes filled in */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "core/gw-datetime.h"
#include "core/gw-money.h"
#include "core/gw-typed-date.h"
#include "gw-date-popover.h"
#include "gw-recognition-dialog.h"
#include "gw-view-utils.h"

struct _GwRecognitionDialog {
  AdwWindow      parent_instance;

  GwStore       *store;
  GPtrArray     *staff;          /* the active ones, as in staff_choices */
  gint64         complaint_id;

  /* Template widgets */
  AdwComboRow   *staff_row;
  AdwComboRow   *kind_row;
  AdwEntryRow   *reason_row;
  AdwEntryRow   *value_row;
  AdwEntryRow   *date_row;
  GtkLabel      *error_label;
  GtkStringList *staff_choices;
  GtkStringList *kind_choices;
};

G_DEFINE_FINAL_TYPE (GwRecognitionDialog, gw_recognition_dialog, ADW_TYPE_WINDOW)

static void
show_error (GwRecognitionDialog *self,
            const char          *message,
            AdwEntryRow         *where)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (where != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (where), "error");
      gtk_widget_grab_focus (GTK_WIDGET (where));
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwRecognitionDialog *self = GW_RECOGNITION_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  GwRecognition recognition = { 0 };
  guint person = adw_combo_row_get_selected (self->staff_row);

  gtk_widget_remove_css_class (GTK_WIDGET (self->value_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->reason_row), "error");

  if (self->staff == NULL || person >= self->staff->len)
    {
      show_error (self, _("Add the person on the Staff tab first."), NULL);
      return;
    }
  recognition.staff_id = ((GwStaffMember *) g_ptr_array_index (self->staff, person))->id;
  recognition.kind = adw_combo_row_get_selected (self->kind_row);
  recognition.reason = (char *) gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
  recognition.complaint_id = self->complaint_id;
  if (!gw_money_parse_local (gtk_editable_get_text (GTK_EDITABLE (self->value_row)),
                             &recognition.value, &error))
    {
      show_error (self, error->message, self->value_row);
      return;
    }
  if (!gw_typed_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                            g_get_real_time () / G_USEC_PER_SEC, &recognition.given_at, NULL,
                            &error))
    {
      show_error (self, error->message, self->date_row);
      return;
    }
  if (gw_store_add_recognition (self->store, &recognition, &error) == 0)
    {
      show_error (self, error->message, self->reason_row);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
gw_recognition_dialog_dispose (GObject *object)
{
  GwRecognitionDialog *self = GW_RECOGNITION_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  G_OBJECT_CLASS (gw_recognition_dialog_parent_class)->dispose (object);
}

static void
gw_recognition_dialog_class_init (GwRecognitionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_recognition_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-recognition-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GwRecognitionDialog, staff_row);
  gtk_widget_class_bind_template_child (widget_class, GwRecognitionDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, GwRecognitionDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, GwRecognitionDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, GwRecognitionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, GwRecognitionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GwRecognitionDialog, staff_choices);
  gtk_widget_class_bind_template_child (widget_class, GwRecognitionDialog, kind_choices);

  gtk_widget_class_install_action (widget_class, "recognition.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "recognition.save", NULL);
}

static void
gw_recognition_dialog_init (GwRecognitionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gw_date_popover_attach (self->date_row, FALSE);
  gw_entries_activate_default (GTK_WIDGET (self));
  gw_string_list_append_vocabulary (self->kind_choices, GW_VOCAB_RECOGNITION);
}

/**
 * gw_recognition_dialog_new:
 * @staff_id: who to start with, or 0
 * @reason: (nullable): why, to start with
 * @complaint_id: the complaint or compliment it is for, or 0
 */
GwRecognitionDialog *
gw_recognition_dialog_new (GtkWindow  *parent,
                           GwStore    *store,
                           gint64      staff_id,
                           const char *reason,
                           gint64      complaint_id)
{
  GwRecognitionDialog *self;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *date = gw_typed_date_format (g_date_time_to_unix (today), FALSE);

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  self = g_object_new (GW_TYPE_RECOGNITION_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->complaint_id = complaint_id;
  self->staff = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_staff_member_free);

  staff = gw_store_list_staff (store, NULL);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      GwStaffMember *member = g_ptr_array_index (staff, i);

      if (!member->active && member->id != staff_id)
        continue;
      gtk_string_list_append (self->staff_choices, member->name);
      if (member->id == staff_id)
        adw_combo_row_set_selected (self->staff_row, self->staff->len);
      g_ptr_array_add (self->staff, g_ptr_array_steal_index (staff, i--));
    }
  if (reason != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
  return self;
}
