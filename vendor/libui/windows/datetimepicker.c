/* uiDateTimePicker on Win32: a Common Controls SysDateTimePick32 (short date,
 * time with an up-down, or a custom format holding both).  The struct's value
 * is the truth: the control edits only the parts it shows. */
#include "uipriv_windows.h"
#include <time.h>

/* Size from the Windows layout guidelines for a text box, in dialog units. */
#define pickerWidthDlu 100
#define pickerHeightDlu 14

enum { partDate = 1, partTime = 2 };

struct uiDateTimePicker {
	uiControl c;
	HWND hwnd;
	int parts;
	uiprivDateTime value;
	int setting;
	void (*onChanged)(uiDateTimePicker *d, void *data);
	void *onChangedData;
};

static void pickerMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	SIZE ideal;

	ideal.cx = ideal.cy = 0;
	/* DTM_GETIDEALSIZE exists from Vista's Common Controls 6 on. */
	SendMessageW(uiprivHwnd(c), DTM_GETIDEALSIZE, 0, (LPARAM) &ideal);
	*width = ideal.cx > uiprivDluX(m, pickerWidthDlu) ? ideal.cx : uiprivDluX(m, pickerWidthDlu);
	*height = uiprivDluY(m, pickerHeightDlu);
}

static SYSTEMTIME toSystemTime(const uiprivDateTime *dt)
{
	SYSTEMTIME st;
	struct tm t;

	uiprivDateTimeToTm(dt, &t);
	ZeroMemory(&st, sizeof st);
	st.wYear = (WORD) dt->year;
	st.wMonth = (WORD) dt->month;
	st.wDay = (WORD) dt->day;
	st.wDayOfWeek = (WORD) t.tm_wday;
	st.wHour = (WORD) dt->hour;
	st.wMinute = (WORD) dt->minute;
	st.wSecond = (WORD) dt->second;
	return st;
}

static void writeValue(uiDateTimePicker *d)
{
	SYSTEMTIME st = toSystemTime(&d->value);

	/* Some versions notify DTN_DATETIMECHANGE for this too; the flag keeps the handler for the user. */
	d->setting = 1;
	SendMessageW(d->hwnd, DTM_SETSYSTEMTIME, GDT_VALID, (LPARAM) &st);
	d->setting = 0;
}

static BOOL pickerNotify(uiControl *c, NMHDR *nm, LRESULT *result)
{
	uiDateTimePicker *d = (uiDateTimePicker *) c;
	uiprivDateTime now = d->value;
	SYSTEMTIME st;

	if (nm->code != DTN_DATETIMECHANGE)
		return FALSE;
	*result = 0;
	if (d->setting || SendMessageW(d->hwnd, DTM_GETSYSTEMTIME, 0, (LPARAM) &st) != GDT_VALID)
		return TRUE;
	if ((d->parts & partDate) && st.wYear >= uiprivMinYear && st.wYear <= uiprivMaxYear) {
		now.year = st.wYear;
		now.month = st.wMonth;
		now.day = st.wDay;
	}
	if (d->parts & partTime) {
		now.hour = st.wHour;
		now.minute = st.wMinute;
		now.second = st.wSecond;
	}
	if (now.year == d->value.year && now.month == d->value.month && now.day == d->value.day
		&& now.hour == d->value.hour && now.minute == d->value.minute && now.second == d->value.second)
		return TRUE;
	d->value = now;
	if (d->onChanged != NULL)
		d->onChanged(d, d->onChangedData);
	return TRUE;
}

static const uiprivWinHooks pickerHooks = {
	pickerMinSize, uiprivWinLayout, uiprivWinSetNativeParent, NULL, NULL, pickerNotify,
};

static const uiprivControlVtable dateTimePickerVtable = {
	"uiDateTimePicker", 0, uiprivWinFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled, &pickerHooks,
};

/* Public functions reject anything but a live uiDateTimePicker, naming themselves. */
#define checked(x) ((uiDateTimePicker *) uiprivCheck((x), &dateTimePickerVtable, __func__))

void uiDateTimePickerTime(uiDateTimePicker *d, struct tm *time)
{
	if (!uiprivTmOut(time, __func__))
		return;
	if (checked(d) == NULL) {
		uiprivDateTimeToTm(NULL, time);
		return;
	}
	uiprivDateTimeToTm(&d->value, time);
}

void uiDateTimePickerSetTime(uiDateTimePicker *d, const struct tm *time)
{
	if (checked(d) == NULL)
		return;
	if (!uiprivDateTimeFromTm(time, &d->value, __func__))
		return;
	writeValue(d);
}

void uiDateTimePickerOnChanged(uiDateTimePicker *d, void (*f)(uiDateTimePicker *d, void *data), void *data)
{
	if (checked(d) == NULL)
		return;
	d->onChanged = f;
	d->onChangedData = data;
}

/* The user's short date and time formats joined, since the control has no style for both. */
static void setDateTimeFormat(HWND hwnd)
{
	WCHAR date[80], time[80], both[162];
	int n;

	if (GetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_SSHORTDATE, date, 80) == 0)
		lstrcpyW(date, L"yyyy'-'MM'-'dd");
	if (GetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_STIMEFORMAT, time, 80) == 0)
		lstrcpyW(time, L"HH':'mm':'ss");
	n = lstrlenW(date);
	CopyMemory(both, date, (size_t) n * sizeof (WCHAR));
	both[n] = L' ';
	lstrcpyW(both + n + 1, time);
	SendMessageW(hwnd, DTM_SETFORMATW, 0, (LPARAM) both);
}

static uiDateTimePicker *newPicker(int parts, const char *func)
{
	uiDateTimePicker *d;
	SYSTEMTIME now;
	DWORD style = parts == partTime ? DTS_TIMEFORMAT : DTS_SHORTDATEFORMAT;

	if (!uiprivReady(func))
		return NULL;
	d = (uiDateTimePicker *) uiprivNewControl(sizeof (uiDateTimePicker), &dateTimePickerVtable, 1);
	d->parts = parts;
	d->hwnd = uiprivCreateControlWindow(0, DATETIMEPICK_CLASSW, style | WS_TABSTOP, uiControl(d));
	if (d->hwnd == NULL) {
		uiprivControlFree(uiControl(d));
		return NULL;
	}
	if (parts == (partDate | partTime))
		setDateTimeFormat(d->hwnd);
	GetLocalTime(&now);
	d->value.year = now.wYear;
	d->value.month = now.wMonth;
	d->value.day = now.wDay;
	d->value.hour = now.wHour;
	d->value.minute = now.wMinute;
	d->value.second = now.wSecond;
	writeValue(d);
	return d;
}

uiDateTimePicker *uiNewDateTimePicker(void)
{
	return newPicker(partDate | partTime, __func__);
}

uiDateTimePicker *uiNewDatePicker(void)
{
	return newPicker(partDate, __func__);
}

uiDateTimePicker *uiNewTimePicker(void)
{
	return newPicker(partTime, __func__);
}
