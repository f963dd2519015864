/* gw-complaint-row.c: customer, when, what, kind, category, follow-up and
 * status of one complaint; an overdue follow-up stands out */

#include "config.h"

#include <glib/gi18n.h>

#include "core/gw-datetime.h"
#include "gw-complaint-row.h"

struct _GwComplaintRow {
  GtkWidget        parent_instance;

  GwComplaintItem *item;
  gulong           changed_id;

  /* Template widgets */
  GtkLabel        *customer_label;
  GtkLabel        *received_label;
  GtkLabel        *description_label;
  GtkLabel        *kind_label;
  GtkLabel        *category_label;
  GtkLabel        *follow_up_label;
  GtkLabel        *status_label;
};

G_DEFINE_FINAL_TYPE (GwComplaintRow, gw_complaint_row, GTK_TYPE_WIDGET)

static const char *const status_classes[] = { "open", "in-progress", "waiting", "resolved" };

static void
update (GwComplaintRow *self)
{
  const GwComplaint *complaint;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *received = NULL;
  g_autofree char *first_line = NULL;
  g_autofree char *accessible = NULL;
  gboolean overdue;

  if (self->item == NULL)
    return;
  complaint = gw_complaint_item_get_complaint (self->item);

  gtk_label_set_label (self->customer_label, *complaint->customer_name
                                             ? complaint->customer_name
                                             : _("Walk-in customer"));
  received = gw_datetime_format_relative (complaint->received_at, now);
  gtk_label_set_label (self->received_label, received);

  /* Two lines show; a long text is not laid out past them. */
  first_line = gw_text_preview (complaint->description, 240, 3, NULL);
  g_strdelimit (first_line, "\r\n", ' ');
  gtk_label_set_label (self->description_label, first_line);

  gtk_label_set_label (self->kind_label, gw_vocabulary_label (GW_VOCAB_KIND, complaint->kind));
  gtk_label_set_label (self->category_label, complaint->category);
  gtk_widget_set_visible (GTK_WIDGET (self->category_label), *complaint->category != '\0');

  gtk_label_set_label (self->status_label,
                       gw_vocabulary_label (GW_VOCAB_STATUS, complaint->status));
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[complaint->status]);

  overdue = gw_complaint_is_overdue (complaint, now);
  if (complaint->follow_up_at != GW_NO_TIME && complaint->status != GW_STATUS_RESOLVED
      && complaint->status != GW_STATUS_WAITING)
    {
      g_autofree char *when = gw_datetime_format_relative (complaint->follow_up_at, now);
      gint64 days_late = (now - complaint->follow_up_at) / (24 * 60 * 60);
      g_autofree char *text = NULL;

      if (overdue && days_late == 0)
        text = g_strdup (_("Overdue today"));
      else if (overdue)
        /* TRANSLATORS: how long a follow-up has been late */
        text = g_strdup_printf (ngettext ("Overdue %d day", "Overdue %d days", days_late),
                                (int) days_late);
      else
        /* TRANSLATORS: %s is when the business will get back to the customer */
        text = g_strdup_printf (_("Follow up %s"), when);

      gtk_label_set_label (self->follow_up_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->follow_up_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->follow_up_label), FALSE);

  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->follow_up_label), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->follow_up_label), "overdue");

  /* One sentence for screen readers instead of seven labels. */
  accessible = g_strdup_printf ("%s, %s, %s, %s",
                                gtk_label_get_label (self->customer_label),
                                gtk_label_get_label (self->kind_label),
                                gtk_label_get_label (self->status_label),
                                first_line);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

void
gw_complaint_row_set_item (GwComplaintRow  *self,
                           GwComplaintItem *item)
{
  g_return_if_fail (GW_IS_COMPLAINT_ROW (self));

  if (self->item != NULL)
    g_clear_signal_handler (&self->changed_id, self->item);
  g_set_object (&self->item, item);
  if (item != NULL)
    self->changed_id = g_signal_connect_swapped (item, "changed", G_CALLBACK (update), self);
  update (self);
}

static void
gw_complaint_row_dispose (GObject *object)
{
  GwComplaintRow *self = GW_COMPLAINT_ROW (object);

  gw_complaint_row_set_item (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_COMPLAINT_ROW);
  /* The template's unnamed children are ours to unparent. */
  while (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));
  G_OBJECT_CLASS (gw_complaint_row_parent_class)->dispose (object);
}

static void
gw_complaint_row_class_init (GwComplaintRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_complaint_row_dispose;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-complaint-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GwComplaintRow, customer_label);
  gtk_widget_class_bind_template_child (widget_class, GwComplaintRow, received_label);
  gtk_widget_class_bind_template_child (widget_class, GwComplaintRow, description_label);
  gtk_widget_class_bind_template_child (widget_class, GwComplaintRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, GwComplaintRow, category_label);
  gtk_widget_class_bind_template_child (widget_class, GwComplaintRow, follow_up_label);
  gtk_widget_class_bind_template_child (widget_class, GwComplaintRow, status_label);
}

static void
gw_complaint_row_init (GwComplaintRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gw_complaint_row_new (void)
{
  return g_object_new (GW_TYPE_COMPLAINT_ROW, NULL);
}
