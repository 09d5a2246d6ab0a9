/* ui_extras.h on GTK 3: the CLIPBOARD selection and GtkEntry's "activate". */
#include "uipriv_unix.h"
#include "osapi.h"

#define activatedKey "uix-activated"

int uiprivOSClipboardSet(const char *text)
{
	GtkClipboard *clipboard = gtk_clipboard_get(GDK_SELECTION_CLIPBOARD);

	if (clipboard == NULL)
		return 0;
	gtk_clipboard_set_text(clipboard, text, -1);
	/* Offer the text to a clipboard manager, so it outlives this process. */
	gtk_clipboard_set_can_store(clipboard, NULL, 0);
	gtk_clipboard_store(clipboard);
	return 1;
}

char *uiprivOSClipboardGet(void)
{
	GtkClipboard *clipboard = gtk_clipboard_get(GDK_SELECTION_CLIPBOARD);
	gchar *raw;
	char *clean;

	if (clipboard == NULL)
		return NULL;
	raw = gtk_clipboard_wait_for_text(clipboard);
	if (raw == NULL)
		return NULL;
	clean = uiprivSanitize(raw);
	g_free(raw);
	return clean;
}

typedef struct activated {
	uiEntry *e;
	void (*f)(uiEntry *e, void *data);
	void *data;
} activated;

static void onActivate(GtkEntry *entry, gpointer unused)
{
	activated *a = (activated *) g_object_get_data(G_OBJECT(entry), activatedKey);

	(void) unused;
	if (a != NULL && a->f != NULL)
		a->f(a->e, a->data);
}

void uiprivOSEntryActivatedSet(uiEntry *e, uintptr_t handle, void (*f)(uiEntry *e, void *data), void *data)
{
	GtkWidget *widget = (GtkWidget *) handle;
	activated *a;

	if (!GTK_IS_ENTRY(widget))
		return;
	a = (activated *) g_object_get_data(G_OBJECT(widget), activatedKey);
	if (a == NULL) {
		/* Freed with the widget; the signal is connected once. */
		a = g_new0(activated, 1);
		g_object_set_data_full(G_OBJECT(widget), activatedKey, a, g_free);
		g_signal_connect(widget, "activate", G_CALLBACK(onActivate), NULL);
	}
	a->e = e;
	a->f = f;
	a->data = data;
}
