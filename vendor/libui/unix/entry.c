/* uiEntry on GTK 3 (the public functions are in common/entry.c). */
#include "uipriv_unix.h"
#include "osapi.h"

struct uiEntry {
	uiControl c;
	GtkWidget *widget;
	gulong changedHandler;
	uiprivEntryShared shared;
};

const uiprivControlVtable uiprivEntryVtable = {
	"uiEntry", 0, uiprivGtkFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

static void onChanged(GtkEditable *editable, gpointer data)
{
	(void) editable;
	uiprivEntryChangedByUser((uiEntry *) data);
}

char *uiprivOSEntryText(uiEntry *e)
{
	return uiprivSanitize(gtk_entry_get_text(GTK_ENTRY(e->widget)));
}

void uiprivOSEntrySetText(uiEntry *e, const char *text)
{
	/* The handler is for the user's edits only. */
	g_signal_handler_block(e->widget, e->changedHandler);
	gtk_entry_set_text(GTK_ENTRY(e->widget), text);
	g_signal_handler_unblock(e->widget, e->changedHandler);
}

int uiprivOSEntryReadOnly(uiEntry *e)
{
	return gtk_editable_get_editable(GTK_EDITABLE(e->widget)) == FALSE;
}

void uiprivOSEntrySetReadOnly(uiEntry *e, int readonly)
{
	gtk_editable_set_editable(GTK_EDITABLE(e->widget), readonly == 0);
}

uiEntry *uiprivOSNewEntry(uiprivEntryKind kind)
{
	uiEntry *e = (uiEntry *) uiprivNewControl(sizeof (uiEntry), &uiprivEntryVtable, 1);
	GtkEntryBuffer *buffer = uiprivNewEntryBuffer();
	GtkWidget *widget = kind == uiprivEntrySearch ? gtk_search_entry_new() : gtk_entry_new();

	e->c.shared = &e->shared;
	gtk_entry_set_buffer(GTK_ENTRY(widget), buffer);
	uiprivGtkAdopt(uiControl(e), widget);
	g_object_unref(buffer);
	if (kind == uiprivEntryPassword) {
		gtk_entry_set_visibility(GTK_ENTRY(e->widget), FALSE);
		gtk_entry_set_input_purpose(GTK_ENTRY(e->widget), GTK_INPUT_PURPOSE_PASSWORD);
	}
	/* "changed", not the search entry's delayed "search-changed": uiEntrySetText must be able to keep the handler out. */
	e->changedHandler = g_signal_connect(e->widget, "changed", G_CALLBACK(onChanged), e);
	return e;
}
