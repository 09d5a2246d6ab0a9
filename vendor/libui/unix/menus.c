/* Menu bars on GTK 3: one GtkMenuBar per window, built from the shared model. */
#include "uipriv_unix.h"
#include "osapi.h"

/* Names the model item on each GtkMenuItem (by id, so a stale widget finds nothing). */
static const char itemKey[] = "uiprivMenuItemId";

/* Every menu bar of a live window, so state changes reach them all. */
static GPtrArray *bars;
/* Set while native check marks are being brought in line, which GTK reports as activations. */
static int syncing;

static void onActivate(GtkMenuItem *mi, gpointer data)
{
	uiMenuItem *item = uiprivMenuItemById(GPOINTER_TO_UINT(g_object_get_data(G_OBJECT(mi), itemKey)));

	if (syncing || item == NULL)
		return;
	uiprivMenuItemClicked(item, (uiWindow *) data);
	/* A check item refused (disabled) or toggled elsewhere: show the model's state. */
	uiprivOSMenuItemSync(item);
}

static GtkWidget *newItem(uiMenuItem *item, uiWindow *w)
{
	GtkWidget *mi;

	if (item->type == uiprivMenuItemSeparator)
		return gtk_separator_menu_item_new();
	if (item->type == uiprivMenuItemCheck) {
		mi = gtk_check_menu_item_new_with_label(item->name);
		gtk_check_menu_item_set_active(GTK_CHECK_MENU_ITEM(mi), item->checked);
	} else
		mi = gtk_menu_item_new_with_label(item->name);
	gtk_widget_set_sensitive(mi, item->enabled);
	g_object_set_data(G_OBJECT(mi), itemKey, GUINT_TO_POINTER(item->id));
	g_signal_connect(mi, "activate", G_CALLBACK(onActivate), w);
	return mi;
}

GtkWidget *uiprivMakeMenubar(uiWindow *w)
{
	uiMenu *const *menus;
	size_t n, i, j;
	GtkWidget *bar;

	menus = uiprivMenus(&n);
	if (n == 0)
		return NULL;
	bar = gtk_menu_bar_new();
	for (i = 0; i < n; i++) {
		GtkWidget *header = gtk_menu_item_new_with_label(menus[i]->name);
		GtkWidget *menu = gtk_menu_new();

		for (j = 0; j < menus[i]->count; j++)
			gtk_menu_shell_append(GTK_MENU_SHELL(menu), newItem(menus[i]->items[j], w));
		gtk_menu_item_set_submenu(GTK_MENU_ITEM(header), menu);
		gtk_menu_shell_append(GTK_MENU_SHELL(bar), header);
	}
	gtk_widget_show_all(bar);
	if (bars == NULL)
		bars = g_ptr_array_new();
	g_ptr_array_add(bars, bar);
	return bar;
}

void uiprivForgetMenubar(GtkWidget *bar)
{
	if (bars != NULL)
		g_ptr_array_remove_fast(bars, bar);
}

static void syncWidget(GtkWidget *mi, const uiMenuItem *item)
{
	if (GPOINTER_TO_UINT(g_object_get_data(G_OBJECT(mi), itemKey)) != item->id)
		return;
	gtk_widget_set_sensitive(mi, item->enabled);
	if (GTK_IS_CHECK_MENU_ITEM(mi))
		gtk_check_menu_item_set_active(GTK_CHECK_MENU_ITEM(mi), item->checked);
}

void uiprivOSMenuItemSync(uiMenuItem *item)
{
	guint i;

	if (bars == NULL)
		return;
	syncing = 1;
	for (i = 0; i < bars->len; i++) {
		GList *headers = gtk_container_get_children(GTK_CONTAINER(g_ptr_array_index(bars, i)));
		GList *h, *l;

		for (h = headers; h != NULL; h = h->next) {
			GtkWidget *menu = gtk_menu_item_get_submenu(GTK_MENU_ITEM(h->data));
			GList *children = gtk_container_get_children(GTK_CONTAINER(menu));

			for (l = children; l != NULL; l = l->next)
				syncWidget(GTK_WIDGET(l->data), item);
			g_list_free(children);
		}
		g_list_free(headers);
	}
	syncing = 0;
}
