/* uiGrid: its public functions, child list and placement rules over the hooks in osapi.h. */
#include "osapi.h"

/* Public functions reject anything but a live uiGrid, naming themselves. */
#define checked(x) ((uiGrid *) uiprivCheck((x), &uiprivGridVtable, __func__))
#define shared(g) ((uiprivGridShared *) uiControl(g)->shared)

/* Whether spans are at least 1 and alignments are uiAlign values; else reports a user bug naming func. */
static int gridArgsValid(int xspan, int yspan, uiAlign halign, uiAlign valign, const char *func)
{
	if (xspan < 1 || yspan < 1) {
		uiprivUserBug(func, "spans must be at least 1 (got %d x %d)", xspan, yspan);
		return 0;
	}
	if (halign > uiAlignEnd || valign > uiAlignEnd) {
		uiprivUserBug(func, "%s is not a uiAlign value (uiAlignFill..uiAlignEnd)", halign > uiAlignEnd ? "halign" : "valign");
		return 0;
	}
	return 1;
}

/* The cells of a child of xspan x yspan put next to existing on side at; 0 after a user bug if at is invalid. */
static int gridNextTo(const uiprivGridCell *existing, uiAt at, int xspan, int yspan, uiprivGridCell *out, const char *func)
{
	out->xspan = xspan;
	out->yspan = yspan;
	/* The new cells share the existing child's first row (or column) and touch its cells: GtkGrid's attach-next-to. */
	switch (at) {
	case uiAtLeading:
		out->left = existing->left - xspan;
		out->top = existing->top;
		return 1;
	case uiAtTop:
		out->left = existing->left;
		out->top = existing->top - yspan;
		return 1;
	case uiAtTrailing:
		out->left = existing->left + existing->xspan;
		out->top = existing->top;
		return 1;
	case uiAtBottom:
		out->left = existing->left;
		out->top = existing->top + existing->yspan;
		return 1;
	}
	uiprivUserBug(func, "at is not a uiAt value (uiAtLeading..uiAtBottom)");
	return 0;
}

/* Adds a checked child at cell. */
static void place(uiGrid *g, uiControl *c, const uiprivGridCell *cell, int hexpand, uiAlign halign, int vexpand, uiAlign valign)
{
	uiprivGridShared *s = shared(g);
	uiprivGridChild *gc;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 4;
		s->children = (uiprivGridChild *) uiprivRealloc(s->children, (size_t) s->cap * sizeof (uiprivGridChild));
	}
	gc = &s->children[s->n++];
	gc->c = c;
	gc->cell = *cell;
	gc->hexpand = hexpand != 0;
	gc->vexpand = vexpand != 0;
	gc->halign = halign;
	gc->valign = valign;
	uiprivSetParent(c, uiControl(g));
	uiprivOSGridPlaced(g);
}

/* The cells of child c; 0 if c is not one. */
static int cellOf(uiGrid *g, const uiControl *c, uiprivGridCell *out)
{
	uiprivGridShared *s = shared(g);
	int i;

	for (i = 0; i < s->n; i++)
		if (s->children[i].c == c) {
			*out = s->children[i].cell;
			return 1;
		}
	return 0;
}

void uiGridAppend(uiGrid *g, uiControl *c, int left, int top, int xspan, int yspan, int hexpand, uiAlign halign, int vexpand, uiAlign valign)
{
	uiprivGridCell cell;

	if (checked(g) == NULL || !gridArgsValid(xspan, yspan, halign, valign, __func__)
		|| !uiprivControlCanAdopt(uiControl(g), c, __func__))
		return;
	cell.left = left;
	cell.top = top;
	cell.xspan = xspan;
	cell.yspan = yspan;
	place(g, c, &cell, hexpand != 0, halign, vexpand != 0, valign);
}

void uiGridInsertAt(uiGrid *g, uiControl *c, uiControl *existing, uiAt at, int xspan, int yspan, int hexpand, uiAlign halign, int vexpand, uiAlign valign)
{
	uiprivGridCell old, cell;

	if (checked(g) == NULL || !gridArgsValid(xspan, yspan, halign, valign, __func__))
		return;
	if (existing == NULL || !cellOf(g, existing, &old)) {
		uiprivUserBug(__func__, "the existing control %p is not a child of this grid", (void *) existing);
		return;
	}
	if (!gridNextTo(&old, at, xspan, yspan, &cell, __func__) || !uiprivControlCanAdopt(uiControl(g), c, __func__))
		return;
	place(g, c, &cell, hexpand != 0, halign, vexpand != 0, valign);
}

int uiGridPadded(uiGrid *g)
{
	if (checked(g) == NULL)
		return 0;
	return shared(g)->padded;
}

void uiGridSetPadded(uiGrid *g, int padded)
{
	if (checked(g) == NULL)
		return;
	shared(g)->padded = padded != 0;
	uiprivOSGridSyncPadded(g);
}

uiGrid *uiNewGrid(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return uiprivOSNewGrid();
}
