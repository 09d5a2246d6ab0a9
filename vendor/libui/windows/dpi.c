/* Per-window DPI and the system message font.  The per-DPI functions are
 * looked up at run time so the library still loads on Windows before 10 1607. */
#include "uipriv_windows.h"

typedef UINT (WINAPI *getDpiForWindowFunc)(HWND);
typedef UINT (WINAPI *getDpiForSystemFunc)(void);
typedef BOOL (WINAPI *spiForDpiFunc)(UINT, UINT, PVOID, UINT, UINT);
typedef BOOL (WINAPI *adjustForDpiFunc)(LPRECT, DWORD, BOOL, DWORD, UINT);

static getDpiForWindowFunc pGetDpiForWindow;
static getDpiForSystemFunc pGetDpiForSystem;
static spiForDpiFunc pSystemParametersInfoForDpi;
static adjustForDpiFunc pAdjustWindowRectExForDpi;

void uiprivInitDpi(void)
{
	HMODULE user32 = GetModuleHandleW(L"user32.dll");

	if (user32 == NULL)
		return;
	pGetDpiForWindow = (getDpiForWindowFunc) (void (*)(void)) GetProcAddress(user32, "GetDpiForWindow");
	pGetDpiForSystem = (getDpiForSystemFunc) (void (*)(void)) GetProcAddress(user32, "GetDpiForSystem");
	pSystemParametersInfoForDpi = (spiForDpiFunc) (void (*)(void)) GetProcAddress(user32, "SystemParametersInfoForDpi");
	pAdjustWindowRectExForDpi = (adjustForDpiFunc) (void (*)(void)) GetProcAddress(user32, "AdjustWindowRectExForDpi");
}

UINT uiprivSystemDpi(void)
{
	HDC dc;
	int dpi;

	if (pGetDpiForSystem != NULL)
		return pGetDpiForSystem();
	dc = GetDC(NULL);
	dpi = dc != NULL ? GetDeviceCaps(dc, LOGPIXELSY) : 96;
	if (dc != NULL)
		ReleaseDC(NULL, dc);
	return dpi > 0 ? (UINT) dpi : 96;
}

UINT uiprivWindowDpi(HWND hwnd)
{
	UINT dpi = 0;

	/* This follows the host's awareness: 96 for unaware processes, the monitor's DPI for per-monitor ones. */
	if (pGetDpiForWindow != NULL && hwnd != NULL)
		dpi = pGetDpiForWindow(hwnd);
	return dpi != 0 ? dpi : uiprivSystemDpi();
}

HFONT uiprivCreateMessageFont(UINT dpi)
{
	NONCLIENTMETRICSW ncm;
	HFONT font = NULL;
	BOOL ok = FALSE;

	ZeroMemory(&ncm, sizeof ncm);
	ncm.cbSize = sizeof ncm;
	if (pSystemParametersInfoForDpi != NULL)
		ok = pSystemParametersInfoForDpi(SPI_GETNONCLIENTMETRICS, sizeof ncm, &ncm, 0, dpi);
	if (!ok && SystemParametersInfoW(SPI_GETNONCLIENTMETRICS, sizeof ncm, &ncm, 0)) {
		/* The plain call answers for the system DPI. */
		ncm.lfMessageFont.lfHeight = MulDiv(ncm.lfMessageFont.lfHeight, (int) dpi, (int) uiprivSystemDpi());
		ok = TRUE;
	}
	if (ok)
		font = CreateFontIndirectW(&ncm.lfMessageFont);
	if (font == NULL) {
		LOGFONTW lf;
		ZeroMemory(&lf, sizeof lf);
		lf.lfHeight = -MulDiv(9, (int) dpi, 72);
		lf.lfCharSet = DEFAULT_CHARSET;
		lstrcpynW(lf.lfFaceName, L"Segoe UI", LF_FACESIZE);
		font = CreateFontIndirectW(&lf);
	}
	return font;
}

void uiprivFontBaseUnits(HFONT font, int *baseX, int *baseY)
{
	static const WCHAR letters[] = L"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	HDC dc = GetDC(NULL);
	HGDIOBJ old;
	TEXTMETRICW tm;
	SIZE size;

	*baseX = 6;
	*baseY = 13;
	if (dc == NULL)
		return;
	old = SelectObject(dc, font);
	/* Dialog base units as Windows defines them for a dialog font. */
	if (GetTextExtentPoint32W(dc, letters, 52, &size))
		*baseX = (int) ((size.cx / 26 + 1) / 2);
	if (GetTextMetricsW(dc, &tm))
		*baseY = (int) tm.tmHeight;
	SelectObject(dc, old);
	ReleaseDC(NULL, dc);
}

BOOL uiprivAdjustWindowRect(RECT *r, DWORD style, BOOL menu, DWORD exStyle, UINT dpi)
{
	if (pAdjustWindowRectExForDpi != NULL)
		return pAdjustWindowRectExForDpi(r, style, menu, exStyle, dpi);
	return AdjustWindowRectEx(r, style, menu, exStyle);
}

int uiprivDluX(const uiprivMetrics *m, int dlu)
{
	return MulDiv(dlu, m->baseX, 4);
}

int uiprivDluY(const uiprivMetrics *m, int dlu)
{
	return MulDiv(dlu, m->baseY, 8);
}
