/* uiMultilineEntry: its public functions and text rules over the hooks in osapi.h. */
#include <string.h>
#include "osapi.h"

/* Public functions reject anything but a live uiMultilineEntry, naming themselves. */
#define checked(x) ((uiMultilineEntry *) uiprivCheck((x), &uiprivMultilineEntryVtable, __func__))
#define shared(e) ((uiprivMultilineEntryShared *) uiControl(e)->shared)

char *uiMultilineEntryText(uiMultilineEntry *e)
{
	if (checked(e) == NULL)
		return uiprivSanitize(NULL);
	return uiprivOSMultilineEntryText(e);
}

void uiMultilineEntrySetText(uiMultilineEntry *e, const char *text)
{
	char *t;

	if (checked(e) == NULL)
		return;
	t = uiprivSanitize(text);
	uiprivOSMultilineEntrySetText(e, t);
	uiFreeText(t);
}

void uiMultilineEntryAppend(uiMultilineEntry *e, const char *text)
{
	char *current, *t;

	if (checked(e) == NULL)
		return;
	/* Appending never takes the whole past uiTextLimit: the tail of text that does not fit is dropped. */
	current = uiprivOSMultilineEntryText(e);
	t = uiprivSanitizeFit(text, strlen(current));
	uiFreeText(current);
	uiprivOSMultilineEntryAppend(e, t);
	uiFreeText(t);
}

void uiMultilineEntryOnChanged(uiMultilineEntry *e, void (*f)(uiMultilineEntry *sender, void *senderData), void *data)
{
	if (checked(e) == NULL)
		return;
	shared(e)->onChanged = f;
	shared(e)->onChangedData = data;
}

void uiprivMultilineEntryChangedByUser(uiMultilineEntry *e)
{
	if (shared(e)->onChanged != NULL)
		shared(e)->onChanged(e, shared(e)->onChangedData);
}

int uiMultilineEntryReadOnly(uiMultilineEntry *e)
{
	if (checked(e) == NULL)
		return 0;
	return uiprivOSMultilineEntryReadOnly(e) != 0;
}

void uiMultilineEntrySetReadOnly(uiMultilineEntry *e, int readonly)
{
	if (checked(e) == NULL)
		return;
	uiprivOSMultilineEntrySetReadOnly(e, readonly != 0);
}

uiMultilineEntry *uiNewMultilineEntry(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return uiprivOSNewMultilineEntry(1);
}

uiMultilineEntry *uiNewNonWrappingMultilineEntry(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return uiprivOSNewMultilineEntry(0);
}
