/* uiSlider on Win32: a Common Controls trackbar with its value tool tip. */
#include "uipriv_windows.h"

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
	void (*onChanged)(uiSlider *s, void *data);
	void *onChangedData;
	void (*onReleased)(uiSlider *s, void *data);
	void *onReleasedData;
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
		if (s->onReleased != NULL)
			s->onReleased(s, s->onReleasedData);
		return;
	}
	v = (int) SendMessageW(s->hwnd, TBM_GETPOS, 0, 0);
	if (v == s->value)
		return;
	s->value = v;
	if (s->onChanged != NULL)
		s->onChanged(s, s->onChangedData);
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

static const uiprivControlVtable sliderVtable = {
	"uiSlider", 0, sliderFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled, &sliderHooks,
};

/* Public functions reject anything but a live uiSlider, naming themselves. */
#define checked(x) ((uiSlider *) uiprivCheck((x), &sliderVtable, __func__))

int uiSliderValue(uiSlider *s)
{
	if (checked(s) == NULL)
		return 0;
	return s->value;
}

void uiSliderSetValue(uiSlider *s, int value)
{
	int min, max;

	if (checked(s) == NULL)
		return;
	min = (int) SendMessageW(s->hwnd, TBM_GETRANGEMIN, 0, 0);
	max = (int) SendMessageW(s->hwnd, TBM_GETRANGEMAX, 0, 0);
	/* TBM_SETPOS sends no notification, so the handler only sees the user's changes. */
	s->value = uiprivClamp(value, min, max);
	SendMessageW(s->hwnd, TBM_SETPOS, TRUE, s->value);
}

int uiSliderHasToolTip(uiSlider *s)
{
	if (checked(s) == NULL)
		return 0;
	return s->hasToolTip;
}

void uiSliderSetHasToolTip(uiSlider *s, int hasToolTip)
{
	if (checked(s) == NULL)
		return;
	s->hasToolTip = hasToolTip != 0;
	SendMessageW(s->hwnd, TBM_SETTOOLTIPS, (WPARAM) (s->hasToolTip ? s->tooltip : NULL), 0);
}

void uiSliderOnChanged(uiSlider *s, void (*f)(uiSlider *s, void *data), void *data)
{
	if (checked(s) == NULL)
		return;
	s->onChanged = f;
	s->onChangedData = data;
}

void uiSliderOnReleased(uiSlider *s, void (*f)(uiSlider *s, void *data), void *data)
{
	if (checked(s) == NULL)
		return;
	s->onReleased = f;
	s->onReleasedData = data;
}

static void setRange(uiSlider *s, int min, int max)
{
	uiprivOrderRange(&min, &max);
	SendMessageW(s->hwnd, TBM_SETRANGEMIN, FALSE, min);
	SendMessageW(s->hwnd, TBM_SETRANGEMAX, TRUE, max);
	s->value = uiprivClamp(s->value, min, max);
	SendMessageW(s->hwnd, TBM_SETPOS, TRUE, s->value);
}

void uiSliderSetRange(uiSlider *s, int min, int max)
{
	if (checked(s) == NULL)
		return;
	setRange(s, min, max);
}

uiSlider *uiNewSlider(int min, int max)
{
	uiSlider *s;

	if (!uiprivReady(__func__))
		return NULL;
	s = (uiSlider *) uiprivNewControl(sizeof (uiSlider), &sliderVtable, 1);
	s->hwnd = uiprivCreateControlWindow(0, TRACKBAR_CLASSW,
		TBS_HORZ | TBS_TOOLTIPS | TBS_TRANSPARENTBKGND | WS_TABSTOP, uiControl(s));
	if (s->hwnd == NULL) {
		uiprivControlFree(uiControl(s));
		return NULL;
	}
	s->tooltip = (HWND) SendMessageW(s->hwnd, TBM_GETTOOLTIPS, 0, 0);
	s->hasToolTip = 1;
	uiprivOrderRange(&min, &max);
	s->value = min;
	setRange(s, min, max);
	return s;
}
