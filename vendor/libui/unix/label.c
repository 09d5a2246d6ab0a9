/* uiLabel on GTK 3. */
#include "uipriv_unix.h"

struct uiLabel {
	uiControl c;
	GtkWidget *widget;
};

static const uiprivControlVtable labelVtable = {
	"uiLabel", 0, uiprivGtkFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

/* Public functions reject anything but a live uiLabel, naming themselves. */
#define checked(x) ((uiLabel *) uiprivCheck((x), &labelVtable, __func__))

char *uiLabelText(uiLabel *l)
{
	if (checked(l) == NULL)
		return uiprivSanitize(NULL);
	return uiprivSanitize(gtk_label_get_text(GTK_LABEL(l->widget)));
}

void uiLabelSetText(uiLabel *l, const char *text)
{
	char *t;

	if (checked(l) == NULL)
		return;
	t = uiprivSanitize(text);
	gtk_label_set_text(GTK_LABEL(l->widget), t);
	uiFreeText(t);
}

uiLabel *uiNewLabel(const char *text)
{
	uiLabel *l;

	if (!uiprivReady(__func__))
		return NULL;
	l = (uiLabel *) uiprivNewControl(sizeof (uiLabel), &labelVtable, 1);
	uiprivGtkAdopt(uiControl(l), gtk_label_new(NULL));
	/* Text starts at the left even when the box gives the label more room. */
	gtk_widget_set_halign(l->widget, GTK_ALIGN_START);
	uiLabelSetText(l, text);
	return l;
}
