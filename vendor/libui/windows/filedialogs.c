/* uiOpenFile, uiOpenFolder, uiSaveFile on Win32: the Vista+ common item dialogs through COM's C interface,
 * and the classic dialogs (GetOpenFileName, GetSaveFileName, SHBrowseForFolder) only when the item dialog
 * cannot be made (COM refused, or a stripped-down system without it). */
#define COBJMACROS
#include "uipriv_windows.h"
#include "osapi.h"
#include <objbase.h>
#include <shobjidl.h>
#include <commdlg.h>
#include <shlobj.h>

/* Our own copies of the ids, so no uuid import library is needed on any toolchain. */
static const CLSID openDialogClass = { 0xdc1c5a9c, 0xe88a, 0x4dde, { 0xa5, 0xa1, 0x60, 0xf8, 0x2a, 0x20, 0xae, 0xf7 } };
static const CLSID saveDialogClass = { 0xc0b4e2f3, 0xba21, 0x4773, { 0x8d, 0xba, 0x33, 0x5e, 0xc9, 0x46, 0xeb, 0x8b } };
static const IID fileDialogInterface = { 0x42f85136, 0xdb7e, 0x439c, { 0x85, 0xf1, 0xe4, 0x07, 0x5d, 0x13, 0x5f, 0xc8 } };

/* Shows d; the chosen path, or NULL when cancelled or failed. */
static char *run(IFileDialog *d, HWND owner, FILEOPENDIALOGOPTIONS extra)
{
	FILEOPENDIALOGOPTIONS opts;
	IShellItem *item = NULL;
	WCHAR *path = NULL;
	char *result = NULL;
	ULONG_PTR cookie;
	HRESULT hr;

	if (FAILED(IFileDialog_GetOptions(d, &opts)))
		opts = 0;
	/* Only real files: a library or a virtual folder has no path to return. */
	IFileDialog_SetOptions(d, opts | extra | FOS_FORCEFILESYSTEM | FOS_NOCHANGEDIR);
	cookie = uiprivActivateComctl();
	hr = IFileDialog_Show(d, owner);
	uiprivDeactivateComctl(cookie);
	if (hr == S_OK && IFileDialog_GetResult(d, &item) == S_OK) {
		if (IShellItem_GetDisplayName(item, SIGDN_FILESYSPATH, &path) == S_OK) {
			result = uiprivFromUTF16(path);
			CoTaskMemFree(path);
		}
		IShellItem_Release(item);
	}
	return result;
}

/* Longest path the classic dialogs return, in UTF-16 units (the long-path limit). */
#define CLASSIC_MAX 32768

typedef BOOL (WINAPI *fileNameFunc)(OPENFILENAMEW *);
typedef PIDLIST_ABSOLUTE (WINAPI *browseFunc)(BROWSEINFOW *);
typedef BOOL (WINAPI *pathFromIdFunc)(PCIDLIST_ABSOLUTE, LPWSTR, DWORD, int);

static char *classicFile(HWND owner, BOOL save)
{
	fileNameFunc f = (fileNameFunc) (void (*)(void)) uiprivComdlgProc(save ? "GetSaveFileNameW" : "GetOpenFileNameW");
	OPENFILENAMEW ofn;
	WCHAR *buf;
	char *result = NULL;
	ULONG_PTR cookie;

	if (f == NULL)
		return NULL;
	buf = (WCHAR *) uiprivAlloc(CLASSIC_MAX * sizeof (WCHAR));
	ZeroMemory(&ofn, sizeof ofn);
	ofn.lStructSize = sizeof ofn;
	ofn.hwndOwner = owner;
	ofn.lpstrFile = buf;
	ofn.nMaxFile = CLASSIC_MAX;
	ofn.Flags = OFN_EXPLORER | OFN_NOCHANGEDIR | OFN_PATHMUSTEXIST |
		(save ? OFN_OVERWRITEPROMPT : OFN_FILEMUSTEXIST);
	cookie = uiprivActivateComctl();
	if (f(&ofn))
		result = uiprivFromUTF16(buf);
	uiprivDeactivateComctl(cookie);
	free(buf);
	return result;
}

static char *classicFolder(HWND owner)
{
	browseFunc browse = (browseFunc) (void (*)(void)) uiprivShellProc("SHBrowseForFolderW");
	pathFromIdFunc toPath = (pathFromIdFunc) (void (*)(void)) uiprivShellProc("SHGetPathFromIDListEx");
	BROWSEINFOW bi;
	PIDLIST_ABSOLUTE id;
	WCHAR *buf;
	char *result = NULL;
	ULONG_PTR cookie;

	if (browse == NULL || toPath == NULL)
		return NULL;
	ZeroMemory(&bi, sizeof bi);
	bi.hwndOwner = owner;
	/* The edit box lets a path be typed, as in the item dialog. */
	bi.ulFlags = BIF_RETURNONLYFSDIRS | BIF_EDITBOX | BIF_NEWDIALOGSTYLE;
	cookie = uiprivActivateComctl();
	id = browse(&bi);
	uiprivDeactivateComctl(cookie);
	if (id == NULL)
		return NULL;
	buf = (WCHAR *) uiprivAlloc(CLASSIC_MAX * sizeof (WCHAR));
	if (toPath(id, buf, CLASSIC_MAX, 0))
		result = uiprivFromUTF16(buf);
	free(buf);
	CoTaskMemFree(id);
	return result;
}

char *uiprivClassicFileDialog(HWND owner, uiprivFileDialogKind kind)
{
	switch (kind) {
	case uiprivFileDialogOpen:
		return classicFile(owner, FALSE);
	case uiprivFileDialogSave:
		return classicFile(owner, TRUE);
	case uiprivFileDialogFolder:
		return classicFolder(owner);
	}
	return NULL;
}

char *uiprivOSFileDialog(uiWindow *parent, uiprivFileDialogKind kind)
{
	HWND owner = parent != NULL ? (HWND) uiControlHandle(uiControl(parent)) : NULL;
	IFileDialog *d = NULL;
	char *result = NULL;
	HRESULT init;

	/* A thread already in another apartment keeps it; the dialog works in either. */
	init = CoInitializeEx(NULL, COINIT_APARTMENTTHREADED | COINIT_DISABLE_OLE1DDE);
	if (CoCreateInstance(kind == uiprivFileDialogSave ? &saveDialogClass : &openDialogClass, NULL,
		CLSCTX_INPROC_SERVER, &fileDialogInterface, (void **) &d) == S_OK) {
		switch (kind) {
		case uiprivFileDialogOpen:
			result = run(d, owner, FOS_FILEMUSTEXIST | FOS_PATHMUSTEXIST);
			break;
		case uiprivFileDialogFolder:
			result = run(d, owner, FOS_PICKFOLDERS | FOS_PATHMUSTEXIST);
			break;
		case uiprivFileDialogSave:
			result = run(d, owner, FOS_OVERWRITEPROMPT | FOS_PATHMUSTEXIST);
			break;
		}
		IFileDialog_Release(d);
	} else
		result = uiprivClassicFileDialog(owner, kind);
	if (SUCCEEDED(init))
		CoUninitialize();
	return result;
}
