/* uiColorButton on GTK 3: a GtkColorButton with alpha (the public functions are in
 * common/colorbutton.c). */
#include "uipriv_unix.h"
#include "osapi.h"

struct uiColorButton {
	uiControl c;
	GtkWidget *widget;
	uiprivColorButtonShared shared;
};

const uiprivControlVtable uiprivColorButtonVtable = {
	"uiColorButton", 0, uiprivGtkFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

/* "color-set" comes only from the user's choice in the dialog. */
static void onColorSet(GtkColorButton *button, gpointer data)
{
	(void) button;
	uiprivColorButtonChangedByUser((uiColorButton *) data);
}

void uiprivOSColorButtonColor(uiColorButton *b, double rgba[4])
{
	GdkRGBA c;

	gtk_color_chooser_get_rgba(GTK_COLOR_CHOOSER(b->widget), &c);
	rgba[0] = c.red;
	rgba[1] = c.green;
	rgba[2] = c.blue;
	rgba[3] = c.alpha;
}

void uiprivOSColorButtonSetColor(uiColorButton *b, const double rgba[4])
{
	GdkRGBA c;

	c.red = rgba[0];
	c.green = rgba[1];
	c.blue = rgba[2];
	c.alpha = rgba[3];
	gtk_color_chooser_set_rgba(GTK_COLOR_CHOOSER(b->widget), &c);
}

uiColorButton *uiprivOSNewColorButton(void)
{
	uiColorButton *b = (uiColorButton *) uiprivNewControl(sizeof (uiColorButton), &uiprivColorButtonVtable, 1);
	GdkRGBA black = { 0, 0, 0, 1 };

	b->c.shared = &b->shared;
	uiprivGtkAdopt(uiControl(b), gtk_color_button_new_with_rgba(&black));
	gtk_color_chooser_set_use_alpha(GTK_COLOR_CHOOSER(b->widget), TRUE);
	g_signal_connect(b->widget, "color-set", G_CALLBACK(onColorSet), b);
	return b;
}
