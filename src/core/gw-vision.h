/* gw-vision.h: the vision statement and the customer service policy */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The five steps of writing a vision statement; the last is the statement. */
#define GW_VISION_STEPS 5

typedef struct {
  const char *title;     /* translatable */
  const char *question;  /* translatable */
  const char *example;   /* translatable */
} GwVisionStep;

const GwVisionStep *gw_vision_step (guint step);

/* One version; versions are added, never changed. */
typedef struct {
  gint64  id;
  gint64  written_at;
  char   *answers[GW_VISION_STEPS];   /* answers[4] is the statement */
} GwVisionStatement;

GwVisionStatement *gw_vision_statement_new  (void);
void               gw_vision_statement_free (GwVisionStatement *statement);
const char        *gw_vision_statement_get_text (const GwVisionStatement *statement);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwVisionStatement, gw_vision_statement_free)

/* The areas a customer service policy covers, in the order it reads. */
typedef enum {
  GW_POLICY_OVERVIEW,
  GW_POLICY_SPEED,
  GW_POLICY_COMMUNICATION,
  GW_POLICY_FOLLOW_UP,
  GW_POLICY_COMPLAINTS,
  GW_POLICY_RETENTION,
  GW_POLICY_STAFF,
  GW_POLICY_GUIDELINES,   /* the four steps for staff */
  GW_N_POLICY_AREAS,
} GwPolicyArea;

typedef struct {
  const char *token;      /* the store's key */
  const char *title;      /* translatable */
  const char *questions;  /* translatable: what the section should answer */
  const char *starter;    /* translatable: a first draft the owner edits */
} GwPolicySection;

const GwPolicySection *gw_policy_section (GwPolicyArea area);
gboolean               gw_policy_parse   (const char   *token,
                                          GwPolicyArea *area);

G_END_DECLS
