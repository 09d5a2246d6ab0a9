/* uiButton on GTK 3 (the public functions are in common/button.c). */
#include "uipriv_unix.h"
#include "osapi.h"

struct uiButton {
	uiControl c;
	GtkWidget *widget;
	uiprivButtonShared shared;
};

const uiprivControlVtable uiprivButtonVtable = {
	"uiButton", 0, uiprivGtkFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

static void onClicked(GtkButton *button, gpointer data)
{
	(void) button;
	uiprivButtonClickedByUser((uiButton *) data);
}

char *uiprivOSButtonText(uiButton *b)
{
	return uiprivSanitize(gtk_button_get_label(GTK_BUTTON(b->widget)));
}

void uiprivOSButtonSetText(uiButton *b, const char *text)
{
	gtk_button_set_label(GTK_BUTTON(b->widget), text);
}

uiButton *uiprivOSNewButton(void)
{
	uiButton *b = (uiButton *) uiprivNewControl(sizeof (uiButton), &uiprivButtonVtable, 1);

	b->c.shared = &b->shared;
	uiprivGtkAdopt(uiControl(b), gtk_button_new_with_label(""));
	g_signal_connect(b->widget, "clicked", G_CALLBACK(onClicked), b);
	return b;
}
