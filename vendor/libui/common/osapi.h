/* The backend hooks: what common/ asks of a platform, one section per control.  Every hook is
 * prefixed uiprivOS and implemented once by each backend (unix/, windows/); a backend that lacks
 * one fails to link.  common/ has already checked the arguments (live control of the right type,
 * indices in range, text sanitized to valid UTF-8 within uiTextLimit) before it calls a hook, so
 * a hook checks only what needs the platform.  No hook calls a user's handler: the backend
 * reports native events to common/ through the uipriv…ByUser functions listed with each control. */
#ifndef UIPRIV_OSAPI_H
#define UIPRIV_OSAPI_H

#include "uipriv.h"

/* ---- uiCombobox (common/combobox.c) ---- */

/* Platform-free state, held in the backend's struct and reached through uiControl.shared. */
typedef struct uiprivComboboxShared {
	void (*onSelected)(uiCombobox *c, void *data);
	void *onSelectedData;
} uiprivComboboxShared;

extern const uiprivControlVtable uiprivComboboxVtable;
/* A new, empty combobox with nothing selected and shared pointing at its uiprivComboboxShared;
 * NULL (nothing left behind) if the platform could not make one. */
uiCombobox *uiprivOSNewCombobox(void);
/* The number of items the native control holds. */
int uiprivOSComboboxCount(uiCombobox *c);
/* Inserts text before index (0..count); the selected item, if any, stays selected. */
void uiprivOSComboboxInsert(uiCombobox *c, int index, const char *text);
/* Removes the item at index (0..count-1); the selection afterwards is set by common/. */
void uiprivOSComboboxDelete(uiCombobox *c, int index);
/* Removes every item, leaving nothing selected. */
void uiprivOSComboboxClear(uiCombobox *c);
/* The selected index, -1 for none. */
int uiprivOSComboboxSelected(uiCombobox *c);
/* Selects index (-1: none) without reporting it as the user's choice. */
void uiprivOSComboboxSetSelected(uiCombobox *c, int index);
/* Called by the backend when the user (never the API) chose an item. */
void uiprivComboboxSelectedByUser(uiCombobox *c);

#endif
