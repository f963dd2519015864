/* gw-store-assessments.c: the self-test's answers, a draft being filled in
 * and every completed assessment */

#define G_LOG_DOMAIN "gw-store"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-store-private.h"

/**
 * gw_store_save_assessment:
 *
 * Adds @assessment when its id is 0, or replaces the one with that id. A
 * completed one must have every statement answered; a draft need not.
 *
 * Returns: the assessment's id, or 0 with @error set
 */
gint64
gw_store_save_assessment (GwStore             *self,
                          const GwAssessment  *assessment,
                          GError             **error)
{
  sqlite3_stmt *statement;
  guint unanswered;
  gint64 id = 0;

  g_return_val_if_fail (GW_IS_STORE (self), 0);
  g_return_val_if_fail (assessment != NULL, 0);

  unanswered = gw_assessment_first_unanswered (assessment);
  if (assessment->completed && unanswered < GW_ASSESSMENT_STATEMENTS)
    {
      const GwAssessmentSection *section = gw_assessment_section (gw_assessment_section_of (unanswered));

      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                   /* TRANSLATORS: %u is a statement's number (1–25), %s its section */
                   _("Statement %u, in “%s”, is not answered yet."), unanswered + 1,
                   _(section->title));
      return 0;
    }

  _gw_store_lock (self);
  if (!_gw_store_savepoint (self, error))
    goto out;
  if (assessment->id == 0)
    statement = _gw_store_prepare (self,
                                   "INSERT INTO assessments (taken_at, staff_id, completed_at)"
                                   " VALUES (?2, nullif (?3, 0), CASE WHEN ?4 THEN ?5 END)",
                                   error);
  else
    statement = _gw_store_prepare (self,
                                   "UPDATE assessments SET taken_at = ?2, staff_id = nullif (?3, 0),"
                                   " completed_at = CASE WHEN ?4 THEN coalesce (completed_at, ?5) END"
                                   " WHERE id = ?1",
                                   error);
  if (statement == NULL)
    goto fail;
  sqlite3_bind_int64 (statement, 1, assessment->id);
  sqlite3_bind_int64 (statement, 2, assessment->taken_at != 0 ? assessment->taken_at
                                                              : _gw_store_now ());
  sqlite3_bind_int64 (statement, 3, assessment->staff_id);
  sqlite3_bind_int (statement, 4, assessment->completed);
  sqlite3_bind_int64 (statement, 5, _gw_store_now ());
  if (!_gw_store_step_done (self, statement, error))
    goto fail;
  if (assessment->id == 0)
    id = sqlite3_last_insert_rowid (_gw_store_get_db (self));
  else if (sqlite3_changes (_gw_store_get_db (self)) > 0)
    id = assessment->id;
  else
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND,
                           _("That record no longer exists."));
      goto fail;
    }

  statement = _gw_store_prepare (self, "DELETE FROM assessment_answers WHERE assessment_id = ?1",
                                 error);
  if (statement == NULL)
    goto fail;
  sqlite3_bind_int64 (statement, 1, id);
  if (!_gw_store_step_done (self, statement, error))
    goto fail;
  for (guint i = 0; i < GW_ASSESSMENT_STATEMENTS; i++)
    {
      guint8 rating = assessment->answers[i];

      if (rating < GW_RATING_MIN || rating > GW_RATING_MAX)
        continue;
      statement = _gw_store_prepare (self,
                                     "INSERT INTO assessment_answers (assessment_id, statement, rating)"
                                     " VALUES (?1, ?2, ?3)",
                                     error);
      if (statement == NULL)
        goto fail;
      sqlite3_bind_int64 (statement, 1, id);
      sqlite3_bind_int (statement, 2, i);
      sqlite3_bind_int (statement, 3, rating);
      if (!_gw_store_step_done (self, statement, error))
        goto fail;
    }
  _gw_store_changed (self, "assessments", id);
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

/* Reads the completed assessments, or the drafts, with their answers. */
static GPtrArray *
read_assessments (GwStore     *self,
                  gboolean     completed,
                  GError     **error)
{
  g_autoptr(GPtrArray) assessments = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_assessment_free);
  sqlite3_stmt *statement;
  int rc;

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "SELECT a.id, a.taken_at, coalesce (a.staff_id, 0),"
                                 " coalesce (s.name, ''), a.completed_at IS NOT NULL,"
                                 " w.statement, w.rating"
                                 " FROM assessments a LEFT JOIN staff s ON s.id = a.staff_id"
                                 " LEFT JOIN assessment_answers w ON w.assessment_id = a.id"
                                 " WHERE (a.completed_at IS NOT NULL) = ?1"
                                 " ORDER BY a.taken_at, a.id",
                                 error);
  if (statement == NULL)
    {
      _gw_store_unlock (self);
      return NULL;
    }
  sqlite3_bind_int (statement, 1, completed);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (statement, 0);
      GwAssessment *assessment = assessments->len > 0
                                 ? g_ptr_array_index (assessments, assessments->len - 1) : NULL;

      if (assessment == NULL || assessment->id != id)
        {
          assessment = gw_assessment_new ();
          assessment->id = id;
          assessment->taken_at = sqlite3_column_int64 (statement, 1);
          assessment->staff_id = sqlite3_column_int64 (statement, 2);
          g_free (assessment->respondent);
          assessment->respondent = _gw_store_column_text (statement, 3);
          assessment->completed = sqlite3_column_int (statement, 4);
          g_ptr_array_add (assessments, assessment);
        }
      if (sqlite3_column_type (statement, 5) != SQLITE_NULL)
        {
          int number = sqlite3_column_int (statement, 5);

          if (number >= 0 && number < GW_ASSESSMENT_STATEMENTS)
            assessment->answers[number] = sqlite3_column_int (statement, 6);
        }
    }
  sqlite3_reset (statement);
  _gw_store_unlock (self);
  if (rc != SQLITE_DONE)
    {
      _gw_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&assessments);
}

/**
 * gw_store_list_assessments:
 *
 * Returns: (element-type GwAssessment): every completed assessment, oldest
 *   first; %NULL with @error set
 */
GPtrArray *
gw_store_list_assessments (GwStore  *self,
                           GError  **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), NULL);
  return read_assessments (self, TRUE, error);
}

/**
 * gw_store_get_assessment_draft:
 * @draft: (out) (transfer full) (nullable): the assessment being filled in,
 *   or %NULL when there is none
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
gw_store_get_assessment_draft (GwStore       *self,
                               GwAssessment **draft,
                               GError       **error)
{
  g_autoptr(GPtrArray) drafts = NULL;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  *draft = NULL;
  drafts = read_assessments (self, FALSE, error);
  if (drafts == NULL)
    return FALSE;
  if (drafts->len > 0)
    *draft = g_ptr_array_steal_index (drafts, drafts->len - 1);
  return TRUE;
}

/**
 * gw_store_discard_assessment_draft:
 *
 * Forgets a draft; completed assessments are kept for good.
 */
gboolean
gw_store_discard_assessment_draft (GwStore  *self,
                                   gint64    id,
                                   GError  **error)
{
  sqlite3_stmt *statement;
  gboolean ok = FALSE;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  _gw_store_lock (self);
  if (!_gw_store_savepoint (self, error))
    goto out;
  statement = _gw_store_prepare (self, "DELETE FROM assessment_answers WHERE assessment_id = ?1"
                                 " AND assessment_id IN (SELECT id FROM assessments"
                                 "  WHERE completed_at IS NULL)",
                                 error);
  if (statement == NULL)
    goto fail;
  sqlite3_bind_int64 (statement, 1, id);
  if (!_gw_store_step_done (self, statement, error))
    goto fail;
  statement = _gw_store_prepare (self,
                                 "DELETE FROM assessments WHERE id = ?1 AND completed_at IS NULL",
                                 error);
  if (statement == NULL)
    goto fail;
  sqlite3_bind_int64 (statement, 1, id);
  if (!_gw_store_step_done (self, statement, error))
    goto fail;
  _gw_store_changed (self, "assessments", id);
  ok = _gw_store_release (self, error);
  goto out;

fail:
  _gw_store_rollback_to (self);
out:
  _gw_store_unlock (self);
  return ok;
}
