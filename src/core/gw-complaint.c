/* gw-complaint.c: the complaint record */

#include "config.h"

#include <glib/gi18n.h>

#include "gw-complaint.h"
#include "gw-datetime.h"
#include "gw-money.h"

/* Written out rather than G_DEFINE_BOXED_TYPE, whose casts trip -Wpedantic. */
GType
gw_complaint_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType type = g_boxed_type_register_static (g_intern_static_string ("GwComplaint"),
                                                 (GBoxedCopyFunc) gw_complaint_copy,
                                                 (GBoxedFreeFunc) gw_complaint_free);
      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

/* Every text field is a string, never NULL, so callers need not check. */
GwComplaint *
gw_complaint_new (void)
{
  GwComplaint *complaint = g_new0 (GwComplaint, 1);

  complaint->received_at = GW_NO_TIME;
  complaint->follow_up_at = GW_NO_TIME;
  complaint->resolved_at = GW_NO_TIME;
  complaint->last_informed_at = GW_NO_TIME;

  complaint->category = g_strdup ("");
  complaint->customer_name = g_strdup ("");
  complaint->customer_phone = g_strdup ("");
  complaint->customer_email = g_strdup ("");
  complaint->customer_address = g_strdup ("");
  complaint->received_by = g_strdup ("");
  complaint->assigned_to = g_strdup ("");
  complaint->description = g_strdup ("");
  complaint->agreed_solution = g_strdup ("");
  complaint->promise = g_strdup ("");
  complaint->steps_taken = g_strdup ("");
  complaint->prevention = g_strdup ("");
  return complaint;
}

GwComplaint *
gw_complaint_copy (const GwComplaint *complaint)
{
  GwComplaint *copy;

  g_return_val_if_fail (complaint != NULL, NULL);

  copy = g_memdup2 (complaint, sizeof *complaint);
  copy->category = g_strdup (complaint->category);
  copy->customer_name = g_strdup (complaint->customer_name);
  copy->customer_phone = g_strdup (complaint->customer_phone);
  copy->customer_email = g_strdup (complaint->customer_email);
  copy->customer_address = g_strdup (complaint->customer_address);
  copy->received_by = g_strdup (complaint->received_by);
  copy->assigned_to = g_strdup (complaint->assigned_to);
  copy->description = g_strdup (complaint->description);
  copy->agreed_solution = g_strdup (complaint->agreed_solution);
  copy->promise = g_strdup (complaint->promise);
  copy->steps_taken = g_strdup (complaint->steps_taken);
  copy->prevention = g_strdup (complaint->prevention);
  return copy;
}

void
gw_complaint_free (GwComplaint *complaint)
{
  if (complaint == NULL)
    return;

  g_free (complaint->category);
  g_free (complaint->customer_name);
  g_free (complaint->customer_phone);
  g_free (complaint->customer_email);
  g_free (complaint->customer_address);
  g_free (complaint->received_by);
  g_free (complaint->assigned_to);
  g_free (complaint->description);
  g_free (complaint->agreed_solution);
  g_free (complaint->promise);
  g_free (complaint->steps_taken);
  g_free (complaint->prevention);
  g_free (complaint);
}

/* A follow-up is overdue once its time has passed and the matter is still
 * with the business: waiting on the customer stops the clock. */
gboolean
gw_complaint_is_overdue (const GwComplaint *complaint,
                         gint64             now)
{
  g_return_val_if_fail (complaint != NULL, FALSE);

  return complaint->follow_up_at != GW_NO_TIME
         && complaint->follow_up_at <= now
         && complaint->status != GW_STATUS_RESOLVED
         && complaint->status != GW_STATUS_WAITING;
}

static const char *const event_tokens[] = {
  "created", "note", "handover", "status", "informed", "follow_up", "resolved", "edited",
};
G_STATIC_ASSERT (G_N_ELEMENTS (event_tokens) == GW_N_EVENTS);

const char *
gw_event_kind_token (GwEventKind kind)
{
  g_return_val_if_fail (kind < GW_N_EVENTS, NULL);
  return event_tokens[kind];
}

gboolean
gw_event_kind_parse (const char  *token,
                     GwEventKind *kind)
{
  for (guint i = 0; i < GW_N_EVENTS; i++)
    if (g_strcmp0 (token, event_tokens[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

static const char *
status_label (const char *token)
{
  guint status;

  if (gw_vocabulary_parse (GW_VOCAB_STATUS, token, &status))
    return gw_vocabulary_label (GW_VOCAB_STATUS, status);
  return token;
}

/* One line saying what happened, for the timeline; the event's own text
 * (a note, what the customer was told) is shown beneath it. */
char *
gw_complaint_event_describe (const GwComplaintEvent *event)
{
  g_return_val_if_fail (event != NULL, NULL);

  switch (event->kind)
    {
    case GW_EVENT_CREATED:
      return g_strdup (_("Logged"));
    case GW_EVENT_NOTE:
      return g_strdup (_("Note"));
    case GW_EVENT_HANDOVER:
      /* TRANSLATORS: %s is a staff member's name */
      return g_strdup_printf (_("Handed over to %s"), event->new_value);
    case GW_EVENT_STATUS:
      /* TRANSLATORS: a status change, e.g. "Open → In progress" */
      return g_strdup_printf (_("%s → %s"), status_label (event->old_value),
                              status_label (event->new_value));
    case GW_EVENT_INFORMED:
      {
        guint channel;

        if (gw_vocabulary_parse (GW_VOCAB_CHANNEL, event->new_value, &channel))
          /* TRANSLATORS: %s is how, e.g. "Phone" */
          return g_strdup_printf (_("Customer informed (%s)"),
                                  gw_vocabulary_label (GW_VOCAB_CHANNEL, channel));
        return g_strdup (_("Customer informed"));
      }
    case GW_EVENT_FOLLOW_UP:
      {
        gint64 when = gw_complaint_event_parse_time (event->new_value);
        g_autofree char *text = NULL;

        if (when == GW_NO_TIME)
          return g_strdup (_("Follow-up removed"));
        text = gw_datetime_format_local (when);
        /* TRANSLATORS: %s is a date and time */
        return g_strdup_printf (_("Follow-up set for %s"), text);
      }
    case GW_EVENT_RESOLVED:
      return g_strdup (_("Resolved"));
    case GW_EVENT_EDITED:
      return g_strdup (_("Details edited"));
    case GW_N_EVENTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* A time as an event's old or new value: Unix seconds, or empty for none. */
char *
gw_complaint_event_time_value (gint64 time)
{
  if (time == GW_NO_TIME)
    return g_strdup ("");
  return g_strdup_printf ("%" G_GINT64_FORMAT, time);
}

gint64
gw_complaint_event_parse_time (const char *value)
{
  gint64 time;

  if (value == NULL || !g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &time, NULL))
    return GW_NO_TIME;
  return time;
}

void
gw_complaint_event_free (GwComplaintEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->staff);
  g_free (event->body);
  g_free (event->old_value);
  g_free (event->new_value);
  g_free (event);
}

/**
 * gw_compensation_check:
 *
 * An amount is of something given: a refund, a voucher. Typed while the
 * compensation is "None", it would be counted as nothing and shown as
 * nothing, so it is refused with a word on what to choose.
 */
gboolean
gw_compensation_check (GwCompensation   type,
                       gint64           amount,
                       GError         **error)
{
  if (amount != 0 && type == GW_COMPENSATION_NONE)
    {
      g_set_error_literal (error, GW_MONEY_ERROR, GW_MONEY_ERROR_WITHOUT_KIND,
                           _("Choose what the amount was given as, such as a refund, or leave "
                             "the amount empty."));
      return FALSE;
    }
  return TRUE;
}

/**
 * gw_text_preview:
 * @max_chars: the most characters kept
 * @max_lines: the most lines kept
 * @cut: (out) (optional): whether anything was left out
 *
 * The start of @text, for a place that shows only the start: the first
 * @max_lines lines and at most @max_chars characters of them, ended at a
 * space where one is near, with "…" when cut. A description pasted from an
 * e-mail may be a book; laying all of it out to show two lines would make
 * the window wait.
 */
char *
gw_text_preview (const char *text,
                 guint       max_chars,
                 guint       max_lines,
                 gboolean   *cut)
{
  const char *end = text;
  const char *last_space = NULL;
  guint n_chars = 0, n_lines = 1;
  gboolean was_cut = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  while (*end != '\0')
    {
      if (*end == '\n' && ++n_lines > max_lines)
        {
          was_cut = TRUE;
          break;
        }
      if (n_chars++ >= max_chars)
        {
          was_cut = TRUE;
          /* Not in the middle of a word, unless the word is most of it. */
          if (last_space != NULL && (guint) (end - last_space) <= max_chars / 2)
            end = last_space;
          break;
        }
      if (*end == ' ')
        last_space = end;
      end = g_utf8_next_char (end);
    }
  if (cut != NULL)
    *cut = was_cut;
  if (!was_cut)
    return g_strdup (text);
  {
    g_autofree char *start = g_strndup (text, end - text);

    return g_strconcat (g_strchomp (start), "…", NULL);
  }
}
