/* gw-complaint-item.c: a complaint as a list item; rows redraw on ::changed */

#include "config.h"

#include "gw-complaint-item.h"

struct _GwComplaintItem {
  GObject      parent_instance;

  GwComplaint *complaint;
};

G_DEFINE_FINAL_TYPE (GwComplaintItem, gw_complaint_item, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void
gw_complaint_item_finalize (GObject *object)
{
  GwComplaintItem *self = GW_COMPLAINT_ITEM (object);

  g_clear_pointer (&self->complaint, gw_complaint_free);
  G_OBJECT_CLASS (gw_complaint_item_parent_class)->finalize (object);
}

static void
gw_complaint_item_class_init (GwComplaintItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gw_complaint_item_finalize;

  /**
   * GwComplaintItem::changed:
   *
   * The complaint was edited; whatever shows it should show it anew.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gw_complaint_item_init (GwComplaintItem *self)
{
}

/* Takes ownership of @complaint. */
GwComplaintItem *
gw_complaint_item_new (GwComplaint *complaint)
{
  GwComplaintItem *self;

  g_return_val_if_fail (complaint != NULL, NULL);

  self = g_object_new (GW_TYPE_COMPLAINT_ITEM, NULL);
  self->complaint = complaint;
  return self;
}

const GwComplaint *
gw_complaint_item_get_complaint (GwComplaintItem *self)
{
  g_return_val_if_fail (GW_IS_COMPLAINT_ITEM (self), NULL);
  return self->complaint;
}

gint64
gw_complaint_item_get_id (GwComplaintItem *self)
{
  g_return_val_if_fail (GW_IS_COMPLAINT_ITEM (self), 0);
  return self->complaint->id;
}

/* Takes ownership of @complaint, which may be another complaint: a row
 * near the top of a list shows whatever complaint is at its place. */
void
gw_complaint_item_set_complaint (GwComplaintItem *self,
                                 GwComplaint     *complaint)
{
  g_return_if_fail (GW_IS_COMPLAINT_ITEM (self));
  g_return_if_fail (complaint != NULL);

  gw_complaint_free (self->complaint);
  self->complaint = complaint;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Takes ownership of @complaint, a fresher copy of the same one. */
void
gw_complaint_item_replace (GwComplaintItem *self,
                           GwComplaint     *complaint)
{
  g_return_if_fail (GW_IS_COMPLAINT_ITEM (self));
  g_return_if_fail (complaint != NULL && complaint->id == self->complaint->id);

  gw_complaint_free (self->complaint);
  self->complaint = complaint;
  g_signal_emit (self, signals[CHANGED], 0);
}
