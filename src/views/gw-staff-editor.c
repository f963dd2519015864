/* gw-staff-editor.c: one person's details; mistakes are said where they are
 * and nothing typed is lost */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "core/gw-datetime.h"
#include "gw-staff-editor.h"

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
};

G_DEFINE_FINAL_TYPE (GwStaffEditor, gw_staff_editor, ADW_TYPE_WINDOW)

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
  if (*started != '\0' && !gw_datetime_parse (started, &member.started_at))
    {
      show_error (self, _("The start date is not a date Goodwill knows. Write it like "
                          "2024-03-15."), GTK_WIDGET (self->started_row));
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

  gtk_widget_class_install_action (widget_class, "staff-editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "staff-editor.save", NULL);
}

static void
gw_staff_editor_init (GwStaffEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
          g_autoptr(GDateTime) started = g_date_time_new_from_unix_local (member->started_at);
          g_autofree char *text = g_date_time_format (started, "%Y-%m-%d");

          gtk_editable_set_text (GTK_EDITABLE (self->started_row), text);
        }
      gtk_switch_set_active (self->manager_switch, member->is_manager);
      gtk_switch_set_active (self->active_switch, member->active);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
