/* uiEntry on GTK 3. */
#include "uipriv_unix.h"

struct uiEntry {
	uiControl c;
	GtkWidget *widget;
	gulong changedHandler;
	void (*onChanged)(uiEntry *e, void *data);
	void *onChangedData;
};

static const uiprivControlVtable entryVtable = {
	"uiEntry", 0, uiprivGtkFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

/* Public functions reject anything but a live uiEntry, naming themselves. */
#define checked(x) ((uiEntry *) uiprivCheck((x), &entryVtable, __func__))

static void onChanged(GtkEditable *editable, gpointer data)
{
	uiEntry *e = (uiEntry *) data;

	(void) editable;
	if (e->onChanged != NULL)
		e->onChanged(e, e->onChangedData);
}

char *uiEntryText(uiEntry *e)
{
	if (checked(e) == NULL)
		return uiprivSanitize(NULL);
	return uiprivSanitize(gtk_entry_get_text(GTK_ENTRY(e->widget)));
}

void uiEntrySetText(uiEntry *e, const char *text)
{
	char *t;

	if (checked(e) == NULL)
		return;
	t = uiprivSanitize(text);
	/* The handler is for the user's edits only. */
	g_signal_handler_block(e->widget, e->changedHandler);
	gtk_entry_set_text(GTK_ENTRY(e->widget), t);
	g_signal_handler_unblock(e->widget, e->changedHandler);
	uiFreeText(t);
}

void uiEntryOnChanged(uiEntry *e, void (*f)(uiEntry *e, void *data), void *data)
{
	if (checked(e) == NULL)
		return;
	e->onChanged = f;
	e->onChangedData = data;
}

int uiEntryReadOnly(uiEntry *e)
{
	if (checked(e) == NULL)
		return 0;
	return gtk_editable_get_editable(GTK_EDITABLE(e->widget)) == FALSE;
}

void uiEntrySetReadOnly(uiEntry *e, int readonly)
{
	if (checked(e) == NULL)
		return;
	gtk_editable_set_editable(GTK_EDITABLE(e->widget), readonly == 0);
}

static uiEntry *newEntry(int password, int search)
{
	uiEntry *e = (uiEntry *) uiprivNewControl(sizeof (uiEntry), &entryVtable, 1);
	GtkEntryBuffer *buffer = uiprivNewEntryBuffer();
	GtkWidget *widget = search ? gtk_search_entry_new() : gtk_entry_new();

	gtk_entry_set_buffer(GTK_ENTRY(widget), buffer);
	uiprivGtkAdopt(uiControl(e), widget);
	g_object_unref(buffer);
	if (password) {
		gtk_entry_set_visibility(GTK_ENTRY(e->widget), FALSE);
		gtk_entry_set_input_purpose(GTK_ENTRY(e->widget), GTK_INPUT_PURPOSE_PASSWORD);
	}
	e->changedHandler = g_signal_connect(e->widget, "changed", G_CALLBACK(onChanged), e);
	return e;
}

uiEntry *uiNewEntry(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return newEntry(0, 0);
}

uiEntry *uiNewPasswordEntry(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return newEntry(1, 0);
}

uiEntry *uiNewSearchEntry(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	/* "changed", not the delayed "search-changed": uiEntrySetText must be able to keep the handler out. */
	return newEntry(0, 1);
}
