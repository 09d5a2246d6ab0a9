/* uiSeparator on GTK 3: a GtkSeparator (the constructors are in common/separator.c). */
#include "uipriv_unix.h"
#include "osapi.h"

struct uiSeparator {
	uiControl c;
	GtkWidget *widget;
};

static const uiprivControlVtable separatorVtable = {
	"uiSeparator", 0, uiprivGtkFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

uiSeparator *uiprivOSNewSeparator(int vertical)
{
	uiSeparator *s = (uiSeparator *) uiprivNewControl(sizeof (uiSeparator), &separatorVtable, 1);

	uiprivGtkAdopt(uiControl(s), gtk_separator_new(vertical ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL));
	return s;
}
