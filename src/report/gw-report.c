/* gw-report.c: the printed monthly review, customer service policy and
 * Customer Service Quotient
 *
 * A report is a list of blocks (title, headings, paragraphs, two-column
 * figures, charts, bars) made once from the data, so the caller's
 * structures may go at once. gw_report_paginate() lays every block out with
 * Pango and places its lines on pages: a paragraph may break between lines,
 * a chart or the bars never break, and a heading stays on the page of what
 * follows it.
 */

#define G_LOG_DOMAIN "gw-report"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

#include "core/gw-complaint-filter.h"
#include "core/gw-datetime.h"
#include "core/gw-enums.h"
#include "core/gw-money.h"
#include "core/gw-safe-file.h"
#include "core/gw-top-issues.h"
#include "core/gw-vision.h"
#include "gw-report.h"

/* Sizes in points. One family; weight and grey tell the levels apart. */
#define FONT_FAMILY       "Sans"
#define TITLE_SIZE        20.0
#define HEADING_SIZE      14.0
#define SUBHEADING_SIZE   11.5
#define TEXT_SIZE         10.5
#define NOTE_SIZE          9.5
#define FOOTER_SIZE        8.5
#define CHART_FONT_SIZE    8.0
#define CHART_HEIGHT     130.0
#define SCORE_ROW         19.0
#define SCORES_HEIGHT     (GW_ASSESSMENT_SECTIONS * SCORE_ROW + 16.0)
#define FOOTER_HEIGHT     28.0

#define SECONDARY_COLOR  "#5e5c64"
#define ON_TRACK_COLOR   "#1b7a47"
#define OFF_TRACK_COLOR  "#c01c28"

typedef enum {
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_SUBHEADING,
  BLOCK_TEXT,
  BLOCK_VISION,
  BLOCK_NOTE,
  BLOCK_FIGURES,
  BLOCK_CHART,
  BLOCK_SCORES,
} BlockKind;

/* Where one line of a laid-out block sits, in points from its top. */
typedef struct {
  double x;
  double top;
  double bottom;
  double baseline;
  gboolean starts_paragraph;
} LineBox;

typedef struct {
  BlockKind     kind;
  char         *markup;
  GString      *labels;         /* BLOCK_FIGURES: the left column, one a line */
  GwGoalTrend  *trend;          /* BLOCK_CHART */
  GwMonth       month;          /* BLOCK_CHART: the last month shown */
  int           scores[GW_ASSESSMENT_SECTIONS];  /* BLOCK_SCORES, in sixtieths */
  gboolean      keep_with_next;

  /* From gw_report_paginate () */
  PangoLayout  *layout;
  GArray       *lines;          /* LineBox */
} Block;

/* Some lines of a block, on a page. */
typedef struct {
  guint  page;
  guint  block;
  guint  first_line;
  guint  n_lines;
  double y;
} Placement;

struct _GwReport {
  char          *title;
  char          *business;      /* the business's name, for the footer; NULL: none */
  gboolean       personal;      /* names people: written for the owner's eyes only */
  GPtrArray     *blocks;        /* Block */

  /* The layout for pages of one size, from gw_report_paginate () */
  double         width;
  double         height;
  PangoContext  *context;
  GArray        *placements;    /* Placement */
  guint          n_pages;
};

static const GwTrendStyle print_style = {
  { 0.24, 0.24, 0.27, 1.0 },
  { 0.11, 0.44, 0.85, 1.0 },
  CHART_FONT_SIZE,
};

static void
block_free (Block *block)
{
  g_free (block->markup);
  if (block->labels != NULL)
    g_string_free (block->labels, TRUE);
  g_clear_pointer (&block->trend, gw_goal_trend_free);
  g_clear_object (&block->layout);
  g_clear_pointer (&block->lines, g_array_unref);
  g_free (block);
}

static GwReport *
report_new (char     *title,
            gboolean  personal)
{
  GwReport *report = g_new0 (GwReport, 1);

  report->title = title;
  report->personal = personal;
  report->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  report->placements = g_array_new (FALSE, TRUE, sizeof (Placement));
  return report;
}

void
gw_report_free (GwReport *report)
{
  if (report == NULL)
    return;
  g_free (report->title);
  g_free (report->business);
  g_ptr_array_unref (report->blocks);
  g_clear_object (&report->context);
  g_array_unref (report->placements);
  g_free (report);
}

/* The report's title, for a print job's name or a file's. */
/**
 * gw_report_set_business:
 * @name: (nullable): the business's name, printed in every page's footer
 */
void
gw_report_set_business (GwReport   *report,
                        const char *name)
{
  g_return_if_fail (report != NULL);

  g_free (report->business);
  report->business = g_strdup (name);
}

const char *
gw_report_get_title (GwReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return report->title;
}

static Block *
add_block (GwReport  *report,
           BlockKind  kind,
           char      *markup)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->markup = markup;
  block->lines = g_array_new (FALSE, TRUE, sizeof (LineBox));
  g_ptr_array_add (report->blocks, block);
  return block;
}

static Block *add_text (GwReport   *report,
                        BlockKind   kind,
                        const char *format,
                        ...) G_GNUC_PRINTF (3, 4);

/* Pango markup, with every argument escaped. */
static Block *
add_text (GwReport   *report,
          BlockKind   kind,
          const char *format,
          ...)
{
  va_list args;
  char *markup;

  va_start (args, format);
  markup = g_markup_vprintf_escaped (format, args);
  va_end (args);
  return add_block (report, kind, markup);
}

/* What a person typed, as markup, without the blank lines around it. */
static char *
escape_text (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  return g_strdup (g_strstrip (escaped));
}

/* The same, for the value column of figures: a line break stays inside the
 * paragraph, so the lines after it keep to the column. */
static char *
escape_lines (const char *text)
{
  g_autofree char *escaped = escape_text (text);
  g_auto(GStrv) lines = g_strsplit (escaped, "\n", -1);

  return g_strjoinv ("\u2028", lines);
}

static Block *
add_figures (GwReport *report)
{
  Block *block = add_block (report, BLOCK_FIGURES, NULL);

  block->markup = g_strdup ("");
  block->labels = g_string_new (NULL);
  return block;
}

/* One row: a label in grey, and its value, already markup. */
static void
add_figure (Block      *block,
            const char *label,
            const char *value_markup)
{
  g_autofree char *row = NULL;
  char *markup;

  row = g_markup_printf_escaped ("<span foreground=\"" SECONDARY_COLOR "\">%s</span>\t",
                                 label);
  markup = g_strconcat (block->markup, *block->markup != '\0' ? "\n" : "", row, value_markup,
                        NULL);
  g_free (block->markup);
  block->markup = markup;
  if (block->labels->len > 0)
    g_string_append_c (block->labels, '\n');
  g_string_append (block->labels, label);
}

static void
add_figure_text (Block      *block,
                 const char *label,
                 const char *value)
{
  g_autofree char *markup = escape_lines (value);

  add_figure (block, label, markup);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static char *
format_part_of (gint64 part,
                gint64 whole)
{
  g_autofree char *a = gw_format_integer (part);
  g_autofree char *b = gw_format_integer (whole);

  /* TRANSLATORS: a count out of a total, e.g. "8 of 10" */
  return g_strdup_printf (_("%s of %s"), a, b);
}

/* How long something took, as the window and the printed review both say
 * it: "29 minutes", "5.5 hours", "3 days". */
char *
gw_report_format_duration (gint64 seconds)
{
  double hours = seconds / 3600.0;
  g_autofree char *number = NULL;

  if (seconds < 3600)
    {
      int minutes = MAX (1, (int) round (seconds / 60.0));

      return g_strdup_printf (ngettext ("%d minute", "%d minutes", minutes), minutes);
    }
  /* Up to two days in hours, longer in days. */
  if (hours < 48)
    {
      number = gw_format_number (hours);
      return g_strdup_printf (ngettext ("%s hour", "%s hours", (gulong) round (hours)), number);
    }
  number = gw_format_number (hours / 24);
  return g_strdup_printf (ngettext ("%s day", "%s days", (gulong) round (hours / 24)), number);
}

static void
add_month_figures (GwReport           *report,
                   const GwMonthFacts *facts)
{
  Block *figures;
  g_autofree char *complaints = gw_format_integer (facts->complaints);
  g_autofree char *comments = gw_format_integer (facts->comments);
  g_autofree char *compliments = gw_format_integer (facts->compliments);
  g_autofree char *money = gw_money_format_local (facts->compensation);

  add_text (report, BLOCK_HEADING, "%s", _("The month in figures"))->keep_with_next = TRUE;
  figures = add_figures (report);
  add_figure_text (figures, _("Complaints received"), complaints);
  add_figure_text (figures, _("Comments"), comments);
  add_figure_text (figures, _("Compliments"), compliments);
  if (facts->complaints > 0)
    {
      g_autofree char *resolved = format_part_of (facts->resolved, facts->complaints);
      g_autofree char *on_spot = format_part_of (facts->solved_on_spot, facts->complaints);

      add_figure_text (figures, _("Resolved"), resolved);
      add_figure_text (figures, _("Solved on the spot"), on_spot);
    }
  if (facts->follow_ups_due > 0)
    {
      g_autofree char *kept = format_part_of (facts->follow_ups_kept, facts->follow_ups_due);

      add_figure_text (figures, _("Follow-ups kept on time"), kept);
    }
  else
    add_figure_text (figures, _("Follow-ups kept on time"), _("None fell due"));
  if (facts->resolved > 0)
    {
      g_autofree char *median = gw_report_format_duration (facts->median_resolve_secs);

      add_figure_text (figures, _("Median time to resolve"), median);
    }
  else
    add_figure_text (figures, _("Median time to resolve"), _("No data"));
  add_figure_text (figures, _("Compensation given"), money);
}

/* In words, and in colour for those who print in colour. */
static char *
standing_markup (GwStanding standing)
{
  switch (standing)
    {
    case GW_STANDING_ON_TRACK:
      return g_markup_printf_escaped ("<span foreground=\"" ON_TRACK_COLOR "\" weight=\"bold\">"
                                      "%s</span>", _("On track"));
    case GW_STANDING_OFF_TRACK:
      return g_markup_printf_escaped ("<span foreground=\"" OFF_TRACK_COLOR "\" weight=\"bold\">"
                                      "%s</span>", _("Off track"));
    case GW_STANDING_NO_DATA:
    default:
      return g_markup_printf_escaped ("<span foreground=\"" SECONDARY_COLOR "\">%s</span>",
                                      _("No data"));
    }
}

static void
add_goal (GwReport          *report,
          const GwGoalTrend *trend,
          GwMonth            month)
{
  const GwGoal *goal = trend->goal;
  gboolean has_value = trend->has_value[GW_TREND_MONTHS - 1];
  double value = trend->values[GW_TREND_MONTHS - 1];
  GwStanding standing = gw_goal_standing (goal, has_value, value);
  g_autofree char *target_value = gw_goal_format_value (goal, goal->target);
  g_autofree char *target = NULL;
  g_autofree char *standing_text = NULL;
  Block *figures;
  Block *chart;

  add_text (report, BLOCK_SUBHEADING, "%s", goal->name)->keep_with_next = TRUE;
  figures = add_figures (report);
  figures->keep_with_next = TRUE;
  if (has_value)
    {
      g_autofree char *current = gw_goal_format_value (goal, value);

      add_figure_text (figures, _("This month"), current);
    }
  else
    add_figure_text (figures, _("This month"), _("No data"));

  if (goal->direction == GW_DIRECTION_LOWER)
    /* TRANSLATORS: a goal's target when lower is better, e.g. "at most 20 seconds" */
    target = g_strdup_printf (_("at most %s"), target_value);
  else
    /* TRANSLATORS: a goal's target when higher is better, e.g. "at least 90%" */
    target = g_strdup_printf (_("at least %s"), target_value);
  add_figure_text (figures, _("Target"), target);

  standing_text = standing_markup (standing);
  add_figure (figures, _("Standing"), standing_text);

  if (goal->metric != GW_METRIC_TYPED)
    {
      g_autofree char *source = NULL;
      g_autofree char *folded_name = g_utf8_casefold (goal->name, -1);
      g_autofree char *folded_metric = g_utf8_casefold (gw_metric_label (goal->metric), -1);
      /* A goal named after its figure would only be named again. */
      const char *from = g_str_equal (folded_name, folded_metric) ? _("The complaint log")
                                                                   : gw_metric_label (goal->metric);

      if (goal->metric == GW_METRIC_COMPLAINTS && goal->category != NULL && *goal->category != '\0')
        /* TRANSLATORS: where a goal's figure comes from, e.g. "Complaints received · Delivery" */
        source = g_strdup_printf (_("%s · %s"), from, goal->category);
      else
        source = g_strdup (from);
      add_figure_text (figures, _("Worked out from"), source);
    }

  chart = add_block (report, BLOCK_CHART, NULL);
  chart->trend = g_new0 (GwGoalTrend, 1);
  *chart->trend = *trend;
  chart->trend->goal = gw_goal_copy (goal);
  chart->month = month;
}

static void
add_top_issues (GwReport  *report,
                GPtrArray *issues)
{
  add_text (report, BLOCK_HEADING, "%s", _("Top issues"))->keep_with_next = TRUE;
  if (issues == NULL || issues->len == 0)
    {
      add_text (report, BLOCK_NOTE, "%s",
                _("No complaint with a category was logged this month."));
      return;
    }

  for (guint i = 0; i < issues->len; i++)
    {
      const GwTopIssue *issue = g_ptr_array_index (issues, i);
      g_autofree char *count = NULL;
      g_autofree char *change = gw_top_issue_describe_change (issue);
      g_autofree char *money = gw_money_format_local (issue->compensation);
      Block *figures;

      /* TRANSLATORS: rank and category, e.g. "1. Delivery" */
      add_text (report, BLOCK_SUBHEADING, _("%u. %s"), i + 1, issue->category)->keep_with_next = TRUE;
      figures = add_figures (report);
      /* TRANSLATORS: number of complaints and their share, e.g. "12 complaints, 30% of all" */
      count = g_strdup_printf (ngettext ("%d complaint, %d%% of all", "%d complaints, %d%% of all",
                                         issue->count),
                               (int) issue->count, (int) (issue->share * 100 + 0.5));
      add_figure_text (figures, _("Complaints"), count);
      add_figure_text (figures, _("Change"), change);
      add_figure_text (figures, _("Compensation given"), money);
      if (issue->prevention != NULL && issue->prevention[0] != NULL)
        {
          g_autoptr(GString) notes = g_string_new (NULL);

          for (guint j = 0; issue->prevention[j] != NULL; j++)
            {
              g_autofree char *note = escape_lines (issue->prevention[j]);

              g_string_append_printf (notes, "%s• %s", j > 0 ? "\u2028" : "", note);
            }
          add_figure (figures, _("How to prevent it"), notes->str);
        }
      else
        add_figure_text (figures, _("How to prevent it"),
                         _("Nothing written down yet. Note it when you resolve the next one."));
    }
}

static void
add_recognitions (GwReport  *report,
                  GPtrArray *recognitions)
{
  add_text (report, BLOCK_HEADING, "%s", _("Recognition given"))->keep_with_next = TRUE;
  if (recognitions == NULL || recognitions->len == 0)
    {
      add_text (report, BLOCK_NOTE, "%s", _("No recognition was given this month."));
      return;
    }

  for (guint i = 0; i < recognitions->len; i++)
    {
      const GwRecognition *recognition = g_ptr_array_index (recognitions, i);
      g_autofree char *date = gw_datetime_format_local_date (recognition->given_at);
      const char *kind = gw_vocabulary_label (GW_VOCAB_RECOGNITION, recognition->kind);
      g_autofree char *what = NULL;
      g_autofree char *head = NULL;
      g_autofree char *reason = escape_text (recognition->reason);
      Block *block;

      if (recognition->value > 0)
        {
          g_autofree char *money = gw_money_format_local (recognition->value);

          /* TRANSLATORS: the kind of a recognition, its date and value: "Gift · 14/11/2026 · 200.00" */
          what = g_strdup_printf (_("%s · %s · %s"), kind, date, money);
        }
      else
        /* TRANSLATORS: the kind of a recognition and its date: "Praise · 14/11/2026" */
        what = g_strdup_printf (_("%s · %s"), kind, date);
      head = g_markup_printf_escaped ("<b>%s</b>   <span foreground=\"" SECONDARY_COLOR "\">%s</span>",
                                      recognition->staff != NULL ? recognition->staff : "", what);
      block = add_block (report, BLOCK_TEXT, NULL);
      block->markup = *reason != '\0' ? g_strconcat (head, "\n", reason, NULL)
                                      : g_steal_pointer (&head);
    }
}

/**
 * gw_report_new_monthly:
 * @review: a month's review, from gw_store_monthly_review()
 *
 * Returns: (transfer full): the printed review of the month: its figures,
 *   each goal with its trend, the top issues, the recognition given and
 *   the owner's notes. Holds copies: @review may be freed at once.
 */
GwReport *
gw_report_new_monthly (const GwMonthlyReview *review)
{
  GwReport *report;
  g_autofree char *month = NULL;

  g_return_val_if_fail (review != NULL, NULL);

  month = gw_month_format_in_text (review->month);
  /* TRANSLATORS: the printed review's title; %s is a month and year, "November 2026" */
  report = report_new (g_strdup_printf (_("Monthly review — %s"), month), TRUE);
  add_text (report, BLOCK_TITLE, "%s", report->title);

  if (!is_blank (review->vision))
    {
      g_autofree char *vision = escape_text (review->vision);

      add_text (report, BLOCK_NOTE, "%s", _("Our vision"))->keep_with_next = TRUE;
      add_block (report, BLOCK_VISION, g_strconcat ("<i>", vision, "</i>", NULL));
    }

  add_month_figures (report, &review->facts);

  add_text (report, BLOCK_HEADING, "%s", _("Goals"))->keep_with_next = TRUE;
  if (review->trends == NULL || review->trends->len == 0)
    add_text (report, BLOCK_NOTE, "%s", _("No goals set yet."));
  else
    for (guint i = 0; i < review->trends->len; i++)
      add_goal (report, g_ptr_array_index (review->trends, i), review->month);

  add_top_issues (report, review->top_issues);
  add_recognitions (report, review->recognitions);

  add_text (report, BLOCK_HEADING, "%s", _("Notes for the month"))->keep_with_next = TRUE;
  if (is_blank (review->notes))
    add_text (report, BLOCK_NOTE, "%s", _("No notes for this month yet."));
  else
    add_block (report, BLOCK_TEXT, escape_text (review->notes));
  return report;
}

/**
 * gw_report_new_policy:
 * @section_texts: (array fixed-size=GW_N_POLICY_AREAS): the text of each
 *   section in the order of #GwPolicyArea; a %NULL one stands for the
 *   section's starter text
 *
 * Returns: (transfer full): the customer service policy as printed, one
 *   section after the other under its title
 */
GwReport *
gw_report_new_policy (const char *const *section_texts)
{
  GwReport *report;

  g_return_val_if_fail (section_texts != NULL, NULL);

  report = report_new (g_strdup (_("Customer service policy")), FALSE);
  add_text (report, BLOCK_TITLE, "%s", report->title);

  for (guint area = 0; area < GW_N_POLICY_AREAS; area++)
    {
      const GwPolicySection *section = gw_policy_section (area);
      const char *text = section_texts[area] != NULL ? section_texts[area] : _(section->starter);
      g_autofree char *body = escape_text (text);

      add_text (report, BLOCK_HEADING, "%s", _(section->title))->keep_with_next = TRUE;
      if (*body == '\0')
        add_text (report, BLOCK_NOTE, "%s", _("Not written yet."));
      else
        add_block (report, BLOCK_TEXT, g_steal_pointer (&body));
    }
  return report;
}

/* The Customer Service Quotient */

/* Who took an assessment, as a name standing alone. */
static const char *
respondent_name (const GwAssessment *assessment)
{
  if (assessment->staff_id == 0)
    return _("The owner");
  if (is_blank (assessment->respondent))
    return _("A member of staff");
  return assessment->respondent;
}

/* In words, and in colour for those who print in colour. */
static char *
band_markup (GwBand band)
{
  switch (band)
    {
    case GW_BAND_ASSET:
      return g_markup_printf_escaped ("<span foreground=\"" ON_TRACK_COLOR "\" weight=\"bold\">"
                                      "%s</span>", gw_band_label (band));
    case GW_BAND_AT_RISK:
      return g_markup_printf_escaped ("<span foreground=\"" OFF_TRACK_COLOR "\" weight=\"bold\">"
                                      "%s</span>", gw_band_label (band));
    case GW_BAND_ADEQUATE:
    default:
      return g_markup_printf_escaped ("<b>%s</b>", gw_band_label (band));
    }
}

/* One statement: its rating, and the statement in the column beside it. */
static void
add_rating (Block      *block,
            guint8      rating,
            const char *statement)
{
  g_autofree char *row = g_markup_printf_escaped ("<b>%u</b>\t%s", rating, statement);
  g_autofree char *label = g_strdup_printf ("%u", rating);
  char *markup;

  markup = g_strconcat (block->markup, *block->markup != '\0' ? "\n" : "", row, NULL);
  g_free (block->markup);
  block->markup = markup;
  if (block->labels->len > 0)
    g_string_append_c (block->labels, '\n');
  g_string_append (block->labels, label);
}

/**
 * gw_report_new_assessment:
 * @assessment: a completed assessment
 * @previous: (nullable): the one to compare it with: the same person's
 *   before it, or the one taken before it
 *
 * Returns: (transfer full): the printed Customer Service Quotient: the
 *   total and its band, the change since @previous, each section's
 *   average as a bar, the two weakest sections with what to work on, and
 *   every statement with its rating. Holds copies: the assessments may be
 *   freed at once.
 */
GwReport *
gw_report_new_assessment (const GwAssessment *assessment,
                          const GwAssessment *previous)
{
  GwReport *report;
  const char *who;
  g_autofree char *date = NULL;
  g_autofree char *byline = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *out_of = NULL;
  g_autofree char *total_markup = NULL;
  g_autofree char *band = NULL;
  int scores[GW_ASSESSMENT_SECTIONS];
  int previous_scores[GW_ASSESSMENT_SECTIONS];
  int total, previous_total;
  guint weakest[2];
  Block *figures;
  Block *bars;

  g_return_val_if_fail (assessment != NULL, NULL);
  g_return_val_if_fail (gw_assessment_first_unanswered (assessment) == GW_ASSESSMENT_STATEMENTS,
                        NULL);

  gw_assessment_score (assessment, scores, &total);
  who = respondent_name (assessment);
  date = gw_datetime_format_local_date (assessment->taken_at);
  /* TRANSLATORS: the printed Customer Service Quotient's name, in the footer
   * and as the print job's: who took it, and when: "Customer Service
   * Quotient — Anna Berg, 14/11/2026" */
  report = report_new (g_strdup_printf (_("Customer Service Quotient — %s, %s"), who, date),
                       TRUE);
  /* TRANSLATORS: who took the test and when, under its title: "Anna Berg · 14/11/2026" */
  byline = g_strdup_printf (_("%s · %s"), who, date);
  add_text (report, BLOCK_TITLE,
            "%s\n<span font_desc=\"" G_STRINGIFY (SUBHEADING_SIZE) "px\" weight=\"normal\" "
            "foreground=\"" SECONDARY_COLOR "\">%s</span>",
            _("Customer Service Quotient"), byline);

  add_text (report, BLOCK_HEADING, "%s", _("Result"))->keep_with_next = TRUE;
  figures = add_figures (report);
  figures->keep_with_next = TRUE;
  total_text = gw_total_format (total);
  /* TRANSLATORS: a Customer Service Quotient out of the most it can be, "27.5 out of 35" */
  out_of = g_strdup_printf (_("%s out of 35"), total_text);
  total_markup = g_markup_printf_escaped ("<b>%s</b>", out_of);
  add_figure (figures, _("Total"), total_markup);
  band = band_markup (gw_assessment_band (total));
  add_figure (figures, _("Result"), band);
  if (previous != NULL && gw_assessment_score (previous, previous_scores, &previous_total))
    {
      g_autofree char *change = gw_assessment_describe_change (total, previous_total,
                                                            previous->taken_at);

      add_figure_text (figures, _("Change"), change);
      if (previous->staff_id != assessment->staff_id)
        add_figure_text (figures, _("Compared with"), respondent_name (previous));
    }
  add_text (report, BLOCK_TEXT, "%s", gw_band_advice (gw_assessment_band (total)));

  add_text (report, BLOCK_HEADING, "%s", _("Sections"))->keep_with_next = TRUE;
  add_text (report, BLOCK_NOTE, "%s",
            _("Each section’s average, from 1 (not at all) to 5 (all the time)."))
      ->keep_with_next = TRUE;
  bars = add_block (report, BLOCK_SCORES, NULL);
  memcpy (bars->scores, scores, sizeof scores);

  add_text (report, BLOCK_HEADING, "%s", _("Where to start"))->keep_with_next = TRUE;
  gw_assessment_weakest (scores, &weakest[0], &weakest[1]);
  for (guint i = 0; i < G_N_ELEMENTS (weakest); i++)
    {
      const GwAssessmentSection *section = gw_assessment_section (weakest[i]);
      g_autofree char *score = gw_score_format (scores[weakest[i]]);

      /* TRANSLATORS: a section of the test and its average, "Staff — 2.8" */
      add_text (report, BLOCK_SUBHEADING, _("%s — %s"), _(section->title), score)
          ->keep_with_next = TRUE;
      add_text (report, BLOCK_TEXT, "%s", _(section->advice));
    }

  add_text (report, BLOCK_HEADING, "%s", _("The answers"))->keep_with_next = TRUE;
  for (guint s = 0; s < GW_ASSESSMENT_SECTIONS; s++)
    {
      const GwAssessmentSection *section = gw_assessment_section (s);
      Block *answers;

      add_text (report, BLOCK_SUBHEADING, "%s", _(section->title))->keep_with_next = TRUE;
      answers = add_figures (report);
      for (guint i = section->first; i < section->first + section->n_statements; i++)
        add_rating (answers, assessment->answers[i], gw_assessment_statement (i));
    }
  return report;
}

static PangoFontDescription *
font_new (double   size,
          gboolean bold)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, FONT_FAMILY);
  /* Absolute: a point is a point whatever resolution the context has. */
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  return font;
}

static PangoFontDescription *
block_font (BlockKind kind)
{
  switch (kind)
    {
    case BLOCK_TITLE:
      return font_new (TITLE_SIZE, TRUE);
    case BLOCK_HEADING:
      return font_new (HEADING_SIZE, TRUE);
    case BLOCK_SUBHEADING:
      return font_new (SUBHEADING_SIZE, TRUE);
    case BLOCK_VISION:
      return font_new (SUBHEADING_SIZE, FALSE);
    case BLOCK_NOTE:
      return font_new (NOTE_SIZE, FALSE);
    case BLOCK_TEXT:
    case BLOCK_FIGURES:
    case BLOCK_CHART:
    case BLOCK_SCORES:
    default:
      return font_new (TEXT_SIZE, FALSE);
    }
}

/* The room above a block, after the one before it. */
static double
space_between (const Block *before,
               const Block *block)
{
  if (before->kind == BLOCK_TITLE)
    return 22;
  switch (block->kind)
    {
    case BLOCK_HEADING:
      return 22;
    case BLOCK_SUBHEADING:
      return 14;
    case BLOCK_CHART:
    case BLOCK_SCORES:
      return 10;
    case BLOCK_FIGURES:
      return before->kind == BLOCK_SUBHEADING ? 5 : 8;
    case BLOCK_VISION:
      return 2;
    case BLOCK_TEXT:
    case BLOCK_NOTE:
      return 8;
    case BLOCK_TITLE:
    default:
      return 0;
    }
}

/* The height of a block drawn with cairo rather than laid out as text;
 * 0 for text. */
static double
drawn_height (const Block *block)
{
  switch (block->kind)
    {
    case BLOCK_CHART:
      return CHART_HEIGHT;
    case BLOCK_SCORES:
      return SCORES_HEIGHT;
    case BLOCK_TITLE:
    case BLOCK_HEADING:
    case BLOCK_SUBHEADING:
    case BLOCK_TEXT:
    case BLOCK_VISION:
    case BLOCK_NOTE:
    case BLOCK_FIGURES:
    default:
      return 0;
    }
}

static void
layout_block (GwReport *report,
              Block    *block,
              double    width)
{
  g_autoptr(PangoFontDescription) font = NULL;
  PangoLayoutIter *iter;

  g_clear_object (&block->layout);
  g_array_set_size (block->lines, 0);
  if (drawn_height (block) > 0)
    return;

  font = block_font (block->kind);
  block->layout = pango_layout_new (report->context);
  pango_layout_set_font_description (block->layout, font);
  pango_layout_set_width (block->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (block->layout, PANGO_WRAP_WORD_CHAR);
  if (block->kind == BLOCK_TEXT || block->kind == BLOCK_FIGURES || block->kind == BLOCK_VISION)
    pango_layout_set_spacing (block->layout, 3 * PANGO_SCALE);

  /* Figures are two columns: the values start where the longest label
   * ends, and a value that wraps keeps to its column. */
  if (block->kind == BLOCK_FIGURES)
    {
      g_autoptr(PangoLayout) labels = pango_layout_new (report->context);
      g_autoptr(PangoTabArray) tabs = NULL;
      PangoRectangle logical;
      int column;

      pango_layout_set_font_description (labels, font);
      pango_layout_set_text (labels, block->labels->str, -1);
      pango_layout_get_extents (labels, NULL, &logical);
      column = MIN (logical.width + 18 * PANGO_SCALE, (int) (width * 0.45 * PANGO_SCALE));
      tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT, column);
      pango_layout_set_tabs (block->layout, tabs);
      pango_layout_set_indent (block->layout, -column);
    }
  pango_layout_set_markup (block->layout, block->markup, -1);

  iter = pango_layout_get_iter (block->layout);
  do
    {
      PangoRectangle logical;
      LineBox line;
      int top, bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.x = (double) logical.x / PANGO_SCALE;
      line.top = (double) top / PANGO_SCALE;
      line.bottom = (double) bottom / PANGO_SCALE;
      line.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      line.starts_paragraph = pango_layout_iter_get_line_readonly (iter)->is_paragraph_start;
      g_array_append_val (block->lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static double
lines_height (const Block *block,
              guint        first,
              guint        n_lines)
{
  if (drawn_height (block) > 0)
    return drawn_height (block);
  if (n_lines == 0 || first >= block->lines->len)
    return 0;
  n_lines = MIN (n_lines, block->lines->len - first);
  return g_array_index (block->lines, LineBox, first + n_lines - 1).bottom
         - g_array_index (block->lines, LineBox, first).top;
}

/* How much room block @i needs at the foot of a page before it may start
 * there: itself and whatever it keeps with, down to the first two lines
 * of the paragraph that ends the chain (no lonely first line at the
 * foot). A few rows of figures read best whole. */
static double
room_to_start (GwReport *report,
               guint     i)
{
  const Block *block = g_ptr_array_index (report->blocks, i);
  double room;

  if (!block->keep_with_next || i + 1 >= report->blocks->len)
    return lines_height (block, 0, block->kind == BLOCK_FIGURES ? G_MAXUINT : 2);
  room = lines_height (block, 0, G_MAXUINT);
  return room + space_between (block, g_ptr_array_index (report->blocks, i + 1))
         + room_to_start (report, i + 1);
}

static gboolean
starts_paragraph (const Block *block,
                  guint        line)
{
  return line >= block->lines->len
         || g_array_index (block->lines, LineBox, line).starts_paragraph;
}

/* Where to break a block that fills the page at line @end: never the last
 * line of a paragraph alone at the top of the next page, nor its first
 * alone at the foot of this one, when moving a line back mends it. */
static guint
keep_lines_together (const Block *block,
                     guint        first,
                     guint        end)
{
  if (end - first >= 2 && !starts_paragraph (block, end) && starts_paragraph (block, end + 1))
    end--;
  if (end - first >= 2 && starts_paragraph (block, end - 1) && !starts_paragraph (block, end))
    end--;
  return end;
}

static void
place (GwReport *report,
       guint     page,
       guint     block,
       guint     first_line,
       guint     n_lines,
       double    y)
{
  Placement placement = { page, block, first_line, n_lines, y };

  g_array_append_val (report->placements, placement);
}

/**
 * gw_report_paginate:
 * @cr: the context the pages will be drawn on, or one like it
 * @width: the width to fill, in points: the page inside its margins
 * @height: the height to fill, in points, the footer included
 *
 * Lays the report out for pages of that size.
 *
 * Returns: the number of pages, at least one
 */
guint
gw_report_paginate (GwReport *report,
                    cairo_t  *cr,
                    double    width,
                    double    height)
{
  cairo_font_options_t *options;
  double body_height = height - FOOTER_HEIGHT;
  guint page = 0;
  double y = 0;

  g_return_val_if_fail (report != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (width > 0 && height > FOOTER_HEIGHT, 0);

  g_clear_object (&report->context);
  report->context = pango_cairo_create_context (cr);
  /* Unhinted metrics: the same line breaks on paper, in a PDF and on screen. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (report->context, options);
  cairo_font_options_destroy (options);
  report->width = width;
  report->height = height;
  g_array_set_size (report->placements, 0);

  for (guint i = 0; i < report->blocks->len; i++)
    layout_block (report, g_ptr_array_index (report->blocks, i), width);

  for (guint i = 0; i < report->blocks->len; i++)
    {
      const Block *block = g_ptr_array_index (report->blocks, i);
      double gap = i > 0 && y > 0 ? space_between (g_ptr_array_index (report->blocks, i - 1), block) : 0;
      double room = room_to_start (report, i);
      guint first = 0;

      /* What cannot fit on any page simply starts where it is. */
      if (y > 0 && y + gap + room > body_height && room <= body_height)
        {
          page++;
          y = gap = 0;
        }

      if (drawn_height (block) > 0)
        {
          place (report, page, i, 0, 0, y + gap);
          y += gap + drawn_height (block);
          continue;
        }

      while (first < block->lines->len)
        {
          double top = g_array_index (block->lines, LineBox, first).top;
          guint end = first;

          while (end < block->lines->len
                 && y + gap + g_array_index (block->lines, LineBox, end).bottom - top <= body_height)
            end++;
          if (end < block->lines->len)
            end = keep_lines_together (block, first, end);
          if (end == first)
            {
              if (y == 0)
                end = first + 1;
              else
                {
                  page++;
                  y = gap = 0;
                  continue;
                }
            }
          place (report, page, i, first, end - first, y + gap);
          y += gap + lines_height (block, first, end - first);
          gap = 0;
          first = end;
          if (first < block->lines->len)
            {
              page++;
              y = 0;
            }
        }
    }

  report->n_pages = page + 1;
  return report->n_pages;
}

static void
draw_footer (GwReport *report,
             cairo_t  *cr,
             guint     page,
             double    width,
             double    height)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (report->context);
  g_autoptr(PangoFontDescription) font = font_new (FOOTER_SIZE, FALSE);
  g_autofree char *number = NULL;
  PangoRectangle logical;

  pango_layout_set_font_description (layout, font);
  cairo_set_source_rgb (cr, 0.37, 0.36, 0.39);

  /* TRANSLATORS: in the footer of a printed page */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, report->n_pages);
  pango_layout_set_text (layout, number, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  cairo_move_to (cr, width - (double) logical.width / PANGO_SCALE,
                 height - (double) logical.height / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);

  /* The title on the left, shortened rather than over the page number. */
  if (report->business != NULL && *report->business != '\0')
    {
      /* TRANSLATORS: in the footer of a printed page: the business, then the report */
      g_autofree char *footer = g_strdup_printf (_("%s · %s"), report->business, report->title);

      pango_layout_set_text (layout, footer, -1);
    }
  else
    pango_layout_set_text (layout, report->title, -1);
  pango_layout_set_width (layout, (int) ((width - (double) logical.width / PANGO_SCALE - 24)
                                         * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (cr, 0, height - (double) logical.height / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

static void
set_color (cairo_t             *cr,
           const GwReportColor *color,
           double               opacity)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * opacity);
}

/* Each section's average as a bar on the scale from 1 to 5: the titles on
 * the left, as wide as figures' labels, the averages at the right end. */
static void
draw_scores (GwReport    *report,
             cairo_t     *cr,
             const Block *block,
             double       top,
             double       width)
{
  g_autoptr(PangoFontDescription) font = font_new (TEXT_SIZE, FALSE);
  g_autoptr(PangoFontDescription) bold = font_new (TEXT_SIZE, TRUE);
  g_autoptr(PangoFontDescription) small = font_new (CHART_FONT_SIZE, FALSE);
  g_autoptr(PangoLayout) layout = pango_layout_new (report->context);
  double bars_bottom = top + GW_ASSESSMENT_SECTIONS * SCORE_ROW;
  double label_w = 0, value_w = 0, column, track_left, track_right;
  double bar_height = 8;
  PangoRectangle logical;

  /* Measure first. */
  pango_layout_set_font_description (layout, font);
  for (guint s = 0; s < GW_ASSESSMENT_SECTIONS; s++)
    {
      pango_layout_set_text (layout, _(gw_assessment_section (s)->title), -1);
      pango_layout_get_extents (layout, NULL, &logical);
      label_w = MAX (label_w, (double) logical.width / PANGO_SCALE);
    }
  pango_layout_set_font_description (layout, bold);
  for (guint s = 0; s < GW_ASSESSMENT_SECTIONS; s++)
    {
      g_autofree char *value = gw_score_format (block->scores[s]);

      pango_layout_set_text (layout, value, -1);
      pango_layout_get_extents (layout, NULL, &logical);
      value_w = MAX (value_w, (double) logical.width / PANGO_SCALE);
    }
  column = MIN (label_w + 18, width * 0.45);
  track_left = column;
  track_right = width - value_w - 12;

#define X_OF(score) (track_left + (gw_score_to_double (score) - GW_RATING_MIN) \
                                  / (GW_RATING_MAX - GW_RATING_MIN) * (track_right - track_left))

  cairo_save (cr);

  /* The scale: a faint line at each whole rating, numbered below. */
  pango_layout_set_font_description (layout, small);
  cairo_set_line_width (cr, 0.5);
  for (int rating = GW_RATING_MIN; rating <= GW_RATING_MAX; rating++)
    {
      double line_x = X_OF (rating * GW_SCORE_DENOMINATOR);
      g_autofree char *number = gw_format_integer (rating);

      cairo_set_source_rgb (cr, 0.82, 0.82, 0.84);
      cairo_move_to (cr, line_x, top);
      cairo_line_to (cr, line_x, bars_bottom);
      cairo_stroke (cr);

      pango_layout_set_text (layout, number, -1);
      pango_layout_get_extents (layout, NULL, &logical);
      cairo_set_source_rgb (cr, 0.37, 0.36, 0.39);
      cairo_move_to (cr, line_x - (double) logical.width / PANGO_SCALE / 2, bars_bottom + 3);
      pango_cairo_show_layout (cr, layout);
    }

  for (guint s = 0; s < GW_ASSESSMENT_SECTIONS; s++)
    {
      double middle = top + (s + 0.5) * SCORE_ROW;
      double end = X_OF (block->scores[s]);
      g_autofree char *value = gw_score_format (block->scores[s]);

      /* The section's title, shortened rather than under the bar. */
      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, (int) ((column - 12) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_text (layout, _(gw_assessment_section (s)->title), -1);
      pango_layout_get_extents (layout, NULL, &logical);
      cairo_set_source_rgb (cr, 0.12, 0.12, 0.13);
      cairo_move_to (cr, 0, middle - (double) logical.height / PANGO_SCALE / 2);
      pango_cairo_show_layout (cr, layout);

      /* A rating of 1 all through is still a mark, not nothing. */
      set_color (cr, &print_style.accent, 1);
      cairo_rectangle (cr, track_left, middle - bar_height / 2,
                       MAX (end - track_left, 1.5), bar_height);
      cairo_fill (cr);

      pango_layout_set_font_description (layout, bold);
      pango_layout_set_width (layout, -1);
      pango_layout_set_text (layout, value, -1);
      pango_layout_get_extents (layout, NULL, &logical);
      cairo_set_source_rgb (cr, 0.12, 0.12, 0.13);
      cairo_move_to (cr, track_right + 12, middle - (double) logical.height / PANGO_SCALE / 2);
      pango_cairo_show_layout (cr, layout);
    }

#undef X_OF

  cairo_restore (cr);
}

/**
 * gw_report_draw_page:
 * @cr: where to draw, with (0, 0) at the top left of the area to fill
 * @page: from 0
 * @width: as given to gw_report_paginate(); another size lays the report
 *   out again
 *
 * Draws one page, as for a GtkPrintOperation's ::draw-page.
 */
void
gw_report_draw_page (GwReport *report,
                     cairo_t  *cr,
                     guint     page,
                     double    width,
                     double    height)
{
  g_return_if_fail (report != NULL);
  g_return_if_fail (cr != NULL);

  if (report->context == NULL || width != report->width || height != report->height)
    gw_report_paginate (report, cr, width, height);
  g_return_if_fail (page < report->n_pages);

  cairo_save (cr);
  for (guint i = 0; i < report->placements->len; i++)
    {
      const Placement *placement = &g_array_index (report->placements, Placement, i);
      const Block *block = g_ptr_array_index (report->blocks, placement->block);
      double top;

      if (placement->page != page)
        continue;

      if (block->kind == BLOCK_CHART)
        {
          gw_report_draw_trend (cr, block->trend, block->month, 0, placement->y, width,
                                CHART_HEIGHT, &print_style);
          continue;
        }
      if (block->kind == BLOCK_SCORES)
        {
          draw_scores (report, cr, block, placement->y, width);
          continue;
        }

      if (block->kind == BLOCK_NOTE)
        cairo_set_source_rgb (cr, 0.37, 0.36, 0.39);
      else
        cairo_set_source_rgb (cr, 0.12, 0.12, 0.13);
      top = g_array_index (block->lines, LineBox, placement->first_line).top;
      for (guint j = placement->first_line; j < placement->first_line + placement->n_lines; j++)
        {
          const LineBox *line = &g_array_index (block->lines, LineBox, j);

          cairo_move_to (cr, line->x, placement->y + line->baseline - top);
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->layout, j));
        }

      /* A hairline under the title. */
      if (block->kind == BLOCK_TITLE)
        {
          double rule = placement->y + lines_height (block, 0, G_MAXUINT) + 8;

          cairo_set_source_rgb (cr, 0.75, 0.75, 0.77);
          cairo_set_line_width (cr, 0.75);
          cairo_move_to (cr, 0, rule);
          cairo_line_to (cr, width, rule);
          cairo_stroke (cr);
        }
    }
  draw_footer (report, cr, page, width, height);
  cairo_restore (cr);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * gw_report_write_pdf:
 * @path: the file to write; replaced whole, or not at all
 *
 * Writes the report as an A4 PDF. A monthly review names people, so only
 * its owner may read the file; a policy is for everyone to read.
 */
gboolean
gw_report_write_pdf (GwReport    *report,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  double width = GW_REPORT_A4_WIDTH - 2 * GW_REPORT_MARGIN;
  double height = GW_REPORT_A4_HEIGHT - 2 * GW_REPORT_MARGIN;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Made in memory first: a report is small, and a file is then written
   * in one go or not at all. */
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes,
                                                 GW_REPORT_A4_WIDTH, GW_REPORT_A4_HEIGHT);
#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE (1, 16, 0)
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Goodwill");
#endif
  cr = cairo_create (surface);
  cairo_translate (cr, GW_REPORT_MARGIN, GW_REPORT_MARGIN);
  n_pages = gw_report_paginate (report, cr, width, height);
  for (guint page = 0; page < n_pages; page++)
    {
      gw_report_draw_page (report, cr, page, width, height);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* TRANSLATORS: %s is the reason, from the drawing library */
                   _("Could not make the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return gw_safe_file_write (path, bytes->data, bytes->len, report->personal ? 0600 : 0644,
                             error);
}

/* The trend chart */

static PangoLayout *
chart_label_new (cairo_t            *cr,
                 const GwTrendStyle *style,
                 const char         *text,
                 gboolean            bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = font_new (style->font_size, bold);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
label_size (PangoLayout *layout,
            double      *width,
            double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

/* A value as the chart labels it: "85%", "12", "2.5". */
static char *
format_chart_value (const GwGoal *goal,
                    double        value,
                    int           decimals)
{
  g_autofree char *number = NULL;

  if (decimals == 0)
    number = gw_format_integer ((gint64) round (value));
  else
    number = g_strdup_printf ("%.*f", decimals, value);
  if (g_strcmp0 (goal->unit, "%") == 0)
    /* TRANSLATORS: a percentage; %s is the number. Swedish writes "85 %" */
    return g_strdup_printf (_("%s%%"), number);
  return g_steal_pointer (&number);
}

/* A scale from @lo to @hi in round steps that holds every value and the
 * target. Counts and times read best from zero; a share that hovers near
 * its target reads best close up. */
static void
chart_scale (const GwGoalTrend *trend,
             double            *lo_out,
             double            *hi_out,
             double            *step_out)
{
  double lo = trend->goal->target;
  double hi = lo;
  double raw, magnitude, norm, step;

  for (guint m = 0; m < GW_TREND_MONTHS; m++)
    if (trend->has_value[m])
      {
        lo = MIN (lo, trend->values[m]);
        hi = MAX (hi, trend->values[m]);
      }
  if (lo >= 0 && lo <= hi / 2)
    lo = 0;
  /* Nothing but the target: show it from zero, with room above. */
  if (lo == hi && lo > 0)
    {
      gboolean any = FALSE;

      for (guint m = 0; m < GW_TREND_MONTHS; m++)
        any = any || trend->has_value[m];
      if (!any)
        {
          lo = 0;
          hi *= 1.5;
        }
    }
  if (hi - lo < 1e-9)
    {
      double pad = MAX (fabs (hi) * 0.1, 1);

      hi += pad;
      lo = lo >= 0 && lo - pad < 0 ? 0 : lo - pad;
    }

  raw = (hi - lo) / 4;
  magnitude = pow (10, floor (log10 (raw)));
  norm = raw / magnitude;
  step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * magnitude;
  *lo_out = floor (lo / step + 1e-9) * step;
  *hi_out = ceil (hi / step - 1e-9) * step;
  /* No share above everyone. */
  if (g_strcmp0 (trend->goal->unit, "%") == 0 && *hi_out > 100 && hi <= 100)
    *hi_out = 100;
  *step_out = step;
}

/**
 * gw_report_draw_trend:
 * @trend: one goal over the %GW_TREND_MONTHS months up to @last_month
 * @x: the chart's left, in the units of @cr
 * @style: (nullable): colours and label size; %NULL for the printed look
 *
 * Draws a goal's trend in the rectangle given: the values as a line with
 * dots, months without data left as gaps, the target as a dashed line,
 * and the months along the bottom.
 */
void
gw_report_draw_trend (cairo_t            *cr,
                      const GwGoalTrend  *trend,
                      GwMonth             last_month,
                      double              x,
                      double              y,
                      double              width,
                      double              height,
                      const GwTrendStyle *style)
{
  static const double dashes[] = { 4, 3 };
  g_autoptr(PangoLayout) target_label = NULL;
  g_autoptr(GPtrArray) ticks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) months = g_ptr_array_new_with_free_func (g_object_unref);
  double lo, hi, step, fs, label_w, label_h, target_w, month_w = 0;
  double left, right, top, bottom, slot;
  int decimals, n_ticks, every = 1, last_with_value = -1;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (trend != NULL && trend->goal != NULL);

  if (style == NULL)
    style = &print_style;
  fs = style->font_size;

  chart_scale (trend, &lo, &hi, &step);
  decimals = step >= 1 ? 0 : (int) ceil (-log10 (step) - 1e-9);
  n_ticks = (int) round ((hi - lo) / step) + 1;

  /* Measure first: the plot is what the labels leave. */
  label_w = 0;
  label_h = fs;
  for (int i = 0; i < n_ticks; i++)
    {
      double value = lo + i * step;
      g_autofree char *text = NULL;
      PangoLayout *layout;
      double w, h;

      if (fabs (value) < step * 1e-6)
        value = 0;
      text = format_chart_value (trend->goal, value, decimals);
      layout = chart_label_new (cr, style, text, FALSE);
      label_size (layout, &w, &h);
      label_w = MAX (label_w, w);
      label_h = h;
      g_ptr_array_add (ticks, layout);
    }
  /* TRANSLATORS: the label of a chart's dashed line: the goal's target */
  target_label = chart_label_new (cr, style, _("Target"), FALSE);
  label_size (target_label, &target_w, &label_h);
  for (int i = 0; i < GW_TREND_MONTHS; i++)
    {
      g_autofree char *text = gw_month_format_short (last_month - (GW_TREND_MONTHS - 1) + i);
      PangoLayout *layout = chart_label_new (cr, style, text != NULL ? text : "", FALSE);
      double w, h;

      label_size (layout, &w, &h);
      month_w = MAX (month_w, w);
      g_ptr_array_add (months, layout);
      if (trend->has_value[i])
        last_with_value = i;
    }

  left = x + label_w + fs * 0.6;
  right = x + width - target_w - fs * 0.6;
  top = y + label_h * 0.6;
  bottom = y + height - label_h - fs * 0.5;
  if (right - left < fs * 4 || bottom - top < fs * 2)
    return;
  slot = (right - left) / GW_TREND_MONTHS;
  /* Every month named when they fit, else every second, third…, always
   * the last. */
  while (every < GW_TREND_MONTHS && every * slot < month_w + fs * 0.6)
    every = every < 4 ? every + 1 : every < 6 ? 6 : GW_TREND_MONTHS;

#define Y_OF(value) (bottom - ((value) - lo) / (hi - lo) * (bottom - top))
#define X_OF(month) (left + ((month) + 0.5) * slot)

  cairo_save (cr);
  cairo_new_path (cr);

  /* Gridlines and the scale */
  cairo_set_line_width (cr, MAX (fs / 16, 0.5));
  for (int i = 0; i < n_ticks; i++)
    {
      double tick_y = Y_OF (lo + i * step);
      double w, h;

      set_color (cr, &style->foreground, i == 0 ? 0.6 : 0.15);
      cairo_move_to (cr, left, tick_y);
      cairo_line_to (cr, right, tick_y);
      cairo_stroke (cr);

      label_size (g_ptr_array_index (ticks, i), &w, &h);
      set_color (cr, &style->foreground, 0.8);
      cairo_move_to (cr, left - fs * 0.6 - w, tick_y - h / 2);
      pango_cairo_show_layout (cr, g_ptr_array_index (ticks, i));
    }

  /* The months */
  set_color (cr, &style->foreground, 0.8);
  for (int i = 0; i < GW_TREND_MONTHS; i++)
    {
      double w, h;

      if ((GW_TREND_MONTHS - 1 - i) % every != 0)
        continue;
      label_size (g_ptr_array_index (months, i), &w, &h);
      cairo_move_to (cr, X_OF (i) - w / 2, bottom + fs * 0.4);
      pango_cairo_show_layout (cr, g_ptr_array_index (months, i));
    }

  /* The target */
  set_color (cr, &style->foreground, 0.75);
  cairo_set_line_width (cr, MAX (fs / 8, 0.75));
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, left, Y_OF (trend->goal->target));
  cairo_line_to (cr, right, Y_OF (trend->goal->target));
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_move_to (cr, right + fs * 0.4, Y_OF (trend->goal->target) - label_h / 2);
  pango_cairo_show_layout (cr, target_label);

  /* The values: a line between neighbouring months with data, a dot on
   * each; a month without data is a gap, never a zero. */
  set_color (cr, &style->accent, 1);
  cairo_set_line_width (cr, fs / 5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (int i = 0; i < GW_TREND_MONTHS; i++)
    {
      if (!trend->has_value[i])
        continue;
      if (i > 0 && trend->has_value[i - 1])
        cairo_line_to (cr, X_OF (i), Y_OF (trend->values[i]));
      else
        cairo_move_to (cr, X_OF (i), Y_OF (trend->values[i]));
    }
  cairo_stroke (cr);
  for (int i = 0; i < GW_TREND_MONTHS; i++)
    if (trend->has_value[i])
      {
        cairo_new_sub_path (cr);
        cairo_arc (cr, X_OF (i), Y_OF (trend->values[i]), fs / 3, 0, 2 * G_PI);
      }
  cairo_fill (cr);

  if (last_with_value < 0)
    {
      g_autoptr(PangoLayout) none = chart_label_new (cr, style, _("No data yet"), FALSE);
      double target_y = Y_OF (trend->goal->target);
      double w, h, middle;

      /* In the larger space beside the target line, not across it. */
      label_size (none, &w, &h);
      middle = target_y - top > bottom - target_y ? (top + target_y) / 2 : (target_y + bottom) / 2;
      set_color (cr, &style->foreground, 0.7);
      cairo_move_to (cr, (left + right - w) / 2, middle - h / 2);
      pango_cairo_show_layout (cr, none);
    }
  else
    {
      /* The latest value, beside its dot: on the side that stays inside
       * the chart, clear of the dashed target and of the line coming in
       * from the month before, in that order. */
      double value = trend->values[last_with_value];
      double dot_y = Y_OF (value);
      double target_y = Y_OF (trend->goal->target);
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) latest = NULL;
      double w, h, label_x, label_y, gap = fs / 2;
      int cost[2] = { 0, 0 };   /* above, below */

      text = format_chart_value (trend->goal, round (value * 10) / 10,
                                 fabs (value - round (value)) < 0.05 ? 0 : 1);
      latest = chart_label_new (cr, style, text, TRUE);
      label_size (latest, &w, &h);

      if (dot_y - gap - h < y)
        cost[0] += 4;
      if (dot_y + gap + h > bottom)
        cost[1] += 4;
      if (target_y < dot_y && target_y > dot_y - gap - h - 1)
        cost[0] += 2;
      if (target_y > dot_y && target_y < dot_y + gap + h + 1)
        cost[1] += 2;
      if (last_with_value > 0 && trend->has_value[last_with_value - 1])
        cost[trend->values[last_with_value - 1] > value ? 0 : 1] += 1;
      label_x = CLAMP (X_OF (last_with_value) - w / 2, left, right - w);
      for (int i = 0; i < last_with_value; i++)
        {
          double other_y = Y_OF (trend->values[i]);

          if (!trend->has_value[i] || X_OF (i) + fs / 3 < label_x || X_OF (i) - fs / 3 > label_x + w)
            continue;
          if (other_y > dot_y - gap - h - fs / 3 && other_y < dot_y)
            cost[0] += 4;
          if (other_y < dot_y + gap + h + fs / 3 && other_y > dot_y)
            cost[1] += 4;
        }
      /* A tie: above a good value, below a poor one. */
      if (cost[0] == cost[1])
        cost[gw_goal_standing (trend->goal, TRUE, value) == GW_STANDING_ON_TRACK
             ? 1 : 0] += 1;

      label_y = cost[0] < cost[1] ? dot_y - gap - h : dot_y + gap;
      /* Where it would hide another month's dot or leave the chart, the
       * scale says enough. */
      if (MIN (cost[0], cost[1]) < 4)
        {
          set_color (cr, &style->accent, 1);
          cairo_move_to (cr, label_x, label_y);
          pango_cairo_show_layout (cr, latest);
        }
    }

#undef X_OF
#undef Y_OF

  cairo_restore (cr);
}

/* The Customer Service Quotient over time */

typedef struct {
  gint64   taken_at;
  int      score;      /* in sixtieths */
  gboolean owner;
} HistoryPoint;

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const HistoryPoint *p = a;
  const HistoryPoint *q = b;

  return (p->taken_at > q->taken_at) - (p->taken_at < q->taken_at);
}

static double
chart_text_width (cairo_t            *cr,
                  const GwTrendStyle *style,
                  const char         *text)
{
  g_autoptr(PangoLayout) layout = chart_label_new (cr, style, text != NULL ? text : "", FALSE);
  double width, height;

  label_size (layout, &width, &height);
  return width;
}

/* "Nov 2026" for a chart's axis, or "2026" when it names only Januaries. */
static char *
format_month_year (GwMonth  month,
                   gboolean year_only)
{
  g_autoptr(GDateTime) first = g_date_time_new_local (gw_month_get_year (month),
                                                      gw_month_get_month (month), 1, 12, 0, 0);

  if (first == NULL)
    return g_strdup ("");
  if (year_only)
    return g_date_time_format (first, "%Y");
  /* TRANSLATORS: a month and year under a chart, "Nov 2026"; see strftime(3):
   * %Ob is the month's short name standing alone, %Y the year */
  return g_date_time_format (first, _("%Ob %Y"));
}

static gint64
month_start (GwMonth month)
{
  gint64 from, until;

  gw_month_bounds (month, &from, &until);
  return from;
}

/* How many months apart the dates under a chart are: the fewest that
 * leave each date room beside the next, placed as they will be drawn;
 * else those that name the most. @starts holds where each month from
 * @first starts, NAN for those off the chart; from a year apart only the
 * year is named. */
static int
month_step (const GArray *starts,
            GwMonth       first,
            double        month_width,
            double        year_width,
            double        gap,
            double        min_x,
            double        max_x)
{
  static const int steps[] = { 1, 2, 3, 4, 6, 12, 24, 36, 60, 120 };
  int best = 1, best_count = 0;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      double drawn_until = -G_MAXDOUBLE;
      double label_width = steps[i] >= 12 ? year_width : month_width;
      gboolean fits = TRUE;
      int count = 0;

      for (guint j = 0; j < starts->len; j++)
        {
          double start_x = g_array_index (starts, double, j);
          double label_x;

          if ((first + (int) j) % steps[i] != 0 || isnan (start_x))
            continue;
          label_x = CLAMP (start_x - label_width / 2, min_x, max_x - label_width);
          if (label_x < drawn_until + gap)
            {
              fits = FALSE;
              continue;
            }
          drawn_until = label_x + label_width;
          count++;
        }
      if (fits && count > 0)
        return steps[i];
      if (count > best_count)
        {
          best = steps[i];
          best_count = count;
        }
    }
  return best;
}

/**
 * gw_report_draw_assessment_history:
 * @assessments: (element-type GwAssessment): completed ones, oldest first
 * @section: a section, or -1 for the total
 * @x: the chart's left, in the units of @cr
 * @style: (nullable): colours and label size; %NULL for the printed look
 *
 * Draws the total (on its scale of 7 to 35, with the bands' boundaries as
 * dashed lines) or one section's average (1 to 5) of every assessment, by
 * the date it was taken: the owner's as a line with dots in the accent
 * colour, the staff's as rings beside them, so the two can be compared.
 * Nothing at all without an assessment.
 */
void
gw_report_draw_assessment_history (cairo_t            *cr,
                                   GPtrArray          *assessments,
                                   int                 section,
                                   double              x,
                                   double              y,
                                   double              width,
                                   double              height,
                                   const GwTrendStyle *style)
{
  static const double dashes[] = { 4, 3 };
  static const int total_ticks[] = { 7, 14, 21, 28, 35 };
  static const int section_ticks[] = { 1, 2, 3, 4, 5 };
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (HistoryPoint));
  g_autoptr(GPtrArray) ticks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PangoLayout) owner_label = NULL;
  g_autoptr(PangoLayout) staff_label = NULL;
  g_autoptr(PangoLayout) latest = NULL;
  const int *tick_values = section < 0 ? total_ticks : section_ticks;
  guint n_ticks = section < 0 ? G_N_ELEMENTS (total_ticks) : G_N_ELEMENTS (section_ticks);
  double lo = tick_values[0], hi = tick_values[n_ticks - 1];
  double fs, label_w = 0, label_h, legend_h = 0, latest_w = 0, latest_h = 0;
  double left, right, top, bottom, inner_left, inner_right, dot, ring;
  gint64 first_time, last_time;
  gboolean any_owner = FALSE, any_staff = FALSE;
  int last_owner = -1;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (section >= -1 && section < GW_ASSESSMENT_SECTIONS);

  if (style == NULL)
    style = &print_style;
  fs = style->font_size;

  for (guint i = 0; assessments != NULL && i < assessments->len; i++)
    {
      const GwAssessment *assessment = g_ptr_array_index (assessments, i);
      int scores[GW_ASSESSMENT_SECTIONS];
      HistoryPoint point;

      if (!gw_assessment_score (assessment, scores, &point.score))
        continue;
      if (section >= 0)
        point.score = scores[section];
      point.taken_at = assessment->taken_at;
      point.owner = assessment->staff_id == 0;
      g_array_append_val (points, point);
    }
  if (points->len == 0)
    return;
  g_array_sort (points, compare_points);
  for (guint i = 0; i < points->len; i++)
    {
      const HistoryPoint *point = &g_array_index (points, HistoryPoint, i);

      any_owner = any_owner || point->owner;
      any_staff = any_staff || !point->owner;
      if (point->owner)
        last_owner = (int) i;
    }
  first_time = g_array_index (points, HistoryPoint, 0).taken_at;
  last_time = g_array_index (points, HistoryPoint, points->len - 1).taken_at;

  /* Measure first: the plot is what the labels leave. */
  label_h = fs;
  for (guint i = 0; i < n_ticks; i++)
    {
      g_autofree char *text = gw_format_integer (tick_values[i]);
      PangoLayout *layout = chart_label_new (cr, style, text, FALSE);
      double w;

      label_size (layout, &w, &label_h);
      label_w = MAX (label_w, w);
      g_ptr_array_add (ticks, layout);
    }
  /* A key, when there is something to tell apart. */
  if (any_owner && any_staff)
    {
      double w;

      /* TRANSLATORS: the key of a chart: the owner's assessments */
      owner_label = chart_label_new (cr, style, _("Owner"), FALSE);
      /* TRANSLATORS: the key of a chart: the staff's assessments */
      staff_label = chart_label_new (cr, style, C_("chart key", "Staff"), FALSE);
      label_size (owner_label, &w, &legend_h);
      legend_h += fs * 0.5;
    }
  if (last_owner >= 0)
    {
      int score = g_array_index (points, HistoryPoint, last_owner).score;
      g_autofree char *text = section < 0 ? gw_total_format (score) : gw_score_format (score);

      latest = chart_label_new (cr, style, text, TRUE);
      label_size (latest, &latest_w, &latest_h);
    }

  dot = fs / 3;
  ring = fs * 0.42;
  left = x + label_w + fs * 0.6;
  right = x + width - fs * 0.3;
  top = y + legend_h + label_h * 0.6;
  bottom = y + height - label_h - fs * 0.5;
  if (right - left < fs * 4 || bottom - top < fs * 2)
    return;
  /* Clear of the axis, and with room for the latest value to the right of
   * its dot when it is the last. */
  inner_left = left + fs;
  inner_right = right - ring;
  if (last_owner == (int) points->len - 1 && inner_right - latest_w - fs * 0.5 - inner_left > fs * 4)
    inner_right -= latest_w + fs * 0.5;

#define Y_OF(score) (bottom - (gw_score_to_double (score) - lo) / (hi - lo) * (bottom - top))
#define X_OF(time) (last_time == first_time ? (left + right) / 2                           \
                    : inner_left + (double) ((time) - first_time) / (last_time - first_time) \
                                   * (inner_right - inner_left))

  cairo_save (cr);
  cairo_new_path (cr);

  /* Gridlines and the scale; the bands' boundaries dashed. */
  for (guint i = 0; i < n_ticks; i++)
    {
      double tick_y = Y_OF (tick_values[i] * GW_SCORE_DENOMINATOR);
      gboolean boundary = section < 0 && (tick_values[i] == 21 || tick_values[i] == 28);
      double w, h;

      if (boundary)
        {
          set_color (cr, &style->foreground, 0.45);
          cairo_set_line_width (cr, MAX (fs / 12, 0.6));
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
        }
      else
        {
          set_color (cr, &style->foreground, i == 0 ? 0.6 : 0.15);
          cairo_set_line_width (cr, MAX (fs / 16, 0.5));
        }
      cairo_move_to (cr, left, tick_y);
      cairo_line_to (cr, right, tick_y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      label_size (g_ptr_array_index (ticks, i), &w, &h);
      set_color (cr, &style->foreground, 0.8);
      cairo_move_to (cr, left - fs * 0.6 - w, tick_y - h / 2);
      pango_cairo_show_layout (cr, g_ptr_array_index (ticks, i));
    }

  /* A few dates: the first of a month every so many months, or the one
   * month when all fall in it. */
  set_color (cr, &style->foreground, 0.8);
  if (gw_month_from_time (first_time) == gw_month_from_time (last_time))
    {
      g_autofree char *text = format_month_year (gw_month_from_time (first_time), FALSE);
      g_autoptr(PangoLayout) layout = chart_label_new (cr, style, text != NULL ? text : "", FALSE);
      double w, h;

      label_size (layout, &w, &h);
      cairo_move_to (cr, CLAMP ((X_OF (first_time) + X_OF (last_time)) / 2 - w / 2, x,
                                x + width - w),
                     bottom + fs * 0.4);
      pango_cairo_show_layout (cr, layout);
    }
  else
    {
      double per_second = (inner_right - inner_left) / (last_time - first_time);
      gint64 from = first_time - (gint64) ((inner_left - left) / per_second);
      gint64 until = last_time + (gint64) ((inner_left - left) / per_second);
      GwMonth first = gw_month_from_time (from);
      GwMonth last = gw_month_from_time (until);
      g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *year = NULL;
      double month_w = 0, year_w = 0, h, drawn_until = -G_MAXDOUBLE;
      int step = 0;

      /* Over a century the dates are not worth naming. */
      if (last - first <= 1200)
        {
          for (GwMonth m = first; m <= last; m++)
            {
              gint64 start = month_start (m);
              double start_x = start >= from && start <= until ? X_OF (start) : NAN;

              g_array_append_val (starts, start_x);
            }
          /* The widest date the chart might show. */
          for (GwMonth m = MAX (first, last - 11); m <= last; m++)
            {
              g_autofree char *text = format_month_year (m, FALSE);

              month_w = MAX (month_w, chart_text_width (cr, style, text));
            }
          year = format_month_year (last, TRUE);
          year_w = chart_text_width (cr, style, year);
          step = month_step (starts, first, month_w, year_w, fs, x, x + width);
        }
      cairo_set_line_width (cr, MAX (fs / 16, 0.5));
      for (guint i = 0; step > 0 && i < starts->len; i++)
        {
          double start_x = g_array_index (starts, double, i);
          g_autofree char *text = NULL;
          g_autoptr(PangoLayout) layout = NULL;
          double w, label_x;

          if ((first + (int) i) % step != 0 || isnan (start_x))
            continue;
          text = format_month_year (first + (int) i, step >= 12);
          layout = chart_label_new (cr, style, text != NULL ? text : "", FALSE);
          label_size (layout, &w, &h);
          label_x = CLAMP (start_x - w / 2, x, x + width - w);
          if (label_x < drawn_until + fs)
            continue;
          set_color (cr, &style->foreground, 0.6);
          cairo_move_to (cr, start_x, bottom);
          cairo_line_to (cr, start_x, bottom + fs * 0.3);
          cairo_stroke (cr);
          set_color (cr, &style->foreground, 0.8);
          cairo_move_to (cr, label_x, bottom + fs * 0.4);
          pango_cairo_show_layout (cr, layout);
          drawn_until = label_x + w;
        }
    }

  /* The staff's: rings, a little larger than the owner's dots, so one on
   * the same spot still shows around it. */
  set_color (cr, &style->foreground, 0.55);
  cairo_set_line_width (cr, MAX (fs / 8, 0.75));
  {
    /* Two people who scored alike in the same days would be one ring: each
     * that would cover one already drawn moves beside it. */
    typedef struct { double x, y; } Centre;
    g_autoptr(GArray) drawn = g_array_new (FALSE, FALSE, sizeof (Centre));

    for (guint i = 0; i < points->len; i++)
      {
        const HistoryPoint *point = &g_array_index (points, HistoryPoint, i);
        Centre centre;

        if (point->owner)
          continue;
        centre = (Centre) { X_OF (point->taken_at), Y_OF (point->score) };
        for (guint tries = 0; tries < 8; tries++)
          {
            gboolean clear = TRUE;

            for (guint k = 0; k < drawn->len && clear; k++)
              {
                const Centre *other = &g_array_index (drawn, Centre, k);

                clear = hypot (centre.x - other->x, centre.y - other->y) >= 2 * ring;
              }
            if (clear)
              break;
            centre.x += 2 * ring + MAX (fs / 8, 0.75);
          }
        g_array_append_val (drawn, centre);
        cairo_new_sub_path (cr);
        cairo_arc (cr, centre.x, centre.y, ring, 0, 2 * G_PI);
      }
  }
  cairo_stroke (cr);

  /* The owner's: a line from one to the next, a dot on each. */
  set_color (cr, &style->accent, 1);
  cairo_set_line_width (cr, fs / 5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < points->len; i++)
    {
      const HistoryPoint *point = &g_array_index (points, HistoryPoint, i);

      if (point->owner)
        cairo_line_to (cr, X_OF (point->taken_at), Y_OF (point->score));
    }
  cairo_stroke (cr);
  for (guint i = 0; i < points->len; i++)
    {
      const HistoryPoint *point = &g_array_index (points, HistoryPoint, i);

      if (!point->owner)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, X_OF (point->taken_at), Y_OF (point->score), dot, 0, 2 * G_PI);
    }
  cairo_fill (cr);

  /* The owner's latest value, beside its dot: to the right when that is
   * clear, else above or below, away from the other dots, the dashed
   * lines and the line coming in. */
  if (latest != NULL)
    {
      const HistoryPoint *point = &g_array_index (points, HistoryPoint, last_owner);
      double dot_x = X_OF (point->taken_at);
      double dot_y = Y_OF (point->score);
      double gap = fs / 2;
      double place_x[3], place_y[3];
      int cost[3] = { 0, 0, 0 };   /* right, above, below */
      int best = 0;

      place_x[0] = dot_x + ring + gap / 2;
      place_y[0] = dot_y - latest_h / 2;
      place_x[1] = place_x[2] = CLAMP (dot_x - latest_w / 2, left, right - latest_w);
      place_y[1] = dot_y - gap - latest_h;
      place_y[2] = dot_y + gap;

      if (place_x[0] + latest_w > x + width)
        cost[0] += 4;
      /* Below the key, when there is one. */
      if (place_y[1] < y + legend_h)
        cost[1] += 4;
      if (place_y[2] + latest_h > bottom)
        cost[2] += 4;
      for (guint i = 0; i < points->len; i++)
        {
          const HistoryPoint *other = &g_array_index (points, HistoryPoint, i);
          double other_x = X_OF (other->taken_at);
          double other_y = Y_OF (other->score);

          if ((int) i == last_owner)
            continue;
          for (int k = 0; k < 3; k++)
            if (other_x + ring > place_x[k] && other_x - ring < place_x[k] + latest_w
                && other_y + ring > place_y[k] && other_y - ring < place_y[k] + latest_h)
              cost[k] += 3;
        }
      for (guint i = 0; section < 0 && i < n_ticks; i++)
        {
          double line_y = Y_OF (tick_values[i] * GW_SCORE_DENOMINATOR);

          if (tick_values[i] != 21 && tick_values[i] != 28)
            continue;
          for (int k = 0; k < 3; k++)
            if (line_y > place_y[k] + 1 && line_y < place_y[k] + latest_h - 1)
              cost[k] += 1;
        }
      /* The line comes in from the owner's assessment before. */
      for (int i = last_owner - 1; i >= 0; i--)
        {
          const HistoryPoint *before = &g_array_index (points, HistoryPoint, i);

          if (!before->owner)
            continue;
          cost[before->score > point->score ? 1 : 2] += 2;
          break;
        }
      for (int k = 1; k < 3; k++)
        if (cost[k] < cost[best])
          best = k;

      set_color (cr, &style->accent, 1);
      cairo_move_to (cr, CLAMP (place_x[best], x, x + width - latest_w),
                     CLAMP (place_y[best], y + legend_h, bottom - latest_h));
      pango_cairo_show_layout (cr, latest);
    }

  /* The key, at the top right: a dot for the owner, a ring for the staff. */
  if (owner_label != NULL)
    {
      double owner_w, staff_w, h, key_x, key_y;

      label_size (owner_label, &owner_w, &h);
      label_size (staff_label, &staff_w, &h);
      key_y = y;
      key_x = x + width - staff_w;
      set_color (cr, &style->foreground, 0.8);
      cairo_move_to (cr, key_x, key_y);
      pango_cairo_show_layout (cr, staff_label);
      key_x -= ring + fs * 0.4;
      set_color (cr, &style->foreground, 0.55);
      cairo_set_line_width (cr, MAX (fs / 8, 0.75));
      cairo_new_sub_path (cr);
      cairo_arc (cr, key_x, key_y + h / 2, ring, 0, 2 * G_PI);
      cairo_stroke (cr);

      key_x -= ring + fs + owner_w;
      set_color (cr, &style->foreground, 0.8);
      cairo_move_to (cr, key_x, key_y);
      pango_cairo_show_layout (cr, owner_label);
      key_x -= dot + fs * 0.4;
      set_color (cr, &style->accent, 1);
      cairo_new_sub_path (cr);
      cairo_arc (cr, key_x, key_y + h / 2, dot, 0, 2 * G_PI);
      cairo_fill (cr);
    }

#undef X_OF
#undef Y_OF

  cairo_restore (cr);
}
