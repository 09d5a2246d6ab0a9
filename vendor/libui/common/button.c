/* uiButton: its public functions over the hooks in osapi.h. */
#include "osapi.h"

/* Public functions reject anything but a live uiButton, naming themselves. */
#define checked(x) ((uiButton *) uiprivCheck((x), &uiprivButtonVtable, __func__))
#define shared(b) ((uiprivButtonShared *) uiControl(b)->shared)

char *uiButtonText(uiButton *b)
{
	if (checked(b) == NULL)
		return uiprivSanitize(NULL);
	return uiprivOSButtonText(b);
}

void uiButtonSetText(uiButton *b, const char *text)
{
	char *t;

	if (checked(b) == NULL)
		return;
	t = uiprivSanitize(text);
	uiprivOSButtonSetText(b, t);
	uiFreeText(t);
}

void uiButtonOnClicked(uiButton *b, void (*f)(uiButton *b, void *data), void *data)
{
	if (checked(b) == NULL)
		return;
	shared(b)->onClicked = f;
	shared(b)->onClickedData = data;
}

void uiprivButtonClickedByUser(uiButton *b)
{
	if (shared(b)->onClicked != NULL)
		shared(b)->onClicked(b, shared(b)->onClickedData);
}

uiButton *uiNewButton(const char *text)
{
	uiButton *b;

	if (!uiprivReady(__func__))
		return NULL;
	b = uiprivOSNewButton();
	if (b != NULL)
		uiButtonSetText(b, text);
	return b;
}
