/* gw-datetime.c: time parsing and formatting
 *
 * Files carry times as YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or ISO 8601 with a
 * "T" and an optional offset. Without an offset a time is local. Spreadsheets
 * also write dates as their locale does, day and month first in the
 * locale's order (03.11.2026, 11/03/2026); gw_datetime_parse_in_order()
 * reads those beside ISO 8601. Every
 * parser of times in Goodwill comes through here, so all refuse the same
 * times the same way.
 */

#include "config.h"

#include <langinfo.h>
#include <string.h>
#include <glib/gi18n.h>

#include "gw-datetime.h"

/* Looking the local zone up reads files every time; an import parses
 * hundreds of thousands of times, so keep the first answer. */
static GTimeZone *
get_local_zone (void)
{
  static gsize local_zone;

  if (g_once_init_enter (&local_zone))
    g_once_init_leave (&local_zone, (gsize) g_time_zone_new_local ());
  return g_time_zone_ref ((GTimeZone *) local_zone);
}

/* @unix_seconds in the local zone, without looking the zone up again: a
 * list draws hundreds of these. */
static GDateTime *
local_time (gint64 unix_seconds)
{
  g_autoptr(GTimeZone) zone = get_local_zone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);

  return utc != NULL ? g_date_time_to_timezone (utc, zone) : NULL;
}

static GDateTime *
local_midnight (GDateTime *time)
{
  g_autoptr(GTimeZone) zone = get_local_zone ();

  return g_date_time_new (zone, g_date_time_get_year (time), g_date_time_get_month (time),
                          g_date_time_get_day_of_month (time), 0, 0, 0);
}

static gboolean
is_start_of_day (GDateTime *time)
{
  return g_date_time_get_hour (time) == 0 && g_date_time_get_minute (time) == 0
         && g_date_time_get_second (time) == 0;
}

G_DEFINE_QUARK (gw-datetime-error-quark, gw_datetime_error)

/* Reads exactly @n_digits digits. */
static gboolean
read_number (const char **p,
             int          n_digits,
             int         *value)
{
  *value = 0;
  for (int i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      *value = *value * 10 + ((*p)[i] - '0');
    }
  *p += n_digits;
  return TRUE;
}

static gboolean
expect (const char **p,
        char         c)
{
  if (**p != c)
    return FALSE;
  (*p)++;
  return TRUE;
}

/* Not GDate's: it only knows years from 1, and says so with a critical. */
static int
days_in_month (int month,
               int year)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

  return month == 2 && leap ? 29 : days[month - 1];
}

static gboolean
set_form_error (GError     **error,
                const char  *text)
{
  g_set_error (error, GW_DATETIME_ERROR, GW_DATETIME_ERROR_FORM,
               /* TRANSLATORS: %s is what was typed or read from a file */
               _("“%s” is not a date Goodwill knows: write it like 2024-03-15 or "
                 "2024-03-15 14:30"), text);
  return FALSE;
}

/* The form was right, the calendar is not: say what the month has. */
static gboolean
set_day_error (GError     **error,
               const char  *text,
               int          year,
               int          month)
{
  g_autoptr(GDateTime) first = g_date_time_new_utc (year, month, 1, 0, 0, 0);
  g_autofree char *month_name = NULL;
  int n_days = days_in_month (month, year);

  if (first == NULL)
    return set_form_error (error, text);
  /* %OB: the month's name standing alone, as some languages need here */
  month_name = g_date_time_format (first, "%OB %Y");
  g_set_error (error, GW_DATETIME_ERROR, GW_DATETIME_ERROR_NO_SUCH_DAY,
               /* TRANSLATORS: the first %s is a date as typed or read from a
                * file, the second a month and year such as "February 2024" */
               ngettext ("“%s” is not a day of the calendar: %s has only %d day",
                         "“%s” is not a day of the calendar: %s has only %d days", n_days),
               text, month_name, n_days);
  return FALSE;
}

static gboolean
set_range_error (GError     **error,
                 const char  *text)
{
  g_set_error (error, GW_DATETIME_ERROR, GW_DATETIME_ERROR_RANGE,
               /* TRANSLATORS: %s is a date and time as typed or read from a file */
               _("“%s” is outside the times Goodwill keeps, 1900-01-01 to 2200-12-31 (UTC)"),
               text);
  return FALSE;
}

gboolean
gw_datetime_in_range (gint64 unix_seconds)
{
  return unix_seconds >= GW_TIME_MIN && unix_seconds <= GW_TIME_MAX;
}

/**
 * gw_datetime_check:
 *
 * Returns: %TRUE if @unix_seconds is a time Goodwill keeps; otherwise
 *   %FALSE with a %GW_DATETIME_ERROR_RANGE
 */
gboolean
gw_datetime_check (gint64   unix_seconds,
                   GError **error)
{
  char number[24];

  if (gw_datetime_in_range (unix_seconds))
    return TRUE;
  if (unix_seconds == GW_NO_TIME)
    {
      g_set_error_literal (error, GW_DATETIME_ERROR, GW_DATETIME_ERROR_RANGE,
                           _("A time is missing"));
      return FALSE;
    }
  /* A number, not a date: outside the range GDateTime may not write it. */
  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, unix_seconds);
  return set_range_error (error, number);
}

/**
 * gw_datetime_parse_full:
 * @zone: (nullable): the zone of a time written without an offset; %NULL
 *   for the local zone
 * @unix_seconds: (out) (optional): the time, set only on success
 *
 * Reads YYYY-MM-DD, then optionally [T ]HH:MM[:SS[.fraction]], then
 * optionally Z or ±HH[:]MM. Anything else, an impossible date, a time
 * outside GW_TIME_MIN to GW_TIME_MAX or a local time the clocks skipped
 * (the hour lost when summer time starts) is refused with a sentence
 * saying which.
 */
gboolean
gw_datetime_parse_full (const char  *text,
                        GTimeZone   *zone,
                        gint64      *unix_seconds,
                        GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GTimeZone) used_zone = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  const char *p;
  int year, month, day, hour = 0, minute = 0, second = 0;
  gboolean has_time = FALSE, has_offset = FALSE;
  gint64 result;

  g_return_val_if_fail (text != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  p = stripped;

  if (!read_number (&p, 4, &year) || !expect (&p, '-') || !read_number (&p, 2, &month)
      || !expect (&p, '-') || !read_number (&p, 2, &day))
    return set_form_error (error, stripped);
  if (month < 1 || month > 12 || day < 1 || day > 31)
    return set_form_error (error, stripped);
  if (day > days_in_month (month, year))
    return set_day_error (error, stripped, year, month);

  if (*p == 'T' || *p == 't' || *p == ' ')
    {
      p++;
      has_time = TRUE;
      if (!read_number (&p, 2, &hour) || !expect (&p, ':') || !read_number (&p, 2, &minute))
        return set_form_error (error, stripped);
      if (*p == ':')
        {
          p++;
          if (!read_number (&p, 2, &second))
            return set_form_error (error, stripped);
          /* Fractions of a second are read and dropped. */
          if (*p == '.' || *p == ',')
            {
              p++;
              if (!g_ascii_isdigit (*p))
                return set_form_error (error, stripped);
              while (g_ascii_isdigit (*p))
                p++;
            }
        }
      if (hour > 23 || minute > 59 || second > 59)
        return set_form_error (error, stripped);

      if (*p == 'Z' || *p == 'z')
        {
          used_zone = g_time_zone_new_utc ();
          has_offset = TRUE;
          p++;
        }
      else if (*p == '+' || *p == '-')
        {
          int sign = *p == '-' ? -1 : 1;
          int offset_hours, offset_minutes;

          p++;
          if (!read_number (&p, 2, &offset_hours))
            return set_form_error (error, stripped);
          if (*p == ':')
            p++;
          if (!read_number (&p, 2, &offset_minutes) || offset_hours > 23 || offset_minutes > 59)
            return set_form_error (error, stripped);
          used_zone = g_time_zone_new_offset (sign * (offset_hours * 3600 + offset_minutes * 60));
          has_offset = TRUE;
        }
    }

  if (*p != '\0')
    return set_form_error (error, stripped);

  /* Offsets are under a day, so these years are out whatever the zone;
   * GDateTime is not asked about years it cannot hold. */
  if (year < 1899 || year > 2201)
    return set_range_error (error, stripped);

  if (used_zone == NULL)
    used_zone = zone != NULL ? g_time_zone_ref (zone) : get_local_zone ();
  parsed = g_date_time_new (used_zone, year, month, day, hour, minute, second);
  if (parsed == NULL)
    return set_range_error (error, stripped);

  /* GDateTime moves a time in a gap forward by the gap; a person who wrote
   * 02:30 on the night the clocks went from 02:00 to 03:00 would get 03:30
   * without noticing. A date alone is the start of the day as the clocks
   * showed it, even where they skipped midnight. */
  if (!has_offset && has_time
      && (g_date_time_get_day_of_month (parsed) != day || g_date_time_get_hour (parsed) != hour
          || g_date_time_get_minute (parsed) != minute
          || g_date_time_get_second (parsed) != second))
    {
      g_set_error (error, GW_DATETIME_ERROR, GW_DATETIME_ERROR_SKIPPED,
                   /* TRANSLATORS: %s is a date and time as typed or read from a
                    * file, e.g. "2026-03-29 02:30" in Sweden */
                   _("“%s” never happened here: the clocks were put forward an hour then "
                     "(summer time). Write a time before or after that hour"),
                   stripped);
      return FALSE;
    }

  result = g_date_time_to_unix (parsed);
  if (!gw_datetime_in_range (result))
    return set_range_error (error, stripped);

  if (unix_seconds != NULL)
    *unix_seconds = result;
  return TRUE;
}

/* gw_datetime_parse_full() in the local zone, for callers with nothing to
 * say about why a text was refused. */
gboolean
gw_datetime_parse (const char *text,
                   gint64     *unix_seconds)
{
  g_return_val_if_fail (text != NULL, FALSE);
  return gw_datetime_parse_full (text, NULL, unix_seconds, NULL);
}

/* The form files are written in: UTC, to the second, unambiguous anywhere. */
char *
gw_datetime_format_iso (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_seconds);

  if (time == NULL)
    return g_strdup ("");
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

/* Date and time as the user's locale writes them. */
char *
gw_datetime_format_local (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = local_time (unix_seconds);

  if (time == NULL)
    return g_strdup ("");
  /* A day given without a time is kept at its start: no "00:00". */
  if (is_start_of_day (time))
    return g_date_time_format (time, "%x");
  /* TRANSLATORS: date and time of a complaint, see strftime(3).
   * %x is the locale's date, %R hours and minutes. */
  return g_date_time_format (time, _("%x %R"));
}

/* For things that happen on a day rather than at a time, like a training. */
char *
gw_datetime_format_local_date (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = local_time (unix_seconds);

  if (time == NULL)
    return g_strdup ("");
  return g_date_time_format (time, "%x");
}

/* "Today 14:05", "Yesterday 09:12", a weekday within the last week, else the
 * locale's date. */
char *
gw_datetime_format_relative (gint64 unix_seconds,
                             gint64 now)
{
  g_autoptr(GDateTime) time = local_time (unix_seconds);
  g_autoptr(GDateTime) current = local_time (now);
  g_autoptr(GDateTime) time_day = NULL;
  g_autoptr(GDateTime) current_day = NULL;
  GTimeSpan days;

  if (time == NULL || current == NULL)
    return g_strdup ("");

  time_day = local_midnight (time);
  current_day = local_midnight (current);
  /* Rounded, so a day with a daylight-saving change still counts as one. */
  days = g_date_time_difference (current_day, time_day);
  /* Rounded to the nearest day either way: a day ahead is -1, not 0. */
  days = (days >= 0 ? days + G_TIME_SPAN_HOUR * 12 : days - G_TIME_SPAN_HOUR * 12) / G_TIME_SPAN_DAY;

  if (is_start_of_day (time))
    {
      if (days == 0)
        return g_strdup (_("Today"));
      if (days == -1)
        return g_strdup (_("Tomorrow"));
      if (days == 1)
        return g_strdup (_("Yesterday"));
      if (days > -7 && days < 7)
        return g_date_time_format (time, "%A");
      return g_date_time_format (time, "%x");
    }
  if (days == 0)
    /* TRANSLATORS: a time earlier today, see strftime(3) */
    return g_date_time_format (time, _("Today %R"));
  if (days == -1)
    /* TRANSLATORS: a time tomorrow, see strftime(3) */
    return g_date_time_format (time, _("Tomorrow %R"));
  if (days == 1)
    /* TRANSLATORS: a time yesterday, see strftime(3) */
    return g_date_time_format (time, _("Yesterday %R"));
  if (days > 1 && days < 7)
    /* TRANSLATORS: a weekday and time within the last week, see strftime(3) */
    return g_date_time_format (time, _("%A %R"));
  if (days < 0 && days > -7)
    /* TRANSLATORS: a weekday and time within the coming week, see strftime(3) */
    return g_date_time_format (time, _("%A %R"));
  return g_date_time_format (time, "%x");
}

/* The locale's order of day and month, from its date format (%x). A locale
 * that writes the year first (Swedish: 2026-11-03) has no numeric day-month
 * order of its own; people there write 3/11 2026 or 3.11.2026, day first,
 * as in the rest of Europe. */
GwDateOrder
gw_date_order_of_locale (void)
{
  const char *format = nl_langinfo (D_FMT);
  const char *day = NULL, *month = NULL;

  for (const char *p = format; p != NULL && *p != '\0'; p++)
    {
      if (*p != '%' || p[1] == '\0')
        continue;
      p++;
      while (*p == '-' || *p == '_' || *p == '0' || *p == 'E' || *p == 'O')
        p++;
      if ((*p == 'd' || *p == 'e') && day == NULL)
        day = p;
      else if ((*p == 'm' || *p == 'b' || *p == 'B') && month == NULL)
        month = p;
      else if (*p == 'D')
        return GW_DATE_ORDER_MONTH_FIRST;  /* %m/%d/%y */
    }
  if (day != NULL && month != NULL && month < day)
    {
      const char *year = strstr (format, "%Y");

      /* Year, month, day is ISO's order, not a numeric month first. */
      if (year == NULL || year > month)
        return GW_DATE_ORDER_MONTH_FIRST;
    }
  return GW_DATE_ORDER_DAY_FIRST;
}

static GwDateOrder
resolve_order (GwDateOrder order)
{
  return order == GW_DATE_ORDER_LOCALE ? gw_date_order_of_locale () : order;
}

/* Reads 1 or 2 digits. */
static gboolean
read_short_number (const char **p,
                   int         *value)
{
  if (!g_ascii_isdigit (**p))
    return FALSE;
  *value = *(*p)++ - '0';
  if (g_ascii_isdigit (**p))
    *value = *value * 10 + (*(*p)++ - '0');
  return TRUE;
}

typedef struct {
  int first, second, year;
  int hour, minute, second_of_minute;
  gboolean has_time;
} NumericDate;

/* D/M/YYYY, D.M.YYYY or D-M-YYYY (one separator throughout, in either
 * order), then optionally a space and H:MM[:SS], with AM or PM. */
static gboolean
split_numeric (const char  *text,
               NumericDate *date)
{
  const char *p = text;
  char separator;

  memset (date, 0, sizeof *date);
  if (!read_short_number (&p, &date->first))
    return FALSE;
  separator = *p;
  if (separator != '/' && separator != '.' && separator != '-')
    return FALSE;
  p++;
  if (!read_short_number (&p, &date->second) || *p != separator)
    return FALSE;
  p++;
  if (!read_number (&p, 4, &date->year))
    return FALSE;
  if (*p == '\0')
    return TRUE;
  if (*p != ' ')
    return FALSE;
  while (*p == ' ')
    p++;
  if (!read_short_number (&p, &date->hour) || *p != ':')
    return FALSE;
  p++;
  if (!read_number (&p, 2, &date->minute))
    return FALSE;
  if (*p == ':')
    {
      p++;
      if (!read_number (&p, 2, &date->second_of_minute))
        return FALSE;
    }
  date->has_time = TRUE;
  while (*p == ' ')
    p++;
  if (g_ascii_strncasecmp (p, "AM", 2) == 0 || g_ascii_strncasecmp (p, "PM", 2) == 0)
    {
      gboolean pm = g_ascii_tolower (*p) == 'p';

      if (date->hour < 1 || date->hour > 12)
        return FALSE;
      date->hour = date->hour % 12 + (pm ? 12 : 0);
      p += 2;
    }
  return *p == '\0';
}

/**
 * gw_datetime_split_numeric:
 * @first: (out): the number before the first separator
 * @second: (out): the number after it
 *
 * Returns: %TRUE if @text is a numeric date with day and month in some
 *   order (03/11/2026, 3.11.2026 14:30), not ISO 8601
 */
gboolean
gw_datetime_split_numeric (const char *text,
                           int        *first,
                           int        *second)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  NumericDate date;

  if (!split_numeric (stripped, &date))
    return FALSE;
  if (first != NULL)
    *first = date.first;
  if (second != NULL)
    *second = date.second;
  return TRUE;
}

/**
 * gw_date_order_guess:
 * @values: a column's values
 * @ambiguous: (out): whether they could be read either way
 *
 * Returns: the order the values prove (a 25 can only be a day), else the
 *   locale's
 */
GwDateOrder
gw_date_order_guess (const char * const *values,
                     gboolean           *ambiguous)
{
  gboolean day_first = FALSE, month_first = FALSE, either = FALSE;

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      int first, second;

      if (!gw_datetime_split_numeric (values[i], &first, &second))
        continue;
      if (first > 12)
        day_first = TRUE;
      else if (second > 12)
        month_first = TRUE;
      else if (first != second)
        either = TRUE;
    }
  if (ambiguous != NULL)
    *ambiguous = either && !day_first && !month_first;
  if (day_first && !month_first)
    return GW_DATE_ORDER_DAY_FIRST;
  if (month_first && !day_first)
    return GW_DATE_ORDER_MONTH_FIRST;
  return gw_date_order_of_locale ();
}

/* The locale's separator between day and month, or "/" for a locale that
 * writes ISO dates. */
char
gw_date_separator_of_locale (void)
{
  const char *format = nl_langinfo (D_FMT);
  const char *p = format != NULL ? strchr (format, '%') : NULL;

  if (p == NULL || p[1] == '\0' || p[1] == 'Y')
    return '/';
  p += 2;
  return *p == '.' || *p == '/' || *p == '-' ? *p : '/';
}

/**
 * gw_date_order_example:
 *
 * Returns: 3 November 2026 at 14:30 written in @order, as the locale would
 *   write it: "03.11.2026 14:30", "11/03/2026 14:30"
 */
char *
gw_date_order_example (GwDateOrder order)
{
  char separator = gw_date_separator_of_locale ();

  if (resolve_order (order) == GW_DATE_ORDER_MONTH_FIRST)
    return g_strdup_printf ("11%c03%c2026 14:30", separator, separator);
  return g_strdup_printf ("03%c11%c2026 14:30", separator, separator);
}

static gboolean
set_order_error (GError      **error,
                 const char   *text,
                 GwDateOrder   order)
{
  g_autofree char *example = gw_date_order_example (order);

  g_set_error (error, GW_DATETIME_ERROR, GW_DATETIME_ERROR_FORM,
               /* TRANSLATORS: %s is what was read from a file, then two ways to
                * write 3 November 2026, 14:30: as the locale does (e.g.
                * "03.11.2026 14:30") and ISO 8601 */
               resolve_order (order) == GW_DATE_ORDER_MONTH_FIRST
               ? _("“%s” is not a date Goodwill knows: write it month first, like %s, or like %s")
               : _("“%s” is not a date Goodwill knows: write it day first, like %s, or like %s"),
               text, example, "2026-11-03 14:30");
  return FALSE;
}

/**
 * gw_datetime_parse_in_order:
 * @order: how to read a numeric date with day and month
 *
 * Reads what gw_datetime_parse_full() reads, and numeric dates as
 * spreadsheets write them (03/11/2026, 3.11.2026 14:30, 11/3/2026 2:30 PM)
 * with day and month in @order. The same times are refused, for the same
 * reasons; a date that is not one says how to write it, in @order.
 */
gboolean
gw_datetime_parse_in_order (const char   *text,
                            GwDateOrder   order,
                            GTimeZone    *zone,
                            gint64       *unix_seconds,
                            GError      **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *iso = NULL;
  g_autoptr(GError) local_error = NULL;
  NumericDate date;
  int day, month;

  g_return_val_if_fail (text != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (!split_numeric (stripped, &date))
    {
      if (gw_datetime_parse_full (stripped, zone, unix_seconds, &local_error))
        return TRUE;
      if (g_error_matches (local_error, GW_DATETIME_ERROR, GW_DATETIME_ERROR_FORM))
        return set_order_error (error, stripped, order);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (resolve_order (order) == GW_DATE_ORDER_MONTH_FIRST)
    {
      month = date.first;
      day = date.second;
    }
  else
    {
      day = date.first;
      month = date.second;
    }
  if (month < 1 || month > 12 || day < 1 || day > 31)
    return set_order_error (error, stripped, order);
  if (day > days_in_month (month, date.year))
    return set_day_error (error, stripped, date.year, month);

  if (date.has_time)
    iso = g_strdup_printf ("%04d-%02d-%02d %02d:%02d:%02d", date.year, month, day, date.hour,
                           date.minute, date.second_of_minute);
  else
    iso = g_strdup_printf ("%04d-%02d-%02d", date.year, month, day);
  if (gw_datetime_parse_full (iso, zone, unix_seconds, &local_error))
    return TRUE;
  /* Out of range or skipped: said of what the person wrote. */
  if (g_error_matches (local_error, GW_DATETIME_ERROR, GW_DATETIME_ERROR_RANGE))
    return set_range_error (error, stripped);
  if (g_error_matches (local_error, GW_DATETIME_ERROR, GW_DATETIME_ERROR_FORM))
    return set_order_error (error, stripped, order);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Local time as a spreadsheet in the user's locale reads it: the locale's
 * date (its own order and separator, always with four digits in the year,
 * else ISO's) and the time to the second. Read back in the same locale by
 * gw_datetime_parse_in_order(). */
char *
gw_datetime_format_spreadsheet (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = local_time (unix_seconds);
  char separator = gw_date_separator_of_locale ();
  const char *format = nl_langinfo (D_FMT);

  if (time == NULL)
    return g_strdup ("");
  if (format == NULL || strstr (format, "%Y") == NULL || strchr (format, '%') == strstr (format, "%Y"))
    return g_date_time_format (time, "%Y-%m-%d %H:%M:%S");
  if (gw_date_order_of_locale () == GW_DATE_ORDER_MONTH_FIRST)
    return g_strdup_printf ("%02d%c%02d%c%04d %02d:%02d:%02d", g_date_time_get_month (time),
                            separator, g_date_time_get_day_of_month (time), separator,
                            g_date_time_get_year (time), g_date_time_get_hour (time),
                            g_date_time_get_minute (time), g_date_time_get_second (time));
  return g_strdup_printf ("%02d%c%02d%c%04d %02d:%02d:%02d", g_date_time_get_day_of_month (time),
                          separator, g_date_time_get_month (time), separator,
                          g_date_time_get_year (time), g_date_time_get_hour (time),
                          g_date_time_get_minute (time), g_date_time_get_second (time));
}
