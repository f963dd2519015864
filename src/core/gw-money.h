/* gw-money.h: amounts of money as integer minor units */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GW_MONEY_ERROR (gw_money_error_quark ())

typedef enum {
  GW_MONEY_ERROR_FORM,          /* not an amount in a form Goodwill reads */
  GW_MONEY_ERROR_WITHOUT_KIND,  /* an amount given, but not what it was given as */
} GwMoneyError;

/* The currency setting for amounts shown without one. */
#define GW_MONEY_NO_CURRENCY "none"

GQuark    gw_money_error_quark  (void);

gboolean  gw_money_parse        (const char *text,
                                 gint64     *minor_units);
gboolean  gw_money_parse_local  (const char *text,
                                 gint64     *minor_units,
                                 GError    **error);
char     *gw_money_format_plain (gint64      minor_units);
char     *gw_money_format_spreadsheet (gint64 minor_units);
char     *gw_money_format_local (gint64      minor_units);
char     *gw_money_format_amount (gint64     minor_units);
void      gw_money_set_currency (const char *code);
const char *gw_money_get_currency (void);
char     *gw_format_integer     (gint64      value);
char     *gw_format_number      (double      value);

G_END_DECLS
