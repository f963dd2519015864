/* gw-store.c: opening, checking and migrating the store; transactions;
 * backup; the change signal
 */

#define G_LOG_DOMAIN "gw-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "gw-store-private.h"

/* "GwL1" in PRAGMA application_id marks a file as ours. */
#define GOODWILL_APPLICATION_ID 0x47774c31

#define BUSY_TIMEOUT_MS 5000

struct _GwStore {
  GObject       parent_instance;

  char         *path;
  sqlite3      *db;
  GRecMutex     mutex;
  GMainContext *owner_context;
  GThread      *owner_thread;
  GHashTable   *statements;

  /* The long reads' own connection, opened when first needed. */
  sqlite3      *reader;
  GMutex        reader_mutex;

  /* Nesting of savepoints, and the tables changed inside the outermost
   * transaction: announced only once it commits. */
  guint         depth;
  gboolean      explicit_transaction;
  gboolean      transaction_failed;
  GHashTable   *pending_changes;
};

G_DEFINE_FINAL_TYPE (GwStore, gw_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (gw-store-error-quark, gw_store_error)

typedef struct {
  GwStore *store;
  char    *table;
  gint64   id;
} ChangeNotice;

static void
change_notice_free (ChangeNotice *notice)
{
  g_object_unref (notice->store);
  g_free (notice->table);
  g_free (notice);
}

static gboolean
emit_change_notice (gpointer data)
{
  ChangeNotice *notice = data;

  g_signal_emit (notice->store, signals[CHANGED], g_quark_from_string (notice->table),
                 notice->table, notice->id);
  return G_SOURCE_REMOVE;
}

static void
announce (GwStore    *self,
          const char *table,
          gint64      id)
{
  ChangeNotice *notice = g_new0 (ChangeNotice, 1);

  notice->store = g_object_ref (self);
  notice->table = g_strdup (table);
  notice->id = id;

  /* On the thread that opened the store, at once; from a worker, through
   * the opener's main context, since views listen on the main thread. */
  if (g_thread_self () == self->owner_thread)
    {
      emit_change_notice (notice);
      change_notice_free (notice);
    }
  else
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, emit_change_notice, notice,
                             (GDestroyNotify) change_notice_free);
      g_source_attach (source, self->owner_context);
    }
}

void
_gw_store_changed (GwStore    *self,
                   const char *table,
                   gint64      id)
{
  if (self->depth > 0)
    {
      /* Many rows of one table changed in a transaction: say "many" (0). */
      gpointer old_id;

      if (g_hash_table_lookup_extended (self->pending_changes, table, NULL, &old_id)
          && GPOINTER_TO_SIZE (old_id) != (gsize) id)
        id = 0;
      g_hash_table_insert (self->pending_changes, g_strdup (table), GSIZE_TO_POINTER ((gsize) id));
      return;
    }
  announce (self, table, id);
}

static void
flush_pending_changes (GwStore *self)
{
  GHashTableIter iter;
  gpointer table, id;

  g_hash_table_iter_init (&iter, self->pending_changes);
  while (g_hash_table_iter_next (&iter, &table, &id))
    announce (self, table, (gint64) GPOINTER_TO_SIZE (id));
  g_hash_table_remove_all (self->pending_changes);
}

/* NULL binds as the empty string: text columns are NOT NULL DEFAULT ''. */
void
_gw_store_bind_text (sqlite3_stmt *statement,
                     int           index,
                     const char   *text)
{
  sqlite3_bind_text (statement, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

char *
_gw_store_column_text (sqlite3_stmt *statement,
                       int           column)
{
  const char *text = (const char *) sqlite3_column_text (statement, column);

  return g_strdup (text != NULL ? text : "");
}

gint64
_gw_store_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

sqlite3 *
_gw_store_get_db (GwStore *self)
{
  return self->db;
}

void
_gw_store_lock (GwStore *self)
{
  g_rec_mutex_lock (&self->mutex);
}

void
_gw_store_unlock (GwStore *self)
{
  g_rec_mutex_unlock (&self->mutex);
}

static void
set_error_for_code (int          code,
                    const char  *detail,
                    GError     **error)
{
  switch (code & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_DISK_FULL,
                   _("The disk is full, so nothing was saved. Free some space and try again."));
      break;
    case SQLITE_READONLY:
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_READ_ONLY,
                   _("The database can only be read, so nothing was saved (%s)."), detail);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_CORRUPT,
                   _("The database is damaged (%s). Restore it from a backup."), detail);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_GOODWILL,
                   _("The file is not a Goodwill database."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_BUSY,
                   _("The database is busy in another program. Try again in a moment."));
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_CANNOT_OPEN,
                   _("The database cannot be opened (%s)."), detail);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                   _("The change breaks a rule of the database (%s)."), detail);
      break;
    default:
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_FAILED,
                   _("The database reported an error: %s"), detail);
      break;
    }
}

/* As _gw_store_set_error(), for a failure on another connection. */
void
_gw_store_set_error_from (sqlite3  *db,
                          int       code,
                          GError  **error)
{
  set_error_for_code (code, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (code), error);
}

void
_gw_store_set_error (GwStore  *self,
                     int       code,
                     GError  **error)
{
  set_error_for_code (code, self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (code),
                      error);
}

/* Statements are prepared once and kept; @sql must be a string literal,
 * since it is the cache key. */
sqlite3_stmt *
_gw_store_prepare (GwStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *statement = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (statement != NULL)
    {
      sqlite3_reset (statement);
      sqlite3_clear_bindings (statement);
      return statement;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, NULL);
  if (rc != SQLITE_OK)
    {
      _gw_store_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, statement);
  return statement;
}

gboolean
_gw_store_step_done (GwStore      *self,
                     sqlite3_stmt *statement,
                     GError      **error)
{
  int rc = sqlite3_step (statement);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _gw_store_set_error (self, rc, error);
      sqlite3_reset (statement);
      return FALSE;
    }
  sqlite3_reset (statement);
  return TRUE;
}

static gboolean
exec_sql (GwStore     *self,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _gw_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Every write goes through a savepoint, so a single call is atomic. Inside
 * an explicit transaction (an import) the calls only count their depth: a
 * savepoint per row journals every page it touches and makes a big import
 * many times slower, and a failure there rolls the whole transaction back. */
gboolean
_gw_store_savepoint (GwStore  *self,
                     GError  **error)
{
  if (!self->explicit_transaction && !exec_sql (self, "SAVEPOINT gw_write", error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
_gw_store_release (GwStore  *self,
                   GError  **error)
{
  if (self->explicit_transaction && self->depth > 1)
    {
      self->depth--;
      return TRUE;
    }
  if (!exec_sql (self, "RELEASE gw_write", error))
    {
      _gw_store_rollback_to (self);
      return FALSE;
    }
  self->depth--;
  if (self->depth == 0)
    flush_pending_changes (self);
  return TRUE;
}

void
_gw_store_rollback_to (GwStore *self)
{
  g_return_if_fail (self->depth > 0);

  if (self->explicit_transaction && self->depth > 1)
    {
      /* Only the whole transaction can be undone now. */
      self->transaction_failed = TRUE;
      self->depth--;
      return;
    }
  sqlite3_exec (self->db, "ROLLBACK TO gw_write; RELEASE gw_write", NULL, NULL, NULL);
  self->depth--;
  if (self->depth == 0)
    g_hash_table_remove_all (self->pending_changes);
}

/**
 * gw_store_begin:
 *
 * Starts a transaction that every following write joins until
 * gw_store_commit() or gw_store_rollback(). Holds the store for this thread.
 */
gboolean
gw_store_begin (GwStore  *self,
                GError  **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  _gw_store_lock (self);
  if (self->explicit_transaction)
    {
      _gw_store_unlock (self);
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_FAILED,
                           "A transaction is already open");
      return FALSE;
    }
  if (!_gw_store_savepoint (self, error))
    {
      _gw_store_unlock (self);
      return FALSE;
    }
  self->explicit_transaction = TRUE;
  self->transaction_failed = FALSE;
  return TRUE;
}

gboolean
gw_store_commit (GwStore  *self,
                 GError  **error)
{
  gboolean ok;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->explicit_transaction, FALSE);

  if (self->transaction_failed)
    {
      /* A write inside failed: committing the rest would keep half of it. */
      self->explicit_transaction = FALSE;
      _gw_store_rollback_to (self);
      _gw_store_unlock (self);
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_FAILED,
                           _("A change in this batch failed, so none of it was saved."));
      return FALSE;
    }
  self->explicit_transaction = FALSE;
  ok = _gw_store_release (self, error);
  _gw_store_unlock (self);
  return ok;
}

void
gw_store_rollback (GwStore *self)
{
  g_return_if_fail (GW_IS_STORE (self));
  g_return_if_fail (self->explicit_transaction);

  self->explicit_transaction = FALSE;
  _gw_store_rollback_to (self);
  _gw_store_unlock (self);
}

char *
gw_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "goodwill", "goodwill.db", NULL);
}

static GBytes *
load_migration (int          version,
                GError     **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  name = g_strdup_printf ("/io/github/goodwill/Goodwill/migrations/%03d.sql", version);
  bytes = g_resources_lookup_data (name, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_FAILED,
                 "Migration %d is missing: %s", version, local_error->message);
  return bytes;
}

static gboolean
run_migration (GwStore  *self,
               int       version,
               GError  **error)
{
  g_autoptr(GBytes) bytes = load_migration (version, error);
  g_autofree char *sql = NULL;
  g_autofree char *stamp = NULL;

  if (bytes == NULL)
    return FALSE;

  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  stamp = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                           version, GOODWILL_APPLICATION_ID);

  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!exec_sql (self, sql, error) || !exec_sql (self, stamp, error))
    {
      g_prefix_error (error, _("Updating the database to version %d failed: "), version);
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return exec_sql (self, "COMMIT", error);
}

static gboolean
query_int (GwStore     *self,
           const char  *sql,
           int         *value,
           GError     **error)
{
  sqlite3_stmt *statement = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &statement, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (statement);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (statement, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (statement);
  if (rc != SQLITE_OK)
    {
      _gw_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Reads the file's identity without writing to it. */
static gboolean
check_identity (GwStore  *self,
                int      *version,
                GError  **error)
{
  int application_id = 0;
  int n_objects = 0;
  g_autoptr(GError) local_error = NULL;

  if (!query_int (self, "PRAGMA application_id", &application_id, &local_error)
      || !query_int (self, "PRAGMA user_version", version, &local_error)
      || !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, &local_error))
    {
      if (g_error_matches (local_error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_GOODWILL)
          || g_error_matches (local_error, GW_STORE_ERROR, GW_STORE_ERROR_CORRUPT))
        g_set_error (error, GW_STORE_ERROR, local_error->code,
                     _("“%s” is not a Goodwill database, or it is damaged. "
                       "It was left as it is."), self->path);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (n_objects > 0 && application_id != GOODWILL_APPLICATION_ID)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_GOODWILL,
                   _("“%s” is a database of another program, not of Goodwill. "
                     "It was left as it is."), self->path);
      return FALSE;
    }

  if (*version > GW_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Goodwill (database version %d; "
                     "this version knows up to %d). Update Goodwill to open it. "
                     "It was left as it is."),
                   self->path, *version, GW_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_integrity (GwStore  *self,
                 GError  **error)
{
  sqlite3_stmt *statement = NULL;
  gboolean ok = FALSE;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &statement, NULL);

  if (rc == SQLITE_OK && sqlite3_step (statement) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (statement, 0), "ok") == 0;
  sqlite3_finalize (statement);

  if (!ok)
    g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_CORRUPT,
                 _("“%s” is damaged and was left as it is. Restore it from a backup."),
                 self->path);
  return ok;
}

/* Creates the file with owner-only permissions before SQLite sees it: it
 * holds customers' personal data. */
static gboolean
create_private_file (const char  *path,
                     gboolean    *created,
                     GError     **error)
{
  g_autofree char *directory = g_path_get_dirname (path);
  int fd;

  *created = FALSE;
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_CANNOT_OPEN,
                   _("The folder “%s” cannot be created: %s"), directory,
                   g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      *created = TRUE;
      close (fd);
      return TRUE;
    }
  if (errno == EEXIST)
    return TRUE;

  {
    int saved_errno = errno;

    g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_CANNOT_OPEN,
                 _("“%s” cannot be created: %s"), path, g_strerror (saved_errno));
  }
  return FALSE;
}

static gboolean
open_connection (GwStore  *self,
                 gboolean  check,
                 GError  **error)
{
  gboolean created = FALSE;
  int version = 0;
  int rc;

  if (!create_private_file (self->path, &created, error))
    return FALSE;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      _gw_store_set_error (self, rc, error);
      g_prefix_error (error, "%s: ", self->path);
      goto fail;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (!check_identity (self, &version, error))
    goto fail;

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_READ_ONLY,
                   _("“%s” can only be read: Goodwill needs to write to it. "
                     "Check the file’s permissions."), self->path);
      goto fail;
    }

  if (check && version > 0 && !check_integrity (self, error))
    goto fail;

  /* Only now that the file is known to be ours is anything written. */
  if (!exec_sql (self,
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = NORMAL;"
                 "PRAGMA foreign_keys = ON;"
                 /* Statement journals and sorting in memory: a big import
                  * otherwise writes a temporary file for every row. */
                 "PRAGMA temp_store = MEMORY;",
                 error))
    goto fail;

  for (int next = version + 1; next <= GW_STORE_SCHEMA_VERSION; next++)
    if (!run_migration (self, next, error))
      goto fail;

  return TRUE;

fail:
  g_clear_pointer (&self->db, sqlite3_close_v2);
  /* A file we created a moment ago and could not use is not left behind. */
  if (created)
    g_unlink (self->path);
  return FALSE;
}

static void
gw_store_finalize (GObject *object)
{
  GwStore *self = (GwStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending_changes, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->reader, sqlite3_close_v2);
  g_clear_pointer (&self->owner_context, g_main_context_unref);
  g_rec_mutex_clear (&self->mutex);
  g_mutex_clear (&self->reader_mutex);
  g_free (self->path);

  G_OBJECT_CLASS (gw_store_parent_class)->finalize (object);
}

static void
gw_store_class_init (GwStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gw_store_finalize;

  /**
   * GwStore::changed:
   * @table: the table that changed, also the signal's detail
   * @id: the row that changed, or 0 for many rows
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
}

static void
finalize_statement (gpointer statement)
{
  sqlite3_finalize (statement);
}

static void
gw_store_init (GwStore *self)
{
  g_rec_mutex_init (&self->mutex);
  g_mutex_init (&self->reader_mutex);
  self->owner_context = g_main_context_ref_thread_default ();
  self->owner_thread = g_thread_self ();
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  self->pending_changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * gw_store_open:
 * @path: the database file; created (mode 0600) when missing
 *
 * Opens the store and brings its schema up to date. A file that is not a
 * Goodwill database, is damaged, or comes from a newer version is refused
 * and never written.
 */
GwStore *
gw_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(GwStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (GW_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  if (!open_connection (self, TRUE, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * gw_store_open_unchecked:
 *
 * As gw_store_open(), but without reading every page to find damage, which
 * takes seconds on a big store. Run gw_store_check_integrity() soon after,
 * off the main loop.
 */
GwStore *
gw_store_open_unchecked (const char  *path,
                         GError     **error)
{
  g_autoptr(GwStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (GW_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  if (!open_connection (self, FALSE, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* A read-only connection of its own, for long reads that must not hold up
 * the main connection (and the main loop waiting on it): WAL lets it read
 * while the other writes. */
sqlite3 *
_gw_store_open_reader (GwStore  *self,
                       GError  **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (self->path, &db,
                            SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                            NULL);

  if (rc != SQLITE_OK)
    {
      set_error_for_code (rc, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc), error);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_exec (db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
  return db;
}

/* The shared read-only connection for long reads, locked for the caller
 * until _gw_store_unlock_reader(). */
sqlite3 *
_gw_store_lock_reader (GwStore  *self,
                       GError  **error)
{
  g_mutex_lock (&self->reader_mutex);
  if (self->reader == NULL)
    self->reader = _gw_store_open_reader (self, error);
  if (self->reader == NULL)
    g_mutex_unlock (&self->reader_mutex);
  return self->reader;
}

void
_gw_store_unlock_reader (GwStore *self)
{
  g_mutex_unlock (&self->reader_mutex);
}

/**
 * gw_store_check_integrity:
 *
 * Reads the whole file looking for damage, on a connection of its own so the
 * store stays usable meanwhile. Slow on a big store: call it from a worker.
 */
gboolean
gw_store_check_integrity (GwStore  *self,
                          GError  **error)
{
  sqlite3 *db;
  sqlite3_stmt *statement = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  db = _gw_store_open_reader (self, error);
  if (db == NULL)
    return FALSE;
  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &statement, NULL) == SQLITE_OK
      && sqlite3_step (statement) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (statement, 0), "ok") == 0;
  sqlite3_finalize (statement);
  sqlite3_close (db);

  if (!ok)
    g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_CORRUPT,
                 _("“%s” is damaged. Nothing more will be saved to it; restore it from a "
                   "backup."), self->path);
  return ok;
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GwStore *self = task_data;
  GError *error = NULL;

  if (open_connection (self, FALSE, &error))
    g_task_return_pointer (task, g_object_ref (self), g_object_unref);
  else
    g_task_return_error (task, error);
}

/* As gw_store_open_unchecked(), on a worker thread: migrating a large store
 * takes time the main loop does not have. Follow it with
 * gw_store_check_integrity() on a worker thread. */
void
gw_store_open_async (const char          *path,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GwStore *self;

  g_return_if_fail (path != NULL);

  /* Made here, so ::changed is emitted on the caller's main context. */
  self = g_object_new (GW_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_task_data (task, self, g_object_unref);
  g_task_run_in_thread (task, open_in_thread);
}

GwStore *
gw_store_open_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
gw_store_get_path (GwStore *self)
{
  g_return_val_if_fail (GW_IS_STORE (self), NULL);
  return self->path;
}

int
gw_store_get_schema_version (GwStore *self)
{
  int version = 0;

  g_return_val_if_fail (GW_IS_STORE (self), 0);

  _gw_store_lock (self);
  query_int (self, "PRAGMA user_version", &version, NULL);
  _gw_store_unlock (self);
  return version;
}

/**
 * gw_store_backup:
 * @destination: the file to write; replaced only once the copy is whole
 *
 * Copies the store with SQLite's online backup API, which is safe while other
 * programs use it, checks the copy, then moves it into place.
 */
gboolean
gw_store_backup (GwStore     *self,
                 const char  *destination,
                 GError     **error)
{
  g_autofree char *directory = NULL;
  g_autofree char *temporary = NULL;
  sqlite3 *copy = NULL;
  sqlite3 *source = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  directory = g_path_get_dirname (destination);
  temporary = g_build_filename (directory, ".goodwill-backup-XXXXXX", NULL);
  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_CANNOT_OPEN,
                   _("Cannot write a backup in “%s”: %s"), directory, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (temporary, &copy, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    goto fail;

  /* From a connection of its own: a snapshot of what is committed, while
   * the store stays usable (a big store takes seconds to copy). */
  source = _gw_store_open_reader (self, NULL);
  if (source == NULL)
    {
      rc = SQLITE_CANTOPEN;
      goto fail;
    }
  backup = sqlite3_backup_init (copy, "main", source, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (copy);
      sqlite3_close (source);
      goto fail;
    }
  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  sqlite3_close (source);
  if (rc != SQLITE_DONE)
    goto fail;

  /* A backup in rollback-journal mode is one self-contained file. */
  rc = sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto fail;

  {
    sqlite3_stmt *statement = NULL;
    gboolean whole = FALSE;

    if (sqlite3_prepare_v2 (copy, "PRAGMA integrity_check", -1, &statement, NULL) == SQLITE_OK
        && sqlite3_step (statement) == SQLITE_ROW)
      whole = g_strcmp0 ((const char *) sqlite3_column_text (statement, 0), "ok") == 0;
    sqlite3_finalize (statement);
    if (!whole)
      {
        rc = SQLITE_CORRUPT;
        goto fail;
      }
  }

  rc = sqlite3_close (copy);
  copy = NULL;
  if (rc != SQLITE_OK)
    goto fail;

  if (g_rename (temporary, destination) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_CANNOT_OPEN,
                   _("Cannot write the backup “%s”: %s"), destination, g_strerror (saved_errno));
      g_unlink (temporary);
      return FALSE;
    }
  return TRUE;

fail:
  set_error_for_code (rc, copy != NULL ? sqlite3_errmsg (copy) : sqlite3_errstr (rc), error);
  g_prefix_error (error, _("The backup failed: "));
  if (copy != NULL)
    sqlite3_close (copy);
  g_unlink (temporary);
  return FALSE;
}

/* Tables whose views reload after a restore: everything the store holds. */
static const char *const restored_tables[] = {
  "complaints", "customers", "categories", "staff", "recognitions", "trainings", "concerns",
  "vision_statements", "goals", "goal_values", "month_notes", "policy_sections", "assessments",
};

/* Whether @path is an SQLite file that Goodwill has made its store:
 * user_version is set by the first migration. */
static gboolean
holds_goodwill_data (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;
  gboolean found = FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &statement, NULL) == SQLITE_OK
      && sqlite3_step (statement) == SQLITE_ROW)
    found = sqlite3_column_int (statement, 0) > 0;
  sqlite3_finalize (statement);
  sqlite3_close (db);
  return found;
}

static void
remove_store_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/**
 * gw_store_restore:
 * @source: a backup made by gw_store_backup(), or any Goodwill store
 *
 * Replaces everything in the store with what @source holds. The backup is
 * first copied and opened as a store of its own, so one that is not
 * Goodwill's, is damaged or comes from a newer version is refused before
 * anything here changes, and the backup file itself is never written to.
 * Every view is told that everything changed.
 */
gboolean
gw_store_restore (GwStore     *self,
                  const char  *source,
                  GError     **error)
{
  g_autofree char *directory = NULL;
  g_autofree char *temporary = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autoptr(GwStore) backup = NULL;
  sqlite3_backup *copy;
  gboolean ok = FALSE;
  int fd;
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  directory = g_path_get_dirname (self->path);
  temporary = g_build_filename (directory, ".goodwill-restore-XXXXXX", NULL);
  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_CANNOT_OPEN,
                   _("Cannot restore in “%s”: %s"), directory, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  from = g_file_new_for_path (source);
  to = g_file_new_for_path (temporary);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    {
      g_prefix_error (error, _("Cannot read the backup: "));
      goto out;
    }
  /* A store still in use keeps its latest changes beside it. */
  {
    g_autofree char *source_wal = g_strconcat (source, "-wal", NULL);
    g_autofree char *temporary_wal = g_strconcat (temporary, "-wal", NULL);
    g_autoptr(GFile) wal_from = g_file_new_for_path (source_wal);
    g_autoptr(GFile) wal_to = g_file_new_for_path (temporary_wal);

    if (g_file_query_exists (wal_from, NULL)
        && !g_file_copy (wal_from, wal_to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
      {
        g_prefix_error (error, _("Cannot read the backup: "));
        goto out;
      }
  }
  /* Opening would make an empty file a new, empty store; restoring that
   * would wipe everything. */
  if (!holds_goodwill_data (temporary))
    {
      g_autofree char *name = g_path_get_basename (source);

      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_GOODWILL,
                   _("“%s” holds no Goodwill data, so nothing was restored."), name);
      goto out;
    }
  backup = gw_store_open (temporary, error);
  if (backup == NULL || !gw_store_check_integrity (backup, error))
    {
      g_prefix_error (error, _("The backup cannot be restored: "));
      goto out;
    }

  _gw_store_lock (self);
  copy = sqlite3_backup_init (self->db, "main", backup->db, "main");
  if (copy == NULL)
    rc = sqlite3_errcode (self->db);
  else
    {
      do
        {
          rc = sqlite3_backup_step (copy, -1);
          if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep (50);
        }
      while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
      sqlite3_backup_finish (copy);
    }
  /* Statements prepared against the old contents are prepared again. */
  g_hash_table_remove_all (self->statements);
  _gw_store_unlock (self);
  if (rc != SQLITE_DONE)
    {
      set_error_for_code (rc, sqlite3_errmsg (self->db), error);
      g_prefix_error (error, _("The restore failed: "));
      goto out;
    }
  for (guint i = 0; i < G_N_ELEMENTS (restored_tables); i++)
    _gw_store_changed (self, restored_tables[i], 0);
  ok = TRUE;

out:
  g_clear_object (&backup);
  remove_store_files (temporary);
  return ok;
}

/* For tests and the command line; @table must be one of the store's own. */
gint64
gw_store_count_rows (GwStore     *self,
                     const char  *table,
                     GError     **error)
{
  static const char *const queries[][2] = {
    { "complaints", "SELECT count(*) FROM complaints WHERE deleted_at IS NULL" },
    { "customers", "SELECT count(*) FROM customers WHERE deleted_at IS NULL AND merged_into IS NULL" },
    { "staff", "SELECT count(*) FROM staff WHERE deleted_at IS NULL" },
    { "categories", "SELECT count(*) FROM categories WHERE deleted_at IS NULL AND merged_into IS NULL" },
    { "complaint_events", "SELECT count(*) FROM complaint_events WHERE deleted_at IS NULL" },
  };
  gint64 count = -1;

  g_return_val_if_fail (GW_IS_STORE (self), -1);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *statement;
      int rc;

      if (g_strcmp0 (table, queries[i][0]) != 0)
        continue;

      _gw_store_lock (self);
      statement = _gw_store_prepare (self, queries[i][1], error);
      if (statement != NULL)
        {
          rc = sqlite3_step (statement);
          if (rc == SQLITE_ROW)
            count = sqlite3_column_int64 (statement, 0);
          else
            _gw_store_set_error (self, rc, error);
          sqlite3_reset (statement);
        }
      _gw_store_unlock (self);
      return count;
    }

  g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID, "No such table: %s", table);
  return -1;
}
