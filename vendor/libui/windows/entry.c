/* uiEntry on Win32: a single-line EDIT control (the public functions are in common/entry.c). */
#include "uipriv_windows.h"
#include "osapi.h"

/* Entry size as libui-ng and the Windows guidelines use, in dialog units. */
#define entryWidthDlu 107
#define entryHeightDlu 14

struct uiEntry {
	uiControl c;
	HWND hwnd;
	int settingText;
	uiprivEntryShared shared;
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

	if (code == EN_CHANGE && !e->settingText)
		uiprivEntryChangedByUser(e);
}

static const uiprivWinHooks entryHooks = {
	entryMinSize, uiprivWinLayout, uiprivWinSetNativeParent, entryCommand, NULL, NULL,
};

const uiprivControlVtable uiprivEntryVtable = {
	"uiEntry", 0, uiprivWinFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled, &entryHooks,
};

char *uiprivOSEntryText(uiEntry *e)
{
	return uiprivWindowTextUTF8(e->hwnd);
}

void uiprivOSEntrySetText(uiEntry *e, const char *text)
{
	/* EN_CHANGE arrives synchronously; the handler is for the user's edits only. */
	e->settingText = 1;
	uiprivSetWindowTextUTF8(e->hwnd, text);
	e->settingText = 0;
}

int uiprivOSEntryReadOnly(uiEntry *e)
{
	return (GetWindowLongPtrW(e->hwnd, GWL_STYLE) & ES_READONLY) != 0;
}

void uiprivOSEntrySetReadOnly(uiEntry *e, int readonly)
{
	SendMessageW(e->hwnd, EM_SETREADONLY, readonly, 0);
}

uiEntry *uiprivOSNewEntry(uiprivEntryKind kind)
{
	uiEntry *e = (uiEntry *) uiprivNewControl(sizeof (uiEntry), &uiprivEntryVtable, 1);
	DWORD style = kind == uiprivEntryPassword ? ES_PASSWORD : 0;

	e->c.shared = &e->shared;
	e->hwnd = uiprivCreateControlWindow(WS_EX_CLIENTEDGE, L"EDIT", style | ES_AUTOHSCROLL | ES_LEFT | WS_TABSTOP, uiControl(e));
	if (e->hwnd == NULL) {
		uiprivControlFree(uiControl(e));
		return NULL;
	}
	/* The user may type as much as the API accepts (the limit counts UTF-16 units, a bound on bytes too). */
	SendMessageW(e->hwnd, EM_SETLIMITTEXT, uiTextLimit, 0);
	return e;
}
