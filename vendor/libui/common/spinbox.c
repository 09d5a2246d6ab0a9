/* uiSpinbox: its public functions and range rules over the hooks in osapi.h. */
#include "osapi.h"

/* Public functions reject anything but a live uiSpinbox, naming themselves. */
#define checked(x) ((uiSpinbox *) uiprivCheck((x), &uiprivSpinboxVtable, __func__))
#define shared(s) ((uiprivSpinboxShared *) uiControl(s)->shared)

int uiSpinboxValue(uiSpinbox *s)
{
	if (checked(s) == NULL)
		return 0;
	return uiprivOSSpinboxValue(s);
}

void uiSpinboxSetValue(uiSpinbox *s, int value)
{
	if (checked(s) == NULL)
		return;
	uiprivOSSpinboxSetValue(s, uiprivClamp(value, shared(s)->min, shared(s)->max));
}

void uiSpinboxOnChanged(uiSpinbox *s, void (*f)(uiSpinbox *s, void *data), void *data)
{
	if (checked(s) == NULL)
		return;
	shared(s)->onChanged = f;
	shared(s)->onChangedData = data;
}

void uiprivSpinboxChangedByUser(uiSpinbox *s)
{
	if (shared(s)->onChanged != NULL)
		shared(s)->onChanged(s, shared(s)->onChangedData);
}

uiSpinbox *uiNewSpinbox(int min, int max)
{
	if (!uiprivReady(__func__))
		return NULL;
	uiprivOrderRange(&min, &max);
	return uiprivOSNewSpinbox(min, max);
}
