/* gw-categories-dialog.h: adding, renaming, merging and archiving
 * categories */
#pragma once

#include <adwaita.h>

#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_CATEGORIES_DIALOG (gw_categories_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GwCategoriesDialog, gw_categories_dialog, GW, CATEGORIES_DIALOG, AdwWindow)

GwCategoriesDialog *gw_categories_dialog_new (GtkWindow *parent,
                                              GwStore   *store);

G_END_DECLS
