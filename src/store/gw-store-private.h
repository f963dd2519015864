/* gw-store-private.h: what the store's own files share */
#pragma once

#include <sqlite3.h>

#include "gw-reference-cache.h"
#include "gw-store.h"

G_BEGIN_DECLS

sqlite3_stmt *_gw_store_prepare      (GwStore     *self,
                                      const char  *sql,
                                      GError     **error);
gboolean      _gw_store_step_done    (GwStore      *self,
                                      sqlite3_stmt *statement,
                                      GError      **error);
void          _gw_store_set_error    (GwStore     *self,
                                      int          code,
                                      GError     **error);
void          _gw_store_set_error_from (sqlite3   *db,
                                      int          code,
                                      GError     **error);
gboolean      _gw_store_savepoint    (GwStore     *self,
                                      GError     **error);
gboolean      _gw_store_release      (GwStore     *self,
                                      GError     **error);
void          _gw_store_rollback_to  (GwStore     *self);
void          _gw_store_lock         (GwStore     *self);
void          _gw_store_unlock       (GwStore     *self);
void          _gw_store_changed      (GwStore     *self,
                                      const char  *table,
                                      gint64       id);
void          _gw_store_changed_resolving (GwStore *self,
                                      const char  *table,
                                      gint64       id);
GwReferenceCache *_gw_store_get_references (GwStore *self);
sqlite3      *_gw_store_get_db       (GwStore     *self);
sqlite3      *_gw_store_open_reader  (GwStore     *self,
                                      GError     **error);
sqlite3      *_gw_store_lock_reader  (GwStore     *self,
                                      GError     **error);
void          _gw_store_unlock_reader (GwStore    *self);
gint64        _gw_store_now          (void);
void          _gw_store_set_restore_wait (GwStore *self,
                                      guint        milliseconds);
GwComplaint  *_gw_store_complaint_from_statement (sqlite3_stmt *statement);
gboolean      _gw_store_defer_search (GwStore      *self,
                                      GError      **error);
GwRecognition *_gw_store_recognition_from_row (sqlite3_stmt *statement);
char         *_gw_store_match_expression (const char *query);
void          _gw_store_bind_text    (sqlite3_stmt *statement,
                                      int           index,
                                      const char   *text);
void          _gw_store_bind_text_static (sqlite3_stmt *statement,
                                          int           index,
                                          const char   *text);
char         *_gw_store_column_text  (sqlite3_stmt *statement,
                                      int           column);
void          _gw_store_bind_time    (sqlite3_stmt *statement,
                                      int           index,
                                      gint64        time);
gint64        _gw_store_column_time  (sqlite3_stmt *statement,
                                      int           column);

/* Everything a GwComplaint holds, for _gw_store_complaint_from_statement(). */
#define COMPLAINT_COLUMNS \
  "c.id, c.received_at, c.kind, c.channel, c.category_id, coalesce(cat.name, ''),"         \
  " c.customer_id, coalesce(cu.name, ''), coalesce(cu.phone, ''), coalesce(cu.email, ''),"  \
  " coalesce(cu.address, ''), c.received_by_id, coalesce(st.name, ''),"                     \
  " c.assigned_to_id, coalesce(asg.name, ''), c.description,"                               \
  " c.agreed_solution, c.solved_on_spot, c.promise, c.steps_taken, c.follow_up_at,"         \
  " c.compensation_type, c.compensation_amount, c.status, c.resolved_at,"                   \
  " c.customer_feeling, c.will_buy_again, c.prevention, c.last_informed_at,"                \
  " c.created_at, c.updated_at "                                                            \
  "FROM complaints c LEFT JOIN categories cat ON cat.id = c.category_id"                    \
  " LEFT JOIN customers cu ON cu.id = c.customer_id"                                        \
  " LEFT JOIN staff st ON st.id = c.received_by_id"                                         \
  " LEFT JOIN staff asg ON asg.id = c.assigned_to_id "


G_END_DECLS
