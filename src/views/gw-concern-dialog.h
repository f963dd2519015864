/* gw-concern-dialog.h: raising a staff concern, or answering one */
#pragma once

#include <adwaita.h>

#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_CONCERN_DIALOG (gw_concern_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GwConcernDialog, gw_concern_dialog, GW, CONCERN_DIALOG, AdwWindow)

GwConcernDialog *gw_concern_dialog_new (GtkWindow       *parent,
                                        GwStore         *store,
                                        const GwConcern *concern);

G_END_DECLS
