/* gw-transfer.c: CSV import and export, demo data
 *
 * An import is all or nothing: it runs in one transaction, so a bad row, a
 * full disk or a killed process leaves the store exactly as it was.
 */

#define G_LOG_DOMAIN "gw-transfer"

#include "config.h"

#include <glib/gi18n.h>

#include <errno.h>
#include <glib/gstdio.h>

#include "core/gw-backups.h"
#include "core/gw-complaint-csv.h"
#include "core/gw-demo.h"
#include "core/gw-money.h"
#include "core/gw-safe-file.h"
#include "gw-transfer.h"

#define PROGRESS_EVERY_ROWS 5000
#define EXPORT_FLUSH_BYTES (256 * 1024)
#define DEMO_SEED 20240601
#define DEMO_COMPLAINTS 360

gboolean
gw_transfer_import_csv (GwStore               *store,
                        GFile                 *file,
                        GwImportProgressFunc   progress,
                        gpointer               user_data,
                        guint                 *n_imported,
                        GCancellable          *cancellable,
                        GError               **error)
{
  return gw_transfer_import_csv_mapped (store, file, NULL, progress, user_data, n_imported,
                                        cancellable, error);
}

/**
 * gw_transfer_import_csv_mapped:
 * @columns: (nullable): which of our columns each of the file's columns
 *   holds ("" to leave one out); %NULL to go by the file's header
 *
 * Imports every row of @file in one transaction, in the encoding decided
 * from its start.
 */
gboolean
gw_transfer_import_csv_mapped (GwStore               *store,
                               GFile                 *file,
                               const char * const    *columns,
                               GwImportProgressFunc   progress,
                               gpointer               user_data,
                               guint                 *n_imported,
                               GCancellable          *cancellable,
                               GError               **error)
{
  GwImportRequest request = { .columns = columns };
  GwImportResult result = { 0 };
  gboolean ok;

  ok = gw_transfer_import_csv_full (store, file, &request, progress, user_data, &result,
                                    cancellable, error);
  if (n_imported != NULL)
    *n_imported = result.n_imported;
  gw_import_result_clear (&result);
  return ok;
}

/* A line whose values are wrong: the reader goes on to the next. */
static gboolean
is_refused_line (const GError *error)
{
  return g_error_matches (error, GW_CSV_ERROR, GW_CSV_ERROR_VALUE)
         || g_error_matches (error, GW_CSV_ERROR, GW_CSV_ERROR_TOO_MANY_FIELDS);
}

static void
note_refused_line (GwImportResult *result,
                   GError         *error)
{
  if (result->errors == NULL)
    result->errors = g_ptr_array_new_with_free_func (g_free);
  if (result->errors->len < GW_IMPORT_MAX_ERRORS)
    g_ptr_array_add (result->errors, g_strdup (error->message));
  result->n_errors++;
  g_error_free (error);
}

/* "2 lines cannot be imported…", then each line's problem on a line of
 * its own, and how many more there are past the list. */
static GError *
refused_lines_error (const GwImportResult *result)
{
  g_autofree char *number = gw_format_integer (result->n_errors);
  g_autoptr(GString) message = g_string_new (NULL);

  g_string_printf (message,
                   ngettext ("%s line cannot be imported, so nothing was imported:",
                             "%s lines cannot be imported, so nothing was imported:",
                             result->n_errors),
                   number);
  for (guint i = 0; i < result->errors->len; i++)
    g_string_append_printf (message, "\n%s", (const char *) g_ptr_array_index (result->errors, i));
  if (result->n_errors > result->errors->len)
    {
      guint n_more = result->n_errors - result->errors->len;
      g_autofree char *more = gw_format_integer (n_more);

      g_string_append_c (message, '\n');
      g_string_append_printf (message, ngettext ("…and %s more line", "…and %s more lines", n_more),
                              more);
    }
  return g_error_new_literal (GW_CSV_ERROR, GW_CSV_ERROR_VALUE, message->str);
}

void
gw_import_result_clear (GwImportResult *result)
{
  g_clear_pointer (&result->encoding, g_free);
  g_clear_pointer (&result->errors, g_ptr_array_unref);
  result->n_errors = 0;
  result->n_imported = 0;
  result->n_repeated = 0;
  result->encoding_detected = FALSE;
}

/* The file is read and its rows checked in a thread of their own while
 * this one writes the rows before them to the store: on two cores the
 * reading costs no time. Rows go over in batches, and only a few batches
 * may wait, so a big file is never all in memory. Written batches go back
 * to the reading thread, which frees them: memory is then freed where it
 * was allocated, and the writer never waits on the other thread's heap. */
#define READ_BATCH_ROWS 256
#define READ_BATCHES_WAITING 4

typedef struct {
  GwComplaint *complaint;  /* NULL: a refused line, or the end */
  GError      *error;      /* why the line was refused or the reading ended */
  gboolean     refused;    /* the reading goes on after this one */
  guint        line;
  goffset      offset;
} ReadRow;

static void
read_row_free (ReadRow *row)
{
  g_clear_pointer (&row->complaint, gw_complaint_free);
  g_clear_error (&row->error);
  g_free (row);
}

typedef struct {
  GwComplaintCsvReader *reader;
  GCancellable         *cancellable;
  GAsyncQueue          *batches;  /* GPtrArray of ReadRow */
  GAsyncQueue          *room;     /* one GPtrArray, written or empty, for each
                                   * batch that may be read */
  gint                  stop;     /* the writer needs no more */
} Reading;

static gpointer
read_rows (gpointer data)
{
  Reading *reading = data;
  gboolean ended = FALSE;

  while (!ended)
    {
      GPtrArray *batch = g_ptr_array_new_with_free_func ((GDestroyNotify) read_row_free);

      while (batch->len < READ_BATCH_ROWS && !ended)
        {
          ReadRow *row = g_new0 (ReadRow, 1);
          gboolean more = gw_complaint_csv_reader_next (reading->reader, &row->complaint,
                                                        reading->cancellable, &row->error);

          row->line = gw_complaint_csv_reader_get_line (reading->reader);
          row->offset = gw_complaint_csv_reader_get_offset (reading->reader);
          row->refused = !more && gw_complaint_csv_reader_has_header (reading->reader)
                         && is_refused_line (row->error);
          ended = !more && !row->refused;
          g_ptr_array_add (batch, row);
        }
      g_ptr_array_unref (g_async_queue_pop (reading->room));
      if (g_atomic_int_get (&reading->stop))
        {
          g_ptr_array_unref (batch);
          break;
        }
      g_async_queue_push (reading->batches, batch);
    }
  return NULL;
}

/**
 * gw_transfer_import_csv_full:
 * @request: (nullable): the mapping and the encoding, if the person chose them
 * @result: (out caller-allocates) (optional): zeroed by the caller; clear it
 *   with gw_import_result_clear()
 *
 * Imports every row of @file in one transaction. Cancelling, like any
 * error, leaves the store exactly as it was. A line whose values are
 * refused does not stop the reading: every refused line is in @result,
 * and the error says how many there were.
 */
gboolean
gw_transfer_import_csv_full (GwStore                *store,
                             GFile                  *file,
                             const GwImportRequest  *request,
                             GwImportProgressFunc    progress,
                             gpointer                user_data,
                             GwImportResult         *result,
                             GCancellable           *cancellable,
                             GError                **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GwComplaintCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GAsyncQueue) batches = NULL;
  g_autoptr(GAsyncQueue) room = NULL;
  GwImportResult unused = { 0 };
  Reading reading = { 0 };
  GThread *thread;
  gboolean ended = FALSE;
  goffset total_bytes = 0;
  guint n_rows = 0;

  g_return_val_if_fail (GW_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (result == NULL)
    result = &unused;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  if (info != NULL)
    total_bytes = g_file_info_get_size (info);

  reader = gw_complaint_csv_reader_new (G_INPUT_STREAM (stream));
  if (request != NULL && request->columns != NULL)
    gw_complaint_csv_reader_set_columns (reader, request->columns);
  if (request != NULL && request->encoding != NULL)
    gw_complaint_csv_reader_set_encoding (reader, request->encoding);
  for (guint i = 0; request != NULL && request->date_orders != NULL && i < request->n_date_orders; i++)
    gw_complaint_csv_reader_set_date_order (reader, i, request->date_orders[i]);

  if (!gw_store_begin (store, error))
    return FALSE;

  batches = g_async_queue_new_full ((GDestroyNotify) g_ptr_array_unref);
  room = g_async_queue_new_full ((GDestroyNotify) g_ptr_array_unref);
  /* One more than may wait: the batch being written. */
  for (guint i = 0; i < READ_BATCHES_WAITING + 1; i++)
    g_async_queue_push (room, g_ptr_array_new ());
  reading.reader = reader;
  reading.cancellable = cancellable;
  reading.batches = batches;
  reading.room = room;
  thread = g_thread_try_new ("goodwill-import", read_rows, &reading, &local_error);

  while (thread != NULL && !ended && local_error == NULL)
    {
      GPtrArray *batch = g_async_queue_pop (batches);

      for (guint i = 0; i < batch->len && !ended && local_error == NULL; i++)
        {
          ReadRow *row = g_ptr_array_index (batch, i);

          if (row->refused)
            {
              note_refused_line (result, g_steal_pointer (&row->error));
              continue;
            }
          if (row->complaint == NULL)
            {
              ended = TRUE;
              local_error = g_steal_pointer (&row->error);
              break;
            }
          if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
            break;
          /* With a line refused, the rest is only read for its problems. */
          if (result->n_errors > 0)
            continue;

          if (gw_store_add_complaint (store, row->complaint, &local_error) == 0)
            {
              g_prefix_error (&local_error, _("Line %u: "), row->line);
              break;
            }

          n_rows++;
          if (progress != NULL && n_rows % PROGRESS_EVERY_ROWS == 0)
            progress (row->offset, total_bytes, n_rows, user_data);
        }
      g_async_queue_push (room, batch);
    }
  if (thread != NULL)
    {
      /* A reader still going is told to stop, and let past its wait. */
      g_atomic_int_set (&reading.stop, 1);
      g_async_queue_push (room, g_ptr_array_new ());
      g_thread_join (thread);
    }
  if (gw_complaint_csv_reader_get_encoding (reader, NULL) != NULL)
    result->encoding = g_strdup (gw_complaint_csv_reader_get_encoding (reader,
                                                                       &result->encoding_detected));

  if (local_error == NULL && result->n_errors > 0)
    local_error = refused_lines_error (result);
  gw_import_result_clear (&unused);
  if (local_error != NULL)
    {
      gw_store_rollback (store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* A file imported before, or a longer copy of it, adds only what is new. */
  if (!gw_store_leave_out_repeated_complaints (store, &result->n_repeated, error))
    {
      gw_store_rollback (store);
      return FALSE;
    }
  if (!gw_store_commit (store, error))
    return FALSE;

  if (progress != NULL)
    progress (total_bytes, total_bytes, n_rows, user_data);
  result->n_imported = n_rows - result->n_repeated;
  return TRUE;
}

typedef struct {
  GOutputStream *stream;
  GCancellable  *cancellable;
  GString       *buffer;
  GwCsvFormat    format;
  guint          n_rows;
} ExportState;

static gboolean
flush_export (ExportState  *state,
              GError      **error)
{
  gboolean ok = g_output_stream_write_all (state->stream, state->buffer->str, state->buffer->len,
                                           NULL, state->cancellable, error);

  g_string_truncate (state->buffer, 0);
  return ok;
}

static gboolean
export_one (const GwComplaint  *complaint,
            gpointer            user_data,
            GError            **error)
{
  ExportState *state = user_data;

  gw_complaint_csv_append (state->buffer, complaint, state->format);
  state->n_rows++;
  if (state->buffer->len >= EXPORT_FLUSH_BYTES)
    return flush_export (state, error);
  return TRUE;
}

/* Writes every live complaint, oldest first, to @stream. */
gboolean
gw_transfer_export_csv (GwStore        *store,
                        GOutputStream  *stream,
                        GwCsvFormat     format,
                        guint          *n_exported,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_autoptr(GString) buffer = g_string_sized_new (EXPORT_FLUSH_BYTES + 4096);
  ExportState state = { stream, cancellable, buffer, format, 0 };

  g_return_val_if_fail (GW_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  gw_complaint_csv_append_header (buffer, format);
  if (!gw_store_foreach_complaint (store, export_one, &state, error))
    return FALSE;
  if (!flush_export (&state, error))
    return FALSE;
  if (n_exported != NULL)
    *n_exported = state.n_rows;
  return TRUE;
}

/* The file appears only once it is whole (see gw_safe_file_new()): a
 * failed or killed export leaves the old file, or none. */
gboolean
gw_transfer_export_csv_to_file (GwStore       *store,
                                GFile         *file,
                                GwCsvFormat    format,
                                guint         *n_exported,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GwSafeFile) output = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* TRANSLATORS: %s is where the export was to go */
                   _("Goodwill can only export to a file on this computer, not to “%s”."),
                   uri);
      return FALSE;
    }
  output = gw_safe_file_new (path, "export", 0600, error);
  if (output == NULL)
    return FALSE;
  if (!gw_transfer_export_csv (store, gw_safe_file_get_stream (output), format, n_exported,
                               cancellable,
                               &local_error)
      || !gw_safe_file_commit (output, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        {
          g_autofree char *name = g_filename_display_basename (path);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                       /* TRANSLATORS: %s is the file the export was to write */
                       _("The disk is full, so “%s” was not written. Free some space and try "
                         "again."), name);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* A year of self-tests: the owner three times, getting better, and two of
 * the staff last month, who see things a little less rosily. */
static gboolean
fill_demo_assessments (GwStore  *store,
                       gint64    now,
                       GError  **error)
{
  static const struct {
    int         days_ago;
    const char *staff;      /* NULL: the owner */
    guint8      answers[GW_ASSESSMENT_STATEMENTS];
  } demo[] = {
    { 330, NULL, { 4, 3, 4, 3,  3, 4, 3, 2,  2, 2, 3,  3, 3, 2,  4, 3, 3,  4, 3, 3, 3, 3,  3, 2, 3 } },
    { 180, NULL, { 4, 4, 4, 3,  3, 4, 4, 3,  3, 3, 3,  4, 3, 3,  4, 4, 3,  4, 4, 3, 4, 3,  3, 2, 4 } },
    { 25, NULL, { 5, 4, 4, 4,  4, 4, 4, 3,  4, 3, 4,  4, 4, 3,  4, 4, 4,  5, 4, 4, 4, 4,  4, 3, 4 } },
    { 27, "Sara Eriksson", { 4, 4, 3, 3,  3, 4, 4, 3,  3, 2, 3,  4, 3, 3,  3, 4, 3,  4, 4, 3, 4, 3,  3, 2, 4 } },
    { 26, "Mikael Karlsson", { 4, 3, 4, 3,  4, 3, 3, 3,  2, 3, 3,  3, 4, 3,  4, 3, 4,  4, 3, 3, 4, 4,  3, 3, 3 } },
  };
  g_autoptr(GPtrArray) staff = gw_store_list_staff (store, error);

  if (staff == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (demo); i++)
    {
      g_autoptr(GwAssessment) assessment = gw_assessment_new ();

      assessment->taken_at = now - (gint64) demo[i].days_ago * 24 * 3600;
      assessment->completed = TRUE;
      memcpy (assessment->answers, demo[i].answers, GW_ASSESSMENT_STATEMENTS);
      for (guint m = 0; demo[i].staff != NULL && m < staff->len; m++)
        if (g_str_equal (((GwStaffMember *) g_ptr_array_index (staff, m))->name, demo[i].staff))
          assessment->staff_id = ((GwStaffMember *) g_ptr_array_index (staff, m))->id;
      /* Someone the demo's log does not know is left out. */
      if (demo[i].staff != NULL && assessment->staff_id == 0)
        continue;
      if (gw_store_save_assessment (store, assessment, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* A vision written some months ago and the four example goals, with a
 * year of the values a shop would have typed in. */
static gboolean
fill_demo_vision_and_goals (GwStore  *store,
                            gint64    now,
                            GError  **error)
{
  static const double calls_seconds[GW_TREND_MONTHS] = { 28, 26, 27, 24, 25, 22, 21, 23, 19, 18, 20, 17 };
  static const double returned_share[GW_TREND_MONTHS] = { 3.1, 2.9, 3.4, 2.8, 2.6, 2.7, 2.4, 2.2,
                                                          2.5, 2.1, 1.9, 2.0 };
  g_autoptr(GwVisionStatement) vision = gw_vision_statement_new ();
  const char *answers[GW_VISION_STEPS] = {
    N_("Regulars come back and bring their friends. Staff stay for years. Problems are fixed the same day. We know what our customers like. Our prices are fair."),
    N_("\"They remember me.\" \"If something is wrong, they sort it out at once.\" \"I never wait long.\""),
    N_("We answered every complaint within a day, trained everyone in handling complaints, and went through customers' feedback together every month."),
    N_("Speed, a personal welcome, keeping our promises, fair compensation."),
    N_("Every customer leaves happier than they came in."),
  };
  guint n_templates;
  const GwGoalTemplate *templates = gw_goal_templates (&n_templates);
  GwMonth this_month = gw_month_from_time (now);

  for (guint i = 0; i < GW_VISION_STEPS; i++)
    {
      g_free (vision->answers[i]);
      vision->answers[i] = g_strdup (_(answers[i]));
    }
  vision->written_at = now - 200 * 24 * 3600;
  if (gw_store_add_vision (store, vision, error) == 0)
    return FALSE;

  for (guint i = 0; i < n_templates; i++)
    {
      g_autoptr(GwGoal) goal = gw_goal_new_from_template (&templates[i],
                                                          this_month - GW_TREND_MONTHS);
      gint64 id = gw_store_save_goal (store, goal, error);

      if (id == 0)
        return FALSE;
      if (goal->metric != GW_METRIC_TYPED)
        continue;
      for (guint m = 0; m < GW_TREND_MONTHS; m++)
        {
          const double *values = i == 0 ? calls_seconds : returned_share;

          if (!gw_store_set_goal_value (store, id, this_month - GW_TREND_MONTHS + m, TRUE,
                                        values[m], error))
            return FALSE;
        }
    }
  return TRUE;
}

/**
 * gw_transfer_fill_demo:
 * @now: the present, in Unix seconds
 *
 * Fills an empty store with a shop's last eighteen months. Refuses a store
 * that already holds complaints, so real data is never mixed with samples.
 */
gboolean
gw_transfer_fill_demo (GwStore  *store,
                       gint64    now,
                       guint    *n_added,
                       GError  **error)
{
  g_autoptr(GPtrArray) complaints = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 existing;

  g_return_val_if_fail (GW_IS_STORE (store), FALSE);

  existing = gw_store_count_complaints (store, error);
  if (existing < 0)
    return FALSE;
  if (existing > 0)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_EMPTY,
                   _("The database already holds complaints; demo data goes only into an "
                     "empty one. Use --database to pick a new file."));
      return FALSE;
    }

  complaints = gw_demo_generate_complaints (now, DEMO_SEED, DEMO_COMPLAINTS);
  notes = gw_demo_generate_notes (complaints, DEMO_SEED);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), complaints->len);

  if (!gw_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < complaints->len; i++)
    {
      gint64 id = gw_store_add_complaint (store, g_ptr_array_index (complaints, i), error);

      if (id == 0)
        goto fail;
      g_array_append_val (ids, id);
    }

  for (guint i = 0; i < notes->len; i++)
    {
      GwDemoNote *note = g_ptr_array_index (notes, i);
      gint64 complaint_id = g_array_index (ids, gint64, note->complaint_index);

      if (note->at > now)
        continue;
      if (gw_store_add_note (store, complaint_id, note->at, note->staff, note->text, error) == 0)
        goto fail;
    }

  /* Roles and a manager to call, as a shop would have them. */
  {
    g_autoptr(GPtrArray) staff = gw_store_list_staff (store, error);

    if (staff == NULL)
      goto fail;
    for (guint i = 0; i < staff->len; i++)
      {
        GwStaffMember *member = g_ptr_array_index (staff, i);
        gboolean manager = g_str_equal (member->name, "Anna Svensson");

        g_free (member->role);
        member->role = g_strdup (manager ? _("Shop manager") : _("Sales assistant"));
        if (manager)
          {
            g_free (member->phone);
            member->phone = g_strdup ("070-123 00 01");
            member->is_manager = TRUE;
          }
        if (gw_store_save_staff_member (store, member, error) == 0)
          goto fail;
      }
  }

  if (!fill_demo_vision_and_goals (store, now, error)
      || !fill_demo_assessments (store, now, error))
    goto fail;

  if (!gw_store_commit (store, error))
    return FALSE;
  if (n_added != NULL)
    *n_added = complaints->len;
  return TRUE;

fail:
  gw_store_rollback (store);
  return FALSE;
}

/**
 * gw_transfer_daily_backup:
 * @directory: where daily backups are kept; made (0700) when missing
 * @today: the local day
 *
 * Makes today's backup unless there is one, then lets go of those older
 * than a fortnight. Files that are not daily backups are left alone.
 * Blocks for as long as a backup takes: call it from a worker thread.
 *
 * Returns: %FALSE with @error set when the backup or the folder failed
 */
gboolean
gw_transfer_daily_backup (GwStore     *store,
                          const char  *directory,
                          GDate       *today,
                          GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (GW_IS_STORE (store), FALSE);
  g_return_val_if_fail (directory != NULL, FALSE);

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot make the backups folder “%s”: %s"), directory,
                   g_strerror (saved_errno));
      return FALSE;
    }
  dir = g_dir_open (directory, 0, error);
  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_add (names, NULL);

  if (gw_backup_is_due ((const char *const *) names->pdata, today))
    {
      g_autofree char *file = gw_backup_file_name (today);
      g_autofree char *path = g_build_filename (directory, file, NULL);

      if (!gw_store_backup (store, path, error))
        return FALSE;
    }

  old = gw_backup_names_to_remove ((const char *const *) names->pdata, today,
                                   GW_BACKUP_KEEP_DAYS);
  for (guint i = 0; i < old->len; i++)
    {
      g_autofree char *path = g_build_filename (directory, g_ptr_array_index (old, i), NULL);

      if (g_unlink (path) != 0)
        g_debug ("Cannot remove the old backup %s: %s", path, g_strerror (errno));
    }
  return TRUE;
}
