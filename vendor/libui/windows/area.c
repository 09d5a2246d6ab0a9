/* uiArea on Win32: a window of our own class whose WM_PAINT runs the handler's Draw (through draw.c:
 * Direct2D, or GDI+ where Direct2D cannot draw), whose mouse and key messages become libui-ng's event
 * structs, and which keeps its own scroll bars when it is a scrolling area. */
#include "uipriv_windows.h"
#include "osapi.h"

static const WCHAR areaClass[] = L"uiprivArea";
static ATOM areaAtom;

/* Lines one wheel notch or arrow click scrolls, in pixels. */
#define scrollLine 16

struct uiArea {
	uiControl c;
	HWND hwnd;
	uiAreaHandler *ah;
	int scrolling;
	/* A scrolling area's drawing size, and how far it is scrolled. */
	int width, height;
	int hpos, vpos;
	/* Whether the mouse is inside (a WM_MOUSELEAVE is requested), and whether we hold the capture. */
	int inside;
	int capturing;
	uiprivClickCounter clicks;
	uiprivAreaRenderer renderer;
};

static void areaMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	/* Like libui-ng: an area has no natural size; its container gives it one. */
	(void) c;
	(void) m;
	*width = 0;
	*height = 0;
}

static void areaFree(uiControl *c)
{
	uiArea *a = (uiArea *) c;

	uiprivAreaRendererFree(&a->renderer);
	uiprivWinFree(c);
}

static const uiprivWinHooks areaHooks = {
	areaMinSize, uiprivWinLayout, uiprivWinSetNativeParent, NULL, NULL, NULL,
};

const uiprivControlVtable uiprivAreaVtable = {
	"uiArea", 0, areaFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled, &areaHooks,
};

static uiArea *areaOf(HWND hwnd)
{
	uiControl *c = (uiControl *) GetPropW(hwnd, uiprivControlProp);

	return uiprivControlIs(c, &uiprivAreaVtable) ? (uiArea *) c : NULL;
}

/* Scroll bar ranges follow the drawing size and the window's size; positions stay within them. */
static void updateScrollBars(uiArea *a)
{
	SCROLLINFO si;
	RECT r;

	if (!a->scrolling)
		return;
	GetClientRect(a->hwnd, &r);
	ZeroMemory(&si, sizeof si);
	si.cbSize = sizeof si;
	si.fMask = SIF_RANGE | SIF_PAGE | SIF_POS | SIF_DISABLENOSCROLL;
	a->hpos = uiprivClamp(a->hpos, 0, a->width > r.right ? a->width - r.right : 0);
	a->vpos = uiprivClamp(a->vpos, 0, a->height > r.bottom ? a->height - r.bottom : 0);
	si.nMax = a->width > 0 ? a->width - 1 : 0;
	si.nPage = (UINT) r.right;
	si.nPos = a->hpos;
	SetScrollInfo(a->hwnd, SB_HORZ, &si, TRUE);
	si.nMax = a->height > 0 ? a->height - 1 : 0;
	si.nPage = (UINT) r.bottom;
	si.nPos = a->vpos;
	SetScrollInfo(a->hwnd, SB_VERT, &si, TRUE);
}

static void scrollTo(uiArea *a, int hpos, int vpos)
{
	a->hpos = hpos;
	a->vpos = vpos;
	updateScrollBars(a);
	InvalidateRect(a->hwnd, NULL, FALSE);
}

static int scrollRequest(uiArea *a, int bar, WORD code)
{
	SCROLLINFO si;
	int pos = bar == SB_HORZ ? a->hpos : a->vpos;

	ZeroMemory(&si, sizeof si);
	si.cbSize = sizeof si;
	si.fMask = SIF_ALL;
	GetScrollInfo(a->hwnd, bar, &si);
	switch (code) {
	case SB_LINEUP:
		return pos - scrollLine;
	case SB_LINEDOWN:
		return pos + scrollLine;
	case SB_PAGEUP:
		return pos - (int) si.nPage;
	case SB_PAGEDOWN:
		return pos + (int) si.nPage;
	case SB_THUMBTRACK:
	case SB_THUMBPOSITION:
		return si.nTrackPos;
	case SB_TOP:
		return 0;
	case SB_BOTTOM:
		return si.nMax;
	}
	return pos;
}

static uiModifiers modifiers(void)
{
	uiModifiers m = 0;

	if (GetKeyState(VK_CONTROL) < 0)
		m |= uiModifierCtrl;
	if (GetKeyState(VK_MENU) < 0)
		m |= uiModifierAlt;
	if (GetKeyState(VK_SHIFT) < 0)
		m |= uiModifierShift;
	if (GetKeyState(VK_LWIN) < 0 || GetKeyState(VK_RWIN) < 0)
		m |= uiModifierSuper;
	return m;
}

static uint64_t heldButtons(WPARAM wParam, int except)
{
	static const uint64_t masks[5] = { MK_LBUTTON, MK_MBUTTON, MK_RBUTTON, MK_XBUTTON1, MK_XBUTTON2 };

	return uiprivHeldButtons(wParam, masks, except);
}

static void mouse(uiArea *a, UINT msg, WPARAM wParam, LPARAM lParam)
{
	uiAreaMouseEvent e;
	RECT r;
	int button = 0, down = 0;

	ZeroMemory(&e, sizeof e);
	switch (msg) {
	case WM_LBUTTONDOWN:
	case WM_LBUTTONDBLCLK:
		down = 1;
		/* fall through */
	case WM_LBUTTONUP:
		button = 1;
		break;
	case WM_MBUTTONDOWN:
	case WM_MBUTTONDBLCLK:
		down = 1;
		/* fall through */
	case WM_MBUTTONUP:
		button = 2;
		break;
	case WM_RBUTTONDOWN:
	case WM_RBUTTONDBLCLK:
		down = 1;
		/* fall through */
	case WM_RBUTTONUP:
		button = 3;
		break;
	case WM_XBUTTONDOWN:
	case WM_XBUTTONDBLCLK:
		down = 1;
		/* fall through */
	case WM_XBUTTONUP:
		button = HIWORD(wParam) == XBUTTON2 ? 5 : 4;
		break;
	}
	e.X = (double) (short) LOWORD(lParam) + a->hpos;
	e.Y = (double) (short) HIWORD(lParam) + a->vpos;
	if (!a->scrolling) {
		GetClientRect(a->hwnd, &r);
		e.AreaWidth = r.right;
		e.AreaHeight = r.bottom;
	}
	e.Modifiers = modifiers();
	/* wParam holds the buttons down after the message; the one that changed is reported on its own. */
	e.Held1To64 = heldButtons(GET_KEYSTATE_WPARAM(wParam), button);
	if (button != 0 && down) {
		SetFocus(a->hwnd);
		e.Down = button;
		e.Count = uiprivClickCount(&a->clicks, button, e.X, e.Y, (uint32_t) GetMessageTime(), GetDoubleClickTime(), GetSystemMetrics(SM_CXDOUBLECLK) / 2);
		/* Moves keep coming while a button is down, even outside the area. */
		if (!a->capturing) {
			a->capturing = 1;
			SetCapture(a->hwnd);
		}
	} else if (button != 0) {
		e.Up = button;
	}
	if (a->ah->MouseEvent != NULL)
		a->ah->MouseEvent(a->ah, a, &e);
	if (button != 0 && !down && e.Held1To64 == 0 && a->capturing) {
		/* Our own release: not a broken drag. */
		a->capturing = 0;
		ReleaseCapture();
	}
}

static void crossed(uiArea *a, int left)
{
	if (left)
		uiprivClickReset(&a->clicks);
	if (a->ah->MouseCrossed != NULL)
		a->ah->MouseCrossed(a->ah, a, left);
}

static void track(uiArea *a)
{
	TRACKMOUSEEVENT tme;

	if (a->inside)
		return;
	a->inside = 1;
	ZeroMemory(&tme, sizeof tme);
	tme.cbSize = sizeof tme;
	tme.dwFlags = TME_LEAVE;
	tme.hwndTrack = a->hwnd;
	TrackMouseEvent(&tme);
	crossed(a, 0);
}

/* US-layout characters of the keys that are not letters or digits. */
static char oemChar(WPARAM vk)
{
	switch (vk) {
	case VK_SPACE:
		return ' ';
	case VK_TAB:
		return '\t';
	case VK_RETURN:
		return '\n';
	case VK_BACK:
		return '\b';
	case VK_OEM_1:
		return ';';
	case VK_OEM_PLUS:
		return '=';
	case VK_OEM_COMMA:
		return ',';
	case VK_OEM_MINUS:
		return '-';
	case VK_OEM_PERIOD:
		return '.';
	case VK_OEM_2:
		return '/';
	case VK_OEM_3:
		return '`';
	case VK_OEM_4:
		return '[';
	case VK_OEM_5:
		return '\\';
	case VK_OEM_6:
		return ']';
	case VK_OEM_7:
		return '\'';
	}
	return 0;
}

static const struct {
	WPARAM vk;
	uiExtKey ext;
} extKeys[] = {
	{ VK_ESCAPE, uiExtKeyEscape }, { VK_INSERT, uiExtKeyInsert }, { VK_DELETE, uiExtKeyDelete }, { VK_HOME, uiExtKeyHome },
	{ VK_END, uiExtKeyEnd }, { VK_PRIOR, uiExtKeyPageUp }, { VK_NEXT, uiExtKeyPageDown }, { VK_UP, uiExtKeyUp },
	{ VK_DOWN, uiExtKeyDown }, { VK_LEFT, uiExtKeyLeft }, { VK_RIGHT, uiExtKeyRight },
	{ VK_DECIMAL, uiExtKeyNDot }, { VK_ADD, uiExtKeyNAdd }, { VK_SUBTRACT, uiExtKeyNSubtract },
	{ VK_MULTIPLY, uiExtKeyNMultiply }, { VK_DIVIDE, uiExtKeyNDivide },
};

/* Fills the key fields of e; 0 for a key libui-ng has no name for. */
static int translateKey(WPARAM vk, LPARAM lParam, uiAreaKeyEvent *e)
{
	size_t i;

	/* Enter on the keypad is VK_RETURN with the extended-key bit. */
	if (vk == VK_RETURN && (lParam & (1 << 24))) {
		e->ExtKey = uiExtKeyNEnter;
		return 1;
	}
	for (i = 0; i < sizeof extKeys / sizeof extKeys[0]; i++)
		if (extKeys[i].vk == vk) {
			e->ExtKey = extKeys[i].ext;
			return 1;
		}
	if (vk >= VK_F1 && vk <= VK_F12) {
		e->ExtKey = uiExtKeyF1 + (uiExtKey) (vk - VK_F1);
		return 1;
	}
	if (vk >= VK_NUMPAD0 && vk <= VK_NUMPAD9) {
		e->ExtKey = uiExtKeyN0 + (uiExtKey) (vk - VK_NUMPAD0);
		return 1;
	}
	switch (vk) {
	case VK_CONTROL:
		e->Modifier = uiModifierCtrl;
		break;
	case VK_MENU:
		e->Modifier = uiModifierAlt;
		break;
	case VK_SHIFT:
		e->Modifier = uiModifierShift;
		break;
	case VK_LWIN:
	case VK_RWIN:
		e->Modifier = uiModifierSuper;
		break;
	}
	if (e->Modifier != 0) {
		e->Modifiers &= ~e->Modifier;
		return 1;
	}
	if ((vk >= 'A' && vk <= 'Z') || (vk >= '0' && vk <= '9')) {
		e->Key = (char) (vk >= 'A' && vk <= 'Z' ? vk - 'A' + 'a' : vk);
		return 1;
	}
	e->Key = oemChar(vk);
	return e->Key != 0;
}

static int key(uiArea *a, WPARAM wParam, LPARAM lParam, int up)
{
	uiAreaKeyEvent e;

	ZeroMemory(&e, sizeof e);
	e.Modifiers = modifiers();
	e.Up = up;
	if (!translateKey(wParam, lParam, &e) || a->ah->KeyEvent == NULL)
		return 0;
	return a->ah->KeyEvent(a->ah, a, &e) != 0;
}

static void paint(uiArea *a)
{
	PAINTSTRUCT ps;
	RECT r;
	double width = 0, height = 0;

	if (BeginPaint(a->hwnd, &ps) == NULL)
		return;
	GetClientRect(a->hwnd, &r);
	if (!a->scrolling) {
		width = r.right;
		height = r.bottom;
	}
	uiprivAreaRender(&a->renderer, a, a->ah, a->hwnd, ps.hdc, &ps.rcPaint, a->hpos, a->vpos, width, height);
	EndPaint(a->hwnd, &ps);
}

static LRESULT CALLBACK areaWndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam)
{
	uiArea *a = areaOf(hwnd);

	if (a == NULL)
		return DefWindowProcW(hwnd, msg, wParam, lParam);
	switch (msg) {
	case WM_PAINT:
		paint(a);
		return 0;
	case WM_ERASEBKGND:
		/* Draw paints every pixel of the dirty rectangle (over the background) itself. */
		return 1;
	case WM_SIZE:
		updateScrollBars(a);
		InvalidateRect(hwnd, NULL, FALSE);
		return 0;
	case WM_HSCROLL:
		scrollTo(a, scrollRequest(a, SB_HORZ, LOWORD(wParam)), a->vpos);
		return 0;
	case WM_VSCROLL:
		scrollTo(a, a->hpos, scrollRequest(a, SB_VERT, LOWORD(wParam)));
		return 0;
	case WM_MOUSEWHEEL:
		if (a->scrolling) {
			scrollTo(a, a->hpos, a->vpos - GET_WHEEL_DELTA_WPARAM(wParam) * 3 * scrollLine / WHEEL_DELTA);
			return 0;
		}
		break;
	case WM_MOUSEMOVE:
		track(a);
		mouse(a, msg, wParam, lParam);
		return 0;
	case WM_MOUSELEAVE:
		a->inside = 0;
		crossed(a, 1);
		return 0;
	case WM_LBUTTONDOWN:
	case WM_LBUTTONUP:
	case WM_LBUTTONDBLCLK:
	case WM_MBUTTONDOWN:
	case WM_MBUTTONUP:
	case WM_MBUTTONDBLCLK:
	case WM_RBUTTONDOWN:
	case WM_RBUTTONUP:
	case WM_RBUTTONDBLCLK:
		mouse(a, msg, wParam, lParam);
		return 0;
	case WM_XBUTTONDOWN:
	case WM_XBUTTONUP:
	case WM_XBUTTONDBLCLK:
		mouse(a, msg, wParam, lParam);
		return TRUE;
	case WM_CAPTURECHANGED:
		/* Someone else took the mouse while a button was down: the drag is broken. */
		if (a->capturing) {
			a->capturing = 0;
			if (a->ah->DragBroken != NULL)
				a->ah->DragBroken(a->ah, a);
		}
		return 0;
	case WM_KILLFOCUS:
		uiprivClickReset(&a->clicks);
		break;
	case WM_GETDLGCODE:
		/* Every key comes to the handler; one it does not handle goes on to the dialog navigation. */
		return DLGC_WANTALLKEYS | DLGC_WANTARROWS | DLGC_WANTCHARS | DLGC_WANTTAB;
	case WM_KEYDOWN:
	case WM_SYSKEYDOWN:
		if (key(a, wParam, lParam, 0))
			return 0;
		break;
	case WM_KEYUP:
	case WM_SYSKEYUP:
		if (key(a, wParam, lParam, 1))
			return 0;
		break;
	}
	return DefWindowProcW(hwnd, msg, wParam, lParam);
}

uiArea *uiprivOSNewArea(uiAreaHandler *ah, int scrolling, int width, int height)
{
	uiArea *a;

	if (areaAtom == 0) {
		WNDCLASSEXW wc;

		ZeroMemory(&wc, sizeof wc);
		wc.cbSize = sizeof wc;
		/* CS_DBLCLKS: Windows tells double clicks apart by its own settings. */
		wc.style = CS_DBLCLKS;
		wc.lpfnWndProc = areaWndProc;
		wc.hInstance = uiprivInstance;
		wc.lpszClassName = areaClass;
		wc.hCursor = LoadCursorW(NULL, (LPCWSTR) IDC_ARROW);
		areaAtom = RegisterClassExW(&wc);
		if (areaAtom == 0)
			return NULL;
	}
	a = (uiArea *) uiprivNewControl(sizeof (uiArea), &uiprivAreaVtable, 1);
	a->ah = ah;
	a->scrolling = scrolling;
	a->width = width;
	a->height = height;
	uiprivAreaRendererInit(&a->renderer);
	a->hwnd = uiprivCreateControlWindow(0, areaClass, WS_TABSTOP | (scrolling ? WS_HSCROLL | WS_VSCROLL : 0), uiControl(a));
	if (a->hwnd == NULL) {
		uiprivControlFree(uiControl(a));
		return NULL;
	}
	updateScrollBars(a);
	return a;
}

void uiprivAreaUninit(void)
{
	if (areaAtom != 0)
		UnregisterClassW(areaClass, uiprivInstance);
	areaAtom = 0;
	uiprivDrawUninit();
}

int uiprivOSAreaScrolling(uiArea *a)
{
	return a->scrolling;
}

const char *uiprivOSAreaRenderer(uiArea *a)
{
	return a->renderer.used;
}

void uiprivOSAreaSetSize(uiArea *a, int width, int height)
{
	a->width = width;
	a->height = height;
	updateScrollBars(a);
	InvalidateRect(a->hwnd, NULL, FALSE);
}

void uiprivOSAreaQueueRedrawAll(uiArea *a)
{
	InvalidateRect(a->hwnd, NULL, FALSE);
}

/* The scroll position that shows pos..pos+len, moving as little as needed. */
static int reveal(int value, int page, double pos, double len)
{
	if (pos + len > value + page)
		value = (int) (pos + len - page);
	if (pos < value)
		value = (int) pos;
	return value;
}

void uiprivOSAreaScrollTo(uiArea *a, double x, double y, double width, double height)
{
	RECT r;

	GetClientRect(a->hwnd, &r);
	/* Clamped first: far-off coordinates must not overflow the int conversions. */
	x = x < 0 ? 0 : x > a->width ? a->width : x;
	y = y < 0 ? 0 : y > a->height ? a->height : y;
	width = width < 0 ? 0 : width > a->width ? a->width : width;
	height = height < 0 ? 0 : height > a->height ? a->height : height;
	scrollTo(a, reveal(a->hpos, r.right, x, width), reveal(a->vpos, r.bottom, y, height));
}

/* Hands the mouse to the system's move or size loop of the area's window, as a press on its caption or border would. */
static void beginSystemDrag(uiArea *a, WPARAM hit)
{
	HWND root = GetAncestor(a->hwnd, GA_ROOT);
	DWORD pos = GetMessagePos();

	if (root == NULL || root == uiprivParkingWindow)
		return;
	if (a->capturing) {
		a->capturing = 0;
		ReleaseCapture();
	}
	PostMessageW(root, WM_NCLBUTTONDOWN, hit, (LPARAM) pos);
}

void uiprivOSAreaBeginUserWindowMove(uiArea *a)
{
	beginSystemDrag(a, HTCAPTION);
}

void uiprivOSAreaBeginUserWindowResize(uiArea *a, uiWindowResizeEdge edge)
{
	static const WPARAM hits[] = { HTLEFT, HTTOP, HTRIGHT, HTBOTTOM, HTTOPLEFT, HTTOPRIGHT, HTBOTTOMLEFT, HTBOTTOMRIGHT };

	beginSystemDrag(a, hits[edge]);
}
