/* gw-complaint-editor.h: the form to log a complaint, or edit one */
#pragma once

#include <adwaita.h>

#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_COMPLAINT_EDITOR (gw_complaint_editor_get_type ())

G_DECLARE_FINAL_TYPE (GwComplaintEditor, gw_complaint_editor, GW, COMPLAINT_EDITOR, AdwWindow)

GwComplaintEditor *gw_complaint_editor_new        (GtkWindow *parent,
                                                   GwStore   *store,
                                                   gint64     complaint_id);
char              *gw_complaint_editor_draft_path (void);

G_END_DECLS
