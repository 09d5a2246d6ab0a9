/* uiGrid on GTK 3: a GtkGrid; expansion and alignment are the child widget's own.  The public
 * functions, the child list and the placement rules are in common/grid.c. */
#include <stdlib.h>
#include "uipriv_unix.h"
#include "osapi.h"

/* GNOME spacing, as in boxes. */
#define hPadding 12
#define vPadding 6

struct uiGrid {
	uiControl c;
	GtkWidget *widget;
	uiprivGridShared shared;
};

static void gridFree(uiControl *c)
{
	uiGrid *g = (uiGrid *) c;
	int i;

	for (i = 0; i < g->shared.n; i++) {
		uiControl *child = g->shared.children[i].c;
		gtk_container_remove(GTK_CONTAINER(g->widget), uiprivWidget(child));
		uiprivSetParent(child, NULL);
		child->vt->free(child);
	}
	free(g->shared.children);
	uiprivGtkFree(c);
}

const uiprivControlVtable uiprivGridVtable = {
	"uiGrid", 0, gridFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

static GtkAlign gtkAlign(uiAlign a)
{
	switch (a) {
	case uiAlignStart:
		return GTK_ALIGN_START;
	case uiAlignCenter:
		return GTK_ALIGN_CENTER;
	case uiAlignEnd:
		return GTK_ALIGN_END;
	}
	return GTK_ALIGN_FILL;
}

void uiprivOSGridPlaced(uiGrid *g)
{
	const uiprivGridChild *gc = &g->shared.children[g->shared.n - 1];
	GtkWidget *w = uiprivWidget(gc->c);

	gtk_widget_set_hexpand(w, gc->hexpand);
	gtk_widget_set_halign(w, gtkAlign(gc->halign));
	gtk_widget_set_vexpand(w, gc->vexpand);
	gtk_widget_set_valign(w, gtkAlign(gc->valign));
	gtk_grid_attach(GTK_GRID(g->widget), w, gc->cell.left, gc->cell.top, gc->cell.xspan, gc->cell.yspan);
}

void uiprivOSGridSyncPadded(uiGrid *g)
{
	gtk_grid_set_row_spacing(GTK_GRID(g->widget), g->shared.padded ? vPadding : 0);
	gtk_grid_set_column_spacing(GTK_GRID(g->widget), g->shared.padded ? hPadding : 0);
}

uiGrid *uiprivOSNewGrid(void)
{
	uiGrid *g = (uiGrid *) uiprivNewControl(sizeof (uiGrid), &uiprivGridVtable, 1);

	g->c.shared = &g->shared;
	uiprivGtkAdopt(uiControl(g), gtk_grid_new());
	return g;
}
