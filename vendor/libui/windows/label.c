/* uiLabel on Win32: a STATIC control (the public functions are in common/label.c). */
#include "uipriv_windows.h"
#include "osapi.h"
#include <string.h>

/* Height of one line of text in the Windows layout guidelines, in dialog units. */
#define labelHeightDlu 8

struct uiLabel {
	uiControl c;
	HWND hwnd;
};

static void labelMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	SIZE s = uiprivTextExtent(m->dc, uiprivHwnd(c));
	int line = uiprivDluY(m, labelHeightDlu);

	*width = s.cx;
	*height = s.cy > line ? s.cy : line;
}

static const uiprivWinHooks labelHooks = {
	labelMinSize, uiprivWinLayout, uiprivWinSetNativeParent, NULL, NULL, NULL,
};

const uiprivControlVtable uiprivLabelVtable = {
	"uiLabel", 0, uiprivWinFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled, &labelHooks,
};

char *uiprivOSLabelText(uiLabel *l)
{
	return uiprivWindowTextUTF8(l->hwnd);
}

void uiprivOSLabelSetText(uiLabel *l, const char *text)
{
	LONG_PTR style;

	/* Single lines are centred vertically, so a label lines up with an entry beside it; SS_CENTERIMAGE would cut other lines. */
	style = GetWindowLongPtrW(l->hwnd, GWL_STYLE) & ~(LONG_PTR) SS_CENTERIMAGE;
	if (strchr(text, '\n') == NULL)
		style |= SS_CENTERIMAGE;
	SetWindowLongPtrW(l->hwnd, GWL_STYLE, style);
	uiprivSetWindowTextUTF8(l->hwnd, text);
	InvalidateRect(l->hwnd, NULL, TRUE);
	uiprivRelayout(uiControl(l));
}

uiLabel *uiprivOSNewLabel(void)
{
	uiLabel *l = (uiLabel *) uiprivNewControl(sizeof (uiLabel), &uiprivLabelVtable, 1);

	l->hwnd = uiprivCreateControlWindow(0, L"STATIC", SS_LEFTNOWORDWRAP | SS_NOPREFIX, uiControl(l));
	if (l->hwnd == NULL) {
		uiprivControlFree(uiControl(l));
		return NULL;
	}
	return l;
}
