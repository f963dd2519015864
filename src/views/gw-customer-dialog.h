/* gw-customer-dialog.h: one customer, their history, and merging */
#pragma once

#include <adwaita.h>

#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_CUSTOMER_DIALOG (gw_customer_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GwCustomerDialog, gw_customer_dialog, GW, CUSTOMER_DIALOG, AdwWindow)

GwCustomerDialog *gw_customer_dialog_new   (GtkWindow        *parent,
                                            GwStore          *store,
                                            gint64            customer_id);
void              gw_customer_dialog_merge (GwCustomerDialog *self,
                                            gint64            other_id);

G_END_DECLS
