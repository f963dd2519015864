/* test-safety.c: nothing lost and nothing half-written: files that appear
 * only when whole, the store's own files never written over, a restore
 * racing another program, and stores that are refused left as they were
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "core/gw-safe-file.h"
#include "gw-transfer.h"
#include "store/gw-store-private.h"

typedef struct {
  char *directory;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->directory = g_dir_make_tmp ("goodwill-safety-XXXXXX", &error);
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

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_tree (path);
      else
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

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static char *
folder_names (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static GwComplaint *
make_complaint (const char *description)
{
  GwComplaint *complaint = gw_complaint_new ();

  complaint->received_at = 1709301900;
  g_free (complaint->description);
  complaint->description = g_strdup (description);
  return complaint;
}

static void
add_complaints (GwStore    *store,
                const char *description,
                guint       n)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwComplaint) complaint = make_complaint (description);

      g_assert_cmpint (gw_store_add_complaint (store, complaint, &error), >, 0);
      g_assert_no_error (error);
    }
}

/* Counts with a connection of its own, as another program would. */
static gint64
count_in_file (const char *path,
               const char *description)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;
  gint64 count = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT count(*) FROM complaints WHERE description = ?1 "
                                       "AND deleted_at IS NULL",
                                       -1, &statement, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (statement, 1, description, -1, SQLITE_STATIC);
  if (sqlite3_step (statement) == SQLITE_ROW)
    count = sqlite3_column_int64 (statement, 0);
  sqlite3_finalize (statement);
  sqlite3_close (db);
  return count;
}

/* A safe file appears only once committed; a file freed unfinished leaves
 * the old one, and no temporary file behind. */
static void
test_safe_file_whole_or_not_at_all (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *target = g_build_filename (fixture->directory, "out.csv", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GBytes) contents = NULL;
  GStatBuf info;

  {
    g_autoptr(GwSafeFile) file = gw_safe_file_new (target, "export", 0644, &error);

    g_assert_no_error (error);
    g_assert_true (g_output_stream_write_all (gw_safe_file_get_stream (file), "half", 4, NULL,
                                              NULL, &error));
    /* Not there until it is whole; the temporary file is private. */
    g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
    g_assert_cmpint (g_stat (gw_safe_file_get_temporary_path (file), &info), ==, 0);
    g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  }
  /* Given up: no file, and nothing left over. */
  names = folder_names (fixture->directory);
  g_assert_cmpstr (names, ==, "");

  g_assert_true (gw_safe_file_write (target, "first\n", 6, 0644, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (target, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0644);
  {
    g_autoptr(GwSafeFile) file = gw_safe_file_new (target, "export", 0644, &error);

    g_assert_true (g_output_stream_write_all (gw_safe_file_get_stream (file), "second", 6, NULL,
                                              NULL, &error));
  }
  contents = read_bytes (target);
  g_assert_cmpmem (g_bytes_get_data (contents, NULL), g_bytes_get_size (contents), "first\n", 6);
  g_free (names);
  names = folder_names (fixture->directory);
  g_assert_cmpstr (names, ==, "out.csv");
}

/* What a killed run left is removed by the next writer in that folder;
 * what a live writer holds, and other programs' files, are not. */
static void
test_safe_file_cleans_leftovers (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *leftovers[] = {
    ".goodwill-backup-Ab12Cd", ".goodwill-backup-Ab12Cd-journal", ".goodwill-export-Zz99Yy",
    ".goodwill-restore-Qq11Ww-wal", ".goutputstream-OLD123",
  };
  const char *kept[] = { ".goutputstream-NEW456", ".goodwill-notes.txt-by-hand", "report.pdf" };
  g_autofree char *held = g_build_filename (fixture->directory, ".goodwill-export-Held00", NULL);
  g_autofree char *target = g_build_filename (fixture->directory, "report.pdf", NULL);
  g_autofree char *names = NULL;
  int held_fd;

  for (guint i = 0; i < G_N_ELEMENTS (leftovers); i++)
    {
      g_autofree char *path = g_build_filename (fixture->directory, leftovers[i], NULL);

      g_assert_true (g_file_set_contents (path, "partial", -1, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (fixture->directory, kept[i], NULL);

      g_assert_true (g_file_set_contents (path, "keep", -1, NULL));
    }
  /* The old GLib temporary was last written two hours ago. */
  {
    g_autofree char *path = g_build_filename (fixture->directory, ".goutputstream-OLD123", NULL);
    GStatBuf info;
    struct utimbuf times;

    g_assert_cmpint (g_stat (path, &info), ==, 0);
    times.actime = times.modtime = info.st_mtime - 2 * 3600;
    g_assert_cmpint (g_utime (path, &times), ==, 0);
  }
  /* A writer that is still at work holds its file's lock. */
  g_assert_true (g_file_set_contents (held, "in progress", -1, NULL));
  held_fd = g_open (held, O_RDONLY | O_CLOEXEC, 0);
  g_assert_cmpint (flock (held_fd, LOCK_EX | LOCK_NB), ==, 0);

  /* Hand-made files whose names only look alike stay too. */
  g_assert_true (gw_safe_file_write (target, "%PDF", 4, 0644, &error));
  g_assert_no_error (error);

  names = folder_names (fixture->directory);
  g_assert_cmpstr (names, ==,
                   ".goodwill-export-Held00 .goodwill-notes.txt-by-hand .goutputstream-NEW456 "
                   "report.pdf");
  close (held_fd);
}

/* The store's files, by any name, are never an output. */
static void
test_store_files_are_never_written_over (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autofree char *soft = g_build_filename (fixture->directory, "link.db", NULL);
  g_autofree char *hard = g_build_filename (fixture->directory, "hard.db", NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *folder_link = g_build_filename (fixture->directory, "same-folder", NULL);
  g_autofree char *through_folder = g_build_filename (folder_link, "store.db", NULL);
  g_autofree char *relative = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(GBytes) before = NULL;
  const char *targets[6];

  g_assert_no_error (error);
  add_complaints (store, "Keep me", 3);
  before = read_bytes (fixture->path);
  g_assert_cmpint (symlink (fixture->path, soft), ==, 0);
  g_assert_cmpint (link (fixture->path, hard), ==, 0);
  g_assert_cmpint (symlink (fixture->directory, folder_link), ==, 0);
  g_assert_cmpint (g_chdir (fixture->directory), ==, 0);
  relative = g_strdup ("./store.db");

  targets[0] = fixture->path;
  targets[1] = soft;
  targets[2] = hard;
  targets[3] = wal;
  targets[4] = through_folder;
  targets[5] = relative;
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (targets[i]);
      g_autofree char *name = g_path_get_basename (targets[i]);

      g_test_message ("writing to %s", targets[i]);
      g_assert_false (gw_transfer_export_csv_to_file (store, file, GW_CSV_FORMAT_EXACT, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
      g_assert_nonnull (strstr (error->message, name));
      g_clear_error (&error);
      g_assert_false (gw_store_backup (store, targets[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
      g_clear_error (&error);
      g_assert_false (gw_safe_file_write (targets[i], "%PDF-1.5", 8, 0600, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
      g_clear_error (&error);
    }
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  /* The store is as it was and still opens. */
  {
    g_autoptr(GBytes) after = read_bytes (fixture->path);

    g_assert_true (g_bytes_equal (before, after));
  }
  g_assert_cmpint (gw_store_count_complaints (store, NULL), ==, 3);

  /* Once the store is closed its name is an ordinary file again. */
  g_clear_object (&store);
  g_assert_true (gw_safe_file_write (soft, "x", 1, 0600, &error));
  g_assert_no_error (error);
}

typedef struct {
  char          *path;
  guint          n_rows;
  guint          hold_ms;
  GMutex         mutex;
  GCond          cond;
  gboolean       started;
} Importer;

/* Another program's import: a transaction of its own connection, held
 * open for a while before it commits. */
static gpointer
import_in_thread (gpointer data)
{
  Importer *importer = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) other = gw_store_open (importer->path, &error);

  g_assert_no_error (error);
  g_assert_true (gw_store_begin (other, &error));
  for (guint i = 0; i < importer->n_rows; i++)
    {
      g_autoptr(GwComplaint) complaint = make_complaint ("Imported");

      g_assert_cmpint (gw_store_add_complaint (other, complaint, &error), >, 0);
    }
  g_mutex_lock (&importer->mutex);
  importer->started = TRUE;
  g_cond_signal (&importer->cond);
  g_mutex_unlock (&importer->mutex);
  g_usleep (importer->hold_ms * 1000);
  g_assert_true (gw_store_commit (other, &error));
  g_assert_no_error (error);
  return NULL;
}

static GThread *
start_import (Importer   *importer,
              const char *path,
              guint       n_rows,
              guint       hold_ms)
{
  GThread *thread;

  importer->path = g_strdup (path);
  importer->n_rows = n_rows;
  importer->hold_ms = hold_ms;
  g_mutex_init (&importer->mutex);
  g_cond_init (&importer->cond);
  thread = g_thread_new ("import", import_in_thread, importer);
  g_mutex_lock (&importer->mutex);
  while (!importer->started)
    g_cond_wait (&importer->cond, &importer->mutex);
  g_mutex_unlock (&importer->mutex);
  return thread;
}

static void
importer_clear (Importer *importer)
{
  g_free (importer->path);
  g_mutex_clear (&importer->mutex);
  g_cond_clear (&importer->cond);
}

/* An import that commits while a restore waits is neither lost from both
 * nor half in either: the safety copy holds it, the store the backup. */
static void
test_restore_waits_for_an_import (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autofree char *backup = g_build_filename (fixture->directory, "backup.db", NULL);
  g_autofree char *safety = g_build_filename (fixture->directory, "before-restore.db", NULL);
  Importer importer = { 0 };
  GThread *thread;

  add_complaints (store, "In the backup", 4);
  g_assert_true (gw_store_backup (store, backup, &error));
  add_complaints (store, "Typed since", 2);

  thread = start_import (&importer, fixture->path, 500, 400);
  g_assert_true (gw_store_restore (store, backup, safety, &error));
  g_assert_no_error (error);
  g_thread_join (thread);
  importer_clear (&importer);

  /* The store holds the backup, exactly. */
  g_assert_cmpint (count_in_file (fixture->path, "In the backup"), ==, 4);
  g_assert_cmpint (count_in_file (fixture->path, "Typed since"), ==, 0);
  g_assert_cmpint (count_in_file (fixture->path, "Imported"), ==, 0);
  /* The safety copy holds what the store held when it was replaced:
   * everything, the import included. */
  g_assert_cmpint (count_in_file (safety, "In the backup"), ==, 4);
  g_assert_cmpint (count_in_file (safety, "Typed since"), ==, 2);
  g_assert_cmpint (count_in_file (safety, "Imported"), ==, 500);
}

/* An import that goes on longer than a restore will wait: the restore is
 * refused, says why, and the import is kept whole. */
static void
test_restore_refused_while_busy (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autofree char *backup = g_build_filename (fixture->directory, "backup.db", NULL);
  g_autofree char *safety = g_build_filename (fixture->directory, "before-restore.db", NULL);
  Importer importer = { 0 };
  GThread *thread;

  add_complaints (store, "In the backup", 4);
  g_assert_true (gw_store_backup (store, backup, &error));
  _gw_store_set_restore_wait (store, 200);

  thread = start_import (&importer, fixture->path, 50, 1500);
  g_assert_false (gw_store_restore (store, backup, safety, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "Nothing was restored"));
  g_thread_join (thread);
  importer_clear (&importer);

  g_assert_cmpint (count_in_file (fixture->path, "Imported"), ==, 50);
  g_assert_cmpint (count_in_file (fixture->path, "In the backup"), ==, 4);
  g_assert_false (g_file_test (safety, G_FILE_TEST_EXISTS));
  /* No scratch copy is left beside the store. */
  {
    g_autofree char *names = folder_names (fixture->directory);

    g_assert_null (strstr (names, ".goodwill-"));
  }
}

/* A backup written with another page size restores; a damaged one is
 * refused by the name the person chose, not a temporary name. */
static void
test_restore_says_what_is_wrong (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);
  g_autofree char *other_size = g_build_filename (fixture->directory, "big-pages.db", NULL);
  g_autofree char *damaged = g_build_filename (fixture->directory, "damaged backup.db", NULL);

  add_complaints (store, "Here now", 3);
  {
    g_autoptr(GwStore) other = gw_store_open (other_size, &error);
    sqlite3 *db;

    add_complaints (other, "From the big pages", 7);
    g_clear_object (&other);
    g_assert_cmpint (sqlite3_open (other_size, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA page_size = 16384;"
                                   " VACUUM;", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_assert_true (gw_store_restore (store, other_size, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gw_store_count_complaints (store, NULL), ==, 7);

  {
    g_autoptr(GwStore) other = gw_store_open (damaged, &error);
    g_autofree guint8 *contents = NULL;
    gsize length;

    add_complaints (other, "Soon damaged", 400);
    g_clear_object (&other);
    g_assert_true (g_file_get_contents (damaged, (char **) &contents, &length, NULL));
    g_assert_cmpuint (length, >, 20 * 4096);
    for (gsize i = 10 * 4096; i < 12 * 4096; i++)
      contents[i] = (guint8) (i * 7);
    g_assert_true (g_file_set_contents (damaged, (const char *) contents, length, NULL));
  }
  g_assert_false (gw_store_restore (store, damaged, NULL, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“damaged backup.db” is damaged"));
  g_assert_null (strstr (error->message, ".goodwill-"));
  g_assert_null (strstr (error->message, "restore it from a backup"));
  g_assert_cmpint (gw_store_count_complaints (store, NULL), ==, 7);
}

/* An SQLite file with no tables that another program has versioned is not
 * made into a store: refused, and left byte for byte as it was. */
static void
test_foreign_empty_file_left_alone (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 3", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = read_bytes (fixture->path);

  store = gw_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_GOODWILL);
  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* A store made by hand, or by an older version, readable by all: made
 * private when it is opened. */
static void
test_open_makes_store_private (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GStatBuf info;

  {
    g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);

    add_complaints (store, "Private", 1);
  }
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  {
    g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (g_stat (fixture->path, &info), ==, 0);
    g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  }
}

/* Opened without reading every page, the store takes no change until the
 * check has found it whole, and none after it found damage. */
static void
test_no_write_before_the_check (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwComplaint) complaint = make_complaint ("Too early");

  {
    g_autoptr(GwStore) store = gw_store_open (fixture->path, &error);

    add_complaints (store, "Before", 400);
  }
  {
    g_autoptr(GwStore) store = gw_store_open_unchecked (fixture->path, &error);

    g_assert_no_error (error);
    g_assert_false (gw_store_is_verified (store));
    g_assert_cmpint (gw_store_add_complaint (store, complaint, &error), ==, 0);
    g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_BUSY);
    g_assert_nonnull (strstr (error->message, "still checking"));
    g_clear_error (&error);
    g_assert_false (gw_store_begin (store, &error));
    g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_BUSY);
    g_clear_error (&error);

    g_assert_true (gw_store_check_integrity (store, &error));
    g_assert_true (gw_store_is_verified (store));
    g_assert_cmpint (gw_store_add_complaint (store, complaint, &error), >, 0);
    g_assert_no_error (error);
  }

  /* Damaged in the middle: the check finds it, and nothing is saved. */
  {
    g_autofree guint8 *contents = NULL;
    gsize length;
    g_autoptr(GwStore) store = NULL;

    g_assert_true (g_file_get_contents (fixture->path, (char **) &contents, &length, NULL));
    for (gsize i = 20 * 4096; i < 22 * 4096; i++)
      contents[i] = (guint8) (i * 13);
    g_assert_true (g_file_set_contents (fixture->path, (const char *) contents, length, NULL));

    store = gw_store_open_unchecked (fixture->path, &error);
    g_assert_no_error (error);
    g_assert_false (gw_store_check_integrity (store, &error));
    g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_CORRUPT);
    g_clear_error (&error);
    g_assert_cmpint (gw_store_add_complaint (store, complaint, &error), ==, 0);
    g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_CORRUPT);
  }
}

/* A store opened only for reading exports and backs up, and refuses
 * every change. */
static void
test_read_only_store_reads (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = NULL;
  g_autoptr(GwComplaint) complaint = make_complaint ("Refused");
  g_autofree char *backup = g_build_filename (fixture->directory, "copy.db", NULL);
  g_autofree char *csv = g_build_filename (fixture->directory, "out.csv", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  guint n_exported = 0;

  {
    g_autoptr(GwStore) writer = gw_store_open (fixture->path, &error);

    add_complaints (writer, "Read me", 5);
  }
  store = gw_store_open_read_only (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (gw_store_is_read_only (store));
  g_assert_cmpint (gw_store_count_complaints (store, NULL), ==, 5);
  g_assert_true (gw_transfer_export_csv_to_file (store, csv_file, GW_CSV_FORMAT_EXACT, &n_exported, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_exported, ==, 5);
  g_assert_true (gw_store_backup (store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_in_file (backup, "Read me"), ==, 5);

  g_assert_cmpint (gw_store_add_complaint (store, complaint, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_READ_ONLY);
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
  ADD ("/safety/file/whole-or-not-at-all", test_safe_file_whole_or_not_at_all);
  ADD ("/safety/file/cleans-leftovers", test_safe_file_cleans_leftovers);
  ADD ("/safety/store/never-written-over", test_store_files_are_never_written_over);
  ADD ("/safety/restore/waits-for-an-import", test_restore_waits_for_an_import);
  ADD ("/safety/restore/refused-while-busy", test_restore_refused_while_busy);
  ADD ("/safety/restore/says-what-is-wrong", test_restore_says_what_is_wrong);
  ADD ("/safety/open/foreign-empty-file", test_foreign_empty_file_left_alone);
  ADD ("/safety/open/made-private", test_open_makes_store_private);
  ADD ("/safety/open/no-write-before-check", test_no_write_before_the_check);
  ADD ("/safety/open/read-only", test_read_only_store_reads);
  return g_test_run ();
}
