/* uiMsgBox and uiMsgBoxError on GTK 3: a modal GtkMessageDialog. */
#include "uipriv_unix.h"

static void msgbox(uiWindow *parent, const char *title, const char *description, GtkMessageType type)
{
	GtkWindow *owner = NULL;
	GtkWidget *dialog;
	char *t, *d;

	/* A bad parent is dropped rather than rejecting the message. */
	if (uiprivControlIs(uiControl(parent), &uiprivWindowVtable))
		owner = GTK_WINDOW((GtkWidget *) uiControlHandle(uiControl(parent)));
	t = uiprivSanitize(title);
	d = uiprivSanitize(description);
	dialog = gtk_message_dialog_new(owner, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT, type, GTK_BUTTONS_OK, "%s", t);
	gtk_message_dialog_format_secondary_text(GTK_MESSAGE_DIALOG(dialog), "%s", d);
	gtk_dialog_run(GTK_DIALOG(dialog));
	gtk_widget_destroy(dialog);
	uiFreeText(t);
	uiFreeText(d);
}

void uiMsgBox(uiWindow *parent, const char *title, const char *description)
{
	msgbox(parent, title, description, GTK_MESSAGE_INFO);
}

void uiMsgBoxError(uiWindow *parent, const char *title, const char *description)
{
	msgbox(parent, title, description, GTK_MESSAGE_ERROR);
}
