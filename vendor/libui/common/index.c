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

int uiprivSelectionAfterDelete(int selected, int deleted, int countAfter)
{
	/* libui-ng: deleting the selected item selects the next one, or none at the end. */
	if (selected == deleted)
		return deleted < countAfter ? deleted : -1;
	if (selected > deleted)
		return selected - 1;
	return selected;
}
