/* gw-complaints-view.c: the complaint log: list, search, filters, and the
 * selected complaint beside it
 */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "core/gw-money.h"
#include "gw-chip-box.h"
#include "gw-complaint-detail.h"
#include "gw-complaint-editor.h"
#include "gw-complaint-row.h"
#include "gw-complaints-view.h"
#include "gw-view-utils.h"

typedef enum {
  PERIOD_ANY,
  PERIOD_TODAY,
  PERIOD_WEEK,
  PERIOD_MONTH,
  PERIOD_QUARTER,
  PERIOD_YEAR,
} Period;

/* The choices of the filter popover, each a drop-down whose first entry is
 * "any" (sort order aside). */
typedef enum {
  CHOICE_STATUS,
  CHOICE_KIND,
  CHOICE_CATEGORY,
  CHOICE_CHANNEL,
  CHOICE_STAFF,
  CHOICE_PERIOD,
  CHOICE_SORT,
  N_CHOICES,
  /* Chips for the two check boxes. */
  CHIP_OVERDUE = N_CHOICES,
  CHIP_SHOW_RESOLVED,
} Choice;

static const struct {
  const char *dropdown_id;
  const char *chip;             /* NULL: no chip */
} choice_info[N_CHOICES] = {
  { "status_dropdown", N_("Status") },
  { "kind_dropdown", N_("Kind") },
  { "category_dropdown", N_("Category") },
  { "channel_dropdown", N_("Channel") },
  { "staff_dropdown", N_("Staff") },
  { "period_dropdown", N_("Period") },
  { "sort_dropdown", NULL },
};

struct _GwComplaintsView {
  GtkWidget           parent_instance;

  GwStore            *store;
  GwComplaintList    *list;
  GtkSingleSelection *selection;
  gint64              shown_id;     /* the selected complaint, 0 when none */
  gint64              selected_before_refill;
  GPtrArray          *categories;   /* as in category_choices, after "Any" */
  GPtrArray          *staff;        /* as in staff_choices, after "Anyone" */
  GCancellable       *cancellable;
  guint               overdue_count;
  guint               count_source;
  guint               open_source;
  gint64              select_when_listed;
  gint64              acting_staff_id;
  gboolean            updating_choices;

  /* The filters chosen. Their controls are made the first time the filter
   * popover opens, and show these from then on. */
  guint               chosen[N_CHOICES];
  gboolean            show_resolved;
  gboolean            overdue_only;
  GtkStringList      *choices[N_CHOICES];
  GtkDropDown        *dropdowns[N_CHOICES];
  GtkCheckButton     *show_resolved_check;
  GtkCheckButton     *overdue_check;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkMenuButton      *managers_button;
  GtkLabel           *managers_label;
  GwChipBox          *chips_box;
  GtkRevealer        *resolved_hint;
  GtkLabel           *resolved_hint_label;
  GCancellable       *resolved_count;   /* the count of resolved matches under way */
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkLabel           *count_label;
  GtkStack           *detail_stack;
  GtkLabel           *vision_label;
  GwComplaintDetail  *detail;         /* made when first needed */
};

G_DEFINE_FINAL_TYPE (GwComplaintsView, gw_complaints_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_OVERDUE_COUNT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gint64
period_start (Period period)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = NULL;
  int year = g_date_time_get_year (now);
  int month = g_date_time_get_month (now);

  switch (period)
    {
    case PERIOD_TODAY:
      start = g_date_time_new_local (year, month, g_date_time_get_day_of_month (now), 0, 0, 0);
      break;
    case PERIOD_WEEK:
      start = g_date_time_add_days (now, -7);
      break;
    case PERIOD_MONTH:
      start = g_date_time_new_local (year, month, 1, 0, 0, 0);
      break;
    case PERIOD_QUARTER:
      start = g_date_time_add_months (now, -3);
      break;
    case PERIOD_YEAR:
      start = g_date_time_new_local (year, 1, 1, 0, 0, 0);
      break;
    case PERIOD_ANY:
    default:
      return GW_NO_TIME;
    }
  return g_date_time_to_unix (start);
}

/* What was chosen, as a filter for the list. */
static GwComplaintFilter *
build_filter (GwComplaintsView *self)
{
  GwComplaintFilter *filter = gw_complaint_filter_new ();
  guint status = self->chosen[CHOICE_STATUS];
  guint kind = self->chosen[CHOICE_KIND];
  guint channel = self->chosen[CHOICE_CHANNEL];
  guint category = self->chosen[CHOICE_CATEGORY];
  guint staff = self->chosen[CHOICE_STAFF];

  /* Choice 0 of every list is "any". */
  if (status > 0)
    filter->statuses = GW_MASK (status - 1);
  else if (!self->show_resolved)
    filter->statuses = GW_MASK (GW_STATUS_OPEN) | GW_MASK (GW_STATUS_IN_PROGRESS)
                       | GW_MASK (GW_STATUS_WAITING);
  if (kind > 0)
    filter->kinds = GW_MASK (kind - 1);
  if (channel > 0)
    filter->channels = GW_MASK (channel - 1);
  if (category > 0 && self->categories != NULL && category <= self->categories->len)
    filter->category_id = ((GwCategory *) g_ptr_array_index (self->categories, category - 1))->id;
  if (staff > 0 && self->staff != NULL && staff <= self->staff->len)
    filter->staff_id = ((GwStaffMember *) g_ptr_array_index (self->staff, staff - 1))->id;
  filter->from = period_start (self->chosen[CHOICE_PERIOD]);
  if (self->overdue_only)
    filter->overdue_at = now_seconds ();
  filter->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  return filter;
}

/* Sets a choice, and its drop-down if it is made, without applying it. */
static void
set_choice (GwComplaintsView *self,
            Choice            which,
            guint             value)
{
  gboolean updating = self->updating_choices;

  self->chosen[which] = value;
  self->updating_choices = TRUE;
  if (self->dropdowns[which] != NULL)
    gtk_drop_down_set_selected (self->dropdowns[which], value);
  self->updating_choices = updating;
}

static void
set_check (GwComplaintsView *self,
           Choice            which,
           gboolean          active)
{
  gboolean updating = self->updating_choices;
  GtkCheckButton *check = which == CHIP_OVERDUE ? self->overdue_check : self->show_resolved_check;

  if (which == CHIP_OVERDUE)
    self->overdue_only = active;
  else
    self->show_resolved = active;
  self->updating_choices = TRUE;
  if (check != NULL)
    gtk_check_button_set_active (check, active);
  self->updating_choices = updating;
}

/* Every filter back to "any", the search too; the sort order stays. */
static void
reset_choices (GwComplaintsView *self)
{
  gboolean updating = self->updating_choices;

  self->updating_choices = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  for (Choice which = 0; which < N_CHOICES; which++)
    if (which != CHOICE_SORT)
      set_choice (self, which, 0);
  set_check (self, CHIP_OVERDUE, FALSE);
  set_check (self, CHIP_SHOW_RESOLVED, FALSE);
  self->updating_choices = updating;
}

static void apply_filter (GwComplaintsView *self);

static void
on_chip_clicked_cb (GtkButton *chip,
                    gpointer   data)
{
  GwComplaintsView *self = GW_COMPLAINTS_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (chip),
                                                                        GW_TYPE_COMPLAINTS_VIEW));
  Choice which = GPOINTER_TO_UINT (data);

  if (which < N_CHOICES)
    set_choice (self, which, 0);
  else
    set_check (self, which, FALSE);
  apply_filter (self);
}

static void
add_chip (GwComplaintsView *self,
          Choice            which,
          const char       *text)
{
  GtkWidget *chip = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (text);
  g_autofree char *accessible = NULL;

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (chip), box);
  gtk_widget_add_css_class (chip, "pill");
  gtk_widget_add_css_class (chip, "small");
  /* TRANSLATORS: %s is an active filter, e.g. "Kind: Complaint" */
  accessible = g_strdup_printf (_("Remove filter %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  g_signal_connect (chip, "clicked", G_CALLBACK (on_chip_clicked_cb), GUINT_TO_POINTER (which));
  gw_chip_box_append (self->chips_box, chip);
}

static void
add_choice_chip (GwComplaintsView *self,
                 Choice            which)
{
  const char *chosen = gtk_string_list_get_string (self->choices[which], self->chosen[which]);
  g_autofree char *text = NULL;

  if (self->chosen[which] == 0 || chosen == NULL || choice_info[which].chip == NULL)
    return;
  /* TRANSLATORS: a filter in force, e.g. "Kind: Complaint" */
  text = g_strdup_printf (_("%s: %s"), _(choice_info[which].chip), chosen);
  add_chip (self, which, text);
}

/* The filters in force, each a button that takes it away. */
static void
update_chips (GwComplaintsView *self)
{
  gw_chip_box_remove_all (self->chips_box);

  if (self->overdue_only)
    add_chip (self, CHIP_OVERDUE, _("Overdue only"));
  if (self->show_resolved)
    add_chip (self, CHIP_SHOW_RESOLVED, _("Resolved shown"));
  for (Choice which = 0; which < N_CHOICES; which++)
    add_choice_chip (self, which);

  gtk_widget_set_visible (GTK_WIDGET (self->chips_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->chips_box)) != NULL);
}

typedef struct {
  GwStore           *store;
  GwComplaintFilter *filter;
} CountRequest;

static void
count_request_free (CountRequest *request)
{
  g_object_unref (request->store);
  gw_complaint_filter_free (request->filter);
  g_free (request);
}

static void
count_matches_in_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  CountRequest *request = task_data;
  GError *error = NULL;
  g_autoptr(GArray) ids = gw_store_list_complaint_ids (request->store, request->filter,
                                                       GW_SORT_NEWEST_FIRST, &error);

  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, ids->len);
}

static void
on_resolved_counted_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  GwComplaintsView *self = GW_COMPLAINTS_VIEW (source);
  gssize count = g_task_propagate_int (G_TASK (result), NULL);
  g_autofree char *text = NULL;

  if (g_task_had_error (G_TASK (result)) || g_cancellable_is_cancelled (
        g_task_get_cancellable (G_TASK (result))))
    return;
  if (count > 0)
    {
      /* TRANSLATORS: said under the search field while resolved complaints
       * are not listed */
      text = g_strdup_printf (ngettext ("%zd resolved complaint also matches",
                                        "%zd resolved complaints also match", count),
                              count);
      gtk_label_set_label (self->resolved_hint_label, text);
    }
  gtk_revealer_set_reveal_child (self->resolved_hint, count > 0);
}

/* A search that leaves resolved complaints out says when some match:
 * what was looked for may be there. */
static void
count_resolved_matches (GwComplaintsView        *self,
                        const GwComplaintFilter *filter)
{
  g_autoptr(GTask) task = NULL;
  CountRequest *request;

  if (self->resolved_count != NULL)
    g_cancellable_cancel (self->resolved_count);
  g_clear_object (&self->resolved_count);
  if (filter->search == NULL || *filter->search == '\0' || self->show_resolved
      || self->chosen[CHOICE_STATUS] != 0 || self->overdue_only)
    {
      gtk_revealer_set_reveal_child (self->resolved_hint, FALSE);
      return;
    }
  request = g_new0 (CountRequest, 1);
  request->store = g_object_ref (self->store);
  request->filter = gw_complaint_filter_copy (filter);
  request->filter->statuses = GW_MASK (GW_STATUS_RESOLVED);
  self->resolved_count = g_cancellable_new ();
  task = g_task_new (self, self->resolved_count, on_resolved_counted_cb, NULL);
  g_task_set_task_data (task, request, (GDestroyNotify) count_request_free);
  g_task_run_in_thread (task, count_matches_in_thread);
}

static void
apply_filter (GwComplaintsView *self)
{
  g_autoptr(GwComplaintFilter) filter = NULL;

  if (self->list == NULL || self->updating_choices)
    return;
  filter = build_filter (self);
  gw_complaint_list_set_filter (self->list, filter);
  gw_complaint_list_set_sort (self->list, self->chosen[CHOICE_SORT]);
  update_chips (self);
  count_resolved_matches (self, filter);
}

static void
show_resolved_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GwComplaintsView *self = GW_COMPLAINTS_VIEW (widget);

  set_check (self, CHIP_SHOW_RESOLVED, TRUE);
  apply_filter (self);
}

/* A control in the filter popover was changed by hand. */
static void
on_filter_changed_cb (GwComplaintsView *self)
{
  if (self->updating_choices)
    return;
  for (Choice which = 0; which < N_CHOICES; which++)
    self->chosen[which] = gtk_drop_down_get_selected (self->dropdowns[which]);
  self->overdue_only = gtk_check_button_get_active (self->overdue_check);
  self->show_resolved = gtk_check_button_get_active (self->show_resolved_check);
  apply_filter (self);
}

/* Seven drop-downs cost the window's first frame dearly, and most days
 * nobody filters: they are made when the popover first opens. */
static void
create_filter_popover (GtkMenuButton *button,
                       gpointer       user_data)
{
  GwComplaintsView *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  builder = gtk_builder_new_from_resource ("/io/github/goodwill/Goodwill/gw-filter-popover.ui");
  self->updating_choices = TRUE;
  for (Choice which = 0; which < N_CHOICES; which++)
    {
      self->dropdowns[which] = GTK_DROP_DOWN (gtk_builder_get_object (builder,
                                                                      choice_info[which].dropdown_id));
      gtk_drop_down_set_model (self->dropdowns[which], G_LIST_MODEL (self->choices[which]));
      gtk_drop_down_set_selected (self->dropdowns[which], self->chosen[which]);
      g_signal_connect_swapped (self->dropdowns[which], "notify::selected",
                                G_CALLBACK (on_filter_changed_cb), self);
    }
  self->overdue_check = GTK_CHECK_BUTTON (gtk_builder_get_object (builder, "overdue_check"));
  self->show_resolved_check = GTK_CHECK_BUTTON (gtk_builder_get_object (builder,
                                                                        "show_resolved_check"));
  gtk_check_button_set_active (self->overdue_check, self->overdue_only);
  gtk_check_button_set_active (self->show_resolved_check, self->show_resolved);
  g_signal_connect_swapped (self->overdue_check, "toggled", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->show_resolved_check, "toggled",
                            G_CALLBACK (on_filter_changed_cb), self);
  self->updating_choices = FALSE;

  gtk_menu_button_set_popover (button, GTK_WIDGET (gtk_builder_get_object (builder,
                                                                           "filter_popover")));
}

static void
on_search_changed_cb (GwComplaintsView *self)
{
  apply_filter (self);
}

static void
on_stop_search_cb (GwComplaintsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Shows one of the list's two ways of being empty, "empty" (nothing logged
 * yet) or "no-matches"; both are made the first time either is needed, as
 * most days the list has something in it. */
static void
show_empty_page (GwComplaintsView *self,
                 const char       *name)
{
  if (gtk_stack_get_child_by_name (self->list_stack, name) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/goodwill/Goodwill/gw-complaints-empty.ui");

      gtk_stack_add_named (self->list_stack,
                           GTK_WIDGET (gtk_builder_get_object (builder, "empty_page")), "empty");
      gtk_stack_add_named (self->list_stack,
                           GTK_WIDGET (gtk_builder_get_object (builder, "no_matches_page")),
                           "no-matches");
    }
  gtk_stack_set_visible_child_name (self->list_stack, name);
}

static void
update_counts (GwComplaintsView *self)
{
  guint n_items;
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GwComplaintFilter) filter = NULL;

  if (self->list == NULL)
    return;
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  number = gw_format_integer (n_items);
  filter = build_filter (self);

  if (filter->search != NULL && *filter->search != '\0' && n_items >= GW_SEARCH_LIMIT)
    /* TRANSLATORS: %s is a number; searches show at most that many */
    text = g_strdup_printf (_("The newest %s matches; add a word to narrow it down"), number);
  else
    text = g_strdup_printf (ngettext ("%s entry", "%s entries", n_items), number);
  gtk_label_set_label (self->count_label, text);

  if (n_items > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (!gw_complaint_list_get_loading (self->list))
    {
      GwComplaintFilter defaults = GW_COMPLAINT_FILTER_INIT;

      defaults.statuses = GW_MASK (GW_STATUS_OPEN) | GW_MASK (GW_STATUS_IN_PROGRESS)
                          | GW_MASK (GW_STATUS_WAITING);
      /* "Nothing yet" only when nothing narrows the list but the default. */
      defaults.search = filter->search;
      show_empty_page (self, gw_complaint_filter_equal (filter, &defaults)
                             && (filter->search == NULL || *filter->search == '\0')
                             ? "empty" : "no-matches");
      defaults.search = NULL;
    }
}

static void
count_overdue_in_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  GError *error = NULL;
  gint64 count = gw_store_count_overdue (task_data, now_seconds (), &error);

  if (count < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, count);
}

static void
on_overdue_counted_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GwComplaintsView *self = GW_COMPLAINTS_VIEW (source);
  gssize count = g_task_propagate_int (G_TASK (result), NULL);

  if (count < 0 || (guint) count == self->overdue_count)
    return;
  self->overdue_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE_COUNT]);
}

static void
refresh_overdue_count (GwComplaintsView *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, on_overdue_counted_cb, NULL);

  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (task, count_overdue_in_thread);
}

/* Counted once the window's first frame is drawn: nothing else should
 * compete with it for the two cores of a small shop's computer. */
static gboolean
count_overdue_later_cb (gpointer user_data)
{
  GwComplaintsView *self = user_data;

  self->count_source = 0;
  refresh_overdue_count (self);
  return G_SOURCE_REMOVE;
}

static void on_items_changed_cb (GwComplaintsView *self);

/* The first places of the list keep their items when it is refilled: the
 * selection stays on its complaint, wherever that is now, or goes. */
static void
on_list_refilled_cb (GwComplaintsView *self)
{
  GwComplaintItem *item = gtk_single_selection_get_selected_item (self->selection);
  gint64 wanted = self->selected_before_refill;

  /* The selection may have gone with the places past the steady ones, or
   * stayed on a place that now holds another complaint. */
  if (wanted != 0 && (item == NULL || gw_complaint_item_get_id (item) != wanted))
    {
      guint position = gw_complaint_list_find (self->list, wanted);

      gtk_single_selection_set_selected (self->selection,
                                         position != G_MAXUINT ? position
                                                               : GTK_INVALID_LIST_POSITION);
    }
  else if (wanted == 0 && item != NULL && gw_complaint_item_get_id (item) != self->shown_id)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  on_items_changed_cb (self);
}

/* What was selected when a reload began, for after the list is refilled. */
static void
on_list_loading_cb (GwComplaintsView *self,
                    GParamSpec       *pspec,
                    GwComplaintList  *list)
{
  if (gw_complaint_list_get_loading (list))
    self->selected_before_refill = self->shown_id;
}

static void
on_items_changed_cb (GwComplaintsView *self)
{
  update_counts (self);

  if (self->select_when_listed != 0)
    {
      guint position = gw_complaint_list_find (self->list, self->select_when_listed);

      if (position != G_MAXUINT)
        {
          self->select_when_listed = 0;
          gtk_single_selection_set_selected (self->selection, position);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                      position);
        }
    }
}

static void on_detail_deleted_cb (GwComplaintsView *self,
                                  gint64            id);
static void on_detail_edit_cb    (GwComplaintsView *self,
                                  gint64            id);
static void on_detail_back_cb    (GwComplaintsView *self);

/* The detail pane is made the first time a complaint is shown: the window
 * opens faster without its dozen drop-downs and popovers. */
GwComplaintDetail *
gw_complaints_view_get_detail (GwComplaintsView *self)
{
  g_return_val_if_fail (GW_IS_COMPLAINTS_VIEW (self), NULL);

  if (self->detail != NULL)
    return self->detail;

  self->detail = g_object_new (GW_TYPE_COMPLAINT_DETAIL, NULL);
  g_signal_connect_swapped (self->detail, "deleted", G_CALLBACK (on_detail_deleted_cb), self);
  g_signal_connect_swapped (self->detail, "edit", G_CALLBACK (on_detail_edit_cb), self);
  g_signal_connect_swapped (self->detail, "back", G_CALLBACK (on_detail_back_cb), self);
  if (self->store != NULL)
    gw_complaint_detail_set_store (self->detail, self->store);
  gw_complaint_detail_set_acting_staff (self->detail, self->acting_staff_id);
  if (self->detail != NULL)
    gw_complaint_detail_set_show_back (self->detail, adw_leaflet_get_folded (self->leaflet));
  gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->detail), "detail");
  return self->detail;
}

static void
on_selection_changed_cb (GwComplaintsView *self)
{
  GwComplaintItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item == NULL)
    {
      self->shown_id = 0;
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }
  self->shown_id = gw_complaint_item_get_id (item);
  gw_complaint_detail_show (gw_complaints_view_get_detail (self), self->shown_id);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

static void
on_list_activate_cb (GwComplaintsView *self,
                     guint             position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_stack));
}

/* After the list has handled the click and selected the row under it. */
static gboolean
open_clicked_row_cb (gpointer data)
{
  GwComplaintsView *self = data;

  self->open_source = 0;
  if (adw_leaflet_get_folded (self->leaflet) && self->selection != NULL
      && gtk_single_selection_get_selected_item (self->selection) != NULL)
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_stack));
  return G_SOURCE_REMOVE;
}

/* When the detail is not beside the list, one click on a row opens it, as
 * the wide window shows it at once: selecting alone would look like nothing
 * happened. The list's own single-click mode is not used, as it selects
 * rows under the pointer while it moves. */
static void
on_list_clicked_cb (GtkGestureClick  *gesture,
                    int               n_press,
                    double            x,
                    double            y,
                    GwComplaintsView *self)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *under = gtk_widget_pick (list, x, y, GTK_PICK_DEFAULT);

  /* Below the last row is no row. */
  if (under == NULL || under == list)
    return;
  if (n_press == 1 && adw_leaflet_get_folded (self->leaflet) && self->open_source == 0)
    self->open_source = g_idle_add (open_clicked_row_cb, self);
}

static void
on_folded_changed_cb (GwComplaintsView *self)
{
  if (self->detail != NULL)
    gw_complaint_detail_set_show_back (self->detail, adw_leaflet_get_folded (self->leaflet));
}

static void
on_detail_back_cb (GwComplaintsView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_toast_undo_cb (AdwToast         *toast,
                  GwComplaintsView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "complaint-id"));

  if (!gw_store_restore_complaint (self->store, id, &error))
    g_warning ("Cannot restore the complaint: %s", error->message);
  else
    gw_complaints_view_select (self, id);
}

/* Deleting is one click, so undoing it is too. */
static void
on_detail_deleted_cb (GwComplaintsView *self,
                      gint64            id)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  if (overlay == NULL)
    return;

  toast = adw_toast_new (_("Complaint deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "complaint-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_toast_undo_cb), self, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
on_editor_saved_cb (GwComplaintsView *self,
                    gint64            id)
{
  gw_complaints_view_select (self, id);
}

static void
open_editor (GwComplaintsView *self,
             gint64            id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GwComplaintEditor *editor;

  if (self->store == NULL)
    return;
  editor = gw_complaint_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                    id);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_detail_edit_cb (GwComplaintsView *self,
                   gint64            id)
{
  open_editor (self, id);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (GW_COMPLAINTS_VIEW (widget), 0);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GwComplaintsView *self = GW_COMPLAINTS_VIEW (widget);

  reset_choices (self);
  apply_filter (self);
}

static void
on_managers_shown_cb (GwComplaintsView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; self->staff != NULL && i < self->staff->len; i++)
    {
      GwStaffMember *member = g_ptr_array_index (self->staff, i);

      if (!member->is_manager || !member->active)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, member->name);
      if (*member->phone != '\0')
        g_string_append_printf (text, "  %s", member->phone);
    }
  gtk_label_set_label (self->managers_label,
                       text->len > 0 ? text->str
                                     : _("No managers yet. Mark staff members as managers on "
                                         "the Staff tab, and their numbers show here."));
}

/* Replaces a choice list's entries after the first ("any"). */
static void
set_choices (GtkStringList *list,
             GPtrArray     *names)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (list, 1, n_items - 1, (const char *const *) names->pdata);
}

static void
fill_people_and_categories (GwComplaintsView *self)
{
  g_autoptr(GPtrArray) category_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) staff_names = g_ptr_array_new ();
  gint64 category_id = 0, staff_id = 0;
  guint category = self->chosen[CHOICE_CATEGORY];
  guint staff = self->chosen[CHOICE_STAFF];

  /* Keep what was chosen chosen, by id, across the refill. */
  if (category > 0 && self->categories != NULL && category <= self->categories->len)
    category_id = ((GwCategory *) g_ptr_array_index (self->categories, category - 1))->id;
  if (staff > 0 && self->staff != NULL && staff <= self->staff->len)
    staff_id = ((GwStaffMember *) g_ptr_array_index (self->staff, staff - 1))->id;

  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  self->categories = gw_store_list_categories (self->store, NULL);
  self->staff = gw_store_list_staff (self->store, NULL);
  if (self->categories == NULL)
    self->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_category_free);
  if (self->staff == NULL)
    self->staff = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_staff_member_free);

  self->updating_choices = TRUE;
  category = staff = 0;
  for (guint i = 0; i < self->categories->len; i++)
    {
      GwCategory *item = g_ptr_array_index (self->categories, i);

      g_ptr_array_add (category_names, item->name);
      if (item->id == category_id)
        category = i + 1;
    }
  for (guint i = 0; i < self->staff->len; i++)
    {
      GwStaffMember *item = g_ptr_array_index (self->staff, i);

      g_ptr_array_add (staff_names, item->name);
      if (item->id == staff_id)
        staff = i + 1;
    }
  set_choices (self->choices[CHOICE_CATEGORY], category_names);
  set_choices (self->choices[CHOICE_STAFF], staff_names);
  set_choice (self, CHOICE_CATEGORY, category);
  set_choice (self, CHOICE_STAFF, staff);
  self->updating_choices = FALSE;
}

static gint64
find_staff_id (GwComplaintsView *self,
               const char       *name)
{
  for (guint i = 0; self->staff != NULL && i < self->staff->len; i++)
    {
      GwStaffMember *member = g_ptr_array_index (self->staff, i);

      if (g_strcmp0 (member->name, name) == 0)
        return member->id;
    }
  return 0;
}

static void
update_acting_staff (GwComplaintsView *self)
{
  g_autoptr(GSettings) settings = gw_settings_new_if_installed ();
  g_autofree char *name = NULL;

  if (settings == NULL)
    return;
  name = g_settings_get_string (settings, "current-staff");
  self->acting_staff_id = find_staff_id (self, name);
  if (self->detail != NULL)
    gw_complaint_detail_set_acting_staff (self->detail, self->acting_staff_id);
}

static void
on_store_changed_cb (GwStore          *store,
                     const char       *table,
                     gint64            id,
                     GwComplaintsView *self)
{
  if (g_str_equal (table, "complaints"))
    refresh_overdue_count (self);
  else
    {
      fill_people_and_categories (self);
      update_acting_staff (self);
    }
}

/* The vision where staff see it every day, between two complaints. */
static void
show_vision (GwComplaintsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) visions = gw_store_list_visions (self->store, &error);
  g_autofree char *line = NULL;

  if (visions == NULL)
    {
      g_debug ("Cannot read the vision: %s", error->message);
      return;
    }
  if (visions->len > 0)
    /* TRANSLATORS: the business's vision statement under the empty detail pane */
    line = g_strdup_printf (_("Our vision: “%s”"),
                            gw_vision_statement_get_text (g_ptr_array_index (visions, 0)));
  gtk_label_set_label (self->vision_label, line != NULL ? line : "");
  gtk_widget_set_visible (GTK_WIDGET (self->vision_label), line != NULL);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, gw_complaint_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  gw_complaint_row_set_item (GW_COMPLAINT_ROW (gtk_list_item_get_child (list_item)),
                             gtk_list_item_get_item (list_item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  gw_complaint_row_set_item (GW_COMPLAINT_ROW (gtk_list_item_get_child (list_item)), NULL);
}

/* Rows are about 76 pixels high at the usual text size; counting 64 leaves
 * room for smaller text. Above and below the list, the header bar, the
 * search bar and the count take about 150. */
#define ROW_HEIGHT_AT_LEAST 64
#define ABOVE_AND_BELOW_THE_LIST 150

/* How many rows fill the window as it opens, or 0 when that is not known
 * yet: every row made before the first frame delays it. */
static guint
rows_to_fill (GwComplaintsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GdkSurface *surface;
  GdkMonitor *monitor;
  int width = 0, height = 0;

  if (!GTK_IS_WINDOW (root))
    return 0;
  /* GTK 4.8 needs both places, whatever its documentation says. */
  gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
  /* A maximized window keeps its other size as its default. */
  surface = gtk_native_get_surface (GTK_NATIVE (root));
  if ((gtk_window_is_maximized (GTK_WINDOW (root)) || gtk_window_is_fullscreen (GTK_WINDOW (root))
       || height <= 0)
      && surface != NULL
      && (monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface),
                                                        surface)) != NULL)
    {
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = geometry.height;
    }
  if (height <= 0)
    return 0;
  return (guint) MAX (height - ABOVE_AND_BELOW_THE_LIST, 0) / ROW_HEIGHT_AT_LEAST + 1;
}

void
gw_complaints_view_set_store (GwComplaintsView *self,
                              GwStore          *store)
{
  g_autoptr(GwComplaintFilter) filter = NULL;

  g_return_if_fail (GW_IS_COMPLAINTS_VIEW (self));
  g_return_if_fail (GW_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  if (self->detail != NULL)
    gw_complaint_detail_set_store (self->detail, store);
  fill_people_and_categories (self);
  update_acting_staff (self);

  filter = build_filter (self);
  self->list = gw_complaint_list_new_filtered (store, filter, self->chosen[CHOICE_SORT],
                                               rows_to_fill (self));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect_swapped (self->list, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  g_signal_connect_swapped (self->list, "refilled", G_CALLBACK (on_list_refilled_cb), self);
  g_signal_connect_swapped (self->list, "notify::loading", G_CALLBACK (on_list_loading_cb), self);
  g_signal_connect_swapped (self->list, "notify::loading", G_CALLBACK (update_counts), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (store, "changed::complaints", G_CALLBACK (on_store_changed_cb), self, 0);
  g_signal_connect_object (store, "changed::vision_statements", G_CALLBACK (show_vision), self,
                           G_CONNECT_SWAPPED);
  show_vision (self);
  g_signal_connect_object (store, "changed::staff", G_CALLBACK (on_store_changed_cb), self, 0);
  g_signal_connect_object (store, "changed::categories", G_CALLBACK (on_store_changed_cb), self,
                           0);
  apply_filter (self);
  self->count_source = g_idle_add_full (G_PRIORITY_LOW, count_overdue_later_cb, self, NULL);
}

GwComplaintList *
gw_complaints_view_get_list (GwComplaintsView *self)
{
  g_return_val_if_fail (GW_IS_COMPLAINTS_VIEW (self), NULL);
  return self->list;
}

guint
gw_complaints_view_get_overdue_count (GwComplaintsView *self)
{
  g_return_val_if_fail (GW_IS_COMPLAINTS_VIEW (self), 0);
  return self->overdue_count;
}

void
gw_complaints_view_focus_search (GwComplaintsView *self)
{
  g_return_if_fail (GW_IS_COMPLAINTS_VIEW (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Only the overdue follow-ups, whatever else was chosen before. */
void
gw_complaints_view_show_overdue (GwComplaintsView *self)
{
  g_return_if_fail (GW_IS_COMPLAINTS_VIEW (self));

  reset_choices (self);
  set_check (self, CHIP_OVERDUE, TRUE);
  apply_filter (self);
}

/* Selects complaint @id now, or once the list has it. */
void
gw_complaints_view_select (GwComplaintsView *self,
                           gint64            id)
{
  g_return_if_fail (GW_IS_COMPLAINTS_VIEW (self));

  self->select_when_listed = id;
  if (self->list != NULL)
    on_items_changed_cb (self);
}

static void
fill_vocabulary (GtkStringList *list,
                 const char    *any,
                 GwVocabulary   vocabulary)
{
  gtk_string_list_append (list, any);
  gw_string_list_append_vocabulary (list, vocabulary);
}

static void
gw_complaints_view_dispose (GObject *object)
{
  GwComplaintsView *self = GW_COMPLAINTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->count_source, g_source_remove);
  g_clear_handle_id (&self->open_source, g_source_remove);
  if (self->resolved_count != NULL)
    g_cancellable_cancel (self->resolved_count);
  g_clear_object (&self->resolved_count);
  /* The filter controls go with the popover; nothing they say counts now. */
  self->updating_choices = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_COMPLAINTS_VIEW);
  for (Choice which = 0; which < N_CHOICES; which++)
    self->dropdowns[which] = NULL;
  self->overdue_check = self->show_resolved_check = NULL;
  /* The template's unnamed top child is ours to unparent. */
  while (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));
  g_clear_object (&self->cancellable);
  /* A list still reading in another thread outlives the view, and a count
   * in flight keeps the view alive: neither the list nor the store may
   * call back into it now. */
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  for (Choice which = 0; which < N_CHOICES; which++)
    g_clear_object (&self->choices[which]);

  G_OBJECT_CLASS (gw_complaints_view_parent_class)->dispose (object);
}

static void
gw_complaints_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GwComplaintsView *self = GW_COMPLAINTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_OVERDUE_COUNT:
      g_value_set_uint (value, self->overdue_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gw_complaints_view_class_init (GwComplaintsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_complaints_view_dispose;
  object_class->get_property = gw_complaints_view_get_property;

  /**
   * GwComplaintsView:overdue-count:
   *
   * How many unresolved complaints have a follow-up that is due.
   */
  properties[PROP_OVERDUE_COUNT] =
    g_param_spec_uint ("overdue-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GW_TYPE_CHIP_BOX);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-complaints-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, GwComplaintsView, name)
  BIND (vision_label);
  BIND (leaflet);
  BIND (search_entry);
  BIND (filter_button);
  BIND (managers_button);
  BIND (managers_label);
  BIND (chips_box);
  BIND (resolved_hint);
  BIND (resolved_hint_label);
  BIND (list_stack);
  BIND (list_view);
  BIND (count_label);
  BIND (detail_stack);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_managers_shown_cb);

  gtk_widget_class_install_action (widget_class, "complaints.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "complaints.show-resolved", NULL,
                                   show_resolved_action);
  gtk_widget_class_install_action (widget_class, "complaints.clear-filters", NULL,
                                   clear_filters_action);
}

static void
gw_complaints_view_init (GwComplaintsView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  const char *periods[] = {
    _("Any time"), _("Today"), _("Last 7 days"), _("This month"), _("Last 3 months"),
    _("This year"), NULL,
  };
  const char *sorts[] = {
    _("Newest first"), _("Oldest first"), _("Follow-up due first"), _("Customer"), _("Status"),
    NULL,
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  for (Choice which = 0; which < N_CHOICES; which++)
    self->choices[which] = gtk_string_list_new (NULL);
  fill_vocabulary (self->choices[CHOICE_KIND], _("Any kind"), GW_VOCAB_KIND);
  fill_vocabulary (self->choices[CHOICE_STATUS], _("Any status"), GW_VOCAB_STATUS);
  fill_vocabulary (self->choices[CHOICE_CHANNEL], _("Any channel"), GW_VOCAB_CHANNEL);
  gtk_string_list_append (self->choices[CHOICE_CATEGORY], _("Any category"));
  gtk_string_list_append (self->choices[CHOICE_STAFF], _("Anyone"));
  gtk_string_list_splice (self->choices[CHOICE_PERIOD], 0, 0, periods);
  gtk_string_list_splice (self->choices[CHOICE_SORT], 0, 0, sorts);
  gtk_menu_button_set_create_popup_func (self->filter_button, create_filter_popover, self, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_list_activate_cb), self);
  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    g_signal_connect (click, "released", G_CALLBACK (on_list_clicked_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));
  }
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (on_folded_changed_cb),
                            self);
}
