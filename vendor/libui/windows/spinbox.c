/* uiSpinbox on Win32: an EDIT with a Common Controls up-down buddy.  The
 * EDIT is the control's handle; the up-down follows it everywhere.  The public
 * functions are in common/spinbox.c. */
#include "uipriv_windows.h"
#include "osapi.h"
#include <stdlib.h>
#include <wchar.h>

/* Entry size from the Windows layout guidelines, and the arrows' width, in dialog units. */
#define spinboxWidthDlu 107
#define spinboxHeightDlu 14
#define arrowsWidthDlu 10

struct uiSpinbox {
	uiControl c;
	HWND hwnd;
	HWND updown;
	int value;
	int settingValue;
	uiprivSpinboxShared shared;
};

static void spinboxMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	(void) c;
	*width = uiprivDluX(m, spinboxWidthDlu);
	*height = uiprivDluY(m, spinboxHeightDlu);
}

static void spinboxLayout(uiControl *c, const uiprivMetrics *m, int x, int y, int width, int height)
{
	uiSpinbox *s = (uiSpinbox *) c;
	int arrows = uiprivDluX(m, arrowsWidthDlu);

	if (arrows > width)
		arrows = width;
	uiprivWinLayout(c, m, x, y, width - arrows, height);
	SetWindowPos(s->updown, NULL, x + width - arrows, y, arrows, height, SWP_NOZORDER | SWP_NOACTIVATE | SWP_NOOWNERZORDER);
}

static void spinboxSetNativeParent(uiControl *c, HWND parent)
{
	uiSpinbox *s = (uiSpinbox *) c;

	uiprivWinSetNativeParent(c, parent);
	SetParent(s->updown, parent != NULL ? parent : uiprivParkingWindow);
}

static void writeValue(uiSpinbox *s)
{
	/* UDM_SETPOS32 writes the number into the EDIT, which reports EN_CHANGE. */
	s->settingValue = 1;
	SendMessageW(s->updown, UDM_SETPOS32, 0, s->value);
	s->settingValue = 0;
}

static void spinboxCommand(uiControl *c, WORD code)
{
	uiSpinbox *s = (uiSpinbox *) c;
	WCHAR *text, *end;
	long v;

	if (code == EN_KILLFOCUS) {
		/* Whatever was typed, the box shows the value it holds when the user leaves. */
		writeValue(s);
		return;
	}
	if (code != EN_CHANGE || s->settingValue)
		return;
	text = uiprivWindowTextW(s->hwnd);
	v = wcstol(text, &end, 10);
	/* Half-typed text ("", "-") changes nothing; numbers out of range count as the nearest end. */
	if (end != text && *end == L'\0') {
		v = v < s->shared.min ? s->shared.min : v > s->shared.max ? s->shared.max : v;
		if ((int) v != s->value) {
			s->value = (int) v;
			uiprivSpinboxChangedByUser(s);
		}
	}
	free(text);
}

static void spinboxSyncVisible(uiControl *c)
{
	ShowWindow(((uiSpinbox *) c)->updown, c->visible ? SW_SHOWNA : SW_HIDE);
	uiprivWinSyncVisible(c);
}

static void spinboxSyncEnabled(uiControl *c)
{
	EnableWindow(((uiSpinbox *) c)->updown, uiprivControlEffectiveEnabled(c));
	uiprivWinSyncEnabled(c);
}

static void spinboxFree(uiControl *c)
{
	DestroyWindow(((uiSpinbox *) c)->updown);
	uiprivWinFree(c);
}

static const uiprivWinHooks spinboxHooks = {
	spinboxMinSize, spinboxLayout, spinboxSetNativeParent, spinboxCommand, NULL, NULL,
};

const uiprivControlVtable uiprivSpinboxVtable = {
	"uiSpinbox", 0, spinboxFree, uiprivWinHandle, spinboxSyncVisible, spinboxSyncEnabled, &spinboxHooks,
};

int uiprivOSSpinboxValue(uiSpinbox *s)
{
	return s->value;
}

void uiprivOSSpinboxSetValue(uiSpinbox *s, int value)
{
	s->value = value;
	writeValue(s);
}

uiSpinbox *uiprivOSNewSpinbox(int min, int max)
{
	uiSpinbox *s = (uiSpinbox *) uiprivNewControl(sizeof (uiSpinbox), &uiprivSpinboxVtable, 1);
	ULONG_PTR cookie;

	s->c.shared = &s->shared;
	s->shared.min = min;
	s->shared.max = max;
	s->value = min;
	s->hwnd = uiprivCreateControlWindow(WS_EX_CLIENTEDGE, L"EDIT", ES_AUTOHSCROLL | ES_LEFT | WS_TABSTOP, uiControl(s));
	if (s->hwnd == NULL) {
		uiprivControlFree(uiControl(s));
		return NULL;
	}
	/* Arrow keys in the EDIT step the value too (UDS_ARROWKEYS). */
	cookie = uiprivActivateComctl();
	s->updown = CreateWindowExW(0, UPDOWN_CLASSW, L"",
		WS_CHILD | WS_VISIBLE | UDS_SETBUDDYINT | UDS_ARROWKEYS | UDS_NOTHOUSANDS | UDS_HOTTRACK,
		0, 0, 0, 0, uiprivParkingWindow, NULL, uiprivInstance, NULL);
	uiprivDeactivateComctl(cookie);
	if (s->updown == NULL) {
		uiprivWinFree(uiControl(s));
		return NULL;
	}
	SendMessageW(s->updown, UDM_SETBUDDY, (WPARAM) s->hwnd, 0);
	SendMessageW(s->updown, UDM_SETRANGE32, (WPARAM) min, (LPARAM) max);
	writeValue(s);
	return s;
}
