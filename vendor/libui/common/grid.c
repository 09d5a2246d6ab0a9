/* uiGrid rules shared by both backends: argument checks and where uiGridInsertAt puts a child. */
#include "uipriv.h"

int uiprivGridArgsValid(int xspan, int yspan, uiAlign halign, uiAlign valign, const char *func)
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

int uiprivGridNextTo(const uiprivGridCell *existing, uiAt at, int xspan, int yspan, uiprivGridCell *out, const char *func)
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

void uiGridAppend(uiGrid *g, uiControl *c, int left, int top, int xspan, int yspan, int hexpand, uiAlign halign, int vexpand, uiAlign valign)
{
	uiprivGridCell cell;

	if (uiprivCheck(g, &uiprivGridVtable, __func__) == NULL || !uiprivGridArgsValid(xspan, yspan, halign, valign, __func__)
		|| !uiprivControlCanAdopt(uiControl(g), c, __func__))
		return;
	cell.left = left;
	cell.top = top;
	cell.xspan = xspan;
	cell.yspan = yspan;
	uiprivGridPlace(g, c, &cell, hexpand != 0, halign, vexpand != 0, valign);
}

void uiGridInsertAt(uiGrid *g, uiControl *c, uiControl *existing, uiAt at, int xspan, int yspan, int hexpand, uiAlign halign, int vexpand, uiAlign valign)
{
	uiprivGridCell old, cell;

	if (uiprivCheck(g, &uiprivGridVtable, __func__) == NULL || !uiprivGridArgsValid(xspan, yspan, halign, valign, __func__))
		return;
	if (existing == NULL || !uiprivGridCellOf(g, existing, &old)) {
		uiprivUserBug(__func__, "the existing control %p is not a child of this grid", (void *) existing);
		return;
	}
	if (!uiprivGridNextTo(&old, at, xspan, yspan, &cell, __func__) || !uiprivControlCanAdopt(uiControl(g), c, __func__))
		return;
	uiprivGridPlace(g, c, &cell, hexpand != 0, halign, vexpand != 0, valign);
}
