/* Rules shared by both uiProgressBar backends. */
#include "uipriv.h"

int uiprivProgressValueValid(int n, const char *func)
{
	/* -1 is the indeterminate (animated) bar. */
	if (n < -1 || n > 100) {
		uiprivUserBug(func, "value %d is outside -1..100", n);
		return 0;
	}
	return 1;
}
