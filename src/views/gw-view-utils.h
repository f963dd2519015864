/* gw-view-utils.h: small things several views need */
#pragma once

#include <gtk/gtk.h>

#include "core/gw-complaint-filter.h"
#include "core/gw-enums.h"

G_BEGIN_DECLS

void       gw_string_list_append_vocabulary (GtkStringList *list,
                                             GwVocabulary   vocabulary);
GSettings *gw_settings_new_if_installed     (void);
char      *gw_concern_describe              (const GwConcern *concern);

G_END_DECLS
