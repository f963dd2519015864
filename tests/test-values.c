/* test-values.c: dates, money and vocabularies as files and people write them */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/gw-datetime.h"
#include "core/gw-typed-date.h"
#include "core/gw-enums.h"
#include "core/gw-backups.h"
#include "core/gw-money.h"
#include "core/gw-top-issues.h"
#include "core/gw-reminders.h"
#include "core/gw-complaint.h"
#include "core/gw-complaint-filter.h"

static void
test_datetime_parse_forms (void)
{
  gint64 t = 0;

  /* TZ is Europe/Stockholm in main(): +01:00 in winter, +02:00 in summer. */
  g_assert_true (gw_datetime_parse ("2024-01-15", &t));
  g_assert_cmpint (t, ==, 1705273200);          /* 2024-01-14T23:00:00Z */
  g_assert_true (gw_datetime_parse ("2024-01-15 10:30", &t));
  g_assert_cmpint (t, ==, 1705311000);          /* 09:30Z */
  g_assert_true (gw_datetime_parse ("2024-07-15 10:30:15", &t));
  g_assert_cmpint (t, ==, 1721032215);          /* 08:30:15Z, summer time */
  g_assert_true (gw_datetime_parse ("2024-01-15T10:30:00Z", &t));
  g_assert_cmpint (t, ==, 1705314600);
  g_assert_true (gw_datetime_parse ("2024-01-15T10:30:00+05:00", &t));
  g_assert_cmpint (t, ==, 1705296600);
  g_assert_true (gw_datetime_parse ("  2024-02-29  ", &t));
}

/* A day-only date is the local day, without a time of day. */
static void
test_datetime_format_local_date (void)
{
  g_autofree char *date = NULL;

  if (setlocale (LC_TIME, "sv_SE.UTF-8") == NULL)
    {
      g_test_skip ("needs the sv_SE.UTF-8 locale");
      return;
    }
  /* 2024-01-14T23:00:00Z is already the 15th in Stockholm. */
  date = gw_datetime_format_local_date (1705273200);
  setlocale (LC_TIME, "C.UTF-8");
  g_assert_cmpstr (date, ==, "2024-01-15");
}

static void
test_datetime_parse_rejects (void)
{
  const char *bad[] = {
    "", "2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "15/01/2024",
    "2024-01-15 25:00", "2024-01-15T10:61", "yesterday", "2024-1-5", "2024-W03-1",
    "2024-01-15 10:30 extra",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 t = 42;

      g_assert_false (gw_datetime_parse (bad[i], &t));
      g_assert_cmpint (t, ==, 42);
    }
}

/* A date in the right form on a day its month does not have says what
 * the month has, whichever order it was written in. */
static void
test_datetime_no_such_day (void)
{
  struct { const char *text; GwDateOrder order; const char *message; } cases[] = {
    { "2024-02-30", GW_DATE_ORDER_DAY_FIRST,
      "“2024-02-30” is not a day of the calendar: February 2024 has only 29 days" },
    { "2023-02-29 10:00", GW_DATE_ORDER_DAY_FIRST,
      "“2023-02-29 10:00” is not a day of the calendar: February 2023 has only 28 days" },
    { "31.04.2024", GW_DATE_ORDER_DAY_FIRST,
      "“31.04.2024” is not a day of the calendar: April 2024 has only 30 days" },
    { "04/31/2024 2:30 PM", GW_DATE_ORDER_MONTH_FIRST,
      "“04/31/2024 2:30 PM” is not a day of the calendar: April 2024 has only 30 days" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t = 42;

      g_assert_false (gw_datetime_parse_in_order (cases[i].text, cases[i].order, NULL, &t, &error));
      g_assert_error (error, GW_DATETIME_ERROR, GW_DATETIME_ERROR_NO_SUCH_DAY);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpint (t, ==, 42);
    }
  /* The last day is one, and past 31 it is not a date at all. */
  {
    g_autoptr(GError) error = NULL;
    gint64 t = 42;

    g_assert_true (gw_datetime_parse_in_order ("29.02.2024", GW_DATE_ORDER_DAY_FIRST, NULL, &t,
                                               &error));
    g_assert_no_error (error);
    g_assert_false (gw_datetime_parse_in_order ("32.01.2024", GW_DATE_ORDER_DAY_FIRST, NULL, &t,
                                                &error));
    g_assert_error (error, GW_DATETIME_ERROR, GW_DATETIME_ERROR_FORM);
  }
}

/* The accepted times run from 1900-01-01T00:00:00Z to 2200-12-31T23:59:59Z
 * in UTC, whatever the offset they are written with. */
static void
test_datetime_range (void)
{
  struct { const char *text; gint64 seconds; } inside[] = {
    { "1900-01-01T00:00:00Z", G_GINT64_CONSTANT (-2208988800) },
    { "1900-01-01T01:00:00+01:00", G_GINT64_CONSTANT (-2208988800) },
    { "2200-12-31T23:59:59Z", G_GINT64_CONSTANT (7289654399) },
    { "2200-12-31T22:59:59-01:00", G_GINT64_CONSTANT (7289654399) },
    { "1970-01-01T00:00:00Z", 0 },
    /* Local, in Stockholm's winter time: 2200-12-31T23:59:59Z. */
    { "2201-01-01 00:59:59", G_GINT64_CONSTANT (7289654399) },
  };
  const char *outside[] = {
    "1899-12-31T23:59:59Z",
    "1900-01-01T00:59:59+01:00",
    "2201-01-01T00:00:00Z",
    "2200-12-31T23:59:59-00:01",
    "2200-12-31T23:30:00-01:00",
    "9999-12-31T23:30:00-01:00",
    "0001-01-01T00:10:00+01:00",
    "0089-03-01",
    "1899-12-31",
    "2201-01-01 01:00",
    "2201-01-02",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inside); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t = 42;

      g_assert_true (gw_datetime_parse_full (inside[i].text, NULL, &t, &error));
      g_assert_no_error (error);
      g_assert_cmpint (t, ==, inside[i].seconds);
    }
  for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t = 42;

      g_assert_false (gw_datetime_parse_full (outside[i], NULL, &t, &error));
      g_assert_error (error, GW_DATETIME_ERROR, GW_DATETIME_ERROR_RANGE);
      g_assert_nonnull (strstr (error->message, outside[i]));
      g_assert_cmpint (t, ==, 42);
    }

  g_assert_true (gw_datetime_in_range (G_GINT64_CONSTANT (-2208988800)));
  g_assert_false (gw_datetime_in_range (G_GINT64_CONSTANT (-2208988801)));
  g_assert_true (gw_datetime_in_range (G_GINT64_CONSTANT (7289654399)));
  g_assert_false (gw_datetime_in_range (G_GINT64_CONSTANT (7289654400)));
  g_assert_false (gw_datetime_in_range (G_MAXINT64));
}

/* 2026-03-29 in Stockholm: the clocks went from 02:00 straight to 03:00
 * (01:00Z). A time in the lost hour is refused rather than moved. */
static void
test_datetime_skipped_hour (void)
{
  g_autoptr(GTimeZone) stockholm = g_time_zone_new_identifier ("Europe/Stockholm");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const char *skipped[] = {
    "2026-03-29 02:00", "2026-03-29 02:30", "2026-03-29T02:59:59", "2026-03-29 02:59:59.5",
  };
  gint64 t = 0;

  g_assert_nonnull (stockholm);
  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    {
      g_autoptr(GError) error = NULL;

      t = 42;
      g_assert_false (gw_datetime_parse_full (skipped[i], stockholm, &t, &error));
      g_assert_error (error, GW_DATETIME_ERROR, GW_DATETIME_ERROR_SKIPPED);
      g_assert_cmpint (t, ==, 42);
    }

  /* Either side of the gap, and the gap with an offset or in another zone. */
  g_assert_true (gw_datetime_parse_full ("2026-03-29 01:59:59", stockholm, &t, NULL));
  g_assert_cmpint (t, ==, 1774745999);   /* 00:59:59Z */
  g_assert_true (gw_datetime_parse_full ("2026-03-29 03:00", stockholm, &t, NULL));
  g_assert_cmpint (t, ==, 1774746000);   /* 01:00:00Z */
  g_assert_true (gw_datetime_parse_full ("2026-03-29T02:30:00+01:00", stockholm, &t, NULL));
  g_assert_cmpint (t, ==, 1774747800);   /* 01:30:00Z */
  g_assert_true (gw_datetime_parse_full ("2026-03-29 02:30", utc, &t, NULL));
  g_assert_cmpint (t, ==, 1774751400);   /* 02:30:00Z */
  /* The day itself, without a time, is fine. */
  g_assert_true (gw_datetime_parse_full ("2026-03-29", stockholm, &t, NULL));

  /* The hour the clocks go back happens twice; either is a real time. */
  g_assert_true (gw_datetime_parse_full ("2026-10-25 02:30", stockholm, &t, NULL));
  g_assert_true (t == 1792888200 || t == 1792891800);

  /* Without a zone the process's is used: TZ is Europe/Stockholm here. */
  g_assert_false (gw_datetime_parse ("2026-03-29 02:30", &t));
}

/* Nothing a person or a file writes makes GLib complain: the tests run with
 * G_DEBUG=fatal-criticals, so a critical would end this one. */
static void
test_datetime_bad_input (void)
{
  struct { const char *text; GwDatetimeError code; } bad[] = {
    { "0000-01-01", GW_DATETIME_ERROR_RANGE },
    { "0000-02-29", GW_DATETIME_ERROR_RANGE },
    { "0000-01-01T00:00:00Z", GW_DATETIME_ERROR_RANGE },
    { "0000-12-31T23:00:00-02:00", GW_DATETIME_ERROR_RANGE },
    { "9999-12-31T23:59:59-23:59", GW_DATETIME_ERROR_RANGE },
    { "9999-12-31T23:59:59Z", GW_DATETIME_ERROR_RANGE },
    { "1899-12-31T23:00:00+23:59", GW_DATETIME_ERROR_RANGE },
    { "2026-13-01", GW_DATETIME_ERROR_FORM },
    { "2026-00-01", GW_DATETIME_ERROR_FORM },
    { "2026-01-32", GW_DATETIME_ERROR_FORM },
    { "2026-01-00", GW_DATETIME_ERROR_FORM },
    { "2026-02-31", GW_DATETIME_ERROR_NO_SUCH_DAY },
    { "2026-02-29", GW_DATETIME_ERROR_NO_SUCH_DAY },
    { "1900-02-29", GW_DATETIME_ERROR_NO_SUCH_DAY },
    { "2026-01-15 24:00", GW_DATETIME_ERROR_FORM },
    { "2026-01-15 23:60", GW_DATETIME_ERROR_FORM },
    { "2026-01-15 23:59:60", GW_DATETIME_ERROR_FORM },
    { "2026-01-15T10:00:00+24:00", GW_DATETIME_ERROR_FORM },
    { "2026-01-15T10:00:00+01:60", GW_DATETIME_ERROR_FORM },
    { "2026-01-15T10:00:00+1", GW_DATETIME_ERROR_FORM },
    { "2026-01-15T10:00:00.", GW_DATETIME_ERROR_FORM },
    { "2026-01-15T10:00:00Zjunk", GW_DATETIME_ERROR_FORM },
    { "-2026-01-15", GW_DATETIME_ERROR_FORM },
    { "-001-01-01", GW_DATETIME_ERROR_FORM },
    { "12026-01-15", GW_DATETIME_ERROR_FORM },
    { "99999999999999999999-01-01", GW_DATETIME_ERROR_FORM },
    { "2026-01-15T99:99", GW_DATETIME_ERROR_FORM },
    { "2026-01-15T", GW_DATETIME_ERROR_FORM },
    { "2026-01-15T-1:00", GW_DATETIME_ERROR_FORM },
    { "garbage", GW_DATETIME_ERROR_FORM },
    { "\xff\xfe", GW_DATETIME_ERROR_FORM },
    { "", GW_DATETIME_ERROR_FORM },
    { "   ", GW_DATETIME_ERROR_FORM },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t = 42;

      g_assert_false (gw_datetime_parse_full (bad[i].text, NULL, &t, &error));
      g_assert_error (error, GW_DATETIME_ERROR, bad[i].code);
      g_assert_cmpint (t, ==, 42);
      g_assert_false (gw_datetime_parse (bad[i].text, &t));
      g_assert_cmpint (t, ==, 42);
    }
}

static void
test_datetime_iso_round_trip (void)
{
  g_autofree char *text = gw_datetime_format_iso (1705314600);
  gint64 t = 0;

  g_assert_cmpstr (text, ==, "2024-01-15T10:30:00Z");
  g_assert_true (gw_datetime_parse (text, &t));
  g_assert_cmpint (t, ==, 1705314600);
}

static void
test_datetime_relative (void)
{
  gint64 now = 1705314600;  /* Monday 2024-01-15 11:30 local */
  g_autofree char *today = gw_datetime_format_relative (now - 3600, now);
  g_autofree char *yesterday = gw_datetime_format_relative (now - 24 * 3600, now);
  g_autofree char *weekday = gw_datetime_format_relative (now - 3 * 24 * 3600, now);
  g_autofree char *old = gw_datetime_format_relative (now - 30 * 24 * 3600, now);

  g_assert_cmpstr (today, ==, "Today 10:30");
  g_assert_cmpstr (yesterday, ==, "Yesterday 11:30");
  g_assert_cmpstr (weekday, ==, "Friday 11:30");
  /* Ahead: the very next minute is today, tomorrow morning is tomorrow,
   * the day after is a weekday. */
  {
    g_autofree char *later = gw_datetime_format_relative (now + 60, now);
    g_autofree char *tomorrow = gw_datetime_format_relative (now + 22 * 3600 + 30 * 60, now);
    g_autofree char *after = gw_datetime_format_relative (now + 2 * 24 * 3600, now);

    g_assert_cmpstr (later, ==, "Today 11:31");
    g_assert_cmpstr (tomorrow, ==, "Tomorrow 10:00");
    g_assert_cmpstr (after, ==, "Wednesday 11:30");
  }
  /* The C locale writes a two-digit year. */
  g_assert_cmpstr (old, ==, "12/16/23");
}

static void
test_money_parse (void)
{
  struct { const char *text; gint64 minor; } good[] = {
    { "12", 1200 }, { "12.5", 1250 }, { "12,50", 1250 }, { " 7 ", 700 },
    { "0,05", 5 }, { "", 0 }, { "1234567.89", 123456789 },
  };
  const char *bad[] = { "12.", ",5", "-3", "1.234", "12 kr", "1,234.56", "abc", "1e3",
                        "99999999999999999999" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 minor = -1;

      g_assert_true (gw_money_parse (good[i].text, &minor));
      g_assert_cmpint (minor, ==, good[i].minor);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (gw_money_parse (bad[i], NULL));
}

static void
test_money_format (void)
{
  g_autofree char *plain = gw_money_format_plain (123405);
  g_autofree char *local = gw_money_format_local (123456789);
  g_autofree char *count = gw_format_integer (-1234567);

  g_assert_cmpstr (plain, ==, "1234.05");
  /* The C locale has no grouping separator and a "." decimal point. */
  g_assert_cmpstr (local, ==, "1234567.89");
  g_assert_cmpstr (count, ==, "-1234567");
}

/* Swedish groups thousands with a narrow no-break space and uses a decimal
 * comma; US English uses "," and ".". */
static void
test_money_format_in_locales (void)
{
  g_autofree char *swedish = NULL;
  g_autofree char *swedish_count = NULL;
  g_autofree char *english = NULL;

  if (setlocale (LC_NUMERIC, "sv_SE.UTF-8") == NULL)
    {
      g_test_skip ("the sv_SE.UTF-8 locale is not installed (tools/setup.sh installs it)");
      return;
    }
  swedish = gw_money_format_local (123456789);
  swedish_count = gw_format_integer (12345);
  g_assert_cmpstr (swedish, ==, "1\u202f234\u202f567,89");
  g_assert_cmpstr (swedish_count, ==, "12\u202f345");

  g_assert_nonnull (setlocale (LC_NUMERIC, "en_US.UTF-8"));
  english = gw_money_format_local (-123456789);
  g_assert_cmpstr (english, ==, "-1,234,567.89");
  setlocale (LC_NUMERIC, "C.UTF-8");
}

/* The locale's own currency by its sign, where the locale puts it; any
 * other currency by its code. */
static void
test_money_currency_in_locales (void)
{
  g_autofree char *kronor = NULL;
  g_autofree char *euros = NULL;
  g_autofree char *dollars = NULL;
  g_autofree char *kronor_in_english = NULL;

  if (setlocale (LC_NUMERIC, "sv_SE.UTF-8") == NULL
      || setlocale (LC_MONETARY, "sv_SE.UTF-8") == NULL)
    {
      g_test_skip ("the sv_SE.UTF-8 locale is not installed (tools/setup.sh installs it)");
      return;
    }
  gw_money_set_currency ("SEK");
  kronor = gw_money_format_local (87550);
  gw_money_set_currency ("EUR");
  euros = gw_money_format_local (87550);
  g_assert_cmpstr (kronor, ==, "875,50 kr");
  g_assert_cmpstr (euros, ==, "875,50 EUR");
  /* Never chosen: the locale's own; chosen none: the amount alone. */
  gw_money_set_currency ("");
  g_clear_pointer (&kronor, g_free);
  kronor = gw_money_format_local (87550);
  g_assert_cmpstr (kronor, ==, "875,50 kr");
  gw_money_set_currency (GW_MONEY_NO_CURRENCY);
  g_clear_pointer (&kronor, g_free);
  kronor = gw_money_format_local (87550);
  g_assert_cmpstr (kronor, ==, "875,50");

  g_assert_nonnull (setlocale (LC_NUMERIC, "en_US.UTF-8"));
  g_assert_nonnull (setlocale (LC_MONETARY, "en_US.UTF-8"));
  gw_money_set_currency ("USD");
  dollars = gw_money_format_local (123456789);
  gw_money_set_currency ("SEK");
  kronor_in_english = gw_money_format_local (87550);
  g_assert_cmpstr (dollars, ==, "$1,234,567.89");
  g_assert_cmpstr (kronor_in_english, ==, "875.50 SEK");

  gw_money_set_currency (NULL);
  setlocale (LC_NUMERIC, "C.UTF-8");
  setlocale (LC_MONETARY, "C.UTF-8");
}

static void
test_vocabulary (void)
{
  guint value = 99;

  g_assert_true (gw_vocabulary_parse (GW_VOCAB_KIND, " Compliment ", &value));
  g_assert_cmpuint (value, ==, GW_KIND_COMPLIMENT);
  g_assert_true (gw_vocabulary_parse (GW_VOCAB_CHANNEL, "IN_STORE", &value));
  g_assert_cmpuint (value, ==, GW_CHANNEL_IN_STORE);
  g_assert_false (gw_vocabulary_parse (GW_VOCAB_STATUS, "closed", &value));
  g_assert_cmpstr (gw_vocabulary_token (GW_VOCAB_COMPENSATION, GW_COMPENSATION_CREDIT), ==,
                   "credit");
  g_assert_cmpstr (gw_vocabulary_label (GW_VOCAB_STATUS, GW_STATUS_WAITING), ==,
                   "Waiting for customer");
  for (GwVocabulary v = GW_VOCAB_KIND; v <= GW_VOCAB_TRAINING; v++)
    for (guint i = 0; i < gw_vocabulary_size (v); i++)
      {
        g_assert_true (gw_vocabulary_parse (v, gw_vocabulary_token (v, i), &value));
        g_assert_cmpuint (value, ==, i);
      }
}

static GwIssueStat *
stat_new (gint64      id,
          const char *name,
          gint64      count,
          gint64      compensation)
{
  GwIssueStat *stat = g_new0 (GwIssueStat, 1);

  stat->category_id = id;
  stat->category = g_strdup (name);
  stat->count = count;
  stat->compensation = compensation;
  return stat;
}

static void
test_top_issues (void)
{
  g_autoptr(GPtrArray) current = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_issue_stat_free);
  g_autoptr(GPtrArray) previous = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_issue_stat_free);
  g_autoptr(GPtrArray) top = NULL;
  GwTopIssue *issue;
  gint64 from, until;

  /* 20 uncategorised complaints count in the total but are no issue. */
  g_ptr_array_add (current, stat_new (0, "", 20, 0));
  g_ptr_array_add (current, stat_new (1, "Delivery", 10, 500));
  g_ptr_array_add (current, stat_new (2, "Billing", 12, 0));
  g_ptr_array_add (current, stat_new (3, "Attitude", 10, 900));
  g_ptr_array_add (current, stat_new (4, "Waiting", 8, 0));
  g_ptr_array_add (previous, stat_new (1, "Delivery", 14, 0));
  g_ptr_array_add (previous, stat_new (2, "Billing", 12, 0));

  top = gw_top_issues_rank (current, previous, 3);
  g_assert_cmpuint (top->len, ==, 3);
  issue = g_ptr_array_index (top, 0);
  g_assert_cmpstr (issue->category, ==, "Billing");
  g_assert_cmpint (issue->previous_count, ==, 12);
  g_assert_cmpfloat_with_epsilon (issue->share, 12.0 / 60, 1e-9);
  /* A tie on count: the costlier first. */
  issue = g_ptr_array_index (top, 1);
  g_assert_cmpstr (issue->category, ==, "Attitude");
  g_assert_cmpint (issue->previous_count, ==, 0);
  issue = g_ptr_array_index (top, 2);
  g_assert_cmpstr (issue->category, ==, "Delivery");
  g_assert_cmpint (issue->previous_count, ==, 14);
  g_assert_cmpint (issue->compensation, ==, 500);

  gw_period_previous (1000, 1600, &from, &until);
  g_assert_cmpint (from, ==, 400);
  g_assert_cmpint (until, ==, 1000);
}

static GwFollowUp *
follow_up_new (gint64   id,
               gint64   at,
               GwStatus status)
{
  GwFollowUp *follow_up = g_new0 (GwFollowUp, 1);

  follow_up->complaint_id = id;
  follow_up->follow_up_at = at;
  follow_up->status = status;
  follow_up->snoozed_until = GW_NO_TIME;
  follow_up->customer = g_strdup ("Karin");
  follow_up->promise = g_strdup ("Call back");
  return follow_up;
}

static guint
count_kind (GPtrArray    *notices,
            GwNoticeKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < notices->len; i++)
    n += ((GwNotice *) g_ptr_array_index (notices, i))->kind == kind;
  return n;
}

/* Monday 2024-01-15 11:30 in Stockholm. */
#define MONDAY_1130 ((gint64) 1705314600)
#define HOUR ((gint64) 3600)

static void
test_reminders_rules (void)
{
  g_autoptr(GPtrArray) follow_ups = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_follow_up_free);
  g_autoptr(GPtrArray) due = NULL;
  GwFollowUp *overdue, *soon, *later, *waiting;
  gint64 next = 0;

  overdue = follow_up_new (1, MONDAY_1130 - 2 * HOUR, GW_STATUS_OPEN);
  soon = follow_up_new (2, MONDAY_1130 + HOUR / 2, GW_STATUS_IN_PROGRESS);
  later = follow_up_new (3, MONDAY_1130 + 5 * HOUR, GW_STATUS_OPEN);
  waiting = follow_up_new (4, MONDAY_1130 - 5 * HOUR, GW_STATUS_WAITING);
  g_ptr_array_add (follow_ups, overdue);
  g_ptr_array_add (follow_ups, soon);
  g_ptr_array_add (follow_ups, later);
  g_ptr_array_add (follow_ups, waiting);

  /* An hour's warning: one overdue, one coming up; waiting is paused. */
  due = gw_reminders_due (follow_ups, MONDAY_1130, HOUR, NULL, &next);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_cmpuint (count_kind (due, GW_NOTICE_OVERDUE), ==, 1);
  g_assert_cmpuint (count_kind (due, GW_NOTICE_BEFORE), ==, 1);
  g_assert_true (((GwNotice *) g_ptr_array_index (due, 0))->follow_up == overdue);
  /* Next: when "soon" becomes overdue, not a minute from now. */
  g_assert_cmpint (next, ==, MONDAY_1130 + HOUR / 2);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* Once only. */
  overdue->overdue_sent = TRUE;
  soon->before_sent = TRUE;
  due = gw_reminders_due (follow_ups, MONDAY_1130, HOUR, NULL, &next);
  g_assert_cmpuint (due->len, ==, 0);
  g_assert_cmpint (next, ==, MONDAY_1130 + HOUR / 2);   /* "soon" falls due */
  g_clear_pointer (&due, g_ptr_array_unref);
  /* With "soon" told of too, the next is the hour before "later". */
  soon->overdue_sent = TRUE;
  soon->follow_up_at = MONDAY_1130 - HOUR / 2;
  due = gw_reminders_due (follow_ups, MONDAY_1130, HOUR, NULL, &next);
  g_assert_cmpuint (due->len, ==, 0);
  g_assert_cmpint (next, ==, MONDAY_1130 + 4 * HOUR);
  soon->follow_up_at = MONDAY_1130 + HOUR / 2;
  soon->overdue_sent = FALSE;
  g_clear_pointer (&due, g_ptr_array_unref);

  /* Snoozed for an hour: quiet until then, then said again. */
  overdue->snoozed_until = MONDAY_1130 + HOUR;
  due = gw_reminders_due (follow_ups, MONDAY_1130 + HOUR / 4, HOUR, NULL, &next);
  g_assert_cmpuint (count_kind (due, GW_NOTICE_OVERDUE), ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = gw_reminders_due (follow_ups, MONDAY_1130 + HOUR, HOUR, NULL, &next);
  g_assert_cmpuint (count_kind (due, GW_NOTICE_OVERDUE), ==, 2);   /* and "soon" is overdue now */
  g_clear_pointer (&due, g_ptr_array_unref);

  /* Without a warning before, nothing is said before it is due. */
  overdue->snoozed_until = GW_NO_TIME;
  soon->before_sent = FALSE;
  due = gw_reminders_due (follow_ups, MONDAY_1130, 0, NULL, &next);
  g_assert_cmpuint (count_kind (due, GW_NOTICE_BEFORE), ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* Moved to a new time, a follow-up is new: nothing was sent for it. */
  waiting->status = GW_STATUS_OPEN;
  due = gw_reminders_due (follow_ups, MONDAY_1130, 0, NULL, &next);
  g_assert_cmpuint (count_kind (due, GW_NOTICE_OVERDUE), ==, 1);
}

static void
test_median (void)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 v;

  g_assert_cmpint (gw_median (values), ==, 0);
  v = 700; g_array_append_val (values, v);
  g_assert_cmpint (gw_median (values), ==, 700);
  v = 100; g_array_append_val (values, v);
  g_assert_cmpint (gw_median (values), ==, 400);
  v = 300; g_array_append_val (values, v);
  g_assert_cmpint (gw_median (values), ==, 300);
}

static void
test_reminders_business_hours (void)
{
  g_autoptr(GPtrArray) follow_ups = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_follow_up_free);
  g_autoptr(GPtrArray) due = NULL;
  GwBusinessHours hours = { TRUE, 9, 17, 0x1f };   /* weekdays, 9 to 17 */
  gint64 monday_2200 = MONDAY_1130 + 10 * HOUR + HOUR / 2;
  gint64 friday_1800 = MONDAY_1130 + 4 * 24 * HOUR + 6 * HOUR + HOUR / 2;
  gint64 next = 0;

  g_assert_true (gw_business_hours_contains (&hours, MONDAY_1130));
  g_assert_false (gw_business_hours_contains (&hours, monday_2200));
  /* After Monday's closing: Tuesday at nine. */
  g_assert_cmpint (gw_business_hours_next_open (&hours, monday_2200), ==,
                   MONDAY_1130 + 24 * HOUR - 2 * HOUR - HOUR / 2);
  /* After Friday's closing: Monday at nine. */
  g_assert_cmpint (gw_business_hours_next_open (&hours, friday_1800), ==,
                   MONDAY_1130 + 7 * 24 * HOUR - 2 * HOUR - HOUR / 2);

  g_ptr_array_add (follow_ups, follow_up_new (1, monday_2200 - HOUR, GW_STATUS_OPEN));
  due = gw_reminders_due (follow_ups, monday_2200, 0, &hours, &next);
  g_assert_cmpuint (due->len, ==, 0);
  g_assert_cmpint (next, ==, MONDAY_1130 + 24 * HOUR - 2 * HOUR - HOUR / 2);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = gw_reminders_due (follow_ups, next, 0, &hours, NULL);
  g_assert_cmpuint (due->len, ==, 1);
}

/* One daily backup a day; the oldest go after a fortnight, and nothing that
 * is not named like a daily backup is ever let go. */
static void
test_daily_backups (void)
{
  const char *names[] = {
    "goodwill-2026-11-23.db", "goodwill-2026-11-10.db", "goodwill-2026-11-09.db",
    "goodwill-2025-12-31.db", "goodwill-2026-02-30.db", "my-own-copy.db", "goodwill-2026-11-01.db.bak",
    NULL,
  };
  GDate today, tomorrow, day;
  g_autoptr(GPtrArray) old = NULL;
  g_autofree char *name = NULL;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, 11, 2026);
  tomorrow = today;
  g_date_add_days (&tomorrow, 1);

  name = gw_backup_file_name (&today);
  g_assert_cmpstr (name, ==, "goodwill-2026-11-23.db");
  g_assert_true (gw_backup_parse_file_name (name, &day));
  g_assert_cmpint (g_date_compare (&day, &today), ==, 0);
  g_assert_false (gw_backup_parse_file_name ("goodwill-2026-02-30.db", &day));
  g_assert_false (gw_backup_parse_file_name ("goodwill-2026- 1-23.db", &day));
  g_assert_false (gw_backup_parse_file_name ("goodwill-2026-+1-23.db", &day));

  g_assert_false (gw_backup_is_due (names, &today));
  g_assert_true (gw_backup_is_due (names, &tomorrow));

  /* Kept: the 10th to the 23rd, fourteen days. */
  old = gw_backup_names_to_remove (names, &today, GW_BACKUP_KEEP_DAYS);
  g_assert_cmpuint (old->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (old, 0), ==, "goodwill-2026-11-09.db");
  g_assert_cmpstr (g_ptr_array_index (old, 1), ==, "goodwill-2025-12-31.db");
}

/* Dates and amounts as spreadsheets in Sweden, Germany and the US write
 * them, read in that locale beside ISO 8601. */
typedef struct {
  const char *locale;
  GwDateOrder order;
  const char *dates[4];        /* each 3 November 2026 14:30 local, or just the day */
  const char *wrong_date;      /* refused here */
  const char *date_example;    /* in the message */
  const char *amounts[6];      /* each 1299.00 */
  const char *small;           /* 12.50 */
  const char *wrong_amount;
  const char *amount_example;
} LocaleCase;

static const LocaleCase locale_cases[] = {
  { "sv_SE.UTF-8", GW_DATE_ORDER_DAY_FIRST,
    { "3/11/2026 14:30", "03.11.2026 14:30", "2026-11-03 14:30", "3-11-2026 14:30" },
    "11/25/2026", "03/11/2026 14:30",
    { "1 299,00", "1\u00a0299,00 kr", "1\u202f299,00", "1299 kr", "SEK 1 299", "1299,00 SEK" },
    "12,50 kr", "1.299,000", "1\u202f299,00" },
  { "de_DE.UTF-8", GW_DATE_ORDER_DAY_FIRST,
    { "3.11.2026 14:30", "03.11.2026 14:30:00", "2026-11-03T14:30", "03/11/2026 14:30" },
    "11.25.2026", "03.11.2026 14:30",
    { "1.299,00", "1.299,00 €", "€ 1.299", "1 299,00 EUR", "1299", "EUR 1.299,00" },
    "12,50 €", "1,299", "1.299,00" },
  { "en_US.UTF-8", GW_DATE_ORDER_MONTH_FIRST,
    { "11/3/2026 2:30 PM", "11/03/2026 14:30", "2026-11-03 14:30", "11.03.2026 14:30" },
    "25/11/2026", "11/03/2026 14:30",
    { "1,299.00", "$1,299.00", "USD 1,299", "1 299.00", "1299", "$1,299" },
    "€12.50", "1.299", "1,299.00" },
};

static void
test_locale_values (gconstpointer data)
{
  const LocaleCase *c = data;
  g_autofree char *old_time = g_strdup (setlocale (LC_TIME, NULL));
  g_autofree char *old_numeric = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *old_monetary = g_strdup (setlocale (LC_MONETARY, NULL));
  g_autoptr(GError) error = NULL;
  gint64 expected_time = 1793712600;  /* 2026-11-03 14:30 in Stockholm */
  gint64 time = 0, amount = 0;

  if (setlocale (LC_TIME, c->locale) == NULL || setlocale (LC_NUMERIC, c->locale) == NULL
      || setlocale (LC_MONETARY, c->locale) == NULL)
    {
      g_autofree char *message = g_strdup_printf ("needs the %s locale (tools/setup.sh makes it)",
                                                  c->locale);
      g_test_skip (message);
      return;
    }

  g_assert_cmpint (gw_date_order_of_locale (), ==, c->order);
  for (guint i = 0; i < G_N_ELEMENTS (c->dates); i++)
    {
      g_assert_true (gw_datetime_parse_in_order (c->dates[i], GW_DATE_ORDER_LOCALE, NULL, &time,
                                                 &error));
      g_assert_no_error (error);
      g_assert_cmpint (time, ==, expected_time);
    }
  /* A date alone is the start of the local day; the other order when asked. */
  g_assert_true (gw_datetime_parse_in_order ("03/11/2026", GW_DATE_ORDER_MONTH_FIRST, NULL, &time,
                                             &error));
  g_assert_cmpint (time, ==, 1773183600);  /* 2026-03-11 00:00 in Stockholm */
  g_assert_true (gw_datetime_parse_in_order ("03/11/2026", GW_DATE_ORDER_DAY_FIRST, NULL, &time,
                                             &error));
  g_assert_cmpint (time, ==, 1793660400);  /* 2026-11-03 00:00 */

  g_assert_false (gw_datetime_parse_in_order (c->wrong_date, GW_DATE_ORDER_LOCALE, NULL, &time,
                                              &error));
  g_assert_error (error, GW_DATETIME_ERROR, GW_DATETIME_ERROR_FORM);
  if (strstr (error->message, c->date_example) == NULL)
    g_error ("%s: “%s” does not show “%s”", c->locale, error->message, c->date_example);
  g_clear_error (&error);
  /* Still only the years kept. */
  g_assert_false (gw_datetime_parse_in_order ("01/01/1850", GW_DATE_ORDER_LOCALE, NULL, &time,
                                              &error));
  g_assert_error (error, GW_DATETIME_ERROR, GW_DATETIME_ERROR_RANGE);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (c->amounts); i++)
    {
      amount = 0;
      if (!gw_money_parse_local (c->amounts[i], &amount, &error))
        g_error ("%s: “%s” refused: %s", c->locale, c->amounts[i], error->message);
      g_assert_cmpint (amount, ==, 129900);
    }
  g_assert_true (gw_money_parse_local (c->small, &amount, &error));
  g_assert_cmpint (amount, ==, 1250);
  g_assert_false (gw_money_parse_local (c->wrong_amount, &amount, &error));
  g_assert_error (error, GW_MONEY_ERROR, GW_MONEY_ERROR_FORM);
  if (strstr (error->message, c->amount_example) == NULL)
    g_error ("%s: “%s” does not show “%s”", c->locale, error->message, c->amount_example);
  g_clear_error (&error);
  /* What the spreadsheet export writes reads back. */
  {
    g_autofree char *written = gw_money_format_spreadsheet (129950);
    g_autofree char *when = gw_datetime_format_spreadsheet (expected_time + 15);

    g_assert_true (gw_money_parse_local (written, &amount, &error));
    g_assert_cmpint (amount, ==, 129950);
    g_assert_true (gw_datetime_parse_in_order (when, GW_DATE_ORDER_LOCALE, NULL, &time, &error));
    g_assert_cmpint (time, ==, expected_time + 15);
  }

  setlocale (LC_TIME, old_time);
  setlocale (LC_NUMERIC, old_numeric);
  setlocale (LC_MONETARY, old_monetary);
}

/* Which order a column's values prove, and when they could be either. */
static void
test_date_order_guess (void)
{
  gboolean ambiguous = FALSE;

  g_assert_cmpint (gw_date_order_guess ((const char *[]) { "03/11/2026", "25/11/2026", NULL },
                                        &ambiguous), ==, GW_DATE_ORDER_DAY_FIRST);
  g_assert_false (ambiguous);
  g_assert_cmpint (gw_date_order_guess ((const char *[]) { "03/11/2026", "11/25/2026", NULL },
                                        &ambiguous), ==, GW_DATE_ORDER_MONTH_FIRST);
  g_assert_false (ambiguous);
  gw_date_order_guess ((const char *[]) { "03/11/2026", "2026-11-04", "05.05.2026", NULL },
                       &ambiguous);
  g_assert_true (ambiguous);
  gw_date_order_guess ((const char *[]) { "2026-11-03", "05/05/2026", "", NULL }, &ambiguous);
  g_assert_false (ambiguous);
}

static gint64
local_seconds (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

/* What a person types in a date field, in three locales, on Monday
 * 7 December 2026 at noon. */
static void
test_typed_dates (void)
{
  static const struct {
    const char *locale, *text;
    int year, month, day, hour, minute;
    gboolean has_time;
  } cases[] = {
    { "en_US.UTF-8", "tomorrow", 2026, 12, 8, 0, 0, FALSE },
    { "en_US.UTF-8", "Tomorrow at 10:00", 2026, 12, 8, 10, 0, TRUE },
    { "en_US.UTF-8", "today", 2026, 12, 7, 0, 0, FALSE },
    { "en_US.UTF-8", "yesterday 9:05", 2026, 12, 6, 9, 5, TRUE },
    { "en_US.UTF-8", "friday", 2026, 12, 11, 0, 0, FALSE },
    /* Said on a Monday, Monday is next week's. */
    { "en_US.UTF-8", "Monday", 2026, 12, 14, 0, 0, FALSE },
    { "en_US.UTF-8", "sun", 2026, 12, 13, 0, 0, FALSE },
    { "en_US.UTF-8", "fri 2pm", 2026, 12, 11, 14, 0, TRUE },
    { "en_US.UTF-8", "tue 12:30 am", 2026, 12, 8, 0, 30, TRUE },
    { "en_US.UTF-8", "8/12 10:00", 2026, 8, 12, 10, 0, TRUE },
    { "en_US.UTF-8", "12/08/2026", 2026, 12, 8, 0, 0, FALSE },
    { "en_US.UTF-8", "12/8/27", 2027, 12, 8, 0, 0, FALSE },
    { "en_US.UTF-8", "2026-12-08 09:30", 2026, 12, 8, 9, 30, TRUE },
    { "en_US.UTF-8", "14:30", 2026, 12, 7, 14, 30, TRUE },
    { "en_US.UTF-8", "2/29/2028 23:59", 2028, 2, 29, 23, 59, TRUE },
    { "sv_SE.UTF-8", "8/12 10:00", 2026, 12, 8, 10, 0, TRUE },
    { "sv_SE.UTF-8", "2026-12-24", 2026, 12, 24, 0, 0, FALSE },
    { "sv_SE.UTF-8", "fredag 14.30", 2026, 12, 11, 14, 30, TRUE },
    { "sv_SE.UTF-8", "Tis", 2026, 12, 8, 0, 0, FALSE },
    { "de_DE.UTF-8", "8.12.", 2026, 12, 8, 0, 0, FALSE },
    { "de_DE.UTF-8", "08.12.2026 10.30", 2026, 12, 8, 10, 30, TRUE },
    { "de_DE.UTF-8", "Freitag", 2026, 12, 11, 0, 0, FALSE },
  };
  static const struct {
    const char *locale, *text;
    int code;
    const char *said;
  } refused[] = {
    { "en_US.UTF-8", "2027-02-31 10:00", GW_DATETIME_ERROR_NO_SUCH_DAY, "February 2027 has only 28 days" },
    { "en_US.UTF-8", "2/30", GW_DATETIME_ERROR_NO_SUCH_DAY, "February 2026 has only 28 days" },
    { "en_US.UTF-8", "13/12", GW_DATETIME_ERROR_FORM, "like 03/15/2026," },
    { "en_US.UTF-8", "someday", GW_DATETIME_ERROR_FORM, "“someday” is not a date" },
    { "en_US.UTF-8", "tomorrow 25:00", GW_DATETIME_ERROR_FORM, "tomorrow" },
    { "en_US.UTF-8", "", GW_DATETIME_ERROR_FORM, "03/15/2026" },
    { "de_DE.UTF-8", "31.4.", GW_DATETIME_ERROR_NO_SUCH_DAY, "April 2026" },
    { "de_DE.UTF-8", "Fritag", GW_DATETIME_ERROR_FORM, "like 15.03.2026," },
    { "sv_SE.UTF-8", "8/12/2026/1", GW_DATETIME_ERROR_FORM, "like 2026-03-15," },
  };
  gint64 now = local_seconds (2026, 12, 7, 12, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t = 0;
      gboolean has_time = !cases[i].has_time;

      if (setlocale (LC_TIME, cases[i].locale) == NULL)
        {
          g_test_skip ("a locale is not installed (tools/setup.sh installs them)");
          setlocale (LC_TIME, "C.UTF-8");
          return;
        }
      g_test_message ("%s: %s", cases[i].locale, cases[i].text);
      g_assert_true (gw_typed_date_parse (cases[i].text, now, &t, &has_time, &error));
      g_assert_no_error (error);
      g_assert_cmpint (t, ==, local_seconds (cases[i].year, cases[i].month, cases[i].day,
                                             cases[i].hour, cases[i].minute));
      g_assert_cmpint (has_time, ==, cases[i].has_time);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t = 42;

      g_assert_nonnull (setlocale (LC_TIME, refused[i].locale));
      g_test_message ("%s: %s", refused[i].locale, refused[i].text);
      g_assert_false (gw_typed_date_parse (refused[i].text, now, &t, NULL, &error));
      g_assert_error (error, GW_DATETIME_ERROR, refused[i].code);
      g_assert_nonnull (strstr (error->message, refused[i].said));
      g_assert_cmpint (t, ==, 42);
    }

  /* What the calendar writes is read back as the same time. */
  for (const char *const *locale = (const char *const[]) { "en_US.UTF-8", "sv_SE.UTF-8",
                                                           "de_DE.UTF-8", NULL };
       *locale != NULL; locale++)
    {
      gint64 when = local_seconds (2026, 3, 4, 9, 15);
      g_autofree char *with_time = NULL;
      g_autofree char *date_only = NULL;
      gint64 t;

      g_assert_nonnull (setlocale (LC_TIME, *locale));
      with_time = gw_typed_date_format (when, TRUE);
      date_only = gw_typed_date_format (when, FALSE);
      g_assert_true (gw_typed_date_parse (with_time, now, &t, NULL, NULL));
      g_assert_cmpint (t, ==, when);
      g_assert_true (gw_typed_date_parse (date_only, now, &t, NULL, NULL));
      g_assert_cmpint (t, ==, local_seconds (2026, 3, 4, 0, 0));
    }
  g_assert_nonnull (setlocale (LC_TIME, "de_DE.UTF-8"));
  {
    g_autofree char *german = gw_typed_date_format (local_seconds (2026, 3, 4, 9, 15), TRUE);

    g_assert_cmpstr (german, ==, "04.03.2026 09:15");
  }
  setlocale (LC_TIME, "C.UTF-8");
}

/* The start of a long text: whole when it fits, exactly at the limits;
 * cut at a space near the end, never inside a character. */
static void
test_text_preview (void)
{
  gboolean cut = TRUE;
  g_autofree char *ten = gw_text_preview ("0123456789", 10, 5, &cut);
  g_autofree char *eleven = NULL;
  g_autofree char *words = NULL;
  g_autofree char *lines = NULL;
  g_autofree char *three_lines = NULL;
  g_autofree char *swedish = NULL;

  g_assert_cmpstr (ten, ==, "0123456789");
  g_assert_false (cut);
  eleven = gw_text_preview ("0123456789A", 10, 5, &cut);
  g_assert_cmpstr (eleven, ==, "0123456789…");
  g_assert_true (cut);
  words = gw_text_preview ("The kettle leaks water", 15, 5, &cut);
  g_assert_cmpstr (words, ==, "The kettle…");
  lines = gw_text_preview ("one\ntwo\nthree\nfour", 100, 3, &cut);
  g_assert_cmpstr (lines, ==, "one\ntwo\nthree…");
  g_assert_true (cut);
  three_lines = gw_text_preview ("one\ntwo\nthree", 100, 3, &cut);
  g_assert_cmpstr (three_lines, ==, "one\ntwo\nthree");
  g_assert_false (cut);
  swedish = gw_text_preview ("åäöåäöåäö", 4, 1, &cut);
  g_assert_cmpstr (swedish, ==, "åäöå…");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Stockholm", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/datetime/parse-forms", test_datetime_parse_forms);
  g_test_add_func ("/datetime/format-local-date", test_datetime_format_local_date);
  g_test_add_func ("/datetime/parse-rejects", test_datetime_parse_rejects);
  g_test_add_func ("/datetime/range", test_datetime_range);
  g_test_add_func ("/datetime/typed", test_typed_dates);
  g_test_add_func ("/text/preview", test_text_preview);
  g_test_add_func ("/datetime/skipped-hour", test_datetime_skipped_hour);
  g_test_add_func ("/datetime/bad-input", test_datetime_bad_input);
  g_test_add_func ("/datetime/no-such-day", test_datetime_no_such_day);
  g_test_add_func ("/datetime/iso-round-trip", test_datetime_iso_round_trip);
  g_test_add_func ("/datetime/relative", test_datetime_relative);
  g_test_add_func ("/money/parse", test_money_parse);
  for (guint i = 0; i < G_N_ELEMENTS (locale_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/locale-values/%.5s", locale_cases[i].locale);

      g_test_add_data_func (path, &locale_cases[i], test_locale_values);
    }
  g_test_add_func ("/locale-values/date-order-guess", test_date_order_guess);
  g_test_add_func ("/money/format", test_money_format);
  g_test_add_func ("/money/format-in-locales", test_money_format_in_locales);
  g_test_add_func ("/money/currency-in-locales", test_money_currency_in_locales);
  g_test_add_func ("/vocabulary/tokens", test_vocabulary);
  g_test_add_func ("/top-issues/rank", test_top_issues);
  g_test_add_func ("/reminders/rules", test_reminders_rules);
  g_test_add_func ("/reminders/business-hours", test_reminders_business_hours);
  g_test_add_func ("/median", test_median);
  g_test_add_func ("/backups/daily", test_daily_backups);
  return g_test_run ();
}
