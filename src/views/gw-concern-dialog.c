/* gw-concern-dialog.c: a member of staff raises a concern; the owner answers
 * it and, once dealt with, closes it */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "core/gw-datetime.h"
#include "gw-concern-dialog.h"
#include "gw-view-utils.h"

struct _GwConcernDialog {
  AdwWindow      parent_instance;

  GwStore       *store;
  gint64         id;          /* 0 while raising a new one */
  GArray        *staff_ids;   /* gint64 per staff_choices item; 0 for "not said" */

  /* Template widgets */
  AdwPreferencesGroup *raise_group;
  AdwComboRow   *topic_row;
  AdwComboRow   *raised_by_row;
  AdwEntryRow   *text_row;
  AdwPreferencesGroup *answer_group;
  AdwActionRow  *concern_row;
  AdwEntryRow   *answer_row;
  GtkSwitch     *close_switch;
  GtkLabel      *error_label;
  GtkStringList *topic_choices;
  GtkStringList *staff_choices;
};

G_DEFINE_FINAL_TYPE (GwConcernDialog, gw_concern_dialog, ADW_TYPE_WINDOW)

static void
show_error (GwConcernDialog *self,
            const char      *message,
            GtkWidget       *at)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (at != NULL)
    {
      gtk_widget_add_css_class (at, "error");
      gtk_widget_grab_focus (at);
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwConcernDialog *self = GW_CONCERN_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->text_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->answer_row), "error");
  if (self->id == 0)
    {
      GwConcern concern = { 0 };
      guint who = adw_combo_row_get_selected (self->raised_by_row);

      concern.topic = adw_combo_row_get_selected (self->topic_row);
      concern.raised_by = who < self->staff_ids->len ? g_array_index (self->staff_ids, gint64, who)
                                                     : 0;
      concern.text = (char *) gtk_editable_get_text (GTK_EDITABLE (self->text_row));
      if (gw_store_add_concern (self->store, &concern, &error) == 0)
        {
          show_error (self, error->message,
                      g_error_matches (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID)
                      ? GTK_WIDGET (self->text_row) : NULL);
          return;
        }
    }
  else if (!gw_store_answer_concern (self->store, self->id,
                                     gtk_editable_get_text (GTK_EDITABLE (self->answer_row)),
                                     gtk_switch_get_active (self->close_switch), &error))
    {
      show_error (self, error->message,
                  g_error_matches (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID)
                  ? GTK_WIDGET (self->answer_row) : NULL);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
gw_concern_dialog_dispose (GObject *object)
{
  GwConcernDialog *self = GW_CONCERN_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  G_OBJECT_CLASS (gw_concern_dialog_parent_class)->dispose (object);
}

static void
gw_concern_dialog_class_init (GwConcernDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_concern_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-concern-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GwConcernDialog, raise_group);
  gtk_widget_class_bind_template_child (widget_class, GwConcernDialog, topic_row);
  gtk_widget_class_bind_template_child (widget_class, GwConcernDialog, raised_by_row);
  gtk_widget_class_bind_template_child (widget_class, GwConcernDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, GwConcernDialog, answer_group);
  gtk_widget_class_bind_template_child (widget_class, GwConcernDialog, concern_row);
  gtk_widget_class_bind_template_child (widget_class, GwConcernDialog, answer_row);
  gtk_widget_class_bind_template_child (widget_class, GwConcernDialog, close_switch);
  gtk_widget_class_bind_template_child (widget_class, GwConcernDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GwConcernDialog, topic_choices);
  gtk_widget_class_bind_template_child (widget_class, GwConcernDialog, staff_choices);

  gtk_widget_class_install_action (widget_class, "concern.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "concern.save", NULL);
}

static void
gw_concern_dialog_init (GwConcernDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gw_entries_activate_default (GTK_WIDGET (self));
  gw_string_list_append_vocabulary (self->topic_choices, GW_VOCAB_CONCERN);
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * gw_concern_dialog_new:
 * @concern: (nullable): the concern to answer, or %NULL to raise one
 */
GwConcernDialog *
gw_concern_dialog_new (GtkWindow       *parent,
                       GwStore         *store,
                       const GwConcern *concern)
{
  GwConcernDialog *self;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  self = g_object_new (GW_TYPE_CONCERN_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  if (concern != NULL)
    {
      g_autofree char *about = gw_concern_describe (concern);

      self->id = concern->id;
      gtk_window_set_title (GTK_WINDOW (self), _("Answer a Concern"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->concern_row), about);
      adw_action_row_set_subtitle (self->concern_row, concern->text);
      gtk_editable_set_text (GTK_EDITABLE (self->answer_row), concern->answer);
      gtk_switch_set_active (self->close_switch, concern->closed_at != 0);
      gtk_widget_set_visible (GTK_WIDGET (self->raise_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->answer_group), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->answer_row));
    }
  else
    {
      g_autoptr(GPtrArray) staff = gw_store_list_staff (store, NULL);
      gint64 nobody = 0;

      gtk_window_set_title (GTK_WINDOW (self), _("Raise a Concern"));
      gtk_string_list_append (self->staff_choices, _("Rather not say"));
      g_array_append_val (self->staff_ids, nobody);
      for (guint i = 0; staff != NULL && i < staff->len; i++)
        {
          GwStaffMember *member = g_ptr_array_index (staff, i);

          if (!member->active)
            continue;
          gtk_string_list_append (self->staff_choices, member->name);
          g_array_append_val (self->staff_ids, member->id);
        }
      gtk_widget_grab_focus (GTK_WIDGET (self->text_row));
    }
  return self;
}
