/* The uix functions of ui_extras.h: argument rules here, platform work in the
 * backends' extras.c (uiprivClipboard*, uiprivEntryActivated*).  The menu
 * queries live in menus.c, beside the state they read. */
#include <string.h>
#include "osapi.h"
#include "ui_extras.h"

int uixClipboardSetText(const char *text)
{
	char *clean;
	int ok;

	/* Too long is refused rather than cut: a partial copy would pass unnoticed. */
	if (text == NULL || strlen(text) > uiTextLimit)
		return 0;
	clean = uiprivSanitize(text);
	ok = uiprivOSClipboardSet(clean);
	uiFreeText(clean);
	return ok;
}

char *uixClipboardText(void)
{
	return uiprivOSClipboardGet();
}

int uixControlCanAdopt(uiControl *parent, uiControl *child)
{
	if (!uiprivReady(__func__))
		return uixAdoptNotLive;
	if (!uiprivControlIs(parent, NULL) || !uiprivControlIs(child, NULL))
		return uixAdoptNotLive;
	return uiprivAdoptProblem(parent, child);
}

void uixEntryOnActivated(uiEntry *e, void (*f)(uiEntry *e, void *data), void *data)
{
	uintptr_t handle = uiControlHandle(uiControl(e));

	if (handle == 0)
		return;
	uiprivOSEntryActivatedSet(e, handle, f, data);
}
