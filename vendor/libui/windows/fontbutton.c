/* uiFontButton on Win32: a push button naming the chosen font, which opens
 * ChooseFont when clicked (the public functions are in common/fontbutton.c). */
#include "uipriv_windows.h"
#include "osapi.h"
#include <commdlg.h>
#include <stdlib.h>

struct uiFontButton {
	uiControl c;
	HWND hwnd;
	LOGFONTW font;
	int pointTenths; /* the size in tenths of a point, as ChooseFont reports it */
	uiprivFontButtonShared shared;
};

typedef BOOL (WINAPI *chooseFontFunc)(LPCHOOSEFONTW);

/* Appends the decimal digits of n (0 <= n < 100000). */
static void appendNumber(WCHAR *text, int n)
{
	WCHAR digits[8];
	int i = 7;

	digits[i] = L'\0';
	do {
		digits[--i] = (WCHAR) (L'0' + n % 10);
		n /= 10;
	} while (n > 0 && i > 0);
	lstrcatW(text, digits + i);
}

/* "Family size", with Bold and Italic when they apply.  Built without the CRT's printf family:
 * variadic CRT calls are what Debian's arm64 Wine gets wrong (see common/userbug.c). */
static void showFont(uiFontButton *b)
{
	WCHAR text[LF_FACESIZE + 48];

	lstrcpynW(text, b->font.lfFaceName, LF_FACESIZE);
	lstrcatW(text, L" ");
	appendNumber(text, b->pointTenths / 10);
	if (b->pointTenths % 10 != 0) {
		lstrcatW(text, L".");
		appendNumber(text, b->pointTenths % 10);
	}
	if (b->font.lfWeight >= FW_SEMIBOLD)
		lstrcatW(text, L" Bold");
	if (b->font.lfItalic)
		lstrcatW(text, L" Italic");
	SetWindowTextW(b->hwnd, text);
}

static void fontButtonCommand(uiControl *c, WORD code)
{
	uiFontButton *b = (uiFontButton *) c;
	chooseFontFunc chooseFont;
	CHOOSEFONTW cf;
	LOGFONTW lf;
	UINT dpi = uiprivSystemDpi();

	if (code != BN_CLICKED)
		return;
	chooseFont = (chooseFontFunc) (void (*)(void)) uiprivComdlgProc("ChooseFontW");
	if (chooseFont == NULL)
		return;
	lf = b->font;
	/* The dialog works in the screen's logical units. */
	lf.lfHeight = -MulDiv(b->pointTenths, (int) dpi, 720);
	ZeroMemory(&cf, sizeof cf);
	cf.lStructSize = sizeof cf;
	cf.hwndOwner = GetAncestor(b->hwnd, GA_ROOT);
	cf.lpLogFont = &lf;
	cf.Flags = CF_SCREENFONTS | CF_INITTOLOGFONTSTRUCT | CF_FORCEFONTEXIST;
	if (!chooseFont(&cf))
		return;
	/* The handler of the dialog's own loop may have destroyed the button meanwhile. */
	if (!uiprivControlIs(c, &uiprivFontButtonVtable))
		return;
	b->font = lf;
	b->pointTenths = cf.iPointSize > 0 ? cf.iPointSize : MulDiv(abs(lf.lfHeight), 720, (int) dpi);
	showFont(b);
	uiprivRelayout(c);
	uiprivFontButtonChangedByUser(b);
}

static const uiprivWinHooks fontButtonHooks = {
	uiprivButtonMinSize, uiprivWinLayout, uiprivWinSetNativeParent, fontButtonCommand, NULL, NULL,
};

const uiprivControlVtable uiprivFontButtonVtable = {
	"uiFontButton", 0, uiprivWinFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled, &fontButtonHooks,
};

/* GDI fonts and ChooseFont have no width classes, so the stretch is always normal. */
static void toDescriptor(const LOGFONTW *lf, int pointTenths, uiFontDescriptor *desc)
{
	desc->Family = uiprivFromUTF16(lf->lfFaceName);
	desc->Size = pointTenths / 10.0;
	/* FW_DONTCARE (0) means the regular weight. */
	desc->Weight = lf->lfWeight == FW_DONTCARE ? uiTextWeightNormal
		: (uiTextWeight) uiprivClamp((int) lf->lfWeight, uiTextWeightMinimum, uiTextWeightMaximum);
	desc->Italic = lf->lfItalic ? uiTextItalicItalic : uiTextItalicNormal;
	desc->Stretch = uiTextStretchNormal;
}

/* The message font, what the controls themselves use, with its size in tenths of a point: its height
 * is given at the system DPI.  Whole points, as ChooseFont lists them. */
static void messageFont(LOGFONTW *lf, int *pointTenths)
{
	NONCLIENTMETRICSW ncm;
	int height;

	ZeroMemory(&ncm, sizeof ncm);
	ncm.cbSize = sizeof ncm;
	if (SystemParametersInfoW(SPI_GETNONCLIENTMETRICS, sizeof ncm, &ncm, 0))
		*lf = ncm.lfMessageFont;
	else {
		ZeroMemory(lf, sizeof *lf);
		lstrcpyW(lf->lfFaceName, L"Segoe UI");
	}
	height = lf->lfHeight != 0 ? abs(lf->lfHeight) : 12;
	*pointTenths = (MulDiv(height, 720, (int) uiprivSystemDpi()) + 5) / 10 * 10;
}

int uiprivOSFontButtonFont(uiFontButton *b, uiFontDescriptor *desc)
{
	toDescriptor(&b->font, b->pointTenths, desc);
	return 1;
}

int uiprivOSControlFont(uiFontDescriptor *desc)
{
	LOGFONTW lf;
	int pointTenths;

	messageFont(&lf, &pointTenths);
	toDescriptor(&lf, pointTenths, desc);
	return 1;
}

uiFontButton *uiprivOSNewFontButton(void)
{
	uiFontButton *b = (uiFontButton *) uiprivNewControl(sizeof (uiFontButton), &uiprivFontButtonVtable, 1);

	b->c.shared = &b->shared;
	b->hwnd = uiprivCreateControlWindow(0, L"BUTTON", BS_PUSHBUTTON | WS_TABSTOP, uiControl(b));
	if (b->hwnd == NULL) {
		uiprivControlFree(uiControl(b));
		return NULL;
	}
	messageFont(&b->font, &b->pointTenths);
	showFont(b);
	return b;
}
