/* uiProgressBar: its public functions and value rule over the hooks in osapi.h. */
#include "osapi.h"

/* Public functions reject anything but a live uiProgressBar, naming themselves. */
#define checked(x) ((uiProgressBar *) uiprivCheck((x), &uiprivProgressBarVtable, __func__))
#define shared(p) ((uiprivProgressBarShared *) uiControl(p)->shared)

int uiProgressBarValue(uiProgressBar *p)
{
	if (checked(p) == NULL)
		return 0;
	return shared(p)->value;
}

void uiProgressBarSetValue(uiProgressBar *p, int n)
{
	if (checked(p) == NULL)
		return;
	/* -1 is the indeterminate (animated) bar. */
	if (n < -1 || n > 100) {
		uiprivUserBug(__func__, "value %d is outside -1..100", n);
		return;
	}
	shared(p)->value = n;
	uiprivOSProgressBarShow(p, n);
}

uiProgressBar *uiNewProgressBar(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return uiprivOSNewProgressBar();
}
