/* gw-complaint-filter.c: list filters, and the small records around a
 * complaint */

#include "config.h"

#include "gw-complaint.h"
#include "gw-complaint-filter.h"

GwComplaintFilter *
gw_complaint_filter_new (void)
{
  GwComplaintFilter *filter = g_new (GwComplaintFilter, 1);

  *filter = GW_COMPLAINT_FILTER_INIT;
  return filter;
}

GwComplaintFilter *
gw_complaint_filter_copy (const GwComplaintFilter *filter)
{
  GwComplaintFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_memdup2 (filter, sizeof *filter);
  copy->search = g_strdup (filter->search);
  return copy;
}

void
gw_complaint_filter_free (GwComplaintFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->search);
  g_free (filter);
}

static const char *
search_or_empty (const GwComplaintFilter *filter)
{
  return filter->search != NULL ? filter->search : "";
}

gboolean
gw_complaint_filter_equal (const GwComplaintFilter *a,
                           const GwComplaintFilter *b)
{
  return a->statuses == b->statuses
         && a->kinds == b->kinds
         && a->channels == b->channels
         && a->category_id == b->category_id
         && a->staff_id == b->staff_id
         && a->customer_id == b->customer_id
         && a->from == b->from
         && a->until == b->until
         && a->overdue_at == b->overdue_at
         && g_strcmp0 (search_or_empty (a), search_or_empty (b)) == 0;
}

/* Whether the filter lets every complaint through. */
gboolean
gw_complaint_filter_is_empty (const GwComplaintFilter *filter)
{
  GwComplaintFilter empty = GW_COMPLAINT_FILTER_INIT;

  return gw_complaint_filter_equal (filter, &empty);
}

void
gw_training_free (GwTraining *training)
{
  if (training == NULL)
    return;
  g_free (training->trainer);
  g_free (training->notes);
  g_clear_pointer (&training->attendee_ids, g_array_unref);
  g_strfreev (training->attendees);
  g_free (training);
}

void
gw_concern_free (GwConcern *concern)
{
  if (concern == NULL)
    return;
  g_free (concern->raised_by_name);
  g_free (concern->text);
  g_free (concern->answer);
  g_free (concern);
}

void
gw_recognition_free (GwRecognition *recognition)
{
  if (recognition == NULL)
    return;
  g_free (recognition->staff);
  g_free (recognition->reason);
  g_free (recognition);
}

void
gw_staff_member_free (GwStaffMember *member)
{
  if (member == NULL)
    return;
  g_free (member->name);
  g_free (member->role);
  g_free (member->phone);
  g_free (member->email);
  g_free (member);
}

void
gw_category_free (GwCategory *category)
{
  if (category == NULL)
    return;
  g_free (category->name);
  g_free (category);
}

void
gw_customer_free (GwCustomer *customer)
{
  if (customer == NULL)
    return;
  g_free (customer->name);
  g_free (customer->phone);
  g_free (customer->email);
  g_free (customer->address);
  g_free (customer->notes);
  g_free (customer);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The median of @values (sorted in place); for an even count, the mean of
 * the middle two, rounded down; 0 for none. */
gint64
gw_median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return 0;
  g_array_sort (values, compare_int64);
  if (n % 2 == 1)
    return g_array_index (values, gint64, n / 2);
  return (g_array_index (values, gint64, n / 2 - 1) + g_array_index (values, gint64, n / 2)) / 2;
}
