/* uiProgressBar on GTK 3: a GtkProgressBar, pulsed by a timer while indeterminate (-1). */
#include "uipriv_unix.h"

/* How often an indeterminate bar moves, in milliseconds. */
#define pulseInterval 100

struct uiProgressBar {
	uiControl c;
	GtkWidget *widget;
	int value;
	guint pulser;
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

static const uiprivControlVtable progressBarVtable = {
	"uiProgressBar", 0, progressBarFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

/* Public functions reject anything but a live uiProgressBar, naming themselves. */
#define checked(x) ((uiProgressBar *) uiprivCheck((x), &progressBarVtable, __func__))

static gboolean pulse(gpointer data)
{
	gtk_progress_bar_pulse(GTK_PROGRESS_BAR(((uiProgressBar *) data)->widget));
	return G_SOURCE_CONTINUE;
}

int uiProgressBarValue(uiProgressBar *p)
{
	if (checked(p) == NULL)
		return 0;
	return p->value;
}

void uiProgressBarSetValue(uiProgressBar *p, int n)
{
	if (checked(p) == NULL)
		return;
	if (!uiprivProgressValueValid(n, __func__))
		return;
	p->value = n;
	if (n == -1) {
		if (p->pulser == 0)
			p->pulser = g_timeout_add(pulseInterval, pulse, p);
		gtk_progress_bar_pulse(GTK_PROGRESS_BAR(p->widget));
		return;
	}
	stopPulsing(p);
	gtk_progress_bar_set_fraction(GTK_PROGRESS_BAR(p->widget), (double) n / 100);
}

uiProgressBar *uiNewProgressBar(void)
{
	uiProgressBar *p;

	if (!uiprivReady(__func__))
		return NULL;
	p = (uiProgressBar *) uiprivNewControl(sizeof (uiProgressBar), &progressBarVtable, 1);
	uiprivGtkAdopt(uiControl(p), gtk_progress_bar_new());
	return p;
}
