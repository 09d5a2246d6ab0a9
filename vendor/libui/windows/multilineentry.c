/* uiMultilineEntry on Win32: a multi-line EDIT.  The EDIT ends lines with
 * "\r\n"; the API uses "\n", so text is converted both ways.  The public
 * functions are in common/multilineentry.c. */
#include "uipriv_windows.h"
#include "osapi.h"
#include <stdlib.h>
#include <string.h>

/* Size from the Windows layout guidelines (an entry's width, a few lines high), in dialog units. */
#define multilineWidthDlu 107
#define multilineHeightDlu 40

struct uiMultilineEntry {
	uiControl c;
	HWND hwnd;
	int settingText;
	uiprivMultilineEntryShared shared;
};

static void multilineEntryMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	(void) c;
	*width = uiprivDluX(m, multilineWidthDlu);
	*height = uiprivDluY(m, multilineHeightDlu);
}

static void multilineEntryCommand(uiControl *c, WORD code)
{
	uiMultilineEntry *e = (uiMultilineEntry *) c;

	if (code == EN_CHANGE && !e->settingText)
		uiprivMultilineEntryChangedByUser(e);
}

static const uiprivWinHooks multilineEntryHooks = {
	multilineEntryMinSize, uiprivWinLayout, uiprivWinSetNativeParent, multilineEntryCommand, NULL, NULL,
};

const uiprivControlVtable uiprivMultilineEntryVtable = {
	"uiMultilineEntry", 0, uiprivWinFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled,
	&multilineEntryHooks,
};

/* s (already clean UTF-8) with every "\n" not after "\r" turned into "\r\n", as UTF-16. */
static WCHAR *toCRLF(const char *s)
{
	size_t n = strlen(s), lf = 0, i, o = 0;
	char *crlf;
	WCHAR *w;

	for (i = 0; i < n; i++)
		if (s[i] == '\n')
			lf++;
	crlf = (char *) uiprivAlloc(n + lf + 1);
	for (i = 0; i < n; i++) {
		if (s[i] == '\n' && (i == 0 || s[i - 1] != '\r'))
			crlf[o++] = '\r';
		crlf[o++] = s[i];
	}
	crlf[o] = '\0';
	w = uiprivToUTF16(crlf);
	free(crlf);
	return w;
}

/* The EDIT's text with "\r\n" back to "\n", as clean UTF-8 (not yet cut to the limit). */
static char *fromCRLF(HWND hwnd)
{
	WCHAR *w = uiprivWindowTextW(hwnd);
	size_t i, o = 0;
	char *s;

	for (i = 0; w[i] != L'\0'; i++)
		if (!(w[i] == L'\r' && w[i + 1] == L'\n'))
			w[o++] = w[i];
	w[o] = L'\0';
	s = uiprivFromUTF16(w);
	free(w);
	return s;
}

char *uiprivOSMultilineEntryText(uiMultilineEntry *e)
{
	return fromCRLF(e->hwnd);
}

void uiprivOSMultilineEntrySetText(uiMultilineEntry *e, const char *text)
{
	WCHAR *w = toCRLF(text);

	/* EN_CHANGE arrives synchronously; the handler is for the user's edits only. */
	e->settingText = 1;
	SetWindowTextW(e->hwnd, w);
	e->settingText = 0;
	free(w);
}

void uiprivOSMultilineEntryAppend(uiMultilineEntry *e, const char *text)
{
	WCHAR *w = toCRLF(text);
	int end = GetWindowTextLengthW(e->hwnd);

	e->settingText = 1;
	SendMessageW(e->hwnd, EM_SETSEL, (WPARAM) end, (LPARAM) end);
	SendMessageW(e->hwnd, EM_REPLACESEL, FALSE, (LPARAM) w);
	e->settingText = 0;
	free(w);
}

int uiprivOSMultilineEntryReadOnly(uiMultilineEntry *e)
{
	return (GetWindowLongPtrW(e->hwnd, GWL_STYLE) & ES_READONLY) != 0;
}

void uiprivOSMultilineEntrySetReadOnly(uiMultilineEntry *e, int readonly)
{
	SendMessageW(e->hwnd, EM_SETREADONLY, readonly, 0);
}

uiMultilineEntry *uiprivOSNewMultilineEntry(int wrap)
{
	uiMultilineEntry *e = (uiMultilineEntry *) uiprivNewControl(sizeof (uiMultilineEntry), &uiprivMultilineEntryVtable, 1);
	/* Without wrapping, long lines scroll sideways. */
	DWORD scrolling = wrap ? 0 : ES_AUTOHSCROLL | WS_HSCROLL;

	e->c.shared = &e->shared;
	e->hwnd = uiprivCreateControlWindow(WS_EX_CLIENTEDGE, L"EDIT",
		ES_MULTILINE | ES_AUTOVSCROLL | ES_WANTRETURN | ES_LEFT | WS_VSCROLL | WS_TABSTOP | scrolling, uiControl(e));
	if (e->hwnd == NULL) {
		uiprivControlFree(uiControl(e));
		return NULL;
	}
	/* The user may type as much as the API accepts (UTF-16 units bound the bytes from above too). */
	SendMessageW(e->hwnd, EM_SETLIMITTEXT, uiTextLimit, 0);
	return e;
}
