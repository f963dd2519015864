/* gw-complaint-row.h: one complaint in the list */
#pragma once

#include <gtk/gtk.h>

#include "models/gw-complaint-item.h"

G_BEGIN_DECLS

#define GW_TYPE_COMPLAINT_ROW (gw_complaint_row_get_type ())

G_DECLARE_FINAL_TYPE (GwComplaintRow, gw_complaint_row, GW, COMPLAINT_ROW, GtkWidget)

GtkWidget *gw_complaint_row_new      (void);
void       gw_complaint_row_set_item (GwComplaintRow  *self,
                                      GwComplaintItem *item);

G_END_DECLS
