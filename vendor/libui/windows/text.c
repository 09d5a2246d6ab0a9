/* UTF-8 <-> UTF-16 at the Win32 boundary, always through the shared sanitizer. */
#include "uipriv_windows.h"
#include <stdlib.h>

WCHAR *uiprivToUTF16(const char *s)
{
	char *clean = uiprivSanitize(s);
	int n = MultiByteToWideChar(CP_UTF8, 0, clean, -1, NULL, 0);
	WCHAR *w;

	if (n <= 0)
		n = 1;
	w = (WCHAR *) uiprivAlloc((size_t) n * sizeof (WCHAR));
	if (MultiByteToWideChar(CP_UTF8, 0, clean, -1, w, n) <= 0)
		w[0] = L'\0';
	uiFreeText(clean);
	return w;
}

char *uiprivFromUTF16(const WCHAR *s)
{
	int n;
	char *raw, *clean;

	if (s == NULL)
		return uiprivSanitize(NULL);
	/* Unpaired surrogates come out as U+FFFD; the sanitizer then applies the length limit. */
	n = WideCharToMultiByte(CP_UTF8, 0, s, -1, NULL, 0, NULL, NULL);
	if (n <= 0)
		return uiprivSanitize(NULL);
	raw = (char *) uiprivAlloc((size_t) n);
	if (WideCharToMultiByte(CP_UTF8, 0, s, -1, raw, n, NULL, NULL) <= 0)
		raw[0] = '\0';
	clean = uiprivSanitize(raw);
	free(raw);
	return clean;
}

WCHAR *uiprivWindowTextW(HWND hwnd)
{
	int n = GetWindowTextLengthW(hwnd);
	WCHAR *w;

	if (n < 0)
		n = 0;
	w = (WCHAR *) uiprivAlloc(((size_t) n + 1) * sizeof (WCHAR));
	GetWindowTextW(hwnd, w, n + 1);
	return w;
}

char *uiprivWindowTextUTF8(HWND hwnd)
{
	WCHAR *w = uiprivWindowTextW(hwnd);
	char *s = uiprivFromUTF16(w);

	free(w);
	return s;
}

void uiprivSetWindowTextUTF8(HWND hwnd, const char *text)
{
	WCHAR *w = uiprivToUTF16(text);

	SetWindowTextW(hwnd, w);
	free(w);
}

SIZE uiprivTextExtent(HDC dc, HWND hwnd)
{
	WCHAR *w = uiprivWindowTextW(hwnd);
	RECT r;
	SIZE size;

	SetRectEmpty(&r);
	/* DrawText measures every line of multi-line text, GetTextExtentPoint32 only one. */
	DrawTextW(dc, w, -1, &r, DT_CALCRECT | DT_NOPREFIX | DT_EXPANDTABS);
	free(w);
	size.cx = r.right - r.left;
	size.cy = r.bottom - r.top;
	return size;
}
