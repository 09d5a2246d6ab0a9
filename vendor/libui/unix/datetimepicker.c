/* uiDateTimePicker on GTK 3, which has no such widget: a box holding, for the
 * date, a button that shows it and opens a GtkCalendar in a popover, and for
 * the time, three wrapping spin buttons (hours : minutes : seconds).  The
 * shared value is the truth; the widgets show it and report the user's
 * edits.  The public functions are in common/datetimepicker.c. */
#include "uipriv_unix.h"
#include "osapi.h"
#include <stdio.h>

struct uiDateTimePicker {
	uiControl c;
	GtkWidget *widget;
	GtkWidget *dateButton; /* NULL for the time picker */
	GtkWidget *calendar;
	GtkWidget *spins[3]; /* NULL for the date picker */
	int setting;
	uiprivDateTimePickerShared shared;
};

static void dateTimePickerFree(uiControl *c)
{
	uiDateTimePicker *d = (uiDateTimePicker *) c;
	GtkWidget *popover;
	int i;

	/* The parts carry handlers with d too, and the popover lives outside the box. */
	for (i = 0; i < 3; i++)
		if (d->spins[i] != NULL)
			g_signal_handlers_disconnect_matched(d->spins[i], G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, d);
	if (d->calendar != NULL) {
		g_signal_handlers_disconnect_matched(d->calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, d);
		popover = GTK_WIDGET(gtk_menu_button_get_popover(GTK_MENU_BUTTON(d->dateButton)));
		if (popover != NULL)
			gtk_widget_destroy(popover);
	}
	uiprivGtkFree(c);
}

const uiprivControlVtable uiprivDateTimePickerVtable = {
	"uiDateTimePicker", 0, dateTimePickerFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

static void showDate(uiDateTimePicker *d)
{
	GDate *date;
	char text[128];

	if (d->dateButton == NULL)
		return;
	/* The user's locale decides the format, as the rest of the desktop shows dates. */
	date = g_date_new_dmy((GDateDay) d->shared.value.day, (GDateMonth) d->shared.value.month, (GDateYear) d->shared.value.year);
	if (g_date_strftime(text, sizeof text, "%x", date) == 0)
		snprintf(text, sizeof text, "%04d-%02d-%02d", d->shared.value.year, d->shared.value.month, d->shared.value.day);
	g_date_free(date);
	gtk_button_set_label(GTK_BUTTON(d->dateButton), text);
	gtk_calendar_select_month(GTK_CALENDAR(d->calendar), (guint) d->shared.value.month - 1, (guint) d->shared.value.year);
	gtk_calendar_select_day(GTK_CALENDAR(d->calendar), (guint) d->shared.value.day);
}

static void showTime(uiDateTimePicker *d)
{
	if (d->spins[0] == NULL)
		return;
	gtk_spin_button_set_value(GTK_SPIN_BUTTON(d->spins[0]), d->shared.value.hour);
	gtk_spin_button_set_value(GTK_SPIN_BUTTON(d->spins[1]), d->shared.value.minute);
	gtk_spin_button_set_value(GTK_SPIN_BUTTON(d->spins[2]), d->shared.value.second);
}

/* Writes the value into the widgets; their signals see the flag and stay quiet. */
void uiprivOSDateTimePickerShow(uiDateTimePicker *d)
{
	d->setting = 1;
	showDate(d);
	showTime(d);
	d->setting = 0;
}

static void onDaySelected(GtkCalendar *calendar, gpointer data)
{
	uiDateTimePicker *d = (uiDateTimePicker *) data;
	uiprivDateTime now = d->shared.value;
	guint y, m, day;

	if (d->setting)
		return;
	gtk_calendar_get_date(calendar, &y, &m, &day);
	/* Paging the calendar outside the supported years changes nothing. */
	if (y < uiprivMinYear || y > uiprivMaxYear || day == 0)
		return;
	now.year = (int) y;
	now.month = (int) m + 1;
	now.day = (int) day;
	uiprivDateTimePickerChangedByUser(d, &now);
	d->setting = 1;
	showDate(d);
	d->setting = 0;
}

static void onSpinChanged(GtkSpinButton *spin, gpointer data)
{
	uiDateTimePicker *d = (uiDateTimePicker *) data;
	uiprivDateTime now = d->shared.value;

	(void) spin;
	if (d->setting)
		return;
	now.hour = gtk_spin_button_get_value_as_int(GTK_SPIN_BUTTON(d->spins[0]));
	now.minute = gtk_spin_button_get_value_as_int(GTK_SPIN_BUTTON(d->spins[1]));
	now.second = gtk_spin_button_get_value_as_int(GTK_SPIN_BUTTON(d->spins[2]));
	uiprivDateTimePickerChangedByUser(d, &now);
}

/* Two digits, as clocks show them. */
static gboolean onSpinOutput(GtkSpinButton *spin, gpointer data)
{
	char text[16];

	(void) data;
	snprintf(text, sizeof text, "%02d", gtk_spin_button_get_value_as_int(spin));
	gtk_entry_set_text(GTK_ENTRY(spin), text);
	return TRUE;
}

static void addDate(uiDateTimePicker *d)
{
	GtkWidget *popover;

	d->dateButton = gtk_menu_button_new();
	d->calendar = gtk_calendar_new();
	popover = gtk_popover_new(d->dateButton);
	gtk_container_add(GTK_CONTAINER(popover), d->calendar);
	gtk_widget_show(d->calendar);
	gtk_menu_button_set_popover(GTK_MENU_BUTTON(d->dateButton), popover);
	/* Beside the tall time spinners it keeps its own height. */
	gtk_widget_set_valign(d->dateButton, GTK_ALIGN_CENTER);
	gtk_box_pack_start(GTK_BOX(d->widget), d->dateButton, FALSE, FALSE, 0);
	gtk_widget_show(d->dateButton);
	g_signal_connect(d->calendar, "day-selected", G_CALLBACK(onDaySelected), d);
}

static void addTime(uiDateTimePicker *d)
{
	static const int max[3] = { 23, 59, 59 };
	int i;

	for (i = 0; i < 3; i++) {
		GtkWidget *spin = gtk_spin_button_new_with_range(0, max[i], 1);

		if (i > 0) {
			GtkWidget *colon = gtk_label_new(":");
			gtk_box_pack_start(GTK_BOX(d->widget), colon, FALSE, FALSE, 0);
			gtk_widget_show(colon);
		}
		gtk_spin_button_set_digits(GTK_SPIN_BUTTON(spin), 0);
		gtk_spin_button_set_numeric(GTK_SPIN_BUTTON(spin), TRUE);
		gtk_spin_button_set_wrap(GTK_SPIN_BUTTON(spin), TRUE);
		gtk_entry_set_width_chars(GTK_ENTRY(spin), 2);
		gtk_orientable_set_orientation(GTK_ORIENTABLE(spin), GTK_ORIENTATION_VERTICAL);
		gtk_box_pack_start(GTK_BOX(d->widget), spin, FALSE, FALSE, 0);
		gtk_widget_show(spin);
		g_signal_connect(spin, "output", G_CALLBACK(onSpinOutput), d);
		g_signal_connect(spin, "value-changed", G_CALLBACK(onSpinChanged), d);
		d->spins[i] = spin;
	}
}

uiDateTimePicker *uiprivOSNewDateTimePicker(int parts)
{
	uiDateTimePicker *d = (uiDateTimePicker *) uiprivNewControl(sizeof (uiDateTimePicker), &uiprivDateTimePickerVtable, 1);
	GDateTime *now;

	d->c.shared = &d->shared;
	uiprivGtkAdopt(uiControl(d), gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 6));
	if (parts & uiprivPickDate)
		addDate(d);
	if (parts & uiprivPickTime)
		addTime(d);
	now = g_date_time_new_now_local();
	d->shared.value.year = g_date_time_get_year(now);
	d->shared.value.month = g_date_time_get_month(now);
	d->shared.value.day = g_date_time_get_day_of_month(now);
	d->shared.value.hour = g_date_time_get_hour(now);
	d->shared.value.minute = g_date_time_get_minute(now);
	d->shared.value.second = g_date_time_get_second(now);
	g_date_time_unref(now);
	uiprivOSDateTimePickerShow(d);
	return d;
}
