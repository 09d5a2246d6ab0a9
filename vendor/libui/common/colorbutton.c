/* uiColorButton: its public functions over the hooks in osapi.h. */
#include "osapi.h"

/* Public functions reject anything but a live uiColorButton, naming themselves. */
#define checked(x) ((uiColorButton *) uiprivCheck((x), &uiprivColorButtonVtable, __func__))
#define shared(b) ((uiprivColorButtonShared *) uiControl(b)->shared)

void uiColorButtonColor(uiColorButton *b, double *r, double *g, double *bl, double *a)
{
	double rgba[4];

	if (checked(b) == NULL) {
		uiprivColorOut(NULL, r, g, bl, a, __func__);
		return;
	}
	uiprivOSColorButtonColor(b, rgba);
	uiprivColorOut(rgba, r, g, bl, a, __func__);
}

void uiColorButtonSetColor(uiColorButton *b, double r, double g, double bl, double a)
{
	double rgba[4];

	if (checked(b) == NULL || !uiprivColorValid(r, g, bl, a, __func__))
		return;
	rgba[0] = r;
	rgba[1] = g;
	rgba[2] = bl;
	rgba[3] = a;
	uiprivOSColorButtonSetColor(b, rgba);
}

void uiColorButtonOnChanged(uiColorButton *b, void (*f)(uiColorButton *b, void *data), void *data)
{
	if (checked(b) == NULL)
		return;
	shared(b)->onChanged = f;
	shared(b)->onChangedData = data;
}

void uiprivColorButtonChangedByUser(uiColorButton *b)
{
	if (shared(b)->onChanged != NULL)
		shared(b)->onChanged(b, shared(b)->onChangedData);
}

uiColorButton *uiNewColorButton(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return uiprivOSNewColorButton();
}
