/* gw-assessment-view.h: the Assessment tab */
#pragma once

#include <adwaita.h>

#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_ASSESSMENT_VIEW (gw_assessment_view_get_type ())

G_DECLARE_FINAL_TYPE (GwAssessmentView, gw_assessment_view, GW, ASSESSMENT_VIEW, GtkWidget)

void gw_assessment_view_set_store (GwAssessmentView *self,
                                   GwStore          *store);

G_END_DECLS
