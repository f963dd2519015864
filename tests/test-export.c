/* test-export.c: the export's bytes, pinned by hand to the README's
 * description (header, column order, row order, quoting, formats), so that
 * a dropped column or rows in another order show even when export and
 * import share the mistake
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "gw-transfer.h"

/* Every field different from every other, two complaints received in the
 * same second, and one received earlier but added last. */
static const char expected[] =
  "received_at,kind,channel,category,customer_name,customer_phone,customer_email,"
  "customer_address,received_by,description,agreed_solution,solved_on_spot,promise,"
  "steps_taken,follow_up_at,compensation_type,compensation_amount,status,resolved_at,"
  "customer_feeling,will_buy_again,prevention\n"
  /* Oldest first: 2024-02-29T23:59:59Z is 1709251199. */
  "2024-02-29T23:59:59Z,suggestion,in_store,,,,,,,Open later on Sundays,,no,,,,none,,open,,,"
  "unknown,\n"
  /* 1709301900 */
  "2024-03-01T14:05:00Z,complaint,phone,Faulty product,Åsa Öberg,070-111 22 33,"
  "asa@example.se,\"Storgatan 1, Lund\",Björn Ek,\"The lid cracked, \"\"badly\"\"\","
  "A new kettle,yes,Call on Friday,Ordered one,2024-03-08T09:00:00Z,replacement,1199.50,"
  "resolved,2024-03-09T10:30:00Z,satisfied,yes,Check the lids\n"
  /* The same second, added after it. */
  "2024-03-01T14:05:00Z,comment,email,Service,Chen Li,,chen@example.com,,Dana Berg,"
  "\"Friendly staff\nbut slow\",,no,,,,none,,open,,,unknown,\n";

static void
set (char       **field,
     const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
test_export_pinned (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("goodwill-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (directory, "store.db", NULL);
  g_autoptr(GwStore) store = gw_store_open (path, &error);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GwComplaint) first = gw_complaint_new ();
  g_autoptr(GwComplaint) second = gw_complaint_new ();
  g_autoptr(GwComplaint) earlier = gw_complaint_new ();
  guint n_exported = 0;
  gsize length;
  const char *bytes;

  g_assert_no_error (error);

  first->received_at = 1709301900;
  first->kind = GW_KIND_COMPLAINT;
  first->channel = GW_CHANNEL_PHONE;
  set (&first->category, "Faulty product");
  set (&first->customer_name, "Åsa Öberg");
  set (&first->customer_phone, "070-111 22 33");
  set (&first->customer_email, "asa@example.se");
  set (&first->customer_address, "Storgatan 1, Lund");
  set (&first->received_by, "Björn Ek");
  set (&first->description, "The lid cracked, \"badly\"");
  set (&first->agreed_solution, "A new kettle");
  first->solved_on_spot = TRUE;
  set (&first->promise, "Call on Friday");
  set (&first->steps_taken, "Ordered one");
  first->follow_up_at = 1709888400;
  first->compensation_type = GW_COMPENSATION_REPLACEMENT;
  first->compensation_amount = 119950;
  first->status = GW_STATUS_RESOLVED;
  first->resolved_at = 1709980200;
  first->customer_feeling = GW_FEELING_SATISFIED;
  first->will_buy_again = GW_BUY_AGAIN_YES;
  set (&first->prevention, "Check the lids");

  second->received_at = 1709301900;
  second->kind = GW_KIND_COMMENT;
  second->channel = GW_CHANNEL_EMAIL;
  set (&second->category, "Service");
  set (&second->customer_name, "Chen Li");
  set (&second->customer_email, "chen@example.com");
  set (&second->received_by, "Dana Berg");
  set (&second->description, "Friendly staff\nbut slow");

  earlier->received_at = 1709251199;
  earlier->kind = GW_KIND_SUGGESTION;
  set (&earlier->description, "Open later on Sundays");

  g_assert_cmpint (gw_store_add_complaint (store, first, &error), >, 0);
  g_assert_cmpint (gw_store_add_complaint (store, second, &error), >, 0);
  g_assert_cmpint (gw_store_add_complaint (store, earlier, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (gw_transfer_export_csv (store, out, GW_CSV_FORMAT_EXACT, &n_exported, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_exported, ==, 3);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  bytes = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out));
  length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  {
    g_autofree char *text = g_strndup (bytes, length);

    g_assert_cmpstr (text, ==, expected);
  }

  g_clear_object (&store);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

        g_unlink (file);
      }
    g_rmdir (directory);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("TZ", "Europe/Stockholm", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/pinned-to-the-readme", test_export_pinned);
  return g_test_run ();
}
