/* uiSpinbox on GTK 3: a GtkSpinButton holding integers. */
#include "uipriv_unix.h"

struct uiSpinbox {
	uiControl c;
	GtkWidget *widget;
	gulong changedHandler;
	void (*onChanged)(uiSpinbox *s, void *data);
	void *onChangedData;
};

static const uiprivControlVtable spinboxVtable = {
	"uiSpinbox", 0, uiprivGtkFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

/* Public functions reject anything but a live uiSpinbox, naming themselves. */
#define checked(x) ((uiSpinbox *) uiprivCheck((x), &spinboxVtable, __func__))

static void onValueChanged(GtkSpinButton *button, gpointer data)
{
	uiSpinbox *s = (uiSpinbox *) data;

	(void) button;
	if (s->onChanged != NULL)
		s->onChanged(s, s->onChangedData);
}

int uiSpinboxValue(uiSpinbox *s)
{
	if (checked(s) == NULL)
		return 0;
	return gtk_spin_button_get_value_as_int(GTK_SPIN_BUTTON(s->widget));
}

void uiSpinboxSetValue(uiSpinbox *s, int value)
{
	if (checked(s) == NULL)
		return;
	/* GtkSpinButton clamps to its range; the handler is for the user's changes only. */
	g_signal_handler_block(s->widget, s->changedHandler);
	gtk_spin_button_set_value(GTK_SPIN_BUTTON(s->widget), value);
	g_signal_handler_unblock(s->widget, s->changedHandler);
}

void uiSpinboxOnChanged(uiSpinbox *s, void (*f)(uiSpinbox *s, void *data), void *data)
{
	if (checked(s) == NULL)
		return;
	s->onChanged = f;
	s->onChangedData = data;
}

uiSpinbox *uiNewSpinbox(int min, int max)
{
	uiSpinbox *s;

	if (!uiprivReady(__func__))
		return NULL;
	uiprivOrderRange(&min, &max);
	s = (uiSpinbox *) uiprivNewControl(sizeof (uiSpinbox), &spinboxVtable, 1);
	uiprivGtkAdopt(uiControl(s), gtk_spin_button_new_with_range(min, max, 1));
	gtk_spin_button_set_digits(GTK_SPIN_BUTTON(s->widget), 0);
	gtk_spin_button_set_numeric(GTK_SPIN_BUTTON(s->widget), TRUE);
	gtk_spin_button_set_value(GTK_SPIN_BUTTON(s->widget), min);
	s->changedHandler = g_signal_connect(s->widget, "value-changed", G_CALLBACK(onValueChanged), s);
	return s;
}
