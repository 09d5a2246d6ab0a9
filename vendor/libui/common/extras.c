/* The uix functions of ui_extras.h: argument rules here, platform work in the
 * backends' extras.c (uiprivClipboard*, uiprivEntryActivated*); the child
 * query reads the containers' shared child lists (osapi.h).  The menu
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

uiControl *uixControlChild(uiControl *parent, int index)
{
	const uiprivControlVtable *vt;

	if (!uiprivReady(__func__) || !uiprivControlIs(parent, NULL) || index < 0)
		return NULL;
	vt = parent->vt;
	if (vt == &uiprivBoxVtable) {
		const uiprivBoxShared *s = (const uiprivBoxShared *) parent->shared;
		return index < s->n ? s->children[index].c : NULL;
	}
	if (vt == &uiprivTabVtable) {
		const uiprivTabShared *s = (const uiprivTabShared *) parent->shared;
		return index < s->n ? s->pages[index].c : NULL;
	}
	if (vt == &uiprivFormVtable) {
		const uiprivFormShared *s = (const uiprivFormShared *) parent->shared;
		return index < s->n ? s->rows[index].c : NULL;
	}
	if (vt == &uiprivGridVtable) {
		const uiprivGridShared *s = (const uiprivGridShared *) parent->shared;
		return index < s->n ? s->children[index].c : NULL;
	}
	if (vt == &uiprivWindowVtable && index == 0)
		return ((const uiprivWindowShared *) parent->shared)->child;
	if (vt == &uiprivGroupVtable && index == 0)
		return ((const uiprivGroupShared *) parent->shared)->child;
	return NULL;
}

void uixEntryOnActivated(uiEntry *e, void (*f)(uiEntry *e, void *data), void *data)
{
	uintptr_t handle = uiControlHandle(uiControl(e));

	if (handle == 0)
		return;
	uiprivOSEntryActivatedSet(e, handle, f, data);
}
