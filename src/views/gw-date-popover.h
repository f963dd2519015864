/* gw-date-popover.h: a calendar, and a time when wanted, for a date field */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GW_TYPE_DATE_POPOVER (gw_date_popover_get_type ())

G_DECLARE_FINAL_TYPE (GwDatePopover, gw_date_popover, GW, DATE_POPOVER, GtkPopover)

GtkWidget *gw_date_popover_attach (AdwEntryRow *row,
                                   gboolean     with_time);

G_END_DECLS
