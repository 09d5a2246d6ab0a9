/* uiEditableCombobox on GTK 3: a GtkComboBoxText with an entry, whose text is the value. */
#include "uipriv_unix.h"

struct uiEditableCombobox {
	uiControl c;
	GtkWidget *widget;
	GtkWidget *entry;
	gulong changedHandler;
	void (*onChanged)(uiEditableCombobox *c, void *data);
	void *onChangedData;
};

static void editableComboboxFree(uiControl *cc)
{
	uiEditableCombobox *c = (uiEditableCombobox *) cc;

	/* The entry's handler must not outlive the struct either. */
	g_signal_handlers_disconnect_matched(c->entry, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, c);
	uiprivGtkFree(cc);
}

static const uiprivControlVtable editableComboboxVtable = {
	"uiEditableCombobox", 0, editableComboboxFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

/* Public functions reject anything but a live uiEditableCombobox, naming themselves. */
#define checked(x) ((uiEditableCombobox *) uiprivCheck((x), &editableComboboxVtable, __func__))

/* The entry reports both typing and choices from the list (which set its text). */
static void onEntryChanged(GtkEditable *editable, gpointer data)
{
	uiEditableCombobox *c = (uiEditableCombobox *) data;

	(void) editable;
	if (c->onChanged != NULL)
		c->onChanged(c, c->onChangedData);
}

void uiEditableComboboxAppend(uiEditableCombobox *c, const char *text)
{
	char *t;

	if (checked(c) == NULL)
		return;
	t = uiprivSanitize(text);
	gtk_combo_box_text_append_text(GTK_COMBO_BOX_TEXT(c->widget), t);
	uiFreeText(t);
}

char *uiEditableComboboxText(uiEditableCombobox *c)
{
	if (checked(c) == NULL)
		return uiprivSanitize(NULL);
	return uiprivSanitize(gtk_entry_get_text(GTK_ENTRY(c->entry)));
}

void uiEditableComboboxSetText(uiEditableCombobox *c, const char *text)
{
	char *t;

	if (checked(c) == NULL)
		return;
	t = uiprivSanitize(text);
	g_signal_handler_block(c->entry, c->changedHandler);
	gtk_entry_set_text(GTK_ENTRY(c->entry), t);
	g_signal_handler_unblock(c->entry, c->changedHandler);
	uiFreeText(t);
}

void uiEditableComboboxOnChanged(uiEditableCombobox *c, void (*f)(uiEditableCombobox *sender, void *senderData), void *data)
{
	if (checked(c) == NULL)
		return;
	c->onChanged = f;
	c->onChangedData = data;
}

uiEditableCombobox *uiNewEditableCombobox(void)
{
	uiEditableCombobox *c;
	GtkEntryBuffer *buffer;

	if (!uiprivReady(__func__))
		return NULL;
	c = (uiEditableCombobox *) uiprivNewControl(sizeof (uiEditableCombobox), &editableComboboxVtable, 1);
	uiprivGtkAdopt(uiControl(c), gtk_combo_box_text_new_with_entry());
	c->entry = gtk_bin_get_child(GTK_BIN(c->widget));
	/* The same full-length text buffer as uiEntry. */
	buffer = uiprivNewEntryBuffer();
	gtk_entry_set_buffer(GTK_ENTRY(c->entry), buffer);
	g_object_unref(buffer);
	c->changedHandler = g_signal_connect(c->entry, "changed", G_CALLBACK(onEntryChanged), c);
	return c;
}
