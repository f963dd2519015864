/* gw-top-issues.c: ranking categories by how often they come up
 *
 * "Identify your top three customer service issues": the categories that
 * come up most often, weigh on the bottom line, and can be acted on.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gw-top-issues.h"

void
gw_issue_stat_free (GwIssueStat *stat)
{
  if (stat == NULL)
    return;
  g_free (stat->category);
  g_free (stat);
}

void
gw_top_issue_free (GwTopIssue *issue)
{
  if (issue == NULL)
    return;
  g_free (issue->category);
  g_strfreev (issue->prevention);
  g_free (issue);
}

/* Most complaints first; then the costlier; then by name, so the order
 * never depends on how the database happened to return the rows. */
static int
compare_stats (gconstpointer a,
               gconstpointer b)
{
  const GwIssueStat *x = *(const GwIssueStat *const *) a;
  const GwIssueStat *y = *(const GwIssueStat *const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  if (x->compensation != y->compensation)
    return x->compensation > y->compensation ? -1 : 1;
  return g_utf8_collate (x->category, y->category);
}

/**
 * gw_top_issues_rank:
 * @current: (element-type GwIssueStat): this period, one per category; a
 *   category_id of 0 stands for complaints with no category, which count in
 *   the total but are not an issue one can act on
 * @previous: (element-type GwIssueStat): the period before, the same way
 *
 * Returns: (element-type GwTopIssue): up to @n_issues, most frequent first
 */
GPtrArray *
gw_top_issues_rank (GPtrArray *current,
                    GPtrArray *previous,
                    guint      n_issues)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_top_issue_free);
  gint64 total = 0;

  for (guint i = 0; i < current->len; i++)
    {
      GwIssueStat *stat = g_ptr_array_index (current, i);

      total += stat->count;
      if (stat->category_id != 0 && stat->count > 0)
        g_ptr_array_add (sorted, stat);
    }
  g_ptr_array_sort (sorted, compare_stats);

  for (guint i = 0; i < sorted->len && i < n_issues; i++)
    {
      GwIssueStat *stat = g_ptr_array_index (sorted, i);
      GwTopIssue *issue = g_new0 (GwTopIssue, 1);

      issue->category_id = stat->category_id;
      issue->category = g_strdup (stat->category);
      issue->count = stat->count;
      issue->compensation = stat->compensation;
      issue->share = total > 0 ? (double) stat->count / total : 0;
      for (guint j = 0; previous != NULL && j < previous->len; j++)
        {
          GwIssueStat *before = g_ptr_array_index (previous, j);

          if (before->category_id == stat->category_id)
            issue->previous_count = before->count;
        }
      g_ptr_array_add (issues, issue);
    }
  return issues;
}

/* The period of the same length that ends where [@from, @until) begins. */
void
gw_period_previous (gint64  from,
                    gint64  until,
                    gint64 *previous_from,
                    gint64 *previous_until)
{
  *previous_until = from;
  *previous_from = from - (until - from);
}

/* How an issue's count compares with the period before, in words, for the
 * screen and for paper alike. */
char *
gw_top_issue_describe_change (const GwTopIssue *issue)
{
  gint64 change = issue->count - issue->previous_count;

  if (issue->previous_count == 0)
    return g_strdup (_("New: none in the period before"));
  if (change == 0)
    /* TRANSLATORS: %d is the number of complaints in the period before */
    return g_strdup_printf (ngettext ("The same as the period before (%d)",
                                      "The same as the period before (%d)",
                                      issue->previous_count),
                            (int) issue->previous_count);
  if (change > 0)
    /* TRANSLATORS: up N from the M complaints of the period before */
    return g_strdup_printf (ngettext ("Up %d from %d the period before",
                                      "Up %d from %d the period before", change),
                            (int) change, (int) issue->previous_count);
  return g_strdup_printf (ngettext ("Down %d from %d the period before",
                                    "Down %d from %d the period before", -change),
                          (int) -change, (int) issue->previous_count);
}
