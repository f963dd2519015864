/* gw-store-private.h: what the store's own files share */
#pragma once

#include <sqlite3.h>

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
sqlite3      *_gw_store_get_db       (GwStore     *self);
gint64        _gw_store_now          (void);

G_END_DECLS
