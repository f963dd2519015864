/* gw-staff-editor.h: adding or changing a staff member */
#pragma once

#include <adwaita.h>

#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_STAFF_EDITOR (gw_staff_editor_get_type ())

G_DECLARE_FINAL_TYPE (GwStaffEditor, gw_staff_editor, GW, STAFF_EDITOR, AdwWindow)

GwStaffEditor *gw_staff_editor_new (GtkWindow           *parent,
                                    GwStore             *store,
                                    const GwStaffMember *member);

G_END_DECLS
