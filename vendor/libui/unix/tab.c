/* uiTab on GTK 3: a GtkNotebook whose pages are boxes carrying the margin around the child. */
#include <stdlib.h>
#include "uipriv_unix.h"

/* GNOME's margin inside a page. */
#define pageMargin 12

typedef struct tabPage {
	uiControl *c;
	GtkWidget *box;
	int margined;
} tabPage;

struct uiTab {
	uiControl c;
	GtkWidget *widget;
	tabPage *pages;
	int n, cap;
	gulong switchHandler;
	void (*onSelected)(uiTab *t, void *data);
	void *onSelectedData;
};

/* Takes the page at index out of the notebook and the list; its child is unparented, not freed. */
static uiControl *removePage(uiTab *t, int index)
{
	tabPage p = t->pages[index];
	int i;

	gtk_container_remove(GTK_CONTAINER(p.box), uiprivWidget(p.c));
	uiprivSetParent(p.c, NULL);
	g_signal_handler_block(t->widget, t->switchHandler);
	gtk_notebook_remove_page(GTK_NOTEBOOK(t->widget), index);
	g_signal_handler_unblock(t->widget, t->switchHandler);
	t->n--;
	for (i = index; i < t->n; i++)
		t->pages[i] = t->pages[i + 1];
	return p.c;
}

static void tabFree(uiControl *c)
{
	uiTab *t = (uiTab *) c;

	while (t->n > 0) {
		uiControl *child = removePage(t, t->n - 1);
		child->vt->free(child);
	}
	free(t->pages);
	uiprivGtkFree(c);
}

static const uiprivControlVtable tabVtable = {
	"uiTab", 0, tabFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

/* Public functions reject anything but a live uiTab, naming themselves. */
#define checked(x) ((uiTab *) uiprivCheck((x), &tabVtable, __func__))

static void onSwitchPage(GtkNotebook *nb, GtkWidget *page, guint index, gpointer data)
{
	uiTab *t = (uiTab *) data;

	(void) nb;
	(void) page;
	(void) index;
	if (t->onSelected != NULL)
		t->onSelected(t, t->onSelectedData);
}

int uiTabSelected(uiTab *t)
{
	if (checked(t) == NULL)
		return -1;
	return gtk_notebook_get_current_page(GTK_NOTEBOOK(t->widget));
}

void uiTabSetSelected(uiTab *t, int index)
{
	if (checked(t) == NULL || !uiprivIndexValid(index, 0, t->n - 1, __func__))
		return;
	g_signal_handler_block(t->widget, t->switchHandler);
	gtk_notebook_set_current_page(GTK_NOTEBOOK(t->widget), index);
	g_signal_handler_unblock(t->widget, t->switchHandler);
}

void uiTabOnSelected(uiTab *t, void (*f)(uiTab *sender, void *senderData), void *data)
{
	if (checked(t) == NULL)
		return;
	t->onSelected = f;
	t->onSelectedData = data;
}

/* Append and InsertAt: checks t's arguments, naming func. */
static void insertPage(uiTab *t, const char *name, int index, uiControl *c, const char *func)
{
	tabPage *p;
	char *label;
	int i;

	if (!uiprivIndexValid(index, 0, t->n, func) || !uiprivControlCanAdopt(uiControl(t), c, func))
		return;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 4;
		t->pages = (tabPage *) uiprivRealloc(t->pages, (size_t) t->cap * sizeof (tabPage));
	}
	for (i = t->n; i > index; i--)
		t->pages[i] = t->pages[i - 1];
	t->n++;
	p = &t->pages[index];
	p->c = c;
	p->margined = 0;
	p->box = gtk_box_new(GTK_ORIENTATION_VERTICAL, 0);
	gtk_widget_show(p->box);
	uiprivSetParent(c, uiControl(t));
	gtk_box_pack_start(GTK_BOX(p->box), uiprivWidget(c), TRUE, TRUE, 0);
	label = uiprivSanitize(name);
	/* Only the user's choice is an event: inserting before the current page moves it without one. */
	g_signal_handler_block(t->widget, t->switchHandler);
	gtk_notebook_insert_page(GTK_NOTEBOOK(t->widget), p->box, gtk_label_new(label), index);
	g_signal_handler_unblock(t->widget, t->switchHandler);
	uiFreeText(label);
}

void uiTabInsertAt(uiTab *t, const char *name, int index, uiControl *c)
{
	if (checked(t) != NULL)
		insertPage(t, name, index, c, __func__);
}

void uiTabAppend(uiTab *t, const char *name, uiControl *c)
{
	if (checked(t) != NULL)
		insertPage(t, name, t->n, c, __func__);
}

void uiTabDelete(uiTab *t, int index)
{
	if (checked(t) == NULL || !uiprivIndexValid(index, 0, t->n - 1, __func__))
		return;
	removePage(t, index);
}

int uiTabNumPages(uiTab *t)
{
	if (checked(t) == NULL)
		return 0;
	return t->n;
}

int uiTabMargined(uiTab *t, int index)
{
	if (checked(t) == NULL || !uiprivIndexValid(index, 0, t->n - 1, __func__))
		return 0;
	return t->pages[index].margined;
}

void uiTabSetMargined(uiTab *t, int index, int margined)
{
	if (checked(t) == NULL || !uiprivIndexValid(index, 0, t->n - 1, __func__))
		return;
	t->pages[index].margined = margined != 0;
	gtk_container_set_border_width(GTK_CONTAINER(t->pages[index].box), margined ? pageMargin : 0);
}

uiTab *uiNewTab(void)
{
	uiTab *t;

	if (!uiprivReady(__func__))
		return NULL;
	t = (uiTab *) uiprivNewControl(sizeof (uiTab), &tabVtable, 1);
	uiprivGtkAdopt(uiControl(t), gtk_notebook_new());
	gtk_notebook_set_scrollable(GTK_NOTEBOOK(t->widget), TRUE);
	t->switchHandler = g_signal_connect_after(t->widget, "switch-page", G_CALLBACK(onSwitchPage), t);
	return t;
}
