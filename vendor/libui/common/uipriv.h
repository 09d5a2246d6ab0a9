/* Private declarations shared by both backends.  Everything here is prefixed uipriv. */
#ifndef UIPRIV_H
#define UIPRIV_H

#include <stddef.h>
#include <stdint.h>
#include "ui.h"

/* Marks a live control, so stale or foreign pointers are (usually) rejected. */
#define uiprivControlMagic 0x75694374u

typedef struct uiprivControlVtable uiprivControlVtable;

/* One per control type; os points at the backend's own hooks. */
struct uiprivControlVtable {
	const char *name;
	int toplevel;
	/* Frees native resources, destroys children, then frees c with uiprivControlFree. */
	void (*free)(uiControl *c);
	uintptr_t (*handle)(uiControl *c);
	/* Apply c->visible / the effective enabled state to the native object. */
	void (*syncVisible)(uiControl *c);
	void (*syncEnabled)(uiControl *c);
	const void *os;
};

struct uiControl {
	uint32_t magic;
	const uiprivControlVtable *vt;
	uiControl *parent;
	int visible;
	int enabled;
};

/* Allocates size zeroed bytes with vt filled in; aborts when out of memory. */
void *uiprivNewControl(size_t size, const uiprivControlVtable *vt, int visible);
/* Invalidates and frees a control struct. */
void uiprivControlFree(uiControl *c);
/* Whether c is a live control (of type vt, unless vt is NULL). */
int uiprivControlIs(const uiControl *c, const uiprivControlVtable *vt);
/* Enabled and all ancestors enabled. */
int uiprivControlEffectiveEnabled(const uiControl *c);
/* Whether child may be put into a container: live, not toplevel, no parent yet. */
int uiprivControlCanAdopt(const uiControl *child);

/* Allocation that aborts when out of memory (the documented policy). */
void *uiprivAlloc(size_t size);
void *uiprivRealloc(void *p, size_t size);

/* Returns a newly allocated, valid UTF-8 copy of s obeying the rules in ui.h
 * (NULL -> "", bad bytes -> U+FFFD, at most uiTextLimit bytes). */
char *uiprivSanitize(const char *s);
/* Same, reading at most n bytes of s (s need not be NUL-terminated). */
char *uiprivSanitizeN(const char *s, size_t n);

/* The uiOnShouldQuit handler's answer; 1 when none is set. */
int uiprivShouldQuit(void);
int uiprivHasShouldQuit(void);
/* Backend hook: called when the handler is set or cleared. */
void uiprivShouldQuitChanged(void);

/* Backend hooks of ui_extras.h.  Set takes valid UTF-8 within uiTextLimit and
 * returns 1 on success; Get returns sanitized text or NULL. */
int uiprivClipboardSet(const char *text);
char *uiprivClipboardGet(void);
/* Watches Enter in the entry whose native handle is handle (not yet checked
 * to be an entry); f NULL stops watching. */
void uiprivEntryActivatedSet(uiEntry *e, uintptr_t handle, void (*f)(uiEntry *e, void *data), void *data);

#endif
