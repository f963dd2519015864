/* gw-reminders.c: the rules for follow-up reminders
 *
 * Plain logic with the time passed in, so the rules can be tested without
 * waiting: each follow-up is mentioned once before it is due (if asked)
 * and once when it is overdue; snoozing and moving the follow-up make it
 * new again; "waiting for the customer" pauses it; outside business hours
 * everything waits for the next opening.
 */

#include "config.h"

#include "gw-complaint.h"
#include "gw-reminders.h"

#define HOUR (60 * 60)

void
gw_follow_up_free (GwFollowUp *follow_up)
{
  if (follow_up == NULL)
    return;
  g_free (follow_up->customer);
  g_free (follow_up->promise);
  g_free (follow_up);
}

static GTimeZone *
local_zone (void)
{
  static gsize zone;

  if (g_once_init_enter (&zone))
    g_once_init_leave (&zone, (gsize) g_time_zone_new_local ());
  return (GTimeZone *) zone;
}

gboolean
gw_business_hours_contains (const GwBusinessHours *hours,
                            gint64                 time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  int weekday, hour;

  if (hours == NULL || !hours->enabled)
    return TRUE;

  utc = g_date_time_new_from_unix_utc (time);
  local = g_date_time_to_timezone (utc, local_zone ());
  weekday = g_date_time_get_day_of_week (local) - 1;   /* Monday is 0 */
  hour = g_date_time_get_hour (local);
  return (hours->days & (1u << weekday)) != 0
         && hour >= hours->open_hour && hour < hours->close_hour;
}

/* The first moment at or after @time inside business hours; @time itself
 * when hours are off. Looks up to two weeks ahead; a week with no open day
 * means hours are effectively off. */
gint64
gw_business_hours_next_open (const GwBusinessHours *hours,
                             gint64                 time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (hours == NULL || !hours->enabled || hours->days == 0
      || gw_business_hours_contains (hours, time))
    return time;

  utc = g_date_time_new_from_unix_utc (time);
  local = g_date_time_to_timezone (utc, local_zone ());
  for (int day = 0; day < 14; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (local, day);
      g_autoptr(GDateTime) opening = g_date_time_new (local_zone (),
                                                      g_date_time_get_year (date),
                                                      g_date_time_get_month (date),
                                                      g_date_time_get_day_of_month (date),
                                                      hours->open_hour, 0, 0);
      gint64 candidate = g_date_time_to_unix (opening);

      if (candidate >= time && gw_business_hours_contains (hours, candidate))
        return candidate;
    }
  return time;
}

static void
note_next (gint64 *next_check,
           gint64  time)
{
  if (next_check != NULL && (*next_check == GW_NO_TIME || time < *next_check))
    *next_check = time;
}

/**
 * gw_reminders_due:
 * @follow_ups: (element-type GwFollowUp): unresolved complaints with a
 *   follow-up time
 * @lead_seconds: how long before a follow-up to remind; 0 for no reminder
 *   before it
 * @next_check: (out) (optional): when something next becomes due, or
 *   %GW_NO_TIME when nothing will without a change in the store
 *
 * Returns: (element-type GwNotice): what to say now, overdue ones first
 */
GPtrArray *
gw_reminders_due (GPtrArray             *follow_ups,
                  gint64                 now,
                  gint64                 lead_seconds,
                  const GwBusinessHours *hours,
                  gint64                *next_check)
{
  GPtrArray *notices = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) before = g_ptr_array_new ();
  gboolean open_now = gw_business_hours_contains (hours, now);

  if (next_check != NULL)
    *next_check = GW_NO_TIME;

  for (guint i = 0; i < follow_ups->len; i++)
    {
      GwFollowUp *follow_up = g_ptr_array_index (follow_ups, i);
      GwNotice *notice = NULL;

      /* Waiting on the customer stops the clock; resolved ends it. */
      if (follow_up->status == GW_STATUS_WAITING || follow_up->status == GW_STATUS_RESOLVED
          || follow_up->follow_up_at == GW_NO_TIME)
        continue;

      if (follow_up->snoozed_until != GW_NO_TIME && follow_up->snoozed_until > now)
        {
          note_next (next_check, follow_up->snoozed_until);
          continue;
        }

      if (follow_up->follow_up_at <= now)
        {
          if (follow_up->overdue_sent && follow_up->snoozed_until == GW_NO_TIME)
            continue;
          notice = g_new0 (GwNotice, 1);
          notice->kind = GW_NOTICE_OVERDUE;
        }
      else
        {
          if (lead_seconds > 0 && !follow_up->before_sent
              && follow_up->follow_up_at - lead_seconds <= now)
            {
              notice = g_new0 (GwNotice, 1);
              notice->kind = GW_NOTICE_BEFORE;
            }
          else if (lead_seconds > 0 && !follow_up->before_sent)
            note_next (next_check, follow_up->follow_up_at - lead_seconds);
          note_next (next_check, follow_up->follow_up_at);
        }

      if (notice == NULL)
        continue;
      if (!open_now)
        {
          /* Held until the shop opens. */
          g_free (notice);
          note_next (next_check, gw_business_hours_next_open (hours, now));
          continue;
        }
      notice->follow_up = follow_up;
      if (notice->kind == GW_NOTICE_OVERDUE)
        g_ptr_array_add (notices, notice);
      else
        g_ptr_array_add (before, notice);
    }

  for (guint i = 0; i < before->len; i++)
    g_ptr_array_add (notices, g_ptr_array_index (before, i));
  return notices;
}
