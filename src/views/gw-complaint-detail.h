/* gw-complaint-detail.h: one complaint with its timeline */
#pragma once

#include <adwaita.h>

#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_COMPLAINT_DETAIL (gw_complaint_detail_get_type ())

G_DECLARE_FINAL_TYPE (GwComplaintDetail, gw_complaint_detail, GW, COMPLAINT_DETAIL, GtkWidget)

void    gw_complaint_detail_set_store        (GwComplaintDetail *self,
                                              GwStore           *store);
void    gw_complaint_detail_show             (GwComplaintDetail *self,
                                              gint64             id);
gint64  gw_complaint_detail_get_id           (GwComplaintDetail *self);
void    gw_complaint_detail_set_acting_staff (GwComplaintDetail *self,
                                              gint64             staff_id);
void    gw_complaint_detail_set_show_back    (GwComplaintDetail *self,
                                              gboolean           show_back);

G_END_DECLS
