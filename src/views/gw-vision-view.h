/* gw-vision-view.h: the Vision & Goals tab */
#pragma once

#include <adwaita.h>

#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_VISION_VIEW (gw_vision_view_get_type ())

G_DECLARE_FINAL_TYPE (GwVisionView, gw_vision_view, GW, VISION_VIEW, GtkWidget)

void    gw_vision_view_set_store        (GwVisionView *self,
                                         GwStore      *store);
GwMonth gw_vision_view_get_review_month (GwVisionView *self);

G_END_DECLS
