/* gw-preferences-window.h: reminder preferences */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GW_TYPE_PREFERENCES_WINDOW (gw_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (GwPreferencesWindow, gw_preferences_window, GW, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GwPreferencesWindow *gw_preferences_window_new (GtkWindow *parent,
                                                GSettings *settings);

G_END_DECLS
