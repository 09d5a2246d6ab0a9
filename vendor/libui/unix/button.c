/* uiButton on GTK 3. */
#include "uipriv_unix.h"

struct uiButton {
	uiControl c;
	GtkWidget *widget;
	void (*onClicked)(uiButton *b, void *data);
	void *onClickedData;
};

static const uiprivControlVtable buttonVtable = {
	"uiButton", 0, uiprivGtkFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

/* Public functions reject anything but a live uiButton, naming themselves. */
#define checked(x) ((uiButton *) uiprivCheck((x), &buttonVtable, __func__))

static void onClicked(GtkButton *button, gpointer data)
{
	uiButton *b = (uiButton *) data;

	(void) button;
	if (b->onClicked != NULL)
		b->onClicked(b, b->onClickedData);
}

char *uiButtonText(uiButton *b)
{
	if (checked(b) == NULL)
		return uiprivSanitize(NULL);
	return uiprivSanitize(gtk_button_get_label(GTK_BUTTON(b->widget)));
}

void uiButtonSetText(uiButton *b, const char *text)
{
	char *t;

	if (checked(b) == NULL)
		return;
	t = uiprivSanitize(text);
	gtk_button_set_label(GTK_BUTTON(b->widget), t);
	uiFreeText(t);
}

void uiButtonOnClicked(uiButton *b, void (*f)(uiButton *b, void *data), void *data)
{
	if (checked(b) == NULL)
		return;
	b->onClicked = f;
	b->onClickedData = data;
}

uiButton *uiNewButton(const char *text)
{
	uiButton *b;

	if (!uiprivReady(__func__))
		return NULL;
	b = (uiButton *) uiprivNewControl(sizeof (uiButton), &buttonVtable, 1);
	uiprivGtkAdopt(uiControl(b), gtk_button_new_with_label(""));
	uiButtonSetText(b, text);
	g_signal_connect(b->widget, "clicked", G_CALLBACK(onClicked), b);
	return b;
}
