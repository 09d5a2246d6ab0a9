/* uiSeparator on Win32: an etched STATIC line (the constructors are in common/separator.c). */
#include "uipriv_windows.h"
#include "osapi.h"

/* Thickness of the etched line's box, in dialog units. */
#define separatorDlu 1

struct uiSeparator {
	uiControl c;
	HWND hwnd;
	int vertical;
};

static void separatorMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	uiSeparator *s = (uiSeparator *) c;

	/* Nothing along the line: the container decides its length. */
	*width = s->vertical ? uiprivDluX(m, separatorDlu) : 0;
	*height = s->vertical ? 0 : uiprivDluY(m, separatorDlu);
}

static const uiprivWinHooks separatorHooks = {
	separatorMinSize, uiprivWinLayout, uiprivWinSetNativeParent, NULL, NULL, NULL,
};

static const uiprivControlVtable separatorVtable = {
	"uiSeparator", 0, uiprivWinFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled, &separatorHooks,
};

uiSeparator *uiprivOSNewSeparator(int vertical)
{
	uiSeparator *s = (uiSeparator *) uiprivNewControl(sizeof (uiSeparator), &separatorVtable, 1);

	s->vertical = vertical;
	s->hwnd = uiprivCreateControlWindow(0, L"STATIC", vertical ? SS_ETCHEDVERT : SS_ETCHEDHORZ, uiControl(s));
	if (s->hwnd == NULL) {
		uiprivControlFree(uiControl(s));
		return NULL;
	}
	return s;
}
