/* gw-date-popover.c: a calendar, and a time when wanted, for a date field.
 *
 * The field stays the place of record: what is typed there is read when
 * the form is saved, and what is picked here is written into it, in the
 * user's own form, so both ways meet in one text. */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "core/gw-typed-date.h"
#include "gw-date-popover.h"

struct _GwDatePopover {
  GtkPopover      parent_instance;

  GtkCalendar    *calendar;
  GtkWidget      *time_box;
  GtkSpinButton  *hour_spin;
  GtkSpinButton  *minute_spin;

  AdwEntryRow    *row;   /* unowned: it owns us, through its button */
  gboolean        with_time;
  gboolean        filling;
};

G_DEFINE_FINAL_TYPE (GwDatePopover, gw_date_popover, GTK_TYPE_POPOVER)

/* Writes the chosen day, and time, into the field. */
static void
write_choice (GwDatePopover *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) chosen = NULL;
  g_autofree char *text = NULL;

  if (self->filling || self->row == NULL)
    return;
  day = gtk_calendar_get_date (self->calendar);
  chosen = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                  g_date_time_get_day_of_month (day),
                                  self->with_time ? gtk_spin_button_get_value_as_int (self->hour_spin) : 0,
                                  self->with_time ? gtk_spin_button_get_value_as_int (self->minute_spin) : 0,
                                  0);
  if (chosen == NULL)
    return;
  text = gw_typed_date_format (g_date_time_to_unix (chosen), self->with_time);
  gtk_editable_set_text (GTK_EDITABLE (self->row), text);
  gtk_editable_set_position (GTK_EDITABLE (self->row), -1);
}

static void
on_day_selected_cb (GwDatePopover *self)
{
  write_choice (self);
}

static void
on_time_changed_cb (GwDatePopover *self)
{
  write_choice (self);
}

/* "09", not "9": a time reads as a time. */
static gboolean
on_spin_output_cb (GtkSpinButton *spin,
                   gpointer       data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* Opens on the day the field holds, or on today at the next full hour. */
static void
on_shown_cb (GwDatePopover *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *text = self->row != NULL ? gtk_editable_get_text (GTK_EDITABLE (self->row)) : "";
  gint64 shown = now;
  gboolean has_time = FALSE;
  g_autoptr(GDateTime) local = NULL;
  int hour, minute = 0;

  if (!gw_typed_date_parse (text, now, &shown, &has_time, NULL))
    shown = now;
  local = g_date_time_new_from_unix_local (shown);
  if (has_time)
    {
      hour = g_date_time_get_hour (local);
      minute = g_date_time_get_minute (local);
    }
  else
    {
      g_autoptr(GDateTime) current = g_date_time_new_now_local ();

      hour = (g_date_time_get_hour (current) + 1) % 24;
    }

  self->filling = TRUE;
  gtk_calendar_select_day (self->calendar, local);
  gtk_spin_button_set_value (self->hour_spin, hour);
  gtk_spin_button_set_value (self->minute_spin, minute);
  self->filling = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

/* A day clicked is the choice made, when there is no time to pick. */
static void
on_calendar_clicked_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        GwDatePopover   *self)
{
  if (!self->with_time)
    gtk_popover_popdown (GTK_POPOVER (self));
}

/* Return takes the day the arrows moved to. */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GwDatePopover         *self)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  write_choice (self);
  gtk_popover_popdown (GTK_POPOVER (self));
  return TRUE;
}

static void
gw_date_popover_class_init (GwDatePopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-date-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, GwDatePopover, calendar);
  gtk_widget_class_bind_template_child (widget_class, GwDatePopover, time_box);
  gtk_widget_class_bind_template_child (widget_class, GwDatePopover, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, GwDatePopover, minute_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_shown_cb);
}

static void
gw_date_popover_init (GwDatePopover *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), key);
  g_signal_connect (click, "released", G_CALLBACK (on_calendar_clicked_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), GTK_EVENT_CONTROLLER (click));
}

/* Once the field says something that is a date, or nothing, it is no
 * longer marked wrong. */
static void
on_row_changed_cb (GtkEditable *row,
                   gpointer     data)
{
  const char *text = gtk_editable_get_text (row);

  if (*text == '\0'
      || gw_typed_date_parse (text, g_get_real_time () / G_USEC_PER_SEC, NULL, NULL, NULL))
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/**
 * gw_date_popover_attach:
 * @row: a field for a date
 * @with_time: whether a time of day is chosen too
 *
 * Puts a calendar button at the end of @row.
 *
 * Returns: (transfer none): the button
 */
GtkWidget *
gw_date_popover_attach (AdwEntryRow *row,
                        gboolean     with_time)
{
  GwDatePopover *popover;
  GtkWidget *button;

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);

  popover = g_object_new (GW_TYPE_DATE_POPOVER, NULL);
  popover->row = row;
  popover->with_time = with_time;
  gtk_widget_set_visible (popover->time_box, with_time);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), GTK_WIDGET (popover));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose From a Calendar"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose from a calendar"), -1);
  adw_entry_row_add_suffix (row, button);
  g_signal_connect (row, "changed", G_CALLBACK (on_row_changed_cb), NULL);
  return button;
}
