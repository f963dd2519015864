/* gw-view-utils.c: small things several views need */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/gw-datetime.h"
#include "core/gw-safe-file.h"
#include "gw-view-utils.h"

/* Appends every label of @vocabulary, so position N is value N. */
void
gw_string_list_append_vocabulary (GtkStringList *list,
                                  GwVocabulary   vocabulary)
{
  for (guint i = 0; i < gw_vocabulary_size (vocabulary); i++)
    gtk_string_list_append (list, gw_vocabulary_label (vocabulary, i));
}

/* The application's settings, or %NULL when its schema is not installed
 * (run from the build tree): then it simply does not remember things. */
GSettings *
gw_settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

/* "Equipment · Sara Eriksson · 23/11/2026", or without the name when the
 * person chose not to give it. */
char *
gw_concern_describe (const GwConcern *concern)
{
  g_autofree char *when = gw_datetime_format_local_date (concern->raised_at);
  const char *topic = gw_vocabulary_label (GW_VOCAB_CONCERN, concern->topic);

  if (*concern->raised_by_name != '\0')
    /* TRANSLATORS: topic · who raised it · when */
    return g_strdup_printf (_("%s · %s · %s"), topic, concern->raised_by_name, when);
  /* TRANSLATORS: topic · when */
  return g_strdup_printf (_("%s · %s"), topic, when);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   GwReport          *report)
{
  guint n_pages = gw_report_paginate (report, gtk_print_context_get_cairo_context (context),
                                      gtk_print_context_get_width (context),
                                      gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 GwReport          *report)
{
  gw_report_draw_page (report, gtk_print_context_get_cairo_context (context), page,
                       gtk_print_context_get_width (context),
                       gtk_print_context_get_height (context));
}

/**
 * gw_print_operation_export:
 * @pdf_path: the PDF to write; it appears only once whole
 *
 * Runs @operation as an export to a PDF, without a dialog.
 */
gboolean
gw_print_operation_export (GtkPrintOperation  *operation,
                           GtkWindow          *parent,
                           const char         *pdf_path,
                           GError            **error)
{
  g_autoptr(GwSafeFile) file = gw_safe_file_new (pdf_path, "print", 0600, error);

  if (file == NULL)
    return FALSE;
  gtk_print_operation_set_export_filename (operation, gw_safe_file_get_temporary_path (file));
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;
  return gw_safe_file_commit (file, error);
}

/**
 * gw_print_report:
 * @report: (transfer full): what to print
 * @pdf_path: (nullable): write this PDF without a dialog, or %NULL to show
 *   the print dialog (whose "Print to File" makes a PDF too)
 *
 * Prints with the drawing routine the command line's PDFs use, so paper,
 * the dialog's PDF and `--monthly-report` agree.
 */
gboolean
gw_print_report (GtkWindow  *parent,
                 GwReport   *report,
                 const char *pdf_path,
                 GError    **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GSettings) settings = gw_settings_new_if_installed ();
  g_autoptr(GtkPrintSettings) print_settings = gtk_print_settings_new ();
  g_autofree char *basename = NULL;

  if (settings != NULL)
    {
      g_autofree char *business = g_settings_get_string (settings, "business-name");

      gw_report_set_business (report, business);
    }
  gtk_print_operation_set_job_name (operation, gw_report_get_title (report));
  /* "Print to File" would otherwise offer "output.pdf". */
  basename = g_strdelimit (g_strdup (gw_report_get_title (report)), "/\\", '-');
  gtk_print_settings_set (print_settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);
  gtk_print_operation_set_print_settings (operation, print_settings);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), report);
  g_object_set_data_full (G_OBJECT (operation), "report", report, (GDestroyNotify) gw_report_free);

  if (pdf_path != NULL)
    return gw_print_operation_export (operation, parent, pdf_path, error);
  gtk_print_operation_set_allow_async (operation, TRUE);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                  error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

typedef struct {
  GwStore *store;
  GwMonth  month;
  gint64   now;
} ReviewRequest;

static void
review_request_free (ReviewRequest *request)
{
  g_object_unref (request->store);
  g_free (request);
}

static void
review_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ReviewRequest *request = task_data;
  GError *error = NULL;
  GwMonthlyReview *review = gw_store_monthly_review (request->store, request->month,
                                                     request->now, &error);

  if (review == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, review, (GDestroyNotify) gw_monthly_review_free);
}

/**
 * gw_monthly_review_load_async:
 *
 * Gathers @month's review on a worker thread: its figures come from the
 * whole complaint log, which the main loop must not wait for.
 */
void
gw_monthly_review_load_async (gpointer             source_object,
                              GwStore             *store,
                              GwMonth              month,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);
  ReviewRequest *request = g_new0 (ReviewRequest, 1);

  request->store = g_object_ref (store);
  request->month = month;
  request->now = g_get_real_time () / G_USEC_PER_SEC;
  g_task_set_task_data (task, request, (GDestroyNotify) review_request_free);
  g_task_set_check_cancellable (task, TRUE);
  g_task_run_in_thread (task, review_in_thread);
}

GwMonthlyReview *
gw_monthly_review_load_finish (GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static GwReportColor
to_report_color (const GdkRGBA *rgba)
{
  GwReportColor color = { rgba->red, rgba->green, rgba->blue, rgba->alpha };

  return color;
}

/**
 * gw_trend_style_for_widget:
 *
 * The chart style for drawing in @widget: its text colour and the theme's
 * accent colour, so charts read in dark mode too.
 */
void
gw_trend_style_for_widget (GtkWidget    *widget,
                           GwTrendStyle *style)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA foreground, accent;

  gtk_style_context_get_color (context, &foreground);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1.0 };
  style->foreground = to_report_color (&foreground);
  style->accent = to_report_color (&accent);
  style->font_size = 11;
}

/* Empties a list box made of rows added by hand. */
void
gw_list_box_remove_all (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/**
 * gw_standing_tag_new:
 *
 * Returns: (transfer floating) (nullable): "On track" or "Off track" as a
 *   small coloured tag; %NULL when there is no data to stand on
 */
GtkWidget *
gw_standing_tag_new (GwStanding standing)
{
  GtkWidget *tag;

  if (standing == GW_STANDING_NO_DATA)
    return NULL;
  tag = gtk_label_new (standing == GW_STANDING_ON_TRACK ? _("On track") : _("Off track"));
  gtk_widget_add_css_class (tag, "standing");
  gtk_widget_add_css_class (tag, "caption");
  gtk_widget_add_css_class (tag, standing == GW_STANDING_ON_TRACK ? "on-track" : "off-track");
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  return tag;
}

/* Return in any single-line field of @form presses the default button of
 * its window or popover, as in every GNOME dialog. Multi-line text keeps
 * Return for new lines, and a search field keeps it for its matches. */
void
gw_entries_activate_default (GtkWidget *form)
{
  g_return_if_fail (GTK_IS_WIDGET (form));
  if (GTK_IS_SEARCH_ENTRY (form))
    return;
  /* A row passes Return on itself, not through its text. */
  if (ADW_IS_ENTRY_ROW (form))
    {
      adw_entry_row_set_activates_default (ADW_ENTRY_ROW (form), TRUE);
      return;
    }
  if (GTK_IS_TEXT (form))
    gtk_text_set_activates_default (GTK_TEXT (form), TRUE);
  for (GtkWidget *child = gtk_widget_get_first_child (form); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gw_entries_activate_default (child);
}

/* Focus in a field that already holds something, with the cursor after
 * it: selected whole, the first key pressed would replace a name. */
void
gw_focus_after_text (GtkWidget *field)
{
  g_return_if_fail (GTK_IS_EDITABLE (field));

  gtk_widget_grab_focus (field);
  gtk_editable_set_position (GTK_EDITABLE (field), -1);
}
