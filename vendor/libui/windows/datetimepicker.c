/* uiDateTimePicker on Win32: a Common Controls SysDateTimePick32 (short date,
 * time with an up-down, or a custom format holding both).  The shared value
 * is the truth: the control edits only the parts it shows.  The public
 * functions are in common/datetimepicker.c. */
#include "uipriv_windows.h"
#include "osapi.h"
#include <time.h>

/* Size from the Windows layout guidelines for a text box, in dialog units. */
#define pickerWidthDlu 100
#define pickerHeightDlu 14

struct uiDateTimePicker {
	uiControl c;
	HWND hwnd;
	int parts;
	int setting;
	uiprivDateTimePickerShared shared;
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

void uiprivOSDateTimePickerShow(uiDateTimePicker *d)
{
	SYSTEMTIME st = toSystemTime(&d->shared.value);

	/* Some versions notify DTN_DATETIMECHANGE for this too; the flag keeps the handler for the user. */
	d->setting = 1;
	SendMessageW(d->hwnd, DTM_SETSYSTEMTIME, GDT_VALID, (LPARAM) &st);
	d->setting = 0;
}

static BOOL pickerNotify(uiControl *c, NMHDR *nm, LRESULT *result)
{
	uiDateTimePicker *d = (uiDateTimePicker *) c;
	uiprivDateTime now = d->shared.value;
	SYSTEMTIME st;

	if (nm->code != DTN_DATETIMECHANGE)
		return FALSE;
	*result = 0;
	if (d->setting || SendMessageW(d->hwnd, DTM_GETSYSTEMTIME, 0, (LPARAM) &st) != GDT_VALID)
		return TRUE;
	if ((d->parts & uiprivPickDate) && st.wYear >= uiprivMinYear && st.wYear <= uiprivMaxYear) {
		now.year = st.wYear;
		now.month = st.wMonth;
		now.day = st.wDay;
	}
	if (d->parts & uiprivPickTime) {
		now.hour = st.wHour;
		now.minute = st.wMinute;
		now.second = st.wSecond;
	}
	uiprivDateTimePickerChangedByUser(d, &now);
	return TRUE;
}

static const uiprivWinHooks pickerHooks = {
	pickerMinSize, uiprivWinLayout, uiprivWinSetNativeParent, NULL, NULL, pickerNotify,
};

const uiprivControlVtable uiprivDateTimePickerVtable = {
	"uiDateTimePicker", 0, uiprivWinFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled, &pickerHooks,
};

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

uiDateTimePicker *uiprivOSNewDateTimePicker(int parts)
{
	uiDateTimePicker *d = (uiDateTimePicker *) uiprivNewControl(sizeof (uiDateTimePicker), &uiprivDateTimePickerVtable, 1);
	SYSTEMTIME now;
	DWORD style = parts == uiprivPickTime ? DTS_TIMEFORMAT : DTS_SHORTDATEFORMAT;

	d->c.shared = &d->shared;
	d->parts = parts;
	d->hwnd = uiprivCreateControlWindow(0, DATETIMEPICK_CLASSW, style | WS_TABSTOP, uiControl(d));
	if (d->hwnd == NULL) {
		uiprivControlFree(uiControl(d));
		return NULL;
	}
	if (parts == (uiprivPickDate | uiprivPickTime))
		setDateTimeFormat(d->hwnd);
	GetLocalTime(&now);
	d->shared.value.year = now.wYear;
	d->shared.value.month = now.wMonth;
	d->shared.value.day = now.wDay;
	d->shared.value.hour = now.wHour;
	d->shared.value.minute = now.wMinute;
	d->shared.value.second = now.wSecond;
	uiprivOSDateTimePickerShow(d);
	return d;
}
