/* gw-complaint.c: the complaint record */

#include "config.h"

#include "gw-complaint.h"

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

  complaint->category = g_strdup ("");
  complaint->customer_name = g_strdup ("");
  complaint->customer_phone = g_strdup ("");
  complaint->customer_email = g_strdup ("");
  complaint->customer_address = g_strdup ("");
  complaint->received_by = g_strdup ("");
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
  g_free (complaint->description);
  g_free (complaint->agreed_solution);
  g_free (complaint->promise);
  g_free (complaint->steps_taken);
  g_free (complaint->prevention);
  g_free (complaint);
}

/* A follow-up is overdue once its time has passed and the matter is still
 * open in any way. */
gboolean
gw_complaint_is_overdue (const GwComplaint *complaint,
                         gint64             now)
{
  g_return_val_if_fail (complaint != NULL, FALSE);

  return complaint->follow_up_at != GW_NO_TIME
         && complaint->follow_up_at <= now
         && complaint->status != GW_STATUS_RESOLVED;
}
