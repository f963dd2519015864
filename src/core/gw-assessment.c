/* gw-assessment.c: the Customer Service Quotient: 25 statements in seven
 * sections, each rated 1 to 5; a section scores the average of its
 * statements and the total is the sum of the seven averages, 7 to 35 */

#include "config.h"

#include <glib/gi18n.h>

#include "gw-assessment.h"
#include "gw-datetime.h"

static const char *const statements[GW_ASSESSMENT_STATEMENTS] = {
  /* Customer-focused culture */
  N_("We do whatever it takes to satisfy a customer."),
  N_("We try to get it right the first time."),
  N_("As the owner, I set the example that service matters."),
  N_("Meeting customers' needs comes before our own internal needs."),
  /* Products and sales materials */
  N_("We sell as partners to our customers."),
  N_("Our advertising never promises what we cannot deliver."),
  N_("We know the features and benefits that matter most to our customers."),
  N_("We design new products and services from what customers tell us."),
  /* Responding to feedback */
  N_("We review customer complaints."),
  N_("We ask customers for feedback all the time."),
  N_("We routinely look for ways to remove errors, based on what customers tell us."),
  /* Knowing the customers */
  N_("We have found out what our customers expect of us."),
  N_("We talk with our customers often."),
  N_("Every employee knows what matters to our customers."),
  /* Being easy to reach */
  N_("We make it easy for customers to deal with us."),
  N_("We want to resolve every complaint."),
  N_("We encourage customers to tell us when something is wrong."),
  /* Staff */
  N_("I respect my employees."),
  N_("Every employee understands our products and services well."),
  N_("Every employee has the tools and skills to do the job well."),
  N_("Every employee is encouraged to solve customers' problems."),
  N_("Every employee sees customer satisfaction as part of the job."),
  /* Continuous improvement */
  N_("We keep improving our processes and products."),
  N_("We network with other businesses to learn from their strengths and weaknesses."),
  N_("When a problem comes up, we resolve it quickly."),
};

static const GwAssessmentSection sections[GW_ASSESSMENT_SECTIONS] = {
  { N_("Customer-focused culture"),
    N_("Set the example yourself: put the customer's need first in every decision, and talk about good service every day."),
    0, 4 },
  { N_("Products and sales materials"),
    N_("Check every advertisement against what you can really deliver, and ask customers what they would like next."),
    4, 4 },
  { N_("Responding to feedback"),
    N_("Go through the complaint log every month, ask customers what they think, and fix the causes behind repeated complaints."),
    8, 3 },
  { N_("Knowing the customers"),
    N_("Ask customers what they expect, talk with them often, and share what you learn with every member of staff."),
    11, 3 },
  { N_("Being easy to reach"),
    N_("Make it easy to get in touch, answer quickly, keep the promised follow-ups, and invite customers to say when something is wrong."),
    14, 3 },
  { N_("Staff"),
    N_("Train everyone, give them the tools they need, let them solve problems on the spot, and recognise good service."),
    17, 5 },
  { N_("Continuous improvement"),
    N_("Review how things are done regularly, learn from other businesses, and solve problems as soon as they come up."),
    22, 3 },
};

const GwAssessmentSection *
gw_assessment_section (guint section)
{
  g_return_val_if_fail (section < GW_ASSESSMENT_SECTIONS, NULL);
  return &sections[section];
}

const char *
gw_assessment_statement (guint statement)
{
  g_return_val_if_fail (statement < GW_ASSESSMENT_STATEMENTS, NULL);
  return _(statements[statement]);
}

guint
gw_assessment_section_of (guint statement)
{
  for (guint i = GW_ASSESSMENT_SECTIONS; i-- > 0;)
    if (statement >= sections[i].first)
      return i;
  return 0;
}

GwAssessment *
gw_assessment_new (void)
{
  GwAssessment *assessment = g_new0 (GwAssessment, 1);

  assessment->respondent = g_strdup ("");
  return assessment;
}

GwAssessment *
gw_assessment_copy (const GwAssessment *assessment)
{
  GwAssessment *copy = g_memdup2 (assessment, sizeof *assessment);

  copy->respondent = g_strdup (assessment->respondent);
  return copy;
}

void
gw_assessment_free (GwAssessment *assessment)
{
  if (assessment == NULL)
    return;
  g_free (assessment->respondent);
  g_free (assessment);
}

/**
 * gw_assessment_first_unanswered:
 *
 * Returns: the first statement without a rating from 1 to 5, or
 *   %GW_ASSESSMENT_STATEMENTS when all are answered
 */
guint
gw_assessment_first_unanswered (const GwAssessment *assessment)
{
  for (guint i = 0; i < GW_ASSESSMENT_STATEMENTS; i++)
    if (assessment->answers[i] < GW_RATING_MIN || assessment->answers[i] > GW_RATING_MAX)
      return i;
  return GW_ASSESSMENT_STATEMENTS;
}

/**
 * gw_assessment_score:
 * @section_scores: (out): each section's average, in sixtieths
 * @total: (out): the sum of the averages, in sixtieths (420 to 2100)
 *
 * Returns: %FALSE when a statement is unanswered
 */
gboolean
gw_assessment_score (const GwAssessment *assessment,
                     int                 section_scores[GW_ASSESSMENT_SECTIONS],
                     int                *total)
{
  g_return_val_if_fail (assessment != NULL, FALSE);

  if (gw_assessment_first_unanswered (assessment) < GW_ASSESSMENT_STATEMENTS)
    return FALSE;
  *total = 0;
  for (guint s = 0; s < GW_ASSESSMENT_SECTIONS; s++)
    {
      int sum = 0;

      for (guint i = 0; i < sections[s].n_statements; i++)
        sum += assessment->answers[sections[s].first + i];
      /* 60 divides by 3, 4 and 5: the average is exact. */
      section_scores[s] = sum * GW_SCORE_DENOMINATOR / (int) sections[s].n_statements;
      *total += section_scores[s];
    }
  return TRUE;
}

GwBand
gw_assessment_band (int total)
{
  if (total >= 28 * GW_SCORE_DENOMINATOR)
    return GW_BAND_ASSET;
  if (total >= 21 * GW_SCORE_DENOMINATOR)
    return GW_BAND_ADEQUATE;
  return GW_BAND_AT_RISK;
}

const char *
gw_band_label (GwBand band)
{
  switch (band)
    {
    case GW_BAND_ASSET:
      return _("Your customer service is an asset");
    case GW_BAND_ADEQUATE:
      return _("Adequate, but overall improvement is needed");
    case GW_BAND_AT_RISK:
    default:
      return _("You are probably losing customers");
    }
}

const char *
gw_band_advice (GwBand band)
{
  switch (band)
    {
    case GW_BAND_ASSET:
      return _("Keep it up, and work on the weakest sections below.");
    case GW_BAND_ADEQUATE:
      return _("Start with the two weakest sections below, and take the test again in a few months.");
    case GW_BAND_AT_RISK:
    default:
      return _("Act now: start with the two weakest sections below, and review the complaint log with your staff.");
    }
}

/* The two lowest sections; on a tie the earlier one, as the test orders
 * them from the foundation up. */
void
gw_assessment_weakest (const int  section_scores[GW_ASSESSMENT_SECTIONS],
                       guint     *weakest,
                       guint     *second)
{
  *weakest = 0;
  for (guint s = 1; s < GW_ASSESSMENT_SECTIONS; s++)
    if (section_scores[s] < section_scores[*weakest])
      *weakest = s;
  *second = *weakest == 0 ? 1 : 0;
  for (guint s = 0; s < GW_ASSESSMENT_SECTIONS; s++)
    if (s != *weakest && section_scores[s] < section_scores[*second])
      *second = s;
}

double
gw_score_to_double (int score)
{
  return (double) score / GW_SCORE_DENOMINATOR;
}

/* A section's average: "4.2", "4.0", "3.7", in the locale's numbers:
 * always one decimal, so scores side by side read alike. */
char *
gw_score_format (int score)
{
  int tenths = (score * 10 + GW_SCORE_DENOMINATOR / 2) / GW_SCORE_DENOMINATOR;

  return g_strdup_printf ("%.1f", tenths / 10.0);
}

/* A total: "27.5", "35.0", to one decimal, cut rather than rounded: 27.95
 * is adequate and shows as 27.9, never as a rounded 28 on the far side of
 * a band's boundary. */
char *
gw_total_format (int total)
{
  int tenths = total * 10 / GW_SCORE_DENOMINATOR;

  return g_strdup_printf ("%.1f", tenths / 10.0);
}

/* Against the assessment before: "Up 1.5 from 24 on 14/05/2026". The
 * difference is that of the totals as shown, in tenths cut as
 * gw_total_format() cuts them, so the figures add up on the page. */
char *
gw_assessment_describe_change (int    total,
                               int    previous_total,
                               gint64 previous_taken_at)
{
  int shown = total * 10 / GW_SCORE_DENOMINATOR;
  int shown_before = previous_total * 10 / GW_SCORE_DENOMINATOR;
  g_autofree char *date = gw_datetime_format_local_date (previous_taken_at);
  g_autofree char *before = gw_total_format (previous_total);
  g_autofree char *difference = gw_total_format (ABS (shown - shown_before)
                                                 * GW_SCORE_DENOMINATOR / 10);

  if (shown == shown_before)
    /* TRANSLATORS: a Customer Service Quotient against the one taken before;
     * %s is that one's date */
    return g_strdup_printf (_("The same as on %s"), date);
  if (shown > shown_before)
    /* TRANSLATORS: a Customer Service Quotient against the one taken before:
     * up by how much, from its total, on its date: "Up 1.5 from 24 on 14/05/2026" */
    return g_strdup_printf (_("Up %s from %s on %s"), difference, before, date);
  /* TRANSLATORS: a Customer Service Quotient against the one taken before:
   * down by how much, from its total, on its date: "Down 1.5 from 24 on 14/05/2026" */
  return g_strdup_printf (_("Down %s from %s on %s"), difference, before, date);
}
