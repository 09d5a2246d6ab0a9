/* uiLabel on GTK 3: a GtkLabel (the public functions are in common/label.c). */
#include "uipriv_unix.h"
#include "osapi.h"

struct uiLabel {
	uiControl c;
	GtkWidget *widget;
};

const uiprivControlVtable uiprivLabelVtable = {
	"uiLabel", 0, uiprivGtkFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

char *uiprivOSLabelText(uiLabel *l)
{
	return uiprivSanitize(gtk_label_get_text(GTK_LABEL(l->widget)));
}

void uiprivOSLabelSetText(uiLabel *l, const char *text)
{
	gtk_label_set_text(GTK_LABEL(l->widget), text);
}

uiLabel *uiprivOSNewLabel(void)
{
	uiLabel *l = (uiLabel *) uiprivNewControl(sizeof (uiLabel), &uiprivLabelVtable, 1);

	uiprivGtkAdopt(uiControl(l), gtk_label_new(NULL));
	/* Text starts at the left even when the box gives the label more room. */
	gtk_widget_set_halign(l->widget, GTK_ALIGN_START);
	return l;
}
