/* gw-reference-cache.h: the ids a batch of new complaints has already
 * resolved by name, so that the next row naming the same customer, category
 * or staff member needs no query */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _GwReferenceCache GwReferenceCache;

GwReferenceCache *gw_reference_cache_new            (void);
void              gw_reference_cache_free           (GwReferenceCache *cache);
void              gw_reference_cache_clear          (GwReferenceCache *cache);
gint64            gw_reference_cache_lookup_named   (GwReferenceCache *cache,
                                                     const char       *table,
                                                     const char       *name);
void              gw_reference_cache_add_named      (GwReferenceCache *cache,
                                                     const char       *table,
                                                     const char       *name,
                                                     gint64            id);
gint64            gw_reference_cache_lookup_customer (GwReferenceCache *cache,
                                                      const char       *name,
                                                      const char       *phone,
                                                      const char       *email,
                                                      const char       *address);
void              gw_reference_cache_add_customer   (GwReferenceCache *cache,
                                                     const char       *name,
                                                     const char       *phone,
                                                     const char       *email,
                                                     const char       *address,
                                                     gint64            id);
void              gw_reference_cache_forget_customers_like (GwReferenceCache *cache,
                                                            const char       *name,
                                                            const char       *phone,
                                                            const char       *email);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwReferenceCache, gw_reference_cache_free)

G_END_DECLS
