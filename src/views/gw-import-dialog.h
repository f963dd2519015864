/* gw-import-dialog.h: importing a spreadsheet, with a preview and the
 * person's own column names */
#pragma once

#include <adwaita.h>

#include "core/gw-datetime.h"
#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_IMPORT_DIALOG (gw_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GwImportDialog, gw_import_dialog, GW, IMPORT_DIALOG, AdwWindow)

GwImportDialog *gw_import_dialog_new         (GtkWindow      *parent,
                                              GwStore        *store,
                                              GFile          *file);
gboolean        gw_import_dialog_is_busy     (GwImportDialog *self);
gboolean        gw_import_dialog_is_done     (GwImportDialog *self);
guint           gw_import_dialog_get_n_columns (GwImportDialog *self);
void            gw_import_dialog_map_column  (GwImportDialog *self,
                                              guint           file_column,
                                              const char     *ours);
void            gw_import_dialog_set_encoding (GwImportDialog *self,
                                              const char     *encoding);
const char     *gw_import_dialog_get_encoding (GwImportDialog *self);
guint           gw_import_dialog_get_n_date_choices (GwImportDialog *self);
void            gw_import_dialog_choose_date_order (GwImportDialog *self,
                                                   guint           index,
                                                   GwDateOrder     order);

G_END_DECLS
