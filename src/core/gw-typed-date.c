/* gw-typed-date.c: dates as people type them into a form
 *
 * Files are read by gw-datetime.c, in the forms files use. A person at the
 * counter types what comes to mind: "tomorrow", "friday 14:00",
 * "8/12 10:00", the locale's own "08.12.2026" or ISO's "2026-12-08".
 * Everything is in the local zone; a day without a year is in this year;
 * a weekday is the next one to come. What is refused says why, with an
 * example in the user's own form.
 */

#include "config.h"

#include <langinfo.h>
#include <string.h>
#include <glib/gi18n.h>

#include "gw-datetime.h"
#include "gw-typed-date.h"

typedef struct {
  int year, month, day;
} Day;

/* Locales that write year, month, day (sv_SE, ISO) have no numeric order
 * of their own for a short date: 8/12 is read day first there, as people
 * in those countries write it by hand. */
static gboolean
locale_writes_iso (void)
{
  const char *format = nl_langinfo (D_FMT);

  return format == NULL || g_str_has_prefix (format, "%Y") || g_str_has_prefix (format, "%F");
}

static gboolean
month_first (void)
{
  return !locale_writes_iso () && gw_date_order_of_locale () == GW_DATE_ORDER_MONTH_FIRST;
}

static Day
day_of (GDateTime *time)
{
  return (Day) { g_date_time_get_year (time), g_date_time_get_month (time),
                 g_date_time_get_day_of_month (time) };
}

static Day
day_after (GDateTime *today,
           int        n_days)
{
  g_autoptr(GDateTime) then = g_date_time_add_days (today, n_days);

  return day_of (then);
}

/* @words is a translation: one or more ways of writing a word, split by
 * "|", as "i morgon|imorgon". */
static gboolean
same_word (const char *folded,
           const char *words)
{
  g_autofree char *folded_words = g_utf8_casefold (words, -1);
  g_auto(GStrv) ways = g_strsplit (folded_words, "|", -1);

  for (guint i = 0; ways[i] != NULL; i++)
    if (g_str_equal (folded, g_strstrip (ways[i])))
      return TRUE;
  return FALSE;
}

/* Whether the last words of @words are one of the ways of @phrase. */
static guint
ends_with_phrase (GPtrArray  *words,
                  const char *phrase)
{
  g_autofree char *folded_phrase = g_utf8_casefold (phrase, -1);
  g_auto(GStrv) ways = g_strsplit (folded_phrase, "|", -1);

  for (guint i = 0; ways[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit_set (g_strstrip (ways[i]), " ", -1);
      guint n = g_strv_length (parts);
      gboolean same = n > 0 && n <= words->len;

      for (guint k = 0; same && k < n; k++)
        same = g_str_equal (parts[k], g_ptr_array_index (words, words->len - n + k));
      if (same)
        return n;
    }
  return 0;
}

/* A weekday's name, whole, cut to three letters or more, or as the
 * locale abbreviates it: 1 for Monday to 7 for Sunday, else 0. */
static int
weekday_named (const char *folded)
{
  static const char *const english[] = { "monday", "tuesday", "wednesday", "thursday",
                                          "friday", "saturday", "sunday" };
  g_autofree char *bare = g_strdup (folded);
  gsize length;

  /* "fre." as some write the abbreviation */
  length = strlen (bare);
  if (length > 0 && bare[length - 1] == '.')
    bare[--length] = '\0';
  if (g_utf8_strlen (bare, -1) < 2)
    return 0;

  for (int weekday = 1; weekday <= 7; weekday++)
    {
      /* 2024-01-01 was a Monday. */
      g_autoptr(GDateTime) sample = g_date_time_new_utc (2024, 1, weekday, 12, 0, 0);
      g_autofree char *name = g_date_time_format (sample, "%A");
      g_autofree char *short_name = g_date_time_format (sample, "%a");
      const char *const names[] = { name, english[weekday - 1] };

      if (short_name != NULL && same_word (bare, short_name))
        return weekday;
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *folded_name = names[i] != NULL ? g_utf8_casefold (names[i], -1) : NULL;

          if (folded_name != NULL && g_utf8_strlen (bare, -1) >= 3
              && g_str_has_prefix (folded_name, bare))
            return weekday;
        }
    }
  return 0;
}

/* Digits only, 1 to @max_digits of them. */
static gboolean
read_digits (const char *text,
             gsize       max_digits,
             int        *value)
{
  gsize length = strlen (text);

  if (length == 0 || length > max_digits)
    return FALSE;
  *value = 0;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      *value = *value * 10 + (*p - '0');
    }
  return TRUE;
}

/* 8/12, 8.12.2026, 12/8/26, 2026-12-08: numbers and one kind of separator. */
static gboolean
read_numeric_day (const char *text,
                  GDateTime  *today,
                  Day        *day)
{
  g_auto(GStrv) parts = NULL;
  char separator = 0;
  guint n;
  int a, b, year;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '/' || *p == '.' || *p == '-')
      {
        if (separator != 0 && *p != separator)
          return FALSE;
        separator = *p;
      }
  if (separator == 0)
    return FALSE;
  parts = g_strsplit (text, (char[]) { separator, '\0' }, -1);
  n = g_strv_length (parts);
  /* "8.12." as Germans end a date */
  if (n == 3 && separator == '.' && *parts[2] == '\0')
    n = 2;
  if (n == 3 && strlen (parts[0]) == 4)
    {
      if (!read_digits (parts[0], 4, &year) || !read_digits (parts[1], 2, &day->month)
          || !read_digits (parts[2], 2, &day->day))
        return FALSE;
      day->year = year;
      return TRUE;
    }
  if (n != 2 && n != 3)
    return FALSE;
  if (!read_digits (parts[0], 2, &a) || !read_digits (parts[1], 2, &b))
    return FALSE;
  year = g_date_time_get_year (today);
  if (n == 3)
    {
      gsize digits = strlen (parts[2]);

      if ((digits != 2 && digits != 4) || !read_digits (parts[2], 4, &year))
        return FALSE;
      if (digits == 2)
        year += 2000;
    }
  day->year = year;
  day->month = month_first () ? a : b;
  day->day = month_first () ? b : a;
  return TRUE;
}

/* 14:30, 9:05, 14.30; then, apart or not, am or pm. */
static gboolean
read_time (const char *text,
           gboolean    dot_allowed,
           int        *hour,
           int        *minute)
{
  g_autofree char *folded = g_ascii_strdown (text, -1);
  const char *mark;
  g_auto(GStrv) parts = NULL;
  gsize length = strlen (folded);
  int twelve = 0;

  if (length > 2 && (g_str_has_suffix (folded, "am") || g_str_has_suffix (folded, "pm")))
    {
      twelve = folded[length - 2] == 'p' ? 2 : 1;
      folded[length - 2] = '\0';
      g_strchomp (folded);
    }
  mark = strchr (folded, ':') != NULL                  ? ":"
         : dot_allowed && strchr (folded, '.') != NULL ? "."
                                                       : NULL;
  if (mark == NULL)
    {
      /* "2pm" */
      if (twelve == 0 || !read_digits (folded, 2, hour))
        return FALSE;
      *minute = 0;
    }
  else
    {
      parts = g_strsplit (folded, mark, -1);
      if (g_strv_length (parts) != 2 || !read_digits (parts[0], 2, hour) || strlen (parts[1]) != 2
          || !read_digits (parts[1], 2, minute))
        return FALSE;
    }
  if (twelve != 0)
    {
      if (*hour < 1 || *hour > 12)
        return FALSE;
      *hour = *hour % 12 + (twelve == 2 ? 12 : 0);
    }
  return *hour <= 23 && *minute <= 59;
}

static gboolean
read_day (const char *folded,
          GDateTime  *today,
          Day        *day)
{
  int weekday;

  /* TRANSLATORS: a word typed into a date field, in lower case. Several
   * ways of writing it may be given, split by "|": "i morgon|imorgon" */
  if (same_word (folded, C_("typed date", "today")) || same_word (folded, "today"))
    *day = day_of (today);
  /* TRANSLATORS: a word typed into a date field, in lower case */
  else if (same_word (folded, C_("typed date", "tomorrow")) || same_word (folded, "tomorrow"))
    *day = day_after (today, 1);
  /* TRANSLATORS: a word typed into a date field, in lower case */
  else if (same_word (folded, C_("typed date", "yesterday")) || same_word (folded, "yesterday"))
    *day = day_after (today, -1);
  else if ((weekday = weekday_named (folded)) != 0)
    {
      int ahead = (weekday - g_date_time_get_day_of_week (today) + 7) % 7;

      /* "Friday" said on a Friday is next week's. */
      *day = day_after (today, ahead == 0 ? 7 : ahead);
    }
  else
    return read_numeric_day (folded, today, day);
  return TRUE;
}

static gboolean
set_form_error (GError     **error,
                const char  *text,
                gboolean     with_time)
{
  g_autofree char *example = gw_typed_date_example (with_time);

  g_set_error (error, GW_DATETIME_ERROR, GW_DATETIME_ERROR_FORM,
               /* TRANSLATORS: %s is what was typed into a date field, then an
                * example date in the user's own form, e.g. "15.03.2027 14:30".
                * "tomorrow" and "friday" are words the field reads (see the
                * "typed date" words) */
               _("“%s” is not a date Goodwill knows: write it like %s, or as “tomorrow” or "
                 "“friday”"), text, example);
  return FALSE;
}

/**
 * gw_typed_date_parse:
 * @now: the time "today" and "tomorrow" are counted from
 * @unix_seconds: (out) (optional): the start of the day, or the time given
 * @has_time: (out) (optional): whether a time of day was given
 *
 * Reads a date as a person types it: a word ("today", "tomorrow",
 * "yesterday" or a weekday, in the user's language or English), the
 * locale's numeric form with or without a year, or ISO 8601; then
 * optionally a time (14:30, 14.30, 2pm). A day the calendar lacks, a time
 * the clocks skip or a form not read is refused with a sentence saying
 * which.
 */
gboolean
gw_typed_date_parse (const char  *text,
                     gint64       now,
                     gint64      *unix_seconds,
                     gboolean    *has_time,
                     GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *folded = g_utf8_casefold (stripped, -1);
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_auto(GStrv) tokens = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *iso = NULL;
  g_autoptr(GError) local_error = NULL;
  int hour = 0, minute = 0;
  gboolean timed = FALSE;
  Day day;

  {
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
    g_autoptr(GTimeZone) zone = g_time_zone_new_local ();

    today = utc != NULL ? g_date_time_to_timezone (utc, zone) : NULL;
  }
  if (today == NULL || *stripped == '\0')
    return set_form_error (error, stripped, TRUE);

  tokens = g_strsplit_set (folded, " \t\u00a0", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (*tokens[i] != '\0')
      g_ptr_array_add (words, tokens[i]);

  /* "2 pm": the mark belongs to the time before it. */
  if (words->len >= 2)
    {
      const char *last = g_ptr_array_index (words, words->len - 1);

      if (g_str_equal (last, "am") || g_str_equal (last, "pm"))
        {
          joined = g_strconcat (g_ptr_array_index (words, words->len - 2), last, NULL);
          g_ptr_array_set_size (words, words->len - 2);
          g_ptr_array_add (words, joined);
        }
    }
  /* A time alone is today's; after a day, 14.30 is a time too. */
  if (words->len >= 1
      && read_time (g_ptr_array_index (words, words->len - 1), words->len >= 2, &hour, &minute))
    {
      timed = TRUE;
      g_ptr_array_set_size (words, words->len - 1);
    }
  /* "tomorrow at 10:00", "i morgon kl. 10:00" */
  for (guint n; words->len >= 1
                && ((n = ends_with_phrase (words, "at")) != 0
                    /* TRANSLATORS: a word that may stand between the day and the
                     * time typed into a date field, in lower case: "tomorrow at
                     * 10:00"; Swedish "kl.". Several ways may be given, split
                     * by "|" */
                    || (n = ends_with_phrase (words, C_("typed date", "at"))) != 0);)
    g_ptr_array_set_size (words, words->len - n);

  if (words->len == 0)
    {
      if (!timed)
        return set_form_error (error, stripped, TRUE);
      day = day_of (today);
    }
  else
    {
      g_ptr_array_add (words, NULL);
      day_text = g_strjoinv (" ", (char **) words->pdata);
      if (!read_day (day_text, today, &day))
        return set_form_error (error, stripped, timed);
    }

  if (day.month < 1 || day.month > 12 || day.day < 1)
    return set_form_error (error, stripped, timed);
  if (day.year >= 1 && day.year <= 9999
      && day.day > g_date_get_days_in_month (day.month, day.year))
    {
      g_autoptr(GDateTime) first = g_date_time_new_utc (day.year, day.month, 1, 0, 0, 0);
      g_autofree char *month_name = g_date_time_format (first, "%OB %Y");
      int n_days = g_date_get_days_in_month (day.month, day.year);

      g_set_error (error, GW_DATETIME_ERROR, GW_DATETIME_ERROR_NO_SUCH_DAY,
                   ngettext ("“%s” is not a day of the calendar: %s has only %d day",
                             "“%s” is not a day of the calendar: %s has only %d days", n_days),
                   stripped, month_name, n_days);
      return FALSE;
    }

  iso = g_strdup_printf ("%04d-%02d-%02d %02d:%02d", day.year, day.month, day.day, hour, minute);
  if (!gw_datetime_parse_full (iso, NULL, unix_seconds, &local_error))
    {
      if (g_error_matches (local_error, GW_DATETIME_ERROR, GW_DATETIME_ERROR_FORM))
        return set_form_error (error, stripped, timed);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (has_time != NULL)
    *has_time = timed;
  return TRUE;
}

/**
 * gw_typed_date_format:
 *
 * Returns: @unix_seconds as the user's locale writes a date in numbers,
 *   with a four-digit year ("08.12.2026", "12/08/2026", "2026-12-08"), and
 *   the time when @with_time; read back by gw_typed_date_parse()
 */
char *
gw_typed_date_format (gint64   unix_seconds,
                      gboolean with_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) time = utc != NULL ? g_date_time_to_timezone (utc, zone) : NULL;
  char separator = gw_date_separator_of_locale ();
  g_autofree char *date = NULL;

  if (time == NULL)
    return g_strdup ("");
  if (locale_writes_iso ())
    date = g_date_time_format (time, "%Y-%m-%d");
  else if (month_first ())
    date = g_strdup_printf ("%02d%c%02d%c%04d", g_date_time_get_month (time), separator,
                            g_date_time_get_day_of_month (time), separator,
                            g_date_time_get_year (time));
  else
    date = g_strdup_printf ("%02d%c%02d%c%04d", g_date_time_get_day_of_month (time), separator,
                            g_date_time_get_month (time), separator, g_date_time_get_year (time));
  if (!with_time)
    return g_steal_pointer (&date);
  return g_strdup_printf ("%s %02d:%02d", date, g_date_time_get_hour (time),
                          g_date_time_get_minute (time));
}

/* 15 March of this year, at 14:30 when @with_time, as the user writes it. */
char *
gw_typed_date_example (gboolean with_time)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) example = g_date_time_new_local (g_date_time_get_year (now), 3, 15, 14,
                                                        30, 0);

  return gw_typed_date_format (g_date_time_to_unix (example), with_time);
}
