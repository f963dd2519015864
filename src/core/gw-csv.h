/* gw-csv.h: RFC 4180 reading and writing, as spreadsheets really write it */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define GW_CSV_ERROR (gw_csv_error_quark ())

typedef enum {
  GW_CSV_ERROR_UNTERMINATED_QUOTE,
  GW_CSV_ERROR_BAD_QUOTE,
  GW_CSV_ERROR_ENCODING,
  GW_CSV_ERROR_HEADER,
  GW_CSV_ERROR_VALUE,
  GW_CSV_ERROR_TOO_BIG,
  GW_CSV_ERROR_TOO_MANY_FIELDS,
  GW_CSV_ERROR_WORKBOOK,          /* an .xlsx, .ods or .xls file, not CSV */
} GwCsvError;

/* The encodings the reader knows by name; any other iconv knows works too. */
#define GW_CSV_ENCODING_UTF8         "UTF-8"
#define GW_CSV_ENCODING_UTF16LE      "UTF-16LE"
#define GW_CSV_ENCODING_UTF16BE      "UTF-16BE"
#define GW_CSV_ENCODING_WINDOWS_1252 "WINDOWS-1252"
#define GW_CSV_ENCODING_LATIN1       "ISO-8859-1"

typedef struct _GwCsvReader GwCsvReader;

GQuark       gw_csv_error_quark          (void);

GwCsvReader *gw_csv_reader_new           (GInputStream  *stream);
void         gw_csv_reader_free          (GwCsvReader   *reader);
gboolean     gw_csv_reader_read_row      (GwCsvReader   *reader,
                                          GStrv         *fields,
                                          GCancellable  *cancellable,
                                          GError       **error);
void         gw_csv_reader_set_encoding  (GwCsvReader   *reader,
                                          const char    *encoding);
const char  *gw_csv_reader_get_encoding  (GwCsvReader   *reader,
                                          gboolean      *detected);
const char  *gw_csv_encoding_display_name (const char   *encoding);
gboolean     gw_csv_check_encoding       (const char    *encoding,
                                          GError       **error);
void         gw_csv_reader_set_max_fields (GwCsvReader  *reader,
                                          guint          max_fields);
guint        gw_csv_reader_get_n_fields  (GwCsvReader   *reader);
guint        gw_csv_reader_get_row_line  (GwCsvReader   *reader);
char         gw_csv_reader_get_delimiter (GwCsvReader   *reader);
goffset      gw_csv_reader_get_offset    (GwCsvReader   *reader);

void         gw_csv_append_row           (GString       *out,
                                          const char    *const *fields,
                                          gsize          n_fields,
                                          char           delimiter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwCsvReader, gw_csv_reader_free)

G_END_DECLS
