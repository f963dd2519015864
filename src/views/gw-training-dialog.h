/* gw-training-dialog.h: recording a training session */
#pragma once

#include <adwaita.h>

#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_TRAINING_DIALOG (gw_training_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GwTrainingDialog, gw_training_dialog, GW, TRAINING_DIALOG, AdwWindow)

GwTrainingDialog *gw_training_dialog_new (GtkWindow *parent,
                                          GwStore   *store);

G_END_DECLS
