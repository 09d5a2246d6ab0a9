/* ui_extras.h on Win32: CF_UNICODETEXT, and Enter in an EDIT control seen
 * through a subclass that also asks the dialog manager to pass Enter on. */
#include "uipriv_windows.h"
#include <stdlib.h>

static const WCHAR activatedProp[] = L"uixActivated";

/* Another program may hold the clipboard for a moment: retry briefly. */
static BOOL openClipboard(void)
{
	int tries;

	for (tries = 0; tries < 10; tries++) {
		if (OpenClipboard(uiprivParkingWindow))
			return TRUE;
		Sleep(10);
	}
	return FALSE;
}

int uiprivOSClipboardSet(const char *text)
{
	WCHAR *wide = uiprivToUTF16(text);
	size_t bytes = (wcslen(wide) + 1) * sizeof (WCHAR);
	HGLOBAL block;
	void *p;
	int ok = 0;

	/* Owned by our hidden window: with no owner SetClipboardData fails. */
	if (uiprivParkingWindow == NULL || !openClipboard()) {
		free(wide);
		return 0;
	}
	block = GlobalAlloc(GMEM_MOVEABLE, bytes);
	if (block != NULL && (p = GlobalLock(block)) != NULL) {
		memcpy(p, wide, bytes);
		GlobalUnlock(block);
		if (EmptyClipboard() && SetClipboardData(CF_UNICODETEXT, block) != NULL)
			ok = 1;
	}
	if (!ok && block != NULL)
		GlobalFree(block); /* the system owns it only after a successful SetClipboardData */
	CloseClipboard();
	free(wide);
	return ok;
}

char *uiprivOSClipboardGet(void)
{
	HANDLE block;
	const WCHAR *wide;
	char *text = NULL;

	if (!openClipboard())
		return NULL;
	block = GetClipboardData(CF_UNICODETEXT);
	if (block != NULL && (wide = (const WCHAR *) GlobalLock(block)) != NULL) {
		text = uiprivFromUTF16(wide);
		GlobalUnlock(block);
	}
	CloseClipboard();
	return text;
}

typedef struct activated {
	WNDPROC previous;
	uiEntry *e;
	void (*f)(uiEntry *e, void *data);
	void *data;
} activated;

static LRESULT CALLBACK activatedProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam)
{
	activated *a = (activated *) GetPropW(hwnd, activatedProp);
	WNDPROC previous;
	LRESULT r;

	if (a == NULL)
		return DefWindowProcW(hwnd, msg, wParam, lParam);
	previous = a->previous;
	switch (msg) {
	case WM_GETDLGCODE:
		r = CallWindowProcW(previous, hwnd, msg, wParam, lParam);
		if (lParam != 0 && ((const MSG *) lParam)->message == WM_KEYDOWN && ((const MSG *) lParam)->wParam == VK_RETURN)
			r |= DLGC_WANTMESSAGE;
		return r;
	case WM_CHAR:
		if (wParam == VK_RETURN && a->f != NULL) {
			/* Handled: a single-line EDIT would only beep. */
			a->f(a->e, a->data);
			return 0;
		}
		break;
	case WM_NCDESTROY:
		SetWindowLongPtrW(hwnd, GWLP_WNDPROC, (LONG_PTR) previous);
		RemovePropW(hwnd, activatedProp);
		free(a);
		break;
	}
	return CallWindowProcW(previous, hwnd, msg, wParam, lParam);
}

void uiprivOSEntryActivatedSet(uiEntry *e, uintptr_t handle, void (*f)(uiEntry *e, void *data), void *data)
{
	HWND hwnd = (HWND) handle;
	WCHAR cls[16];
	activated *a;

	if (!IsWindow(hwnd) || GetClassNameW(hwnd, cls, 16) == 0 || lstrcmpiW(cls, L"Edit") != 0)
		return;
	a = (activated *) GetPropW(hwnd, activatedProp);
	if (a == NULL) {
		a = (activated *) uiprivAlloc(sizeof (activated));
		a->previous = (WNDPROC) GetWindowLongPtrW(hwnd, GWLP_WNDPROC);
		SetPropW(hwnd, activatedProp, a);
		SetWindowLongPtrW(hwnd, GWLP_WNDPROC, (LONG_PTR) activatedProc);
	}
	a->e = e;
	a->f = f;
	a->data = data;
}
