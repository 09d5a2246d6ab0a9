/* uiButton on Win32: a BUTTON control. */
#include "uipriv_windows.h"

/* Push button size from the Windows layout guidelines, in dialog units. */
#define buttonWidthDlu 50
#define buttonHeightDlu 14

struct uiButton {
	uiControl c;
	HWND hwnd;
	void (*onClicked)(uiButton *b, void *data);
	void *onClickedData;
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

	if (code == BN_CLICKED && b->onClicked != NULL)
		b->onClicked(b, b->onClickedData);
}

static const uiprivWinHooks buttonHooks = {
	buttonMinSize, uiprivWinLayout, uiprivWinSetNativeParent, buttonCommand, NULL, NULL,
};

static const uiprivControlVtable buttonVtable = {
	"uiButton", 0, uiprivWinFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled, &buttonHooks,
};

/* Public functions reject anything but a live uiButton, naming themselves. */
#define checked(x) ((uiButton *) uiprivCheck((x), &buttonVtable, __func__))

char *uiButtonText(uiButton *b)
{
	if (checked(b) == NULL)
		return uiprivSanitize(NULL);
	return uiprivWindowTextUTF8(b->hwnd);
}

void uiButtonSetText(uiButton *b, const char *text)
{
	if (checked(b) == NULL)
		return;
	uiprivSetWindowTextUTF8(b->hwnd, text);
	uiprivRelayout(uiControl(b));
}

void uiButtonOnClicked(uiButton *b, void (*f)(uiButton *b, void *data), void *data)
{
	if (checked(b) == NULL)
		return;
	b->onClicked = f;
	b->onClickedData = data;
}

uiButton *uiNewButton(const char *text)
{
	uiButton *b;

	if (!uiprivReady(__func__))
		return NULL;
	b = (uiButton *) uiprivNewControl(sizeof (uiButton), &buttonVtable, 1);
	b->hwnd = uiprivCreateControlWindow(0, L"BUTTON", BS_PUSHBUTTON | WS_TABSTOP, uiControl(b));
	if (b->hwnd == NULL) {
		uiprivControlFree(uiControl(b));
		return NULL;
	}
	uiButtonSetText(b, text);
	return b;
}
