/* uiCheckbox on GTK 3. */
#include "uipriv_unix.h"

struct uiCheckbox {
	uiControl c;
	GtkWidget *widget;
	gulong toggledHandler;
	void (*onToggled)(uiCheckbox *c, void *data);
	void *onToggledData;
};

static const uiprivControlVtable checkboxVtable = {
	"uiCheckbox", 0, uiprivGtkFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

/* Public functions reject anything but a live uiCheckbox, naming themselves. */
#define checked(x) ((uiCheckbox *) uiprivCheck((x), &checkboxVtable, __func__))

static void onToggled(GtkToggleButton *button, gpointer data)
{
	uiCheckbox *c = (uiCheckbox *) data;

	(void) button;
	if (c->onToggled != NULL)
		c->onToggled(c, c->onToggledData);
}

char *uiCheckboxText(uiCheckbox *c)
{
	if (checked(c) == NULL)
		return uiprivSanitize(NULL);
	return uiprivSanitize(gtk_button_get_label(GTK_BUTTON(c->widget)));
}

void uiCheckboxSetText(uiCheckbox *c, const char *text)
{
	char *t;

	if (checked(c) == NULL)
		return;
	t = uiprivSanitize(text);
	gtk_button_set_label(GTK_BUTTON(c->widget), t);
	uiFreeText(t);
}

void uiCheckboxOnToggled(uiCheckbox *c, void (*f)(uiCheckbox *c, void *data), void *data)
{
	if (checked(c) == NULL)
		return;
	c->onToggled = f;
	c->onToggledData = data;
}

int uiCheckboxChecked(uiCheckbox *c)
{
	if (checked(c) == NULL)
		return 0;
	return gtk_toggle_button_get_active(GTK_TOGGLE_BUTTON(c->widget)) != FALSE;
}

void uiCheckboxSetChecked(uiCheckbox *c, int isChecked)
{
	if (checked(c) == NULL)
		return;
	/* The handler is for the user's clicks only. */
	g_signal_handler_block(c->widget, c->toggledHandler);
	gtk_toggle_button_set_active(GTK_TOGGLE_BUTTON(c->widget), isChecked != 0);
	g_signal_handler_unblock(c->widget, c->toggledHandler);
}

uiCheckbox *uiNewCheckbox(const char *text)
{
	uiCheckbox *c;

	if (!uiprivReady(__func__))
		return NULL;
	c = (uiCheckbox *) uiprivNewControl(sizeof (uiCheckbox), &checkboxVtable, 1);
	uiprivGtkAdopt(uiControl(c), gtk_check_button_new_with_label(""));
	uiCheckboxSetText(c, text);
	c->toggledHandler = g_signal_connect(c->widget, "toggled", G_CALLBACK(onToggled), c);
	return c;
}
