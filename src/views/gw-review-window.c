/* gw-review-window.c: one month's review: the figures, each goal against
 * its target with its trend, the top issues, the recognitions given, and
 * the owner's notes; printed with the same drawing as the command line */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "core/gw-datetime.h"
#include "core/gw-money.h"
#include "gw-review-window.h"
#include "gw-trend-chart.h"
#include "gw-view-utils.h"

/* Notes are saved this long after the last keystroke, and on leaving. */
#define NOTES_SAVE_DELAY_S 1

struct _GwReviewWindow {
  AdwWindow        parent_instance;

  GwStore         *store;
  GwMonth          month;
  GwMonthlyReview *review;
  GCancellable    *loading;
  gboolean         notes_changed;
  guint            notes_source;
  gboolean         filling;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkLabel        *vision_label;
  GtkListBox      *figures_list;
  GtkListBox      *goals_list;
  GtkListBox      *issues_list;
  GtkListBox      *recognitions_list;
  GtkTextView     *notes_view;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (GwReviewWindow, gw_review_window, ADW_TYPE_WINDOW)

static void load (GwReviewWindow *self);

static void
show_error (GwReviewWindow *self,
            const char     *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static char *
notes_text (GwReviewWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Keeps what was typed; on failure it stays in the window, and says why. */
static gboolean
save_notes (GwReviewWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->notes_source, g_source_remove);
  if (!self->notes_changed)
    return TRUE;
  text = notes_text (self);
  if (!gw_store_set_month_notes (self->store, self->month, text, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Your notes could not be saved: %s"),
                                                  error->message);

      show_error (self, message);
      return FALSE;
    }
  self->notes_changed = FALSE;
  if (self->review != NULL)
    {
      g_free (self->review->notes);
      self->review->notes = g_steal_pointer (&text);
    }
  return TRUE;
}

static gboolean
save_notes_later_cb (gpointer user_data)
{
  GwReviewWindow *self = user_data;

  self->notes_source = 0;
  save_notes (self);
  return G_SOURCE_REMOVE;
}

static void
on_notes_changed_cb (GwReviewWindow *self)
{
  if (self->filling)
    return;
  self->notes_changed = TRUE;
  g_clear_handle_id (&self->notes_source, g_source_remove);
  self->notes_source = g_timeout_add_seconds (NOTES_SAVE_DELAY_S, save_notes_later_cb, self);
}

static void
add_figure (GtkListBox *list,
            const char *title,
            const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (list, row);
}

/* "3 of 4 (75%)", or "none" when there is nothing to count. */
static char *
part_of (gint64 part,
         gint64 whole)
{
  g_autofree char *part_text = gw_format_integer (part);
  g_autofree char *whole_text = gw_format_integer (whole);

  g_autofree char *number = NULL;
  g_autofree char *share = NULL;

  if (whole == 0)
    return g_strdup (_("none"));
  number = gw_format_number (100.0 * part / whole);
  /* TRANSLATORS: a percentage; %s is the number. Swedish writes "85 %" */
  share = g_strdup_printf (_("%s%%"), number);
  /* TRANSLATORS: a count out of a total, with the share, e.g. "3 of 4 (75%)" */
  return g_strdup_printf (_("%s of %s (%s)"), part_text, whole_text, share);
}

static void
fill_figures (GwReviewWindow *self)
{
  const GwMonthFacts *facts = &self->review->facts;
  g_autofree char *complaints = gw_format_integer (facts->complaints);
  g_autofree char *comments = gw_format_integer (facts->comments);
  g_autofree char *compliments = gw_format_integer (facts->compliments);
  g_autofree char *resolved = part_of (facts->resolved, facts->complaints);
  g_autofree char *on_spot = part_of (facts->solved_on_spot, facts->complaints);
  g_autofree char *kept = part_of (facts->follow_ups_kept, facts->follow_ups_due);
  g_autofree char *satisfied = part_of (facts->satisfied, facts->feeling_known);
  g_autofree char *median = facts->resolved > 0 ? gw_report_format_duration (facts->median_resolve_secs)
                                                : g_strdup (_("no data"));
  g_autofree char *compensation = gw_money_format_local (facts->compensation);

  gw_list_box_remove_all (self->figures_list);
  add_figure (self->figures_list, _("Complaints"), complaints);
  add_figure (self->figures_list, _("Comments"), comments);
  add_figure (self->figures_list, _("Compliments"), compliments);
  add_figure (self->figures_list, _("Resolved"), resolved);
  add_figure (self->figures_list, _("Solved on the spot"), on_spot);
  add_figure (self->figures_list, _("Follow-ups kept on time"), kept);
  add_figure (self->figures_list, _("Satisfied with the handling"), satisfied);
  add_figure (self->figures_list, _("Median time to resolve"), median);
  add_figure (self->figures_list, _("Compensation given"), compensation);
}

static GtkWidget *
make_goal_row (GwReviewWindow    *self,
               const GwGoalTrend *trend)
{
  const GwGoal *goal = trend->goal;
  gboolean has_value = trend->has_value[GW_TREND_MONTHS - 1];
  double value = trend->values[GW_TREND_MONTHS - 1];
  GwStanding standing = gw_goal_standing (goal, has_value, value);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (goal->name);
  g_autofree char *value_text = has_value ? gw_goal_format_value (goal, value)
                                          : g_strdup (_("No data"));
  GtkWidget *value_label = gtk_label_new (value_text);
  g_autofree char *target = gw_goal_format_value (goal, goal->target);
  g_autofree char *aim = goal->direction == GW_DIRECTION_LOWER
                         ? g_strdup_printf (_("Target: at most %s"), target)
                         : g_strdup_printf (_("Target: at least %s"), target);
  GtkWidget *aim_label = gtk_label_new (aim);
  GtkWidget *chart = gw_trend_chart_new ();
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (header), name);
  gtk_widget_add_css_class (value_label, "heading");
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_box_append (GTK_BOX (header), value_label);
  if (standing != GW_STANDING_NO_DATA)
    gtk_box_append (GTK_BOX (header), gw_standing_tag_new (standing));
  gtk_box_append (GTK_BOX (box), header);

  gtk_label_set_xalign (GTK_LABEL (aim_label), 0);
  gtk_widget_add_css_class (aim_label, "dim-label");
  gtk_box_append (GTK_BOX (box), aim_label);

  gw_trend_chart_set_trend (GW_TREND_CHART (chart), trend, self->review->month);
  gtk_box_append (GTK_BOX (box), chart);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

static void
fill_issues (GwReviewWindow *self)
{
  gw_list_box_remove_all (self->issues_list);
  if (self->review->top_issues->len == 0)
    add_placeholder (self->issues_list, _("No complaints in categories this month."));

  for (guint i = 0; i < self->review->top_issues->len; i++)
    {
      GwTopIssue *issue = g_ptr_array_index (self->review->top_issues, i);
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *count = gw_format_integer (issue->count);
      gint64 change = issue->count - issue->previous_count;
      g_autofree char *subtitle = NULL;

      /* TRANSLATORS: a top issue: its count, its share of all complaints, and
       * the change against the month before, e.g. "12 complaints · 40% · +3" */
      subtitle = g_strdup_printf (ngettext ("%s complaint · %d%% · %+d against the month before",
                                            "%s complaints · %d%% · %+d against the month before",
                                            issue->count),
                                  count, (int) (issue->share * 100 + 0.5), (int) change);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), issue->category);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      for (guint n = 0; issue->prevention != NULL && issue->prevention[n] != NULL; n++)
        {
          GtkWidget *note = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (note), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), issue->prevention[n]);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), note);
        }
      if (issue->prevention == NULL || issue->prevention[0] == NULL)
        adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), FALSE);
      gtk_list_box_append (self->issues_list, row);
    }
}

static void
fill_recognitions (GwReviewWindow *self)
{
  gw_list_box_remove_all (self->recognitions_list);
  if (self->review->recognitions->len == 0)
    add_placeholder (self->recognitions_list, _("Nobody was recognised this month."));

  for (guint i = 0; i < self->review->recognitions->len; i++)
    {
      GwRecognition *recognition = g_ptr_array_index (self->review->recognitions, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *date = gw_datetime_format_local_date (recognition->given_at);
      /* TRANSLATORS: a recognition: what was given, and when */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"),
                                                   gw_vocabulary_label (GW_VOCAB_RECOGNITION,
                                                                        recognition->kind),
                                                   date);
      /* TRANSLATORS: who was recognised, and why */
      g_autofree char *title = g_strdup_printf (_("%s: %s"), recognition->staff,
                                                recognition->reason);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->recognitions_list, row);
    }
}

static void
fill (GwReviewWindow *self)
{
  fill_figures (self);

  gw_list_box_remove_all (self->goals_list);
  if (self->review->trends->len == 0)
    add_placeholder (self->goals_list, _("No goals set yet. Add them in the Vision & Goals tab."));
  for (guint i = 0; i < self->review->trends->len; i++)
    gtk_list_box_append (self->goals_list,
                         make_goal_row (self, g_ptr_array_index (self->review->trends, i)));

  fill_issues (self);
  fill_recognitions (self);

  gtk_label_set_label (self->vision_label, self->review->vision);
  gtk_widget_set_visible (GTK_WIDGET (self->vision_label), *self->review->vision != '\0');

  /* The notes of a month being typed in are never replaced behind the
   * person's back. */
  if (!self->notes_changed)
    {
      self->filling = TRUE;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), self->review->notes, -1);
      self->filling = FALSE;
    }
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GwReviewWindow *self = GW_REVIEW_WINDOW (source);
  g_autoptr(GError) error = NULL;
  GwMonthlyReview *review = gw_monthly_review_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (review == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_clear_pointer (&self->review, gw_monthly_review_free);
  self->review = review;
  fill (self);
}

static void
load (GwReviewWindow *self)
{
  g_autofree char *month_name = gw_month_format (self->month);
  GwMonth current = gw_month_from_time (g_get_real_time () / G_USEC_PER_SEC);

  adw_window_title_set_subtitle (self->window_title, month_name);
  gtk_window_set_title (GTK_WINDOW (self), month_name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.next", self->month < current);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  gw_monthly_review_load_async (self, self->store, self->month, self->loading, on_loaded_cb, NULL);
}

static void
go_to_month (GwReviewWindow *self,
             GwMonth         month)
{
  /* Another month's notes must not land in this one. */
  if (!save_notes (self))
    return;
  self->month = month;
  g_clear_pointer (&self->review, gw_monthly_review_free);
  self->filling = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), "", -1);
  self->filling = FALSE;
  load (self);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GwReviewWindow *self = GW_REVIEW_WINDOW (widget);

  go_to_month (self, self->month - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwReviewWindow *self = GW_REVIEW_WINDOW (widget);

  go_to_month (self, self->month + 1);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GwReviewWindow *self = GW_REVIEW_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->review == NULL || !save_notes (self))
    return;
  if (!gw_print_report (GTK_WINDOW (self), gw_report_new_monthly (self->review), NULL, &error))
    show_error (self, error->message);
}

static gboolean
gw_review_window_close_request (GtkWindow *window)
{
  GwReviewWindow *self = GW_REVIEW_WINDOW (window);

  /* Typed notes are kept even when saving fails: the window stays open. */
  if (!save_notes (self))
    return TRUE;
  return GTK_WINDOW_CLASS (gw_review_window_parent_class)->close_request (window);
}

static void
gw_review_window_dispose (GObject *object)
{
  GwReviewWindow *self = GW_REVIEW_WINDOW (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->notes_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->review, gw_monthly_review_free);
  G_OBJECT_CLASS (gw_review_window_parent_class)->dispose (object);
}

static void
gw_review_window_class_init (GwReviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gw_review_window_dispose;
  window_class->close_request = gw_review_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-review-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GwReviewWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GwReviewWindow, vision_label);
  gtk_widget_class_bind_template_child (widget_class, GwReviewWindow, figures_list);
  gtk_widget_class_bind_template_child (widget_class, GwReviewWindow, goals_list);
  gtk_widget_class_bind_template_child (widget_class, GwReviewWindow, issues_list);
  gtk_widget_class_bind_template_child (widget_class, GwReviewWindow, recognitions_list);
  gtk_widget_class_bind_template_child (widget_class, GwReviewWindow, notes_view);
  gtk_widget_class_bind_template_child (widget_class, GwReviewWindow, error_label);
  gtk_widget_class_install_action (widget_class, "review.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "review.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "review.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "review.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "review.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "review.next", NULL);
}

static void
gw_review_window_init (GwReviewWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_notes_changed_cb), self);
}

GwReviewWindow *
gw_review_window_new (GtkWindow *parent,
                      GwStore   *store,
                      GwMonth    month)
{
  GwReviewWindow *self;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  self = g_object_new (GW_TYPE_REVIEW_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->month = month;
  load (self);
  return self;
}

GwMonth
gw_review_window_get_month (GwReviewWindow *self)
{
  g_return_val_if_fail (GW_IS_REVIEW_WINDOW (self), GW_NO_MONTH);
  return self->month;
}

/**
 * gw_review_window_get_review:
 *
 * Returns: (nullable) (transfer none): the review shown, once loaded
 */
const GwMonthlyReview *
gw_review_window_get_review (GwReviewWindow *self)
{
  g_return_val_if_fail (GW_IS_REVIEW_WINDOW (self), NULL);
  return self->review;
}
