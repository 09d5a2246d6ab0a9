/* uiEntry: its public functions over the hooks in osapi.h. */
#include "osapi.h"

/* Public functions reject anything but a live uiEntry, naming themselves. */
#define checked(x) ((uiEntry *) uiprivCheck((x), &uiprivEntryVtable, __func__))
#define shared(e) ((uiprivEntryShared *) uiControl(e)->shared)

char *uiEntryText(uiEntry *e)
{
	if (checked(e) == NULL)
		return uiprivSanitize(NULL);
	return uiprivOSEntryText(e);
}

void uiEntrySetText(uiEntry *e, const char *text)
{
	char *t;

	if (checked(e) == NULL)
		return;
	t = uiprivSanitize(text);
	uiprivOSEntrySetText(e, t);
	uiFreeText(t);
}

void uiEntryOnChanged(uiEntry *e, void (*f)(uiEntry *e, void *data), void *data)
{
	if (checked(e) == NULL)
		return;
	shared(e)->onChanged = f;
	shared(e)->onChangedData = data;
}

void uiprivEntryChangedByUser(uiEntry *e)
{
	if (shared(e)->onChanged != NULL)
		shared(e)->onChanged(e, shared(e)->onChangedData);
}

int uiEntryReadOnly(uiEntry *e)
{
	if (checked(e) == NULL)
		return 0;
	return uiprivOSEntryReadOnly(e) != 0;
}

void uiEntrySetReadOnly(uiEntry *e, int readonly)
{
	if (checked(e) == NULL)
		return;
	uiprivOSEntrySetReadOnly(e, readonly != 0);
}

uiEntry *uiNewEntry(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return uiprivOSNewEntry(uiprivEntryPlain);
}

uiEntry *uiNewPasswordEntry(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return uiprivOSNewEntry(uiprivEntryPassword);
}

uiEntry *uiNewSearchEntry(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return uiprivOSNewEntry(uiprivEntrySearch);
}
