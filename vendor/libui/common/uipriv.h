/* Private declarations shared by both backends.  Everything here is prefixed uipriv.
 *
 * How the library is split: a public function of ui.h is written once, in common/<control>.c.
 * There it checks its arguments (a live control of the right type, indices and ranges, NULL),
 * cleans text (valid UTF-8 within uiTextLimit), reports misuse through the one user-bug path, and
 * keeps the state that is not native: child lists, counts, flags, grid cells, the date-time value,
 * the user's handlers.  Only then does it call a backend hook, prefixed uiprivOS and declared with
 * what it must do in common/osapi.h, for the work only the platform can do: make the native
 * object, show a child, set a text, read a selection.  unix/ (GTK 3) and windows/ (Win32) each
 * implement every hook, so a missing one fails to link; a backend reports its native events back
 * through the uipriv...ByUser functions of osapi.h, which call the user's handler.  The platform-
 * free state sits in the backend's struct and is reached through uiControl.shared.  Where the
 * platforms really differ (Windows' date range, GTK's quit signal), the difference is a hook's
 * documented duty, never a second copy of a public function. */
#ifndef UIPRIV_H
#define UIPRIV_H

#include <stddef.h>
#include <stdint.h>
#include "ui.h"

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
	const uiprivControlVtable *vt;
	uiControl *parent;
	int visible;
	int enabled;
	/* The control's platform-free state (a uipriv…Shared of osapi.h) inside the backend's struct,
	 * set by the backend's uiprivOSNew… hook; NULL for controls that keep none (uiSeparator,
	 * uiArea, uiLabel). */
	void *shared;
};

/* Reports a misuse of the API (see ui.h) on stderr as "libui: func: message (ignored)". */
void uiprivUserBug(const char *func, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* ptrset.c: a set of live objects by address (zero-initialised empty); only the UI thread uses one. */
typedef struct uiprivPtrSet {
	uintptr_t *slots;
	size_t cap, count;
} uiprivPtrSet;
void uiprivPtrSetAdd(uiprivPtrSet *s, const void *p);
/* Whether p is in s, without reading *p. */
int uiprivPtrSetHas(const uiprivPtrSet *s, const void *p);
void uiprivPtrSetRemove(uiprivPtrSet *s, const void *p);

/* Allocates size zeroed bytes with vt filled in and registers the control as live; aborts when out of memory. */
void *uiprivNewControl(size_t size, const uiprivControlVtable *vt, int visible);
/* Unregisters and frees a control struct. */
void uiprivControlFree(uiControl *c);
/* Whether c is a live control (of type vt, unless vt is NULL), silently; never reads freed memory. */
int uiprivControlIs(const uiControl *c, const uiprivControlVtable *vt);
/* c if it is a live control of type vt (any type when vt is NULL), else NULL after reporting a user bug naming func. */
void *uiprivCheck(const void *c, const uiprivControlVtable *vt, const char *func);
/* Enabled and all ancestors enabled. */
int uiprivControlEffectiveEnabled(const uiControl *c);
/* Whether child may be put into parent: live, not toplevel, no parent yet, and not parent or one of its
 * ancestors (which would make a cycle).  Reports why not, naming func. */
int uiprivControlCanAdopt(const uiControl *parent, const uiControl *child, const char *func);
/* uiprivControlCanAdopt's rule without the report: a uixAdopt* code (ui_extras.h); both live. */
int uiprivAdoptProblem(const uiControl *parent, const uiControl *child);
/* Records c's container (NULL: none); only containers call it, together with their own bookkeeping. */
void uiprivSetParent(uiControl *c, uiControl *parent);

/* Ranges of sliders and spinboxes: a reversed range is swapped (libui-ng does the same). */
static inline void uiprivOrderRange(int *min, int *max)
{
	if (*min > *max) {
		int t = *min;
		*min = *max;
		*max = t;
	}
}

static inline int uiprivClamp(int v, int min, int max)
{
	return v < min ? min : v > max ? max : v;
}

/* index.c: whether lo <= index <= hi; else reports a user bug naming func. */
int uiprivIndexValid(int index, int lo, int hi, const char *func);
/* Where the selection goes when item deleted goes away: none if it was the selected one. */
int uiprivSelectionAfterDelete(int selected, int deleted);

/* objects.c: live images, table values and table models, recognised without reading freed memory. */
typedef enum uiprivObjectKind {
	uiprivObjectImage = 1,
	uiprivObjectTableValue = 2,
	uiprivObjectTableModel = 3,
} uiprivObjectKind;
void uiprivObjectAdd(const void *p, uiprivObjectKind kind);
void uiprivObjectRemove(const void *p, uiprivObjectKind kind);
/* Whether p is a live object of kind, silently. */
int uiprivObjectIs(const void *p, uiprivObjectKind kind);
/* p if it is a live object of kind, else NULL after reporting a user bug naming func. */
void *uiprivObjectCheck(const void *p, uiprivObjectKind kind, const char *func);

/* Allocation that aborts when out of memory (the documented policy). */
void *uiprivAlloc(size_t size);
void *uiprivRealloc(void *p, size_t size);

/* Returns a newly allocated, valid UTF-8 copy of s obeying the rules in ui.h
 * (NULL -> "", bad bytes -> U+FFFD, at most uiTextLimit bytes). */
char *uiprivSanitize(const char *s);
/* Same, reading at most n bytes of s (s need not be NUL-terminated). */
char *uiprivSanitizeN(const char *s, size_t n);
/* Same, cut to what may still be appended to text of used bytes without passing uiTextLimit. */
char *uiprivSanitizeFit(const char *s, size_t used);

/* queue.c: uiQueueMain's queue.  Open/Close at uiInit/uiUninit on the main thread. */
void uiprivQueueOpen(void);
void uiprivQueueClose(void);
/* Runs the functions queued so far (not those queued while they run); called by the backend's loop. */
void uiprivQueueRun(void);
/* Whether the caller is the thread that called uiInit, while initialized; safe from any thread. */
int uiprivOnMainThread(void);
/* 1 when initialized and on that thread; else reports a user bug naming func and returns 0. */
int uiprivReady(const char *func);

/* main.c: the uiOnShouldQuit handler's answer; 1 when none is set. */
int uiprivShouldQuit(void);
int uiprivHasShouldQuit(void);

/* menus.c: the one menu model every window's menu bar is built from (libui-ng: menus are made before the
 * first window, then fixed). */
typedef enum uiprivMenuItemType {
	uiprivMenuItemPlain,
	uiprivMenuItemCheck,
	uiprivMenuItemQuit,
	uiprivMenuItemPreferences,
	uiprivMenuItemAbout,
	uiprivMenuItemSeparator,
} uiprivMenuItemType;

struct uiMenuItem {
	uiprivMenuItemType type;
	char *name;
	int enabled;
	int checked;
	/* 1-based position among all items: the Win32 command id, and how GTK widgets name their item. */
	unsigned id;
	void (*onClicked)(uiMenuItem *sender, uiWindow *window, void *senderData);
	void *onClickedData;
};

struct uiMenu {
	char *name;
	uiMenuItem **items;
	size_t count;
};

/* Called by uiNewWindow: from then on the model is fixed. */
void uiprivMenusFinalize(void);
/* The menus in creation order; count in *n. */
uiMenu *const *uiprivMenus(size_t *n);
/* The item with this id, or NULL (a stale or foreign id). */
uiMenuItem *uiprivMenuItemById(unsigned id);
/* A native click on item in window w: toggles a check item, asks uiOnShouldQuit for the Quit item, calls the handler. */
void uiprivMenuItemClicked(uiMenuItem *item, uiWindow *w);
/* Frees the model at uiUninit. */
void uiprivMenusUninit(void);

/* Each backend's uiWindow type. */
extern const uiprivControlVtable uiprivWindowVtable;

/* pickers.c: uiDateTimePicker's value (month 1..12) and its struct tm rules (ui.h). */
struct tm;
#define uiprivMinYear 1753
#define uiprivMaxYear 9999
typedef struct uiprivDateTime {
	int year, month, day, hour, minute, second;
} uiprivDateTime;
int uiprivDaysInMonth(int year, int month);
/* Checks every field read; reports the first bad one naming func. */
int uiprivDateTimeFromTm(const struct tm *t, uiprivDateTime *out, const char *func);
/* Writes the members ui.h lists; dt NULL writes the rejected-call values. */
void uiprivDateTimeToTm(const uiprivDateTime *dt, struct tm *t);
/* Whether a getter's struct tm is non-NULL; else reports naming func. */
int uiprivTmOut(struct tm *t, const char *func);
/* Whether every component is a number in 0..1; else reports naming func. */
int uiprivColorValid(double r, double g, double b, double a, const char *func);
/* Stores rgba (zeros when NULL) through each non-NULL pointer; a NULL one is reported naming func. */
void uiprivColorOut(const double rgba[4], double *r, double *g, double *b, double *a, const char *func);
/* Whether desc is non-NULL; else reports naming func. */
int uiprivFontOut(uiFontDescriptor *desc, const char *func);
/* Fills desc as a rejected uiFontButtonFont call does. */
void uiprivFontRejected(uiFontDescriptor *desc);

#endif
