/* gw-file-dialog.h: choosing a file to open or to save, in the desktop's
 * file chooser when there is one */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void   gw_file_dialog_open_async  (GtkWindow           *parent,
                                   const char          *title,
                                   const char          *accept_label,
                                   GtkFileFilter       *filter,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
void   gw_file_dialog_save_async  (GtkWindow           *parent,
                                   const char          *title,
                                   const char          *accept_label,
                                   const char          *current_name,
                                   GFile               *current_folder,
                                   GtkFileFilter       *filter,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
GFile *gw_file_dialog_finish      (GAsyncResult        *result,
                                   GError             **error);

G_END_DECLS
