/* test-store.c: opening, migrating, refusing, and the complaint API */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/gw-complaint-csv.h"
#include "store/gw-store.h"

typedef struct {
  char *directory;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->directory = g_dir_make_tmp ("goodwill-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->directory, "store.db", NULL);
}

static void
remove_tree (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);

      g_chmod (path, 0600);
      g_unlink (path);
    }
  g_rmdir (directory);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->directory);
  g_free (fixture->directory);
  g_free (fixture->path);
}

/* Reads one integer with a connection of its own, as another program would. */
static gint64
raw_query_int (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  if (sqlite3_step (statement) == SQLITE_ROW)
    value = sqlite3_column_int64 (statement, 0);
  sqlite3_finalize (statement);
  sqlite3_close (db);
  return value;
}

static char *
raw_query_text (const char *path,
                const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  if (sqlite3_step (statement) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  sqlite3_finalize (statement);
  sqlite3_close (db);
  return value;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static GwComplaint *
make_complaint (const char *description,
                const char *customer,
                const char *email)
{
  GwComplaint *complaint = gw_complaint_new ();

  complaint->received_at = 1709301900;
  g_free (complaint->description);
  complaint->description = g_strdup (description);
  g_free (complaint->customer_name);
  complaint->customer_name = g_strdup (customer);
  g_free (complaint->customer_email);
  complaint->customer_email = g_strdup (email);
  return complaint;
}

/* A complaint that lives until the test ends, for one-line adds. */
static GPtrArray *temporary_complaints;

static GwComplaint *
make_complaint_tmp (const char *description)
{
  GwComplaint *complaint = make_complaint (description, "", "");

  if (temporary_complaints == NULL)
    temporary_complaints = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_complaint_free);
  g_ptr_array_add (temporary_complaints, complaint);
  return complaint;
}

static void
test_fresh_store (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autofree char *journal = NULL;
  GStatBuf info;

  g_assert_no_error (error);
  g_assert_cmpint (gw_store_get_schema_version (store), ==, GW_STORE_SCHEMA_VERSION);
  g_assert_cmpint (g_stat (fixture->path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  journal = raw_query_text (fixture->path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (raw_query_int (fixture->path, "PRAGMA application_id"), ==, 0x47774c31);
  g_assert_cmpint (gw_store_count_complaints (store, &error), ==, 0);
}

/* The store the first version made, with its two complaints, at @path. */
static void
copy_v1_store (const char *path)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", "goodwill-v1.db",
                                                   NULL);
  g_autoptr(GBytes) bytes = read_bytes (source);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static void
test_migrate_from_v1 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GwComplaint) complaint = NULL;

  copy_v1_store (fixture->path);

  store = gw_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gw_store_get_schema_version (store), ==, GW_STORE_SCHEMA_VERSION);
  g_assert_cmpint (gw_store_count_complaints (store, &error), ==, 2);

  complaint = gw_store_get_complaint (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (complaint->description, ==, "The sofa arrived four days late");
  g_assert_cmpstr (complaint->customer_name, ==, "Karin Lindqvist");
  g_assert_cmpstr (complaint->category, ==, "Delivery");
  g_assert_cmpstr (complaint->received_by, ==, "Anna Svensson");
  g_assert_cmpint (complaint->follow_up_at, ==, 1700300000);

  /* The search index was built from what was already there, notes too. */
  hits = gw_store_search_complaints (store, "truck", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_array_unref);
  hits = gw_store_search_complaints (store, "karin", 10, &error);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpint (g_array_index (hits, gint64, 0), ==, 2);
}

static void
assert_refused_untouched (const char *path,
                          int         code,
                          const char *needle)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (path, &error);

  g_assert_null (store);
  g_assert_error (error, GW_STORE_ERROR, code);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not say “%s”", error->message, needle);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_refuse_newer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GwComplaint) complaint = make_complaint ("Kept safe", "", "");

  g_assert_no_error (error);
  g_assert_cmpint (gw_store_add_complaint (store, complaint, &error), >, 0);
  g_clear_object (&store);
  raw_exec (fixture->path, "PRAGMA user_version = 99");

  assert_refused_untouched (fixture->path, GW_STORE_ERROR_TOO_NEW, "newer version");
  g_assert_cmpint (raw_query_int (fixture->path, "PRAGMA user_version"), ==, 99);
}

static void
test_refuse_random_bytes (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *noise = g_malloc (16384);

  for (guint i = 0; i < 16384; i++)
    noise[i] = g_test_rand_int_range (0, 256);
  g_file_set_contents (fixture->path, (const char *) noise, 16384, &error);
  g_assert_no_error (error);

  assert_refused_untouched (fixture->path, GW_STORE_ERROR_NOT_GOODWILL, "not a Goodwill database");
}

static void
test_refuse_other_program (Fixture       *fixture,
                           gconstpointer  data)
{
  raw_exec (fixture->path, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')");
  assert_refused_untouched (fixture->path, GW_STORE_ERROR_NOT_GOODWILL, "another program");
}

static void
test_refuse_damaged (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GBytes) bytes = NULL;
  guint8 *contents;
  gsize length;

  g_assert_no_error (error);
  for (int i = 0; i < 200; i++)
    {
      g_autoptr(GwComplaint) complaint = make_complaint ("A long enough text to fill pages",
                                                         "Someone", "");
      g_assert_cmpint (gw_store_add_complaint (store, complaint, &error), >, 0);
    }
  g_clear_object (&store);

  /* Scribble over the middle of the file, as a failing disk might. */
  bytes = read_bytes (fixture->path);
  contents = g_bytes_unref_to_data (g_steal_pointer (&bytes), &length);
  g_assert_cmpuint (length, >, 8 * 4096);
  for (gsize i = 4 * 4096; i < 6 * 4096; i++)
    contents[i] = (guint8) (i * 7);
  g_file_set_contents (fixture->path, (const char *) contents, length, &error);
  g_assert_no_error (error);
  g_free (contents);

  assert_refused_untouched (fixture->path, GW_STORE_ERROR_CORRUPT, "damaged");
}

static void
refuse_read_only_as_owner (Fixture *fixture)
{
  g_chmod (fixture->path, 0400);
  g_chmod (fixture->directory, 0500);
  assert_refused_untouched (fixture->path, GW_STORE_ERROR_READ_ONLY, "only be read");
  g_chmod (fixture->directory, 0700);
  g_chmod (fixture->path, 0600);
}

static void
test_refuse_read_only (Fixture       *fixture,
                       gconstpointer  data)
{
  const uid_t nobody = 65534;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = NULL;

  /* File permissions do not bind root (CI runs as root): there the case
   * runs again in a child that becomes an ordinary user owning the files. */
  if (g_test_subprocess ())
    {
      Fixture owner = { (char *) g_getenv ("GOODWILL_TEST_READ_ONLY_DIRECTORY"), NULL };

      g_assert_nonnull (owner.directory);
      owner.path = g_build_filename (owner.directory, "store.db", NULL);
      g_assert_cmpint (setgid (nobody), ==, 0);
      g_assert_cmpint (setuid (nobody), ==, 0);
      refuse_read_only_as_owner (&owner);
      g_free (owner.path);
      return;
    }

  store = gw_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  if (geteuid () != 0)
    {
      refuse_read_only_as_owner (fixture);
      return;
    }
  g_assert_cmpint (chown (fixture->directory, nobody, nobody), ==, 0);
  g_assert_cmpint (chown (fixture->path, nobody, nobody), ==, 0);
  g_setenv ("GOODWILL_TEST_READ_ONLY_DIRECTORY", fixture->directory, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_assert_cmpint (chown (fixture->directory, 0, 0), ==, 0);
}

static void
test_complaint_round_trip (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GwComplaint) complaint = make_complaint ("Ordered a blue mug, got a green one 🫖",
                                                     "Zoë Ångström", "zoe@example.se");
  g_autoptr(GwComplaint) stored = NULL;
  gint64 id;

  g_free (complaint->category);
  complaint->category = g_strdup ("Wrong item");
  g_free (complaint->received_by);
  complaint->received_by = g_strdup ("Anna");
  complaint->kind = GW_KIND_COMPLAINT;
  complaint->channel = GW_CHANNEL_EMAIL;
  complaint->follow_up_at = 1709401900;
  complaint->compensation_type = GW_COMPENSATION_DISCOUNT;
  complaint->compensation_amount = 2500;
  complaint->will_buy_again = GW_BUY_AGAIN_YES;

  id = gw_store_add_complaint (store, complaint, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  stored = gw_store_get_complaint (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->description, ==, complaint->description);
  g_assert_cmpstr (stored->customer_name, ==, "Zoë Ångström");
  g_assert_cmpstr (stored->customer_email, ==, "zoe@example.se");
  g_assert_cmpstr (stored->category, ==, "Wrong item");
  g_assert_cmpstr (stored->received_by, ==, "Anna");
  g_assert_cmpint (stored->channel, ==, GW_CHANNEL_EMAIL);
  g_assert_cmpint (stored->follow_up_at, ==, 1709401900);
  g_assert_cmpint (stored->compensation_type, ==, GW_COMPENSATION_DISCOUNT);
  g_assert_cmpint (stored->compensation_amount, ==, 2500);
  g_assert_cmpint (stored->will_buy_again, ==, GW_BUY_AGAIN_YES);
  g_assert_cmpint (stored->customer_feeling, ==, GW_FEELING_UNKNOWN);
  g_assert_cmpint (stored->resolved_at, ==, GW_NO_TIME);

  stored->status = GW_STATUS_RESOLVED;
  stored->resolved_at = 1709501900;
  stored->customer_feeling = GW_FEELING_DELIGHTED;
  g_assert_true (gw_store_update_complaint (store, stored, 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, gw_complaint_free);
  stored = gw_store_get_complaint (store, id, &error);
  g_assert_cmpint (stored->status, ==, GW_STATUS_RESOLVED);
  g_assert_cmpint (stored->customer_feeling, ==, GW_FEELING_DELIGHTED);

  /* Soft delete and undo. */
  g_assert_true (gw_store_delete_complaint (store, id, &error));
  g_assert_cmpint (gw_store_count_complaints (store, NULL), ==, 0);
  g_clear_pointer (&stored, gw_complaint_free);
  stored = gw_store_get_complaint (store, id, &error);
  g_assert_null (stored);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (gw_store_restore_complaint (store, id, &error));
  g_assert_cmpint (gw_store_count_complaints (store, NULL), ==, 1);
}

static void
test_complaint_invalid (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GwComplaint) complaint = make_complaint ("   ", "New Person", "");

  g_assert_cmpint (gw_store_add_complaint (store, complaint, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_assert_cmpint (gw_store_count_rows (store, "customers", NULL), ==, 0);
}

/* A time outside 1900-01-01T00:00:00Z to 2200-12-31T23:59:59Z given
 * through the API is refused, not stored; the bounds themselves are kept. */
static void
test_complaint_times_out_of_range (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  const gint64 first = G_GINT64_CONSTANT (-2208988800), last = G_GINT64_CONSTANT (7289654399);
  struct { gint64 received, follow_up, resolved; } bad[] = {
    { first - 1, GW_NO_TIME, GW_NO_TIME },
    { last + 1, GW_NO_TIME, GW_NO_TIME },
    { 1709301900, first - 1, GW_NO_TIME },
    { 1709301900, last + 1, GW_NO_TIME },
    { 1709301900, GW_NO_TIME, G_MAXINT64 },
    { 1709301900, GW_NO_TIME, G_GINT64_CONSTANT (253402300799) },  /* 9999-12-31T23:59:59Z */
  };
  gint64 id;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GwComplaint) complaint = make_complaint ("Kettle", "", "");

      complaint->received_at = bad[i].received;
      complaint->follow_up_at = bad[i].follow_up;
      complaint->resolved_at = bad[i].resolved;
      g_assert_cmpint (gw_store_add_complaint (store, complaint, &error), ==, 0);
      g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_cmpint (gw_store_count_complaints (store, NULL), ==, 0);

  {
    g_autoptr(GwComplaint) complaint = make_complaint ("Kettle", "", "");
    g_autoptr(GwComplaint) read = NULL;

    complaint->received_at = first;
    complaint->follow_up_at = last;
    id = gw_store_add_complaint (store, complaint, &error);
    g_assert_no_error (error);
    read = gw_store_get_complaint (store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (read->received_at, ==, first);
    g_assert_cmpint (read->follow_up_at, ==, last);

    read->follow_up_at = last + 1;
    g_assert_false (gw_store_update_complaint (store, read, 0, &error));
    g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_assert_cmpint (gw_store_add_note (store, id, first - 1, NULL, "Called", &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
}

/* The first second of 1970 is a time like any other: a follow-up or a
 * resolution set to it is kept, shown and exported, never taken for "none". */
static void
test_complaint_epoch_is_a_time (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GwComplaint) complaint = make_complaint ("Kettle", "", "");
  g_autoptr(GwComplaint) read = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autofree char *set = NULL;
  g_autofree char *removed = NULL;
  gint64 id;

  g_assert_no_error (error);
  complaint->received_at = -3600;
  complaint->follow_up_at = 0;
  complaint->status = GW_STATUS_RESOLVED;
  complaint->resolved_at = 0;
  id = gw_store_add_complaint (store, complaint, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_query_int (fixture->path, "SELECT count(*) FROM complaints"
                                                 " WHERE follow_up_at = 0 AND resolved_at = 0"),
                   ==, 1);

  read = gw_store_get_complaint (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->follow_up_at, ==, 0);
  g_assert_cmpint (read->resolved_at, ==, 0);
  gw_complaint_csv_append (csv, read, GW_CSV_FORMAT_EXACT);
  g_assert_nonnull (strstr (csv->str, ",1970-01-01T00:00:00Z,"));

  /* Open again, the follow-up at the epoch is overdue a second later. */
  read->status = GW_STATUS_OPEN;
  read->resolved_at = GW_NO_TIME;
  g_assert_true (gw_store_update_complaint (store, read, 0, &error));
  g_assert_cmpint (gw_store_count_overdue (store, 1, &error), ==, 1);
  g_assert_cmpint (gw_store_count_overdue (store, -1, &error), ==, 0);

  /* Moving it from the epoch and then taking it away are two events. */
  read->follow_up_at = 3600;
  g_assert_true (gw_store_update_complaint (store, read, 0, &error));
  read->follow_up_at = GW_NO_TIME;
  g_assert_true (gw_store_update_complaint (store, read, 0, &error));
  g_assert_no_error (error);
  events = gw_store_list_events (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >=, 2);
  set = gw_complaint_event_describe (g_ptr_array_index (events, events->len - 2));
  removed = gw_complaint_event_describe (g_ptr_array_index (events, events->len - 1));
  g_assert_true (g_str_has_prefix (set, "Follow-up set for "));
  g_assert_cmpstr (removed, ==, "Follow-up removed");
  g_assert_cmpstr (((GwComplaintEvent *) g_ptr_array_index (events, events->len - 2))->old_value,
                   ==, "0");
}

/* Stores from before version 11 wrote a removed follow-up as 0; opening one
 * makes that "none", so it is not read as a follow-up set for 1970. */
static void
test_migrate_follow_up_none (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GwComplaint) complaint = make_complaint ("Kettle", "", "");
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *described = NULL;
  gint64 id;

  g_assert_no_error (error);
  complaint->follow_up_at = 1709301900 + 3600;
  id = gw_store_add_complaint (store, complaint, &error);
  complaint->id = id;
  complaint->follow_up_at = GW_NO_TIME;
  g_assert_true (gw_store_update_complaint (store, complaint, 0, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  raw_exec (fixture->path, "UPDATE complaint_events SET new_value = '0' WHERE kind = 'follow_up';"
                           "PRAGMA user_version = 10");
  store = gw_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gw_store_get_schema_version (store), ==, GW_STORE_SCHEMA_VERSION);
  events = gw_store_list_events (store, id, &error);
  g_assert_no_error (error);
  described = gw_complaint_event_describe (g_ptr_array_index (events, events->len - 1));
  g_assert_cmpstr (described, ==, "Follow-up removed");
}

static int
raw_exec_code (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
  return rc;
}

/* A store made by the first version has its value lists written with OR
 * once opened, and each list refuses what it refused before: a wrong value
 * in any one column, by another program too. */
static void
test_migrate_check_lists (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = NULL;
  g_autofree char *complaints_sql = NULL;
  g_autofree char *events_sql = NULL;
  g_autofree char *integrity = NULL;
  const char *wrong[] = {
    "kind = 'complaints'", "channel = 'fax'", "compensation_type = 'cash'",
    "status = 'done'", "customer_feeling = 'happy'", "will_buy_again = 'maybe'",
  };

  copy_v1_store (fixture->path);
  store = gw_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  complaints_sql = raw_query_text (fixture->path,
                                   "SELECT sql FROM sqlite_schema WHERE name = 'complaints'");
  events_sql = raw_query_text (fixture->path,
                               "SELECT sql FROM sqlite_schema WHERE name = 'complaint_events'");
  g_assert_null (strstr (complaints_sql, " IN ('"));
  g_assert_null (strstr (events_sql, " IN ('"));
  g_assert_nonnull (strstr (complaints_sql, "OR compensation_type = 'gift')"));
  g_assert_nonnull (strstr (events_sql, "OR kind = 'edited')"));
  integrity = raw_query_text (fixture->path, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE complaints SET %s WHERE id = 1", wrong[i]);

      g_assert_cmpint (raw_exec_code (fixture->path, sql), ==, SQLITE_CONSTRAINT);
    }
  g_assert_cmpint (raw_exec_code (fixture->path,
                                  "UPDATE complaint_events SET kind = 'deleted' WHERE id = 1"),
                   ==, SQLITE_CONSTRAINT);
  /* The last value of each list, and the empty feeling, still go in. */
  g_assert_cmpint (raw_exec_code (fixture->path,
                                  "UPDATE complaints SET kind = 'suggestion', channel = 'other', "
                                  "compensation_type = 'gift', status = 'resolved', "
                                  "customer_feeling = '', will_buy_again = 'no' WHERE id = 1"),
                   ==, SQLITE_OK);
  {
    g_autofree char *stored = raw_query_text (fixture->path,
                                              "SELECT kind || '/' || status FROM complaints "
                                              "WHERE id = 1");

    g_assert_cmpstr (stored, ==, "suggestion/resolved");
  }
}

/* Rows naming customers, categories and staff in every way that matters
 * to matching: the same person written again, another case, a detail that
 * fills a gap, and a new customer who takes a detail an earlier row gave. */
static const struct {
  const char *name, *phone, *email, *category, *staff;
} batch_rows[] = {
  { "Ann", "", "a@example.se", "Delivery", "Sara" },
  { "Bob", "070-1", "", "delivery", "sara" },
  { "ann", "", "", "DELIVERY", "Mikael" },
  { "Bob", "", "b@example.se", "Price", "" },
  { "Robert", "", "B@EXAMPLE.SE", "price", "SARA" },
  { "ann", "", "", "", "mikael" },
  { "Dan", "", "d1@example.se", "Delivery", "" },
  { "Dan", "", "d2@example.se", "", "" },
  { "Eve", "", "d2@example.se", "", "" },
  { "Dan", "", "d2@example.se", "", "" },
  { "", "070-1", "", "", "" },
  { "Åsa", "", "", "Kassan", "Åke" },
  { "åsa", "", "", "kassan", "åke" },
  { "", "", "", "", "" },
};

static void
add_batch_rows (GwStore  *store,
                GArray   *ids)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (batch_rows); i++)
    {
      g_autoptr(GwComplaint) complaint = make_complaint ("row", batch_rows[i].name,
                                                         batch_rows[i].email);
      gint64 id;

      g_free (complaint->customer_phone);
      complaint->customer_phone = g_strdup (batch_rows[i].phone);
      g_free (complaint->category);
      complaint->category = g_strdup (batch_rows[i].category);
      g_free (complaint->received_by);
      complaint->received_by = g_strdup (batch_rows[i].staff);
      id = gw_store_add_complaint (store, complaint, &error);
      g_assert_no_error (error);
      g_array_append_val (ids, id);
    }
}

/* A batch remembers what it resolved, and resolves every row exactly as
 * rows added one at a time are. */
/* Names are the same person whatever their case, in every alphabet, and
 * however their letters are composed: "Åke Öst", "åke öst" and "Åke Öst"
 * with its Å written as A and a ring. Another name is another person. */
static void
test_names_fold_every_letter (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char *const received_by[] = {
    "Åke Öst", "åke öst", "A\xcc\x8ake \xc3\x96st", "ÅKE ÖST", "Åsa Öst",
  };
  static const char *const categories[] = { "Ärenden", "ärenden", "ÄRENDEN", "Ärenden", "Övrigt" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) kinds = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (received_by); i++)
    {
      g_autoptr(GwComplaint) complaint = gw_complaint_new ();

      complaint->received_at = 1000 + i;
      g_free (complaint->description);
      complaint->description = g_strdup ("The lid was broken");
      g_free (complaint->received_by);
      complaint->received_by = g_strdup (received_by[i]);
      g_free (complaint->category);
      complaint->category = g_strdup (categories[i]);
      g_assert_cmpint (gw_store_add_complaint (store, complaint, &error), >, 0);
      g_assert_no_error (error);
    }
  staff = gw_store_list_staff (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 2);
  g_assert_cmpstr (((GwStaffMember *) g_ptr_array_index (staff, 0))->name, ==, "Åke Öst");
  g_assert_cmpstr (((GwStaffMember *) g_ptr_array_index (staff, 1))->name, ==, "Åsa Öst");
  kinds = gw_store_list_categories (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kinds->len, ==, 2);
}

static void
test_batch_resolves_as_single_adds (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *batch_path = g_build_filename (fixture->directory, "batch.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) single = gw_store_open (fixture->path, &error);
  g_autoptr(GwStore) batch = gw_store_open (batch_path, &error);
  g_autoptr(GArray) single_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) batch_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *tables = "SELECT group_concat (id || ':' || name || '/' || phone || '/' || email, '|')"
                       " FROM (SELECT * FROM customers ORDER BY id)";

  add_batch_rows (single, single_ids);
  g_assert_true (gw_store_begin (batch, &error));
  add_batch_rows (batch, batch_ids);
  g_assert_true (gw_store_commit (batch, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (batch_rows); i++)
    {
      g_autoptr(GwComplaint) one = gw_store_get_complaint (single, g_array_index (single_ids, gint64, i),
                                                           &error);
      g_autoptr(GwComplaint) other = gw_store_get_complaint (batch, g_array_index (batch_ids, gint64, i),
                                                             &error);

      g_test_message ("row %u", i);
      g_assert_cmpint (other->customer_id, ==, one->customer_id);
      g_assert_cmpint (other->category_id, ==, one->category_id);
      g_assert_cmpint (other->received_by_id, ==, one->received_by_id);
    }
  /* What the rows should resolve to, by hand: Eve took d2@, so the last
   * Dan row is hers; Bob's e-mail, filled in, is Robert's match. */
  {
    g_autoptr(GwComplaint) last_dan = gw_store_get_complaint (batch, g_array_index (batch_ids, gint64, 9),
                                                              &error);
    g_autoptr(GwComplaint) eve = gw_store_get_complaint (batch, g_array_index (batch_ids, gint64, 8),
                                                         &error);
    g_autoptr(GwComplaint) robert = gw_store_get_complaint (batch, g_array_index (batch_ids, gint64, 4),
                                                            &error);
    g_autoptr(GwComplaint) bob = gw_store_get_complaint (batch, g_array_index (batch_ids, gint64, 1),
                                                         &error);

    g_assert_cmpint (last_dan->customer_id, ==, eve->customer_id);
    g_assert_cmpint (robert->customer_id, ==, bob->customer_id);
  }
  {
    g_autofree char *single_customers = raw_query_text (fixture->path, tables);
    g_autofree char *batch_customers = raw_query_text (batch_path, tables);

    g_assert_cmpstr (batch_customers, ==, single_customers);
  }
  g_assert_cmpint (gw_store_count_rows (batch, "categories", NULL), ==, 3);
  /* Sara, Mikael and Åke: "Åke" and "åke" are one person. */
  g_assert_cmpint (gw_store_count_rows (batch, "staff", NULL), ==, 3);
}

static void
test_customer_matching (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GwComplaint) first = make_complaint ("one", "Karin Lindqvist", "");
  g_autoptr(GwComplaint) by_email = make_complaint ("two", "K. Lindqvist", "KARIN@example.se");
  g_autoptr(GwComplaint) by_name = make_complaint ("three", "karin lindqvist", "karin@example.se");
  g_autoptr(GwComplaint) by_phone = make_complaint ("four", "", "");
  g_autoptr(GwComplaint) other = make_complaint ("five", "Erik", "");
  g_autoptr(GwComplaint) anonymous = make_complaint ("six", "", "");
  g_autoptr(GwComplaint) stored = NULL;
  gint64 ids[6];

  g_free (first->customer_phone);
  first->customer_phone = g_strdup ("070-123");
  g_free (by_phone->customer_phone);
  by_phone->customer_phone = g_strdup ("070-123");

  ids[0] = gw_store_add_complaint (store, first, &error);
  /* The name matches first, and the e-mail fills the gap in the record. */
  ids[1] = gw_store_add_complaint (store, by_name, &error);
  ids[2] = gw_store_add_complaint (store, by_email, &error);
  ids[3] = gw_store_add_complaint (store, by_phone, &error);
  ids[4] = gw_store_add_complaint (store, other, &error);
  ids[5] = gw_store_add_complaint (store, anonymous, &error);
  g_assert_no_error (error);

  g_assert_cmpint (gw_store_count_rows (store, "customers", NULL), ==, 2);
  stored = gw_store_get_complaint (store, ids[2], &error);
  g_assert_cmpstr (stored->customer_name, ==, "Karin Lindqvist");
  g_assert_cmpstr (stored->customer_phone, ==, "070-123");
  g_clear_pointer (&stored, gw_complaint_free);
  stored = gw_store_get_complaint (store, ids[5], &error);
  g_assert_cmpint (stored->customer_id, ==, 0);
}

static guint
count_hits (GwStore    *store,
            const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hits = gw_store_search_complaints (store, query, 50, &error);

  g_assert_no_error (error);
  return hits->len;
}

static void
test_search_in_step (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GwComplaint) complaint = make_complaint ("The kettle leaked on the counter",
                                                     "Åke Berg", "");
  g_autoptr(GwComplaint) stored = NULL;
  gint64 id;

  id = gw_store_add_complaint (store, complaint, &error);
  g_assert_cmpuint (count_hits (store, "kettle"), ==, 1);
  g_assert_cmpuint (count_hits (store, "ket"), ==, 1);
  g_assert_cmpuint (count_hits (store, "KETTLE counter"), ==, 1);
  g_assert_cmpuint (count_hits (store, "ake"), ==, 1);
  g_assert_cmpuint (count_hits (store, "toaster"), ==, 0);

  stored = gw_store_get_complaint (store, id, &error);
  g_free (stored->description);
  stored->description = g_strdup ("The toaster burnt the bread");
  g_free (stored->promise);
  stored->promise = g_strdup ("Replacement on Tuesday");
  g_assert_true (gw_store_update_complaint (store, stored, 0, &error));
  g_assert_cmpuint (count_hits (store, "kettle"), ==, 0);
  g_assert_cmpuint (count_hits (store, "toaster"), ==, 1);
  g_assert_cmpuint (count_hits (store, "tuesday"), ==, 1);

  g_assert_cmpint (gw_store_add_note (store, id, GW_NO_TIME, "Elin", "Supplier promised a refund",
                                      &error), >, 0);
  g_assert_cmpuint (count_hits (store, "supplier"), ==, 1);
  g_assert_cmpint (gw_store_count_rows (store, "staff", NULL), ==, 1);

  /* Another program renames the customer: the index follows. */
  raw_exec (fixture->path, "UPDATE customers SET name = 'Åke Sjöberg'");
  g_assert_cmpuint (count_hits (store, "sjöberg"), ==, 1);

  g_assert_true (gw_store_delete_complaint (store, id, &error));
  g_assert_cmpuint (count_hits (store, "toaster"), ==, 0);
  g_assert_true (gw_store_restore_complaint (store, id, &error));
  g_assert_cmpuint (count_hits (store, "toaster"), ==, 1);

  /* What people type is never FTS5 syntax, so nothing here can fail. */
  g_assert_cmpuint (count_hits (store, "\"unbalanced"), ==, 0);
  g_assert_cmpuint (count_hits (store, "toaster OR NOT AND (*"), ==, 0);
  g_assert_cmpuint (count_hits (store, "   "), ==, 0);
  g_assert_cmpuint (count_hits (store, "col:toaster -x ^y"), ==, 0);
}

static void
test_search_newest_first (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GArray) hits = NULL;

  for (int i = 0; i < 30; i++)
    {
      g_autoptr(GwComplaint) complaint = make_complaint ("Parcel late again", "", "");

      g_assert_cmpint (gw_store_add_complaint (store, complaint, &error), ==, i + 1);
    }
  hits = gw_store_search_complaints (store, "parcel", 10, &error);
  g_assert_cmpuint (hits->len, ==, 10);
  g_assert_cmpint (g_array_index (hits, gint64, 0), ==, 30);
  g_assert_cmpint (g_array_index (hits, gint64, 9), ==, 21);
}

typedef struct {
  guint  n_signals;
  gint64 last_id;
} ChangeLog;

static void
on_changed (GwStore    *store,
            const char *table,
            gint64      id,
            ChangeLog  *log)
{
  g_assert_cmpstr (table, ==, "complaints");
  log->n_signals++;
  log->last_id = id;
}

static void
test_change_signal (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GwComplaint) complaint = make_complaint ("Noted", "", "");
  ChangeLog log = { 0 };
  gint64 id;

  g_signal_connect (store, "changed::complaints", G_CALLBACK (on_changed), &log);
  id = gw_store_add_complaint (store, complaint, &error);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (log.n_signals, ==, 1);
  g_assert_cmpint (log.last_id, ==, id);

  /* Many rows in one transaction: one signal after commit, "many" as 0. */
  log.n_signals = 0;
  g_assert_true (gw_store_begin (store, &error));
  g_assert_cmpint (gw_store_add_complaint (store, complaint, &error), >, 0);
  g_assert_cmpint (gw_store_add_complaint (store, complaint, &error), >, 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (log.n_signals, ==, 0);
  g_assert_true (gw_store_commit (store, &error));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (log.n_signals, ==, 1);
  g_assert_cmpint (log.last_id, ==, 0);

  /* A rolled-back transaction announces nothing and leaves nothing. */
  log.n_signals = 0;
  g_assert_true (gw_store_begin (store, &error));
  g_assert_cmpint (gw_store_add_complaint (store, complaint, &error), >, 0);
  gw_store_rollback (store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (log.n_signals, ==, 0);
  g_assert_cmpint (gw_store_count_complaints (store, NULL), ==, 3);
}

/* A write that fails half-way inside a batch spoils the batch: committing
 * would keep the half that went through. */
static void
test_failed_write_spoils_batch (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GwComplaint) complaint = make_complaint ("Fine", "", "");

  g_assert_true (gw_store_begin (store, &error));
  g_assert_cmpint (gw_store_add_complaint (store, complaint, &error), >, 0);
  /* The staff member is created before the note fails on a missing complaint. */
  g_assert_cmpint (gw_store_add_note (store, 4242, GW_NO_TIME, "Newcomer", "Lost note", &error),
                   ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gw_store_commit (store, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_FAILED);
  g_assert_cmpint (gw_store_count_complaints (store, NULL), ==, 0);
  g_assert_cmpint (gw_store_count_rows (store, "staff", NULL), ==, 0);

  /* The store works normally afterwards. */
  g_assert_cmpint (gw_store_add_complaint (store, complaint, NULL), >, 0);
  g_assert_cmpint (gw_store_count_complaints (store, NULL), ==, 1);
}

/* A batch indexes its complaints for search at commit, not row by row: what
 * it added is found then, whatever the batch did to them on the way, and a
 * rolled-back batch leaves the index and its trigger as they were. */
static void
test_batch_search_index (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GwComplaint) before = make_complaint ("Toaster sparks", "Olle", "");
  g_autoptr(GwComplaint) edited = NULL;
  gint64 first, second;

  g_assert_cmpint (gw_store_add_complaint (store, before, &error), >, 0);

  /* Rolled back: nothing found, and single writes index as before. */
  g_assert_true (gw_store_begin (store, &error));
  g_assert_cmpint (gw_store_add_complaint (store, make_complaint_tmp ("Kettle leaks"), &error), >, 0);
  gw_store_rollback (store);
  g_assert_cmpuint (count_hits (store, "kettle"), ==, 0);
  g_assert_cmpint (raw_query_int (fixture->path, "SELECT count(*) FROM sqlite_master"
                                                 " WHERE name = 'complaints_search_insert'"),
                   ==, 1);

  g_assert_true (gw_store_begin (store, &error));
  first = gw_store_add_complaint (store, make_complaint_tmp ("Kettle leaks"), &error);
  second = gw_store_add_complaint (store, make_complaint_tmp ("Parcel late"), &error);
  g_assert_no_error (error);
  /* Inside the batch: a note on one, an edit of the other. */
  g_assert_cmpint (gw_store_add_note (store, first, GW_NO_TIME, NULL, "Promised a refund", &error),
                   >, 0);
  edited = gw_store_get_complaint (store, second, &error);
  g_free (edited->description);
  edited->description = g_strdup ("Parcel lost by the courier");
  g_assert_true (gw_store_update_complaint (store, edited, 0, &error));
  g_assert_true (gw_store_commit (store, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_hits (store, "kettle"), ==, 1);
  g_assert_cmpuint (count_hits (store, "refund"), ==, 1);
  g_assert_cmpuint (count_hits (store, "courier"), ==, 1);
  g_assert_cmpuint (count_hits (store, "late"), ==, 0);
  g_assert_cmpuint (count_hits (store, "toaster"), ==, 1);
  g_assert_cmpint (raw_query_int (fixture->path, "SELECT count(*) FROM complaint_search"), ==, 3);
  g_assert_cmpint (raw_query_int (fixture->path, "SELECT count(*) FROM sqlite_master"
                                                 " WHERE name = 'complaints_search_insert'"),
                   ==, 1);

  /* And the trigger is back: a single write after the batch is found. */
  g_assert_cmpint (gw_store_add_complaint (store, make_complaint_tmp ("Sofa scratched"), &error),
                   >, 0);
  g_assert_cmpuint (count_hits (store, "sofa"), ==, 1);
}

static void
test_backup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autofree char *copy = g_build_filename (fixture->directory, "copy.db", NULL);
  g_autofree char *check = NULL;
  g_autoptr(GwStore) reopened = NULL;
  GStatBuf info;

  for (int i = 0; i < 50; i++)
    {
      g_autoptr(GwComplaint) complaint = make_complaint ("Backed up", "Someone", "");

      g_assert_cmpint (gw_store_add_complaint (store, complaint, &error), >, 0);
    }

  g_assert_true (gw_store_backup (store, copy, &error));
  g_assert_no_error (error);
  check = raw_query_text (copy, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (raw_query_int (copy, "SELECT count(*) FROM complaints"), ==, 50);
  g_assert_cmpint (g_stat (copy, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  reopened = gw_store_open (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gw_store_count_complaints (reopened, NULL), ==, 50);

  /* A backup into a folder that does not exist fails and says so. */
  g_assert_false (gw_store_backup (store, "/nonexistent/folder/copy.db", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* A backup restored brings everything back; a file that is not a whole
 * Goodwill store of this version or older is refused with nothing changed,
 * and the backup file is never written to. */
static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autofree char *copy = g_build_filename (fixture->directory, "copy.db", NULL);
  g_autofree char *junk = g_build_filename (fixture->directory, "junk.db", NULL);
  g_autofree char *newer = g_build_filename (fixture->directory, "newer.db", NULL);
  g_autofree char *safety = g_build_filename (fixture->directory, "before-restore.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length = 0, after_length = 0;
  ChangeLog log = { 0 };

  for (int i = 0; i < 20; i++)
    {
      g_autoptr(GwComplaint) complaint = make_complaint ("Kept in the backup", "Someone", "");

      g_assert_cmpint (gw_store_add_complaint (store, complaint, &error), >, 0);
    }
  g_assert_true (gw_store_backup (store, copy, &error));
  g_assert_true (g_file_get_contents (copy, &before, &before_length, NULL));
  for (int i = 0; i < 5; i++)
    {
      g_autoptr(GwComplaint) complaint = make_complaint ("Added after", "Someone", "");

      g_assert_cmpint (gw_store_add_complaint (store, complaint, &error), >, 0);
    }
  g_assert_cmpint (gw_store_count_complaints (store, NULL), ==, 25);

  /* As in the window, the long reads' own connection is open. */
  {
    GwComplaintFilter everything = GW_COMPLAINT_FILTER_INIT;
    g_autoptr(GArray) ids = gw_store_list_complaint_ids (store, &everything, GW_SORT_NEWEST_FIRST,
                                                         &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 25);
  }
  g_signal_connect (store, "changed::complaints", G_CALLBACK (on_changed), &log);
  g_assert_true (gw_store_restore (store, copy, safety, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gw_store_count_complaints (store, NULL), ==, 20);
  /* The store still holds its locks: another program that reads it and
   * goes does not take it for unused and remove its write-ahead log. */
  {
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
    const char *argv[] = { "sqlite3", fixture->path, "SELECT count(*) FROM complaints", NULL };
    int status = -1;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                                 G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
  /* Every view reloads: "many rows" of complaints changed. */
  while (log.n_signals == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (log.last_id, ==, 0);
  g_signal_handlers_disconnect_by_data (store, &log);
  /* The backup is as it was. */
  g_assert_true (g_file_get_contents (copy, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);

  /* An empty file would open as a new, empty store: refused, not a wipe. */
  g_assert_true (g_file_set_contents (junk, "", 0, NULL));
  g_assert_false (gw_store_restore (store, junk, NULL, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_GOODWILL);
  g_clear_error (&error);
  g_assert_cmpint (gw_store_count_complaints (store, NULL), ==, 20);

  /* Random bytes, or a store from a newer Goodwill: refused, store kept. */
  g_assert_true (g_file_set_contents (junk, "not a database at all, not even close", -1, NULL));
  g_assert_false (gw_store_restore (store, junk, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (gw_store_backup (store, newer, &error));
  raw_exec (newer, "PRAGMA user_version = 99");
  g_assert_false (gw_store_restore (store, newer, NULL, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_TOO_NEW);
  g_clear_error (&error);
  g_assert_cmpint (gw_store_count_complaints (store, NULL), ==, 20);
  g_unlink (junk);
  g_unlink (newer);
  g_unlink (copy);
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gpointer
add_in_thread (gpointer data)
{
  g_autoptr(GwComplaint) complaint = make_complaint ("From a worker", "", "");

  return GSIZE_TO_POINTER ((gsize) gw_store_add_complaint (data, complaint, NULL));
}

/* Opened off the main thread; changes made on another thread are still
 * announced on the thread that opened the store. */
static void
test_open_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = NULL;
  ChangeLog log = { 0 };
  GThread *thread;
  gint64 id;

  gw_store_open_async (fixture->path, NULL, on_opened, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  store = gw_store_open_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gw_store_get_schema_version (store), ==, GW_STORE_SCHEMA_VERSION);

  g_signal_connect (store, "changed::complaints", G_CALLBACK (on_changed), &log);
  thread = g_thread_new ("writer", add_in_thread, store);
  id = (gint64) GPOINTER_TO_SIZE (g_thread_join (thread));
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (log.n_signals, ==, 0);
  while (log.n_signals == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (log.last_id, ==, id);
}

static void
test_open_async_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = NULL;

  g_file_set_contents (fixture->path, "not a database at all, just words", -1, NULL);
  gw_store_open_async (fixture->path, NULL, on_opened, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  store = gw_store_open_finish (result, &error);
  g_assert_null (store);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_GOODWILL);
}

static GArray *
list_ids (GwStore                 *store,
          const GwComplaintFilter *filter,
          GwComplaintSort          sort)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = gw_store_list_complaint_ids (store, filter, sort, &error);

  g_assert_no_error (error);
  return ids;
}

static gint64
add_full (GwStore    *store,
          const char *description,
          const char *customer,
          GwKind      kind,
          GwStatus    status,
          gint64      received_at,
          gint64      follow_up_at,
          const char *received_by)
{
  g_autoptr(GwComplaint) complaint = make_complaint (description, customer, "");
  g_autoptr(GError) error = NULL;
  gint64 id;

  complaint->kind = kind;
  complaint->status = status;
  complaint->received_at = received_at;
  complaint->follow_up_at = follow_up_at;
  g_free (complaint->received_by);
  complaint->received_by = g_strdup (received_by);
  id = gw_store_add_complaint (store, complaint, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_list_filters_and_sorts (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  GwComplaintFilter filter = GW_COMPLAINT_FILTER_INIT;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GArray *ids;
  gint64 a, b, c, d;

  a = add_full (store, "Broken kettle", "Berit", GW_KIND_COMPLAINT, GW_STATUS_OPEN, 1000, 5000,
                "Anna");
  b = add_full (store, "Lovely service", "Adam", GW_KIND_COMPLIMENT, GW_STATUS_RESOLVED, 2000,
                GW_NO_TIME, "Johan");
  c = add_full (store, "Late parcel", "", GW_KIND_COMPLAINT, GW_STATUS_WAITING, 3000, 9000,
                "Anna");
  d = add_full (store, "More parking please", "Cecilia", GW_KIND_SUGGESTION, GW_STATUS_RESOLVED,
                4000, 4500, "Johan");

  ids = list_ids (store, &filter, GW_SORT_NEWEST_FIRST);
  g_assert_cmpuint (ids->len, ==, 4);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, d);
  g_assert_cmpint (g_array_index (ids, gint64, 3), ==, a);
  g_array_unref (ids);

  ids = list_ids (store, &filter, GW_SORT_OLDEST_FIRST);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, a);
  g_array_unref (ids);

  /* Unresolved follow-ups first, soonest first; a resolved one's does not count. */
  ids = list_ids (store, &filter, GW_SORT_FOLLOW_UP_FIRST);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, a);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, c);
  g_array_unref (ids);

  /* Named customers by name, the anonymous one last. */
  ids = list_ids (store, &filter, GW_SORT_CUSTOMER);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, b);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, a);
  g_assert_cmpint (g_array_index (ids, gint64, 3), ==, c);
  g_array_unref (ids);

  /* Everything not resolved, as the list shows by default. */
  filter.statuses = GW_MASK (GW_STATUS_OPEN) | GW_MASK (GW_STATUS_IN_PROGRESS)
                    | GW_MASK (GW_STATUS_WAITING);
  ids = list_ids (store, &filter, GW_SORT_NEWEST_FIRST);
  g_assert_cmpuint (ids->len, ==, 2);
  g_array_unref (ids);

  /* Combined: unresolved complaints received by Anna before 2500. */
  staff = gw_store_list_staff (store, &error);
  g_assert_cmpuint (staff->len, ==, 2);
  g_assert_cmpstr (((GwStaffMember *) g_ptr_array_index (staff, 0))->name, ==, "Anna");
  filter.staff_id = ((GwStaffMember *) g_ptr_array_index (staff, 0))->id;
  filter.until = 2500;
  filter.kinds = GW_MASK (GW_KIND_COMPLAINT);
  ids = list_ids (store, &filter, GW_SORT_NEWEST_FIRST);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, a);
  g_array_unref (ids);

  /* Overdue only, at time 6000: just the first. */
  filter = GW_COMPLAINT_FILTER_INIT;
  filter.overdue_at = 6000;
  ids = list_ids (store, &filter, GW_SORT_NEWEST_FIRST);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, a);
  g_array_unref (ids);
  g_assert_cmpint (gw_store_count_overdue (store, 6000, &error), ==, 1);
  /* The late parcel waits on the customer: its clock is stopped. */
  g_assert_cmpint (gw_store_count_overdue (store, 10000, &error), ==, 1);

  /* Search with a filter: only the kettle among complaints. */
  filter = GW_COMPLAINT_FILTER_INIT;
  filter.search = (char *) "kett";
  filter.kinds = GW_MASK (GW_KIND_COMPLAINT);
  ids = list_ids (store, &filter, GW_SORT_OLDEST_FIRST);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, a);

  rows = gw_store_get_complaints (store, (gint64 *) ids->data, ids->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((GwComplaint *) g_ptr_array_index (rows, 0))->description, ==,
                   "Broken kettle");
  g_array_unref (ids);
}

static void
test_timeline (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GwComplaint) complaint = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) events = NULL;
  gint64 id, johan;
  GwComplaintEvent *event;
  g_autofree char *description = NULL;

  id = add_full (store, "Sofa late", "Berit", GW_KIND_COMPLAINT, GW_STATUS_OPEN, 1000,
                 GW_NO_TIME, "Anna");
  add_full (store, "Other", "", GW_KIND_COMMENT, GW_STATUS_OPEN, 1000, GW_NO_TIME, "Johan");
  staff = gw_store_list_staff (store, &error);
  johan = ((GwStaffMember *) g_ptr_array_index (staff, 1))->id;

  g_assert_true (gw_store_hand_over (store, id, johan, 0, "She wants delivery on Friday",
                                     &error));
  g_assert_no_error (error);
  g_assert_true (gw_store_record_informed (store, id, GW_CHANNEL_PHONE, "Told her Friday",
                                           johan, &error));
  complaint = gw_store_get_complaint (store, id, &error);
  g_assert_cmpint (complaint->assigned_to_id, ==, johan);
  g_assert_cmpstr (complaint->assigned_to, ==, "Johan");
  g_assert_cmpint (complaint->last_informed_at, >, 0);

  complaint->status = GW_STATUS_IN_PROGRESS;
  complaint->follow_up_at = 1709999999;
  g_assert_true (gw_store_update_complaint (store, complaint, johan, &error));
  complaint->status = GW_STATUS_RESOLVED;
  complaint->customer_feeling = GW_FEELING_SATISFIED;
  g_assert_true (gw_store_update_complaint (store, complaint, johan, &error));
  /* Saving without a change adds nothing. */
  g_assert_true (gw_store_update_complaint (store, complaint, johan, &error));

  events = gw_store_list_events (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 5);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpint (event->kind, ==, GW_EVENT_HANDOVER);
  g_assert_cmpstr (event->body, ==, "She wants delivery on Friday");
  description = gw_complaint_event_describe (event);
  g_assert_cmpstr (description, ==, "Handed over to Johan");
  event = g_ptr_array_index (events, 1);
  g_assert_cmpint (event->kind, ==, GW_EVENT_INFORMED);
  g_assert_cmpstr (event->staff, ==, "Johan");
  g_clear_pointer (&description, g_free);
  description = gw_complaint_event_describe (event);
  g_assert_cmpstr (description, ==, "Customer informed (Phone)");
  event = g_ptr_array_index (events, 2);
  g_assert_cmpint (event->kind, ==, GW_EVENT_STATUS);
  g_clear_pointer (&description, g_free);
  description = gw_complaint_event_describe (event);
  g_assert_cmpstr (description, ==, "Open → In progress");
  g_assert_cmpint (((GwComplaintEvent *) g_ptr_array_index (events, 3))->kind, ==,
                   GW_EVENT_FOLLOW_UP);
  g_assert_cmpint (((GwComplaintEvent *) g_ptr_array_index (events, 4))->kind, ==,
                   GW_EVENT_RESOLVED);

  /* The hand-over note is searchable. */
  g_assert_cmpuint (count_hits (store, "friday"), ==, 1);
}

static void
test_find_customers (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GwComplaint) first = make_complaint ("a", "Karin Lindqvist", "karin@example.se");
  g_autoptr(GwComplaint) second = make_complaint ("b", "Lars Karlsson", "");
  g_autoptr(GwComplaint) third = make_complaint ("c", "100% Wool Ltd", "");
  GPtrArray *found;

  g_free (second->customer_phone);
  second->customer_phone = g_strdup ("070-555 12 34");
  gw_store_add_complaint (store, first, &error);
  gw_store_add_complaint (store, second, &error);
  gw_store_add_complaint (store, third, &error);

  found = gw_store_find_customers (store, "kar", 10, &error);
  g_assert_no_error (error);
  /* "Karin" by its first word, "Karlsson" by its second. */
  g_assert_cmpuint (found->len, ==, 2);
  g_ptr_array_unref (found);
  found = gw_store_find_customers (store, "lind", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_ptr_array_unref (found);
  found = gw_store_find_customers (store, "555 12", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((GwCustomer *) g_ptr_array_index (found, 0))->name, ==, "Lars Karlsson");
  g_ptr_array_unref (found);
  found = gw_store_find_customers (store, "example.se", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_ptr_array_unref (found);
  /* "%" is a character, not a wildcard. */
  found = gw_store_find_customers (store, "100%", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_ptr_array_unref (found);
  found = gw_store_find_customers (store, "%", 10, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_ptr_array_unref (found);
}

static void
test_category_stats (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) stats = NULL;
  g_auto(GStrv) notes = NULL;
  gint64 delivery_id = 0;
  gint64 uncategorised = 0;

  for (int i = 0; i < 5; i++)
    {
      g_autoptr(GwComplaint) complaint = make_complaint ("Late", "", "");

      g_free (complaint->category);
      complaint->category = g_strdup ("Delivery");
      complaint->received_at = 1000 + i;
      complaint->compensation_amount = 100;
      g_free (complaint->prevention);
      complaint->prevention = g_strdup (i % 2 ? "Call the courier" : "Ship earlier");
      gw_store_add_complaint (store, complaint, &error);
    }
  {
    g_autoptr(GwComplaint) outside = make_complaint ("Late, long ago", "", "");
    g_autoptr(GwComplaint) praise = make_complaint ("Nice", "", "");
    g_autoptr(GwComplaint) plain = make_complaint ("No category", "", "");

    g_free (outside->category);
    outside->category = g_strdup ("Delivery");
    outside->received_at = 10;
    praise->kind = GW_KIND_COMPLIMENT;
    praise->received_at = 1001;
    plain->received_at = 1002;
    gw_store_add_complaint (store, outside, &error);
    gw_store_add_complaint (store, praise, &error);
    gw_store_add_complaint (store, plain, &error);
  }

  stats = gw_store_category_stats (store, 1000, 2000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->len, ==, 2);
  for (guint i = 0; i < stats->len; i++)
    {
      GwIssueStat *stat = g_ptr_array_index (stats, i);

      if (stat->category_id == 0)
        uncategorised = stat->count;
      else
        {
          delivery_id = stat->category_id;
          g_assert_cmpstr (stat->category, ==, "Delivery");
          g_assert_cmpint (stat->count, ==, 5);
          g_assert_cmpint (stat->compensation, ==, 500);
        }
    }
  /* The compliment is not a complaint. */
  g_assert_cmpint (uncategorised, ==, 1);

  notes = gw_store_prevention_notes (store, delivery_id, 1000, 2000, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (notes), ==, 2);
  g_assert_cmpstr (notes[0], ==, "Ship earlier");
}

static void
test_customers_edit_and_merge (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GwComplaint) first = make_complaint ("Broken zip", "Karin Lindqvist", "");
  g_autoptr(GwComplaint) second = make_complaint ("Late parcel", "K. Lindqvist", "karin@example.se");
  g_autoptr(GwComplaint) stored = NULL;
  g_autoptr(GwCustomer) customer = NULL;
  g_autoptr(GwCustomer) merged = NULL;
  g_autoptr(GArray) ids = NULL;
  GwComplaintFilter filter = GW_COMPLAINT_FILTER_INIT;
  gint64 first_id, second_id, keep, gone;

  first_id = gw_store_add_complaint (store, first, &error);
  second_id = gw_store_add_complaint (store, second, &error);
  stored = gw_store_get_complaint (store, first_id, &error);
  keep = stored->customer_id;
  g_clear_pointer (&stored, gw_complaint_free);
  stored = gw_store_get_complaint (store, second_id, &error);
  gone = stored->customer_id;
  g_assert_cmpint (keep, !=, gone);

  customer = gw_store_get_customer (store, keep, &error);
  g_assert_no_error (error);
  g_free (customer->notes);
  customer->notes = g_strdup ("Prefers a call in the morning");
  g_assert_true (gw_store_update_customer (store, customer, &error));
  g_clear_pointer (&customer, gw_customer_free);

  g_assert_false (gw_store_merge_customers (store, keep, keep, &error));
  g_clear_error (&error);
  g_assert_true (gw_store_merge_customers (store, keep, gone, &error));
  g_assert_no_error (error);

  customer = gw_store_get_customer (store, keep, &error);
  g_assert_cmpstr (customer->email, ==, "karin@example.se");
  g_assert_cmpstr (customer->notes, ==, "Prefers a call in the morning");
  merged = gw_store_get_customer (store, gone, &error);
  g_assert_null (merged);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Both complaints are now the one customer's, and search knows it. */
  filter.customer_id = keep;
  ids = gw_store_list_complaint_ids (store, &filter, GW_SORT_NEWEST_FIRST, &error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpuint (count_hits (store, "karin parcel"), ==, 1);
  g_assert_cmpint (gw_store_count_rows (store, "customers", NULL), ==, 1);
}

static void
test_categories (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GwComplaint) complaint = make_complaint ("Late", "", "");
  g_autoptr(GwComplaint) stored = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  gint64 delivery, shipping, id;

  delivery = gw_store_add_category (store, "Delivery", &error);
  shipping = gw_store_add_category (store, " Shipping ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gw_store_add_category (store, "delivery", &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gw_store_add_category (store, "   ", &error), ==, 0);
  g_clear_error (&error);

  complaint->category_id = shipping;
  id = gw_store_add_complaint (store, complaint, &error);

  g_assert_false (gw_store_rename_category (store, shipping, "DELIVERY", &error));
  g_clear_error (&error);
  g_assert_true (gw_store_rename_category (store, shipping, "Post", &error));
  stored = gw_store_get_complaint (store, id, &error);
  g_assert_cmpstr (stored->category, ==, "Post");
  g_clear_pointer (&stored, gw_complaint_free);

  g_assert_true (gw_store_merge_categories (store, delivery, shipping, &error));
  stored = gw_store_get_complaint (store, id, &error);
  g_assert_cmpstr (stored->category, ==, "Delivery");
  /* A merged name is free to use again. */
  g_assert_cmpint (gw_store_add_category (store, "Post", &error), >, 0);

  g_assert_true (gw_store_set_category_archived (store, delivery, TRUE, &error));
  categories = gw_store_list_categories (store, &error);
  g_assert_cmpuint (categories->len, ==, 2);
  /* Archived ones come last, and still count for history. */
  g_assert_true (((GwCategory *) g_ptr_array_index (categories, 1))->archived);
  g_clear_pointer (&stored, gw_complaint_free);
  stored = gw_store_get_complaint (store, id, &error);
  g_assert_cmpstr (stored->category, ==, "Delivery");
}

/* A megabyte of text, and scripts and marks that break naive code, come
 * back exactly and can be found. */
static void
test_huge_and_odd_text (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char *const odd[] = {
    "مرحبا، المنتج وصل مكسورًا",                   /* right to left */
    "Zoë Ångström — e\u0301 combining",            /* a combining accent */
    "Family: 👩‍👩‍👧 and flags 🇸🇪",                 /* joiners and regional indicators */
    "Tab\tand\r\nbreaks, \"quotes\", 'apostrophes'; semicolons",
    "\u200b zero width and \u00a0 no-break spaces",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GString) huge = g_string_new (NULL);

  while (huge->len < 1024 * 1024)
    g_string_append (huge, "The customer explained it all at length. ");
  g_string_append (huge, "Finally: xylophone.");

  {
    g_autoptr(GwComplaint) complaint = make_complaint (huge->str, "Long Story", "");
    g_autoptr(GwComplaint) stored = NULL;
    gint64 id = gw_store_add_complaint (store, complaint, &error);

    g_assert_no_error (error);
    stored = gw_store_get_complaint (store, id, &error);
    g_assert_cmpuint (strlen (stored->description), ==, huge->len);
    g_assert_cmpstr (stored->description, ==, huge->str);
    g_assert_cmpuint (count_hits (store, "xylophone"), ==, 1);
  }

  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autoptr(GwComplaint) complaint = make_complaint (odd[i], odd[i], "");
      g_autoptr(GwComplaint) stored = NULL;
      gint64 id = gw_store_add_complaint (store, complaint, &error);

      g_assert_no_error (error);
      stored = gw_store_get_complaint (store, id, &error);
      g_assert_cmpstr (stored->description, ==, odd[i]);
      g_assert_cmpstr (stored->customer_name, ==, odd[i]);
    }
  g_assert_cmpuint (count_hits (store, "المنتج"), ==, 1);
  g_assert_cmpuint (count_hits (store, "angstrom"), ==, 1);
}

static void
test_staff_members (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) staff = NULL;
  GwStaffMember member = { 0, (char *) " Anna Svensson ", (char *) "Shop manager",
                           (char *) "070-111 22 33", (char *) "anna@example.se", TRUE, TRUE,
                           1700000000 };
  GwStaffMember twin = { 0, (char *) "anna svensson", (char *) "", (char *) "", (char *) "",
                         FALSE, TRUE, 0 };
  GwStaffMember nameless = { 0, (char *) "  ", (char *) "", (char *) "", (char *) "", FALSE,
                             TRUE, 0 };
  gint64 id;

  id = gw_store_save_staff_member (store, &member, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (gw_store_save_staff_member (store, &twin, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gw_store_save_staff_member (store, &nameless, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A leaver stays, last in the list, for history. */
  member.id = id;
  member.active = FALSE;
  g_assert_cmpint (gw_store_save_staff_member (store, &member, &error), ==, id);
  twin.name = (char *) "Bo Ek";
  g_assert_cmpint (gw_store_save_staff_member (store, &twin, &error), >, 0);
  staff = gw_store_list_staff (store, &error);
  g_assert_cmpuint (staff->len, ==, 2);
  g_assert_cmpstr (((GwStaffMember *) g_ptr_array_index (staff, 0))->name, ==, "Bo Ek");
  g_assert_cmpstr (((GwStaffMember *) g_ptr_array_index (staff, 1))->name, ==, "Anna Svensson");
  g_assert_false (((GwStaffMember *) g_ptr_array_index (staff, 1))->active);
  g_assert_true (((GwStaffMember *) g_ptr_array_index (staff, 1))->is_manager);
  g_assert_cmpint (((GwStaffMember *) g_ptr_array_index (staff, 1))->started_at, ==, 1700000000);

  /* Recognition, newest first; a reason and a person are needed. */
  {
    GwRecognition praise = { 0, id, NULL, 1700100000, GW_RECOGNITION_PRAISE,
                             (char *) "Calmed an angry customer", 0, 0 };
    GwRecognition gift = { 0, id, NULL, 1700200000, GW_RECOGNITION_GIFT,
                           (char *) "Cinema tickets for the busy December", 30000, 0 };
    GwRecognition empty = { 0, id, NULL, 1700300000, GW_RECOGNITION_OTHER, (char *) " ", 0, 0 };
    g_autoptr(GPtrArray) recognitions = NULL;

    g_assert_cmpint (gw_store_add_recognition (store, &praise, &error), >, 0);
    g_assert_cmpint (gw_store_add_recognition (store, &gift, &error), >, 0);
    g_assert_cmpint (gw_store_add_recognition (store, &empty, &error), ==, 0);
    g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
    g_clear_error (&error);
    recognitions = gw_store_list_recognitions (store, 10, &error);
    g_assert_cmpuint (recognitions->len, ==, 2);
    g_assert_cmpint (((GwRecognition *) g_ptr_array_index (recognitions, 0))->kind, ==,
                     GW_RECOGNITION_GIFT);
    g_assert_cmpint (((GwRecognition *) g_ptr_array_index (recognitions, 0))->value, ==, 30000);
    g_assert_cmpstr (((GwRecognition *) g_ptr_array_index (recognitions, 0))->staff, ==,
                     "Anna Svensson");
  }
}

static gint64
add_for (GwStore    *store,
         const char *staff,
         GwKind      kind,
         gint64      received_at,
         gint64      resolved_at,
         gint64      follow_up_at,
         GwFeeling   feeling)
{
  g_autoptr(GwComplaint) complaint = make_complaint ("Counted by hand", "", "");
  g_autoptr(GError) error = NULL;
  gint64 id;

  complaint->kind = kind;
  complaint->received_at = received_at;
  complaint->resolved_at = resolved_at;
  complaint->status = resolved_at != GW_NO_TIME ? GW_STATUS_RESOLVED : GW_STATUS_OPEN;
  complaint->follow_up_at = follow_up_at;
  complaint->customer_feeling = feeling;
  g_free (complaint->received_by);
  complaint->received_by = g_strdup (staff);
  id = gw_store_add_complaint (store, complaint, &error);
  g_assert_no_error (error);
  return id;
}

/* Each figure is what a hand count of these rows gives, period edges and a
 * leaver included. */
static void
test_staff_feedback (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) staff = NULL;
  GwStaffFeedback feedback;
  GwStaffMember *anna = NULL;
  GwRecognition inside = { 0 }, outside = { 0 };

  add_for (store, "Anna", GW_KIND_COMPLAINT, 1100, 1400, 1500, GW_FEELING_DELIGHTED);
  add_for (store, "Anna", GW_KIND_COMPLAINT, 1200, 1900, 1500, GW_FEELING_SATISFIED);
  add_for (store, "Anna", GW_KIND_COMPLAINT, 1300, GW_NO_TIME, 1600, GW_FEELING_UNKNOWN);
  add_for (store, "Anna", GW_KIND_COMPLAINT, 999, 1000, GW_NO_TIME, GW_FEELING_DISSATISFIED);
  add_for (store, "Anna", GW_KIND_COMPLAINT, 2000, GW_NO_TIME, GW_NO_TIME, GW_FEELING_UNKNOWN);
  add_for (store, "Anna", GW_KIND_COMPLIMENT, 1500, 1500, GW_NO_TIME, GW_FEELING_DELIGHTED);
  add_for (store, "Bo", GW_KIND_COMPLAINT, 1100, 1200, GW_NO_TIME, GW_FEELING_DISSATISFIED);

  staff = gw_store_list_staff (store, &error);
  for (guint i = 0; i < staff->len; i++)
    if (g_str_equal (((GwStaffMember *) g_ptr_array_index (staff, i))->name, "Anna"))
      anna = g_ptr_array_index (staff, i);
  g_assert_nonnull (anna);

  inside.staff_id = outside.staff_id = anna->id;
  inside.reason = outside.reason = (char *) "Thanks";
  inside.given_at = 1500;
  outside.given_at = 2000;
  gw_store_add_recognition (store, &inside, &error);
  gw_store_add_recognition (store, &outside, &error);

  /* She has left since: her history still counts. */
  anna->active = FALSE;
  g_assert_cmpint (gw_store_save_staff_member (store, anna, &error), ==, anna->id);

  g_assert_true (gw_store_staff_feedback (store, anna->id, 1000, 2000, 1700, &feedback, &error));
  g_assert_no_error (error);
  g_assert_cmpint (feedback.complaints, ==, 3);
  g_assert_cmpint (feedback.resolved, ==, 2);
  g_assert_cmpint (feedback.median_resolve_secs, ==, 500);
  g_assert_cmpint (feedback.follow_ups_due, ==, 3);
  g_assert_cmpint (feedback.follow_ups_kept, ==, 1);
  g_assert_cmpint (feedback.delighted, ==, 1);
  g_assert_cmpint (feedback.satisfied, ==, 1);
  g_assert_cmpint (feedback.dissatisfied, ==, 0);
  g_assert_cmpint (feedback.compliments, ==, 1);
  g_assert_cmpint (feedback.recognitions, ==, 1);
}

static void
test_training (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  GwStaffMember anna = { 0, (char *) "Anna", (char *) "", (char *) "", (char *) "", FALSE, TRUE, 0 };
  GwStaffMember bo = { 0, (char *) "Bo", (char *) "", (char *) "", (char *) "", FALSE, TRUE, 0 };
  GwStaffMember cai = { 0, (char *) "Cai", (char *) "", (char *) "", (char *) "", FALSE, FALSE, 0 };
  g_autoptr(GArray) attendees = g_array_new (FALSE, FALSE, sizeof (gint64));
  GwTraining training = { 0, GW_TRAINING_ANGRY_CUSTOMERS, 1700000000, (char *) "Karin",
                          (char *) "Role play at the till", NULL, NULL };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) bos = NULL;
  g_auto(GStrv) missing = NULL;
  gint64 anna_id, bo_id;

  anna_id = gw_store_save_staff_member (store, &anna, &error);
  bo_id = gw_store_save_staff_member (store, &bo, &error);
  gw_store_save_staff_member (store, &cai, &error);

  /* Nobody ticked: refused. */
  training.attendee_ids = attendees;
  g_assert_cmpint (gw_store_add_training (store, &training, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_array_append_val (attendees, anna_id);
  g_assert_cmpint (gw_store_add_training (store, &training, &error), >, 0);
  g_assert_no_error (error);

  all = gw_store_list_trainings (store, 0, 10, &error);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpint (((GwTraining *) g_ptr_array_index (all, 0))->topic, ==,
                   GW_TRAINING_ANGRY_CUSTOMERS);
  g_assert_cmpstrv (((GwTraining *) g_ptr_array_index (all, 0))->attendees,
                    ((const char *[]) { "Anna", NULL }));
  bos = gw_store_list_trainings (store, bo_id, 10, &error);
  g_assert_cmpuint (bos->len, ==, 0);

  /* Who still needs it: Bo; Cai has left. */
  missing = gw_store_staff_without_training (store, GW_TRAINING_ANGRY_CUSTOMERS, &error);
  g_assert_cmpstrv (missing, ((const char *[]) { "Bo", NULL }));
}

/* Staff concerns: empty text refused; open ones oldest first; answering and
 * closing is kept; closed ones leave the open list. */
static void
test_concerns (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  GwStaffMember anna = { 0, (char *) "Anna", (char *) "", (char *) "", (char *) "", FALSE, TRUE, 0 };
  GwConcern till = { 0, 0, NULL, GW_CONCERN_EQUIPMENT, (char *) "The card reader drops out",
                     1700000000, NULL, 0, 0 };
  GwConcern rota = { 0, 0, NULL, GW_CONCERN_ROTA, (char *) "Saturdays are short-staffed",
                     1700100000, NULL, 0, 0 };
  GwConcern blank = { 0, 0, NULL, GW_CONCERN_OTHER, (char *) "  \n ", 0, NULL, 0, 0 };
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GwConcern *first;
  gint64 till_id;

  till.raised_by = gw_store_save_staff_member (store, &anna, &error);
  g_assert_no_error (error);

  g_assert_cmpint (gw_store_add_concern (store, &blank, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Added newest first, listed oldest first: it has waited longest. */
  g_assert_cmpint (gw_store_add_concern (store, &rota, &error), >, 0);
  till_id = gw_store_add_concern (store, &till, &error);
  g_assert_cmpint (till_id, >, 0);
  open = gw_store_list_concerns (store, FALSE, 10, &error);
  g_assert_cmpuint (open->len, ==, 2);
  first = g_ptr_array_index (open, 0);
  g_assert_cmpint (first->id, ==, till_id);
  g_assert_cmpstr (first->raised_by_name, ==, "Anna");
  g_assert_cmpint (first->topic, ==, GW_CONCERN_EQUIPMENT);
  g_assert_cmpstr (((GwConcern *) g_ptr_array_index (open, 1))->raised_by_name, ==, "");
  g_clear_pointer (&open, g_ptr_array_unref);

  /* Closing needs an answer. */
  g_assert_false (gw_store_answer_concern (store, till_id, " ", TRUE, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gw_store_answer_concern (store, 999, "Yes", FALSE, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Answered but open: still listed, with the answer. */
  g_assert_true (gw_store_answer_concern (store, till_id, "A new reader is ordered", FALSE,
                                          &error));
  open = gw_store_list_concerns (store, FALSE, 10, &error);
  first = g_ptr_array_index (open, 0);
  g_assert_cmpstr (first->answer, ==, "A new reader is ordered");
  g_assert_cmpint (first->answered_at, >, 0);
  g_assert_cmpint (first->closed_at, ==, 0);
  g_clear_pointer (&open, g_ptr_array_unref);

  g_assert_true (gw_store_answer_concern (store, till_id, "A new reader is in place", TRUE,
                                          &error));
  open = gw_store_list_concerns (store, FALSE, 10, &error);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpint (((GwConcern *) g_ptr_array_index (open, 0))->topic, ==, GW_CONCERN_ROTA);
  all = gw_store_list_concerns (store, TRUE, 10, &error);
  g_assert_cmpuint (all->len, ==, 2);
  first = g_ptr_array_index (all, 1);
  g_assert_cmpint (first->id, ==, till_id);
  g_assert_cmpint (first->closed_at, >, 0);
  g_assert_cmpstr (first->answer, ==, "A new reader is in place");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/open/fresh", test_fresh_store);
  ADD ("/store/open/migrate-from-v1", test_migrate_from_v1);
  ADD ("/store/open/refuse-newer", test_refuse_newer);
  ADD ("/store/open/refuse-random-bytes", test_refuse_random_bytes);
  ADD ("/store/open/refuse-other-program", test_refuse_other_program);
  ADD ("/store/open/refuse-damaged", test_refuse_damaged);
  ADD ("/store/open/refuse-read-only", test_refuse_read_only);
  ADD ("/store/complaints/round-trip", test_complaint_round_trip);
  ADD ("/store/complaints/invalid", test_complaint_invalid);
  ADD ("/store/complaints/times-out-of-range", test_complaint_times_out_of_range);
  ADD ("/store/complaints/epoch-is-a-time", test_complaint_epoch_is_a_time);
  ADD ("/store/open/migrate-follow-up-none", test_migrate_follow_up_none);
  ADD ("/store/open/migrate-check-lists", test_migrate_check_lists);
  ADD ("/store/batch-resolves-as-single-adds", test_batch_resolves_as_single_adds);
  ADD ("/store/names-fold-every-letter", test_names_fold_every_letter);
  ADD ("/store/complaints/customer-matching", test_customer_matching);
  ADD ("/store/search/in-step", test_search_in_step);
  ADD ("/store/search/newest-first", test_search_newest_first);
  ADD ("/store/changed-signal", test_change_signal);
  ADD ("/store/staff/concerns", test_concerns);
  ADD ("/store/failed-write-spoils-batch", test_failed_write_spoils_batch);
  ADD ("/store/batch-search-index", test_batch_search_index);
  ADD ("/store/backup", test_backup);
  ADD ("/store/restore", test_restore);
  ADD ("/store/open-async", test_open_async);
  ADD ("/store/lists/filters-and-sorts", test_list_filters_and_sorts);
  ADD ("/store/lists/find-customers", test_find_customers);
  ADD ("/store/timeline", test_timeline);
  ADD ("/store/category-stats", test_category_stats);
  ADD ("/store/customers-edit-and-merge", test_customers_edit_and_merge);
  ADD ("/store/categories", test_categories);
  ADD ("/store/huge-and-odd-text", test_huge_and_odd_text);
  ADD ("/store/staff-members", test_staff_members);
  ADD ("/store/staff-feedback", test_staff_feedback);
  ADD ("/store/training", test_training);
  ADD ("/store/open-async-refused", test_open_async_refused);
#undef ADD
  {
    int status = g_test_run ();

    g_clear_pointer (&temporary_complaints, g_ptr_array_unref);
    return status;
  }
}
