/* gw-notifier.c: telling people about follow-ups through the desktop's
 * notification service (libnotify, which uses the portal inside Flatpak)
 *
 * The rules (what is due, once only, business hours) are in
 * core/gw-reminders.c; this file turns their answer into notifications and
 * records what was said. The time is always passed in.
 */

#define G_LOG_DOMAIN "gw-notify"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "core/gw-datetime.h"
#include "gw-notifier.h"

#define HOUR (60 * 60)
#define DEFAULT_LEAD HOUR

struct _GwNotifier {
  GObject          parent_instance;

  GwStore         *store;
  gboolean         with_actions;
  gint64           lead_seconds;
  GwBusinessHours  hours;
  gboolean         warned;
  GPtrArray       *shown;     /* notifications whose actions may still come */
};

G_DEFINE_FINAL_TYPE (GwNotifier, gw_notifier, G_TYPE_OBJECT)

enum {
  OPEN_COMPLAINT,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static char *
describe_lateness (gint64 seconds)
{
  gint64 hours = seconds / HOUR;
  gint64 days = hours / 24;

  if (days >= 1)
    return g_strdup_printf (ngettext ("overdue by %d day", "overdue by %d days", days),
                            (int) days);
  if (hours >= 1)
    return g_strdup_printf (ngettext ("overdue by %d hour", "overdue by %d hours", hours),
                            (int) hours);
  return g_strdup (_("due just now"));
}

static const char *
customer_or_walk_in (const GwFollowUp *follow_up)
{
  return *follow_up->customer != '\0' ? follow_up->customer : _("Walk-in customer");
}

/**
 * gw_notifier_snooze_until:
 * @action: "snooze-hour", "snooze-later" (three hours) or "snooze-morning"
 *   (tomorrow at nine)
 *
 * Returns: when a reminder snoozed at @now with @action comes back
 */
gint64
gw_notifier_snooze_until (const char *action,
                          gint64      now)
{
  if (g_strcmp0 (action, "snooze-later") == 0)
    return now + 3 * HOUR;
  if (g_strcmp0 (action, "snooze-morning") == 0)
    {
      g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now);
      g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);
      g_autoptr(GDateTime) morning = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                                            g_date_time_get_month (tomorrow),
                                                            g_date_time_get_day_of_month (tomorrow),
                                                            9, 0, 0);

      return g_date_time_to_unix (morning);
    }
  return now + HOUR;
}

static void
on_action_cb (NotifyNotification *notification,
              char               *action,
              gpointer            user_data)
{
  GwNotifier *self = GW_NOTIFIER (user_data);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (notification), "complaint-id"));

  if (g_str_has_prefix (action, "snooze"))
    {
      g_autoptr(GError) error = NULL;
      gint64 now = g_get_real_time () / G_USEC_PER_SEC;

      if (!gw_store_snooze (self->store, id, gw_notifier_snooze_until (action, now), &error))
        g_message ("Cannot snooze: %s", error->message);
    }
  else
    g_signal_emit (self, signals[OPEN_COMPLAINT], 0, id);
}

static void
on_closed_cb (NotifyNotification *notification,
              GwNotifier         *self)
{
  g_ptr_array_remove (self->shown, notification);
}

/* Shows @notification; without a notification service the app carries on
 * and says so once. */
static gboolean
show (GwNotifier         *self,
      NotifyNotification *notification)
{
  g_autoptr(GError) error = NULL;

  if (notify_notification_show (notification, &error))
    {
      /* An answer (Open, Snooze) reaches only a notification still alive. */
      if (self->with_actions)
        {
          g_ptr_array_add (self->shown, g_object_ref (notification));
          g_signal_connect (notification, "closed", G_CALLBACK (on_closed_cb), self);
        }
      return TRUE;
    }
  if (!self->warned)
    g_message ("No desktop notifications: %s", error->message);
  self->warned = TRUE;
  return FALSE;
}

static NotifyNotification *
make_notification (GwNotifier *self,
                   const char *summary,
                   const char *body,
                   gint64      complaint_id,
                   gboolean    urgent)
{
  NotifyNotification *notification = notify_notification_new (summary, body, APPLICATION_ID);

  notify_notification_set_app_name (notification, _("Goodwill"));
  notify_notification_set_hint_string (notification, "desktop-entry", APPLICATION_ID);
  notify_notification_set_urgency (notification, urgent ? NOTIFY_URGENCY_CRITICAL
                                                        : NOTIFY_URGENCY_NORMAL);
  notify_notification_set_category (notification, "x-goodwill.follow-up");
  g_object_set_data (G_OBJECT (notification), "complaint-id",
                     GSIZE_TO_POINTER ((gsize) complaint_id));
  if (self->with_actions)
    {
      notify_notification_add_action (notification, "default",
                                      C_("notification action", "Open"), on_action_cb, self,
                                      NULL);
      notify_notification_add_action (notification, "open", C_("notification action", "Open"),
                                      on_action_cb, self, NULL);
      if (complaint_id != 0)
        {
          notify_notification_add_action (notification, "snooze-hour", _("In an Hour"),
                                          on_action_cb, self, NULL);
          notify_notification_add_action (notification, "snooze-later", _("Later Today"),
                                          on_action_cb, self, NULL);
          notify_notification_add_action (notification, "snooze-morning", _("Tomorrow Morning"),
                                          on_action_cb, self, NULL);
        }
    }
  return notification;
}

/**
 * gw_notifier_check:
 * @now: the present, in Unix seconds
 * @next_check: (out) (optional): when to check again, or %GW_NO_TIME
 *
 * Sends what is due now and records it, so it is not sent again.
 *
 * Returns: how many notifications were shown
 */
guint
gw_notifier_check (GwNotifier  *self,
                   gint64       now,
                   gint64      *next_check,
                   GError     **error)
{
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) overdue = g_ptr_array_new ();
  guint n_shown = 0;
  gboolean shown;

  g_return_val_if_fail (GW_IS_NOTIFIER (self), 0);

  follow_ups = gw_store_list_follow_ups (self->store, error);
  if (follow_ups == NULL)
    return 0;
  due = gw_reminders_due (follow_ups, now, self->lead_seconds, &self->hours, next_check);

  for (guint i = 0; i < due->len; i++)
    {
      GwNotice *notice = g_ptr_array_index (due, i);

      if (notice->kind == GW_NOTICE_OVERDUE)
        g_ptr_array_add (overdue, notice);
    }

  /* After a holiday, one summary rather than a flood. */
  if (overdue->len > GW_NOTIFIER_SUMMARY_THRESHOLD)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      g_autofree char *summary = g_strdup_printf (ngettext ("%u follow-up is overdue",
                                                            "%u follow-ups are overdue",
                                                            overdue->len),
                                                  overdue->len);
      NotifyNotification *notification;

      for (guint i = 0; i < overdue->len && i < 5; i++)
        {
          GwNotice *notice = g_ptr_array_index (overdue, i);

          if (body->len > 0)
            g_string_append (body, ", ");
          g_string_append (body, customer_or_walk_in (notice->follow_up));
        }
      if (overdue->len > 5)
        g_string_append (body, _(" and more"));
      /* libnotify 0.8.1 has no g_autoptr() support: unref by hand. */
      notification = make_notification (self, summary, body->str, 0, TRUE);
      shown = show (self, notification);
      g_object_unref (notification);
      if (!shown)
        return 0;   /* nothing reached anyone: try again next time */
      n_shown++;
      for (guint i = 0; i < overdue->len; i++)
        {
          GwNotice *notice = g_ptr_array_index (overdue, i);

          if (!gw_store_mark_noticed (self->store, notice->follow_up->complaint_id,
                                      notice->follow_up->follow_up_at, GW_NOTICE_OVERDUE, now,
                                      error))
            return n_shown;
        }
      g_ptr_array_set_size (overdue, 0);
    }

  for (guint i = 0; i < due->len; i++)
    {
      GwNotice *notice = g_ptr_array_index (due, i);
      GwFollowUp *follow_up = notice->follow_up;
      NotifyNotification *notification;
      g_autofree char *summary = NULL;
      g_autofree char *body = NULL;
      g_autofree char *when = NULL;

      if (notice->kind == GW_NOTICE_OVERDUE && overdue->len == 0)
        continue;   /* told in the summary */

      if (notice->kind == GW_NOTICE_OVERDUE)
        {
          g_autofree char *late = describe_lateness (now - follow_up->follow_up_at);

          /* TRANSLATORS: %s is a customer's name */
          summary = g_strdup_printf (_("Follow-up overdue: %s"), customer_or_walk_in (follow_up));
          body = *follow_up->promise != '\0'
            /* TRANSLATORS: what was promised, then how late it is */
            ? g_strdup_printf (_("Promised: %s (%s)"), follow_up->promise, late)
            : g_strdup_printf (_("The follow-up is %s."), late);
        }
      else
        {
          when = gw_datetime_format_relative (follow_up->follow_up_at, now);
          /* TRANSLATORS: %s is a customer's name */
          summary = g_strdup_printf (_("Follow-up coming up: %s"), customer_or_walk_in (follow_up));
          body = *follow_up->promise != '\0'
            /* TRANSLATORS: what was promised, then when */
            ? g_strdup_printf (_("Promised: %s (%s)"), follow_up->promise, when)
            /* TRANSLATORS: %s is when */
            : g_strdup_printf (_("Due %s."), when);
        }

      notification = make_notification (self, summary, body, follow_up->complaint_id,
                                        notice->kind == GW_NOTICE_OVERDUE);
      shown = show (self, notification);
      g_object_unref (notification);
      if (!shown)
        return n_shown;   /* only what was shown counts as said */
      n_shown++;
      if (!gw_store_mark_noticed (self->store, follow_up->complaint_id, follow_up->follow_up_at,
                                  notice->kind, now, error))
        return n_shown;
    }
  return n_shown;
}

/* Takes the reminder lead and business hours from @settings (the
 * application's), so the window and --check-overdue follow the same
 * preferences. */
void
gw_notifier_apply_settings (GwNotifier *self,
                            GSettings  *settings)
{
  GwBusinessHours hours = { FALSE, 9, 18, 0x3f };

  g_return_if_fail (GW_IS_NOTIFIER (self));

  if (settings != NULL)
    {
      hours.enabled = g_settings_get_boolean (settings, "business-hours-enabled");
      hours.open_hour = g_settings_get_int (settings, "business-hours-open");
      hours.close_hour = g_settings_get_int (settings, "business-hours-close");
      hours.days = g_settings_get_int (settings, "business-days");
      self->lead_seconds = 60 * (gint64) g_settings_get_int (settings, "reminder-lead-minutes");
    }
  self->hours = hours;
}

void
gw_notifier_set_lead (GwNotifier *self,
                      gint64      lead_seconds)
{
  g_return_if_fail (GW_IS_NOTIFIER (self));
  self->lead_seconds = lead_seconds;
}

void
gw_notifier_set_business_hours (GwNotifier            *self,
                                const GwBusinessHours *hours)
{
  g_return_if_fail (GW_IS_NOTIFIER (self));
  g_return_if_fail (hours != NULL);
  self->hours = *hours;
}

static void
gw_notifier_dispose (GObject *object)
{
  GwNotifier *self = GW_NOTIFIER (object);

  if (self->shown != NULL)
    for (guint i = 0; i < self->shown->len; i++)
      g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->shown, i), self);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (gw_notifier_parent_class)->dispose (object);
}

static void
gw_notifier_class_init (GwNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gw_notifier_dispose;

  /**
   * GwNotifier::open-complaint:
   * @id: the complaint, or 0 for the list of overdue ones
   *
   * Someone chose a notification's Open action.
   */
  signals[OPEN_COMPLAINT] = g_signal_new ("open-complaint", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
gw_notifier_init (GwNotifier *self)
{
  self->lead_seconds = DEFAULT_LEAD;
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * gw_notifier_new:
 * @with_actions: offer Open and Snooze; only for a process that stays
 *   running to hear the answer
 */
GwNotifier *
gw_notifier_new (GwStore  *store,
                 gboolean  with_actions)
{
  GwNotifier *self;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  if (!notify_is_initted ())
    notify_init (_("Goodwill"));
  self = g_object_new (GW_TYPE_NOTIFIER, NULL);
  self->store = g_object_ref (store);
  self->with_actions = with_actions;
  return self;
}
