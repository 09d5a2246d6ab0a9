/* uiColorButton on GTK 3: a GtkColorButton with alpha. */
#include "uipriv_unix.h"

struct uiColorButton {
	uiControl c;
	GtkWidget *widget;
	void (*onChanged)(uiColorButton *b, void *data);
	void *onChangedData;
};

static const uiprivControlVtable colorButtonVtable = {
	"uiColorButton", 0, uiprivGtkFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

/* Public functions reject anything but a live uiColorButton, naming themselves. */
#define checked(x) ((uiColorButton *) uiprivCheck((x), &colorButtonVtable, __func__))

/* "color-set" comes only from the user's choice in the dialog. */
static void onColorSet(GtkColorButton *button, gpointer data)
{
	uiColorButton *b = (uiColorButton *) data;

	(void) button;
	if (b->onChanged != NULL)
		b->onChanged(b, b->onChangedData);
}

void uiColorButtonColor(uiColorButton *b, double *r, double *g, double *bl, double *a)
{
	GdkRGBA c;
	double rgba[4];

	if (checked(b) == NULL) {
		uiprivColorOut(NULL, r, g, bl, a, __func__);
		return;
	}
	gtk_color_chooser_get_rgba(GTK_COLOR_CHOOSER(b->widget), &c);
	rgba[0] = c.red;
	rgba[1] = c.green;
	rgba[2] = c.blue;
	rgba[3] = c.alpha;
	uiprivColorOut(rgba, r, g, bl, a, __func__);
}

void uiColorButtonSetColor(uiColorButton *b, double r, double g, double bl, double a)
{
	GdkRGBA c;

	if (checked(b) == NULL || !uiprivColorValid(r, g, bl, a, __func__))
		return;
	c.red = r;
	c.green = g;
	c.blue = bl;
	c.alpha = a;
	gtk_color_chooser_set_rgba(GTK_COLOR_CHOOSER(b->widget), &c);
}

void uiColorButtonOnChanged(uiColorButton *b, void (*f)(uiColorButton *b, void *data), void *data)
{
	if (checked(b) == NULL)
		return;
	b->onChanged = f;
	b->onChangedData = data;
}

uiColorButton *uiNewColorButton(void)
{
	uiColorButton *b;
	GdkRGBA black = { 0, 0, 0, 1 };

	if (!uiprivReady(__func__))
		return NULL;
	b = (uiColorButton *) uiprivNewControl(sizeof (uiColorButton), &colorButtonVtable, 1);
	uiprivGtkAdopt(uiControl(b), gtk_color_button_new_with_rgba(&black));
	gtk_color_chooser_set_use_alpha(GTK_COLOR_CHOOSER(b->widget), TRUE);
	g_signal_connect(b->widget, "color-set", G_CALLBACK(onColorSet), b);
	return b;
}
