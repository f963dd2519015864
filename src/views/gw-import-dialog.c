/* gw-import-dialog.c: a spreadsheet comes in
 *
 * The first lines are read and shown, each of the file's columns is mapped
 * to one of ours (matched by name where it can be), and the import runs on a
 * worker thread with progress and Cancel. It is all or nothing: problems are
 * listed with their line, and the log is left as it was.
 */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "core/gw-complaint-csv.h"
#include "core/gw-csv.h"
#include "core/gw-datetime.h"
#include "core/gw-money.h"
#include "gw-import-dialog.h"
#include "gw-transfer.h"

struct _GwImportDialog {
  AdwWindow      parent_instance;

  GwStore       *store;
  GFile         *file;
  GStrv          header;
  char          *encoding;      /* as chosen, or NULL to decide from the file */
  char          *read_as;       /* what the preview was read as */
  gulong         encoding_handler;
  GPtrArray     *rows;          /* AdwComboRow, one per file column */
  GArray        *kept_choices;  /* what the rows said before the file was read again */
  GPtrArray     *date_rows;     /* AdwComboRow, for columns whose dates read either way */
  GArray        *date_orders;   /* GwDateOrder, one per file column */
  GCancellable  *cancellable;
  guint          progress_source;
  int            permille;      /* written by the worker, read by a timer; -1: unknown */
  gboolean       busy;
  gboolean       done;

  /* Template widgets */
  GtkButton     *cancel_button;
  GtkWidget     *import_button;
  GtkProgressBar *progress_bar;
  GtkLabel      *status_label;
  GtkListBox    *error_list;
  GtkWidget     *errors_box;
  char          *problems;   /* what "Copy the Problems" copies */
  GtkButton     *copy_button;
  char          *summary;    /* what the status says of the file as read */
  AdwPreferencesGroup *mapping_group;
  AdwPreferencesGroup *file_group;
  AdwComboRow   *encoding_row;
};

G_DEFINE_FINAL_TYPE (GwImportDialog, gw_import_dialog, ADW_TYPE_WINDOW)

static void
set_status (GwImportDialog *self,
            const char     *text)
{
  gtk_label_set_label (self->status_label, text);
}

static void
add_error_row (GwImportDialog *self,
               const char     *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "error");
  /* A hundred problems are not a hundred Tab stops on the way to the
   * columns; Copy the Problems takes them all. */
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->error_list, row);
}

static void
hide_errors (GwImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->error_list))) != NULL)
    gtk_list_box_remove (self->error_list, child);
  g_clear_pointer (&self->problems, g_free);
  gtk_widget_set_visible (self->errors_box, FALSE);
  gtk_button_set_use_underline (self->copy_button, TRUE);
  gtk_button_set_label (self->copy_button, _("Co_py the Problems"));
}

/* @message on a row of its own; or, for refused lines, a row for each. */
static void
show_errors (GwImportDialog       *self,
             const char           *message,
             const GwImportResult *result)
{
  hide_errors (self);
  if (result != NULL && result->errors != NULL)
    {
      for (guint i = 0; i < result->errors->len; i++)
        add_error_row (self, g_ptr_array_index (result->errors, i));
      if (result->n_errors > result->errors->len)
        {
          guint n_more = result->n_errors - result->errors->len;
          g_autofree char *more = gw_format_integer (n_more);
          g_autofree char *text = g_strdup_printf (ngettext ("…and %s more line",
                                                             "…and %s more lines", n_more),
                                                   more);

          add_error_row (self, text);
        }
    }
  else
    add_error_row (self, message);
  self->problems = g_strdup (message);
  gtk_widget_set_visible (self->errors_box, TRUE);
}

static void
copy_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GwImportDialog *self = GW_IMPORT_DIALOG (widget);

  if (self->problems == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->problems);
  /* Said where the person is looking: nothing else shows that it worked. */
  gtk_button_set_use_underline (self->copy_button, FALSE);
  gtk_button_set_label (self->copy_button, _("Copied"));
}

static guint
guess_column (const char *name)
{
  return gw_complaint_csv_column_for_name (name) + 1;
}

/* A first line that says "resolved" with no time for it: imported as
 * it is, and said so before. */
static char *
describe_example (GwImportDialog *self,
                  GStrv           sample,
                  guint           index)
{
  const char *example = sample != NULL && index < g_strv_length (sample) ? sample[index] : "";
  int status_column = gw_complaint_csv_column_for_name ("status");
  int resolved_column = gw_complaint_csv_column_for_name ("resolved_at");
  g_autofree char *resolved_at = NULL;
  guint status;

  if (gw_complaint_csv_column_for_name (self->header[index]) != status_column
      || !gw_complaint_csv_parse_choice (GW_VOCAB_STATUS, example, &status)
      || status != GW_STATUS_RESOLVED)
    return g_strdup (example);
  for (guint i = 0; self->header[i] != NULL; i++)
    if (gw_complaint_csv_column_for_name (self->header[i]) == resolved_column
        && i < g_strv_length (sample))
      resolved_at = g_strstrip (g_strdup (sample[i]));
  if (resolved_at != NULL && *resolved_at != '\0')
    return g_strdup (example);
  /* TRANSLATORS: a preview of a status cell, as in "resolved (resolved, time unknown)" */
  return g_strdup_printf (_("%s (resolved, time unknown)"), example);
}

/* The problems listed were those of the last attempt: once the person
 * changes what it was tried with, they are no longer what is true. */
static void
forget_last_attempt (GwImportDialog *self)
{
  if (!gtk_widget_get_visible (self->errors_box) || self->summary == NULL)
    return;
  hide_errors (self);
  set_status (self, self->summary);
}

/* Two of the file's columns given the same meaning are said at once, on
 * both rows and in the status, and Import waits until one is changed. */
static void
check_mapping (GwImportDialog *self)
{
  g_autofree char *conflict = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_remove_css_class (g_ptr_array_index (self->rows, i), "error");
  for (guint i = 0; i < self->rows->len && conflict == NULL; i++)
    {
      AdwComboRow *row = g_ptr_array_index (self->rows, i);
      guint chosen = adw_combo_row_get_selected (row);

      if (chosen == 0 || chosen == GTK_INVALID_LIST_POSITION)
        continue;
      for (guint j = i + 1; j < self->rows->len; j++)
        {
          AdwComboRow *other = g_ptr_array_index (self->rows, j);

          if (adw_combo_row_get_selected (other) != chosen)
            continue;
          gtk_widget_add_css_class (GTK_WIDGET (row), "error");
          gtk_widget_add_css_class (GTK_WIDGET (other), "error");
          /* TRANSLATORS: “Kund” and “Namn” (the file's columns) both hold
           * “Customer name” (Goodwill's) */
          conflict = g_strdup_printf (_("“%s” and “%s” both hold “%s”: choose "
                                        "“Leave out” for one of them."),
                                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (other)),
                                      gw_complaint_csv_column_label (chosen - 1));
          break;
        }
    }
  if (conflict != NULL)
    set_status (self, conflict);
  else if (self->summary != NULL && !gtk_widget_get_visible (self->errors_box))
    set_status (self, self->summary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start",
                                 conflict == NULL && !self->busy && self->rows->len > 0);
}

static void
on_mapping_selected_cb (GwImportDialog *self)
{
  forget_last_attempt (self);
  check_mapping (self);
}

static void
add_mapping_rows (GwImportDialog *self,
                  GStrv           sample)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  guint n_columns;

  gw_complaint_csv_column_names (&n_columns);
  if (self->kept_choices->len != g_strv_length (self->header))
    g_array_set_size (self->kept_choices, 0);
  gtk_string_list_append (choices, _("Leave out"));
  for (guint i = 0; i < n_columns; i++)
    gtk_string_list_append (choices, gw_complaint_csv_column_label (i));

  for (guint i = 0; self->header[i] != NULL; i++)
    {
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *example = describe_example (self, sample, i);
      g_autofree char *title = *self->header[i] ? g_strdup (self->header[i])
                                                /* TRANSLATORS: a spreadsheet column with no name */
                                                : g_strdup_printf (_("Column %u"), i + 1);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), example);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                                  self->kept_choices->len > 0
                                  ? g_array_index (self->kept_choices, guint, i)
                                  : guess_column (self->header[i]));
      g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_mapping_selected_cb), self);
      adw_preferences_group_add (self->mapping_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

/* The encodings offered; the one a file was read as is added if missing. */
static const char *const offered_encodings[] = {
  GW_CSV_ENCODING_UTF8,
  GW_CSV_ENCODING_WINDOWS_1252,
  GW_CSV_ENCODING_LATIN1,
};

/* How many lines of data the preview reads to see how dates are written. */
#define PREVIEW_ROWS 200

typedef struct {
  GStrv      header;
  GStrv      sample;
  GPtrArray *samples;   /* GStrv: the first lines of data, sample among them */
  char       delimiter;
  char      *encoding;
} Preview;

static void
preview_free (Preview *preview)
{
  g_strfreev (preview->header);
  g_strfreev (preview->sample);
  g_clear_pointer (&preview->samples, g_ptr_array_unref);
  g_free (preview->encoding);
  g_free (preview);
}

typedef struct {
  GFile *file;
  char  *encoding;
} PreviewJob;

/* "3 November 2026" for @text read in @order, or NULL. */
static char *
describe_date (const char  *text,
               GwDateOrder  order)
{
  g_autoptr(GDateTime) local = NULL;
  gint64 time;

  if (!gw_datetime_parse_in_order (text, order, NULL, &time, NULL))
    return NULL;
  local = g_date_time_new_from_unix_local (time);
  /* TRANSLATORS: a day, spelled out so it cannot be misread, see strftime(3) */
  return local != NULL ? g_date_time_format (local, _("%-d %B %Y")) : NULL;
}

static void
on_date_order_selected_cb (AdwComboRow    *row,
                           GParamSpec     *pspec,
                           GwImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "file-column"));

  forget_last_attempt (self);
  g_array_index (self->date_orders, GwDateOrder, column) =
    adw_combo_row_get_selected (row) == 1 ? GW_DATE_ORDER_MONTH_FIRST : GW_DATE_ORDER_DAY_FIRST;
}

/* A column whose dates prove their order is read so; one whose dates could
 * be read either way gets a choice, showing what each would make of its
 * first such date. */
static void
add_date_rows (GwImportDialog *self,
               GPtrArray      *samples)
{
  g_array_set_size (self->date_orders, 0);
  for (guint i = 0; self->header[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) values = g_ptr_array_new ();
      g_autofree char *day_first = NULL;
      g_autofree char *month_first = NULL;
      g_autofree char *title = NULL;
      g_autoptr(GtkStringList) choices = NULL;
      const char *example = NULL;
      gboolean ambiguous = FALSE;
      GwDateOrder order;
      GtkWidget *row;

      for (guint r = 0; samples != NULL && r < samples->len; r++)
        {
          GStrv fields = g_ptr_array_index (samples, r);
          int first, second;

          if (i >= g_strv_length (fields))
            continue;
          g_ptr_array_add (values, fields[i]);
          if (example == NULL && gw_datetime_split_numeric (fields[i], &first, &second)
              && first <= 12 && second <= 12 && first != second)
            example = fields[i];
        }
      g_ptr_array_add (values, NULL);
      order = gw_date_order_guess ((const char * const *) values->pdata, &ambiguous);
      g_array_append_val (self->date_orders, order);
      if (!ambiguous || example == NULL)
        continue;

      day_first = describe_date (example, GW_DATE_ORDER_DAY_FIRST);
      month_first = describe_date (example, GW_DATE_ORDER_MONTH_FIRST);
      choices = gtk_string_list_new (NULL);
      {
        /* TRANSLATORS: how to read 03/11/2026; %s is what that would be, e.g.
         * "3 November 2026" */
        g_autofree char *a = g_strdup_printf (_("Day first (%s)"), day_first);
        /* TRANSLATORS: how to read 03/11/2026; %s is what that would be, e.g.
         * "11 March 2026" */
        g_autofree char *b = g_strdup_printf (_("Month first (%s)"), month_first);

        gtk_string_list_append (choices, a);
        gtk_string_list_append (choices, b);
      }
      row = adw_combo_row_new ();
      /* TRANSLATORS: %s is a spreadsheet column, %s then one of its dates */
      title = g_strdup_printf (_("Dates in “%s”, such as %s"),
                               *self->header[i] ? self->header[i] : "", example);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      /* The reading chosen under the title, whole: beside it, it is cut
       * short in any but the widest window, and it is what matters. */
      adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
      adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                                  order == GW_DATE_ORDER_MONTH_FIRST ? 1 : 0);
      g_object_set_data (G_OBJECT (row), "file-column", GUINT_TO_POINTER (i));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_date_order_selected_cb), self);
      adw_preferences_group_add (self->file_group, row);
      g_ptr_array_add (self->date_rows, row);
    }
}

static void
preview_job_free (PreviewJob *job)
{
  g_clear_object (&job->file);
  g_free (job->encoding);
  g_free (job);
}

/* Reads the header and the first line of data; the file may be big and on a
 * slow disk, so not on the main loop. */
static void
read_preview_in_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  PreviewJob *job = task_data;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GwCsvReader) reader = NULL;
  GError *error = NULL;
  Preview *preview = g_new0 (Preview, 1);

  stream = g_file_read (job->file, cancellable, &error);
  if (stream == NULL)
    {
      preview_free (preview);
      g_task_return_error (task, error);
      return;
    }
  reader = gw_csv_reader_new (G_INPUT_STREAM (stream));
  gw_csv_reader_set_encoding (reader, job->encoding);
  /* A header wider than a complaint is refused here, before the main loop
   * builds a drop-down for each of its columns. */
  if (!gw_complaint_csv_read_header_row (reader, &preview->header, cancellable, &error))
    {
      preview_free (preview);
      g_task_return_error (task, error);
      return;
    }
  /* A broken first row is reported by the import itself, with its line;
   * but text that is not in the encoding chosen is said at once, as the
   * person can choose another right here. */
  if (!gw_csv_reader_read_row (reader, &preview->sample, cancellable, &error)
      && g_error_matches (error, GW_CSV_ERROR, GW_CSV_ERROR_ENCODING))
    {
      preview_free (preview);
      g_task_return_error (task, error);
      return;
    }
  g_clear_error (&error);
  preview->samples = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  if (preview->sample != NULL)
    {
      GStrv row = NULL;

      g_ptr_array_add (preview->samples, g_strdupv (preview->sample));
      while (preview->samples->len < PREVIEW_ROWS
             && gw_csv_reader_read_row (reader, &row, cancellable, NULL))
        g_ptr_array_add (preview->samples, row);
    }
  preview->delimiter = gw_csv_reader_get_delimiter (reader);
  preview->encoding = g_strdup (gw_csv_reader_get_encoding (reader, NULL));
  g_task_return_pointer (task, preview, (GDestroyNotify) preview_free);
}

static void read_preview (GwImportDialog *self);

/* The drop-down offers the usual encodings and the one the file was read
 * as, which it shows chosen. */
static void
show_encoding (GwImportDialog *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  guint selected = G_N_ELEMENTS (offered_encodings);

  for (guint i = 0; i < G_N_ELEMENTS (offered_encodings); i++)
    {
      gtk_string_list_append (choices, gw_csv_encoding_display_name (offered_encodings[i]));
      if (self->read_as != NULL && g_ascii_strcasecmp (self->read_as, offered_encodings[i]) == 0)
        selected = i;
    }
  if (selected == G_N_ELEMENTS (offered_encodings) && self->read_as != NULL)
    gtk_string_list_append (choices, gw_csv_encoding_display_name (self->read_as));

  g_signal_handler_block (self->encoding_row, self->encoding_handler);
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (choices));
  adw_combo_row_set_selected (self->encoding_row, selected);
  g_signal_handler_unblock (self->encoding_row, self->encoding_handler);
  gtk_widget_set_visible (GTK_WIDGET (self->file_group), TRUE);
}

static void
on_encoding_selected_cb (GwImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->encoding_row);

  if (selected >= G_N_ELEMENTS (offered_encodings) || self->busy)
    return;
  gw_import_dialog_set_encoding (self, offered_encodings[selected]);
}

static void
clear_mapping_rows (GwImportDialog *self)
{
  /* Read again in another encoding, the file has the same columns: what
   * the person chose for each is kept. */
  g_array_set_size (self->kept_choices, 0);
  for (guint i = 0; i < self->rows->len; i++)
    {
      guint selected = adw_combo_row_get_selected (g_ptr_array_index (self->rows, i));

      g_array_append_val (self->kept_choices, selected);
    }
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->mapping_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < self->date_rows->len; i++)
    adw_preferences_group_remove (self->file_group, g_ptr_array_index (self->date_rows, i));
  g_ptr_array_set_size (self->date_rows, 0);
  g_array_set_size (self->date_orders, 0);
  g_clear_pointer (&self->header, g_strfreev);
}

static void
on_preview_read_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GwImportDialog *self = GW_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  Preview *preview = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *text = NULL;
  const char *delimiter;

  self->busy = FALSE;
  if (preview == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, GW_CSV_ERROR, GW_CSV_ERROR_TOO_MANY_FIELDS))
        /* TRANSLATORS: %s is a file name */
        text = g_strdup_printf (_("“%s” has more columns than can be imported. Delete the ones "
                                  "you do not need in the spreadsheet, and try again."), name);
      else
        /* TRANSLATORS: %s is a file name */
        text = g_strdup_printf (_("“%s” cannot be read."), name);
      set_status (self, text);
      show_errors (self, error->message, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), FALSE);
      /* Text in another encoding may be read if the person says which. */
      if (g_error_matches (error, GW_CSV_ERROR, GW_CSV_ERROR_ENCODING))
        {
          if (self->encoding != NULL)
            {
              g_free (self->read_as);
              self->read_as = g_strdup (self->encoding);
            }
          show_encoding (self);
        }
      return;
    }

  self->header = g_steal_pointer (&preview->header);
  g_free (self->read_as);
  self->read_as = g_steal_pointer (&preview->encoding);
  show_encoding (self);
  add_mapping_rows (self, preview->sample);
  add_date_rows (self, preview->samples);
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), TRUE);
  delimiter = preview->delimiter == ';' ? _("semicolons")
              : preview->delimiter == '\t' ? _("tabs") : _("commas");
  /* TRANSLATORS: “file.csv” has 12 columns separated by semicolons, read as
   * Windows-1252 (an encoding) */
  text = g_strdup_printf (ngettext ("“%s” has %u column, separated by %s, read as %s.",
                                    "“%s” has %u columns, separated by %s, read as %s.",
                                    self->rows->len),
                          name, self->rows->len, delimiter,
                          gw_csv_encoding_display_name (self->read_as));
  set_status (self, text);
  g_free (self->summary);
  self->summary = g_strdup (text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", TRUE);
  check_mapping (self);
  /* Return imports what the preview shows, rather than the focus resting
   * on Cancel, where it would throw the file away. */
  gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);
  if (gtk_widget_get_sensitive (self->import_button))
    gtk_widget_grab_focus (self->import_button);
  preview_free (preview);
}

static void
note_progress (goffset  bytes_read,
               goffset  total_bytes,
               guint    n_rows,
               gpointer user_data)
{
  GwImportDialog *self = user_data;

  g_atomic_int_set (&self->permille, total_bytes > 0 ? (int) (1000 * bytes_read / total_bytes) : -1);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  GwImportDialog *self = user_data;
  int permille = g_atomic_int_get (&self->permille);

  if (permille >= 0)
    gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);
  else
    gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

typedef struct {
  GStrv          columns;
  char          *encoding;
  GArray        *date_orders;
  GwImportResult result;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_strfreev (job->columns);
  g_clear_pointer (&job->date_orders, g_array_unref);
  g_free (job->encoding);
  gw_import_result_clear (&job->result);
  g_free (job);
}

static void
import_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GwImportDialog *self = source_object;
  ImportJob *job = task_data;
  GwImportRequest request = {
    .columns = (const char * const *) job->columns,
    .encoding = job->encoding,
    .date_orders = (const GwDateOrder *) job->date_orders->data,
    .n_date_orders = job->date_orders->len,
  };
  GError *error = NULL;

  if (gw_transfer_import_csv_full (self->store, self->file, &request, note_progress, self,
                                   &job->result, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
finish_busy (GwImportDialog *self)
{
  self->busy = FALSE;
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mapping_group), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->file_group), TRUE);
}

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GwImportDialog *self = GW_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *text = NULL;
  g_autofree char *number = NULL;

  finish_busy (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_status (self, _("Import cancelled. Nothing was changed."));
      else if (job->result.n_errors > 0)
        {
          g_autofree char *count = gw_format_integer (job->result.n_errors);

          text = g_strdup_printf (ngettext ("Nothing was imported: %s line cannot be imported. "
                                            "Fix it in the spreadsheet, or map the columns "
                                            "differently, and try again.",
                                            "Nothing was imported: %s lines cannot be imported. "
                                            "Fix them in the spreadsheet, or map the columns "
                                            "differently, and try again.",
                                            job->result.n_errors),
                                  count);
          set_status (self, text);
          show_errors (self, error->message, &job->result);
        }
      else
        {
          set_status (self, _("Nothing was imported: fix the problem in the spreadsheet, or map "
                              "the columns differently, and try again."));
          show_errors (self, error->message, NULL);
        }
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", TRUE);
      return;
    }

  self->done = TRUE;
  number = gw_format_integer (job->result.n_imported);
  if (job->result.n_imported == 0 && job->result.n_repeated > 0)
    text = g_strdup (_("Every complaint in this file is already in Goodwill, so nothing new "
                       "was imported."));
  else if (job->result.n_repeated > 0)
    {
      g_autofree char *imported = g_strdup_printf (ngettext ("Imported %s complaint.",
                                                             "Imported %s complaints.",
                                                             job->result.n_imported),
                                                   number);
      g_autofree char *repeated_number = gw_format_integer (job->result.n_repeated);
      g_autofree char *repeated = g_strdup_printf (
        ngettext ("%s was already in Goodwill and was left out.",
                  "%s were already in Goodwill and were left out.", job->result.n_repeated),
        repeated_number);

      /* TRANSLATORS: two sentences, what was imported and what was left out */
      text = g_strdup_printf (C_("import summary", "%s %s"), imported, repeated);
    }
  else
    text = g_strdup_printf (ngettext ("Imported %s complaint.", "Imported %s complaints.",
                                      job->result.n_imported),
                            number);
  set_status (self, text);
  hide_errors (self);
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->file_group), FALSE);
  gtk_widget_set_visible (self->import_button, FALSE);
  gtk_button_set_label (self->cancel_button, _("_Close"));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GwImportDialog *self = GW_IMPORT_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GStrvBuilder) columns = g_strv_builder_new ();
  const char * const *names = gw_complaint_csv_column_names (NULL);
  ImportJob *job;

  if (self->busy || self->rows->len == 0)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    {
      guint selected = adw_combo_row_get_selected (g_ptr_array_index (self->rows, i));

      g_strv_builder_add (columns, selected > 0 ? names[selected - 1] : "");
    }

  job = g_new0 (ImportJob, 1);
  job->columns = g_strv_builder_end (columns);
  /* What the preview showed is what is imported. */
  job->encoding = g_strdup (self->read_as);
  job->date_orders = g_array_copy (self->date_orders);

  hide_errors (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mapping_group), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->file_group), FALSE);
  gtk_widget_action_set_enabled (widget, "import.start", FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  set_status (self, _("Importing… Cancel stops it and changes nothing."));
  self->busy = TRUE;
  self->progress_source = g_timeout_add (100, update_progress_cb, self);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_import_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_in_thread);
}

/* Cancel stops a running import (the store rolls it back); otherwise it
 * closes the dialog. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GwImportDialog *self = GW_IMPORT_DIALOG (widget);

  if (self->busy && self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
gw_import_dialog_close_request (GtkWindow *window)
{
  GwImportDialog *self = GW_IMPORT_DIALOG (window);

  /* Closing mid-import cancels it; the window goes once the store is
   * back as it was. */
  if (self->busy)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (gw_import_dialog_parent_class)->close_request (window);
}

/**
 * gw_import_dialog_set_encoding:
 * @encoding: what the file is in, e.g. %GW_CSV_ENCODING_WINDOWS_1252
 *
 * Reads the file again in @encoding, as the person would by choosing it,
 * and redraws the preview; the import then reads it so too.
 */
void
gw_import_dialog_set_encoding (GwImportDialog *self,
                               const char     *encoding)
{
  g_return_if_fail (GW_IS_IMPORT_DIALOG (self));
  g_return_if_fail (!self->busy);

  g_free (self->encoding);
  self->encoding = g_strdup (encoding);
  clear_mapping_rows (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", FALSE);
  hide_errors (self);
  read_preview (self);
}

/* The choices of date order the preview offers, one per column whose
 * dates could be read either way. */
guint
gw_import_dialog_get_n_date_choices (GwImportDialog *self)
{
  g_return_val_if_fail (GW_IS_IMPORT_DIALOG (self), 0);
  return self->date_rows->len;
}

/* Chooses how the @index-th such column's dates are read, as the person
 * would in its drop-down. */
void
gw_import_dialog_choose_date_order (GwImportDialog *self,
                                    guint           index,
                                    GwDateOrder     order)
{
  g_return_if_fail (GW_IS_IMPORT_DIALOG (self));
  g_return_if_fail (index < self->date_rows->len);
  adw_combo_row_set_selected (g_ptr_array_index (self->date_rows, index),
                              order == GW_DATE_ORDER_MONTH_FIRST ? 1 : 0);
}

/* What the preview was read as, once it has been. */
const char *
gw_import_dialog_get_encoding (GwImportDialog *self)
{
  g_return_val_if_fail (GW_IS_IMPORT_DIALOG (self), NULL);
  return self->read_as;
}

gboolean
gw_import_dialog_is_busy (GwImportDialog *self)
{
  g_return_val_if_fail (GW_IS_IMPORT_DIALOG (self), FALSE);
  return self->busy;
}

gboolean
gw_import_dialog_is_done (GwImportDialog *self)
{
  g_return_val_if_fail (GW_IS_IMPORT_DIALOG (self), FALSE);
  return self->done;
}

guint
gw_import_dialog_get_n_columns (GwImportDialog *self)
{
  g_return_val_if_fail (GW_IS_IMPORT_DIALOG (self), 0);
  return self->rows->len;
}

/* Chooses, for the file's column @file_column, our column @ours ("" to
 * leave it out), as the person would in its drop-down. */
void
gw_import_dialog_map_column (GwImportDialog *self,
                             guint           file_column,
                             const char     *ours)
{
  guint n_columns;
  const char * const *names = gw_complaint_csv_column_names (&n_columns);
  guint selected = 0;

  g_return_if_fail (GW_IS_IMPORT_DIALOG (self));
  g_return_if_fail (file_column < self->rows->len);

  for (guint i = 0; i < n_columns; i++)
    if (g_strcmp0 (names[i], ours) == 0)
      selected = i + 1;
  adw_combo_row_set_selected (g_ptr_array_index (self->rows, file_column), selected);
}

static void
gw_import_dialog_dispose (GObject *object)
{
  GwImportDialog *self = GW_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_pointer (&self->header, g_strfreev);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->read_as, g_free);
  g_clear_pointer (&self->problems, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->kept_choices, g_array_unref);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->date_rows, g_ptr_array_unref);
  g_clear_pointer (&self->date_orders, g_array_unref);
  G_OBJECT_CLASS (gw_import_dialog_parent_class)->dispose (object);
}

static void
gw_import_dialog_class_init (GwImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gw_import_dialog_dispose;
  window_class->close_request = gw_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, copy_button);
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, error_list);
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, errors_box);
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, encoding_row);

  gtk_widget_class_install_action (widget_class, "import.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.copy-problems", NULL,
                                   copy_problems_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
  /* As every form of the window saves with Ctrl+Enter. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "import.start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "import.start", NULL);
}

static void
gw_import_dialog_init (GwImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->kept_choices = g_array_new (FALSE, FALSE, sizeof (guint));
  self->date_rows = g_ptr_array_new ();
  self->date_orders = g_array_new (FALSE, TRUE, sizeof (GwDateOrder));
  self->encoding_handler = g_signal_connect_swapped (self->encoding_row, "notify::selected",
                                                     G_CALLBACK (on_encoding_selected_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", FALSE);
}

static void
read_preview (GwImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  PreviewJob *job = g_new0 (PreviewJob, 1);

  job->file = g_object_ref (self->file);
  job->encoding = g_strdup (self->encoding);
  self->busy = TRUE;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_status (self, _("Reading the file…"));

  task = g_task_new (self, self->cancellable, on_preview_read_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) preview_job_free);
  g_task_run_in_thread (task, read_preview_in_thread);
}

GwImportDialog *
gw_import_dialog_new (GtkWindow *parent,
                      GwStore   *store,
                      GFile     *file)
{
  GwImportDialog *self;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (GW_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->file = g_object_ref (file);
  read_preview (self);
  return self;
}
