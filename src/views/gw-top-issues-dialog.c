/* gw-top-issues-dialog.c: for a period, the three categories that came up
 * most, with their share, the change since the period before, what they
 * cost, and the ideas written down to prevent them
 */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "core/gw-datetime.h"
#include "core/gw-money.h"
#include "core/gw-typed-date.h"
#include "gw-date-popover.h"
#include "gw-top-issues-dialog.h"

#define N_TOP_ISSUES 3
#define N_PREVENTION_NOTES 5

typedef enum {
  PERIOD_THIS_MONTH,
  PERIOD_LAST_3_MONTHS,
  PERIOD_THIS_YEAR,
  PERIOD_CUSTOM,
} Period;

struct _GwTopIssuesDialog {
  AdwWindow      parent_instance;

  GwStore       *store;
  GCancellable  *loading;

  /* Template widgets */
  AdwComboRow   *period_row;
  AdwEntryRow   *from_row;
  AdwEntryRow   *until_row;
  GtkLabel      *summary_label;
  GtkBox        *issues_box;
  GtkStringList *period_choices;
};

G_DEFINE_FINAL_TYPE (GwTopIssuesDialog, gw_top_issues_dialog, ADW_TYPE_WINDOW)

typedef struct {
  gint64     from;
  gint64     until;
  gint64     total;
  GPtrArray *issues;
} Report;

static void
report_free (Report *report)
{
  g_clear_pointer (&report->issues, g_ptr_array_unref);
  g_free (report);
}

static void
build_report_in_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  GwTopIssuesDialog *self = source_object;
  Report *report = task_data;
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GPtrArray) previous = NULL;
  gint64 previous_from, previous_until;
  GError *error = NULL;

  gw_period_previous (report->from, report->until, &previous_from, &previous_until);
  current = gw_store_category_stats (self->store, report->from, report->until, &error);
  if (current != NULL)
    previous = gw_store_category_stats (self->store, previous_from, previous_until, &error);
  if (previous == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < current->len; i++)
    report->total += ((GwIssueStat *) g_ptr_array_index (current, i))->count;
  report->issues = gw_top_issues_rank (current, previous, N_TOP_ISSUES);
  for (guint i = 0; i < report->issues->len; i++)
    {
      GwTopIssue *issue = g_ptr_array_index (report->issues, i);

      issue->prevention = gw_store_prevention_notes (self->store, issue->category_id, report->from,
                                                     report->until, N_PREVENTION_NOTES, NULL);
    }
  g_task_return_boolean (task, TRUE);
}

static GtkWidget *
make_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
show_report (GwTopIssuesDialog *self,
             Report            *report)
{
  GtkWidget *child;
  g_autofree char *total = gw_format_integer (report->total);
  g_autofree char *summary = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->issues_box))) != NULL)
    gtk_box_remove (self->issues_box, child);

  summary = g_strdup_printf (ngettext ("%s complaint in this period.",
                                       "%s complaints in this period.", report->total),
                             total);
  gtk_label_set_label (self->summary_label, summary);

  if (report->issues->len == 0)
    {
      GtkWidget *empty = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Issues to Rank"));
      adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                       _("No complaint with a category was logged in this "
                                         "period."));
      gtk_box_append (self->issues_box, empty);
      return;
    }

  for (guint i = 0; i < report->issues->len; i++)
    {
      GwTopIssue *issue = g_ptr_array_index (report->issues, i);
      GtkWidget *group = adw_preferences_group_new ();
      g_autofree char *title = NULL;
      g_autofree char *count = NULL;
      g_autofree char *change = gw_top_issue_describe_change (issue);
      g_autofree char *money = gw_money_format_local (issue->compensation);

      /* TRANSLATORS: rank and category, e.g. "1. Delivery" */
      title = g_strdup_printf (_("%u. %s"), i + 1, issue->category);
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);

      /* TRANSLATORS: number of complaints and their share, e.g. "12 complaints, 30% of all" */
      count = g_strdup_printf (ngettext ("%d complaint, %d%% of all", "%d complaints, %d%% of all",
                                         issue->count),
                               (int) issue->count, (int) (issue->share * 100 + 0.5));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), make_row (count, change));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 make_row (_("Compensation given"), money));

      if (issue->prevention != NULL && issue->prevention[0] != NULL)
        {
          g_autofree char *notes = g_strjoinv ("\n", issue->prevention);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     make_row (_("How to prevent it, in your own words"), notes));
        }
      else
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   make_row (_("How to prevent it"),
                                             _("Nothing written down yet. Note it when you "
                                               "resolve the next one.")));
      gtk_box_append (self->issues_box, group);
    }
}

static void
on_report_built_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GwTopIssuesDialog *self = GW_TOP_ISSUES_DIALOG (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (self->summary_label, error->message);
      return;
    }
  g_clear_object (&self->loading);
  show_report (self, g_task_get_task_data (G_TASK (result)));
}

static gboolean
read_period (GwTopIssuesDialog *self,
             gint64            *from,
             gint64            *until)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  int year = g_date_time_get_year (now);
  int month = g_date_time_get_month (now);
  Period period = adw_combo_row_get_selected (self->period_row);

  gtk_widget_set_visible (GTK_WIDGET (self->from_row), period == PERIOD_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->until_row), period == PERIOD_CUSTOM);

  tomorrow = g_date_time_new_local (year, month, g_date_time_get_day_of_month (now), 0, 0, 0);
  *until = g_date_time_to_unix (tomorrow) + 24 * 60 * 60;
  switch (period)
    {
    case PERIOD_THIS_MONTH:
      start = g_date_time_new_local (year, month, 1, 0, 0, 0);
      break;
    case PERIOD_LAST_3_MONTHS:
      {
        g_autoptr(GDateTime) first = g_date_time_new_local (year, month, 1, 0, 0, 0);

        start = g_date_time_add_months (first, -2);
      }
      break;
    case PERIOD_THIS_YEAR:
      start = g_date_time_new_local (year, 1, 1, 0, 0, 0);
      break;
    case PERIOD_CUSTOM:
    default:
      {
        const char *from_text = gtk_editable_get_text (GTK_EDITABLE (self->from_row));
        const char *until_text = gtk_editable_get_text (GTK_EDITABLE (self->until_row));
        gint64 today = g_date_time_to_unix (now);
        g_autoptr(GError) from_error = NULL;
        g_autoptr(GError) until_error = NULL;
        gboolean from_ok = gw_typed_date_parse (from_text, today, from, NULL, &from_error);
        gboolean until_ok = gw_typed_date_parse (until_text, today, until, NULL, &until_error);

        if (from_ok)
          gtk_widget_remove_css_class (GTK_WIDGET (self->from_row), "error");
        else
          gtk_widget_add_css_class (GTK_WIDGET (self->from_row), "error");
        if (until_ok)
          gtk_widget_remove_css_class (GTK_WIDGET (self->until_row), "error");
        else
          gtk_widget_add_css_class (GTK_WIDGET (self->until_row), "error");
        if (!from_ok || !until_ok || *until <= *from)
          {
            gtk_label_set_label (self->summary_label,
                                 !from_ok || !until_ok
                                 ? (from_ok ? until_error : from_error)->message
                                 : _("The period ends before it starts: give an end date on or "
                                     "after the start date."));
            return FALSE;
          }
        /* The end date is a whole day. */
        *until += 24 * 60 * 60;
        return TRUE;
      }
    }
  *from = g_date_time_to_unix (start);
  return TRUE;
}

static void
on_period_changed_cb (GwTopIssuesDialog *self)
{
  g_autoptr(GTask) task = NULL;
  Report *report;
  gint64 from, until;

  if (self->store == NULL || !read_period (self, &from, &until))
    return;
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();

  report = g_new0 (Report, 1);
  report->from = from;
  report->until = until;
  task = g_task_new (self, self->loading, on_report_built_cb, NULL);
  g_task_set_task_data (task, report, (GDestroyNotify) report_free);
  g_task_set_check_cancellable (task, TRUE);
  g_task_run_in_thread (task, build_report_in_thread);
}

gboolean
gw_top_issues_dialog_is_loading (GwTopIssuesDialog *self)
{
  g_return_val_if_fail (GW_IS_TOP_ISSUES_DIALOG (self), FALSE);
  return self->loading != NULL;
}

static void
gw_top_issues_dialog_dispose (GObject *object)
{
  GwTopIssuesDialog *self = GW_TOP_ISSUES_DIALOG (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (gw_top_issues_dialog_parent_class)->dispose (object);
}

static void
gw_top_issues_dialog_class_init (GwTopIssuesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_top_issues_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-top-issues-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GwTopIssuesDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, GwTopIssuesDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, GwTopIssuesDialog, until_row);
  gtk_widget_class_bind_template_child (widget_class, GwTopIssuesDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GwTopIssuesDialog, issues_box);
  gtk_widget_class_bind_template_child (widget_class, GwTopIssuesDialog, period_choices);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gw_top_issues_dialog_init (GwTopIssuesDialog *self)
{
  const char *periods[] = {
    _("This month"), _("Last 3 months"), _("This year"), _("Custom"), NULL,
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  gw_date_popover_attach (self->from_row, FALSE);
  gw_date_popover_attach (self->until_row, FALSE);
  gtk_string_list_splice (self->period_choices, 0, 0, periods);
}

GwTopIssuesDialog *
gw_top_issues_dialog_new (GtkWindow *parent,
                          GwStore   *store)
{
  GwTopIssuesDialog *self;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  self = g_object_new (GW_TYPE_TOP_ISSUES_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  adw_combo_row_set_selected (self->period_row, PERIOD_LAST_3_MONTHS);
  on_period_changed_cb (self);
  return self;
}
