/* gw-notifier.h: desktop notifications for follow-ups; the only code that
 * knows libnotify */
#pragma once

#include <gio/gio.h>

#include "store/gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_NOTIFIER (gw_notifier_get_type ())

G_DECLARE_FINAL_TYPE (GwNotifier, gw_notifier, GW, NOTIFIER, GObject)

/* More overdue follow-ups than this at once become one summary. */
#define GW_NOTIFIER_SUMMARY_THRESHOLD 3

GwNotifier *gw_notifier_new                (GwStore               *store,
                                            gboolean               with_actions);
void        gw_notifier_apply_settings     (GwNotifier            *self,
                                            GSettings             *settings);
void        gw_notifier_set_lead           (GwNotifier            *self,
                                            gint64                 lead_seconds);
void        gw_notifier_set_business_hours (GwNotifier            *self,
                                            const GwBusinessHours *hours);
gint64      gw_notifier_snooze_until       (const char            *action,
                                            gint64                 now);
guint       gw_notifier_check              (GwNotifier            *self,
                                            gint64                 now,
                                            gint64                *next_check,
                                            GError               **error);

G_END_DECLS
