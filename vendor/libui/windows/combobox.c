/* uiCombobox on Win32: a drop-down-list COMBOBOX. */
#include "uipriv_windows.h"
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
	void (*onSelected)(uiCombobox *c, void *data);
	void *onSelectedData;
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
	if (cb->known != before && cb->onSelected != NULL)
		cb->onSelected(cb, cb->onSelectedData);
}

static const uiprivWinHooks comboboxHooks = {
	comboboxMinSize, uiprivWinLayout, uiprivWinSetNativeParent, comboboxCommand, NULL, NULL,
};

static const uiprivControlVtable comboboxVtable = {
	"uiCombobox", 0, uiprivWinFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled, &comboboxHooks,
};

/* Public functions reject anything but a live uiCombobox, naming themselves. */
#define checked(x) ((uiCombobox *) uiprivCheck((x), &comboboxVtable, __func__))

static int count(uiCombobox *c)
{
	return (int) SendMessageW(c->hwnd, CB_GETCOUNT, 0, 0);
}

void uiprivComboInsert(HWND hwnd, int index, const char *text)
{
	WCHAR *w = uiprivToUTF16(text);

	SendMessageW(hwnd, CB_INSERTSTRING, (WPARAM) index, (LPARAM) w);
	free(w);
}

void uiComboboxAppend(uiCombobox *c, const char *text)
{
	if (checked(c) == NULL)
		return;
	uiprivComboInsert(c->hwnd, -1, text);
}

void uiComboboxInsertAt(uiCombobox *c, int index, const char *text)
{
	if (checked(c) == NULL || !uiprivIndexValid(index, 0, count(c), __func__))
		return;
	uiprivComboInsert(c->hwnd, index, text);
	remember(c);
}

void uiComboboxDelete(uiCombobox *c, int index)
{
	int selected;

	if (checked(c) == NULL || !uiprivIndexValid(index, 0, count(c) - 1, __func__))
		return;
	selected = (int) SendMessageW(c->hwnd, CB_GETCURSEL, 0, 0);
	SendMessageW(c->hwnd, CB_DELETESTRING, (WPARAM) index, 0);
	SendMessageW(c->hwnd, CB_SETCURSEL, (WPARAM) uiprivSelectionAfterDelete(selected, index, count(c)), 0);
	remember(c);
}

void uiComboboxClear(uiCombobox *c)
{
	if (checked(c) == NULL)
		return;
	SendMessageW(c->hwnd, CB_RESETCONTENT, 0, 0);
	remember(c);
}

int uiComboboxNumItems(uiCombobox *c)
{
	if (checked(c) == NULL)
		return 0;
	return count(c);
}

int uiComboboxSelected(uiCombobox *c)
{
	if (checked(c) == NULL)
		return -1;
	/* CB_ERR is -1: no selection. */
	return (int) SendMessageW(c->hwnd, CB_GETCURSEL, 0, 0);
}

void uiComboboxSetSelected(uiCombobox *c, int index)
{
	if (checked(c) == NULL || !uiprivIndexValid(index, -1, count(c) - 1, __func__))
		return;
	SendMessageW(c->hwnd, CB_SETCURSEL, (WPARAM) index, 0);
	remember(c);
}

void uiComboboxOnSelected(uiCombobox *c, void (*f)(uiCombobox *sender, void *senderData), void *data)
{
	if (checked(c) == NULL)
		return;
	c->onSelected = f;
	c->onSelectedData = data;
}

uiCombobox *uiNewCombobox(void)
{
	uiCombobox *c;

	if (!uiprivReady(__func__))
		return NULL;
	c = (uiCombobox *) uiprivNewControl(sizeof (uiCombobox), &comboboxVtable, 1);
	c->hwnd = uiprivCreateControlWindow(0, L"COMBOBOX", CBS_DROPDOWNLIST | WS_VSCROLL | WS_TABSTOP, uiControl(c));
	if (c->hwnd == NULL) {
		uiprivControlFree(uiControl(c));
		return NULL;
	}
	c->known = -1;
	return c;
}
