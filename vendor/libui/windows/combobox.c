/* uiCombobox on Win32: a drop-down-list COMBOBOX (the public functions are in common/combobox.c). */
#include "uipriv_windows.h"
#include "osapi.h"
#include <stdlib.h>

/* Combo box size from the Windows layout guidelines, in dialog units. */
#define comboboxWidthDlu 107
#define comboboxHeightDlu 14

struct uiCombobox {
	uiControl c;
	HWND hwnd;
	/* The selection as of the last call or notification: Wine sends CBN_SELCHANGE for a
	 * key that selects nothing new (Down on the last item), which is not a choice. */
	int known;
	uiprivComboboxShared shared;
};

static void remember(uiCombobox *c)
{
	c->known = (int) SendMessageW(c->hwnd, CB_GETCURSEL, 0, 0);
}

static void comboboxMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	(void) c;
	*width = uiprivDluX(m, comboboxWidthDlu);
	*height = uiprivDluY(m, comboboxHeightDlu);
}

static void comboboxCommand(uiControl *c, WORD code)
{
	uiCombobox *cb = (uiCombobox *) c;

	int before = cb->known;

	/* CB_SETCURSEL sends no CBN_SELCHANGE, so only the user's choices arrive here. */
	if (code != CBN_SELCHANGE)
		return;
	remember(cb);
	if (cb->known != before)
		uiprivComboboxSelectedByUser(cb);
}

static const uiprivWinHooks comboboxHooks = {
	comboboxMinSize, uiprivWinLayout, uiprivWinSetNativeParent, comboboxCommand, NULL, NULL,
};

const uiprivControlVtable uiprivComboboxVtable = {
	"uiCombobox", 0, uiprivWinFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled, &comboboxHooks,
};

int uiprivOSComboboxCount(uiCombobox *c)
{
	return (int) SendMessageW(c->hwnd, CB_GETCOUNT, 0, 0);
}

void uiprivComboInsert(HWND hwnd, int index, const char *text)
{
	WCHAR *w = uiprivToUTF16(text);

	SendMessageW(hwnd, CB_INSERTSTRING, (WPARAM) index, (LPARAM) w);
	free(w);
}

void uiprivOSComboboxInsert(uiCombobox *c, int index, const char *text)
{
	uiprivComboInsert(c->hwnd, index, text);
	remember(c);
}

void uiprivOSComboboxDelete(uiCombobox *c, int index)
{
	SendMessageW(c->hwnd, CB_DELETESTRING, (WPARAM) index, 0);
	remember(c);
}

void uiprivOSComboboxClear(uiCombobox *c)
{
	SendMessageW(c->hwnd, CB_RESETCONTENT, 0, 0);
	remember(c);
}

int uiprivOSComboboxSelected(uiCombobox *c)
{
	/* CB_ERR is -1: no selection. */
	return (int) SendMessageW(c->hwnd, CB_GETCURSEL, 0, 0);
}

void uiprivOSComboboxSetSelected(uiCombobox *c, int index)
{
	/* CB_SETCURSEL sends no CBN_SELCHANGE. */
	SendMessageW(c->hwnd, CB_SETCURSEL, (WPARAM) index, 0);
	remember(c);
}

uiCombobox *uiprivOSNewCombobox(void)
{
	uiCombobox *c = (uiCombobox *) uiprivNewControl(sizeof (uiCombobox), &uiprivComboboxVtable, 1);

	c->c.shared = &c->shared;
	c->hwnd = uiprivCreateControlWindow(0, L"COMBOBOX", CBS_DROPDOWNLIST | WS_VSCROLL | WS_TABSTOP, uiControl(c));
	if (c->hwnd == NULL) {
		uiprivControlFree(uiControl(c));
		return NULL;
	}
	c->known = -1;
	return c;
}
