/* gw-backups.c: daily backups are named by their day, one a day, and kept
 * for a fortnight; only files named like ours are ever let go */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "gw-backups.h"

/* "goodwill-2026-11-23.db" */
char *
gw_backup_file_name (GDate *day)
{
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  return g_strdup_printf ("goodwill-%04d-%02d-%02d.db", g_date_get_year (day),
                          g_date_get_month (day), g_date_get_day (day));
}

gboolean
gw_backup_parse_file_name (const char *name,
                           GDate      *day)
{
  unsigned year, month, date;
  char rest[4] = "";

  g_return_val_if_fail (day != NULL, FALSE);

  if (name == NULL || strlen (name) != strlen ("goodwill-2026-11-23.db"))
    return FALSE;
  /* Digits exactly where the date's are: "goodwill-2026- 1-23.db" is not ours. */
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (name[9 + i]))
      return FALSE;
  if (sscanf (name, "goodwill-%4u-%2u-%2u.%3s", &year, &month, &date, rest) != 4
      || strcmp (rest, "db") != 0
      || !g_date_valid_dmy (date, month, year))
    return FALSE;
  g_date_clear (day, 1);
  g_date_set_dmy (day, date, month, year);
  return TRUE;
}

/* Whether today has no backup yet. */
gboolean
gw_backup_is_due (const char *const *names,
                  GDate             *today)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      GDate day;

      if (gw_backup_parse_file_name (names[i], &day) && g_date_compare (&day, today) == 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * gw_backup_names_to_remove:
 * @keep_days: how many days back, today included, backups are kept
 *
 * Returns: (transfer full) (element-type utf8): the daily backups older
 *   than that; other files in the folder are never among them
 */
GPtrArray *
gw_backup_names_to_remove (const char *const *names,
                           GDate             *today,
                           guint              keep_days)
{
  GPtrArray *old = g_ptr_array_new_with_free_func (g_free);
  GDate oldest_kept = *today;

  g_date_subtract_days (&oldest_kept, keep_days > 0 ? keep_days - 1 : 0);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      GDate day;

      if (gw_backup_parse_file_name (names[i], &day) && g_date_compare (&day, &oldest_kept) < 0)
        g_ptr_array_add (old, g_strdup (names[i]));
    }
  return old;
}
