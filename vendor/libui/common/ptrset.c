/* Sets of live objects keyed by address, so a freed or foreign pointer is recognised without reading
 * the memory it points to.  Open addressing with linear probing; 0 marks an empty slot. */
#include <stdlib.h>
#include "uipriv.h"

static size_t slotOf(uintptr_t key, size_t cap)
{
	/* Allocations are aligned, so the low bits carry nothing; Fibonacci hashing spreads the rest. */
	return (size_t) (((key >> 4) * (uintptr_t) 2654435761u) & (cap - 1));
}

static size_t findSlot(const uiprivPtrSet *s, uintptr_t key)
{
	size_t i = slotOf(key, s->cap);

	while (s->slots[i] != 0 && s->slots[i] != key)
		i = (i + 1) & (s->cap - 1);
	return i;
}

static void grow(uiprivPtrSet *s)
{
	uintptr_t *old = s->slots;
	size_t oldCap = s->cap, i;

	s->cap = s->cap ? s->cap * 2 : 64;
	s->slots = (uintptr_t *) uiprivAlloc(s->cap * sizeof (uintptr_t));
	for (i = 0; i < oldCap; i++)
		if (old[i] != 0)
			s->slots[findSlot(s, old[i])] = old[i];
	free(old);
}

void uiprivPtrSetAdd(uiprivPtrSet *s, const void *p)
{
	/* At most half full, so probe runs stay short. */
	if (2 * (s->count + 1) > s->cap)
		grow(s);
	s->slots[findSlot(s, (uintptr_t) p)] = (uintptr_t) p;
	s->count++;
}

int uiprivPtrSetHas(const uiprivPtrSet *s, const void *p)
{
	if (p == NULL || s->count == 0)
		return 0;
	return s->slots[findSlot(s, (uintptr_t) p)] != 0;
}

void uiprivPtrSetRemove(uiprivPtrSet *s, const void *p)
{
	size_t i, j, home;

	if (!uiprivPtrSetHas(s, p))
		return;
	i = findSlot(s, (uintptr_t) p);
	s->slots[i] = 0;
	s->count--;
	/* Backward-shift deletion: move later members of the run into the hole
	 * when their home slot does not lie cyclically in (i, j]. */
	for (j = (i + 1) & (s->cap - 1); s->slots[j] != 0; j = (j + 1) & (s->cap - 1)) {
		home = slotOf(s->slots[j], s->cap);
		if ((j > i && (home <= i || home > j)) || (j < i && (home <= i && home > j))) {
			s->slots[i] = s->slots[j];
			s->slots[j] = 0;
			i = j;
		}
	}
	if (s->count == 0) {
		free(s->slots);
		s->slots = NULL;
		s->cap = 0;
	}
}
