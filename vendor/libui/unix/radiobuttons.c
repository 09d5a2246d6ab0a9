/* uiRadioButtons on GTK 3: GtkRadioButtons in a vertical GtkBox.  A GTK radio
 * group always has one button active, so a hidden first button stands for
 * "none selected". */
#include <stdlib.h>
#include "uipriv_unix.h"

struct uiRadioButtons {
	uiControl c;
	GtkWidget *widget;
	GtkWidget *none;
	GtkWidget **buttons;
	int n, cap;
	int settingSelection;
	void (*onSelected)(uiRadioButtons *r, void *data);
	void *onSelectedData;
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

static const uiprivControlVtable radioButtonsVtable = {
	"uiRadioButtons", 0, radioButtonsFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

/* Public functions reject anything but a live uiRadioButtons, naming themselves. */
#define checked(x) ((uiRadioButtons *) uiprivCheck((x), &radioButtonsVtable, __func__))

static void onToggled(GtkToggleButton *button, gpointer data)
{
	uiRadioButtons *r = (uiRadioButtons *) data;

	/* Each change toggles two buttons; report the one that became active, and only for the user. */
	if (!gtk_toggle_button_get_active(button) || r->settingSelection)
		return;
	if (r->onSelected != NULL)
		r->onSelected(r, r->onSelectedData);
}

void uiRadioButtonsAppend(uiRadioButtons *r, const char *text)
{
	GtkWidget *b;
	char *t;

	if (checked(r) == NULL)
		return;
	t = uiprivSanitize(text);
	b = gtk_radio_button_new_with_label_from_widget(GTK_RADIO_BUTTON(r->none), t);
	uiFreeText(t);
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 4;
		r->buttons = (GtkWidget **) uiprivRealloc(r->buttons, (size_t) r->cap * sizeof (GtkWidget *));
	}
	r->buttons[r->n++] = b;
	g_signal_connect(b, "toggled", G_CALLBACK(onToggled), r);
	gtk_box_pack_start(GTK_BOX(r->widget), b, FALSE, FALSE, 0);
	gtk_widget_show(b);
}

int uiRadioButtonsSelected(uiRadioButtons *r)
{
	int i;

	if (checked(r) == NULL)
		return -1;
	for (i = 0; i < r->n; i++)
		if (gtk_toggle_button_get_active(GTK_TOGGLE_BUTTON(r->buttons[i])))
			return i;
	return -1;
}

void uiRadioButtonsSetSelected(uiRadioButtons *r, int index)
{
	if (checked(r) == NULL || !uiprivIndexValid(index, -1, r->n - 1, __func__))
		return;
	r->settingSelection = 1;
	gtk_toggle_button_set_active(GTK_TOGGLE_BUTTON(index < 0 ? r->none : r->buttons[index]), TRUE);
	r->settingSelection = 0;
}

void uiRadioButtonsOnSelected(uiRadioButtons *r, void (*f)(uiRadioButtons *sender, void *senderData), void *data)
{
	if (checked(r) == NULL)
		return;
	r->onSelected = f;
	r->onSelectedData = data;
}

uiRadioButtons *uiNewRadioButtons(void)
{
	uiRadioButtons *r;

	if (!uiprivReady(__func__))
		return NULL;
	r = (uiRadioButtons *) uiprivNewControl(sizeof (uiRadioButtons), &radioButtonsVtable, 1);
	uiprivGtkAdopt(uiControl(r), gtk_box_new(GTK_ORIENTATION_VERTICAL, 0));
	r->none = GTK_WIDGET(g_object_ref_sink(gtk_radio_button_new(NULL)));
	return r;
}
