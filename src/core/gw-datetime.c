/* gw-datetime.c: time parsing and formatting
 *
 * Files carry times as YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or ISO 8601 with a
 * "T" and an optional offset. Without an offset a time is local.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gw-datetime.h"

static gboolean
is_date_only (const char *text)
{
  return strlen (text) == 10
         && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1])
         && g_ascii_isdigit (text[2]) && g_ascii_isdigit (text[3])
         && text[4] == '-'
         && g_ascii_isdigit (text[5]) && g_ascii_isdigit (text[6])
         && text[7] == '-'
         && g_ascii_isdigit (text[8]) && g_ascii_isdigit (text[9]);
}

/* GLib accepts more ISO 8601 shapes than we promise (week dates, ordinal
 * dates, basic format); insist on the extended calendar form. */
static gboolean
has_extended_calendar_date (const char *text)
{
  return strlen (text) >= 16
         && text[4] == '-' && text[7] == '-'
         && (text[10] == 'T' || text[10] == 't' || text[10] == ' ')
         && text[13] == ':';
}

gboolean
gw_datetime_parse (const char *text,
                   gint64     *unix_seconds)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) parsed = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  local = g_time_zone_new_local ();

  if (is_date_only (stripped))
    {
      int year = atoi (stripped);
      int month = atoi (stripped + 5);
      int day = atoi (stripped + 8);

      if (month < 1 || month > 12 || day < 1
          || day > g_date_get_days_in_month (month, year))
        return FALSE;
      parsed = g_date_time_new (local, year, month, day, 0, 0, 0);
    }
  else if (has_extended_calendar_date (stripped))
    {
      stripped[10] = 'T';
      parsed = g_date_time_new_from_iso8601 (stripped, local);
    }

  if (parsed == NULL)
    return FALSE;

  if (unix_seconds != NULL)
    *unix_seconds = g_date_time_to_unix (parsed);
  return TRUE;
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
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_seconds);

  if (time == NULL)
    return g_strdup ("");
  /* TRANSLATORS: date and time of a complaint, see strftime(3).
   * %x is the locale's date, %R hours and minutes. */
  return g_date_time_format (time, _("%x %R"));
}

/* "Today 14:05", "Yesterday 09:12", a weekday within the last week, else the
 * locale's date. */
char *
gw_datetime_format_relative (gint64 unix_seconds,
                             gint64 now)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_seconds);
  g_autoptr(GDateTime) current = g_date_time_new_from_unix_local (now);
  g_autoptr(GDateTime) time_day = NULL;
  g_autoptr(GDateTime) current_day = NULL;
  GTimeSpan days;

  if (time == NULL || current == NULL)
    return g_strdup ("");

  time_day = g_date_time_new_local (g_date_time_get_year (time),
                                    g_date_time_get_month (time),
                                    g_date_time_get_day_of_month (time), 0, 0, 0);
  current_day = g_date_time_new_local (g_date_time_get_year (current),
                                       g_date_time_get_month (current),
                                       g_date_time_get_day_of_month (current), 0, 0, 0);
  /* Rounded, so a day with a daylight-saving change still counts as one. */
  days = (g_date_time_difference (current_day, time_day) + G_TIME_SPAN_HOUR * 12) / G_TIME_SPAN_DAY;

  if (days == 0)
    /* TRANSLATORS: a time earlier today, see strftime(3) */
    return g_date_time_format (time, _("Today %R"));
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
