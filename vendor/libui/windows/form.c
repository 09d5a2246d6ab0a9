/* uiForm on Win32: one of our container windows with a STATIC label per row,
 * laid out as the Windows guidelines lay out dialogs: labels left-aligned in
 * a column as wide as the widest, controls filling the rest of the width.
 * The public functions and the row list are in common/form.c. */
#include "uipriv_windows.h"
#include "osapi.h"
#include <stdlib.h>

/* Space between related controls, and the height of one text line, in dialog units. */
#define paddingDlu 4
#define labelHeightDlu 8
/* A label beside a 14-DLU entry lines up with its text 3 DLU down. */
#define labelOffsetDlu 3

struct uiForm {
	uiControl c;
	HWND hwnd;
	uiprivFormShared shared;
};

/* A row's STATIC label. */
#define labelHwnd(r) ((HWND) (r).label)

static void paddings(uiForm *f, const uiprivMetrics *m, int *px, int *py)
{
	*px = f->shared.padded ? uiprivDluX(m, paddingDlu) : 0;
	*py = f->shared.padded ? uiprivDluY(m, paddingDlu) : 0;
}

/* Width of the label column: the widest label of a shown row. */
static int labelWidth(uiForm *f, const uiprivMetrics *m)
{
	int i, w = 0;

	for (i = 0; i < f->shared.n; i++) {
		SIZE s;
		if (!f->shared.rows[i].c->visible)
			continue;
		s = uiprivTextExtent(m->dc, labelHwnd(f->shared.rows[i]));
		if (s.cx > w)
			w = s.cx;
	}
	return w;
}

/* A row is as tall as its control and at least one text line. */
static int rowMinHeight(uiprivFormRow *r, const uiprivMetrics *m, int *width)
{
	int cw = 0, ch = 0, line = uiprivDluY(m, labelHeightDlu);

	uiprivHooks(r->c)->minSize(r->c, m, &cw, &ch);
	if (width != NULL)
		*width = cw;
	return ch > line ? ch : line;
}

static void formMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	uiForm *f = (uiForm *) c;
	int i, px, py, shown = 0, controls = 0, h = 0;

	paddings(f, m, &px, &py);
	for (i = 0; i < f->shared.n; i++) {
		int cw;
		if (!f->shared.rows[i].c->visible)
			continue;
		h += rowMinHeight(&f->shared.rows[i], m, &cw);
		if (cw > controls)
			controls = cw;
		shown++;
	}
	if (shown > 1)
		h += (shown - 1) * py;
	*width = shown > 0 ? labelWidth(f, m) + px + controls : 0;
	*height = h;
}

static void formLayout(uiControl *c, const uiprivMetrics *m, int x, int y, int width, int height)
{
	uiForm *f = (uiForm *) c;
	int *heights;
	int i, px, py, shown = 0, stretchy = 0, left = height, share = 0, extra = 0, pos = 0;
	int labelW, controlX, controlW, line = uiprivDluY(m, labelHeightDlu), offset = uiprivDluY(m, labelOffsetDlu);

	uiprivWinLayout(c, m, x, y, width, height);
	if (f->shared.n == 0)
		return;
	paddings(f, m, &px, &py);
	labelW = labelWidth(f, m);
	controlX = labelW + px;
	controlW = width - controlX > 0 ? width - controlX : 0;
	heights = (int *) uiprivAlloc((size_t) f->shared.n * sizeof (int));
	/* Fixed rows get their minimum; stretchy rows share what is left equally. */
	for (i = 0; i < f->shared.n; i++) {
		if (!f->shared.rows[i].c->visible)
			continue;
		shown++;
		if (f->shared.rows[i].stretchy) {
			stretchy++;
			continue;
		}
		heights[i] = rowMinHeight(&f->shared.rows[i], m, NULL);
		left -= heights[i];
	}
	if (shown > 1)
		left -= (shown - 1) * py;
	if (stretchy > 0 && left > 0) {
		share = left / stretchy;
		extra = left % stretchy;
	}
	for (i = 0; i < f->shared.n; i++) {
		uiprivFormRow *r = &f->shared.rows[i];
		int labelY;

		ShowWindow(r->label, r->c->visible ? SW_SHOWNA : SW_HIDE);
		if (!r->c->visible)
			continue;
		if (r->stretchy) {
			heights[i] = share;
			if (extra > 0) {
				heights[i]++;
				extra--;
			}
		}
		labelY = heights[i] - line < 2 * offset ? (heights[i] - line) / 2 : offset;
		/* Each label as wide as its text, at the column's left edge (left-aligned, as Windows dialogs have them). */
		SetWindowPos(r->label, NULL, 0, pos + (labelY > 0 ? labelY : 0), uiprivTextExtent(m->dc, r->label).cx, line,
			SWP_NOZORDER | SWP_NOACTIVATE | SWP_NOOWNERZORDER);
		uiprivHooks(r->c)->layout(r->c, m, controlX, pos, controlW, heights[i]);
		pos += heights[i] + py;
	}
	free(heights);
}

static void formSyncEnabled(uiControl *c)
{
	uiForm *f = (uiForm *) c;
	int i, enabled = uiprivControlEffectiveEnabled(c);

	EnableWindow(f->hwnd, enabled);
	for (i = 0; i < f->shared.n; i++) {
		EnableWindow(labelHwnd(f->shared.rows[i]), enabled);
		f->shared.rows[i].c->vt->syncEnabled(f->shared.rows[i].c);
	}
}

static void formFree(uiControl *c)
{
	uiForm *f = (uiForm *) c;

	/* Not uiprivFormRemoveRow: its relayout has no place in a form that is going away. */
	while (f->shared.n > 0) {
		uiprivFormRow *r = &f->shared.rows[--f->shared.n];

		DestroyWindow(labelHwnd(*r));
		uiprivSetParent(r->c, NULL);
		r->c->vt->free(r->c);
	}
	free(f->shared.rows);
	uiprivWinFree(c);
}

static const uiprivWinHooks formHooks = {
	formMinSize, formLayout, uiprivWinSetNativeParent, NULL, NULL, NULL,
};

const uiprivControlVtable uiprivFormVtable = {
	"uiForm", 0, formFree, uiprivWinHandle, uiprivWinSyncVisible, formSyncEnabled, &formHooks,
};

void *uiprivOSFormNewLabel(uiForm *f, const char *text)
{
	ULONG_PTR cookie = uiprivActivateComctl();
	HWND label = CreateWindowExW(0, L"STATIC", L"", WS_CHILD | SS_LEFTNOWORDWRAP | SS_NOPREFIX, 0, 0, 0, 0, f->hwnd, NULL, uiprivInstance, NULL);

	uiprivDeactivateComctl(cookie);
	if (label == NULL)
		return NULL;
	SendMessageW(label, WM_SETFONT, (WPARAM) uiprivDefaultFont, FALSE);
	uiprivSetWindowTextUTF8(label, text);
	return label;
}

void uiprivOSFormRowAppended(uiForm *f)
{
	uiControl *c = f->shared.rows[f->shared.n - 1].c;

	uiprivHooks(c)->setNativeParent(c, f->hwnd);
	formSyncEnabled(uiControl(f));
	uiprivRelayout(uiControl(f));
}

void uiprivOSFormRowRemoved(uiForm *f, int index, const uiprivFormRow *gone)
{
	(void) index;
	DestroyWindow(labelHwnd(*gone));
	uiprivHooks(gone->c)->setNativeParent(gone->c, NULL);
	gone->c->vt->syncEnabled(gone->c);
	uiprivRelayout(uiControl(f));
}

void uiprivOSFormSyncPadded(uiForm *f)
{
	uiprivRelayout(uiControl(f));
}

uiForm *uiprivOSNewForm(void)
{
	uiForm *f = (uiForm *) uiprivNewControl(sizeof (uiForm), &uiprivFormVtable, 1);

	f->c.shared = &f->shared;
	f->hwnd = uiprivCreateControlWindow(WS_EX_CONTROLPARENT, uiprivBoxClass, WS_CLIPCHILDREN, uiControl(f));
	if (f->hwnd == NULL) {
		uiprivControlFree(uiControl(f));
		return NULL;
	}
	return f;
}
