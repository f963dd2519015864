/* gw-goal-dialog.h: a goal, its target, and its value for a month */
#pragma once

#include <adwaita.h>

#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_GOAL_DIALOG (gw_goal_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GwGoalDialog, gw_goal_dialog, GW, GOAL_DIALOG, AdwWindow)

GwGoalDialog *gw_goal_dialog_new (GtkWindow    *parent,
                                  GwStore      *store,
                                  const GwGoal *goal,
                                  GwMonth       month,
                                  gboolean      has_value,
                                  double        value);

G_END_DECLS
