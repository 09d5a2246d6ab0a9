/* uiGrid on Win32: one of our container windows; columns and rows are sized
 * here from the children's minimum sizes, as GtkGrid sizes them on GTK.  The
 * public functions, the child list and the placement rules are in common/grid.c. */
#include "uipriv_windows.h"
#include "osapi.h"
#include <stdlib.h>

/* Space between related controls from the Windows layout guidelines, in dialog units. */
#define paddingDlu 4

struct uiGrid {
	uiControl c;
	HWND hwnd;
	uiprivGridShared shared;
};

/* One axis of the grid: lines (columns or rows) from first, their sizes, which expand, which hold a child. */
typedef struct axis {
	int first, count;
	int *size, *expand, *used, *pos;
} axis;

/* Either axis of a child, so one function sizes columns and rows. */
static void span(const uiprivGridChild *gc, int vertical, int *start, int *len, int *expand)
{
	*start = vertical ? gc->cell.top : gc->cell.left;
	*len = vertical ? gc->cell.yspan : gc->cell.xspan;
	*expand = vertical ? gc->vexpand : gc->hexpand;
}

static void axisFree(axis *a)
{
	free(a->size);
	free(a->expand);
	free(a->used);
	free(a->pos);
}

/* Minimum line sizes along one axis; pad goes between lines that hold a shown child. */
static void axisMeasure(uiGrid *g, const uiprivMetrics *m, int vertical, int pad, axis *a)
{
	int i, k, lo = 0, hi = 0, any = 0;

	for (i = 0; i < g->shared.n; i++) {
		int s, l, e;
		if (!g->shared.children[i].c->visible)
			continue;
		span(&g->shared.children[i], vertical, &s, &l, &e);
		if (!any || s < lo)
			lo = s;
		if (!any || s + l > hi)
			hi = s + l;
		any = 1;
	}
	a->first = lo;
	a->count = hi - lo;
	a->size = (int *) uiprivAlloc((size_t) a->count * sizeof (int));
	a->expand = (int *) uiprivAlloc((size_t) a->count * sizeof (int));
	a->used = (int *) uiprivAlloc((size_t) a->count * sizeof (int));
	a->pos = (int *) uiprivAlloc((size_t) (a->count + 1) * sizeof (int));
	/* Single-line children first: they set the lines' sizes and expansion. */
	for (k = 0; k < 2; k++)
		for (i = 0; i < g->shared.n; i++) {
			uiprivGridChild *gc = &g->shared.children[i];
			int s, l, e, w = 0, h = 0, need, have = 0, j, spanned, expanding = 0;

			if (!gc->c->visible)
				continue;
			span(gc, vertical, &s, &l, &e);
			s -= a->first;
			if ((l == 1) != (k == 0))
				continue;
			uiprivHooks(gc->c)->minSize(gc->c, m, &w, &h);
			need = vertical ? h : w;
			for (j = s; j < s + l; j++) {
				a->used[j] = 1;
				have += a->size[j];
				expanding |= a->expand[j];
			}
			/* A spanning child too big for its lines widens them all equally. */
			spanned = have + (l - 1) * pad;
			if (need > spanned)
				for (j = 0; j < l; j++)
					a->size[s + j] += (need - spanned) / l + (j < (need - spanned) % l);
			/* An expanding spanning child makes its lines expand unless one already does (GtkGrid's rule). */
			if (e && !expanding)
				for (j = s; j < s + l; j++)
					a->expand[j] = 1;
		}
}

/* Positions of the lines when the axis has length total; returns the minimum length if total is negative. */
static int axisPlace(axis *a, int pad, int total)
{
	int j, usedLines = 0, expanding = 0, minimum = 0, share = 0, extra = 0, pos = 0;

	for (j = 0; j < a->count; j++) {
		minimum += a->size[j];
		usedLines += a->used[j];
		expanding += a->used[j] && a->expand[j];
	}
	if (usedLines > 1)
		minimum += (usedLines - 1) * pad;
	if (total < 0)
		return minimum;
	/* The space left is shared equally by the expanding lines, the first ones taking the remainder. */
	if (expanding > 0 && total > minimum) {
		share = (total - minimum) / expanding;
		extra = (total - minimum) % expanding;
	}
	for (j = 0; j < a->count; j++) {
		a->pos[j] = pos;
		if (!a->used[j])
			continue;
		if (a->expand[j]) {
			a->size[j] += share + (extra > 0);
			if (extra > 0)
				extra--;
		}
		pos += a->size[j] + pad;
	}
	a->pos[a->count] = pos;
	return minimum;
}

/* Start and length of the cells from s over l lines, without the padding after the last. */
static void cells(const axis *a, int s, int l, int *start, int *len)
{
	int j, end = 0;

	s -= a->first;
	*start = a->pos[s];
	for (j = s + l - 1; j >= s; j--)
		if (a->used[j]) {
			end = a->pos[j] + a->size[j];
			break;
		}
	*len = end > *start ? end - *start : 0;
}

/* Where a child of minimum size min goes in cells at start..start+len. */
static void align(uiAlign how, int min, int *start, int *len)
{
	if (how == uiAlignFill || min >= *len)
		return;
	if (how == uiAlignCenter)
		*start += (*len - min) / 2;
	else if (how == uiAlignEnd)
		*start += *len - min;
	*len = min;
}

static int padding(uiGrid *g, const uiprivMetrics *m, int vertical)
{
	if (!g->shared.padded)
		return 0;
	return vertical ? uiprivDluY(m, paddingDlu) : uiprivDluX(m, paddingDlu);
}

static void gridMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	uiGrid *g = (uiGrid *) c;
	axis cols, rows;

	axisMeasure(g, m, 0, padding(g, m, 0), &cols);
	axisMeasure(g, m, 1, padding(g, m, 1), &rows);
	*width = axisPlace(&cols, padding(g, m, 0), -1);
	*height = axisPlace(&rows, padding(g, m, 1), -1);
	axisFree(&cols);
	axisFree(&rows);
}

static void gridLayout(uiControl *c, const uiprivMetrics *m, int x, int y, int width, int height)
{
	uiGrid *g = (uiGrid *) c;
	int px = padding(g, m, 0), py = padding(g, m, 1), i;
	axis cols, rows;

	uiprivWinLayout(c, m, x, y, width, height);
	axisMeasure(g, m, 0, px, &cols);
	axisMeasure(g, m, 1, py, &rows);
	axisPlace(&cols, px, width);
	axisPlace(&rows, py, height);
	for (i = 0; i < g->shared.n; i++) {
		uiprivGridChild *gc = &g->shared.children[i];
		int cx, cy, cw, ch, mw = 0, mh = 0;

		if (!gc->c->visible)
			continue;
		cells(&cols, gc->cell.left, gc->cell.xspan, &cx, &cw);
		cells(&rows, gc->cell.top, gc->cell.yspan, &cy, &ch);
		uiprivHooks(gc->c)->minSize(gc->c, m, &mw, &mh);
		align(gc->halign, mw, &cx, &cw);
		align(gc->valign, mh, &cy, &ch);
		uiprivHooks(gc->c)->layout(gc->c, m, cx, cy, cw, ch);
	}
	axisFree(&cols);
	axisFree(&rows);
}

static void gridSyncEnabled(uiControl *c)
{
	uiGrid *g = (uiGrid *) c;
	int i;

	EnableWindow(g->hwnd, uiprivControlEffectiveEnabled(c));
	for (i = 0; i < g->shared.n; i++)
		g->shared.children[i].c->vt->syncEnabled(g->shared.children[i].c);
}

static void gridFree(uiControl *c)
{
	uiGrid *g = (uiGrid *) c;
	int i;

	for (i = 0; i < g->shared.n; i++) {
		uiControl *child = g->shared.children[i].c;
		uiprivSetParent(child, NULL);
		child->vt->free(child);
	}
	free(g->shared.children);
	uiprivWinFree(c);
}

static const uiprivWinHooks gridHooks = {
	gridMinSize, gridLayout, uiprivWinSetNativeParent, NULL, NULL, NULL,
};

const uiprivControlVtable uiprivGridVtable = {
	"uiGrid", 0, gridFree, uiprivWinHandle, uiprivWinSyncVisible, gridSyncEnabled, &gridHooks,
};

void uiprivOSGridPlaced(uiGrid *g)
{
	uiControl *c = g->shared.children[g->shared.n - 1].c;

	uiprivHooks(c)->setNativeParent(c, g->hwnd);
	c->vt->syncEnabled(c);
	uiprivRelayout(uiControl(g));
}

void uiprivOSGridSyncPadded(uiGrid *g)
{
	uiprivRelayout(uiControl(g));
}

uiGrid *uiprivOSNewGrid(void)
{
	uiGrid *g = (uiGrid *) uiprivNewControl(sizeof (uiGrid), &uiprivGridVtable, 1);

	g->c.shared = &g->shared;
	g->hwnd = uiprivCreateControlWindow(WS_EX_CONTROLPARENT, uiprivBoxClass, WS_CLIPCHILDREN, uiControl(g));
	if (g->hwnd == NULL) {
		uiprivControlFree(uiControl(g));
		return NULL;
	}
	return g;
}
