/* uiEntry on Win32: a single-line EDIT control. */
#include "uipriv_windows.h"

/* Entry size as libui-ng and the Windows guidelines use, in dialog units. */
#define entryWidthDlu 107
#define entryHeightDlu 14

struct uiEntry {
	uiControl c;
	HWND hwnd;
	int settingText;
	void (*onChanged)(uiEntry *e, void *data);
	void *onChangedData;
};

static void entryMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	(void) c;
	*width = uiprivDluX(m, entryWidthDlu);
	*height = uiprivDluY(m, entryHeightDlu);
}

static void entryCommand(uiControl *c, WORD code)
{
	uiEntry *e = (uiEntry *) c;

	if (code == EN_CHANGE && !e->settingText && e->onChanged != NULL)
		e->onChanged(e, e->onChangedData);
}

static const uiprivWinHooks entryHooks = {
	entryMinSize, uiprivWinLayout, uiprivWinSetNativeParent, entryCommand, NULL, NULL,
};

static const uiprivControlVtable entryVtable = {
	"uiEntry", 0, uiprivWinFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled, &entryHooks,
};

/* Public functions reject anything but a live uiEntry, naming themselves. */
#define checked(x) ((uiEntry *) uiprivCheck((x), &entryVtable, __func__))

char *uiEntryText(uiEntry *e)
{
	if (checked(e) == NULL)
		return uiprivSanitize(NULL);
	return uiprivWindowTextUTF8(e->hwnd);
}

void uiEntrySetText(uiEntry *e, const char *text)
{
	if (checked(e) == NULL)
		return;
	/* EN_CHANGE arrives synchronously; the handler is for the user's edits only. */
	e->settingText = 1;
	uiprivSetWindowTextUTF8(e->hwnd, text);
	e->settingText = 0;
}

void uiEntryOnChanged(uiEntry *e, void (*f)(uiEntry *e, void *data), void *data)
{
	if (checked(e) == NULL)
		return;
	e->onChanged = f;
	e->onChangedData = data;
}

int uiEntryReadOnly(uiEntry *e)
{
	if (checked(e) == NULL)
		return 0;
	return (GetWindowLongPtrW(e->hwnd, GWL_STYLE) & ES_READONLY) != 0;
}

void uiEntrySetReadOnly(uiEntry *e, int readonly)
{
	if (checked(e) == NULL)
		return;
	SendMessageW(e->hwnd, EM_SETREADONLY, readonly != 0, 0);
}

static uiEntry *newEntry(DWORD style)
{
	uiEntry *e = (uiEntry *) uiprivNewControl(sizeof (uiEntry), &entryVtable, 1);

	e->hwnd = uiprivCreateControlWindow(WS_EX_CLIENTEDGE, L"EDIT", style | ES_AUTOHSCROLL | ES_LEFT | WS_TABSTOP, uiControl(e));
	if (e->hwnd == NULL) {
		uiprivControlFree(uiControl(e));
		return NULL;
	}
	/* The user may type as much as the API accepts (the limit counts UTF-16 units, a bound on bytes too). */
	SendMessageW(e->hwnd, EM_SETLIMITTEXT, uiTextLimit, 0);
	return e;
}

uiEntry *uiNewEntry(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return newEntry(0);
}

uiEntry *uiNewPasswordEntry(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return newEntry(ES_PASSWORD);
}

uiEntry *uiNewSearchEntry(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	/* Windows has no search field among its common controls; libui-ng uses a plain entry too. */
	return newEntry(0);
}
