/* gw-store-training.c: training sessions and who attended */

#define G_LOG_DOMAIN "gw-store"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-store-private.h"

/**
 * gw_store_add_training:
 * @training: its attendee_ids say who came
 *
 * Returns: the session's id, or 0 with @error set
 */
gint64
gw_store_add_training (GwStore           *self,
                       const GwTraining  *training,
                       GError           **error)
{
  sqlite3_stmt *statement;
  gint64 id = 0;

  g_return_val_if_fail (GW_IS_STORE (self), 0);
  g_return_val_if_fail (training != NULL, 0);

  if (training->attendee_ids == NULL || training->attendee_ids->len == 0)
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("Tick who attended."));
      return 0;
    }

  _gw_store_lock (self);
  if (!_gw_store_savepoint (self, error))
    goto out;
  statement = _gw_store_prepare (self,
                                 "INSERT INTO trainings (topic, held_at, trainer, notes, created_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)",
                                 error);
  if (statement == NULL)
    goto fail;
  _gw_store_bind_text (statement, 1, gw_vocabulary_token (GW_VOCAB_TRAINING, training->topic));
  sqlite3_bind_int64 (statement, 2, training->held_at);
  _gw_store_bind_text (statement, 3, training->trainer);
  _gw_store_bind_text (statement, 4, training->notes);
  sqlite3_bind_int64 (statement, 5, _gw_store_now ());
  if (!_gw_store_step_done (self, statement, error))
    goto fail;
  id = sqlite3_last_insert_rowid (_gw_store_get_db (self));

  for (guint i = 0; i < training->attendee_ids->len; i++)
    {
      statement = _gw_store_prepare (self,
                                     "INSERT OR IGNORE INTO training_attendees (training_id, staff_id)"
                                     " VALUES (?1, ?2)",
                                     error);
      if (statement == NULL)
        goto fail;
      sqlite3_bind_int64 (statement, 1, id);
      sqlite3_bind_int64 (statement, 2, g_array_index (training->attendee_ids, gint64, i));
      if (!_gw_store_step_done (self, statement, error))
        goto fail;
    }
  _gw_store_changed (self, "trainings", id);
  if (!_gw_store_release (self, error))
    id = 0;
  goto out;

fail:
  id = 0;
  _gw_store_rollback_to (self);
out:
  _gw_store_unlock (self);
  return id;
}

/**
 * gw_store_list_trainings:
 * @staff_id: only the sessions this person attended, or 0 for all
 *
 * Returns: (element-type GwTraining): newest first, with attendees' names
 */
GPtrArray *
gw_store_list_trainings (GwStore  *self,
                         gint64    staff_id,
                         guint     limit,
                         GError  **error)
{
  g_autoptr(GPtrArray) trainings = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_training_free);
  sqlite3_stmt *statement;
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "SELECT t.id, t.topic, t.held_at, t.trainer, t.notes,"
                                 " (SELECT group_concat (s.name, char(10)) FROM training_attendees a"
                                 "  JOIN staff s ON s.id = a.staff_id WHERE a.training_id = t.id)"
                                 " FROM trainings t WHERE t.deleted_at IS NULL"
                                 " AND (?1 = 0 OR EXISTS (SELECT 1 FROM training_attendees a"
                                 "      WHERE a.training_id = t.id AND a.staff_id = ?1))"
                                 " ORDER BY t.held_at DESC, t.id DESC LIMIT ?2",
                                 error);
  if (statement == NULL)
    {
      _gw_store_unlock (self);
      return NULL;
    }
  sqlite3_bind_int64 (statement, 1, staff_id);
  sqlite3_bind_int (statement, 2, limit);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      GwTraining *training = g_new0 (GwTraining, 1);
      const char *names = (const char *) sqlite3_column_text (statement, 5);
      guint topic = 0;

      training->id = sqlite3_column_int64 (statement, 0);
      gw_vocabulary_parse (GW_VOCAB_TRAINING, (const char *) sqlite3_column_text (statement, 1),
                           &topic);
      training->topic = topic;
      training->held_at = sqlite3_column_int64 (statement, 2);
      training->trainer = _gw_store_column_text (statement, 3);
      training->notes = _gw_store_column_text (statement, 4);
      training->attendees = g_strsplit (names != NULL ? names : "", "\n", -1);
      g_ptr_array_add (trainings, training);
    }
  sqlite3_reset (statement);
  _gw_store_unlock (self);
  if (rc != SQLITE_DONE)
    {
      _gw_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&trainings);
}

/* The current staff who never attended a session on @topic, by name. */
GStrv
gw_store_staff_without_training (GwStore          *self,
                                 GwTrainingTopic   topic,
                                 GError          **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *statement;
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "SELECT s.name FROM staff s WHERE s.deleted_at IS NULL"
                                 " AND s.active = 1 AND NOT EXISTS ("
                                 "  SELECT 1 FROM training_attendees a JOIN trainings t"
                                 "  ON t.id = a.training_id WHERE a.staff_id = s.id"
                                 "  AND t.topic = ?1 AND t.deleted_at IS NULL)"
                                 " ORDER BY s.name COLLATE NOCASE",
                                 error);
  if (statement == NULL)
    {
      _gw_store_unlock (self);
      return NULL;
    }
  _gw_store_bind_text (statement, 1, gw_vocabulary_token (GW_VOCAB_TRAINING, topic));
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *) sqlite3_column_text (statement, 0));
  sqlite3_reset (statement);
  _gw_store_unlock (self);
  if (rc != SQLITE_DONE)
    {
      _gw_store_set_error (self, rc, error);
      return NULL;
    }
  return g_strv_builder_end (names);
}
