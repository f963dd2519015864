/* gw-demo.h: realistic sample data for trying Goodwill out */
#pragma once

#include <glib.h>

#include "gw-complaint.h"

G_BEGIN_DECLS

typedef struct {
  gint64  complaint_index;  /* index into the generated records */
  gint64  at;
  char   *staff;
  char   *text;
} GwDemoNote;

GPtrArray *gw_demo_generate_complaints (gint64     now,
                                        guint32    seed,
                                        guint      n_complaints);
GPtrArray *gw_demo_generate_notes      (GPtrArray *complaints,
                                        guint32    seed);
void       gw_demo_note_free           (GwDemoNote *note);

G_END_DECLS
