/* gw-assessment.h: the Customer Service Quotient self-test and its scoring */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GW_ASSESSMENT_SECTIONS   7
#define GW_ASSESSMENT_STATEMENTS 25
#define GW_RATING_MIN 1
#define GW_RATING_MAX 5

typedef struct {
  const char        *title;        /* translatable */
  const char        *advice;       /* translatable: what to work on when it is weak */
  guint              first;        /* index of its first statement */
  guint              n_statements;
} GwAssessmentSection;

const GwAssessmentSection *gw_assessment_section   (guint section);
const char                *gw_assessment_statement (guint statement);
guint                      gw_assessment_section_of (guint statement);

typedef enum {
  GW_BAND_AT_RISK,   /* below 21: likely losing customers */
  GW_BAND_ADEQUATE,  /* 21 up to 28: improvement needed */
  GW_BAND_ASSET,     /* 28 and up: service is an asset */
} GwBand;

/* One person's answers on one day; 0 is "not answered yet". */
typedef struct {
  gint64  id;
  gint64  taken_at;
  gint64  staff_id;        /* 0: the owner */
  char   *respondent;      /* the staff member's name, when read from the store */
  guint8  answers[GW_ASSESSMENT_STATEMENTS];
  gboolean completed;
} GwAssessment;

GwAssessment *gw_assessment_new  (void);
GwAssessment *gw_assessment_copy (const GwAssessment *assessment);
void          gw_assessment_free (GwAssessment       *assessment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwAssessment, gw_assessment_free)

/* Scores are kept in sixtieths, so that sums of averages over 3, 4 and 5
 * statements are exact and a band's boundary is never missed by rounding. */
#define GW_SCORE_DENOMINATOR 60

guint      gw_assessment_first_unanswered (const GwAssessment *assessment);
gboolean   gw_assessment_score            (const GwAssessment *assessment,
                                           int                 section_scores[GW_ASSESSMENT_SECTIONS],
                                           int                *total);
GwBand     gw_assessment_band             (int                 total);
const char *gw_band_label                 (GwBand              band);
const char *gw_band_advice                (GwBand              band);
void       gw_assessment_weakest          (const int           section_scores[GW_ASSESSMENT_SECTIONS],
                                           guint              *weakest,
                                           guint              *second);
double     gw_score_to_double             (int                 score);
char      *gw_score_format                (int                 score);
char      *gw_total_format                (int                 total);
char      *gw_assessment_describe_change  (int                 total,
                                           int                 previous_total,
                                           gint64              previous_taken_at);

G_END_DECLS
