/* gw-goal-dialog.c: a goal's name, measure, direction, target and start,
 * and for a goal entered by hand, its value in the month being reviewed */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-view-utils.h"
#include "gw-goal-dialog.h"

/* Months a goal may start in: two years back to one ahead. */
#define START_MONTHS_BEFORE 24
#define START_MONTHS_AFTER  12

struct _GwGoalDialog {
  AdwWindow      parent_instance;

  GwStore       *store;
  GwGoal        *goal;
  GwMonth        month;          /* whose value the dialog shows */
  GwMonth        first_start;    /* the first of start_choices */
  GArray        *category_ids;   /* gint64 per category_choices item; 0: all */

  /* Template widgets */
  AdwEntryRow   *name_row;
  AdwComboRow   *metric_row;
  AdwComboRow   *category_row;
  AdwEntryRow   *unit_row;
  AdwComboRow   *direction_row;
  AdwEntryRow   *target_row;
  AdwComboRow   *start_row;
  GtkWidget     *value_group;
  AdwEntryRow   *value_row;
  GtkLabel      *error_label;
  GtkWidget     *remove_button;
  GtkStringList *metric_choices;
  GtkStringList *category_choices;
  GtkStringList *start_choices;
};

G_DEFINE_FINAL_TYPE (GwGoalDialog, gw_goal_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_REMOVED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void
show_error (GwGoalDialog *self,
            const char   *message,
            GtkWidget    *at)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (at != NULL)
    {
      gtk_widget_add_css_class (at, "error");
      gtk_widget_grab_focus (at);
    }
}

/* Only what the chosen measure needs is shown. */
static void
on_metric_changed_cb (GwGoalDialog *self)
{
  GwMetric metric = adw_combo_row_get_selected (self->metric_row);

  gtk_widget_set_visible (GTK_WIDGET (self->category_row), metric == GW_METRIC_COMPLAINTS);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_row), metric == GW_METRIC_TYPED);
  gtk_widget_set_visible (self->value_group, metric == GW_METRIC_TYPED);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwGoalDialog *self = GW_GOAL_DIALOG (widget);
  g_autoptr(GwGoal) goal = gw_goal_copy (self->goal);
  g_autoptr(GError) error = NULL;
  const char *value_text = gtk_editable_get_text (GTK_EDITABLE (self->value_row));
  gboolean has_value = FALSE;
  double value = 0;
  guint category = adw_combo_row_get_selected (self->category_row);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *plain_value = g_strstrip (g_strdup (value_text));
  gint64 id;

  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->target_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->value_row), "error");

  g_free (goal->name);
  goal->name = g_strdup (name);
  goal->metric = adw_combo_row_get_selected (self->metric_row);
  goal->category_id = category < self->category_ids->len
                      ? g_array_index (self->category_ids, gint64, category) : 0;
  g_free (goal->unit);
  goal->unit = goal->metric == GW_METRIC_TYPED
               ? g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_row)))
               : g_strdup (gw_metric_unit (goal->metric));
  goal->direction = adw_combo_row_get_selected (self->direction_row) == 1
                    ? GW_DIRECTION_LOWER : GW_DIRECTION_HIGHER;
  goal->start_month = self->first_start + (GwMonth) adw_combo_row_get_selected (self->start_row);

  if (*name == '\0')
    {
      show_error (self, _("Give the goal a name."), GTK_WIDGET (self->name_row));
      return;
    }
  if (!gw_goal_parse_value (gtk_editable_get_text (GTK_EDITABLE (self->target_row)), &goal->target))
    {
      show_error (self, _("Write the target as a number, such as 90 or 2,5."),
                  GTK_WIDGET (self->target_row));
      return;
    }
  if (goal->metric == GW_METRIC_TYPED && *plain_value != '\0')
    {
      if (!gw_goal_parse_value (value_text, &value))
        {
          show_error (self, _("Write the month's value as a number, or leave it empty."),
                      GTK_WIDGET (self->value_row));
          return;
        }
      has_value = TRUE;
    }

  id = gw_store_save_goal (self->store, goal, &error);
  if (id == 0)
    {
      show_error (self, error->message,
                  g_error_matches (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID)
                  ? GTK_WIDGET (self->name_row) : NULL);
      return;
    }
  /* A new goal keeps its id from here on, so saving again does not add it twice. */
  self->goal->id = id;
  if (goal->metric == GW_METRIC_TYPED
      && !gw_store_set_goal_value (self->store, id, self->month, has_value, value, &error))
    {
      show_error (self, error->message, GTK_WIDGET (self->value_row));
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GwGoalDialog *self = GW_GOAL_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!gw_store_delete_goal (self->store, self->goal->id, TRUE, &error))
    {
      show_error (self, error->message, NULL);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_REMOVED], 0, self->goal->id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
gw_goal_dialog_dispose (GObject *object)
{
  GwGoalDialog *self = GW_GOAL_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->goal, gw_goal_free);
  g_clear_pointer (&self->category_ids, g_array_unref);
  G_OBJECT_CLASS (gw_goal_dialog_parent_class)->dispose (object);
}

static void
gw_goal_dialog_class_init (GwGoalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_goal_dialog_dispose;

  /**
   * GwGoalDialog::removed:
   * @id: the goal set aside
   */
  signals[SIGNAL_REMOVED] = g_signal_new ("removed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-goal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GwGoalDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, GwGoalDialog, metric_row);
  gtk_widget_class_bind_template_child (widget_class, GwGoalDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, GwGoalDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, GwGoalDialog, direction_row);
  gtk_widget_class_bind_template_child (widget_class, GwGoalDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, GwGoalDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, GwGoalDialog, value_group);
  gtk_widget_class_bind_template_child (widget_class, GwGoalDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, GwGoalDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GwGoalDialog, remove_button);
  gtk_widget_class_bind_template_child (widget_class, GwGoalDialog, metric_choices);
  gtk_widget_class_bind_template_child (widget_class, GwGoalDialog, category_choices);
  gtk_widget_class_bind_template_child (widget_class, GwGoalDialog, start_choices);
  gtk_widget_class_install_action (widget_class, "goal.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "goal.remove", NULL, remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "goal.save", NULL);
}

static void
gw_goal_dialog_init (GwGoalDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gw_entries_activate_default (GTK_WIDGET (self));
  for (guint i = 0; i < GW_N_METRICS; i++)
    gtk_string_list_append (self->metric_choices, gw_metric_label (i));
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect_swapped (self->metric_row, "notify::selected",
                            G_CALLBACK (on_metric_changed_cb), self);
}

/* A number as it was typed in this locale, so it reads back the same. */
static char *
format_plain (double value)
{
  if (value == (gint64) value)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  return g_strdup_printf ("%.15g", value);
}

/**
 * gw_goal_dialog_new:
 * @goal: the goal to edit; one with id 0 is added on saving
 * @month: the month whose value a goal entered by hand shows
 * @has_value: whether @goal has a value in @month
 */
GwGoalDialog *
gw_goal_dialog_new (GtkWindow    *parent,
                    GwStore      *store,
                    const GwGoal *goal,
                    GwMonth       month,
                    gboolean      has_value,
                    double        value)
{
  GwGoalDialog *self;
  g_autoptr(GPtrArray) categories = NULL;
  g_autofree char *month_name = gw_month_format_in_text (month);
  /* TRANSLATORS: %s is a month, e.g. "Value for October 2026" */
  g_autofree char *value_title = g_strdup_printf (_("_Value for %s"), month_name);
  g_autofree char *target = format_plain (goal->target);
  GwMonth now_month = gw_month_from_time (g_get_real_time () / G_USEC_PER_SEC);
  gint64 all = 0;
  guint selected_category = 0;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);
  g_return_val_if_fail (goal != NULL, NULL);

  self = g_object_new (GW_TYPE_GOAL_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->goal = gw_goal_copy (goal);
  self->month = month;

  gtk_window_set_title (GTK_WINDOW (self), goal->id == 0 ? _("New Goal") : _("Goal"));
  gtk_widget_set_visible (self->remove_button, goal->id != 0);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), goal->name);
  gtk_editable_set_text (GTK_EDITABLE (self->unit_row), goal->unit);
  gtk_editable_set_text (GTK_EDITABLE (self->target_row), goal->id == 0 && goal->target == 0
                                                          && *goal->name == '\0' ? "" : target);
  adw_combo_row_set_selected (self->metric_row, goal->metric);
  adw_combo_row_set_selected (self->direction_row, goal->direction == GW_DIRECTION_LOWER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_row), value_title);
  if (has_value)
    {
      g_autofree char *text = format_plain (value);

      gtk_editable_set_text (GTK_EDITABLE (self->value_row), text);
    }

  /* Categories for "complaints received in …"; archived ones stay
   * offered when a goal already counts them. */
  gtk_string_list_append (self->category_choices, _("All categories"));
  g_array_append_val (self->category_ids, all);
  categories = gw_store_list_categories (store, NULL);
  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      GwCategory *category = g_ptr_array_index (categories, i);

      if (category->archived && category->id != goal->category_id)
        continue;
      if (category->id == goal->category_id)
        selected_category = self->category_ids->len;
      gtk_string_list_append (self->category_choices, category->name);
      g_array_append_val (self->category_ids, category->id);
    }
  adw_combo_row_set_selected (self->category_row, selected_category);

  self->first_start = MIN (now_month, goal->start_month != GW_NO_MONTH ? goal->start_month
                                                                       : now_month)
                      - START_MONTHS_BEFORE;
  for (GwMonth m = self->first_start; m <= now_month + START_MONTHS_AFTER; m++)
    {
      g_autofree char *name = gw_month_format (m);

      gtk_string_list_append (self->start_choices, name);
    }
  adw_combo_row_set_selected (self->start_row,
                              (goal->start_month != GW_NO_MONTH ? goal->start_month : now_month)
                              - self->first_start);
  on_metric_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (goal->id == 0 && *goal->name != '\0' ? self->target_row
                                                                          : self->name_row));
  return self;
}
