/* gw-goals.h: goals, months, and the figures a month's complaints give */
#pragma once

#include <glib.h>

#include "gw-complaint-filter.h"
#include "gw-top-issues.h"

G_BEGIN_DECLS

/* A calendar month as one number: year × 12 + (month − 1), so that the
 * month before is simply one less. */
typedef int GwMonth;

#define GW_NO_MONTH G_MININT

GwMonth   gw_month_new           (int          year,
                                  int          month);
int       gw_month_get_year      (GwMonth      month);
int       gw_month_get_month     (GwMonth      month);
GwMonth   gw_month_from_time     (gint64       unix_seconds);
GwMonth   gw_month_last_complete (gint64       now);
void      gw_month_bounds        (GwMonth      month,
                                  gint64      *from,
                                  gint64      *until);
char     *gw_month_to_key        (GwMonth      month);
gboolean  gw_month_parse_key     (const char  *text,
                                  GwMonth     *month);
char     *gw_month_format        (GwMonth      month);
char     *gw_month_format_in_text (GwMonth     month);
char     *gw_month_format_short  (GwMonth      month);

typedef enum {
  GW_DIRECTION_HIGHER,   /* higher is better */
  GW_DIRECTION_LOWER,    /* lower is better */
  GW_N_DIRECTIONS,
} GwDirection;

/* Where a goal's monthly value comes from. */
typedef enum {
  GW_METRIC_TYPED,                 /* entered by hand */
  GW_METRIC_SATISFIED_SHARE,       /* % satisfied or delighted with the handling */
  GW_METRIC_BUY_AGAIN_SHARE,       /* % who will buy again */
  GW_METRIC_SOLVED_ON_SPOT_SHARE,  /* % solved there and then */
  GW_METRIC_FOLLOW_UPS_KEPT_SHARE, /* % of follow-ups kept on time */
  GW_METRIC_MEDIAN_RESOLVE_HOURS,  /* median hours from received to resolved */
  GW_METRIC_COMPLAINTS,            /* complaints received (in one category, or all) */
  GW_N_METRICS,
} GwMetric;

const char *gw_metric_token  (GwMetric     metric);
gboolean    gw_metric_parse  (const char  *token,
                              GwMetric    *metric);
const char *gw_metric_label  (GwMetric     metric);
const char *gw_metric_unit   (GwMetric     metric);

typedef struct {
  gint64       id;
  char        *name;
  char        *unit;
  GwDirection  direction;
  double       target;
  GwMonth      start_month;
  GwMetric     metric;
  gint64       category_id;   /* GW_METRIC_COMPLAINTS in one category; 0: all */
  char        *category;      /* its name, when read from the store */
} GwGoal;

GwGoal *gw_goal_new  (void);
GwGoal *gw_goal_copy (const GwGoal *goal);
void    gw_goal_free (GwGoal       *goal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwGoal, gw_goal_free)

/* The DOMAIN's example goals, offered as one-click starting points. */
typedef struct {
  const char  *name;     /* translatable, N_() */
  const char  *unit;     /* translatable, N_() */
  GwDirection  direction;
  double       target;
  GwMetric     metric;
} GwGoalTemplate;

const GwGoalTemplate *gw_goal_templates        (guint                *n_templates);
GwGoal               *gw_goal_new_from_template (const GwGoalTemplate *template,
                                                 GwMonth               start_month);

/* What the complaint log says of one month (or one category in it). */
typedef struct {
  gint64 complaints;       /* of kind complaint, received in the month */
  gint64 comments;
  gint64 compliments;
  gint64 resolved;         /* of the complaints, resolved by now */
  gint64 feeling_known;    /* complaints whose customer's feeling was recorded */
  gint64 satisfied;        /* of those, satisfied or delighted */
  gint64 buy_again_known;  /* complaints where it is known whether they buy again */
  gint64 buy_again;        /* of those, yes */
  gint64 solved_on_spot;
  gint64 follow_ups_due;   /* follow-ups that fell due by now */
  gint64 follow_ups_kept;  /* of those, resolved or the customer told in time */
  gint64 median_resolve_secs;  /* of the resolved; 0 when none */
  gint64 compensation;     /* minor units */
} GwMonthFacts;

typedef enum {
  GW_STANDING_NO_DATA,
  GW_STANDING_ON_TRACK,
  GW_STANDING_OFF_TRACK,
} GwStanding;

gboolean    gw_metric_value      (GwMetric            metric,
                                  const GwMonthFacts *facts,
                                  double             *value);
GwStanding  gw_goal_standing     (const GwGoal       *goal,
                                  gboolean            has_value,
                                  double              value);
char       *gw_goal_format_value (const GwGoal       *goal,
                                  double              value);
gboolean    gw_goal_parse_value  (const char         *text,
                                  double             *value);

/* How many months a review's trend covers, ending with the month reviewed. */
#define GW_TREND_MONTHS 12

/* One goal over the months up to the one reviewed. */
typedef struct {
  GwGoal   *goal;
  double    values[GW_TREND_MONTHS];
  gboolean  has_value[GW_TREND_MONTHS];   /* FALSE: no data, never 0 */
} GwGoalTrend;

void gw_goal_trend_free (GwGoalTrend *trend);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwGoalTrend, gw_goal_trend_free)

/* Everything a month's review shows, and its printed report. */
typedef struct {
  GwMonth       month;
  GwMonthFacts  facts;
  GPtrArray    *trends;         /* GwGoalTrend, one per goal */
  GPtrArray    *top_issues;     /* GwTopIssue, at most three */
  GPtrArray    *recognitions;   /* GwRecognition given in the month */
  char         *notes;
  char         *vision;         /* the current statement; "" when none */
} GwMonthlyReview;

void gw_monthly_review_free (GwMonthlyReview *review);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwMonthlyReview, gw_monthly_review_free)

G_END_DECLS
