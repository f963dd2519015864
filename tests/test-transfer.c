/* test-transfer.c: CSV import and export against a real store, and the demo */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "core/gw-complaint-csv.h"
#include "core/gw-csv.h"
#include "gw-transfer.h"

typedef struct {
  char *directory;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->directory = g_dir_make_tmp ("goodwill-transfer-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->directory, "store.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->directory, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->directory);
  g_free (fixture->directory);
  g_free (fixture->path);
}

/* Every row of every table, search index included: two equal dumps mean the
 * store is exactly as it was. */
static char *
dump_database (const char *path)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_schema ORDER BY name",
                                       -1, &statement, NULL), ==, SQLITE_OK);
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (statement, 0);
      const char *sql = (const char *) sqlite3_column_text (statement, 1);

      g_string_append_printf (dump, "%s: %s\n", name, sql != NULL ? sql : "");
      if (sql != NULL && g_str_has_prefix (sql, "CREATE TABLE"))
        g_ptr_array_add (tables, g_strdup (name));
    }
  sqlite3_finalize (statement);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *query = g_strdup_printf ("SELECT * FROM \"%s\"",
                                                (char *) g_ptr_array_index (tables, t));

      g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &statement, NULL), ==, SQLITE_OK);
      while (sqlite3_step (statement) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (statement); c++)
            {
              const void *blob = sqlite3_column_blob (statement, c);
              int size = sqlite3_column_bytes (statement, c);

              g_string_append_c (dump, '|');
              if (blob != NULL)
                g_string_append_len (dump, blob, size);
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (statement);
    }
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (fixture->directory, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static char *
export_to_string (GwStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (gw_transfer_export_csv (store, out, GW_CSV_FORMAT_EXACT, &n, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

#define NOW ((gint64) 1763900000)  /* 2025-11-23 */

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GString) seen = g_string_new (NULL);
  guint n_added = 0;
  guint statuses[GW_N_STATUSES] = { 0 };
  guint kinds[GW_N_KINDS] = { 0 };
  guint n_overdue = 0, n_compensated = 0, n_with_outcome = 0, n_with_customer = 0;
  gint64 oldest = G_MAXINT64;
  gint64 n_complaints;

  g_assert_true (gw_transfer_fill_demo (store, NOW, &n_added, &error));
  g_assert_no_error (error);
  n_complaints = gw_store_count_complaints (store, NULL);
  g_assert_cmpint (n_complaints, >=, 300);
  g_assert_cmpint (n_complaints, ==, n_added);

  for (gint64 id = 1; id <= n_complaints; id++)
    {
      g_autoptr(GwComplaint) complaint = gw_store_get_complaint (store, id, &error);

      g_assert_no_error (error);
      statuses[complaint->status]++;
      kinds[complaint->kind]++;
      n_overdue += gw_complaint_is_overdue (complaint, NOW);
      n_compensated += complaint->compensation_amount > 0;
      n_with_outcome += complaint->customer_feeling != GW_FEELING_UNKNOWN;
      n_with_customer += complaint->customer_id != 0;
      oldest = MIN (oldest, complaint->received_at);
      g_assert_cmpint (complaint->received_at, <=, NOW);
    }

  for (guint i = 0; i < GW_N_STATUSES; i++)
    g_assert_cmpuint (statuses[i], >, 0);
  for (guint i = 0; i < GW_N_KINDS; i++)
    g_assert_cmpuint (kinds[i], >, 0);
  g_assert_cmpuint (n_overdue, >=, 3);
  g_assert_cmpuint (n_compensated, >, 10);
  g_assert_cmpuint (n_with_outcome, >, 100);
  /* Customers come back: far fewer people than complaints. */
  g_assert_cmpint (gw_store_count_rows (store, "customers", NULL), <, n_with_customer / 5);
  g_assert_cmpint (gw_store_count_rows (store, "staff", NULL), >=, 4);
  g_assert_cmpint (gw_store_count_rows (store, "staff", NULL), <=, 5);
  g_assert_cmpint (gw_store_count_rows (store, "categories", NULL), >=, 4);
  g_assert_cmpint (gw_store_count_rows (store, "complaint_events", NULL), >, 0);
  /* Eighteen months back, give or take a few days. */
  g_assert_cmpint (NOW - oldest, >, 17 * 30 * 86400);
  g_assert_cmpint (NOW - oldest, <, 19 * 31 * 86400);

  /* Real data is never mixed with samples. */
  g_assert_false (gw_transfer_fill_demo (store, NOW, NULL, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_EMPTY);
  g_assert_cmpint (gw_store_count_complaints (store, NULL), ==, n_complaints);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autofree char *second_path = g_build_filename (fixture->directory, "second.db", NULL);
  g_autoptr(GwStore) second = gw_store_open (second_path, &error);
  g_autofree char *first_export = NULL;
  g_autofree char *second_export = NULL;
  g_autoptr(GFile) file = NULL;
  guint n = 0;

  g_assert_true (gw_transfer_fill_demo (store, NOW, NULL, &error));
  first_export = export_to_string (store);
  file = write_file (fixture, "export.csv", first_export, -1);

  g_assert_true (gw_transfer_import_csv (second, file, NULL, NULL, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, gw_store_count_complaints (store, NULL));
  second_export = export_to_string (second);
  g_assert_cmpstr (second_export, ==, first_export);
}

/* Cells that would run as formulas come into the store as typed and go out
 * again guarded, byte for byte. */
static void
test_formula_cells_round_trip (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *head =
    "received_at,kind,channel,category,customer_name,customer_phone,customer_email,"
    "customer_address,received_by,description,agreed_solution,solved_on_spot,promise,"
    "steps_taken,follow_up_at,compensation_type,compensation_amount,status,resolved_at,"
    "customer_feeling,will_buy_again,prevention\n"
    "2024-03-01T14:05:00Z,complaint,phone,'=Till,'@home,'+46 70 123 45 67,'=a@example.se,"
    "\"'-1 Road\r\nTown\",'+Bo,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Open\"\")\","
    "''=a,no,'- a new lid,'\t=c,,none,,open,,,unknown,\"'\r=d\"\n";
  /* Written by another program, the last cell has no guard; ours adds one. */
  const char *last_in = "2024-03-02T09:00:00Z,comment,in_store,,,,,,,'- broken lid,',no,'',,,"
                        "none,,open,,,unknown,@ not a guard\n";
  const char *last_out = "2024-03-02T09:00:00Z,comment,in_store,,,,,,,'- broken lid,',no,'',,,"
                         "none,,open,,,unknown,'@ not a guard\n";
  g_autofree char *text = g_strconcat (head, last_in, NULL);
  g_autofree char *expected = g_strconcat (head, last_out, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autofree char *second_path = g_build_filename (fixture->directory, "second.db", NULL);
  g_autoptr(GwStore) second = gw_store_open (second_path, &error);
  g_autoptr(GFile) file = write_file (fixture, "formulas.csv", text, -1);
  g_autoptr(GFile) exported = NULL;
  g_autoptr(GwComplaint) first = NULL;
  g_autoptr(GwComplaint) last = NULL;
  g_autofree char *export = NULL;
  g_autofree char *again = NULL;

  g_assert_true (gw_transfer_import_csv (store, file, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  first = gw_store_get_complaint (store, 1, &error);
  g_assert_cmpstr (first->category, ==, "=Till");
  g_assert_cmpstr (first->customer_name, ==, "@home");
  g_assert_cmpstr (first->customer_phone, ==, "+46 70 123 45 67");
  g_assert_cmpstr (first->customer_email, ==, "=a@example.se");
  g_assert_cmpstr (first->customer_address, ==, "-1 Road\r\nTown");
  g_assert_cmpstr (first->received_by, ==, "+Bo");
  g_assert_cmpstr (first->description, ==, "=HYPERLINK(\"http://evil.example\",\"Open\")");
  g_assert_cmpstr (first->agreed_solution, ==, "'=a");
  g_assert_cmpstr (first->promise, ==, "- a new lid");
  g_assert_cmpstr (first->steps_taken, ==, "\t=c");
  g_assert_cmpstr (first->prevention, ==, "\r=d");
  last = gw_store_get_complaint (store, 2, &error);
  g_assert_cmpstr (last->description, ==, "- broken lid");
  g_assert_cmpstr (last->agreed_solution, ==, "'");
  g_assert_cmpstr (last->promise, ==, "''");
  g_assert_cmpstr (last->prevention, ==, "@ not a guard");

  export = export_to_string (store);
  g_assert_cmpstr (export, ==, expected);
  exported = write_file (fixture, "export.csv", export, -1);
  g_assert_true (gw_transfer_import_csv (second, exported, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  again = export_to_string (second);
  g_assert_cmpstr (again, ==, export);
}

static void
test_swedish_spreadsheet (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *text =
    "\xEF\xBB\xBF" "received_at;kind;channel;category;customer_name;customer_phone;"
    "customer_email;customer_address;received_by;description;agreed_solution;solved_on_spot;"
    "promise;steps_taken;follow_up_at;compensation_type;compensation_amount;status;"
    "resolved_at;customer_feeling;will_buy_again;prevention\r\n"
    "2024-03-01 14:05;Complaint;in_store;Trasig vara;Åsa Öberg;070-123 45 67;"
    "asa@example.se;\"Storgatan 1\r\n753 20 Uppsala\";Björn Ek;"
    "\"Kaffebryggaren läckte; kunden var \"\"mycket\"\" besviken\";"
    "Ny bryggare direkt;Yes;;;;refund;149,90;resolved;2024-03-01 14:30;satisfied;yes;"
    "Testa ett exemplar ur varje leverans\r\n"
    "2024-03-02;compliment;phone;;Zoë Łukasiewicz;;;;;Tack för snabb hjälp! 🙏;;0;"
    "Ringer tillbaka på fredag;;2024-03-08 12:00;none;;open;;;unknown;\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GFile) file = write_file (fixture, "svenska.csv", text, -1);
  g_autoptr(GwComplaint) first = NULL;
  g_autoptr(GwComplaint) second = NULL;
  guint n = 0;

  g_assert_true (gw_transfer_import_csv (store, file, NULL, NULL, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  first = gw_store_get_complaint (store, 1, &error);
  g_assert_cmpint (first->received_at, ==, 1709298300);  /* 14:05 Stockholm */
  g_assert_cmpint (first->kind, ==, GW_KIND_COMPLAINT);
  g_assert_cmpint (first->channel, ==, GW_CHANNEL_IN_STORE);
  g_assert_cmpstr (first->category, ==, "Trasig vara");
  g_assert_cmpstr (first->customer_name, ==, "Åsa Öberg");
  g_assert_cmpstr (first->customer_phone, ==, "070-123 45 67");
  g_assert_cmpstr (first->customer_email, ==, "asa@example.se");
  g_assert_cmpstr (first->customer_address, ==, "Storgatan 1\r\n753 20 Uppsala");
  g_assert_cmpstr (first->received_by, ==, "Björn Ek");
  g_assert_cmpstr (first->description, ==, "Kaffebryggaren läckte; kunden var \"mycket\" besviken");
  g_assert_cmpstr (first->agreed_solution, ==, "Ny bryggare direkt");
  g_assert_true (first->solved_on_spot);
  g_assert_cmpint (first->compensation_type, ==, GW_COMPENSATION_REFUND);
  g_assert_cmpint (first->compensation_amount, ==, 14990);
  g_assert_cmpint (first->status, ==, GW_STATUS_RESOLVED);
  g_assert_cmpint (first->resolved_at, ==, 1709299800);
  g_assert_cmpint (first->customer_feeling, ==, GW_FEELING_SATISFIED);
  g_assert_cmpint (first->will_buy_again, ==, GW_BUY_AGAIN_YES);
  g_assert_cmpstr (first->prevention, ==, "Testa ett exemplar ur varje leverans");

  second = gw_store_get_complaint (store, 2, &error);
  g_assert_cmpint (second->kind, ==, GW_KIND_COMPLIMENT);
  g_assert_cmpint (second->channel, ==, GW_CHANNEL_PHONE);
  g_assert_cmpstr (second->customer_name, ==, "Zoë Łukasiewicz");
  g_assert_cmpstr (second->description, ==, "Tack för snabb hjälp! 🙏");
  g_assert_false (second->solved_on_spot);
  g_assert_cmpstr (second->promise, ==, "Ringer tillbaka på fredag");
  g_assert_cmpint (second->follow_up_at, ==, 1709895600);
  g_assert_cmpint (second->category_id, ==, 0);
}

static void
test_broken_files_change_nothing (Fixture       *fixture,
                                  gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *text;
    const char *message;
  } broken[] = {
    { "impossible date", "received_at,description\n2024-01-01,ok\n2024-02-30,bad\n", "Line 3" },
    { "unknown kind", "received_at,description,kind\n2024-01-01,ok,complaint\n"
                      "2024-01-02,bad,rant\n", "Line 3" },
    { "unknown status", "received_at,description,status\n2024-01-02,x,closed\n", "Line 2" },
    { "unterminated quote", "received_at,description\n2024-01-01,ok\n"
                            "2024-01-02,\"never closed\n2024-01-03,more\n", "Line 3" },
    { "unknown column", "received_at,description,colour\n2024-01-01,x,blue\n", "colour" },
    { "missing description", "received_at,description\n2024-01-01,ok\n2024-01-02,\n", "Line 3" },
    { "bad amount", "received_at;description;compensation_amount\n2024-01-01;x;12,345\n",
      "Line 2" },
    { "too many fields", "received_at,description\n2024-01-01,ok\n2024-01-01,a,b\n", "Line 3" },
    /* 0x81 is no letter in Windows-1252, which a file not UTF-8 is taken for. */
    { "no text", "received_at,description\n2024-01-01,caf\xe9\x81\n", "Windows-1252" },
    { "empty", "", "empty" },
    { "bad yes/no", "received_at,description,solved_on_spot\n2024-01-01,x,maybe\n", "Line 2" },
    { "quote then text", "received_at,description\n2024-01-01,\"a\"b\n", "Line 2" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autofree char *before = NULL;

  g_assert_true (gw_transfer_fill_demo (store, NOW, NULL, &error));
  g_clear_object (&store);
  before = dump_database (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GFile) file = write_file (fixture, "broken.csv", broken[i].text, -1);
      g_autofree char *after = NULL;
      guint n = 99;

      store = gw_store_open (fixture->path, &error);
      g_assert_no_error (error);
      g_assert_false (gw_transfer_import_csv (store, file, NULL, NULL, &n, NULL, &error));
      g_assert_nonnull (error);
      if (strstr (error->message, broken[i].message) == NULL)
        g_error ("%s: “%s” does not say “%s”", broken[i].name, error->message, broken[i].message);
      g_assert_cmpuint (n, ==, 0);
      g_clear_error (&error);
      g_clear_object (&store);

      after = dump_database (fixture->path);
      if (g_strcmp0 (before, after) != 0)
        g_error ("%s: the store changed", broken[i].name);
    }
}

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/complaints.csv");

  g_assert_false (gw_transfer_import_csv (store, file, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_export_replaces_only_when_whole (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GFile) file = write_file (fixture, "out.csv", "old contents", -1);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  guint n = 0;

  g_assert_true (gw_transfer_fill_demo (store, NOW, NULL, &error));
  g_assert_true (gw_transfer_export_csv_to_file (store, file, GW_CSV_FORMAT_EXACT, &n, NULL, &error));
  g_assert_no_error (error);
  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  expected = export_to_string (store);
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpuint (n, ==, gw_store_count_complaints (store, NULL));
}

/* Today's backup once; a fortnight kept; the owner's own files untouched. */
static void
test_daily_backup (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autofree char *folder = g_build_filename (fixture->directory, "backups", NULL);
  g_autofree char *today_file = g_build_filename (folder, "goodwill-2026-11-23.db", NULL);
  g_autofree char *kept = g_build_filename (folder, "goodwill-2026-11-10.db", NULL);
  g_autofree char *gone = g_build_filename (folder, "goodwill-2026-11-09.db", NULL);
  g_autofree char *own = g_build_filename (folder, "before-the-move.db", NULL);
  g_autoptr(GwStore) reopened = NULL;
  GDate today;
  GStatBuf info;

  g_assert_no_error (error);
  g_assert_true (gw_transfer_fill_demo (store, 1795000000, NULL, &error));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, 11, 2026);

  g_assert_true (gw_transfer_daily_backup (store, folder, &today, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (folder, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);
  reopened = gw_store_open (today_file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gw_store_count_complaints (reopened, NULL), ==,
                   gw_store_count_complaints (store, NULL));
  g_clear_object (&reopened);

  g_assert_true (g_file_set_contents (kept, "old", -1, NULL));
  g_assert_true (g_file_set_contents (gone, "older", -1, NULL));
  g_assert_true (g_file_set_contents (own, "mine", -1, NULL));
  g_assert_true (gw_transfer_daily_backup (store, folder, &today, &error));
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (own, G_FILE_TEST_EXISTS));

  for (const char *const *path = (const char *const[]) { today_file, kept, own, NULL };
       *path != NULL; path++)
    {
      g_autofree char *wal = g_strconcat (*path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (*path, "-shm", NULL);

      g_unlink (*path);
      g_unlink (wal);
      g_unlink (shm);
    }
  g_rmdir (folder);
}

/* The same complaints saved by Excel three ways: "CSV" in Windows-1252 with
 * semicolons, "Unicode text" (UTF-16 LE with a byte-order mark, tabs), and
 * "CSV UTF-8" (a byte-order mark). Each imports to the same store. */
static void
test_encodings (Fixture       *fixture,
                gconstpointer  data)
{
  const char *utf8 =
    "received_at;customer_name;description;category\r\n"
    "2024-05-02 10:15;Åsa Öberg;Kaffet på café kostade 5 € för mycket;Kö\r\n"
    "2024-05-03;Zoë Ek;Väskan gick sönder;Trasig vara\r\n";
  const char windows_1252[] =
    "received_at;customer_name;description;category\r\n"
    "2024-05-02 10:15;\xC5sa \xD6" "berg;Kaffet p\xE5 caf\xE9 kostade 5 \x80 f\xF6r mycket;K\xF6\r\n"
    "2024-05-03;Zo\xEB Ek;V\xE4skan gick s\xF6nder;Trasig vara\r\n";
  g_autofree char *tabs = NULL;
  g_autofree char *utf16 = NULL;
  g_autofree char *utf16_bom = NULL;
  g_autofree char *utf8_bom = g_strconcat ("\xEF\xBB\xBF", utf8, NULL);
  gsize utf16_length = 0;
  struct { const char *name; const char *text; gssize length; const char *encoding; } files[4];
  g_autofree char *expected = NULL;

  {
    g_auto(GStrv) parts = g_strsplit (utf8, ";", -1);

    tabs = g_strjoinv ("\t", parts);
  }
  utf16 = g_convert (tabs, -1, "UTF-16LE", "UTF-8", NULL, &utf16_length, NULL);
  g_assert_nonnull (utf16);
  utf16_bom = g_malloc (utf16_length + 2);
  utf16_bom[0] = (char) 0xFF;
  utf16_bom[1] = (char) 0xFE;
  memcpy (utf16_bom + 2, utf16, utf16_length);

  files[0] = (typeof (files[0])) { "utf8.csv", utf8, -1, GW_CSV_ENCODING_UTF8 };
  files[1] = (typeof (files[0])) { "windows.csv", windows_1252, sizeof windows_1252 - 1,
                                   GW_CSV_ENCODING_WINDOWS_1252 };
  files[2] = (typeof (files[0])) { "unicode.txt", utf16_bom, utf16_length + 2,
                                   GW_CSV_ENCODING_UTF16LE };
  files[3] = (typeof (files[0])) { "utf8-bom.csv", utf8_bom, -1, GW_CSV_ENCODING_UTF8 };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (fixture->directory, files[i].name, NULL);
      g_autofree char *db = g_strconcat (path, ".db", NULL);
      g_autoptr(GwStore) store = gw_store_open (db, &error);
      g_autoptr(GFile) file = write_file (fixture, files[i].name, files[i].text, files[i].length);
      g_autoptr(GwComplaint) first = NULL;
      g_autofree char *export = NULL;
      GwImportResult result = { 0 };

      g_assert_no_error (error);
      g_assert_true (gw_transfer_import_csv_full (store, file, NULL, NULL, NULL, &result, NULL,
                                                  &error));
      g_assert_no_error (error);
      g_assert_cmpuint (result.n_imported, ==, 2);
      g_assert_cmpstr (result.encoding, ==, files[i].encoding);
      g_assert_true (result.encoding_detected);
      gw_import_result_clear (&result);

      first = gw_store_get_complaint (store, 1, &error);
      g_assert_cmpstr (first->customer_name, ==, "Åsa Öberg");
      g_assert_cmpstr (first->description, ==, "Kaffet på café kostade 5 € för mycket");
      export = export_to_string (store);
      if (expected == NULL)
        expected = g_steal_pointer (&export);
      else
        g_assert_cmpstr (export, ==, expected);
      g_unlink (db);
      {
        g_autofree char *wal = g_strconcat (db, "-wal", NULL);
        g_autofree char *shm = g_strconcat (db, "-shm", NULL);

        g_unlink (wal);
        g_unlink (shm);
      }
    }
}

/* A spreadsheet with three bad lines among good ones, its columns named
 * the shop's way: nothing is imported, and the result lists all three,
 * each by the line, the shop's header and our name for the column. */
static void
import_three_bad_lines (Fixture         *fixture,
                        GwImportResult  *result,
                        GError         **error)
{
  const char *columns[] = { "received_at", "description", "status", NULL };
  GwImportRequest request = { .columns = columns };
  g_autoptr(GwStore) store = gw_store_open (fixture->path, NULL);
  g_autoptr(GFile) file = write_file (fixture, "tre-fel.csv",
                                      "Datum;Vad som hänt;Läge\n"
                                      "2024-03-01;Trasig lampa;open\n"
                                      "2024-13-01;Fel månad;open\n"
                                      "2024-03-02;Bra;resolved\n"
                                      "2024-03-03;   ;open\n"
                                      "2024-03-04;Okänt läge;klar\n",
                                      -1);

  g_assert_false (gw_transfer_import_csv_full (store, file, &request, NULL, NULL, result, NULL,
                                               error));
  g_assert_cmpint (gw_store_count_complaints (store, NULL), ==, 0);
}

static void
test_every_bad_line_listed (Fixture       *fixture,
                            gconstpointer  data)
{
  GwImportResult result = { 0 };
  g_autoptr(GError) error = NULL;

  import_three_bad_lines (fixture, &result, &error);
  g_assert_error (error, GW_CSV_ERROR, GW_CSV_ERROR_VALUE);
  g_assert_cmpuint (result.n_errors, ==, 3);
  g_assert_cmpuint (result.errors->len, ==, 3);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result.errors, 0),
                                   "Line 3, “Datum” (When received): “2024-13-01” is not a date "
                                   "Goodwill knows: write it month first"));
  g_assert_cmpstr (g_ptr_array_index (result.errors, 1), ==,
                   "Line 5, “Vad som hänt” (What happened): this is empty, and every complaint "
                   "needs it");
  g_assert_cmpstr (g_ptr_array_index (result.errors, 2), ==,
                   "Line 6, “Läge” (Status): “klar” is none of Open, In progress, "
                   "Waiting for customer, Resolved");
  /* The command line prints the message: one line for each. */
  g_assert_true (g_str_has_prefix (error->message,
                                   "3 lines cannot be imported, so nothing was imported:\n"
                                   "Line 3, "));
  g_assert_nonnull (strstr (error->message, "\nLine 5, “Vad som hänt”"));
  g_assert_true (g_str_has_suffix (error->message, "\nLine 6, “Läge” (Status): “klar” is none of "
                                                   "Open, In progress, Waiting for customer, "
                                                   "Resolved"));
  gw_import_result_clear (&result);
}

/* Switches to @locale, and to @language's built catalogue. */
static gboolean
use_locale (const char *locale,
            const char *language)
{
  g_autofree char *locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

  if (setlocale (LC_ALL, locale) == NULL)
    return FALSE;
  g_setenv ("LANGUAGE", language, TRUE);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return TRUE;
}

/* The same in Swedish, from the built catalogue. */
static void
test_every_bad_line_listed_in_swedish (Fixture       *fixture,
                                       gconstpointer  data)
{
  GwImportResult result = { 0 };
  g_autoptr(GError) error = NULL;

  if (!use_locale ("sv_SE.UTF-8", "sv"))
    {
      g_test_skip ("the sv_SE.UTF-8 locale is not installed (tools/setup.sh installs it)");
      return;
    }

  import_three_bad_lines (fixture, &result, &error);
  g_assert_cmpuint (result.n_errors, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (result.errors, 0), ==,
                   "Rad 3, ”Datum” (När det kom in): Goodwill känner inte igen ”2024-13-01” som "
                   "ett datum: skriv det med dagen först, som 03/11/2026 14:30, eller som "
                   "2026-11-03 14:30");
  g_assert_cmpstr (g_ptr_array_index (result.errors, 1), ==,
                   "Rad 5, ”Vad som hänt” (Vad som hände): fältet är tomt, men det behövs i "
                   "varje klagomål");
  g_assert_cmpstr (g_ptr_array_index (result.errors, 2), ==,
                   "Rad 6, ”Läge” (Status): ”klar” är inte något av följande: Öppet, Pågår, "
                   "Väntar på kunden, Löst");
  g_assert_true (g_str_has_prefix (error->message,
                                   "3 rader kan inte importeras, så ingenting importerades:\n"));
  gw_import_result_clear (&result);
  g_clear_error (&error);

  /* What Swedish shops' own sheets call the columns. */
  g_assert_cmpint (gw_complaint_csv_column_for_name ("Datum"), ==,
                   gw_complaint_csv_column_for_name ("received_at"));
  g_assert_cmpint (gw_complaint_csv_column_for_name ("kund"), ==,
                   gw_complaint_csv_column_for_name ("customer_name"));
  g_assert_cmpint (gw_complaint_csv_column_for_name ("Vad hände"), ==,
                   gw_complaint_csv_column_for_name ("description"));
  g_assert_cmpint (gw_complaint_csv_column_for_name (" Belopp "), ==,
                   gw_complaint_csv_column_for_name ("compensation_amount"));
  g_assert_cmpint (gw_complaint_csv_column_for_name ("Bröd"), ==, -1);

  /* A day the month does not have, with the month as Swedish names it. */
  {
    gint64 time;

    g_assert_false (gw_datetime_parse_in_order ("2024-02-30", GW_DATE_ORDER_LOCALE, NULL, &time,
                                                &error));
    g_assert_cmpstr (error->message, ==,
                     "”2024-02-30” är ingen dag i kalendern: februari 2024 har bara 29 dagar");
  }

  use_locale ("C.UTF-8", "C");
}

/* Two complaints every column of a spreadsheet export shows something of. */
static void
replace_text (char       **field,
              const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

static void
add_two_for_a_spreadsheet (GwStore *store)
{
  g_autoptr(GwComplaint) first = gw_complaint_new ();
  g_autoptr(GwComplaint) second = gw_complaint_new ();
  g_autoptr(GError) error = NULL;

  first->received_at = 1709298300;  /* 2024-03-01 14:05 in Stockholm */
  first->kind = GW_KIND_COMPLAINT;
  first->channel = GW_CHANNEL_IN_STORE;
  replace_text (&first->customer_name, "Åsa Öberg");
  replace_text (&first->description, "Kaffebryggaren läckte; kunden var \"mycket\" besviken");
  first->solved_on_spot = TRUE;
  first->compensation_type = GW_COMPENSATION_REFUND;
  first->compensation_amount = 14990;
  first->status = GW_STATUS_RESOLVED;
  first->resolved_at = 1709299800;  /* 14:30 */
  first->customer_feeling = GW_FEELING_SATISFIED;
  first->will_buy_again = GW_BUY_AGAIN_YES;
  g_assert_cmpint (gw_store_add_complaint (store, first, &error), >, 0);

  second->received_at = 1709370000;  /* 2024-03-02 10:00 */
  second->kind = GW_KIND_COMPLIMENT;
  second->channel = GW_CHANNEL_PHONE;
  replace_text (&second->customer_name, "=SUM(A1)");
  replace_text (&second->description, "Tack!");
  second->follow_up_at = 1709895600;  /* 2024-03-08 12:00 */
  g_assert_cmpint (gw_store_add_complaint (store, second, &error), >, 0);
  g_assert_no_error (error);
}

/* Written for a spreadsheet in @locale, then read back there: the same
 * complaints, exactly. */
static void
check_spreadsheet_export (Fixture    *fixture,
                          const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autofree char *again_path = g_build_filename (fixture->directory, "again.db", NULL);
  g_autoptr(GwStore) again = NULL;
  g_autoptr(GFile) file = g_file_new_build_filename (fixture->directory, "for-excel.csv", NULL);
  g_autofree char *written = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *exact_again = NULL;
  guint n = 0;

  g_unlink (again_path);
  add_two_for_a_spreadsheet (store);
  g_assert_true (gw_transfer_export_csv_to_file (store, file, GW_CSV_FORMAT_SPREADSHEET, &n, NULL,
                                                 &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (g_file_load_contents (file, NULL, &written, NULL, NULL, &error));
  g_assert_cmpstr (written, ==, expected);

  again = gw_store_open (again_path, &error);
  g_assert_true (gw_transfer_import_csv (again, file, NULL, NULL, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  exact = export_to_string (store);
  exact_again = export_to_string (again);
  g_assert_cmpstr (exact_again, ==, exact);
}

/* Swedish words, semicolons, decimal commas, local times, and the mark
 * Excel needs to read å, ä and ö. */
static void
test_export_for_a_swedish_spreadsheet (Fixture       *fixture,
                                       gconstpointer  data)
{
  if (!use_locale ("sv_SE.UTF-8", "sv"))
    {
      g_test_skip ("the sv_SE.UTF-8 locale is not installed (tools/setup.sh installs it)");
      return;
    }
  check_spreadsheet_export (fixture,
    "\xEF\xBB\xBF" "När det kom in;Typ;Kanal;Kategori;Kundens namn;Kundens telefon;"
    "Kundens e-post;Kundens adress;Mottaget av;Vad som hände;Överenskommen lösning;"
    "Löst på plats;Vad som utlovades;Åtgärder som vidtas;Uppföljningsdatum;Ersättning;"
    "Ersättningsbelopp;Status;När det löstes;Hur nöjd kunden var;Handlar igen;"
    "Hur det kan undvikas i framtiden\n"
    "2024-03-01 14:05:00;Klagomål;I butiken;;Åsa Öberg;;;;;"
    "\"Kaffebryggaren läckte; kunden var \"\"mycket\"\" besviken\";;Ja;;;;Återbetalning;"
    "149,90;Löst;2024-03-01 14:30:00;Nöjd;Ja;\n"
    "2024-03-02 10:00:00;Beröm;Telefon;;'=SUM(A1);;;;;Tack!;;Nej;;;2024-03-08 12:00:00;"
    "Ingen;;Öppet;;;Vet ej;\n");
  use_locale ("C.UTF-8", "C");
}

/* German dates are day first with dots; the words stay English here. */
static void
test_export_for_a_german_spreadsheet (Fixture       *fixture,
                                      gconstpointer  data)
{
  if (!use_locale ("de_DE.UTF-8", "C"))
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed (tools/setup.sh installs it)");
      return;
    }
  check_spreadsheet_export (fixture,
    "\xEF\xBB\xBF" "When received;Kind;Channel;Category;Customer name;Customer phone;"
    "Customer e-mail;Customer address;Received by;What happened;Agreed solution;"
    "Solved on the spot;What was promised;Steps being taken;Follow-up date;Compensation;"
    "Compensation amount;Status;When resolved;How the customer felt;Will buy again;"
    "How to avoid it in future\n"
    "01.03.2024 14:05:00;Complaint;In store;;Åsa Öberg;;;;;"
    "\"Kaffebryggaren läckte; kunden var \"\"mycket\"\" besviken\";;Yes;;;;Refund;"
    "149,90;Resolved;01.03.2024 14:30:00;Satisfied;Yes;\n"
    "02.03.2024 10:00:00;Compliment;Phone;;'=SUM(A1);;;;;Tack!;;No;;;08.03.2024 12:00:00;"
    "None;;Open;;;Unknown;\n");
  use_locale ("C.UTF-8", "C");
}

/* American dates are month first; commas between cells, a decimal point. */
static void
test_export_for_an_american_spreadsheet (Fixture       *fixture,
                                         gconstpointer  data)
{
  if (!use_locale ("en_US.UTF-8", "C"))
    {
      g_test_skip ("the en_US.UTF-8 locale is not installed (tools/setup.sh installs it)");
      return;
    }
  check_spreadsheet_export (fixture,
    "\xEF\xBB\xBF" "When received,Kind,Channel,Category,Customer name,Customer phone,"
    "Customer e-mail,Customer address,Received by,What happened,Agreed solution,"
    "Solved on the spot,What was promised,Steps being taken,Follow-up date,Compensation,"
    "Compensation amount,Status,When resolved,How the customer felt,Will buy again,"
    "How to avoid it in future\n"
    "03/01/2024 14:05:00,Complaint,In store,,Åsa Öberg,,,,,"
    "\"Kaffebryggaren läckte; kunden var \"\"mycket\"\" besviken\",,Yes,,,,Refund,"
    "149.90,Resolved,03/01/2024 14:30:00,Satisfied,Yes,\n"
    "03/02/2024 10:00:00,Compliment,Phone,,'=SUM(A1),,,,,Tack!,,No,,,03/08/2024 12:00:00,"
    "None,,Open,,,Unknown,\n");
  use_locale ("C.UTF-8", "C");
}

/* Past a hundred refused lines the list stops, and counts the rest. */
static void
test_refused_lines_capped (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("received_at,description\n");
  g_autoptr(GwStore) store = gw_store_open (fixture->path, NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GwImportResult result = { 0 };

  for (guint i = 0; i < 150; i++)
    g_string_append (text, "yesterday,x\n");
  file = write_file (fixture, "many.csv", text->str, -1);
  g_assert_false (gw_transfer_import_csv_full (store, file, NULL, NULL, NULL, &result, NULL,
                                               &error));
  g_assert_cmpuint (result.n_errors, ==, 150);
  g_assert_cmpuint (result.errors->len, ==, GW_IMPORT_MAX_ERRORS);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result.errors, 99), "Line 101, "));
  g_assert_true (g_str_has_suffix (error->message, "\n…and 50 more lines"));
  gw_import_result_clear (&result);
}

static void
import_counting (GwStore        *store,
                 GFile          *file,
                 GwImportResult *result)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gw_transfer_import_csv_full (store, file, NULL, NULL, NULL, result, NULL,
                                              &error));
  g_assert_no_error (error);
}

static guint
count_found (GwStore    *store,
             const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = gw_store_search_complaints (store, query, 100, &error);

  g_assert_no_error (error);
  return ids->len;
}

/* The same file twice, then a longer copy of it: each complaint once. A
 * complaint is the same when it was received at the same time, says the
 * same and came from the same customer; a minute apart, or another
 * customer, makes another complaint. */
static void
test_importing_again_adds_only_what_is_new (Fixture       *fixture,
                                            gconstpointer  data)
{
  static const char first[] =
    "received_at,description,customer_name\n"
    "2024-03-01 10:00,The kettle leaked,Åsa Öberg\n"
    "2024-03-01 10:00,The kettle leaked,Bo Ek\n"
    "2024-03-02 09:00,The parcel came late,\n";
  static const char longer[] =
    "received_at,description,customer_name\n"
    "2024-03-01 10:00,The kettle leaked,Åsa Öberg\n"
    "2024-03-01 10:01,The kettle leaked,Åsa Öberg\n"
    "2024-03-01 10:00,The kettle leaked,Bo Ek\n"
    "2024-03-01 10:00,The kettle leaked,Cilla Berg\n"
    "2024-03-02 09:00,The parcel came late,\n"
    "2024-03-02 09:00,The parcel came late again,\n";
  g_autoptr(GwStore) store = gw_store_open (fixture->path, NULL);
  g_autoptr(GFile) first_file = write_file (fixture, "first.csv", first, -1);
  g_autoptr(GFile) longer_file = write_file (fixture, "longer.csv", longer, -1);
  GwImportResult result = { 0 };

  import_counting (store, first_file, &result);
  g_assert_cmpuint (result.n_imported, ==, 3);
  g_assert_cmpuint (result.n_repeated, ==, 0);
  gw_import_result_clear (&result);

  import_counting (store, first_file, &result);
  g_assert_cmpuint (result.n_imported, ==, 0);
  g_assert_cmpuint (result.n_repeated, ==, 3);
  g_assert_cmpint (gw_store_count_complaints (store, NULL), ==, 3);
  gw_import_result_clear (&result);

  import_counting (store, longer_file, &result);
  g_assert_cmpuint (result.n_imported, ==, 3);
  g_assert_cmpuint (result.n_repeated, ==, 3);
  g_assert_cmpint (gw_store_count_complaints (store, NULL), ==, 6);
  /* The search finds each once, the new ones too. */
  g_assert_cmpuint (count_found (store, "kettle"), ==, 4);
  g_assert_cmpuint (count_found (store, "parcel"), ==, 2);
  g_assert_cmpuint (count_found (store, "again"), ==, 1);
  gw_import_result_clear (&result);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Stockholm", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/transfer/demo", test_demo);
  ADD ("/transfer/round-trip", test_round_trip);
  ADD ("/transfer/swedish-spreadsheet", test_swedish_spreadsheet);
  ADD ("/transfer/encodings", test_encodings);
  ADD ("/transfer/formula-cells-round-trip", test_formula_cells_round_trip);
  ADD ("/transfer/broken-files-change-nothing", test_broken_files_change_nothing);
  ADD ("/transfer/every-bad-line-listed", test_every_bad_line_listed);
  ADD ("/transfer/every-bad-line-listed-in-swedish", test_every_bad_line_listed_in_swedish);
  ADD ("/transfer/refused-lines-capped", test_refused_lines_capped);
  ADD ("/transfer/importing-again-adds-only-what-is-new",
       test_importing_again_adds_only_what_is_new);
  ADD ("/transfer/export-for-a-swedish-spreadsheet", test_export_for_a_swedish_spreadsheet);
  ADD ("/transfer/export-for-a-german-spreadsheet", test_export_for_a_german_spreadsheet);
  ADD ("/transfer/export-for-an-american-spreadsheet", test_export_for_an_american_spreadsheet);
  ADD ("/transfer/missing-file", test_missing_file);
  ADD ("/transfer/export-replaces-only-when-whole", test_export_replaces_only_when_whole);
  ADD ("/transfer/daily-backup", test_daily_backup);
#undef ADD
  return g_test_run ();
}
