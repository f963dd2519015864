/* gw-money.h: amounts of money as integer minor units */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  gw_money_parse        (const char *text,
                                 gint64     *minor_units);
char     *gw_money_format_plain (gint64      minor_units);
char     *gw_money_format_local (gint64      minor_units);
char     *gw_format_integer     (gint64      value);

G_END_DECLS
