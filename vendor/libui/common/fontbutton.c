/* uiFontButton: its public functions over the hooks in osapi.h. */
#include "osapi.h"

/* Public functions reject anything but a live uiFontButton, naming themselves. */
#define checked(x) ((uiFontButton *) uiprivCheck((x), &uiprivFontButtonVtable, __func__))
#define shared(b) ((uiprivFontButtonShared *) uiControl(b)->shared)

void uiFontButtonFont(uiFontButton *b, uiFontDescriptor *desc)
{
	if (!uiprivFontOut(desc, __func__))
		return;
	if (checked(b) == NULL || !uiprivOSFontButtonFont(b, desc))
		uiprivFontRejected(desc);
}

void uiFontButtonOnChanged(uiFontButton *b, void (*f)(uiFontButton *b, void *data), void *data)
{
	if (checked(b) == NULL)
		return;
	shared(b)->onChanged = f;
	shared(b)->onChangedData = data;
}

void uiprivFontButtonChangedByUser(uiFontButton *b)
{
	if (shared(b)->onChanged != NULL)
		shared(b)->onChanged(b, shared(b)->onChangedData);
}

uiFontButton *uiNewFontButton(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return uiprivOSNewFontButton();
}
