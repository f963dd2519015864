/* gw-staff-view.h: the Staff tab */
#pragma once

#include <adwaita.h>

#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_STAFF_VIEW (gw_staff_view_get_type ())

G_DECLARE_FINAL_TYPE (GwStaffView, gw_staff_view, GW, STAFF_VIEW, GtkWidget)

void gw_staff_view_set_store (GwStaffView *self,
                              GwStore     *store);

G_END_DECLS
