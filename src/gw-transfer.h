/* gw-transfer.h: what moves whole logs in and out of the store: CSV import
 * and export, and the demo data
 */
#pragma once

#include <gio/gio.h>

#include "store/gw-store.h"

G_BEGIN_DECLS

/* Called now and then during an import; @total_bytes is 0 when unknown. */
typedef void (*GwImportProgressFunc) (goffset  bytes_read,
                                      goffset  total_bytes,
                                      guint    n_rows,
                                      gpointer user_data);

gboolean gw_transfer_import_csv (GwStore               *store,
                                 GFile                 *file,
                                 GwImportProgressFunc   progress,
                                 gpointer               user_data,
                                 guint                 *n_imported,
                                 GCancellable          *cancellable,
                                 GError               **error);
gboolean gw_transfer_import_csv_mapped (GwStore              *store,
                                        GFile                *file,
                                        const char * const   *columns,
                                        GwImportProgressFunc  progress,
                                        gpointer              user_data,
                                        guint                *n_imported,
                                        GCancellable         *cancellable,
                                        GError              **error);
gboolean gw_transfer_export_csv (GwStore               *store,
                                 GOutputStream         *stream,
                                 guint                 *n_exported,
                                 GCancellable          *cancellable,
                                 GError               **error);
gboolean gw_transfer_export_csv_to_file (GwStore       *store,
                                         GFile         *file,
                                         guint         *n_exported,
                                         GCancellable  *cancellable,
                                         GError       **error);
gboolean gw_transfer_daily_backup (GwStore             *store,
                                   const char          *directory,
                                   GDate               *today,
                                   GError             **error);
gboolean gw_transfer_fill_demo  (GwStore               *store,
                                 gint64                 now,
                                 guint                 *n_added,
                                 GError               **error);

G_END_DECLS
