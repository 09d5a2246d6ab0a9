/* uiOpenFile, uiOpenFolder, uiSaveFile, uiMsgBox and uiMsgBoxError: the argument rules, once; the
 * backends show the dialogs (hooks in osapi.h). */
#include "osapi.h"

static char *fileDialog(uiWindow *parent, uiprivFileDialogKind kind, const char *func)
{
	if (!uiprivReady(func))
		return NULL;
	/* NULL is allowed (no owner window); anything else must be a live window. */
	if (parent != NULL && uiprivCheck(parent, &uiprivWindowVtable, func) == NULL)
		return NULL;
	return uiprivOSFileDialog(parent, kind);
}

char *uiOpenFile(uiWindow *parent)
{
	return fileDialog(parent, uiprivFileDialogOpen, __func__);
}

char *uiOpenFolder(uiWindow *parent)
{
	return fileDialog(parent, uiprivFileDialogFolder, __func__);
}

char *uiSaveFile(uiWindow *parent)
{
	return fileDialog(parent, uiprivFileDialogSave, __func__);
}

static void msgBox(uiWindow *parent, const char *title, const char *description, int error)
{
	char *t, *d;

	/* A bad parent is dropped rather than rejecting the message. */
	if (!uiprivControlIs(uiControl(parent), &uiprivWindowVtable))
		parent = NULL;
	t = uiprivSanitize(title);
	d = uiprivSanitize(description);
	uiprivOSMsgBox(parent, t, d, error);
	uiFreeText(t);
	uiFreeText(d);
}

void uiMsgBox(uiWindow *parent, const char *title, const char *description)
{
	msgBox(parent, title, description, 0);
}

void uiMsgBoxError(uiWindow *parent, const char *title, const char *description)
{
	msgBox(parent, title, description, 1);
}
