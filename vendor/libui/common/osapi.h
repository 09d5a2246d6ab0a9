/* The backend hooks: what common/ asks of a platform, one section per control.  Every hook is
 * prefixed uiprivOS and implemented once by each backend (unix/, windows/); a backend that lacks
 * one fails to link.  common/ has already checked the arguments (live control of the right type,
 * indices in range, text sanitized to valid UTF-8 within uiTextLimit) before it calls a hook, so
 * a hook checks only what needs the platform.  No hook calls a user's handler itself (the loop's
 * hooks and the modal dialogs run events that may): the backend reports native events to common/
 * through the uipriv…ByUser functions listed with each control. */
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

/* ---- uiEditableCombobox (common/editablecombobox.c) ---- */

typedef struct uiprivEditableComboboxShared {
	void (*onChanged)(uiEditableCombobox *c, void *data);
	void *onChangedData;
} uiprivEditableComboboxShared;

extern const uiprivControlVtable uiprivEditableComboboxVtable;
/* A new one with an empty list and empty text, shared set; NULL (nothing left behind) on failure. */
uiEditableCombobox *uiprivOSNewEditableCombobox(void);
/* Adds text at the end of the list; the typed text stays. */
void uiprivOSEditableComboboxAppend(uiEditableCombobox *c, const char *text);
/* The text in the entry, as a new sanitized string. */
char *uiprivOSEditableComboboxText(uiEditableCombobox *c);
/* Puts text in the entry without reporting it as the user's change. */
void uiprivOSEditableComboboxSetText(uiEditableCombobox *c, const char *text);
/* Called by the backend when the user typed or chose from the list. */
void uiprivEditableComboboxChangedByUser(uiEditableCombobox *c);

/* ---- uiRadioButtons (common/radiobuttons.c) ---- */

typedef struct uiprivRadioButtonsShared {
	void (*onSelected)(uiRadioButtons *r, void *data);
	void *onSelectedData;
} uiprivRadioButtonsShared;

extern const uiprivControlVtable uiprivRadioButtonsVtable;
/* A new set without buttons, shared set; NULL (nothing left behind) on failure. */
uiRadioButtons *uiprivOSNewRadioButtons(void);
/* The number of buttons. */
int uiprivOSRadioButtonsCount(uiRadioButtons *r);
/* Adds an unselected button labelled text at the end. */
void uiprivOSRadioButtonsAppend(uiRadioButtons *r, const char *text);
/* The index of the selected button, -1 for none. */
int uiprivOSRadioButtonsSelected(uiRadioButtons *r);
/* Selects button index (-1: none) without reporting it as the user's choice. */
void uiprivOSRadioButtonsSetSelected(uiRadioButtons *r, int index);
/* Called by the backend when the user selected another button. */
void uiprivRadioButtonsSelectedByUser(uiRadioButtons *r);

/* ---- uiMultilineEntry (common/multilineentry.c) ---- */

typedef struct uiprivMultilineEntryShared {
	void (*onChanged)(uiMultilineEntry *e, void *data);
	void *onChangedData;
} uiprivMultilineEntryShared;

extern const uiprivControlVtable uiprivMultilineEntryVtable;
/* A new, empty, editable entry that wraps long lines (or scrolls sideways when wrap is 0), shared
 * set; NULL (nothing left behind) on failure.  The user may type up to uiTextLimit. */
uiMultilineEntry *uiprivOSNewMultilineEntry(int wrap);
/* The whole text with "\n" line ends, as a new valid UTF-8 string. */
char *uiprivOSMultilineEntryText(uiMultilineEntry *e);
/* Replaces the text (valid UTF-8, "\n" line ends) without reporting it as the user's edit. */
void uiprivOSMultilineEntrySetText(uiMultilineEntry *e, const char *text);
/* Adds text at the end, the same way; common/ has cut it so the whole stays within uiTextLimit. */
void uiprivOSMultilineEntryAppend(uiMultilineEntry *e, const char *text);
int uiprivOSMultilineEntryReadOnly(uiMultilineEntry *e);
void uiprivOSMultilineEntrySetReadOnly(uiMultilineEntry *e, int readonly);
/* Called by the backend when the user edited the text. */
void uiprivMultilineEntryChangedByUser(uiMultilineEntry *e);

/* ---- uiDateTimePicker (common/datetimepicker.c) ---- */

/* Which parts a picker shows and edits. */
enum {
	uiprivPickDate = 1,
	uiprivPickTime = 2,
};

/* The value is the truth (the native control shows it and edits only the parts it shows). */
typedef struct uiprivDateTimePickerShared {
	uiprivDateTime value;
	void (*onChanged)(uiDateTimePicker *d, void *data);
	void *onChangedData;
} uiprivDateTimePickerShared;

extern const uiprivControlVtable uiprivDateTimePickerVtable;
/* A new picker of parts (uiprivPickDate and/or uiprivPickTime) whose value is the local time now,
 * shown, shared set; NULL (nothing left behind) on failure. */
uiDateTimePicker *uiprivOSNewDateTimePicker(int parts);
/* Shows the shared value in the native control without reporting it as the user's edit. */
void uiprivOSDateTimePickerShow(uiDateTimePicker *d);
/* Called by the backend with the value after the user's edit; reports it only if it differs. */
void uiprivDateTimePickerChangedByUser(uiDateTimePicker *d, const uiprivDateTime *now);

/* ---- uiBox (common/box.c) ---- */

typedef struct uiprivBoxChild {
	uiControl *c;
	int stretchy;
} uiprivBoxChild;

/* The children in order, and the flags; the backend reads them to attach, lay out and free. */
typedef struct uiprivBoxShared {
	int vertical;
	int padded;
	uiprivBoxChild *children;
	int n, cap;
} uiprivBoxShared;

extern const uiprivControlVtable uiprivBoxVtable;
/* A new, empty, unpadded box (shared set, vertical stored); NULL (nothing left behind) on failure. */
uiBox *uiprivOSNewBox(int vertical);
/* Shows child n-1, just added to the list with its parent set, at the end of the box. */
void uiprivOSBoxAppended(uiBox *b);
/* Takes child, just taken out of the list with its parent cleared, out of the native box; it stays
 * alive for another container. */
void uiprivOSBoxRemoved(uiBox *b, uiControl *child, int stretchy);
/* Applies the shared padded flag. */
void uiprivOSBoxSyncPadded(uiBox *b);

/* ---- uiTab (common/tab.c) ---- */

typedef struct uiprivTabPage {
	uiControl *c;
	/* The backend's container for the page (GtkWidget *, HWND). */
	void *native;
	int margined;
} uiprivTabPage;

typedef struct uiprivTabShared {
	uiprivTabPage *pages;
	int n, cap;
	void (*onSelected)(uiTab *t, void *data);
	void *onSelectedData;
} uiprivTabShared;

extern const uiprivControlVtable uiprivTabVtable;
/* A new tab without pages, shared set; NULL (nothing left behind) on failure. */
uiTab *uiprivOSNewTab(void);
/* A new, empty native container for a page about to be inserted; NULL if none could be made. */
void *uiprivOSTabNewPage(uiTab *t);
/* Shows page index, just put into the list with its child's parent set, under the label name (valid
 * UTF-8).  The selected page stays selected (the first page becomes it); nothing is reported. */
void uiprivOSTabPageInserted(uiTab *t, int index, const char *name);
/* Takes page index, just taken out of the list with the child's parent cleared, out of the native
 * tab and destroys its container; the child stays alive for another container.  As GTK does, the
 * next page (or the previous one when the last went) becomes selected; nothing is reported. */
void uiprivOSTabPageRemoved(uiTab *t, int index, const uiprivTabPage *gone);
/* The selected page, -1 for none. */
int uiprivOSTabSelected(uiTab *t);
/* Selects page index without reporting it as the user's choice. */
void uiprivOSTabSetSelected(uiTab *t, int index);
/* Applies page index's shared margined flag. */
void uiprivOSTabSyncMargined(uiTab *t, int index);
/* Called by the backend when the user picked another page. */
void uiprivTabSelectedByUser(uiTab *t);
/* Takes page index out as uiTabDelete does (the backend's free uses it before freeing the child). */
void uiprivTabRemovePage(uiTab *t, int index);

/* ---- uiForm (common/form.c) ---- */

typedef struct uiprivFormRow {
	uiControl *c;
	/* The backend's label widget (GtkWidget *, HWND). */
	void *label;
	int stretchy;
} uiprivFormRow;

typedef struct uiprivFormShared {
	uiprivFormRow *rows;
	int n, cap;
	int padded;
} uiprivFormShared;

extern const uiprivControlVtable uiprivFormVtable;
/* A new, empty, unpadded form, shared set; NULL (nothing left behind) on failure. */
uiForm *uiprivOSNewForm(void);
/* A new native label showing text (valid UTF-8) for a row about to be appended; NULL on failure. */
void *uiprivOSFormNewLabel(uiForm *f, const char *text);
/* Shows row n-1, just added to the list with its child's parent set, at the bottom of the form. */
void uiprivOSFormRowAppended(uiForm *f);
/* Takes row index, just taken out of the list with the child's parent cleared, out of the native
 * form and destroys its label; the child stays alive for another container. */
void uiprivOSFormRowRemoved(uiForm *f, int index, const uiprivFormRow *gone);
/* Applies the shared padded flag. */
void uiprivOSFormSyncPadded(uiForm *f);
/* Takes row index out as uiFormDelete does (the backend's free may use it before freeing the child). */
void uiprivFormRemoveRow(uiForm *f, int index);

/* ---- uiGrid (common/grid.c) ---- */

/* A grid child's cells (common/grid.c checks spans and places uiGridInsertAt's children). */
typedef struct uiprivGridCell {
	int left, top, xspan, yspan;
} uiprivGridCell;

typedef struct uiprivGridChild {
	uiControl *c;
	uiprivGridCell cell;
	int hexpand, vexpand;
	uiAlign halign, valign;
} uiprivGridChild;

typedef struct uiprivGridShared {
	uiprivGridChild *children;
	int n, cap;
	int padded;
} uiprivGridShared;

extern const uiprivControlVtable uiprivGridVtable;
/* A new, empty, unpadded grid, shared set; NULL (nothing left behind) on failure. */
uiGrid *uiprivOSNewGrid(void);
/* Shows child n-1, just added to the list with its parent set, in its cells with its expansion and
 * alignment. */
void uiprivOSGridPlaced(uiGrid *g);
/* Applies the shared padded flag. */
void uiprivOSGridSyncPadded(uiGrid *g);

/* ---- The main loop: uiInit, uiUninit, uiMain, uiMainStep, uiQuit, uiTimer, uiOnShouldQuit
 * (common/main.c; uiQueueMain's queue in common/queue.c) ---- */

/* Initializes the toolkit on the calling thread (it becomes the main thread); returns NULL, or a
 * message for uiInit's error after undoing whatever it did. */
const char *uiprivOSInit(void);
/* Undoes uiprivOSInit; windows and controls are gone, timers stopped and the queue closed. */
void uiprivOSUninit(void);
/* Runs the loop until uiprivOSQuit; returns at once if one came before (each is reported once). */
void uiprivOSMain(void);
/* Handles one event, waiting for one if wait is 1; returns 0 when uiprivOSQuit came (each is
 * reported once), else 1. */
int uiprivOSMainStep(int wait);
/* On the main thread: ends uiprivOSMain, or makes the next uiprivOSMainStep return 0. */
void uiprivOSQuit(void);
/* Called under the queue's lock from any thread: makes the loop call uiprivQueueRun soon.  Returns 0
 * if it could not (the next uiQueueMain tries again). */
int uiprivOSQueueWake(void);
/* Starts (watch 1) or stops (0) reporting the system's quit request (SIGTERM on GTK; Windows asks
 * every window with WM_QUERYENDSESSION whatever this says) to uiprivShouldQuit. */
void uiprivOSWatchQuitRequests(int watch);

/* A uiTimer; common/ owns the struct and its list. */
typedef struct uiprivTimer uiprivTimer;
struct uiprivTimer {
	int (*f)(void *data);
	void *data;
	/* Whether f is running (a modal loop inside it must not run it again). */
	int running;
	/* The backend's id for its native timer. */
	uintptr_t native;
	uiprivTimer *next;
};
/* Starts t's native timer, calling uiprivTimerFire(t) every milliseconds (>= 0) on the main thread;
 * 0 if it could not. */
int uiprivOSTimerStart(uiprivTimer *t, int milliseconds);
/* Stops t's native timer for good (t is freed next); may be called from t's own firing. */
void uiprivOSTimerStop(uiprivTimer *t);
/* Called by the backend when t's interval passed: runs the callback and returns 1 if the timer goes on,
 * 0 if it ended (then it is already stopped and freed). */
int uiprivTimerFire(uiprivTimer *t);

/* ---- Menus (the model in common/menus.c; each backend builds its windows' menu bars from it) ---- */

/* Shows item's enabled and checked state in every menu bar. */
void uiprivOSMenuItemSync(uiMenuItem *item);

/* ---- ui_extras.h (common/extras.c) ---- */

/* Puts text (valid UTF-8 within uiTextLimit) on the system clipboard; 1 on success. */
int uiprivOSClipboardSet(const char *text);
/* The clipboard's text, sanitized, or NULL when it holds none. */
char *uiprivOSClipboardGet(void);
/* Watches Enter in the entry whose native handle is handle (not yet checked to be an entry); f NULL
 * stops watching. */
void uiprivOSEntryActivatedSet(uiEntry *e, uintptr_t handle, void (*f)(uiEntry *e, void *data), void *data);

/* ---- uiWindow (common/window.c) ---- */

/* The flags and handlers; the backend reads them to build its frame, lay out and report. */
typedef struct uiprivWindowShared {
	uiControl *child;
	int margined;
	int resizeable, borderless, fullscreen;
	int (*onClosing)(uiWindow *w, void *data);
	void *onClosingData;
	void (*onContentSizeChanged)(uiWindow *w, void *data);
	void *onContentSizeChangedData;
	void (*onPositionChanged)(uiWindow *w, void *data);
	void *onPositionChangedData;
	void (*onFocusChanged)(uiWindow *w, void *data);
	void *onFocusChangedData;
} uiprivWindowShared;

/* uiprivWindowVtable is declared in uipriv.h (other containers look for their window through it). */
/* A new, hidden, resizeable, untitled window with an empty menu bar built from the menus when
 * hasMenubar is nonzero (and there are menus), shared set (resizeable 1); NULL (nothing left behind)
 * on failure.  common/ then sets its title and content size. */
uiWindow *uiprivOSNewWindow(int hasMenubar);
/* The title, as a new sanitized string. */
char *uiprivOSWindowTitle(uiWindow *w);
/* Shows title (valid UTF-8) in the title bar. */
void uiprivOSWindowSetTitle(uiWindow *w, const char *title);
/* The size of the area below the menu bar, in 96-DPI units. */
void uiprivOSWindowContentSize(uiWindow *w, int *width, int *height);
/* Resizes the window so that area is width x height (each 1..16384), without reporting it as the
 * user's resize. */
void uiprivOSWindowSetContentSize(uiWindow *w, int width, int height);
/* The window's top-left corner on the screen. */
void uiprivOSWindowPosition(uiWindow *w, int *x, int *y);
/* Moves the window there without reporting it as the user's move. */
void uiprivOSWindowSetPosition(uiWindow *w, int x, int y);
/* The shared child has just changed from old (parent already cleared; it stays alive for another
 * container) to the new one (parent already set); either may be NULL.  Detaches old natively and
 * shows and lays out the new one. */
void uiprivOSWindowChildChanged(uiWindow *w, uiControl *old);
/* Applies the shared margined flag. */
void uiprivOSWindowSyncMargined(uiWindow *w);
/* Applies the shared resizeable and borderless flags (one of them just changed); the content keeps its
 * size. */
void uiprivOSWindowSyncFrame(uiWindow *w);
/* Applies the shared fullscreen flag (it just changed): covers the window's monitor without a frame,
 * or puts the window back where and as it was. */
void uiprivOSWindowSyncFullscreen(uiWindow *w);
/* Whether the window is the active one, with the keyboard focus. */
int uiprivOSWindowFocused(uiWindow *w);
/* v within 1..16384, the content sides a program may ask for. */
int uiprivWindowClampSide(int v);
/* For the backend's free: forgets the child and clears its parent, leaving the native side alone,
 * and returns it (NULL: none) to be freed. */
uiControl *uiprivWindowTakeChild(uiWindow *w);
/* Called by the backend when the user asked to close the window (its close button, Alt+F4): the
 * onClosing handler decides, and the window is destroyed if it returns nonzero. */
void uiprivWindowClosingByUser(uiWindow *w);
/* Called by the backend when the user (never the API) resized, moved, or (de)activated the window. */
void uiprivWindowContentSizeChangedByUser(uiWindow *w);
void uiprivWindowPositionChangedByUser(uiWindow *w);
void uiprivWindowFocusChangedByUser(uiWindow *w);

/* ---- uiGroup (common/group.c) ---- */

typedef struct uiprivGroupShared {
	uiControl *child;
	int margined;
} uiprivGroupShared;

extern const uiprivControlVtable uiprivGroupVtable;
/* A new, empty, unmargined group without a title, shared set; NULL (nothing left behind) on failure. */
uiGroup *uiprivOSNewGroup(void);
/* The title, as a new sanitized string. */
char *uiprivOSGroupTitle(uiGroup *g);
/* Shows title (valid UTF-8). */
void uiprivOSGroupSetTitle(uiGroup *g, const char *title);
/* The shared child has just changed from old (parent already cleared; it stays alive for another
 * container) to the new one (parent already set); either may be NULL.  Detaches old natively and
 * shows the new one. */
void uiprivOSGroupChildChanged(uiGroup *g, uiControl *old);
/* Applies the shared margined flag. */
void uiprivOSGroupSyncMargined(uiGroup *g);
/* For the backend's free: forgets the child and clears its parent, leaving the native side alone,
 * and returns it (NULL: none) to be freed. */
uiControl *uiprivGroupTakeChild(uiGroup *g);

/* ---- uiLabel (common/label.c) ---- */

extern const uiprivControlVtable uiprivLabelVtable;
/* A new label without text, its text starting at the left; NULL (nothing left behind) on failure. */
uiLabel *uiprivOSNewLabel(void);
/* The label's text, as a new sanitized string. */
char *uiprivOSLabelText(uiLabel *l);
/* Shows text (valid UTF-8, possibly several lines). */
void uiprivOSLabelSetText(uiLabel *l, const char *text);

/* ---- uiSeparator (common/separator.c) ---- */

/* A new horizontal (vertical 0) or vertical line; NULL (nothing left behind) on failure. */
uiSeparator *uiprivOSNewSeparator(int vertical);

/* ---- uiProgressBar (common/progressbar.c) ---- */

typedef struct uiprivProgressBarShared {
	/* The last value set: 0..100, or -1 while indeterminate. */
	int value;
} uiprivProgressBarShared;

extern const uiprivControlVtable uiprivProgressBarVtable;
/* A new bar at 0 (range 0..100), shared set; NULL (nothing left behind) on failure. */
uiProgressBar *uiprivOSNewProgressBar(void);
/* Shows value at once (no easing towards it): 0..100, or -1 for an animation that runs until the next
 * value. */
void uiprivOSProgressBarShow(uiProgressBar *p, int value);

/* ---- uiColorButton (common/colorbutton.c) ---- */

typedef struct uiprivColorButtonShared {
	void (*onChanged)(uiColorButton *b, void *data);
	void *onChangedData;
} uiprivColorButtonShared;

extern const uiprivControlVtable uiprivColorButtonVtable;
/* A new button showing opaque black, shared set; NULL (nothing left behind) on failure. */
uiColorButton *uiprivOSNewColorButton(void);
/* The color shown, red, green, blue and alpha in 0..1. */
void uiprivOSColorButtonColor(uiColorButton *b, double rgba[4]);
/* Shows rgba (each in 0..1) without reporting it as the user's choice. */
void uiprivOSColorButtonSetColor(uiColorButton *b, const double rgba[4]);
/* Called by the backend when the user chose a color in the dialog. */
void uiprivColorButtonChangedByUser(uiColorButton *b);

/* ---- uiFontButton (common/fontbutton.c; uiLoadControlFont in common/pickers.c) ---- */

typedef struct uiprivFontButtonShared {
	void (*onChanged)(uiFontButton *b, void *data);
	void *onChangedData;
} uiprivFontButtonShared;

extern const uiprivControlVtable uiprivFontButtonVtable;
/* A new button showing the control font (uiLoadControlFont's), shared set; NULL (nothing left behind)
 * on failure. */
uiFontButton *uiprivOSNewFontButton(void);
/* Fills every field of desc (Family allocated) with the font shown and returns 1, or 0 if the
 * platform gives none. */
int uiprivOSFontButtonFont(uiFontButton *b, uiFontDescriptor *desc);
/* Called by the backend when the user chose a font in the dialog. */
void uiprivFontButtonChangedByUser(uiFontButton *b);
/* uiLoadControlFont's: fills every field of desc (Family allocated) with the font the system gives
 * controls and returns 1, or 0 if it gives none. */
int uiprivOSControlFont(uiFontDescriptor *desc);

/* ---- Dialogs: uiOpenFile, uiOpenFolder, uiSaveFile, uiMsgBox, uiMsgBoxError (common/dialogs.c) ---- */

typedef enum uiprivFileDialogKind {
	uiprivFileDialogOpen,
	uiprivFileDialogFolder,
	uiprivFileDialogSave,
} uiprivFileDialogKind;
/* Runs the file dialog of kind, modal to parent (a live window, or NULL for none); returns the chosen
 * path as sanitized UTF-8, or NULL when the user cancelled. */
char *uiprivOSFileDialog(uiWindow *parent, uiprivFileDialogKind kind);
/* Runs a modal message box with an OK button, owned by parent (a live window, or NULL: then modal to
 * the application), with title and description (valid UTF-8) and an error icon when error is 1, an
 * information icon when 0. */
void uiprivOSMsgBox(uiWindow *parent, const char *title, const char *description, int error);

/* ---- uiButton (common/button.c) ---- */

typedef struct uiprivButtonShared {
	void (*onClicked)(uiButton *b, void *data);
	void *onClickedData;
} uiprivButtonShared;

extern const uiprivControlVtable uiprivButtonVtable;
/* A new push button without text, shared set; NULL (nothing left behind) on failure. */
uiButton *uiprivOSNewButton(void);
/* The button's text, as a new sanitized string. */
char *uiprivOSButtonText(uiButton *b);
/* Shows text (valid UTF-8) on the button. */
void uiprivOSButtonSetText(uiButton *b, const char *text);
/* Called by the backend when the user clicked the button. */
void uiprivButtonClickedByUser(uiButton *b);

/* ---- uiCheckbox (common/checkbox.c) ---- */

typedef struct uiprivCheckboxShared {
	void (*onToggled)(uiCheckbox *c, void *data);
	void *onToggledData;
} uiprivCheckboxShared;

extern const uiprivControlVtable uiprivCheckboxVtable;
/* A new unchecked checkbox without text, shared set; NULL (nothing left behind) on failure. */
uiCheckbox *uiprivOSNewCheckbox(void);
/* The checkbox's text, as a new sanitized string. */
char *uiprivOSCheckboxText(uiCheckbox *c);
/* Shows text (valid UTF-8) beside the box. */
void uiprivOSCheckboxSetText(uiCheckbox *c, const char *text);
/* 1 if checked, else 0. */
int uiprivOSCheckboxChecked(uiCheckbox *c);
/* Checks (1) or clears (0) the box without reporting it as the user's click. */
void uiprivOSCheckboxSetChecked(uiCheckbox *c, int isChecked);
/* Called by the backend when the user toggled the box. */
void uiprivCheckboxToggledByUser(uiCheckbox *c);

/* ---- uiEntry (common/entry.c) ---- */

typedef enum uiprivEntryKind {
	uiprivEntryPlain,
	uiprivEntryPassword,
	/* Windows has no search field among its common controls: a plain entry there, as in libui-ng. */
	uiprivEntrySearch,
} uiprivEntryKind;

typedef struct uiprivEntryShared {
	void (*onChanged)(uiEntry *e, void *data);
	void *onChangedData;
} uiprivEntryShared;

extern const uiprivControlVtable uiprivEntryVtable;
/* A new, empty, editable entry of kind, shared set; NULL (nothing left behind) on failure.  The
 * user may type up to uiTextLimit. */
uiEntry *uiprivOSNewEntry(uiprivEntryKind kind);
/* The entry's text, as a new sanitized string. */
char *uiprivOSEntryText(uiEntry *e);
/* Replaces the text (valid UTF-8) without reporting it as the user's edit. */
void uiprivOSEntrySetText(uiEntry *e, const char *text);
int uiprivOSEntryReadOnly(uiEntry *e);
void uiprivOSEntrySetReadOnly(uiEntry *e, int readonly);
/* Called by the backend when the user edited the text. */
void uiprivEntryChangedByUser(uiEntry *e);

/* ---- uiSlider (common/slider.c) ---- */

typedef struct uiprivSliderShared {
	void (*onChanged)(uiSlider *s, void *data);
	void *onChangedData;
	void (*onReleased)(uiSlider *s, void *data);
	void *onReleasedData;
} uiprivSliderShared;

extern const uiprivControlVtable uiprivSliderVtable;
/* A new horizontal slider with its value tool tip on and an empty range, shared set; NULL (nothing
 * left behind) on failure.  common/ sets its range and value next. */
uiSlider *uiprivOSNewSlider(void);
/* The value and the range (min <= max). */
int uiprivOSSliderValue(uiSlider *s);
void uiprivOSSliderRange(uiSlider *s, int *min, int *max);
/* Sets the range (min <= max) and the value (within it) without reporting a change. */
void uiprivOSSliderSet(uiSlider *s, int min, int max, int value);
int uiprivOSSliderHasToolTip(uiSlider *s);
void uiprivOSSliderSetHasToolTip(uiSlider *s, int hasToolTip);
/* Called by the backend when the user moved the slider, and when the user let go of it. */
void uiprivSliderChangedByUser(uiSlider *s);
void uiprivSliderReleasedByUser(uiSlider *s);

/* ---- uiSpinbox (common/spinbox.c) ---- */

typedef struct uiprivSpinboxShared {
	int min, max;
	void (*onChanged)(uiSpinbox *s, void *data);
	void *onChangedData;
} uiprivSpinboxShared;

extern const uiprivControlVtable uiprivSpinboxVtable;
/* A new spinbox for min..max (min <= max, stored in shared) showing min, shared set; NULL (nothing
 * left behind) on failure. */
uiSpinbox *uiprivOSNewSpinbox(int min, int max);
int uiprivOSSpinboxValue(uiSpinbox *s);
/* Shows value (within the range) without reporting a change. */
void uiprivOSSpinboxSetValue(uiSpinbox *s, int value);
/* Called by the backend when the user changed the value. */
void uiprivSpinboxChangedByUser(uiSpinbox *s);

/* ---- Tables and images (common/image.c, tablevalue.c, tablemodel.c, table.c; windows|unix/image.c, table.c) ---- */

/* One pixel size of an image: tightly packed straight RGBA, and the backend's native copy, made on
 * first use by the backend and freed through uiprivOSImageRepFree. */
typedef struct uiprivImageRep {
	int width, height;
	uint8_t *pixels;
	void *native;
} uiprivImageRep;

struct uiImage {
	/* In points. */
	double width, height;
	uiprivImageRep *reps;
	int n;
	/* Live table values referring to the image. */
	int users;
};

/* The size of i to draw at scale (device pixels per point): the smallest at least as large as
 * needed, else the largest; NULL when i has no pixels. */
uiprivImageRep *uiprivImageRepFor(uiImage *i, double scale);
/* Frees a native copy the backend made for a rep (called when the rep goes away). */
void uiprivOSImageRepFree(void *native);

/* What a value is; values are platform-free. */
struct uiTableValue {
	uiTableValueType type;
	union {
		char *str;
		uiImage *img;
		int i;
		double rgba[4];
	} u;
};

/* The program's model, and the tables that show it. */
struct uiTableModel {
	uiTableModelHandler *mh;
	uiTable **tables;
	int ntables, cap;
	/* The row count the tables show, known while there are tables. */
	int rows;
};

/* tablemodel.c: the handler's row count (a negative one reported, naming func, as 0); adding a
 * table to the model and taking it away. */
int uiprivTableModelNumRows(uiTableModel *m, const char *func);
void uiprivTableModelAttach(uiTableModel *m, uiTable *t);
void uiprivTableModelDetach(uiTableModel *m, uiTable *t);

/* What a table column shows: model column indices (-1 where a part is absent). */
typedef enum uiprivTableColumnKind {
	uiprivTableColumnText,
	uiprivTableColumnImage,
	uiprivTableColumnImageText,
	uiprivTableColumnCheckbox,
	uiprivTableColumnCheckboxText,
	uiprivTableColumnProgress,
	uiprivTableColumnButton,
} uiprivTableColumnKind;

typedef struct uiprivTableColumn {
	uiprivTableColumnKind kind;
	char *name;
	int text, textEditable, textColor;
	int image;
	int checkbox, checkboxEditable;
	int progress;
	int button, buttonClickable;
	uiSortIndicator sort;
} uiprivTableColumn;

typedef struct uiprivTableShared {
	uiTableModel *model;
	int backgroundColumn;
	uiprivTableColumn *columns;
	int ncolumns, cap;
	uiTableSelectionMode mode;
	void (*onRowClicked)(uiTable *t, int row, void *data);
	void *onRowClickedData;
	void (*onRowDoubleClicked)(uiTable *t, int row, void *data);
	void *onRowDoubleClickedData;
	void (*onHeaderClicked)(uiTable *t, int column, void *data);
	void *onHeaderClickedData;
	void (*onSelectionChanged)(uiTable *t, void *data);
	void *onSelectionChangedData;
} uiprivTableShared;

extern const uiprivControlVtable uiprivTableVtable;
/* A new table without columns, showing init's model (whose row count is init->model->rows) with
 * init's background column and selection mode: the backend copies *init into its own shared
 * state first and sets c.shared; NULL (nothing left behind) on failure. */
uiTable *uiprivOSNewTable(const uiprivTableShared *init);
/* A column's width, in points, until the program sets one. */
int uiprivTableColumnDefaultWidth(const uiprivTableColumn *c);
/* Called by the backend's free before it frees t: t leaves its model, its columns are freed. */
void uiprivTableFreed(uiTable *t);
/* Shows column ncolumns - 1, just added to shared. */
void uiprivOSTableColumnAppended(uiTable *t);
/* The model's rows changed: a row inserted at row (model->rows already counts it), row changed,
 * or row deleted (model->rows no longer counts it).  The selection follows its rows. */
void uiprivOSTableRowInserted(uiTable *t, int row);
void uiprivOSTableRowChanged(uiTable *t, int row);
void uiprivOSTableRowDeleted(uiTable *t, int row);
int uiprivOSTableHeaderVisible(uiTable *t);
void uiprivOSTableHeaderSetVisible(uiTable *t, int visible);
/* Shows columns[column].sort on that column's header. */
void uiprivOSTableSyncSortIndicator(uiTable *t, int column);
/* A column's width in 96-DPI units; sets it (width >= 0) or fits it to its contents (-1). */
int uiprivOSTableColumnWidth(uiTable *t, int column);
void uiprivOSTableColumnSetWidth(uiTable *t, int column, int width);
/* Applies shared mode, cutting the selection to what it allows, without reporting a change. */
void uiprivOSTableSyncSelectionMode(uiTable *t);
/* The selected rows ascending, as a new array (NULL when none), their count in *n. */
int *uiprivOSTableSelection(uiTable *t, int *n);
/* Selects exactly rows[0..n-1] (valid, allowed by the mode) without reporting a change. */
void uiprivOSTableSetSelection(uiTable *t, const int *rows, int n);

/* What backends ask of the model, through common/ (which reports the program's wrong answers):
 * the cell at row, column as a value of the column's type, NULL for none (free it with
 * uiFreeTableValue); the text (a new string, "" for none); the int; the colour (0: none); the
 * image (NULL: none); whether a part whose editable column is editable may be edited in row. */
uiTableValue *uiprivTableCell(uiTable *t, int row, int column);
char *uiprivTableCellText(uiTable *t, int row, int column);
int uiprivTableCellInt(uiTable *t, int row, int column);
int uiprivTableCellColor(uiTable *t, int row, int column, double rgba[4]);
uiImage *uiprivTableCellImage(uiTable *t, int row, int column);
int uiprivTableCellEditable(uiTable *t, int row, int editable);
/* Called by the backend when the user edited a cell (value; NULL for a button click). */
void uiprivTableSetCellByUser(uiTable *t, int row, int column, const uiTableValue *value);
/* Called by the backend for the user's clicks and selection changes. */
void uiprivTableRowClickedByUser(uiTable *t, int row);
void uiprivTableRowDoubleClickedByUser(uiTable *t, int row);
void uiprivTableHeaderClickedByUser(uiTable *t, int column);
void uiprivTableSelectionChangedByUser(uiTable *t);

/* ---- Areas and drawing (common/area.c, common/drawpath.c; windows|unix/area.c, draw.c) ---- */

/* The backend's uiArea type, so common/ can check that a pointer is a live area. */
extern const uiprivControlVtable uiprivAreaVtable;

/* A new area drawn by ah (checked non-NULL); scrolling ones start at width x height (checked); NULL if the
 * native control cannot be made. */
uiArea *uiprivOSNewArea(uiAreaHandler *ah, int scrolling, int width, int height);
/* Whether a (a live area) was made by uiNewScrollingArea. */
int uiprivOSAreaScrolling(uiArea *a);
/* A scrolling area's new drawing size (checked). */
void uiprivOSAreaSetSize(uiArea *a, int width, int height);
/* Invalidates everything visible; the Draw call comes later from the main loop. */
void uiprivOSAreaQueueRedrawAll(uiArea *a);
/* Scrolls a scrolling area so the rectangle (finite numbers) is visible. */
void uiprivOSAreaScrollTo(uiArea *a, double x, double y, double width, double height);
/* Hands the mouse to the window manager to move, or resize from edge (a valid uiWindowResizeEdge), the
 * area's window; nothing if the area is not in a window or no button is down. */
void uiprivOSAreaBeginUserWindowMove(uiArea *a);
void uiprivOSAreaBeginUserWindowResize(uiArea *a, uiWindowResizeEdge edge);

/* uixAreaRenderer's answer for a live area. */
const char *uiprivOSAreaRenderer(uiArea *a);

/* Double-click counting shared by both backends: a press of the same button within maxTime milliseconds
 * and maxDist pixels (each axis) of the previous one counts one more, else the count starts again at 1. */
typedef struct uiprivClickCounter {
	int button;
	int count;
	uint32_t time;
	double x, y;
} uiprivClickCounter;
int uiprivClickCount(uiprivClickCounter *cc, int button, double x, double y, uint32_t time, uint32_t maxTime, double maxDist);
/* Forget the last press (the pointer left, or the area lost the focus). */
void uiprivClickReset(uiprivClickCounter *cc);
/* uiAreaMouseEvent's Held1To64: bit n-1 for each button n (1..5) whose native mask is in state, leaving
 * out button except (the one the event is about; 0: none). */
uint64_t uiprivHeldButtons(uint64_t state, const uint64_t masks[5], int except);

/* A path as common/drawpath.c records it: arcs and rectangles are already turned into moves, lines,
 * cubic Béziers and closes, so every backend replays the same four steps and draws arcs the same way. */
typedef enum uiprivPathOp {
	uiprivPathMoveTo,
	uiprivPathLineTo,
	uiprivPathCubicTo,
	uiprivPathClose,
} uiprivPathOp;

typedef struct uiprivPathStep {
	uiprivPathOp op;
	/* MoveTo and LineTo use x[0], y[0]; CubicTo: two control points, then the end point. */
	double x[3], y[3];
} uiprivPathStep;

struct uiDrawPath {
	uiDrawFillMode fillMode;
	int ended;
	/* Whether a figure is open, i.e. there is a current point to draw from. */
	int inFigure;
	uiprivPathStep *steps;
	size_t count, cap;
};

/* p if it is a live, ended path; else NULL after a user bug naming func (drawpath.c, for draw.c). */
uiDrawPath *uiprivEndedPath(uiDrawPath *p, const char *func);

/* The backend's drawing context opens around each Draw call: Open registers c as live (so the uiDraw*
 * calls accept it), Close forgets it.  Pass the same pointer to both. */
void uiprivDrawContextOpen(uiDrawContext *c);
void uiprivDrawContextClose(uiDrawContext *c);
/* How many uiDrawSave calls c has not restored yet (the backend pops them at the end of a Draw). */
size_t uiprivDrawContextSaved(uiDrawContext *c);

/* The drawing itself, on a live context with an ended path and a checked brush (a known type, finite
 * numbers, colours in 0..1, gradients with 1..uiprivMaxStops stops sorted by the caller or not) and stroke
 * (known cap and join, finite Thickness >= 0, MiterLimit >= 1 after clamping, dashes finite, >= 0 and not
 * all zero). */
#define uiprivMaxStops 1024
#define uiprivMaxDashes 1024
void uiprivOSDrawFill(uiDrawContext *c, uiDrawPath *path, uiDrawBrush *b);
void uiprivOSDrawStroke(uiDrawContext *c, uiDrawPath *path, uiDrawBrush *b, uiDrawStrokeParams *p);
/* m is invertible and finite. */
void uiprivOSDrawTransform(uiDrawContext *c, uiDrawMatrix *m);
void uiprivOSDrawClip(uiDrawContext *c, uiDrawPath *path);
void uiprivOSDrawSave(uiDrawContext *c);
/* Only called when a save is outstanding. */
void uiprivOSDrawRestore(uiDrawContext *c);

/* ---- Text (common/attribute.c, attrstr.c, graphemes.c, textlayout.c; windows|unix/textlayout.c) ---- */

struct uiOpenTypeFeatures {
	/* Tags as OpenType packs them ('a' in the high byte), in the order added. */
	uint32_t *tags;
	uint32_t *values;
	size_t count, cap;
	/* The set inside a Features attribute, which frees it; ForEach calls running on it. */
	int attrOwned;
	int iterating;
};

struct uiAttribute {
	uiAttributeType type;
	/* Held by strings' spans and layouts; the attribute goes with the last reference once the
	 * user has given it away (userOwned 0). */
	size_t refs;
	int userOwned;
	char *family;
	double size;
	uiTextWeight weight;
	uiTextItalic italic;
	uiTextStretch stretch;
	/* Color, Background and UnderlineColor. */
	double r, g, b, a;
	uiUnderline underline;
	uiUnderlineColor underlineColor;
	uiOpenTypeFeatures *features;
};

/* An attribute on bytes [start, end) of a text. */
typedef struct uiprivTextSpan {
	uiAttribute *attr;
	size_t start, end;
} uiprivTextSpan;

/* Whether size is a font size (finite, above 0, not huge) and the rest known values; else a user bug naming func. */
int uiprivFontSizeValid(double size, const char *func);
int uiprivFontStyleValid(uiTextWeight weight, uiTextItalic italic, uiTextStretch stretch, const char *func);

void uiprivAttributeRetain(uiAttribute *a);
void uiprivAttributeRelease(uiAttribute *a);
/* a if it is a live attribute, else NULL after a user bug naming func. */
uiAttribute *uiprivCheckAttribute(const uiAttribute *a, const char *func);

struct uiAttributedString {
	/* Valid UTF-8 of len bytes (at most uiTextLimit), NUL-terminated. */
	char *text;
	size_t len;
	/* Non-empty spans within the text, by start then type; spans of one type never overlap. */
	uiprivTextSpan *spans;
	size_t nspans, cap;
	/* Grapheme starts (uiprivGraphemeStarts), made when first asked for after a change; else NULL. */
	size_t *graphemes;
	size_t ngraphemes;
	/* ForEach calls running on it. */
	int iterating;
};

/* s if it is a live string, else NULL after a user bug naming func. */
uiAttributedString *uiprivCheckAttributedString(const uiAttributedString *s, const char *func);

/* The byte offsets where each grapheme of text (valid UTF-8, len bytes) starts, plus len at the end;
 * *count gets the number of graphemes.  Free with free(). */
size_t *uiprivGraphemeStarts(const char *text, size_t len, size_t *count);

/* What a layout was made from, copied (the attributes retained), so the string may change after. */
struct uiDrawTextLayout {
	char *text;
	size_t len;
	uiprivTextSpan *spans;
	size_t nspans;
	char *family;
	double size;
	uiTextWeight weight;
	uiTextItalic italic;
	uiTextStretch stretch;
	/* Negative: no wrapping. */
	double width;
	uiDrawTextAlign align;
	/* The backend's layout. */
	void *os;
};

/* Whether c is the context of a running Draw call; else a user bug naming func (draw.c). */
int uiprivDrawContextLive(uiDrawContext *c, const char *func);

/* Makes tl->os from the checked fields of tl; 0 if the platform cannot (the layout is then refused). */
int uiprivOSTextLayoutMake(uiDrawTextLayout *tl);
void uiprivOSTextLayoutFree(uiDrawTextLayout *tl);
void uiprivOSTextLayoutExtents(uiDrawTextLayout *tl, double *width, double *height);
/* Draws on a live context at finite x, y. */
void uiprivOSDrawText(uiDrawContext *c, uiDrawTextLayout *tl, double x, double y);

#endif
