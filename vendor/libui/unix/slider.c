/* uiSlider on GTK 3: a horizontal GtkScale; its drawn value is the "tool tip". */
#include "uipriv_unix.h"

struct uiSlider {
	uiControl c;
	GtkWidget *widget;
	gulong changedHandler;
	void (*onChanged)(uiSlider *s, void *data);
	void *onChangedData;
	void (*onReleased)(uiSlider *s, void *data);
	void *onReleasedData;
};

static const uiprivControlVtable sliderVtable = {
	"uiSlider", 0, uiprivGtkFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

/* Public functions reject anything but a live uiSlider, naming themselves. */
#define checked(x) ((uiSlider *) uiprivCheck((x), &sliderVtable, __func__))

static void onValueChanged(GtkRange *range, gpointer data)
{
	uiSlider *s = (uiSlider *) data;

	(void) range;
	if (s->onChanged != NULL)
		s->onChanged(s, s->onChangedData);
}

static gboolean onButtonReleased(GtkWidget *widget, GdkEvent *event, gpointer data)
{
	uiSlider *s = (uiSlider *) data;

	(void) widget;
	(void) event;
	if (s->onReleased != NULL)
		s->onReleased(s, s->onReleasedData);
	/* GTK still needs the event to end the drag. */
	return FALSE;
}

int uiSliderValue(uiSlider *s)
{
	if (checked(s) == NULL)
		return 0;
	return (int) gtk_range_get_value(GTK_RANGE(s->widget));
}

/* Changes made by the program are not reported to the handler. */
static void setQuietly(uiSlider *s, int min, int max, int value)
{
	g_signal_handler_block(s->widget, s->changedHandler);
	gtk_range_set_range(GTK_RANGE(s->widget), min, max);
	gtk_range_set_value(GTK_RANGE(s->widget), uiprivClamp(value, min, max));
	g_signal_handler_unblock(s->widget, s->changedHandler);
}

static void range(uiSlider *s, int *min, int *max)
{
	GtkAdjustment *a = gtk_range_get_adjustment(GTK_RANGE(s->widget));

	*min = (int) gtk_adjustment_get_lower(a);
	*max = (int) gtk_adjustment_get_upper(a);
}

void uiSliderSetValue(uiSlider *s, int value)
{
	int min, max;

	if (checked(s) == NULL)
		return;
	range(s, &min, &max);
	setQuietly(s, min, max, value);
}

int uiSliderHasToolTip(uiSlider *s)
{
	if (checked(s) == NULL)
		return 0;
	return gtk_scale_get_draw_value(GTK_SCALE(s->widget)) != FALSE;
}

void uiSliderSetHasToolTip(uiSlider *s, int hasToolTip)
{
	if (checked(s) == NULL)
		return;
	gtk_scale_set_draw_value(GTK_SCALE(s->widget), hasToolTip != 0);
}

void uiSliderOnChanged(uiSlider *s, void (*f)(uiSlider *s, void *data), void *data)
{
	if (checked(s) == NULL)
		return;
	s->onChanged = f;
	s->onChangedData = data;
}

void uiSliderOnReleased(uiSlider *s, void (*f)(uiSlider *s, void *data), void *data)
{
	if (checked(s) == NULL)
		return;
	s->onReleased = f;
	s->onReleasedData = data;
}

void uiSliderSetRange(uiSlider *s, int min, int max)
{
	if (checked(s) == NULL)
		return;
	uiprivOrderRange(&min, &max);
	setQuietly(s, min, max, uiSliderValue(s));
}

uiSlider *uiNewSlider(int min, int max)
{
	uiSlider *s;

	if (!uiprivReady(__func__))
		return NULL;
	uiprivOrderRange(&min, &max);
	s = (uiSlider *) uiprivNewControl(sizeof (uiSlider), &sliderVtable, 1);
	/* gtk_scale_new_with_range refuses min == max; an empty range is fine here. */
	uiprivGtkAdopt(uiControl(s), gtk_scale_new(GTK_ORIENTATION_HORIZONTAL, NULL));
	gtk_scale_set_digits(GTK_SCALE(s->widget), 0);
	gtk_range_set_round_digits(GTK_RANGE(s->widget), 0);
	gtk_range_set_increments(GTK_RANGE(s->widget), 1, 1);
	s->changedHandler = g_signal_connect(s->widget, "value-changed", G_CALLBACK(onValueChanged), s);
	g_signal_connect(s->widget, "button-release-event", G_CALLBACK(onButtonReleased), s);
	setQuietly(s, min, max, min);
	return s;
}
