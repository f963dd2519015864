/* gw-trend-chart.c: a goal's last twelve months as a small chart, drawn
 * by the same routine as the printed report, in the theme's colours so it
 * reads in dark mode too; screen readers get the numbers as text */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "report/gw-report.h"
#include "gw-view-utils.h"
#include "gw-trend-chart.h"

struct _GwTrendChart {
  GtkWidget    parent_instance;

  GwGoalTrend *trend;
  GwMonth      last_month;
};

G_DEFINE_FINAL_TYPE (GwTrendChart, gw_trend_chart, GTK_TYPE_WIDGET)

static void
gw_trend_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  GwTrendChart *self = GW_TREND_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GwTrendStyle style;
  cairo_t *cr;

  if (self->trend == NULL || width <= 0 || height <= 0)
    return;

  gw_trend_style_for_widget (widget, &style);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gw_report_draw_trend (cr, self->trend, self->last_month, 0, 0, width, height, &style);
  cairo_destroy (cr);
}

static void
gw_trend_chart_measure (GtkWidget      *widget,
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
      *natural = 480;
    }
  else
    *minimum = *natural = 140;
}

/* "October 2026: 85%; September 2026: no data; …; target 90%" */
static void
describe (GwTrendChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *target = gw_goal_format_value (self->trend->goal, self->trend->goal->target);

  for (int i = GW_TREND_MONTHS - 1; i >= 0; i--)
    {
      g_autofree char *month = gw_month_format (self->last_month - (GW_TREND_MONTHS - 1 - i));
      g_autofree char *value = self->trend->has_value[i]
                               ? gw_goal_format_value (self->trend->goal, self->trend->values[i])
                               : g_strdup (_("no data"));

      /* TRANSLATORS: one month of a chart read aloud, e.g. "October 2026: 85%; " */
      g_string_append_printf (text, _("%s: %s; "), month, value);
    }
  /* TRANSLATORS: the end of a chart read aloud, e.g. "target 90%" */
  g_string_append_printf (text, _("target %s"), target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->trend->goal->name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

void
gw_trend_chart_set_trend (GwTrendChart      *self,
                          const GwGoalTrend *trend,
                          GwMonth            last_month)
{
  g_return_if_fail (GW_IS_TREND_CHART (self));
  g_return_if_fail (trend != NULL);

  g_clear_pointer (&self->trend, gw_goal_trend_free);
  self->trend = g_memdup2 (trend, sizeof *trend);
  self->trend->goal = gw_goal_copy (trend->goal);
  self->last_month = last_month;
  describe (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
gw_trend_chart_finalize (GObject *object)
{
  GwTrendChart *self = GW_TREND_CHART (object);

  g_clear_pointer (&self->trend, gw_goal_trend_free);
  G_OBJECT_CLASS (gw_trend_chart_parent_class)->finalize (object);
}

static void
gw_trend_chart_class_init (GwTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gw_trend_chart_finalize;
  widget_class->snapshot = gw_trend_chart_snapshot;
  widget_class->measure = gw_trend_chart_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "trendchart");
}

static void
gw_trend_chart_init (GwTrendChart *self)
{
}

GtkWidget *
gw_trend_chart_new (void)
{
  return g_object_new (GW_TYPE_TREND_CHART, NULL);
}
