/* uiEditableCombobox on Win32: a drop-down COMBOBOX with its own edit field (the public
 * functions are in common/editablecombobox.c). */
#include "uipriv_windows.h"
#include "osapi.h"
#include <stdlib.h>

/* Combo box size from the Windows layout guidelines, in dialog units. */
#define comboboxWidthDlu 107
#define comboboxHeightDlu 14

struct uiEditableCombobox {
	uiControl c;
	HWND hwnd;
	int settingText;
	uiprivEditableComboboxShared shared;
};

static void editableComboboxMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	(void) c;
	*width = uiprivDluX(m, comboboxWidthDlu);
	*height = uiprivDluY(m, comboboxHeightDlu);
}

static void editableComboboxCommand(uiControl *c, WORD code)
{
	uiEditableCombobox *cb = (uiEditableCombobox *) c;
	int index, n;
	WCHAR *w;

	if (cb->settingText)
		return;
	if (code == CBN_SELCHANGE) {
		/* The edit field takes the chosen text only after this notification; put it there now,
		 * so the handler reads the new text. */
		index = (int) SendMessageW(cb->hwnd, CB_GETCURSEL, 0, 0);
		n = (int) SendMessageW(cb->hwnd, CB_GETLBTEXTLEN, (WPARAM) index, 0);
		if (index < 0 || n < 0)
			return;
		w = (WCHAR *) uiprivAlloc(((size_t) n + 1) * sizeof (WCHAR));
		SendMessageW(cb->hwnd, CB_GETLBTEXT, (WPARAM) index, (LPARAM) w);
		cb->settingText = 1;
		SetWindowTextW(cb->hwnd, w);
		cb->settingText = 0;
		free(w);
	} else if (code != CBN_EDITCHANGE)
		return;
	uiprivEditableComboboxChangedByUser(cb);
}

static const uiprivWinHooks editableComboboxHooks = {
	editableComboboxMinSize, uiprivWinLayout, uiprivWinSetNativeParent, editableComboboxCommand, NULL, NULL,
};

const uiprivControlVtable uiprivEditableComboboxVtable = {
	"uiEditableCombobox", 0, uiprivWinFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled,
	&editableComboboxHooks,
};

void uiprivOSEditableComboboxAppend(uiEditableCombobox *c, const char *text)
{
	uiprivComboInsert(c->hwnd, -1, text);
}

char *uiprivOSEditableComboboxText(uiEditableCombobox *c)
{
	return uiprivWindowTextUTF8(c->hwnd);
}

void uiprivOSEditableComboboxSetText(uiEditableCombobox *c, const char *text)
{
	c->settingText = 1;
	uiprivSetWindowTextUTF8(c->hwnd, text);
	c->settingText = 0;
}

uiEditableCombobox *uiprivOSNewEditableCombobox(void)
{
	uiEditableCombobox *c = (uiEditableCombobox *) uiprivNewControl(sizeof (uiEditableCombobox), &uiprivEditableComboboxVtable, 1);

	c->c.shared = &c->shared;
	c->hwnd = uiprivCreateControlWindow(0, L"COMBOBOX", CBS_DROPDOWN | CBS_AUTOHSCROLL | WS_VSCROLL | WS_TABSTOP, uiControl(c));
	if (c->hwnd == NULL) {
		uiprivControlFree(uiControl(c));
		return NULL;
	}
	/* The user may type as much as the API accepts. */
	SendMessageW(c->hwnd, CB_LIMITTEXT, uiTextLimit, 0);
	return c;
}
