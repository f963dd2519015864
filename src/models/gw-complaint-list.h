/* gw-complaint-list.h: the complaints a filter lets through, as a lazy
 * GListModel */
#pragma once

#include <gio/gio.h>

#include "models/gw-complaint-item.h"
#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_COMPLAINT_LIST (gw_complaint_list_get_type ())

G_DECLARE_FINAL_TYPE (GwComplaintList, gw_complaint_list, GW, COMPLAINT_LIST, GObject)

GwComplaintList         *gw_complaint_list_new        (GwStore                 *store);
GwComplaintList         *gw_complaint_list_new_filtered (GwStore               *store,
                                                         const GwComplaintFilter *filter,
                                                         GwComplaintSort        sort,
                                                         guint                  first_page);
void                     gw_complaint_list_set_filter (GwComplaintList         *self,
                                                       const GwComplaintFilter *filter);
const GwComplaintFilter *gw_complaint_list_get_filter (GwComplaintList         *self);
void                     gw_complaint_list_set_sort   (GwComplaintList         *self,
                                                       GwComplaintSort          sort);
GwComplaintSort          gw_complaint_list_get_sort   (GwComplaintList         *self);
gboolean                 gw_complaint_list_get_loading (GwComplaintList        *self);
void                     gw_complaint_list_reload     (GwComplaintList         *self);
guint                    gw_complaint_list_find       (GwComplaintList         *self,
                                                       gint64                   id);

G_END_DECLS
