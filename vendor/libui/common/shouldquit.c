/* The uiOnShouldQuit handler, consulted by the backends on a system quit request. */
#include "uipriv.h"

static int (*shouldQuitFunc)(void *data);
static void *shouldQuitData;

void uiOnShouldQuit(int (*f)(void *data), void *data)
{
	shouldQuitFunc = f;
	shouldQuitData = data;
	uiprivShouldQuitChanged();
}

int uiprivHasShouldQuit(void)
{
	return shouldQuitFunc != NULL;
}

int uiprivShouldQuit(void)
{
	if (shouldQuitFunc == NULL)
		return 1;
	return shouldQuitFunc(shouldQuitData) != 0;
}
