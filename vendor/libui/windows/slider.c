/* uiSlider on Win32: a Common Controls trackbar with its value tool tip (the public functions
 * are in common/slider.c). */
#include "uipriv_windows.h"
#include "osapi.h"

/* Slider size from the Windows layout guidelines, in dialog units. */
#define sliderWidthDlu 107
#define sliderHeightDlu 15

struct uiSlider {
	uiControl c;
	HWND hwnd;
	/* The trackbar's own tool tip, kept while detached so it can come back. */
	HWND tooltip;
	int hasToolTip;
	int value;
	uiprivSliderShared shared;
};

static void sliderMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	(void) c;
	*width = uiprivDluX(m, sliderWidthDlu);
	*height = uiprivDluY(m, sliderHeightDlu);
}

static void sliderScroll(uiControl *c, WORD code)
{
	uiSlider *s = (uiSlider *) c;
	int v;

	/* TB_ENDTRACK ends every user change, by mouse or keyboard. */
	if (code == TB_ENDTRACK) {
		uiprivSliderReleasedByUser(s);
		return;
	}
	v = (int) SendMessageW(s->hwnd, TBM_GETPOS, 0, 0);
	if (v == s->value)
		return;
	s->value = v;
	uiprivSliderChangedByUser(s);
}

static void sliderFree(uiControl *c)
{
	uiSlider *s = (uiSlider *) c;

	/* Given back, the trackbar destroys its tool tip with itself. */
	if (!s->hasToolTip && s->tooltip != NULL)
		SendMessageW(s->hwnd, TBM_SETTOOLTIPS, (WPARAM) s->tooltip, 0);
	uiprivWinFree(c);
}

static const uiprivWinHooks sliderHooks = {
	sliderMinSize, uiprivWinLayout, uiprivWinSetNativeParent, NULL, sliderScroll, NULL,
};

const uiprivControlVtable uiprivSliderVtable = {
	"uiSlider", 0, sliderFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled, &sliderHooks,
};

int uiprivOSSliderValue(uiSlider *s)
{
	return s->value;
}

void uiprivOSSliderRange(uiSlider *s, int *min, int *max)
{
	*min = (int) SendMessageW(s->hwnd, TBM_GETRANGEMIN, 0, 0);
	*max = (int) SendMessageW(s->hwnd, TBM_GETRANGEMAX, 0, 0);
}

void uiprivOSSliderSet(uiSlider *s, int min, int max, int value)
{
	SendMessageW(s->hwnd, TBM_SETRANGEMIN, FALSE, min);
	SendMessageW(s->hwnd, TBM_SETRANGEMAX, TRUE, max);
	/* TBM_SETPOS sends no notification, so the handler only sees the user's changes. */
	s->value = value;
	SendMessageW(s->hwnd, TBM_SETPOS, TRUE, s->value);
}

int uiprivOSSliderHasToolTip(uiSlider *s)
{
	return s->hasToolTip;
}

void uiprivOSSliderSetHasToolTip(uiSlider *s, int hasToolTip)
{
	s->hasToolTip = hasToolTip;
	SendMessageW(s->hwnd, TBM_SETTOOLTIPS, (WPARAM) (s->hasToolTip ? s->tooltip : NULL), 0);
}

uiSlider *uiprivOSNewSlider(void)
{
	uiSlider *s = (uiSlider *) uiprivNewControl(sizeof (uiSlider), &uiprivSliderVtable, 1);

	s->c.shared = &s->shared;
	s->hwnd = uiprivCreateControlWindow(0, TRACKBAR_CLASSW,
		TBS_HORZ | TBS_TOOLTIPS | TBS_TRANSPARENTBKGND | WS_TABSTOP, uiControl(s));
	if (s->hwnd == NULL) {
		uiprivControlFree(uiControl(s));
		return NULL;
	}
	s->tooltip = (HWND) SendMessageW(s->hwnd, TBM_GETTOOLTIPS, 0, 0);
	s->hasToolTip = 1;
	return s;
}
