/* Checks and conversions of the pickers: struct tm in and out of uiDateTimePicker, colour components
 * (uiColorButton, the drawing brushes), and font descriptors (uiFontButton, uiLoadControlFont). */
#include <time.h>
#include "osapi.h"

static int isLeap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int uiprivDaysInMonth(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (month == 2 && isLeap(year))
		return 29;
	return days[month - 1];
}

/* One field against its range, reported by name. */
static int inRange(int v, int lo, int hi, const char *field, const char *func)
{
	if (v < lo || v > hi) {
		uiprivUserBug(func, "%s is %d, outside %d..%d", field, v, lo, hi);
		return 0;
	}
	return 1;
}

int uiprivDateTimeFromTm(const struct tm *t, uiprivDateTime *out, const char *func)
{
	uiprivDateTime dt;

	if (t == NULL) {
		uiprivUserBug(func, "the time is NULL");
		return 0;
	}
	/* tm_year counts from 1900; the years are those the date picker of Windows accepts (its calendar starts in September 1752). */
	if (!inRange(t->tm_year, uiprivMinYear - 1900, uiprivMaxYear - 1900, "tm_year", func)
		|| !inRange(t->tm_mon, 0, 11, "tm_mon", func))
		return 0;
	dt.year = t->tm_year + 1900;
	dt.month = t->tm_mon + 1;
	if (!inRange(t->tm_mday, 1, uiprivDaysInMonth(dt.year, dt.month), "tm_mday", func)
		|| !inRange(t->tm_hour, 0, 23, "tm_hour", func)
		|| !inRange(t->tm_min, 0, 59, "tm_min", func)
		|| !inRange(t->tm_sec, 0, 59, "tm_sec", func))
		return 0;
	dt.day = t->tm_mday;
	dt.hour = t->tm_hour;
	dt.minute = t->tm_min;
	dt.second = t->tm_sec;
	*out = dt;
	return 1;
}

void uiprivDateTimeToTm(const uiprivDateTime *dt, struct tm *t)
{
	int m, yday = 0, y;

	/* Only the members ui.h names are written: the rest of the caller's struct stays as it was. */
	if (dt == NULL) {
		t->tm_year = t->tm_mon = t->tm_mday = t->tm_hour = t->tm_min = t->tm_sec = 0;
		t->tm_wday = t->tm_yday = 0;
		t->tm_isdst = -1;
		return;
	}
	for (m = 1; m < dt->month; m++)
		yday += uiprivDaysInMonth(dt->year, m);
	yday += dt->day - 1;
	/* Weekday: days since 1 January 1601 (a Monday) in the proleptic Gregorian calendar. */
	y = dt->year - 1601;
	t->tm_wday = (int) ((1 + 365L * y + y / 4 - y / 100 + y / 400 + yday) % 7);
	t->tm_yday = yday;
	t->tm_year = dt->year - 1900;
	t->tm_mon = dt->month - 1;
	t->tm_mday = dt->day;
	t->tm_hour = dt->hour;
	t->tm_min = dt->minute;
	t->tm_sec = dt->second;
	t->tm_isdst = -1;
}

int uiprivTmOut(struct tm *t, const char *func)
{
	if (t == NULL) {
		uiprivUserBug(func, "the time is NULL");
		return 0;
	}
	return 1;
}

int uiprivColorValid(double r, double g, double b, double a, const char *func)
{
	const double c[4] = { r, g, b, a };
	static const char *const names[4] = { "red", "green", "blue", "alpha" };
	int i;

	for (i = 0; i < 4; i++)
		/* Written so that NaN fails too. */
		if (!(c[i] >= 0 && c[i] <= 1)) {
			uiprivUserBug(func, "%s is not a number from 0 to 1", names[i]);
			return 0;
		}
	return 1;
}

void uiprivColorOut(const double rgba[4], double *r, double *g, double *b, double *a, const char *func)
{
	double *out[4];
	int i, missing = 0;

	out[0] = r;
	out[1] = g;
	out[2] = b;
	out[3] = a;
	for (i = 0; i < 4; i++) {
		if (out[i] == NULL)
			missing = 1;
		else
			*out[i] = rgba != NULL ? rgba[i] : 0;
	}
	if (missing)
		uiprivUserBug(func, "a color pointer is NULL");
}

int uiprivFontOut(uiFontDescriptor *desc, const char *func)
{
	if (desc == NULL) {
		uiprivUserBug(func, "the font descriptor is NULL");
		return 0;
	}
	return 1;
}

void uiprivFontRejected(uiFontDescriptor *desc)
{
	desc->Family = uiprivSanitize(NULL);
	desc->Size = 0;
	desc->Weight = 0;
	desc->Italic = 0;
	desc->Stretch = 0;
}

/* Needs no toolkit: it only frees the Family a filling call allocated. */
static void freeFont(uiFontDescriptor *desc, const char *func)
{
	if (!uiprivFontOut(desc, func))
		return;
	uiFreeText(desc->Family);
	desc->Family = NULL;
}

void uiFreeFontButtonFont(uiFontDescriptor *desc)
{
	freeFont(desc, __func__);
}

void uiLoadControlFont(uiFontDescriptor *desc)
{
	if (!uiprivFontOut(desc, __func__))
		return;
	if (!uiprivReady(__func__) || !uiprivOSControlFont(desc))
		uiprivFontRejected(desc);
}

void uiFreeFontDescriptor(uiFontDescriptor *desc)
{
	freeFont(desc, __func__);
}
