/* The live non-control objects (images, table values, table models): whether a pointer is one of
 * them is decided here, from its address and kind, never by reading memory that may be freed.
 * An open-addressing set of address | kind (allocations are 8-byte aligned, so the low three bits
 * are free for the kind); only the UI thread touches it. */
#include <stdlib.h>
#include "uipriv.h"

static uintptr_t *slots;
static size_t cap, count;

static size_t home(uintptr_t key, size_t n)
{
	return (size_t) (((key >> 3) * (uintptr_t) 2654435761u) & (n - 1));
}

static size_t find(uintptr_t key)
{
	size_t i = home(key, cap);

	while (slots[i] != 0 && slots[i] != key)
		i = (i + 1) & (cap - 1);
	return i;
}

static uintptr_t keyOf(const void *p, uiprivObjectKind kind)
{
	return (uintptr_t) p | (uintptr_t) kind;
}

void uiprivObjectAdd(const void *p, uiprivObjectKind kind)
{
	uintptr_t *old = slots;
	size_t oldCap = cap, i;

	if (2 * (count + 1) > cap) {
		cap = cap ? cap * 2 : 64;
		slots = (uintptr_t *) uiprivAlloc(cap * sizeof (uintptr_t));
		for (i = 0; i < oldCap; i++)
			if (old[i] != 0)
				slots[find(old[i])] = old[i];
		free(old);
	}
	slots[find(keyOf(p, kind))] = keyOf(p, kind);
	count++;
}

int uiprivObjectIs(const void *p, uiprivObjectKind kind)
{
	if (p == NULL || count == 0 || ((uintptr_t) p & 7) != 0)
		return 0;
	return slots[find(keyOf(p, kind))] != 0;
}

void uiprivObjectRemove(const void *p, uiprivObjectKind kind)
{
	size_t i, j, h;

	if (!uiprivObjectIs(p, kind))
		return;
	i = find(keyOf(p, kind));
	slots[i] = 0;
	count--;
	/* Backward-shift deletion keeps every probe run unbroken. */
	for (j = (i + 1) & (cap - 1); slots[j] != 0; j = (j + 1) & (cap - 1)) {
		h = home(slots[j], cap);
		if ((j > i && (h <= i || h > j)) || (j < i && h <= i && h > j)) {
			slots[i] = slots[j];
			slots[j] = 0;
			i = j;
		}
	}
	if (count == 0) {
		free(slots);
		slots = NULL;
		cap = 0;
	}
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
