/* The generic uiControl calls: argument checks and state shared by both backends. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "uipriv.h"
#include "ui_extras.h"

void *uiprivAlloc(size_t size)
{
	void *p = calloc(1, size ? size : 1);
	if (p == NULL) {
		fputs("libui: out of memory\n", stderr);
		abort();
	}
	return p;
}

void *uiprivRealloc(void *p, size_t size)
{
	void *q = realloc(p, size ? size : 1);
	if (q == NULL) {
		fputs("libui: out of memory\n", stderr);
		abort();
	}
	return q;
}

/* The live controls: whether a pointer is a control is decided here, never by reading the pointed-to
 * memory, which may already be freed.  Only the UI thread touches it. */
static uiprivPtrSet live;

void *uiprivNewControl(size_t size, const uiprivControlVtable *vt, int visible)
{
	uiControl *c = (uiControl *) uiprivAlloc(size);
	c->vt = vt;
	c->visible = visible;
	c->enabled = 1;
	uiprivPtrSetAdd(&live, c);
	return c;
}

void uiprivControlFree(uiControl *c)
{
	uiprivPtrSetRemove(&live, c);
	free(c);
}

int uiprivControlIs(const uiControl *c, const uiprivControlVtable *vt)
{
	if (!uiprivPtrSetHas(&live, c))
		return 0;
	return vt == NULL || c->vt == vt;
}

void *uiprivCheck(const void *p, const uiprivControlVtable *vt, const char *func)
{
	const uiControl *c = (const uiControl *) p;

	/* The registry belongs to the UI thread: check the thread before looking. */
	if (!uiprivReady(func))
		return NULL;
	if (c == NULL) {
		uiprivUserBug(func, "the control is NULL");
		return NULL;
	}
	if (!uiprivPtrSetHas(&live, c)) {
		uiprivUserBug(func, "%p is not a live control (destroyed, or never one)", p);
		return NULL;
	}
	if (vt != NULL && c->vt != vt) {
		uiprivUserBug(func, "the control is a %s, not a %s", c->vt->name, vt->name);
		return NULL;
	}
	return (void *) c;
}

int uiprivControlEffectiveEnabled(const uiControl *c)
{
	for (; c != NULL; c = c->parent)
		if (!c->enabled)
			return 0;
	return 1;
}

int uiprivAdoptProblem(const uiControl *parent, const uiControl *child)
{
	const uiControl *p;

	if (child->vt->toplevel)
		return uixAdoptToplevel;
	if (child->parent != NULL)
		return uixAdoptHasParent;
	/* The child must not already hold the new parent: that would make a cycle. */
	for (p = parent; p != NULL; p = p->parent)
		if (p == child)
			return uixAdoptCycle;
	return uixAdoptOK;
}

int uiprivControlCanAdopt(const uiControl *parent, const uiControl *child, const char *func)
{
	static const char *const why[] = {
		[uixAdoptToplevel] = "a window cannot be put into a container",
		[uixAdoptHasParent] = "the child already has a parent; remove it from its container first",
		[uixAdoptCycle] = "the child contains the container (a cycle)",
	};
	int problem;

	if (uiprivCheck(child, NULL, func) == NULL)
		return 0;
	problem = uiprivAdoptProblem(parent, child);
	if (problem != uixAdoptOK)
		uiprivUserBug(func, "%s", why[problem]);
	return problem == uixAdoptOK;
}

void uiprivSetParent(uiControl *c, uiControl *parent)
{
	c->parent = parent;
}

void uiControlDestroy(uiControl *c)
{
	if (uiprivCheck(c, NULL, __func__) == NULL)
		return;
	if (c->parent != NULL) {
		uiprivUserBug(__func__, "the control still has a parent; remove it from its container first");
		return;
	}
	c->vt->free(c);
}

uintptr_t uiControlHandle(uiControl *c)
{
	if (uiprivCheck(c, NULL, __func__) == NULL)
		return 0;
	return c->vt->handle(c);
}

uiControl *uiControlParent(uiControl *c)
{
	if (uiprivCheck(c, NULL, __func__) == NULL)
		return NULL;
	return c->parent;
}

void uiControlSetParent(uiControl *c, uiControl *parent)
{
	if (uiprivCheck(c, NULL, __func__) == NULL)
		return;
	if (parent != NULL && uiprivCheck(parent, NULL, __func__) == NULL)
		return;
	/* Only the containers of this library exist, and they keep the parent
	 * themselves: a parent that disagreed with the container holding the
	 * control would let it be freed twice or outlive its parent. */
	if (parent != c->parent)
		uiprivUserBug(__func__, "containers set the parent themselves; use the container's append and delete calls");
}

int uiControlToplevel(uiControl *c)
{
	if (uiprivCheck(c, NULL, __func__) == NULL)
		return 0;
	return c->vt->toplevel;
}

int uiControlVisible(uiControl *c)
{
	if (uiprivCheck(c, NULL, __func__) == NULL)
		return 0;
	return c->visible;
}

static void setVisible(uiControl *c, int visible, const char *func)
{
	if (uiprivCheck(c, NULL, func) == NULL)
		return;
	c->visible = visible;
	c->vt->syncVisible(c);
}

void uiControlShow(uiControl *c)
{
	setVisible(c, 1, __func__);
}

void uiControlHide(uiControl *c)
{
	setVisible(c, 0, __func__);
}

int uiControlEnabled(uiControl *c)
{
	if (uiprivCheck(c, NULL, __func__) == NULL)
		return 0;
	return c->enabled;
}

static void setEnabled(uiControl *c, int enabled, const char *func)
{
	if (uiprivCheck(c, NULL, func) == NULL)
		return;
	c->enabled = enabled;
	c->vt->syncEnabled(c);
}

void uiControlEnable(uiControl *c)
{
	setEnabled(c, 1, __func__);
}

void uiControlDisable(uiControl *c)
{
	setEnabled(c, 0, __func__);
}

int uiControlEnabledToUser(uiControl *c)
{
	if (uiprivCheck(c, NULL, __func__) == NULL)
		return 0;
	return uiprivControlEffectiveEnabled(c);
}

void uiControlVerifySetParent(uiControl *c, uiControl *parent)
{
	if (uiprivCheck(c, NULL, __func__) == NULL)
		return;
	if (parent != NULL && uiprivCheck(parent, NULL, __func__) == NULL)
		return;
	if (c->vt->toplevel)
		uiprivUserBug(__func__, "a %s cannot have a parent", c->vt->name);
	else if (parent != NULL && c->parent != NULL)
		uiprivUserBug(__func__, "the control already has a parent; remove it from its container first");
	else if (parent == NULL && c->parent == NULL)
		uiprivUserBug(__func__, "the control has no parent to remove");
}

void uiUserBugCannotSetParentOnToplevel(const char *type)
{
	/* type may be anything a caller passes: only its leading printable ASCII goes into the message. */
	char name[64];
	size_t i = 0;

	if (type != NULL)
		for (; i < sizeof name - 1 && type[i] >= 0x20 && type[i] < 0x7f; i++)
			name[i] = type[i];
	name[i] = '\0';
	uiprivUserBug(__func__, "a %s cannot have a parent", i > 0 ? name : "top-level control");
}
