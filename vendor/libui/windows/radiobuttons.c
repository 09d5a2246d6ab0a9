/* uiRadioButtons on Win32: auto radio BUTTONs stacked in one of our container windows
 * (the public functions are in common/radiobuttons.c). */
#include "uipriv_windows.h"
#include "osapi.h"
#include <stdlib.h>

/* Radio button height from the Windows layout guidelines, and the step between them, in dialog units. */
#define radioHeightDlu 10
#define radioStepDlu 12

struct uiRadioButtons {
	uiControl c;
	HWND hwnd;
	HWND *buttons;
	int n, cap;
	/* Last selection reported or set, so a click on the selected button is no change. */
	int selected;
	uiprivRadioButtonsShared shared;
};

static int buttonWidth(const uiprivMetrics *m, HWND b)
{
	SIZE ideal;

	ideal.cx = ideal.cy = 0;
	if (SendMessageW(b, BCM_GETIDEALSIZE, 0, (LPARAM) &ideal) && ideal.cx > 0)
		return ideal.cx;
	/* circle, gap and text */
	return uiprivTextExtent(m->dc, b).cx + uiprivDluX(m, 14);
}

static void radioButtonsMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	uiRadioButtons *r = (uiRadioButtons *) c;
	int i, w;

	*width = 0;
	for (i = 0; i < r->n; i++) {
		w = buttonWidth(m, r->buttons[i]);
		if (w > *width)
			*width = w;
	}
	*height = r->n > 0 ? uiprivDluY(m, radioStepDlu) * (r->n - 1) + uiprivDluY(m, radioHeightDlu) : 0;
}

static void radioButtonsLayout(uiControl *c, const uiprivMetrics *m, int x, int y, int width, int height)
{
	uiRadioButtons *r = (uiRadioButtons *) c;
	int i;

	uiprivWinLayout(c, m, x, y, width, height);
	for (i = 0; i < r->n; i++)
		SetWindowPos(r->buttons[i], NULL, 0, uiprivDluY(m, radioStepDlu) * i, width, uiprivDluY(m, radioHeightDlu),
			SWP_NOZORDER | SWP_NOACTIVATE | SWP_NOOWNERZORDER);
}

static int checkedIndex(uiRadioButtons *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (SendMessageW(r->buttons[i], BM_GETCHECK, 0, 0) == BST_CHECKED)
			return i;
	return -1;
}

static void radioButtonsCommand(uiControl *c, WORD code)
{
	uiRadioButtons *r = (uiRadioButtons *) c;
	int now;

	/* BM_SETCHECK sends no BN_CLICKED: only the user's clicks arrive here. */
	if (code != BN_CLICKED)
		return;
	now = checkedIndex(r);
	if (now == r->selected)
		return;
	r->selected = now;
	uiprivRadioButtonsSelectedByUser(r);
}

static void radioButtonsSyncEnabled(uiControl *c)
{
	uiRadioButtons *r = (uiRadioButtons *) c;
	BOOL enabled = uiprivControlEffectiveEnabled(c);
	int i;

	/* Children of a disabled window get no input but would still look enabled. */
	for (i = 0; i < r->n; i++)
		EnableWindow(r->buttons[i], enabled);
	uiprivWinSyncEnabled(c);
}

static void radioButtonsFree(uiControl *c)
{
	uiRadioButtons *r = (uiRadioButtons *) c;
	int i;

	for (i = 0; i < r->n; i++)
		RemovePropW(r->buttons[i], uiprivControlProp);
	free(r->buttons);
	uiprivWinFree(c);
}

static const uiprivWinHooks radioButtonsHooks = {
	radioButtonsMinSize, radioButtonsLayout, uiprivWinSetNativeParent, radioButtonsCommand, NULL, NULL,
};

const uiprivControlVtable uiprivRadioButtonsVtable = {
	"uiRadioButtons", 0, radioButtonsFree, uiprivWinHandle, uiprivWinSyncVisible, radioButtonsSyncEnabled,
	&radioButtonsHooks,
};

int uiprivOSRadioButtonsCount(uiRadioButtons *r)
{
	return r->n;
}

void uiprivOSRadioButtonsAppend(uiRadioButtons *r, const char *text)
{
	ULONG_PTR cookie;
	DWORD style = WS_CHILD | WS_VISIBLE | BS_AUTORADIOBUTTON;
	HWND b;

	/* One tab stop and one arrow-key group for the whole set. */
	if (r->n == 0)
		style |= WS_GROUP | WS_TABSTOP;
	cookie = uiprivActivateComctl();
	b = CreateWindowExW(0, L"BUTTON", L"", style, 0, 0, 0, 0, r->hwnd, NULL, uiprivInstance, NULL);
	uiprivDeactivateComctl(cookie);
	if (b == NULL)
		return;
	/* Its BN_CLICKED reaches the container, which forwards it to us through this property. */
	if (!SetPropW(b, uiprivControlProp, (HANDLE) r)) {
		DestroyWindow(b);
		return;
	}
	SendMessageW(b, WM_SETFONT, SendMessageW(r->hwnd, WM_GETFONT, 0, 0), FALSE);
	uiprivSetWindowTextUTF8(b, text);
	EnableWindow(b, uiprivControlEffectiveEnabled(uiControl(r)));
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 4;
		r->buttons = (HWND *) uiprivRealloc(r->buttons, (size_t) r->cap * sizeof (HWND));
	}
	r->buttons[r->n++] = b;
	uiprivRelayout(uiControl(r));
}

int uiprivOSRadioButtonsSelected(uiRadioButtons *r)
{
	return checkedIndex(r);
}

void uiprivOSRadioButtonsSetSelected(uiRadioButtons *r, int index)
{
	int i;

	for (i = 0; i < r->n; i++)
		SendMessageW(r->buttons[i], BM_SETCHECK, i == index ? BST_CHECKED : BST_UNCHECKED, 0);
	r->selected = index;
}

uiRadioButtons *uiprivOSNewRadioButtons(void)
{
	uiRadioButtons *r = (uiRadioButtons *) uiprivNewControl(sizeof (uiRadioButtons), &uiprivRadioButtonsVtable, 1);

	r->c.shared = &r->shared;
	r->selected = -1;
	r->hwnd = uiprivCreateControlWindow(WS_EX_CONTROLPARENT, uiprivBoxClass, WS_CLIPCHILDREN, uiControl(r));
	if (r->hwnd == NULL) {
		uiprivControlFree(uiControl(r));
		return NULL;
	}
	return r;
}
