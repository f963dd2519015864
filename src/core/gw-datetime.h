/* gw-datetime.h: reading and writing times in files, showing them to people */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Times are Unix seconds in UTC; GW_NO_TIME means "not set". It lies far
 * outside the times Goodwill keeps, so no real time, not even the Unix
 * epoch itself, is ever taken for "not set". */
#define GW_NO_TIME G_MININT64

/* Every time Goodwill takes in lies in these bounds, in UTC: 1900-01-01
 * 00:00:00Z to 2200-12-31 23:59:59Z. Inside them every time has a
 * four-digit year and a whole-second offset, so it exports and imports
 * again exactly. */
#define GW_TIME_MIN G_GINT64_CONSTANT (-2208988800)
#define GW_TIME_MAX G_GINT64_CONSTANT (7289654399)

#define GW_DATETIME_ERROR (gw_datetime_error_quark ())

typedef enum {
  GW_DATETIME_ERROR_FORM,     /* not a date in a form we read */
  GW_DATETIME_ERROR_RANGE,    /* outside GW_TIME_MIN to GW_TIME_MAX */
  GW_DATETIME_ERROR_SKIPPED,  /* a local time the clocks skipped */
  GW_DATETIME_ERROR_NO_SUCH_DAY,  /* a month without that day: 2024-02-30 */
} GwDatetimeError;

/* How a numeric date such as 03/11/2026 is read. */
typedef enum {
  GW_DATE_ORDER_LOCALE,       /* as the user's locale orders day and month */
  GW_DATE_ORDER_DAY_FIRST,    /* 03/11/2026 is 3 November */
  GW_DATE_ORDER_MONTH_FIRST,  /* 03/11/2026 is 11 March */
} GwDateOrder;

GQuark    gw_datetime_error_quark    (void);
gboolean  gw_datetime_in_range       (gint64      unix_seconds);
gboolean  gw_datetime_check          (gint64      unix_seconds,
                                      GError    **error);
gboolean  gw_datetime_parse_full     (const char *text,
                                      GTimeZone  *zone,
                                      gint64     *unix_seconds,
                                      GError    **error);
gboolean  gw_datetime_parse          (const char *text,
                                      gint64     *unix_seconds);
GwDateOrder gw_date_order_of_locale  (void);
char      gw_date_separator_of_locale (void);
gboolean  gw_datetime_parse_in_order (const char *text,
                                      GwDateOrder order,
                                      GTimeZone  *zone,
                                      gint64     *unix_seconds,
                                      GError    **error);
gboolean  gw_datetime_split_numeric  (const char *text,
                                      int        *first,
                                      int        *second);
GwDateOrder gw_date_order_guess      (const char * const *values,
                                      gboolean   *ambiguous);
char     *gw_date_order_example      (GwDateOrder order);
char     *gw_datetime_format_spreadsheet (gint64  unix_seconds);
char     *gw_datetime_format_iso     (gint64      unix_seconds);
char     *gw_datetime_format_local   (gint64      unix_seconds);
char     *gw_datetime_format_local_date (gint64   unix_seconds);
char     *gw_datetime_format_relative (gint64     unix_seconds,
                                       gint64     now);

G_END_DECLS
