/* gw-reminders.h: which follow-ups to remind of, and when to look again */
#pragma once

#include <glib.h>

#include "gw-datetime.h"
#include "gw-enums.h"

G_BEGIN_DECLS

/* Opening hours: reminders are held outside them and given at opening. */
typedef struct {
  gboolean enabled;
  int      open_hour;    /* 0–23, local time */
  int      close_hour;   /* 1–24, after open_hour */
  guint    days;         /* bit 0 Monday … bit 6 Sunday */
} GwBusinessHours;

typedef enum {
  GW_NOTICE_BEFORE,      /* the follow-up is coming up */
  GW_NOTICE_OVERDUE,     /* the follow-up time has passed */
} GwNoticeKind;

/* One unresolved complaint with a follow-up, and what was already said. */
typedef struct {
  gint64    complaint_id;
  gint64    follow_up_at;
  GwStatus  status;
  char     *customer;
  char     *promise;
  gint64    snoozed_until;   /* GW_NO_TIME: not snoozed */
  gboolean  before_sent;     /* for this follow-up time */
  gboolean  overdue_sent;
} GwFollowUp;

typedef struct {
  GwNoticeKind  kind;
  GwFollowUp   *follow_up;    /* borrowed from the input */
} GwNotice;

void       gw_follow_up_free               (GwFollowUp            *follow_up);
gboolean   gw_business_hours_contains      (const GwBusinessHours *hours,
                                            gint64                 time);
gint64     gw_business_hours_next_open     (const GwBusinessHours *hours,
                                            gint64                 time);
GPtrArray *gw_reminders_due                (GPtrArray             *follow_ups,
                                            gint64                 now,
                                            gint64                 lead_seconds,
                                            const GwBusinessHours *hours,
                                            gint64                *next_check);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwFollowUp, gw_follow_up_free)

G_END_DECLS
