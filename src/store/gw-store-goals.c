/* gw-store-goals.c: the vision in versions, goals and their monthly
 * values, notes on each month, and the customer service policy */

#define G_LOG_DOMAIN "gw-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "core/gw-goals.h"
#include "gw-store-private.h"

/**
 * gw_store_add_vision:
 *
 * Keeps @statement as the newest version; earlier ones stay as they were.
 *
 * Returns: the version's id, or 0 with @error set
 */
gint64
gw_store_add_vision (GwStore                  *self,
                     const GwVisionStatement  *statement,
                     GError                  **error)
{
  g_autofree char *text = NULL;
  sqlite3_stmt *insert;
  gint64 id = 0;

  g_return_val_if_fail (GW_IS_STORE (self), 0);
  g_return_val_if_fail (statement != NULL, 0);

  text = g_strstrip (g_strdup (gw_vision_statement_get_text (statement)));
  if (*text == '\0')
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("Write the vision statement itself before saving."));
      return 0;
    }

  _gw_store_lock (self);
  insert = _gw_store_prepare (self,
                              "INSERT INTO vision_statements (written_at, success_reasons,"
                              " customer_reasons, steps_taken, key_elements, statement)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (insert != NULL)
    {
      sqlite3_bind_int64 (insert, 1,
                          statement->written_at != 0 ? statement->written_at : _gw_store_now ());
      for (guint i = 0; i < GW_VISION_STEPS - 1; i++)
        _gw_store_bind_text (insert, 2 + i, statement->answers[i] != NULL ? statement->answers[i] : "");
      _gw_store_bind_text (insert, 6, text);
      if (_gw_store_step_done (self, insert, error))
        id = sqlite3_last_insert_rowid (_gw_store_get_db (self));
    }
  _gw_store_unlock (self);
  if (id != 0)
    _gw_store_changed (self, "vision_statements", id);
  return id;
}

/**
 * gw_store_list_visions:
 *
 * Returns: (element-type GwVisionStatement): every version, newest first;
 *   %NULL with @error set
 */
GPtrArray *
gw_store_list_visions (GwStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) visions = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_vision_statement_free);
  sqlite3_stmt *statement;
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "SELECT id, written_at, success_reasons, customer_reasons,"
                                 " steps_taken, key_elements, statement FROM vision_statements"
                                 " ORDER BY written_at DESC, id DESC",
                                 error);
  if (statement == NULL)
    {
      _gw_store_unlock (self);
      return NULL;
    }
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      GwVisionStatement *vision = gw_vision_statement_new ();

      vision->id = sqlite3_column_int64 (statement, 0);
      vision->written_at = sqlite3_column_int64 (statement, 1);
      for (guint i = 0; i < GW_VISION_STEPS; i++)
        {
          g_free (vision->answers[i]);
          vision->answers[i] = _gw_store_column_text (statement, 2 + i);
        }
      g_ptr_array_add (visions, vision);
    }
  sqlite3_reset (statement);
  _gw_store_unlock (self);
  if (rc != SQLITE_DONE)
    {
      _gw_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&visions);
}

/* The current statement, or "" when none was written yet. */
static char *
current_vision (GwStore  *self,
                GError  **error)
{
  g_autoptr(GPtrArray) visions = gw_store_list_visions (self, error);

  if (visions == NULL)
    return NULL;
  if (visions->len == 0)
    return g_strdup ("");
  return g_strdup (gw_vision_statement_get_text (g_ptr_array_index (visions, 0)));
}

/**
 * gw_store_save_goal:
 *
 * Adds @goal when its id is 0, or changes the goal with that id.
 *
 * Returns: the goal's id, or 0 with @error set
 */
gint64
gw_store_save_goal (GwStore       *self,
                    const GwGoal  *goal,
                    GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *start = NULL;
  sqlite3_stmt *statement;
  gint64 id = 0;

  g_return_val_if_fail (GW_IS_STORE (self), 0);
  g_return_val_if_fail (goal != NULL, 0);

  name = g_strstrip (g_strdup (goal->name != NULL ? goal->name : ""));
  unit = g_strstrip (g_strdup (goal->unit != NULL ? goal->unit : ""));
  if (*name == '\0')
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("Give the goal a name."));
      return 0;
    }
  if (!isfinite (goal->target))
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("The target must be a number."));
      return 0;
    }
  if (goal->start_month == GW_NO_MONTH || gw_month_get_year (goal->start_month) < 1
      || gw_month_get_year (goal->start_month) > 9999)
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("Choose the month the goal starts."));
      return 0;
    }
  start = gw_month_to_key (goal->start_month);

  _gw_store_lock (self);
  if (goal->id == 0)
    statement = _gw_store_prepare (self,
                                   "INSERT INTO goals (name, unit, direction, target, start_month,"
                                   " metric, category_id, created_at)"
                                   " VALUES (?2, ?3, ?4, ?5, ?6, ?7, nullif (?8, 0), ?9)",
                                   error);
  else
    statement = _gw_store_prepare (self,
                                   "UPDATE goals SET name = ?2, unit = ?3, direction = ?4,"
                                   " target = ?5, start_month = ?6, metric = ?7,"
                                   " category_id = nullif (?8, 0)"
                                   " WHERE id = ?1 AND deleted_at IS NULL",
                                   error);
  if (statement != NULL)
    {
      sqlite3_bind_int64 (statement, 1, goal->id);
      _gw_store_bind_text (statement, 2, name);
      _gw_store_bind_text (statement, 3, unit);
      _gw_store_bind_text (statement, 4, goal->direction == GW_DIRECTION_LOWER ? "lower" : "higher");
      sqlite3_bind_double (statement, 5, goal->target);
      _gw_store_bind_text (statement, 6, start);
      _gw_store_bind_text (statement, 7, gw_metric_token (goal->metric));
      sqlite3_bind_int64 (statement, 8, goal->metric == GW_METRIC_COMPLAINTS ? goal->category_id : 0);
      if (goal->id == 0)
        sqlite3_bind_int64 (statement, 9, _gw_store_now ());
      if (_gw_store_step_done (self, statement, error))
        {
          if (goal->id == 0)
            id = sqlite3_last_insert_rowid (_gw_store_get_db (self));
          else if (sqlite3_changes (_gw_store_get_db (self)) > 0)
            id = goal->id;
          else
            g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND,
                                 _("That record no longer exists."));
        }
    }
  _gw_store_unlock (self);
  if (id != 0)
    _gw_store_changed (self, "goals", id);
  return id;
}

/**
 * gw_store_delete_goal:
 *
 * Sets the goal aside; its values stay in the store.
 */
gboolean
gw_store_delete_goal (GwStore  *self,
                      gint64    id,
                      gboolean  deleted,
                      GError  **error)
{
  sqlite3_stmt *statement;
  gboolean ok = FALSE;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "UPDATE goals SET deleted_at = CASE WHEN ?2 THEN ?3 END"
                                 " WHERE id = ?1",
                                 error);
  if (statement != NULL)
    {
      sqlite3_bind_int64 (statement, 1, id);
      sqlite3_bind_int (statement, 2, deleted);
      sqlite3_bind_int64 (statement, 3, _gw_store_now ());
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
    _gw_store_changed (self, "goals", id);
  return ok;
}

/**
 * gw_store_list_goals:
 *
 * Returns: (element-type GwGoal): the goals in the order they were set;
 *   %NULL with @error set
 */
GPtrArray *
gw_store_list_goals (GwStore  *self,
                     GError  **error)
{
  g_autoptr(GPtrArray) goals = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_goal_free);
  sqlite3_stmt *statement;
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "SELECT g.id, g.name, g.unit, g.direction, g.target, g.start_month,"
                                 " g.metric, coalesce (g.category_id, 0), coalesce (c.name, '')"
                                 " FROM goals g LEFT JOIN categories c ON c.id = g.category_id"
                                 " WHERE g.deleted_at IS NULL ORDER BY g.id",
                                 error);
  if (statement == NULL)
    {
      _gw_store_unlock (self);
      return NULL;
    }
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      GwGoal *goal = gw_goal_new ();
      GwMetric metric = GW_METRIC_TYPED;

      goal->id = sqlite3_column_int64 (statement, 0);
      g_free (goal->name);
      goal->name = _gw_store_column_text (statement, 1);
      g_free (goal->unit);
      goal->unit = _gw_store_column_text (statement, 2);
      goal->direction = g_strcmp0 ((const char *) sqlite3_column_text (statement, 3), "lower") == 0
                        ? GW_DIRECTION_LOWER : GW_DIRECTION_HIGHER;
      goal->target = sqlite3_column_double (statement, 4);
      gw_month_parse_key ((const char *) sqlite3_column_text (statement, 5), &goal->start_month);
      gw_metric_parse ((const char *) sqlite3_column_text (statement, 6), &metric);
      goal->metric = metric;
      goal->category_id = sqlite3_column_int64 (statement, 7);
      g_free (goal->category);
      goal->category = _gw_store_column_text (statement, 8);
      g_ptr_array_add (goals, goal);
    }
  sqlite3_reset (statement);
  _gw_store_unlock (self);
  if (rc != SQLITE_DONE)
    {
      _gw_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&goals);
}

/**
 * gw_store_set_goal_value:
 * @has_value: %FALSE clears the month's value
 *
 * Keeps the value typed in for @goal_id in @month.
 */
gboolean
gw_store_set_goal_value (GwStore   *self,
                         gint64     goal_id,
                         GwMonth    month,
                         gboolean   has_value,
                         double     value,
                         GError   **error)
{
  g_autofree char *key = gw_month_to_key (month);
  sqlite3_stmt *statement;
  gboolean ok = FALSE;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (has_value && !isfinite (value))
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("The value must be a number."));
      return FALSE;
    }

  _gw_store_lock (self);
  if (has_value)
    statement = _gw_store_prepare (self,
                                   "INSERT INTO goal_values (goal_id, month, value, entered_at)"
                                   " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (goal_id, month)"
                                   " DO UPDATE SET value = excluded.value,"
                                   " entered_at = excluded.entered_at",
                                   error);
  else
    statement = _gw_store_prepare (self,
                                   "DELETE FROM goal_values WHERE goal_id = ?1 AND month = ?2",
                                   error);
  if (statement != NULL)
    {
      sqlite3_bind_int64 (statement, 1, goal_id);
      _gw_store_bind_text (statement, 2, key);
      if (has_value)
        {
          sqlite3_bind_double (statement, 3, value);
          sqlite3_bind_int64 (statement, 4, _gw_store_now ());
        }
      ok = _gw_store_step_done (self, statement, error);
    }
  _gw_store_unlock (self);
  if (ok)
    _gw_store_changed (self, "goal_values", goal_id);
  return ok;
}

/* Values typed for @goal_id from @first on, into @trend. */
static gboolean
read_typed_values (sqlite3      *db,
                   gint64        goal_id,
                   GwMonth       first,
                   GwGoalTrend  *trend,
                   GError      **error)
{
  g_autofree char *from = gw_month_to_key (first);
  g_autofree char *until = gw_month_to_key (first + GW_TREND_MONTHS - 1);
  sqlite3_stmt *statement = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT month, value FROM goal_values"
                           " WHERE goal_id = ?1 AND month BETWEEN ?2 AND ?3",
                           -1, &statement, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (statement, 1, goal_id);
      sqlite3_bind_text (statement, 2, from, -1, SQLITE_STATIC);
      sqlite3_bind_text (statement, 3, until, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
        {
          GwMonth month;

          if (gw_month_parse_key ((const char *) sqlite3_column_text (statement, 0), &month)
              && month >= first && month < first + GW_TREND_MONTHS)
            {
              trend->values[month - first] = sqlite3_column_double (statement, 1);
              trend->has_value[month - first] = TRUE;
            }
        }
    }
  sqlite3_finalize (statement);
  if (rc != SQLITE_DONE)
    {
      _gw_store_set_error_from (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* What the log says of [@from, @until), in one category or (0) all. */
static gboolean
read_month_facts (sqlite3       *db,
                  gint64         from,
                  gint64         until,
                  gint64         category_id,
                  gint64         now,
                  GwMonthFacts  *facts,
                  GError       **error)
{
  g_autoptr(GArray) durations = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *statement = NULL;
  int rc;

  memset (facts, 0, sizeof *facts);
  rc = sqlite3_prepare_v2 (db,
                           "SELECT kind, status, received_at, resolved_at,"
                           " follow_up_at, last_informed_at,"
                           " customer_feeling, will_buy_again, solved_on_spot,"
                           " coalesce (compensation_amount, 0)"
                           " FROM complaints WHERE deleted_at IS NULL"
                           " AND received_at >= ?1 AND received_at < ?2"
                           " AND (?3 = 0 OR category_id = ?3)",
                           -1, &statement, NULL);
  if (rc != SQLITE_OK)
    goto fail;
  sqlite3_bind_int64 (statement, 1, from);
  sqlite3_bind_int64 (statement, 2, until);
  sqlite3_bind_int64 (statement, 3, category_id);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (statement, 0);
      const char *status = (const char *) sqlite3_column_text (statement, 1);
      gint64 received_at = sqlite3_column_int64 (statement, 2);
      gint64 resolved_at = _gw_store_column_time (statement, 3);
      gint64 follow_up_at = _gw_store_column_time (statement, 4);
      gint64 informed_at = _gw_store_column_time (statement, 5);
      const char *feeling = (const char *) sqlite3_column_text (statement, 6);
      const char *buy_again = (const char *) sqlite3_column_text (statement, 7);

      if (g_strcmp0 (kind, "compliment") == 0)
        {
          facts->compliments++;
          continue;
        }
      if (g_strcmp0 (kind, "comment") == 0)
        {
          facts->comments++;
          continue;
        }
      if (g_strcmp0 (kind, "complaint") != 0)
        continue;

      facts->complaints++;
      facts->compensation += sqlite3_column_int64 (statement, 9);
      if (sqlite3_column_int (statement, 8))
        facts->solved_on_spot++;
      if (g_strcmp0 (status, "resolved") == 0)
        {
          gint64 duration = MAX (0, resolved_at - received_at);

          facts->resolved++;
          if (resolved_at != GW_NO_TIME)
            g_array_append_val (durations, duration);
        }
      if (follow_up_at != GW_NO_TIME && follow_up_at <= now)
        {
          facts->follow_ups_due++;
          if ((resolved_at != GW_NO_TIME && resolved_at <= follow_up_at)
              || (informed_at != GW_NO_TIME && informed_at <= follow_up_at))
            facts->follow_ups_kept++;
        }
      if (g_strcmp0 (feeling, "delighted") == 0 || g_strcmp0 (feeling, "satisfied") == 0)
        {
          facts->feeling_known++;
          facts->satisfied++;
        }
      else if (g_strcmp0 (feeling, "dissatisfied") == 0)
        facts->feeling_known++;
      if (g_strcmp0 (buy_again, "yes") == 0)
        {
          facts->buy_again_known++;
          facts->buy_again++;
        }
      else if (g_strcmp0 (buy_again, "no") == 0)
        facts->buy_again_known++;
    }
  if (rc != SQLITE_DONE)
    goto fail;
  sqlite3_finalize (statement);
  facts->median_resolve_secs = gw_median (durations);
  return TRUE;

fail:
  _gw_store_set_error_from (db, rc, error);
  sqlite3_finalize (statement);
  return FALSE;
}

/**
 * gw_store_month_facts:
 * @category_id: one category, or 0 for all
 * @now: follow-ups due after it are not counted yet
 *
 * What the complaint log says of complaints received in [@from, @until).
 * Reads on a connection of its own: call it from a worker thread.
 */
gboolean
gw_store_month_facts (GwStore       *self,
                      gint64         from,
                      gint64         until,
                      gint64         category_id,
                      gint64         now,
                      GwMonthFacts  *facts,
                      GError       **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (facts != NULL, FALSE);

  db = _gw_store_lock_reader (self, error);
  if (db == NULL)
    return FALSE;
  ok = read_month_facts (db, from, until, category_id, now, facts, error);
  _gw_store_unlock_reader (self);
  return ok;
}

static char *
read_month_notes (sqlite3  *db,
                  GwMonth   month,
                  GError  **error)
{
  g_autofree char *key = gw_month_to_key (month);
  sqlite3_stmt *statement = NULL;
  char *notes = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT notes FROM month_notes WHERE month = ?1", -1,
                           &statement, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (statement, 1, key, -1, SQLITE_STATIC);
      rc = sqlite3_step (statement);
      if (rc == SQLITE_ROW)
        {
          notes = _gw_store_column_text (statement, 0);
          rc = SQLITE_DONE;
        }
    }
  sqlite3_finalize (statement);
  if (rc != SQLITE_DONE)
    {
      _gw_store_set_error_from (db, rc, error);
      return NULL;
    }
  return notes != NULL ? notes : g_strdup ("");
}

static GPtrArray *
read_recognitions (sqlite3  *db,
                   gint64    from,
                   gint64    until,
                   GError  **error)
{
  g_autoptr(GPtrArray) recognitions = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_recognition_free);
  sqlite3_stmt *statement = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT r.id, r.staff_id, s.name, r.given_at, r.kind, r.reason, r.value"
                           " FROM recognitions r JOIN staff s ON s.id = r.staff_id"
                           " WHERE r.deleted_at IS NULL AND r.given_at >= ?1 AND r.given_at < ?2"
                           " ORDER BY r.given_at, r.id",
                           -1, &statement, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (statement, 1, from);
      sqlite3_bind_int64 (statement, 2, until);
      while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
        g_ptr_array_add (recognitions, _gw_store_recognition_from_row (statement));
    }
  sqlite3_finalize (statement);
  if (rc != SQLITE_DONE)
    {
      _gw_store_set_error_from (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&recognitions);
}

/**
 * gw_store_get_month_notes:
 *
 * Returns: (transfer full): what the owner decided in @month; "" when
 *   nothing yet, %NULL with @error set
 */
char *
gw_store_get_month_notes (GwStore  *self,
                          GwMonth   month,
                          GError  **error)
{
  char *notes;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  _gw_store_lock (self);
  notes = read_month_notes (_gw_store_get_db (self), month, error);
  _gw_store_unlock (self);
  return notes;
}

gboolean
gw_store_set_month_notes (GwStore     *self,
                          GwMonth      month,
                          const char  *notes,
                          GError     **error)
{
  g_autofree char *key = gw_month_to_key (month);
  sqlite3_stmt *statement;
  gboolean ok = FALSE;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "INSERT INTO month_notes (month, notes, updated_at)"
                                 " VALUES (?1, ?2, ?3) ON CONFLICT (month)"
                                 " DO UPDATE SET notes = excluded.notes,"
                                 " updated_at = excluded.updated_at",
                                 error);
  if (statement != NULL)
    {
      _gw_store_bind_text (statement, 1, key);
      _gw_store_bind_text (statement, 2, notes != NULL ? notes : "");
      sqlite3_bind_int64 (statement, 3, _gw_store_now ());
      ok = _gw_store_step_done (self, statement, error);
    }
  _gw_store_unlock (self);
  if (ok)
    _gw_store_changed (self, "month_notes", 0);
  return ok;
}

/**
 * gw_store_get_policy_text:
 *
 * Returns: (transfer full) (nullable): the owner's text for @area; %NULL
 *   when they have not written one (the starter text stands in) or, with
 *   @error set, on failure
 */
char *
gw_store_get_policy_text (GwStore       *self,
                          GwPolicyArea   area,
                          GError       **error)
{
  sqlite3_stmt *statement;
  char *body = NULL;
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);
  g_return_val_if_fail (area < GW_N_POLICY_AREAS, NULL);

  _gw_store_lock (self);
  statement = _gw_store_prepare (self, "SELECT body FROM policy_sections WHERE area = ?1", error);
  if (statement != NULL)
    {
      _gw_store_bind_text (statement, 1, gw_policy_section (area)->token);
      rc = sqlite3_step (statement);
      if (rc == SQLITE_ROW)
        body = _gw_store_column_text (statement, 0);
      else if (rc != SQLITE_DONE)
        _gw_store_set_error (self, rc, error);
      sqlite3_reset (statement);
    }
  _gw_store_unlock (self);
  return body;
}

gboolean
gw_store_set_policy_text (GwStore       *self,
                          GwPolicyArea   area,
                          const char    *body,
                          GError       **error)
{
  sqlite3_stmt *statement;
  gboolean ok = FALSE;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (area < GW_N_POLICY_AREAS, FALSE);

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "INSERT INTO policy_sections (area, body, updated_at)"
                                 " VALUES (?1, ?2, ?3) ON CONFLICT (area)"
                                 " DO UPDATE SET body = excluded.body,"
                                 " updated_at = excluded.updated_at",
                                 error);
  if (statement != NULL)
    {
      _gw_store_bind_text (statement, 1, gw_policy_section (area)->token);
      _gw_store_bind_text (statement, 2, body != NULL ? body : "");
      sqlite3_bind_int64 (statement, 3, _gw_store_now ());
      ok = _gw_store_step_done (self, statement, error);
    }
  _gw_store_unlock (self);
  if (ok)
    _gw_store_changed (self, "policy_sections", 0);
  return ok;
}

/* Each goal's values over the trend's months; computed ones from the log. */
static GPtrArray *
read_trends (sqlite3    *db,
             GPtrArray  *goals,
             GwMonth     month,
             gint64      now,
             GError    **error)
{
  g_autoptr(GPtrArray) trends = NULL;
  g_autoptr(GHashTable) facts_by_key = NULL;
  GwMonth first = month - GW_TREND_MONTHS + 1;

  trends = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_goal_trend_free);
  /* (category, month) → facts, so goals on the same figures read once. */
  facts_by_key = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; i < goals->len; i++)
    {
      GwGoal *goal = g_ptr_array_index (goals, i);
      GwGoalTrend *trend = g_new0 (GwGoalTrend, 1);

      trend->goal = gw_goal_copy (goal);
      g_ptr_array_add (trends, trend);

      if (goal->metric == GW_METRIC_TYPED)
        {
          if (!read_typed_values (db, goal->id, first, trend, error))
            return NULL;
          for (guint m = 0; m < GW_TREND_MONTHS && first + (GwMonth) m < goal->start_month; m++)
            trend->has_value[m] = FALSE;
          continue;
        }
      for (guint m = 0; m < GW_TREND_MONTHS; m++)
        {
          gint64 key = (goal->category_id << 20) | (gint64) (m + 1);
          GwMonthFacts *facts = g_hash_table_lookup (facts_by_key, &key);
          gint64 from, until;

          gw_month_bounds (first + m, &from, &until);
          /* A month still to come has no figures yet, nor has one before
           * the goal was set. */
          if (from > now || first + (GwMonth) m < goal->start_month)
            continue;
          if (facts == NULL)
            {
              facts = g_new0 (GwMonthFacts, 1);
              if (!read_month_facts (db, from, until, goal->category_id, now, facts, error))
                {
                  g_free (facts);
                  return NULL;
                }
              g_hash_table_insert (facts_by_key, g_memdup2 (&key, sizeof key), facts);
            }
          trend->has_value[m] = gw_metric_value (goal->metric, facts, &trend->values[m]);
        }
    }
  return g_steal_pointer (&trends);
}

/**
 * gw_store_monthly_review:
 * @now: the present; months after it have no figures
 *
 * Gathers what the review of @month shows: the month's complaint figures,
 * each goal over the twelve months up to it, the top three issues, the
 * recognitions given, the owner's notes and the current vision. Reads on
 * a connection of its own: call it from a worker thread.
 *
 * Returns: (transfer full): the review, or %NULL with @error set
 */
GwMonthlyReview *
gw_store_monthly_review (GwStore  *self,
                         GwMonth   month,
                         gint64    now,
                         GError  **error)
{
  g_autoptr(GwMonthlyReview) review = g_new0 (GwMonthlyReview, 1);
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GPtrArray) previous = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  gint64 from, until, previous_from, previous_until;
  sqlite3 *db;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  review->month = month;
  gw_month_bounds (month, &from, &until);

  review->vision = current_vision (self, error);
  if (review->vision == NULL)
    return NULL;

  /* The top issues read through the store's own calls. */
  gw_period_previous (from, until, &previous_from, &previous_until);
  current = gw_store_category_stats (self, from, until, error);
  if (current == NULL)
    return NULL;
  previous = gw_store_category_stats (self, previous_from, previous_until, error);
  if (previous == NULL)
    return NULL;
  review->top_issues = gw_top_issues_rank (current, previous, 3);
  for (guint i = 0; i < review->top_issues->len; i++)
    {
      GwTopIssue *issue = g_ptr_array_index (review->top_issues, i);

      issue->prevention = gw_store_prevention_notes (self, issue->category_id, from, until, 5,
                                                     error);
      if (issue->prevention == NULL)
        return NULL;
    }

  goals = gw_store_list_goals (self, error);
  if (goals == NULL)
    return NULL;

  db = _gw_store_lock_reader (self, error);
  if (db == NULL)
    return NULL;
  if (!read_month_facts (db, from, until, 0, now, &review->facts, error)
      || (review->notes = read_month_notes (db, month, error)) == NULL
      || (review->recognitions = read_recognitions (db, from, until, error)) == NULL)
    {
      _gw_store_unlock_reader (self);
      return NULL;
    }
  review->trends = read_trends (db, goals, month, now, error);
  _gw_store_unlock_reader (self);
  if (review->trends == NULL)
    return NULL;
  return g_steal_pointer (&review);
}
