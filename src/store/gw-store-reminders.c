/* gw-store-reminders.c: follow-ups, and what was already said about them */

#define G_LOG_DOMAIN "gw-store"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-store-private.h"

static const char *
notice_token (GwNoticeKind kind)
{
  return kind == GW_NOTICE_BEFORE ? "before" : "overdue";
}

/**
 * gw_store_list_follow_ups:
 *
 * Every unresolved complaint with a follow-up time, with its snooze and
 * whether each reminder was given for that time. Read through the partial
 * index of follow-ups, so it costs what the open follow-ups cost.
 *
 * Returns: (element-type GwFollowUp): soonest first
 */
GPtrArray *
gw_store_list_follow_ups (GwStore  *self,
                          GError  **error)
{
  g_autoptr(GPtrArray) follow_ups = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_follow_up_free);
  sqlite3_stmt *statement;
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "SELECT c.id, c.follow_up_at, c.status, coalesce(cu.name, ''),"
                                 " c.promise, s.until,"
                                 " EXISTS (SELECT 1 FROM follow_up_notices n"
                                 "   WHERE n.complaint_id = c.id AND n.follow_up_at = c.follow_up_at"
                                 "   AND n.kind = 'before'),"
                                 " EXISTS (SELECT 1 FROM follow_up_notices n"
                                 "   WHERE n.complaint_id = c.id AND n.follow_up_at = c.follow_up_at"
                                 "   AND n.kind = 'overdue')"
                                 " FROM complaints c"
                                 " LEFT JOIN customers cu ON cu.id = c.customer_id"
                                 " LEFT JOIN follow_up_snoozes s ON s.complaint_id = c.id"
                                 " WHERE c.follow_up_at IS NOT NULL AND c.status <> 'resolved'"
                                 " AND c.deleted_at IS NULL"
                                 " ORDER BY c.follow_up_at",
                                 error);
  if (statement == NULL)
    {
      _gw_store_unlock (self);
      return NULL;
    }
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      GwFollowUp *follow_up = g_new0 (GwFollowUp, 1);
      guint status = 0;

      follow_up->complaint_id = sqlite3_column_int64 (statement, 0);
      follow_up->follow_up_at = sqlite3_column_int64 (statement, 1);
      gw_vocabulary_parse (GW_VOCAB_STATUS, (const char *) sqlite3_column_text (statement, 2),
                           &status);
      follow_up->status = status;
      follow_up->customer = _gw_store_column_text (statement, 3);
      follow_up->promise = _gw_store_column_text (statement, 4);
      follow_up->snoozed_until = _gw_store_column_time (statement, 5);
      follow_up->before_sent = sqlite3_column_int (statement, 6) != 0;
      follow_up->overdue_sent = sqlite3_column_int (statement, 7) != 0;
      g_ptr_array_add (follow_ups, follow_up);
    }
  sqlite3_reset (statement);
  if (rc != SQLITE_DONE)
    {
      _gw_store_set_error (self, rc, error);
      _gw_store_unlock (self);
      return NULL;
    }
  _gw_store_unlock (self);
  return g_steal_pointer (&follow_ups);
}

/* Records that a reminder was given; a snooze that ran out is spent. */
gboolean
gw_store_mark_noticed (GwStore       *self,
                       gint64         complaint_id,
                       gint64         follow_up_at,
                       GwNoticeKind   kind,
                       gint64         now,
                       GError       **error)
{
  sqlite3_stmt *statement;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  _gw_store_lock (self);
  if (!_gw_store_savepoint (self, error))
    goto out;
  statement = _gw_store_prepare (self,
                                 "INSERT OR REPLACE INTO follow_up_notices"
                                 " (complaint_id, follow_up_at, kind, sent_at)"
                                 " VALUES (?1, ?2, ?3, ?4)",
                                 error);
  if (statement == NULL)
    goto fail;
  sqlite3_bind_int64 (statement, 1, complaint_id);
  sqlite3_bind_int64 (statement, 2, follow_up_at);
  _gw_store_bind_text (statement, 3, notice_token (kind));
  sqlite3_bind_int64 (statement, 4, now);
  if (!_gw_store_step_done (self, statement, error))
    goto fail;
  statement = _gw_store_prepare (self,
                                 "DELETE FROM follow_up_snoozes WHERE complaint_id = ?1"
                                 " AND until <= ?2",
                                 error);
  if (statement == NULL)
    goto fail;
  sqlite3_bind_int64 (statement, 1, complaint_id);
  sqlite3_bind_int64 (statement, 2, now);
  if (!_gw_store_step_done (self, statement, error))
    goto fail;
  if (!_gw_store_release (self, error))
    goto out;
  _gw_store_unlock (self);
  return TRUE;

fail:
  _gw_store_rollback_to (self);
out:
  _gw_store_unlock (self);
  return FALSE;
}

/* Nothing more about @complaint_id until @until. */
gboolean
gw_store_snooze (GwStore  *self,
                 gint64    complaint_id,
                 gint64    until,
                 GError  **error)
{
  sqlite3_stmt *statement;
  gboolean ok = FALSE;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "INSERT OR REPLACE INTO follow_up_snoozes (complaint_id, until)"
                                 " VALUES (?1, ?2)",
                                 error);
  if (statement != NULL)
    {
      sqlite3_bind_int64 (statement, 1, complaint_id);
      sqlite3_bind_int64 (statement, 2, until);
      ok = _gw_store_step_done (self, statement, error);
    }
  if (ok)
    _gw_store_changed (self, "follow_up_snoozes", complaint_id);
  _gw_store_unlock (self);
  return ok;
}
