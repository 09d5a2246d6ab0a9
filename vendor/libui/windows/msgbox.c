/* uiMsgBox and uiMsgBoxError on Win32: MessageBox, styled by Common Controls 6 (the public functions
 * are in common/dialogs.c). */
#include "uipriv_windows.h"
#include "osapi.h"
#include <stdlib.h>

void uiprivOSMsgBox(uiWindow *parent, const char *title, const char *description, int error)
{
	HWND owner = NULL;
	WCHAR *t, *d;
	ULONG_PTR cookie;

	if (parent != NULL)
		owner = (HWND) uiControlHandle(uiControl(parent));
	t = uiprivToUTF16(title);
	d = uiprivToUTF16(description);
	cookie = uiprivActivateComctl();
	MessageBoxW(owner, d, t, MB_OK | (error ? MB_ICONERROR : MB_ICONINFORMATION) | (owner == NULL ? MB_TASKMODAL : 0));
	uiprivDeactivateComctl(cookie);
	free(t);
	free(d);
}
