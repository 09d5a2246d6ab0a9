/* comdlg32 (ChooseFont, ChooseColor, the classic file dialogs) and shell32 (the classic folder
 * dialog) loaded on first use: programs that never open these dialogs do not load them, and no
 * import library is needed at link time.  They stay loaded until the process ends. */
#include "uipriv_windows.h"

static FARPROC proc(HMODULE *module, const WCHAR *file, const char *name)
{
	if (*module == NULL)
		*module = LoadLibraryW(file);
	if (*module == NULL)
		return NULL;
	return GetProcAddress(*module, name);
}

FARPROC uiprivComdlgProc(const char *name)
{
	static HMODULE comdlg;

	return proc(&comdlg, L"comdlg32.dll", name);
}

FARPROC uiprivShellProc(const char *name)
{
	static HMODULE shell;

	return proc(&shell, L"shell32.dll", name);
}

void uiprivButtonMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	int w = uiprivTextExtent(m->dc, uiprivHwnd(c)).cx + uiprivDluX(m, 10);

	/* At least a push button's width from the Windows layout guidelines: 50 x 14 dialog units. */
	*width = w > uiprivDluX(m, 50) ? w : uiprivDluX(m, 50);
	*height = uiprivDluY(m, 14);
}
