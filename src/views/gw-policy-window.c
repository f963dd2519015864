/* gw-policy-window.c: the customer service policy, one section per area
 * with the questions it should answer; starts from a draft the owner
 * edits, and is published by printing or saving as PDF */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-policy-window.h"
#include "gw-view-utils.h"

/* Sections are saved this long after the last keystroke, and on closing. */
#define SAVE_DELAY_S 1

struct _GwPolicyWindow {
  AdwWindow    parent_instance;

  GwStore     *store;
  GtkTextView *texts[GW_N_POLICY_AREAS];
  gboolean     changed[GW_N_POLICY_AREAS];
  guint        save_source;

  /* Template widgets */
  GtkBox      *sections_box;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (GwPolicyWindow, gw_policy_window, ADW_TYPE_WINDOW)

static char *
section_text (GwPolicyWindow *self,
              GwPolicyArea    area)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->texts[area]);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
save (GwPolicyWindow *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  for (guint area = 0; area < GW_N_POLICY_AREAS; area++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      if (!self->changed[area])
        continue;
      text = section_text (self, area);
      if (!gw_store_set_policy_text (self->store, area, text, &error))
        {
          g_autofree char *message = g_strdup_printf (_("The policy could not be saved: %s"),
                                                      error->message);

          gtk_label_set_label (self->error_label, message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
          return FALSE;
        }
      self->changed[area] = FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  return TRUE;
}

static gboolean
save_later_cb (gpointer user_data)
{
  GwPolicyWindow *self = user_data;

  self->save_source = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

static void
on_text_changed_cb (GtkTextBuffer  *buffer,
                    GwPolicyWindow *self)
{
  GwPolicyArea area = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (buffer), "area"));

  self->changed[area] = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add_seconds (SAVE_DELAY_S, save_later_cb, self);
}

static GtkWidget *
make_section (GwPolicyWindow *self,
              GwPolicyArea    area,
              const char     *text)
{
  const GwPolicySection *section = gw_policy_section (area);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(section->title));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _(section->questions));

  gtk_text_buffer_set_text (buffer, text, -1);
  g_object_set_data (G_OBJECT (buffer), "area", GUINT_TO_POINTER (area));
  g_signal_connect (buffer, "changed", G_CALLBACK (on_text_changed_cb), self);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 9);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 9);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 9);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 9);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(section->title),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(section->questions),
                                  -1);
  self->texts[area] = GTK_TEXT_VIEW (view);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_NEVER);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), scrolled);
  return group;
}

/**
 * gw_policy_window_make_report:
 *
 * Returns: (transfer full): the policy as it stands in the window
 */
GwReport *
gw_policy_window_make_report (GwPolicyWindow *self)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (GW_IS_POLICY_WINDOW (self), NULL);

  for (guint area = 0; area < GW_N_POLICY_AREAS; area++)
    g_ptr_array_add (texts, section_text (self, area));
  g_ptr_array_add (texts, NULL);
  return gw_report_new_policy ((const char *const *) texts->pdata);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GwPolicyWindow *self = GW_POLICY_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  save (self);
  if (!gw_print_report (GTK_WINDOW (self), gw_policy_window_make_report (self), NULL, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static gboolean
gw_policy_window_close_request (GtkWindow *window)
{
  GwPolicyWindow *self = GW_POLICY_WINDOW (window);

  /* What was typed stays on screen when it cannot be saved. */
  if (!save (self))
    return TRUE;
  return GTK_WINDOW_CLASS (gw_policy_window_parent_class)->close_request (window);
}

static void
gw_policy_window_dispose (GObject *object)
{
  GwPolicyWindow *self = GW_POLICY_WINDOW (object);

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (gw_policy_window_parent_class)->dispose (object);
}

static void
gw_policy_window_class_init (GwPolicyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gw_policy_window_dispose;
  window_class->close_request = gw_policy_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-policy-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GwPolicyWindow, sections_box);
  gtk_widget_class_bind_template_child (widget_class, GwPolicyWindow, error_label);
  gtk_widget_class_install_action (widget_class, "policy.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "policy.print", NULL);
}

static void
gw_policy_window_init (GwPolicyWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GwPolicyWindow *
gw_policy_window_new (GtkWindow *parent,
                      GwStore   *store)
{
  GwPolicyWindow *self;
  GtkWidget *error_label;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  self = g_object_new (GW_TYPE_POLICY_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  error_label = GTK_WIDGET (self->error_label);
  for (guint area = 0; area < GW_N_POLICY_AREAS; area++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = gw_store_get_policy_text (store, area, &error);

      if (error != NULL)
        g_message ("Cannot read the policy: %s", error->message);
      gtk_box_insert_child_after (self->sections_box,
                                  make_section (self, area,
                                                stored != NULL
                                                ? stored : _(gw_policy_section (area)->starter)),
                                  gtk_widget_get_prev_sibling (error_label));
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->texts[0]));
  return self;
}
