/* uiSeparator on GTK 3: a GtkSeparator. */
#include "uipriv_unix.h"

struct uiSeparator {
	uiControl c;
	GtkWidget *widget;
};

static const uiprivControlVtable separatorVtable = {
	"uiSeparator", 0, uiprivGtkFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

static uiSeparator *newSeparator(GtkOrientation orientation)
{
	uiSeparator *s = (uiSeparator *) uiprivNewControl(sizeof (uiSeparator), &separatorVtable, 1);

	uiprivGtkAdopt(uiControl(s), gtk_separator_new(orientation));
	return s;
}

uiSeparator *uiNewHorizontalSeparator(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return newSeparator(GTK_ORIENTATION_HORIZONTAL);
}

uiSeparator *uiNewVerticalSeparator(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return newSeparator(GTK_ORIENTATION_VERTICAL);
}
