/* test-assessment.c: the Customer Service Quotient's scoring, exactly as
 * the self-test says, and its keeping in the store */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "store/gw-store.h"

static void
fill (GwAssessment *assessment,
      guint8        rating)
{
  for (guint i = 0; i < GW_ASSESSMENT_STATEMENTS; i++)
    assessment->answers[i] = rating;
}

static void
test_structure (void)
{
  guint total = 0;
  const guint expected[GW_ASSESSMENT_SECTIONS] = { 4, 4, 3, 3, 3, 5, 3 };

  for (guint s = 0; s < GW_ASSESSMENT_SECTIONS; s++)
    {
      const GwAssessmentSection *section = gw_assessment_section (s);

      g_assert_cmpuint (section->n_statements, ==, expected[s]);
      g_assert_cmpuint (section->first, ==, total);
      for (guint i = 0; i < section->n_statements; i++)
        g_assert_cmpuint (gw_assessment_section_of (section->first + i), ==, s);
      total += section->n_statements;
    }
  g_assert_cmpuint (total, ==, GW_ASSESSMENT_STATEMENTS);
  g_assert_cmpstr (gw_assessment_section (5)->title, ==, "Staff");
}

/* The worked examples: all 1s, all 5s, and two sections' averages. */
static void
test_worked_examples (void)
{
  g_autoptr(GwAssessment) assessment = gw_assessment_new ();
  int sections[GW_ASSESSMENT_SECTIONS];
  int total;
  g_autofree char *four = NULL;
  g_autofree char *four_point_two = NULL;
  g_autofree char *seven = NULL;

  g_assert_false (gw_assessment_score (assessment, sections, &total));
  g_assert_cmpuint (gw_assessment_first_unanswered (assessment), ==, 0);

  fill (assessment, 1);
  g_assert_true (gw_assessment_score (assessment, sections, &total));
  g_assert_cmpfloat (gw_score_to_double (total), ==, 7.0);
  g_assert_cmpint (gw_assessment_band (total), ==, GW_BAND_AT_RISK);
  seven = gw_total_format (total);
  g_assert_cmpstr (seven, ==, "7.0");

  fill (assessment, 5);
  g_assert_true (gw_assessment_score (assessment, sections, &total));
  g_assert_cmpfloat (gw_score_to_double (total), ==, 35.0);
  g_assert_cmpint (gw_assessment_band (total), ==, GW_BAND_ASSET);

  /* Section 1 answered 5, 4, 4, 3 is 4.0; section 6 answered 5, 5, 4, 4, 3 is 4.2. */
  fill (assessment, 3);
  assessment->answers[0] = 5;
  assessment->answers[1] = 4;
  assessment->answers[2] = 4;
  assessment->answers[3] = 3;
  assessment->answers[17] = 5;
  assessment->answers[18] = 5;
  assessment->answers[19] = 4;
  assessment->answers[20] = 4;
  assessment->answers[21] = 3;
  g_assert_true (gw_assessment_score (assessment, sections, &total));
  four = gw_score_format (sections[0]);
  four_point_two = gw_score_format (sections[5]);
  g_assert_cmpstr (four, ==, "4.0");
  g_assert_cmpstr (four_point_two, ==, "4.2");
  g_assert_cmpfloat_with_epsilon (gw_score_to_double (sections[5]), 4.2, 1e-12);
  /* 4 + 3 + 3 + 3 + 3 + 4.2 + 3 */
  g_assert_cmpint (total, ==, (int) (23.2 * GW_SCORE_DENOMINATOR + 0.5));

  /* A statement left out: no score, and which one it is. */
  assessment->answers[9] = 0;
  g_assert_false (gw_assessment_score (assessment, sections, &total));
  g_assert_cmpuint (gw_assessment_first_unanswered (assessment), ==, 9);
}

/* The total @answers score, in sixtieths. */
static int
total_of (const guint8 answers[GW_ASSESSMENT_STATEMENTS])
{
  g_autoptr(GwAssessment) assessment = gw_assessment_new ();
  int sections[GW_ASSESSMENT_SECTIONS];
  int total = 0;

  memcpy (assessment->answers, answers, GW_ASSESSMENT_STATEMENTS);
  g_assert_true (gw_assessment_score (assessment, sections, &total));
  return total;
}

/* Every band's edge: 28.0 is an asset, anything under it adequate; 21.0
 * adequate, anything under it at risk; fractional totals included. */
static void
test_band_boundaries (void)
{
  /* All 4s give 28.0 exactly. */
  guint8 answers[GW_ASSESSMENT_STATEMENTS];
  int total;
  g_autofree char *just_under = NULL;

  memset (answers, 4, sizeof answers);
  total = total_of (answers);
  g_assert_cmpint (total, ==, 28 * GW_SCORE_DENOMINATOR);
  g_assert_cmpint (gw_assessment_band (total), ==, GW_BAND_ASSET);

  /* One 4 made a 3 in the five-statement section: 27.8. */
  answers[21] = 3;
  total = total_of (answers);
  g_assert_cmpint (total, ==, 28 * GW_SCORE_DENOMINATOR - 12);
  g_assert_cmpint (gw_assessment_band (total), ==, GW_BAND_ADEQUATE);

  /* In a four-statement section instead: 27.75, shown as 27.7, never as 28. */
  memset (answers, 4, sizeof answers);
  answers[0] = 3;
  total = total_of (answers);
  g_assert_cmpint (gw_assessment_band (total), ==, GW_BAND_ADEQUATE);
  just_under = gw_total_format (total);
  g_assert_cmpstr (just_under, ==, "27.7");

  /* All 3s give 21.0 exactly: adequate. */
  memset (answers, 3, sizeof answers);
  total = total_of (answers);
  g_assert_cmpint (total, ==, 21 * GW_SCORE_DENOMINATOR);
  g_assert_cmpint (gw_assessment_band (total), ==, GW_BAND_ADEQUATE);

  /* One 3 made a 2 in a three-statement section: 20.67, at risk, shown as 20.6. */
  answers[8] = 2;
  total = total_of (answers);
  g_assert_cmpint (gw_assessment_band (total), ==, GW_BAND_AT_RISK);
  g_clear_pointer (&just_under, g_free);
  just_under = gw_total_format (total);
  g_assert_cmpstr (just_under, ==, "20.6");

  /* The plain boundaries of the scale itself. */
  g_assert_cmpint (gw_assessment_band (28 * GW_SCORE_DENOMINATOR - 1), ==, GW_BAND_ADEQUATE);
  g_assert_cmpint (gw_assessment_band (21 * GW_SCORE_DENOMINATOR - 1), ==, GW_BAND_AT_RISK);
  g_assert_cmpint (gw_assessment_band (27 * GW_SCORE_DENOMINATOR + 30), ==, GW_BAND_ADEQUATE);
  g_assert_cmpint (gw_assessment_band (20 * GW_SCORE_DENOMINATOR + 30), ==, GW_BAND_AT_RISK);
}

static void
test_weakest (void)
{
  const int scores[GW_ASSESSMENT_SECTIONS] = { 240, 180, 200, 180, 300, 252, 120 };
  const int tied[GW_ASSESSMENT_SECTIONS] = { 240, 180, 200, 180, 300, 252, 240 };
  guint weakest, second;

  gw_assessment_weakest (scores, &weakest, &second);
  g_assert_cmpuint (weakest, ==, 6);
  g_assert_cmpuint (second, ==, 1);
  /* On a tie, the earlier section comes first. */
  gw_assessment_weakest (tied, &weakest, &second);
  g_assert_cmpuint (weakest, ==, 1);
  g_assert_cmpuint (second, ==, 3);
}

/* The change reads as the totals shown: they add up on the page. */
static void
test_change (void)
{
  g_autofree char *up = gw_assessment_describe_change (25 * 60 + 30, 24 * 60, 1700000000);
  g_autofree char *down = gw_assessment_describe_change (22 * 60, 24 * 60 + 6, 1700000000);
  g_autofree char *same = gw_assessment_describe_change (24 * 60 + 3, 24 * 60, 1700000000);

  g_assert_true (g_str_has_prefix (up, "Up 1.5 from 24.0 on "));
  g_assert_true (g_str_has_prefix (down, "Down 2.1 from 24.1 on "));
  g_assert_true (g_str_has_prefix (same, "The same as on "));
}

static void
test_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("goodwill-assessment-XXXXXX", &error);
  g_autofree char *path = g_build_filename (directory, "store.db", NULL);
  g_autoptr(GwStore) store = gw_store_open (path, &error);
  g_autoptr(GwAssessment) assessment = gw_assessment_new ();
  g_autoptr(GwAssessment) draft = NULL;
  g_autoptr(GwAssessment) none = NULL;
  g_autoptr(GPtrArray) done = NULL;
  gint64 id;

  g_assert_no_error (error);

  /* Half filled in: kept as a draft. */
  assessment->taken_at = 1700000000;
  for (guint i = 0; i < 12; i++)
    assessment->answers[i] = 1 + i % 5;
  id = gw_store_save_assessment (store, assessment, &error);
  g_assert_no_error (error);
  g_assert_true (gw_store_get_assessment_draft (store, &draft, &error));
  g_assert_nonnull (draft);
  g_assert_cmpint (draft->id, ==, id);
  g_assert_cmpmem (draft->answers, sizeof draft->answers, assessment->answers,
                   sizeof assessment->answers);

  /* Cannot be finished with a statement unanswered, and says which. */
  draft->completed = TRUE;
  g_assert_cmpint (gw_store_save_assessment (store, draft, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Statement 13"));
  g_clear_error (&error);

  fill (draft, 4);
  g_assert_cmpint (gw_store_save_assessment (store, draft, &error), ==, id);
  g_assert_true (gw_store_get_assessment_draft (store, &none, &error));
  g_assert_null (none);
  done = gw_store_list_assessments (store, &error);
  g_assert_cmpuint (done->len, ==, 1);
  g_assert_true (((GwAssessment *) g_ptr_array_index (done, 0))->completed);
  g_assert_cmpint (((GwAssessment *) g_ptr_array_index (done, 0))->answers[24], ==, 4);

  /* A discarded draft is gone; a completed assessment is not discarded. */
  assessment->id = 0;
  id = gw_store_save_assessment (store, assessment, &error);
  g_assert_true (gw_store_discard_assessment_draft (store, id, &error));
  g_assert_true (gw_store_discard_assessment_draft (store, draft->id, &error));
  g_assert_true (gw_store_get_assessment_draft (store, &none, &error));
  g_assert_null (none);
  g_clear_pointer (&done, g_ptr_array_unref);
  done = gw_store_list_assessments (store, &error);
  g_assert_cmpuint (done->len, ==, 1);

  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      static const char *const suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (directory);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/assessment/structure", test_structure);
  g_test_add_func ("/assessment/worked-examples", test_worked_examples);
  g_test_add_func ("/assessment/band-boundaries", test_band_boundaries);
  g_test_add_func ("/assessment/weakest", test_weakest);
  g_test_add_func ("/assessment/change", test_change);
  g_test_add_func ("/assessment/store", test_store);
  return g_test_run ();
}
