/* gw-vision-dialog.h: writing a vision statement in five steps */
#pragma once

#include <adwaita.h>

#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_VISION_DIALOG (gw_vision_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GwVisionDialog, gw_vision_dialog, GW, VISION_DIALOG, AdwWindow)

GwVisionDialog *gw_vision_dialog_new (GtkWindow               *parent,
                                      GwStore                 *store,
                                      const GwVisionStatement *current);

G_END_DECLS
