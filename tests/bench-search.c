/* bench-search.c STORE WORD [RUNS]: times gw_store_search_complaints() for
 * one word, as the search field runs it (newest 200 matches), and prints the
 * median and best in milliseconds. */

#include "config.h"

#include <locale.h>

#include "store/gw-store.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint runs = argc > 3 ? (guint) atoi (argv[3]) : 21;
  guint n_hits = 0;

  setlocale (LC_ALL, "");
  if (argc < 3)
    {
      g_printerr ("usage: %s STORE WORD [RUNS]\n", argv[0]);
      return 2;
    }

  store = gw_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GArray) hits = gw_store_search_complaints (store, argv[2], 200, &error);
      double elapsed = (g_get_monotonic_time () - start) / 1000.0;

      if (hits == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      n_hits = hits->len;
      g_array_append_val (times, elapsed);
    }

  g_array_sort (times, compare_doubles);
  g_print ("goodwill search \"%s\": %u hits, median %.2f ms, best %.2f ms over %u runs\n",
           argv[2], n_hits, g_array_index (times, double, runs / 2),
           g_array_index (times, double, 0), runs);
  return 0;
}
