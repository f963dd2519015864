/* gw-customer-dialog.c: a customer's details, notes and whole history, and
 * merging in a second record of the same person
 */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "core/gw-datetime.h"
#include "gw-view-utils.h"
#include "gw-customer-dialog.h"

#define MERGE_MATCHES 5
/* A customer with more than this is a business, not a person; the newest
 * entries are the ones that matter at the counter. */
#define HISTORY_LIMIT 200

struct _GwCustomerDialog {
  AdwWindow    parent_instance;

  GwStore     *store;
  GwCustomer  *customer;
  GPtrArray   *matches;

  /* Template widgets */
  GtkLabel    *message_label;
  AdwEntryRow *name_row;
  AdwEntryRow *phone_row;
  AdwEntryRow *email_row;
  AdwEntryRow *address_row;
  GtkTextView *notes_view;
  GtkListBox  *history_list;
  AdwEntryRow *merge_search_row;
  GtkListBox  *merge_matches;
};

G_DEFINE_FINAL_TYPE (GwCustomerDialog, gw_customer_dialog, ADW_TYPE_WINDOW)

static void
show_message (GwCustomerDialog *self,
              const char       *message,
              gboolean          is_error)
{
  gtk_label_set_label (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
fill_history (GwCustomerDialog *self)
{
  GwComplaintFilter filter = GW_COMPLAINT_FILTER_INIT;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) complaints = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->history_list);
  filter.customer_id = self->customer->id;
  ids = gw_store_list_complaint_ids (self->store, &filter, GW_SORT_NEWEST_FIRST, &error);
  if (ids == NULL)
    {
      show_message (self, error->message, TRUE);
      return;
    }
  g_array_set_size (ids, MIN (ids->len, HISTORY_LIMIT));
  complaints = gw_store_get_complaints (self->store, (gint64 *) (void *) ids->data, ids->len,
                                        &error);
  if (complaints == NULL)
    {
      show_message (self, error->message, TRUE);
      return;
    }

  /* Rows come back in no set order; show them in the list's. */
  for (guint i = 0; i < ids->len; i++)
    for (guint j = 0; j < complaints->len; j++)
      {
        GwComplaint *complaint = g_ptr_array_index (complaints, j);
        GtkWidget *row;
        g_autofree char *when = NULL;
        g_autofree char *title = NULL;
        g_autofree char *start = NULL;

        if (complaint->id != g_array_index (ids, gint64, i))
          continue;
        start = gw_text_preview (complaint->description, 240, 2, NULL);
        when = gw_datetime_format_local (complaint->received_at);
        /* A compliment is not a matter to resolve: it has no status. */
        if (complaint->kind == GW_KIND_COMPLIMENT)
          /* TRANSLATORS: date · kind of a compliment in a customer's history */
          title = g_strdup_printf (_("%s · %s"), when,
                                   gw_vocabulary_label (GW_VOCAB_KIND, complaint->kind));
        else
          /* TRANSLATORS: date · kind · status of one entry in a customer's history */
          title = g_strdup_printf (_("%s · %s · %s"), when,
                                   gw_vocabulary_label (GW_VOCAB_KIND, complaint->kind),
                                   gw_vocabulary_label (GW_VOCAB_STATUS, complaint->status));
        row = adw_action_row_new ();
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), start);
        gtk_list_box_append (self->history_list, row);
      }

  if (ids->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing logged yet"));
      gtk_list_box_append (self->history_list, row);
    }
}

static void
fill (GwCustomerDialog *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->customer->name);
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), self->customer->phone);
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), self->customer->email);
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), self->customer->address);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), self->customer->notes, -1);
  fill_history (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwCustomerDialog *self = GW_CUSTOMER_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
#define TAKE(field, row) \
  g_free (self->customer->field); \
  self->customer->field = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))))
  TAKE (name, self->name_row);
  TAKE (phone, self->phone_row);
  TAKE (email, self->email_row);
  TAKE (address, self->address_row);
#undef TAKE
  g_free (self->customer->notes);
  self->customer->notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (!gw_store_update_customer (self->store, self->customer, &error))
    {
      /* The dialog stays open with everything typed. */
      show_message (self, error->message, TRUE);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_merge_search_changed_cb (GwCustomerDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->merge_search_row));
  g_autoptr(GPtrArray) found = NULL;

  clear_list (self->merge_matches);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  self->matches = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_customer_free);
  /* A handful of rows by name, phone or e-mail: small enough to ask here. */
  if (g_utf8_strlen (text, -1) >= 2)
    found = gw_store_find_customers (self->store, text, MERGE_MATCHES + 1, NULL);

  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      GwCustomer *customer = g_ptr_array_index (found, i);
      GtkWidget *row;
      g_autofree char *contact = NULL;

      if (customer->id == self->customer->id)
        continue;
      contact = g_strstrip (g_strjoin ("  ", customer->phone, customer->email, NULL));
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), customer->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), contact);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->merge_matches, row);
      g_ptr_array_add (self->matches, g_ptr_array_steal_index (found, i--));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->merge_matches), self->matches->len > 0);
}

static void
refresh_untouched (GtkEditable *editable,
                   const char  *before,
                   const char  *after)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), before) == 0)
    gtk_editable_set_text (editable, after);
}

/* Merges @other_id into the customer shown. */
void
gw_customer_dialog_merge (GwCustomerDialog *self,
                          gint64            other_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwCustomer) fresh = NULL;

  g_return_if_fail (GW_IS_CUSTOMER_DIALOG (self));

  if (!gw_store_merge_customers (self->store, self->customer->id, other_id, &error))
    {
      show_message (self, error->message, TRUE);
      return;
    }
  fresh = gw_store_get_customer (self->store, self->customer->id, &error);
  if (fresh != NULL)
    {
      /* Details the merge brought in show where nothing was typed; what
       * the person has typed here meanwhile stays as it is. */
      refresh_untouched (GTK_EDITABLE (self->phone_row), self->customer->phone, fresh->phone);
      refresh_untouched (GTK_EDITABLE (self->email_row), self->customer->email, fresh->email);
      refresh_untouched (GTK_EDITABLE (self->address_row), self->customer->address,
                         fresh->address);
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
        GtkTextIter start, end;
        g_autofree char *notes = NULL;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        if (g_strcmp0 (notes, self->customer->notes) == 0)
          gtk_text_buffer_set_text (buffer, fresh->notes, -1);
      }
      gw_customer_free (self->customer);
      self->customer = g_steal_pointer (&fresh);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->merge_search_row), "");
  fill_history (self);
  show_message (self, _("Merged. Every entry of both records is now here."), FALSE);
}

static void
on_merge_confirmed_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       GwCustomerDialog *self)
{
  if (g_strcmp0 (response, "merge") == 0)
    gw_customer_dialog_merge (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog),
                                                                         "customer-id")));
}

static void
on_merge_match_activated_cb (GwCustomerDialog *self,
                             GtkListBoxRow    *row)
{
  int index = gtk_list_box_row_get_index (row);
  GwCustomer *other;
  GtkWidget *dialog;

  if (self->matches == NULL || index < 0 || (guint) index >= self->matches->len)
    return;
  other = g_ptr_array_index (self->matches, index);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Merge These Records?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” and its entries become part of “%s”."),
                                  other->name, self->customer->name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge",
                                              ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (dialog), "customer-id", GSIZE_TO_POINTER ((gsize) other->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
gw_customer_dialog_dispose (GObject *object)
{
  GwCustomerDialog *self = GW_CUSTOMER_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->customer, gw_customer_free);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  G_OBJECT_CLASS (gw_customer_dialog_parent_class)->dispose (object);
}

static void
gw_customer_dialog_class_init (GwCustomerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_customer_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-customer-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GwCustomerDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, GwCustomerDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, GwCustomerDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, GwCustomerDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, GwCustomerDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, GwCustomerDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, GwCustomerDialog, history_list);
  gtk_widget_class_bind_template_child (widget_class, GwCustomerDialog, merge_search_row);
  gtk_widget_class_bind_template_child (widget_class, GwCustomerDialog, merge_matches);
  gtk_widget_class_bind_template_callback (widget_class, on_merge_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_merge_match_activated_cb);

  gtk_widget_class_install_action (widget_class, "customer.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "customer.save", NULL);
}

static void
gw_customer_dialog_init (GwCustomerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gw_entries_activate_default (GTK_WIDGET (self));
  /* Typing there looks for the customer to merge with, not to save. */
  adw_entry_row_set_activates_default (self->merge_search_row, FALSE);
}

/* Returns %NULL when the customer no longer exists. */
GwCustomerDialog *
gw_customer_dialog_new (GtkWindow *parent,
                        GwStore   *store,
                        gint64     customer_id)
{
  GwCustomerDialog *self;
  GwCustomer *customer;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  customer = gw_store_get_customer (store, customer_id, NULL);
  if (customer == NULL)
    return NULL;
  self = g_object_new (GW_TYPE_CUSTOMER_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->customer = customer;
  fill (self);
  return self;
}
