/* gw-complaint-editor.c: logging a complaint at the counter
 *
 * What is needed while the customer waits comes first; the rest is one
 * click away. Mistakes are pointed out where they are, and nothing typed is
 * lost: a form closed before saving comes back the next time.
 */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/gw-datetime.h"
#include "core/gw-money.h"
#include "core/gw-typed-date.h"
#include "gw-date-popover.h"
#include "gw-complaint-editor.h"
#include "gw-view-utils.h"

#define MATCH_LIMIT 5

struct _GwComplaintEditor {
  AdwWindow      parent_instance;

  GwStore       *store;
  GwComplaint   *original;        /* NULL for a new complaint */
  GPtrArray     *staff;
  GPtrArray     *matches;
  GCancellable  *matching;
  GSettings     *settings;
  gint64         customer_id;     /* chosen from the matches, or 0 */
  gboolean       filling;         /* setting fields from code, not typing */
  gboolean       saved;

  /* Template widgets */
  GtkLabel      *draft_label;
  AdwEntryRow   *customer_name_row;
  AdwEntryRow   *customer_phone_row;
  AdwEntryRow   *customer_email_row;
  AdwEntryRow   *customer_address_row;
  GtkListBox    *customer_matches;
  AdwComboRow   *kind_row;
  AdwComboRow   *channel_row;
  AdwEntryRow   *category_row;
  GtkMenuButton *category_button;
  AdwComboRow   *received_by_row;
  GtkFrame      *description_frame;
  GtkTextView   *description_view;
  GtkLabel      *description_error;
  AdwExpanderRow *more_row;
  AdwEntryRow   *solution_row;
  GtkSwitch     *solved_switch;
  AdwEntryRow   *steps_row;
  AdwComboRow   *status_row;
  AdwEntryRow   *promise_row;
  AdwEntryRow   *follow_up_row;
  AdwComboRow   *compensation_row;
  AdwEntryRow   *amount_row;
  GtkLabel      *form_error;
  GtkWidget     *discard_button;
  GtkStringList *kind_choices;
  GtkStringList *channel_choices;
  GtkStringList *compensation_choices;
  GtkStringList *staff_choices;
  GtkStringList *status_choices;
};

G_DEFINE_FINAL_TYPE (GwComplaintEditor, gw_complaint_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static char *
get_description (GwComplaintEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Where a half-filled form waits for its author. */
char *
gw_complaint_editor_draft_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "goodwill", "complaint-draft.ini", NULL);
}

static gboolean
form_is_blank (GwComplaintEditor *self)
{
  g_autofree char *description = get_description (self);

  return *row_text (self->customer_name_row) == '\0'
         && *row_text (self->customer_phone_row) == '\0'
         && *row_text (self->customer_email_row) == '\0'
         && *row_text (self->customer_address_row) == '\0'
         && *row_text (self->steps_row) == '\0'
         && *row_text (self->category_row) == '\0'
         && *row_text (self->solution_row) == '\0'
         && *row_text (self->promise_row) == '\0'
         && *row_text (self->follow_up_row) == '\0'
         && *row_text (self->amount_row) == '\0'
         && *g_strstrip (description) == '\0';
}

static void
save_draft (GwComplaintEditor *self)
{
  g_autoptr(GKeyFile) draft = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = gw_complaint_editor_draft_path ();
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *description = get_description (self);

  g_key_file_set_string (draft, "draft", "database", gw_store_get_path (self->store));
  g_key_file_set_string (draft, "draft", "customer-name", row_text (self->customer_name_row));
  g_key_file_set_string (draft, "draft", "customer-phone", row_text (self->customer_phone_row));
  g_key_file_set_string (draft, "draft", "customer-email", row_text (self->customer_email_row));
  g_key_file_set_string (draft, "draft", "customer-address",
                         row_text (self->customer_address_row));
  g_key_file_set_string (draft, "draft", "steps", row_text (self->steps_row));
  g_key_file_set_integer (draft, "draft", "status", adw_combo_row_get_selected (self->status_row));
  g_key_file_set_int64 (draft, "draft", "customer-id", self->customer_id);
  g_key_file_set_integer (draft, "draft", "kind", adw_combo_row_get_selected (self->kind_row));
  g_key_file_set_integer (draft, "draft", "channel",
                          adw_combo_row_get_selected (self->channel_row));
  g_key_file_set_string (draft, "draft", "category", row_text (self->category_row));
  g_key_file_set_string (draft, "draft", "description", description);
  g_key_file_set_string (draft, "draft", "solution", row_text (self->solution_row));
  g_key_file_set_boolean (draft, "draft", "solved", gtk_switch_get_active (self->solved_switch));
  g_key_file_set_string (draft, "draft", "promise", row_text (self->promise_row));
  g_key_file_set_string (draft, "draft", "follow-up", row_text (self->follow_up_row));
  g_key_file_set_integer (draft, "draft", "compensation",
                          adw_combo_row_get_selected (self->compensation_row));
  g_key_file_set_string (draft, "draft", "amount", row_text (self->amount_row));

  g_mkdir_with_parents (directory, 0700);
  if (!g_key_file_save_to_file (draft, path, &error))
    g_warning ("Cannot keep the unsaved complaint: %s", error->message);
  else
    g_chmod (path, 0600);
}

static void
delete_draft (void)
{
  g_autofree char *path = gw_complaint_editor_draft_path ();

  g_unlink (path);
}

static void
restore_draft (GwComplaintEditor *self)
{
  g_autoptr(GKeyFile) draft = g_key_file_new ();
  g_autofree char *path = gw_complaint_editor_draft_path ();
  g_autofree char *database = NULL;

  if (!g_key_file_load_from_file (draft, path, G_KEY_FILE_NONE, NULL))
    return;
  database = g_key_file_get_string (draft, "draft", "database", NULL);
  if (g_strcmp0 (database, gw_store_get_path (self->store)) != 0)
    return;

#define TEXT(key) g_autofree char *key##_text = g_key_file_get_string (draft, "draft", #key, NULL)
  {
    g_autofree char *name = g_key_file_get_string (draft, "draft", "customer-name", NULL);
    g_autofree char *phone = g_key_file_get_string (draft, "draft", "customer-phone", NULL);
    g_autofree char *email = g_key_file_get_string (draft, "draft", "customer-email", NULL);
    g_autofree char *address = g_key_file_get_string (draft, "draft", "customer-address", NULL);
    g_autofree char *steps = g_key_file_get_string (draft, "draft", "steps", NULL);
    TEXT (category);
    TEXT (description);
    TEXT (solution);
    TEXT (promise);
    g_autofree char *follow_up = g_key_file_get_string (draft, "draft", "follow-up", NULL);
    TEXT (amount);

    self->filling = TRUE;
    set_row_text (self->customer_name_row, name);
    set_row_text (self->customer_phone_row, phone);
    set_row_text (self->customer_email_row, email);
    set_row_text (self->customer_address_row, address);
    set_row_text (self->steps_row, steps);
    adw_combo_row_set_selected (self->status_row,
                                g_key_file_get_integer (draft, "draft", "status", NULL));
    self->customer_id = g_key_file_get_int64 (draft, "draft", "customer-id", NULL);
    adw_combo_row_set_selected (self->kind_row,
                                g_key_file_get_integer (draft, "draft", "kind", NULL));
    adw_combo_row_set_selected (self->channel_row,
                                g_key_file_get_integer (draft, "draft", "channel", NULL));
    set_row_text (self->category_row, category_text);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                              description_text != NULL ? description_text : "", -1);
    set_row_text (self->solution_row, solution_text);
    gtk_switch_set_active (self->solved_switch,
                           g_key_file_get_boolean (draft, "draft", "solved", NULL));
    set_row_text (self->promise_row, promise_text);
    set_row_text (self->follow_up_row, follow_up);
    adw_combo_row_set_selected (self->compensation_row,
                                g_key_file_get_integer (draft, "draft", "compensation", NULL));
    set_row_text (self->amount_row, amount_text);
    self->filling = FALSE;
  }
#undef TEXT

  gtk_widget_set_visible (GTK_WIDGET (self->draft_label), TRUE);
  gtk_widget_set_visible (self->discard_button, TRUE);
}

static void
clear_matches (GwComplaintEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->customer_matches))) != NULL)
    gtk_list_box_remove (self->customer_matches, child);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_matches), FALSE);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
}

static void
find_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GwComplaintEditor *self = source_object;
  GError *error = NULL;
  GPtrArray *found = gw_store_find_customers (self->store, task_data, MATCH_LIMIT, &error);

  if (found == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_matches_found_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GwComplaintEditor *self = GW_COMPLAINT_EDITOR (source);
  g_autoptr(GPtrArray) found = g_task_propagate_pointer (G_TASK (result), NULL);

  if (found == NULL)
    return;
  clear_matches (self);
  for (guint i = 0; i < found->len; i++)
    {
      GwCustomer *customer = g_ptr_array_index (found, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *contact = g_strjoin ("  ", customer->phone, customer->email, NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), customer->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), g_strstrip (contact));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->customer_matches, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->customer_matches), found->len > 0);
  self->matches = g_steal_pointer (&found);
}

/* Customers are looked up as the person types, off the main loop. */
static void
on_customer_changed_cb (GwComplaintEditor *self,
                        AdwEntryRow       *row)
{
  g_autoptr(GTask) task = NULL;
  const char *text = row_text (row);

  if (self->filling || self->store == NULL)
    return;
  /* Typing over a chosen customer means a different person. */
  self->customer_id = 0;

  if (self->matching != NULL)
    g_cancellable_cancel (self->matching);
  g_clear_object (&self->matching);
  if (g_utf8_strlen (text, -1) < 2)
    {
      clear_matches (self);
      return;
    }

  self->matching = g_cancellable_new ();
  task = g_task_new (self, self->matching, on_matches_found_cb, NULL);
  g_task_set_task_data (task, g_strdup (text), g_free);
  g_task_set_check_cancellable (task, TRUE);
  g_task_run_in_thread (task, find_in_thread);
}

static void
on_customer_match_activated_cb (GwComplaintEditor *self,
                                GtkListBoxRow     *row)
{
  int index = gtk_list_box_row_get_index (row);
  GwCustomer *customer;

  if (self->matches == NULL || index < 0 || (guint) index >= self->matches->len)
    return;
  customer = g_ptr_array_index (self->matches, index);

  self->filling = TRUE;
  set_row_text (self->customer_name_row, customer->name);
  set_row_text (self->customer_phone_row, customer->phone);
  set_row_text (self->customer_email_row, customer->email);
  self->filling = FALSE;
  self->customer_id = customer->id;
  clear_matches (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->description_view));
}

static void
set_row_error (AdwEntryRow *row,
               gboolean     error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
on_follow_up_changed_cb (GwComplaintEditor *self)
{
  set_row_error (self->follow_up_row, FALSE);
}

static void
on_amount_changed_cb (GwComplaintEditor *self)
{
  set_row_error (self->amount_row, FALSE);
}

static void
show_form_error (GwComplaintEditor *self,
                 const char        *message,
                 GtkWidget         *focus)
{
  gtk_label_set_label (self->form_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), TRUE);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

/* Checks every field, marks those that are wrong, and says why next to the
 * first. Returns the complaint to save, or NULL. */
static GwComplaint *
collect (GwComplaintEditor *self)
{
  g_autoptr(GwComplaint) complaint = self->original != NULL ? gw_complaint_copy (self->original)
                                                            : gw_complaint_new ();
  g_autofree char *description = get_description (self);
  g_autofree char *follow_up = g_strstrip (g_strdup (row_text (self->follow_up_row)));
  guint staff_index = adw_combo_row_get_selected (self->received_by_row);
  gboolean valid = TRUE;
  g_autoptr(GError) date_error = NULL;
  g_autoptr(GError) amount_error = NULL;
  GtkWidget *first_wrong = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);

  {
    g_autofree char *stripped = g_strstrip (g_strdup (description));

    if (*stripped == '\0')
      {
        gtk_label_set_label (self->description_error,
                             _("Describe what happened: it is the one thing every entry needs."));
        gtk_widget_set_visible (GTK_WIDGET (self->description_error), TRUE);
        gtk_widget_add_css_class (GTK_WIDGET (self->description_frame), "error");
        first_wrong = GTK_WIDGET (self->description_view);
        valid = FALSE;
      }
    else
      {
        gtk_widget_set_visible (GTK_WIDGET (self->description_error), FALSE);
        gtk_widget_remove_css_class (GTK_WIDGET (self->description_frame), "error");
      }
  }

  complaint->follow_up_at = GW_NO_TIME;
  if (*follow_up != '\0'
      && !gw_typed_date_parse (follow_up, g_get_real_time () / G_USEC_PER_SEC,
                               &complaint->follow_up_at, NULL, &date_error))
    {
      set_row_error (self->follow_up_row, TRUE);
      adw_expander_row_set_expanded (self->more_row, TRUE);
      if (first_wrong == NULL)
        {
          /* TRANSLATORS: %s says what is wrong with the date, e.g. that the
           * clocks skipped it, with an example */
          g_autofree char *message = g_strdup_printf (_("Follow-up date: %s."),
                                                      date_error->message);
          show_form_error (self, message, NULL);
          first_wrong = GTK_WIDGET (self->follow_up_row);
        }
      valid = FALSE;
    }

  if (!gw_money_parse_local (row_text (self->amount_row), &complaint->compensation_amount,
                             &amount_error)
      || !gw_compensation_check (adw_combo_row_get_selected (self->compensation_row),
                                 complaint->compensation_amount, &amount_error))
    {
      set_row_error (self->amount_row, TRUE);
      adw_expander_row_set_expanded (self->more_row, TRUE);
      if (first_wrong == NULL)
        {
          show_form_error (self, amount_error->message, NULL);
          first_wrong = GTK_WIDGET (self->amount_row);
        }
      valid = FALSE;
    }

  if (!valid)
    {
      gtk_widget_grab_focus (first_wrong);
      return NULL;
    }

  if (self->original == NULL)
    complaint->received_at = g_get_real_time () / G_USEC_PER_SEC;
  complaint->kind = adw_combo_row_get_selected (self->kind_row);
  complaint->channel = adw_combo_row_get_selected (self->channel_row);

  complaint->customer_id = self->customer_id;
#define SET(field, value) g_free (complaint->field); complaint->field = g_strstrip (g_strdup (value))
  SET (customer_name, row_text (self->customer_name_row));
  SET (customer_phone, row_text (self->customer_phone_row));
  SET (customer_email, row_text (self->customer_email_row));
  SET (customer_address, row_text (self->customer_address_row));
  SET (steps_taken, row_text (self->steps_row));
  SET (category, row_text (self->category_row));
  SET (agreed_solution, row_text (self->solution_row));
  SET (promise, row_text (self->promise_row));
#undef SET
  g_free (complaint->description);
  complaint->description = g_steal_pointer (&description);
  /* The category follows the typed name, not the one the record came with. */
  complaint->category_id = 0;
  complaint->solved_on_spot = gtk_switch_get_active (self->solved_switch);
  complaint->compensation_type = adw_combo_row_get_selected (self->compensation_row);

  /* The first choice is "nobody in particular". */
  complaint->received_by_id = 0;
  g_free (complaint->received_by);
  complaint->received_by = g_strdup (staff_index > 0 && staff_index <= self->staff->len
                                     ? ((GwStaffMember *) g_ptr_array_index (self->staff,
                                                                             staff_index - 1))->name
                                     : "");
  complaint->status = adw_combo_row_get_selected (self->status_row);
  if (self->original == NULL && complaint->solved_on_spot)
    complaint->status = GW_STATUS_RESOLVED;
  /* Resolved now, or reopened: the time it was settled follows. One that
   * was resolved at a time nobody recorded keeps it unknown. */
  if (complaint->status == GW_STATUS_RESOLVED && complaint->resolved_at == GW_NO_TIME
      && (self->original == NULL || self->original->status != GW_STATUS_RESOLVED))
    complaint->resolved_at = g_get_real_time () / G_USEC_PER_SEC;
  else if (complaint->status != GW_STATUS_RESOLVED)
    complaint->resolved_at = GW_NO_TIME;
  return g_steal_pointer (&complaint);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwComplaintEditor *self = GW_COMPLAINT_EDITOR (widget);
  g_autoptr(GwComplaint) complaint = collect (self);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (complaint == NULL)
    return;

  if (self->original == NULL)
    id = gw_store_add_complaint (self->store, complaint, &error);
  else
    id = gw_store_update_complaint (self->store, complaint, complaint->received_by_id, &error)
         ? complaint->id : 0;

  if (id == 0)
    {
      /* The form stays open with everything in it; the message says why. */
      show_form_error (self, error->message, NULL);
      return;
    }

  if (self->original == NULL)
    delete_draft ();
  /* Whoever is at the counter is probably still there for the next one. */
  if (self->settings != NULL && self->original == NULL)
    g_settings_set_string (self->settings, "current-staff", complaint->received_by);
  self->saved = TRUE;
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GwComplaintEditor *self = GW_COMPLAINT_EDITOR (widget);

  delete_draft ();
  self->saved = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
pick_category_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GwComplaintEditor *self = GW_COMPLAINT_EDITOR (widget);

  set_row_text (self->category_row, g_variant_get_string (parameter, NULL));
}

static gboolean
gw_complaint_editor_close_request (GtkWindow *window)
{
  GwComplaintEditor *self = GW_COMPLAINT_EDITOR (window);

  /* A new complaint closed unsaved is kept for next time. */
  if (!self->saved && self->original == NULL && self->store != NULL)
    {
      if (form_is_blank (self))
        delete_draft ();
      else
        save_draft (self);
    }
  return GTK_WINDOW_CLASS (gw_complaint_editor_parent_class)->close_request (window);
}

static void
gw_complaint_editor_dispose (GObject *object)
{
  GwComplaintEditor *self = GW_COMPLAINT_EDITOR (object);

  if (self->matching != NULL)
    g_cancellable_cancel (self->matching);
  g_clear_object (&self->matching);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->original, gw_complaint_free);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_pointer (&self->matches, g_ptr_array_unref);

  G_OBJECT_CLASS (gw_complaint_editor_parent_class)->dispose (object);
}

static void
gw_complaint_editor_class_init (GwComplaintEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gw_complaint_editor_dispose;
  window_class->close_request = gw_complaint_editor_close_request;

  /**
   * GwComplaintEditor::saved:
   * @id: the complaint that was stored
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-complaint-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, GwComplaintEditor, name)
  BIND (draft_label);
  BIND (customer_name_row);
  BIND (customer_phone_row);
  BIND (customer_email_row);
  BIND (customer_address_row);
  BIND (customer_matches);
  BIND (kind_row);
  BIND (channel_row);
  BIND (category_row);
  BIND (category_button);
  BIND (received_by_row);
  BIND (description_frame);
  BIND (description_view);
  BIND (description_error);
  BIND (more_row);
  BIND (solution_row);
  BIND (solved_switch);
  BIND (steps_row);
  BIND (status_row);
  BIND (promise_row);
  BIND (follow_up_row);
  BIND (compensation_row);
  BIND (amount_row);
  BIND (form_error);
  BIND (discard_button);
  BIND (kind_choices);
  BIND (channel_choices);
  BIND (compensation_choices);
  BIND (staff_choices);
  BIND (status_choices);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_customer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_match_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_follow_up_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_amount_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.discard", NULL, discard_action);
  gtk_widget_class_install_action (widget_class, "editor.pick-category", "s",
                                   pick_category_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gw_complaint_editor_init (GwComplaintEditor *self)
{
  GtkEventController *shortcuts;
  GtkShortcutTrigger *trigger;

  gtk_widget_init_template (GTK_WIDGET (self));
  gw_date_popover_attach (self->follow_up_row, TRUE);

  gw_string_list_append_vocabulary (self->kind_choices, GW_VOCAB_KIND);
  gw_string_list_append_vocabulary (self->channel_choices, GW_VOCAB_CHANNEL);
  gw_string_list_append_vocabulary (self->compensation_choices, GW_VOCAB_COMPENSATION);
  gw_string_list_append_vocabulary (self->status_choices, GW_VOCAB_STATUS);

  /* Ctrl+Enter saves from anywhere, the description included: caught
   * before the text view would take it as a new line. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                         gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (trigger,
                                                          gtk_named_action_new ("editor.save")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

static void
fill_from_store (GwComplaintEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) categories = gw_store_list_categories (self->store, &error);
  g_autoptr(GMenu) menu = g_menu_new ();
  const char *remembered = NULL;
  g_autofree char *remembered_name = NULL;
  guint selected = 0;

  self->staff = gw_store_list_staff (self->store, &error);
  if (self->staff == NULL)
    self->staff = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_staff_member_free);

  self->settings = gw_settings_new_if_installed ();
  if (self->settings != NULL)
    {
      remembered_name = g_settings_get_string (self->settings, "current-staff");
      remembered = remembered_name;
    }

  gtk_string_list_append (self->staff_choices, _("Nobody in particular"));
  for (guint i = 0; i < self->staff->len; i++)
    {
      GwStaffMember *member = g_ptr_array_index (self->staff, i);

      if (!member->active)
        continue;
      gtk_string_list_append (self->staff_choices, member->name);
      if (g_strcmp0 (member->name, self->original != NULL ? self->original->received_by
                                                          : remembered) == 0)
        selected = i + 1;
    }
  adw_combo_row_set_selected (self->received_by_row, selected);

  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      GwCategory *category = g_ptr_array_index (categories, i);
      g_autoptr(GMenuItem) item = NULL;

      if (category->archived)
        continue;
      item = g_menu_item_new (category->name, NULL);
      g_menu_item_set_action_and_target (item, "editor.pick-category", "s", category->name);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->category_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->category_button),
                            categories != NULL && categories->len > 0);
}

static void
fill_from_complaint (GwComplaintEditor *self)
{
  const GwComplaint *complaint = self->original;
  g_autofree char *follow_up = NULL;
  g_autofree char *amount = NULL;

  self->filling = TRUE;
  set_row_text (self->customer_name_row, complaint->customer_name);
  set_row_text (self->customer_phone_row, complaint->customer_phone);
  set_row_text (self->customer_email_row, complaint->customer_email);
  set_row_text (self->customer_address_row, complaint->customer_address);
  self->customer_id = complaint->customer_id;
  adw_combo_row_set_selected (self->kind_row, complaint->kind);
  set_row_text (self->steps_row, complaint->steps_taken);
  adw_combo_row_set_selected (self->status_row, complaint->status);
  adw_combo_row_set_selected (self->channel_row, complaint->channel);
  set_row_text (self->category_row, complaint->category);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            complaint->description, -1);
  set_row_text (self->solution_row, complaint->agreed_solution);
  gtk_switch_set_active (self->solved_switch, complaint->solved_on_spot);
  set_row_text (self->promise_row, complaint->promise);
  if (complaint->follow_up_at != GW_NO_TIME)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (complaint->follow_up_at);

      /* A day given without a time is kept at its start. */
      follow_up = gw_typed_date_format (complaint->follow_up_at,
                                        g_date_time_get_hour (when) != 0
                                        || g_date_time_get_minute (when) != 0);
    }
  set_row_text (self->follow_up_row, follow_up);
  adw_combo_row_set_selected (self->compensation_row, complaint->compensation_type);
  if (complaint->compensation_amount > 0)
    amount = gw_money_format_amount (complaint->compensation_amount);
  set_row_text (self->amount_row, amount);
  adw_expander_row_set_expanded (self->more_row, TRUE);
  self->filling = FALSE;
}

/**
 * gw_complaint_editor_new:
 * @complaint_id: the complaint to edit, or 0 for a new one
 */
GwComplaintEditor *
gw_complaint_editor_new (GtkWindow *parent,
                         GwStore   *store,
                         gint64     complaint_id)
{
  GwComplaintEditor *self;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  self = g_object_new (GW_TYPE_COMPLAINT_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  if (complaint_id != 0)
    {
      self->original = gw_store_get_complaint (store, complaint_id, NULL);
      if (self->original != NULL)
        {
          gtk_window_set_title (GTK_WINDOW (self), _("Edit Complaint"));
          fill_from_complaint (self);
        }
    }
  fill_from_store (self);
  if (self->original == NULL)
    restore_draft (self);

  gw_focus_after_text (GTK_WIDGET (self->customer_name_row));
  return self;
}
