/* uiEditableCombobox on Win32: a drop-down COMBOBOX with its own edit field. */
#include "uipriv_windows.h"
#include <stdlib.h>

/* Combo box size from the Windows layout guidelines, in dialog units. */
#define comboboxWidthDlu 107
#define comboboxHeightDlu 14

struct uiEditableCombobox {
	uiControl c;
	HWND hwnd;
	int settingText;
	void (*onChanged)(uiEditableCombobox *c, void *data);
	void *onChangedData;
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
	if (cb->onChanged != NULL)
		cb->onChanged(cb, cb->onChangedData);
}

static const uiprivWinHooks editableComboboxHooks = {
	editableComboboxMinSize, uiprivWinLayout, uiprivWinSetNativeParent, editableComboboxCommand, NULL, NULL,
};

static const uiprivControlVtable editableComboboxVtable = {
	"uiEditableCombobox", 0, uiprivWinFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled,
	&editableComboboxHooks,
};

/* Public functions reject anything but a live uiEditableCombobox, naming themselves. */
#define checked(x) ((uiEditableCombobox *) uiprivCheck((x), &editableComboboxVtable, __func__))

void uiEditableComboboxAppend(uiEditableCombobox *c, const char *text)
{
	if (checked(c) == NULL)
		return;
	uiprivComboInsert(c->hwnd, -1, text);
}

char *uiEditableComboboxText(uiEditableCombobox *c)
{
	if (checked(c) == NULL)
		return uiprivSanitize(NULL);
	return uiprivWindowTextUTF8(c->hwnd);
}

void uiEditableComboboxSetText(uiEditableCombobox *c, const char *text)
{
	if (checked(c) == NULL)
		return;
	c->settingText = 1;
	uiprivSetWindowTextUTF8(c->hwnd, text);
	c->settingText = 0;
}

void uiEditableComboboxOnChanged(uiEditableCombobox *c, void (*f)(uiEditableCombobox *sender, void *senderData), void *data)
{
	if (checked(c) == NULL)
		return;
	c->onChanged = f;
	c->onChangedData = data;
}

uiEditableCombobox *uiNewEditableCombobox(void)
{
	uiEditableCombobox *c;

	if (!uiprivReady(__func__))
		return NULL;
	c = (uiEditableCombobox *) uiprivNewControl(sizeof (uiEditableCombobox), &editableComboboxVtable, 1);
	c->hwnd = uiprivCreateControlWindow(0, L"COMBOBOX", CBS_DROPDOWN | CBS_AUTOHSCROLL | WS_VSCROLL | WS_TABSTOP, uiControl(c));
	if (c->hwnd == NULL) {
		uiprivControlFree(uiControl(c));
		return NULL;
	}
	/* The user may type as much as the API accepts. */
	SendMessageW(c->hwnd, CB_LIMITTEXT, uiTextLimit, 0);
	return c;
}
