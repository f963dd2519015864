/* gw-datetime.h: reading and writing times in files, showing them to people */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  gw_datetime_parse          (const char *text,
                                      gint64     *unix_seconds);
char     *gw_datetime_format_iso     (gint64      unix_seconds);
char     *gw_datetime_format_local   (gint64      unix_seconds);
char     *gw_datetime_format_local_date (gint64   unix_seconds);
char     *gw_datetime_format_relative (gint64     unix_seconds,
                                       gint64     now);

G_END_DECLS
