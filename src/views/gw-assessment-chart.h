/* gw-assessment-chart.h: the self-test's results over time */
#pragma once

#include <gtk/gtk.h>

#include "core/gw-assessment.h"

G_BEGIN_DECLS

#define GW_TYPE_ASSESSMENT_CHART (gw_assessment_chart_get_type ())

G_DECLARE_FINAL_TYPE (GwAssessmentChart, gw_assessment_chart, GW, ASSESSMENT_CHART, GtkWidget)

GtkWidget *gw_assessment_chart_new             (void);
void       gw_assessment_chart_set_assessments (GwAssessmentChart *self,
                                                GPtrArray         *assessments,
                                                int                section);

G_END_DECLS
