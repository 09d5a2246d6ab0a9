/* uiLabel on Win32: a STATIC control. */
#include "uipriv_windows.h"
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

static const uiprivControlVtable labelVtable = {
	"uiLabel", 0, uiprivWinFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled, &labelHooks,
};

/* Public functions reject anything but a live uiLabel, naming themselves. */
#define checked(x) ((uiLabel *) uiprivCheck((x), &labelVtable, __func__))

char *uiLabelText(uiLabel *l)
{
	if (checked(l) == NULL)
		return uiprivSanitize(NULL);
	return uiprivWindowTextUTF8(l->hwnd);
}

void uiLabelSetText(uiLabel *l, const char *text)
{
	LONG_PTR style;

	if (checked(l) == NULL)
		return;
	/* Single lines are centred vertically, so a label lines up with an entry beside it; SS_CENTERIMAGE would cut other lines. */
	style = GetWindowLongPtrW(l->hwnd, GWL_STYLE) & ~(LONG_PTR) SS_CENTERIMAGE;
	if (text == NULL || strchr(text, '\n') == NULL)
		style |= SS_CENTERIMAGE;
	SetWindowLongPtrW(l->hwnd, GWL_STYLE, style);
	uiprivSetWindowTextUTF8(l->hwnd, text);
	InvalidateRect(l->hwnd, NULL, TRUE);
	uiprivRelayout(uiControl(l));
}

uiLabel *uiNewLabel(const char *text)
{
	uiLabel *l;

	if (!uiprivReady(__func__))
		return NULL;
	l = (uiLabel *) uiprivNewControl(sizeof (uiLabel), &labelVtable, 1);
	l->hwnd = uiprivCreateControlWindow(0, L"STATIC", SS_LEFTNOWORDWRAP | SS_NOPREFIX, uiControl(l));
	if (l->hwnd == NULL) {
		uiprivControlFree(uiControl(l));
		return NULL;
	}
	uiLabelSetText(l, text);
	return l;
}
