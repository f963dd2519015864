/* gw-complaint-csv.h: the complaint log as CSV, one row per complaint */
#pragma once

#include <gio/gio.h>

#include "gw-complaint.h"
#include "gw-csv.h"
#include "gw-datetime.h"

G_BEGIN_DECLS

typedef struct _GwComplaintCsvReader GwComplaintCsvReader;

/* Who the written file is for. */
typedef enum {
  GW_CSV_FORMAT_EXACT,        /* another Goodwill: our column names, ISO 8601 times in UTC */
  GW_CSV_FORMAT_SPREADSHEET,  /* a spreadsheet: the user's words, local times, their numbers */
} GwCsvFormat;

GwComplaintCsvReader *gw_complaint_csv_reader_new        (GInputStream          *stream);
void                  gw_complaint_csv_reader_free       (GwComplaintCsvReader  *reader);
void                  gw_complaint_csv_reader_set_columns (GwComplaintCsvReader *reader,
                                                          const char * const    *columns);
void                  gw_complaint_csv_reader_set_date_order (GwComplaintCsvReader *reader,
                                                              guint                 file_column,
                                                              GwDateOrder           order);
void                  gw_complaint_csv_reader_set_encoding (GwComplaintCsvReader *reader,
                                                            const char           *encoding);
const char           *gw_complaint_csv_reader_get_encoding (GwComplaintCsvReader *reader,
                                                            gboolean             *detected);
gboolean              gw_complaint_csv_reader_next       (GwComplaintCsvReader  *reader,
                                                          GwComplaint          **complaint,
                                                          GCancellable          *cancellable,
                                                          GError               **error);
gboolean              gw_complaint_csv_reader_has_header (GwComplaintCsvReader  *reader);
guint                 gw_complaint_csv_reader_get_line   (GwComplaintCsvReader  *reader);
goffset               gw_complaint_csv_reader_get_offset (GwComplaintCsvReader  *reader);

gboolean              gw_complaint_csv_read_header_row   (GwCsvReader           *csv,
                                                          GStrv                 *header,
                                                          GCancellable          *cancellable,
                                                          GError               **error);
const char * const   *gw_complaint_csv_column_names      (guint                 *n_columns);
const char           *gw_complaint_csv_column_label      (guint                  column);
int                   gw_complaint_csv_column_for_name   (const char            *name);
gboolean              gw_complaint_csv_parse_choice      (GwVocabulary           vocabulary,
                                                          const char            *text,
                                                          guint                 *choice);
gboolean              gw_csv_format_parse                (const char            *name,
                                                          GwCsvFormat           *format);
void                  gw_complaint_csv_append_header     (GString               *out,
                                                          GwCsvFormat            format);
void                  gw_complaint_csv_append            (GString               *out,
                                                          const GwComplaint     *complaint,
                                                          GwCsvFormat            format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwComplaintCsvReader, gw_complaint_csv_reader_free)

G_END_DECLS
