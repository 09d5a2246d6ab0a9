/* uiCheckbox on Win32: an auto-checkbox BUTTON. */
#include "uipriv_windows.h"

/* Checkbox height from the Windows layout guidelines, in dialog units. */
#define checkboxHeightDlu 10

struct uiCheckbox {
	uiControl c;
	HWND hwnd;
	void (*onToggled)(uiCheckbox *c, void *data);
	void *onToggledData;
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
	if (code == BN_CLICKED && cb->onToggled != NULL)
		cb->onToggled(cb, cb->onToggledData);
}

static const uiprivWinHooks checkboxHooks = {
	checkboxMinSize, uiprivWinLayout, uiprivWinSetNativeParent, checkboxCommand, NULL, NULL,
};

static const uiprivControlVtable checkboxVtable = {
	"uiCheckbox", 0, uiprivWinFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled, &checkboxHooks,
};

/* Public functions reject anything but a live uiCheckbox, naming themselves. */
#define checked(x) ((uiCheckbox *) uiprivCheck((x), &checkboxVtable, __func__))

char *uiCheckboxText(uiCheckbox *c)
{
	if (checked(c) == NULL)
		return uiprivSanitize(NULL);
	return uiprivWindowTextUTF8(c->hwnd);
}

void uiCheckboxSetText(uiCheckbox *c, const char *text)
{
	if (checked(c) == NULL)
		return;
	uiprivSetWindowTextUTF8(c->hwnd, text);
	uiprivRelayout(uiControl(c));
}

void uiCheckboxOnToggled(uiCheckbox *c, void (*f)(uiCheckbox *c, void *data), void *data)
{
	if (checked(c) == NULL)
		return;
	c->onToggled = f;
	c->onToggledData = data;
}

int uiCheckboxChecked(uiCheckbox *c)
{
	if (checked(c) == NULL)
		return 0;
	return SendMessageW(c->hwnd, BM_GETCHECK, 0, 0) == BST_CHECKED;
}

void uiCheckboxSetChecked(uiCheckbox *c, int isChecked)
{
	if (checked(c) == NULL)
		return;
	SendMessageW(c->hwnd, BM_SETCHECK, isChecked ? BST_CHECKED : BST_UNCHECKED, 0);
}

uiCheckbox *uiNewCheckbox(const char *text)
{
	uiCheckbox *c;

	if (!uiprivReady(__func__))
		return NULL;
	c = (uiCheckbox *) uiprivNewControl(sizeof (uiCheckbox), &checkboxVtable, 1);
	c->hwnd = uiprivCreateControlWindow(0, L"BUTTON", BS_AUTOCHECKBOX | WS_TABSTOP, uiControl(c));
	if (c->hwnd == NULL) {
		uiprivControlFree(uiControl(c));
		return NULL;
	}
	uiCheckboxSetText(c, text);
	return c;
}
