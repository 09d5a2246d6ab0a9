/* uiMsgBox and uiMsgBoxError on Win32: MessageBox, styled by Common Controls 6. */
#include "uipriv_windows.h"
#include <stdlib.h>

static void msgbox(uiWindow *parent, const char *title, const char *description, UINT icon)
{
	HWND owner = NULL;
	WCHAR *t, *d;
	ULONG_PTR cookie;

	/* A bad parent is dropped rather than rejecting the message. */
	if (uiprivControlIs(uiControl(parent), &uiprivWindowVtable))
		owner = (HWND) uiControlHandle(uiControl(parent));
	t = uiprivToUTF16(title);
	d = uiprivToUTF16(description);
	cookie = uiprivActivateComctl();
	MessageBoxW(owner, d, t, MB_OK | icon | (owner == NULL ? MB_TASKMODAL : 0));
	uiprivDeactivateComctl(cookie);
	free(t);
	free(d);
}

void uiMsgBox(uiWindow *parent, const char *title, const char *description)
{
	msgbox(parent, title, description, MB_ICONINFORMATION);
}

void uiMsgBoxError(uiWindow *parent, const char *title, const char *description)
{
	msgbox(parent, title, description, MB_ICONERROR);
}
