/* gw-assessment-view.c: the Assessment tab: the latest result with what to
 * work on first, every result over time, the owner's view beside the
 * staff's, and beside two sections what the complaint log says */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "core/gw-datetime.h"
#include "core/gw-money.h"
#include "gw-assessment-chart.h"
#include "gw-assessment-dialog.h"
#include "gw-assessment-view.h"
#include "gw-view-utils.h"

/* The sections the complaint log has something to say about. */
#define SECTION_FEEDBACK 2
#define SECTION_EASY_TO_REACH 4
/* How far back the log is read for them. */
#define LOG_MONTHS 3

struct _GwAssessmentView {
  GtkWidget          parent_instance;

  GwStore           *store;
  GPtrArray         *assessments;      /* completed, oldest first */
  GtkWidget         *chart;
  GtkWidget         *section_rows[GW_ASSESSMENT_SECTIONS];
  GCancellable      *cancellable;

  /* Template widgets */
  GtkButton         *take_button;
  GtkWidget         *result_group;
  GtkLabel          *total_label;
  GtkLabel          *band_label;
  GtkLabel          *advice_label;
  GtkLabel          *change_label;
  GtkListBox        *weakest_list;
  GtkListBox        *sections_list;
  GtkWidget         *history_group;
  GtkDropDown       *chart_dropdown;
  GtkStringList     *chart_choices;
  GtkBox            *chart_box;
  GtkWidget         *compare_group;
  GtkListBox        *compare_list;
  GtkWidget         *all_group;
  GtkListBox        *all_list;
};

G_DEFINE_FINAL_TYPE (GwAssessmentView, gw_assessment_view, GTK_TYPE_WIDGET)

static const char *const band_classes[] = { "at-risk", "adequate", "asset" };

static GtkWidget *
make_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static const char *
respondent_name (const GwAssessment *assessment)
{
  return assessment->staff_id == 0 ? _("The owner") : assessment->respondent;
}

static int
total_of (const GwAssessment *assessment)
{
  int sections[GW_ASSESSMENT_SECTIONS];
  int total = 0;

  gw_assessment_score (assessment, sections, &total);
  return total;
}

/* The one to compare the latest with: the same person's before it, or
 * else anyone's. */
static const GwAssessment *
find_previous (GPtrArray *assessments)
{
  const GwAssessment *latest = g_ptr_array_index (assessments, assessments->len - 1);

  for (guint i = assessments->len - 1; i-- > 0;)
    if (((GwAssessment *) g_ptr_array_index (assessments, i))->staff_id == latest->staff_id)
      return g_ptr_array_index (assessments, i);
  return assessments->len > 1 ? g_ptr_array_index (assessments, assessments->len - 2) : NULL;
}

static void
fill_result (GwAssessmentView *self)
{
  const GwAssessment *latest = g_ptr_array_index (self->assessments, self->assessments->len - 1);
  const GwAssessment *previous = find_previous (self->assessments);
  int sections[GW_ASSESSMENT_SECTIONS];
  int total;
  GwBand band;
  guint weakest, second;
  g_autofree char *score = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *date = gw_datetime_format_local_date (latest->taken_at);
  g_autofree char *title = NULL;

  gw_assessment_score (latest, sections, &total);
  band = gw_assessment_band (total);
  score = gw_total_format (total);
  /* TRANSLATORS: the self-test's total, e.g. "27.5 out of 35" */
  total_text = g_strdup_printf (_("%s out of 35"), score);
  gtk_label_set_label (self->total_label, total_text);
  gtk_label_set_label (self->band_label, gw_band_label (band));
  for (guint i = 0; i < G_N_ELEMENTS (band_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->band_label), band_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->band_label), band_classes[band]);
  gtk_label_set_label (self->advice_label, gw_band_advice (band));

  /* TRANSLATORS: the latest result's heading: who took the test, and when */
  title = g_strdup_printf (_("Latest Result: %s, %s"), respondent_name (latest), date);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->result_group), title);

  if (previous != NULL)
    {
      g_autofree char *change = gw_assessment_describe_change (total_of (latest),
                                                               total_of (previous),
                                                               previous->taken_at);

      gtk_label_set_label (self->change_label, change);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->change_label), previous != NULL);

  gw_list_box_remove_all (self->weakest_list);
  gw_assessment_weakest (sections, &weakest, &second);
  for (guint i = 0; i < 2; i++)
    {
      guint section = i == 0 ? weakest : second;
      g_autofree char *section_score = gw_score_format (sections[section]);
      /* TRANSLATORS: one of the two weakest sections, with its score, e.g. "Work on: Staff (2.4)" */
      g_autofree char *heading = g_strdup_printf (_("Work on: %s (%s)"),
                                                  _(gw_assessment_section (section)->title),
                                                  section_score);

      gtk_list_box_append (self->weakest_list,
                           make_row (heading, _(gw_assessment_section (section)->advice)));
    }

  gw_list_box_remove_all (self->sections_list);
  for (guint s = 0; s < GW_ASSESSMENT_SECTIONS; s++)
    {
      g_autofree char *section_score = gw_score_format (sections[s]);
      GtkWidget *row = make_row (_(gw_assessment_section (s)->title), NULL);
      GtkWidget *level = gtk_level_bar_new_for_interval (GW_RATING_MIN, GW_RATING_MAX);
      GtkWidget *label = gtk_label_new (section_score);

      gtk_level_bar_set_value (GTK_LEVEL_BAR (level), gw_score_to_double (sections[s]));
      gtk_widget_set_size_request (level, 120, -1);
      gtk_widget_set_valign (level, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (level), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(gw_assessment_section (s)->title), -1);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_set_size_request (label, 32, -1);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), level);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      self->section_rows[s] = row;
      gtk_list_box_append (self->sections_list, row);
    }
}

typedef struct {
  GwMonth month;
  int     owner_total;     /* the owner's latest that month; -1: none */
  int     staff_sum;
  int     staff_count;
} MonthViews;

static void
fill_comparison (GwAssessmentView *self)
{
  g_autoptr(GArray) months = g_array_new (FALSE, TRUE, sizeof (MonthViews));

  gw_list_box_remove_all (self->compare_list);
  for (guint i = 0; i < self->assessments->len; i++)
    {
      GwAssessment *assessment = g_ptr_array_index (self->assessments, i);
      GwMonth month = gw_month_from_time (assessment->taken_at);
      MonthViews *views = NULL;

      for (guint m = 0; m < months->len; m++)
        if (g_array_index (months, MonthViews, m).month == month)
          views = &g_array_index (months, MonthViews, m);
      if (views == NULL)
        {
          MonthViews fresh = { month, -1, 0, 0 };

          g_array_append_val (months, fresh);
          views = &g_array_index (months, MonthViews, months->len - 1);
        }
      if (assessment->staff_id == 0)
        views->owner_total = total_of (assessment);
      else
        {
          views->staff_sum += total_of (assessment);
          views->staff_count++;
        }
    }

  gtk_widget_set_visible (self->compare_group, FALSE);
  for (guint m = months->len; m-- > 0;)
    {
      MonthViews *views = &g_array_index (months, MonthViews, m);
      g_autofree char *month_name = NULL;
      g_autofree char *owner = NULL;
      g_autofree char *staff = NULL;
      g_autofree char *subtitle = NULL;

      if (views->owner_total < 0 || views->staff_count == 0)
        continue;
      month_name = gw_month_format (views->month);
      owner = gw_total_format (views->owner_total);
      staff = gw_total_format (views->staff_sum / views->staff_count);
      /* TRANSLATORS: the owner's total beside the staff's average in one month */
      subtitle = g_strdup_printf (ngettext ("You: %s · your staff on average: %s (%d person)",
                                            "You: %s · your staff on average: %s (%d people)",
                                            views->staff_count),
                                  owner, staff, views->staff_count);
      gtk_list_box_append (self->compare_list, make_row (month_name, subtitle));
      gtk_widget_set_visible (self->compare_group, TRUE);
    }
}

static void
fill_all (GwAssessmentView *self)
{
  gw_list_box_remove_all (self->all_list);
  for (guint i = self->assessments->len; i-- > 0;)
    {
      GwAssessment *assessment = g_ptr_array_index (self->assessments, i);
      g_autofree char *date = gw_datetime_format_local_date (assessment->taken_at);
      int total = total_of (assessment);
      g_autofree char *score = gw_total_format (total);
      /* TRANSLATORS: an assessment in the list: when, and who took it */
      g_autofree char *title = g_strdup_printf (_("%s · %s"), date, respondent_name (assessment));
      /* TRANSLATORS: an assessment's total and band, e.g. "27.5 out of 35 · Adequate, …" */
      g_autofree char *subtitle = g_strdup_printf (_("%s out of 35 · %s"), score,
                                                   gw_band_label (gw_assessment_band (total)));

      gtk_list_box_append (self->all_list, make_row (title, subtitle));
    }
}

static void
on_chart_choice_cb (GwAssessmentView *self)
{
  guint choice = gtk_drop_down_get_selected (self->chart_dropdown);

  if (self->assessments == NULL || self->assessments->len == 0)
    return;
  gw_assessment_chart_set_assessments (GW_ASSESSMENT_CHART (self->chart), self->assessments,
                                       choice == 0 || choice == GTK_INVALID_LIST_POSITION
                                       ? -1 : (int) choice - 1);
}

static void
on_log_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GwAssessmentView *self = GW_ASSESSMENT_VIEW (source);
  g_autoptr(GError) error = NULL;
  g_autofree GwMonthFacts *facts = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *resolved = NULL;
  g_autofree char *resolved_of = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_of = NULL;
  g_autofree char *feedback = NULL;
  g_autofree char *reach = NULL;

  if (facts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Cannot read the complaint log: %s", error->message);
      return;
    }
  if (self->section_rows[SECTION_FEEDBACK] == NULL)
    return;

  resolved = gw_format_integer (facts->resolved);
  resolved_of = gw_format_integer (facts->complaints);
  kept = gw_format_integer (facts->follow_ups_kept);
  kept_of = gw_format_integer (facts->follow_ups_due);
  /* TRANSLATORS: what the complaint log says beside the self-rating of
   * "Responding to feedback" */
  feedback = g_strdup_printf (_("The log, last three months: %s of %s complaints resolved"),
                              resolved, resolved_of);
  /* TRANSLATORS: what the complaint log says beside the self-rating of
   * "Being easy to reach" */
  reach = g_strdup_printf (_("The log, last three months: %s of %s follow-ups kept on time"),
                           kept, kept_of);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->section_rows[SECTION_FEEDBACK]), feedback);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->section_rows[SECTION_EASY_TO_REACH]), reach);
}

static void
read_log_in_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GwStore *store = task_data;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GwMonthFacts *facts = g_new0 (GwMonthFacts, 1);
  GError *error = NULL;
  gint64 from, until;

  gw_month_bounds (gw_month_from_time (now) - LOG_MONTHS, &from, &until);
  if (!gw_store_month_facts (store, from, now + 1, 0, now, facts, &error))
    {
      g_free (facts);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, facts, g_free);
}

/* Beside the self-ratings, what the complaint log says; read off the main
 * loop, since the log can be large. */
static void
read_log (GwAssessmentView *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_log_read_cb, NULL);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (task, read_log_in_thread);
}

static void
fill (GwAssessmentView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwAssessment) draft = NULL;
  gboolean any;

  if (self->store == NULL)
    return;
  /* Without the draft, the button offers a fresh start. */
  if (gw_store_get_assessment_draft (self->store, &draft, NULL) && draft != NULL)
    gtk_button_set_label (self->take_button, _("_Carry On With the Self-Test…"));
  else
    gtk_button_set_label (self->take_button, _("_Take the Self-Test…"));

  g_clear_pointer (&self->assessments, g_ptr_array_unref);
  self->assessments = gw_store_list_assessments (self->store, &error);
  if (self->assessments == NULL)
    {
      g_message ("Cannot list assessments: %s", error->message);
      return;
    }
  any = self->assessments->len > 0;
  gtk_widget_set_visible (self->result_group, any);
  gtk_widget_set_visible (self->history_group, any);
  gtk_widget_set_visible (self->all_group, any);
  gtk_widget_set_visible (self->compare_group, FALSE);
  memset (self->section_rows, 0, sizeof self->section_rows);
  if (!any)
    return;

  fill_result (self);
  fill_comparison (self);
  fill_all (self);
  on_chart_choice_cb (self);
  read_log (self);
}

static GtkWindow *
parent_window (GwAssessmentView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
take_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwAssessmentView *self = GW_ASSESSMENT_VIEW (widget);

  if (self->store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (gw_assessment_dialog_new (parent_window (self), self->store)));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GwAssessmentView *self = GW_ASSESSMENT_VIEW (widget);
  g_autoptr(GError) error = NULL;
  const GwAssessment *latest;

  if (self->assessments == NULL || self->assessments->len == 0)
    return;
  latest = g_ptr_array_index (self->assessments, self->assessments->len - 1);
  if (!gw_print_report (parent_window (self),
                        gw_report_new_assessment (latest, find_previous (self->assessments)),
                        NULL, &error))
    g_message ("Cannot print the result: %s", error->message);
}

void
gw_assessment_view_set_store (GwAssessmentView *self,
                              GwStore          *store)
{
  g_return_if_fail (GW_IS_ASSESSMENT_VIEW (self));
  g_return_if_fail (GW_IS_STORE (store));

  g_set_object (&self->store, store);
  g_signal_connect_object (store, "changed::assessments", G_CALLBACK (fill), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::staff", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  fill (self);
}

static void
gw_assessment_view_dispose (GObject *object)
{
  GwAssessmentView *self = GW_ASSESSMENT_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_ASSESSMENT_VIEW);
  /* The template's unnamed top child is ours to unparent. */
  while (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));
  g_clear_object (&self->store);
  g_clear_pointer (&self->assessments, g_ptr_array_unref);
  G_OBJECT_CLASS (gw_assessment_view_parent_class)->dispose (object);
}

static void
gw_assessment_view_class_init (GwAssessmentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_assessment_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-assessment-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, GwAssessmentView, name)
  BIND (take_button);
  BIND (result_group);
  BIND (total_label);
  BIND (band_label);
  BIND (advice_label);
  BIND (change_label);
  BIND (weakest_list);
  BIND (sections_list);
  BIND (history_group);
  BIND (chart_dropdown);
  BIND (chart_choices);
  BIND (chart_box);
  BIND (compare_group);
  BIND (compare_list);
  BIND (all_group);
  BIND (all_list);
#undef BIND
  gtk_widget_class_install_action (widget_class, "assessments.take", NULL, take_action);
  gtk_widget_class_install_action (widget_class, "assessments.print", NULL, print_action);
}

static void
gw_assessment_view_init (GwAssessmentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_string_list_append (self->chart_choices, _("Total"));
  for (guint s = 0; s < GW_ASSESSMENT_SECTIONS; s++)
    gtk_string_list_append (self->chart_choices, _(gw_assessment_section (s)->title));
  self->chart = gw_assessment_chart_new ();
  gtk_widget_set_margin_top (self->chart, 6);
  gtk_widget_set_margin_bottom (self->chart, 6);
  gtk_box_append (self->chart_box, self->chart);
  g_signal_connect_swapped (self->chart_dropdown, "notify::selected",
                            G_CALLBACK (on_chart_choice_cb), self);
}
