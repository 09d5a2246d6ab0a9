/* Index rules shared by the list controls of both backends (combobox, radio buttons). */
#include "uipriv.h"

int uiprivIndexValid(int index, int lo, int hi, const char *func)
{
	if (index < lo || index > hi) {
		uiprivUserBug(func, "index %d is outside %d..%d", index, lo, hi);
		return 0;
	}
	return 1;
}

int uiprivSelectionAfterDelete(int selected, int deleted)
{
	/* libui-ng's rule (its unit tests, and what GTK and Win32 do natively): the selected item going
	 * away leaves nothing selected, never its follower; an earlier item going away shifts it. */
	if (selected == deleted)
		return -1;
	if (selected > deleted)
		return selected - 1;
	return selected;
}
