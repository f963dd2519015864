/* gw-file-dialog.c: choosing a file to open or to save
 *
 * The desktop's file chooser (the FileChooser portal) runs in a process of
 * its own. That matters for the store: a chooser in this process reads the
 * first bytes of every file in the folder it shows to guess its type, and
 * closing any descriptor of a file drops every POSIX lock this process holds
 * on it. Shown the store's own folder, it would take SQLite's locks on the
 * store, its -wal and its -shm away, and the next program to close the
 * store would think itself the last and delete the -wal under this one.
 * GTK's own chooser, in this process, is the fallback for a desktop with
 * no portal.
 */
#include "config.h"

#include "gw-file-dialog.h"

#include <glib/gi18n.h>
#include <libportal-gtk4/portal-gtk4.h>

/* What marks this file's tasks. */
static char file_dialog_tag;

typedef struct {
  GtkWindow     *parent;
  char          *title;
  char          *accept_label;
  char          *current_name;
  GFile         *current_folder;
  GtkFileFilter *filter;
  gboolean       save;
  GtkNativeDialog *fallback;
  gulong         cancelled_id;
  gboolean       ended;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->parent);
  g_free (request->title);
  g_free (request->accept_label);
  g_free (request->current_name);
  g_clear_object (&request->current_folder);
  g_clear_object (&request->filter);
  if (request->fallback != NULL)
    gtk_native_dialog_destroy (request->fallback);
  g_clear_object (&request->fallback);
  g_free (request);
}

static void
return_cancelled (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                           _("No file was chosen"));
}

/* Ends the fallback chooser's task once, with @file or as cancelled, and
 * lets go of the reference the chooser held while it was shown. */
static void
end_fallback (GTask *task,
              GFile *file)
{
  Request *request = g_task_get_task_data (task);

  if (request->ended)
    return;
  request->ended = TRUE;
  g_cancellable_disconnect (g_task_get_cancellable (task), request->cancelled_id);
  request->cancelled_id = 0;
  gtk_native_dialog_hide (request->fallback);
  if (file != NULL)
    g_task_return_pointer (task, g_object_ref (file), g_object_unref);
  else
    return_cancelled (task);
  g_object_unref (task);
}

static void
on_fallback_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         gpointer         user_data)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  end_fallback (G_TASK (user_data), file);
}

static gboolean
end_cancelled_fallback_cb (gpointer user_data)
{
  end_fallback (G_TASK (user_data), NULL);
  return G_SOURCE_REMOVE;
}

/* A cancellable's handler may not disconnect itself: end from an idle. */
static void
on_fallback_cancelled_cb (GCancellable *cancellable,
                          gpointer      user_data)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, end_cancelled_fallback_cb, g_object_ref (user_data),
                   g_object_unref);
}

/* Takes over the reference to @task. */
static void
show_fallback (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (request->title, request->parent,
                                         request->save ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                       : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         request->accept_label, NULL);
  request->fallback = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_set_modal (request->fallback, TRUE);
  if (request->filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), request->filter);
  if (request->current_folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), request->current_folder,
                                         NULL);
  if (request->current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), request->current_name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_fallback_response_cb), task);
  if (g_task_get_cancellable (task) != NULL)
    request->cancelled_id = g_cancellable_connect (g_task_get_cancellable (task),
                                                   G_CALLBACK (on_fallback_cancelled_cb),
                                                   task, NULL);
  gtk_native_dialog_show (request->fallback);
}

static void
on_portal_answered_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) answer = NULL;
  g_autofree const char **uris = NULL;

  answer = request->save ? xdp_portal_save_file_finish (XDP_PORTAL (source), result, &error)
                         : xdp_portal_open_file_finish (XDP_PORTAL (source), result, &error);
  if (answer == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          || g_cancellable_is_cancelled (g_task_get_cancellable (task)))
        {
          return_cancelled (task);
          return;
        }
      /* No portal, or none with a file chooser. */
      g_debug ("The desktop's file chooser could not be used: %s", error->message);
      show_fallback (g_steal_pointer (&task));
      return;
    }
  if (!g_variant_lookup (answer, "uris", "^a&s", &uris) || uris[0] == NULL)
    {
      return_cancelled (task);
      return;
    }
  g_task_return_pointer (task, g_file_new_for_uri (uris[0]), g_object_unref);
}

static GVariant *
portal_filters (GtkFileFilter *filter)
{
  GVariantBuilder builder;

  if (filter == NULL)
    return NULL;
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sa(us))"));
  g_variant_builder_add_value (&builder, gtk_file_filter_to_gvariant (filter));
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static void
show (Request             *request,
      GCancellable        *cancellable,
      GAsyncReadyCallback  callback,
      gpointer             user_data)
{
  GTask *task = g_task_new (request->parent, cancellable, callback, user_data);
  g_autoptr(XdpPortal) portal = NULL;
  g_autoptr(GVariant) filters = portal_filters (request->filter);
  g_autoptr(GVariant) current_filter = NULL;
  g_autofree char *current_folder = NULL;
  XdpParent *parent;

  g_task_set_source_tag (task, &file_dialog_tag);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  /* libportal needs a session bus; with none, there is no portal either. */
  if (g_application_get_default () == NULL
      || g_application_get_dbus_connection (g_application_get_default ()) == NULL)
    {
      show_fallback (task);
      return;
    }

  if (filters != NULL)
    current_filter = g_variant_get_child_value (filters, 0);
  if (request->current_folder != NULL)
    current_folder = g_file_get_path (request->current_folder);

  portal = xdp_portal_new ();
  parent = xdp_parent_new_gtk (request->parent);
  if (request->save)
    xdp_portal_save_file (portal, parent, request->title, request->current_name, current_folder,
                          NULL, filters, current_filter, NULL, XDP_SAVE_FILE_FLAG_NONE,
                          cancellable, on_portal_answered_cb, task);
  else
    xdp_portal_open_file (portal, parent, request->title, filters, current_filter, NULL,
                          XDP_OPEN_FILE_FLAG_NONE, cancellable, on_portal_answered_cb, task);
  xdp_parent_free (parent);
}

static Request *
request_new (GtkWindow     *parent,
             const char    *title,
             const char    *accept_label,
             GtkFileFilter *filter,
             gboolean       save)
{
  Request *request = g_new0 (Request, 1);

  request->parent = g_object_ref (parent);
  request->title = g_strdup (title);
  request->accept_label = g_strdup (accept_label);
  request->filter = filter != NULL ? g_object_ref (filter) : NULL;
  request->save = save;
  return request;
}

/**
 * gw_file_dialog_open_async:
 * @filter: (nullable): the files to offer
 *
 * Asks for a file to open. gw_file_dialog_finish() gives it, or
 * %G_IO_ERROR_CANCELLED when none was chosen.
 */
void
gw_file_dialog_open_async (GtkWindow           *parent,
                           const char          *title,
                           const char          *accept_label,
                           GtkFileFilter       *filter,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));

  show (request_new (parent, title, accept_label, filter, FALSE), cancellable, callback,
        user_data);
}

/**
 * gw_file_dialog_save_async:
 * @current_name: (nullable): the name to suggest
 * @current_folder: (nullable): the folder to start in
 * @filter: (nullable): the files to offer
 *
 * Asks where to save a file; the chooser asks before replacing one.
 */
void
gw_file_dialog_save_async (GtkWindow           *parent,
                           const char          *title,
                           const char          *accept_label,
                           const char          *current_name,
                           GFile               *current_folder,
                           GtkFileFilter       *filter,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Request *request;

  g_return_if_fail (GTK_IS_WINDOW (parent));

  request = request_new (parent, title, accept_label, filter, TRUE);
  request->current_name = g_strdup (current_name);
  request->current_folder = current_folder != NULL ? g_object_ref (current_folder) : NULL;
  show (request, cancellable, callback, user_data);
}

/**
 * gw_file_dialog_finish:
 *
 * Returns: (transfer full): the file chosen, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when the user chose none)
 */
GFile *
gw_file_dialog_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == &file_dialog_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
