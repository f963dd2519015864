/* gw-datetime.c: time parsing and formatting
 *
 * Files carry times as YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or ISO 8601 with a
 * "T" and an optional offset. Without an offset a time is local. Every
 * parser of times in Goodwill comes through here, so all refuse the same
 * times the same way.
 */

#include "config.h"

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
  if (month < 1 || month > 12 || day < 1 || day > days_in_month (month, year))
    return set_form_error (error, stripped);

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
                   _("“%s” never happened here: the clocks were put forward past it "
                     "(summer time). Write the time as the clocks showed it"),
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
