/* gw-complaint-item.h: one complaint as a list item */
#pragma once

#include <glib-object.h>

#include "core/gw-complaint.h"

G_BEGIN_DECLS

#define GW_TYPE_COMPLAINT_ITEM (gw_complaint_item_get_type ())

G_DECLARE_FINAL_TYPE (GwComplaintItem, gw_complaint_item, GW, COMPLAINT_ITEM, GObject)

GwComplaintItem   *gw_complaint_item_new           (GwComplaint     *complaint);
const GwComplaint *gw_complaint_item_get_complaint (GwComplaintItem *self);
gint64             gw_complaint_item_get_id        (GwComplaintItem *self);
void               gw_complaint_item_replace       (GwComplaintItem *self,
                                                    GwComplaint     *complaint);
void               gw_complaint_item_set_complaint (GwComplaintItem *self,
                                                    GwComplaint     *complaint);

G_END_DECLS
