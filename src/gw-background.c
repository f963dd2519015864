/* gw-background.c: starting at login, without a window, to give reminders
 *
 * Through the Background portal (libportal), which also works inside
 * Flatpak; where no portal answers, a plain autostart entry in the user's
 * configuration does the same.
 */

#define G_LOG_DOMAIN "goodwill"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <libportal-gtk4/portal-gtk4.h>

#include "gw-background.h"

char *
gw_background_autostart_path (void)
{
  g_autofree char *name = g_strconcat (APPLICATION_ID, ".desktop", NULL);

  return g_build_filename (g_get_user_config_dir (), "autostart", name, NULL);
}

static gboolean
write_autostart (gboolean   enable,
                 GError   **error)
{
  g_autofree char *path = gw_background_autostart_path ();
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *contents = NULL;

  if (!enable)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Cannot remove “%s”: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  contents = g_strdup_printf ("[Desktop Entry]\n"
                              "Type=Application\n"
                              "Name=%s\n"
                              "Comment=%s\n"
                              "Exec=goodwill --background\n"
                              "Icon=%s\n"
                              "X-GNOME-Autostart-enabled=true\n"
                              "NoDisplay=true\n",
                              _("Goodwill"), _("Reminders of follow-ups"), APPLICATION_ID);
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create “%s”: %s"), directory, g_strerror (saved_errno));
      return FALSE;
    }
  return g_file_set_contents (path, contents, -1, error);
}

static void
on_portal_answered_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GError *fallback_error = NULL;

  if (xdp_portal_request_background_finish (XDP_PORTAL (source), result, &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_debug ("No Background portal (%s): using an autostart entry", error->message);
  if (write_autostart (GPOINTER_TO_INT (g_task_get_task_data (task)), &fallback_error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, fallback_error);
}

/**
 * gw_background_request_async:
 * @enable: start at login (and keep running with no window), or stop doing so
 */
void
gw_background_request_async (GtkWindow           *parent,
                             gboolean             enable,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(XdpPortal) portal = xdp_portal_new ();
  g_autoptr(GPtrArray) commandline = g_ptr_array_new_with_free_func (g_free);
  XdpParent *xdp_parent = NULL;
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_task_data (task, GINT_TO_POINTER (enable), NULL);

  g_ptr_array_add (commandline, g_strdup ("goodwill"));
  g_ptr_array_add (commandline, g_strdup ("--background"));
  if (parent != NULL)
    xdp_parent = xdp_parent_new_gtk (parent);
  xdp_portal_request_background (portal, xdp_parent,
                                 _("Goodwill reminds you of follow-ups even with its window "
                                   "closed."),
                                 /* An extra reference: safe whether or not the
                                  * call takes the array over. */
                                 g_ptr_array_ref (commandline),
                                 enable ? XDP_BACKGROUND_FLAG_AUTOSTART : XDP_BACKGROUND_FLAG_NONE,
                                 cancellable, on_portal_answered_cb, task);
  if (xdp_parent != NULL)
    xdp_parent_free (xdp_parent);
}

gboolean
gw_background_request_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
