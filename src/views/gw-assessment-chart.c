/* gw-assessment-chart.c: the total, or one section, of every assessment
 * over time; drawn by the routine the printed report uses, in the theme's
 * colours, and read out as numbers to screen readers */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "core/gw-datetime.h"
#include "report/gw-report.h"
#include "gw-view-utils.h"
#include "gw-assessment-chart.h"

struct _GwAssessmentChart {
  GtkWidget  parent_instance;

  GPtrArray *assessments;   /* GwAssessment, oldest first */
  int        section;       /* -1: the total */
};

G_DEFINE_FINAL_TYPE (GwAssessmentChart, gw_assessment_chart, GTK_TYPE_WIDGET)

static void
gw_assessment_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  GwAssessmentChart *self = GW_ASSESSMENT_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GwTrendStyle style;
  cairo_t *cr;

  if (self->assessments == NULL || width <= 0 || height <= 0)
    return;
  gw_trend_style_for_widget (widget, &style);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gw_report_draw_assessment_history (cr, self->assessments, self->section, 12, 12, width - 24,
                                     height - 24, &style);
  cairo_destroy (cr);
}

static void
gw_assessment_chart_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 560;
    }
  else
    *minimum = *natural = 200;
}

/* "05/07/2026, the owner: 27.5; …" */
static void
describe (GwAssessmentChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->assessments->len; i++)
    {
      GwAssessment *assessment = g_ptr_array_index (self->assessments, i);
      int sections[GW_ASSESSMENT_SECTIONS];
      int total;
      g_autofree char *date = gw_datetime_format_local_date (assessment->taken_at);
      g_autofree char *score = NULL;

      if (!gw_assessment_score (assessment, sections, &total))
        continue;
      score = self->section < 0 ? gw_total_format (total) : gw_score_format (sections[self->section]);
      /* TRANSLATORS: one point of a chart read aloud: date, who, score */
      g_string_append_printf (text, _("%s, %s: %s; "), date,
                              assessment->staff_id == 0 ? _("the owner") : assessment->respondent,
                              score);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->section < 0 ? _("Total over time")
                                                    : _(gw_assessment_section (self->section)->title),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

/**
 * gw_assessment_chart_set_assessments:
 * @assessments: (element-type GwAssessment): completed ones, oldest first
 * @section: the section to show, or -1 for the total
 */
void
gw_assessment_chart_set_assessments (GwAssessmentChart *self,
                                     GPtrArray         *assessments,
                                     int                section)
{
  g_return_if_fail (GW_IS_ASSESSMENT_CHART (self));
  g_return_if_fail (section >= -1 && section < GW_ASSESSMENT_SECTIONS);

  g_clear_pointer (&self->assessments, g_ptr_array_unref);
  self->assessments = g_ptr_array_ref (assessments);
  self->section = section;
  describe (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
gw_assessment_chart_finalize (GObject *object)
{
  GwAssessmentChart *self = GW_ASSESSMENT_CHART (object);

  g_clear_pointer (&self->assessments, g_ptr_array_unref);
  G_OBJECT_CLASS (gw_assessment_chart_parent_class)->finalize (object);
}

static void
gw_assessment_chart_class_init (GwAssessmentChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gw_assessment_chart_finalize;
  widget_class->snapshot = gw_assessment_chart_snapshot;
  widget_class->measure = gw_assessment_chart_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "assessmentchart");
}

static void
gw_assessment_chart_init (GwAssessmentChart *self)
{
  self->section = -1;
}

GtkWidget *
gw_assessment_chart_new (void)
{
  return g_object_new (GW_TYPE_ASSESSMENT_CHART, NULL);
}
