/* test-goals.c: months, goals and every figure a monthly review computes,
 * on a store of complaints counted by hand */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "store/gw-store.h"

/* Central European time, written out so no time zone database is needed:
 * UTC+1 in winter, UTC+2 from the last Sunday of March. */
#define TEST_TZ "CET-1CEST,M3.5.0,M10.5.0/3"

typedef struct {
  char    *directory;
  GwStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->directory = g_dir_make_tmp ("goodwill-goals-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->directory, "store.db", NULL);
  fixture->store = gw_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->store);
  dir = g_dir_open (fixture->directory, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->directory, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->directory);
  g_free (fixture->directory);
}

static gint64
utc (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

typedef struct {
  GwKind      kind;
  gint64      received_at;
  gint64      resolved_at;     /* 0: open */
  gint64      follow_up_at;    /* 0: none */
  GwFeeling   feeling;
  GwBuyAgain  buy_again;
  gboolean    on_spot;
  const char *category;
} Row;

static void
add_rows (GwStore   *store,
          const Row *rows,
          guint      n_rows)
{
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GwComplaint) complaint = gw_complaint_new ();
      g_autoptr(GError) error = NULL;
      gint64 id;

      complaint->kind = rows[i].kind;
      complaint->received_at = rows[i].received_at;
      complaint->resolved_at = rows[i].resolved_at != 0 ? rows[i].resolved_at : GW_NO_TIME;
      complaint->status = rows[i].resolved_at != 0 ? GW_STATUS_RESOLVED : GW_STATUS_OPEN;
      complaint->follow_up_at = rows[i].follow_up_at != 0 ? rows[i].follow_up_at : GW_NO_TIME;
      complaint->customer_feeling = rows[i].feeling;
      complaint->will_buy_again = rows[i].buy_again;
      complaint->solved_on_spot = rows[i].on_spot;
      g_free (complaint->description);
      complaint->description = g_strdup ("Counted by hand");
      g_free (complaint->category);
      complaint->category = g_strdup (rows[i].category != NULL ? rows[i].category : "");
      id = gw_store_add_complaint (store, complaint, &error);
      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
    }
}

static void
test_months (void)
{
  GwMonth month = 0;
  gint64 from, until;
  g_autofree char *key = NULL;

  g_assert_true (gw_month_parse_key ("2026-03", &month));
  g_assert_cmpint (gw_month_get_year (month), ==, 2026);
  g_assert_cmpint (gw_month_get_month (month), ==, 3);
  g_assert_cmpint (month - 1, ==, gw_month_new (2026, 2));
  g_assert_cmpint (gw_month_new (2026, 1) - 1, ==, gw_month_new (2025, 12));
  key = gw_month_to_key (gw_month_new (2025, 12) + 1);
  g_assert_cmpstr (key, ==, "2026-01");

  for (guint i = 0; i < 6; i++)
    {
      const char *bad[] = { "2026-13", "2026-00", "2026-1", "26-03", "March", "" };

      g_assert_false (gw_month_parse_key (bad[i], &month));
    }

  /* March in Central Europe starts at 23:00 UTC on the last day of
   * February and ends on the first summer-time midnight, 22:00 UTC. */
  gw_month_bounds (gw_month_new (2026, 3), &from, &until);
  g_assert_cmpint (from, ==, utc (2026, 2, 28, 23, 0));
  g_assert_cmpint (until, ==, utc (2026, 3, 31, 22, 0));
  g_assert_cmpint (gw_month_from_time (utc (2026, 2, 28, 23, 30)), ==, gw_month_new (2026, 3));
  g_assert_cmpint (gw_month_from_time (utc (2026, 3, 31, 22, 10)), ==, gw_month_new (2026, 4));
  /* The review looks at the last complete month, across a year too. */
  g_assert_cmpint (gw_month_last_complete (utc (2026, 1, 15, 12, 0)), ==, gw_month_new (2025, 12));
}

/* A month heads a page with a capital letter, and sits inside a Swedish
 * sentence without one. */
static void
test_month_names (void)
{
  g_autofree char *heading = NULL;
  g_autofree char *in_text = NULL;

  if (setlocale (LC_TIME, "sv_SE.UTF-8") == NULL)
    {
      g_test_skip ("the sv_SE.UTF-8 locale is not installed (tools/setup.sh installs it)");
      return;
    }
  heading = gw_month_format (gw_month_new (2026, 11));
  in_text = gw_month_format_in_text (gw_month_new (2026, 11));
  setlocale (LC_TIME, "C.UTF-8");
  g_assert_cmpstr (heading, ==, "November 2026");
  g_assert_cmpstr (in_text, ==, "november 2026");
}

static void
test_values_typed (void)
{
  g_autoptr(GwGoal) goal = gw_goal_new ();
  double value = 0;
  g_autofree char *percent = NULL;
  g_autofree char *seconds = NULL;

  g_assert_true (gw_goal_parse_value ("85,5", &value));
  g_assert_cmpfloat_with_epsilon (value, 85.5, 1e-9);
  g_assert_true (gw_goal_parse_value (" 92.5 % ", &value));
  g_assert_cmpfloat_with_epsilon (value, 92.5, 1e-9);
  g_assert_true (gw_goal_parse_value ("1\u00a0200", &value));
  g_assert_cmpfloat_with_epsilon (value, 1200, 1e-9);
  g_assert_false (gw_goal_parse_value ("", &value));
  g_assert_false (gw_goal_parse_value ("twenty", &value));
  g_assert_false (gw_goal_parse_value ("12abc", &value));
  g_assert_false (gw_goal_parse_value ("nan", &value));

  /* As the locale writes numbers: thousands grouped by its separator. A
   * missing locale is said, never passed over. */
  if (setlocale (LC_NUMERIC, "en_US.UTF-8") == NULL)
    g_test_skip ("the en_US.UTF-8 locale is not installed (tools/setup.sh installs it)");
  else
    {
      g_assert_true (gw_goal_parse_value ("1,200", &value));
      g_assert_cmpfloat_with_epsilon (value, 1200, 1e-9);
      g_assert_true (gw_goal_parse_value ("85.5", &value));
      g_assert_cmpfloat_with_epsilon (value, 85.5, 1e-9);
      /* Not three digits after it: a decimal comma after all. */
      g_assert_true (gw_goal_parse_value ("18,5", &value));
      g_assert_cmpfloat_with_epsilon (value, 18.5, 1e-9);
      g_assert_true (gw_goal_parse_value ("1,234,567", &value));
      g_assert_cmpfloat_with_epsilon (value, 1234567, 1e-9);
    }
  if (setlocale (LC_NUMERIC, "sv_SE.UTF-8") == NULL)
    g_test_skip ("the sv_SE.UTF-8 locale is not installed (tools/setup.sh installs it)");
  else
    {
      g_assert_true (gw_goal_parse_value ("85,5", &value));
      g_assert_cmpfloat_with_epsilon (value, 85.5, 1e-9);
      g_assert_true (gw_goal_parse_value ("85.5", &value));
      g_assert_cmpfloat_with_epsilon (value, 85.5, 1e-9);
    }
  setlocale (LC_NUMERIC, "C.UTF-8");

  g_free (goal->unit);
  goal->unit = g_strdup ("%");
  percent = gw_goal_format_value (goal, 85.54);
  g_assert_cmpstr (percent, ==, "85.5%");
  g_free (goal->unit);
  goal->unit = g_strdup ("seconds");
  seconds = gw_goal_format_value (goal, 20);
  g_assert_cmpstr (seconds, ==, "20 seconds");
}

/* Lower is better: under the target is on track, over it is not. */
static void
test_standing (void)
{
  guint n_templates;
  const GwGoalTemplate *templates = gw_goal_templates (&n_templates);
  g_autoptr(GwGoal) calls = gw_goal_new_from_template (&templates[0], gw_month_new (2026, 1));
  g_autoptr(GwGoal) satisfied = gw_goal_new_from_template (&templates[2], gw_month_new (2026, 1));

  g_assert_cmpuint (n_templates, ==, 4);
  g_assert_cmpstr (calls->name, ==, "Time to answer the phone");
  g_assert_cmpint (calls->direction, ==, GW_DIRECTION_LOWER);
  g_assert_cmpint (gw_goal_standing (calls, TRUE, 15), ==, GW_STANDING_ON_TRACK);
  g_assert_cmpint (gw_goal_standing (calls, TRUE, 20), ==, GW_STANDING_ON_TRACK);
  g_assert_cmpint (gw_goal_standing (calls, TRUE, 25), ==, GW_STANDING_OFF_TRACK);
  g_assert_cmpint (gw_goal_standing (calls, FALSE, 0), ==, GW_STANDING_NO_DATA);

  /* On the boundary, and a hair either side of it, in both directions. */
  g_assert_cmpint (gw_goal_standing (calls, TRUE, 20.05), ==, GW_STANDING_OFF_TRACK);
  g_assert_cmpint (gw_goal_standing (calls, TRUE, 19.95), ==, GW_STANDING_ON_TRACK);

  g_assert_cmpint (satisfied->metric, ==, GW_METRIC_SATISFIED_SHARE);
  g_assert_cmpint (gw_goal_standing (satisfied, TRUE, 95), ==, GW_STANDING_ON_TRACK);
  g_assert_cmpint (gw_goal_standing (satisfied, TRUE, 50), ==, GW_STANDING_OFF_TRACK);
  g_assert_cmpfloat (satisfied->target, ==, 90);
  g_assert_cmpint (gw_goal_standing (satisfied, TRUE, 90), ==, GW_STANDING_ON_TRACK);
  g_assert_cmpint (gw_goal_standing (satisfied, TRUE, 89.95), ==, GW_STANDING_OFF_TRACK);
  g_assert_cmpint (gw_goal_standing (satisfied, TRUE, 90.05), ==, GW_STANDING_ON_TRACK);
}


static double
value_of (GwMonthlyReview *review,
          const char      *goal_name,
          guint            months_back,
          gboolean        *has_value)
{
  for (guint i = 0; i < review->trends->len; i++)
    {
      GwGoalTrend *trend = g_ptr_array_index (review->trends, i);

      if (g_str_equal (trend->goal->name, goal_name))
        {
          *has_value = trend->has_value[GW_TREND_MONTHS - 1 - months_back];
          return trend->values[GW_TREND_MONTHS - 1 - months_back];
        }
    }
  g_assert_not_reached ();
}

static gint64
save_goal (GwStore     *store,
           const char  *name,
           GwMetric     metric,
           GwDirection  direction,
           double       target,
           gint64       category_id)
{
  g_autoptr(GwGoal) goal = gw_goal_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (goal->name);
  goal->name = g_strdup (name);
  goal->metric = metric;
  goal->direction = direction;
  goal->target = target;
  goal->category_id = category_id;
  goal->start_month = gw_month_new (2026, 1);
  id = gw_store_save_goal (store, goal, &error);
  g_assert_no_error (error);
  return id;
}

/* A follow-up sits on its boundaries: resolved at its very second is kept,
 * a second late is missed; one due at the review's very second is due,
 * one a second later is not yet. */
static void
test_follow_ups_kept_on_the_second (Fixture       *fixture,
                                    gconstpointer  data)
{
  gint64 now = utc (2026, 4, 10, 12, 0);
  gint64 due = utc (2026, 3, 12, 12, 0);
  const Row rows[] = {
    { GW_KIND_COMPLAINT, utc (2026, 3, 10, 9, 0), due, due, GW_FEELING_UNKNOWN,
      GW_BUY_AGAIN_UNKNOWN, FALSE, NULL },
    { GW_KIND_COMPLAINT, utc (2026, 3, 10, 9, 0), due + 1, due, GW_FEELING_UNKNOWN,
      GW_BUY_AGAIN_UNKNOWN, FALSE, NULL },
    { GW_KIND_COMPLAINT, utc (2026, 3, 10, 9, 0), due - 1, due, GW_FEELING_UNKNOWN,
      GW_BUY_AGAIN_UNKNOWN, FALSE, NULL },
    /* Still open: due at the review's very second (missed), and a second
     * after it (not counted at all). */
    { GW_KIND_COMPLAINT, utc (2026, 3, 11, 9, 0), 0, now, GW_FEELING_UNKNOWN,
      GW_BUY_AGAIN_UNKNOWN, FALSE, NULL },
    { GW_KIND_COMPLAINT, utc (2026, 3, 11, 9, 0), 0, now + 1, GW_FEELING_UNKNOWN,
      GW_BUY_AGAIN_UNKNOWN, FALSE, NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GwMonthlyReview) review = NULL;
  gboolean has_value = FALSE;
  double value;

  add_rows (fixture->store, rows, G_N_ELEMENTS (rows));
  save_goal (fixture->store, "Kept", GW_METRIC_FOLLOW_UPS_KEPT_SHARE, GW_DIRECTION_HIGHER, 90, 0);
  review = gw_store_monthly_review (fixture->store, gw_month_new (2026, 3), now, &error);
  g_assert_no_error (error);

  /* Four due; kept: on the second and a second early. */
  value = value_of (review, "Kept", 0, &has_value);
  g_assert_true (has_value);
  g_assert_cmpfloat_with_epsilon (value, 50, 1e-9);
}

/* Every computed figure against a hand count of these rows. */
static void
test_review_figures (Fixture       *fixture,
                     gconstpointer  data)
{
  const Row rows[] = {
    /* March, local time: the first minutes of the month count. */
    { GW_KIND_COMPLAINT, utc (2026, 2, 28, 23, 30), utc (2026, 3, 1, 1, 30),
      utc (2026, 3, 2, 12, 0), GW_FEELING_DELIGHTED, GW_BUY_AGAIN_YES, TRUE, "Delivery" },
    { GW_KIND_COMPLAINT, utc (2026, 3, 10, 9, 0), utc (2026, 3, 10, 15, 0),
      utc (2026, 3, 9, 12, 0), GW_FEELING_SATISFIED, GW_BUY_AGAIN_YES, FALSE, "Delivery" },
    { GW_KIND_COMPLAINT, utc (2026, 3, 20, 9, 0), utc (2026, 3, 21, 9, 0),
      0, GW_FEELING_DISSATISFIED, GW_BUY_AGAIN_NO, FALSE, "Prices" },
    /* Still open, the last minute of March; its follow-up is not due yet. */
    { GW_KIND_COMPLAINT, utc (2026, 3, 31, 21, 59), 0, utc (2026, 4, 20, 12, 0),
      GW_FEELING_UNKNOWN, GW_BUY_AGAIN_UNKNOWN, FALSE, "Prices" },
    { GW_KIND_COMPLIMENT, utc (2026, 3, 5, 12, 0), 0, 0, GW_FEELING_DELIGHTED,
      GW_BUY_AGAIN_YES, FALSE, NULL },
    { GW_KIND_COMMENT, utc (2026, 3, 6, 12, 0), 0, 0, GW_FEELING_UNKNOWN,
      GW_BUY_AGAIN_UNKNOWN, FALSE, NULL },
    /* April already, by local time. */
    { GW_KIND_COMPLAINT, utc (2026, 3, 31, 22, 10), 0, 0, GW_FEELING_DISSATISFIED,
      GW_BUY_AGAIN_NO, FALSE, "Delivery" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GwMonthlyReview) review = NULL;
  g_autoptr(GwMonthlyReview) february = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  gint64 delivery_id = 0, calls_id;
  gint64 now = utc (2026, 4, 10, 12, 0);
  gboolean has_value = FALSE;
  double value;

  add_rows (fixture->store, rows, G_N_ELEMENTS (rows));
  categories = gw_store_list_categories (fixture->store, &error);
  for (guint i = 0; i < categories->len; i++)
    if (g_str_equal (((GwCategory *) g_ptr_array_index (categories, i))->name, "Delivery"))
      delivery_id = ((GwCategory *) g_ptr_array_index (categories, i))->id;
  g_assert_cmpint (delivery_id, >, 0);

  save_goal (fixture->store, "Satisfied", GW_METRIC_SATISFIED_SHARE, GW_DIRECTION_HIGHER, 90, 0);
  save_goal (fixture->store, "Buy again", GW_METRIC_BUY_AGAIN_SHARE, GW_DIRECTION_HIGHER, 80, 0);
  save_goal (fixture->store, "On the spot", GW_METRIC_SOLVED_ON_SPOT_SHARE, GW_DIRECTION_HIGHER,
             50, 0);
  save_goal (fixture->store, "Kept", GW_METRIC_FOLLOW_UPS_KEPT_SHARE, GW_DIRECTION_HIGHER, 90, 0);
  save_goal (fixture->store, "Resolve", GW_METRIC_MEDIAN_RESOLVE_HOURS, GW_DIRECTION_LOWER, 12, 0);
  save_goal (fixture->store, "All", GW_METRIC_COMPLAINTS, GW_DIRECTION_LOWER, 3, 0);
  save_goal (fixture->store, "Deliveries", GW_METRIC_COMPLAINTS, GW_DIRECTION_LOWER, 1,
             delivery_id);
  calls_id = save_goal (fixture->store, "Calls", GW_METRIC_TYPED, GW_DIRECTION_LOWER, 20, 0);
  g_assert_true (gw_store_set_goal_value (fixture->store, calls_id, gw_month_new (2026, 3), TRUE,
                                          25, &error));
  g_assert_true (gw_store_set_goal_value (fixture->store, calls_id, gw_month_new (2026, 2), TRUE,
                                          18, &error));
  /* Typed again: the newer value replaces the older. */
  g_assert_true (gw_store_set_goal_value (fixture->store, calls_id, gw_month_new (2026, 2), TRUE,
                                          15, &error));
  g_assert_no_error (error);

  review = gw_store_monthly_review (fixture->store, gw_month_new (2026, 3), now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (review);

  g_assert_cmpint (review->facts.complaints, ==, 4);
  g_assert_cmpint (review->facts.compliments, ==, 1);
  g_assert_cmpint (review->facts.comments, ==, 1);
  g_assert_cmpint (review->facts.resolved, ==, 3);

  /* Two of three whose feeling is known were satisfied or delighted. */
  value = value_of (review, "Satisfied", 0, &has_value);
  g_assert_true (has_value);
  g_assert_cmpfloat_with_epsilon (value, 200.0 / 3, 1e-9);
  value = value_of (review, "Buy again", 0, &has_value);
  g_assert_true (has_value);
  g_assert_cmpfloat_with_epsilon (value, 200.0 / 3, 1e-9);
  /* One of four complaints solved on the spot; compliments do not count. */
  value = value_of (review, "On the spot", 0, &has_value);
  g_assert_cmpfloat_with_epsilon (value, 25, 1e-9);
  /* Due by now: the first (resolved before it, kept) and the second
   * (resolved after it, missed); the fourth's is still to come. */
  value = value_of (review, "Kept", 0, &has_value);
  g_assert_true (has_value);
  g_assert_cmpfloat_with_epsilon (value, 50, 1e-9);
  /* Resolved after 2, 6 and 24 hours: the median is 6, under 12. */
  value = value_of (review, "Resolve", 0, &has_value);
  g_assert_cmpfloat_with_epsilon (value, 6, 1e-9);
  g_assert_cmpint (gw_goal_standing (((GwGoalTrend *) g_ptr_array_index (review->trends, 4))->goal,
                                     has_value, value), ==, GW_STANDING_ON_TRACK);
  value = value_of (review, "All", 0, &has_value);
  g_assert_cmpfloat_with_epsilon (value, 4, 1e-9);
  value = value_of (review, "Deliveries", 0, &has_value);
  g_assert_cmpfloat_with_epsilon (value, 2, 1e-9);
  g_assert_cmpint (gw_goal_standing (((GwGoalTrend *) g_ptr_array_index (review->trends, 6))->goal,
                                     has_value, value), ==, GW_STANDING_OFF_TRACK);

  /* Typed values, this month and the one before; lower is better. */
  value = value_of (review, "Calls", 0, &has_value);
  g_assert_true (has_value);
  g_assert_cmpfloat_with_epsilon (value, 25, 1e-9);
  g_assert_cmpint (gw_goal_standing (((GwGoalTrend *) g_ptr_array_index (review->trends, 7))->goal,
                                     has_value, value), ==, GW_STANDING_OFF_TRACK);
  value = value_of (review, "Calls", 1, &has_value);
  g_assert_true (has_value);
  g_assert_cmpfloat_with_epsilon (value, 15, 1e-9);

  /* February held no complaints: shares are "no data", never 0 %, but the
   * count is a real 0. */
  value_of (review, "Satisfied", 1, &has_value);
  g_assert_false (has_value);
  value_of (review, "Resolve", 1, &has_value);
  g_assert_false (has_value);
  value = value_of (review, "All", 1, &has_value);
  g_assert_true (has_value);
  g_assert_cmpfloat_with_epsilon (value, 0, 1e-9);
  value_of (review, "Calls", 2, &has_value);
  g_assert_false (has_value);

  /* A goal set in March has nothing to say of February. */
  {
    g_autoptr(GwGoal) late = gw_goal_new ();
    g_autoptr(GwMonthlyReview) march = NULL;
    GwGoalTrend *trend;

    g_free (late->name);
    late->name = g_strdup ("Set in March");
    late->metric = GW_METRIC_COMPLAINTS;
    late->start_month = gw_month_new (2026, 3);
    g_assert_cmpint (gw_store_save_goal (fixture->store, late, &error), >, 0);
    march = gw_store_monthly_review (fixture->store, gw_month_new (2026, 3), now, &error);
    trend = g_ptr_array_index (march->trends, march->trends->len - 1);
    g_assert_cmpstr (trend->goal->name, ==, "Set in March");
    g_assert_true (trend->has_value[GW_TREND_MONTHS - 1]);
    g_assert_false (trend->has_value[GW_TREND_MONTHS - 2]);
  }

  /* The top issues of the month, most first. */
  g_assert_cmpuint (review->top_issues->len, ==, 2);
  g_assert_cmpint (((GwTopIssue *) g_ptr_array_index (review->top_issues, 0))->count, ==, 2);

  /* A month still to come has nothing at all, not even a count of 0. */
  february = gw_store_monthly_review (fixture->store, gw_month_new (2026, 5), now, &error);
  g_assert_no_error (error);
  value_of (february, "All", 0, &has_value);
  g_assert_false (has_value);
  value = value_of (february, "All", 1, &has_value);
  g_assert_true (has_value);
  g_assert_cmpfloat_with_epsilon (value, 1, 1e-9);
}

static void
test_vision_versions (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwVisionStatement) first = gw_vision_statement_new ();
  g_autoptr(GwVisionStatement) second = gw_vision_statement_new ();
  g_autoptr(GwVisionStatement) empty = gw_vision_statement_new ();
  g_autoptr(GPtrArray) visions = NULL;

  g_free (first->answers[0]);
  first->answers[0] = g_strdup ("Regulars come back");
  g_free (first->answers[4]);
  first->answers[4] = g_strdup ("Kind, quick, fair");
  first->written_at = 1000;
  g_free (second->answers[4]);
  second->answers[4] = g_strdup ("Kvalitet, service, renlighet, värde ☕");
  second->written_at = 2000;

  g_assert_cmpint (gw_store_add_vision (fixture->store, first, &error), >, 0);
  g_assert_cmpint (gw_store_add_vision (fixture->store, second, &error), >, 0);
  g_assert_cmpint (gw_store_add_vision (fixture->store, empty, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  visions = gw_store_list_visions (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visions->len, ==, 2);
  g_assert_cmpstr (gw_vision_statement_get_text (g_ptr_array_index (visions, 0)), ==,
                   "Kvalitet, service, renlighet, värde ☕");
  /* The earlier version is kept as it was written. */
  g_assert_cmpstr (((GwVisionStatement *) g_ptr_array_index (visions, 1))->answers[0], ==,
                   "Regulars come back");
  g_assert_cmpint (((GwVisionStatement *) g_ptr_array_index (visions, 1))->written_at, ==, 1000);
}

static void
test_goals_notes_policy (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwGoal) goal = gw_goal_new ();
  g_autoptr(GPtrArray) goals = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *none = NULL;
  g_autofree char *policy = NULL;
  g_autofree char *unset = NULL;
  gint64 id;

  /* A goal needs a name and a start. */
  g_assert_cmpint (gw_store_save_goal (fixture->store, goal, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (goal->name);
  goal->name = g_strdup ("Returns");
  g_assert_cmpint (gw_store_save_goal (fixture->store, goal, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  goal->start_month = gw_month_new (2026, 11);
  goal->target = 2.5;
  goal->direction = GW_DIRECTION_LOWER;
  id = gw_store_save_goal (fixture->store, goal, &error);
  g_assert_no_error (error);
  goal->id = id;
  goal->target = 2;
  g_assert_cmpint (gw_store_save_goal (fixture->store, goal, &error), ==, id);
  goals = gw_store_list_goals (fixture->store, &error);
  g_assert_cmpuint (goals->len, ==, 1);
  g_assert_cmpfloat (((GwGoal *) g_ptr_array_index (goals, 0))->target, ==, 2);
  g_assert_cmpint (((GwGoal *) g_ptr_array_index (goals, 0))->direction, ==, GW_DIRECTION_LOWER);
  g_assert_cmpint (((GwGoal *) g_ptr_array_index (goals, 0))->start_month, ==,
                   gw_month_new (2026, 11));
  g_assert_true (gw_store_delete_goal (fixture->store, id, TRUE, &error));
  g_clear_pointer (&goals, g_ptr_array_unref);
  goals = gw_store_list_goals (fixture->store, &error);
  g_assert_cmpuint (goals->len, ==, 0);

  g_assert_true (gw_store_set_month_notes (fixture->store, gw_month_new (2026, 10),
                                           "Train everyone on returns", &error));
  notes = gw_store_get_month_notes (fixture->store, gw_month_new (2026, 10), &error);
  g_assert_cmpstr (notes, ==, "Train everyone on returns");
  none = gw_store_get_month_notes (fixture->store, gw_month_new (2026, 9), &error);
  g_assert_cmpstr (none, ==, "");

  unset = gw_store_get_policy_text (fixture->store, GW_POLICY_SPEED, &error);
  g_assert_no_error (error);
  g_assert_null (unset);
  g_assert_true (gw_store_set_policy_text (fixture->store, GW_POLICY_SPEED,
                                           "Nobody waits more than 3 minutes.", &error));
  policy = gw_store_get_policy_text (fixture->store, GW_POLICY_SPEED, &error);
  g_assert_cmpstr (policy, ==, "Nobody waits more than 3 minutes.");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("TZ", TEST_TZ, TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/goals/months", test_months);
  g_test_add_func ("/goals/month-names", test_month_names);
  g_test_add_func ("/goals/values", test_values_typed);
  g_test_add_func ("/goals/standing", test_standing);
  g_test_add ("/goals/follow-ups-kept-on-the-second", Fixture, NULL, fixture_set_up,
              test_follow_ups_kept_on_the_second, fixture_tear_down);
  g_test_add ("/goals/review-figures", Fixture, NULL, fixture_set_up, test_review_figures,
              fixture_tear_down);
  g_test_add ("/goals/vision-versions", Fixture, NULL, fixture_set_up, test_vision_versions,
              fixture_tear_down);
  g_test_add ("/goals/goals-notes-policy", Fixture, NULL, fixture_set_up,
              test_goals_notes_policy, fixture_tear_down);
  return g_test_run ();
}
