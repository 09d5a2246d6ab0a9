/* uiMultilineEntry on GTK 3: a GtkTextView in a GtkScrolledWindow (the control's widget). */
#include <string.h>
#include "uipriv_unix.h"

struct uiMultilineEntry {
	uiControl c;
	GtkWidget *widget;
	GtkWidget *view;
	GtkTextBuffer *buffer;
	gulong changedHandler;
	void (*onChanged)(uiMultilineEntry *e, void *data);
	void *onChangedData;
};

static void multilineEntryFree(uiControl *c)
{
	uiMultilineEntry *e = (uiMultilineEntry *) c;

	/* The buffer's handler must not outlive the struct either. */
	g_signal_handler_disconnect(e->buffer, e->changedHandler);
	uiprivGtkFree(c);
}

static const uiprivControlVtable multilineEntryVtable = {
	"uiMultilineEntry", 0, multilineEntryFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

/* Public functions reject anything but a live uiMultilineEntry, naming themselves. */
#define checked(x) ((uiMultilineEntry *) uiprivCheck((x), &multilineEntryVtable, __func__))

static void onChanged(GtkTextBuffer *buffer, gpointer data)
{
	uiMultilineEntry *e = (uiMultilineEntry *) data;

	(void) buffer;
	if (e->onChanged != NULL)
		e->onChanged(e, e->onChangedData);
}

/* The whole text, as GTK holds it (not yet cut); free with g_free. */
static char *rawText(uiMultilineEntry *e)
{
	GtkTextIter start, end;

	gtk_text_buffer_get_bounds(e->buffer, &start, &end);
	return gtk_text_buffer_get_text(e->buffer, &start, &end, TRUE);
}

char *uiMultilineEntryText(uiMultilineEntry *e)
{
	char *raw, *text;

	if (checked(e) == NULL)
		return uiprivSanitize(NULL);
	raw = rawText(e);
	text = uiprivSanitize(raw);
	g_free(raw);
	return text;
}

void uiMultilineEntrySetText(uiMultilineEntry *e, const char *text)
{
	char *t;

	if (checked(e) == NULL)
		return;
	t = uiprivSanitize(text);
	g_signal_handler_block(e->buffer, e->changedHandler);
	gtk_text_buffer_set_text(e->buffer, t, -1);
	g_signal_handler_unblock(e->buffer, e->changedHandler);
	uiFreeText(t);
}

void uiMultilineEntryAppend(uiMultilineEntry *e, const char *text)
{
	GtkTextIter end;
	char *raw, *t;

	if (checked(e) == NULL)
		return;
	raw = rawText(e);
	t = uiprivSanitizeFit(text, strlen(raw));
	g_free(raw);
	gtk_text_buffer_get_end_iter(e->buffer, &end);
	g_signal_handler_block(e->buffer, e->changedHandler);
	gtk_text_buffer_insert(e->buffer, &end, t, -1);
	g_signal_handler_unblock(e->buffer, e->changedHandler);
	uiFreeText(t);
}

void uiMultilineEntryOnChanged(uiMultilineEntry *e, void (*f)(uiMultilineEntry *sender, void *senderData), void *data)
{
	if (checked(e) == NULL)
		return;
	e->onChanged = f;
	e->onChangedData = data;
}

int uiMultilineEntryReadOnly(uiMultilineEntry *e)
{
	if (checked(e) == NULL)
		return 0;
	return gtk_text_view_get_editable(GTK_TEXT_VIEW(e->view)) == FALSE;
}

void uiMultilineEntrySetReadOnly(uiMultilineEntry *e, int readonly)
{
	if (checked(e) == NULL)
		return;
	gtk_text_view_set_editable(GTK_TEXT_VIEW(e->view), readonly == 0);
}

static uiMultilineEntry *newMultilineEntry(int wrap)
{
	uiMultilineEntry *e = (uiMultilineEntry *) uiprivNewControl(sizeof (uiMultilineEntry), &multilineEntryVtable, 1);

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

uiMultilineEntry *uiNewMultilineEntry(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return newMultilineEntry(1);
}

uiMultilineEntry *uiNewNonWrappingMultilineEntry(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return newMultilineEntry(0);
}
