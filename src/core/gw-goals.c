/* gw-goals.c: goals, months, and the figures a month's complaints give */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gw-goals.h"
#include "gw-money.h"

GwMonth
gw_month_new (int year,
              int month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, GW_NO_MONTH);
  return year * 12 + (month - 1);
}

int
gw_month_get_year (GwMonth month)
{
  return month / 12;
}

int
gw_month_get_month (GwMonth month)
{
  return month % 12 + 1;
}

/* The month @unix_seconds falls in, where the business is (local time). */
GwMonth
gw_month_from_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_seconds);

  return gw_month_new (g_date_time_get_year (time), g_date_time_get_month (time));
}

/* The month a monthly review looks at by default: the one before @now's. */
GwMonth
gw_month_last_complete (gint64 now)
{
  return gw_month_from_time (now) - 1;
}

/* @from is local midnight on the first; @until the same on the first of
 * the next month, so a month is [from, until) and daylight saving is kept. */
void
gw_month_bounds (GwMonth  month,
                 gint64  *from,
                 gint64  *until)
{
  g_autoptr(GDateTime) first = g_date_time_new_local (gw_month_get_year (month),
                                                      gw_month_get_month (month), 1, 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_new_local (gw_month_get_year (month + 1),
                                                     gw_month_get_month (month + 1), 1, 0, 0, 0);

  *from = g_date_time_to_unix (first);
  *until = g_date_time_to_unix (next);
}

char *
gw_month_to_key (GwMonth month)
{
  return g_strdup_printf ("%04d-%02d", gw_month_get_year (month), gw_month_get_month (month));
}

/* Reads "YYYY-MM", and nothing else. */
gboolean
gw_month_parse_key (const char *text,
                    GwMonth    *month)
{
  int year, number;

  g_return_val_if_fail (month != NULL, FALSE);

  if (text == NULL || strlen (text) != 7 || text[4] != '-')
    return FALSE;
  for (int i = 0; i < 7; i++)
    if (i != 4 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = atoi (text);
  number = atoi (text + 5);
  if (year < 1 || number < 1 || number > 12)
    return FALSE;
  *month = gw_month_new (year, number);
  return TRUE;
}

static char *
format_month (GwMonth     month,
              const char *format)
{
  g_autoptr(GDateTime) first = g_date_time_new_local (gw_month_get_year (month),
                                                      gw_month_get_month (month), 1, 12, 0, 0);

  return g_date_time_format (first, format);
}

/* The month inside a sentence: "november 2026" in Swedish, where month
 * names are lower case. */
char *
gw_month_format_in_text (GwMonth month)
{
  return format_month (month, "%OB %Y");
}

/* "November 2026", in the words of the user's language, as a heading or
 * a list entry begins. */
char *
gw_month_format (GwMonth month)
{
  g_autofree char *text = gw_month_format_in_text (month);

  /* Month names are lower case in some languages; a heading starts with a
   * capital letter all the same. */
  if (text != NULL && g_unichar_islower (g_utf8_get_char (text)))
    {
      g_autofree char *first = g_utf8_strup (text, g_utf8_next_char (text) - text);

      return g_strconcat (first, g_utf8_next_char (text), NULL);
    }
  return g_steal_pointer (&text);
}

/* "Nov", for a chart's axis. */
char *
gw_month_format_short (GwMonth month)
{
  return format_month (month, "%Ob");
}

static const char *const metric_tokens[] = {
  "typed", "satisfied", "buy-again", "solved-on-spot", "follow-ups-kept", "resolve-hours",
  "complaints",
};
G_STATIC_ASSERT (G_N_ELEMENTS (metric_tokens) == GW_N_METRICS);

static const char *const metric_labels[] = {
  N_("Entered each month"),
  N_("Complainants satisfied with the handling"),
  N_("Complainants who will buy again"),
  N_("Complaints solved on the spot"),
  N_("Follow-ups kept on time"),
  N_("Median time to resolve"),
  N_("Complaints received"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (metric_labels) == GW_N_METRICS);

static const char *const metric_units[] = {
  "", "%", "%", "%", "%",
  /* TRANSLATORS: the unit of a goal's value */
  N_("hours"),
  /* TRANSLATORS: the unit of a goal's value */
  N_("complaints"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (metric_units) == GW_N_METRICS);

const char *
gw_metric_token (GwMetric metric)
{
  g_return_val_if_fail (metric < GW_N_METRICS, NULL);
  return metric_tokens[metric];
}

gboolean
gw_metric_parse (const char *token,
                 GwMetric   *metric)
{
  for (guint i = 0; i < GW_N_METRICS; i++)
    if (g_strcmp0 (token, metric_tokens[i]) == 0)
      {
        *metric = i;
        return TRUE;
      }
  return FALSE;
}

const char *
gw_metric_label (GwMetric metric)
{
  g_return_val_if_fail (metric < GW_N_METRICS, NULL);
  return _(metric_labels[metric]);
}

/* The unit a computed value comes in; "" for typed goals, which say their own. */
const char *
gw_metric_unit (GwMetric metric)
{
  g_return_val_if_fail (metric < GW_N_METRICS, NULL);
  return *metric_units[metric] != '\0' && g_strcmp0 (metric_units[metric], "%") != 0
         ? _(metric_units[metric]) : metric_units[metric];
}

GwGoal *
gw_goal_new (void)
{
  GwGoal *goal = g_new0 (GwGoal, 1);

  goal->name = g_strdup ("");
  goal->unit = g_strdup ("");
  goal->category = g_strdup ("");
  goal->start_month = GW_NO_MONTH;
  return goal;
}

GwGoal *
gw_goal_copy (const GwGoal *goal)
{
  GwGoal *copy = g_memdup2 (goal, sizeof *goal);

  copy->name = g_strdup (goal->name);
  copy->unit = g_strdup (goal->unit);
  copy->category = g_strdup (goal->category);
  return copy;
}

void
gw_goal_free (GwGoal *goal)
{
  if (goal == NULL)
    return;
  g_free (goal->name);
  g_free (goal->unit);
  g_free (goal->category);
  g_free (goal);
}

static const GwGoalTemplate templates[] = {
  { N_("Time to answer the phone"), N_("seconds"), GW_DIRECTION_LOWER, 20, GW_METRIC_TYPED },
  { N_("Products returned"), "%", GW_DIRECTION_LOWER, 2, GW_METRIC_TYPED },
  { N_("Complainants satisfied with the handling"), "%", GW_DIRECTION_HIGHER, 90,
    GW_METRIC_SATISFIED_SHARE },
  { N_("Complainants who will buy again"), "%", GW_DIRECTION_HIGHER, 80,
    GW_METRIC_BUY_AGAIN_SHARE },
};

const GwGoalTemplate *
gw_goal_templates (guint *n_templates)
{
  *n_templates = G_N_ELEMENTS (templates);
  return templates;
}

/* The goal in the user's language: it is theirs to rename from then on. */
GwGoal *
gw_goal_new_from_template (const GwGoalTemplate *template,
                           GwMonth               start_month)
{
  GwGoal *goal = gw_goal_new ();

  g_free (goal->name);
  goal->name = g_strdup (_(template->name));
  g_free (goal->unit);
  goal->unit = g_strdup (g_strcmp0 (template->unit, "%") == 0 ? "%" : _(template->unit));
  goal->direction = template->direction;
  goal->target = template->target;
  goal->metric = template->metric;
  goal->start_month = start_month;
  return goal;
}

static gboolean
share (gint64  part,
       gint64  whole,
       double *value)
{
  if (whole <= 0)
    return FALSE;
  *value = 100.0 * (double) part / (double) whole;
  return TRUE;
}

/**
 * gw_metric_value:
 * @value: (out): the month's figure, in the metric's unit
 *
 * Returns: %FALSE when the month holds nothing to say it from: a share of
 *   no one is "no data", never 0 %
 */
gboolean
gw_metric_value (GwMetric            metric,
                 const GwMonthFacts *facts,
                 double             *value)
{
  g_return_val_if_fail (facts != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  switch (metric)
    {
    case GW_METRIC_SATISFIED_SHARE:
      return share (facts->satisfied, facts->feeling_known, value);
    case GW_METRIC_BUY_AGAIN_SHARE:
      return share (facts->buy_again, facts->buy_again_known, value);
    case GW_METRIC_SOLVED_ON_SPOT_SHARE:
      return share (facts->solved_on_spot, facts->complaints, value);
    case GW_METRIC_FOLLOW_UPS_KEPT_SHARE:
      return share (facts->follow_ups_kept, facts->follow_ups_due, value);
    case GW_METRIC_MEDIAN_RESOLVE_HOURS:
      if (facts->resolved == 0)
        return FALSE;
      *value = facts->median_resolve_secs / 3600.0;
      return TRUE;
    case GW_METRIC_COMPLAINTS:
      /* A month without complaints is a month with 0 of them. */
      *value = facts->complaints;
      return TRUE;
    case GW_METRIC_TYPED:
    case GW_N_METRICS:
    default:
      return FALSE;
    }
}

GwStanding
gw_goal_standing (const GwGoal *goal,
                  gboolean      has_value,
                  double        value)
{
  g_return_val_if_fail (goal != NULL, GW_STANDING_NO_DATA);

  if (!has_value)
    return GW_STANDING_NO_DATA;
  if (goal->direction == GW_DIRECTION_LOWER)
    return value <= goal->target ? GW_STANDING_ON_TRACK : GW_STANDING_OFF_TRACK;
  return value >= goal->target ? GW_STANDING_ON_TRACK : GW_STANDING_OFF_TRACK;
}

/* "85 %", "20 seconds", "12 complaints". */
char *
gw_goal_format_value (const GwGoal *goal,
                      double        value)
{
  g_autofree char *number = gw_format_number (value);

  g_return_val_if_fail (goal != NULL, NULL);

  if (g_strcmp0 (goal->unit, "%") == 0)
    /* TRANSLATORS: a percentage; %s is the number. Swedish writes "85 %" */
    return g_strdup_printf (_("%s%%"), number);
  if (goal->metric == GW_METRIC_COMPLAINTS)
    return g_strdup_printf (ngettext ("%s complaint", "%s complaints",
                                      (gulong) fabs (round (value))), number);
  if (goal->metric == GW_METRIC_MEDIAN_RESOLVE_HOURS)
    return g_strdup_printf (ngettext ("%s hour", "%s hours", (gulong) fabs (round (value))),
                            number);
  if (goal->unit == NULL || *goal->unit == '\0')
    return g_steal_pointer (&number);
  /* TRANSLATORS: a value and its unit, e.g. "20 seconds" */
  return g_strdup_printf (_("%s %s"), number, goal->unit);
}

/* Reads what a person typed, as their locale writes numbers: "85", "85,5"
 * and "1 200" in Swedish, "85.5" and "1,200" in English, "1.200" in
 * German. Any other comma or full stop is taken as a decimal point, so
 * "85.5" works in Swedish and "18,5" in English. */
gboolean
gw_goal_parse_value (const char *text,
                     double     *value)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  struct lconv *conventions = localeconv ();
  char decimal = *conventions->decimal_point != '\0' ? *conventions->decimal_point : '.';
  char thousands = g_ascii_isprint (*conventions->thousands_sep) ? *conventions->thousands_sep : '\0';
  char *end = NULL;
  double parsed;

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        continue;
      /* A thousands separator groups three digits; anywhere else the
       * same mark is taken as a decimal point ("18,5" in English). */
      if (thousands != '\0' && c == (gunichar) thousands && c != (gunichar) decimal
          && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3])
          && !g_ascii_isdigit (p[4]))
        continue;
      if (c == (gunichar) decimal || c == ',' || c == '.')
        c = '.';
      g_string_append_unichar (plain, c);
    }
  if (plain->len > 0 && plain->str[plain->len - 1] == '%')
    g_string_truncate (plain, plain->len - 1);
  if (plain->len == 0)
    return FALSE;
  parsed = g_ascii_strtod (plain->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (parsed))
    return FALSE;
  *value = parsed;
  return TRUE;
}

void
gw_goal_trend_free (GwGoalTrend *trend)
{
  if (trend == NULL)
    return;
  gw_goal_free (trend->goal);
  g_free (trend);
}

void
gw_monthly_review_free (GwMonthlyReview *review)
{
  if (review == NULL)
    return;
  g_clear_pointer (&review->trends, g_ptr_array_unref);
  g_clear_pointer (&review->top_issues, g_ptr_array_unref);
  g_clear_pointer (&review->recognitions, g_ptr_array_unref);
  g_free (review->notes);
  g_free (review->vision);
  g_free (review);
}
