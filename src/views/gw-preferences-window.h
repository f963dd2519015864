/* gw-preferences-window.h: the business, its data and backups, reminders */
#pragma once

#include <adwaita.h>

#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_PREFERENCES_WINDOW (gw_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (GwPreferencesWindow, gw_preferences_window, GW, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GwPreferencesWindow *gw_preferences_window_new     (GtkWindow           *parent,
                                                    GSettings           *settings,
                                                    GwStore             *store);
void                 gw_preferences_window_restore (GwPreferencesWindow *self,
                                                    const char          *backup);

G_END_DECLS
