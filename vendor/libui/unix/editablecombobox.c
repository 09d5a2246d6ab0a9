/* uiEditableCombobox on GTK 3: a GtkComboBoxText with an entry, whose text is the value
 * (the public functions are in common/editablecombobox.c). */
#include "uipriv_unix.h"
#include "osapi.h"

struct uiEditableCombobox {
	uiControl c;
	GtkWidget *widget;
	GtkWidget *entry;
	gulong changedHandler;
	uiprivEditableComboboxShared shared;
};

static void editableComboboxFree(uiControl *cc)
{
	uiEditableCombobox *c = (uiEditableCombobox *) cc;

	/* The entry's handler must not outlive the struct either. */
	g_signal_handlers_disconnect_matched(c->entry, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, c);
	uiprivGtkFree(cc);
}

const uiprivControlVtable uiprivEditableComboboxVtable = {
	"uiEditableCombobox", 0, editableComboboxFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

/* The entry reports both typing and choices from the list (which set its text). */
static void onEntryChanged(GtkEditable *editable, gpointer data)
{
	(void) editable;
	uiprivEditableComboboxChangedByUser((uiEditableCombobox *) data);
}

void uiprivOSEditableComboboxAppend(uiEditableCombobox *c, const char *text)
{
	gtk_combo_box_text_append_text(GTK_COMBO_BOX_TEXT(c->widget), text);
}

char *uiprivOSEditableComboboxText(uiEditableCombobox *c)
{
	return uiprivSanitize(gtk_entry_get_text(GTK_ENTRY(c->entry)));
}

void uiprivOSEditableComboboxSetText(uiEditableCombobox *c, const char *text)
{
	g_signal_handler_block(c->entry, c->changedHandler);
	gtk_entry_set_text(GTK_ENTRY(c->entry), text);
	g_signal_handler_unblock(c->entry, c->changedHandler);
}

uiEditableCombobox *uiprivOSNewEditableCombobox(void)
{
	uiEditableCombobox *c = (uiEditableCombobox *) uiprivNewControl(sizeof (uiEditableCombobox), &uiprivEditableComboboxVtable, 1);
	GtkEntryBuffer *buffer;

	c->c.shared = &c->shared;
	uiprivGtkAdopt(uiControl(c), gtk_combo_box_text_new_with_entry());
	c->entry = gtk_bin_get_child(GTK_BIN(c->widget));
	/* The same full-length text buffer as uiEntry. */
	buffer = uiprivNewEntryBuffer();
	gtk_entry_set_buffer(GTK_ENTRY(c->entry), buffer);
	g_object_unref(buffer);
	c->changedHandler = g_signal_connect(c->entry, "changed", G_CALLBACK(onEntryChanged), c);
	return c;
}
