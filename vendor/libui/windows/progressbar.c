/* uiProgressBar on Win32: a Common Controls progress bar; marquee style while indeterminate (-1) (the
 * public functions are in common/progressbar.c). */
#include "uipriv_windows.h"
#include "osapi.h"

/* Progress bar size from the Windows layout guidelines, in dialog units. */
#define progressWidthDlu 237
#define progressHeightDlu 8

struct uiProgressBar {
	uiControl c;
	HWND hwnd;
	uiprivProgressBarShared shared;
};

static void progressBarMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	(void) c;
	*width = uiprivDluX(m, progressWidthDlu);
	*height = uiprivDluY(m, progressHeightDlu);
}

static const uiprivWinHooks progressBarHooks = {
	progressBarMinSize, uiprivWinLayout, uiprivWinSetNativeParent, NULL, NULL, NULL,
};

const uiprivControlVtable uiprivProgressBarVtable = {
	"uiProgressBar", 0, uiprivWinFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled, &progressBarHooks,
};

static void setMarquee(uiProgressBar *p, BOOL on)
{
	LONG_PTR style = GetWindowLongPtrW(p->hwnd, GWL_STYLE);

	if (((style & PBS_MARQUEE) != 0) == (on != FALSE))
		return;
	/* The style must be there before the animation starts and gone after it stops. */
	if (on)
		SetWindowLongPtrW(p->hwnd, GWL_STYLE, style | PBS_MARQUEE);
	SendMessageW(p->hwnd, PBM_SETMARQUEE, on, 0);
	if (!on)
		SetWindowLongPtrW(p->hwnd, GWL_STYLE, style & ~(LONG_PTR) PBS_MARQUEE);
}

void uiprivOSProgressBarShow(uiProgressBar *p, int n)
{
	if (n == -1) {
		setMarquee(p, TRUE);
		return;
	}
	setMarquee(p, FALSE);
	/* Visual styles animate towards a new position; going one past and back shows it at once. */
	if (n < 100) {
		SendMessageW(p->hwnd, PBM_SETPOS, (WPARAM) (n + 1), 0);
		SendMessageW(p->hwnd, PBM_SETPOS, (WPARAM) n, 0);
	} else {
		SendMessageW(p->hwnd, PBM_SETRANGE32, 0, 101);
		SendMessageW(p->hwnd, PBM_SETPOS, 101, 0);
		SendMessageW(p->hwnd, PBM_SETRANGE32, 0, 100);
		SendMessageW(p->hwnd, PBM_SETPOS, 100, 0);
	}
}

uiProgressBar *uiprivOSNewProgressBar(void)
{
	uiProgressBar *p = (uiProgressBar *) uiprivNewControl(sizeof (uiProgressBar), &uiprivProgressBarVtable, 1);

	p->c.shared = &p->shared;
	p->hwnd = uiprivCreateControlWindow(0, PROGRESS_CLASSW, PBS_SMOOTH, uiControl(p));
	if (p->hwnd == NULL) {
		uiprivControlFree(uiControl(p));
		return NULL;
	}
	SendMessageW(p->hwnd, PBM_SETRANGE32, 0, 100);
	return p;
}
