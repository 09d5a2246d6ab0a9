/* Init, the event loop, uiQueueMain, uiTimer and quit on Win32. */
#include "uipriv_windows.h"
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
static int initialized;

#define msgQueued (WM_APP + 1)

typedef struct timer timer;
struct timer {
	int (*f)(void *data);
	void *data;
	int running;
	timer *next;
};

static timer *timers;

static int unlinkTimer(timer *t)
{
	timer **pp;

	for (pp = &timers; *pp != NULL; pp = &(*pp)->next)
		if (*pp == t) {
			*pp = t->next;
			return 1;
		}
	return 0;
}

static int knownTimer(timer *t)
{
	timer *p;

	for (p = timers; p != NULL; p = p->next)
		if (p == t)
			return 1;
	return 0;
}

static void runTimer(timer *t)
{
	int again;

	/* A modal loop started by the callback would otherwise re-enter it. */
	if (!knownTimer(t) || t->running)
		return;
	t->running = 1;
	again = t->f(t->data);
	t->running = 0;
	if (!again && unlinkTimer(t)) {
		KillTimer(utilWindow, (UINT_PTR) t);
		free(t);
	}
}

static LRESULT CALLBACK utilWndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam)
{
	switch (msg) {
	case msgQueued:
		uiprivQueueRun();
		return 0;
	case WM_TIMER:
		runTimer((timer *) wParam);
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
	return uiprivSanitize(msg);
}

const char *uiInit(uiInitOptions *options)
{
	HBRUSH face = GetSysColorBrush(COLOR_BTNFACE);
	const char *err;

	(void) options;
	if (initialized) {
		uiprivUserBug("uiInit", "already initialized");
		return uiprivSanitize("uiInit: already initialized");
	}
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
	initialized = 1;
	uiprivQueueOpen();
	return NULL;
}

void uiFreeInitError(const char *err)
{
	uiFreeText((char *) err);
}

void uiUninit(void)
{
	if (!initialized)
		return;
	while (timers != NULL) {
		timer *t = timers;
		timers = t->next;
		KillTimer(utilWindow, (UINT_PTR) t);
		free(t);
	}
	/* Closed before the window goes: no thread can post to it afterwards, and wake-ups already posted die with it. */
	uiprivQueueClose();
	uiprivMenusUninit();
	initialized = 0;
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

void uiMain(void)
{
	MSG msg;

	if (!initialized)
		return;
	while (GetMessageW(&msg, NULL, 0, 0) > 0)
		dispatch(&msg);
}

void uiMainSteps(void)
{
	/* Nothing to prepare: uiMainStep watches for WM_QUIT itself. */
}

int uiMainStep(int wait)
{
	MSG msg;

	if (!initialized)
		return 0;
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

static void quitOnMain(void *data)
{
	(void) data;
	PostQuitMessage(0);
}

void uiQuit(void)
{
	/* WM_QUIT goes to the calling thread's queue, so other threads ask the main thread to post it;
	 * they may not read our state either, so they go through the queue. */
	if (!uiprivOnMainThread()) {
		uiQueueMain(quitOnMain, NULL);
		return;
	}
	PostQuitMessage(0);
}

int uiprivQueueWake(void)
{
	return PostMessageW(utilWindow, msgQueued, 0, 0) != 0;
}

void uiTimer(int milliseconds, int (*f)(void *data), void *data)
{
	timer *t;

	if (f == NULL) {
		uiprivUserBug(__func__, "the function is NULL");
		return;
	}
	if (!initialized) {
		uiprivUserBug(__func__, "called before uiInit");
		return;
	}
	if (milliseconds < 0)
		milliseconds = 0;
	t = (timer *) uiprivAlloc(sizeof (timer));
	t->f = f;
	t->data = data;
	/* The struct's address is the timer id: unique while it lives. */
	if (SetTimer(utilWindow, (UINT_PTR) t, (UINT) milliseconds, NULL) == 0) {
		free(t);
		return;
	}
	t->next = timers;
	timers = t;
}

void uiprivShouldQuitChanged(void)
{
	/* Nothing to install: every uiWindow answers WM_QUERYENDSESSION. */
}
