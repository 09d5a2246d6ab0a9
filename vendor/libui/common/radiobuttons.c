/* uiRadioButtons: its public functions (and ui_extras.h's count) over the hooks in osapi.h. */
#include "osapi.h"
#include "ui_extras.h"

/* Public functions reject anything but a live uiRadioButtons, naming themselves. */
#define checked(x) ((uiRadioButtons *) uiprivCheck((x), &uiprivRadioButtonsVtable, __func__))
#define shared(r) ((uiprivRadioButtonsShared *) uiControl(r)->shared)

void uiRadioButtonsAppend(uiRadioButtons *r, const char *text)
{
	char *t;

	if (checked(r) == NULL)
		return;
	t = uiprivSanitize(text);
	uiprivOSRadioButtonsAppend(r, t);
	uiFreeText(t);
}

int uixRadioButtonsNumItems(uiRadioButtons *r)
{
	if (checked(r) == NULL)
		return 0;
	return uiprivOSRadioButtonsCount(r);
}

int uiRadioButtonsSelected(uiRadioButtons *r)
{
	if (checked(r) == NULL)
		return -1;
	return uiprivOSRadioButtonsSelected(r);
}

void uiRadioButtonsSetSelected(uiRadioButtons *r, int index)
{
	if (checked(r) == NULL || !uiprivIndexValid(index, -1, uiprivOSRadioButtonsCount(r) - 1, __func__))
		return;
	uiprivOSRadioButtonsSetSelected(r, index);
}

void uiRadioButtonsOnSelected(uiRadioButtons *r, void (*f)(uiRadioButtons *sender, void *senderData), void *data)
{
	if (checked(r) == NULL)
		return;
	shared(r)->onSelected = f;
	shared(r)->onSelectedData = data;
}

void uiprivRadioButtonsSelectedByUser(uiRadioButtons *r)
{
	if (shared(r)->onSelected != NULL)
		shared(r)->onSelected(r, shared(r)->onSelectedData);
}

uiRadioButtons *uiNewRadioButtons(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return uiprivOSNewRadioButtons();
}
