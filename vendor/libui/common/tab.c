/* uiTab: its public functions and page list over the hooks in osapi.h. */
#include "osapi.h"

/* Public functions reject anything but a live uiTab, naming themselves. */
#define checked(x) ((uiTab *) uiprivCheck((x), &uiprivTabVtable, __func__))
#define shared(t) ((uiprivTabShared *) uiControl(t)->shared)

int uiTabSelected(uiTab *t)
{
	if (checked(t) == NULL)
		return -1;
	return shared(t)->n > 0 ? uiprivOSTabSelected(t) : -1;
}

void uiTabSetSelected(uiTab *t, int index)
{
	if (checked(t) == NULL || !uiprivIndexValid(index, 0, shared(t)->n - 1, __func__))
		return;
	uiprivOSTabSetSelected(t, index);
}

void uiTabOnSelected(uiTab *t, void (*f)(uiTab *sender, void *senderData), void *data)
{
	if (checked(t) == NULL)
		return;
	shared(t)->onSelected = f;
	shared(t)->onSelectedData = data;
}

void uiprivTabSelectedByUser(uiTab *t)
{
	if (shared(t)->onSelected != NULL)
		shared(t)->onSelected(t, shared(t)->onSelectedData);
}

/* Append and InsertAt: checks the other arguments, naming func. */
static void insertPage(uiTab *t, const char *name, int index, uiControl *c, const char *func)
{
	uiprivTabShared *s = shared(t);
	void *native;
	char *label;
	int i;

	if (!uiprivIndexValid(index, 0, s->n, func) || !uiprivControlCanAdopt(uiControl(t), c, func))
		return;
	native = uiprivOSTabNewPage(t);
	if (native == NULL) {
		uiprivUserBug(func, "the page window could not be made");
		return;
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 4;
		s->pages = (uiprivTabPage *) uiprivRealloc(s->pages, (size_t) s->cap * sizeof (uiprivTabPage));
	}
	for (i = s->n; i > index; i--)
		s->pages[i] = s->pages[i - 1];
	s->n++;
	s->pages[index].c = c;
	s->pages[index].native = native;
	s->pages[index].margined = 0;
	uiprivSetParent(c, uiControl(t));
	label = uiprivSanitize(name);
	uiprivOSTabPageInserted(t, index, label);
	uiFreeText(label);
}

void uiTabInsertAt(uiTab *t, const char *name, int index, uiControl *c)
{
	if (checked(t) != NULL)
		insertPage(t, name, index, c, __func__);
}

void uiTabAppend(uiTab *t, const char *name, uiControl *c)
{
	if (checked(t) != NULL)
		insertPage(t, name, shared(t)->n, c, __func__);
}

void uiprivTabRemovePage(uiTab *t, int index)
{
	uiprivTabShared *s = shared(t);
	uiprivTabPage gone = s->pages[index];
	int i;

	s->n--;
	for (i = index; i < s->n; i++)
		s->pages[i] = s->pages[i + 1];
	uiprivSetParent(gone.c, NULL);
	uiprivOSTabPageRemoved(t, index, &gone);
}

void uiTabDelete(uiTab *t, int index)
{
	if (checked(t) == NULL || !uiprivIndexValid(index, 0, shared(t)->n - 1, __func__))
		return;
	uiprivTabRemovePage(t, index);
}

int uiTabNumPages(uiTab *t)
{
	if (checked(t) == NULL)
		return 0;
	return shared(t)->n;
}

int uiTabMargined(uiTab *t, int index)
{
	if (checked(t) == NULL || !uiprivIndexValid(index, 0, shared(t)->n - 1, __func__))
		return 0;
	return shared(t)->pages[index].margined;
}

void uiTabSetMargined(uiTab *t, int index, int margined)
{
	if (checked(t) == NULL || !uiprivIndexValid(index, 0, shared(t)->n - 1, __func__))
		return;
	shared(t)->pages[index].margined = margined != 0;
	uiprivOSTabSyncMargined(t, index);
}

uiTab *uiNewTab(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return uiprivOSNewTab();
}
