/* uiSeparator: its constructors over the hook in osapi.h. */
#include "osapi.h"

uiSeparator *uiNewHorizontalSeparator(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return uiprivOSNewSeparator(0);
}

uiSeparator *uiNewVerticalSeparator(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return uiprivOSNewSeparator(1);
}
