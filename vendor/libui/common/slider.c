/* uiSlider: its public functions and range rules over the hooks in osapi.h. */
#include "osapi.h"

/* Public functions reject anything but a live uiSlider, naming themselves. */
#define checked(x) ((uiSlider *) uiprivCheck((x), &uiprivSliderVtable, __func__))
#define shared(s) ((uiprivSliderShared *) uiControl(s)->shared)

int uiSliderValue(uiSlider *s)
{
	if (checked(s) == NULL)
		return 0;
	return uiprivOSSliderValue(s);
}

void uiSliderSetValue(uiSlider *s, int value)
{
	int min, max;

	if (checked(s) == NULL)
		return;
	uiprivOSSliderRange(s, &min, &max);
	uiprivOSSliderSet(s, min, max, uiprivClamp(value, min, max));
}

int uiSliderHasToolTip(uiSlider *s)
{
	if (checked(s) == NULL)
		return 0;
	return uiprivOSSliderHasToolTip(s);
}

void uiSliderSetHasToolTip(uiSlider *s, int hasToolTip)
{
	if (checked(s) == NULL)
		return;
	uiprivOSSliderSetHasToolTip(s, hasToolTip != 0);
}

void uiSliderOnChanged(uiSlider *s, void (*f)(uiSlider *s, void *data), void *data)
{
	if (checked(s) == NULL)
		return;
	shared(s)->onChanged = f;
	shared(s)->onChangedData = data;
}

void uiSliderOnReleased(uiSlider *s, void (*f)(uiSlider *s, void *data), void *data)
{
	if (checked(s) == NULL)
		return;
	shared(s)->onReleased = f;
	shared(s)->onReleasedData = data;
}

void uiprivSliderChangedByUser(uiSlider *s)
{
	if (shared(s)->onChanged != NULL)
		shared(s)->onChanged(s, shared(s)->onChangedData);
}

void uiprivSliderReleasedByUser(uiSlider *s)
{
	if (shared(s)->onReleased != NULL)
		shared(s)->onReleased(s, shared(s)->onReleasedData);
}

void uiSliderSetRange(uiSlider *s, int min, int max)
{
	if (checked(s) == NULL)
		return;
	uiprivOrderRange(&min, &max);
	uiprivOSSliderSet(s, min, max, uiprivClamp(uiprivOSSliderValue(s), min, max));
}

uiSlider *uiNewSlider(int min, int max)
{
	uiSlider *s;

	if (!uiprivReady(__func__))
		return NULL;
	uiprivOrderRange(&min, &max);
	s = uiprivOSNewSlider();
	if (s != NULL)
		uiprivOSSliderSet(s, min, max, min);
	return s;
}
