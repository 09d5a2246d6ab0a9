/* uiCombobox: its public functions and its selection rules, over the hooks in osapi.h. */
#include "osapi.h"

/* Public functions reject anything but a live uiCombobox, naming themselves. */
#define checked(x) ((uiCombobox *) uiprivCheck((x), &uiprivComboboxVtable, __func__))
#define shared(c) ((uiprivComboboxShared *) uiControl(c)->shared)

static void insertAt(uiCombobox *c, int index, const char *text)
{
	char *t = uiprivSanitize(text);

	uiprivOSComboboxInsert(c, index, t);
	uiFreeText(t);
}

void uiComboboxAppend(uiCombobox *c, const char *text)
{
	if (checked(c) == NULL)
		return;
	insertAt(c, uiprivOSComboboxCount(c), text);
}

void uiComboboxInsertAt(uiCombobox *c, int index, const char *text)
{
	if (checked(c) == NULL || !uiprivIndexValid(index, 0, uiprivOSComboboxCount(c), __func__))
		return;
	insertAt(c, index, text);
}

void uiComboboxDelete(uiCombobox *c, int index)
{
	int selected;

	if (checked(c) == NULL || !uiprivIndexValid(index, 0, uiprivOSComboboxCount(c) - 1, __func__))
		return;
	selected = uiprivOSComboboxSelected(c);
	uiprivOSComboboxDelete(c, index);
	uiprivOSComboboxSetSelected(c, uiprivSelectionAfterDelete(selected, index));
}

void uiComboboxClear(uiCombobox *c)
{
	if (checked(c) == NULL)
		return;
	uiprivOSComboboxClear(c);
}

int uiComboboxNumItems(uiCombobox *c)
{
	if (checked(c) == NULL)
		return 0;
	return uiprivOSComboboxCount(c);
}

int uiComboboxSelected(uiCombobox *c)
{
	if (checked(c) == NULL)
		return -1;
	return uiprivOSComboboxSelected(c);
}

void uiComboboxSetSelected(uiCombobox *c, int index)
{
	if (checked(c) == NULL || !uiprivIndexValid(index, -1, uiprivOSComboboxCount(c) - 1, __func__))
		return;
	uiprivOSComboboxSetSelected(c, index);
}

void uiComboboxOnSelected(uiCombobox *c, void (*f)(uiCombobox *sender, void *senderData), void *data)
{
	if (checked(c) == NULL)
		return;
	shared(c)->onSelected = f;
	shared(c)->onSelectedData = data;
}

void uiprivComboboxSelectedByUser(uiCombobox *c)
{
	if (shared(c)->onSelected != NULL)
		shared(c)->onSelected(c, shared(c)->onSelectedData);
}

uiCombobox *uiNewCombobox(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return uiprivOSNewCombobox();
}
