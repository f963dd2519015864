/* gw-complaint-detail.c: everything about one complaint, and what staff do
 * with it: notes, hand-overs, telling the customer, resolving, deleting
 *
 * Reads one complaint and its timeline by key, so its cost does not grow
 * with the store.
 */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "core/gw-datetime.h"
#include "core/gw-money.h"
#include "gw-complaint-detail.h"
#include "gw-customer-dialog.h"
#include "gw-recognition-dialog.h"
#include "gw-view-utils.h"

struct _GwComplaintDetail {
  GtkWidget      parent_instance;

  GwStore       *store;
  GwComplaint   *complaint;
  GPtrArray     *staff;        /* GwStaffMember, as in staff_choices */
  GPtrArray     *detail_rows;
  gint64         acting_staff_id;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkButton     *back_button;
  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkLabel      *status_label;
  GtkWidget     *promise_box;
  GtkLabel      *promise_title;
  GtkLabel      *promise_label;
  GtkLabel      *description_label;
  GtkWidget     *description_more;
  GtkMenuButton *resolve_button;
  GtkWidget     *recognise_button;
  GtkPopover    *handover_popover;
  GtkPopover    *informed_popover;
  GtkPopover    *resolve_popover;
  GtkDropDown   *handover_staff;
  GtkEntry      *handover_note;
  GtkDropDown   *informed_channel;
  GtkEntry      *informed_text;
  GtkDropDown   *resolve_feeling;
  GtkDropDown   *resolve_buy_again;
  GtkDropDown   *resolve_compensation;
  GtkEntry      *resolve_amount;
  GtkEntry      *resolve_prevention;
  GtkLabel      *resolve_error;
  AdwPreferencesGroup *details_group;
  GtkListBox    *timeline_list;
  AdwEntryRow   *note_row;
  GtkStringList *channel_choices;
  GtkStringList *feeling_choices;
  GtkStringList *buy_again_choices;
  GtkStringList *compensation_choices;
  GtkStringList *staff_choices;
};

G_DEFINE_FINAL_TYPE (GwComplaintDetail, gw_complaint_detail, GTK_TYPE_WIDGET)

enum {
  DELETED,
  EDIT,
  BACK,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static const char *const status_classes[] = { "open", "in-progress", "waiting", "resolved" };

static void
show_error (GwComplaintDetail *self,
            const GError      *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_debug ("%s", error->message);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
}

static void
add_detail_row (GwComplaintDetail *self,
                const char        *title,
                const char        *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (self->details_group, row);
  g_ptr_array_add (self->detail_rows, row);
}

static GtkWidget *
make_timeline_row (const char *title,
                   const char *when_and_who,
                   const char *body)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *meta_label = gtk_label_new (when_and_who);

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_widget_add_css_class (title_label, "heading");
  gtk_label_set_xalign (GTK_LABEL (meta_label), 1);
  gtk_widget_add_css_class (meta_label, "dim-label");
  gtk_widget_add_css_class (meta_label, "caption");
  gtk_box_append (GTK_BOX (heading), title_label);
  gtk_box_append (GTK_BOX (heading), meta_label);
  gtk_box_append (GTK_BOX (box), heading);

  if (body != NULL && *body != '\0')
    {
      GtkWidget *body_label = gtk_label_new (body);

      gtk_label_set_xalign (GTK_LABEL (body_label), 0);
      gtk_label_set_wrap (GTK_LABEL (body_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (body_label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (body_label), TRUE);
      gtk_widget_add_css_class (body_label, "timeline-body");
      gtk_box_append (GTK_BOX (box), body_label);
    }
  return box;
}

static char *
when_and_who (gint64      at,
              const char *who)
{
  g_autofree char *when = gw_datetime_format_local (at);

  if (who == NULL || *who == '\0')
    return g_steal_pointer (&when);
  /* TRANSLATORS: when something happened, and who did it */
  return g_strdup_printf (_("%s · %s"), when, who);
}

static void
fill_timeline (GwComplaintDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = gw_store_list_events (self->store, self->complaint->id, &error);
  GtkWidget *child;
  g_autofree char *logged_meta = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->timeline_list))) != NULL)
    gtk_list_box_remove (self->timeline_list, child);

  /* The record itself is the first entry: when it came in and who took it. */
  logged_meta = when_and_who (self->complaint->received_at, self->complaint->received_by);
  gtk_list_box_append (self->timeline_list, make_timeline_row (_("Received"), logged_meta, NULL));

  if (events == NULL)
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < events->len; i++)
    {
      GwComplaintEvent *event = g_ptr_array_index (events, i);
      g_autofree char *title = gw_complaint_event_describe (event);
      g_autofree char *meta = when_and_who (event->at, event->staff);

      gtk_list_box_append (self->timeline_list, make_timeline_row (title, meta, event->body));
    }
}

static void
fill_staff (GwComplaintDetail *self)
{
  g_autoptr(GError) error = NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->staff_choices));

  g_clear_pointer (&self->staff, g_ptr_array_unref);
  self->staff = gw_store_list_staff (self->store, &error);
  if (self->staff == NULL)
    self->staff = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_staff_member_free);

  {
    g_autoptr(GPtrArray) names = g_ptr_array_new ();

    for (guint i = 0; i < self->staff->len; i++)
      g_ptr_array_add (names, ((GwStaffMember *) g_ptr_array_index (self->staff, i))->name);
    g_ptr_array_add (names, NULL);
    gtk_string_list_splice (self->staff_choices, 0, n_old, (const char *const *) names->pdata);
  }
}

static void
update (GwComplaintDetail *self)
{
  const GwComplaint *complaint = self->complaint;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *received = NULL;
  g_autofree char *subtitle = NULL;
  gboolean open;

  if (complaint == NULL)
    return;

  gtk_label_set_label (self->title_label, *complaint->customer_name ? complaint->customer_name
                                                                    : _("Walk-in customer"));
  received = gw_datetime_format_local (complaint->received_at);
  if (*complaint->category != '\0')
    /* TRANSLATORS: kind · category · when, e.g. "Complaint · Delivery · 2024-03-01 14:05" */
    subtitle = g_strdup_printf (_("%s · %s · %s"),
                                gw_vocabulary_label (GW_VOCAB_KIND, complaint->kind),
                                complaint->category, received);
  else
    /* TRANSLATORS: kind · when */
    subtitle = g_strdup_printf (_("%s · %s"),
                                gw_vocabulary_label (GW_VOCAB_KIND, complaint->kind), received);
  gtk_label_set_label (self->subtitle_label, subtitle);

  gtk_label_set_label (self->status_label,
                       gw_vocabulary_label (GW_VOCAB_STATUS, complaint->status));
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[complaint->status]);

  /* A long text is folded: the buttons below it stay in reach. */
  {
    gboolean cut = FALSE;
    g_autofree char *start = gw_text_preview (complaint->description, 1500, 20, &cut);

    gtk_label_set_label (self->description_label, start);
    gtk_widget_set_visible (self->description_more, cut);
  }

  /* The promise and follow-up stay in view until the matter is resolved. */
  open = complaint->status != GW_STATUS_RESOLVED;
  if (open && (*complaint->promise != '\0' || complaint->follow_up_at != GW_NO_TIME))
    {
      g_autofree char *title = NULL;

      if (complaint->follow_up_at != GW_NO_TIME)
        {
          g_autofree char *when = gw_datetime_format_local (complaint->follow_up_at);

          title = gw_complaint_is_overdue (complaint, now)
            /* TRANSLATORS: %s is a date and time */
            ? g_strdup_printf (_("Follow-up overdue since %s"), when)
            /* TRANSLATORS: %s is a date and time */
            : g_strdup_printf (_("Follow up by %s"), when);
        }
      else
        title = g_strdup (_("Promised to the customer"));
      gtk_label_set_label (self->promise_title, title);
      gtk_label_set_label (self->promise_label, complaint->promise);
      gtk_widget_set_visible (GTK_WIDGET (self->promise_label), *complaint->promise != '\0');
      if (gw_complaint_is_overdue (complaint, now))
        gtk_widget_add_css_class (self->promise_box, "overdue-promise");
      else
        gtk_widget_remove_css_class (self->promise_box, "overdue-promise");
      gtk_widget_set_visible (self->promise_box, TRUE);
    }
  else
    gtk_widget_set_visible (self->promise_box, FALSE);

  for (guint i = 0; i < self->detail_rows->len; i++)
    adw_preferences_group_remove (self->details_group, g_ptr_array_index (self->detail_rows, i));
  g_ptr_array_set_size (self->detail_rows, 0);

  add_detail_row (self, _("Phone"), complaint->customer_phone);
  add_detail_row (self, _("E-mail"), complaint->customer_email);
  add_detail_row (self, _("Address"), complaint->customer_address);
  add_detail_row (self, _("Channel"), gw_vocabulary_label (GW_VOCAB_CHANNEL, complaint->channel));
  add_detail_row (self, _("Received by"), complaint->received_by);
  add_detail_row (self, _("Now with"), complaint->assigned_to);
  add_detail_row (self, _("Agreed solution"), complaint->agreed_solution);
  if (complaint->kind == GW_KIND_COMPLAINT)
    add_detail_row (self, _("Solved on the spot"), complaint->solved_on_spot ? _("Yes") : _("No"));
  add_detail_row (self, _("Steps being taken"), complaint->steps_taken);
  /* An amount with no kind of compensation (as a spreadsheet may have it)
   * shows on its own rather than not at all. */
  if (complaint->compensation_type != GW_COMPENSATION_NONE || complaint->compensation_amount > 0)
    {
      g_autofree char *amount = gw_money_format_local (complaint->compensation_amount);
      g_autofree char *text = NULL;

      if (complaint->compensation_type == GW_COMPENSATION_NONE)
        text = g_strdup (amount);
      else if (complaint->compensation_amount > 0)
        /* TRANSLATORS: compensation type and amount, e.g. "Refund, 149.90" */
        text = g_strdup_printf (_("%s, %s"),
                                gw_vocabulary_label (GW_VOCAB_COMPENSATION,
                                                     complaint->compensation_type),
                                amount);
      else
        text = g_strdup (gw_vocabulary_label (GW_VOCAB_COMPENSATION,
                                              complaint->compensation_type));

      add_detail_row (self, _("Compensation"), text);
    }
  if (complaint->status == GW_STATUS_RESOLVED)
    {
      /* An imported spreadsheet may say "resolved" without saying when. */
      g_autofree char *resolved = complaint->resolved_at != GW_NO_TIME
                                  ? gw_datetime_format_local (complaint->resolved_at)
                                  : g_strdup (_("Time unknown"));

      add_detail_row (self, _("Resolved"), resolved);
      if (complaint->customer_feeling != GW_FEELING_UNKNOWN)
        add_detail_row (self, _("How the customer felt"),
                        gw_vocabulary_label (GW_VOCAB_FEELING, complaint->customer_feeling));
      add_detail_row (self, _("Will buy again"),
                      gw_vocabulary_label (GW_VOCAB_BUY_AGAIN, complaint->will_buy_again));
    }
  add_detail_row (self, _("How to avoid it in future"), complaint->prevention);

  gtk_widget_set_visible (GTK_WIDGET (self->resolve_button), open);
  gtk_widget_set_visible (self->recognise_button, complaint->kind == GW_KIND_COMPLIMENT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.customer",
                                 complaint->customer_id != 0);
  fill_timeline (self);
}

/**
 * gw_complaint_detail_show:
 *
 * Shows complaint @id as the store has it now.
 */
void
gw_complaint_detail_show (GwComplaintDetail *self,
                          gint64             id)
{
  g_autoptr(GError) error = NULL;
  GwComplaint *complaint;

  g_return_if_fail (GW_IS_COMPLAINT_DETAIL (self));
  g_return_if_fail (self->store != NULL);

  complaint = gw_store_get_complaint (self->store, id, &error);
  if (complaint == NULL)
    {
      show_error (self, error);
      return;
    }
  /* Another complaint opens at its top, with the name and promise. */
  if (self->complaint == NULL || self->complaint->id != id)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  g_clear_pointer (&self->complaint, gw_complaint_free);
  self->complaint = complaint;
  update (self);
}

gint64
gw_complaint_detail_get_id (GwComplaintDetail *self)
{
  g_return_val_if_fail (GW_IS_COMPLAINT_DETAIL (self), 0);
  return self->complaint != NULL ? self->complaint->id : 0;
}

static void
on_store_changed_cb (GwStore           *store,
                     const char        *table,
                     gint64             id,
                     GwComplaintDetail *self)
{
  if (g_str_equal (table, "staff"))
    fill_staff (self);
  else if (self->complaint != NULL && (id == 0 || id == self->complaint->id))
    {
      g_autoptr(GwComplaint) fresh = gw_store_get_complaint (store, self->complaint->id, NULL);

      /* Deleted elsewhere: the view moves on; nothing to show here. */
      if (fresh == NULL)
        return;
      gw_complaint_free (self->complaint);
      self->complaint = g_steal_pointer (&fresh);
      update (self);
    }
}

void
gw_complaint_detail_set_store (GwComplaintDetail *self,
                               GwStore           *store)
{
  g_return_if_fail (GW_IS_COMPLAINT_DETAIL (self));
  g_return_if_fail (GW_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_signal_connect_object (store, "changed::complaints", G_CALLBACK (on_store_changed_cb), self, 0);
  g_signal_connect_object (store, "changed::staff", G_CALLBACK (on_store_changed_cb), self, 0);
  fill_staff (self);
}

void
gw_complaint_detail_set_acting_staff (GwComplaintDetail *self,
                                      gint64             staff_id)
{
  g_return_if_fail (GW_IS_COMPLAINT_DETAIL (self));
  self->acting_staff_id = staff_id;
}

void
gw_complaint_detail_set_show_back (GwComplaintDetail *self,
                                   gboolean           show_back)
{
  g_return_if_fail (GW_IS_COMPLAINT_DETAIL (self));
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), show_back);
}

static void
on_back_clicked_cb (GwComplaintDetail *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

static void
on_note_apply_cb (GwComplaintDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  const char *staff_name = NULL;

  if (self->complaint == NULL || *text == '\0')
    return;

  for (guint i = 0; self->staff != NULL && i < self->staff->len; i++)
    {
      GwStaffMember *member = g_ptr_array_index (self->staff, i);

      if (member->id == self->acting_staff_id)
        staff_name = member->name;
    }
  /* Only once it is stored is the typed text cleared. */
  if (gw_store_add_note (self->store, self->complaint->id, GW_NO_TIME, staff_name, text,
                         &error) == 0)
    {
      show_error (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwComplaintDetail *self = GW_COMPLAINT_DETAIL (widget);

  if (self->complaint != NULL)
    g_signal_emit (self, signals[EDIT], 0, self->complaint->id);
}

static void
customer_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GwComplaintDetail *self = GW_COMPLAINT_DETAIL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GwCustomerDialog *dialog;

  if (self->complaint == NULL || self->complaint->customer_id == 0)
    return;
  dialog = gw_customer_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                   self->complaint->customer_id);
  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

/* A compliment is the moment to thank whoever earned it. */
static void
recognise_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GwComplaintDetail *self = GW_COMPLAINT_DETAIL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *reason = NULL;
  g_autofree char *first_line = NULL;

  if (self->complaint == NULL)
    return;
  first_line = gw_text_preview (self->complaint->description, 200, 1, NULL);
  g_strdelimit (first_line, "\r\n", ' ');
  reason = *self->complaint->customer_name != '\0'
    /* TRANSLATORS: the reason for a recognition: who praised, and what they said */
    ? g_strdup_printf (_("Compliment from %s: %s"), self->complaint->customer_name, first_line)
    /* TRANSLATORS: the reason for a recognition: what a customer said */
    : g_strdup_printf (_("Compliment: %s"), first_line);
  gtk_window_present (GTK_WINDOW (gw_recognition_dialog_new (
    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
    self->complaint->assigned_to_id != 0 ? self->complaint->assigned_to_id
                                         : self->complaint->received_by_id,
    reason, self->complaint->id)));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GwComplaintDetail *self = GW_COMPLAINT_DETAIL (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->complaint == NULL)
    return;
  id = self->complaint->id;
  if (!gw_store_delete_complaint (self->store, id, &error))
    {
      show_error (self, error);
      return;
    }
  g_signal_emit (self, signals[DELETED], 0, id);
}

static void
hand_over_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GwComplaintDetail *self = GW_COMPLAINT_DETAIL (widget);
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->handover_staff);
  GwStaffMember *member;

  if (self->complaint == NULL || self->staff == NULL || selected >= self->staff->len)
    return;
  member = g_ptr_array_index (self->staff, selected);
  if (!gw_store_hand_over (self->store, self->complaint->id, member->id, self->acting_staff_id,
                           gtk_editable_get_text (GTK_EDITABLE (self->handover_note)), &error))
    {
      show_error (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->handover_note), "");
  gtk_popover_popdown (self->handover_popover);
}

static void
show_whole_description_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  GwComplaintDetail *self = GW_COMPLAINT_DETAIL (widget);

  if (self->complaint == NULL)
    return;
  gtk_label_set_label (self->description_label, self->complaint->description);
  gtk_widget_set_visible (self->description_more, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->description_label));
}

static void
informed_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GwComplaintDetail *self = GW_COMPLAINT_DETAIL (widget);
  g_autoptr(GError) error = NULL;

  if (self->complaint == NULL)
    return;
  if (!gw_store_record_informed (self->store, self->complaint->id,
                                 gtk_drop_down_get_selected (self->informed_channel),
                                 gtk_editable_get_text (GTK_EDITABLE (self->informed_text)),
                                 self->acting_staff_id, &error))
    {
      show_error (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->informed_text), "");
  gtk_popover_popdown (self->informed_popover);
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GwComplaintDetail *self = GW_COMPLAINT_DETAIL (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwComplaint) resolved = NULL;
  gint64 amount = 0;

  if (self->complaint == NULL)
    return;

  if (!gw_money_parse_local (gtk_editable_get_text (GTK_EDITABLE (self->resolve_amount)), &amount,
                             &error)
      || !gw_compensation_check (gtk_drop_down_get_selected (self->resolve_compensation), amount,
                                 &error))
    {
      /* Said where it happened; nothing typed is lost. */
      gtk_label_set_label (self->resolve_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->resolve_error), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->resolve_amount), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->resolve_amount));
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->resolve_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->resolve_amount), "error");

  resolved = gw_complaint_copy (self->complaint);
  resolved->status = GW_STATUS_RESOLVED;
  resolved->resolved_at = g_get_real_time () / G_USEC_PER_SEC;
  /* The first choice of each list is "not recorded", then the vocabulary. */
  resolved->customer_feeling = gtk_drop_down_get_selected (self->resolve_feeling);
  resolved->will_buy_again = gtk_drop_down_get_selected (self->resolve_buy_again);
  resolved->compensation_type = gtk_drop_down_get_selected (self->resolve_compensation);
  resolved->compensation_amount = amount;
  g_free (resolved->prevention);
  resolved->prevention = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->resolve_prevention)));

  if (!gw_store_update_complaint (self->store, resolved, self->acting_staff_id, &error))
    {
      gtk_label_set_label (self->resolve_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->resolve_error), TRUE);
      return;
    }
  gtk_popover_popdown (self->resolve_popover);
}

/* Opening the resolve popover starts from what is already recorded. */
static void
on_resolve_popover_show_cb (GwComplaintDetail *self)
{
  g_autofree char *amount = NULL;

  if (self->complaint == NULL)
    return;
  gtk_drop_down_set_selected (self->resolve_feeling, self->complaint->customer_feeling);
  gtk_drop_down_set_selected (self->resolve_buy_again, self->complaint->will_buy_again);
  gtk_drop_down_set_selected (self->resolve_compensation, self->complaint->compensation_type);
  if (self->complaint->compensation_amount > 0)
    amount = gw_money_format_amount (self->complaint->compensation_amount);
  gtk_editable_set_text (GTK_EDITABLE (self->resolve_amount), amount != NULL ? amount : "");
  gtk_editable_set_text (GTK_EDITABLE (self->resolve_prevention), self->complaint->prevention);
}

static void
gw_complaint_detail_dispose (GObject *object)
{
  GwComplaintDetail *self = GW_COMPLAINT_DETAIL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_COMPLAINT_DETAIL);
  /* The template's unnamed top child is ours to unparent. */
  while (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));
  g_clear_object (&self->store);
  g_clear_pointer (&self->complaint, gw_complaint_free);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_pointer (&self->detail_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (gw_complaint_detail_parent_class)->dispose (object);
}

static void
gw_complaint_detail_class_init (GwComplaintDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_complaint_detail_dispose;

  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-complaint-detail.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, GwComplaintDetail, name)
  BIND (scroller);
  BIND (back_button);
  BIND (title_label);
  BIND (subtitle_label);
  BIND (status_label);
  BIND (promise_box);
  BIND (promise_title);
  BIND (promise_label);
  BIND (description_label);
  BIND (description_more);
  BIND (resolve_button);
  BIND (recognise_button);
  BIND (handover_popover);
  BIND (informed_popover);
  BIND (resolve_popover);
  BIND (handover_staff);
  BIND (handover_note);
  BIND (informed_channel);
  BIND (informed_text);
  BIND (resolve_feeling);
  BIND (resolve_buy_again);
  BIND (resolve_compensation);
  BIND (resolve_amount);
  BIND (resolve_prevention);
  BIND (resolve_error);
  BIND (details_group);
  BIND (timeline_list);
  BIND (note_row);
  BIND (channel_choices);
  BIND (feeling_choices);
  BIND (buy_again_choices);
  BIND (compensation_choices);
  BIND (staff_choices);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_note_apply_cb);

  gtk_widget_class_install_action (widget_class, "detail.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "detail.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "detail.customer", NULL, customer_action);
  gtk_widget_class_install_action (widget_class, "detail.recognise", NULL, recognise_action);
  gtk_widget_class_install_action (widget_class, "detail.hand-over", NULL, hand_over_action);
  gtk_widget_class_install_action (widget_class, "detail.informed", NULL, informed_action);
  gtk_widget_class_install_action (widget_class, "detail.show-whole-description", NULL,
                                   show_whole_description_action);
  gtk_widget_class_install_action (widget_class, "detail.resolve", NULL, resolve_action);
}

static void
gw_complaint_detail_init (GwComplaintDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gw_entries_activate_default (GTK_WIDGET (self->handover_popover));
  gw_entries_activate_default (GTK_WIDGET (self->informed_popover));
  gw_entries_activate_default (GTK_WIDGET (self->resolve_popover));

  self->detail_rows = g_ptr_array_new ();
  gw_string_list_append_vocabulary (self->channel_choices, GW_VOCAB_CHANNEL);
  gw_string_list_append_vocabulary (self->feeling_choices, GW_VOCAB_FEELING);
  gw_string_list_append_vocabulary (self->buy_again_choices, GW_VOCAB_BUY_AGAIN);
  gw_string_list_append_vocabulary (self->compensation_choices, GW_VOCAB_COMPENSATION);
  gtk_drop_down_set_selected (self->informed_channel, GW_CHANNEL_PHONE);
  g_signal_connect_swapped (self->resolve_popover, "show",
                            G_CALLBACK (on_resolve_popover_show_cb), self);
}
