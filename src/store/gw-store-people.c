/* gw-store-people.c: customers and categories: reading, editing, merging
 * two records that turn out to be one, archiving
 */

#define G_LOG_DOMAIN "gw-store"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "gw-store-private.h"

/* Runs a bound write inside a savepoint; the caller holds the lock. */
static gboolean
run_write (GwStore       *self,
           sqlite3_stmt  *statement,
           gboolean       must_change,
           GError       **error)
{
  if (!_gw_store_step_done (self, statement, error))
    return FALSE;
  if (must_change && sqlite3_changes (_gw_store_get_db (self)) == 0)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND,
                   _("That record no longer exists."));
      return FALSE;
    }
  return TRUE;
}

GwCustomer *
gw_store_get_customer (GwStore  *self,
                       gint64    id,
                       GError  **error)
{
  sqlite3_stmt *statement;
  GwCustomer *customer = NULL;
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "SELECT id, name, phone, email, address, notes FROM customers"
                                 " WHERE id = ?1 AND deleted_at IS NULL AND merged_into IS NULL",
                                 error);
  if (statement != NULL)
    {
      sqlite3_bind_int64 (statement, 1, id);
      rc = sqlite3_step (statement);
      if (rc == SQLITE_ROW)
        {
          customer = g_new0 (GwCustomer, 1);
          customer->id = sqlite3_column_int64 (statement, 0);
          customer->name = _gw_store_column_text (statement, 1);
          customer->phone = _gw_store_column_text (statement, 2);
          customer->email = _gw_store_column_text (statement, 3);
          customer->address = _gw_store_column_text (statement, 4);
          customer->notes = _gw_store_column_text (statement, 5);
        }
      else if (rc == SQLITE_DONE)
        g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND,
                     _("That customer no longer exists."));
      else
        _gw_store_set_error (self, rc, error);
      sqlite3_reset (statement);
    }
  _gw_store_unlock (self);
  return customer;
}

gboolean
gw_store_update_customer (GwStore           *self,
                          const GwCustomer  *customer,
                          GError           **error)
{
  sqlite3_stmt *statement;
  gboolean ok = FALSE;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (customer != NULL, FALSE);

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "UPDATE customers SET name = ?2, phone = ?3, email = ?4,"
                                 " address = ?5, notes = ?6, updated_at = ?7"
                                 " WHERE id = ?1 AND deleted_at IS NULL AND merged_into IS NULL",
                                 error);
  if (statement != NULL)
    {
      sqlite3_bind_int64 (statement, 1, customer->id);
      _gw_store_bind_text (statement, 2, customer->name);
      _gw_store_bind_text (statement, 3, customer->phone);
      _gw_store_bind_text (statement, 4, customer->email);
      _gw_store_bind_text (statement, 5, customer->address);
      _gw_store_bind_text (statement, 6, customer->notes);
      sqlite3_bind_int64 (statement, 7, _gw_store_now ());
      ok = run_write (self, statement, TRUE, error);
    }
  if (ok)
    {
      _gw_store_changed (self, "customers", customer->id);
      /* Complaints show the customer's name. */
      _gw_store_changed (self, "complaints", 0);
    }
  _gw_store_unlock (self);
  return ok;
}

/**
 * gw_store_merge_customers:
 * @keep_id: the record that stays
 * @merge_id: the record that turns out to be the same person
 *
 * Moves every complaint of @merge_id to @keep_id, fills details @keep_id
 * lacks, adds the notes, and marks @merge_id as merged (kept, not deleted).
 */
gboolean
gw_store_merge_customers (GwStore  *self,
                          gint64    keep_id,
                          gint64    merge_id,
                          GError  **error)
{
  sqlite3_stmt *statement;
  gint64 now = _gw_store_now ();

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (keep_id == merge_id)
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("A customer cannot be merged with themselves."));
      return FALSE;
    }

  _gw_store_lock (self);
  if (!_gw_store_savepoint (self, error))
    goto out;

  statement = _gw_store_prepare (self,
                                 "UPDATE customers SET"
                                 " phone = CASE WHEN customers.phone = '' THEN m.phone"
                                 "   ELSE customers.phone END,"
                                 " email = CASE WHEN customers.email = '' THEN m.email"
                                 "   ELSE customers.email END,"
                                 " address = CASE WHEN customers.address = '' THEN m.address"
                                 "   ELSE customers.address END,"
                                 " notes = CASE WHEN m.notes = '' THEN customers.notes"
                                 "   WHEN customers.notes = '' THEN m.notes"
                                 "   ELSE customers.notes || char(10) || m.notes END,"
                                 " updated_at = ?3"
                                 " FROM (SELECT phone, email, address, notes FROM customers"
                                 "       WHERE id = ?2 AND deleted_at IS NULL"
                                 "       AND merged_into IS NULL) AS m"
                                 " WHERE customers.id = ?1 AND customers.deleted_at IS NULL"
                                 " AND customers.merged_into IS NULL",
                                 error);
  if (statement == NULL)
    goto fail;
  sqlite3_bind_int64 (statement, 1, keep_id);
  sqlite3_bind_int64 (statement, 2, merge_id);
  sqlite3_bind_int64 (statement, 3, now);
  if (!run_write (self, statement, TRUE, error))
    goto fail;

  statement = _gw_store_prepare (self,
                                 "UPDATE customers SET merged_into = ?1, updated_at = ?3"
                                 " WHERE id = ?2",
                                 error);
  if (statement == NULL)
    goto fail;
  sqlite3_bind_int64 (statement, 1, keep_id);
  sqlite3_bind_int64 (statement, 2, merge_id);
  sqlite3_bind_int64 (statement, 3, now);
  if (!run_write (self, statement, TRUE, error))
    goto fail;

  statement = _gw_store_prepare (self,
                                 "UPDATE complaints SET customer_id = ?1 WHERE customer_id = ?2",
                                 error);
  if (statement == NULL)
    goto fail;
  sqlite3_bind_int64 (statement, 1, keep_id);
  sqlite3_bind_int64 (statement, 2, merge_id);
  if (!run_write (self, statement, FALSE, error))
    goto fail;

  _gw_store_changed (self, "customers", 0);
  _gw_store_changed (self, "complaints", 0);
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

static gboolean
name_is_free (GwStore     *self,
              const char  *name,
              gint64       except_id,
              GError     **error)
{
  sqlite3_stmt *statement;
  gboolean taken = FALSE;

  statement = _gw_store_prepare (self,
                                 "SELECT 1 FROM categories WHERE gw_fold (name) = gw_fold (?1)"
                                 " AND id <> ?2 AND deleted_at IS NULL AND merged_into IS NULL",
                                 error);
  if (statement == NULL)
    return FALSE;
  _gw_store_bind_text (statement, 1, name);
  sqlite3_bind_int64 (statement, 2, except_id);
  taken = sqlite3_step (statement) == SQLITE_ROW;
  sqlite3_reset (statement);
  if (taken)
    g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                 _("There is already a category called “%s”. Merge the two instead."), name);
  return !taken;
}

static char *
checked_name (const char  *name,
              GError     **error)
{
  char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*stripped == '\0')
    {
      g_free (stripped);
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("A category needs a name."));
      return NULL;
    }
  return stripped;
}

gint64
gw_store_add_category (GwStore     *self,
                       const char  *name,
                       GError     **error)
{
  g_autofree char *stripped = checked_name (name, error);
  sqlite3_stmt *statement;
  gint64 id = 0;

  g_return_val_if_fail (GW_IS_STORE (self), 0);

  if (stripped == NULL)
    return 0;
  _gw_store_lock (self);
  if (name_is_free (self, stripped, 0, error)
      && (statement = _gw_store_prepare (self,
                                         "INSERT INTO categories (name, created_at) VALUES (?1, ?2)",
                                         error)) != NULL)
    {
      _gw_store_bind_text (statement, 1, stripped);
      sqlite3_bind_int64 (statement, 2, _gw_store_now ());
      if (run_write (self, statement, FALSE, error))
        {
          id = sqlite3_last_insert_rowid (_gw_store_get_db (self));
          _gw_store_changed (self, "categories", id);
        }
    }
  _gw_store_unlock (self);
  return id;
}

gboolean
gw_store_rename_category (GwStore     *self,
                          gint64       id,
                          const char  *name,
                          GError     **error)
{
  g_autofree char *stripped = checked_name (name, error);
  sqlite3_stmt *statement;
  gboolean ok = FALSE;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (stripped == NULL)
    return FALSE;
  _gw_store_lock (self);
  if (name_is_free (self, stripped, id, error)
      && (statement = _gw_store_prepare (self, "UPDATE categories SET name = ?2 WHERE id = ?1"
                                               " AND deleted_at IS NULL AND merged_into IS NULL",
                                         error)) != NULL)
    {
      sqlite3_bind_int64 (statement, 1, id);
      _gw_store_bind_text (statement, 2, stripped);
      ok = run_write (self, statement, TRUE, error);
    }
  if (ok)
    {
      _gw_store_changed (self, "categories", id);
      _gw_store_changed (self, "complaints", 0);
    }
  _gw_store_unlock (self);
  return ok;
}

/* Archived categories keep their history but are no longer offered. */
gboolean
gw_store_set_category_archived (GwStore  *self,
                                gint64    id,
                                gboolean  archived,
                                GError  **error)
{
  sqlite3_stmt *statement;
  gboolean ok = FALSE;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "UPDATE categories SET archived_at = CASE WHEN ?2 THEN ?3 END"
                                 " WHERE id = ?1 AND deleted_at IS NULL AND merged_into IS NULL",
                                 error);
  if (statement != NULL)
    {
      sqlite3_bind_int64 (statement, 1, id);
      sqlite3_bind_int (statement, 2, archived ? 1 : 0);
      sqlite3_bind_int64 (statement, 3, _gw_store_now ());
      ok = run_write (self, statement, TRUE, error);
    }
  if (ok)
    _gw_store_changed (self, "categories", id);
  _gw_store_unlock (self);
  return ok;
}

/* Every complaint of @merge_id moves to @keep_id; @merge_id stays, marked. */
gboolean
gw_store_merge_categories (GwStore  *self,
                           gint64    keep_id,
                           gint64    merge_id,
                           GError  **error)
{
  sqlite3_stmt *statement;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (keep_id == merge_id)
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("A category cannot be merged with itself."));
      return FALSE;
    }

  _gw_store_lock (self);
  if (!_gw_store_savepoint (self, error))
    goto out;
  statement = _gw_store_prepare (self,
                                 "UPDATE categories SET merged_into = ?1 WHERE id = ?2"
                                 " AND deleted_at IS NULL AND merged_into IS NULL"
                                 " AND EXISTS (SELECT 1 FROM categories WHERE id = ?1"
                                 "             AND deleted_at IS NULL AND merged_into IS NULL)",
                                 error);
  if (statement == NULL)
    goto fail;
  sqlite3_bind_int64 (statement, 1, keep_id);
  sqlite3_bind_int64 (statement, 2, merge_id);
  if (!run_write (self, statement, TRUE, error))
    goto fail;
  statement = _gw_store_prepare (self,
                                 "UPDATE complaints SET category_id = ?1 WHERE category_id = ?2",
                                 error);
  if (statement == NULL)
    goto fail;
  sqlite3_bind_int64 (statement, 1, keep_id);
  sqlite3_bind_int64 (statement, 2, merge_id);
  if (!run_write (self, statement, FALSE, error))
    goto fail;

  _gw_store_changed (self, "categories", 0);
  _gw_store_changed (self, "complaints", 0);
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

/**
 * gw_store_save_staff_member:
 * @member: with an id of 0 to add a person, or the id of one to change
 *
 * Returns: the person's id, or 0 with @error set (a missing name, or one
 *   that another current staff member already has)
 */
gint64
gw_store_save_staff_member (GwStore              *self,
                            const GwStaffMember  *member,
                            GError              **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *statement;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), 0);
  g_return_val_if_fail (member != NULL, 0);

  name = g_strstrip (g_strdup (member->name != NULL ? member->name : ""));
  if (*name == '\0')
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("Give the person's name."));
      return 0;
    }

  _gw_store_lock (self);
  if (member->id == 0)
    statement = _gw_store_prepare (self,
                                   "INSERT INTO staff (name, role, phone, email, is_manager, active,"
                                   " started_at, created_at) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                   error);
  else
    statement = _gw_store_prepare (self,
                                   "UPDATE staff SET name = ?2, role = ?3, phone = ?4, email = ?5,"
                                   " is_manager = ?6, active = ?7, started_at = ?8"
                                   " WHERE id = ?1 AND deleted_at IS NULL",
                                   error);
  if (statement == NULL)
    goto out;
  if (member->id != 0)
    sqlite3_bind_int64 (statement, 1, member->id);
  _gw_store_bind_text (statement, 2, name);
  _gw_store_bind_text (statement, 3, member->role);
  _gw_store_bind_text (statement, 4, member->phone);
  _gw_store_bind_text (statement, 5, member->email);
  sqlite3_bind_int (statement, 6, member->is_manager ? 1 : 0);
  sqlite3_bind_int (statement, 7, member->active ? 1 : 0);
  if (member->started_at != 0)
    sqlite3_bind_int64 (statement, 8, member->started_at);
  else
    sqlite3_bind_null (statement, 8);
  if (member->id == 0)
    sqlite3_bind_int64 (statement, 9, _gw_store_now ());

  rc = sqlite3_step (statement);
  sqlite3_reset (statement);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                   _("Someone on the staff is already called “%s”."), name);
      goto out;
    }
  if (rc != SQLITE_DONE)
    {
      _gw_store_set_error (self, rc, error);
      goto out;
    }
  if (member->id != 0 && sqlite3_changes (_gw_store_get_db (self)) == 0)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND,
                   _("That staff member no longer exists."));
      goto out;
    }
  id = member->id != 0 ? member->id : sqlite3_last_insert_rowid (_gw_store_get_db (self));
  _gw_store_changed (self, "staff", id);

out:
  _gw_store_unlock (self);
  return id;
}

/**
 * gw_store_add_recognition:
 *
 * Returns: the new recognition's id, or 0 with @error set
 */
gint64
gw_store_add_recognition (GwStore              *self,
                          const GwRecognition  *recognition,
                          GError              **error)
{
  g_autofree char *reason = NULL;
  sqlite3_stmt *statement;
  gint64 id = 0;

  g_return_val_if_fail (GW_IS_STORE (self), 0);
  g_return_val_if_fail (recognition != NULL, 0);

  reason = g_strstrip (g_strdup (recognition->reason != NULL ? recognition->reason : ""));
  if (*reason == '\0')
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("Say what the recognition is for."));
      return 0;
    }
  if (recognition->staff_id <= 0)
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("Choose who is recognised."));
      return 0;
    }

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "INSERT INTO recognitions (staff_id, given_at, kind, reason, value,"
                                 " complaint_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                 error);
  if (statement != NULL)
    {
      sqlite3_bind_int64 (statement, 1, recognition->staff_id);
      sqlite3_bind_int64 (statement, 2, recognition->given_at);
      _gw_store_bind_text (statement, 3, gw_vocabulary_token (GW_VOCAB_RECOGNITION,
                                                              recognition->kind));
      _gw_store_bind_text (statement, 4, reason);
      sqlite3_bind_int64 (statement, 5, recognition->value);
      if (recognition->complaint_id > 0)
        sqlite3_bind_int64 (statement, 6, recognition->complaint_id);
      else
        sqlite3_bind_null (statement, 6);
      sqlite3_bind_int64 (statement, 7, _gw_store_now ());
      if (run_write (self, statement, FALSE, error))
        {
          id = sqlite3_last_insert_rowid (_gw_store_get_db (self));
          _gw_store_changed (self, "recognitions", id);
        }
    }
  _gw_store_unlock (self);
  return id;
}

/* The newest recognitions first, up to @limit. */
GPtrArray *
gw_store_list_recognitions (GwStore  *self,
                            guint     limit,
                            GError  **error)
{
  g_autoptr(GPtrArray) recognitions = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_recognition_free);
  sqlite3_stmt *statement;
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "SELECT r.id, r.staff_id, s.name, r.given_at, r.kind, r.reason,"
                                 " r.value, coalesce(r.complaint_id, 0)"
                                 " FROM recognitions r JOIN staff s ON s.id = r.staff_id"
                                 " WHERE r.deleted_at IS NULL"
                                 " ORDER BY r.given_at DESC, r.id DESC LIMIT ?1",
                                 error);
  if (statement == NULL)
    {
      _gw_store_unlock (self);
      return NULL;
    }
  sqlite3_bind_int (statement, 1, limit);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    g_ptr_array_add (recognitions, _gw_store_recognition_from_row (statement));
  sqlite3_reset (statement);
  _gw_store_unlock (self);
  if (rc != SQLITE_DONE)
    {
      _gw_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&recognitions);
}

/* A recognition from a row of id, staff id, staff name, given at, kind,
 * reason, value and (when the query has it) the complaint's id. */
GwRecognition *
_gw_store_recognition_from_row (sqlite3_stmt *statement)
{
  GwRecognition *recognition = g_new0 (GwRecognition, 1);
  guint kind = 0;

  recognition->id = sqlite3_column_int64 (statement, 0);
  recognition->staff_id = sqlite3_column_int64 (statement, 1);
  recognition->staff = _gw_store_column_text (statement, 2);
  recognition->given_at = sqlite3_column_int64 (statement, 3);
  gw_vocabulary_parse (GW_VOCAB_RECOGNITION, (const char *) sqlite3_column_text (statement, 4),
                       &kind);
  recognition->kind = kind;
  recognition->reason = _gw_store_column_text (statement, 5);
  recognition->value = sqlite3_column_int64 (statement, 6);
  if (sqlite3_column_count (statement) > 7)
    recognition->complaint_id = sqlite3_column_int64 (statement, 7);
  return recognition;
}

/**
 * gw_store_staff_feedback:
 * @from: start of the period (received at or after)
 * @until: end of the period (received before)
 * @now: the present: follow-ups due after it are not counted yet
 *
 * Counts what customers said through @staff_id's work: complaints they
 * received in the period and what became of them, their follow-ups that
 * fell due, compliments about them, and recognition they were given.
 */
gboolean
gw_store_staff_feedback (GwStore          *self,
                         gint64            staff_id,
                         gint64            from,
                         gint64            until,
                         gint64            now,
                         GwStaffFeedback  *feedback,
                         GError          **error)
{
  g_autoptr(GArray) durations = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db;
  sqlite3_stmt *statement = NULL;
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (feedback != NULL, FALSE);

  memset (feedback, 0, sizeof *feedback);

  /* A person's period is a few hundred rows at most, but read apart all
   * the same. */
  db = _gw_store_lock_reader (self, error);
  if (db == NULL)
    return FALSE;
  rc = sqlite3_prepare_v2 (db,
                           "SELECT kind, status, received_at, resolved_at,"
                           " follow_up_at, last_informed_at,"
                           " customer_feeling"
                           " FROM complaints WHERE deleted_at IS NULL"
                           " AND (received_by_id = ?1 OR assigned_to_id = ?1)"
                           " AND received_at >= ?2 AND received_at < ?3",
                           -1, &statement, NULL);
  if (rc != SQLITE_OK)
    goto fail;
  sqlite3_bind_int64 (statement, 1, staff_id);
  sqlite3_bind_int64 (statement, 2, from);
  sqlite3_bind_int64 (statement, 3, until);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (statement, 0);
      const char *status = (const char *) sqlite3_column_text (statement, 1);
      gint64 received_at = sqlite3_column_int64 (statement, 2);
      gint64 resolved_at = _gw_store_column_time (statement, 3);
      gint64 follow_up_at = _gw_store_column_time (statement, 4);
      gint64 informed_at = _gw_store_column_time (statement, 5);
      const char *feeling = (const char *) sqlite3_column_text (statement, 6);

      if (g_strcmp0 (kind, "compliment") == 0)
        {
          feedback->compliments++;
          continue;
        }
      if (g_strcmp0 (kind, "complaint") != 0)
        continue;

      feedback->complaints++;
      if (g_strcmp0 (status, "resolved") == 0)
        {
          gint64 duration = MAX (0, resolved_at - received_at);

          feedback->resolved++;
          if (resolved_at != GW_NO_TIME)
            g_array_append_val (durations, duration);
        }
      if (follow_up_at != GW_NO_TIME && follow_up_at <= now)
        {
          feedback->follow_ups_due++;
          if ((resolved_at != GW_NO_TIME && resolved_at <= follow_up_at)
              || (informed_at != GW_NO_TIME && informed_at <= follow_up_at))
            feedback->follow_ups_kept++;
        }
      if (g_strcmp0 (feeling, "delighted") == 0)
        feedback->delighted++;
      else if (g_strcmp0 (feeling, "satisfied") == 0)
        feedback->satisfied++;
      else if (g_strcmp0 (feeling, "dissatisfied") == 0)
        feedback->dissatisfied++;
    }
  if (rc != SQLITE_DONE)
    goto fail;
  sqlite3_finalize (statement);
  statement = NULL;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT count(*) FROM recognitions WHERE deleted_at IS NULL"
                           " AND staff_id = ?1 AND given_at >= ?2 AND given_at < ?3",
                           -1, &statement, NULL);
  if (rc != SQLITE_OK)
    goto fail;
  sqlite3_bind_int64 (statement, 1, staff_id);
  sqlite3_bind_int64 (statement, 2, from);
  sqlite3_bind_int64 (statement, 3, until);
  rc = sqlite3_step (statement);
  if (rc != SQLITE_ROW)
    goto fail;
  feedback->recognitions = sqlite3_column_int64 (statement, 0);
  sqlite3_finalize (statement);
  _gw_store_unlock_reader (self);

  feedback->median_resolve_secs = gw_median (durations);
  return TRUE;

fail:
  _gw_store_set_error_from (db, rc, error);
  sqlite3_finalize (statement);
  _gw_store_unlock_reader (self);
  return FALSE;
}
