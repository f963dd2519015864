/* gw-vision-view.c: the Vision & Goals tab: the current vision on top, the
 * goals with the chosen month's figures, the monthly review and the policy */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "core/gw-datetime.h"
#include "gw-goal-dialog.h"
#include "gw-policy-window.h"
#include "gw-review-window.h"
#include "gw-vision-dialog.h"
#include "gw-view-utils.h"
#include "gw-vision-view.h"

/* Months offered for a review, newest first. */
#define REVIEW_MONTHS 36
/* Changes come in bursts (an import, a form saving): figure once after. */
#define RELOAD_DELAY_MS 500

struct _GwVisionView {
  GtkWidget          parent_instance;

  GwStore           *store;
  GPtrArray         *visions;
  GwMonthlyReview   *review;       /* of the chosen month, for the goal rows */
  GCancellable      *loading;
  guint              reload_source;
  GwMonth            newest_month; /* the first of month_choices */

  /* Template widgets */
  GtkLabel          *statement_label;
  GtkLabel          *written_label;
  GtkButton         *write_button;
  GtkListBox        *goal_list;
  AdwComboRow       *month_row;
  GtkStringList     *month_choices;
  GtkWidget         *history_group;
  GtkListBox        *history_list;
};

G_DEFINE_FINAL_TYPE (GwVisionView, gw_vision_view, GTK_TYPE_WIDGET)

static GtkWindow *
parent_window (GwVisionView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkWidget *
make_answer_row (guint       step,
                 const char *answer)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(gw_vision_step (step)->title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), *answer != '\0' ? answer : "—");
  gtk_widget_add_css_class (row, "property");
  return row;
}

static void
fill_vision (GwVisionView *self)
{
  g_autoptr(GError) error = NULL;
  GwVisionStatement *current;

  if (self->store == NULL)
    return;
  gw_list_box_remove_all (self->history_list);
  g_clear_pointer (&self->visions, g_ptr_array_unref);
  self->visions = gw_store_list_visions (self->store, &error);
  if (self->visions == NULL)
    {
      g_message ("Cannot list vision statements: %s", error->message);
      return;
    }

  if (self->visions->len == 0)
    {
      gtk_label_set_label (self->statement_label, _("Where is your customer service going?"));
      gtk_label_set_label (self->written_label,
                           _("Write your vision in five short steps, with an example at each."));
      gtk_button_set_label (self->write_button, _("_Write the Vision…"));
      gtk_widget_set_visible (self->history_group, FALSE);
      return;
    }

  current = g_ptr_array_index (self->visions, 0);
  {
    g_autofree char *date = gw_datetime_format_local_date (current->written_at);
    /* TRANSLATORS: %s is the date the vision statement was written */
    g_autofree char *written = g_strdup_printf (_("Written on %s"), date);

    gtk_label_set_label (self->statement_label, gw_vision_statement_get_text (current));
    gtk_label_set_label (self->written_label, written);
  }
  gtk_button_set_label (self->write_button, _("_Write a New Version…"));

  /* Earlier versions, each with the steps that led to it. */
  for (guint i = 1; i < self->visions->len; i++)
    {
      GwVisionStatement *vision = g_ptr_array_index (self->visions, i);
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *date = gw_datetime_format_local_date (vision->written_at);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gw_vision_statement_get_text (vision));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), date);
      for (guint step = 0; step < GW_VISION_STEPS - 1; step++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                  make_answer_row (step, vision->answers[step]));
      gtk_list_box_append (self->history_list, row);
    }
  gtk_widget_set_visible (self->history_group, self->visions->len > 1);
}

/* "Target: at least 90% · October 2026: 66.7%" */
static char *
describe_goal (const GwGoalTrend *trend,
               GwMonth            month)
{
  const GwGoal *goal = trend->goal;
  g_autofree char *target = gw_goal_format_value (goal, goal->target);
  g_autofree char *month_name = gw_month_format_in_text (month);
  g_autofree char *value = NULL;
  g_autofree char *aim = NULL;
  const char *source;

  if (goal->direction == GW_DIRECTION_LOWER)
    /* TRANSLATORS: a goal's target where lower is better, e.g. "at most 20 seconds" */
    aim = g_strdup_printf (_("at most %s"), target);
  else
    /* TRANSLATORS: a goal's target where higher is better, e.g. "at least 90%" */
    aim = g_strdup_printf (_("at least %s"), target);
  value = trend->has_value[GW_TREND_MONTHS - 1]
          ? gw_goal_format_value (goal, trend->values[GW_TREND_MONTHS - 1])
          : g_strdup (_("no data"));
  source = goal->metric == GW_METRIC_TYPED ? _("entered by hand") : _("from the log");
  /* TRANSLATORS: a goal's summary: its target, a month and its value there,
   * and where the value comes from */
  return g_strdup_printf (_("Target %s · %s: %s · %s"), aim, month_name, value, source);
}

static void
fill_goals (GwVisionView *self)
{
  gw_list_box_remove_all (self->goal_list);
  if (self->review == NULL)
    return;

  if (self->review->trends->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No goals yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add one from an example, or set your own."));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->goal_list, row);
      return;
    }

  for (guint i = 0; i < self->review->trends->len; i++)
    {
      GwGoalTrend *trend = g_ptr_array_index (self->review->trends, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = describe_goal (trend, self->review->month);
      GtkWidget *tag = gw_standing_tag_new (gw_goal_standing (trend->goal,
                                                            trend->has_value[GW_TREND_MONTHS - 1],
                                                            trend->values[GW_TREND_MONTHS - 1]));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trend->goal->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (i));
      if (tag != NULL)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->goal_list, row);
    }
}

static void
on_review_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GwVisionView *self = GW_VISION_VIEW (source);
  g_autoptr(GError) error = NULL;
  GwMonthlyReview *review = gw_monthly_review_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (review == NULL)
    {
      g_message ("Cannot review the month: %s", error->message);
      return;
    }
  g_clear_pointer (&self->review, gw_monthly_review_free);
  self->review = review;
  fill_goals (self);
}

/* The figures come from the whole log, so they are worked out off the main
 * loop; a newer request cancels an older one. */
static void
load_review (GwVisionView *self)
{
  if (self->store == NULL)
    return;
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  gw_monthly_review_load_async (self, self->store, gw_vision_view_get_review_month (self),
                                self->loading, on_review_loaded_cb, NULL);
}

static gboolean
reload_later_cb (gpointer user_data)
{
  GwVisionView *self = user_data;

  self->reload_source = 0;
  load_review (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (GwVisionView *self)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_later_cb, self);
}

/**
 * gw_vision_view_get_review_month:
 *
 * Returns: the month chosen for the review; the last complete one unless
 *   the person chose another
 */
GwMonth
gw_vision_view_get_review_month (GwVisionView *self)
{
  g_return_val_if_fail (GW_IS_VISION_VIEW (self), GW_NO_MONTH);

  return self->newest_month - (GwMonth) adw_combo_row_get_selected (self->month_row);
}

static void
on_toast_undo_cb (AdwToast     *toast,
                  GwVisionView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "goal-id"));

  if (!gw_store_delete_goal (self->store, id, FALSE, &error))
    g_warning ("Cannot restore the goal: %s", error->message);
}

/* Removing is one click, so undoing it is too. */
static void
on_goal_removed_cb (GwVisionView *self,
                    gint64        id)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = adw_toast_new (_("Goal removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "goal-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_toast_undo_cb), self, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
present_goal_dialog (GwVisionView *self,
                     const GwGoal *goal,
                     GwMonth       month,
                     gboolean      has_value,
                     double        value)
{
  GwGoalDialog *dialog = gw_goal_dialog_new (parent_window (self), self->store, goal, month,
                                             has_value, value);

  g_signal_connect_object (dialog, "removed", G_CALLBACK (on_goal_removed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_goal_activated_cb (GwVisionView  *self,
                      GtkListBoxRow *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));
  GwGoalTrend *trend;

  if (self->review == NULL || index >= self->review->trends->len)
    return;
  trend = g_ptr_array_index (self->review->trends, index);
  present_goal_dialog (self, trend->goal, self->review->month,
                       trend->has_value[GW_TREND_MONTHS - 1], trend->values[GW_TREND_MONTHS - 1]);
}

static void
write_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GwVisionView *self = GW_VISION_VIEW (widget);
  const GwVisionStatement *current = NULL;

  if (self->store == NULL)
    return;
  if (self->visions != NULL && self->visions->len > 0)
    current = g_ptr_array_index (self->visions, 0);
  gtk_window_present (GTK_WINDOW (gw_vision_dialog_new (parent_window (self), self->store,
                                                        current)));
}

static void
add_goal_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GwVisionView *self = GW_VISION_VIEW (widget);
  int index = g_variant_get_int32 (parameter);
  guint n_templates;
  const GwGoalTemplate *templates = gw_goal_templates (&n_templates);
  /* It starts with the month under review, whose value it asks for. */
  GwMonth month = gw_vision_view_get_review_month (self);
  g_autoptr(GwGoal) goal = NULL;

  if (self->store == NULL)
    return;
  if (index >= 0 && (guint) index < n_templates)
    goal = gw_goal_new_from_template (&templates[index], month);
  else
    {
      goal = gw_goal_new ();
      goal->start_month = month;
    }
  present_goal_dialog (self, goal, gw_vision_view_get_review_month (self), FALSE, 0);
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GwVisionView *self = GW_VISION_VIEW (widget);

  if (self->store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (gw_review_window_new (parent_window (self), self->store,
                                                        gw_vision_view_get_review_month (self))));
}

static void
policy_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GwVisionView *self = GW_VISION_VIEW (widget);

  if (self->store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (gw_policy_window_new (parent_window (self), self->store)));
}

static void
fill_months (GwVisionView *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  self->newest_month = gw_month_from_time (now);
  for (GwMonth month = self->newest_month; month > self->newest_month - REVIEW_MONTHS; month--)
    {
      g_autofree char *name = gw_month_format_in_text (month);

      gtk_string_list_append (self->month_choices, name);
    }
  /* The last complete month is the one to review. */
  adw_combo_row_set_selected (self->month_row, self->newest_month - gw_month_last_complete (now));
}

void
gw_vision_view_set_store (GwVisionView *self,
                          GwStore      *store)
{
  g_return_if_fail (GW_IS_VISION_VIEW (self));
  g_return_if_fail (GW_IS_STORE (store));

  g_set_object (&self->store, store);
  g_signal_connect_object (store, "changed::vision_statements", G_CALLBACK (fill_vision), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::goals", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::goal_values", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::complaints", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  fill_vision (self);
  load_review (self);
}

static void
gw_vision_view_dispose (GObject *object)
{
  GwVisionView *self = GW_VISION_VIEW (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_VISION_VIEW);
  /* The template's unnamed top child is ours to unparent. */
  while (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));
  g_clear_object (&self->store);
  g_clear_pointer (&self->visions, g_ptr_array_unref);
  g_clear_pointer (&self->review, gw_monthly_review_free);
  G_OBJECT_CLASS (gw_vision_view_parent_class)->dispose (object);
}

static void
gw_vision_view_class_init (GwVisionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_vision_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-vision-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GwVisionView, statement_label);
  gtk_widget_class_bind_template_child (widget_class, GwVisionView, written_label);
  gtk_widget_class_bind_template_child (widget_class, GwVisionView, write_button);
  gtk_widget_class_bind_template_child (widget_class, GwVisionView, goal_list);
  gtk_widget_class_bind_template_child (widget_class, GwVisionView, month_row);
  gtk_widget_class_bind_template_child (widget_class, GwVisionView, month_choices);
  gtk_widget_class_bind_template_child (widget_class, GwVisionView, history_group);
  gtk_widget_class_bind_template_child (widget_class, GwVisionView, history_list);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_activated_cb);
  gtk_widget_class_install_action (widget_class, "vision.write", NULL, write_action);
  gtk_widget_class_install_action (widget_class, "vision.add-goal", "i", add_goal_action);
  gtk_widget_class_install_action (widget_class, "vision.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "vision.policy", NULL, policy_action);
}

static void
gw_vision_view_init (GwVisionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_months (self);
  g_signal_connect_swapped (self->month_row, "notify::selected", G_CALLBACK (load_review), self);
}
