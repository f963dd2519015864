/* gw-store-lists.c: what lists show: complaint ids for a filter, rows by
 * id, timelines, staff, categories and customers
 */

#define G_LOG_DOMAIN "gw-store"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-store-private.h"

/* Bit N of a mask stands for vocabulary value N, in gw-enums.h order. */
#define STATUS_BIT \
  "(CASE c.status WHEN 'open' THEN 1 WHEN 'in_progress' THEN 2 WHEN 'waiting' THEN 4 ELSE 8 END)"
#define KIND_BIT \
  "(CASE c.kind WHEN 'complaint' THEN 1 WHEN 'comment' THEN 2 WHEN 'compliment' THEN 4" \
  " ELSE 8 END)"
#define CHANNEL_BIT \
  "(CASE c.channel WHEN 'in_store' THEN 1 WHEN 'phone' THEN 2 WHEN 'email' THEN 4"     \
  " WHEN 'web' THEN 8 WHEN 'social' THEN 16 WHEN 'letter' THEN 32 ELSE 64 END)"

/* One WHERE clause for every list; an unused filter binds 0 or NULL and
 * drops out. */
#define FILTER_WHERE                                                                 \
  " c.deleted_at IS NULL"                                                            \
  " AND (?1 = 0 OR (?1 & " STATUS_BIT ") <> 0)"                                      \
  " AND (?2 = 0 OR (?2 & " KIND_BIT ") <> 0)"                                        \
  " AND (?3 = 0 OR (?3 & " CHANNEL_BIT ") <> 0)"                                     \
  " AND (?4 IS NULL OR c.category_id = ?4)"                                          \
  " AND (?5 IS NULL OR c.received_by_id = ?5 OR c.assigned_to_id = ?5)"              \
  " AND (?6 IS NULL OR c.customer_id = ?6)"                                          \
  " AND (?7 IS NULL OR c.received_at >= ?7)"                                         \
  " AND (?8 IS NULL OR c.received_at < ?8)"                                          \
  " AND (?9 IS NULL OR (c.follow_up_at <= ?9 AND c.status <> 'resolved'"                 \
  "                      AND c.status <> 'waiting'))"

/* ORDER BY clauses, one per GwComplaintSort. */
#define ORDER_NEWEST " ORDER BY c.received_at DESC, c.id DESC"
#define ORDER_OLDEST " ORDER BY c.received_at, c.id"
#define ORDER_FOLLOW_UP                                                          \
  " ORDER BY (c.follow_up_at IS NULL OR c.status = 'resolved'), c.follow_up_at," \
  " c.received_at DESC, c.id DESC"
#define ORDER_CUSTOMER                                                          \
  " ORDER BY coalesce(cu.name, '') = '', cu.name COLLATE NOCASE,"               \
  " c.received_at DESC, c.id DESC"
#define ORDER_STATUS " ORDER BY " STATUS_BIT ", c.received_at DESC, c.id DESC"

#define SELECT_IDS "SELECT c.id FROM complaints c WHERE"
#define SELECT_IDS_BY_CUSTOMER \
  "SELECT c.id FROM complaints c LEFT JOIN customers cu ON cu.id = c.customer_id WHERE"
/* Spelled out so the planner can use the index of unresolved complaints. */
#define UNRESOLVED " AND c.status <> 'resolved'"
#define LIMIT " LIMIT ?12"

static const char *
sort_query (GwComplaintSort sort,
            gboolean        unresolved)
{
  switch (sort)
    {
    case GW_SORT_OLDEST_FIRST:
      return unresolved ? SELECT_IDS FILTER_WHERE UNRESOLVED ORDER_OLDEST LIMIT
                        : SELECT_IDS FILTER_WHERE ORDER_OLDEST LIMIT;
    case GW_SORT_FOLLOW_UP_FIRST:
      return unresolved ? SELECT_IDS FILTER_WHERE UNRESOLVED ORDER_FOLLOW_UP LIMIT
                        : SELECT_IDS FILTER_WHERE ORDER_FOLLOW_UP LIMIT;
    case GW_SORT_CUSTOMER:
      return unresolved ? SELECT_IDS_BY_CUSTOMER FILTER_WHERE UNRESOLVED ORDER_CUSTOMER LIMIT
                        : SELECT_IDS_BY_CUSTOMER FILTER_WHERE ORDER_CUSTOMER LIMIT;
    case GW_SORT_STATUS:
      return unresolved ? SELECT_IDS FILTER_WHERE UNRESOLVED ORDER_STATUS LIMIT
                        : SELECT_IDS FILTER_WHERE ORDER_STATUS LIMIT;
    case GW_SORT_NEWEST_FIRST:
    case GW_N_SORTS:
    default:
      return unresolved ? SELECT_IDS FILTER_WHERE UNRESOLVED ORDER_NEWEST LIMIT
                        : SELECT_IDS FILTER_WHERE ORDER_NEWEST LIMIT;
    }
}

static void
bind_optional (sqlite3_stmt *statement,
               int           index,
               gint64        value)
{
  if (value == 0)
    sqlite3_bind_null (statement, index);
  else
    sqlite3_bind_int64 (statement, index, value);
}

/* Turns what a person typed into an FTS5 query: every word must match, the
 * last as a prefix (they may still be typing). Quotes keep FTS5 syntax out. */
char *
_gw_store_match_expression (const char *query)
{
  g_autoptr(GString) expression = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  g_autofree char *normalized = NULL;
  guint n_words;

  if (query == NULL)
    return NULL;
  normalized = g_utf8_normalize (query, -1, G_NORMALIZE_NFC);
  if (normalized == NULL)
    return NULL;
  words = g_strsplit_set (g_strstrip (normalized), " \t\n\r", -1);
  n_words = g_strv_length (words);

  for (guint i = 0; i < n_words; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (expression->len > 0)
        g_string_append_c (expression, ' ');
      g_string_append_c (expression, '"');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (expression, '"');
          g_string_append_c (expression, *p);
        }
      g_string_append_c (expression, '"');
      if (i == n_words - 1)
        g_string_append_c (expression, '*');
    }

  if (expression->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&expression), FALSE);
}

/**
 * gw_store_list_complaint_ids:
 *
 * The ids of the complaints @filter lets through, in @sort order. With
 * search words, the newest %GW_SEARCH_LIMIT matches, newest first. Grows
 * with the data: call it from a worker thread. It reads on a connection of
 * its own, so the store stays free for the main loop meanwhile.
 *
 * Returns: (element-type gint64): the ids
 */
GArray *
gw_store_list_complaint_ids (GwStore                 *self,
                             const GwComplaintFilter *filter,
                             GwComplaintSort          sort,
                             GError                 **error)
{
  return gw_store_list_complaint_ids_limited (self, filter, sort, 0, NULL, error);
}

/* SQLite calls this every few thousand steps: a cancelled listing stops
 * at once, so the next one (a keystroke later) need not wait for it. */
static int
stop_if_cancelled (gpointer cancellable)
{
  return g_cancellable_is_cancelled (cancellable) ? 1 : 0;
}

/**
 * gw_store_list_complaint_ids_limited:
 * @limit: the most ids to return; 0 for all
 * @cancellable: (nullable): stops the listing part-way
 *
 * As gw_store_list_complaint_ids(), stopping after @limit: the first
 * screenful of a list comes back at once, whatever the size of the store.
 */
GArray *
gw_store_list_complaint_ids_limited (GwStore                 *self,
                                     const GwComplaintFilter *filter,
                                     GwComplaintSort          sort,
                                     guint                    limit,
                                     GCancellable            *cancellable,
                                     GError                 **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *expression = NULL;
  guint unresolved_mask = GW_MASK (GW_STATUS_OPEN) | GW_MASK (GW_STATUS_IN_PROGRESS)
                          | GW_MASK (GW_STATUS_WAITING);
  sqlite3 *db;
  sqlite3_stmt *statement = NULL;
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  expression = _gw_store_match_expression (filter->search);
  db = _gw_store_lock_reader (self, error);
  if (db == NULL)
    return NULL;
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 2000, stop_if_cancelled, cancellable);

  if (expression != NULL)
    rc = sqlite3_prepare_v2 (db,
                             "SELECT c.id FROM complaint_search s"
                             " JOIN complaints c ON c.id = s.rowid"
                             " WHERE s.complaint_search MATCH ?10 AND" FILTER_WHERE
                             " ORDER BY s.rowid DESC LIMIT ?11",
                             -1, &statement, NULL);
  else
    rc = sqlite3_prepare_v2 (db,
                             sort_query (sort, filter->statuses != 0
                                               && (filter->statuses & ~unresolved_mask) == 0),
                             -1, &statement, NULL);
  if (rc != SQLITE_OK)
    goto fail;

  sqlite3_bind_int (statement, 1, filter->statuses);
  sqlite3_bind_int (statement, 2, filter->kinds);
  sqlite3_bind_int (statement, 3, filter->channels);
  bind_optional (statement, 4, filter->category_id);
  bind_optional (statement, 5, filter->staff_id);
  bind_optional (statement, 6, filter->customer_id);
  _gw_store_bind_time (statement, 7, filter->from);
  _gw_store_bind_time (statement, 8, filter->until);
  _gw_store_bind_time (statement, 9, filter->overdue_at);
  if (expression != NULL)
    {
      sqlite3_bind_text (statement, 10, expression, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (statement, 11, limit > 0 ? MIN (limit, GW_SEARCH_LIMIT) : GW_SEARCH_LIMIT);
    }
  else
    sqlite3_bind_int64 (statement, 12, limit > 0 ? (gint64) limit : -1);

  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (statement, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    goto fail;

  sqlite3_finalize (statement);
  sqlite3_progress_handler (db, 0, NULL, NULL);
  _gw_store_unlock_reader (self);
  return g_steal_pointer (&ids);

fail:
  if ((rc & 0xff) == SQLITE_INTERRUPT)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
  else
    g_set_error (error, GW_STORE_ERROR,
                 (rc & 0xff) == SQLITE_CORRUPT ? GW_STORE_ERROR_CORRUPT : GW_STORE_ERROR_FAILED,
                 _("The database reported an error: %s"), sqlite3_errmsg (db));
  sqlite3_finalize (statement);
  sqlite3_progress_handler (db, 0, NULL, NULL);
  _gw_store_unlock_reader (self);
  return NULL;
}

/**
 * gw_store_get_complaints:
 *
 * Reads the complaints with the given ids in one query; a list view asks
 * for a page of rows at a time. Deleted ones are left out.
 *
 * Returns: (element-type GwComplaint): the complaints, in no set order
 */
GPtrArray *
gw_store_get_complaints (GwStore       *self,
                         const gint64  *ids,
                         guint          n_ids,
                         GError       **error)
{
  g_autoptr(GPtrArray) complaints = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_complaint_free);
  g_autoptr(GString) json = g_string_new ("[");
  sqlite3_stmt *statement;
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  /* The ids travel as one bound JSON array, not as SQL text. */
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (json, ']');

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "SELECT " COMPLAINT_COLUMNS
                                 "WHERE c.id IN (SELECT value FROM json_each(?1))"
                                 " AND c.deleted_at IS NULL",
                                 error);
  if (statement == NULL)
    {
      _gw_store_unlock (self);
      return NULL;
    }
  sqlite3_bind_text (statement, 1, json->str, json->len, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    g_ptr_array_add (complaints, _gw_store_complaint_from_statement (statement));
  sqlite3_reset (statement);
  _gw_store_unlock (self);

  if (rc != SQLITE_DONE)
    {
      _gw_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&complaints);
}

/* How many complaints have a follow-up due by @now, resolved ones and
 * those waiting on the customer (their clock is stopped) aside. */
gint64
gw_store_count_overdue (GwStore  *self,
                        gint64    now,
                        GError  **error)
{
  sqlite3_stmt *statement;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), -1);

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "SELECT count(*) FROM complaints WHERE follow_up_at IS NOT NULL"
                                 " AND status <> 'resolved' AND status <> 'waiting'"
                                 " AND deleted_at IS NULL"
                                 " AND follow_up_at <= ?1",
                                 error);
  if (statement != NULL)
    {
      sqlite3_bind_int64 (statement, 1, now);
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

/* Runs @statement (already bound) and turns every row into a record. */
static GPtrArray *
collect_rows (GwStore        *self,
              sqlite3_stmt   *statement,
              gpointer      (*make) (sqlite3_stmt *statement),
              GDestroyNotify  free_func,
              GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    g_ptr_array_add (rows, make (statement));
  sqlite3_reset (statement);
  if (rc != SQLITE_DONE)
    {
      _gw_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static gpointer
make_event (sqlite3_stmt *statement)
{
  GwComplaintEvent *event = g_new0 (GwComplaintEvent, 1);

  event->id = sqlite3_column_int64 (statement, 0);
  event->complaint_id = sqlite3_column_int64 (statement, 1);
  event->at = sqlite3_column_int64 (statement, 2);
  event->staff_id = sqlite3_column_int64 (statement, 3);
  event->staff = _gw_store_column_text (statement, 4);
  if (!gw_event_kind_parse ((const char *) sqlite3_column_text (statement, 5), &event->kind))
    event->kind = GW_EVENT_NOTE;
  event->body = _gw_store_column_text (statement, 6);
  event->old_value = _gw_store_column_text (statement, 7);
  event->new_value = _gw_store_column_text (statement, 8);
  return event;
}

/* A complaint's timeline, oldest first. */
GPtrArray *
gw_store_list_events (GwStore  *self,
                      gint64    complaint_id,
                      GError  **error)
{
  sqlite3_stmt *statement;
  GPtrArray *events = NULL;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "SELECT e.id, e.complaint_id, e.at, e.staff_id,"
                                 " coalesce(s.name, ''), e.kind, e.body, e.old_value, e.new_value"
                                 " FROM complaint_events e LEFT JOIN staff s ON s.id = e.staff_id"
                                 " WHERE e.complaint_id = ?1 AND e.deleted_at IS NULL"
                                 " ORDER BY e.at, e.id",
                                 error);
  if (statement != NULL)
    {
      sqlite3_bind_int64 (statement, 1, complaint_id);
      events = collect_rows (self, statement, make_event,
                             (GDestroyNotify) gw_complaint_event_free, error);
    }
  _gw_store_unlock (self);
  return events;
}

static gpointer
make_staff_member (sqlite3_stmt *statement)
{
  GwStaffMember *member = g_new0 (GwStaffMember, 1);

  member->id = sqlite3_column_int64 (statement, 0);
  member->name = _gw_store_column_text (statement, 1);
  member->role = _gw_store_column_text (statement, 2);
  member->phone = _gw_store_column_text (statement, 3);
  member->email = _gw_store_column_text (statement, 4);
  member->is_manager = sqlite3_column_int (statement, 5) != 0;
  member->active = sqlite3_column_int (statement, 6) != 0;
  member->started_at = sqlite3_column_int64 (statement, 7);
  return member;
}

/* Runs @sql, which takes no parameters, and makes a record of each row. */
static GPtrArray *
list_all (GwStore        *self,
          const char     *sql,
          gpointer      (*make) (sqlite3_stmt *statement),
          GDestroyNotify  free_func,
          GError        **error)
{
  sqlite3_stmt *statement;
  GPtrArray *rows = NULL;

  _gw_store_lock (self);
  statement = _gw_store_prepare (self, sql, error);
  if (statement != NULL)
    rows = collect_rows (self, statement, make, free_func, error);
  _gw_store_unlock (self);
  return rows;
}

/* Every staff member, active ones first, by name. */
GPtrArray *
gw_store_list_staff (GwStore  *self,
                     GError  **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  return list_all (self,
                   "SELECT id, name, role, phone, email, is_manager, active,"
                   " coalesce(started_at, 0)"
                   " FROM staff WHERE deleted_at IS NULL"
                   " ORDER BY active DESC, name COLLATE NOCASE",
                   make_staff_member, (GDestroyNotify) gw_staff_member_free, error);
}

static gpointer
make_category (sqlite3_stmt *statement)
{
  GwCategory *category = g_new0 (GwCategory, 1);

  category->id = sqlite3_column_int64 (statement, 0);
  category->name = _gw_store_column_text (statement, 1);
  category->archived = sqlite3_column_int (statement, 2) != 0;
  return category;
}

/* Categories in use or archived (not merged away), by name. */
GPtrArray *
gw_store_list_categories (GwStore  *self,
                          GError  **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  return list_all (self,
                   "SELECT id, name, archived_at IS NOT NULL FROM categories"
                   " WHERE deleted_at IS NULL AND merged_into IS NULL"
                   " ORDER BY archived_at IS NOT NULL, name COLLATE NOCASE",
                   make_category, (GDestroyNotify) gw_category_free, error);
}

static gpointer
make_customer (sqlite3_stmt *statement)
{
  GwCustomer *customer = g_new0 (GwCustomer, 1);

  customer->id = sqlite3_column_int64 (statement, 0);
  customer->name = _gw_store_column_text (statement, 1);
  customer->phone = _gw_store_column_text (statement, 2);
  customer->email = _gw_store_column_text (statement, 3);
  customer->address = _gw_store_column_text (statement, 4);
  customer->notes = _gw_store_column_text (statement, 5);
  return customer;
}

/**
 * gw_store_find_customers:
 * @text: what was typed: the start of a name or of any word in it, or part
 *   of a phone number or e-mail address
 *
 * Returns: (element-type GwCustomer): up to @limit customers, by name
 */
GPtrArray *
gw_store_find_customers (GwStore     *self,
                         const char  *text,
                         guint        limit,
                         GError     **error)
{
  g_autoptr(GString) pattern = g_string_new (NULL);
  g_autofree char *stripped = NULL;
  sqlite3_stmt *statement;
  GPtrArray *customers = NULL;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  /* LIKE's own wildcards in what was typed are taken literally. */
  stripped = g_strstrip (g_strdup (text));
  for (const char *p = stripped; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  if (pattern->len == 0)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) gw_customer_free);

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "SELECT id, name, phone, email, address, notes FROM customers"
                                 " WHERE deleted_at IS NULL AND merged_into IS NULL AND ("
                                 "  name LIKE ?1 || '%' ESCAPE '\\'"
                                 "  OR name LIKE '% ' || ?1 || '%' ESCAPE '\\'"
                                 "  OR (length(?1) >= 3 AND (phone LIKE '%' || ?1 || '%' ESCAPE '\\'"
                                 "      OR email LIKE '%' || ?1 || '%' ESCAPE '\\')))"
                                 " ORDER BY name COLLATE NOCASE LIMIT ?2",
                                 error);
  if (statement != NULL)
    {
      sqlite3_bind_text (statement, 1, pattern->str, pattern->len, SQLITE_TRANSIENT);
      sqlite3_bind_int (statement, 2, limit);
      customers = collect_rows (self, statement, make_customer,
                                (GDestroyNotify) gw_customer_free, error);
    }
  _gw_store_unlock (self);
  return customers;
}

static gpointer
make_issue_stat (sqlite3_stmt *statement)
{
  GwIssueStat *stat = g_new0 (GwIssueStat, 1);

  stat->category_id = sqlite3_column_int64 (statement, 0);
  stat->category = _gw_store_column_text (statement, 1);
  stat->count = sqlite3_column_int64 (statement, 2);
  stat->compensation = sqlite3_column_int64 (statement, 3);
  return stat;
}

/**
 * gw_store_category_stats:
 *
 * How many complaints (the kind, not comments or compliments) each category
 * had in [@from, @until), and the compensation they cost. Complaints with no
 * category come as category 0. Grows with the period: use a worker thread.
 *
 * Returns: (element-type GwIssueStat): one per category that came up
 */
GPtrArray *
gw_store_category_stats (GwStore  *self,
                         gint64    from,
                         gint64    until,
                         GError  **error)
{
  sqlite3_stmt *statement = NULL;
  GPtrArray *stats = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  /* A year of a big store is many rows: read them on the read connection. */
  db = _gw_store_lock_reader (self, error);
  if (db == NULL)
    return NULL;
  rc = sqlite3_prepare_v2 (db,
                           "SELECT coalesce(c.category_id, 0), coalesce(cat.name, ''),"
                           " count(*), sum(c.compensation_amount)"
                           " FROM complaints c LEFT JOIN categories cat"
                           " ON cat.id = c.category_id"
                           " WHERE c.deleted_at IS NULL AND c.kind = 'complaint'"
                           " AND c.received_at >= ?1 AND c.received_at < ?2"
                           " GROUP BY c.category_id",
                           -1, &statement, NULL);
  if (rc == SQLITE_OK)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_issue_stat_free);

      sqlite3_bind_int64 (statement, 1, from);
      sqlite3_bind_int64 (statement, 2, until);
      while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
        g_ptr_array_add (rows, make_issue_stat (statement));
      if (rc == SQLITE_DONE)
        stats = g_steal_pointer (&rows);
    }
  if (stats == NULL)
    _gw_store_set_error_from (db, rc, error);
  sqlite3_finalize (statement);
  _gw_store_unlock_reader (self);
  return stats;
}

/**
 * gw_store_prevention_notes:
 *
 * What was written under "how to avoid it in future" for a category's
 * complaints in [@from, @until), newest first, each text once.
 */
GStrv
gw_store_prevention_notes (GwStore  *self,
                           gint64    category_id,
                           gint64    from,
                           gint64    until,
                           guint     limit,
                           GError  **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *statement;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  _gw_store_lock (self);
  statement = _gw_store_prepare (self,
                                 "SELECT prevention FROM complaints"
                                 " WHERE deleted_at IS NULL AND category_id = ?1"
                                 " AND received_at >= ?2 AND received_at < ?3"
                                 " AND trim(prevention) <> ''"
                                 " GROUP BY prevention ORDER BY max(received_at) DESC LIMIT ?4",
                                 error);
  if (statement == NULL)
    {
      _gw_store_unlock (self);
      return NULL;
    }
  sqlite3_bind_int64 (statement, 1, category_id);
  sqlite3_bind_int64 (statement, 2, from);
  sqlite3_bind_int64 (statement, 3, until);
  sqlite3_bind_int (statement, 4, limit);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (statement, 0));
  sqlite3_reset (statement);
  _gw_store_unlock (self);

  if (rc != SQLITE_DONE)
    {
      _gw_store_set_error (self, rc, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}
