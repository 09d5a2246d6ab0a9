/*
 * Additions of this project to the libui-ng API in ui.h.  libui-ng has no
 * clipboard, no "Enter pressed" event for entries and no way to ask about
 * its rules before breaking them; they live here, under their own prefix
 * (uix), so ui.h stays exactly libui-ng's API.
 * Text follows ui.h's rules (UTF-8; invalid bytes become U+FFFD).
 * Call these on the UI thread, after uiInit.
 */
#ifndef UI_EXTRAS_H
#define UI_EXTRAS_H

#include "ui.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Puts text on the system clipboard (Windows: CF_UNICODETEXT; GTK: the
 * CLIPBOARD selection, handed to the clipboard manager where one runs, so it
 * outlives the program).  Returns 1 on success; 0 when text is NULL, longer
 * than uiTextLimit bytes, or the clipboard cannot be opened. */
_UI_EXTERN int uixClipboardSetText(const char *text);

/* The clipboard's text, to be freed with uiFreeText (cut at uiTextLimit
 * bytes), or NULL when it holds no text. */
_UI_EXTERN char *uixClipboardText(void);

/* Calls f when the user presses Enter in e (a uiEntry of any kind); NULL f
 * removes the handler.  Nothing happens for a pointer that is not a live entry. */
_UI_EXTERN void uixEntryOnActivated(uiEntry *e, void (*f)(uiEntry *e, void *data), void *data);

/* The number of buttons in r (libui-ng has no way to ask); 0 after a user-bug
 * report for a pointer that is not live radio buttons, as ui.h's getters do. */
_UI_EXTERN int uixRadioButtonsNumItems(uiRadioButtons *r);

/* What a draws with: "cairo" (GTK), "direct2d" or "gdiplus" (Windows: GDI+ where Direct2D has no render
 * target, or for every area when the environment variable LIBUI_AREA_RENDERER is "gdiplus" at its
 * creation); NULL before its first Draw or for a pointer that is not a live area.  Not to be freed. */
_UI_EXTERN const char *uixAreaRenderer(uiArea *a);

/* What uixControlCanAdopt answers: the rule every call that puts a child
 * into a container (uiBoxAppend, uiWindowSetChild, uiTabInsertAt, ...) applies. */
typedef unsigned int uixAdopt;
enum uixAdoptValues {
	uixAdoptOK = 0,        /* the call would take the child */
	uixAdoptNotLive = 1,   /* parent or child is not a live control */
	uixAdoptToplevel = 2,  /* the child is a window */
	uixAdoptHasParent = 3, /* the child is already in a container */
	uixAdoptCycle = 4,     /* the child is the container or holds it */
};

/* Whether parent may take child, and if not why (uixAdopt*), without
 * reporting a user bug: ask first, then call. */
_UI_EXTERN int uixControlCanAdopt(uiControl *parent, uiControl *child);

/* The child at index of a live container, in the container's order: a
 * uiBox's children, a uiTab's pages, a uiForm's rows, a uiGrid's children in
 * the order they were added, and a uiWindow's or uiGroup's one child at
 * index 0.  NULL for an index without a child, a control that holds none, or
 * a pointer that is not a live control (not a user bug: a question). */
_UI_EXTERN uiControl *uixControlChild(uiControl *parent, int index);

/* 1 once menus can no longer be made or changed (a window exists), else 0. */
_UI_EXTERN int uixMenusFrozen(void);

/* The items a program has at most once. */
typedef unsigned int uixMenuItem;
enum uixMenuItemValues {
	uixMenuItemQuit = 0,
	uixMenuItemPreferences = 1,
	uixMenuItemAbout = 2,
};

/* 1 if the program already has that item (uixMenuItem*), else 0. */
_UI_EXTERN int uixMenuHasItem(int which);

/* How many columns the table shows (appended with uiTableAppend*Column); 0 for anything but a
 * live table. */
_UI_EXTERN int uixTableNumColumns(uiTable *t);

#ifdef __cplusplus
}
#endif

#endif
