/* gw-complaints-view.h: the Complaints tab */
#pragma once

#include <adwaita.h>

#include "models/gw-complaint-list.h"
#include "views/gw-complaint-detail.h"
#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_COMPLAINTS_VIEW (gw_complaints_view_get_type ())

G_DECLARE_FINAL_TYPE (GwComplaintsView, gw_complaints_view, GW, COMPLAINTS_VIEW, GtkWidget)

void             gw_complaints_view_set_store         (GwComplaintsView *self,
                                                       GwStore          *store);
GwComplaintList *gw_complaints_view_get_list          (GwComplaintsView *self);
guint            gw_complaints_view_get_overdue_count (GwComplaintsView *self);
void             gw_complaints_view_focus_search      (GwComplaintsView *self);
void             gw_complaints_view_show_overdue      (GwComplaintsView *self);
GwComplaintDetail *gw_complaints_view_get_detail      (GwComplaintsView *self);
void             gw_complaints_view_select            (GwComplaintsView *self,
                                                       gint64            id);

G_END_DECLS
