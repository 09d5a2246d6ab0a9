/* uiCheckbox: its public functions over the hooks in osapi.h. */
#include "osapi.h"

/* Public functions reject anything but a live uiCheckbox, naming themselves. */
#define checked(x) ((uiCheckbox *) uiprivCheck((x), &uiprivCheckboxVtable, __func__))
#define shared(c) ((uiprivCheckboxShared *) uiControl(c)->shared)

char *uiCheckboxText(uiCheckbox *c)
{
	if (checked(c) == NULL)
		return uiprivSanitize(NULL);
	return uiprivOSCheckboxText(c);
}

void uiCheckboxSetText(uiCheckbox *c, const char *text)
{
	char *t;

	if (checked(c) == NULL)
		return;
	t = uiprivSanitize(text);
	uiprivOSCheckboxSetText(c, t);
	uiFreeText(t);
}

void uiCheckboxOnToggled(uiCheckbox *c, void (*f)(uiCheckbox *c, void *data), void *data)
{
	if (checked(c) == NULL)
		return;
	shared(c)->onToggled = f;
	shared(c)->onToggledData = data;
}

void uiprivCheckboxToggledByUser(uiCheckbox *c)
{
	if (shared(c)->onToggled != NULL)
		shared(c)->onToggled(c, shared(c)->onToggledData);
}

int uiCheckboxChecked(uiCheckbox *c)
{
	if (checked(c) == NULL)
		return 0;
	return uiprivOSCheckboxChecked(c);
}

void uiCheckboxSetChecked(uiCheckbox *c, int isChecked)
{
	if (checked(c) == NULL)
		return;
	uiprivOSCheckboxSetChecked(c, isChecked != 0);
}

uiCheckbox *uiNewCheckbox(const char *text)
{
	uiCheckbox *c;

	if (!uiprivReady(__func__))
		return NULL;
	c = uiprivOSNewCheckbox();
	if (c != NULL)
		uiCheckboxSetText(c, text);
	return c;
}
