/* gw-reference-cache.c: ids already resolved by name within one batch
 *
 * Keys fold ASCII letters only, so "Åke" and "åke" are two keys; the store
 * finds both to the same staff member (it folds every letter), and each is
 * then remembered with that one id. A customer is remembered by all four of
 * the details a row gives (matching uses three of them, and a match fills
 * in what the record lacks). What a customer row is matched to can only
 * change when a customer gains or is given one of the same e-mail, phone
 * or name, so each such change forgets exactly the rows that share one
 * with it; any other change to these tables forgets everything (the store
 * calls gw_reference_cache_clear()).
 */

#include "config.h"

#include <string.h>

#include "gw-reference-cache.h"

struct _GwReferenceCache {
  GHashTable *categories;   /* folded name → id */
  GHashTable *staff;        /* folded name → id */
  GHashTable *customers;    /* the row's four details → id */
  GHashTable *sharing;      /* "e" e-mail, "p" phone or "n" name → GPtrArray of
                             * the customers' keys that hold it */
};

GwReferenceCache *
gw_reference_cache_new (void)
{
  GwReferenceCache *cache = g_new0 (GwReferenceCache, 1);

  cache->categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cache->staff = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cache->customers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cache->sharing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  return cache;
}

void
gw_reference_cache_free (GwReferenceCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->categories);
  g_hash_table_unref (cache->staff);
  g_hash_table_unref (cache->customers);
  g_hash_table_unref (cache->sharing);
  g_free (cache);
}

void
gw_reference_cache_clear (GwReferenceCache *cache)
{
  g_hash_table_remove_all (cache->categories);
  g_hash_table_remove_all (cache->staff);
  g_hash_table_remove_all (cache->customers);
  g_hash_table_remove_all (cache->sharing);
}

static GHashTable *
names_of (GwReferenceCache *cache,
          const char       *table)
{
  if (g_str_equal (table, "categories"))
    return cache->categories;
  g_return_val_if_fail (g_str_equal (table, "staff"), NULL);
  return cache->staff;
}

/* @table: "categories" or "staff". Returns: the id, or 0 if not known. */
gint64
gw_reference_cache_lookup_named (GwReferenceCache *cache,
                                 const char       *table,
                                 const char       *name)
{
  g_autofree char *folded = g_ascii_strdown (name, -1);

  return (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (names_of (cache, table), folded));
}

void
gw_reference_cache_add_named (GwReferenceCache *cache,
                              const char       *table,
                              const char       *name,
                              gint64            id)
{
  g_hash_table_insert (names_of (cache, table), g_ascii_strdown (name, -1),
                       GSIZE_TO_POINTER ((gsize) id));
}

/* Each detail with its length before it, so that no text can make two
 * rows' keys alike. Made for every row of an import, so without printf. */
static char *
customer_key (const char *name,
              const char *phone,
              const char *email,
              const char *address)
{
  const char *details[] = { name, phone, email, address };
  GString *key = g_string_sized_new (64);

  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    {
      gsize length = strlen (details[i]);
      char digits[24];
      guint start = sizeof digits;

      digits[--start] = ':';
      for (gsize n = length; n > 0 || start == sizeof digits - 1; n /= 10)
        digits[--start] = (char) ('0' + n % 10);
      g_string_append_len (key, digits + start, sizeof digits - start);
      g_string_append_len (key, details[i], length);
    }
  return g_string_free (key, FALSE);
}

static char *
shared_key (char        kind,
            const char *value)
{
  g_autofree char *folded = kind == 'p' ? g_strdup (value) : g_ascii_strdown (value, -1);

  return g_strdup_printf ("%c%s", kind, folded);
}

gint64
gw_reference_cache_lookup_customer (GwReferenceCache *cache,
                                    const char       *name,
                                    const char       *phone,
                                    const char       *email,
                                    const char       *address)
{
  g_autofree char *key = customer_key (name, phone, email, address);

  return (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (cache->customers, key));
}

static void
note_sharing (GwReferenceCache *cache,
              char              kind,
              const char       *value,
              const char       *key)
{
  g_autofree char *shared = NULL;
  GPtrArray *keys;

  if (*value == '\0')
    return;
  shared = shared_key (kind, value);
  keys = g_hash_table_lookup (cache->sharing, shared);
  if (keys == NULL)
    {
      keys = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (cache->sharing, g_steal_pointer (&shared), keys);
    }
  g_ptr_array_add (keys, g_strdup (key));
}

void
gw_reference_cache_add_customer (GwReferenceCache *cache,
                                 const char       *name,
                                 const char       *phone,
                                 const char       *email,
                                 const char       *address,
                                 gint64            id)
{
  char *key = customer_key (name, phone, email, address);

  note_sharing (cache, 'e', email, key);
  note_sharing (cache, 'p', phone, key);
  note_sharing (cache, 'n', name, key);
  g_hash_table_insert (cache->customers, key, GSIZE_TO_POINTER ((gsize) id));
}

static void
forget_sharing (GwReferenceCache *cache,
                char              kind,
                const char       *value)
{
  g_autofree char *shared = NULL;
  GPtrArray *keys;

  if (*value == '\0')
    return;
  shared = shared_key (kind, value);
  keys = g_hash_table_lookup (cache->sharing, shared);
  if (keys == NULL)
    return;
  for (guint i = 0; i < keys->len; i++)
    g_hash_table_remove (cache->customers, g_ptr_array_index (keys, i));
  g_hash_table_remove (cache->sharing, shared);
}

/* A customer now has (among others) these details: every remembered row
 * that gives one of them may be matched to it now. */
void
gw_reference_cache_forget_customers_like (GwReferenceCache *cache,
                                          const char       *name,
                                          const char       *phone,
                                          const char       *email)
{
  forget_sharing (cache, 'e', email);
  forget_sharing (cache, 'p', phone);
  forget_sharing (cache, 'n', name);
}
