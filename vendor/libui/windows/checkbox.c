/* uiCheckbox on Win32: an auto-checkbox BUTTON (the public functions are in common/checkbox.c). */
#include "uipriv_windows.h"
#include "osapi.h"

/* Checkbox height from the Windows layout guidelines, in dialog units. */
#define checkboxHeightDlu 10

struct uiCheckbox {
	uiControl c;
	HWND hwnd;
	uiprivCheckboxShared shared;
};

static void checkboxMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	SIZE ideal;

	ideal.cx = ideal.cy = 0;
	if (SendMessageW(uiprivHwnd(c), BCM_GETIDEALSIZE, 0, (LPARAM) &ideal) && ideal.cx > 0)
		*width = ideal.cx;
	else /* box, gap and text */
		*width = uiprivTextExtent(m->dc, uiprivHwnd(c)).cx + uiprivDluX(m, 14);
	*height = uiprivDluY(m, checkboxHeightDlu);
}

static void checkboxCommand(uiControl *c, WORD code)
{
	uiCheckbox *cb = (uiCheckbox *) c;

	/* BM_SETCHECK sends no BN_CLICKED, so only the user's clicks arrive here. */
	if (code == BN_CLICKED)
		uiprivCheckboxToggledByUser(cb);
}

static const uiprivWinHooks checkboxHooks = {
	checkboxMinSize, uiprivWinLayout, uiprivWinSetNativeParent, checkboxCommand, NULL, NULL,
};

const uiprivControlVtable uiprivCheckboxVtable = {
	"uiCheckbox", 0, uiprivWinFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled, &checkboxHooks,
};

char *uiprivOSCheckboxText(uiCheckbox *c)
{
	return uiprivWindowTextUTF8(c->hwnd);
}

void uiprivOSCheckboxSetText(uiCheckbox *c, const char *text)
{
	uiprivSetWindowTextUTF8(c->hwnd, text);
	uiprivRelayout(uiControl(c));
}

int uiprivOSCheckboxChecked(uiCheckbox *c)
{
	return SendMessageW(c->hwnd, BM_GETCHECK, 0, 0) == BST_CHECKED;
}

void uiprivOSCheckboxSetChecked(uiCheckbox *c, int isChecked)
{
	SendMessageW(c->hwnd, BM_SETCHECK, isChecked ? BST_CHECKED : BST_UNCHECKED, 0);
}

uiCheckbox *uiprivOSNewCheckbox(void)
{
	uiCheckbox *c = (uiCheckbox *) uiprivNewControl(sizeof (uiCheckbox), &uiprivCheckboxVtable, 1);

	c->c.shared = &c->shared;
	c->hwnd = uiprivCreateControlWindow(0, L"BUTTON", BS_AUTOCHECKBOX | WS_TABSTOP, uiControl(c));
	if (c->hwnd == NULL) {
		uiprivControlFree(uiControl(c));
		return NULL;
	}
	return c;
}
