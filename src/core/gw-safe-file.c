/* gw-safe-file.c: files that appear only when whole, and files that are
 * never written over
 *
 * Everything Goodwill writes for people to keep (a CSV, a PDF, a backup)
 * is written to a temporary file beside it, synced, then renamed into
 * place: a full disk, an error or a killed process leaves the old file or
 * none, never half of one. A temporary file is created 0600 and holds an
 * flock() for as long as its writer lives, so the next writer in that
 * folder can tell a leftover of a killed run from one still being written,
 * and removes it.
 *
 * The store's own files are registered as protected while it is open: no
 * output may replace them, whatever name it is given.
 */

#define G_LOG_DOMAIN "gw-safe-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gw-safe-file.h"

/* GLib's own temporary name for g_file_replace(), which earlier versions
 * used: a leftover this old has no writer any more. */
#define GOUTPUTSTREAM_PATTERN "^\\.goutputstream-[A-Za-z0-9]{6}$"
#define GOUTPUTSTREAM_STALE_SECONDS (60 * 60)

/* Exactly the names safe_file_open() makes, and SQLite's journals beside
 * them: a file someone named alike by hand is not ours. */
#define TEMPORARY_NAME_PATTERN "^\\.goodwill-[a-z]+-[A-Za-z0-9]{6}(-journal|-wal|-shm)?$"

/* What SQLite writes beside a database it opens. */
static const char *const sibling_suffixes[] = { "-journal", "-wal", "-shm" };

struct _GwSafeFile {
  char          *path;           /* NULL for a scratch file */
  char          *temporary_path;
  int            fd;
  GOutputStream *stream;
  int            mode;
  gboolean       committed;
};

static GMutex protected_mutex;
static GHashTable *protected_paths;  /* resolved path → count */

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  /* TRANSLATORS: %s is a file name; the second %s is why, from the system */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write “%s”: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

/* The folder's real path and the file's name: two names for one file
 * through a symbolic link to its folder come out the same, even for a
 * file that does not exist yet. */
static char *
resolve_path (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *directory = g_path_get_dirname (absolute);
  g_autofree char *name = g_path_get_basename (absolute);
  g_autofree char *real = realpath (directory, NULL);

  if (real == NULL)
    return g_steal_pointer (&absolute);
  return g_build_filename (real, name, NULL);
}

static void
sync_directory (const char *directory)
{
  int fd = g_open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  /* Some file systems cannot sync a folder; the rename is made all the same. */
  fsync (fd);
  close (fd);
}

static void
remove_with_siblings (const char *path)
{
  g_unlink (path);
  for (guint i = 0; i < G_N_ELEMENTS (sibling_suffixes); i++)
    {
      g_autofree char *sibling = g_strconcat (path, sibling_suffixes[i], NULL);

      g_unlink (sibling);
    }
}

/* Compiled once: a folder may hold thousands of files. */
static gboolean
name_matches (const char *pattern,
              GRegex    **cache,
              const char *name)
{
  if (g_once_init_enter (cache))
    g_once_init_leave (cache, g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_match (*cache, name, 0, NULL);
}

/* A temporary file whose writer is gone: nobody holds its lock. */
static gboolean
is_abandoned (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  gboolean abandoned;

  if (fd < 0)
    return errno == ENOENT;
  abandoned = flock (fd, LOCK_EX | LOCK_NB) == 0;
  close (fd);
  return abandoned;
}

/**
 * gw_safe_file_clean_folder:
 * @directory: a folder Goodwill writes to
 *
 * Removes the temporary files that killed runs left in @directory: its own
 * (with the journals SQLite kept beside them) once no process holds them,
 * and GLib's `.goutputstream-` files older than an hour. Anything else is
 * left alone.
 */
void
gw_safe_file_clean_folder (const char *directory)
{
  static GRegex *temporary_name;
  static GRegex *goutputstream_name;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_if_fail (directory != NULL);

  dir = g_dir_open (directory, 0, NULL);
  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      gboolean ours = name[0] == '.'
                      && name_matches (TEMPORARY_NAME_PATTERN, &temporary_name, name);
      GStatBuf info;

      if (!ours && !(name[0] == '.' && name_matches (GOUTPUTSTREAM_PATTERN, &goutputstream_name,
                                                      name)))
        continue;
      path = g_build_filename (directory, name, NULL);
      if (g_lstat (path, &info) != 0 || !S_ISREG (info.st_mode))
        continue;

      if (ours)
        {
          g_autofree char *owner = g_strdup (path);

          /* A journal belongs to the file it is named after. */
          for (guint i = 0; i < G_N_ELEMENTS (sibling_suffixes); i++)
            if (g_str_has_suffix (owner, sibling_suffixes[i]))
              owner[strlen (owner) - strlen (sibling_suffixes[i])] = '\0';
          if (is_abandoned (owner))
            {
              g_debug ("Removing %s, left by a run that was stopped", path);
              g_unlink (path);
            }
        }
      else if (now - (gint64) info.st_mtime > GOUTPUTSTREAM_STALE_SECONDS)
        {
          g_debug ("Removing %s, left by a write that was stopped", path);
          g_unlink (path);
        }
    }
}

static GwSafeFile *
safe_file_open (const char  *directory,
                const char  *purpose,
                const char  *display_path,
                GError     **error)
{
  g_autoptr(GwSafeFile) self = g_new0 (GwSafeFile, 1);
  g_autofree char *template = g_strconcat (GW_SAFE_FILE_PREFIX, purpose, "-XXXXXX", NULL);

  self->fd = -1;
  self->mode = 0600;
  gw_safe_file_clean_folder (directory);

  self->temporary_path = g_build_filename (directory, template, NULL);
  self->fd = g_mkstemp_full (self->temporary_path, O_RDWR | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&self->temporary_path, g_free);
      set_errno_error (error, saved_errno, display_path);
      return NULL;
    }
  /* Held until the file is renamed or removed; see gw_safe_file_clean_folder(). */
  if (flock (self->fd, LOCK_EX | LOCK_NB) != 0)
    g_debug ("Cannot lock %s: %s", self->temporary_path, g_strerror (errno));
  self->stream = g_unix_output_stream_new (self->fd, FALSE);
  return g_steal_pointer (&self);
}

/**
 * gw_safe_file_new:
 * @path: the file to write
 * @purpose: a word for the temporary file's name ("export", "backup")
 * @mode: the permissions the file gets once whole
 *
 * Starts writing @path: the data goes to a temporary file in the same
 * folder (created 0600), which gw_safe_file_commit() moves into place.
 * Freed without a commit, the temporary file is removed and @path is as it
 * was. A protected file (the store itself) is refused.
 */
GwSafeFile *
gw_safe_file_new (const char  *path,
                  const char  *purpose,
                  int          mode,
                  GError     **error)
{
  g_autofree char *directory = NULL;
  GwSafeFile *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (purpose != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!gw_safe_file_check_target (path, error))
    return NULL;
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_errno_error (error, EISDIR, path);
      return NULL;
    }

  directory = g_path_get_dirname (path);
  self = safe_file_open (directory, purpose, path, error);
  if (self == NULL)
    return NULL;
  self->path = g_strdup (path);
  self->mode = mode;
  return self;
}

/**
 * gw_safe_file_new_scratch:
 * @directory: where to make it
 *
 * A private temporary file that is never given a name of its own, such as
 * a copy being checked. It goes (with any journal beside it) when freed.
 */
GwSafeFile *
gw_safe_file_new_scratch (const char  *directory,
                          const char  *purpose,
                          GError     **error)
{
  g_return_val_if_fail (directory != NULL, NULL);
  g_return_val_if_fail (purpose != NULL, NULL);

  return safe_file_open (directory, purpose, directory, error);
}

const char *
gw_safe_file_get_path (GwSafeFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

/* For writers that open the file by name themselves (SQLite, printing):
 * the lock stays with this object meanwhile. */
const char *
gw_safe_file_get_temporary_path (GwSafeFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->temporary_path;
}

GOutputStream *
gw_safe_file_get_stream (GwSafeFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->stream;
}

/**
 * gw_safe_file_commit:
 *
 * Syncs what was written to the disk and moves it into place, replacing
 * any file of that name. On failure the temporary file is removed and the
 * old file, if any, is untouched.
 */
gboolean
gw_safe_file_commit (GwSafeFile  *self,
                     GError     **error)
{
  g_autofree char *directory = NULL;
  int saved_errno = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->path != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  if (!g_output_stream_flush (self->stream, NULL, error))
    return FALSE;
  /* Looked at again: the name may have become the store's meanwhile. */
  if (!gw_safe_file_check_target (self->path, error))
    return FALSE;
  if (self->mode != 0600 && fchmod (self->fd, self->mode) != 0)
    saved_errno = errno;
  /* On disk before it takes the name: after a crash there is the old file
   * or the new one. A full disk can show only here. */
  if (saved_errno == 0 && fsync (self->fd) != 0)
    saved_errno = errno;
  if (saved_errno == 0 && g_rename (self->temporary_path, self->path) != 0)
    saved_errno = errno;
  if (saved_errno != 0)
    return set_errno_error (error, saved_errno, self->path);

  self->committed = TRUE;
  directory = g_path_get_dirname (self->path);
  sync_directory (directory);
  return TRUE;
}

void
gw_safe_file_free (GwSafeFile *self)
{
  if (self == NULL)
    return;
  /* Removed before the lock goes, so nobody takes it for a leftover. */
  if (!self->committed && self->temporary_path != NULL)
    remove_with_siblings (self->temporary_path);
  g_clear_object (&self->stream);
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->temporary_path);
  g_free (self->path);
  g_free (self);
}

/* 0, or the errno of the write that failed. */
static int
write_all (int           fd,
           const guint8 *data,
           gsize         length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return errno;
      data += n;
      length -= n;
    }
  return 0;
}

/**
 * gw_safe_file_write:
 *
 * Writes @data to @path whole, or not at all.
 */
gboolean
gw_safe_file_write (const char  *path,
                    const void  *data,
                    gsize        length,
                    int          mode,
                    GError     **error)
{
  g_autoptr(GwSafeFile) file = gw_safe_file_new (path, "write", mode, error);
  int saved_errno;

  if (file == NULL)
    return FALSE;
  saved_errno = write_all (file->fd, data, length);
  if (saved_errno != 0)
    return set_errno_error (error, saved_errno, path);
  return gw_safe_file_commit (file, error);
}

/**
 * gw_safe_file_protect:
 * @path: a file no output may replace, such as the open store
 *
 * Counted: each call needs a gw_safe_file_unprotect().
 */
void
gw_safe_file_protect (const char *path)
{
  g_autofree char *resolved = NULL;
  gpointer count;

  g_return_if_fail (path != NULL);

  resolved = resolve_path (path);
  g_mutex_lock (&protected_mutex);
  if (protected_paths == NULL)
    protected_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  count = g_hash_table_lookup (protected_paths, resolved);
  g_hash_table_insert (protected_paths, g_steal_pointer (&resolved),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
  g_mutex_unlock (&protected_mutex);
}

void
gw_safe_file_unprotect (const char *path)
{
  g_autofree char *resolved = NULL;
  guint count;

  g_return_if_fail (path != NULL);

  resolved = resolve_path (path);
  g_mutex_lock (&protected_mutex);
  count = protected_paths != NULL
    ? GPOINTER_TO_UINT (g_hash_table_lookup (protected_paths, resolved)) : 0;
  if (count > 1)
    g_hash_table_insert (protected_paths, g_steal_pointer (&resolved),
                         GUINT_TO_POINTER (count - 1));
  else if (count == 1)
    g_hash_table_remove (protected_paths, resolved);
  g_mutex_unlock (&protected_mutex);
}

/**
 * gw_safe_file_check_target:
 * @path: where an output is about to go
 *
 * Refuses a protected file, by its name or, through any other name (a
 * link), by its identity on the disk.
 */
gboolean
gw_safe_file_check_target (const char  *path,
                           GError     **error)
{
  g_autofree char *resolved = NULL;
  GHashTableIter iter;
  gpointer key;
  GStatBuf target;
  gboolean exists;
  gboolean refused = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);

  resolved = resolve_path (path);
  exists = g_stat (path, &target) == 0;

  g_mutex_lock (&protected_mutex);
  if (protected_paths != NULL)
    {
      g_hash_table_iter_init (&iter, protected_paths);
      while (!refused && g_hash_table_iter_next (&iter, &key, NULL))
        {
          GStatBuf info;

          refused = g_str_equal (key, resolved)
                    || (exists && g_stat (key, &info) == 0 && info.st_dev == target.st_dev
                        && info.st_ino == target.st_ino);
        }
    }
  g_mutex_unlock (&protected_mutex);

  if (refused)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   /* TRANSLATORS: %s is a file name */
                   _("“%s” holds Goodwill’s own data, so nothing was written over it. "
                     "Choose another file."),
                   name);
      return FALSE;
    }
  return TRUE;
}
