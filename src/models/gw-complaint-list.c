/* gw-complaint-list.c: a lazy list of complaints
 *
 * Only the ids of the matching complaints are loaded, on a worker thread;
 * rows are read a page at a time when a view asks for them, so a list of a
 * million complaints costs what one of a hundred does, plus 8 bytes a row.
 *
 * The first places of the list keep their items when the list changes (a
 * search, a filter, a new sort) and only the complaint in them changes:
 * GTK 4.8 keeps a row widget for as long as its item, and making rows
 * again costs ten times what filling them does.
 */

#define G_LOG_DOMAIN "gw-models"

#include "config.h"

#include "gw-complaint-list.h"

/* Rows read at once; a screenful or two. */
#define PAGE_SIZE 64
/* Items kept once made; past this the cache starts again. */
#define CACHE_LIMIT 2048
/* Edits often come in bursts (a form saving, an import): reload once. */
#define RELOAD_DELAY_MS 80
/* Listed first, at once, so a screenful shows before the rest is counted,
 * unless the view says how many fill it. Small on purpose: GTK 4.8 list
 * views make a row widget for up to 200 items, and every row made before
 * the first frame delays it; 16 fill a maximized window on a 1080p screen. */
#define FIRST_PAGE 16
/* Places whose items stay put: as many rows as GTK 4.8 makes at most. */
#define STEADY_PLACES 200

struct _GwComplaintList {
  GObject            parent_instance;

  GwStore           *store;
  GwComplaintFilter *filter;
  GwComplaintSort    sort;
  guint              first_page;

  GArray            *ids;
  GHashTable        *items;        /* id → GwComplaintItem, past the steady places */
  GPtrArray         *steady;       /* GwComplaintItem or NULL per place < STEADY_PLACES */
  GCancellable      *loading;
  guint              reload_source;
  GArray            *rest;          /* the whole list, to append after a frame */
  guint              append_source;
  guint              rest_source;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GwComplaintList, gw_complaint_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_REFILLED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static GType
gw_complaint_list_get_item_type (GListModel *model)
{
  return GW_TYPE_COMPLAINT_ITEM;
}

static guint
gw_complaint_list_get_n_items (GListModel *model)
{
  GwComplaintList *self = GW_COMPLAINT_LIST (model);

  return self->ids->len;
}

/* Reads the page around @position; at most PAGE_SIZE rows, by primary key,
 * so the main loop's wait does not grow with the store. */
static void
load_page (GwComplaintList *self,
           guint            position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) complaints = NULL;
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint start = position - position % PAGE_SIZE;
  guint end = MIN (start + PAGE_SIZE, self->ids->len);

  for (guint i = start; i < end; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);

      if (!g_hash_table_contains (self->items, &g_array_index (self->ids, gint64, i)))
        g_array_append_val (wanted, id);
    }
  if (wanted->len == 0)
    return;

  if (g_hash_table_size (self->items) + wanted->len > CACHE_LIMIT)
    g_hash_table_remove_all (self->items);

  /* GArray's data is allocated for its element type, so aligned for it. */
  complaints = gw_store_get_complaints (self->store, (gint64 *) (void *) wanted->data,
                                        wanted->len, &error);
  if (complaints == NULL)
    {
      g_debug ("Cannot read complaints: %s", error->message);
      return;
    }
  /* The items take the records over. */
  g_ptr_array_set_free_func (complaints, NULL);
  for (guint i = 0; i < complaints->len; i++)
    {
      GwComplaint *complaint = g_ptr_array_index (complaints, i);
      GwComplaintItem *item = gw_complaint_item_new (complaint);
      gint64 *key = g_new (gint64, 1);

      *key = complaint->id;
      g_hash_table_insert (self->items, key, item);
    }
}

/* The complaint at @position, as a copy the caller owns; a blank one with
 * its id when it was deleted since the list was made (the reload that is
 * already on its way takes it out). */
static GwComplaint *
dup_complaint_at (GwComplaintList *self,
                  guint            position)
{
  gint64 id = g_array_index (self->ids, gint64, position);
  GwComplaintItem *item = g_hash_table_lookup (self->items, &id);
  GwComplaint *blank;

  if (item == NULL)
    {
      load_page (self, position);
      item = g_hash_table_lookup (self->items, &id);
    }
  if (item != NULL)
    return gw_complaint_copy (gw_complaint_item_get_complaint (item));
  blank = gw_complaint_new ();
  blank->id = id;
  return blank;
}

static gpointer
gw_complaint_list_get_item (GListModel *model,
                            guint       position)
{
  GwComplaintList *self = GW_COMPLAINT_LIST (model);
  GwComplaintItem *item;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  if (position < STEADY_PLACES)
    {
      if (position >= self->steady->len)
        g_ptr_array_set_size (self->steady, position + 1);
      item = g_ptr_array_index (self->steady, position);
      if (item == NULL)
        {
          item = gw_complaint_item_new (dup_complaint_at (self, position));
          g_ptr_array_index (self->steady, position) = item;
        }
      return g_object_ref (item);
    }

  id = g_array_index (self->ids, gint64, position);
  item = g_hash_table_lookup (self->items, &id);
  if (item == NULL)
    {
      load_page (self, position);
      item = g_hash_table_lookup (self->items, &id);
    }
  if (item == NULL)
    return gw_complaint_item_new (dup_complaint_at (self, position));
  return g_object_ref (item);
}

static void
gw_object_unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gw_complaint_list_get_item_type;
  iface->get_n_items = gw_complaint_list_get_n_items;
  iface->get_item = gw_complaint_list_get_item;
}

typedef struct {
  GwStore           *store;
  GwComplaintFilter *filter;
  GwComplaintSort    sort;
  guint              limit;   /* 0: all */
} LoadRequest;

static void
load_request_free (LoadRequest *request)
{
  g_object_unref (request->store);
  gw_complaint_filter_free (request->filter);
  g_free (request);
}

static void
load_ids_in_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  GError *error = NULL;
  GArray *ids = gw_store_list_complaint_ids_limited (request->store, request->filter,
                                                     request->sort, request->limit, cancellable,
                                                     &error);

  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

/* Whether the first @n ids of @a and @b agree (an empty array's data may
 * be NULL, which memcmp must not see). */
static gboolean
same_prefix (GArray *a,
             GArray *b,
             guint   n)
{
  return n == 0 || memcmp (a->data, b->data, n * sizeof (gint64)) == 0;
}

static gboolean
same_ids (GArray *a,
          GArray *b)
{
  return a->len == b->len && same_prefix (a, b, a->len);
}

static void start_loading (GwComplaintList *self,
                           guint            limit);

/* A list of other complaints: the steady places show their new complaint
 * in the item they have, and only the places past them, or past the end
 * of the shorter list, are announced as changed. */
static void
replace_ids (GwComplaintList *self,
             GArray          *ids)
{
  guint old_n_items = self->ids->len;
  guint common = MIN (old_n_items, ids->len);
  guint from = MIN (common, STEADY_PLACES);

  /* Removed, then added, as two changes: GTK 4.8 looks up every added item
   * of a change that also removes some, which would read every page. In
   * between, the list holds only the steady places. */
  g_array_unref (self->ids);
  self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), from);
  g_array_append_vals (self->ids, ids->data, from);
  if (self->steady->len > from)
    g_ptr_array_set_size (self->steady, from);
  for (guint i = 0; i < self->steady->len; i++)
    {
      GwComplaintItem *item = g_ptr_array_index (self->steady, i);

      if (item != NULL)
        gw_complaint_item_set_complaint (item, dup_complaint_at (self, i));
    }
  if (old_n_items > from)
    g_list_model_items_changed (G_LIST_MODEL (self), from, old_n_items - from, 0);

  g_array_unref (self->ids);
  self->ids = ids;
  if (self->ids->len > from)
    g_list_model_items_changed (G_LIST_MODEL (self), from, 0, self->ids->len - from);
  if (old_n_items != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_signal_emit (self, signals[SIGNAL_REFILLED], 0);
}

/* The rest of a list whose first page is showing: appended, so nothing on
 * screen moves. */
static void
append_ids (GwComplaintList *self,
            GArray          *ids)
{
  guint old_n_items = self->ids->len;

  g_array_unref (self->ids);
  self->ids = ids;
  g_list_model_items_changed (G_LIST_MODEL (self), old_n_items, 0,
                              self->ids->len - old_n_items);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static gboolean
append_rest_cb (gpointer user_data)
{
  GwComplaintList *self = user_data;

  self->append_source = 0;
  append_ids (self, g_steal_pointer (&self->rest));
  g_clear_object (&self->loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  return G_SOURCE_REMOVE;
}

static gboolean
load_rest_cb (gpointer user_data)
{
  GwComplaintList *self = user_data;

  self->rest_source = 0;
  start_loading (self, 0);
  return G_SOURCE_REMOVE;
}

static void
on_ids_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GwComplaintList *self = GW_COMPLAINT_LIST (source);
  LoadRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_task_propagate_pointer (G_TASK (result), &error);
  guint old_n_items = self->ids->len;
  gboolean complete;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (ids == NULL)
    {
      /* Damage is reported by the window's integrity check; log the rest. */
      g_debug ("Cannot list complaints: %s", error->message);
      g_clear_object (&self->loading);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      return;
    }

  complete = request->limit == 0 || ids->len < request->limit;

  if (same_ids (ids, self->ids))
    ;
  else if (ids->len > old_n_items && same_prefix (ids, self->ids, old_n_items)
           && old_n_items > 0 && complete)
    {
      /* The rest of a list whose first page is showing: appended once the
       * next frame is drawn, at low priority, so the first page shows
       * without waiting for the rows GTK makes past it. */
      g_clear_pointer (&self->rest, g_array_unref);
      self->rest = g_steal_pointer (&ids);
      if (self->append_source == 0)
        self->append_source = g_idle_add_full (G_PRIORITY_LOW, append_rest_cb, self, NULL);
      return;
    }
  else if (ids->len > old_n_items && same_prefix (ids, self->ids, old_n_items))
    append_ids (self, g_steal_pointer (&ids));
  else if (!complete && ids->len <= old_n_items && same_prefix (ids, self->ids, ids->len))
    ;   /* The first page of what is already shown: wait for the rest. */
  else
    replace_ids (self, g_steal_pointer (&ids));

  /* The rest is read once the first page is drawn: on two cores, reading
   * a million ids beside the first frame slows the frame. */
  if (!complete)
    {
      if (self->rest_source == 0)
        self->rest_source = g_idle_add_full (G_PRIORITY_LOW, load_rest_cb, self, NULL);
      return;
    }
  g_clear_object (&self->loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
start_loading (GwComplaintList *self,
               guint            limit)
{
  g_autoptr(GTask) task = NULL;
  LoadRequest *request = g_new0 (LoadRequest, 1);

  request->store = g_object_ref (self->store);
  request->filter = gw_complaint_filter_copy (self->filter);
  request->sort = self->sort;
  request->limit = limit;

  task = g_task_new (self, self->loading, on_ids_loaded_cb, NULL);
  g_task_set_task_data (task, request, (GDestroyNotify) load_request_free);
  g_task_set_check_cancellable (task, TRUE);
  g_task_run_in_thread (task, load_ids_in_thread);
}

/* Lists the ids again, off the main loop: the first screenful at once, then
 * the rest. A newer reload cancels an older. */
void
gw_complaint_list_reload (GwComplaintList *self)
{
  g_return_if_fail (GW_IS_COMPLAINT_LIST (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->append_source, g_source_remove);
  g_clear_handle_id (&self->rest_source, g_source_remove);
  g_clear_pointer (&self->rest, g_array_unref);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();

  /* The first page, then (if there is more) the whole list; a search is
   * capped anyway, so it comes whole in one go. A list on screen gets as
   * many at first as keep their rows, so none are made again while the
   * rest comes. */
  start_loading (self, self->filter->search != NULL && *self->filter->search != '\0'
                       ? 0 : CLAMP (self->ids->len, self->first_page, STEADY_PLACES));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static gboolean
reload_later_cb (gpointer user_data)
{
  GwComplaintList *self = user_data;

  self->reload_source = 0;
  gw_complaint_list_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (GwStore         *store,
                     const char      *table,
                     gint64           id,
                     GwComplaintList *self)
{
  GwComplaintItem *item = id != 0 ? g_hash_table_lookup (self->items, &id) : NULL;

  for (guint i = 0; id != 0 && i < self->steady->len; i++)
    {
      GwComplaintItem *place = g_ptr_array_index (self->steady, i);

      if (place != NULL && gw_complaint_item_get_id (place) == id)
        {
          GwComplaint *fresh = gw_store_get_complaint (store, id, NULL);

          if (fresh != NULL)
            gw_complaint_item_replace (place, fresh);
        }
    }

  if (id == 0)
    {
      /* Many changed at once (an import, a restore, a renamed customer):
       * every row on screen reads its complaint again. */
      g_hash_table_remove_all (self->items);
      for (guint i = 0; i < self->steady->len; i++)
        {
          GwComplaintItem *place = g_ptr_array_index (self->steady, i);

          if (place != NULL && i < self->ids->len)
            gw_complaint_item_set_complaint (place, dup_complaint_at (self, i));
        }
    }
  else if (item != NULL)
    {
      g_autoptr(GError) error = NULL;
      GwComplaint *fresh = gw_store_get_complaint (store, id, &error);

      /* Rows on screen show the edit at once; the reload then settles
       * whether the complaint still belongs in the list. */
      if (fresh != NULL)
        gw_complaint_item_replace (item, fresh);
      else
        g_hash_table_remove (self->items, &id);
    }

  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_later_cb, self);
}

static void
gw_complaint_list_dispose (GObject *object)
{
  GwComplaintList *self = GW_COMPLAINT_LIST (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->append_source, g_source_remove);
  g_clear_handle_id (&self->rest_source, g_source_remove);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gw_complaint_list_parent_class)->dispose (object);
}

static void
gw_complaint_list_finalize (GObject *object)
{
  GwComplaintList *self = GW_COMPLAINT_LIST (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->rest, g_array_unref);
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_pointer (&self->steady, g_ptr_array_unref);
  g_clear_pointer (&self->filter, gw_complaint_filter_free);

  G_OBJECT_CLASS (gw_complaint_list_parent_class)->finalize (object);
}

static void
gw_complaint_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GwComplaintList *self = GW_COMPLAINT_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading != NULL);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gw_complaint_list_class_init (GwComplaintListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gw_complaint_list_dispose;
  object_class->finalize = gw_complaint_list_finalize;
  object_class->get_property = gw_complaint_list_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GwComplaintList::refilled:
   *
   * The list now holds other complaints, though the first places may not
   * have been announced with ::items-changed: they kept their items.
   */
  signals[SIGNAL_REFILLED] = g_signal_new ("refilled", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
}

static void
gw_complaint_list_init (GwComplaintList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->steady = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_object_unref_if_set);
  self->filter = gw_complaint_filter_new ();
}

/* An empty list that fills itself (see ::items-changed) from @store. */
GwComplaintList *
gw_complaint_list_new (GwStore *store)
{
  g_autoptr(GwComplaintFilter) everything = gw_complaint_filter_new ();

  return gw_complaint_list_new_filtered (store, everything, GW_SORT_NEWEST_FIRST, 0);
}

/* A list that starts out filtered and sorted, so it is read once, whose
 * first @first_page ids (0: a maximized window's worth) are listed before
 * the rest. */
GwComplaintList *
gw_complaint_list_new_filtered (GwStore                 *store,
                                const GwComplaintFilter *filter,
                                GwComplaintSort          sort,
                                guint                    first_page)
{
  GwComplaintList *self;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  self = g_object_new (GW_TYPE_COMPLAINT_LIST, NULL);
  gw_complaint_filter_free (self->filter);
  self->filter = gw_complaint_filter_copy (filter);
  self->sort = sort;
  self->first_page = first_page > 0 ? MIN (first_page, STEADY_PLACES) : FIRST_PAGE;
  self->store = g_object_ref (store);
  g_signal_connect (store, "changed::complaints", G_CALLBACK (on_store_changed_cb), self);
  gw_complaint_list_reload (self);
  return self;
}

void
gw_complaint_list_set_filter (GwComplaintList         *self,
                              const GwComplaintFilter *filter)
{
  g_return_if_fail (GW_IS_COMPLAINT_LIST (self));
  g_return_if_fail (filter != NULL);

  if (gw_complaint_filter_equal (filter, self->filter))
    return;
  gw_complaint_filter_free (self->filter);
  self->filter = gw_complaint_filter_copy (filter);
  gw_complaint_list_reload (self);
}

const GwComplaintFilter *
gw_complaint_list_get_filter (GwComplaintList *self)
{
  g_return_val_if_fail (GW_IS_COMPLAINT_LIST (self), NULL);
  return self->filter;
}

void
gw_complaint_list_set_sort (GwComplaintList *self,
                            GwComplaintSort  sort)
{
  g_return_if_fail (GW_IS_COMPLAINT_LIST (self));

  if (sort == self->sort)
    return;
  self->sort = sort;
  gw_complaint_list_reload (self);
}

GwComplaintSort
gw_complaint_list_get_sort (GwComplaintList *self)
{
  g_return_val_if_fail (GW_IS_COMPLAINT_LIST (self), GW_SORT_NEWEST_FIRST);
  return self->sort;
}

gboolean
gw_complaint_list_get_loading (GwComplaintList *self)
{
  g_return_val_if_fail (GW_IS_COMPLAINT_LIST (self), FALSE);
  return self->loading != NULL;
}

/* The position of complaint @id, or G_MAXUINT when the list lacks it. */
guint
gw_complaint_list_find (GwComplaintList *self,
                        gint64           id)
{
  g_return_val_if_fail (GW_IS_COMPLAINT_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}
