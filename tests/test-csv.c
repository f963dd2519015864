/* test-csv.c: reading CSV as spreadsheets write it, and writing it back */

#include "config.h"

#include <locale.h>

#include "core/gw-complaint-csv.h"
#include "core/gw-csv.h"

static GPtrArray *
read_all (const char  *text,
          gssize       length,
          char        *delimiter,
          GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GwCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GStrv fields = NULL;

  if (length < 0)
    length = strlen (text);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (text, length), length, g_free);
  reader = gw_csv_reader_new (stream);
  while (gw_csv_reader_read_row (reader, &fields, NULL, error))
    g_ptr_array_add (rows, fields);
  if (error != NULL && *error != NULL)
    return NULL;
  if (delimiter != NULL)
    *delimiter = gw_csv_reader_get_delimiter (reader);
  return g_steal_pointer (&rows);
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
  } cases[] = {
    { "a,b\n1,2\n3,\"never closed\n4,5\n", -1, GW_CSV_ERROR_UNTERMINATED_QUOTE, "Line 3:" },
    { "a,b\n1,\"x\"y\n", -1, GW_CSV_ERROR_BAD_QUOTE, "Line 2:" },
    { "a,b\n\"two\nlines\",ok\n\xff\xfe,2\n", -1, GW_CSV_ERROR_ENCODING, "Line 4:" },
    /* A NUL byte inside a field, as a damaged file may have. */
    { "a,b\n1,2\nx\0y,3\n", 13, GW_CSV_ERROR_ENCODING, "Line 3:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = read_all (cases[i].text, cases[i].length, NULL, &error);

      g_assert_null (rows);
      g_assert_error (error, GW_CSV_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].line));
    }
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
  g_assert_true (g_str_has_prefix (error->message, "Line 2:"));
  g_assert_nonnull (strstr (error->message, "solved_on_spot"));
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
    { "received_at,received_at,description\n", "appears twice" },
    { "description,kind\n", "received_at" },
    { "", "empty" },
    { "received_at,description\n2024-01-01,ok,extra\n", "Line 2:" },
    { "received_at,description\n2024-01-01,   \n", "description is required" },
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

  gw_complaint_csv_append_header (out);
  gw_complaint_csv_append (out, complaint);
  complaints = read_complaints (out->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (complaints->len, ==, 1);
  read = g_ptr_array_index (complaints, 0);
  g_assert_cmpstr (read->description, ==, complaint->description);
  g_assert_cmpint (read->received_at, ==, complaint->received_at);
  g_assert_cmpint (read->follow_up_at, ==, complaint->follow_up_at);
  g_assert_cmpint (read->compensation_amount, ==, 5005);
  g_assert_cmpint (read->customer_feeling, ==, GW_FEELING_DISSATISFIED);

  gw_complaint_csv_append_header (again);
  gw_complaint_csv_append (again, read);
  g_assert_cmpstr (again->str, ==, out->str);
}

/* A time the export could not write back, or one the clocks skipped, stops
 * the import with the line and the column; the bounds themselves pass. */
static void
test_complaint_times_refused (void)
{
  struct { const char *row; const char *column; } bad[] = {
    { "x,2024-03-01,9999-12-31T23:30:00-01:00,", "follow_up_at" },
    { "x,2024-03-01,0001-01-01T00:10:00+01:00,", "follow_up_at" },
    { "x,0089-03-01,,", "received_at" },
    { "x,1899-12-31T23:59:59Z,,", "received_at" },
    { "x,2024-03-01,,2201-01-01T00:00:00Z", "resolved_at" },
    { "x,2026-03-29 02:30,,", "received_at" },
    { "x,0000-01-01,,", "received_at" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strdup_printf ("description,received_at,follow_up_at,resolved_at\n"
                                               "ok,2024-03-01,,\n%s\n", bad[i].row);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) complaints = read_complaints (text, &error);

      g_assert_error (error, GW_CSV_ERROR, GW_CSV_ERROR_VALUE);
      g_assert_true (g_str_has_prefix (error->message, "Line 3:"));
      g_assert_nonnull (strstr (error->message, bad[i].column));
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
  g_test_add_func ("/csv/reader/no-final-newline", test_reader_no_final_newline);
  g_test_add_func ("/csv/reader/errors-name-the-line", test_reader_errors_name_the_line);
  g_test_add_func ("/csv/writer/quotes", test_writer_quotes_what_needs_it);
  g_test_add_func ("/csv/complaint/rows", test_complaint_rows);
  g_test_add_func ("/csv/complaint/header-errors", test_complaint_header_errors);
  g_test_add_func ("/csv/complaint/write-read", test_complaint_write_read);
  g_test_add_func ("/csv/complaint/times-refused", test_complaint_times_refused);
  return g_test_run ();
}
