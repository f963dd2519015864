/* gw-staff-view.c: the people who serve the customers; current staff first,
 * leavers apart with their history kept */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "core/gw-datetime.h"
#include "core/gw-money.h"
#include "gw-concern-dialog.h"
#include "gw-recognition-dialog.h"
#include "gw-staff-editor.h"
#include "gw-staff-view.h"
#include "gw-training-dialog.h"
#include "gw-view-utils.h"

struct _GwStaffView {
  GtkWidget   parent_instance;

  GwStore    *store;
  GPtrArray  *staff;
  GPtrArray  *concerns;

  /* Template widgets */
  GtkListBox *current_list;
  GtkListBox *former_list;
  GtkListBox *recognition_list;
  GtkListBox *training_list;
  GtkListBox *concern_list;
  AdwComboRow *untrained_row;
  GtkStringList *topic_choices;
  GtkWidget  *former_group;
};

G_DEFINE_FINAL_TYPE (GwStaffView, gw_staff_view, GTK_TYPE_WIDGET)

static GtkWidget *
make_row (GwStaffMember *member,
          guint          index)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (member->role);

  if (*member->phone != '\0')
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", member->phone);
  if (*member->email != '\0')
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", member->email);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index));
  if (member->is_manager)
    {
      GtkWidget *tag = gtk_label_new (_("Manager"));

      gtk_widget_add_css_class (tag, "tag");
      gtk_widget_add_css_class (tag, "caption");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
fill (GwStaffView *self)
{
  g_autoptr(GError) error = NULL;
  gboolean any_former = FALSE;

  gw_list_box_remove_all (self->current_list);
  gw_list_box_remove_all (self->former_list);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  /* A shop's staff is a handful of rows. */
  self->staff = gw_store_list_staff (self->store, &error);
  if (self->staff == NULL)
    {
      g_message ("Cannot list staff: %s", error->message);
      return;
    }
  for (guint i = 0; i < self->staff->len; i++)
    {
      GwStaffMember *member = g_ptr_array_index (self->staff, i);

      gtk_list_box_append (member->active ? self->current_list : self->former_list,
                           make_row (member, i));
      any_former |= !member->active;
    }
  gtk_widget_set_visible (self->former_group, any_former);
}

/* The last few recognitions, so nobody is forgotten for long. */
static void
fill_recognitions (GwStaffView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) recognitions = gw_store_list_recognitions (self->store, 20, &error);
  GtkWidget *row;

  gw_list_box_remove_all (self->recognition_list);
  if (recognitions == NULL)
    {
      g_message ("Cannot list recognition: %s", error->message);
      return;
    }
  for (guint i = 0; i < recognitions->len; i++)
    {
      GwRecognition *recognition = g_ptr_array_index (recognitions, i);
      g_autofree char *when = gw_datetime_format_local (recognition->given_at);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* TRANSLATORS: who and what, e.g. "Anna Svensson: Gift" */
      title = g_strdup_printf (_("%s: %s"), recognition->staff,
                               gw_vocabulary_label (GW_VOCAB_RECOGNITION, recognition->kind));
      if (recognition->value > 0)
        {
          g_autofree char *value = gw_money_format_local (recognition->value);

          /* TRANSLATORS: why · value · when */
          subtitle = g_strdup_printf (_("%s · %s · %s"), recognition->reason, value, when);
        }
      else
        /* TRANSLATORS: why · when */
        subtitle = g_strdup_printf (_("%s · %s"), recognition->reason, when);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->recognition_list, row);
    }
  if (recognitions->len == 0)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No one recognised yet. A compliment from a customer "
                                       "is a good start."));
      gtk_list_box_append (self->recognition_list, row);
    }
}

static void
recognise_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GwStaffView *self = GW_STAFF_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (gw_recognition_dialog_new (GTK_IS_WINDOW (root)
                                                              ? GTK_WINDOW (root) : NULL,
                                                              self->store, 0, NULL, 0)));
}

/* Who still needs the chosen topic, under the row that chooses it. */
static void
on_untrained_topic_cb (GwStaffView *self)
{
  g_auto(GStrv) names = NULL;
  g_autofree char *joined = NULL;

  if (self->store == NULL)
    return;
  names = gw_store_staff_without_training (self->store,
                                           adw_combo_row_get_selected (self->untrained_row),
                                           NULL);
  joined = names != NULL && names[0] != NULL ? g_strjoinv (", ", names)
                                             : g_strdup (_("Everyone has had it"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->untrained_row), joined);
}

/* The latest sessions, each with who came. */
static void
fill_trainings (GwStaffView *self)
{
  g_autoptr(GPtrArray) trainings = gw_store_list_trainings (self->store, 0, 20, NULL);
  GtkWidget *row;

  gw_list_box_remove_all (self->training_list);
  for (guint i = 0; trainings != NULL && i < trainings->len; i++)
    {
      GwTraining *training = g_ptr_array_index (trainings, i);
      g_autofree char *when = gw_datetime_format_local_date (training->held_at);
      g_autofree char *who = g_strjoinv (", ", training->attendees);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* TRANSLATORS: topic · when */
      title = g_strdup_printf (_("%s · %s"), gw_vocabulary_label (GW_VOCAB_TRAINING, training->topic),
                               when);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (training->trainer != NULL && *training->trainer != '\0')
        /* TRANSLATORS: who attended · who taught them */
        subtitle = g_strdup_printf (_("%s · led by %s"), who, training->trainer);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : who);
      gtk_list_box_append (self->training_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->training_list), trainings != NULL && trainings->len > 0);
  on_untrained_topic_cb (self);
}

static void
record_training_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GwStaffView *self = GW_STAFF_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (gw_training_dialog_new (GTK_IS_WINDOW (root)
                                                          ? GTK_WINDOW (root) : NULL,
                                                          self->store)));
}

/* Open concerns, then the last few closed ones for the record. */
static void
fill_concerns (GwStaffView *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  gw_list_box_remove_all (self->concern_list);
  g_clear_pointer (&self->concerns, g_ptr_array_unref);
  self->concerns = gw_store_list_concerns (self->store, TRUE, 30, &error);
  if (self->concerns == NULL)
    {
      g_message ("Cannot list concerns: %s", error->message);
      return;
    }
  for (guint i = 0; i < self->concerns->len; i++)
    {
      GwConcern *concern = g_ptr_array_index (self->concerns, i);
      g_autofree char *title = gw_concern_describe (concern);
      const char *state;
      GtkWidget *tag;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   *concern->answer != '\0' ? concern->answer : concern->text);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (i));
      state = concern->closed_at != 0 ? C_("concern", "Closed")
              : *concern->answer != '\0' ? C_("concern", "Answered") : C_("concern", "Open");
      tag = gtk_label_new (state);
      gtk_widget_add_css_class (tag, "caption");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      if (concern->closed_at != 0)
        gtk_widget_add_css_class (tag, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->concern_list, row);
    }
  if (self->concerns->len == 0)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No concerns raised."));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->concern_list, row);
    }
}

static void
present_concern_dialog (GwStaffView     *self,
                        const GwConcern *concern)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (gw_concern_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                              : NULL,
                                                         self->store, concern)));
}

static void
raise_concern_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  present_concern_dialog (GW_STAFF_VIEW (widget), NULL);
}

static void
on_concern_activated_cb (GwStaffView   *self,
                         GtkListBoxRow *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));

  if (self->concerns == NULL || index >= self->concerns->len)
    return;
  present_concern_dialog (self, g_ptr_array_index (self->concerns, index));
}

static void
on_row_activated_cb (GwStaffView   *self,
                     GtkListBoxRow *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->staff == NULL || index >= self->staff->len)
    return;
  gtk_window_present (GTK_WINDOW (gw_staff_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       self->store,
                                                       g_ptr_array_index (self->staff, index))));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GwStaffView *self = GW_STAFF_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (gw_staff_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       self->store, NULL)));
}

void
gw_staff_view_set_store (GwStaffView *self,
                         GwStore     *store)
{
  g_return_if_fail (GW_IS_STAFF_VIEW (self));
  g_return_if_fail (GW_IS_STORE (store));

  g_set_object (&self->store, store);
  g_signal_connect_object (store, "changed::staff", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::recognitions", G_CALLBACK (fill_recognitions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::trainings", G_CALLBACK (fill_trainings), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::staff", G_CALLBACK (on_untrained_topic_cb), self,
                           G_CONNECT_SWAPPED);
  fill (self);
  fill_recognitions (self);
  fill_trainings (self);
  g_signal_connect_object (store, "changed::concerns", G_CALLBACK (fill_concerns), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::staff", G_CALLBACK (fill_concerns), self,
                           G_CONNECT_SWAPPED);
  fill_concerns (self);
}

static void
gw_staff_view_dispose (GObject *object)
{
  GwStaffView *self = GW_STAFF_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_STAFF_VIEW);
  /* The template's unnamed top child is ours to unparent. */
  while (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));
  g_clear_object (&self->store);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_pointer (&self->concerns, g_ptr_array_unref);
  G_OBJECT_CLASS (gw_staff_view_parent_class)->dispose (object);
}

static void
gw_staff_view_class_init (GwStaffViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_staff_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-staff-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GwStaffView, current_list);
  gtk_widget_class_bind_template_child (widget_class, GwStaffView, former_list);
  gtk_widget_class_bind_template_child (widget_class, GwStaffView, former_group);
  gtk_widget_class_bind_template_child (widget_class, GwStaffView, recognition_list);
  gtk_widget_class_bind_template_child (widget_class, GwStaffView, training_list);
  gtk_widget_class_bind_template_child (widget_class, GwStaffView, concern_list);
  gtk_widget_class_bind_template_callback (widget_class, on_concern_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, GwStaffView, untrained_row);
  gtk_widget_class_bind_template_child (widget_class, GwStaffView, topic_choices);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_untrained_topic_cb);
  gtk_widget_class_install_action (widget_class, "staff.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "staff.recognise", NULL, recognise_action);
  gtk_widget_class_install_action (widget_class, "staff.record-training", NULL,
                                   record_training_action);
  gtk_widget_class_install_action (widget_class, "staff.raise-concern", NULL,
                                   raise_concern_action);
}

static void
gw_staff_view_init (GwStaffView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gw_string_list_append_vocabulary (self->topic_choices, GW_VOCAB_TRAINING);
}
