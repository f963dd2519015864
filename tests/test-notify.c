/* test-notify.c: follow-up reminders against a notification server on a
 * private session bus (run under dbus-run-session); the clock is passed in,
 * never slept through */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "notify/gw-notifier.h"

/* Monday 2024-01-15 11:30 in Stockholm. */
#define NOW ((gint64) 1705314600)
#define HOUR ((gint64) 3600)

typedef struct {
  char    *summary;
  char    *body;
  GStrv    actions;
  guint8   urgency;
} Call;

static GMutex calls_lock;
static GPtrArray *calls;
static guint32 next_id = 1;

static const char introspection[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  " <method name='Notify'>"
  "  <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "  <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "  <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "  <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "  <arg type='u' direction='out'/>"
  " </method>"
  " <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  " <method name='GetServerInformation'>"
  "  <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "  <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  " </method>"
  " <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "</interface></node>";

static void
call_free (Call *call)
{
  g_free (call->summary);
  g_free (call->body);
  g_strfreev (call->actions);
  g_free (call);
}

static void
handle_method (GDBusConnection       *connection,
               const char            *sender,
               const char            *path,
               const char            *interface,
               const char            *method,
               GVariant              *parameters,
               GDBusMethodInvocation *invocation,
               gpointer               data)
{
  if (g_str_equal (method, "Notify"))
    {
      Call *call = g_new0 (Call, 1);
      g_autoptr(GVariant) hints = NULL;
      const char *summary, *body;
      g_autofree const char **actions = NULL;

      g_variant_get (parameters, "(&su&s&s&s^a&s@a{sv}i)", NULL, NULL, NULL, &summary, &body,
                     &actions, &hints, NULL);
      call->summary = g_strdup (summary);
      call->body = g_strdup (body);
      call->actions = g_strdupv ((char **) actions);
      g_variant_lookup (hints, "urgency", "y", &call->urgency);
      g_mutex_lock (&calls_lock);
      g_ptr_array_add (calls, call);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", next_id++));
      g_mutex_unlock (&calls_lock);
    }
  else if (g_str_equal (method, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(ssss)", "test", "goodwill", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static gboolean name_owned;
static GDBusConnection *server_connection;

/* As a person clicking a notification's button: the server says so. */
static void
invoke_action (guint32     id,
               const char *action)
{
  g_dbus_connection_emit_signal (server_connection, NULL, "/org/freedesktop/Notifications",
                                 "org.freedesktop.Notifications", "ActionInvoked",
                                 g_variant_new ("(us)", id, action), NULL);
  g_dbus_connection_flush_sync (server_connection, NULL, NULL);
}

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         data)
{
  g_atomic_int_set (&name_owned, TRUE);
}

/* The server runs on its own thread: libnotify waits for its replies. */
static gpointer
serve (gpointer data)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (introspection, NULL);
  g_autoptr(GDBusConnection) connection = NULL;
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  static const GDBusInterfaceVTable vtable = { handle_method, NULL, NULL, { 0 } };

  g_main_context_push_thread_default (context);
  connection = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
                                                       | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, NULL);
  g_assert_nonnull (connection);
  g_dbus_connection_register_object (connection, "/org/freedesktop/Notifications",
                                     info->interfaces[0], &vtable, NULL, NULL, NULL);
  server_connection = connection;
  g_bus_own_name_on_connection (connection, "org.freedesktop.Notifications",
                                G_BUS_NAME_OWNER_FLAGS_NONE, on_name_acquired, NULL, NULL, NULL);
  for (;;)
    g_main_context_iteration (context, TRUE);
  return NULL;
}

static guint
n_calls (void)
{
  guint n;

  g_mutex_lock (&calls_lock);
  n = calls->len;
  g_mutex_unlock (&calls_lock);
  return n;
}

static Call *
call_at (guint index)
{
  Call *call;

  g_mutex_lock (&calls_lock);
  call = g_ptr_array_index (calls, index);
  g_mutex_unlock (&calls_lock);
  return call;
}

typedef struct {
  char       *directory;
  GwStore    *store;
  GwNotifier *notifier;
  guint       before;
} Fixture;

static gint64
add (Fixture    *fixture,
     const char *customer,
     const char *promise,
     gint64      follow_up_at,
     GwStatus    status)
{
  g_autoptr(GwComplaint) complaint = gw_complaint_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  complaint->received_at = NOW - 24 * HOUR;
  complaint->follow_up_at = follow_up_at;
  complaint->status = status;
  g_free (complaint->description);
  complaint->description = g_strdup ("Something went wrong");
  g_free (complaint->customer_name);
  complaint->customer_name = g_strdup (customer);
  g_free (complaint->promise);
  complaint->promise = g_strdup (promise);
  id = gw_store_add_complaint (fixture->store, complaint, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->directory = g_dir_make_tmp ("goodwill-notify-XXXXXX", &error);
  path = g_build_filename (fixture->directory, "store.db", NULL);
  fixture->store = gw_store_open (path, &error);
  g_assert_no_error (error);
  fixture->notifier = gw_notifier_new (fixture->store, TRUE);
  fixture->before = n_calls ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->notifier);
  g_clear_object (&fixture->store);
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->directory, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (fixture->directory, name, NULL);
        g_unlink (path);
      }
  }
  g_rmdir (fixture->directory);
  g_free (fixture->directory);
}

static guint
check (Fixture *fixture,
       gint64   now,
       gint64  *next)
{
  g_autoptr(GError) error = NULL;
  guint n = gw_notifier_check (fixture->notifier, now, next, &error);

  g_assert_no_error (error);
  return n;
}

static void
test_overdue_once_then_snooze (Fixture       *fixture,
                               gconstpointer  data)
{
  gint64 id = add (fixture, "Karin Lindqvist", "Call back about the sofa", NOW - 3 * HOUR,
                   GW_STATUS_OPEN);
  gint64 next = 0;
  Call *call;

  g_assert_cmpuint (check (fixture, NOW, &next), ==, 1);
  g_assert_cmpuint (n_calls (), ==, fixture->before + 1);
  call = call_at (fixture->before);
  g_assert_cmpstr (call->summary, ==, "Follow-up overdue: Karin Lindqvist");
  g_assert_cmpstr (call->body, ==, "Promised: Call back about the sofa (overdue by 3 hours)");
  g_assert_cmpuint (call->urgency, ==, 2);
  /* Actions come as id, label pairs. */
  g_assert_true (g_strv_contains ((const char *const *) call->actions, "open"));
  g_assert_true (g_strv_contains ((const char *const *) call->actions, "snooze-hour"));
  g_assert_true (g_strv_contains ((const char *const *) call->actions, "snooze-morning"));
  g_assert_cmpint (next, ==, GW_NO_TIME);

  /* A minute later: nothing again. */
  g_assert_cmpuint (check (fixture, NOW + 60, NULL), ==, 0);

  /* "Tomorrow morning" chosen on the notification snoozes it. */
  {
    g_autoptr(GPtrArray) follow_ups = NULL;
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    gint64 snoozed = GW_NO_TIME;

    invoke_action (next_id - 1, "snooze-morning");
    while (snoozed == GW_NO_TIME && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_clear_pointer (&follow_ups, g_ptr_array_unref);
        follow_ups = gw_store_list_follow_ups (fixture->store, NULL);
        snoozed = ((GwFollowUp *) g_ptr_array_index (follow_ups, 0))->snoozed_until;
        g_usleep (1000);
      }
    g_assert_cmpint (snoozed, >, g_get_real_time () / G_USEC_PER_SEC);
  }

  /* The three snoozes: an hour, three hours, tomorrow at nine. */
  g_assert_cmpint (gw_notifier_snooze_until ("snooze-hour", NOW), ==, NOW + HOUR);
  g_assert_cmpint (gw_notifier_snooze_until ("snooze-later", NOW), ==, NOW + 3 * HOUR);
  g_assert_cmpint (gw_notifier_snooze_until ("snooze-morning", NOW), ==,
                   NOW + 24 * HOUR - 2 * HOUR - HOUR / 2);

  /* Snoozed an hour: quiet, then said once more when it runs out. */
  g_assert_true (gw_store_snooze (fixture->store, id, gw_notifier_snooze_until ("snooze-hour", NOW),
                                  NULL));
  g_assert_cmpuint (check (fixture, NOW + HOUR / 2, &next), ==, 0);
  g_assert_cmpint (next, ==, NOW + HOUR);
  g_assert_cmpuint (check (fixture, NOW + HOUR, NULL), ==, 1);
  g_assert_cmpuint (check (fixture, NOW + HOUR + 60, NULL), ==, 0);
}

static void
on_open_complaint (GwNotifier *notifier,
                   gint64      id,
                   gint64     *opened)
{
  *opened = id;
}

/* "Open" on a notification asks for that complaint to be shown. */
static void
test_open_action (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 id = add (fixture, "Maja Ek", "Call back", NOW - HOUR, GW_STATUS_OPEN);
  gint64 opened = 0;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_signal_connect (fixture->notifier, "open-complaint", G_CALLBACK (on_open_complaint), &opened);
  g_assert_cmpuint (check (fixture, NOW, NULL), ==, 1);
  invoke_action (next_id - 1, "open");
  while (opened == 0 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpint (opened, ==, id);
}

static void
test_before_waiting_and_moved (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GwComplaint) complaint = NULL;
  gint64 soon = add (fixture, "Erik Johansson", "Ring about the delivery", NOW + HOUR / 2,
                     GW_STATUS_IN_PROGRESS);
  gint64 next = 0;

  add (fixture, "Olle Berg", "Send the part", NOW - HOUR, GW_STATUS_WAITING);

  /* An hour's warning for the one coming up; the waiting one is paused. */
  g_assert_cmpuint (check (fixture, NOW, &next), ==, 1);
  g_assert_cmpstr (call_at (fixture->before)->summary, ==, "Follow-up coming up: Erik Johansson");
  g_assert_cmpuint (call_at (fixture->before)->urgency, ==, 1);
  g_assert_cmpint (next, ==, NOW + HOUR / 2);
  /* Then once more when it falls due. */
  g_assert_cmpuint (check (fixture, NOW + HOUR / 2, NULL), ==, 1);

  /* Moved to tomorrow, it is a new follow-up. */
  complaint = gw_store_get_complaint (fixture->store, soon, NULL);
  complaint->follow_up_at = NOW + 24 * HOUR;
  g_assert_true (gw_store_update_complaint (fixture->store, complaint, 0, NULL));
  g_assert_cmpuint (check (fixture, NOW + 23 * HOUR, NULL), ==, 1);
  g_assert_cmpuint (check (fixture, NOW + 24 * HOUR, NULL), ==, 1);
}

static void
test_summary_after_holiday (Fixture       *fixture,
                            gconstpointer  data)
{
  for (int i = 0; i < 7; i++)
    {
      g_autofree char *name = g_strdup_printf ("Customer %d", i);

      add (fixture, name, "Call back", NOW - (i + 1) * 24 * HOUR, GW_STATUS_OPEN);
    }
  g_assert_cmpuint (check (fixture, NOW, NULL), ==, 1);
  g_assert_cmpstr (call_at (fixture->before)->summary, ==, "7 follow-ups are overdue");
  /* The longest overdue first, and a hint that the list goes on. */
  g_assert_true (g_str_has_prefix (call_at (fixture->before)->body, "Customer 6, Customer 5"));
  g_assert_true (g_str_has_suffix (call_at (fixture->before)->body, " and more"));
  g_assert_cmpuint (check (fixture, NOW + 60, NULL), ==, 0);
}

static void
test_business_hours (Fixture       *fixture,
                     gconstpointer  data)
{
  GwBusinessHours hours = { TRUE, 9, 17, 0x1f };
  gint64 monday_2200 = NOW + 10 * HOUR + HOUR / 2;
  gint64 tuesday_0900 = NOW + 24 * HOUR - 2 * HOUR - HOUR / 2;
  gint64 next = 0;

  gw_notifier_set_business_hours (fixture->notifier, &hours);
  add (fixture, "Night Owl", "Call back", monday_2200 - HOUR, GW_STATUS_OPEN);
  g_assert_cmpuint (check (fixture, monday_2200, &next), ==, 0);
  g_assert_cmpint (next, ==, tuesday_0900);
  g_assert_cmpuint (check (fixture, tuesday_0900, NULL), ==, 1);
}

static void
test_check_overdue_command (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("goodwill-check-XXXXXX", &error);
  g_autofree char *path = g_build_filename (directory, "store.db", NULL);
  g_autofree char *goodwill = g_test_build_filename (G_TEST_BUILT, "..", "src", "goodwill", NULL);
  const char *argv[] = { goodwill, "--database", path, "--check-overdue", NULL };
  g_autofree char *err_first = NULL;
  g_autofree char *err_second = NULL;
  guint before = n_calls ();
  int status = -1;

  {
    g_autoptr(GwStore) store = gw_store_open (path, &error);
    g_autoptr(GwComplaint) complaint = gw_complaint_new ();

    complaint->received_at = g_get_real_time () / G_USEC_PER_SEC - 48 * HOUR;
    complaint->follow_up_at = complaint->received_at + HOUR;
    g_free (complaint->description);
    complaint->description = g_strdup ("Lamp flickers");
    g_free (complaint->customer_name);
    complaint->customer_name = g_strdup ("Greta Lind");
    g_assert_cmpint (gw_store_add_complaint (store, complaint, &error), >, 0);
  }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err_first,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpuint (n_calls (), ==, before + 1);
  g_assert_cmpstr (call_at (before)->summary, ==, "Follow-up overdue: Greta Lind");
  /* Run from a timer, nobody is there to answer: no actions offered. */
  g_assert_cmpuint (g_strv_length (call_at (before)->actions), ==, 0);
  g_assert_nonnull (strstr (err_first, "Sent 1 reminder"));

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err_second,
                &status, &error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpuint (n_calls (), ==, before + 1);
  g_assert_nonnull (strstr (err_second, "Sent 0 reminders"));

  {
    g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *file = g_build_filename (directory, name, NULL);

        g_unlink (file);
      }
    g_rmdir (directory);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Stockholm", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  calls = g_ptr_array_new_with_free_func ((GDestroyNotify) call_free);
  g_thread_new ("notification-server", serve, NULL);
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (!g_atomic_int_get (&name_owned))
      {
        if (g_get_monotonic_time () > deadline)
          g_error ("The test's notification server did not get its name on the bus");
        g_usleep (10000);
      }
  }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/notify/overdue-once-then-snooze", test_overdue_once_then_snooze);
  ADD ("/notify/before-waiting-and-moved", test_before_waiting_and_moved);
  ADD ("/notify/summary-after-holiday", test_summary_after_holiday);
  ADD ("/notify/open-action", test_open_action);
  ADD ("/notify/business-hours", test_business_hours);
#undef ADD
  g_test_add_func ("/notify/check-overdue-command", test_check_overdue_command);
  return g_test_run ();
}
