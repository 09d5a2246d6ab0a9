/* The generic uiControl calls: argument checks and state shared by both backends. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "uipriv.h"

void *uiprivAlloc(size_t size)
{
	void *p = calloc(1, size ? size : 1);
	if (p == NULL) {
		fprintf(stderr, "libui: out of memory allocating %lu bytes\n", (unsigned long) size);
		abort();
	}
	return p;
}

void *uiprivRealloc(void *p, size_t size)
{
	void *q = realloc(p, size ? size : 1);
	if (q == NULL) {
		fprintf(stderr, "libui: out of memory allocating %lu bytes\n", (unsigned long) size);
		abort();
	}
	return q;
}

void *uiprivNewControl(size_t size, const uiprivControlVtable *vt, int visible)
{
	uiControl *c = (uiControl *) uiprivAlloc(size);
	c->magic = uiprivControlMagic;
	c->vt = vt;
	c->visible = visible;
	c->enabled = 1;
	return c;
}

void uiprivControlFree(uiControl *c)
{
	/* Clearing the magic lets a later call on a stale pointer be rejected while the memory is not reused. */
	c->magic = 0;
	c->vt = NULL;
	free(c);
}

int uiprivControlIs(const uiControl *c, const uiprivControlVtable *vt)
{
	if (c == NULL || c->magic != uiprivControlMagic)
		return 0;
	return vt == NULL || c->vt == vt;
}

int uiprivControlEffectiveEnabled(const uiControl *c)
{
	for (; c != NULL; c = c->parent)
		if (!c->enabled)
			return 0;
	return 1;
}

int uiprivControlCanAdopt(const uiControl *child)
{
	return uiprivControlIs(child, NULL) && !child->vt->toplevel && child->parent == NULL;
}

void uiControlDestroy(uiControl *c)
{
	if (!uiprivControlIs(c, NULL) || c->parent != NULL)
		return;
	c->vt->free(c);
}

uintptr_t uiControlHandle(uiControl *c)
{
	if (!uiprivControlIs(c, NULL))
		return 0;
	return c->vt->handle(c);
}

uiControl *uiControlParent(uiControl *c)
{
	if (!uiprivControlIs(c, NULL))
		return NULL;
	return c->parent;
}

void uiControlSetParent(uiControl *c, uiControl *parent)
{
	if (!uiprivControlIs(c, NULL) || c->vt->toplevel)
		return;
	if (parent != NULL && (c->parent != NULL || !uiprivControlIs(parent, NULL) || parent == c))
		return;
	c->parent = parent;
}

int uiControlToplevel(uiControl *c)
{
	if (!uiprivControlIs(c, NULL))
		return 0;
	return c->vt->toplevel;
}

int uiControlVisible(uiControl *c)
{
	if (!uiprivControlIs(c, NULL))
		return 0;
	return c->visible;
}

static void setVisible(uiControl *c, int visible)
{
	if (!uiprivControlIs(c, NULL))
		return;
	c->visible = visible;
	c->vt->syncVisible(c);
}

void uiControlShow(uiControl *c)
{
	setVisible(c, 1);
}

void uiControlHide(uiControl *c)
{
	setVisible(c, 0);
}

int uiControlEnabled(uiControl *c)
{
	if (!uiprivControlIs(c, NULL))
		return 0;
	return c->enabled;
}

static void setEnabled(uiControl *c, int enabled)
{
	if (!uiprivControlIs(c, NULL))
		return;
	c->enabled = enabled;
	c->vt->syncEnabled(c);
}

void uiControlEnable(uiControl *c)
{
	setEnabled(c, 1);
}

void uiControlDisable(uiControl *c)
{
	setEnabled(c, 0);
}
