/* gw-top-issues.h: the categories that come up most in a period */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the log says of one category in one period. */
typedef struct {
  gint64  category_id;
  char   *category;
  gint64  count;
  gint64  compensation;   /* minor units */
} GwIssueStat;

typedef struct {
  gint64   category_id;
  char    *category;
  gint64   count;
  gint64   previous_count;
  double   share;          /* of all complaints in the period, 0–1 */
  gint64   compensation;
  GStrv    prevention;     /* filled in by the caller */
} GwTopIssue;

void       gw_issue_stat_free  (GwIssueStat *stat);
void       gw_top_issue_free   (GwTopIssue  *issue);
GPtrArray *gw_top_issues_rank  (GPtrArray   *current,
                                GPtrArray   *previous,
                                guint        n_issues);
char      *gw_top_issue_describe_change (const GwTopIssue *issue);
void       gw_period_previous  (gint64       from,
                                gint64       until,
                                gint64      *previous_from,
                                gint64      *previous_until);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwIssueStat, gw_issue_stat_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwTopIssue, gw_top_issue_free)

G_END_DECLS
