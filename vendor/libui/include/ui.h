/* ui.h: a small native UI toolkit with the libui-ng API (subset), Win32 and GTK 3 backends.
 *
 * Conventions for every function below:
 * - Strings passed in and returned are UTF-8.  Returned strings are newly
 *   allocated and must be freed with uiFreeText.
 * - Bad input never crashes:
 *   - a NULL string argument is treated as "";
 *   - every byte that is not part of a well-formed UTF-8 sequence is
 *     replaced by U+FFFD;
 *   - text longer than uiTextLimit bytes (after that replacement) is cut at
 *     the last whole character that fits;
 *   - a NULL control, a control of the wrong type, or a destroyed control
 *     makes the call do nothing; getters then return 0, NULL or a newly
 *     allocated "" (string getters never return NULL);
 *   - other rejected calls (listed per function) do nothing.
 * - Misuse is a user bug with one documented path: a NULL, destroyed or
 *   wrong-type control, an index out of range, a control that cannot go
 *   where it is put (a window, one that already has a parent, or one that
 *   would contain itself), destroying a control that still has a parent,
 *   and any call before uiInit, after uiUninit or from another thread (other
 *   than uiQueueMain and uiQuit) print one line
 *   "libui: <function>: <what was wrong> (ignored)" on stderr, and the call
 *   then does what the rules above say: nothing, or the default result.
 *   Destroyed controls are recognised without reading their freed memory.
 * - Sizes are in 96-DPI units (device-independent pixels); the backends
 *   scale them to the window's DPI.
 * - Everything except uiQueueMain must be called on the thread that called
 *   uiInit.  Running out of memory aborts the process.
 */
#ifndef UI_H
#define UI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef _UI_EXTERN
#define _UI_EXTERN extern
#endif

/* Longest text, in bytes without the terminating NUL, that any call accepts or returns. */
#define uiTextLimit 65536

/* Pi, for uiDrawMatrixRotate (M_PI is not standard C). */
#define uiPi 3.14159265358979323846264338327950288419716939937510582097494459

typedef struct uiInitOptions uiInitOptions;

struct uiInitOptions {
	size_t Size;
};

/* Starts the toolkit; options may be NULL.  Returns NULL on success, else an error message to free with uiFreeInitError. */
_UI_EXTERN const char *uiInit(uiInitOptions *options);
/* Releases what uiInit acquired; functions still queued with uiQueueMain are dropped without running. */
_UI_EXTERN void uiUninit(void);
/* Frees an error message returned by uiInit. */
_UI_EXTERN void uiFreeInitError(const char *err);

/* Runs the event loop until uiQuit. */
_UI_EXTERN void uiMain(void);
/* Kept for API compatibility: uiMainStep needs no preparation on these backends, so this does nothing. */
_UI_EXTERN void uiMainSteps(void);
/* Handles one pending event (waiting for one if wait is nonzero); returns 0 when it handled a uiQuit request (each is reported once), else 1. */
_UI_EXTERN int uiMainStep(int wait);
/* Makes uiMain return (and uiMainStep return 0); may be called from any thread. */
_UI_EXTERN void uiQuit(void);
/* Runs f(data) soon on the main thread, in the order queued; safe to call from any thread.  A NULL f, or a call before uiInit or after uiUninit, is a user bug. */
_UI_EXTERN void uiQueueMain(void (*f)(void *data), void *data);
/* Calls f(data) every milliseconds (negative counts as 0) on the main thread while f returns nonzero.  A NULL f is ignored. */
_UI_EXTERN void uiTimer(int milliseconds, int (*f)(void *data), void *data);
/* Sets the handler asked when the system wants the program to end (Windows: session end, WM_QUERYENDSESSION, once per open window; Unix: SIGTERM while a handler is set).  Nonzero from f means quit: uiQuit is called.  NULL f removes it. */
_UI_EXTERN void uiOnShouldQuit(int (*f)(void *data), void *data);

/* Frees a string returned by this library; NULL is ignored. */
_UI_EXTERN void uiFreeText(char *text);

/* Every control is a uiControl; uiControl(x) casts a typed control pointer. */
typedef struct uiControl uiControl;
#define uiControl(this) ((uiControl *) (this))

/* Destroys a control and its children.  A user bug while the control has a parent (remove it from its container first). */
_UI_EXTERN void uiControlDestroy(uiControl *c);
/* The native handle: HWND on Windows, GtkWidget * on GTK. */
_UI_EXTERN uintptr_t uiControlHandle(uiControl *c);
/* The container holding c, or NULL. */
_UI_EXTERN uiControl *uiControlParent(uiControl *c);
/* Containers keep the parent themselves (custom containers are not provided), so a call that would change it is a user bug and ignored. */
_UI_EXTERN void uiControlSetParent(uiControl *c, uiControl *parent);
/* 1 for windows, 0 for other controls. */
_UI_EXTERN int uiControlToplevel(uiControl *c);
/* Whether the control itself is shown (windows start hidden, other controls shown). */
_UI_EXTERN int uiControlVisible(uiControl *c);
/* Shows the control. */
_UI_EXTERN void uiControlShow(uiControl *c);
/* Hides the control; hidden children take no space in boxes. */
_UI_EXTERN void uiControlHide(uiControl *c);
/* Whether the control itself is enabled (a disabled container also disables its children). */
_UI_EXTERN int uiControlEnabled(uiControl *c);
/* Enables the control. */
_UI_EXTERN void uiControlEnable(uiControl *c);
/* Disables the control. */
_UI_EXTERN void uiControlDisable(uiControl *c);
/* 1 if the user can use the control: it and every container above it are enabled. */
_UI_EXTERN int uiControlEnabledToUser(uiControl *c);
/* Checks, changing nothing, that c may be given parent (NULL: may lose its parent): a window never
 * takes a parent, a control with a parent takes no second one, and one without cannot lose it.
 * Reports the user bug if not. */
_UI_EXTERN void uiControlVerifySetParent(uiControl *c, uiControl *parent);
/* Reports the user bug of giving a top-level control (a window, or the named type) a parent. */
_UI_EXTERN void uiUserBugCannotSetParentOnToplevel(const char *type);

typedef struct uiWindow uiWindow;
#define uiWindow(this) ((uiWindow *) (this))

/* The window title. */
_UI_EXTERN char *uiWindowTitle(uiWindow *w);
/* Sets the window title. */
_UI_EXTERN void uiWindowSetTitle(uiWindow *w, const char *title);
/* The position of the window's top left corner on the screen, in screen pixels; either pointer may be NULL. */
_UI_EXTERN void uiWindowPosition(uiWindow *w, int *x, int *y);
/* Moves the window's top left corner to (x, y) (a hint the system may ignore); does not call the OnPositionChanged handler. */
_UI_EXTERN void uiWindowSetPosition(uiWindow *w, int x, int y);
/* Sets the handler called after the user (or system) moves the window. */
_UI_EXTERN void uiWindowOnPositionChanged(uiWindow *w, void (*f)(uiWindow *sender, void *senderData), void *data);
/* The size of the content area; either pointer may be NULL. */
_UI_EXTERN void uiWindowContentSize(uiWindow *w, int *width, int *height);
/* Resizes the content area; each side is clamped to 1..16384.  Does not call the OnContentSizeChanged handler. */
_UI_EXTERN void uiWindowSetContentSize(uiWindow *w, int width, int height);
/* Sets the handler called after the user (or system) resizes the content area. */
_UI_EXTERN void uiWindowOnContentSizeChanged(uiWindow *w, void (*f)(uiWindow *w, void *data), void *data);
/* 1 if the window was made full screen with uiWindowSetFullscreen, else 0 (the default). */
_UI_EXTERN int uiWindowFullscreen(uiWindow *w);
/* Makes the window cover its whole monitor without a frame (nonzero) or gives back its place and frame (a hint the system may ignore). */
_UI_EXTERN void uiWindowSetFullscreen(uiWindow *w, int fullscreen);
/* Sets the handler called when the user asks to close the window; nonzero from f destroys the window.  Without a handler nothing happens. */
_UI_EXTERN void uiWindowOnClosing(uiWindow *w, int (*f)(uiWindow *w, void *data), void *data);
/* Sets the handler called when the window gains or loses the keyboard focus. */
_UI_EXTERN void uiWindowOnFocusChanged(uiWindow *w, void (*f)(uiWindow *sender, void *senderData), void *data);
/* 1 if the window is the active one with the keyboard focus, else 0. */
_UI_EXTERN int uiWindowFocused(uiWindow *w);
/* 1 if the window has no title bar and frame, else 0 (the default). */
_UI_EXTERN int uiWindowBorderless(uiWindow *w);
/* Removes (nonzero) or restores the title bar and frame; the content keeps its size. */
_UI_EXTERN void uiWindowSetBorderless(uiWindow *w, int borderless);
/* Replaces the content (NULL for none); the old child is unparented, not destroyed.  A child that already has a parent, or a window, is rejected. */
_UI_EXTERN void uiWindowSetChild(uiWindow *w, uiControl *child);
/* Whether the content has a margin. */
_UI_EXTERN int uiWindowMargined(uiWindow *w);
/* Turns the content margin on or off. */
_UI_EXTERN void uiWindowSetMargined(uiWindow *w, int margined);
/* Whether the user can resize the window. */
_UI_EXTERN int uiWindowResizeable(uiWindow *w);
/* Lets the user resize the window or not. */
_UI_EXTERN void uiWindowSetResizeable(uiWindow *w, int resizeable);
/* A new hidden window with content size width x height (clamped to 1..16384), below a menu bar holding every uiMenu if hasMenubar is nonzero and there are menus.  NULL if the native window cannot be made. */
_UI_EXTERN uiWindow *uiNewWindow(const char *title, int width, int height, int hasMenubar);

typedef struct uiButton uiButton;
#define uiButton(this) ((uiButton *) (this))

/* The button text. */
_UI_EXTERN char *uiButtonText(uiButton *b);
/* Sets the button text. */
_UI_EXTERN void uiButtonSetText(uiButton *b, const char *text);
/* Sets the handler called when the user clicks the button. */
_UI_EXTERN void uiButtonOnClicked(uiButton *b, void (*f)(uiButton *b, void *data), void *data);
/* A new push button; NULL if the native control cannot be made. */
_UI_EXTERN uiButton *uiNewButton(const char *text);

typedef struct uiBox uiBox;
#define uiBox(this) ((uiBox *) (this))

/* Adds child at the end; stretchy children share the space left along the box's direction.  A child that already has a parent, a window, or the box or one of its ancestors is rejected. */
_UI_EXTERN void uiBoxAppend(uiBox *b, uiControl *child, int stretchy);
/* The number of children. */
_UI_EXTERN int uiBoxNumChildren(uiBox *b);
/* Removes (unparents, does not destroy) the child at index; an index out of range is ignored. */
_UI_EXTERN void uiBoxDelete(uiBox *b, int index);
/* Whether children are separated by padding. */
_UI_EXTERN int uiBoxPadded(uiBox *b);
/* Turns padding between children on or off. */
_UI_EXTERN void uiBoxSetPadded(uiBox *b, int padded);
/* A new box laying out children left to right. */
_UI_EXTERN uiBox *uiNewHorizontalBox(void);
/* A new box laying out children top to bottom. */
_UI_EXTERN uiBox *uiNewVerticalBox(void);

typedef struct uiCheckbox uiCheckbox;
#define uiCheckbox(this) ((uiCheckbox *) (this))

/* The checkbox text. */
_UI_EXTERN char *uiCheckboxText(uiCheckbox *c);
/* Sets the checkbox text. */
_UI_EXTERN void uiCheckboxSetText(uiCheckbox *c, const char *text);
/* Sets the handler called when the user toggles the checkbox (not on uiCheckboxSetChecked). */
_UI_EXTERN void uiCheckboxOnToggled(uiCheckbox *c, void (*f)(uiCheckbox *c, void *data), void *data);
/* 1 if checked, else 0. */
_UI_EXTERN int uiCheckboxChecked(uiCheckbox *c);
/* Checks (nonzero) or unchecks the checkbox. */
_UI_EXTERN void uiCheckboxSetChecked(uiCheckbox *c, int checked);
/* A new unchecked checkbox; NULL if the native control cannot be made. */
_UI_EXTERN uiCheckbox *uiNewCheckbox(const char *text);

typedef struct uiEntry uiEntry;
#define uiEntry(this) ((uiEntry *) (this))

/* The entry text. */
_UI_EXTERN char *uiEntryText(uiEntry *e);
/* Sets the entry text (does not call the OnChanged handler). */
_UI_EXTERN void uiEntrySetText(uiEntry *e, const char *text);
/* Sets the handler called when the user edits the text (not on uiEntrySetText). */
_UI_EXTERN void uiEntryOnChanged(uiEntry *e, void (*f)(uiEntry *e, void *data), void *data);
/* 1 if the user cannot edit the text, else 0. */
_UI_EXTERN int uiEntryReadOnly(uiEntry *e);
/* Makes the entry read-only (nonzero) or editable. */
_UI_EXTERN void uiEntrySetReadOnly(uiEntry *e, int readonly);
/* A new single-line text entry; NULL if the native control cannot be made. */
_UI_EXTERN uiEntry *uiNewEntry(void);
/* A new entry that hides what is typed; NULL if the native control cannot be made. */
_UI_EXTERN uiEntry *uiNewPasswordEntry(void);

typedef struct uiLabel uiLabel;
#define uiLabel(this) ((uiLabel *) (this))

/* The label text. */
_UI_EXTERN char *uiLabelText(uiLabel *l);
/* Sets the label text; '\n' starts a new line. */
_UI_EXTERN void uiLabelSetText(uiLabel *l, const char *text);
/* A new static text; NULL if the native control cannot be made. */
_UI_EXTERN uiLabel *uiNewLabel(const char *text);

typedef struct uiSeparator uiSeparator;
#define uiSeparator(this) ((uiSeparator *) (this))

/* A new horizontal line, for separating controls stacked vertically; NULL if the native control cannot be made. */
_UI_EXTERN uiSeparator *uiNewHorizontalSeparator(void);
/* A new vertical line, for separating controls side by side; NULL if the native control cannot be made. */
_UI_EXTERN uiSeparator *uiNewVerticalSeparator(void);

typedef struct uiProgressBar uiProgressBar;
#define uiProgressBar(this) ((uiProgressBar *) (this))

/* The value: 0..100, or -1 while indeterminate. */
_UI_EXTERN int uiProgressBarValue(uiProgressBar *p);
/* Sets the value: 0..100 fills that percentage, -1 shows an animated indeterminate bar; anything else is a user bug. */
_UI_EXTERN void uiProgressBarSetValue(uiProgressBar *p, int n);
/* A new horizontal progress bar at 0; NULL if the native control cannot be made. */
_UI_EXTERN uiProgressBar *uiNewProgressBar(void);

typedef struct uiSlider uiSlider;
#define uiSlider(this) ((uiSlider *) (this))

/* The value, always within the range. */
_UI_EXTERN int uiSliderValue(uiSlider *s);
/* Sets the value, clamped to the range (does not call the OnChanged handler). */
_UI_EXTERN void uiSliderSetValue(uiSlider *s, int value);
/* Whether the value is shown while dragging (GTK: drawn beside the slider); 1 by default. */
_UI_EXTERN int uiSliderHasToolTip(uiSlider *s);
/* Shows the value while dragging or not. */
_UI_EXTERN void uiSliderSetHasToolTip(uiSlider *s, int hasToolTip);
/* Sets the handler called when the user changes the value (not on uiSliderSetValue or uiSliderSetRange). */
_UI_EXTERN void uiSliderOnChanged(uiSlider *s, void (*f)(uiSlider *sender, void *senderData), void *data);
/* Sets the handler called when the user lets go of the slider (Windows: also after a change by keyboard). */
_UI_EXTERN void uiSliderOnReleased(uiSlider *s, void (*f)(uiSlider *sender, void *senderData), void *data);
/* Sets the range (swapped if min > max); the value is clamped into it without calling the OnChanged handler. */
_UI_EXTERN void uiSliderSetRange(uiSlider *s, int min, int max);
/* A new horizontal slider over min..max (swapped if min > max) at min; NULL if the native control cannot be made. */
_UI_EXTERN uiSlider *uiNewSlider(int min, int max);

typedef struct uiSpinbox uiSpinbox;
#define uiSpinbox(this) ((uiSpinbox *) (this))

/* The value, always within the range; text typed out of range counts as the nearest end. */
_UI_EXTERN int uiSpinboxValue(uiSpinbox *s);
/* Sets the value, clamped to the range (does not call the OnChanged handler). */
_UI_EXTERN void uiSpinboxSetValue(uiSpinbox *s, int value);
/* Sets the handler called when the user changes the value (not on uiSpinboxSetValue). */
_UI_EXTERN void uiSpinboxOnChanged(uiSpinbox *s, void (*f)(uiSpinbox *sender, void *senderData), void *data);
/* A new integer entry with up/down arrows over min..max (swapped if min > max) at min; NULL if the native control cannot be made. */
_UI_EXTERN uiSpinbox *uiNewSpinbox(int min, int max);

typedef struct uiCombobox uiCombobox;
#define uiCombobox(this) ((uiCombobox *) (this))

/* Adds an item at the end. */
_UI_EXTERN void uiComboboxAppend(uiCombobox *c, const char *text);
/* Inserts an item before index (0..uiComboboxNumItems; the count appends); another index is a user bug. */
_UI_EXTERN void uiComboboxInsertAt(uiCombobox *c, int index, const char *text);
/* Removes the item at index (an index out of range is a user bug); removing the selected item leaves none selected
 * (-1), as libui-ng's unit tests and both of its backends do; removing an earlier item keeps the same item selected. */
_UI_EXTERN void uiComboboxDelete(uiCombobox *c, int index);
/* Removes every item; nothing is selected afterwards. */
_UI_EXTERN void uiComboboxClear(uiCombobox *c);
/* The number of items. */
_UI_EXTERN int uiComboboxNumItems(uiCombobox *c);
/* The selected item's index, or -1 for none (the default). */
_UI_EXTERN int uiComboboxSelected(uiCombobox *c);
/* Selects the item at index, or none with -1; another index is a user bug. */
_UI_EXTERN void uiComboboxSetSelected(uiCombobox *c, int index);
/* Sets the handler called when the user selects an item (not on the calls above). */
_UI_EXTERN void uiComboboxOnSelected(uiCombobox *c, void (*f)(uiCombobox *sender, void *senderData), void *data);
/* A new drop-down list with no items; NULL if the native control cannot be made. */
_UI_EXTERN uiCombobox *uiNewCombobox(void);

typedef struct uiEditableCombobox uiEditableCombobox;
#define uiEditableCombobox(this) ((uiEditableCombobox *) (this))

/* Adds an item to the drop-down list. */
_UI_EXTERN void uiEditableComboboxAppend(uiEditableCombobox *c, const char *text);
/* The text in the field: typed, or the item chosen last. */
_UI_EXTERN char *uiEditableComboboxText(uiEditableCombobox *c);
/* Sets the text in the field (does not call the OnChanged handler). */
_UI_EXTERN void uiEditableComboboxSetText(uiEditableCombobox *c, const char *text);
/* Sets the handler called when the user types or chooses an item; the text is already the new one. */
_UI_EXTERN void uiEditableComboboxOnChanged(uiEditableCombobox *c, void (*f)(uiEditableCombobox *sender, void *senderData), void *data);
/* A new text field with a drop-down list of suggestions; NULL if the native control cannot be made. */
_UI_EXTERN uiEditableCombobox *uiNewEditableCombobox(void);

typedef struct uiRadioButtons uiRadioButtons;
#define uiRadioButtons(this) ((uiRadioButtons *) (this))

/* Adds a button at the bottom. */
_UI_EXTERN void uiRadioButtonsAppend(uiRadioButtons *r, const char *text);
/* The selected button's index, or -1 for none (the default). */
_UI_EXTERN int uiRadioButtonsSelected(uiRadioButtons *r);
/* Selects the button at index, or none with -1; another index is a user bug. */
_UI_EXTERN void uiRadioButtonsSetSelected(uiRadioButtons *r, int index);
/* Sets the handler called when the user selects a button (not on uiRadioButtonsSetSelected). */
_UI_EXTERN void uiRadioButtonsOnSelected(uiRadioButtons *r, void (*f)(uiRadioButtons *sender, void *senderData), void *data);
/* A new, empty set of mutually exclusive buttons stacked vertically; NULL if the native control cannot be made. */
_UI_EXTERN uiRadioButtons *uiNewRadioButtons(void);

typedef struct uiGroup uiGroup;
#define uiGroup(this) ((uiGroup *) (this))

/* The title. */
_UI_EXTERN char *uiGroupTitle(uiGroup *g);
/* Sets the title. */
_UI_EXTERN void uiGroupSetTitle(uiGroup *g, const char *title);
/* Replaces the content (NULL for none); the old child is unparented, not destroyed.  Rejected like uiBoxAppend's children. */
_UI_EXTERN void uiGroupSetChild(uiGroup *g, uiControl *c);
/* Whether the content has a margin (0 by default). */
_UI_EXTERN int uiGroupMargined(uiGroup *g);
/* Turns the content margin on or off. */
_UI_EXTERN void uiGroupSetMargined(uiGroup *g, int margined);
/* A new titled frame around one child; NULL if the native control cannot be made. */
_UI_EXTERN uiGroup *uiNewGroup(const char *title);

typedef struct uiMultilineEntry uiMultilineEntry;
#define uiMultilineEntry(this) ((uiMultilineEntry *) (this))

/* The text; lines end with "\n" on every system. */
_UI_EXTERN char *uiMultilineEntryText(uiMultilineEntry *e);
/* Replaces the text (does not call the OnChanged handler). */
_UI_EXTERN void uiMultilineEntrySetText(uiMultilineEntry *e, const char *text);
/* Adds text at the end, cut so the whole stays within uiTextLimit bytes (does not call the OnChanged handler). */
_UI_EXTERN void uiMultilineEntryAppend(uiMultilineEntry *e, const char *text);
/* Sets the handler called when the user edits the text (not on the two calls above). */
_UI_EXTERN void uiMultilineEntryOnChanged(uiMultilineEntry *e, void (*f)(uiMultilineEntry *sender, void *senderData), void *data);
/* 1 if the user cannot edit the text, else 0 (the default). */
_UI_EXTERN int uiMultilineEntryReadOnly(uiMultilineEntry *e);
/* Makes the text read-only (nonzero) or editable. */
_UI_EXTERN void uiMultilineEntrySetReadOnly(uiMultilineEntry *e, int readonly);
/* A new multi-line text area that wraps long lines; NULL if the native control cannot be made. */
_UI_EXTERN uiMultilineEntry *uiNewMultilineEntry(void);
/* A new multi-line text area that scrolls sideways instead of wrapping; NULL if the native control cannot be made. */
_UI_EXTERN uiMultilineEntry *uiNewNonWrappingMultilineEntry(void);

typedef struct uiMenuItem uiMenuItem;
#define uiMenuItem(this) ((uiMenuItem *) (this))

/* Lets the user click the item (the default). */
_UI_EXTERN void uiMenuItemEnable(uiMenuItem *m);
/* Greys the item out in every window's menu bar. */
_UI_EXTERN void uiMenuItemDisable(uiMenuItem *m);
/* Sets the handler called with the window whose menu bar was clicked; a check item is already toggled.  A user bug on the Quit item (use uiOnShouldQuit). */
_UI_EXTERN void uiMenuItemOnClicked(uiMenuItem *m, void (*f)(uiMenuItem *sender, uiWindow *window, void *senderData), void *data);
/* 1 if the check item is checked, else 0 (the default); a user bug on other items. */
_UI_EXTERN int uiMenuItemChecked(uiMenuItem *m);
/* Checks (nonzero) or unchecks a check item without calling the OnClicked handler; a user bug on other items. */
_UI_EXTERN void uiMenuItemSetChecked(uiMenuItem *m, int checked);

/* A menu of the menu bar.  Menus and their items are made before the first uiNewWindow and live until uiUninit;
 * creating or changing one later (other than enabling and checking items) is a user bug and returns NULL. */
typedef struct uiMenu uiMenu;
#define uiMenu(this) ((uiMenu *) (this))

/* Adds an item; NULL after the first window. */
_UI_EXTERN uiMenuItem *uiMenuAppendItem(uiMenu *m, const char *name);
/* Adds an unchecked item with a check mark that a click toggles; NULL after the first window. */
_UI_EXTERN uiMenuItem *uiMenuAppendCheckItem(uiMenu *m, const char *name);
/* Adds "Quit": a click asks the uiOnShouldQuit handler and calls uiQuit if it allows (or none is set).  One per program: a second is a user bug (NULL). */
_UI_EXTERN uiMenuItem *uiMenuAppendQuitItem(uiMenu *m);
/* Adds "Preferences..."; one per program, like the Quit item. */
_UI_EXTERN uiMenuItem *uiMenuAppendPreferencesItem(uiMenu *m);
/* Adds "About"; one per program, like the Quit item. */
_UI_EXTERN uiMenuItem *uiMenuAppendAboutItem(uiMenu *m);
/* Adds a separator line. */
_UI_EXTERN void uiMenuAppendSeparator(uiMenu *m);
/* A new menu, shown in the menu bar of every window made with hasMenubar; NULL after the first window. */
_UI_EXTERN uiMenu *uiNewMenu(const char *name);

/* A modal dialog to choose an existing file; its path (to free with uiFreeText), or NULL on cancel (or when no dialog can be shown).  parent may be NULL. */
_UI_EXTERN char *uiOpenFile(uiWindow *parent);
/* Like uiOpenFile, choosing a folder. */
_UI_EXTERN char *uiOpenFolder(uiWindow *parent);
/* Like uiOpenFile, choosing a file name to save to; the user confirms replacing an existing file. */
_UI_EXTERN char *uiSaveFile(uiWindow *parent);

/* uiDateTimePicker: a local date and time, never converted between time
 * zones, whichever parts its variant shows.  The picker always holds a whole
 * date and time (the parts it does not show keep what was last set).
 * uiDateTimePickerSetTime reads tm_year, tm_mon, tm_mday, tm_hour, tm_min and
 * tm_sec, which must name a real date in the years 1753..9999 and a time
 * 00:00:00..23:59:59 (no leap second); anything else is a user bug.  It
 * ignores tm_wday, tm_yday and tm_isdst.  uiDateTimePickerTime writes those
 * six, tm_wday and tm_yday computed from the date, and tm_isdst = -1; other
 * members (tm_gmtoff, tm_zone where the C library has them) are left alone.
 * A NULL time is a user bug; on a rejected getter call every field above is 0
 * except tm_isdst, -1. */
struct tm;
typedef struct uiDateTimePicker uiDateTimePicker;
#define uiDateTimePicker(this) ((uiDateTimePicker *) (this))

/* Fills *time with the date and time held (see above). */
_UI_EXTERN void uiDateTimePickerTime(uiDateTimePicker *d, struct tm *time);
/* Sets the date and time (see above for the fields read); does not call the OnChanged handler. */
_UI_EXTERN void uiDateTimePickerSetTime(uiDateTimePicker *d, const struct tm *time);
/* Sets the handler called when the user changes the date or time (not on uiDateTimePickerSetTime). */
_UI_EXTERN void uiDateTimePickerOnChanged(uiDateTimePicker *d, void (*f)(uiDateTimePicker *sender, void *senderData), void *data);
/* A new picker showing date and time, set to the current local time; NULL if the native control cannot be made. */
_UI_EXTERN uiDateTimePicker *uiNewDateTimePicker(void);
/* A new picker showing only the date, set to the current local time; NULL if the native control cannot be made. */
_UI_EXTERN uiDateTimePicker *uiNewDatePicker(void);
/* A new picker showing only the time, set to the current local time; NULL if the native control cannot be made. */
_UI_EXTERN uiDateTimePicker *uiNewTimePicker(void);

/* Font weights, libui-ng's values (those of OpenType and CSS); any value
 * from uiTextWeightMinimum to uiTextWeightMaximum is a weight. */
typedef unsigned int uiTextWeight;
enum {
	uiTextWeightMinimum = 0,
	uiTextWeightThin = 100,
	uiTextWeightUltraLight = 200,
	uiTextWeightLight = 300,
	uiTextWeightBook = 350,
	uiTextWeightNormal = 400,
	uiTextWeightMedium = 500,
	uiTextWeightSemiBold = 600,
	uiTextWeightBold = 700,
	uiTextWeightUltraBold = 800,
	uiTextWeightHeavy = 900,
	uiTextWeightUltraHeavy = 950,
	uiTextWeightMaximum = 1000,
};

/* Italic styles: oblique is a slanted upright design, italic its own. */
typedef unsigned int uiTextItalic;
enum {
	uiTextItalicNormal,
	uiTextItalicOblique,
	uiTextItalicItalic,
};

/* Font widths, narrowest first. */
typedef unsigned int uiTextStretch;
enum {
	uiTextStretchUltraCondensed,
	uiTextStretchExtraCondensed,
	uiTextStretchCondensed,
	uiTextStretchSemiCondensed,
	uiTextStretchNormal,
	uiTextStretchSemiExpanded,
	uiTextStretchExpanded,
	uiTextStretchExtraExpanded,
	uiTextStretchUltraExpanded,
};

/* A font: family name (UTF-8), size in points, weight, italic style and width. */
typedef struct uiFontDescriptor uiFontDescriptor;

struct uiFontDescriptor {
	char *Family;
	double Size;
	uiTextWeight Weight;
	uiTextItalic Italic;
	uiTextStretch Stretch;
};

typedef struct uiFontButton uiFontButton;
#define uiFontButton(this) ((uiFontButton *) (this))

/* Fills *desc with the chosen font; Family is newly allocated, release it with uiFreeFontButtonFont.  A NULL desc is a user bug; a rejected call fills Family "" and zeros. */
_UI_EXTERN void uiFontButtonFont(uiFontButton *b, uiFontDescriptor *desc);
/* Sets the handler called when the user chooses a font. */
_UI_EXTERN void uiFontButtonOnChanged(uiFontButton *b, void (*f)(uiFontButton *sender, void *senderData), void *data);
/* A new button showing the chosen font (the system's default UI font at first) that opens the system's font chooser (Windows: ChooseFont, where the width is always normal); NULL if the native control cannot be made. */
_UI_EXTERN uiFontButton *uiNewFontButton(void);
/* Frees what uiFontButtonFont put into desc and sets Family to NULL, so desc can be filled again; a NULL desc is a user bug. */
_UI_EXTERN void uiFreeFontButtonFont(uiFontDescriptor *desc);
/* Fills *desc with the font the system gives controls (Windows: the message font; GTK: the
 * gtk-font-name setting); free it with uiFreeFontDescriptor.  Before uiInit, or with a NULL desc,
 * a user bug (a non-NULL desc gets Family "" and zeros). */
_UI_EXTERN void uiLoadControlFont(uiFontDescriptor *desc);
/* Frees what uiLoadControlFont put into desc, as uiFreeFontButtonFont does. */
_UI_EXTERN void uiFreeFontDescriptor(uiFontDescriptor *desc);

typedef struct uiColorButton uiColorButton;
#define uiColorButton(this) ((uiColorButton *) (this))

/* The color, each component 0..1.  A NULL pointer is a user bug (the others are still filled); a rejected call gives zeros. */
_UI_EXTERN void uiColorButtonColor(uiColorButton *b, double *r, double *g, double *bl, double *a);
/* Sets the color (does not call the OnChanged handler); a component outside 0..1 or NaN is a user bug and the call is ignored. */
_UI_EXTERN void uiColorButtonSetColor(uiColorButton *b, double r, double g, double bl, double a);
/* Sets the handler called when the user chooses a color (not on uiColorButtonSetColor). */
_UI_EXTERN void uiColorButtonOnChanged(uiColorButton *b, void (*f)(uiColorButton *sender, void *senderData), void *data);
/* A new button showing its color, opaque black at first, that opens the system's color chooser (Windows: ChooseColor, which edits red, green and blue; alpha keeps its value); NULL if the native control cannot be made. */
_UI_EXTERN uiColorButton *uiNewColorButton(void);

/* Container controls (uiTab, uiForm, uiGrid) and the search entry. */

/* A new entry for search text (GTK: a GtkSearchEntry; Windows: a plain entry); a uiEntry in every other respect.  NULL if the native control cannot be made. */
_UI_EXTERN uiEntry *uiNewSearchEntry(void);

typedef struct uiTab uiTab;
#define uiTab(this) ((uiTab *) (this))

/* The selected page's index, or -1 when there are no pages. */
_UI_EXTERN int uiTabSelected(uiTab *t);
/* Shows the page at index (0..uiTabNumPages-1; another index is a user bug); does not call the OnSelected handler. */
_UI_EXTERN void uiTabSetSelected(uiTab *t, int index);
/* Sets the handler called when the user selects another page (not on uiTabSetSelected, uiTabInsertAt or uiTabDelete). */
_UI_EXTERN void uiTabOnSelected(uiTab *t, void (*f)(uiTab *sender, void *senderData), void *data);
/* Adds a page named name (copied) holding c at the end; c is rejected like uiBoxAppend's children.  The first page added is selected. */
_UI_EXTERN void uiTabAppend(uiTab *t, const char *name, uiControl *c);
/* Inserts a page before index (0..uiTabNumPages; the count appends; another index is a user bug); the selected page stays selected. */
_UI_EXTERN void uiTabInsertAt(uiTab *t, const char *name, int index, uiControl *c);
/* Removes the page at index (an index out of range is a user bug); its control is unparented, not destroyed.  Removing the selected page selects the next one, or the previous one if it was last. */
_UI_EXTERN void uiTabDelete(uiTab *t, int index);
/* The number of pages. */
_UI_EXTERN int uiTabNumPages(uiTab *t);
/* Whether the page at index has a margin around its control (0 by default); an index out of range is a user bug. */
_UI_EXTERN int uiTabMargined(uiTab *t, int index);
/* Turns the margin of the page at index on or off; an index out of range is a user bug. */
_UI_EXTERN void uiTabSetMargined(uiTab *t, int index, int margined);
/* A new container showing one page at a time, chosen by the user from a row of named tabs; NULL if the native control cannot be made. */
_UI_EXTERN uiTab *uiNewTab(void);

typedef struct uiForm uiForm;
#define uiForm(this) ((uiForm *) (this))

/* Adds a row: label (copied; Windows: left-aligned, GTK: right-aligned) beside c, which fills the rest of the width; stretchy rows share the height left equally.  c is rejected like uiBoxAppend's children. */
_UI_EXTERN void uiFormAppend(uiForm *f, const char *label, uiControl *c, int stretchy);
/* The number of rows. */
_UI_EXTERN int uiFormNumChildren(uiForm *f);
/* Removes the row at index (an index out of range is a user bug); its control is unparented, not destroyed. */
_UI_EXTERN void uiFormDelete(uiForm *f, int index);
/* Whether rows, and labels and controls, are separated by padding (0 by default). */
_UI_EXTERN int uiFormPadded(uiForm *f);
/* Turns padding on or off. */
_UI_EXTERN void uiFormSetPadded(uiForm *f, int padded);
/* A new, empty two-column form of labelled controls; NULL if the native control cannot be made. */
_UI_EXTERN uiForm *uiNewForm(void);

/* How a grid child sits in its cells: filling them, or at its smallest size at the start, centre or end.  Anything else is a user bug. */
typedef unsigned int uiAlign;
/* The tag is ours (libui-ng's enum has none): it gives the constants a stable name in generated bindings. */
enum uiAlignValues {
	uiAlignFill,
	uiAlignStart,
	uiAlignCenter,
	uiAlignEnd,
};

/* Where uiGridInsertAt puts the new child: before (left of), above, after (right of) or below the existing one.  Anything else is a user bug. */
typedef unsigned int uiAt;
enum uiAtValues {
	uiAtLeading,
	uiAtTop,
	uiAtTrailing,
	uiAtBottom,
};

typedef struct uiGrid uiGrid;
#define uiGrid(this) ((uiGrid *) (this))

/* Puts c in the cells from column left, row top, over xspan columns and yspan rows (each at least 1, else a user bug; negative positions are allowed).  Columns (rows) holding an hexpand (vexpand) child share the space left equally; halign and valign place c in its cells.  c is rejected like uiBoxAppend's children. */
_UI_EXTERN void uiGridAppend(uiGrid *g, uiControl *c, int left, int top, int xspan, int yspan, int hexpand, uiAlign halign, int vexpand, uiAlign valign);
/* Like uiGridAppend, with c placed next to existing (a child of g, else a user bug) on the side at: the new cells start in existing's row (leading, trailing) or column (top, bottom) and touch its cells. */
_UI_EXTERN void uiGridInsertAt(uiGrid *g, uiControl *c, uiControl *existing, uiAt at, int xspan, int yspan, int hexpand, uiAlign halign, int vexpand, uiAlign valign);
/* Whether rows and columns are separated by padding (0 by default). */
_UI_EXTERN int uiGridPadded(uiGrid *g);
/* Turns padding on or off. */
_UI_EXTERN void uiGridSetPadded(uiGrid *g, int padded);
/* A new, empty grid; NULL if the native control cannot be made. */
_UI_EXTERN uiGrid *uiNewGrid(void);

/* Shows a modal message and returns when the user dismisses it; parent may be NULL. */
_UI_EXTERN void uiMsgBox(uiWindow *parent, const char *title, const char *description);
/* Like uiMsgBox, with an error icon. */
_UI_EXTERN void uiMsgBoxError(uiWindow *parent, const char *title, const char *description);

/* A 2D affine transform, libui-ng's layout and conventions (those of cairo
 * and Direct2D): points are row vectors, so (x, y) maps to
 * (x*M11 + y*M21 + M31, x*M12 + y*M22 + M32), and each call below appends
 * its transform after the one already in the matrix.  Angles are radians.
 * These need no uiInit; a NULL matrix or point is a user bug. */
typedef struct uiDrawMatrix uiDrawMatrix;

struct uiDrawMatrix {
	double M11;
	double M12;
	double M21;
	double M22;
	double M31;
	double M32;
};

/* Makes m the identity. */
_UI_EXTERN void uiDrawMatrixSetIdentity(uiDrawMatrix *m);
/* Then moves by (x, y). */
_UI_EXTERN void uiDrawMatrixTranslate(uiDrawMatrix *m, double x, double y);
/* Then scales by x and y about (xCenter, yCenter), which stays put. */
_UI_EXTERN void uiDrawMatrixScale(uiDrawMatrix *m, double xCenter, double yCenter, double x, double y);
/* Then rotates by amount radians about (x, y); positive turns +x towards +y. */
_UI_EXTERN void uiDrawMatrixRotate(uiDrawMatrix *m, double x, double y, double amount);
/* Then skews about (x, y): vertical lines lean by xamount radians, horizontal ones by yamount. */
_UI_EXTERN void uiDrawMatrixSkew(uiDrawMatrix *m, double x, double y, double xamount, double yamount);
/* dest becomes dest followed by src. */
_UI_EXTERN void uiDrawMatrixMultiply(uiDrawMatrix *dest, uiDrawMatrix *src);
/* Nonzero if m has an inverse (a finite, nonzero determinant). */
_UI_EXTERN int uiDrawMatrixInvertible(uiDrawMatrix *m);
/* Replaces m by its inverse and returns nonzero; returns 0 and leaves m alone if it has none. */
_UI_EXTERN int uiDrawMatrixInvert(uiDrawMatrix *m);
/* Maps the point (*x, *y) through m. */
_UI_EXTERN void uiDrawMatrixTransformPoint(uiDrawMatrix *m, double *x, double *y);
/* Maps the distance (*x, *y) through m, without its translation. */
_UI_EXTERN void uiDrawMatrixTransformSize(uiDrawMatrix *m, double *x, double *y);

/* Drawing happens only inside a uiAreaHandler's Draw call, on the context it
 * is given; coordinates are in device-independent pixels with (0, 0) at the
 * area's top left and y growing downwards.  A NaN or infinite number, a NULL
 * or freed path, and a path that is not ended (or is ended, when adding to
 * it) are user bugs: reported, and the call is ignored. */
typedef struct uiDrawContext uiDrawContext;
/* A path: figures of lines, arcs and Béziers, built once, then ended and used to fill, stroke or clip. */
typedef struct uiDrawPath uiDrawPath;
typedef struct uiDrawBrush uiDrawBrush;
typedef struct uiDrawStrokeParams uiDrawStrokeParams;
typedef struct uiDrawBrushGradientStop uiDrawBrushGradientStop;

/* What a brush paints with; Image is reserved by libui-ng and not implemented (a user bug). */
typedef unsigned int uiDrawBrushType;
enum uiDrawBrushTypeValues {
	uiDrawBrushTypeSolid,
	uiDrawBrushTypeLinearGradient,
	uiDrawBrushTypeRadialGradient,
	uiDrawBrushTypeImage,
};

/* The ends of open stroked figures: cut at the end point, round, or square past it by half the thickness. */
typedef unsigned int uiDrawLineCap;
enum uiDrawLineCapValues {
	uiDrawLineCapFlat,
	uiDrawLineCapRound,
	uiDrawLineCapSquare,
};

/* Where stroked segments meet: pointed (up to the miter limit, then bevelled), round, or cut off. */
typedef unsigned int uiDrawLineJoin;
enum uiDrawLineJoinValues {
	uiDrawLineJoinMiter,
	uiDrawLineJoinRound,
	uiDrawLineJoinBevel,
};

/* The miter limit of cairo and Direct2D's default. */
#define uiDrawDefaultMiterLimit 10.0

/* Which points a path's figures enclose: nonzero winding number, or an odd number of crossings. */
typedef unsigned int uiDrawFillMode;
enum uiDrawFillModeValues {
	uiDrawFillModeWinding,
	uiDrawFillModeAlternate,
};

/* Solid: R, G, B, A (each 0..1).  Linear gradient: from (X0, Y0) to (X1, Y1).
 * Radial gradient: from the point (X0, Y0) to the circle of OuterRadius
 * around (X1, Y1).  Gradients take NumStops stops (at least one) whose Pos
 * run 0..1; the ends pad.  The brush is only read during the call. */
struct uiDrawBrush {
	uiDrawBrushType Type;
	double R;
	double G;
	double B;
	double A;
	double X0;
	double Y0;
	double X1;
	double Y1;
	double OuterRadius;
	uiDrawBrushGradientStop *Stops;
	size_t NumStops;
};

struct uiDrawBrushGradientStop {
	double Pos;
	double R;
	double G;
	double B;
	double A;
};

/* Thickness in pixels (> 0); Dashes: NumDashes lengths alternating on and
 * off (none: a solid line), started DashPhase into the pattern. */
struct uiDrawStrokeParams {
	uiDrawLineCap Cap;
	uiDrawLineJoin Join;
	double Thickness;
	double MiterLimit;
	double *Dashes;
	size_t NumDashes;
	double DashPhase;
};

/* A new, empty path filled with fillMode; free it with uiDrawFreePath. */
_UI_EXTERN uiDrawPath *uiDrawNewPath(uiDrawFillMode fillMode);
_UI_EXTERN void uiDrawFreePath(uiDrawPath *p);
/* Starts a figure at (x, y). */
_UI_EXTERN void uiDrawPathNewFigure(uiDrawPath *p, double x, double y);
/* Starts a figure with an arc of the circle around (xCenter, yCenter): from
 * startAngle (radians; 0 points along +x, positive angles turn towards +y)
 * over sweep radians (0..2*uiPi, more draws the whole circle), towards
 * growing angles, or falling ones when negative is nonzero. */
_UI_EXTERN void uiDrawPathNewFigureWithArc(uiDrawPath *p, double xCenter, double yCenter, double radius, double startAngle, double sweep, int negative);
/* A line from the current point to (x, y). */
_UI_EXTERN void uiDrawPathLineTo(uiDrawPath *p, double x, double y);
/* A line from the current point to the start of the arc, then the arc (as in uiDrawPathNewFigureWithArc). */
_UI_EXTERN void uiDrawPathArcTo(uiDrawPath *p, double xCenter, double yCenter, double radius, double startAngle, double sweep, int negative);
/* A cubic Bézier from the current point through control points c1 and c2 to (endX, endY). */
_UI_EXTERN void uiDrawPathBezierTo(uiDrawPath *p, double c1x, double c1y, double c2x, double c2y, double endX, double endY);
/* Closes the current figure with a line back to its start. */
_UI_EXTERN void uiDrawPathCloseFigure(uiDrawPath *p);
/* Adds a closed rectangle as a figure of its own (a negative width or height extends left or up). */
_UI_EXTERN void uiDrawPathAddRectangle(uiDrawPath *p, double x, double y, double width, double height);
/* Nonzero once uiDrawPathEnd has been called. */
_UI_EXTERN int uiDrawPathEnded(uiDrawPath *p);
/* Ends the path: nothing can be added any more, and it can be drawn. */
_UI_EXTERN void uiDrawPathEnd(uiDrawPath *p);

/* Strokes the ended path with brush b along the lines p describes. */
_UI_EXTERN void uiDrawStroke(uiDrawContext *c, uiDrawPath *path, uiDrawBrush *b, uiDrawStrokeParams *p);
/* Fills the ended path with brush b. */
_UI_EXTERN void uiDrawFill(uiDrawContext *c, uiDrawPath *path, uiDrawBrush *b);
/* Applies m to everything drawn on c from now on (after the transform already in place). */
_UI_EXTERN void uiDrawTransform(uiDrawContext *c, uiDrawMatrix *m);
/* Narrows the clip to the inside of the ended path (which follows the current transform). */
_UI_EXTERN void uiDrawClip(uiDrawContext *c, uiDrawPath *path);
/* Pushes the transform and clip; uiDrawRestore pops them (an unmatched restore is a user bug). */
_UI_EXTERN void uiDrawSave(uiDrawContext *c);
_UI_EXTERN void uiDrawRestore(uiDrawContext *c);

/* What a uiForEach callback returns: go on, or stop the iteration. */
typedef unsigned int uiForEach;
enum uiForEachValues {
	uiForEachContinue,
	uiForEachStop,
};

/* An attribute of a range of an attributed string: one font or colour property.  A new attribute
 * belongs to the caller until it is given to uiAttributedStringSetAttribute, which takes it over for
 * good (free it with uiFreeAttribute only if it was never given away).  The uiNew*Attribute functions
 * return NULL, after a user bug, for values outside their documented range; the getters of the wrong
 * type, or of a NULL or freed attribute, are user bugs returning 0, NULL or zeros. */
typedef struct uiAttribute uiAttribute;

/* Frees an attribute that was not given to a string (a given one is a user bug and stays). */
_UI_EXTERN void uiFreeAttribute(uiAttribute *a);

typedef unsigned int uiAttributeType;
enum uiAttributeTypeValues {
	uiAttributeTypeFamily,
	uiAttributeTypeSize,
	uiAttributeTypeWeight,
	uiAttributeTypeItalic,
	uiAttributeTypeStretch,
	uiAttributeTypeColor,
	uiAttributeTypeBackground,
	uiAttributeTypeUnderline,
	uiAttributeTypeUnderlineColor,
	uiAttributeTypeFeatures,
};

_UI_EXTERN uiAttributeType uiAttributeGetType(const uiAttribute *a);
/* A font family by name (UTF-8, cleaned as every string is). */
_UI_EXTERN uiAttribute *uiNewFamilyAttribute(const char *family);
/* The family; owned by the attribute. */
_UI_EXTERN const char *uiAttributeFamily(const uiAttribute *a);
/* A font size in points (finite, above 0, at most 10000). */
_UI_EXTERN uiAttribute *uiNewSizeAttribute(double size);
_UI_EXTERN double uiAttributeSize(const uiAttribute *a);
/* A weight: uiTextWeightMinimum..uiTextWeightMaximum. */
_UI_EXTERN uiAttribute *uiNewWeightAttribute(uiTextWeight weight);
_UI_EXTERN uiTextWeight uiAttributeWeight(const uiAttribute *a);
/* An italic style (a uiTextItalic value). */
_UI_EXTERN uiAttribute *uiNewItalicAttribute(uiTextItalic italic);
_UI_EXTERN uiTextItalic uiAttributeItalic(const uiAttribute *a);
/* A width (a uiTextStretch value). */
_UI_EXTERN uiAttribute *uiNewStretchAttribute(uiTextStretch stretch);
_UI_EXTERN uiTextStretch uiAttributeStretch(const uiAttribute *a);
/* The text colour, each component 0..1. */
_UI_EXTERN uiAttribute *uiNewColorAttribute(double r, double g, double b, double a);
/* The colour of a Color, Background or custom UnderlineColor attribute; NULL pointers are user bugs (the others are still filled). */
_UI_EXTERN void uiAttributeColor(const uiAttribute *a, double *r, double *g, double *b, double *alpha);
/* The colour behind the text, each component 0..1. */
_UI_EXTERN uiAttribute *uiNewBackgroundAttribute(double r, double g, double b, double a);

typedef unsigned int uiUnderline;
enum uiUnderlineValues {
	uiUnderlineNone,
	uiUnderlineSingle,
	uiUnderlineDouble,
	/* The platform's mark for a misspelling: wavy on GTK, dotted on Windows. */
	uiUnderlineSuggestion,
};

_UI_EXTERN uiAttribute *uiNewUnderlineAttribute(uiUnderline u);
_UI_EXTERN uiUnderline uiAttributeUnderline(const uiAttribute *a);

/* The underline's colour: Custom uses r, g, b, a (0..1); the others are the platform's colours for
 * spelling and grammar mistakes and other marks, and ignore r, g, b, a. */
typedef unsigned int uiUnderlineColor;
enum uiUnderlineColorValues {
	uiUnderlineColorCustom,
	uiUnderlineColorSpelling,
	uiUnderlineColorGrammar,
	uiUnderlineColorAuxiliary,
};

_UI_EXTERN uiAttribute *uiNewUnderlineColorAttribute(uiUnderlineColor u, double r, double g, double b, double a);
/* The kind and, for Custom, the colour (zeros otherwise); NULL pointers are user bugs. */
_UI_EXTERN void uiAttributeUnderlineColor(const uiAttribute *a, uiUnderlineColor *u, double *r, double *g, double *b, double *alpha);

/* A set of OpenType features: four-character tags (each char a printable ASCII character) with a value
 * each (0 off, 1 on, more for alternates).  Free it with uiFreeOpenTypeFeatures. */
typedef struct uiOpenTypeFeatures uiOpenTypeFeatures;

/* Called for each feature, in the order added; return uiForEachStop to stop early. */
typedef uiForEach (*uiOpenTypeFeaturesForEachFunc)(const uiOpenTypeFeatures *otf, char a, char b, char c, char d, uint32_t value, void *data);

_UI_EXTERN uiOpenTypeFeatures *uiNewOpenTypeFeatures(void);
_UI_EXTERN void uiFreeOpenTypeFeatures(uiOpenTypeFeatures *otf);
/* A copy with the same features. */
_UI_EXTERN uiOpenTypeFeatures *uiOpenTypeFeaturesClone(const uiOpenTypeFeatures *otf);
/* Sets tag abcd to value (replacing an earlier value). */
_UI_EXTERN void uiOpenTypeFeaturesAdd(uiOpenTypeFeatures *otf, char a, char b, char c, char d, uint32_t value);
/* Removes tag abcd (nothing if absent). */
_UI_EXTERN void uiOpenTypeFeaturesRemove(uiOpenTypeFeatures *otf, char a, char b, char c, char d);
/* Nonzero, with *value set, if tag abcd is in the set; 0 (value untouched) if not. */
_UI_EXTERN int uiOpenTypeFeaturesGet(const uiOpenTypeFeatures *otf, char a, char b, char c, char d, uint32_t *value);
/* Calls f for each feature; f must not change otf. */
_UI_EXTERN void uiOpenTypeFeaturesForEach(const uiOpenTypeFeatures *otf, uiOpenTypeFeaturesForEachFunc f, void *data);
/* An attribute with a copy of otf (the caller keeps otf). */
_UI_EXTERN uiAttribute *uiNewFeaturesAttribute(const uiOpenTypeFeatures *otf);
/* The attribute's own set; owned by the attribute. */
_UI_EXTERN const uiOpenTypeFeatures *uiAttributeFeatures(const uiAttribute *a);

/* UTF-8 text with attributes on byte ranges [start, end).  Byte positions must lie on character
 * boundaries and within the text (else a user bug, the call ignored); text is cleaned as every
 * string is and kept within uiTextLimit bytes (longer additions are cut at a whole character). */
typedef struct uiAttributedString uiAttributedString;

/* Called for each run of one attribute, in order of start; return uiForEachStop to stop early.  The
 * attribute belongs to the string; f must not change s. */
typedef uiForEach (*uiAttributedStringForEachAttributeFunc)(const uiAttributedString *s, const uiAttribute *a, size_t start, size_t end, void *data);

_UI_EXTERN uiAttributedString *uiNewAttributedString(const char *initialString);
/* Frees s and every attribute it holds. */
_UI_EXTERN void uiFreeAttributedString(uiAttributedString *s);
/* The text; owned by s, valid until s changes. */
_UI_EXTERN const char *uiAttributedStringString(const uiAttributedString *s);
/* The text's length in bytes. */
_UI_EXTERN size_t uiAttributedStringLen(const uiAttributedString *s);
_UI_EXTERN void uiAttributedStringAppendUnattributed(uiAttributedString *s, const char *str);
/* Inserts str at byte at with no attributes: an attribute around at is split around the new text. */
_UI_EXTERN void uiAttributedStringInsertAtUnattributed(uiAttributedString *s, const char *str, size_t at);
/* Removes bytes [start, end); attributes shrink with the text, and vanish when empty. */
_UI_EXTERN void uiAttributedStringDelete(uiAttributedString *s, size_t start, size_t end);
/* Gives a to s for [start, end): it replaces attributes of the same type there.  s owns a from now on. */
_UI_EXTERN void uiAttributedStringSetAttribute(uiAttributedString *s, uiAttribute *a, size_t start, size_t end);
_UI_EXTERN void uiAttributedStringForEachAttribute(const uiAttributedString *s, uiAttributedStringForEachAttributeFunc f, void *data);
/* Graphemes are what a reader sees as one character (a base with its combining marks, an emoji with
 * its modifiers and joiners, a flag, a Hangul syllable, CR LF), by Unicode's extended grapheme clusters. */
_UI_EXTERN size_t uiAttributedStringNumGraphemes(uiAttributedString *s);
/* The grapheme holding byte pos (0..length; the length gives the number of graphemes). */
_UI_EXTERN size_t uiAttributedStringByteIndexToGrapheme(uiAttributedString *s, size_t pos);
/* Where grapheme pos starts (0..number of graphemes; that number gives the length). */
_UI_EXTERN size_t uiAttributedStringGraphemeToByteIndex(uiAttributedString *s, size_t pos);

/* Text laid out in lines for drawing, fixed when made (the string may change or go afterwards). */
typedef struct uiDrawTextLayout uiDrawTextLayout;

typedef unsigned int uiDrawTextAlign;
enum uiDrawTextAlignValues {
	uiDrawTextAlignLeft,
	uiDrawTextAlignCenter,
	uiDrawTextAlignRight,
};

/* String: the text; DefaultFont: the font where no attribute says otherwise (Family non-empty, Size
 * above 0); Width: where lines wrap, in pixels (negative: never); Align: of each line within Width. */
typedef struct uiDrawTextLayoutParams uiDrawTextLayoutParams;

struct uiDrawTextLayoutParams {
	uiAttributedString *String;
	uiFontDescriptor *DefaultFont;
	double Width;
	uiDrawTextAlign Align;
};

/* A new layout, or NULL after a user bug for bad parameters. */
_UI_EXTERN uiDrawTextLayout *uiDrawNewTextLayout(uiDrawTextLayoutParams *params);
_UI_EXTERN void uiDrawFreeTextLayout(uiDrawTextLayout *tl);
/* Draws tl with its top left corner at (x, y), in the current transform and clip. */
_UI_EXTERN void uiDrawText(uiDrawContext *c, uiDrawTextLayout *tl, double x, double y);
/* The size the text takes (the widest line, and all lines' height); NULL pointers are user bugs. */
_UI_EXTERN void uiDrawTextLayoutExtents(uiDrawTextLayout *tl, double *width, double *height);

/* A control that the program draws itself, through a uiAreaHandler.  The
 * handler must stay valid while the area lives; a NULL handler is a user
 * bug, a NULL function in it is skipped (KeyEvent then handles nothing). */
typedef struct uiArea uiArea;
typedef struct uiAreaHandler uiAreaHandler;
typedef struct uiAreaDrawParams uiAreaDrawParams;
typedef struct uiAreaMouseEvent uiAreaMouseEvent;
typedef struct uiAreaKeyEvent uiAreaKeyEvent;
#define uiArea(this) ((uiArea *) (this))

struct uiAreaHandler {
	/* Paint the part of the area in p's clip rectangle on p->Context. */
	void (*Draw)(uiAreaHandler *, uiArea *, uiAreaDrawParams *);
	/* A button went down or up, or the mouse moved over the area (or anywhere, while a button held in it is down). */
	void (*MouseEvent)(uiAreaHandler *, uiArea *, uiAreaMouseEvent *);
	/* The mouse entered (left 0) or left (left nonzero) the area. */
	void (*MouseCrossed)(uiAreaHandler *, uiArea *, int left);
	/* The system ended a drag (mouse capture) the program did not end itself. */
	void (*DragBroken)(uiAreaHandler *, uiArea *);
	/* A key went down or up while the area had the focus; return nonzero if handled. */
	int (*KeyEvent)(uiAreaHandler *, uiArea *, uiAreaKeyEvent *);
};

/* Which edge or corner uiAreaBeginUserWindowResize drags. */
typedef unsigned int uiWindowResizeEdge;
enum uiWindowResizeEdgeValues {
	uiWindowResizeEdgeLeft,
	uiWindowResizeEdgeTop,
	uiWindowResizeEdgeRight,
	uiWindowResizeEdgeBottom,
	uiWindowResizeEdgeTopLeft,
	uiWindowResizeEdgeTopRight,
	uiWindowResizeEdgeBottomLeft,
	uiWindowResizeEdgeBottomRight,
};

/* A scrolling area's drawing size (each 0..1000000; a plain area is a user bug). */
_UI_EXTERN void uiAreaSetSize(uiArea *a, int width, int height);
/* Asks for the whole visible area to be drawn again, soon (not during this call). */
_UI_EXTERN void uiAreaQueueRedrawAll(uiArea *a);
/* Scrolls a scrolling area so the given rectangle is visible (a plain area ignores it). */
_UI_EXTERN void uiAreaScrollTo(uiArea *a, double x, double y, double width, double height);
/* Lets the user move the area's window with the mouse; call it from a MouseEvent with a button down. */
_UI_EXTERN void uiAreaBeginUserWindowMove(uiArea *a);
/* Lets the user resize the area's window from edge; call it from a MouseEvent with a button down. */
_UI_EXTERN void uiAreaBeginUserWindowResize(uiArea *a, uiWindowResizeEdge edge);
/* A new area drawn by ah, as big as its container makes it; NULL on failure. */
_UI_EXTERN uiArea *uiNewArea(uiAreaHandler *ah);
/* A new area of width x height pixels inside scroll bars. */
_UI_EXTERN uiArea *uiNewScrollingArea(uiAreaHandler *ah, int width, int height);

/* AreaWidth/AreaHeight: the visible size of a plain area, 0 for a scrolling
 * one (libui-ng's rule); the clip rectangle is what needs drawing. */
struct uiAreaDrawParams {
	uiDrawContext *Context;
	double AreaWidth;
	double AreaHeight;
	double ClipX;
	double ClipY;
	double ClipWidth;
	double ClipHeight;
};

typedef unsigned int uiModifiers;
enum uiModifiersValues {
	uiModifierCtrl = 1 << 0,
	uiModifierAlt = 1 << 1,
	uiModifierShift = 1 << 2,
	uiModifierSuper = 1 << 3,
};

/* Down/Up: the button (1 left, 2 middle, 3 right, 4 and 5 the extra ones)
 * that went down or up, 0 for a move.  Count: 1, or 2 for a double click's
 * second press.  Held1To64: bit n-1 set while button n is down (the
 * button that changed excluded). */
struct uiAreaMouseEvent {
	double X;
	double Y;
	double AreaWidth;
	double AreaHeight;
	int Down;
	int Up;
	int Count;
	uiModifiers Modifiers;
	uint64_t Held1To64;
};

typedef unsigned int uiExtKey;
enum uiExtKeyValues {
	uiExtKeyEscape = 1,
	uiExtKeyInsert,
	uiExtKeyDelete,
	uiExtKeyHome,
	uiExtKeyEnd,
	uiExtKeyPageUp,
	uiExtKeyPageDown,
	uiExtKeyUp,
	uiExtKeyDown,
	uiExtKeyLeft,
	uiExtKeyRight,
	uiExtKeyF1,
	uiExtKeyF2,
	uiExtKeyF3,
	uiExtKeyF4,
	uiExtKeyF5,
	uiExtKeyF6,
	uiExtKeyF7,
	uiExtKeyF8,
	uiExtKeyF9,
	uiExtKeyF10,
	uiExtKeyF11,
	uiExtKeyF12,
	uiExtKeyN0,
	uiExtKeyN1,
	uiExtKeyN2,
	uiExtKeyN3,
	uiExtKeyN4,
	uiExtKeyN5,
	uiExtKeyN6,
	uiExtKeyN7,
	uiExtKeyN8,
	uiExtKeyN9,
	uiExtKeyNDot,
	uiExtKeyNEnter,
	uiExtKeyNAdd,
	uiExtKeyNSubtract,
	uiExtKeyNMultiply,
	uiExtKeyNDivide,
};

/* One of: Key, a character key as on a US keyboard, unshifted ('a', '1',
 * ' ', '\t', '\n', '\b'); ExtKey, another key; Modifier, a modifier key
 * itself.  Modifiers: those held (the one in Modifier excluded).  Up:
 * nonzero for a release. */
struct uiAreaKeyEvent {
	char Key;
	uiExtKey ExtKey;
	uiModifiers Modifier;
	uiModifiers Modifiers;
	int Up;
};

/* ---- Images ---- */

/* A picture in points (96-DPI units) held at one or more pixel sizes; tables show the size that fits
 * the monitor's DPI best.  Images are not controls: free them with uiFreeImage once nothing shows them. */
typedef struct uiImage uiImage;

/* A new image of width x height points (each above 0 and at most 65536, else a user bug and NULL), with no pixels yet. */
_UI_EXTERN uiImage *uiNewImage(double width, double height);
/* Frees i; a table value or table still showing it is a user bug (the free is then ignored). */
_UI_EXTERN void uiFreeImage(uiImage *i);
/* Adds a copy of pixelWidth x pixelHeight pixels (each 1..16384) of straight (not premultiplied) RGBA,
 * one byte per channel in the order R, G, B, A, with byteStride bytes from one row to the next (at
 * least 4 * pixelWidth).  A size already held is replaced.  NULL pixels or bad sizes are a user bug. */
_UI_EXTERN void uiImageAppend(uiImage *i, void *pixels, int pixelWidth, int pixelHeight, int byteStride);

/* ---- Table values ---- */

/* One cell's value.  A model's CellValue returns a new one, which the table frees; SetCellValue gets
 * one the table owns and frees after the call.  Values a program makes itself it frees itself. */
typedef struct uiTableValue uiTableValue;

/* Frees v. */
_UI_EXTERN void uiFreeTableValue(uiTableValue *v);

typedef unsigned int uiTableValueType;
enum uiTableValueTypeValues {
	uiTableValueTypeString,
	uiTableValueTypeImage,
	uiTableValueTypeInt,
	uiTableValueTypeColor,
};

/* v's type; 0 (String) after a user bug. */
_UI_EXTERN uiTableValueType uiTableValueGetType(const uiTableValue *v);
/* A string value holding a sanitized copy of str. */
_UI_EXTERN uiTableValue *uiNewTableValueString(const char *str);
/* The text of a string value, owned by v (valid until v is freed); "" after a user bug. */
_UI_EXTERN const char *uiTableValueString(const uiTableValue *v);
/* An image value referring to img (not copied: img must outlive the value and every table showing it). */
_UI_EXTERN uiTableValue *uiNewTableValueImage(uiImage *img);
/* The image of an image value; NULL after a user bug. */
_UI_EXTERN uiImage *uiTableValueImage(const uiTableValue *v);
/* An integer value: a number, a checkbox state (0 or 1) or a progress (-1 for indeterminate, 0..100). */
_UI_EXTERN uiTableValue *uiNewTableValueInt(int i);
/* The number of an int value; 0 after a user bug. */
_UI_EXTERN int uiTableValueInt(const uiTableValue *v);
/* A colour value; each component in 0..1, else a user bug and NULL. */
_UI_EXTERN uiTableValue *uiNewTableValueColor(double r, double g, double b, double a);
/* The components of a colour value (zeros after a user bug); each pointer must be non-NULL. */
_UI_EXTERN void uiTableValueColor(const uiTableValue *v, double *r, double *g, double *b, double *a);

/* ---- Table models ---- */

/* How a table header shows the order of a column. */
typedef unsigned int uiSortIndicator;
enum uiSortIndicatorValues {
	uiSortIndicatorNone,
	uiSortIndicatorAscending,
	uiSortIndicatorDescending,
};

/* The rows a table shows; the program keeps the data and answers through its handler.  A model must
 * outlive every table using it. */
typedef struct uiTableModel uiTableModel;
typedef struct uiTableModelHandler uiTableModelHandler;

/* The program's side of a model.  Tables ask only for the rows they show.
 * - NumColumns and ColumnType describe the model's columns (fixed for the model's life).
 * - NumRows: the row count (0 or more); it may change only together with the notifications below.
 * - CellValue: a new value of the column's type for row, column (the table frees it); NULL is
 *   allowed for image and colour columns (no image, default colour).
 * - SetCellValue: the user edited a cell (value owned by the table) or clicked a button (value NULL).
 * A wrong answer (negative count, NULL or mistyped value) is a user bug: the cell shows empty. */
struct uiTableModelHandler {
	int (*NumColumns)(uiTableModelHandler *, uiTableModel *);
	uiTableValueType (*ColumnType)(uiTableModelHandler *, uiTableModel *, int);
	int (*NumRows)(uiTableModelHandler *, uiTableModel *);
	uiTableValue *(*CellValue)(uiTableModelHandler *mh, uiTableModel *m, int row, int column);
	void (*SetCellValue)(uiTableModelHandler *, uiTableModel *, int, int, const uiTableValue *);
};

/* A new model answered by mh (which must stay valid while the model lives; every member non-NULL, else a user bug and NULL). */
_UI_EXTERN uiTableModel *uiNewTableModel(uiTableModelHandler *mh);
/* Frees m; freeing a model a live table still uses is a user bug (ignored). */
_UI_EXTERN void uiFreeTableModel(uiTableModel *m);
/* Tells the tables a row was inserted at newIndex (0..old row count), after NumRows counts it. */
_UI_EXTERN void uiTableModelRowInserted(uiTableModel *m, int newIndex);
/* Tells the tables row index (0..row count - 1) changed. */
_UI_EXTERN void uiTableModelRowChanged(uiTableModel *m, int index);
/* Tells the tables row oldIndex (0..old row count - 1) was deleted, after NumRows stopped counting it. */
_UI_EXTERN void uiTableModelRowDeleted(uiTableModel *m, int oldIndex);

/* ---- Tables ---- */

/* Editable-column arguments: a model column index (an int column, nonzero for editable rows) or one of these. */
#define uiTableModelColumnNeverEditable (-1)
#define uiTableModelColumnAlwaysEditable (-2)

typedef struct uiTableTextColumnOptionalParams uiTableTextColumnOptionalParams;
typedef struct uiTableParams uiTableParams;

/* ColorModelColumn: a colour column giving the text colour per row, or -1 for the default. */
struct uiTableTextColumnOptionalParams {
	int ColorModelColumn;
};

/* Model: the rows shown.  RowBackgroundColorModelColumn: a colour column painting each row's background, or -1. */
struct uiTableParams {
	uiTableModel *Model;
	int RowBackgroundColorModelColumn;
};

/* A virtual grid showing a uiTableModel in columns. */
typedef struct uiTable uiTable;
#define uiTable(this) ((uiTable *) (this))

/* The append functions add a column titled name.  Every model column given must exist and have the
 * type the column shows (text: string; image: image; checkbox and progress: int; button: string for
 * its label; editable and clickable: int), else a user bug and no column.  textParams may be NULL. */
/* Text, editable per textEditableModelColumn. */
_UI_EXTERN void uiTableAppendTextColumn(uiTable *t, const char *name, int textModelColumn, int textEditableModelColumn, uiTableTextColumnOptionalParams *textParams);
/* An image. */
_UI_EXTERN void uiTableAppendImageColumn(uiTable *t, const char *name, int imageModelColumn);
/* An image followed by text. */
_UI_EXTERN void uiTableAppendImageTextColumn(uiTable *t, const char *name, int imageModelColumn, int textModelColumn, int textEditableModelColumn, uiTableTextColumnOptionalParams *textParams);
/* A checkbox; toggling an editable one calls SetCellValue with an int value of 0 or 1. */
_UI_EXTERN void uiTableAppendCheckboxColumn(uiTable *t, const char *name, int checkboxModelColumn, int checkboxEditableModelColumn);
/* A checkbox followed by text. */
_UI_EXTERN void uiTableAppendCheckboxTextColumn(uiTable *t, const char *name, int checkboxModelColumn, int checkboxEditableModelColumn, int textModelColumn, int textEditableModelColumn, uiTableTextColumnOptionalParams *textParams);
/* A progress bar (-1: indeterminate; values past 0..100 are clamped). */
_UI_EXTERN void uiTableAppendProgressBarColumn(uiTable *t, const char *name, int progressModelColumn);
/* A push button labelled by a string column; a click on a clickable one calls SetCellValue with a NULL value. */
_UI_EXTERN void uiTableAppendButtonColumn(uiTable *t, const char *name, int buttonModelColumn, int buttonClickableModelColumn);
/* Whether the column header is shown (1 by default). */
_UI_EXTERN int uiTableHeaderVisible(uiTable *t);
_UI_EXTERN void uiTableHeaderSetVisible(uiTable *t, int visible);
/* A new table without columns over params->Model (a live model, else a user bug and NULL). */
_UI_EXTERN uiTable *uiNewTable(uiTableParams *params);
/* Called when the user clicks a row (with its index). */
_UI_EXTERN void uiTableOnRowClicked(uiTable *t, void (*f)(uiTable *t, int row, void *data), void *data);
/* Called when the user double-clicks a row. */
_UI_EXTERN void uiTableOnRowDoubleClicked(uiTable *t, void (*f)(uiTable *t, int row, void *data), void *data);
/* Shows indicator on column's header (column: a table column, 0..count-1). */
_UI_EXTERN void uiTableHeaderSetSortIndicator(uiTable *t, int column, uiSortIndicator indicator);
_UI_EXTERN uiSortIndicator uiTableHeaderSortIndicator(uiTable *t, int column);
/* Called when the user clicks a column header (sorting is the program's: it reorders its model). */
_UI_EXTERN void uiTableHeaderOnClicked(uiTable *t, void (*f)(uiTable *sender, int column, void *senderData), void *data);
/* A column's width in 96-DPI units; -1 after a user bug. */
_UI_EXTERN int uiTableColumnWidth(uiTable *t, int column);
/* Sets a column's width (0 or more), or -1 for a width that fits its contents. */
_UI_EXTERN void uiTableColumnSetWidth(uiTable *t, int column, int width);

/* Which rows the user may select. */
typedef unsigned int uiTableSelectionMode;
enum uiTableSelectionModeValues {
	uiTableSelectionModeNone,
	uiTableSelectionModeZeroOrOne,
	uiTableSelectionModeOne,
	uiTableSelectionModeZeroOrMany,
};

/* The selection mode (ZeroOrOne by default). */
_UI_EXTERN uiTableSelectionMode uiTableGetSelectionMode(uiTable *t);
/* Sets the mode; a selection the mode does not allow is cut to fit. */
_UI_EXTERN void uiTableSetSelectionMode(uiTable *t, uiTableSelectionMode mode);
/* Called when the user changed the selection (not uiTableSetSelection). */
_UI_EXTERN void uiTableOnSelectionChanged(uiTable *t, void (*f)(uiTable *t, void *data), void *data);

typedef struct uiTableSelection uiTableSelection;

/* NumRows selected row indices in ascending order (Rows NULL when there are none). */
struct uiTableSelection {
	int NumRows;
	int *Rows;
};

/* A new copy of the selection, to free with uiFreeTableSelection; an empty one after a user bug. */
_UI_EXTERN uiTableSelection *uiTableGetSelection(uiTable *t);
/* Selects exactly sel's rows (each a row of the model, and as many as the mode allows, else a user bug and no change). */
_UI_EXTERN void uiTableSetSelection(uiTable *t, uiTableSelection *sel);
_UI_EXTERN void uiFreeTableSelection(uiTableSelection *s);

/* Not provided (so a program using them fails to compile, never to link or
 * run): custom controls (uiAllocControl, uiFreeControl, the fields of struct
 * uiControl): they need libui-ng's per-platform headers, so struct uiControl
 * stays opaque here. */

#ifdef __cplusplus
}
#endif

#endif
