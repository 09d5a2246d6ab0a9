/* uiMultilineEntry on GTK 3: a GtkTextView in a GtkScrolledWindow (the control's widget); the
 * public functions are in common/multilineentry.c. */
#include "uipriv_unix.h"
#include "osapi.h"

struct uiMultilineEntry {
	uiControl c;
	GtkWidget *widget;
	GtkWidget *view;
	GtkTextBuffer *buffer;
	gulong changedHandler;
	uiprivMultilineEntryShared shared;
};

static void multilineEntryFree(uiControl *c)
{
	uiMultilineEntry *e = (uiMultilineEntry *) c;

	/* The buffer's handler must not outlive the struct either. */
	g_signal_handler_disconnect(e->buffer, e->changedHandler);
	uiprivGtkFree(c);
}

const uiprivControlVtable uiprivMultilineEntryVtable = {
	"uiMultilineEntry", 0, multilineEntryFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

static void onChanged(GtkTextBuffer *buffer, gpointer data)
{
	(void) buffer;
	uiprivMultilineEntryChangedByUser((uiMultilineEntry *) data);
}

char *uiprivOSMultilineEntryText(uiMultilineEntry *e)
{
	GtkTextIter start, end;
	char *raw, *text;

	gtk_text_buffer_get_bounds(e->buffer, &start, &end);
	raw = gtk_text_buffer_get_text(e->buffer, &start, &end, TRUE);
	text = uiprivSanitize(raw);
	g_free(raw);
	return text;
}

void uiprivOSMultilineEntrySetText(uiMultilineEntry *e, const char *text)
{
	g_signal_handler_block(e->buffer, e->changedHandler);
	gtk_text_buffer_set_text(e->buffer, text, -1);
	g_signal_handler_unblock(e->buffer, e->changedHandler);
}

void uiprivOSMultilineEntryAppend(uiMultilineEntry *e, const char *text)
{
	GtkTextIter end;

	gtk_text_buffer_get_end_iter(e->buffer, &end);
	g_signal_handler_block(e->buffer, e->changedHandler);
	gtk_text_buffer_insert(e->buffer, &end, text, -1);
	g_signal_handler_unblock(e->buffer, e->changedHandler);
}

int uiprivOSMultilineEntryReadOnly(uiMultilineEntry *e)
{
	return gtk_text_view_get_editable(GTK_TEXT_VIEW(e->view)) == FALSE;
}

void uiprivOSMultilineEntrySetReadOnly(uiMultilineEntry *e, int readonly)
{
	gtk_text_view_set_editable(GTK_TEXT_VIEW(e->view), readonly == 0);
}

uiMultilineEntry *uiprivOSNewMultilineEntry(int wrap)
{
	uiMultilineEntry *e = (uiMultilineEntry *) uiprivNewControl(sizeof (uiMultilineEntry), &uiprivMultilineEntryVtable, 1);

	e->c.shared = &e->shared;
	uiprivGtkAdopt(uiControl(e), gtk_scrolled_window_new(NULL, NULL));
	gtk_scrolled_window_set_policy(GTK_SCROLLED_WINDOW(e->widget), wrap ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC,
		GTK_POLICY_AUTOMATIC);
	gtk_scrolled_window_set_shadow_type(GTK_SCROLLED_WINDOW(e->widget), GTK_SHADOW_IN);
	e->view = gtk_text_view_new();
	gtk_text_view_set_wrap_mode(GTK_TEXT_VIEW(e->view), wrap ? GTK_WRAP_WORD_CHAR : GTK_WRAP_NONE);
	gtk_container_add(GTK_CONTAINER(e->widget), e->view);
	gtk_widget_show(e->view);
	e->buffer = gtk_text_view_get_buffer(GTK_TEXT_VIEW(e->view));
	e->changedHandler = g_signal_connect(e->buffer, "changed", G_CALLBACK(onChanged), e);
	return e;
}
