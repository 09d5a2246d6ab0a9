/* uiOpenFile, uiOpenFolder and uiSaveFile: the argument rules, once; the backends show the dialogs. */
#include "uipriv.h"

static char *fileDialog(uiWindow *parent, uiprivFileDialogKind kind, const char *func)
{
	if (!uiprivReady(func))
		return NULL;
	/* NULL is allowed (no owner window); anything else must be a live window. */
	if (parent != NULL && uiprivCheck(parent, &uiprivWindowVtable, func) == NULL)
		return NULL;
	return uiprivFileDialog(parent, kind);
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
