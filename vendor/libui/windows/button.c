/* uiButton on Win32: a BUTTON control (the public functions are in common/button.c). */
#include "uipriv_windows.h"
#include "osapi.h"

/* Push button size from the Windows layout guidelines, in dialog units. */
#define buttonWidthDlu 50
#define buttonHeightDlu 14

struct uiButton {
	uiControl c;
	HWND hwnd;
	uiprivButtonShared shared;
};

static void buttonMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	SIZE ideal;
	int w;

	ideal.cx = ideal.cy = 0;
	/* BCM_GETIDEALSIZE exists from Common Controls 6 on. */
	if (SendMessageW(uiprivHwnd(c), BCM_GETIDEALSIZE, 0, (LPARAM) &ideal) && ideal.cx > 0)
		w = ideal.cx;
	else
		w = uiprivTextExtent(m->dc, uiprivHwnd(c)).cx + uiprivDluX(m, 10);
	if (w < uiprivDluX(m, buttonWidthDlu))
		w = uiprivDluX(m, buttonWidthDlu);
	*width = w;
	*height = uiprivDluY(m, buttonHeightDlu);
}

static void buttonCommand(uiControl *c, WORD code)
{
	uiButton *b = (uiButton *) c;

	if (code == BN_CLICKED)
		uiprivButtonClickedByUser(b);
}

static const uiprivWinHooks buttonHooks = {
	buttonMinSize, uiprivWinLayout, uiprivWinSetNativeParent, buttonCommand, NULL, NULL,
};

const uiprivControlVtable uiprivButtonVtable = {
	"uiButton", 0, uiprivWinFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled, &buttonHooks,
};

char *uiprivOSButtonText(uiButton *b)
{
	return uiprivWindowTextUTF8(b->hwnd);
}

void uiprivOSButtonSetText(uiButton *b, const char *text)
{
	uiprivSetWindowTextUTF8(b->hwnd, text);
	uiprivRelayout(uiControl(b));
}

uiButton *uiprivOSNewButton(void)
{
	uiButton *b = (uiButton *) uiprivNewControl(sizeof (uiButton), &uiprivButtonVtable, 1);

	b->c.shared = &b->shared;
	b->hwnd = uiprivCreateControlWindow(0, L"BUTTON", BS_PUSHBUTTON | WS_TABSTOP, uiControl(b));
	if (b->hwnd == NULL) {
		uiprivControlFree(uiControl(b));
		return NULL;
	}
	return b;
}
