/* uiEditableCombobox: its public functions over the hooks in osapi.h. */
#include "osapi.h"

/* Public functions reject anything but a live uiEditableCombobox, naming themselves. */
#define checked(x) ((uiEditableCombobox *) uiprivCheck((x), &uiprivEditableComboboxVtable, __func__))
#define shared(c) ((uiprivEditableComboboxShared *) uiControl(c)->shared)

void uiEditableComboboxAppend(uiEditableCombobox *c, const char *text)
{
	char *t;

	if (checked(c) == NULL)
		return;
	t = uiprivSanitize(text);
	uiprivOSEditableComboboxAppend(c, t);
	uiFreeText(t);
}

char *uiEditableComboboxText(uiEditableCombobox *c)
{
	if (checked(c) == NULL)
		return uiprivSanitize(NULL);
	return uiprivOSEditableComboboxText(c);
}

void uiEditableComboboxSetText(uiEditableCombobox *c, const char *text)
{
	char *t;

	if (checked(c) == NULL)
		return;
	t = uiprivSanitize(text);
	uiprivOSEditableComboboxSetText(c, t);
	uiFreeText(t);
}

void uiEditableComboboxOnChanged(uiEditableCombobox *c, void (*f)(uiEditableCombobox *sender, void *senderData), void *data)
{
	if (checked(c) == NULL)
		return;
	shared(c)->onChanged = f;
	shared(c)->onChangedData = data;
}

void uiprivEditableComboboxChangedByUser(uiEditableCombobox *c)
{
	if (shared(c)->onChanged != NULL)
		shared(c)->onChanged(c, shared(c)->onChangedData);
}

uiEditableCombobox *uiNewEditableCombobox(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return uiprivOSNewEditableCombobox();
}
