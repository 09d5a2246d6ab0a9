/* uiMenu and uiMenuItem: the model and its rules, shared by both backends.  The backends build one native
 * menu bar per window from it (uiprivMenus) and mirror item state changes (uiprivOSMenuItemSync). */
#include <stdlib.h>
#include "osapi.h"
#include "ui_extras.h"

/* Win32 command ids are 16 bits wide, and the backend offsets them. */
#define maxItems 0xF000

static uiMenu **menus;
static size_t menuCount;
/* Every item in creation order; item->id - 1 is its index. */
static uiMenuItem **items;
static size_t itemCount;
static int finalized;
/* The one Quit, Preferences and About item each a program may have. */
static int hasQuit, hasPreferences, hasAbout;

static void *grow(void *array, size_t count)
{
	/* Powers of two: the array doubles when count reaches one. */
	if (count == 0 || (count & (count - 1)) == 0)
		array = uiprivRealloc(array, (count == 0 ? 1 : 2 * count) * sizeof (void *));
	return array;
}

/* Whether m is a live menu; reports a user bug naming func if not. */
static int menuValid(const uiMenu *m, const char *func)
{
	size_t i;

	if (!uiprivReady(func))
		return 0;
	for (i = 0; i < menuCount; i++)
		if (menus[i] == m)
			return 1;
	uiprivUserBug(func, "%p is not a uiMenu", (const void *) m);
	return 0;
}

static uiMenuItem *itemChecked(uiMenuItem *item, const char *func)
{
	size_t i;

	if (!uiprivReady(func))
		return NULL;
	/* The pointer is compared, never read, until it is known to be ours. */
	for (i = 0; i < itemCount; i++)
		if (items[i] == item && item->type != uiprivMenuItemSeparator)
			return item;
	uiprivUserBug(func, "%p is not a uiMenuItem", (void *) item);
	return NULL;
}

static int changeable(const char *func)
{
	if (finalized) {
		uiprivUserBug(func, "menus cannot be created or changed once a window exists");
		return 0;
	}
	return 1;
}

uiMenu *uiNewMenu(const char *name)
{
	uiMenu *m;

	if (!uiprivReady(__func__) || !changeable(__func__))
		return NULL;
	m = (uiMenu *) uiprivAlloc(sizeof (uiMenu));
	m->name = uiprivSanitize(name);
	menus = (uiMenu **) grow(menus, menuCount);
	menus[menuCount++] = m;
	return m;
}

static uiMenuItem *append(uiMenu *m, uiprivMenuItemType type, const char *name, const char *func)
{
	uiMenuItem *item;

	if (!menuValid(m, func) || !changeable(func))
		return NULL;
	if (itemCount >= maxItems) {
		uiprivUserBug(func, "more than %d menu items", maxItems);
		return NULL;
	}
	item = (uiMenuItem *) uiprivAlloc(sizeof (uiMenuItem));
	item->type = type;
	item->name = uiprivSanitize(name);
	item->enabled = 1;
	items = (uiMenuItem **) grow(items, itemCount);
	items[itemCount++] = item;
	item->id = (unsigned) itemCount;
	m->items = (uiMenuItem **) grow(m->items, m->count);
	m->items[m->count++] = item;
	return item;
}

/* The special items: one of each per program, as in libui-ng. */
static uiMenuItem *appendSpecial(uiMenu *m, uiprivMenuItemType type, int *exists, const char *name, const char *func)
{
	uiMenuItem *item;

	if (*exists) {
		uiprivUserBug(func, "a program can have only one %s item", name);
		return NULL;
	}
	item = append(m, type, name, func);
	if (item != NULL)
		*exists = 1;
	return item;
}

uiMenuItem *uiMenuAppendItem(uiMenu *m, const char *name)
{
	return append(m, uiprivMenuItemPlain, name, __func__);
}

uiMenuItem *uiMenuAppendCheckItem(uiMenu *m, const char *name)
{
	return append(m, uiprivMenuItemCheck, name, __func__);
}

uiMenuItem *uiMenuAppendQuitItem(uiMenu *m)
{
	return appendSpecial(m, uiprivMenuItemQuit, &hasQuit, "Quit", __func__);
}

uiMenuItem *uiMenuAppendPreferencesItem(uiMenu *m)
{
	return appendSpecial(m, uiprivMenuItemPreferences, &hasPreferences, "Preferences...", __func__);
}

uiMenuItem *uiMenuAppendAboutItem(uiMenu *m)
{
	return appendSpecial(m, uiprivMenuItemAbout, &hasAbout, "About", __func__);
}

void uiMenuAppendSeparator(uiMenu *m)
{
	append(m, uiprivMenuItemSeparator, NULL, __func__);
}

static void setEnabled(uiMenuItem *item, int enabled)
{
	if (item->enabled == enabled)
		return;
	item->enabled = enabled;
	uiprivOSMenuItemSync(item);
}

void uiMenuItemEnable(uiMenuItem *m)
{
	if (itemChecked(m, __func__) != NULL)
		setEnabled(m, 1);
}

void uiMenuItemDisable(uiMenuItem *m)
{
	if (itemChecked(m, __func__) != NULL)
		setEnabled(m, 0);
}

void uiMenuItemOnClicked(uiMenuItem *m, void (*f)(uiMenuItem *sender, uiWindow *window, void *senderData), void *data)
{
	if (itemChecked(m, __func__) == NULL)
		return;
	if (m->type == uiprivMenuItemQuit) {
		uiprivUserBug(__func__, "the Quit item asks the uiOnShouldQuit handler instead");
		return;
	}
	m->onClicked = f;
	m->onClickedData = data;
}

static uiMenuItem *checkItem(uiMenuItem *m, const char *func)
{
	if (itemChecked(m, func) == NULL)
		return NULL;
	if (m->type != uiprivMenuItemCheck) {
		uiprivUserBug(func, "%p is not a check item", (void *) m);
		return NULL;
	}
	return m;
}

int uiMenuItemChecked(uiMenuItem *m)
{
	if (checkItem(m, __func__) == NULL)
		return 0;
	return m->checked;
}

void uiMenuItemSetChecked(uiMenuItem *m, int checked)
{
	if (checkItem(m, __func__) == NULL || m->checked == (checked != 0))
		return;
	m->checked = checked != 0;
	uiprivOSMenuItemSync(m);
}

void uiprivMenusFinalize(void)
{
	finalized = 1;
}

int uixMenusFrozen(void)
{
	if (!uiprivReady(__func__))
		return 1;
	return finalized;
}

int uixMenuHasItem(int which)
{
	if (!uiprivReady(__func__))
		return 0;
	switch (which) {
	case uixMenuItemQuit:
		return hasQuit;
	case uixMenuItemPreferences:
		return hasPreferences;
	case uixMenuItemAbout:
		return hasAbout;
	default:
		uiprivUserBug(__func__, "%d is not a uixMenuItem value", which);
		return 0;
	}
}

uiMenu *const *uiprivMenus(size_t *n)
{
	*n = menuCount;
	return menus;
}

uiMenuItem *uiprivMenuItemById(unsigned id)
{
	if (id == 0 || id > itemCount)
		return NULL;
	return items[id - 1];
}

void uiprivMenuItemClicked(uiMenuItem *item, uiWindow *w)
{
	/* The native item is greyed out, but a click may already be on its way. */
	if (!item->enabled)
		return;
	switch (item->type) {
	case uiprivMenuItemQuit:
		if (uiprivShouldQuit())
			uiQuit();
		return;
	case uiprivMenuItemCheck:
		item->checked = !item->checked;
		uiprivOSMenuItemSync(item);
		break;
	default:
		break;
	}
	if (item->onClicked != NULL)
		item->onClicked(item, w, item->onClickedData);
}

void uiprivMenusUninit(void)
{
	size_t i;

	for (i = 0; i < itemCount; i++) {
		uiFreeText(items[i]->name);
		free(items[i]);
	}
	for (i = 0; i < menuCount; i++) {
		uiFreeText(menus[i]->name);
		free(menus[i]->items);
		free(menus[i]);
	}
	free(items);
	free(menus);
	items = NULL;
	menus = NULL;
	itemCount = menuCount = 0;
	finalized = hasQuit = hasPreferences = hasAbout = 0;
}
