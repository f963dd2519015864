/* gw-report.h: the printed monthly review, customer service policy and
 * Customer Service Quotient
 *
 * One drawing routine for paper and PDF: a report is laid out with Pango
 * for pages of a given size, then drawn page by page on any cairo context,
 * a GtkPrintOperation's or the PDF surface gw_report_write_pdf() makes.
 * No GTK here: the command line writes reports without a display.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "core/gw-assessment.h"
#include "core/gw-goals.h"

G_BEGIN_DECLS

typedef struct _GwReport GwReport;

/* A colour as plain numbers from 0 to 1, so a widget can pass its theme's. */
typedef struct {
  double red;
  double green;
  double blue;
  double alpha;
} GwReportColor;

/* How a trend chart looks: on paper, or in a widget in the theme's colours. */
typedef struct {
  GwReportColor foreground;   /* axis, labels, the target line, and staff's results */
  GwReportColor accent;       /* the values */
  double        font_size;    /* of the labels, in the cairo context's units */
} GwTrendStyle;

/* A4 in points, and the margins a PDF is written with. */
#define GW_REPORT_A4_WIDTH  595.276
#define GW_REPORT_A4_HEIGHT 841.89
#define GW_REPORT_MARGIN    50.0

GwReport   *gw_report_new_monthly (const GwMonthlyReview *review);
GwReport   *gw_report_new_policy  (const char *const     *section_texts);
GwReport   *gw_report_new_assessment (const GwAssessment *assessment,
                                      const GwAssessment *previous);
void        gw_report_free        (GwReport              *report);
const char *gw_report_get_title   (GwReport              *report);
void        gw_report_set_business (GwReport             *report,
                                    const char           *name);

guint       gw_report_paginate    (GwReport              *report,
                                   cairo_t               *cr,
                                   double                 width,
                                   double                 height);
void        gw_report_draw_page   (GwReport              *report,
                                   cairo_t               *cr,
                                   guint                  page,
                                   double                 width,
                                   double                 height);
gboolean    gw_report_write_pdf   (GwReport              *report,
                                   const char            *path,
                                   GError               **error);

void        gw_report_draw_trend  (cairo_t               *cr,
                                   const GwGoalTrend     *trend,
                                   GwMonth                last_month,
                                   double                 x,
                                   double                 y,
                                   double                 width,
                                   double                 height,
                                   const GwTrendStyle    *style);
void        gw_report_draw_assessment_history (cairo_t            *cr,
                                               GPtrArray          *assessments,
                                               int                 section,
                                               double              x,
                                               double              y,
                                               double              width,
                                               double              height,
                                               const GwTrendStyle *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwReport, gw_report_free)

char     *gw_report_format_duration (gint64 seconds);

G_END_DECLS
