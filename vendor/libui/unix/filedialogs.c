/* uiOpenFile, uiOpenFolder, uiSaveFile on GTK 3: a modal GtkFileChooserDialog. */
#include "uipriv_unix.h"
#include "osapi.h"

char *uiprivOSFileDialog(uiWindow *parent, uiprivFileDialogKind kind)
{
	static const struct {
		const char *title;
		GtkFileChooserAction action;
		const char *accept;
	} kinds[] = {
		{ "Open File", GTK_FILE_CHOOSER_ACTION_OPEN, "_Open" },
		{ "Open Folder", GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, "_Open" },
		{ "Save File", GTK_FILE_CHOOSER_ACTION_SAVE, "_Save" },
	};
	GtkWindow *owner = parent != NULL ? GTK_WINDOW(uiprivWidget(parent)) : NULL;
	GtkWidget *d;
	char *result = NULL;

	d = gtk_file_chooser_dialog_new(kinds[kind].title, owner, kinds[kind].action, "_Cancel", GTK_RESPONSE_CANCEL,
		kinds[kind].accept, GTK_RESPONSE_ACCEPT, NULL);
	gtk_window_set_modal(GTK_WINDOW(d), TRUE);
	/* Paths only: a remote location has none to return. */
	gtk_file_chooser_set_local_only(GTK_FILE_CHOOSER(d), TRUE);
	gtk_file_chooser_set_do_overwrite_confirmation(GTK_FILE_CHOOSER(d), kind == uiprivFileDialogSave);
	if (gtk_dialog_run(GTK_DIALOG(d)) == GTK_RESPONSE_ACCEPT) {
		char *path = gtk_file_chooser_get_filename(GTK_FILE_CHOOSER(d));

		/* File names are bytes; ours are UTF-8, with U+FFFD for what is not. */
		if (path != NULL)
			result = uiprivSanitize(path);
		g_free(path);
	}
	gtk_widget_destroy(d);
	return result;
}
