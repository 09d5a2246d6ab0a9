/* uiForm on Win32: one of our container windows with a STATIC label per row,
 * laid out as the Windows guidelines lay out dialogs: labels left-aligned in
 * a column as wide as the widest, controls filling the rest of the width. */
#include "uipriv_windows.h"
#include <stdlib.h>

/* Space between related controls, and the height of one text line, in dialog units. */
#define paddingDlu 4
#define labelHeightDlu 8
/* A label beside a 14-DLU entry lines up with its text 3 DLU down. */
#define labelOffsetDlu 3

typedef struct formRow {
	uiControl *c;
	HWND label;
	int stretchy;
} formRow;

struct uiForm {
	uiControl c;
	HWND hwnd;
	formRow *rows;
	int n, cap;
	int padded;
};

static void paddings(uiForm *f, const uiprivMetrics *m, int *px, int *py)
{
	*px = f->padded ? uiprivDluX(m, paddingDlu) : 0;
	*py = f->padded ? uiprivDluY(m, paddingDlu) : 0;
}

/* Width of the label column: the widest label of a shown row. */
static int labelWidth(uiForm *f, const uiprivMetrics *m)
{
	int i, w = 0;

	for (i = 0; i < f->n; i++) {
		SIZE s;
		if (!f->rows[i].c->visible)
			continue;
		s = uiprivTextExtent(m->dc, f->rows[i].label);
		if (s.cx > w)
			w = s.cx;
	}
	return w;
}

/* A row is as tall as its control and at least one text line. */
static int rowMinHeight(formRow *r, const uiprivMetrics *m, int *width)
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
	for (i = 0; i < f->n; i++) {
		int cw;
		if (!f->rows[i].c->visible)
			continue;
		h += rowMinHeight(&f->rows[i], m, &cw);
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
	if (f->n == 0)
		return;
	paddings(f, m, &px, &py);
	labelW = labelWidth(f, m);
	controlX = labelW + px;
	controlW = width - controlX > 0 ? width - controlX : 0;
	heights = (int *) uiprivAlloc((size_t) f->n * sizeof (int));
	/* Fixed rows get their minimum; stretchy rows share what is left equally. */
	for (i = 0; i < f->n; i++) {
		if (!f->rows[i].c->visible)
			continue;
		shown++;
		if (f->rows[i].stretchy) {
			stretchy++;
			continue;
		}
		heights[i] = rowMinHeight(&f->rows[i], m, NULL);
		left -= heights[i];
	}
	if (shown > 1)
		left -= (shown - 1) * py;
	if (stretchy > 0 && left > 0) {
		share = left / stretchy;
		extra = left % stretchy;
	}
	for (i = 0; i < f->n; i++) {
		formRow *r = &f->rows[i];
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
	for (i = 0; i < f->n; i++) {
		EnableWindow(f->rows[i].label, enabled);
		f->rows[i].c->vt->syncEnabled(f->rows[i].c);
	}
}

/* Takes the row at index out; its child is unparented (and moved to the parking window), not freed. */
static uiControl *removeRow(uiForm *f, int index)
{
	formRow r = f->rows[index];
	int i;

	DestroyWindow(r.label);
	f->n--;
	for (i = index; i < f->n; i++)
		f->rows[i] = f->rows[i + 1];
	uiprivSetParent(r.c, NULL);
	return r.c;
}

static void formFree(uiControl *c)
{
	uiForm *f = (uiForm *) c;

	while (f->n > 0) {
		uiControl *child = removeRow(f, f->n - 1);
		child->vt->free(child);
	}
	free(f->rows);
	uiprivWinFree(c);
}

static const uiprivWinHooks formHooks = {
	formMinSize, formLayout, uiprivWinSetNativeParent, NULL, NULL, NULL,
};

static const uiprivControlVtable formVtable = {
	"uiForm", 0, formFree, uiprivWinHandle, uiprivWinSyncVisible, formSyncEnabled, &formHooks,
};

/* Public functions reject anything but a live uiForm, naming themselves. */
#define checked(x) ((uiForm *) uiprivCheck((x), &formVtable, __func__))

void uiFormAppend(uiForm *f, const char *label, uiControl *c, int stretchy)
{
	ULONG_PTR cookie;
	HWND hlabel;

	if (checked(f) == NULL || !uiprivControlCanAdopt(uiControl(f), c, __func__))
		return;
	cookie = uiprivActivateComctl();
	hlabel = CreateWindowExW(0, L"STATIC", L"", WS_CHILD | SS_LEFTNOWORDWRAP | SS_NOPREFIX, 0, 0, 0, 0, f->hwnd, NULL, uiprivInstance, NULL);
	uiprivDeactivateComctl(cookie);
	if (hlabel == NULL) {
		uiprivUserBug(__func__, "the row's label could not be made");
		return;
	}
	SendMessageW(hlabel, WM_SETFONT, (WPARAM) uiprivDefaultFont, FALSE);
	uiprivSetWindowTextUTF8(hlabel, label);
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 4;
		f->rows = (formRow *) uiprivRealloc(f->rows, (size_t) f->cap * sizeof (formRow));
	}
	f->rows[f->n].c = c;
	f->rows[f->n].label = hlabel;
	f->rows[f->n].stretchy = stretchy != 0;
	f->n++;
	uiprivSetParent(c, uiControl(f));
	uiprivHooks(c)->setNativeParent(c, f->hwnd);
	formSyncEnabled(uiControl(f));
	uiprivRelayout(uiControl(f));
}

int uiFormNumChildren(uiForm *f)
{
	if (checked(f) == NULL)
		return 0;
	return f->n;
}

void uiFormDelete(uiForm *f, int index)
{
	uiControl *child;

	if (checked(f) == NULL || !uiprivIndexValid(index, 0, f->n - 1, __func__))
		return;
	child = removeRow(f, index);
	uiprivHooks(child)->setNativeParent(child, NULL);
	child->vt->syncEnabled(child);
	uiprivRelayout(uiControl(f));
}

int uiFormPadded(uiForm *f)
{
	if (checked(f) == NULL)
		return 0;
	return f->padded;
}

void uiFormSetPadded(uiForm *f, int padded)
{
	if (checked(f) == NULL)
		return;
	f->padded = padded != 0;
	uiprivRelayout(uiControl(f));
}

uiForm *uiNewForm(void)
{
	uiForm *f;

	if (!uiprivReady(__func__))
		return NULL;
	f = (uiForm *) uiprivNewControl(sizeof (uiForm), &formVtable, 1);
	f->hwnd = uiprivCreateControlWindow(WS_EX_CONTROLPARENT, uiprivBoxClass, WS_CLIPCHILDREN, uiControl(f));
	if (f->hwnd == NULL) {
		uiprivControlFree(uiControl(f));
		return NULL;
	}
	return f;
}
