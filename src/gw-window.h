/* gw-window.h: the main window, with its four tabs */
#pragma once

#include <adwaita.h>

#include "core/gw-complaint-csv.h"
#include "gw-application.h"
#include "views/gw-assessment-view.h"
#include "views/gw-staff-view.h"
#include "views/gw-vision-view.h"

G_BEGIN_DECLS

#define GW_TYPE_WINDOW (gw_window_get_type ())

G_DECLARE_FINAL_TYPE (GwWindow, gw_window, GW, WINDOW, AdwApplicationWindow)

GwWindow    *gw_window_new            (GwApplication *application,
                                       const char    *database_path);
GwStore     *gw_window_get_store      (GwWindow      *self);
GwStaffView *gw_window_get_staff_view (GwWindow      *self);
GwVisionView *gw_window_get_vision_view (GwWindow     *self);
GwAssessmentView *gw_window_get_assessment_view (GwWindow *self);
void         gw_window_export_csv     (GwWindow      *self,
                                       GFile         *file,
                                       GwCsvFormat    format);
void         gw_window_choose_export  (GwWindow      *self,
                                       GwCsvFormat    format,
                                       GFile         *folder);

G_END_DECLS
