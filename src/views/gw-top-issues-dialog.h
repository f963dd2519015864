/* gw-top-issues-dialog.h: the top three issues of a period */
#pragma once

#include <adwaita.h>

#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_TOP_ISSUES_DIALOG (gw_top_issues_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GwTopIssuesDialog, gw_top_issues_dialog, GW, TOP_ISSUES_DIALOG, AdwWindow)

GwTopIssuesDialog *gw_top_issues_dialog_new        (GtkWindow         *parent,
                                                    GwStore           *store);
gboolean           gw_top_issues_dialog_is_loading (GwTopIssuesDialog *self);

G_END_DECLS
