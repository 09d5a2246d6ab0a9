/* uiMultilineEntry on Win32: a multi-line EDIT.  The EDIT ends lines with
 * "\r\n"; the API uses "\n", so text is converted both ways. */
#include "uipriv_windows.h"
#include <stdlib.h>
#include <string.h>

/* Size from the Windows layout guidelines (an entry's width, a few lines high), in dialog units. */
#define multilineWidthDlu 107
#define multilineHeightDlu 40

struct uiMultilineEntry {
	uiControl c;
	HWND hwnd;
	int settingText;
	void (*onChanged)(uiMultilineEntry *e, void *data);
	void *onChangedData;
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

	if (code == EN_CHANGE && !e->settingText && e->onChanged != NULL)
		e->onChanged(e, e->onChangedData);
}

static const uiprivWinHooks multilineEntryHooks = {
	multilineEntryMinSize, uiprivWinLayout, uiprivWinSetNativeParent, multilineEntryCommand, NULL, NULL,
};

static const uiprivControlVtable multilineEntryVtable = {
	"uiMultilineEntry", 0, uiprivWinFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled,
	&multilineEntryHooks,
};

/* Public functions reject anything but a live uiMultilineEntry, naming themselves. */
#define checked(x) ((uiMultilineEntry *) uiprivCheck((x), &multilineEntryVtable, __func__))

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

char *uiMultilineEntryText(uiMultilineEntry *e)
{
	if (checked(e) == NULL)
		return uiprivSanitize(NULL);
	return fromCRLF(e->hwnd);
}

void uiMultilineEntrySetText(uiMultilineEntry *e, const char *text)
{
	char *clean;
	WCHAR *w;

	if (checked(e) == NULL)
		return;
	clean = uiprivSanitize(text);
	w = toCRLF(clean);
	/* EN_CHANGE arrives synchronously; the handler is for the user's edits only. */
	e->settingText = 1;
	SetWindowTextW(e->hwnd, w);
	e->settingText = 0;
	free(w);
	uiFreeText(clean);
}

void uiMultilineEntryAppend(uiMultilineEntry *e, const char *text)
{
	char *current, *clean;
	WCHAR *w;
	int end;

	if (checked(e) == NULL)
		return;
	current = fromCRLF(e->hwnd);
	clean = uiprivSanitizeFit(text, strlen(current));
	uiFreeText(current);
	w = toCRLF(clean);
	end = GetWindowTextLengthW(e->hwnd);
	e->settingText = 1;
	SendMessageW(e->hwnd, EM_SETSEL, (WPARAM) end, (LPARAM) end);
	SendMessageW(e->hwnd, EM_REPLACESEL, FALSE, (LPARAM) w);
	e->settingText = 0;
	free(w);
	uiFreeText(clean);
}

void uiMultilineEntryOnChanged(uiMultilineEntry *e, void (*f)(uiMultilineEntry *sender, void *senderData), void *data)
{
	if (checked(e) == NULL)
		return;
	e->onChanged = f;
	e->onChangedData = data;
}

int uiMultilineEntryReadOnly(uiMultilineEntry *e)
{
	if (checked(e) == NULL)
		return 0;
	return (GetWindowLongPtrW(e->hwnd, GWL_STYLE) & ES_READONLY) != 0;
}

void uiMultilineEntrySetReadOnly(uiMultilineEntry *e, int readonly)
{
	if (checked(e) == NULL)
		return;
	SendMessageW(e->hwnd, EM_SETREADONLY, readonly != 0, 0);
}

static uiMultilineEntry *newMultilineEntry(DWORD scrolling)
{
	uiMultilineEntry *e = (uiMultilineEntry *) uiprivNewControl(sizeof (uiMultilineEntry), &multilineEntryVtable, 1);

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

uiMultilineEntry *uiNewMultilineEntry(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return newMultilineEntry(0);
}

uiMultilineEntry *uiNewNonWrappingMultilineEntry(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return newMultilineEntry(ES_AUTOHSCROLL | WS_HSCROLL);
}
