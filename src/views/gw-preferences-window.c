/* gw-preferences-window.c: when to be reminded of follow-ups
 *
 * Every control is bound straight to its setting; the window that runs the
 * reminders listens to the settings and looks again.
 */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-preferences-window.h"

struct _GwPreferencesWindow {
  AdwPreferencesWindow parent_instance;

  GSettings           *settings;

  /* Template widgets */
  AdwComboRow         *lead_row;
  GtkSwitch           *background_switch;
  AdwExpanderRow      *hours_row;
  GtkSpinButton       *open_spin;
  GtkSpinButton       *close_spin;
  GtkBox              *days_box;
  GtkStringList       *lead_choices;
};

G_DEFINE_FINAL_TYPE (GwPreferencesWindow, gw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

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
gw_preferences_window_dispose (GObject *object)
{
  GwPreferencesWindow *self = GW_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
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
}

GwPreferencesWindow *
gw_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  /* TRANSLATORS: short day names for the business days, Monday first */
  const char *days[] = { N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"),
                         N_("Sun") };
  GwPreferencesWindow *self;
  int lead, active_days;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (GW_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);

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
