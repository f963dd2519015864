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

#include "core/gw-safe-file.h"
#include "gw-store-private.h"

/* "GwL1" in PRAGMA application_id marks a file as ours. */
#define GOODWILL_APPLICATION_ID 0x47774c31

#define BUSY_TIMEOUT_MS 5000
/* How long a restore waits for another program's write to end. */
#define RESTORE_WAIT_MS 10000

/* The files SQLite keeps beside a database. */
static const char *const store_file_suffixes[] = { "", "-wal", "-shm", "-journal" };

struct _GwStore {
  GObject       parent_instance;

  char         *path;
  sqlite3      *db;
  gboolean      read_only;
  gboolean      immutable;    /* read-only, on a folder where SQLite can keep no lock file */
  gboolean      protecting;   /* its files are registered with gw_safe_file_protect() */

  /* Opened without reading every page: nothing is written until
   * gw_store_check_integrity() has found it whole. Atomic: the main loop
   * asks while a worker may hold the store for an import. */
  gint          unverified;
  gint          damaged;

  guint         restore_wait_ms;
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

  /* In a batch, complaints from this id on are indexed for search once, at
   * commit, not one by one: see _gw_store_defer_search(). 0: not deferred. */
  gint64        deferred_search_from;
  GPtrArray    *deferred_schema;   /* what the commit creates again */
  int           cache_size_before_batch;  /* 0: not changed */
  /* Names a batch has resolved; NULL outside gw_store_begin(). */
  GwReferenceCache *references;
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
  /* A change that resolving names did not make itself (an edit, a merge)
   * may change what any name resolves to. */
  if (self->references != NULL
      && (g_str_equal (table, "customers") || g_str_equal (table, "categories")
          || g_str_equal (table, "staff")))
    gw_reference_cache_clear (self->references);
  _gw_store_changed_resolving (self, table, id);
}

/* For a change that the resolving of names made and told the batch's
 * references of itself. */
void
_gw_store_changed_resolving (GwStore    *self,
                             const char *table,
                             gint64      id)
{
  if (self->depth > 0)
    {
      /* Many rows of one table changed in a transaction: say "many" (0). */
      gpointer old_id;

      /* Once "many", a table stays so: a batch then allocates nothing. */
      if (!g_hash_table_lookup_extended (self->pending_changes, table, NULL, &old_id))
        g_hash_table_insert (self->pending_changes, g_strdup (table), GSIZE_TO_POINTER ((gsize) id));
      else if (old_id != NULL && GPOINTER_TO_SIZE (old_id) != (gsize) id)
        g_hash_table_insert (self->pending_changes, g_strdup (table), NULL);
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

/* Without a copy: @text must stay as it is until the statement has been
 * stepped and reset, and every parameter bound again before the next step. */
void
_gw_store_bind_text_static (sqlite3_stmt *statement,
                            int           index,
                            const char   *text)
{
  sqlite3_bind_text (statement, index, text != NULL ? text : "", -1, SQLITE_STATIC);
}

char *
_gw_store_column_text (sqlite3_stmt *statement,
                       int           column)
{
  const char *text = (const char *) sqlite3_column_text (statement, column);

  return g_strdup (text != NULL ? text : "");
}

/* A time that may be unset is NULL in the store, never a number. */
void
_gw_store_bind_time (sqlite3_stmt *statement,
                     int           index,
                     gint64        time)
{
  if (time == GW_NO_TIME)
    sqlite3_bind_null (statement, index);
  else
    sqlite3_bind_int64 (statement, index, time);
}

gint64
_gw_store_column_time (sqlite3_stmt *statement,
                       int           column)
{
  if (sqlite3_column_type (statement, column) == SQLITE_NULL)
    return GW_NO_TIME;
  return sqlite3_column_int64 (statement, column);
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

/* The names this batch has resolved, or NULL outside a batch. */
GwReferenceCache *
_gw_store_get_references (GwStore *self)
{
  return self->explicit_transaction ? self->references : NULL;
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
/* Whether anything may be written now; says why not. */
static gboolean
check_writable (GwStore  *self,
                GError  **error)
{
  g_autofree char *name = NULL;

  if (!self->read_only && !g_atomic_int_get (&self->damaged)
      && !g_atomic_int_get (&self->unverified))
    return TRUE;

  name = g_filename_display_name (self->path);
  if (g_atomic_int_get (&self->damaged))
    g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_CORRUPT,
                 _("“%s” is damaged. Nothing more will be saved to it; restore it from a "
                   "backup."), name);
  else if (self->read_only)
    g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_READ_ONLY,
                 _("“%s” is open only for reading, so nothing was saved."), name);
  else
    g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_BUSY,
                 _("Goodwill is still checking “%s” for damage, which takes a few seconds on "
                   "a big store. Nothing was saved yet: try again in a moment."), name);
  return FALSE;
}

gboolean
_gw_store_savepoint (GwStore  *self,
                     GError  **error)
{
  if (self->depth == 0 && !check_writable (self, error))
    return FALSE;
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

static gboolean query_int (GwStore     *self,
                           const char  *sql,
                           int         *value,
                           GError     **error);

/* What the search index holds in memory before it writes a segment. */
#define SEARCH_PENDING_BYTES 67108864
/* The page cache of a batch, in KiB: the indexes that stay, the customers
 * and the newest pages of the tables, without writing them out to the WAL
 * and reading them back row after row. */
#define BATCH_CACHE_KIB 65536

static void
restore_cache_size (GwStore *self)
{
  g_autofree char *sql = NULL;

  if (self->cache_size_before_batch == 0)
    return;
  sql = g_strdup_printf ("PRAGMA cache_size = %d", self->cache_size_before_batch);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  self->cache_size_before_batch = 0;
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
    {
      g_hash_table_remove_all (self->pending_changes);
      /* The rollback brought the trigger and indexes back with the rest. */
      self->deferred_search_from = 0;
      g_clear_pointer (&self->deferred_schema, g_ptr_array_unref);
      restore_cache_size (self);
      g_clear_pointer (&self->references, gw_reference_cache_free);
    }
}

/* The complaints' indexes a batch builds at its commit instead of row by
 * row: sorting once is several times faster than inserting each new
 * complaint at its place. complaints_customer stays, because the trigger
 * that reindexes a customer's complaints when the record changes finds
 * them by it. */
static const char *const deferred_indexes[] = {
  "complaints_received",
  "complaints_unresolved",
  "complaints_category",
  "complaints_follow_up",
};

/*
 * Row by row, the search index and the indexes on complaints cost most of
 * an import: each insert's trigger flushes the full-text index's pending
 * terms, and each index takes the row at a random place. In a batch, the
 * first new complaint drops that trigger and those indexes inside the
 * transaction, and the commit indexes every complaint the batch added in
 * one statement and creates them again, as they were. A rollback or a
 * killed process undoes the drop with the rest, and no other connection
 * can write meanwhile; other connections read the last commit, which has
 * them all.
 */
gboolean
_gw_store_defer_search (GwStore  *self,
                        GError  **error)
{
  g_autoptr(GPtrArray) schema = NULL;
  g_autoptr(GPtrArray) drops = NULL;
  sqlite3_stmt *statement;
  gint64 next_id = 1;
  gboolean have_trigger = FALSE;
  int rc;

  if (!self->explicit_transaction || self->deferred_search_from != 0)
    return TRUE;

  statement = _gw_store_prepare (self,
                                 "SELECT type, name, sql,"
                                 " (SELECT coalesce (max (id), 0) + 1 FROM complaints)"
                                 " FROM sqlite_schema WHERE tbl_name = 'complaints'"
                                 " AND ((type = 'trigger' AND name = 'complaints_search_insert')"
                                 " OR (type = 'index' AND name IN (?1, ?2, ?3, ?4)))"
                                 /* The trigger last, once the indexes are back. */
                                 " ORDER BY type = 'trigger'",
                                 error);
  if (statement == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (deferred_indexes); i++)
    _gw_store_bind_text (statement, i + 1, deferred_indexes[i]);
  schema = g_ptr_array_new_with_free_func (g_free);
  drops = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (statement, 0);
      const char *name = (const char *) sqlite3_column_text (statement, 1);

      if (sqlite3_column_type (statement, 2) == SQLITE_NULL)
        continue;
      have_trigger |= g_str_equal (type, "trigger");
      g_ptr_array_add (schema, _gw_store_column_text (statement, 2));
      g_ptr_array_add (drops, g_strdup_printf ("DROP %s \"%s\"",
                                               g_str_equal (type, "trigger") ? "TRIGGER" : "INDEX",
                                               name));
      next_id = sqlite3_column_int64 (statement, 3);
    }
  sqlite3_reset (statement);
  if (rc != SQLITE_DONE)
    {
      _gw_store_set_error (self, rc, error);
      return FALSE;
    }
  /* Without the trigger there is nothing to bring up to date at the end. */
  if (!have_trigger)
    return TRUE;

  for (guint i = 0; i < drops->len; i++)
    if (!exec_sql (self, g_ptr_array_index (drops, i), error))
      return FALSE;
  /* The full-text index writes a segment each time its pending terms pass
   * this size, and merges them as it goes: with FTS5's 1 MB a million rows
   * make thousands of segments, and indexing takes twice as long. Every
   * transaction writes what is pending at its end, so this only ever
   * matters to a batch. Kept in the index's own configuration. */
  if (!exec_sql (self,
                 "INSERT INTO complaint_search (complaint_search, rank)"
                 " VALUES ('hashsize', " G_STRINGIFY (SEARCH_PENDING_BYTES) ")",
                 error)
      || !query_int (self, "PRAGMA cache_size", &self->cache_size_before_batch, error)
      || !exec_sql (self, "PRAGMA cache_size = -" G_STRINGIFY (BATCH_CACHE_KIB), error))
    return FALSE;
  self->deferred_schema = g_steal_pointer (&schema);
  self->deferred_search_from = next_id;
  return TRUE;
}

/* Indexes what the batch added, whatever else it did to those complaints
 * meanwhile, and creates the indexes and the trigger again. */
static gboolean
finish_deferred_search (GwStore  *self,
                        GError  **error)
{
  g_autoptr(GPtrArray) schema = NULL;
  sqlite3_stmt *statement;

  if (self->deferred_search_from == 0)
    return TRUE;

  schema = g_steal_pointer (&self->deferred_schema);
  statement = _gw_store_prepare (self, "DELETE FROM complaint_search WHERE rowid >= ?1", error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, self->deferred_search_from);
  if (!_gw_store_step_done (self, statement, error))
    return FALSE;
  statement = _gw_store_prepare (self,
                                 "INSERT INTO complaint_search (rowid, description, handling,"
                                 " notes, customer) SELECT id, description, handling, notes,"
                                 " customer FROM complaint_search_source WHERE id >= ?1"
                                 /* In rowid order, or the index flushes its terms at
                                  * every step back: four times slower. */
                                 " ORDER BY id",
                                 error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, self->deferred_search_from);
  if (!_gw_store_step_done (self, statement, error))
    return FALSE;
  for (guint i = 0; i < schema->len; i++)
    if (!exec_sql (self, g_ptr_array_index (schema, i), error))
      return FALSE;
  restore_cache_size (self);
  self->deferred_search_from = 0;
  return TRUE;
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
  self->references = gw_reference_cache_new ();
  return TRUE;
}

/* Creates the deferred indexes now rather than at the commit; the search
 * index and its trigger still wait for it. */
static gboolean
create_deferred_indexes (GwStore  *self,
                         GError  **error)
{
  for (guint i = 0; self->deferred_schema != NULL && i < self->deferred_schema->len;)
    {
      const char *sql = g_ptr_array_index (self->deferred_schema, i);

      if (!g_str_has_prefix (sql, "CREATE INDEX"))
        {
          i++;
          continue;
        }
      if (!exec_sql (self, sql, error))
        return FALSE;
      g_ptr_array_remove_index (self->deferred_schema, i);
    }
  return TRUE;
}

/**
 * gw_store_leave_out_repeated_complaints:
 * @n_left_out: (out): how many complaints were left out
 *
 * In a batch, takes back each complaint the batch added that was already
 * in the store when it began: received at the same second, with the same
 * description, from the same customer (or both from none). Importing a
 * file a second time, or a longer copy of it, then adds only what is new.
 */
gboolean
gw_store_leave_out_repeated_complaints (GwStore  *self,
                                        guint    *n_left_out,
                                        GError  **error)
{
  sqlite3_stmt *statement;
  gint64 any_before = 0;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->explicit_transaction, FALSE);

  *n_left_out = 0;
  /* The batch's first complaint is where its search indexing starts. */
  if (self->deferred_search_from == 0)
    return TRUE;
  statement = _gw_store_prepare (self,
                                 "SELECT EXISTS (SELECT 1 FROM complaints"
                                 " WHERE id < ?1 AND deleted_at IS NULL)",
                                 error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, self->deferred_search_from);
  if (sqlite3_step (statement) == SQLITE_ROW)
    any_before = sqlite3_column_int64 (statement, 0);
  sqlite3_reset (statement);
  /* Into an empty store, as most big imports are, there is nothing to do. */
  if (!any_before)
    return TRUE;

  /* The lookup goes by the time received. */
  if (!create_deferred_indexes (self, error))
    return FALSE;
  statement = _gw_store_prepare (self,
                                 "DELETE FROM complaints AS added"
                                 " WHERE added.id >= ?1 AND added.deleted_at IS NULL"
                                 " AND EXISTS (SELECT 1 FROM complaints AS kept"
                                 " WHERE kept.received_at = added.received_at"
                                 " AND kept.deleted_at IS NULL AND kept.id < ?1"
                                 " AND kept.description = added.description"
                                 " AND kept.customer_id IS added.customer_id)",
                                 error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, self->deferred_search_from);
  if (!_gw_store_step_done (self, statement, error))
    return FALSE;
  *n_left_out = (guint) sqlite3_changes (self->db);
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
  if (!finish_deferred_search (self, error))
    {
      self->explicit_transaction = FALSE;
      _gw_store_rollback_to (self);
      _gw_store_unlock (self);
      return FALSE;
    }
  self->explicit_transaction = FALSE;
  g_clear_pointer (&self->references, gw_reference_cache_free);
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

/* A migration may rewrite the schema's own text (012 does): a new schema
 * version makes every connection read it again, this one at once, so that
 * a text that does not read fails here, inside the migration. */
static gboolean
raise_schema_version (GwStore  *self,
                      GError  **error)
{
  g_autofree char *sql = NULL;
  int version = 0;

  if (!query_int (self, "PRAGMA schema_version", &version, error))
    return FALSE;
  sql = g_strdup_printf ("PRAGMA schema_version = %d", version + 1);
  return exec_sql (self, sql, error)
         && query_int (self, "SELECT count(*) FROM sqlite_schema", &version, error);
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
  if (!exec_sql (self, sql, error) || !raise_schema_version (self, error)
      || !exec_sql (self, stamp, error))
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

  /* A file with nothing in it yet becomes a store; one that another
   * program has marked as its own (or versioned) never does. */
  if ((n_objects > 0 || application_id != 0 || *version != 0)
      && application_id != GOODWILL_APPLICATION_ID)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_GOODWILL,
                   _("“%s” is a database of another program, not of Goodwill. "
                     "It was left as it is."), self->path);
      return FALSE;
    }

  if (n_objects == 0 && *version > 0)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_GOODWILL,
                   _("“%s” is not a Goodwill database, or it is damaged. "
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
  /* On a read-only disk the answer is that, even for a file that exists. */
  if (errno == EEXIST || g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  {
    int saved_errno = errno;

    g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_CANNOT_OPEN,
                 _("“%s” cannot be created: %s"), path, g_strerror (saved_errno));
  }
  return FALSE;
}

/* The store holds customers' personal data: only its owner may read it,
 * even when it was made by hand or by an older version. */
static void
tighten_permissions (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (store_file_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, store_file_suffixes[i], NULL);
      GStatBuf info;

      if (g_stat (file, &info) == 0 && (info.st_mode & 077) != 0
          && g_chmod (file, info.st_mode & 0700) != 0)
        g_debug ("Cannot make %s private: %s", file, g_strerror (errno));
    }
}

static void
protect_files (GwStore *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (store_file_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (self->path, store_file_suffixes[i], NULL);

      gw_safe_file_protect (file);
    }
  self->protecting = TRUE;
}

static void
unprotect_files (GwStore *self)
{
  if (!self->protecting)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (store_file_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (self->path, store_file_suffixes[i], NULL);

      gw_safe_file_unprotect (file);
    }
  self->protecting = FALSE;
}

/* gw_fold(text): @text as names are compared, whatever their case and
 * however their letters are composed. SQLite's NOCASE folds A to Z only,
 * so "Åke" and "åke" would otherwise be two people. */
static void
fold_function (sqlite3_context *context,
               int              n_values,
               sqlite3_value  **values)
{
  const char *text = (const char *) sqlite3_value_text (values[0]);
  g_autofree char *composed = NULL;
  char *folded;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      sqlite3_result_value (context, values[0]);
      return;
    }
  composed = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  folded = g_utf8_casefold (composed, -1);
  sqlite3_result_text (context, folded, -1, g_free);
}

static int
open_database (GwStore  *self,
               gboolean  read_only,
               sqlite3 **db)
{
  int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE)
              | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  int rc;

  if (self->immutable)
    {
      g_autofree char *escaped = g_uri_escape_string (self->path, "/", FALSE);
      g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);

      rc = sqlite3_open_v2 (uri, db, flags | SQLITE_OPEN_URI, NULL);
    }
  else
    rc = sqlite3_open_v2 (self->path, db, flags, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (*db, "gw_fold", 1,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                     fold_function, NULL, NULL, NULL);
  return rc;
}

static gboolean
open_connection (GwStore  *self,
                 gboolean  check,
                 GError  **error)
{
  g_autofree char *directory = g_path_get_dirname (self->path);
  gboolean created = FALSE;
  int version = 0;
  int rc;

  if (self->read_only)
    {
      if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_CANNOT_OPEN,
                       _("“%s” does not exist."), self->path);
          return FALSE;
        }
    }
  else if (!create_private_file (self->path, &created, error))
    return FALSE;

reopen:
  rc = open_database (self, self->read_only, &self->db);
  if (rc != SQLITE_OK)
    {
      _gw_store_set_error (self, rc, error);
      g_prefix_error (error, "%s: ", self->path);
      goto fail;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  {
    g_autoptr(GError) local_error = NULL;
    g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);

    if (!check_identity (self, &version, &local_error))
      {
        /* A store in WAL mode is read with a lock file beside it, which a
         * read-only folder (or disk) cannot hold. Without a -wal file
         * there is nobody writing, and the file alone is the whole store. */
        if (self->read_only && !self->immutable
            && (g_error_matches (local_error, GW_STORE_ERROR, GW_STORE_ERROR_READ_ONLY)
                || g_error_matches (local_error, GW_STORE_ERROR, GW_STORE_ERROR_CANNOT_OPEN))
            && !g_file_test (wal, G_FILE_TEST_EXISTS))
          {
            g_clear_pointer (&self->db, sqlite3_close_v2);
            self->immutable = TRUE;
            goto reopen;
          }
        g_propagate_error (error, g_steal_pointer (&local_error));
        goto fail;
      }
  }

  if (!self->read_only && sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_READ_ONLY,
                   _("“%s” can only be read: Goodwill needs to write to it. "
                     "Check the file’s permissions."), self->path);
      goto fail;
    }
  if (self->read_only && version < GW_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_READ_ONLY,
                   _("“%s” was saved by an older version of Goodwill and can only be read, "
                     "so it cannot be brought up to date. Check the file’s permissions."),
                   self->path);
      goto fail;
    }

  if (check && version > 0 && !check_integrity (self, error))
    goto fail;

  if (self->read_only)
    {
      exec_sql (self, "PRAGMA temp_store = MEMORY", NULL);
      protect_files (self);
      return TRUE;
    }

  /* Only now that the file is known to be ours is anything written. */
  tighten_permissions (self->path);
  /* A new store's pages are 8 KiB, not 4: complaints are mostly text, and
   * half as many pages to write, look up in the WAL and copy back makes a
   * big import an eighth faster, with searches as fast. Only an empty
   * file takes it; older stores keep theirs. */
  if (version == 0 && !exec_sql (self, "PRAGMA page_size = 8192", error))
    goto fail;
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

  /* A new store has nothing to be damaged yet. */
  g_atomic_int_set (&self->unverified, !check && version > 0);
  protect_files (self);
  gw_safe_file_clean_folder (directory);
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

  unprotect_files (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending_changes, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->reader, sqlite3_close_v2);
  g_clear_pointer (&self->owner_context, g_main_context_unref);
  g_rec_mutex_clear (&self->mutex);
  g_mutex_clear (&self->reader_mutex);
  g_free (self->path);
  g_clear_pointer (&self->deferred_schema, g_ptr_array_unref);
  g_clear_pointer (&self->references, gw_reference_cache_free);

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
  self->restore_wait_ms = RESTORE_WAIT_MS;
  self->owner_context = g_main_context_ref_thread_default ();
  self->owner_thread = g_thread_self ();
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  self->pending_changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* A store on @path, opened for reading only or not, its pages read
 * through first (@check) or not. */
static GwStore *
open_store (const char  *path,
            gboolean     read_only,
            gboolean     check,
            GError     **error)
{
  g_autoptr(GwStore) self = g_object_new (GW_TYPE_STORE, NULL);

  self->path = g_strdup (path);
  self->read_only = read_only;
  if (!open_connection (self, check, error))
    return NULL;
  return g_steal_pointer (&self);
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
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_store (path, FALSE, TRUE, error);
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
  g_return_val_if_fail (path != NULL, NULL);

  return open_store (path, FALSE, FALSE, error);
}

/**
 * gw_store_open_read_only:
 * @path: an existing store of this version
 *
 * Opens a store only to read it (to export or back up a file Goodwill may
 * not write), checked as gw_store_open() does. Every change is refused.
 */
GwStore *
gw_store_open_read_only (const char  *path,
                         GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_store (path, TRUE, TRUE, error);
}

gboolean
gw_store_is_read_only (GwStore *self)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  return self->read_only;
}

/* A read-only connection of its own, for long reads that must not hold up
 * the main connection (and the main loop waiting on it): WAL lets it read
 * while the other writes. */
sqlite3 *
_gw_store_open_reader (GwStore  *self,
                       GError  **error)
{
  sqlite3 *db = NULL;
  int rc = open_database (self, TRUE, &db);

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

  if (ok)
    g_atomic_int_set (&self->unverified, FALSE);
  else
    g_atomic_int_set (&self->damaged, TRUE);

  if (!ok)
    g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_CORRUPT,
                 _("“%s” is damaged. Nothing more will be saved to it; restore it from a "
                   "backup."), self->path);
  return ok;
}

/**
 * gw_store_is_verified:
 *
 * Whether the store may be written to: it was read through and found whole
 * (by gw_store_open(), or gw_store_check_integrity() since), or is new.
 */
gboolean
gw_store_is_verified (GwStore *self)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  return !g_atomic_int_get (&self->unverified) && !g_atomic_int_get (&self->damaged);
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
    {
      g_task_return_pointer (task, g_object_ref (self), g_object_unref);
      return;
    }
  /* A store Goodwill may not write is still shown, for reading. On a
   * read-only disk SQLite cannot even open it for writing. */
  if (g_error_matches (error, GW_STORE_ERROR, GW_STORE_ERROR_READ_ONLY)
      || (g_error_matches (error, GW_STORE_ERROR, GW_STORE_ERROR_CANNOT_OPEN)
          && g_file_test (self->path, G_FILE_TEST_EXISTS)))
    {
      g_autoptr(GError) read_error = NULL;

      self->read_only = TRUE;
      if (open_connection (self, TRUE, &read_error))
        {
          g_clear_error (&error);
          g_task_return_pointer (task, g_object_ref (self), g_object_unref);
          return;
        }
      self->read_only = FALSE;
      g_debug ("Cannot read %s either: %s", self->path, read_error->message);
    }
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

/* Copies everything in one step. The source is a connection of its own
 * (WAL lets it read while others write) and the destination a private
 * file, so "busy" is rare and short: it is retried for a bounded time. */
static int
copy_all_pages (sqlite3_backup *backup)
{
  int rc = SQLITE_BUSY;

  for (guint attempt = 0; attempt < BUSY_TIMEOUT_MS / 50; attempt++)
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
        break;
      sqlite3_sleep (50);
    }
  return rc;
}

/* Writes what @source holds to @path (an empty file) as one self-contained
 * SQLite file, and reads it all back to check it. */
static gboolean
write_checked_copy (sqlite3     *source,
                    const char  *path,
                    GError     **error)
{
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  sqlite3_stmt *statement = NULL;
  gboolean whole = FALSE;
  int rc;

  rc = sqlite3_open_v2 (path, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    goto fail;
  backup = sqlite3_backup_init (copy, "main", source, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (copy);
      goto fail;
    }
  rc = copy_all_pages (backup);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    goto fail;

  /* In rollback-journal mode the copy is one file, whole once closed. */
  rc = sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto fail;

  if (sqlite3_prepare_v2 (copy, "PRAGMA integrity_check", -1, &statement, NULL) == SQLITE_OK
      && sqlite3_step (statement) == SQLITE_ROW)
    whole = g_strcmp0 ((const char *) sqlite3_column_text (statement, 0), "ok") == 0;
  sqlite3_finalize (statement);
  if (!whole)
    {
      rc = SQLITE_CORRUPT;
      goto fail;
    }

  rc = sqlite3_close (copy);
  copy = NULL;
  if (rc != SQLITE_OK)
    goto fail;
  return TRUE;

fail:
  set_error_for_code (rc, copy != NULL ? sqlite3_errmsg (copy) : sqlite3_errstr (rc), error);
  if (copy != NULL)
    sqlite3_close (copy);
  return FALSE;
}

/**
 * gw_store_backup:
 * @destination: the file to write; replaced only once the copy is whole
 *
 * Copies the store with SQLite's online backup API, which is safe while other
 * programs use it, checks the copy, then moves it into place. The store's
 * own files are never a destination.
 */
gboolean
gw_store_backup (GwStore     *self,
                 const char  *destination,
                 GError     **error)
{
  g_autoptr(GwSafeFile) file = NULL;
  sqlite3 *source;
  gboolean ok;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  file = gw_safe_file_new (destination, "backup", 0600, error);
  if (file == NULL)
    {
      g_prefix_error (error, _("The backup failed: "));
      return FALSE;
    }

  /* From a connection of its own: a snapshot of what is committed, while
   * the store stays usable (a big store takes seconds to copy). */
  source = _gw_store_open_reader (self, error);
  if (source == NULL)
    {
      g_prefix_error (error, _("The backup failed: "));
      return FALSE;
    }
  ok = write_checked_copy (source, gw_safe_file_get_temporary_path (file), error);
  sqlite3_close (source);
  if (!ok || !gw_safe_file_commit (file, error))
    {
      g_prefix_error (error, _("The backup failed: "));
      return FALSE;
    }
  return TRUE;
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

/* Says what is wrong with the backup the person chose, by its name: the
 * copy being checked is no business of theirs. */
static void
explain_refused_backup (const char  *name,
                        GError      *reason,
                        GError     **error)
{
  if (g_error_matches (reason, GW_STORE_ERROR, GW_STORE_ERROR_CORRUPT))
    g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_CORRUPT,
                 /* TRANSLATORS: %s is the backup's file name */
                 _("“%s” is damaged, so nothing was restored. Choose another backup."), name);
  else if (g_error_matches (reason, GW_STORE_ERROR, GW_STORE_ERROR_NOT_GOODWILL))
    g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_GOODWILL,
                 _("“%s” is not a Goodwill backup, so nothing was restored."), name);
  else if (g_error_matches (reason, GW_STORE_ERROR, GW_STORE_ERROR_TOO_NEW))
    g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_TOO_NEW,
                 _("“%s” was made by a newer version of Goodwill, so nothing was restored. "
                   "Update Goodwill to restore it."), name);
  else
    g_set_error (error, GW_STORE_ERROR, reason->domain == GW_STORE_ERROR ? reason->code
                                                                          : GW_STORE_ERROR_FAILED,
                 /* TRANSLATORS: %s is the backup's file name, then why */
                 _("“%s” cannot be restored: %s"), name, reason->message);
}

static gboolean
copy_file (const char  *from_path,
           const char  *to_path,
           GError     **error)
{
  g_autoptr(GFile) from = g_file_new_for_path (from_path);
  g_autoptr(GFile) to = g_file_new_for_path (to_path);

  return g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

/* Into the scratch file itself: a copy that replaced it would be a file
 * of another identity, without the lock that marks it as in use. */
static gboolean
copy_into (const char     *from_path,
           GOutputStream  *stream,
           GError        **error)
{
  g_autoptr(GFile) from = g_file_new_for_path (from_path);
  g_autoptr(GFileInputStream) input = g_file_read (from, NULL, error);

  return input != NULL
         && g_output_stream_splice (stream, G_INPUT_STREAM (input),
                                    G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE, NULL, error) >= 0
         && g_output_stream_flush (stream, NULL, error);
}

/* The backup API cannot change a WAL store's page size: the copy is
 * rewritten with the store's first. */
static gboolean
match_page_size (GwStore  *self,
                 GwStore  *backup,
                 GError  **error)
{
  int ours = 0;
  int theirs = 0;
  g_autofree char *sql = NULL;

  if (!query_int (self, "PRAGMA page_size", &ours, error)
      || !query_int (backup, "PRAGMA page_size", &theirs, error))
    return FALSE;
  if (ours == theirs)
    return TRUE;
  sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA page_size = %d; VACUUM;", ours);
  return exec_sql (backup, sql, error);
}

static gboolean
restore_checked (GwStore     *self,
                 const char  *source,
                 const char  *safety_copy,
                 GError     **error)
{
  g_autofree char *directory = g_path_get_dirname (self->path);
  g_autofree char *basename = g_path_get_basename (source);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *source_wal = g_strconcat (source, "-wal", NULL);
  g_autoptr(GwSafeFile) scratch = NULL;
  g_autoptr(GwStore) backup = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_backup *copy;
  int rc;

  if (self->read_only)
    return check_writable (self, error);

  /* The backup is copied and opened as a store of its own, so one that is
   * not Goodwill's, is damaged or comes from a newer version is refused
   * before anything here changes, and the backup itself is never written. */
  scratch = gw_safe_file_new_scratch (directory, "restore", error);
  if (scratch == NULL)
    return FALSE;
  if (!copy_into (source, gw_safe_file_get_stream (scratch), &local_error))
    {
      /* TRANSLATORS: %s is the backup's file name, then why */
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_CANNOT_OPEN,
                   _("Cannot read “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  /* A store still in use keeps its latest changes beside it. */
  if (g_file_test (source_wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *scratch_wal = g_strconcat (gw_safe_file_get_temporary_path (scratch),
                                                  "-wal", NULL);

      if (!copy_file (source_wal, scratch_wal, &local_error))
        {
          g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_CANNOT_OPEN,
                       _("Cannot read “%s”: %s"), name, local_error->message);
          return FALSE;
        }
    }
  /* Opening would make an empty file a new, empty store; restoring that
   * would wipe everything. */
  if (!holds_goodwill_data (gw_safe_file_get_temporary_path (scratch)))
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_GOODWILL,
                   _("“%s” holds no Goodwill data, so nothing was restored."), name);
      return FALSE;
    }
  backup = gw_store_open (gw_safe_file_get_temporary_path (scratch), &local_error);
  if (backup == NULL || !match_page_size (self, backup, &local_error))
    {
      explain_refused_backup (name, local_error, error);
      return FALSE;
    }

  _gw_store_lock (self);
  copy = sqlite3_backup_init (self->db, "main", backup->db, "main");
  if (copy == NULL)
    {
      set_error_for_code (sqlite3_errcode (self->db), sqlite3_errmsg (self->db), error);
      _gw_store_unlock (self);
      g_prefix_error (error, _("The restore failed: "));
      return FALSE;
    }

  /* A step of no pages takes the store's write lock and keeps it until the
   * copy is done: another program's write in progress (an import) is
   * waited for, for a bounded time, and none can start until the end. */
  sqlite3_busy_timeout (self->db, self->restore_wait_ms);
  rc = sqlite3_backup_step (copy, 0);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    {
      sqlite3_backup_finish (copy);
      _gw_store_unlock (self);
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_BUSY,
                   _("Another program is saving to Goodwill’s data right now (an import, "
                     "perhaps). Nothing was restored: try again once it has finished."));
      return FALSE;
    }

  /* What is there now is kept first, inside the same hold, so the copy
   * holds exactly what the restore replaces. */
  if (rc == SQLITE_OK && safety_copy != NULL && !gw_store_backup (self, safety_copy, &local_error))
    {
      sqlite3_backup_finish (copy);
      _gw_store_unlock (self);
      g_set_error (error, local_error->domain, local_error->code,
                   _("Nothing was restored, because a copy of what is there now could not "
                     "be kept first. %s"), local_error->message);
      return FALSE;
    }

  if (rc == SQLITE_OK)
    rc = sqlite3_backup_step (copy, -1);
  sqlite3_backup_finish (copy);
  /* Statements prepared against the old contents are prepared again. */
  g_hash_table_remove_all (self->statements);
  if (rc == SQLITE_DONE)
    {
      /* What was restored was read through whole when it was opened. */
      g_atomic_int_set (&self->damaged, FALSE);
      g_atomic_int_set (&self->unverified, FALSE);
    }
  _gw_store_unlock (self);

  if (rc != SQLITE_DONE)
    {
      set_error_for_code (rc, sqlite3_errmsg (self->db), error);
      g_prefix_error (error, _("The restore failed: "));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (restored_tables); i++)
    _gw_store_changed (self, restored_tables[i], 0);
  return TRUE;
}

/**
 * gw_store_restore:
 * @source: a backup made by gw_store_backup(), or any Goodwill store
 * @safety_copy: (nullable): where to keep what the store holds now
 *
 * Replaces everything in the store with what @source holds, once @source
 * is found to be a whole Goodwill store of this version or older. The
 * store is held against every other writer from before @safety_copy is
 * made until the restore is done, so nothing saved meanwhile is lost from
 * both. Every view is told that everything changed.
 */
gboolean
gw_store_restore (GwStore     *self,
                  const char  *source,
                  const char  *safety_copy,
                  GError     **error)
{
  g_autofree char *source_wal = NULL;
  gboolean ok;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  /* Nothing may be written over the backup while it is read. */
  source_wal = g_strconcat (source, "-wal", NULL);
  gw_safe_file_protect (source);
  gw_safe_file_protect (source_wal);
  ok = restore_checked (self, source, safety_copy, error);
  gw_safe_file_unprotect (source_wal);
  gw_safe_file_unprotect (source);
  return ok;
}

/* For tests, which cannot wait as long as a person would. */
void
_gw_store_set_restore_wait (GwStore *self,
                            guint    milliseconds)
{
  self->restore_wait_ms = milliseconds;
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
