/* uiSpinbox on GTK 3: a GtkSpinButton holding integers (the public functions are in common/spinbox.c). */
#include "uipriv_unix.h"
#include "osapi.h"

struct uiSpinbox {
	uiControl c;
	GtkWidget *widget;
	gulong changedHandler;
	uiprivSpinboxShared shared;
};

const uiprivControlVtable uiprivSpinboxVtable = {
	"uiSpinbox", 0, uiprivGtkFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

static void onValueChanged(GtkSpinButton *button, gpointer data)
{
	(void) button;
	uiprivSpinboxChangedByUser((uiSpinbox *) data);
}

int uiprivOSSpinboxValue(uiSpinbox *s)
{
	return gtk_spin_button_get_value_as_int(GTK_SPIN_BUTTON(s->widget));
}

void uiprivOSSpinboxSetValue(uiSpinbox *s, int value)
{
	/* The handler is for the user's changes only. */
	g_signal_handler_block(s->widget, s->changedHandler);
	gtk_spin_button_set_value(GTK_SPIN_BUTTON(s->widget), value);
	g_signal_handler_unblock(s->widget, s->changedHandler);
}

uiSpinbox *uiprivOSNewSpinbox(int min, int max)
{
	uiSpinbox *s = (uiSpinbox *) uiprivNewControl(sizeof (uiSpinbox), &uiprivSpinboxVtable, 1);

	s->c.shared = &s->shared;
	s->shared.min = min;
	s->shared.max = max;
	uiprivGtkAdopt(uiControl(s), gtk_spin_button_new_with_range(min, max, 1));
	gtk_spin_button_set_digits(GTK_SPIN_BUTTON(s->widget), 0);
	gtk_spin_button_set_numeric(GTK_SPIN_BUTTON(s->widget), TRUE);
	gtk_spin_button_set_value(GTK_SPIN_BUTTON(s->widget), min);
	s->changedHandler = g_signal_connect(s->widget, "value-changed", G_CALLBACK(onValueChanged), s);
	return s;
}
