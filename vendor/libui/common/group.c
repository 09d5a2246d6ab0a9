/* uiGroup: its public functions and its one child over the hooks in osapi.h. */
#include "osapi.h"

/* Public functions reject anything but a live uiGroup, naming themselves. */
#define checked(x) ((uiGroup *) uiprivCheck((x), &uiprivGroupVtable, __func__))
#define shared(g) ((uiprivGroupShared *) uiControl(g)->shared)

char *uiGroupTitle(uiGroup *g)
{
	if (checked(g) == NULL)
		return uiprivSanitize(NULL);
	return uiprivOSGroupTitle(g);
}

void uiGroupSetTitle(uiGroup *g, const char *title)
{
	char *t;

	if (checked(g) == NULL)
		return;
	t = uiprivSanitize(title);
	uiprivOSGroupSetTitle(g, t);
	uiFreeText(t);
}

/* Puts child (NULL: none; checked) in place of the current one, which stays alive. */
static void setChild(uiGroup *g, uiControl *child)
{
	uiControl *old = shared(g)->child;

	if (old != NULL)
		uiprivSetParent(old, NULL);
	shared(g)->child = child;
	if (child != NULL)
		uiprivSetParent(child, uiControl(g));
	uiprivOSGroupChildChanged(g, old);
}

void uiGroupSetChild(uiGroup *g, uiControl *child)
{
	if (checked(g) == NULL || child == shared(g)->child)
		return;
	if (child != NULL && !uiprivControlCanAdopt(uiControl(g), child, __func__))
		return;
	setChild(g, child);
}

uiControl *uiprivGroupTakeChild(uiGroup *g)
{
	uiControl *old = shared(g)->child;

	if (old != NULL)
		uiprivSetParent(old, NULL);
	shared(g)->child = NULL;
	return old;
}

int uiGroupMargined(uiGroup *g)
{
	if (checked(g) == NULL)
		return 0;
	return shared(g)->margined;
}

void uiGroupSetMargined(uiGroup *g, int margined)
{
	if (checked(g) == NULL)
		return;
	shared(g)->margined = margined != 0;
	uiprivOSGroupSyncMargined(g);
}

uiGroup *uiNewGroup(const char *title)
{
	uiGroup *g;

	if (!uiprivReady(__func__))
		return NULL;
	g = uiprivOSNewGroup();
	if (g != NULL)
		uiGroupSetTitle(g, title);
	return g;
}
