/* gw-store-complaints.c: complaints, and the customers, staff and categories
 * they name
 */

#define G_LOG_DOMAIN "gw-store"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-store-private.h"

static void
bind_id (sqlite3_stmt *statement,
         int           index,
         gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (statement, index);
  else
    sqlite3_bind_int64 (statement, index, id);
}

/* Runs a statement expected to give at most one integer; 0 when no row. */
static gboolean
lookup_id (GwStore       *self,
           sqlite3_stmt  *statement,
           gint64        *id,
           GError       **error)
{
  int rc = sqlite3_step (statement);

  *id = 0;
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (statement, 0);
  else if (rc != SQLITE_DONE)
    {
      _gw_store_set_error (self, rc, error);
      sqlite3_reset (statement);
      return FALSE;
    }
  sqlite3_reset (statement);
  return TRUE;
}

static gboolean
insert_returning_id (GwStore       *self,
                     sqlite3_stmt  *statement,
                     gint64        *id,
                     GError       **error)
{
  if (!_gw_store_step_done (self, statement, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (_gw_store_get_db (self));
  return TRUE;
}

static gboolean
insert_event (GwStore      *self,
              gint64        complaint_id,
              GwEventKind   kind,
              gint64        at,
              gint64        staff_id,
              const char   *body,
              const char   *old_value,
              const char   *new_value,
              gint64       *id,
              GError      **error)
{
  sqlite3_stmt *statement;
  gint64 event_id = 0;

  statement = _gw_store_prepare (self,
                                 "INSERT INTO complaint_events (complaint_id, at, staff_id, kind,"
                                 " body, old_value, new_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                 error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, complaint_id);
  sqlite3_bind_int64 (statement, 2, at != GW_NO_TIME ? at : _gw_store_now ());
  bind_id (statement, 3, staff_id);
  _gw_store_bind_text (statement, 4, gw_event_kind_token (kind));
  _gw_store_bind_text (statement, 5, body);
  _gw_store_bind_text (statement, 6, old_value);
  _gw_store_bind_text (statement, 7, new_value);
  if (!insert_returning_id (self, statement, &event_id, error))
    return FALSE;
  _gw_store_changed (self, "complaint_events", event_id);
  if (id != NULL)
    *id = event_id;
  return TRUE;
}

/* Finds a row by name with @find_sql, or makes it with @insert_sql; both
 * take the name as ?1, the insert the time as ?2. */
static gboolean
ensure_named (GwStore     *self,
              const char  *find_sql,
              const char  *insert_sql,
              const char  *table,
              const char  *name,
              gint64      *id,
              GError     **error)
{
  GwReferenceCache *references = _gw_store_get_references (self);
  sqlite3_stmt *statement;

  *id = 0;
  if (name == NULL || *name == '\0')
    return TRUE;
  if (references != NULL && (*id = gw_reference_cache_lookup_named (references, table, name)) != 0)
    return TRUE;

  statement = _gw_store_prepare (self, find_sql, error);
  if (statement == NULL)
    return FALSE;
  _gw_store_bind_text (statement, 1, name);
  if (!lookup_id (self, statement, id, error))
    return FALSE;
  if (*id == 0)
    {
      statement = _gw_store_prepare (self, insert_sql, error);
      if (statement == NULL)
        return FALSE;
      _gw_store_bind_text (statement, 1, name);
      sqlite3_bind_int64 (statement, 2, _gw_store_now ());
      if (!insert_returning_id (self, statement, id, error))
        return FALSE;
      /* A new name: no other name resolves differently for it. */
      _gw_store_changed_resolving (self, table, *id);
    }
  if (references != NULL)
    gw_reference_cache_add_named (references, table, name, *id);
  return TRUE;
}

static gboolean
ensure_category (GwStore     *self,
                 const char  *name,
                 gint64      *id,
                 GError     **error)
{
  return ensure_named (self,
                       "SELECT id FROM categories WHERE gw_fold (name) = gw_fold (?1) "
                       "AND deleted_at IS NULL AND merged_into IS NULL ORDER BY id LIMIT 1",
                       "INSERT INTO categories (name, created_at) VALUES (?1, ?2)",
                       "categories", name, id, error);
}

static gboolean
ensure_staff_member (GwStore     *self,
                     const char  *name,
                     gint64      *id,
                     GError     **error)
{
  return ensure_named (self,
                       "SELECT id FROM staff WHERE gw_fold (name) = gw_fold (?1) "
                       "AND deleted_at IS NULL ORDER BY id LIMIT 1",
                       "INSERT INTO staff (name, created_at) VALUES (?1, ?2)",
                       "staff", name, id, error);
}

/* Customers are matched by e-mail, then phone, then name; details the match
 * lacks are filled in from the record, never overwritten. */
static gboolean
ensure_customer (GwStore            *self,
                 const GwComplaint  *complaint,
                 gint64             *id,
                 GError            **error)
{
  static const char *const match_queries[] = {
    "SELECT id FROM customers WHERE email = ?1 COLLATE NOCASE AND email <> '' "
    "AND deleted_at IS NULL AND merged_into IS NULL ORDER BY id LIMIT 1",
    "SELECT id FROM customers WHERE phone = ?1 AND phone <> '' "
    "AND deleted_at IS NULL AND merged_into IS NULL ORDER BY id LIMIT 1",
    "SELECT id FROM customers WHERE name = ?1 COLLATE NOCASE AND name <> '' "
    "AND deleted_at IS NULL AND merged_into IS NULL ORDER BY id LIMIT 1",
  };
  const char *keys[] = {
    complaint->customer_email,
    complaint->customer_phone,
    complaint->customer_name,
  };
  GwReferenceCache *references = _gw_store_get_references (self);
  sqlite3_stmt *statement;

  *id = 0;
  /* The same four details as an earlier row of the batch: the same
   * customer, whose record that row already completed. */
  if (references != NULL
      && (*id = gw_reference_cache_lookup_customer (references, complaint->customer_name,
                                                    complaint->customer_phone,
                                                    complaint->customer_email,
                                                    complaint->customer_address)) != 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (match_queries) && *id == 0; i++)
    {
      if (keys[i] == NULL || *keys[i] == '\0')
        continue;
      statement = _gw_store_prepare (self, match_queries[i], error);
      if (statement == NULL)
        return FALSE;
      _gw_store_bind_text (statement, 1, keys[i]);
      if (!lookup_id (self, statement, id, error))
        return FALSE;
    }

  if (*id != 0)
    {
      statement = _gw_store_prepare (self,
                                     "UPDATE customers SET "
                                     "  name = CASE WHEN name = '' THEN ?2 ELSE name END,"
                                     "  phone = CASE WHEN phone = '' THEN ?3 ELSE phone END,"
                                     "  email = CASE WHEN email = '' THEN ?4 ELSE email END,"
                                     "  address = CASE WHEN address = '' THEN ?5 ELSE address END,"
                                     "  updated_at = ?6 "
                                     "WHERE id = ?1 AND ((name = '' AND ?2 <> '')"
                                     "  OR (phone = '' AND ?3 <> '') OR (email = '' AND ?4 <> '')"
                                     "  OR (address = '' AND ?5 <> ''))",
                                     error);
      if (statement == NULL)
        return FALSE;
      sqlite3_bind_int64 (statement, 1, *id);
      _gw_store_bind_text (statement, 2, complaint->customer_name);
      _gw_store_bind_text (statement, 3, complaint->customer_phone);
      _gw_store_bind_text (statement, 4, complaint->customer_email);
      _gw_store_bind_text (statement, 5, complaint->customer_address);
      sqlite3_bind_int64 (statement, 6, _gw_store_now ());
      if (!_gw_store_step_done (self, statement, error))
        return FALSE;
      if (sqlite3_changes (_gw_store_get_db (self)) > 0)
        {
          _gw_store_changed_resolving (self, "customers", *id);
          if (references != NULL)
            gw_reference_cache_forget_customers_like (references, complaint->customer_name,
                                                      complaint->customer_phone,
                                                      complaint->customer_email);
        }
      if (references != NULL)
        gw_reference_cache_add_customer (references, complaint->customer_name,
                                         complaint->customer_phone, complaint->customer_email,
                                         complaint->customer_address, *id);
      return TRUE;
    }

  if (*complaint->customer_name == '\0' && *complaint->customer_phone == '\0'
      && *complaint->customer_email == '\0' && *complaint->customer_address == '\0')
    return TRUE;

  statement = _gw_store_prepare (self,
                                 "INSERT INTO customers (name, phone, email, address,"
                                 " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                                 error);
  if (statement == NULL)
    return FALSE;
  _gw_store_bind_text (statement, 1, complaint->customer_name);
  _gw_store_bind_text (statement, 2, complaint->customer_phone);
  _gw_store_bind_text (statement, 3, complaint->customer_email);
  _gw_store_bind_text (statement, 4, complaint->customer_address);
  sqlite3_bind_int64 (statement, 5, _gw_store_now ());
  if (!insert_returning_id (self, statement, id, error))
    return FALSE;
  _gw_store_changed_resolving (self, "customers", *id);
  if (references != NULL)
    {
      gw_reference_cache_forget_customers_like (references, complaint->customer_name,
                                                complaint->customer_phone,
                                                complaint->customer_email);
      gw_reference_cache_add_customer (references, complaint->customer_name,
                                       complaint->customer_phone, complaint->customer_email,
                                       complaint->customer_address, *id);
    }
  return TRUE;
}

static gboolean
validate_complaint (const GwComplaint  *complaint,
                    GError            **error)
{
  g_autofree char *description = g_strstrip (g_strdup (complaint->description));

  if (*description == '\0')
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("Describe what happened."));
      return FALSE;
    }
  if (complaint->received_at == GW_NO_TIME)
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("Say when it was received."));
      return FALSE;
    }
  /* Times outside the range would not export and import again exactly. */
  if (!gw_datetime_in_range (complaint->received_at)
      || (complaint->follow_up_at != GW_NO_TIME && !gw_datetime_in_range (complaint->follow_up_at))
      || (complaint->resolved_at != GW_NO_TIME && !gw_datetime_in_range (complaint->resolved_at)))
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("A time is outside the years Goodwill keeps, 1900 to 2200."));
      return FALSE;
    }
  if (complaint->compensation_amount < 0)
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("A compensation amount cannot be negative."));
      return FALSE;
    }
  return TRUE;
}

/* Resolves the names a record carries into row ids, creating rows as needed:
 * an id already set wins over a name. */
static gboolean
resolve_references (GwStore            *self,
                    const GwComplaint  *complaint,
                    gint64             *category_id,
                    gint64             *customer_id,
                    gint64             *received_by_id,
                    GError            **error)
{
  *category_id = complaint->category_id;
  *customer_id = complaint->customer_id;
  *received_by_id = complaint->received_by_id;

  if (*category_id == 0 && !ensure_category (self, complaint->category, category_id, error))
    return FALSE;
  if (*customer_id == 0 && !ensure_customer (self, complaint, customer_id, error))
    return FALSE;
  if (*received_by_id == 0
      && !ensure_staff_member (self, complaint->received_by, received_by_id, error))
    return FALSE;
  return TRUE;
}

/* The columns shared by INSERT and UPDATE, in parameter order from ?2:
 * every one, so that no text of an earlier complaint stays bound. Not
 * copied, because an import binds a million of them; the caller steps the
 * statement while @complaint is alive. */
static void
bind_complaint (sqlite3_stmt      *statement,
                const GwComplaint *complaint,
                gint64             category_id,
                gint64             customer_id,
                gint64             received_by_id,
                gint64             now)
{
  sqlite3_bind_int64 (statement, 2, complaint->received_at);
  _gw_store_bind_text_static (statement, 3, gw_vocabulary_token (GW_VOCAB_KIND, complaint->kind));
  _gw_store_bind_text_static (statement, 4,
                              gw_vocabulary_token (GW_VOCAB_CHANNEL, complaint->channel));
  bind_id (statement, 5, category_id);
  bind_id (statement, 6, customer_id);
  bind_id (statement, 7, received_by_id);
  _gw_store_bind_text_static (statement, 8, complaint->description);
  _gw_store_bind_text_static (statement, 9, complaint->agreed_solution);
  sqlite3_bind_int (statement, 10, complaint->solved_on_spot ? 1 : 0);
  _gw_store_bind_text_static (statement, 11, complaint->promise);
  _gw_store_bind_text_static (statement, 12, complaint->steps_taken);
  _gw_store_bind_time (statement, 13, complaint->follow_up_at);
  _gw_store_bind_text_static (statement, 14, gw_vocabulary_token (GW_VOCAB_COMPENSATION,
                                                                  complaint->compensation_type));
  sqlite3_bind_int64 (statement, 15, complaint->compensation_amount);
  _gw_store_bind_text_static (statement, 16,
                              gw_vocabulary_token (GW_VOCAB_STATUS, complaint->status));
  _gw_store_bind_time (statement, 17, complaint->resolved_at);
  _gw_store_bind_text_static (statement, 18,
                              gw_vocabulary_token (GW_VOCAB_FEELING, complaint->customer_feeling));
  _gw_store_bind_text_static (statement, 19,
                              gw_vocabulary_token (GW_VOCAB_BUY_AGAIN, complaint->will_buy_again));
  _gw_store_bind_text_static (statement, 20, complaint->prevention);
  sqlite3_bind_int64 (statement, 21, now);
}

/**
 * gw_store_add_complaint:
 *
 * Adds @complaint; its customer, category and staff member are found by name
 * (customers by e-mail, phone, then name) or created.
 *
 * Returns: the new complaint's id, or 0 with @error set
 */
gint64
gw_store_add_complaint (GwStore            *self,
                        const GwComplaint  *complaint,
                        GError            **error)
{
  sqlite3_stmt *statement;
  gint64 category_id, customer_id, received_by_id;
  gint64 id = 0;

  g_return_val_if_fail (GW_IS_STORE (self), 0);
  g_return_val_if_fail (complaint != NULL, 0);

  if (!validate_complaint (complaint, error))
    return 0;

  _gw_store_lock (self);
  if (!_gw_store_savepoint (self, error))
    goto out;

  if (!_gw_store_defer_search (self, error)
      || !resolve_references (self, complaint, &category_id, &customer_id, &received_by_id, error))
    goto fail;

  statement = _gw_store_prepare (self,
                                 "INSERT INTO complaints (received_at, kind, channel,"
                                 " category_id, customer_id, received_by_id, description,"
                                 " agreed_solution, solved_on_spot, promise, steps_taken,"
                                 " follow_up_at, compensation_type, compensation_amount, status,"
                                 " resolved_at, customer_feeling, will_buy_again, prevention,"
                                 " created_at, updated_at) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                                 " ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,"
                                 " ?21, ?21)",
                                 error);
  if (statement == NULL)
    goto fail;
  bind_complaint (statement, complaint, category_id, customer_id, received_by_id,
                  _gw_store_now ());
  if (!insert_returning_id (self, statement, &id, error))
    goto fail;

  _gw_store_changed (self, "complaints", id);
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
 * gw_store_update_complaint:
 * @by_staff_id: who made the change, for the timeline; 0 if unknown
 *
 * Saves every field of @complaint. A change of status or follow-up is
 * written to the timeline on its own, so nobody has to remember to.
 */
gboolean
gw_store_update_complaint (GwStore            *self,
                           const GwComplaint  *complaint,
                           gint64              by_staff_id,
                           GError            **error)
{
  sqlite3_stmt *statement;
  gint64 category_id, customer_id, received_by_id;
  g_autofree char *old_status = NULL;
  gint64 old_follow_up = GW_NO_TIME;
  const char *new_status;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (complaint != NULL && complaint->id > 0, FALSE);

  if (!validate_complaint (complaint, error))
    return FALSE;

  _gw_store_lock (self);
  if (!_gw_store_savepoint (self, error))
    goto out_unlocked;

  statement = _gw_store_prepare (self,
                                 "SELECT status, follow_up_at FROM complaints "
                                 "WHERE id = ?1 AND deleted_at IS NULL",
                                 error);
  if (statement == NULL)
    goto fail;
  sqlite3_bind_int64 (statement, 1, complaint->id);
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      sqlite3_reset (statement);
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND,
                   _("The complaint no longer exists."));
      goto fail;
    }
  old_status = _gw_store_column_text (statement, 0);
  old_follow_up = _gw_store_column_time (statement, 1);
  sqlite3_reset (statement);

  if (!resolve_references (self, complaint, &category_id, &customer_id, &received_by_id, error))
    goto fail;

  statement = _gw_store_prepare (self,
                                 "UPDATE complaints SET received_at = ?2, kind = ?3,"
                                 " channel = ?4, category_id = ?5, customer_id = ?6,"
                                 " received_by_id = ?7, description = ?8, agreed_solution = ?9,"
                                 " solved_on_spot = ?10, promise = ?11, steps_taken = ?12,"
                                 " follow_up_at = ?13, compensation_type = ?14,"
                                 " compensation_amount = ?15, status = ?16, resolved_at = ?17,"
                                 " customer_feeling = ?18, will_buy_again = ?19,"
                                 " prevention = ?20, updated_at = ?21 "
                                 "WHERE id = ?1 AND deleted_at IS NULL",
                                 error);
  if (statement == NULL)
    goto fail;
  sqlite3_bind_int64 (statement, 1, complaint->id);
  bind_complaint (statement, complaint, category_id, customer_id, received_by_id,
                  _gw_store_now ());
  if (!_gw_store_step_done (self, statement, error))
    goto fail;

  new_status = gw_vocabulary_token (GW_VOCAB_STATUS, complaint->status);
  if (g_strcmp0 (old_status, new_status) != 0
      && !insert_event (self, complaint->id,
                        complaint->status == GW_STATUS_RESOLVED ? GW_EVENT_RESOLVED
                                                                : GW_EVENT_STATUS,
                        GW_NO_TIME, by_staff_id, "", old_status, new_status, NULL, error))
    goto fail;

  if (old_follow_up != complaint->follow_up_at)
    {
      g_autofree char *old_text = gw_complaint_event_time_value (old_follow_up);
      g_autofree char *new_text = gw_complaint_event_time_value (complaint->follow_up_at);

      if (!insert_event (self, complaint->id, GW_EVENT_FOLLOW_UP, GW_NO_TIME, by_staff_id, "",
                         old_text, new_text, NULL, error))
        goto fail;
    }

  _gw_store_changed (self, "complaints", complaint->id);
  if (!_gw_store_release (self, error))
    goto out_unlocked;
  _gw_store_unlock (self);
  return TRUE;

fail:
  _gw_store_rollback_to (self);
out_unlocked:
  _gw_store_unlock (self);
  return FALSE;
}

static gboolean
set_deleted (GwStore     *self,
             gint64       id,
             gboolean     deleted,
             GError     **error)
{
  sqlite3_stmt *statement;
  gboolean ok = FALSE;

  _gw_store_lock (self);
  statement = deleted
    ? _gw_store_prepare (self,
                         "UPDATE complaints SET deleted_at = ?2 "
                         "WHERE id = ?1 AND deleted_at IS NULL", error)
    : _gw_store_prepare (self,
                         "UPDATE complaints SET deleted_at = NULL "
                         "WHERE id = ?1 AND deleted_at IS NOT NULL AND ?2 > 0", error);
  if (statement != NULL)
    {
      sqlite3_bind_int64 (statement, 1, id);
      sqlite3_bind_int64 (statement, 2, _gw_store_now ());
      ok = _gw_store_step_done (self, statement, error);
      if (ok && sqlite3_changes (_gw_store_get_db (self)) == 0)
        {
          g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND,
                       _("The complaint no longer exists."));
          ok = FALSE;
        }
    }
  if (ok)
    _gw_store_changed (self, "complaints", id);
  _gw_store_unlock (self);
  return ok;
}

/* Soft delete: the row stays, so Undo (gw_store_restore_complaint) is exact. */
gboolean
gw_store_delete_complaint (GwStore  *self,
                           gint64    id,
                           GError  **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  return set_deleted (self, id, TRUE, error);
}

gboolean
gw_store_restore_complaint (GwStore  *self,
                            gint64    id,
                            GError  **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  return set_deleted (self, id, FALSE, error);
}

static guint
column_choice (sqlite3_stmt *statement,
               int           column,
               GwVocabulary  vocabulary)
{
  const char *token = (const char *) sqlite3_column_text (statement, column);
  guint value = 0;

  /* The schema's CHECKs keep tokens valid; 0 is every vocabulary's default. */
  if (token != NULL)
    gw_vocabulary_parse (vocabulary, token, &value);
  return value;
}

GwComplaint *
_gw_store_complaint_from_statement (sqlite3_stmt *statement)
{
  GwComplaint *complaint = gw_complaint_new ();
  int i = 0;

#define TAKE_TEXT(field) g_free (complaint->field); complaint->field = _gw_store_column_text (statement, i++)
  complaint->id = sqlite3_column_int64 (statement, i++);
  complaint->received_at = sqlite3_column_int64 (statement, i++);
  complaint->kind = column_choice (statement, i++, GW_VOCAB_KIND);
  complaint->channel = column_choice (statement, i++, GW_VOCAB_CHANNEL);
  complaint->category_id = sqlite3_column_int64 (statement, i++);
  TAKE_TEXT (category);
  complaint->customer_id = sqlite3_column_int64 (statement, i++);
  TAKE_TEXT (customer_name);
  TAKE_TEXT (customer_phone);
  TAKE_TEXT (customer_email);
  TAKE_TEXT (customer_address);
  complaint->received_by_id = sqlite3_column_int64 (statement, i++);
  TAKE_TEXT (received_by);
  complaint->assigned_to_id = sqlite3_column_int64 (statement, i++);
  TAKE_TEXT (assigned_to);
  TAKE_TEXT (description);
  TAKE_TEXT (agreed_solution);
  complaint->solved_on_spot = sqlite3_column_int (statement, i++) != 0;
  TAKE_TEXT (promise);
  TAKE_TEXT (steps_taken);
  complaint->follow_up_at = _gw_store_column_time (statement, i++);
  complaint->compensation_type = column_choice (statement, i++, GW_VOCAB_COMPENSATION);
  complaint->compensation_amount = sqlite3_column_int64 (statement, i++);
  complaint->status = column_choice (statement, i++, GW_VOCAB_STATUS);
  complaint->resolved_at = _gw_store_column_time (statement, i++);
  complaint->customer_feeling = column_choice (statement, i++, GW_VOCAB_FEELING);
  complaint->will_buy_again = column_choice (statement, i++, GW_VOCAB_BUY_AGAIN);
  TAKE_TEXT (prevention);
  complaint->last_informed_at = _gw_store_column_time (statement, i++);
  complaint->created_at = sqlite3_column_int64 (statement, i++);
  complaint->updated_at = sqlite3_column_int64 (statement, i++);
#undef TAKE_TEXT

  return complaint;
}

GwComplaint *
gw_store_get_complaint (GwStore  *self,
                        gint64    id,
                        GError  **error)
{
  sqlite3_stmt *statement;
  GwComplaint *complaint = NULL;
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "SELECT " COMPLAINT_COLUMNS
                                 "WHERE c.id = ?1 AND c.deleted_at IS NULL",
                                 error);
  if (statement != NULL)
    {
      sqlite3_bind_int64 (statement, 1, id);
      rc = sqlite3_step (statement);
      if (rc == SQLITE_ROW)
        complaint = _gw_store_complaint_from_statement (statement);
      else if (rc == SQLITE_DONE)
        g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND,
                     _("The complaint no longer exists."));
      else
        _gw_store_set_error (self, rc, error);
      sqlite3_reset (statement);
    }
  _gw_store_unlock (self);
  return complaint;
}

gint64
gw_store_count_complaints (GwStore  *self,
                           GError  **error)
{
  return gw_store_count_rows (self, "complaints", error);
}

/**
 * gw_store_foreach_complaint:
 *
 * Calls @func for every live complaint, oldest first (ties by id), which is
 * the order export writes. Stops at the first error @func returns.
 */
gboolean
gw_store_foreach_complaint (GwStore          *self,
                            GwComplaintFunc   func,
                            gpointer          user_data,
                            GError          **error)
{
  sqlite3_stmt *statement = NULL;
  gboolean ok = TRUE;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* On the read connection: one statement is one consistent snapshot, and
   * the main connection (and @func, should it call into the store) stays
   * free however long the walk takes. */
  db = _gw_store_lock_reader (self, error);
  if (db == NULL)
    return FALSE;
  rc = sqlite3_prepare_v2 (db,
                           "SELECT " COMPLAINT_COLUMNS
                           "WHERE c.deleted_at IS NULL ORDER BY c.received_at, c.id",
                           -1, &statement, NULL);
  if (rc != SQLITE_OK)
    {
      _gw_store_set_error_from (db, rc, error);
      ok = FALSE;
    }

  while (ok && (rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      g_autoptr(GwComplaint) complaint = _gw_store_complaint_from_statement (statement);

      ok = func (complaint, user_data, error);
    }
  if (ok && rc != SQLITE_DONE)
    {
      _gw_store_set_error_from (db, rc, error);
      ok = FALSE;
    }
  sqlite3_finalize (statement);
  _gw_store_unlock_reader (self);
  return ok;
}

/**
 * gw_store_search_complaints:
 * @limit: the most ids to return
 *
 * Full-text search over complaints' texts, notes and customers.
 *
 * Returns: (element-type gint64): ids of matching complaints, newest first
 */
GArray *
gw_store_search_complaints (GwStore     *self,
                            const char  *query,
                            guint        limit,
                            GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *expression = NULL;
  sqlite3_stmt *statement;
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  expression = _gw_store_match_expression (query);
  if (expression == NULL)
    return g_steal_pointer (&ids);

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "SELECT rowid FROM complaint_search WHERE complaint_search MATCH ?1 "
                                 "ORDER BY rowid DESC LIMIT ?2",
                                 error);
  if (statement == NULL)
    {
      _gw_store_unlock (self);
      return NULL;
    }
  _gw_store_bind_text (statement, 1, expression);
  sqlite3_bind_int64 (statement, 2, limit);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (statement, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (statement);
  if (rc != SQLITE_DONE)
    {
      _gw_store_set_error (self, rc, error);
      _gw_store_unlock (self);
      return NULL;
    }
  _gw_store_unlock (self);
  return g_steal_pointer (&ids);
}

/**
 * gw_store_add_note:
 * @at: when, or %GW_NO_TIME for now
 * @staff_name: (nullable): who wrote it; created as staff when new
 *
 * Adds a note to a complaint's timeline.
 *
 * Returns: the note's id, or 0 with @error set
 */
gint64
gw_store_add_note (GwStore     *self,
                   gint64       complaint_id,
                   gint64       at,
                   const char  *staff_name,
                   const char  *text,
                   GError     **error)
{
  gint64 staff_id = 0;
  gint64 id = 0;

  g_return_val_if_fail (GW_IS_STORE (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  if (at != GW_NO_TIME && !gw_datetime_in_range (at))
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("A time is outside the years Goodwill keeps, 1900 to 2200."));
      return 0;
    }

  _gw_store_lock (self);
  if (!_gw_store_savepoint (self, error))
    goto out;
  if (!ensure_staff_member (self, staff_name, &staff_id, error)
      || !insert_event (self, complaint_id, GW_EVENT_NOTE, at, staff_id, text, "", "", &id, error))
    {
      id = 0;
      _gw_store_rollback_to (self);
      goto out;
    }
  _gw_store_changed (self, "complaints", complaint_id);
  if (!_gw_store_release (self, error))
    id = 0;
out:
  _gw_store_unlock (self);
  return id;
}

/**
 * gw_store_hand_over:
 * @to_staff_id: who takes the matter over
 * @note: what they need to know, so the customer need not repeat it
 *
 * Passes a complaint to another staff member and says so on its timeline.
 */
gboolean
gw_store_hand_over (GwStore     *self,
                    gint64       complaint_id,
                    gint64       to_staff_id,
                    gint64       by_staff_id,
                    const char  *note,
                    GError     **error)
{
  sqlite3_stmt *statement;
  g_autofree char *to_name = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  _gw_store_lock (self);
  if (!_gw_store_savepoint (self, error))
    goto out;

  statement = _gw_store_prepare (self, "SELECT name FROM staff WHERE id = ?1 AND deleted_at IS NULL",
                                 error);
  if (statement == NULL)
    goto fail;
  sqlite3_bind_int64 (statement, 1, to_staff_id);
  if (sqlite3_step (statement) == SQLITE_ROW)
    to_name = _gw_store_column_text (statement, 0);
  sqlite3_reset (statement);
  if (to_name == NULL)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND,
                   _("That staff member no longer exists."));
      goto fail;
    }

  statement = _gw_store_prepare (self,
                                 "UPDATE complaints SET assigned_to_id = ?2, updated_at = ?3 "
                                 "WHERE id = ?1 AND deleted_at IS NULL",
                                 error);
  if (statement == NULL)
    goto fail;
  sqlite3_bind_int64 (statement, 1, complaint_id);
  sqlite3_bind_int64 (statement, 2, to_staff_id);
  sqlite3_bind_int64 (statement, 3, _gw_store_now ());
  if (!_gw_store_step_done (self, statement, error))
    goto fail;
  if (sqlite3_changes (_gw_store_get_db (self)) == 0)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND,
                   _("The complaint no longer exists."));
      goto fail;
    }
  if (!insert_event (self, complaint_id, GW_EVENT_HANDOVER, GW_NO_TIME, by_staff_id,
                     note != NULL ? note : "", "", to_name, NULL, error))
    goto fail;

  _gw_store_changed (self, "complaints", complaint_id);
  ok = _gw_store_release (self, error);
  goto out;

fail:
  _gw_store_rollback_to (self);
out:
  _gw_store_unlock (self);
  return ok;
}

/**
 * gw_store_record_informed:
 * @how: the channel the customer was reached on
 * @what: what they were told
 *
 * Records that the customer was told where their matter stands.
 */
gboolean
gw_store_record_informed (GwStore     *self,
                          gint64       complaint_id,
                          GwChannel    how,
                          const char  *what,
                          gint64       by_staff_id,
                          GError     **error)
{
  sqlite3_stmt *statement;
  gint64 now = _gw_store_now ();
  gboolean ok = FALSE;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  _gw_store_lock (self);
  if (!_gw_store_savepoint (self, error))
    goto out;
  statement = _gw_store_prepare (self,
                                 "UPDATE complaints SET last_informed_at = ?2, updated_at = ?2 "
                                 "WHERE id = ?1 AND deleted_at IS NULL",
                                 error);
  if (statement == NULL)
    goto fail;
  sqlite3_bind_int64 (statement, 1, complaint_id);
  sqlite3_bind_int64 (statement, 2, now);
  if (!_gw_store_step_done (self, statement, error))
    goto fail;
  if (sqlite3_changes (_gw_store_get_db (self)) == 0)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND,
                   _("The complaint no longer exists."));
      goto fail;
    }
  if (!insert_event (self, complaint_id, GW_EVENT_INFORMED, now, by_staff_id,
                     what != NULL ? what : "", "", gw_vocabulary_token (GW_VOCAB_CHANNEL, how),
                     NULL, error))
    goto fail;
  _gw_store_changed (self, "complaints", complaint_id);
  ok = _gw_store_release (self, error);
  goto out;

fail:
  _gw_store_rollback_to (self);
out:
  _gw_store_unlock (self);
  return ok;
}
