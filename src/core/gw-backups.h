/* gw-backups.h: which daily backups to make and which to let go */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Daily backups are kept this many days. */
#define GW_BACKUP_KEEP_DAYS 14

char      *gw_backup_file_name       (GDate             *day);
gboolean   gw_backup_parse_file_name (const char        *name,
                                      GDate             *day);
gboolean   gw_backup_is_due          (const char *const *names,
                                      GDate             *today);
GPtrArray *gw_backup_names_to_remove (const char *const *names,
                                      GDate             *today,
                                      guint              keep_days);

G_END_DECLS
