/* gw-datetime.c: time parsing and formatting
 *
 * Files carry times as YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or ISO 8601 with a
 * "T" and an optional offset. Without an offset a time is local.
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

/* YYYY-MM-DD, then optionally [T ]HH:MM[:SS[.fraction]], then optionally
 * Z or ±HH[:]MM. Anything else, or an impossible date, is refused. */
gboolean
gw_datetime_parse (const char *text,
                   gint64     *unix_seconds)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  const char *p;
  int year, month, day, hour = 0, minute = 0, second = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  p = stripped;

  if (!read_number (&p, 4, &year) || !expect (&p, '-') || !read_number (&p, 2, &month)
      || !expect (&p, '-') || !read_number (&p, 2, &day))
    return FALSE;
  if (month < 1 || month > 12 || day < 1 || day > g_date_get_days_in_month (month, year))
    return FALSE;

  if (*p == 'T' || *p == 't' || *p == ' ')
    {
      p++;
      if (!read_number (&p, 2, &hour) || !expect (&p, ':') || !read_number (&p, 2, &minute))
        return FALSE;
      if (*p == ':')
        {
          p++;
          if (!read_number (&p, 2, &second))
            return FALSE;
          /* Fractions of a second are read and dropped. */
          if (*p == '.' || *p == ',')
            {
              p++;
              if (!g_ascii_isdigit (*p))
                return FALSE;
              while (g_ascii_isdigit (*p))
                p++;
            }
        }
      if (hour > 23 || minute > 59 || second > 59)
        return FALSE;

      if (*p == 'Z' || *p == 'z')
        {
          zone = g_time_zone_new_utc ();
          p++;
        }
      else if (*p == '+' || *p == '-')
        {
          const char *offset = p;
          int offset_hours, offset_minutes;

          p++;
          if (!read_number (&p, 2, &offset_hours))
            return FALSE;
          if (*p == ':')
            p++;
          if (!read_number (&p, 2, &offset_minutes) || offset_hours > 23 || offset_minutes > 59)
            return FALSE;
          zone = g_time_zone_new_identifier (offset);
          if (zone == NULL)
            return FALSE;
        }
    }

  if (*p != '\0')
    return FALSE;

  if (zone == NULL)
    zone = get_local_zone ();
  parsed = g_date_time_new (zone, year, month, day, hour, minute, second);
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
