/* gw-training-dialog.c: a session's topic, date, trainer, notes, and a tick
 * for each person who came */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "core/gw-datetime.h"
#include "core/gw-typed-date.h"
#include "gw-date-popover.h"
#include "gw-training-dialog.h"
#include "gw-view-utils.h"

struct _GwTrainingDialog {
  AdwWindow      parent_instance;

  GwStore       *store;
  GPtrArray     *staff;       /* the active ones */
  GPtrArray     *checks;      /* a GtkCheckButton per person in staff */

  /* Template widgets */
  AdwComboRow   *topic_row;
  AdwEntryRow   *date_row;
  AdwEntryRow   *trainer_row;
  AdwEntryRow   *notes_row;
  AdwPreferencesGroup *attendees_group;
  GtkLabel      *error_label;
  GtkStringList *topic_choices;
};

G_DEFINE_FINAL_TYPE (GwTrainingDialog, gw_training_dialog, ADW_TYPE_WINDOW)

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwTrainingDialog *self = GW_TRAINING_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) attendees = g_array_new (FALSE, FALSE, sizeof (gint64));
  GwTraining training = { 0 };

  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  if (!gw_typed_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                            g_get_real_time () / G_USEC_PER_SEC, &training.held_at, NULL, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return;
    }
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      {
        gint64 id = ((GwStaffMember *) g_ptr_array_index (self->staff, i))->id;

        g_array_append_val (attendees, id);
      }
  training.topic = adw_combo_row_get_selected (self->topic_row);
  training.trainer = (char *) gtk_editable_get_text (GTK_EDITABLE (self->trainer_row));
  training.notes = (char *) gtk_editable_get_text (GTK_EDITABLE (self->notes_row));
  training.attendee_ids = attendees;

  if (gw_store_add_training (self->store, &training, &error) == 0)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
gw_training_dialog_dispose (GObject *object)
{
  GwTrainingDialog *self = GW_TRAINING_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  G_OBJECT_CLASS (gw_training_dialog_parent_class)->dispose (object);
}

static void
gw_training_dialog_class_init (GwTrainingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_training_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-training-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GwTrainingDialog, topic_row);
  gtk_widget_class_bind_template_child (widget_class, GwTrainingDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, GwTrainingDialog, trainer_row);
  gtk_widget_class_bind_template_child (widget_class, GwTrainingDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, GwTrainingDialog, attendees_group);
  gtk_widget_class_bind_template_child (widget_class, GwTrainingDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GwTrainingDialog, topic_choices);

  gtk_widget_class_install_action (widget_class, "training.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "training.save", NULL);
}

static void
gw_training_dialog_init (GwTrainingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gw_date_popover_attach (self->date_row, FALSE);
  gw_entries_activate_default (GTK_WIDGET (self));
  gw_string_list_append_vocabulary (self->topic_choices, GW_VOCAB_TRAINING);
  self->checks = g_ptr_array_new ();
}

GwTrainingDialog *
gw_training_dialog_new (GtkWindow *parent,
                        GwStore   *store)
{
  GwTrainingDialog *self;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *date = gw_typed_date_format (g_date_time_to_unix (today), FALSE);

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  self = g_object_new (GW_TYPE_TRAINING_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->staff = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_staff_member_free);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);

  staff = gw_store_list_staff (store, NULL);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      GwStaffMember *member = g_ptr_array_index (staff, i);
      GtkWidget *row, *check;

      if (!member->active)
        continue;
      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      member->name, -1);
      adw_preferences_group_add (self->attendees_group, row);
      g_ptr_array_add (self->checks, check);
      g_ptr_array_add (self->staff, g_ptr_array_steal_index (staff, i--));
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->topic_row));
  return self;
}
