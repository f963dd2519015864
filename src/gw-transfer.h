/* gw-transfer.h: what moves whole logs in and out of the store: CSV import
 * and export, and the demo data
 */
#pragma once

#include <gio/gio.h>

#include "core/gw-complaint-csv.h"
#include "core/gw-datetime.h"
#include "store/gw-store.h"

G_BEGIN_DECLS

/* Called now and then during an import; @total_bytes is 0 when unknown. */
typedef void (*GwImportProgressFunc) (goffset  bytes_read,
                                      goffset  total_bytes,
                                      guint    n_rows,
                                      gpointer user_data);

/* What the person said of the file; all may be left out. */
typedef struct {
  const char * const *columns;   /* our column for each of the file's, "" to leave one out */
  const char         *encoding;  /* NULL: decided from the file's start */
  const GwDateOrder  *date_orders;   /* for each of the file's columns; NULL: the locale's */
  guint               n_date_orders;
} GwImportRequest;

/* The most refused lines an import lists; it counts the rest. */
#define GW_IMPORT_MAX_ERRORS 100

/* What happened, whether the import went through or not. */
typedef struct {
  guint      n_imported;
  guint      n_repeated;          /* rows already in the store, left out */
  char      *encoding;            /* what the file was read as, NULL if never opened */
  gboolean   encoding_detected;   /* decided from the file rather than told */
  GPtrArray *errors;              /* the refused lines' messages, at most
                                   * GW_IMPORT_MAX_ERRORS, or NULL */
  guint      n_errors;            /* how many lines were refused */
} GwImportResult;

void     gw_import_result_clear (GwImportResult *result);

gboolean gw_transfer_import_csv_full (GwStore                *store,
                                      GFile                  *file,
                                      const GwImportRequest  *request,
                                      GwImportProgressFunc    progress,
                                      gpointer                user_data,
                                      GwImportResult         *result,
                                      GCancellable           *cancellable,
                                      GError                **error);
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
                                 GwCsvFormat            format,
                                 guint                 *n_exported,
                                 GCancellable          *cancellable,
                                 GError               **error);
gboolean gw_transfer_export_csv_to_file (GwStore       *store,
                                         GFile         *file,
                                         GwCsvFormat    format,
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
