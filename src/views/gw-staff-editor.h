/* gw-staff-editor.h: adding or changing a staff member */
#pragma once

#include <adwaita.h>

#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_STAFF_EDITOR (gw_staff_editor_get_type ())

G_DECLARE_FINAL_TYPE (GwStaffEditor, gw_staff_editor, GW, STAFF_EDITOR, AdwWindow)

char          *gw_staff_editor_dup_summary (GwStaffEditor *self);
gboolean       gw_staff_editor_export_summary (GwStaffEditor  *self,
                                               const char     *pdf_path,
                                               GError        **error);
GwStaffEditor *gw_staff_editor_new (GtkWindow           *parent,
                                    GwStore             *store,
                                    const GwStaffMember *member);

G_END_DECLS
