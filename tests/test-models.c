/* test-models.c: the lazy complaint list over a real store */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "models/gw-complaint-list.h"

typedef struct {
  char    *directory;
  char    *path;
  GwStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->directory = g_dir_make_tmp ("goodwill-models-XXXXXX", &error);
  fixture->path = g_build_filename (fixture->directory, "store.db", NULL);
  fixture->store = gw_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gpointer store = fixture->store;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  /* Worker threads let go of their references a moment after they finish;
   * the store must then go away, or something leaks it. */
  g_object_add_weak_pointer (store, &store);
  g_object_unref (fixture->store);
  while (store != NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_null (store);
  for (guint i = 0; i < 3; i++)
    {
      static const char *const suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *path = g_strconcat (fixture->path, suffixes[i], NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->directory);
  g_free (fixture->path);
  g_free (fixture->directory);
}

static gint64
add (GwStore    *store,
     const char *description,
     GwStatus    status,
     gint64      received_at)
{
  g_autoptr(GwComplaint) complaint = gw_complaint_new ();

  g_free (complaint->description);
  complaint->description = g_strdup (description);
  complaint->status = status;
  complaint->received_at = received_at;
  return gw_store_add_complaint (store, complaint, NULL);
}

static void
wait_loaded (GwComplaintList *list)
{
  while (gw_complaint_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
}

static const char *
description_at (GwComplaintList *list,
                guint            position)
{
  g_autoptr(GwComplaintItem) item = g_list_model_get_item (G_LIST_MODEL (list), position);

  /* The list keeps its items, so the text outlives this reference. */
  return gw_complaint_item_get_complaint (item)->description;
}

static void
count_signal (gpointer  instance,
              guint    *counter)
{
  (*counter)++;
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u ", position, removed, added);
}

static void
test_loads_filters_and_follows_edits (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GwComplaintList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwComplaint) complaint = NULL;
  GwComplaintFilter filter = GW_COMPLAINT_FILTER_INIT;
  g_autoptr(GString) changes = g_string_new (NULL);
  guint n_changes = 0;
  gint64 first;

  first = add (fixture->store, "First", GW_STATUS_OPEN, 1000);
  add (fixture->store, "Second", GW_STATUS_RESOLVED, 2000);
  for (int i = 0; i < 200; i++)
    add (fixture->store, "Filler", GW_STATUS_OPEN, 500 - i);

  list = gw_complaint_list_new (fixture->store);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 202);
  /* A first page at once, then the rest appended behind it. */
  g_assert_cmpstr (changes->str, ==, "0-0+16 16-0+186 ");
  g_signal_handlers_disconnect_matched (list, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, changes);
  g_assert_cmpstr (description_at (list, 0), ==, "Second");
  g_assert_cmpstr (description_at (list, 1), ==, "First");
  /* Far down the list, a page that was never read. */
  g_assert_cmpstr (description_at (list, 201), ==, "Filler");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 202));

  filter.statuses = GW_MASK (GW_STATUS_RESOLVED);
  gw_complaint_list_set_filter (list, &filter);
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  /* An edit that brings a complaint into the filter shows after a reload. */
  complaint = gw_store_get_complaint (fixture->store, first, &error);
  complaint->status = GW_STATUS_RESOLVED;
  g_assert_true (gw_store_update_complaint (fixture->store, complaint, 0, &error));
  while (g_list_model_get_n_items (G_LIST_MODEL (list)) != 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (gw_complaint_list_find (list, first), ==, 1);

  /* An edit of a shown row reaches its item at once. */
  {
    g_autoptr(GwComplaintItem) item = g_list_model_get_item (G_LIST_MODEL (list), 1);

    g_signal_connect (item, "changed", G_CALLBACK (count_signal), &n_changes);
    g_free (complaint->description);
    complaint->description = g_strdup ("First, edited");
    g_assert_true (gw_store_update_complaint (fixture->store, complaint, 0, &error));
    g_assert_cmpuint (n_changes, ==, 1);
    g_assert_cmpstr (gw_complaint_item_get_complaint (item)->description, ==, "First, edited");
  }

  gw_complaint_list_set_sort (list, GW_SORT_OLDEST_FIRST);
  wait_loaded (list);
  g_assert_cmpstr (description_at (list, 0), ==, "First, edited");
}

/* A list made filtered is read once, its first page as long as the view
 * asked for. */
static void
test_starts_filtered (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GwComplaintList) list = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  GwComplaintFilter filter = GW_COMPLAINT_FILTER_INIT;

  for (int i = 0; i < 40; i++)
    add (fixture->store, "Open", GW_STATUS_OPEN, 1000 + i);
  for (int i = 0; i < 5; i++)
    add (fixture->store, "Resolved", GW_STATUS_RESOLVED, 2000 + i);

  filter.statuses = GW_MASK (GW_STATUS_OPEN);
  list = gw_complaint_list_new_filtered (fixture->store, &filter, GW_SORT_OLDEST_FIRST, 11);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), changes);
  wait_loaded (list);
  g_assert_cmpstr (changes->str, ==, "0-0+11 11-0+29 ");
  g_assert_cmpuint (gw_complaint_list_get_sort (list), ==, GW_SORT_OLDEST_FIRST);
  g_assert_true (gw_complaint_filter_equal (gw_complaint_list_get_filter (list), &filter));
  for (guint i = 0; i < 40; i++)
    g_assert_cmpstr (description_at (list, i), ==, "Open");
}

/* A list refilled with other complaints keeps the items of its first
 * places, so a view keeps their rows; only the places past them change. */
static void
test_refill_keeps_first_places (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GwComplaintList) list = NULL;
  g_autoptr(GwComplaintItem) first = NULL;
  g_autoptr(GwComplaintItem) again = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  GwComplaintFilter filter = GW_COMPLAINT_FILTER_INIT;
  guint n_refilled = 0;

  for (int i = 0; i < 300; i++)
    add (fixture->store, i % 2 ? "Odd kettle" : "Even toaster", GW_STATUS_OPEN, 1000 + i);

  list = gw_complaint_list_new (fixture->store);
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 300);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (gw_complaint_item_get_complaint (first)->description, ==, "Odd kettle");

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), changes);
  g_signal_connect (list, "refilled", G_CALLBACK (count_signal), &n_refilled);
  filter.search = (char *) "toaster";
  gw_complaint_list_set_filter (list, &filter);
  wait_loaded (list);

  /* 150 toasters: the first places are changed where they are, the rest
   * of the old list goes. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 150);
  g_assert_cmpstr (changes->str, ==, "150-150+0 ");
  g_assert_cmpuint (n_refilled, ==, 1);
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (again == first);
  g_assert_cmpstr (gw_complaint_item_get_complaint (first)->description, ==, "Even toaster");
  g_assert_cmpstr (description_at (list, 149), ==, "Even toaster");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/models/complaint-list", Fixture, NULL, fixture_set_up,
              test_loads_filters_and_follows_edits, fixture_tear_down);
  g_test_add ("/models/refill-keeps-first-places", Fixture, NULL, fixture_set_up,
              test_refill_keeps_first_places, fixture_tear_down);
  g_test_add ("/models/starts-filtered", Fixture, NULL, fixture_set_up, test_starts_filtered,
              fixture_tear_down);
  return g_test_run ();
}
