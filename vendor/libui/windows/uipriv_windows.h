/* Private declarations of the Win32 backend. */
#ifndef UIPRIV_WINDOWS_H
#define UIPRIV_WINDOWS_H

/* Windows 10 declarations. Set here rather than on the command line because some toolchains
 * (zig cc) already pass their own _WIN32_WINNT, and a second definition warns in every file.
 * This header comes first in every backend file, before any system header can pick a default. */
#ifndef WINVER
#define WINVER 0x0A00
#endif
#ifndef _WIN32_WINNT
#define _WIN32_WINNT 0x0A00
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>
#include <commctrl.h>
/* The hooks too: filedialogs.c's classic dialog below takes a uiprivFileDialogKind. */
#include "osapi.h"

/* What a window's layout pass knows: a DC with the window's font selected and its dialog base units. */
typedef struct uiprivMetrics {
	HDC dc;
	UINT dpi;
	int baseX, baseY;
} uiprivMetrics;

int uiprivDluX(const uiprivMetrics *m, int dlu);
int uiprivDluY(const uiprivMetrics *m, int dlu);

/* Backend part of a vtable (uiprivControlVtable.os) for controls that live inside a window. */
typedef struct uiprivWinHooks {
	/* Smallest size the control needs, in pixels. */
	void (*minSize)(uiControl *c, const uiprivMetrics *m, int *width, int *height);
	/* Places the control in its native parent's client coordinates. */
	void (*layout)(uiControl *c, const uiprivMetrics *m, int x, int y, int width, int height);
	/* Moves the native object under parent (NULL: back to the hidden parking window). */
	void (*setNativeParent)(uiControl *c, HWND parent);
	/* A WM_COMMAND notification code from the control's HWND. */
	void (*command)(uiControl *c, WORD code);
	/* A WM_HSCROLL/WM_VSCROLL request code (TB_*) from the control's HWND (trackbars). */
	void (*scroll)(uiControl *c, WORD code);
	/* A WM_NOTIFY from the control's HWND; returns whether it handled it, with the answer in *result. */
	BOOL (*notify)(uiControl *c, NMHDR *nm, LRESULT *result);
} uiprivWinHooks;

#define uiprivHooks(c) ((const uiprivWinHooks *) (c)->vt->os)

/* Every Win32 control starts with these two members. */
typedef struct uiprivWinControl {
	uiControl c;
	HWND hwnd;
} uiprivWinControl;

#define uiprivHwnd(c) (((uiprivWinControl *) (c))->hwnd)

/* main.c */
extern HINSTANCE uiprivInstance;
extern HWND uiprivParkingWindow;
extern HFONT uiprivDefaultFont;
extern const WCHAR uiprivBoxClass[];
extern const WCHAR uiprivWindowClass[];
LRESULT CALLBACK uiprivWindowWndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam);

/* comctl.c: Common Controls 6 through our own activation context. */
const char *uiprivInitComctl(void);
void uiprivUninitComctl(void);
ULONG_PTR uiprivActivateComctl(void);
void uiprivDeactivateComctl(ULONG_PTR cookie);

/* dpi.c */
void uiprivInitDpi(void);
UINT uiprivWindowDpi(HWND hwnd);
UINT uiprivSystemDpi(void);
HFONT uiprivCreateMessageFont(UINT dpi);
void uiprivFontBaseUnits(HFONT font, int *baseX, int *baseY);
BOOL uiprivAdjustWindowRect(RECT *r, DWORD style, BOOL menu, DWORD exStyle, UINT dpi);

/* text.c */
WCHAR *uiprivToUTF16(const char *s);
char *uiprivFromUTF16(const WCHAR *s);
char *uiprivWindowTextUTF8(HWND hwnd);
void uiprivSetWindowTextUTF8(HWND hwnd, const char *text);
WCHAR *uiprivWindowTextW(HWND hwnd);
SIZE uiprivTextExtent(HDC dc, HWND hwnd);

/* control.c */
/* Window property linking a native child to its uiControl. */
extern const WCHAR uiprivControlProp[];
HWND uiprivCreateControlWindow(DWORD exStyle, LPCWSTR className, DWORD style, uiControl *owner);
uintptr_t uiprivWinHandle(uiControl *c);
void uiprivWinSyncVisible(uiControl *c);
void uiprivWinSyncEnabled(uiControl *c);
void uiprivWinFree(uiControl *c);
void uiprivWinLayout(uiControl *c, const uiprivMetrics *m, int x, int y, int width, int height);
void uiprivWinSetNativeParent(uiControl *c, HWND parent);
void uiprivSetFontTree(HWND hwnd, HFONT font);
/* Handles WM_COMMAND from one of our controls; returns whether it was one. */
BOOL uiprivForwardCommand(WPARAM wParam, LPARAM lParam);
/* WM_NEXTDLGCTL in a non-dialog window: moves the focus as a dialog would. */
BOOL uiprivNextDialogControl(WPARAM wParam, LPARAM lParam);
/* Handles WM_HSCROLL/WM_VSCROLL from one of our controls; returns whether it was one. */
BOOL uiprivForwardScroll(WPARAM wParam, LPARAM lParam);
/* Handles WM_NOTIFY from one of our controls; returns whether it was one that answered, with *result. */
BOOL uiprivForwardNotify(LPARAM lParam, LRESULT *result);
/* Lays out the window holding c, if any, after c changed size or visibility. */
void uiprivRelayout(uiControl *c);

/* combobox.c: inserts text (index -1: at the end) into either kind of COMBOBOX. */
void uiprivComboInsert(HWND hwnd, int index, const char *text);

/* menus.c: a window's menu bar (NULL when there are no menus), forgotten before its window is destroyed. */
HMENU uiprivMakeMenubar(void);
void uiprivForgetMenubar(HMENU bar);
/* Handles WM_COMMAND from a menu bar item; returns whether it was one. */
BOOL uiprivMenuCommand(uiWindow *w, WPARAM wParam, LPARAM lParam);

/* comdlg.c: a function of comdlg32.dll or shell32.dll, loaded on first use; NULL if missing. */
FARPROC uiprivComdlgProc(const char *name);
FARPROC uiprivShellProc(const char *name);

/* filedialogs.c: the classic dialogs, used when the item dialog cannot be made (not static, so
 * the GUI tests can show them too). */
char *uiprivClassicFileDialog(HWND owner, uiprivFileDialogKind kind);
/* The size of a push button showing its text, for the buttons that open these dialogs. */
void uiprivButtonMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height);

/* draw.c: how an area paints.  Direct2D through one DC render target per area; GDI+ (gdiplus.c) when no
 * render target can be made here (no GPU driver, Wine without OpenGL) or when LIBUI_AREA_RENDERER=gdiplus. */
typedef struct uiprivAreaRenderer {
	/* The area's ID2D1DCRenderTarget, made at the first paint; NULL before and after a device loss. */
	void *target;
	int gdiplus;
	/* "direct2d" or "gdiplus" once it has drawn (uixAreaRenderer). */
	const char *used;
} uiprivAreaRenderer;
void uiprivAreaRendererInit(uiprivAreaRenderer *r);
void uiprivAreaRendererFree(uiprivAreaRenderer *r);
/* Paints area a (hwnd) from its handler ah during WM_PAINT: dc and dirty from BeginPaint, scrolled by
 * (hpos, vpos); width and height are what uiAreaDrawParams reports. */
void uiprivAreaRender(uiprivAreaRenderer *r, uiArea *a, uiAreaHandler *ah, HWND hwnd, HDC dc, const RECT *dirty, int hpos, int vpos, double width, double height);
/* Releases the Direct2D factory and shuts GDI+ down (uiUninit, through area.c's uiprivAreaUninit). */
void uiprivDrawUninit(void);
void uiprivAreaUninit(void);

/* The current transform of a live context, as DirectWrite's renderer asks for it (GDI+: identity). */
void uiprivDrawCurrentTransform(uiDrawContext *c, FLOAT *m11, FLOAT *m12, FLOAT *m21, FLOAT *m22, FLOAT *dx, FLOAT *dy);
/* Draws a DWRITE_GLYPH_RUN (run) with its baseline origin at (x, y) in colour rgba through Direct2D
 * (mode: its DWRITE_MEASURING_MODE); 0 when c draws through GDI+, which cannot. */
int uiprivDrawGlyphRun(uiDrawContext *c, FLOAT x, FLOAT y, int mode, const void *run, const double rgba[4]);
/* textlayout.c: releases the DirectWrite factory (uiprivDrawUninit). */
void uiprivTextUninit(void);

/* gdiplus.c: the GDI+ flat API (gdiplus.dll, loaded on first use) behind the same steps as Direct2D. */
typedef struct uiprivGdipContext uiprivGdipContext;
/* Starts GDI+ if needed and makes a context drawing on dc; NULL if GDI+ is missing. */
uiprivGdipContext *uiprivGdipBegin(HDC dc);
void uiprivGdipEnd(uiprivGdipContext *g);
void uiprivGdipTranslate(uiprivGdipContext *g, double dx, double dy);
void uiprivGdipClear(uiprivGdipContext *g, COLORREF color);
void uiprivGdipFill(uiprivGdipContext *g, uiDrawPath *path, uiDrawBrush *b);
void uiprivGdipStroke(uiprivGdipContext *g, uiDrawPath *path, uiDrawBrush *b, uiDrawStrokeParams *p);
void uiprivGdipTransform(uiprivGdipContext *g, uiDrawMatrix *m);
void uiprivGdipClip(uiprivGdipContext *g, uiDrawPath *path);
void uiprivGdipSave(uiprivGdipContext *g);
void uiprivGdipRestore(uiprivGdipContext *g);
void uiprivGdipShutdown(void);

/* window.c */
extern const uiprivControlVtable uiprivWindowVtable;
void uiprivWindowRelayout(uiWindow *w);

/* image.c: draws i at its size in points for dpi (the best of its sizes), shrunk to fit box if
 * needed, at box's left edge, centred vertically. */
void uiprivDrawImage(HDC dc, uiImage *i, UINT dpi, const RECT *box);

#endif
