/* gw-store-concerns.c: what staff raise with the owner, and the answers */

#define G_LOG_DOMAIN "gw-store"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-store-private.h"

/**
 * gw_store_add_concern:
 *
 * Returns: the concern's id, or 0 with @error set
 */
gint64
gw_store_add_concern (GwStore          *self,
                      const GwConcern  *concern,
                      GError          **error)
{
  g_autofree char *text = NULL;
  sqlite3_stmt *statement;
  gint64 id = 0;

  g_return_val_if_fail (GW_IS_STORE (self), 0);
  g_return_val_if_fail (concern != NULL, 0);

  text = g_strstrip (g_strdup (concern->text != NULL ? concern->text : ""));
  if (*text == '\0')
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("Say what the concern is."));
      return 0;
    }

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "INSERT INTO concerns (raised_by, topic, text, raised_at)"
                                 " VALUES (nullif (?1, 0), ?2, ?3, ?4)",
                                 error);
  if (statement != NULL)
    {
      sqlite3_bind_int64 (statement, 1, concern->raised_by);
      _gw_store_bind_text (statement, 2, gw_vocabulary_token (GW_VOCAB_CONCERN, concern->topic));
      _gw_store_bind_text (statement, 3, text);
      sqlite3_bind_int64 (statement, 4,
                          concern->raised_at != 0 ? concern->raised_at : _gw_store_now ());
      if (_gw_store_step_done (self, statement, error))
        id = sqlite3_last_insert_rowid (_gw_store_get_db (self));
    }
  _gw_store_unlock (self);
  if (id != 0)
    _gw_store_changed (self, "concerns", id);
  return id;
}

/**
 * gw_store_answer_concern:
 * @answer: the owner's reply; it replaces an earlier one
 * @close: whether the matter is done with
 *
 * Returns: %FALSE with @error set, e.g. when the concern is gone
 */
gboolean
gw_store_answer_concern (GwStore     *self,
                         gint64       id,
                         const char  *answer,
                         gboolean     close,
                         GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (answer != NULL ? answer : ""));
  sqlite3_stmt *statement;
  gboolean ok = FALSE;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (*text == '\0' && close)
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("Write an answer before closing the concern."));
      return FALSE;
    }

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "UPDATE concerns SET answer = ?2,"
                                 " answered_at = CASE WHEN ?2 = '' THEN NULL"
                                 "   WHEN answer = ?2 THEN answered_at ELSE ?3 END,"
                                 " closed_at = CASE WHEN ?4 THEN coalesce (closed_at, ?3) END"
                                 " WHERE id = ?1",
                                 error);
  if (statement != NULL)
    {
      sqlite3_bind_int64 (statement, 1, id);
      _gw_store_bind_text (statement, 2, text);
      sqlite3_bind_int64 (statement, 3, _gw_store_now ());
      sqlite3_bind_int (statement, 4, close);
      ok = _gw_store_step_done (self, statement, error);
      if (ok && sqlite3_changes (_gw_store_get_db (self)) == 0)
        {
          g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND,
                               _("That record no longer exists."));
          ok = FALSE;
        }
    }
  _gw_store_unlock (self);
  if (ok)
    _gw_store_changed (self, "concerns", id);
  return ok;
}

/**
 * gw_store_list_concerns:
 * @include_closed: also the closed ones, after the open ones
 *
 * Returns: (element-type GwConcern): open ones first, oldest first, since
 *   those have waited longest; %NULL with @error set
 */
GPtrArray *
gw_store_list_concerns (GwStore   *self,
                        gboolean   include_closed,
                        guint      limit,
                        GError   **error)
{
  g_autoptr(GPtrArray) concerns = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_concern_free);
  sqlite3_stmt *statement;
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "SELECT c.id, coalesce (c.raised_by, 0), coalesce (s.name, ''),"
                                 " c.topic, c.text, c.raised_at, c.answer,"
                                 " coalesce (c.answered_at, 0), coalesce (c.closed_at, 0)"
                                 " FROM concerns c LEFT JOIN staff s ON s.id = c.raised_by"
                                 " WHERE ?1 OR c.closed_at IS NULL"
                                 " ORDER BY c.closed_at IS NOT NULL,"
                                 "  CASE WHEN c.closed_at IS NULL THEN c.raised_at"
                                 "   ELSE -c.closed_at END, c.id"
                                 " LIMIT ?2",
                                 error);
  if (statement == NULL)
    {
      _gw_store_unlock (self);
      return NULL;
    }
  sqlite3_bind_int (statement, 1, include_closed);
  sqlite3_bind_int (statement, 2, limit);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      GwConcern *concern = g_new0 (GwConcern, 1);
      guint topic = 0;

      concern->id = sqlite3_column_int64 (statement, 0);
      concern->raised_by = sqlite3_column_int64 (statement, 1);
      concern->raised_by_name = _gw_store_column_text (statement, 2);
      gw_vocabulary_parse (GW_VOCAB_CONCERN, (const char *) sqlite3_column_text (statement, 3),
                           &topic);
      concern->topic = topic;
      concern->text = _gw_store_column_text (statement, 4);
      concern->raised_at = sqlite3_column_int64 (statement, 5);
      concern->answer = _gw_store_column_text (statement, 6);
      concern->answered_at = sqlite3_column_int64 (statement, 7);
      concern->closed_at = sqlite3_column_int64 (statement, 8);
      g_ptr_array_add (concerns, concern);
    }
  sqlite3_reset (statement);
  _gw_store_unlock (self);
  if (rc != SQLITE_DONE)
    {
      _gw_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&concerns);
}
