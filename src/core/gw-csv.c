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

struct _GwCsvReader {
  GInputStream *stream;
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
  g_free (reader->buffer);
  g_free (reader);
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
  n_read = g_input_stream_read (reader->stream, reader->buffer, CHUNK_SIZE, cancellable, error);
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
  n_read = g_input_stream_read (reader->stream, reader->buffer + reader->length,
                                reader->capacity - reader->length, cancellable, error);
  if (n_read < 0)
    return FALSE;
  if (n_read == 0)
    reader->at_eof = TRUE;
  reader->length += n_read;
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
                   _("Line %u: the text is not valid UTF-8"), reader->row_line);
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

/* Bytes of the file read so far, for progress. */
goffset
gw_csv_reader_get_offset (GwCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);
  return reader->consumed + reader->position;
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
