/* gw-recognition-dialog.h: recognising a staff member */
#pragma once

#include <adwaita.h>

#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_RECOGNITION_DIALOG (gw_recognition_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GwRecognitionDialog, gw_recognition_dialog, GW, RECOGNITION_DIALOG,
                      AdwWindow)

GwRecognitionDialog *gw_recognition_dialog_new (GtkWindow  *parent,
                                                GwStore    *store,
                                                gint64      staff_id,
                                                const char *reason,
                                                gint64      complaint_id);

G_END_DECLS
