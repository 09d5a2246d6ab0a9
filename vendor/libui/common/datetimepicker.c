/* uiDateTimePicker: its public functions over the hooks in osapi.h (the struct tm rules are in pickers.c). */
#include "osapi.h"

/* Public functions reject anything but a live uiDateTimePicker, naming themselves. */
#define checked(x) ((uiDateTimePicker *) uiprivCheck((x), &uiprivDateTimePickerVtable, __func__))
#define shared(d) ((uiprivDateTimePickerShared *) uiControl(d)->shared)

void uiDateTimePickerTime(uiDateTimePicker *d, struct tm *time)
{
	if (!uiprivTmOut(time, __func__))
		return;
	if (checked(d) == NULL) {
		uiprivDateTimeToTm(NULL, time);
		return;
	}
	uiprivDateTimeToTm(&shared(d)->value, time);
}

void uiDateTimePickerSetTime(uiDateTimePicker *d, const struct tm *time)
{
	if (checked(d) == NULL)
		return;
	if (!uiprivDateTimeFromTm(time, &shared(d)->value, __func__))
		return;
	uiprivOSDateTimePickerShow(d);
}

void uiDateTimePickerOnChanged(uiDateTimePicker *d, void (*f)(uiDateTimePicker *d, void *data), void *data)
{
	if (checked(d) == NULL)
		return;
	shared(d)->onChanged = f;
	shared(d)->onChangedData = data;
}

void uiprivDateTimePickerChangedByUser(uiDateTimePicker *d, const uiprivDateTime *now)
{
	uiprivDateTime *v = &shared(d)->value;

	if (now->year == v->year && now->month == v->month && now->day == v->day
		&& now->hour == v->hour && now->minute == v->minute && now->second == v->second)
		return;
	*v = *now;
	if (shared(d)->onChanged != NULL)
		shared(d)->onChanged(d, shared(d)->onChangedData);
}

uiDateTimePicker *uiNewDateTimePicker(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return uiprivOSNewDateTimePicker(uiprivPickDate | uiprivPickTime);
}

uiDateTimePicker *uiNewDatePicker(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return uiprivOSNewDateTimePicker(uiprivPickDate);
}

uiDateTimePicker *uiNewTimePicker(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return uiprivOSNewDateTimePicker(uiprivPickTime);
}
