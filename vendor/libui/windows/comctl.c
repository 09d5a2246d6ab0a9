/* Common Controls 6 for our windows even when the host exe has no manifest:
 * a private activation context made from a small manifest, active around
 * every window we create. */
#include "uipriv_windows.h"

static const char manifest[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
	"<assembly xmlns=\"urn:schemas-microsoft-com:asm.v1\" manifestVersion=\"1.0\">\r\n"
	"<dependency><dependentAssembly>\r\n"
	"<assemblyIdentity type=\"win32\" name=\"Microsoft.Windows.Common-Controls\" version=\"6.0.0.0\""
	" processorArchitecture=\"*\" publicKeyToken=\"6595b64144ccf1df\" language=\"*\"/>\r\n"
	"</dependentAssembly></dependency>\r\n"
	"</assembly>\r\n";

static HANDLE actCtx = INVALID_HANDLE_VALUE;
static HMODULE comctl;

typedef BOOL (WINAPI *iccFunc)(const INITCOMMONCONTROLSEX *);

static HANDLE createActCtx(void)
{
	WCHAR dir[MAX_PATH + 1], path[MAX_PATH + 1];
	ACTCTXW ac;
	HANDLE file, ctx;
	DWORD written = 0;
	BOOL ok;

	if (GetTempPathW(MAX_PATH, dir) == 0 || GetTempFileNameW(dir, L"uim", 0, path) == 0)
		return INVALID_HANDLE_VALUE;
	file = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_TEMPORARY, NULL);
	if (file == INVALID_HANDLE_VALUE) {
		DeleteFileW(path);
		return INVALID_HANDLE_VALUE;
	}
	ok = WriteFile(file, manifest, (DWORD) (sizeof manifest - 1), &written, NULL);
	CloseHandle(file);
	ctx = INVALID_HANDLE_VALUE;
	if (ok && written == sizeof manifest - 1) {
		ZeroMemory(&ac, sizeof ac);
		ac.cbSize = sizeof ac;
		ac.lpSource = path;
		ctx = CreateActCtxW(&ac);
	}
	/* The context keeps what it parsed; the file is no longer needed. */
	DeleteFileW(path);
	return ctx;
}

const char *uiprivInitComctl(void)
{
	INITCOMMONCONTROLSEX icc;
	iccFunc icce;
	ULONG_PTR cookie;

	actCtx = createActCtx();
	/* Loading by name inside the context gets the side-by-side v6 DLL, not the v5 one in system32. */
	cookie = uiprivActivateComctl();
	comctl = LoadLibraryW(L"comctl32.dll");
	uiprivDeactivateComctl(cookie);
	if (comctl == NULL)
		return "uiInit: comctl32.dll could not be loaded";
	icce = (iccFunc) (void (*)(void)) GetProcAddress(comctl, "InitCommonControlsEx");
	if (icce == NULL)
		return "uiInit: comctl32.dll has no InitCommonControlsEx";
	ZeroMemory(&icc, sizeof icc);
	icc.dwSize = sizeof icc;
	icc.dwICC = ICC_STANDARD_CLASSES | ICC_WIN95_CLASSES | ICC_DATE_CLASSES;
	if (!icce(&icc))
		return "uiInit: InitCommonControlsEx failed";
	return NULL;
}

void uiprivUninitComctl(void)
{
	if (comctl != NULL) {
		FreeLibrary(comctl);
		comctl = NULL;
	}
	if (actCtx != INVALID_HANDLE_VALUE) {
		ReleaseActCtx(actCtx);
		actCtx = INVALID_HANDLE_VALUE;
	}
}

ULONG_PTR uiprivActivateComctl(void)
{
	ULONG_PTR cookie = 0;

	/* Without a context (creation failed) windows simply get the host's comctl32. */
	if (actCtx != INVALID_HANDLE_VALUE && !ActivateActCtx(actCtx, &cookie))
		cookie = 0;
	return cookie;
}

void uiprivDeactivateComctl(ULONG_PTR cookie)
{
	if (cookie != 0)
		DeactivateActCtx(0, cookie);
}
