/* bench-startup.c [--floor | STORE [WORD]]: milliseconds from the start of
 * main() to the first frame painted with the complaint list filled, then
 * the time to answer a search for WORD, and the peak resident memory.
 * --floor measures an empty libadwaita window the same way. With
 * BENCH_PHASES=1 set, the time of each step on the way is printed to
 * stderr too, with how long the main thread had been busy by then. */

#include "config.h"

#include <locale.h>
#include <time.h>
#include <sys/resource.h>

#include "gw-application.h"
#include "gw-window.h"
#include "views/gw-complaints-view.h"

static gint64 started;
static gboolean list_ready;
static const char *search_word;
static GwComplaintsView *view;
static gboolean show_phases;

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

static double
main_thread_busy_ms (void)
{
  struct timespec cpu;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu);
  return cpu.tv_sec * 1000.0 + cpu.tv_nsec / 1e6;
}

/* When each step is reached, and how long the main thread has been busy by
 * then: the rest of the time it waited. */
static void
phase (const char *name)
{
  if (show_phases)
    g_printerr ("%s: %.1f ms (busy %.1f ms)\n", name, elapsed_ms (started), main_thread_busy_ms ());
}

static long
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

static void
on_searched (GwComplaintList *list,
             GParamSpec      *pspec,
             gpointer         since)
{
  if (gw_complaint_list_get_loading (list))
    return;
  g_print ("search \"%s\": %.1f ms to list %u matches\n", search_word,
           elapsed_ms (*(gint64 *) since), g_list_model_get_n_items (G_LIST_MODEL (list)));
  g_print ("peak RSS: %ld MB\n", peak_rss_mb ());
  exit (0);
}

static gboolean
search (gpointer data)
{
  static gint64 since;
  GwComplaintList *list = gw_complaints_view_get_list (view);
  g_autoptr(GwComplaintFilter) filter = gw_complaint_filter_copy (gw_complaint_list_get_filter (list));

  g_free (filter->search);
  filter->search = g_strdup (search_word);
  since = g_get_monotonic_time ();
  g_signal_connect (list, "notify::loading", G_CALLBACK (on_searched), &since);
  gw_complaint_list_set_filter (list, filter);
  return G_SOURCE_REMOVE;
}

static gboolean
search_when_settled (gpointer data)
{
  if (gw_complaint_list_get_loading (gw_complaints_view_get_list (view)))
    return G_SOURCE_CONTINUE;
  g_idle_add (search, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  static gboolean reported;

  phase (list_ready ? "frame with the list" : "frame without the list");
  if (!list_ready || reported)
    return;
  reported = TRUE;
  g_print ("first frame with the list: %.1f ms\n", elapsed_ms (started));
  if (search_word == NULL)
    {
      g_print ("peak RSS: %ld MB\n", peak_rss_mb ());
      exit (0);
    }
  /* A keystroke is timed once the window has settled: the whole list
   * listed and drawn, as when a person starts typing. */
  g_timeout_add (500, search_when_settled, NULL);
}

static void
on_list_loaded (GwComplaintList *list,
                GParamSpec      *pspec,
                GtkWidget       *window)
{
  /* The first screenful is what the person sees; the rest may follow. */
  if ((gw_complaint_list_get_loading (list) && g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
      || list_ready)
    return;
  list_ready = TRUE;
  phase ("first page listed");
  gtk_widget_queue_draw (window);
}

static void
on_store_set (GwWindow   *window,
              GParamSpec *pspec,
              gpointer    data)
{
  GwComplaintList *list = gw_complaints_view_get_list (view);

  phase ("store open");
  on_list_loaded (list, NULL, GTK_WIDGET (window));
  g_signal_connect (list, "notify::loading", G_CALLBACK (on_list_loaded), window);
  g_signal_connect (list, "notify::n-items", G_CALLBACK (on_list_loaded), window);
}

static void
on_realize (GtkWidget *window,
            gpointer   data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GwApplication) app = NULL;
  GtkWidget *window;

  started = g_get_monotonic_time ();
  show_phases = g_strcmp0 (g_getenv ("BENCH_PHASES"), "1") == 0;
  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("usage: %s --floor | STORE [WORD]\n", argv[0]);
      return 2;
    }

  gtk_init ();
  adw_init ();
  phase ("GTK ready");
  app = gw_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  if (g_str_equal (argv[1], "--floor"))
    {
      window = adw_application_window_new (GTK_APPLICATION (app));
      gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
      list_ready = TRUE;
    }
  else
    {
      search_word = argc > 2 && *argv[2] != '\0' ? argv[2] : NULL;
      window = GTK_WIDGET (gw_window_new (app, argv[1]));
      view = GW_COMPLAINTS_VIEW (gtk_widget_get_template_child (window, GW_TYPE_WINDOW,
                                                                "complaints_view"));
      g_signal_connect (window, "notify::store", G_CALLBACK (on_store_set), NULL);
    }
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  phase ("window built");
  gtk_window_present (GTK_WINDOW (window));
  phase ("window presented");

  while (TRUE)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
