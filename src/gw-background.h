/* gw-background.h: running at login to give reminders with no window open */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     gw_background_request_async  (GtkWindow           *parent,
                                       gboolean             enable,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean gw_background_request_finish (GAsyncResult        *result,
                                       GError             **error);
char    *gw_background_autostart_path (void);

G_END_DECLS
