/* uiMsgBox and uiMsgBoxError on GTK 3: a modal GtkMessageDialog (the public functions are in
 * common/dialogs.c). */
#include "uipriv_unix.h"
#include "osapi.h"

void uiprivOSMsgBox(uiWindow *parent, const char *title, const char *description, int error)
{
	GtkWindow *owner = NULL;
	GtkWidget *dialog;

	if (parent != NULL)
		owner = GTK_WINDOW((GtkWidget *) uiControlHandle(uiControl(parent)));
	dialog = gtk_message_dialog_new(owner, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
		error ? GTK_MESSAGE_ERROR : GTK_MESSAGE_INFO, GTK_BUTTONS_OK, "%s", title);
	gtk_message_dialog_format_secondary_text(GTK_MESSAGE_DIALOG(dialog), "%s", description);
	gtk_dialog_run(GTK_DIALOG(dialog));
	gtk_widget_destroy(dialog);
}
