/* uiCombobox on GTK 3: a GtkComboBoxText without entry. */
#include "uipriv_unix.h"

struct uiCombobox {
	uiControl c;
	GtkWidget *widget;
	gulong changedHandler;
	void (*onSelected)(uiCombobox *c, void *data);
	void *onSelectedData;
};

static const uiprivControlVtable comboboxVtable = {
	"uiCombobox", 0, uiprivGtkFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

/* Public functions reject anything but a live uiCombobox, naming themselves. */
#define checked(x) ((uiCombobox *) uiprivCheck((x), &comboboxVtable, __func__))

static void onChanged(GtkComboBox *box, gpointer data)
{
	uiCombobox *c = (uiCombobox *) data;

	(void) box;
	if (c->onSelected != NULL)
		c->onSelected(c, c->onSelectedData);
}

static int count(uiCombobox *c)
{
	return gtk_tree_model_iter_n_children(gtk_combo_box_get_model(GTK_COMBO_BOX(c->widget)), NULL);
}

/* Only the user's choices reach the handler. */
static void quiet(uiCombobox *c, int on)
{
	if (on)
		g_signal_handler_block(c->widget, c->changedHandler);
	else
		g_signal_handler_unblock(c->widget, c->changedHandler);
}

static void insertAt(uiCombobox *c, int index, const char *text)
{
	char *t = uiprivSanitize(text);

	quiet(c, 1);
	gtk_combo_box_text_insert(GTK_COMBO_BOX_TEXT(c->widget), index, NULL, t);
	quiet(c, 0);
	uiFreeText(t);
}

void uiComboboxAppend(uiCombobox *c, const char *text)
{
	if (checked(c) == NULL)
		return;
	insertAt(c, count(c), text);
}

void uiComboboxInsertAt(uiCombobox *c, int index, const char *text)
{
	if (checked(c) == NULL || !uiprivIndexValid(index, 0, count(c), __func__))
		return;
	insertAt(c, index, text);
}

void uiComboboxDelete(uiCombobox *c, int index)
{
	int selected;

	if (checked(c) == NULL || !uiprivIndexValid(index, 0, count(c) - 1, __func__))
		return;
	selected = gtk_combo_box_get_active(GTK_COMBO_BOX(c->widget));
	quiet(c, 1);
	gtk_combo_box_text_remove(GTK_COMBO_BOX_TEXT(c->widget), index);
	gtk_combo_box_set_active(GTK_COMBO_BOX(c->widget), uiprivSelectionAfterDelete(selected, index, count(c)));
	quiet(c, 0);
}

void uiComboboxClear(uiCombobox *c)
{
	if (checked(c) == NULL)
		return;
	quiet(c, 1);
	gtk_combo_box_text_remove_all(GTK_COMBO_BOX_TEXT(c->widget));
	quiet(c, 0);
}

int uiComboboxNumItems(uiCombobox *c)
{
	if (checked(c) == NULL)
		return 0;
	return count(c);
}

int uiComboboxSelected(uiCombobox *c)
{
	if (checked(c) == NULL)
		return -1;
	return gtk_combo_box_get_active(GTK_COMBO_BOX(c->widget));
}

void uiComboboxSetSelected(uiCombobox *c, int index)
{
	if (checked(c) == NULL || !uiprivIndexValid(index, -1, count(c) - 1, __func__))
		return;
	quiet(c, 1);
	gtk_combo_box_set_active(GTK_COMBO_BOX(c->widget), index);
	quiet(c, 0);
}

void uiComboboxOnSelected(uiCombobox *c, void (*f)(uiCombobox *sender, void *senderData), void *data)
{
	if (checked(c) == NULL)
		return;
	c->onSelected = f;
	c->onSelectedData = data;
}

uiCombobox *uiNewCombobox(void)
{
	uiCombobox *c;

	if (!uiprivReady(__func__))
		return NULL;
	c = (uiCombobox *) uiprivNewControl(sizeof (uiCombobox), &comboboxVtable, 1);
	uiprivGtkAdopt(uiControl(c), gtk_combo_box_text_new());
	c->changedHandler = g_signal_connect(c->widget, "changed", G_CALLBACK(onChanged), c);
	return c;
}
