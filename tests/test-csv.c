/* test-csv.c: reading CSV as spreadsheets write it, and writing it back */

#include "config.h"

#include <locale.h>
#include <sys/resource.h>

#include "core/gw-complaint-csv.h"
#include "core/gw-csv.h"

/* A stream that hands its data over one to three bytes a read, as a pipe
 * may: nothing the reader decides may depend on where a read ends. */
#define TEST_TYPE_TRICKLE_STREAM (test_trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, TEST, TRICKLE_STREAM, GInputStream)

struct _TestTrickleStream {
  GInputStream  parent_instance;
  GInputStream *base;
  guint         n_reads;
};

G_DEFINE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, G_TYPE_INPUT_STREAM)

static gssize
test_trickle_stream_read (GInputStream  *stream,
                          void          *buffer,
                          gsize          count,
                          GCancellable  *cancellable,
                          GError       **error)
{
  TestTrickleStream *self = TEST_TRICKLE_STREAM (stream);

  count = MIN (count, 1 + self->n_reads++ % 3);
  return g_input_stream_read (self->base, buffer, count, cancellable, error);
}

static void
test_trickle_stream_finalize (GObject *object)
{
  g_clear_object (&TEST_TRICKLE_STREAM (object)->base);
  G_OBJECT_CLASS (test_trickle_stream_parent_class)->finalize (object);
}

static void
test_trickle_stream_class_init (TestTrickleStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_trickle_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_trickle_stream_read;
}

static void
test_trickle_stream_init (TestTrickleStream *self)
{
}

static GInputStream *
trickle_stream_new (const char *text,
                    gssize      length)
{
  TestTrickleStream *self = g_object_new (TEST_TYPE_TRICKLE_STREAM, NULL);

  if (length < 0)
    length = strlen (text);
  self->base = g_memory_input_stream_new_from_data (g_memdup2 (text, length), length, g_free);
  return G_INPUT_STREAM (self);
}

static GPtrArray *
read_stream_in (GInputStream  *stream,
                const char    *encoding,
                char          *delimiter,
                GError       **error)
{
  g_autoptr(GwCsvReader) reader = gw_csv_reader_new (stream);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GStrv fields = NULL;

  gw_csv_reader_set_encoding (reader, encoding);
  while (gw_csv_reader_read_row (reader, &fields, NULL, error))
    g_ptr_array_add (rows, fields);
  if (error != NULL && *error != NULL)
    return NULL;
  if (delimiter != NULL)
    *delimiter = gw_csv_reader_get_delimiter (reader);
  return g_steal_pointer (&rows);
}

static GPtrArray *
read_stream (GInputStream  *stream,
             char          *delimiter,
             GError       **error)
{
  return read_stream_in (stream, NULL, delimiter, error);
}

static GPtrArray *
read_all_in (const char  *text,
             gssize       length,
             const char  *encoding,
             char        *delimiter,
             GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;

  if (length < 0)
    length = strlen (text);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (text, length), length, g_free);
  return read_stream_in (stream, encoding, delimiter, error);
}

static GPtrArray *
read_all (const char  *text,
          gssize       length,
          char        *delimiter,
          GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;

  if (length < 0)
    length = strlen (text);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (text, length), length, g_free);
  return read_stream (stream, delimiter, error);
}

static void
assert_row (GPtrArray          *rows,
            guint               index,
            const char *const  *expected)
{
  GStrv row = g_ptr_array_index (rows, index);

  g_assert_cmpstrv (row, expected);
}

static void
test_reader_plain (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  char delimiter = 0;

  rows = read_all ("a,b,c\n1,2,3\n,,\n", -1, &delimiter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (delimiter, ==, ',');
  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (rows, 0, (const char *[]) { "a", "b", "c", NULL });
  assert_row (rows, 2, (const char *[]) { "", "", "", NULL });
}

static void
test_reader_swedish_spreadsheet (void)
{
  /* BOM, semicolons, CRLF, a quoted field with a line break, a "", and a
   * decimal comma. */
  const char *text = "\xEF\xBB\xBFnamn;text;belopp\r\n"
                     "Åsa Öberg;\"Rad ett\r\nrad två; med \"\"citat\"\"\";12,50\r\n"
                     "Zoë;enkel;3\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  char delimiter = 0;

  rows = read_all (text, -1, &delimiter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (delimiter, ==, ';');
  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (rows, 0, (const char *[]) { "namn", "text", "belopp", NULL });
  assert_row (rows, 1, (const char *[]) { "Åsa Öberg", "Rad ett\r\nrad två; med \"citat\"",
                                          "12,50", NULL });
  assert_row (rows, 2, (const char *[]) { "Zoë", "enkel", "3", NULL });
}

static void
test_reader_tabs_and_blank_lines (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  char delimiter = 0;

  rows = read_all ("a\tb,c\n\n1\t2,3\n\n", -1, &delimiter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (delimiter, ==, '\t');
  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 1, (const char *[]) { "1", "2,3", NULL });
}

/* The byte-order mark and the delimiter are found in the whole first line,
 * however the stream hands it over. */
static void
test_reader_header_in_small_reads (void)
{
  static const struct {
    const char *text;
    char delimiter;
    const char *const first[4];
    const char *const second[4];
  } cases[] = {
    { "\xEF\xBB\xBFnamn;text;belopp\r\nÅsa;\"a;b\";12,50\r\n", ';',
      { "namn", "text", "belopp", NULL }, { "Åsa", "a;b", "12,50", NULL } },
    /* The semicolons come only after a quoted comma, several reads in. */
    { "\"first, second\";b;c\n1;2;3\n", ';',
      { "first, second", "b", "c", NULL }, { "1", "2", "3", NULL } },
    { "\xEF\xBB\xBF" "a\tb\tc\n1\t2,5\t3\n", '\t',
      { "a", "b", "c", NULL }, { "1", "2,5", "3", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GInputStream) stream = trickle_stream_new (cases[i].text, -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      char delimiter = 0;

      rows = read_stream (stream, &delimiter, &error);
      g_assert_no_error (error);
      g_assert_cmpint (delimiter, ==, cases[i].delimiter);
      g_assert_cmpuint (rows->len, ==, 2);
      assert_row (rows, 0, cases[i].first);
      assert_row (rows, 1, cases[i].second);
    }
}

/* A first line longer than one read of the file is still read whole. */
static void
test_reader_long_header (void)
{
  g_autoptr(GString) text = g_string_new ("\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *long_name = g_strnfill (200 * 1024, 'x');
  char delimiter = 0;

  g_string_append_printf (text, "%s\";b;c\n1;2;3\n", long_name);
  rows = read_all (text->str, text->len, &delimiter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (delimiter, ==, ';');
  assert_row (rows, 0, (const char *[]) { long_name, "b", "c", NULL });
  assert_row (rows, 1, (const char *[]) { "1", "2", "3", NULL });
}

static void
test_reader_no_final_newline (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_all ("a,b\n\"x\",y", -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 1, (const char *[]) { "x", "y", NULL });
}

static void
test_reader_errors_name_the_line (void)
{
  struct {
    const char *text;
    gssize length;   /* -1: up to the terminating NUL */
    int code;
    const char *line;
    const char *encoding;
  } cases[] = {
    { "a,b\n1,2\n3,\"never closed\n4,5\n", -1, GW_CSV_ERROR_UNTERMINATED_QUOTE, "Line 3:", NULL },
    { "a,b\n1,\"x\"y\n", -1, GW_CSV_ERROR_BAD_QUOTE, "Line 2:", NULL },
    /* Told UTF-8, what is not is refused at its line. */
    { "a,b\n\"two\nlines\",ok\n\xff\xfe,2\n", -1, GW_CSV_ERROR_ENCODING, "Line 4:", "utf-8" },
    /* A NUL byte inside a field, as a damaged file may have, is no text in
     * any encoding. */
    { "a,b\n1,2\nx\0y,3\n", 13, GW_CSV_ERROR_ENCODING, "Line 3:", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = read_all_in (cases[i].text, cases[i].length, cases[i].encoding,
                                               NULL, &error);

      g_assert_null (rows);
      g_assert_error (error, GW_CSV_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].line));
    }
}

/* The first 64 KiB decide: bytes that are not UTF-8 there make the file
 * Windows-1252; past them, a file taken for UTF-8 is refused at the line,
 * with a way forward, and reads when told its encoding. */
static void
test_reader_encoding_rule (void)
{
  g_autoptr(GString) text = g_string_new ("namn,text\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GwCsvReader) reader = NULL;
  GStrv fields = NULL;
  gboolean detected = FALSE;
  guint n_lines = 1;

  /* Early: read as Windows-1252, the euro sign included. */
  stream = trickle_stream_new ("namn,pris\n\xC5sa,5 \x80\n", -1);
  reader = gw_csv_reader_new (stream);
  g_assert_true (gw_csv_reader_read_row (reader, &fields, NULL, &error));
  g_strfreev (fields);
  g_assert_true (gw_csv_reader_read_row (reader, &fields, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstrv (fields, ((const char *[]) { "Åsa", "5 €", NULL }));
  g_strfreev (fields);
  g_assert_cmpstr (gw_csv_reader_get_encoding (reader, &detected), ==, GW_CSV_ENCODING_WINDOWS_1252);
  g_assert_true (detected);
  g_clear_pointer (&reader, gw_csv_reader_free);
  g_clear_object (&stream);

  /* A UTF-8 character cut off by the end of the 64 KiB is still UTF-8. */
  while (text->len < 64 * 1024 - 20)
    {
      g_string_append (text, "ok,ok\n");
      n_lines++;
    }
  while (text->len < 64 * 1024 - 2)
    g_string_append_c (text, 'x');
  g_string_append (text, ",å\n");
  g_assert_cmpint ((guchar) text->str[64 * 1024 - 1], ==, 0xC3);
  rows = read_all (text->str, text->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (rows, rows->len - 1))[1], ==, "å");
  g_clear_pointer (&rows, g_ptr_array_unref);
  n_lines++;

  /* Late: refused, with its line. */
  g_string_append (text, "Bj\xF6rn,ok\n");
  rows = read_all (text->str, text->len, NULL, &error);
  g_assert_error (error, GW_CSV_ERROR, GW_CSV_ERROR_ENCODING);
  {
    g_autofree char *line = g_strdup_printf ("Line %u:", n_lines + 1);

    g_assert_true (g_str_has_prefix (error->message, line));
  }
  g_assert_nonnull (strstr (error->message, "Windows-1252"));
  g_clear_error (&error);

  rows = read_all_in (text->str, text->len, "windows-1252", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (rows, rows->len - 1))[0], ==, "Björn");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Bytes that are no text in the encoding chosen are refused, saying so. */
  rows = read_all_in ("a,b\n\x81,2\n", -1, "WINDOWS-1252", NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, GW_CSV_ERROR, GW_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Windows-1252"));
}

/* Past the limit fields are counted, quotes and line breaks still read, and
 * the next row is read as usual. */
static void
test_reader_field_limit (void)
{
  const char *text = "a,b,c\n1,\"2\",3,\"4\n,x\",5\nz\n";
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, -1, NULL);
  g_autoptr(GwCsvReader) reader = gw_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) first = NULL;
  g_auto(GStrv) second = NULL;
  g_auto(GStrv) third = NULL;

  gw_csv_reader_set_max_fields (reader, 3);
  g_assert_true (gw_csv_reader_read_row (reader, &first, NULL, &error));
  g_assert_cmpstrv (first, ((const char *[]) { "a", "b", "c", NULL }));

  g_assert_false (gw_csv_reader_read_row (reader, &second, NULL, &error));
  g_assert_error (error, GW_CSV_ERROR, GW_CSV_ERROR_TOO_MANY_FIELDS);
  g_assert_cmpstr (error->message, ==, "Line 2: the row has 5 fields, more than 3");
  g_assert_null (second);
  g_assert_cmpuint (gw_csv_reader_get_n_fields (reader), ==, 5);
  g_clear_error (&error);

  g_assert_true (gw_csv_reader_read_row (reader, &third, NULL, &error));
  g_assert_cmpstrv (third, ((const char *[]) { "z", NULL }));
  g_assert_cmpuint (gw_csv_reader_get_row_line (reader), ==, 4);
}

static void
test_writer_quotes_what_needs_it (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *fields[] = { "plain", "with,comma", "with \"quote\"", "two\nlines", " padded", "" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  gw_csv_append_row (out, fields, G_N_ELEMENTS (fields), ',');
  g_assert_cmpstr (out->str, ==,
                   "plain,\"with,comma\",\"with \"\"quote\"\"\",\"two\nlines\",\" padded\",\n");

  rows = read_all (out->str, -1, NULL, &error);
  g_assert_no_error (error);
  assert_row (rows, 0, (const char *[]) { "plain", "with,comma", "with \"quote\"", "two\nlines",
                                          " padded", "", NULL });
}

/* A row of one empty field is not a blank line, which reading skips. */
static void
test_writer_lone_empty_field (void)
{
  g_autoptr(GString) out = g_string_new ("a\n");
  const char *fields[] = { "" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  gw_csv_append_row (out, fields, 1, ',');
  g_assert_cmpstr (out->str, ==, "a\n\"\"\n");
  rows = read_all (out->str, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 1, (const char *[]) { "", NULL });
}

static GPtrArray *
read_complaints (const char  *text,
                 GError     **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_strdup (text), -1,
                                                                        g_free);
  g_autoptr(GwComplaintCsvReader) reader = gw_complaint_csv_reader_new (stream);
  g_autoptr(GPtrArray) complaints = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_complaint_free);
  GwComplaint *complaint = NULL;

  while (gw_complaint_csv_reader_next (reader, &complaint, NULL, error))
    g_ptr_array_add (complaints, complaint);
  if (*error != NULL)
    return NULL;
  return g_steal_pointer (&complaints);
}

static void
test_complaint_rows (void)
{
  const char *text =
    "Description;RECEIVED_AT;kind;solved_on_spot;compensation_type;compensation_amount;"
    "customer_feeling;will_buy_again;status;follow_up_at;customer_name\r\n"
    "\"Kaffebryggaren läckte;\r\nbyttes direkt\";2024-03-01 14:05;Complaint;ja;refund;"
    "149,90;satisfied;YES;resolved;;  Åsa Öberg \r\n"
    "Tack för hjälpen!;2024-03-02;compliment;;;;;;;2024-03-09T12:00:00Z;\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) complaints = NULL;
  GwComplaint *first, *second;

  /* "ja" is not one of the accepted yes/no words: the first row fails. */
  complaints = read_complaints (text, &error);
  g_assert_error (error, GW_CSV_ERROR, GW_CSV_ERROR_VALUE);
  g_assert_true (g_str_has_prefix (error->message, "Line 2, “Solved on the spot”: “ja” is neither"));
  g_clear_error (&error);

  {
    g_autofree char *fixed = NULL;
    g_auto(GStrv) parts = g_strsplit (text, ";ja;", 2);

    fixed = g_strjoin (";yes;", parts[0], parts[1], NULL);
    complaints = read_complaints (fixed, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (complaints->len, ==, 2);

  first = g_ptr_array_index (complaints, 0);
  g_assert_cmpstr (first->description, ==, "Kaffebryggaren läckte;\r\nbyttes direkt");
  g_assert_cmpint (first->kind, ==, GW_KIND_COMPLAINT);
  g_assert_true (first->solved_on_spot);
  g_assert_cmpint (first->compensation_type, ==, GW_COMPENSATION_REFUND);
  g_assert_cmpint (first->compensation_amount, ==, 14990);
  g_assert_cmpint (first->customer_feeling, ==, GW_FEELING_SATISFIED);
  g_assert_cmpint (first->will_buy_again, ==, GW_BUY_AGAIN_YES);
  g_assert_cmpint (first->status, ==, GW_STATUS_RESOLVED);
  g_assert_cmpint (first->follow_up_at, ==, GW_NO_TIME);
  g_assert_cmpstr (first->customer_name, ==, "Åsa Öberg");

  second = g_ptr_array_index (complaints, 1);
  g_assert_cmpint (second->kind, ==, GW_KIND_COMPLIMENT);
  g_assert_cmpint (second->channel, ==, GW_CHANNEL_IN_STORE);
  g_assert_cmpint (second->status, ==, GW_STATUS_OPEN);
  g_assert_cmpint (second->follow_up_at, ==, 1709985600);
}

static void
test_complaint_header_errors (void)
{
  struct { const char *text; const char *needle; } cases[] = {
    { "received_at,description,colour\n", "“colour”" },
    { "received_at,received_at,description\n", "two columns hold “When received”" },
    { "description,kind\n", "no column holds “When received”" },
    { "", "empty" },
    { "received_at,description\n2024-01-01,ok,extra\n", "Line 2:" },
    { "received_at,description\n2024-01-01,   \n", "Line 2, “What happened”: this is empty" },
    { "received_at,description,kind\n2024-01-01,x,praise\n", "“praise”" },
    { "received_at,description,compensation_amount\n2024-01-01,x,12.345\n", "“12.345”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) complaints = read_complaints (cases[i].text, &error);

      g_assert_null (complaints);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].needle) == NULL)
        g_error ("case %u: “%s” does not mention %s", i, error->message, cases[i].needle);
    }
}

static glong
peak_kilobytes (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

/* A line of 20 MB of commas is 20 million empty fields: it is refused with
 * their count, without ever holding them. */
static void
test_complaint_row_of_commas (void)
{
  static const char *const headers[] = { "", "received_at,description\n" };
  static const char *const messages[] = {
    "This file has 20971521 columns; a complaint has at most 22.",
    "Line 2: the row has 20971521 fields but the header has 2",
  };
  gsize n_commas = 20 * 1024 * 1024;

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      gsize header_length = strlen (headers[i]);
      char *text = g_malloc (header_length + n_commas + 1);
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GwComplaintCsvReader) reader = NULL;
      g_autoptr(GwComplaint) complaint = NULL;
      g_autoptr(GError) error = NULL;
      glong before;

      memcpy (text, headers[i], header_length);
      memset (text + header_length, ',', n_commas);
      text[header_length + n_commas] = '\n';
      stream = g_memory_input_stream_new_from_data (text, header_length + n_commas + 1, g_free);
      reader = gw_complaint_csv_reader_new (stream);

      before = peak_kilobytes ();
      g_assert_false (gw_complaint_csv_reader_next (reader, &complaint, NULL, &error));
      g_assert_error (error, GW_CSV_ERROR, GW_CSV_ERROR_TOO_MANY_FIELDS);
      g_assert_cmpstr (error->message, ==, messages[i]);
      /* Holding the fields took 835 MB; reading the line takes a buffer. */
      g_assert_cmpint (peak_kilobytes () - before, <, 16 * 1024);
    }
}

static void
test_complaint_write_read (void)
{
  g_autoptr(GwComplaint) complaint = gw_complaint_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) complaints = NULL;
  g_autoptr(GString) again = g_string_new (NULL);
  GwComplaint *read;

  complaint->received_at = 1709301900;
  complaint->kind = GW_KIND_SUGGESTION;
  complaint->channel = GW_CHANNEL_SOCIAL;
  g_free (complaint->description);
  complaint->description = g_strdup ("Line one,\n\"line\" two 🙂");
  complaint->follow_up_at = 1709388300;
  complaint->compensation_type = GW_COMPENSATION_COUPON;
  complaint->compensation_amount = 5005;
  complaint->customer_feeling = GW_FEELING_DISSATISFIED;

  gw_complaint_csv_append_header (out, GW_CSV_FORMAT_EXACT);
  gw_complaint_csv_append (out, complaint, GW_CSV_FORMAT_EXACT);
  complaints = read_complaints (out->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (complaints->len, ==, 1);
  read = g_ptr_array_index (complaints, 0);
  g_assert_cmpstr (read->description, ==, complaint->description);
  g_assert_cmpint (read->received_at, ==, complaint->received_at);
  g_assert_cmpint (read->follow_up_at, ==, complaint->follow_up_at);
  g_assert_cmpint (read->compensation_amount, ==, 5005);
  g_assert_cmpint (read->customer_feeling, ==, GW_FEELING_DISSATISFIED);

  gw_complaint_csv_append_header (again, GW_CSV_FORMAT_EXACT);
  gw_complaint_csv_append (again, read, GW_CSV_FORMAT_EXACT);
  g_assert_cmpstr (again->str, ==, out->str);
}

/* A cell a spreadsheet would run as a formula is written with a leading
 * apostrophe, which spreadsheets show as text and do not run. */
static const struct {
  const char *text;
  const char *cell;    /* as written, by hand */
} formula_cells[] = {
  { "=HYPERLINK(\"http://evil.example\",\"Open\")",
    "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Open\"\")\"" },
  { "+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0" },
  { "-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0" },
  { "@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0" },
  { "\t=1+1", "'\t=1+1" },
  { "\r=1+1", "\"'\r=1+1\"" },
  { "- broken lid", "'- broken lid" },
  { "'=1+1", "''=1+1" },
  { "''@x", "'''@x" },
  /* Harmless starts are written as they are. */
  { "'", "'" },
  { "''", "''" },
  { "'quoted'", "'quoted'" },
  { "a=b", "a=b" },
  { " =1", "\" =1\"" },
  { "\xEF\xBC\x9D" "1+1", "\xEF\xBC\x9D" "1+1" },   /* a full-width equals sign */
};

#define FORMULA_LINE_START "2024-03-01T14:05:00Z,complaint,in_store,,,,,,,"
#define FORMULA_LINE_END ",,no,,,,none,,open,,,unknown,\n"

static void
set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

static void
test_complaint_formula_guard_export (void)
{
  g_autoptr(GwComplaint) every = gw_complaint_new ();
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formula_cells); i++)
    {
      g_autoptr(GwComplaint) complaint = gw_complaint_new ();
      g_autoptr(GString) out = g_string_new (NULL);
      g_autofree char *expected = NULL;

      complaint->received_at = 1709301900;
      set_text (&complaint->description, formula_cells[i].text);
      gw_complaint_csv_append (out, complaint, GW_CSV_FORMAT_EXACT);
      expected = g_strconcat (FORMULA_LINE_START, formula_cells[i].cell, FORMULA_LINE_END, NULL);
      g_assert_cmpstr (out->str, ==, expected);
    }

  /* Every text column is guarded; times, words and amounts are ours. */
  every->received_at = 1709301900;
  set_text (&every->category, "=Till");
  set_text (&every->customer_name, "@home");
  set_text (&every->customer_phone, "+46 70 123 45 67");
  set_text (&every->customer_email, "=a@example.se");
  set_text (&every->customer_address, "-1 Road");
  set_text (&every->received_by, "+Bo");
  set_text (&every->description, "ok");
  set_text (&every->agreed_solution, "=a");
  set_text (&every->promise, "=b");
  set_text (&every->steps_taken, "=c");
  set_text (&every->prevention, "=d");
  every->compensation_amount = 1250;
  gw_complaint_csv_append (line, every, GW_CSV_FORMAT_EXACT);
  g_assert_cmpstr (line->str, ==,
                   "2024-03-01T14:05:00Z,complaint,in_store,'=Till,'@home,'+46 70 123 45 67,"
                   "'=a@example.se,'-1 Road,'+Bo,ok,'=a,no,'=b,'=c,,none,12.50,open,,,unknown,"
                   "'=d\n");
}

static void
test_complaint_formula_guard_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) complaints = NULL;
  GwComplaint *complaint;

  for (guint i = 0; i < G_N_ELEMENTS (formula_cells); i++)
    {
      g_autofree char *text = g_strconcat ("received_at,description,prevention\n2024-03-01,",
                                           formula_cells[i].cell, ",", formula_cells[i].cell,
                                           "\n", NULL);

      complaints = read_complaints (text, &error);
      g_assert_no_error (error);
      complaint = g_ptr_array_index (complaints, 0);
      g_assert_cmpstr (complaint->description, ==, formula_cells[i].text);
      g_assert_cmpstr (complaint->prevention, ==, formula_cells[i].text);
      g_clear_pointer (&complaints, g_ptr_array_unref);
    }

  /* Only a guard comes off: cells written elsewhere without one keep what
   * they say; names and the like are trimmed after the guard is off. */
  complaints = read_complaints ("received_at,description,customer_phone,customer_name,category\n"
                                "2024-03-01,=1+1,+46 70 123 45 67,'\t@Bo ,'hej'\n", &error);
  g_assert_no_error (error);
  complaint = g_ptr_array_index (complaints, 0);
  g_assert_cmpstr (complaint->description, ==, "=1+1");
  g_assert_cmpstr (complaint->customer_phone, ==, "+46 70 123 45 67");
  g_assert_cmpstr (complaint->customer_name, ==, "@Bo");
  g_assert_cmpstr (complaint->category, ==, "'hej'");
}

/* Whatever was typed comes back as typed, and a second export is the same
 * bytes as the first. */
static void
test_complaint_formula_guard_round_trip (void)
{
  static const char *const texts[] = {
    "'", "''", "'''", "''=", "'=", "=", "+", "-", "@", "-5", "+46 8 123", "'\t", "\t'x",
    "\tleading tab", "\rleading CR", "\r\nline", "=\"quoted, with comma\"", "@@", "'-'",
    "- broken lid", "--", "==", "=🙂", "🙂=", "e\xCC\x81=", "\xE2\x80\x8B=zero width",
    "\xE2\x80\xAE=right to left", "\xEF\xBC\x8B" "1", "\xC2\xA0=no-break space",
    "''\r=", "'\n=", "x\n=y", "'\"=", "\"=\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GwComplaint) complaint = gw_complaint_new ();
      g_autoptr(GString) first = g_string_new (NULL);
      g_autoptr(GString) second = g_string_new (NULL);
      g_autoptr(GString) third = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) once = NULL;
      g_autoptr(GPtrArray) twice = NULL;
      g_autofree char *trimmed = g_strstrip (g_strdup (texts[i]));
      GwComplaint *read;

      complaint->received_at = 1709301900;
      set_text (&complaint->description, texts[i]);
      set_text (&complaint->prevention, texts[i]);
      set_text (&complaint->customer_address, texts[i]);
      set_text (&complaint->customer_name, texts[i]);
      gw_complaint_csv_append_header (first, GW_CSV_FORMAT_EXACT);
      gw_complaint_csv_append (first, complaint, GW_CSV_FORMAT_EXACT);

      once = read_complaints (first->str, &error);
      g_assert_no_error (error);
      read = g_ptr_array_index (once, 0);
      g_assert_cmpstr (read->description, ==, texts[i]);
      g_assert_cmpstr (read->prevention, ==, texts[i]);
      g_assert_cmpstr (read->customer_address, ==, texts[i]);

      /* Names are trimmed on the way in; from then on nothing changes. */
      gw_complaint_csv_append_header (second, GW_CSV_FORMAT_EXACT);
      gw_complaint_csv_append (second, read, GW_CSV_FORMAT_EXACT);
      twice = read_complaints (second->str, &error);
      g_assert_no_error (error);
      gw_complaint_csv_append_header (third, GW_CSV_FORMAT_EXACT);
      gw_complaint_csv_append (third, g_ptr_array_index (twice, 0), GW_CSV_FORMAT_EXACT);
      g_assert_cmpstr (third->str, ==, second->str);
      if (g_strcmp0 (trimmed, texts[i]) == 0)
        g_assert_cmpstr (second->str, ==, first->str);
    }
}

/* A time the export could not write back, or one the clocks skipped, stops
 * the import with the line and the column; the bounds themselves pass. */
static void
test_complaint_times_refused (void)
{
  struct { const char *row; const char *column; } bad[] = {
    { "x,2024-03-01,9999-12-31T23:30:00-01:00,", "Line 3, “Follow-up date”: " },
    { "x,2024-03-01,0001-01-01T00:10:00+01:00,", "Line 3, “Follow-up date”: " },
    { "x,0089-03-01,,", "Line 3, “When received”: " },
    { "x,1899-12-31T23:59:59Z,,", "Line 3, “When received”: " },
    { "x,2024-03-01,,2201-01-01T00:00:00Z", "Line 3, “When resolved”: " },
    { "x,2026-03-29 02:30,,", "Line 3, “When received”: " },
    { "x,0000-01-01,,", "Line 3, “When received”: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strdup_printf ("description,received_at,follow_up_at,resolved_at\n"
                                               "ok,2024-03-01,,\n%s\n", bad[i].row);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) complaints = read_complaints (text, &error);

      g_assert_error (error, GW_CSV_ERROR, GW_CSV_ERROR_VALUE);
      g_assert_true (g_str_has_prefix (error->message, bad[i].column));
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) complaints =
      read_complaints ("description,received_at,follow_up_at,resolved_at\n"
                       "x,1900-01-01T00:00:00Z,1970-01-01T00:00:00Z,2200-12-31T23:59:59Z\n",
                       &error);
    GwComplaint *complaint;

    g_assert_no_error (error);
    complaint = g_ptr_array_index (complaints, 0);
    g_assert_cmpint (complaint->received_at, ==, G_GINT64_CONSTANT (-2208988800));
    g_assert_cmpint (complaint->follow_up_at, ==, 0);
    g_assert_cmpint (complaint->resolved_at, ==, G_GINT64_CONSTANT (7289654399));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Stockholm", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/reader/plain", test_reader_plain);
  g_test_add_func ("/csv/reader/swedish-spreadsheet", test_reader_swedish_spreadsheet);
  g_test_add_func ("/csv/reader/tabs-and-blank-lines", test_reader_tabs_and_blank_lines);
  g_test_add_func ("/csv/reader/header-in-small-reads", test_reader_header_in_small_reads);
  g_test_add_func ("/csv/reader/long-header", test_reader_long_header);
  g_test_add_func ("/csv/reader/no-final-newline", test_reader_no_final_newline);
  g_test_add_func ("/csv/reader/errors-name-the-line", test_reader_errors_name_the_line);
  g_test_add_func ("/csv/reader/field-limit", test_reader_field_limit);
  g_test_add_func ("/csv/reader/encoding-rule", test_reader_encoding_rule);
  g_test_add_func ("/csv/writer/quotes", test_writer_quotes_what_needs_it);
  g_test_add_func ("/csv/writer/lone-empty-field", test_writer_lone_empty_field);
  g_test_add_func ("/csv/complaint/rows", test_complaint_rows);
  g_test_add_func ("/csv/complaint/header-errors", test_complaint_header_errors);
  g_test_add_func ("/csv/complaint/row-of-commas", test_complaint_row_of_commas);
  g_test_add_func ("/csv/complaint/write-read", test_complaint_write_read);
  g_test_add_func ("/csv/complaint/formula-guard-export", test_complaint_formula_guard_export);
  g_test_add_func ("/csv/complaint/formula-guard-import", test_complaint_formula_guard_import);
  g_test_add_func ("/csv/complaint/formula-guard-round-trip",
                   test_complaint_formula_guard_round_trip);
  g_test_add_func ("/csv/complaint/times-refused", test_complaint_times_refused);
  return g_test_run ();
}
