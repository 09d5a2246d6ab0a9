/* uiColorButton on Win32: a push button with a swatch of its color drawn
 * over its face (NM_CUSTOMDRAW), which opens ChooseColor when clicked.  The
 * color is kept as given; ChooseColor edits red, green and blue.  The public functions are in
 * common/colorbutton.c. */
#include "uipriv_windows.h"
#include "osapi.h"
#include <commdlg.h>

struct uiColorButton {
	uiControl c;
	HWND hwnd;
	double rgba[4];
	COLORREF custom[16]; /* the dialog's custom colors, kept between openings */
	uiprivColorButtonShared shared;
};

typedef BOOL (WINAPI *chooseColorFunc)(LPCHOOSECOLORW);

static BYTE byteOf(double v)
{
	return (BYTE) (v * 255 + 0.5);
}

static void colorButtonCommand(uiControl *c, WORD code)
{
	uiColorButton *b = (uiColorButton *) c;
	chooseColorFunc chooseColor;
	CHOOSECOLORW cc;

	if (code != BN_CLICKED)
		return;
	chooseColor = (chooseColorFunc) (void (*)(void)) uiprivComdlgProc("ChooseColorW");
	if (chooseColor == NULL)
		return;
	ZeroMemory(&cc, sizeof cc);
	cc.lStructSize = sizeof cc;
	cc.hwndOwner = GetAncestor(b->hwnd, GA_ROOT);
	cc.rgbResult = RGB(byteOf(b->rgba[0]), byteOf(b->rgba[1]), byteOf(b->rgba[2]));
	cc.lpCustColors = b->custom;
	cc.Flags = CC_FULLOPEN | CC_RGBINIT | CC_ANYCOLOR;
	if (!chooseColor(&cc))
		return;
	/* The handler of the dialog's own loop may have destroyed the button meanwhile. */
	if (!uiprivControlIs(c, &uiprivColorButtonVtable))
		return;
	b->rgba[0] = GetRValue(cc.rgbResult) / 255.0;
	b->rgba[1] = GetGValue(cc.rgbResult) / 255.0;
	b->rgba[2] = GetBValue(cc.rgbResult) / 255.0;
	InvalidateRect(b->hwnd, NULL, TRUE);
	uiprivColorButtonChangedByUser(b);
}

/* The swatch: the color over the button face, mixed by alpha, inside the button's border. */
static BOOL colorButtonNotify(uiControl *c, NMHDR *nm, LRESULT *result)
{
	uiColorButton *b = (uiColorButton *) c;
	NMCUSTOMDRAW *cd = (NMCUSTOMDRAW *) nm;
	COLORREF face;
	HBRUSH brush;
	RECT r;
	double a = b->rgba[3];
	int inset;

	if (nm->code != NM_CUSTOMDRAW)
		return FALSE;
	if (cd->dwDrawStage == CDDS_PREPAINT) {
		*result = CDRF_NOTIFYPOSTPAINT;
		return TRUE;
	}
	if (cd->dwDrawStage != CDDS_POSTPAINT) {
		*result = CDRF_DODEFAULT;
		return TRUE;
	}
	face = GetSysColor(COLOR_BTNFACE);
	brush = CreateSolidBrush(RGB(byteOf(b->rgba[0] * a + GetRValue(face) / 255.0 * (1 - a)),
		byteOf(b->rgba[1] * a + GetGValue(face) / 255.0 * (1 - a)),
		byteOf(b->rgba[2] * a + GetBValue(face) / 255.0 * (1 - a))));
	r = cd->rc;
	inset = (r.bottom - r.top) / 4;
	InflateRect(&r, -inset, -inset);
	if (brush != NULL) {
		FillRect(cd->hdc, &r, brush);
		DeleteObject(brush);
	}
	FrameRect(cd->hdc, &r, (HBRUSH) GetStockObject(BLACK_BRUSH));
	*result = CDRF_DODEFAULT;
	return TRUE;
}

static const uiprivWinHooks colorButtonHooks = {
	uiprivButtonMinSize, uiprivWinLayout, uiprivWinSetNativeParent, colorButtonCommand, NULL, colorButtonNotify,
};

const uiprivControlVtable uiprivColorButtonVtable = {
	"uiColorButton", 0, uiprivWinFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled, &colorButtonHooks,
};

void uiprivOSColorButtonColor(uiColorButton *b, double rgba[4])
{
	int i;

	for (i = 0; i < 4; i++)
		rgba[i] = b->rgba[i];
}

void uiprivOSColorButtonSetColor(uiColorButton *b, const double rgba[4])
{
	int i;

	for (i = 0; i < 4; i++)
		b->rgba[i] = rgba[i];
	InvalidateRect(b->hwnd, NULL, TRUE);
}

uiColorButton *uiprivOSNewColorButton(void)
{
	uiColorButton *b = (uiColorButton *) uiprivNewControl(sizeof (uiColorButton), &uiprivColorButtonVtable, 1);
	int i;

	b->c.shared = &b->shared;
	b->hwnd = uiprivCreateControlWindow(0, L"BUTTON", BS_PUSHBUTTON | WS_TABSTOP, uiControl(b));
	if (b->hwnd == NULL) {
		uiprivControlFree(uiControl(b));
		return NULL;
	}
	b->rgba[3] = 1; /* opaque black */
	for (i = 0; i < 16; i++)
		b->custom[i] = RGB(255, 255, 255);
	return b;
}
