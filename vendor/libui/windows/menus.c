/* Menu bars on Win32: one HMENU per window, built from the shared model; item ids are the model's ids. */
#include "uipriv_windows.h"
#include <stdlib.h>

/* Command ids are the model's ids moved past IDOK and IDCANCEL, which dialog navigation sends without a control
 * handle when Enter or Escape is pressed. */
#define commandBase 0x100

/* Every menu bar of a live window, so state changes reach them all. */
static HMENU *bars;
static size_t barCount;

static void appendItem(HMENU popup, const uiMenuItem *item)
{
	WCHAR *name;
	UINT flags = MF_STRING;

	if (item->type == uiprivMenuItemSeparator) {
		AppendMenuW(popup, MF_SEPARATOR, 0, NULL);
		return;
	}
	if (!item->enabled)
		flags |= MF_GRAYED;
	if (item->checked)
		flags |= MF_CHECKED;
	name = uiprivToUTF16(item->name);
	AppendMenuW(popup, flags, item->id + commandBase, name);
	free(name);
}

HMENU uiprivMakeMenubar(void)
{
	uiMenu *const *menus;
	size_t n, i, j;
	HMENU bar;

	menus = uiprivMenus(&n);
	if (n == 0)
		return NULL;
	bar = CreateMenu();
	if (bar == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		HMENU popup = CreatePopupMenu();
		WCHAR *name;

		if (popup == NULL)
			continue;
		for (j = 0; j < menus[i]->count; j++)
			appendItem(popup, menus[i]->items[j]);
		name = uiprivToUTF16(menus[i]->name);
		AppendMenuW(bar, MF_POPUP | MF_STRING, (UINT_PTR) popup, name);
		free(name);
	}
	bars = (HMENU *) uiprivRealloc(bars, (barCount + 1) * sizeof (HMENU));
	bars[barCount++] = bar;
	return bar;
}

void uiprivForgetMenubar(HMENU bar)
{
	size_t i;

	for (i = 0; i < barCount; i++)
		if (bars[i] == bar) {
			bars[i] = bars[--barCount];
			break;
		}
	if (barCount == 0) {
		free(bars);
		bars = NULL;
	}
}

void uiprivOSMenuItemSync(uiMenuItem *item)
{
	size_t i;

	/* MF_BYCOMMAND finds the id inside the bar's popups. */
	for (i = 0; i < barCount; i++) {
		EnableMenuItem(bars[i], item->id + commandBase, MF_BYCOMMAND | (item->enabled ? MF_ENABLED : MF_GRAYED));
		CheckMenuItem(bars[i], item->id + commandBase, MF_BYCOMMAND | (item->checked ? MF_CHECKED : MF_UNCHECKED));
	}
}

BOOL uiprivMenuCommand(uiWindow *w, WPARAM wParam, LPARAM lParam)
{
	uiMenuItem *item;

	/* Menus send WM_COMMAND with code 0 and no control handle. */
	if (lParam != 0 || HIWORD(wParam) != 0 || LOWORD(wParam) <= commandBase)
		return FALSE;
	item = uiprivMenuItemById(LOWORD(wParam) - commandBase);
	if (item == NULL)
		return FALSE;
	uiprivMenuItemClicked(item, w);
	return TRUE;
}
