/* The live non-control objects (images, table values, table models): whether a pointer is one of
 * them is decided from its address, never by reading memory that may be freed.  One address set
 * (ptrset.c) per kind; only the UI thread touches them. */
#include "uipriv.h"

static uiprivPtrSet live[4];

void uiprivObjectAdd(const void *p, uiprivObjectKind kind)
{
	uiprivPtrSetAdd(&live[kind], p);
}

int uiprivObjectIs(const void *p, uiprivObjectKind kind)
{
	return uiprivPtrSetHas(&live[kind], p);
}

void uiprivObjectRemove(const void *p, uiprivObjectKind kind)
{
	uiprivPtrSetRemove(&live[kind], p);
}

void *uiprivObjectCheck(const void *p, uiprivObjectKind kind, const char *func)
{
	static const char *const names[] = { "", "uiImage", "uiTableValue", "uiTableModel" };

	if (p == NULL) {
		uiprivUserBug(func, "%s is NULL", names[kind]);
		return NULL;
	}
	if (!uiprivObjectIs(p, kind)) {
		uiprivUserBug(func, "%p is not a live %s", p, names[kind]);
		return NULL;
	}
	return (void *) p;
}
