/* gw-assessment-dialog.h: taking the Customer Service Quotient self-test */
#pragma once

#include <adwaita.h>

#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_ASSESSMENT_DIALOG (gw_assessment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GwAssessmentDialog, gw_assessment_dialog, GW, ASSESSMENT_DIALOG, AdwWindow)

GwAssessmentDialog *gw_assessment_dialog_new        (GtkWindow          *parent,
                                                     GwStore            *store);
const GwAssessment *gw_assessment_dialog_get_answers (GwAssessmentDialog *self);

G_END_DECLS
