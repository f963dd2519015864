/* gw-categories-dialog.c: the owner's list of categories
 *
 * Nothing here deletes history: a category is archived (hidden from new
 * complaints) or merged into another (its complaints move there).
 */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-categories-dialog.h"

struct _GwCategoriesDialog {
  AdwWindow    parent_instance;

  GwStore     *store;
  GPtrArray   *categories;

  /* Template widgets */
  GtkLabel    *error_label;
  AdwEntryRow *new_row;
  GtkListBox  *category_list;
};

G_DEFINE_FINAL_TYPE (GwCategoriesDialog, gw_categories_dialog, ADW_TYPE_WINDOW)

static void
report (GwCategoriesDialog *self,
        const GError       *error)
{
  gtk_label_set_label (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static GwCategory *
category_of (GwCategoriesDialog *self,
             GtkWidget          *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));

  return index < self->categories->len ? g_ptr_array_index (self->categories, index) : NULL;
}

static void
on_rename_apply_cb (AdwEntryRow        *row,
                    GwCategoriesDialog *self)
{
  g_autoptr(GError) error = NULL;
  GwCategory *category = category_of (self, GTK_WIDGET (row));

  if (category != NULL
      && !gw_store_rename_category (self->store, category->id,
                                    gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      /* The typed name stays in the row to be corrected. */
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      report (self, error);
      return;
    }
  report (self, NULL);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GwCategoriesDialog *self = GW_CATEGORIES_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;
  gboolean archived;

  g_variant_get (parameter, "(xb)", &id, &archived);
  gw_store_set_category_archived (self->store, id, archived, &error);
  report (self, error);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GwCategoriesDialog *self = GW_CATEGORIES_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  gint64 keep, merge;

  g_variant_get (parameter, "(xx)", &keep, &merge);
  gw_store_merge_categories (self->store, keep, merge, &error);
  report (self, error);
}

static GtkWidget *
make_row (GwCategoriesDialog *self,
          guint               index)
{
  GwCategory *category = g_ptr_array_index (self->categories, index);
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *archive = gtk_button_new ();
  GtkWidget *merge = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *merge_label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 category->archived ? _("Archived") : _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (row), category->name);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index));
  g_signal_connect (row, "apply", G_CALLBACK (on_rename_apply_cb), self);

  gtk_button_set_icon_name (GTK_BUTTON (archive), category->archived
                                                  ? "edit-undo-symbolic"
                                                  : "folder-symbolic");
  gtk_widget_set_tooltip_text (archive, category->archived ? _("Bring Back") : _("Archive"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (archive), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  category->archived ? _("Bring back") : _("Archive"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (archive), "categories.archive");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (archive), "(xb)", category->id,
                                    !category->archived);
  gtk_widget_set_valign (archive, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (archive, "flat");

  for (guint i = 0; i < self->categories->len; i++)
    {
      GwCategory *other = g_ptr_array_index (self->categories, i);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (other->id == category->id)
        continue;
      /* TRANSLATORS: merge this category into the one named */
      label = g_strdup_printf (_("Merge into “%s”"), other->name);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "categories.merge", "(xx)", other->id,
                                         category->id);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (merge), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (merge), G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (merge, self->categories->len > 1);
  /* TRANSLATORS: %s is a category */
  merge_label = g_strdup_printf (_("Merge “%s” into another category"), category->name);
  gtk_widget_set_tooltip_text (merge, _("Merge"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (merge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  merge_label, -1);
  gtk_widget_set_valign (merge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (merge, "flat");

  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), archive);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), merge);
  if (category->archived)
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
fill (GwCategoriesDialog *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->category_list))) != NULL)
    gtk_list_box_remove (self->category_list, child);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  self->categories = gw_store_list_categories (self->store, &error);
  if (self->categories == NULL)
    {
      self->categories = g_ptr_array_new ();
      report (self, error);
      return;
    }
  for (guint i = 0; i < self->categories->len; i++)
    gtk_list_box_append (self->category_list, make_row (self, i));
}

static void
on_new_apply_cb (GwCategoriesDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (gw_store_add_category (self->store, gtk_editable_get_text (GTK_EDITABLE (self->new_row)),
                             &error) == 0)
    {
      report (self, error);
      return;
    }
  report (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->new_row), "");
}

static void
on_store_changed_cb (GwCategoriesDialog *self)
{
  fill (self);
}

static void
gw_categories_dialog_dispose (GObject *object)
{
  GwCategoriesDialog *self = GW_CATEGORIES_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  G_OBJECT_CLASS (gw_categories_dialog_parent_class)->dispose (object);
}

static void
gw_categories_dialog_class_init (GwCategoriesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_categories_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goodwill/Goodwill/gw-categories-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GwCategoriesDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GwCategoriesDialog, new_row);
  gtk_widget_class_bind_template_child (widget_class, GwCategoriesDialog, category_list);
  gtk_widget_class_bind_template_callback (widget_class, on_new_apply_cb);

  gtk_widget_class_install_action (widget_class, "categories.archive", "(xb)", archive_action);
  gtk_widget_class_install_action (widget_class, "categories.merge", "(xx)", merge_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gw_categories_dialog_init (GwCategoriesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GwCategoriesDialog *
gw_categories_dialog_new (GtkWindow *parent,
                          GwStore   *store)
{
  GwCategoriesDialog *self;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  self = g_object_new (GW_TYPE_CATEGORIES_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed::categories", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  fill (self);
  return self;
}
