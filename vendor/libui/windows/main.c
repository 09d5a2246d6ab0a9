/* The Win32 message loop behind common/main.c: init (window classes, the utility and parking windows,
 * the message font), the loop with dialog navigation, quit, uiQueueMain's wake-up and timers. */
#include "uipriv_windows.h"
#include "osapi.h"
#include <stdlib.h>

HINSTANCE uiprivInstance;
HWND uiprivParkingWindow;
HFONT uiprivDefaultFont;
const WCHAR uiprivBoxClass[] = L"uiprivBox";
const WCHAR uiprivWindowClass[] = L"uiprivWindow";
static const WCHAR utilClass[] = L"uiprivUtil";

static ATOM windowAtom, boxAtom, utilAtom;
/* Message-only window: target of uiQueueMain, uiQuit from other threads, and timers. */
static HWND utilWindow;

#define msgQueued (WM_APP + 1)

static LRESULT CALLBACK utilWndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam)
{
	switch (msg) {
	case msgQueued:
		uiprivQueueRun();
		return 0;
	case WM_TIMER:
		/* The id is the timer's address; common/ ignores one it does not know. */
		uiprivTimerFire((uiprivTimer *) wParam);
		return 0;
	}
	return DefWindowProcW(hwnd, msg, wParam, lParam);
}

static LRESULT CALLBACK boxWndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam)
{
	LRESULT result;

	/* Containers (and the parking window) pass their children's notifications on. */
	if (msg == WM_COMMAND && uiprivForwardCommand(wParam, lParam))
		return 0;
	if ((msg == WM_HSCROLL || msg == WM_VSCROLL) && uiprivForwardScroll(wParam, lParam))
		return 0;
	if (msg == WM_NOTIFY && uiprivForwardNotify(lParam, &result))
		return result;
	if (msg == WM_NEXTDLGCTL && uiprivNextDialogControl(wParam, lParam))
		return 0;
	return DefWindowProcW(hwnd, msg, wParam, lParam);
}

static ATOM registerClass(const WCHAR *name, WNDPROC proc, HBRUSH background)
{
	WNDCLASSEXW wc;

	ZeroMemory(&wc, sizeof wc);
	wc.cbSize = sizeof wc;
	wc.lpfnWndProc = proc;
	wc.hInstance = uiprivInstance;
	wc.lpszClassName = name;
	wc.hCursor = LoadCursorW(NULL, (LPCWSTR) IDC_ARROW);
	wc.hIcon = LoadIconW(NULL, (LPCWSTR) IDI_APPLICATION);
	wc.hbrBackground = background;
	return RegisterClassExW(&wc);
}

static void unregisterClasses(void)
{
	if (windowAtom != 0)
		UnregisterClassW(uiprivWindowClass, uiprivInstance);
	if (boxAtom != 0)
		UnregisterClassW(uiprivBoxClass, uiprivInstance);
	if (utilAtom != 0)
		UnregisterClassW(utilClass, uiprivInstance);
	windowAtom = boxAtom = utilAtom = 0;
}

static void teardown(void)
{
	uiprivAreaUninit();
	if (utilWindow != NULL)
		DestroyWindow(utilWindow);
	if (uiprivParkingWindow != NULL)
		DestroyWindow(uiprivParkingWindow);
	utilWindow = uiprivParkingWindow = NULL;
	if (uiprivDefaultFont != NULL)
		DeleteObject(uiprivDefaultFont);
	uiprivDefaultFont = NULL;
	unregisterClasses();
	uiprivUninitComctl();
}

static const char *fail(const char *msg)
{
	teardown();
	return msg;
}

const char *uiprivOSInit(void)
{
	HBRUSH face = GetSysColorBrush(COLOR_BTNFACE);
	const char *err;

	/* Our own module, so classes stay ours when the library is linked into a DLL. */
	if (!GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
		(LPCWSTR) (void *) &uiprivInstance, &uiprivInstance))
		uiprivInstance = GetModuleHandleW(NULL);
	uiprivInitDpi();
	err = uiprivInitComctl();
	if (err != NULL)
		return fail(err);
	windowAtom = registerClass(uiprivWindowClass, uiprivWindowWndProc, face);
	boxAtom = registerClass(uiprivBoxClass, boxWndProc, face);
	utilAtom = registerClass(utilClass, utilWndProc, NULL);
	if (windowAtom == 0 || boxAtom == 0 || utilAtom == 0)
		return fail("uiInit: registering window classes failed");
	utilWindow = CreateWindowExW(0, utilClass, L"", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL, uiprivInstance, NULL);
	/* Controls not yet in a window live under this hidden window. */
	uiprivParkingWindow = CreateWindowExW(WS_EX_TOOLWINDOW, uiprivBoxClass, L"", WS_POPUP | WS_CLIPCHILDREN, 0, 0, 0, 0, NULL, NULL, uiprivInstance, NULL);
	if (utilWindow == NULL || uiprivParkingWindow == NULL)
		return fail("uiInit: creating the utility windows failed (is there a desktop?)");
	uiprivDefaultFont = uiprivCreateMessageFont(uiprivSystemDpi());
	if (uiprivDefaultFont == NULL)
		return fail("uiInit: creating the message font failed");
	return NULL;
}

void uiprivOSUninit(void)
{
	teardown();
}

static void dispatch(MSG *msg)
{
	HWND root;

	/* Tab and arrow-key navigation between controls of our windows. */
	if (msg->hwnd != NULL) {
		root = GetAncestor(msg->hwnd, GA_ROOT);
		if (root != NULL && GetClassLongPtrW(root, GCW_ATOM) == windowAtom && IsDialogMessageW(root, msg))
			return;
	}
	TranslateMessage(msg);
	DispatchMessageW(msg);
}

void uiprivOSMain(void)
{
	MSG msg;

	while (GetMessageW(&msg, NULL, 0, 0) > 0)
		dispatch(&msg);
}

int uiprivOSMainStep(int wait)
{
	MSG msg;

	/* Retrieving WM_QUIT consumes it: each uiQuit is reported exactly once. */
	if (wait) {
		if (GetMessageW(&msg, NULL, 0, 0) <= 0)
			return 0;
	} else {
		if (!PeekMessageW(&msg, NULL, 0, 0, PM_REMOVE))
			return 1;
		if (msg.message == WM_QUIT)
			return 0;
	}
	dispatch(&msg);
	return 1;
}

void uiprivOSQuit(void)
{
	/* WM_QUIT goes to the calling thread's queue: common/ calls this on the main thread. */
	PostQuitMessage(0);
}

int uiprivOSQueueWake(void)
{
	return PostMessageW(utilWindow, msgQueued, 0, 0) != 0;
}

int uiprivOSTimerStart(uiprivTimer *t, int milliseconds)
{
	/* The struct's address is the timer id: unique while it lives. */
	t->native = (uintptr_t) t;
	return SetTimer(utilWindow, (UINT_PTR) t->native, (UINT) milliseconds, NULL) != 0;
}

void uiprivOSTimerStop(uiprivTimer *t)
{
	KillTimer(utilWindow, (UINT_PTR) t->native);
}

void uiprivOSWatchQuitRequests(int watch)
{
	/* Nothing to install: every uiWindow answers WM_QUERYENDSESSION. */
	(void) watch;
}
