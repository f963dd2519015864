/* gw-trend-chart.h: a goal's last twelve months as a small chart */
#pragma once

#include <gtk/gtk.h>

#include "core/gw-goals.h"

G_BEGIN_DECLS

#define GW_TYPE_TREND_CHART (gw_trend_chart_get_type ())

G_DECLARE_FINAL_TYPE (GwTrendChart, gw_trend_chart, GW, TREND_CHART, GtkWidget)

GtkWidget *gw_trend_chart_new       (void);
void       gw_trend_chart_set_trend (GwTrendChart      *self,
                                     const GwGoalTrend *trend,
                                     GwMonth            last_month);

G_END_DECLS
