/* gw-policy-window.h: the customer service policy, to edit and publish */
#pragma once

#include <adwaita.h>

#include "report/gw-report.h"
#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_POLICY_WINDOW (gw_policy_window_get_type ())

G_DECLARE_FINAL_TYPE (GwPolicyWindow, gw_policy_window, GW, POLICY_WINDOW, AdwWindow)

GwPolicyWindow *gw_policy_window_new         (GtkWindow      *parent,
                                              GwStore        *store);
GwReport       *gw_policy_window_make_report (GwPolicyWindow *self);

G_END_DECLS
