/* uiCheckbox on GTK 3 (the public functions are in common/checkbox.c). */
#include "uipriv_unix.h"
#include "osapi.h"

struct uiCheckbox {
	uiControl c;
	GtkWidget *widget;
	gulong toggledHandler;
	uiprivCheckboxShared shared;
};

const uiprivControlVtable uiprivCheckboxVtable = {
	"uiCheckbox", 0, uiprivGtkFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

static void onToggled(GtkToggleButton *button, gpointer data)
{
	(void) button;
	uiprivCheckboxToggledByUser((uiCheckbox *) data);
}

char *uiprivOSCheckboxText(uiCheckbox *c)
{
	return uiprivSanitize(gtk_button_get_label(GTK_BUTTON(c->widget)));
}

void uiprivOSCheckboxSetText(uiCheckbox *c, const char *text)
{
	gtk_button_set_label(GTK_BUTTON(c->widget), text);
}

int uiprivOSCheckboxChecked(uiCheckbox *c)
{
	return gtk_toggle_button_get_active(GTK_TOGGLE_BUTTON(c->widget)) != FALSE;
}

void uiprivOSCheckboxSetChecked(uiCheckbox *c, int isChecked)
{
	/* The handler is for the user's clicks only. */
	g_signal_handler_block(c->widget, c->toggledHandler);
	gtk_toggle_button_set_active(GTK_TOGGLE_BUTTON(c->widget), isChecked);
	g_signal_handler_unblock(c->widget, c->toggledHandler);
}

uiCheckbox *uiprivOSNewCheckbox(void)
{
	uiCheckbox *c = (uiCheckbox *) uiprivNewControl(sizeof (uiCheckbox), &uiprivCheckboxVtable, 1);

	c->c.shared = &c->shared;
	uiprivGtkAdopt(uiControl(c), gtk_check_button_new_with_label(""));
	c->toggledHandler = g_signal_connect(c->widget, "toggled", G_CALLBACK(onToggled), c);
	return c;
}
