/* gw-review-window.h: one month's review, to read, annotate and print */
#pragma once

#include <adwaita.h>

#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_REVIEW_WINDOW (gw_review_window_get_type ())

G_DECLARE_FINAL_TYPE (GwReviewWindow, gw_review_window, GW, REVIEW_WINDOW, AdwWindow)

GwReviewWindow *gw_review_window_new       (GtkWindow      *parent,
                                            GwStore        *store,
                                            GwMonth         month);
GwMonth         gw_review_window_get_month (GwReviewWindow *self);
const GwMonthlyReview *gw_review_window_get_review (GwReviewWindow *self);

G_END_DECLS
