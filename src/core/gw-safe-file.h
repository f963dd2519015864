/* gw-safe-file.h: files that appear only when whole, and files that are
 * never written over
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Every temporary file Goodwill makes starts with this. */
#define GW_SAFE_FILE_PREFIX ".goodwill-"

typedef struct _GwSafeFile GwSafeFile;

GwSafeFile    *gw_safe_file_new                (const char    *path,
                                                const char    *purpose,
                                                int            mode,
                                                GError       **error);
GwSafeFile    *gw_safe_file_new_scratch        (const char    *directory,
                                                const char    *purpose,
                                                GError       **error);
const char    *gw_safe_file_get_path           (GwSafeFile    *self);
const char    *gw_safe_file_get_temporary_path (GwSafeFile    *self);
GOutputStream *gw_safe_file_get_stream         (GwSafeFile    *self);
gboolean       gw_safe_file_commit             (GwSafeFile    *self,
                                                GError       **error);
void           gw_safe_file_free               (GwSafeFile    *self);

gboolean       gw_safe_file_write              (const char    *path,
                                                const void    *data,
                                                gsize          length,
                                                int            mode,
                                                GError       **error);

void           gw_safe_file_clean_folder       (const char    *directory);

void           gw_safe_file_protect            (const char    *path);
void           gw_safe_file_unprotect          (const char    *path);
gboolean       gw_safe_file_check_target       (const char    *path,
                                                GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwSafeFile, gw_safe_file_free)

G_END_DECLS
