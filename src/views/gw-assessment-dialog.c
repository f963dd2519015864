/* gw-assessment-dialog.c: the self-test, one section at a time; every
 * statement rated 1 to 5 by mouse or by keyboard (digits, arrows); the
 * answers are kept as a draft as they are given, so closing loses nothing */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "core/gw-datetime.h"
#include "core/gw-typed-date.h"
#include "gw-date-popover.h"
#include "gw-assessment-dialog.h"

/* Page 0 asks who is answering; pages 1 to 7 are the sections. */
#define N_PAGES (GW_ASSESSMENT_SECTIONS + 1)

struct _GwAssessmentDialog {
  AdwWindow        parent_instance;

  GwStore         *store;
  GwAssessment    *assessment;
  GArray          *staff_ids;      /* gint64 per respondent_choices item; 0: the owner */
  GtkToggleButton *buttons[GW_ASSESSMENT_STATEMENTS][GW_RATING_MAX];
  guint            page;
  guint            unanswered_shown;  /* the statement the error names, or G_MAXUINT */
  gboolean         restoring;

  /* Template widgets */
  GtkStack        *stack;
  GtkWidget       *next_button;
  GtkWidget       *finish_button;
  GtkProgressBar  *progress_bar;
  GtkLabel        *progress_label;
  AdwComboRow     *respondent_row;
  AdwEntryRow     *date_row;
  GtkLabel        *error_label;
  GtkStringList   *respondent_choices;
};

G_DEFINE_FINAL_TYPE (GwAssessmentDialog, gw_assessment_dialog, ADW_TYPE_WINDOW)

static const char *const rating_words[GW_RATING_MAX] = {
  N_("not at all"), N_("rarely"), N_("sometimes"), N_("mostly"), N_("all the time"),
};

static void
show_error (GwAssessmentDialog *self,
            const char         *message)
{
  self->unanswered_shown = G_MAXUINT;
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_progress (GwAssessmentDialog *self)
{
  guint answered = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < GW_ASSESSMENT_STATEMENTS; i++)
    answered += self->assessment->answers[i] != 0;
  /* TRANSLATORS: progress through the self-test, e.g. "12 of 25 answered" */
  text = g_strdup_printf (_("%u of %u answered"), answered, GW_ASSESSMENT_STATEMENTS);
  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) answered / GW_ASSESSMENT_STATEMENTS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
}

/* Kept as given: a draft survives closing the window, or the program. */
static void
save_draft (GwAssessmentDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  self->assessment->completed = FALSE;
  id = gw_store_save_assessment (self->store, self->assessment, &error);
  if (id == 0)
    {
      g_autofree char *message = g_strdup_printf (_("Your answers could not be kept: %s"),
                                                  error->message);

      show_error (self, message);
      return;
    }
  self->assessment->id = id;
}

static void
show_page (GwAssessmentDialog *self,
           guint               page)
{
  g_autofree char *name = g_strdup_printf ("page%u", page);

  self->page = page;
  gtk_stack_set_visible_child_name (self->stack, page == 0 ? "who" : name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.back", page > 0);
  gtk_widget_set_visible (self->next_button, page + 1 < N_PAGES);
  gtk_widget_set_visible (self->finish_button, page + 1 == N_PAGES);
}

static void
focus_statement (GwAssessmentDialog *self,
                 guint               statement)
{
  guint rating = self->assessment->answers[statement];

  /* Moved there for the keyboard: the ring shows where it is. */
  gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->buttons[statement][rating > 0 ? rating - 1 : 0]));
}

static void
show_statement (GwAssessmentDialog *self,
                guint               statement)
{
  show_page (self, gw_assessment_section_of (statement) + 1);
  focus_statement (self, statement);
}

static void
on_rating_toggled_cb (GtkToggleButton    *button,
                      GwAssessmentDialog *self)
{
  guint statement = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "statement"));
  guint rating = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "rating"));

  if (self->restoring || !gtk_toggle_button_get_active (button))
    return;
  self->assessment->answers[statement] = rating;
  update_progress (self);
  /* "Statement 11 is not answered yet" goes once it is. */
  if (statement == self->unanswered_shown)
    show_error (self, NULL);
  save_draft (self);
}

/* The section's first statement without an answer, or G_MAXUINT. */
static guint
first_unanswered_in_section (GwAssessmentDialog *self,
                             guint               section)
{
  const GwAssessmentSection *about = gw_assessment_section (section);

  for (guint i = about->first; i < about->first + about->n_statements; i++)
    if (self->assessment->answers[i] == 0)
      return i;
  return G_MAXUINT;
}

static void next_action   (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter);
static void finish_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter);

/* Return never changes an answer: it goes to what is still to answer in
 * the section, or on when the section is done. */
static void
return_pressed (GwAssessmentDialog *self,
                guint               statement)
{
  guint section = gw_assessment_section_of (statement);
  guint unanswered = first_unanswered_in_section (self, section);

  if (unanswered != G_MAXUINT)
    focus_statement (self, unanswered);
  else if (section + 1 < GW_ASSESSMENT_SECTIONS)
    next_action (GTK_WIDGET (self), "assessment.next", NULL);
  else
    finish_action (GTK_WIDGET (self), "assessment.finish", NULL);
}

/* After an answer by keyboard, on to the next statement, or to the button
 * that leads on when the section is done. */
static void
focus_after (GwAssessmentDialog *self,
             guint               statement)
{
  guint section = gw_assessment_section_of (statement);
  const GwAssessmentSection *about = gw_assessment_section (section);

  if (statement + 1 < about->first + about->n_statements)
    focus_statement (self, statement + 1);
  else if (section + 1 < GW_ASSESSMENT_SECTIONS)
    gtk_widget_grab_focus (self->next_button);
  else
    gtk_widget_grab_focus (self->finish_button);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GwAssessmentDialog    *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint statement = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "statement"));
  guint rating;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      return_pressed (self, statement);
      return TRUE;
    }
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_5)
    rating = keyval - GDK_KEY_1 + 1;
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_5)
    rating = keyval - GDK_KEY_KP_1 + 1;
  else
    return FALSE;
  gtk_toggle_button_set_active (self->buttons[statement][rating - 1], TRUE);
  focus_after (self, statement);
  return TRUE;
}

static GtkWidget *
make_statement (GwAssessmentDialog *self,
                guint               statement)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scale = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  /* TRANSLATORS: a statement of the self-test with its number, e.g. "7. We know …" */
  g_autofree char *text = g_strdup_printf (_("%u. %s"), statement + 1,
                                           gw_assessment_statement (statement));
  GtkWidget *label = gtk_label_new (text);
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_add_css_class (scale, "linked");
  gtk_widget_add_css_class (scale, "rating");
  gtk_widget_set_halign (scale, GTK_ALIGN_START);
  for (guint r = 0; r < GW_RATING_MAX; r++)
    {
      g_autofree char *number = g_strdup_printf ("%u", r + 1);
      /* TRANSLATORS: a rating and its meaning, e.g. "1, not at all" */
      g_autofree char *name = g_strdup_printf (_("%u, %s"), r + 1, _(rating_words[r]));
      GtkWidget *button = gtk_toggle_button_new_with_label (number);

      gtk_widget_set_size_request (button, 48, -1);
      gtk_widget_set_tooltip_text (button, name);
      /* The statement is the group's name; each choice says its rating. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      gw_assessment_statement (statement),
                                      -1);
      if (r > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->buttons[statement][0]);
      g_object_set_data (G_OBJECT (button), "statement", GUINT_TO_POINTER (statement));
      g_object_set_data (G_OBJECT (button), "rating", GUINT_TO_POINTER (r + 1));
      g_signal_connect (button, "toggled", G_CALLBACK (on_rating_toggled_cb), self);
      self->buttons[statement][r] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (GTK_BOX (scale), button);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gw_assessment_statement (statement), -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_box_append (GTK_BOX (box), scale);

  g_object_set_data (G_OBJECT (box), "statement", GUINT_TO_POINTER (statement));
  /* Before the buttons, which would take Return as a choice. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (box, keys);
  return box;
}

static GtkWidget *
make_section_page (GwAssessmentDialog *self,
                   guint               section)
{
  const GwAssessmentSection *about = gw_assessment_section (section);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  /* TRANSLATORS: where the person is in the self-test's seven sections */
  g_autofree char *where = g_strdup_printf (_("Section %u of %u"), section + 1,
                                            GW_ASSESSMENT_SECTIONS);
  GtkWidget *caption = gtk_label_new (where);
  GtkWidget *title = gtk_label_new (_(about->title));
  GtkWidget *legend = gtk_label_new (_("1 = not at all, 5 = all the time"));

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_add_css_class (caption, "caption-heading");
  gtk_box_append (GTK_BOX (box), caption);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (box), title);
  gtk_label_set_xalign (GTK_LABEL (legend), 0);
  gtk_widget_add_css_class (legend, "dim-label");
  gtk_box_append (GTK_BOX (box), legend);
  for (guint i = 0; i < about->n_statements; i++)
    gtk_box_append (GTK_BOX (box), make_statement (self, about->first + i));

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  return scrolled;
}

/* Who and when, from the first page; FALSE (and said why) on a bad date. */
static gboolean
read_who_and_when (GwAssessmentDialog *self)
{
  guint who = adw_combo_row_get_selected (self->respondent_row);
  g_autoptr(GError) error = NULL;
  gint64 taken_at;

  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  if (!gw_typed_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                            g_get_real_time () / G_USEC_PER_SEC, &taken_at, NULL, &error))
    {
      show_page (self, 0);
      show_error (self, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return FALSE;
    }
  self->assessment->taken_at = taken_at;
  self->assessment->staff_id = who < self->staff_ids->len
                               ? g_array_index (self->staff_ids, gint64, who) : 0;
  return TRUE;
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwAssessmentDialog *self = GW_ASSESSMENT_DIALOG (widget);

  if (self->page == 0)
    return;
  show_page (self, self->page - 1);
  /* Back on a section, the keyboard is on it: its first statement still
   * to answer, else its first. */
  if (self->page > 0)
    {
      guint section = self->page - 1;
      guint unanswered = first_unanswered_in_section (self, section);

      focus_statement (self, unanswered != G_MAXUINT ? unanswered
                                                     : gw_assessment_section (section)->first);
    }
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwAssessmentDialog *self = GW_ASSESSMENT_DIALOG (widget);
  const GwAssessmentSection *section;

  if (self->page + 1 >= N_PAGES)
    return;
  if (self->page == 0)
    {
      if (!read_who_and_when (self))
        return;
      show_error (self, NULL);
      save_draft (self);
    }
  show_page (self, self->page + 1);
  section = gw_assessment_section (self->page - 1);
  {
    guint unanswered = first_unanswered_in_section (self, self->page - 1);

    focus_statement (self, unanswered != G_MAXUINT ? unanswered : section->first);
  }
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GwAssessmentDialog *self = GW_ASSESSMENT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  guint unanswered;
  gint64 id;

  if (!read_who_and_when (self))
    return;
  unanswered = gw_assessment_first_unanswered (self->assessment);
  self->assessment->completed = TRUE;
  id = gw_store_save_assessment (self->store, self->assessment, &error);
  self->assessment->completed = id != 0;
  if (id == 0)
    {
      show_error (self, error->message);
      if (unanswered < GW_ASSESSMENT_STATEMENTS)
        {
          self->unanswered_shown = unanswered;
          show_statement (self, unanswered);
        }
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
gw_assessment_dialog_dispose (GObject *object)
{
  GwAssessmentDialog *self = GW_ASSESSMENT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->assessment, gw_assessment_free);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  G_OBJECT_CLASS (gw_assessment_dialog_parent_class)->dispose (object);
}

static void
gw_assessment_dialog_class_init (GwAssessmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_assessment_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-assessment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GwAssessmentDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GwAssessmentDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, GwAssessmentDialog, finish_button);
  gtk_widget_class_bind_template_child (widget_class, GwAssessmentDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GwAssessmentDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, GwAssessmentDialog, respondent_row);
  gtk_widget_class_bind_template_child (widget_class, GwAssessmentDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, GwAssessmentDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GwAssessmentDialog, respondent_choices);
  gtk_widget_class_install_action (widget_class, "assessment.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "assessment.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "assessment.finish", NULL, finish_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "assessment.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "assessment.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "assessment.finish", NULL);
}

static void
gw_assessment_dialog_init (GwAssessmentDialog *self)
{
  self->unanswered_shown = G_MAXUINT;
  gtk_widget_init_template (GTK_WIDGET (self));
  gw_date_popover_attach (self->date_row, FALSE);
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint s = 0; s < GW_ASSESSMENT_SECTIONS; s++)
    {
      g_autofree char *name = g_strdup_printf ("page%u", s + 1);

      gtk_stack_add_named (self->stack, make_section_page (self, s), name);
    }
}

/**
 * gw_assessment_dialog_new:
 *
 * Carries on with the draft in the store, if there is one.
 */
GwAssessmentDialog *
gw_assessment_dialog_new (GtkWindow *parent,
                          GwStore   *store)
{
  GwAssessmentDialog *self;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *date = NULL;
  GwAssessment *draft = NULL;
  gint64 owner = 0;
  guint selected = 0;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  self = g_object_new (GW_TYPE_ASSESSMENT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  if (!gw_store_get_assessment_draft (store, &draft, &error))
    show_error (self, error->message);
  self->assessment = draft != NULL ? draft : gw_assessment_new ();

  gtk_string_list_append (self->respondent_choices, _("The owner"));
  g_array_append_val (self->staff_ids, owner);
  staff = gw_store_list_staff (store, NULL);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      GwStaffMember *member = g_ptr_array_index (staff, i);

      if (!member->active && member->id != self->assessment->staff_id)
        continue;
      if (member->id == self->assessment->staff_id)
        selected = self->staff_ids->len;
      gtk_string_list_append (self->respondent_choices, member->name);
      g_array_append_val (self->staff_ids, member->id);
    }
  adw_combo_row_set_selected (self->respondent_row, selected);

  when = self->assessment->taken_at != 0
         ? g_date_time_new_from_unix_local (self->assessment->taken_at)
         : g_date_time_new_now_local ();
  date = gw_typed_date_format (g_date_time_to_unix (when), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);

  self->restoring = TRUE;
  for (guint i = 0; i < GW_ASSESSMENT_STATEMENTS; i++)
    if (self->assessment->answers[i] >= GW_RATING_MIN && self->assessment->answers[i] <= GW_RATING_MAX)
      gtk_toggle_button_set_active (self->buttons[i][self->assessment->answers[i] - 1], TRUE);
  self->restoring = FALSE;
  update_progress (self);

  /* A draft opens where it was left off. */
  if (draft != NULL && gw_assessment_first_unanswered (draft) > 0
      && gw_assessment_first_unanswered (draft) < GW_ASSESSMENT_STATEMENTS)
    show_statement (self, gw_assessment_first_unanswered (draft));
  else
    {
      show_page (self, 0);
      gtk_widget_grab_focus (GTK_WIDGET (self->respondent_row));
    }
  return self;
}

/**
 * gw_assessment_dialog_get_answers:
 *
 * Returns: (transfer none): the answers so far
 */
const GwAssessment *
gw_assessment_dialog_get_answers (GwAssessmentDialog *self)
{
  g_return_val_if_fail (GW_IS_ASSESSMENT_DIALOG (self), NULL);
  return self->assessment;
}
