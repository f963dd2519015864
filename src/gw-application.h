/* gw-application.h: the application object */
#pragma once

#include <adwaita.h>

#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_APPLICATION (gw_application_get_type ())

G_DECLARE_FINAL_TYPE (GwApplication, gw_application, GW, APPLICATION, AdwApplication)

GwApplication *gw_application_new               (void);
const char    *gw_application_get_database_path (GwApplication *self);

G_END_DECLS
