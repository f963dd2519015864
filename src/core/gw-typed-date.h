/* gw-typed-date.h: dates as people type them into a form */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  gw_typed_date_parse   (const char  *text,
                                 gint64       now,
                                 gint64      *unix_seconds,
                                 gboolean    *has_time,
                                 GError     **error);
char     *gw_typed_date_format  (gint64       unix_seconds,
                                 gboolean     with_time);
char     *gw_typed_date_example (gboolean     with_time);

G_END_DECLS
