/* fuzz-csv.c: the CSV reader and the complaint reader, on any bytes
 *
 * Besides running clean under AddressSanitizer and UndefinedBehaviorSanitizer,
 * every input must keep these promises, or the target aborts:
 *
 * - the rows read do not depend on how many bytes each read of the stream
 *   gives (a pipe hands a file over in pieces);
 * - rows written by the writer read back as the same rows;
 * - a file the complaint reader takes whole, written again by the exporter,
 *   reads back as equal complaints (every field), and writing those gives
 *   the same bytes;
 * - the same file imported into an empty store and exported, and that
 *   export imported into another empty store, exports the same bytes.
 */

#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "core/gw-complaint-csv.h"
#include "core/gw-csv.h"
#include "gw-transfer.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Hands over one to three bytes a read. */
#define FUZZ_TYPE_TRICKLE_STREAM (fuzz_trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (FuzzTrickleStream, fuzz_trickle_stream, FUZZ, TRICKLE_STREAM, GInputStream)

struct _FuzzTrickleStream {
  GInputStream  parent_instance;
  GInputStream *base;
  guint         n_reads;
};

G_DEFINE_FINAL_TYPE (FuzzTrickleStream, fuzz_trickle_stream, G_TYPE_INPUT_STREAM)

static gssize
fuzz_trickle_stream_read (GInputStream  *stream,
                          void          *buffer,
                          gsize          count,
                          GCancellable  *cancellable,
                          GError       **error)
{
  FuzzTrickleStream *self = FUZZ_TRICKLE_STREAM (stream);

  count = MIN (count, 1 + self->n_reads++ % 3);
  return g_input_stream_read (self->base, buffer, count, cancellable, error);
}

static void
fuzz_trickle_stream_finalize (GObject *object)
{
  g_clear_object (&FUZZ_TRICKLE_STREAM (object)->base);
  G_OBJECT_CLASS (fuzz_trickle_stream_parent_class)->finalize (object);
}

static void
fuzz_trickle_stream_class_init (FuzzTrickleStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fuzz_trickle_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = fuzz_trickle_stream_read;
}

static void
fuzz_trickle_stream_init (FuzzTrickleStream *self)
{
}

static char *store_directory;

#define BROKEN(...)                                                        \
  G_STMT_START {                                                          \
    fprintf (stderr, "fuzz-csv: " __VA_ARGS__);                           \
    fputc ('\n', stderr);                                                 \
    abort ();                                                             \
  } G_STMT_END

static GInputStream *
memory_stream (const void *data,
               gsize       size)
{
  return g_memory_input_stream_new_from_data (data, size, NULL);
}

static GInputStream *
trickle_stream (const void *data,
                gsize       size)
{
  FuzzTrickleStream *self = g_object_new (FUZZ_TYPE_TRICKLE_STREAM, NULL);

  self->base = memory_stream (data, size);
  return G_INPUT_STREAM (self);
}

/* Every row up to the end or the first error; @error says which. */
static GPtrArray *
read_rows (GInputStream  *stream,
           GError       **error)
{
  g_autoptr(GwCsvReader) reader = gw_csv_reader_new (stream);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GStrv fields = NULL;

  while (gw_csv_reader_read_row (reader, &fields, NULL, error))
    g_ptr_array_add (rows, fields);
  return rows;
}

static gboolean
rows_equal (GPtrArray *a,
            guint      a_start,
            GPtrArray *b)
{
  if (a->len - a_start != b->len)
    return FALSE;
  for (guint i = 0; i < b->len; i++)
    if (!g_strv_equal (g_ptr_array_index (a, a_start + i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

static void
check_rows (const uint8_t *data,
            size_t         size)
{
  g_autoptr(GInputStream) whole = memory_stream (data, size);
  g_autoptr(GInputStream) pieces = trickle_stream (data, size);
  g_autoptr(GError) whole_error = NULL;
  g_autoptr(GError) pieces_error = NULL;
  g_autoptr(GPtrArray) rows = read_rows (whole, &whole_error);
  g_autoptr(GPtrArray) rows_in_pieces = read_rows (pieces, &pieces_error);
  g_autoptr(GString) out = NULL;
  g_autoptr(GInputStream) written = NULL;
  g_autoptr(GError) again_error = NULL;
  g_autoptr(GPtrArray) again = NULL;

  if (!rows_equal (rows, 0, rows_in_pieces)
      || g_strcmp0 (whole_error ? whole_error->message : NULL,
                    pieces_error ? pieces_error->message : NULL) != 0)
    BROKEN ("the rows depend on how the stream is read");

  if (whole_error != NULL)
    return;

  /* A first line of our own decides the delimiter when read back. */
  out = g_string_new ("a,b\n");
  for (guint i = 0; i < rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, i);

      gw_csv_append_row (out, (const char *const *) row, g_strv_length (row), ',');
    }
  written = memory_stream (out->str, out->len);
  again = read_rows (written, &again_error);
  if (again_error != NULL)
    BROKEN ("rows written cannot be read: %s", again_error->message);
  if (again->len == 0 || !rows_equal (again, 1, rows))
    BROKEN ("rows written read back differently");
}

static gboolean
complaints_equal (const GwComplaint *a,
                  const GwComplaint *b)
{
  return a->id == b->id
         && a->received_at == b->received_at
         && a->kind == b->kind
         && a->channel == b->channel
         && a->category_id == b->category_id
         && g_strcmp0 (a->category, b->category) == 0
         && a->customer_id == b->customer_id
         && g_strcmp0 (a->customer_name, b->customer_name) == 0
         && g_strcmp0 (a->customer_phone, b->customer_phone) == 0
         && g_strcmp0 (a->customer_email, b->customer_email) == 0
         && g_strcmp0 (a->customer_address, b->customer_address) == 0
         && a->received_by_id == b->received_by_id
         && g_strcmp0 (a->received_by, b->received_by) == 0
         && a->assigned_to_id == b->assigned_to_id
         && g_strcmp0 (a->assigned_to, b->assigned_to) == 0
         && g_strcmp0 (a->description, b->description) == 0
         && g_strcmp0 (a->agreed_solution, b->agreed_solution) == 0
         && a->solved_on_spot == b->solved_on_spot
         && g_strcmp0 (a->promise, b->promise) == 0
         && g_strcmp0 (a->steps_taken, b->steps_taken) == 0
         && a->follow_up_at == b->follow_up_at
         && a->compensation_type == b->compensation_type
         && a->compensation_amount == b->compensation_amount
         && a->status == b->status
         && a->resolved_at == b->resolved_at
         && a->customer_feeling == b->customer_feeling
         && a->will_buy_again == b->will_buy_again
         && g_strcmp0 (a->prevention, b->prevention) == 0
         && a->last_informed_at == b->last_informed_at
         && a->created_at == b->created_at
         && a->updated_at == b->updated_at;
}

/* Every complaint, or NULL with @error set. */
static GPtrArray *
read_complaints (GInputStream  *stream,
                 GError       **error)
{
  g_autoptr(GwComplaintCsvReader) reader = gw_complaint_csv_reader_new (stream);
  g_autoptr(GPtrArray) complaints = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_complaint_free);
  GwComplaint *complaint = NULL;
  GError *local_error = NULL;

  while (gw_complaint_csv_reader_next (reader, &complaint, NULL, &local_error))
    g_ptr_array_add (complaints, complaint);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&complaints);
}

static GString *
write_complaints (GPtrArray *complaints)
{
  GString *out = g_string_new (NULL);

  gw_complaint_csv_append_header (out, GW_CSV_FORMAT_EXACT);
  for (guint i = 0; i < complaints->len; i++)
    gw_complaint_csv_append (out, g_ptr_array_index (complaints, i), GW_CSV_FORMAT_EXACT);
  return out;
}

static char *
export_store (GwStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  if (!gw_transfer_export_csv (store, out, GW_CSV_FORMAT_EXACT, NULL, NULL, &error))
    BROKEN ("export failed: %s", error->message);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
remove_store (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Imports @complaints into an empty store, all or nothing as the import
 * does; returns its export, or NULL when the store refuses them. */
static char *
import_and_export (const char *name,
                   GPtrArray  *complaints)
{
  g_autofree char *path = g_build_filename (store_directory, name, NULL);
  g_autoptr(GwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char *export = NULL;

  remove_store (path);
  store = gw_store_open_unchecked (path, &error);
  if (store == NULL)
    BROKEN ("cannot open a store: %s", error->message);
  if (!gw_store_begin (store, &error))
    BROKEN ("cannot begin: %s", error->message);
  for (guint i = 0; i < complaints->len; i++)
    if (gw_store_add_complaint (store, g_ptr_array_index (complaints, i), &error) == 0)
      break;
  if (error != NULL)
    {
      if (g_getenv ("GOODWILL_FUZZ_VERBOSE") != NULL)
        fprintf (stderr, "fuzz-csv: the store refuses it: %s\n", error->message);
      gw_store_rollback (store);
    }
  else if (!gw_store_commit (store, &error))
    BROKEN ("cannot commit: %s", error->message);
  else
    export = export_store (store);
  g_clear_object (&store);
  remove_store (path);
  return export;
}

static void
check_complaints (const uint8_t *data,
                  size_t         size)
{
  g_autoptr(GInputStream) stream = memory_stream (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) complaints = read_complaints (stream, &error);
  g_autoptr(GString) first = NULL;
  g_autoptr(GString) second = NULL;
  g_autoptr(GInputStream) written = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) from_export = NULL;
  g_autoptr(GInputStream) export_stream = NULL;
  g_autofree char *export = NULL;
  g_autofree char *export_again = NULL;

  if (complaints == NULL)
    return;

  first = write_complaints (complaints);
  written = memory_stream (first->str, first->len);
  again = read_complaints (written, &error);
  if (again == NULL)
    BROKEN ("complaints written cannot be read: %s", error->message);
  if (again->len != complaints->len)
    BROKEN ("%u complaints written, %u read back", complaints->len, again->len);
  for (guint i = 0; i < again->len; i++)
    if (!complaints_equal (g_ptr_array_index (complaints, i), g_ptr_array_index (again, i)))
      BROKEN ("complaint %u reads back differently", i + 1);
  second = write_complaints (again);
  if (!g_string_equal (first, second))
    BROKEN ("complaints written twice differ");

  /* Through the store: what it keeps, it gives back the same way twice. */
  export = import_and_export ("first.db", complaints);
  if (export == NULL)
    return;
  export_stream = memory_stream (export, strlen (export));
  from_export = read_complaints (export_stream, &error);
  if (from_export == NULL)
    BROKEN ("the store's export cannot be read: %s", error->message);
  export_again = import_and_export ("second.db", from_export);
  if (export_again == NULL)
    BROKEN ("the store refuses its own export");
  if (strcmp (export, export_again) != 0)
    BROKEN ("export, import, export changed the file");
}

static void
remove_store_directory (void)
{
  g_rmdir (store_directory);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *template = g_build_filename (base, "goodwill-fuzz-XXXXXX", NULL);

  g_setenv ("TZ", "Europe/Stockholm", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  store_directory = g_mkdtemp (g_steal_pointer (&template));
  if (store_directory == NULL)
    BROKEN ("cannot make a folder for the stores");
  atexit (remove_store_directory);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  check_rows (data, size);
  check_complaints (data, size);
  return 0;
}
