/* uiRadioButtons on GTK 3: GtkRadioButtons in a vertical GtkBox.  A GTK radio
 * group always has one button active, so a hidden first button stands for
 * "none selected".  The public functions are in common/radiobuttons.c. */
#include <stdlib.h>
#include "uipriv_unix.h"
#include "osapi.h"

struct uiRadioButtons {
	uiControl c;
	GtkWidget *widget;
	GtkWidget *none;
	GtkWidget **buttons;
	int n, cap;
	int settingSelection;
	uiprivRadioButtonsShared shared;
};

static void radioButtonsFree(uiControl *c)
{
	uiRadioButtons *r = (uiRadioButtons *) c;
	int i;

	for (i = 0; i < r->n; i++)
		g_signal_handlers_disconnect_matched(r->buttons[i], G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, r);
	free(r->buttons);
	/* Never packed, so not destroyed with the box. */
	gtk_widget_destroy(r->none);
	g_object_unref(r->none);
	uiprivGtkFree(c);
}

const uiprivControlVtable uiprivRadioButtonsVtable = {
	"uiRadioButtons", 0, radioButtonsFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

static void onToggled(GtkToggleButton *button, gpointer data)
{
	uiRadioButtons *r = (uiRadioButtons *) data;

	/* Each change toggles two buttons; report the one that became active, and only for the user. */
	if (!gtk_toggle_button_get_active(button) || r->settingSelection)
		return;
	uiprivRadioButtonsSelectedByUser(r);
}

int uiprivOSRadioButtonsCount(uiRadioButtons *r)
{
	return r->n;
}

void uiprivOSRadioButtonsAppend(uiRadioButtons *r, const char *text)
{
	GtkWidget *b = gtk_radio_button_new_with_label_from_widget(GTK_RADIO_BUTTON(r->none), text);

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 4;
		r->buttons = (GtkWidget **) uiprivRealloc(r->buttons, (size_t) r->cap * sizeof (GtkWidget *));
	}
	r->buttons[r->n++] = b;
	g_signal_connect(b, "toggled", G_CALLBACK(onToggled), r);
	gtk_box_pack_start(GTK_BOX(r->widget), b, FALSE, FALSE, 0);
	gtk_widget_show(b);
}

int uiprivOSRadioButtonsSelected(uiRadioButtons *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (gtk_toggle_button_get_active(GTK_TOGGLE_BUTTON(r->buttons[i])))
			return i;
	return -1;
}

void uiprivOSRadioButtonsSetSelected(uiRadioButtons *r, int index)
{
	r->settingSelection = 1;
	gtk_toggle_button_set_active(GTK_TOGGLE_BUTTON(index < 0 ? r->none : r->buttons[index]), TRUE);
	r->settingSelection = 0;
}

uiRadioButtons *uiprivOSNewRadioButtons(void)
{
	uiRadioButtons *r = (uiRadioButtons *) uiprivNewControl(sizeof (uiRadioButtons), &uiprivRadioButtonsVtable, 1);

	r->c.shared = &r->shared;
	uiprivGtkAdopt(uiControl(r), gtk_box_new(GTK_ORIENTATION_VERTICAL, 0));
	r->none = GTK_WIDGET(g_object_ref_sink(gtk_radio_button_new(NULL)));
	return r;
}
