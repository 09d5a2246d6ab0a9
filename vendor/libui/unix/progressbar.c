/* uiProgressBar on GTK 3: a GtkProgressBar, pulsed by a timer while indeterminate (-1) (the public
 * functions are in common/progressbar.c). */
#include "uipriv_unix.h"
#include "osapi.h"

/* How often an indeterminate bar moves, in milliseconds. */
#define pulseInterval 100

struct uiProgressBar {
	uiControl c;
	GtkWidget *widget;
	guint pulser;
	uiprivProgressBarShared shared;
};

static void stopPulsing(uiProgressBar *p)
{
	if (p->pulser != 0) {
		g_source_remove(p->pulser);
		p->pulser = 0;
	}
}

static void progressBarFree(uiControl *c)
{
	stopPulsing((uiProgressBar *) c);
	uiprivGtkFree(c);
}

const uiprivControlVtable uiprivProgressBarVtable = {
	"uiProgressBar", 0, progressBarFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

static gboolean pulse(gpointer data)
{
	gtk_progress_bar_pulse(GTK_PROGRESS_BAR(((uiProgressBar *) data)->widget));
	return G_SOURCE_CONTINUE;
}

void uiprivOSProgressBarShow(uiProgressBar *p, int value)
{
	if (value == -1) {
		if (p->pulser == 0)
			p->pulser = g_timeout_add(pulseInterval, pulse, p);
		gtk_progress_bar_pulse(GTK_PROGRESS_BAR(p->widget));
		return;
	}
	stopPulsing(p);
	gtk_progress_bar_set_fraction(GTK_PROGRESS_BAR(p->widget), (double) value / 100);
}

uiProgressBar *uiprivOSNewProgressBar(void)
{
	uiProgressBar *p = (uiProgressBar *) uiprivNewControl(sizeof (uiProgressBar), &uiprivProgressBarVtable, 1);

	p->c.shared = &p->shared;
	uiprivGtkAdopt(uiControl(p), gtk_progress_bar_new());
	return p;
}
