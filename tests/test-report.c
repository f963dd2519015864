/* test-report.c: the printed reports come out as PDF, and the assessment
 * chart draws whatever it is given */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "report/gw-report.h"

/* 1 June 2026, noon UTC, and about a month. */
#define JUNE_2026 G_GINT64_CONSTANT (1780315200)
#define MONTH     (30 * 24 * 3600)

static GwAssessment *
make_assessment (gint64      taken_at,
                 gint64      staff_id,
                 const char *respondent,
                 guint       seed)
{
  GwAssessment *assessment = gw_assessment_new ();

  assessment->taken_at = taken_at;
  assessment->staff_id = staff_id;
  g_free (assessment->respondent);
  assessment->respondent = g_strdup (respondent);
  for (guint i = 0; i < GW_ASSESSMENT_STATEMENTS; i++)
    assessment->answers[i] = GW_RATING_MIN + (i * 7 + seed) % 5;
  assessment->completed = TRUE;
  return assessment;
}

static void
assert_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (contents, "%PDF", 4) == 0);
}

static void
test_assessment_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("goodwill-report-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *first_path = NULL;
  g_autoptr(GwAssessment) previous = make_assessment (JUNE_2026, 0, "", 1);
  g_autoptr(GwAssessment) assessment = make_assessment (JUNE_2026 + 3 * MONTH, 4, "Anna Berg", 3);
  g_autoptr(GwReport) report = NULL;
  g_autoptr(GwReport) first = NULL;
  GStatBuf status;

  g_assert_no_error (error);
  path = g_build_filename (directory, "assessment.pdf", NULL);
  first_path = g_build_filename (directory, "first.pdf", NULL);

  report = gw_report_new_assessment (assessment, previous);
  g_assert_nonnull (report);
  g_assert_nonnull (strstr (gw_report_get_title (report), "Anna Berg"));
  g_assert_true (gw_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  assert_pdf (path);
  /* It names a person: for the owner's eyes only. */
  g_assert_cmpint (g_stat (path, &status), ==, 0);
  g_assert_cmpint (status.st_mode & 0777, ==, 0600);

  /* The first one has nothing to compare with. */
  first = gw_report_new_assessment (previous, NULL);
  g_assert_true (gw_report_write_pdf (first, first_path, &error));
  g_assert_no_error (error);
  assert_pdf (first_path);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_unlink (first_path), ==, 0);
  g_assert_cmpint (g_rmdir (directory), ==, 0);
}

static void
test_monthly_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("goodwill-report-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GwMonthlyReview) review = g_new0 (GwMonthlyReview, 1);
  g_autoptr(GwReport) report = NULL;
  GwGoalTrend *trend = g_new0 (GwGoalTrend, 1);

  g_assert_no_error (error);
  path = g_build_filename (directory, "review.pdf", NULL);

  review->month = gw_month_new (2026, 10);
  review->facts.complaints = 12;
  review->facts.resolved = 10;
  review->facts.median_resolve_secs = 5400;
  review->notes = g_strdup ("Fewer late deliveries.");
  review->vision = g_strdup ("Every customer leaves happier than they came.");
  trend->goal = gw_goal_new ();
  g_free (trend->goal->name);
  trend->goal->name = g_strdup ("Complaints solved on the spot");
  g_free (trend->goal->unit);
  trend->goal->unit = g_strdup ("%");
  trend->goal->target = 80;
  for (guint m = 3; m < GW_TREND_MONTHS; m++)
    {
      trend->values[m] = 60 + m * 2;
      trend->has_value[m] = TRUE;
    }
  review->trends = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_goal_trend_free);
  g_ptr_array_add (review->trends, trend);

  report = gw_report_new_monthly (review);
  g_assert_true (gw_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  assert_pdf (path);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (directory), ==, 0);
}

/* Whether anything at all was drawn. */
static gboolean
has_ink (cairo_surface_t *surface)
{
  const guint8 *data;
  int stride, height;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  height = cairo_image_surface_get_height (surface);
  for (int i = 0; i < stride * height; i++)
    if (data[i] != 0)
      return TRUE;
  return FALSE;
}

static void
test_history (void)
{
  static const GwTrendStyle dark = {
    { 1.0, 1.0, 1.0, 1.0 },
    { 0.47, 0.68, 0.93, 1.0 },
    11,
  };
  static const guint counts[] = { 0, 1, 5 };
  static const int sections[] = { -1, 3 };
  static const double widths[] = { 240, 700 };

  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      g_autoptr(GPtrArray) assessments =
        g_ptr_array_new_with_free_func ((GDestroyNotify) gw_assessment_free);

      for (guint i = 0; i < counts[c]; i++)
        g_ptr_array_add (assessments, make_assessment (JUNE_2026 + i * 2 * MONTH,
                                                       i % 2 == 0 ? 0 : 3, "Erik", i));

      for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
        for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
          for (guint d = 0; d < 2; d++)
            {
              cairo_surface_t *surface =
                cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) widths[w] + 20, 220);
              cairo_t *cr = cairo_create (surface);

              gw_report_draw_assessment_history (cr, assessments, sections[s], 10, 10, widths[w],
                                                 200, d == 0 ? NULL : &dark);
              g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
              g_assert_true (has_ink (surface) == (counts[c] > 0));
              cairo_destroy (cr);
              cairo_surface_destroy (surface);
            }
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/assessment-pdf", test_assessment_pdf);
  g_test_add_func ("/report/monthly-pdf", test_monthly_pdf);
  g_test_add_func ("/report/assessment-history", test_history);

  return g_test_run ();
}
