/* gw-csv.c: a streaming CSV reader and a writer
 *
 * The reader takes UTF-8 with or without a byte-order mark, "," ";" or tab as
 * the delimiter (guessed from the first line), CRLF, LF or CR line ends, and
 * RFC 4180 quoting: quoted fields may hold the delimiter, doubled quotes and
 * line breaks. Errors name the line of the file where the row began.
 *
 * The byte-order mark and the delimiter are decided on the whole first line,
 * which is read into the buffer first however few bytes each read of the
 * stream gives (a pipe may hand over a header in pieces).
 *
 * Encodings: unless told one, the reader decides from the start of the
 * file, before any row is read. A UTF-16 byte-order mark (what Excel's
 * "Unicode text" writes) means UTF-16 LE or BE; a UTF-8 one, UTF-8. Without
 * one, the first 64 KiB (or the whole file, if shorter) decide: valid UTF-8
 * there means UTF-8, anything else Windows-1252, what Excel writes in
 * western Europe. A prefix with a NUL byte is no text in either, so it stays
 * UTF-8 and is refused as such. The decision is never revisited: a file
 * whose first 64 KiB are valid UTF-8 and whose later bytes are not is
 * refused at the line where they are, and the person may choose another
 * encoding. Other encodings are converted to UTF-8 on the way in
 * (GCharsetConverter), so the rest of the reader only ever sees UTF-8.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "gw-csv.h"

#define CHUNK_SIZE (64 * 1024)
/* A guard against a file that is one endless quoted field. */
#define MAX_FIELD_SIZE (16 * 1024 * 1024)
/* A header is a few hundred bytes. A first line with no end in this much is
 * no header anyone wrote, and what was seen of it decides the delimiter. */
#define MAX_FIRST_LINE_SIZE (1024 * 1024)
/* How much of the start of a file decides its encoding. */
#define SNIFF_SIZE (64 * 1024)

struct _GwCsvReader {
  GInputStream *stream;         /* UTF-8, once the encoding is known */
  GInputStream *raw;            /* the file as it is, for progress */
  char         *encoding;       /* as told, or NULL to detect */
  const char   *used_encoding;  /* one of the names below, or as told */
  gboolean      detected;
  guint8       *buffer;
  gsize         capacity;
  gsize         length;
  gsize         position;
  goffset       consumed;
  gboolean      at_eof;
  gboolean      started;
  char          delimiter;
  guint         line;
  guint         row_line;
  guint         max_fields;
  guint         n_fields;
};

G_DEFINE_QUARK (gw-csv-error-quark, gw_csv_error)

GwCsvReader *
gw_csv_reader_new (GInputStream *stream)
{
  GwCsvReader *reader;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  reader = g_new0 (GwCsvReader, 1);
  reader->stream = g_object_ref (stream);
  reader->raw = g_object_ref (stream);
  reader->buffer = g_malloc (CHUNK_SIZE);
  reader->capacity = CHUNK_SIZE;
  reader->line = 1;
  reader->max_fields = G_MAXUINT;
  return reader;
}

void
gw_csv_reader_free (GwCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_clear_object (&reader->stream);
  g_clear_object (&reader->raw);
  g_free (reader->encoding);
  g_free (reader->buffer);
  g_free (reader);
}

/* What the converter says of bytes that are no text in the encoding,
 * said so that the person can do something about it. */
static gssize
read_stream (GwCsvReader   *reader,
             guint8        *buffer,
             gsize          count,
             GCancellable  *cancellable,
             GError       **error)
{
  GError *local_error = NULL;
  gssize n_read = g_input_stream_read (reader->stream, buffer, count, cancellable, &local_error);

  if (n_read >= 0)
    return n_read;
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA)
      || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    {
      g_clear_error (&local_error);
      g_set_error (error, GW_CSV_ERROR, GW_CSV_ERROR_ENCODING,
                   /* TRANSLATORS: %s is an encoding, e.g. "Windows-1252" */
                   _("The file cannot be read as %s: it holds bytes that are no text in that "
                     "encoding. Choose another encoding."),
                   gw_csv_encoding_display_name (reader->used_encoding));
      return -1;
    }
  g_propagate_error (error, local_error);
  return -1;
}

static gboolean
fill_buffer (GwCsvReader   *reader,
             GCancellable  *cancellable,
             GError       **error)
{
  gssize n_read;

  if (reader->position < reader->length || reader->at_eof)
    return TRUE;

  reader->consumed += reader->length;
  reader->position = 0;
  reader->length = 0;
  n_read = read_stream (reader, reader->buffer, CHUNK_SIZE, cancellable, error);
  if (n_read < 0)
    return FALSE;
  if (n_read == 0)
    reader->at_eof = TRUE;
  reader->length = n_read;
  return TRUE;
}

/* Returns the next byte, or -1 at the end (or on error, with @error set). */
static int
next_byte (GwCsvReader   *reader,
           GCancellable  *cancellable,
           GError       **error)
{
  if (!fill_buffer (reader, cancellable, error))
    return -1;
  if (reader->position >= reader->length)
    return -1;
  return reader->buffer[reader->position++];
}

static int
peek_byte (GwCsvReader   *reader,
           GCancellable  *cancellable,
           GError       **error)
{
  if (!fill_buffer (reader, cancellable, error))
    return -1;
  if (reader->position >= reader->length)
    return -1;
  return reader->buffer[reader->position];
}

/* Appends what the stream gives next to the buffer, growing it. */
static gboolean
read_more (GwCsvReader   *reader,
           GCancellable  *cancellable,
           GError       **error)
{
  gssize n_read;

  if (reader->capacity - reader->length < CHUNK_SIZE)
    {
      reader->capacity = MAX (2 * reader->capacity, reader->length + CHUNK_SIZE);
      reader->buffer = g_realloc (reader->buffer, reader->capacity);
    }
  n_read = read_stream (reader, reader->buffer + reader->length,
                        reader->capacity - reader->length, cancellable, error);
  if (n_read < 0)
    return FALSE;
  if (n_read == 0)
    reader->at_eof = TRUE;
  reader->length += n_read;
  return TRUE;
}

/* Canonical names, as iconv knows them. */
static const char *
canonical_encoding (const char *name)
{
  static const char *const known[] = {
    GW_CSV_ENCODING_UTF8, GW_CSV_ENCODING_UTF16LE, GW_CSV_ENCODING_UTF16BE,
    GW_CSV_ENCODING_WINDOWS_1252, GW_CSV_ENCODING_LATIN1,
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_ascii_strcasecmp (name, known[i]) == 0)
      return known[i];
  if (g_ascii_strcasecmp (name, "UTF8") == 0)
    return GW_CSV_ENCODING_UTF8;
  if (g_ascii_strcasecmp (name, "CP1252") == 0 || g_ascii_strcasecmp (name, "Windows1252") == 0)
    return GW_CSV_ENCODING_WINDOWS_1252;
  if (g_ascii_strcasecmp (name, "Latin1") == 0 || g_ascii_strcasecmp (name, "ISO8859-1") == 0)
    return GW_CSV_ENCODING_LATIN1;
  return NULL;
}

/**
 * gw_csv_encoding_display_name:
 *
 * Returns: how people know the encoding: "Windows-1252", "UTF-16 LE"
 */
const char *
gw_csv_encoding_display_name (const char *encoding)
{
  const char *canonical = encoding != NULL ? canonical_encoding (encoding) : NULL;

  if (canonical == NULL)
    return encoding != NULL ? encoding : "";
  if (g_str_equal (canonical, GW_CSV_ENCODING_UTF16LE))
    return "UTF-16 LE";
  if (g_str_equal (canonical, GW_CSV_ENCODING_UTF16BE))
    return "UTF-16 BE";
  if (g_str_equal (canonical, GW_CSV_ENCODING_WINDOWS_1252))
    return "Windows-1252";
  return canonical;
}

/**
 * gw_csv_check_encoding:
 * @encoding: a name such as "Windows-1252", "ISO-8859-1", "UTF-8"
 *
 * Returns: %TRUE if files in @encoding can be read
 */
gboolean
gw_csv_check_encoding (const char  *encoding,
                       GError     **error)
{
  g_autoptr(GCharsetConverter) converter = NULL;
  const char *canonical = canonical_encoding (encoding);

  converter = g_charset_converter_new ("UTF-8", canonical != NULL ? canonical : encoding, NULL);
  if (converter != NULL)
    return TRUE;
  g_set_error (error, GW_CSV_ERROR, GW_CSV_ERROR_ENCODING,
               /* TRANSLATORS: %s is what was asked for; keep the encodings' names */
               _("“%s” is not an encoding Goodwill can read; try UTF-8, Windows-1252 or "
                 "ISO-8859-1"), encoding);
  return FALSE;
}

/* The start of a file without a byte-order mark: valid UTF-8 throughout,
 * but for a character cut off by the end of the prefix. */
static gboolean
looks_like_utf8 (const guint8 *data,
                 gsize         length,
                 gboolean      whole_file)
{
  const char *end = NULL;

  if (memchr (data, '\0', length) != NULL)
    return TRUE;  /* no text at all: refused as UTF-8, not read as letters */
  if (g_utf8_validate_len ((const char *) data, length, &end))
    return TRUE;
  /* A character longer than what is left may be cut by the prefix. */
  if (!whole_file && length - (gsize) ((const guint8 *) end - data) < 4)
    {
      gunichar c = g_utf8_get_char_validated (end, length - ((const guint8 *) end - data));

      return c == (gunichar) -2;
    }
  return FALSE;
}

/* Decides the encoding from the start of the file (see the top of this
 * file) and puts a converter to UTF-8 in front of the stream if needed. */
static gboolean
open_encoding (GwCsvReader   *reader,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GInputStream) buffered = g_buffered_input_stream_new_sized (reader->stream, SNIFF_SIZE);
  GBufferedInputStream *sniffer = G_BUFFERED_INPUT_STREAM (buffered);
  const guint8 *data;
  gsize available;
  gboolean at_end = FALSE;

  while (!at_end && g_buffered_input_stream_get_available (sniffer) < SNIFF_SIZE)
    {
      gssize n_read = g_buffered_input_stream_fill (sniffer,
                                                    SNIFF_SIZE - g_buffered_input_stream_get_available (sniffer),
                                                    cancellable, error);
      if (n_read < 0)
        return FALSE;
      at_end = n_read == 0;
    }
  data = g_buffered_input_stream_peek_buffer (sniffer, &available);

  /* A workbook is a ZIP archive (.xlsx, .ods) or an OLE file (.xls): no
   * encoding reads it, so say what to do instead. */
  if ((available >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
      || (available >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0))
    {
      g_set_error_literal (error, GW_CSV_ERROR, GW_CSV_ERROR_WORKBOOK,
                           _("This is a spreadsheet workbook (Excel or LibreOffice), not a CSV "
                             "file. Open it in the spreadsheet program, save it as CSV, and "
                             "import that file."));
      return FALSE;
    }

  if (reader->encoding != NULL)
    {
      const char *canonical = canonical_encoding (reader->encoding);

      reader->used_encoding = canonical != NULL ? canonical : reader->encoding;
    }
  else if (available >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    reader->used_encoding = GW_CSV_ENCODING_UTF16LE;
  else if (available >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    reader->used_encoding = GW_CSV_ENCODING_UTF16BE;
  else if (looks_like_utf8 (data, available, at_end))
    reader->used_encoding = GW_CSV_ENCODING_UTF8;
  else
    reader->used_encoding = GW_CSV_ENCODING_WINDOWS_1252;
  reader->detected = reader->encoding == NULL;

  g_clear_object (&reader->stream);
  if (g_str_equal (reader->used_encoding, GW_CSV_ENCODING_UTF8))
    reader->stream = g_steal_pointer (&buffered);
  else
    {
      /* iconv's UTF-16LE keeps the byte-order mark as U+FEFF, which is
       * then the UTF-8 one and skipped like it. */
      g_autoptr(GCharsetConverter) converter =
        g_charset_converter_new ("UTF-8", reader->used_encoding, NULL);

      if (converter == NULL)
        {
          reader->stream = g_steal_pointer (&buffered);
          return gw_csv_check_encoding (reader->encoding, error);
        }
      reader->stream = g_converter_input_stream_new (buffered, G_CONVERTER (converter));
    }
  return TRUE;
}

/* Reads the whole first line into the buffer (it is the header), skips a
 * byte-order mark and counts the candidate delimiters outside quotes. */
static gboolean
detect_delimiter (GwCsvReader   *reader,
                  GCancellable  *cancellable,
                  GError       **error)
{
  static const guint8 bom[] = { 0xEF, 0xBB, 0xBF };
  guint n_comma = 0, n_semicolon = 0, n_tab = 0;
  gboolean in_quotes = FALSE;
  gboolean line_ended = FALSE;
  gsize i = 0;

  g_assert (reader->length == 0 && reader->consumed == 0);

  while (!line_ended)
    {
      for (; i < reader->length; i++)
        {
          guint8 c = reader->buffer[i];

          if (c == '"')
            in_quotes = !in_quotes;
          else if (in_quotes)
            continue;
          else if (c == '\n' || c == '\r')
            {
              line_ended = TRUE;
              break;
            }
          else if (c == ',')
            n_comma++;
          else if (c == ';')
            n_semicolon++;
          else if (c == '\t')
            n_tab++;
        }
      if (line_ended || reader->at_eof || reader->length >= MAX_FIRST_LINE_SIZE)
        break;
      if (!read_more (reader, cancellable, error))
        return FALSE;
    }

  if (reader->length >= 3 && memcmp (reader->buffer, bom, 3) == 0)
    reader->position = 3;

  /* On a tie, the rarer character wins: a tab or semicolon in a header is
   * there on purpose more often than a comma. */
  if (n_tab > 0 && n_tab >= n_semicolon && n_tab >= n_comma)
    reader->delimiter = '\t';
  else if (n_semicolon > 0 && n_semicolon >= n_comma)
    reader->delimiter = ';';
  else
    reader->delimiter = ',';
  return TRUE;
}

/* Past the limit a field is only counted: a line of a million delimiters
 * would otherwise cost a million allocations before it could be refused. */
static gboolean
keeps_field (GwCsvReader *reader)
{
  return reader->n_fields < reader->max_fields;
}

static gboolean
finish_field (GwCsvReader  *reader,
              GPtrArray    *fields,
              GString      *field,
              GError      **error)
{
  if (!keeps_field (reader))
    {
      /* Saturates rather than wraps, in a line of billions of them. */
      if (reader->n_fields < G_MAXUINT)
        reader->n_fields++;
      g_string_truncate (field, 0);
      return TRUE;
    }
  reader->n_fields++;
  if (!g_utf8_validate_len (field->str, field->len, NULL))
    {
      g_set_error (error, GW_CSV_ERROR, GW_CSV_ERROR_ENCODING,
                   _("Line %u: the text is not valid UTF-8; the file may be in another "
                     "encoding, such as Windows-1252"), reader->row_line);
      return FALSE;
    }
  g_ptr_array_add (fields, g_strndup (field->str, field->len));
  g_string_truncate (field, 0);
  return TRUE;
}

/* Consumes a line end starting with @c (CR, LF or CRLF). */
static gboolean
consume_line_end (GwCsvReader   *reader,
                  int            c,
                  GCancellable  *cancellable,
                  GError       **error)
{
  if (c == '\r')
    {
      GError *local_error = NULL;
      int following = peek_byte (reader, cancellable, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (following == '\n')
        reader->position++;
    }
  reader->line++;
  return TRUE;
}

/**
 * gw_csv_reader_read_row:
 * @fields: (out): the fields of the row, UTF-8
 *
 * Returns: %TRUE with a row; %FALSE at the end of the file (@error unset) or
 * on a failure (@error set). Blank lines are skipped.
 */
gboolean
gw_csv_reader_read_row (GwCsvReader   *reader,
                        GStrv         *fields,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GPtrArray) row = NULL;
  g_autoptr(GString) field = NULL;
  GError *local_error = NULL;
  gboolean field_was_quoted = FALSE;
  gboolean field_is_empty = TRUE;  /* also for fields past the limit, not kept */

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  *fields = NULL;
  reader->n_fields = 0;

  if (!reader->started)
    {
      if (!open_encoding (reader, cancellable, error))
        return FALSE;
      if (!detect_delimiter (reader, cancellable, error))
        return FALSE;
      reader->started = TRUE;
    }

  row = g_ptr_array_new_with_free_func (g_free);
  field = g_string_new (NULL);

  for (;;)
    {
      int c;

      reader->row_line = reader->line;
      c = next_byte (reader, cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (c == -1)
        return FALSE;
      if (c == '\n' || c == '\r')
        {
          if (!consume_line_end (reader, c, cancellable, error))
            return FALSE;
          continue;
        }
      reader->position--;
      break;
    }

  for (;;)
    {
      int c = next_byte (reader, cancellable, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }

      if (c == '"' && field_is_empty && !field_was_quoted)
        {
          guint quote_line = reader->line;

          field_was_quoted = TRUE;
          for (;;)
            {
              c = next_byte (reader, cancellable, &local_error);
              if (local_error != NULL)
                {
                  g_propagate_error (error, local_error);
                  return FALSE;
                }
              if (c == -1)
                {
                  g_set_error (error, GW_CSV_ERROR, GW_CSV_ERROR_UNTERMINATED_QUOTE,
                               _("Line %u: a quoted field is never closed"), quote_line);
                  return FALSE;
                }
              if (c == '"')
                {
                  int following = peek_byte (reader, cancellable, &local_error);

                  if (local_error != NULL)
                    {
                      g_propagate_error (error, local_error);
                      return FALSE;
                    }
                  if (following != '"')
                    break;
                  reader->position++;
                }
              else if (c == '\n' || (c == '\r' && peek_byte (reader, cancellable, NULL) != '\n'))
                reader->line++;

              if (!keeps_field (reader))
                continue;
              if (field->len >= MAX_FIELD_SIZE)
                {
                  g_set_error (error, GW_CSV_ERROR, GW_CSV_ERROR_TOO_BIG,
                               _("Line %u: a field is larger than 16 MB"), quote_line);
                  return FALSE;
                }
              g_string_append_c (field, (char) c);
            }

          c = peek_byte (reader, cancellable, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return FALSE;
            }
          if (c != -1 && c != reader->delimiter && c != '\n' && c != '\r')
            {
              g_set_error (error, GW_CSV_ERROR, GW_CSV_ERROR_BAD_QUOTE,
                           _("Line %u: unexpected text after a closing quote"), reader->line);
              return FALSE;
            }
          continue;
        }

      if (c == -1 || c == '\n' || c == '\r')
        {
          if (!finish_field (reader, row, field, error))
            return FALSE;
          if (c != -1 && !consume_line_end (reader, c, cancellable, error))
            return FALSE;
          break;
        }

      if (c == reader->delimiter)
        {
          if (!finish_field (reader, row, field, error))
            return FALSE;
          field_was_quoted = FALSE;
          field_is_empty = TRUE;
          continue;
        }

      field_is_empty = FALSE;
      if (!keeps_field (reader))
        continue;
      if (field->len >= MAX_FIELD_SIZE)
        {
          g_set_error (error, GW_CSV_ERROR, GW_CSV_ERROR_TOO_BIG,
                       _("Line %u: a field is larger than 16 MB"), reader->row_line);
          return FALSE;
        }
      g_string_append_c (field, (char) c);
    }

  if (reader->n_fields > reader->max_fields)
    {
      g_set_error (error, GW_CSV_ERROR, GW_CSV_ERROR_TOO_MANY_FIELDS,
                   /* TRANSLATORS: "Line 3: the row has 40 fields, more than 22" */
                   ngettext ("Line %u: the row has %u field, more than %u",
                             "Line %u: the row has %u fields, more than %u", reader->n_fields),
                   reader->row_line, reader->n_fields, reader->max_fields);
      return FALSE;
    }

  g_ptr_array_add (row, NULL);
  *fields = (GStrv) g_ptr_array_steal (row, NULL);
  return TRUE;
}

guint
gw_csv_reader_get_row_line (GwCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);
  return reader->row_line;
}

/**
 * gw_csv_reader_set_max_fields:
 * @max_fields: the most fields a row may have
 *
 * A row with more is refused with %GW_CSV_ERROR_TOO_MANY_FIELDS once read
 * to its end; the fields past the limit are counted, not kept.
 */
void
gw_csv_reader_set_max_fields (GwCsvReader *reader,
                              guint        max_fields)
{
  g_return_if_fail (reader != NULL);
  reader->max_fields = max_fields;
}

/* The fields of the row read last, or refused, counting those not kept. */
guint
gw_csv_reader_get_n_fields (GwCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);
  return reader->n_fields;
}

char
gw_csv_reader_get_delimiter (GwCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, ',');
  return reader->delimiter;
}

/* Bytes of the file read so far, for progress: of the file itself where it
 * can say, as converted text is longer or shorter than the file. */
goffset
gw_csv_reader_get_offset (GwCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);
  if (reader->used_encoding != NULL && !g_str_equal (reader->used_encoding, GW_CSV_ENCODING_UTF8)
      && G_IS_SEEKABLE (reader->raw))
    return g_seekable_tell (G_SEEKABLE (reader->raw));
  return reader->consumed + reader->position;
}

/**
 * gw_csv_reader_set_encoding:
 * @encoding: (nullable): what the file is in; %NULL to decide from its start
 *
 * Call before the first row is read.
 */
void
gw_csv_reader_set_encoding (GwCsvReader *reader,
                            const char  *encoding)
{
  g_return_if_fail (reader != NULL);
  g_return_if_fail (!reader->started);
  g_free (reader->encoding);
  reader->encoding = g_strdup (encoding);
}

/**
 * gw_csv_reader_get_encoding:
 * @detected: (out) (optional): whether the reader decided it, rather than
 *   being told
 *
 * Returns: (nullable): the encoding the file is read in, once the first row
 *   has been asked for
 */
const char *
gw_csv_reader_get_encoding (GwCsvReader *reader,
                            gboolean    *detected)
{
  g_return_val_if_fail (reader != NULL, NULL);
  if (detected != NULL)
    *detected = reader->detected;
  return reader->used_encoding;
}

static gboolean
needs_quotes (const char *value,
              gsize       n_fields,
              char        delimiter)
{
  /* A row of one empty field would be a blank line, which is skipped. */
  if (*value == '\0')
    return n_fields == 1;
  if (g_ascii_isspace (value[0]) || g_ascii_isspace (value[strlen (value) - 1]))
    return TRUE;
  for (const char *p = value; *p; p++)
    if (*p == delimiter || *p == '"' || *p == '\n' || *p == '\r')
      return TRUE;
  return FALSE;
}

/* Appends one row ending in LF, quoting only the fields that need it. */
void
gw_csv_append_row (GString           *out,
                   const char *const *fields,
                   gsize              n_fields,
                   char               delimiter)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      const char *value = fields[i] != NULL ? fields[i] : "";

      if (i > 0)
        g_string_append_c (out, delimiter);

      if (needs_quotes (value, n_fields, delimiter))
        {
          g_string_append_c (out, '"');
          for (const char *p = value; *p; p++)
            {
              if (*p == '"')
                g_string_append_c (out, '"');
              g_string_append_c (out, *p);
            }
          g_string_append_c (out, '"');
        }
      else
        g_string_append (out, value);
    }
  g_string_append_c (out, '\n');
}
