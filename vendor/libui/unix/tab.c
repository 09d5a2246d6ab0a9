/* uiTab on GTK 3: a GtkNotebook whose pages are boxes carrying the margin around the child (the
 * public functions and the page list are in common/tab.c). */
#include <stdlib.h>
#include "uipriv_unix.h"
#include "osapi.h"

/* GNOME's margin inside a page. */
#define pageMargin 12

struct uiTab {
	uiControl c;
	GtkWidget *widget;
	gulong switchHandler;
	uiprivTabShared shared;
};

static void tabFree(uiControl *c)
{
	uiTab *t = (uiTab *) c;

	while (t->shared.n > 0) {
		uiControl *child = t->shared.pages[t->shared.n - 1].c;

		uiprivTabRemovePage(t, t->shared.n - 1);
		child->vt->free(child);
	}
	free(t->shared.pages);
	uiprivGtkFree(c);
}

const uiprivControlVtable uiprivTabVtable = {
	"uiTab", 0, tabFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

static void onSwitchPage(GtkNotebook *nb, GtkWidget *page, guint index, gpointer data)
{
	(void) nb;
	(void) page;
	(void) index;
	uiprivTabSelectedByUser((uiTab *) data);
}

/* Only the user's choice is an event: inserting before the current page moves it without one. */
static void quiet(uiTab *t, int on)
{
	if (on)
		g_signal_handler_block(t->widget, t->switchHandler);
	else
		g_signal_handler_unblock(t->widget, t->switchHandler);
}

int uiprivOSTabSelected(uiTab *t)
{
	return gtk_notebook_get_current_page(GTK_NOTEBOOK(t->widget));
}

void uiprivOSTabSetSelected(uiTab *t, int index)
{
	quiet(t, 1);
	gtk_notebook_set_current_page(GTK_NOTEBOOK(t->widget), index);
	quiet(t, 0);
}

void *uiprivOSTabNewPage(uiTab *t)
{
	GtkWidget *box = gtk_box_new(GTK_ORIENTATION_VERTICAL, 0);

	(void) t;
	gtk_widget_show(box);
	return box;
}

void uiprivOSTabPageInserted(uiTab *t, int index, const char *name)
{
	const uiprivTabPage *p = &t->shared.pages[index];

	gtk_box_pack_start(GTK_BOX(p->native), uiprivWidget(p->c), TRUE, TRUE, 0);
	quiet(t, 1);
	gtk_notebook_insert_page(GTK_NOTEBOOK(t->widget), GTK_WIDGET(p->native), gtk_label_new(name), index);
	quiet(t, 0);
}

void uiprivOSTabPageRemoved(uiTab *t, int index, const uiprivTabPage *gone)
{
	gtk_container_remove(GTK_CONTAINER(gone->native), uiprivWidget(gone->c));
	quiet(t, 1);
	gtk_notebook_remove_page(GTK_NOTEBOOK(t->widget), index);
	quiet(t, 0);
}

void uiprivOSTabSyncMargined(uiTab *t, int index)
{
	const uiprivTabPage *p = &t->shared.pages[index];

	gtk_container_set_border_width(GTK_CONTAINER(p->native), p->margined ? pageMargin : 0);
}

uiTab *uiprivOSNewTab(void)
{
	uiTab *t = (uiTab *) uiprivNewControl(sizeof (uiTab), &uiprivTabVtable, 1);

	t->c.shared = &t->shared;
	uiprivGtkAdopt(uiControl(t), gtk_notebook_new());
	gtk_notebook_set_scrollable(GTK_NOTEBOOK(t->widget), TRUE);
	t->switchHandler = g_signal_connect_after(t->widget, "switch-page", G_CALLBACK(onSwitchPage), t);
	return t;
}
