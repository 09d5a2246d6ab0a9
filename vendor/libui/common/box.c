/* uiBox: its public functions and child list over the hooks in osapi.h. */
#include "osapi.h"

/* Public functions reject anything but a live uiBox, naming themselves. */
#define checked(x) ((uiBox *) uiprivCheck((x), &uiprivBoxVtable, __func__))
#define shared(b) ((uiprivBoxShared *) uiControl(b)->shared)

void uiBoxAppend(uiBox *b, uiControl *child, int stretchy)
{
	uiprivBoxShared *s;

	if (checked(b) == NULL || !uiprivControlCanAdopt(uiControl(b), child, __func__))
		return;
	s = shared(b);
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 4;
		s->children = (uiprivBoxChild *) uiprivRealloc(s->children, (size_t) s->cap * sizeof (uiprivBoxChild));
	}
	s->children[s->n].c = child;
	s->children[s->n].stretchy = stretchy != 0;
	s->n++;
	uiprivSetParent(child, uiControl(b));
	uiprivOSBoxAppended(b);
}

int uiBoxNumChildren(uiBox *b)
{
	if (checked(b) == NULL)
		return 0;
	return shared(b)->n;
}

void uiBoxDelete(uiBox *b, int index)
{
	uiprivBoxShared *s;
	uiprivBoxChild gone;

	if (checked(b) == NULL)
		return;
	s = shared(b);
	if (index < 0 || index >= s->n) {
		uiprivUserBug(__func__, "index %d is out of range (the box has %d children)", index, s->n);
		return;
	}
	gone = s->children[index];
	s->n--;
	for (; index < s->n; index++)
		s->children[index] = s->children[index + 1];
	uiprivSetParent(gone.c, NULL);
	uiprivOSBoxRemoved(b, gone.c, gone.stretchy);
}

int uiBoxPadded(uiBox *b)
{
	if (checked(b) == NULL)
		return 0;
	return shared(b)->padded;
}

void uiBoxSetPadded(uiBox *b, int padded)
{
	if (checked(b) == NULL)
		return;
	shared(b)->padded = padded != 0;
	uiprivOSBoxSyncPadded(b);
}

uiBox *uiNewHorizontalBox(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return uiprivOSNewBox(0);
}

uiBox *uiNewVerticalBox(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return uiprivOSNewBox(1);
}
