/* uiGrid on GTK 3: a GtkGrid; expansion and alignment are the child widget's own. */
#include <stdlib.h>
#include "uipriv_unix.h"

/* GNOME spacing, as in boxes. */
#define hPadding 12
#define vPadding 6

typedef struct gridChild {
	uiControl *c;
	uiprivGridCell cell;
} gridChild;

struct uiGrid {
	uiControl c;
	GtkWidget *widget;
	gridChild *children;
	int n, cap;
	int padded;
};

static void gridFree(uiControl *c)
{
	uiGrid *g = (uiGrid *) c;
	int i;

	for (i = 0; i < g->n; i++) {
		uiControl *child = g->children[i].c;
		gtk_container_remove(GTK_CONTAINER(g->widget), uiprivWidget(child));
		uiprivSetParent(child, NULL);
		child->vt->free(child);
	}
	free(g->children);
	uiprivGtkFree(c);
}

const uiprivControlVtable uiprivGridVtable = {
	"uiGrid", 0, gridFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

/* Public functions reject anything but a live uiGrid, naming themselves. */
#define checked(x) ((uiGrid *) uiprivCheck((x), &uiprivGridVtable, __func__))

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

void uiprivGridPlace(uiGrid *g, uiControl *c, const uiprivGridCell *cell, int hexpand, uiAlign halign, int vexpand, uiAlign valign)
{
	GtkWidget *w = uiprivWidget(c);

	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 4;
		g->children = (gridChild *) uiprivRealloc(g->children, (size_t) g->cap * sizeof (gridChild));
	}
	g->children[g->n].c = c;
	g->children[g->n].cell = *cell;
	g->n++;
	gtk_widget_set_hexpand(w, hexpand != 0);
	gtk_widget_set_halign(w, gtkAlign(halign));
	gtk_widget_set_vexpand(w, vexpand != 0);
	gtk_widget_set_valign(w, gtkAlign(valign));
	uiprivSetParent(c, uiControl(g));
	gtk_grid_attach(GTK_GRID(g->widget), w, cell->left, cell->top, cell->xspan, cell->yspan);
}

int uiprivGridCellOf(uiGrid *g, const uiControl *c, uiprivGridCell *out)
{
	int i;

	for (i = 0; i < g->n; i++)
		if (g->children[i].c == c) {
			*out = g->children[i].cell;
			return 1;
		}
	return 0;
}

int uiGridPadded(uiGrid *g)
{
	if (checked(g) == NULL)
		return 0;
	return g->padded;
}

void uiGridSetPadded(uiGrid *g, int padded)
{
	if (checked(g) == NULL)
		return;
	g->padded = padded != 0;
	gtk_grid_set_row_spacing(GTK_GRID(g->widget), g->padded ? vPadding : 0);
	gtk_grid_set_column_spacing(GTK_GRID(g->widget), g->padded ? hPadding : 0);
}

uiGrid *uiNewGrid(void)
{
	uiGrid *g;

	if (!uiprivReady(__func__))
		return NULL;
	g = (uiGrid *) uiprivNewControl(sizeof (uiGrid), &uiprivGridVtable, 1);
	uiprivGtkAdopt(uiControl(g), gtk_grid_new());
	return g;
}
