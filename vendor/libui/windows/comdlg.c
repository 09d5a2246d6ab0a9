/* comdlg32 (ChooseFont, ChooseColor) loaded on first use: programs that never
 * open these dialogs do not load it, and no import library is needed at link
 * time.  It stays loaded until the process ends. */
#include "uipriv_windows.h"

FARPROC uiprivComdlgProc(const char *name)
{
	static HMODULE comdlg;

	if (comdlg == NULL)
		comdlg = LoadLibraryW(L"comdlg32.dll");
	if (comdlg == NULL)
		return NULL;
	return GetProcAddress(comdlg, name);
}

void uiprivButtonMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	int w = uiprivTextExtent(m->dc, uiprivHwnd(c)).cx + uiprivDluX(m, 10);

	/* At least a push button's width from the Windows layout guidelines: 50 x 14 dialog units. */
	*width = w > uiprivDluX(m, 50) ? w : uiprivDluX(m, 50);
	*height = uiprivDluY(m, 14);
}
