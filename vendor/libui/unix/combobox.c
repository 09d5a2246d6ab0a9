/* uiCombobox on GTK 3: a GtkComboBoxText without entry (the public functions are in common/combobox.c). */
#include "uipriv_unix.h"
#include "osapi.h"

struct uiCombobox {
	uiControl c;
	GtkWidget *widget;
	gulong changedHandler;
	uiprivComboboxShared shared;
};

const uiprivControlVtable uiprivComboboxVtable = {
	"uiCombobox", 0, uiprivGtkFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

static void onChanged(GtkComboBox *box, gpointer data)
{
	(void) box;
	uiprivComboboxSelectedByUser((uiCombobox *) data);
}

/* Only the user's choices reach the handler. */
static void quiet(uiCombobox *c, int on)
{
	if (on)
		g_signal_handler_block(c->widget, c->changedHandler);
	else
		g_signal_handler_unblock(c->widget, c->changedHandler);
}

int uiprivOSComboboxCount(uiCombobox *c)
{
	return gtk_tree_model_iter_n_children(gtk_combo_box_get_model(GTK_COMBO_BOX(c->widget)), NULL);
}

void uiprivOSComboboxInsert(uiCombobox *c, int index, const char *text)
{
	quiet(c, 1);
	gtk_combo_box_text_insert(GTK_COMBO_BOX_TEXT(c->widget), index, NULL, text);
	quiet(c, 0);
}

void uiprivOSComboboxDelete(uiCombobox *c, int index)
{
	quiet(c, 1);
	gtk_combo_box_text_remove(GTK_COMBO_BOX_TEXT(c->widget), index);
	quiet(c, 0);
}

void uiprivOSComboboxClear(uiCombobox *c)
{
	quiet(c, 1);
	gtk_combo_box_text_remove_all(GTK_COMBO_BOX_TEXT(c->widget));
	quiet(c, 0);
}

int uiprivOSComboboxSelected(uiCombobox *c)
{
	return gtk_combo_box_get_active(GTK_COMBO_BOX(c->widget));
}

void uiprivOSComboboxSetSelected(uiCombobox *c, int index)
{
	quiet(c, 1);
	gtk_combo_box_set_active(GTK_COMBO_BOX(c->widget), index);
	quiet(c, 0);
}

uiCombobox *uiprivOSNewCombobox(void)
{
	uiCombobox *c = (uiCombobox *) uiprivNewControl(sizeof (uiCombobox), &uiprivComboboxVtable, 1);

	c->c.shared = &c->shared;
	uiprivGtkAdopt(uiControl(c), gtk_combo_box_text_new());
	c->changedHandler = g_signal_connect(c->widget, "changed", G_CALLBACK(onChanged), c);
	return c;
}
