/* gw-vision-dialog.c: a vision statement written in five steps, each with
 * its question and an example; saving keeps a new version */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-vision-dialog.h"

struct _GwVisionDialog {
  AdwWindow    parent_instance;

  GwStore     *store;
  GtkTextView *answers[GW_VISION_STEPS];
  guint        step;

  /* Template widgets */
  GtkStack    *stack;
  GtkWidget   *back_button;
  GtkWidget   *next_button;
  GtkWidget   *save_button;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (GwVisionDialog, gw_vision_dialog, ADW_TYPE_WINDOW)

static char *
answer_text (GwVisionDialog *self,
             guint           step)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->answers[step]);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_step (GwVisionDialog *self,
           guint           step)
{
  g_autofree char *name = g_strdup_printf ("step%u", step);

  self->step = step;
  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vision.back", step > 0);
  gtk_widget_set_visible (self->next_button, step + 1 < GW_VISION_STEPS);
  gtk_widget_set_visible (self->save_button, step + 1 == GW_VISION_STEPS);
  gtk_widget_grab_focus (GTK_WIDGET (self->answers[step]));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwVisionDialog *self = GW_VISION_DIALOG (widget);

  if (self->step > 0)
    show_step (self, self->step - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwVisionDialog *self = GW_VISION_DIALOG (widget);

  if (self->step + 1 < GW_VISION_STEPS)
    show_step (self, self->step + 1);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwVisionDialog *self = GW_VISION_DIALOG (widget);
  g_autoptr(GwVisionStatement) statement = gw_vision_statement_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < GW_VISION_STEPS; i++)
    {
      g_free (statement->answers[i]);
      statement->answers[i] = answer_text (self, i);
    }
  if (gw_store_add_vision (self->store, statement, &error) == 0)
    {
      /* Everything typed stays; the step that needs work is shown. */
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      if (g_error_matches (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID))
        show_step (self, GW_VISION_STEPS - 1);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static GtkWidget *
make_step_page (GwVisionDialog *self,
                guint           step)
{
  const GwVisionStep *about = gw_vision_step (step);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *progress, *title, *question, *example, *scrolled, *view;
  /* TRANSLATORS: where the person is in the five steps of the vision */
  g_autofree char *progress_text = g_strdup_printf (_("Step %u of %u"), step + 1, GW_VISION_STEPS);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);

  progress = gtk_label_new (progress_text);
  gtk_label_set_xalign (GTK_LABEL (progress), 0);
  gtk_widget_add_css_class (progress, "dim-label");
  gtk_widget_add_css_class (progress, "caption-heading");
  gtk_box_append (GTK_BOX (box), progress);

  title = gtk_label_new (_(about->title));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (box), title);

  question = gtk_label_new (_(about->question));
  gtk_label_set_xalign (GTK_LABEL (question), 0);
  gtk_label_set_wrap (GTK_LABEL (question), TRUE);
  gtk_box_append (GTK_BOX (box), question);

  example = gtk_label_new (_(about->example));
  gtk_label_set_xalign (GTK_LABEL (example), 0);
  gtk_label_set_wrap (GTK_LABEL (example), TRUE);
  gtk_widget_add_css_class (example, "dim-label");
  gtk_box_append (GTK_BOX (box), example);

  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 9);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 9);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 9);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 9);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(about->title),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(about->question),
                                  -1);
  self->answers[step] = GTK_TEXT_VIEW (view);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);
  gtk_box_append (GTK_BOX (box), scrolled);
  return box;
}

static void
gw_vision_dialog_dispose (GObject *object)
{
  GwVisionDialog *self = GW_VISION_DIALOG (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (gw_vision_dialog_parent_class)->dispose (object);
}

static void
gw_vision_dialog_class_init (GwVisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_vision_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-vision-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GwVisionDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GwVisionDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, GwVisionDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, GwVisionDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, GwVisionDialog, error_label);
  gtk_widget_class_install_action (widget_class, "vision.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "vision.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "vision.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "vision.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "vision.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "vision.back", NULL);
}

static void
gw_vision_dialog_init (GwVisionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < GW_VISION_STEPS; i++)
    {
      g_autofree char *name = g_strdup_printf ("step%u", i);

      gtk_stack_add_named (self->stack, make_step_page (self, i), name);
    }
}

/**
 * gw_vision_dialog_new:
 * @current: (nullable): the vision so far, to start the new version from
 */
GwVisionDialog *
gw_vision_dialog_new (GtkWindow               *parent,
                      GwStore                 *store,
                      const GwVisionStatement *current)
{
  GwVisionDialog *self;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  self = g_object_new (GW_TYPE_VISION_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  /* A vision is revised, not started over: begin from the current one. */
  for (guint i = 0; current != NULL && i < GW_VISION_STEPS; i++)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->answers[i]), current->answers[i], -1);
  show_step (self, 0);
  return self;
}
