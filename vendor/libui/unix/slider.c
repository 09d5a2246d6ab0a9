/* uiSlider on GTK 3: a horizontal GtkScale; its drawn value is the "tool tip" (the public
 * functions are in common/slider.c). */
#include "uipriv_unix.h"
#include "osapi.h"

struct uiSlider {
	uiControl c;
	GtkWidget *widget;
	gulong changedHandler;
	uiprivSliderShared shared;
};

const uiprivControlVtable uiprivSliderVtable = {
	"uiSlider", 0, uiprivGtkFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

static void onValueChanged(GtkRange *range, gpointer data)
{
	(void) range;
	uiprivSliderChangedByUser((uiSlider *) data);
}

static gboolean onButtonReleased(GtkWidget *widget, GdkEvent *event, gpointer data)
{
	(void) widget;
	(void) event;
	uiprivSliderReleasedByUser((uiSlider *) data);
	/* GTK still needs the event to end the drag. */
	return FALSE;
}

int uiprivOSSliderValue(uiSlider *s)
{
	return (int) gtk_range_get_value(GTK_RANGE(s->widget));
}

void uiprivOSSliderRange(uiSlider *s, int *min, int *max)
{
	GtkAdjustment *a = gtk_range_get_adjustment(GTK_RANGE(s->widget));

	*min = (int) gtk_adjustment_get_lower(a);
	*max = (int) gtk_adjustment_get_upper(a);
}

void uiprivOSSliderSet(uiSlider *s, int min, int max, int value)
{
	/* Changes made by the program are not reported to the handler. */
	g_signal_handler_block(s->widget, s->changedHandler);
	gtk_range_set_range(GTK_RANGE(s->widget), min, max);
	gtk_range_set_value(GTK_RANGE(s->widget), value);
	g_signal_handler_unblock(s->widget, s->changedHandler);
}

int uiprivOSSliderHasToolTip(uiSlider *s)
{
	return gtk_scale_get_draw_value(GTK_SCALE(s->widget)) != FALSE;
}

void uiprivOSSliderSetHasToolTip(uiSlider *s, int hasToolTip)
{
	gtk_scale_set_draw_value(GTK_SCALE(s->widget), hasToolTip);
}

uiSlider *uiprivOSNewSlider(void)
{
	uiSlider *s = (uiSlider *) uiprivNewControl(sizeof (uiSlider), &uiprivSliderVtable, 1);

	s->c.shared = &s->shared;
	/* gtk_scale_new_with_range refuses min == max; an empty range is fine here. */
	uiprivGtkAdopt(uiControl(s), gtk_scale_new(GTK_ORIENTATION_HORIZONTAL, NULL));
	gtk_scale_set_digits(GTK_SCALE(s->widget), 0);
	gtk_range_set_round_digits(GTK_RANGE(s->widget), 0);
	gtk_range_set_increments(GTK_RANGE(s->widget), 1, 1);
	s->changedHandler = g_signal_connect(s->widget, "value-changed", G_CALLBACK(onValueChanged), s);
	g_signal_connect(s->widget, "button-release-event", G_CALLBACK(onButtonReleased), s);
	return s;
}
