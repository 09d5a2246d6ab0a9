/* Bad input on every public function of ui.h, built by `cargo xtask test
 * sanitize` with AddressSanitizer and UndefinedBehaviorSanitizer: a
 * sanitizer report, a crash or a failed check fails the tier.  Misuse must
 * give the result ui.h defines and one "libui: <function>: ..." line on
 * stderr, which is captured in a file and checked. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "ui.h"
#include "ui_extras.h"
/* For p->count: the size limit on paths is checked from the inside. */
#include "osapi.h"

static int checks, failures;
static FILE *captured;
static int savedStderr = -1;

#define CHECK(cond) check((cond), #cond, __LINE__)

static void check(int ok, const char *what, int line)
{
	checks++;
	if (!ok) {
		failures++;
		printf("FAILED line %d: %s\n", line, what);
	}
}

/* Sends stderr to a temporary file until endCapture returns what was written. */
static void beginCapture(void)
{
	fflush(stderr);
	captured = tmpfile();
	if (captured == NULL) {
		perror("tmpfile");
		exit(2);
	}
	savedStderr = dup(2);
	dup2(fileno(captured), 2);
}

static char *endCapture(void)
{
	long n;
	char *text;

	fflush(stderr);
	dup2(savedStderr, 2);
	close(savedStderr);
	n = ftell(captured);
	text = (char *) calloc(1, (size_t) n + 1);
	rewind(captured);
	if (n > 0 && fread(text, 1, (size_t) n, captured) != (size_t) n)
		text[0] = '\0';
	fclose(captured);
	return text;
}

/* Whether a getter's result is a newly allocated "" (freed here). */
static int isEmpty(char *s)
{
	int ok = s != NULL && s[0] == '\0';
	uiFreeText(s);
	return ok;
}

static int textIs(char *s, const char *want)
{
	int ok = s != NULL && strcmp(s, want) == 0;
	uiFreeText(s);
	return ok;
}

static size_t lengthOf(char *s)
{
	size_t n = s != NULL ? strlen(s) : (size_t) -1;
	uiFreeText(s);
	return n;
}

static int ranCount;

static void countRun(void *data)
{
	(void) data;
	ranCount++;
}

static int stopTimer(void *data)
{
	(void) data;
	return 0;
}

static void beforeInit(void)
{
	char *log;

	beginCapture();
	CHECK(uiNewButton("x") == NULL);
	CHECK(uiNewWindow("x", 10, 10, 0) == NULL);
	CHECK(uiNewVerticalBox() == NULL);
	CHECK(uiNewDateTimePicker() == NULL && uiNewFontButton() == NULL && uiNewColorButton() == NULL);
	CHECK(uiNewTab() == NULL && uiNewForm() == NULL && uiNewGrid() == NULL && uiNewSearchEntry() == NULL);
	uiQueueMain(countRun, NULL);
	uiTimer(10, stopTimer, NULL);
	uiQuit();
	uiMain();
	CHECK(uiMainStep(0) == 0);
	uiControlShow(NULL);
	CHECK(uiNewMenu("x") == NULL);
	CHECK(uiOpenFile(NULL) == NULL);
	{
		uiFontDescriptor f;

		f.Family = NULL;
		uiLoadControlFont(&f);
		CHECK(f.Family != NULL && f.Family[0] == '\0' && f.Size == 0);
		uiFreeFontDescriptor(&f);
	}
	uiUninit();
	log = endCapture();
	CHECK(strstr(log, "libui: uiLoadControlFont: called before uiInit") != NULL);
	CHECK(strstr(log, "libui: uiNewButton: called before uiInit") != NULL);
	CHECK(strstr(log, "libui: uiQueueMain: called before uiInit") != NULL);
	CHECK(strstr(log, "libui: uiTimer: called before uiInit") != NULL);
	free(log);
	CHECK(ranCount == 0);
}

static void initTwice(void)
{
	const char *err = uiInit(NULL);
	char *log;

	CHECK(err == NULL);
	if (err != NULL) {
		printf("uiInit: %s\n", err);
		uiFreeInitError(err);
		exit(1);
	}
	beginCapture();
	err = uiInit(NULL);
	log = endCapture();
	CHECK(err != NULL && strstr(err, "already initialized") != NULL);
	uiFreeInitError(err);
	CHECK(strstr(log, "libui: uiInit: already initialized") != NULL);
	free(log);
}

/* Every call taking a control, with c standing for something that is not one of that type. */
static void allCallsOn(uiControl *c)
{
	int w = -1, h = -1;

	uiControlDestroy(c);
	CHECK(uiControlHandle(c) == 0);
	CHECK(uiControlParent(c) == NULL);
	uiControlSetParent(c, NULL);
	CHECK(uiControlToplevel(c) == 0);
	CHECK(uiControlVisible(c) == 0);
	uiControlShow(c);
	uiControlHide(c);
	CHECK(uiControlEnabled(c) == 0);
	CHECK(uiControlEnabledToUser(c) == 0);
	uiControlVerifySetParent(c, NULL);
	uiControlVerifySetParent(c, c);
	uiControlEnable(c);
	uiControlDisable(c);
	CHECK(isEmpty(uiWindowTitle(uiWindow(c))));
	uiWindowSetTitle(uiWindow(c), "t");
	uiWindowContentSize(uiWindow(c), &w, &h);
	CHECK(w == 0 && h == 0);
	uiWindowContentSize(uiWindow(c), NULL, NULL);
	uiWindowSetContentSize(uiWindow(c), 10, 10);
	uiWindowOnContentSizeChanged(uiWindow(c), NULL, NULL);
	uiWindowOnClosing(uiWindow(c), NULL, NULL);
	uiWindowSetChild(uiWindow(c), NULL);
	CHECK(uiWindowMargined(uiWindow(c)) == 0);
	uiWindowSetMargined(uiWindow(c), 1);
	CHECK(uiWindowResizeable(uiWindow(c)) == 0);
	uiWindowSetResizeable(uiWindow(c), 1);
	uiWindowPosition(uiWindow(c), &w, &h);
	CHECK(w == 0 && h == 0);
	uiWindowPosition(uiWindow(c), NULL, NULL);
	uiWindowSetPosition(uiWindow(c), 1, 1);
	uiWindowOnPositionChanged(uiWindow(c), NULL, NULL);
	CHECK(uiWindowFullscreen(uiWindow(c)) == 0);
	uiWindowSetFullscreen(uiWindow(c), 1);
	uiWindowOnFocusChanged(uiWindow(c), NULL, NULL);
	CHECK(uiWindowFocused(uiWindow(c)) == 0);
	CHECK(uiWindowBorderless(uiWindow(c)) == 0);
	uiWindowSetBorderless(uiWindow(c), 1);
	/* NULL is a valid parent (the dialog would wait for a user); anything else that is not a window is refused. */
	if (c != NULL) {
		CHECK(uiOpenFile(uiWindow(c)) == NULL);
		CHECK(uiOpenFolder(uiWindow(c)) == NULL);
		CHECK(uiSaveFile(uiWindow(c)) == NULL);
	}
	CHECK(isEmpty(uiButtonText(uiButton(c))));
	uiButtonSetText(uiButton(c), "t");
	uiButtonOnClicked(uiButton(c), NULL, NULL);
	uiBoxAppend(uiBox(c), NULL, 0);
	CHECK(uiBoxNumChildren(uiBox(c)) == 0);
	uiBoxDelete(uiBox(c), 0);
	CHECK(uiBoxPadded(uiBox(c)) == 0);
	uiBoxSetPadded(uiBox(c), 1);
	CHECK(isEmpty(uiCheckboxText(uiCheckbox(c))));
	uiCheckboxSetText(uiCheckbox(c), "t");
	uiCheckboxOnToggled(uiCheckbox(c), NULL, NULL);
	CHECK(uiCheckboxChecked(uiCheckbox(c)) == 0);
	uiCheckboxSetChecked(uiCheckbox(c), 1);
	CHECK(isEmpty(uiEntryText(uiEntry(c))));
	uiEntrySetText(uiEntry(c), "t");
	uiEntryOnChanged(uiEntry(c), NULL, NULL);
	CHECK(uiEntryReadOnly(uiEntry(c)) == 0);
	uiEntrySetReadOnly(uiEntry(c), 1);
	CHECK(isEmpty(uiLabelText(uiLabel(c))));
	uiLabelSetText(uiLabel(c), "t");
	CHECK(uiProgressBarValue(uiProgressBar(c)) == 0);
	uiProgressBarSetValue(uiProgressBar(c), 50);
	CHECK(uiSliderValue(uiSlider(c)) == 0);
	uiSliderSetValue(uiSlider(c), 5);
	CHECK(uiSliderHasToolTip(uiSlider(c)) == 0);
	uiSliderSetHasToolTip(uiSlider(c), 1);
	uiSliderOnChanged(uiSlider(c), NULL, NULL);
	uiSliderOnReleased(uiSlider(c), NULL, NULL);
	uiSliderSetRange(uiSlider(c), 0, 1);
	CHECK(uiSpinboxValue(uiSpinbox(c)) == 0);
	uiSpinboxSetValue(uiSpinbox(c), 5);
	uiSpinboxOnChanged(uiSpinbox(c), NULL, NULL);
	uiComboboxAppend(uiCombobox(c), "t");
	uiComboboxInsertAt(uiCombobox(c), 0, "t");
	uiComboboxDelete(uiCombobox(c), 0);
	uiComboboxClear(uiCombobox(c));
	CHECK(uiComboboxNumItems(uiCombobox(c)) == 0);
	CHECK(uiComboboxSelected(uiCombobox(c)) == -1);
	uiComboboxSetSelected(uiCombobox(c), 0);
	uiComboboxOnSelected(uiCombobox(c), NULL, NULL);
	uiEditableComboboxAppend(uiEditableCombobox(c), "t");
	CHECK(isEmpty(uiEditableComboboxText(uiEditableCombobox(c))));
	uiEditableComboboxSetText(uiEditableCombobox(c), "t");
	uiEditableComboboxOnChanged(uiEditableCombobox(c), NULL, NULL);
	uiRadioButtonsAppend(uiRadioButtons(c), "t");
	CHECK(uiRadioButtonsSelected(uiRadioButtons(c)) == -1);
	uiRadioButtonsSetSelected(uiRadioButtons(c), 0);
	uiRadioButtonsOnSelected(uiRadioButtons(c), NULL, NULL);
	CHECK(isEmpty(uiGroupTitle(uiGroup(c))));
	uiGroupSetTitle(uiGroup(c), "t");
	uiGroupSetChild(uiGroup(c), NULL);
	CHECK(uiGroupMargined(uiGroup(c)) == 0);
	uiGroupSetMargined(uiGroup(c), 1);
	CHECK(isEmpty(uiMultilineEntryText(uiMultilineEntry(c))));
	uiMultilineEntrySetText(uiMultilineEntry(c), "t");
	uiMultilineEntryAppend(uiMultilineEntry(c), "t");
	uiMultilineEntryOnChanged(uiMultilineEntry(c), NULL, NULL);
	CHECK(uiMultilineEntryReadOnly(uiMultilineEntry(c)) == 0);
	uiMultilineEntrySetReadOnly(uiMultilineEntry(c), 1);
	{
		struct tm t;
		uiFontDescriptor f;
		double r = -1, g = -1, bl = -1, a = -1;

		memset(&t, 0x7f, sizeof t);
		uiDateTimePickerTime(uiDateTimePicker(c), &t);
		CHECK(t.tm_year == 0 && t.tm_mday == 0 && t.tm_sec == 0 && t.tm_isdst == -1);
		uiDateTimePickerSetTime(uiDateTimePicker(c), &t);
		uiDateTimePickerOnChanged(uiDateTimePicker(c), NULL, NULL);
		uiFontButtonFont(uiFontButton(c), &f);
		CHECK(isEmpty(f.Family) && f.Size == 0 && f.Weight == 0 && f.Italic == 0 && f.Stretch == 0);
		uiFontButtonOnChanged(uiFontButton(c), NULL, NULL);
		uiColorButtonColor(uiColorButton(c), &r, &g, &bl, &a);
		CHECK(r == 0 && g == 0 && bl == 0 && a == 0);
		uiColorButtonSetColor(uiColorButton(c), 1, 1, 1, 1);
		uiColorButtonOnChanged(uiColorButton(c), NULL, NULL);
	}
	CHECK(uiTabSelected(uiTab(c)) == -1);
	uiTabSetSelected(uiTab(c), 0);
	uiTabOnSelected(uiTab(c), NULL, NULL);
	uiTabAppend(uiTab(c), "t", NULL);
	uiTabInsertAt(uiTab(c), "t", 0, NULL);
	uiTabDelete(uiTab(c), 0);
	CHECK(uiTabNumPages(uiTab(c)) == 0);
	CHECK(uiTabMargined(uiTab(c), 0) == 0);
	uiTabSetMargined(uiTab(c), 0, 1);
	uiFormAppend(uiForm(c), "t", NULL, 0);
	CHECK(uiFormNumChildren(uiForm(c)) == 0);
	uiFormDelete(uiForm(c), 0);
	CHECK(uiFormPadded(uiForm(c)) == 0);
	uiFormSetPadded(uiForm(c), 1);
	uiGridAppend(uiGrid(c), NULL, 0, 0, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
	uiGridInsertAt(uiGrid(c), NULL, NULL, uiAtTop, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
	CHECK(uiGridPadded(uiGrid(c)) == 0);
	uiGridSetPadded(uiGrid(c), 1);
	{
		uiTableSelection sel = { 0, NULL };
		uiTableSelection *got;

		uiTableAppendTextColumn(uiTable(c), "t", 0, -1, NULL);
		uiTableAppendImageColumn(uiTable(c), "t", 0);
		uiTableAppendImageTextColumn(uiTable(c), "t", 0, 0, -1, NULL);
		uiTableAppendCheckboxColumn(uiTable(c), "t", 0, -1);
		uiTableAppendCheckboxTextColumn(uiTable(c), "t", 0, -1, 0, -1, NULL);
		uiTableAppendProgressBarColumn(uiTable(c), "t", 0);
		uiTableAppendButtonColumn(uiTable(c), "t", 0, -1);
		CHECK(uiTableHeaderVisible(uiTable(c)) == 0);
		uiTableHeaderSetVisible(uiTable(c), 1);
		uiTableOnRowClicked(uiTable(c), NULL, NULL);
		uiTableOnRowDoubleClicked(uiTable(c), NULL, NULL);
		uiTableHeaderSetSortIndicator(uiTable(c), 0, uiSortIndicatorAscending);
		CHECK(uiTableHeaderSortIndicator(uiTable(c), 0) == uiSortIndicatorNone);
		uiTableHeaderOnClicked(uiTable(c), NULL, NULL);
		CHECK(uiTableColumnWidth(uiTable(c), 0) == -1);
		uiTableColumnSetWidth(uiTable(c), 0, 10);
		CHECK(uiTableGetSelectionMode(uiTable(c)) == uiTableSelectionModeNone);
		uiTableSetSelectionMode(uiTable(c), uiTableSelectionModeOne);
		uiTableOnSelectionChanged(uiTable(c), NULL, NULL);
		got = uiTableGetSelection(uiTable(c));
		CHECK(got != NULL && got->NumRows == 0 && got->Rows == NULL);
		uiFreeTableSelection(got);
		uiTableSetSelection(uiTable(c), &sel);
	}
}

/* Lists at and past their ends, with invalid UTF-8 items; a group's parenting rules. */
static void lists(void)
{
	uiCombobox *c = uiNewCombobox();
	uiEditableCombobox *e = uiNewEditableCombobox();
	uiRadioButtons *r = uiNewRadioButtons();
	uiGroup *g = uiNewGroup("\xff");
	uiBox *b = uiNewVerticalBox();
	char *log;
	int i;

	beginCapture();
	for (i = 0; i < 100; i++) {
		uiComboboxAppend(c, "item \xc3");
		uiEditableComboboxAppend(e, NULL);
	}
	uiComboboxInsertAt(c, 101, "x");
	uiComboboxDelete(c, 100);
	uiComboboxSetSelected(c, 100);
	CHECK(uiComboboxNumItems(c) == 100 && uiComboboxSelected(c) == -1);
	uiComboboxSetSelected(c, 99);
	uiComboboxDelete(c, 99);
	CHECK(uiComboboxSelected(c) == -1);
	uiRadioButtonsSetSelected(r, 0);
	uiRadioButtonsAppend(r, NULL);
	CHECK(uixRadioButtonsNumItems(r) == 1 && uixRadioButtonsNumItems(NULL) == 0);
	CHECK(uixRadioButtonsNumItems((uiRadioButtons *) g) == 0);
	uiRadioButtonsSetSelected(r, 1);
	CHECK(uiRadioButtonsSelected(r) == -1);
	CHECK(textIs(uiGroupTitle(g), "\xef\xbf\xbd"));
	uiBoxAppend(b, uiControl(g), 0);
	uiGroupSetChild(g, uiControl(b));
	uiGroupSetChild(g, uiControl(g));
	uiGroupSetChild(g, uiControl(r));
	CHECK(uiControlParent(uiControl(r)) == uiControl(g));
	uiControlDestroy(uiControl(g));
	log = endCapture();
	CHECK(strstr(log, "libui: uiComboboxInsertAt: index 101 is outside 0..100") != NULL);
	CHECK(strstr(log, "libui: uiGroupSetChild: the child contains the container") != NULL);
	CHECK(strstr(log, "libui: uiControlDestroy: the control still has a parent") != NULL);
	CHECK(strstr(log, "libui: uixRadioButtonsNumItems:") != NULL);
	free(log);
	uiBoxDelete(b, 0);
	uiControlDestroy(uiControl(b));
	uiControlDestroy(uiControl(g));
	CHECK(uiControlHandle(uiControl(r)) == 0);
	uiControlDestroy(uiControl(c));
	uiControlDestroy(uiControl(e));
}

/* The range controls at and past their edges. */
static void ranges(void)
{
	uiProgressBar *p = uiNewProgressBar();
	uiSlider *s = uiNewSlider(100, -100);
	uiSpinbox *b = uiNewSpinbox(0x7fffffff, -0x7fffffff - 1);
	uiSeparator *h = uiNewHorizontalSeparator();
	uiSeparator *v = uiNewVerticalSeparator();
	char *log;

	beginCapture();
	uiProgressBarSetValue(p, -1);
	uiProgressBarSetValue(p, -2);
	uiProgressBarSetValue(p, 101);
	CHECK(uiProgressBarValue(p) == -1);
	uiSliderSetValue(s, -0x7fffffff - 1);
	CHECK(uiSliderValue(s) == -100);
	uiSliderSetRange(s, 0x7fffffff, 0x7ffffff0);
	CHECK(uiSliderValue(s) == 0x7ffffff0);
	uiSpinboxSetValue(b, 0x7fffffff);
	CHECK(uiSpinboxValue(b) == 0x7fffffff);
	uiSpinboxSetValue(b, -0x7fffffff - 1);
	CHECK(uiSpinboxValue(b) == -0x7fffffff - 1);
	log = endCapture();
	CHECK(strstr(log, "libui: uiProgressBarSetValue: value -2 is outside -1..100") != NULL);
	free(log);
	uiControlDestroy(uiControl(p));
	uiControlDestroy(uiControl(s));
	uiControlDestroy(uiControl(b));
	uiControlDestroy(uiControl(h));
	uiControlDestroy(uiControl(v));
}

static void nullAndDestroyed(void)
{
	uiLabel *l;
	uiWindow *w;
	uiBox *b;
	char *log;

	beginCapture();
	allCallsOn(NULL);
	/* Destroyed controls of every kind: under ASan any read of their memory is a report. */
	l = uiNewLabel("gone");
	uiControlDestroy(uiControl(l));
	allCallsOn(uiControl(l));
	w = uiNewWindow("gone", 50, 50, 0);
	b = uiNewHorizontalBox();
	uiBoxAppend(b, uiControl(uiNewButton("inner")), 1);
	uiWindowSetChild(w, uiControl(b));
	uiControlDestroy(uiControl(w));
	allCallsOn(uiControl(w));
	allCallsOn(uiControl(b));
	log = endCapture();
	CHECK(strstr(log, "libui: uiControlHandle: the control is NULL") != NULL);
	CHECK(strstr(log, "libui: uiLabelText: ") != NULL && strstr(log, "is not a live control") != NULL);
	free(log);
}

static void wrongTypes(void)
{
	uiControl *controls[6];
	char *log;
	int i;

	controls[0] = uiControl(uiNewWindow("w", 50, 50, 0));
	controls[1] = uiControl(uiNewButton("b"));
	controls[2] = uiControl(uiNewVerticalBox());
	controls[3] = uiControl(uiNewCheckbox("c"));
	controls[4] = uiControl(uiNewEntry());
	controls[5] = uiControl(uiNewLabel("l"));
	/* (allCallsOn below also covers every typed call on destroyed and NULL controls.) */
	beginCapture();
	/* Each typed call on a control of another type is ignored (allCallsOn's generic calls act, so they are skipped). */
	for (i = 0; i < 6; i++) {
		if (i != 0)
			CHECK(isEmpty(uiWindowTitle(uiWindow(controls[i]))));
		if (i != 1)
			CHECK(isEmpty(uiButtonText(uiButton(controls[i]))));
		if (i != 2)
			CHECK(uiBoxNumChildren(uiBox(controls[i])) == 0);
		if (i != 3)
			uiCheckboxSetChecked(uiCheckbox(controls[i]), 1);
		if (i != 4)
			uiEntrySetText(uiEntry(controls[i]), "wrong");
		if (i != 5)
			uiLabelSetText(uiLabel(controls[i]), "wrong");
	}
	log = endCapture();
	CHECK(textIs(uiButtonText(uiButton(controls[1])), "b"));
	CHECK(textIs(uiCheckboxText(uiCheckbox(controls[3])), "c"));
	CHECK(uiCheckboxChecked(uiCheckbox(controls[3])) == 0);
	CHECK(isEmpty(uiEntryText(uiEntry(controls[4]))));
	CHECK(textIs(uiLabelText(uiLabel(controls[5])), "l"));
	CHECK(strstr(log, "libui: uiLabelSetText: the control is a uiButton, not a uiLabel") != NULL);
	free(log);
	for (i = 0; i < 6; i++)
		uiControlDestroy(controls[i]);
}

static void badText(void)
{
	static const char invalid[] = "a\xff" "b\xe2\x82" "c\xed\xa0\x80\xc0\xaf\xf4\x90\x80\x80";
	size_t big = 1024 * 1024;
	char *mb = (char *) malloc(big + 1);
	uiWindow *w = uiNewWindow(NULL, 10, 10, 0);
	uiButton *b = uiNewButton(NULL);
	uiCheckbox *c = uiNewCheckbox(NULL);
	uiEntry *e = uiNewEntry();
	uiEntry *p = uiNewPasswordEntry();
	uiLabel *l = uiNewLabel(NULL);

	CHECK(isEmpty(uiWindowTitle(w)) && isEmpty(uiButtonText(b)) && isEmpty(uiLabelText(l)));
	uiWindowSetTitle(w, invalid);
	uiButtonSetText(b, invalid);
	uiCheckboxSetText(c, invalid);
	uiEntrySetText(e, invalid);
	uiLabelSetText(l, invalid);
	CHECK(textIs(uiEntryText(e), "a\xef\xbf\xbd" "b\xef\xbf\xbd\xef\xbf\xbd" "c\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"));
	/* 1 MB strings: ASCII, then 3-byte characters; each cut to the limit on a character boundary. */
	memset(mb, 'x', big);
	mb[big] = '\0';
	uiWindowSetTitle(w, mb);
	uiButtonSetText(b, mb);
	uiCheckboxSetText(c, mb);
	uiEntrySetText(e, mb);
	uiEntrySetText(p, mb);
	uiLabelSetText(l, mb);
	CHECK(lengthOf(uiWindowTitle(w)) == uiTextLimit);
	CHECK(lengthOf(uiButtonText(b)) == uiTextLimit);
	CHECK(lengthOf(uiCheckboxText(c)) == uiTextLimit);
	CHECK(lengthOf(uiEntryText(e)) == uiTextLimit);
	CHECK(lengthOf(uiEntryText(p)) == uiTextLimit);
	CHECK(lengthOf(uiLabelText(l)) == uiTextLimit);
	{
		uiMultilineEntry *m = uiNewNonWrappingMultilineEntry();

		uiMultilineEntrySetText(m, mb);
		CHECK(lengthOf(uiMultilineEntryText(m)) == uiTextLimit);
		uiMultilineEntryAppend(m, mb);
		uiMultilineEntryAppend(m, invalid);
		CHECK(lengthOf(uiMultilineEntryText(m)) == uiTextLimit);
		uiMultilineEntrySetText(m, invalid);
		uiMultilineEntryAppend(m, NULL);
		uiControlDestroy(uiControl(m));
	}
	{
		size_t i;
		for (i = 0; i + 3 <= big; i += 3)
			memcpy(mb + i, "\xe2\x82\xac", 3);
		mb[i] = '\0';
	}
	uiEntrySetText(e, mb);
	uiLabelSetText(l, mb);
	CHECK(lengthOf(uiEntryText(e)) == uiTextLimit - uiTextLimit % 3);
	CHECK(lengthOf(uiLabelText(l)) == uiTextLimit - uiTextLimit % 3);
	uiFreeText(NULL);
	free(mb);
	uiControlDestroy(uiControl(b));
	uiControlDestroy(uiControl(c));
	uiControlDestroy(uiControl(e));
	uiControlDestroy(uiControl(p));
	uiControlDestroy(uiControl(l));
	uiControlDestroy(uiControl(w));
}

static void parenting(void)
{
	uiWindow *w = uiNewWindow("p", 100, 100, 0);
	uiWindow *w2 = uiNewWindow("p2", 100, 100, 0);
	uiBox *outer = uiNewVerticalBox();
	uiBox *inner = uiNewHorizontalBox();
	uiButton *b = uiNewButton("b");
	char *log;

	beginCapture();
	uiBoxAppend(outer, uiControl(inner), 1);
	uiBoxAppend(inner, uiControl(b), 0);
	uiBoxAppend(inner, uiControl(outer), 0);          /* cycle */
	uiBoxAppend(inner, uiControl(inner), 0);          /* itself */
	uiBoxAppend(outer, uiControl(w), 0);              /* a window */
	uiBoxAppend(outer, uiControl(b), 0);              /* already parented */
	CHECK(uiBoxNumChildren(outer) == 1 && uiBoxNumChildren(inner) == 1);
	uiControlSetParent(uiControl(b), NULL);            /* would orphan it */
	uiControlSetParent(uiControl(b), uiControl(outer));
	CHECK(uiControlParent(uiControl(b)) == uiControl(inner));
	uiControlVerifySetParent(uiControl(b), uiControl(outer)); /* a second parent */
	uiControlVerifySetParent(uiControl(w), NULL);             /* a window */
	uiControlVerifySetParent(uiControl(b), NULL);             /* fine: it has one to lose */
	CHECK(uiControlParent(uiControl(b)) == uiControl(inner));
	uiUserBugCannotSetParentOnToplevel(NULL);
	uiUserBugCannotSetParentOnToplevel("uiWindow\xff\xfe");
	uiControlDestroy(uiControl(b));                    /* still parented */
	CHECK(textIs(uiButtonText(b), "b"));
	uiWindowSetChild(w, uiControl(outer));
	uiWindowSetChild(w2, uiControl(outer));            /* already in w */
	uiWindowSetChild(w, uiControl(w2));                /* a window */
	uiWindowSetChild(w2, uiControl(inner));            /* already in outer */
	CHECK(uiControlParent(uiControl(outer)) == uiControl(w));
	uiBoxDelete(inner, 5);
	uiBoxDelete(inner, -1);
	uiControlShow(uiControl(w));
	uiMainStep(0);
	/* Moving a subtree between windows, then destroying everything from the top. */
	uiWindowSetChild(w, NULL);
	uiWindowSetChild(w2, uiControl(outer));
	uiBoxDelete(inner, 0);
	CHECK(uiControlParent(uiControl(b)) == NULL);
	uiControlDestroy(uiControl(b));
	log = endCapture();
	CHECK(strstr(log, "libui: uiBoxAppend: the child contains the container") != NULL);
	CHECK(strstr(log, "libui: uiControlVerifySetParent: the control already has a parent") != NULL);
	CHECK(strstr(log, "libui: uiControlVerifySetParent: a uiWindow cannot have a parent") != NULL);
	CHECK(strstr(log, "libui: uiUserBugCannotSetParentOnToplevel: a top-level control cannot have a parent") != NULL);
	CHECK(strstr(log, "libui: uiUserBugCannotSetParentOnToplevel: a uiWindow cannot have a parent") != NULL);
	CHECK(strstr(log, "libui: uiControlDestroy: the control still has a parent") != NULL);
	CHECK(strstr(log, "libui: uiBoxDelete: index 5 is out of range") != NULL);
	CHECK(strstr(log, "libui: uiControlSetParent: ") != NULL);
	free(log);
	uiControlDestroy(uiControl(w));
	uiControlDestroy(uiControl(w2));
	CHECK(uiControlHandle(uiControl(inner)) == 0);
}

/* The pickers' own input: struct tm fields out of range, NULL out-pointers, colors outside 0..1. */
static void pickers(void)
{
	uiDateTimePicker *d = uiNewDatePicker();
	uiFontButton *fb = uiNewFontButton();
	uiColorButton *cb = uiNewColorButton();
	struct tm t, bad;
	uiFontDescriptor f;
	double r = -1, a = -1;
	char *log;

	memset(&t, 0, sizeof t);
	t.tm_year = 124;
	t.tm_mon = 1;
	t.tm_mday = 29;
	t.tm_hour = 23;
	beginCapture();
	uiDateTimePickerSetTime(d, &t);
	bad = t;
	bad.tm_year = 123; /* 2023 has no 29 February */
	uiDateTimePickerSetTime(d, &bad);
	bad = t;
	bad.tm_year = -0x7fffffff - 1;
	uiDateTimePickerSetTime(d, &bad);
	bad = t;
	bad.tm_mon = 0x7fffffff;
	uiDateTimePickerSetTime(d, &bad);
	bad = t;
	bad.tm_sec = 60;
	uiDateTimePickerSetTime(d, &bad);
	uiDateTimePickerSetTime(d, NULL);
	uiDateTimePickerTime(d, NULL);
	memset(&bad, 0, sizeof bad);
	uiDateTimePickerTime(d, &bad);
	CHECK(bad.tm_year == 124 && bad.tm_mon == 1 && bad.tm_mday == 29 && bad.tm_hour == 23 && bad.tm_isdst == -1);
	CHECK(bad.tm_wday == 4 && bad.tm_yday == 59);
	uiFontButtonFont(fb, NULL);
	uiFreeFontButtonFont(NULL);
	uiLoadControlFont(NULL);
	uiFreeFontDescriptor(NULL);
	uiLoadControlFont(&f);
	CHECK(f.Family != NULL && f.Family[0] != '\0' && f.Size > 0);
	uiFreeFontDescriptor(&f);
	CHECK(f.Family == NULL);
	uiFreeFontDescriptor(&f);
	uiFontButtonFont(fb, &f);
	CHECK(f.Family != NULL && f.Size > 0);
	uiFreeFontButtonFont(&f);
	CHECK(f.Family == NULL);
	uiFreeFontButtonFont(&f);
	uiColorButtonSetColor(cb, 0.5, 0.25, 0.125, 0.75);
	uiColorButtonSetColor(cb, NAN, 0, 0, 1);
	uiColorButtonSetColor(cb, 0, 0, 0, 1e300);
	uiColorButtonSetColor(cb, -0.0001, 0, 0, 1);
	uiColorButtonColor(cb, &r, NULL, NULL, &a);
	CHECK(r == 0.5 && a == 0.75);
	uiColorButtonColor(cb, NULL, NULL, NULL, NULL);
	log = endCapture();
	CHECK(strstr(log, "libui: uiDateTimePickerSetTime: tm_mday is 29, outside 1..28") != NULL);
	CHECK(strstr(log, "libui: uiDateTimePickerSetTime: tm_year is -2147483648, outside -147..8099") != NULL);
	CHECK(strstr(log, "libui: uiDateTimePickerSetTime: tm_mon is 2147483647, outside 0..11") != NULL);
	CHECK(strstr(log, "libui: uiDateTimePickerSetTime: tm_sec is 60, outside 0..59") != NULL);
	CHECK(strstr(log, "libui: uiDateTimePickerSetTime: the time is NULL") != NULL);
	CHECK(strstr(log, "libui: uiDateTimePickerTime: the time is NULL") != NULL);
	CHECK(strstr(log, "libui: uiFontButtonFont: the font descriptor is NULL") != NULL);
	CHECK(strstr(log, "libui: uiFreeFontButtonFont: the font descriptor is NULL") != NULL);
	CHECK(strstr(log, "libui: uiLoadControlFont: the font descriptor is NULL") != NULL);
	CHECK(strstr(log, "libui: uiFreeFontDescriptor: the font descriptor is NULL") != NULL);
	CHECK(strstr(log, "libui: uiColorButtonSetColor: red is not a number from 0 to 1") != NULL);
	CHECK(strstr(log, "libui: uiColorButtonSetColor: alpha is not a number from 0 to 1") != NULL);
	CHECK(strstr(log, "libui: uiColorButtonColor: a color pointer is NULL") != NULL);
	free(log);
	uiControlDestroy(uiControl(d));
	uiControlDestroy(uiControl(fb));
	uiControlDestroy(uiControl(cb));
}

static void countSelected(uiTab *t, void *data)
{
	(void) t;
	(*(int *) data)++;
}

/* The containers at and past their ends, with invalid and oversized names and every parenting misuse. */
static void containers(void)
{
	size_t big = 1024 * 1024;
	char *mb = (char *) malloc(big + 1);
	uiWindow *w = uiNewWindow("c", 100, 100, 0);
	uiTab *t = uiNewTab();
	uiForm *f = uiNewForm();
	uiGrid *g = uiNewGrid();
	uiBox *holder = uiNewVerticalBox();
	uiButton *a = uiNewButton("a"), *b = uiNewButton("b"), *stray = uiNewButton("stray");
	uiEntry *s = uiNewSearchEntry();
	char *log;
	int selections = 0;

	memset(mb, 'x', big);
	mb[big] = '\0';
	beginCapture();
	uiTabOnSelected(t, countSelected, &selections);
	uiTabAppend(t, NULL, uiControl(a));
	uiTabInsertAt(t, "bad \xff", 0, uiControl(f));
	uiTabInsertAt(t, mb, 3, uiControl(b));                   /* past the end */
	uiTabInsertAt(t, mb, -1, uiControl(b));
	uiTabAppend(t, mb, uiControl(w));                        /* a window */
	uiTabAppend(t, "again", uiControl(a));                   /* already parented */
	uiBoxAppend(holder, uiControl(t), 1);
	uiTabAppend(t, "cycle", uiControl(holder));              /* contains the tab */
	uiTabAppend(t, "itself", uiControl(t));
	CHECK(uiTabNumPages(t) == 2 && uiTabSelected(t) == 1);
	uiTabDelete(t, 2);
	uiTabSetSelected(t, 2);
	uiTabSetSelected(t, -1);
	CHECK(uiTabMargined(t, 2) == 0);
	uiTabSetMargined(t, 99, 1);
	uiTabSetSelected(t, 0);
	CHECK(selections == 0 && uiTabSelected(t) == 0);

	uiFormAppend(f, NULL, uiControl(b), 1);
	uiFormAppend(f, mb, uiControl(s), 0);
	uiFormAppend(f, "bad \xc3", uiControl(w), 0);
	uiFormAppend(f, "parented", uiControl(a), 0);
	uiFormAppend(f, "cycle", uiControl(holder), 0);
	uiFormAppend(f, "null", NULL, 0);
	CHECK(uiFormNumChildren(f) == 2);
	uiFormDelete(f, 2);
	uiFormDelete(f, -1);

	uiGridAppend(g, uiControl(stray), 0, 0, 0, 1, 0, uiAlignFill, 0, uiAlignFill);
	uiGridAppend(g, uiControl(stray), 0, 0, 1, 1, 0, 4, 0, uiAlignFill);
	uiGridAppend(g, uiControl(stray), 0, 0, 1, 1, 0, uiAlignFill, 0, (uiAlign) -1);
	uiGridInsertAt(g, uiControl(stray), uiControl(a), uiAtTop, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
	uiGridAppend(g, uiControl(w), 0, 0, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
	uiGridAppend(g, uiControl(a), 0, 0, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
	uiGridAppend(g, uiControl(stray), -5, -5, 1, 1, 1, uiAlignEnd, 1, uiAlignCenter);
	uiGridInsertAt(g, uiControl(holder), uiControl(stray), 7, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
	CHECK(uiControlParent(uiControl(stray)) == uiControl(g) && uiControlParent(uiControl(holder)) == NULL);
	uiWindowSetChild(w, uiControl(holder));
	uiControlShow(uiControl(w));
	uiMainStep(0);
	log = endCapture();
	CHECK(strstr(log, "libui: uiTabInsertAt: index 3 is outside 0..2") != NULL);
	CHECK(strstr(log, "libui: uiTabAppend: a window cannot be put into a container") != NULL);
	CHECK(strstr(log, "libui: uiTabAppend: the child contains the container") != NULL);
	CHECK(strstr(log, "libui: uiTabDelete: index 2 is outside 0..1") != NULL);
	CHECK(strstr(log, "libui: uiTabSetMargined: index 99 is outside 0..1") != NULL);
	CHECK(strstr(log, "libui: uiFormAppend: the child already has a parent") != NULL);
	CHECK(strstr(log, "libui: uiFormDelete: index -1 is outside 0..1") != NULL);
	CHECK(strstr(log, "libui: uiGridAppend: spans must be at least 1") != NULL);
	CHECK(strstr(log, "libui: uiGridAppend: halign is not a uiAlign value") != NULL);
	CHECK(strstr(log, "libui: uiGridAppend: valign is not a uiAlign value") != NULL);
	CHECK(strstr(log, "libui: uiGridInsertAt: the existing control") != NULL);
	CHECK(strstr(log, "libui: uiGridInsertAt: at is not a uiAt value") != NULL);
	free(log);
	/* Destroying from the top frees every page, row and cell. */
	uiControlDestroy(uiControl(w));
	uiControlDestroy(uiControl(g));
	CHECK(uiControlHandle(uiControl(s)) == 0 && uiControlHandle(uiControl(stray)) == 0);
	CHECK(uiControlHandle(uiControl(b)) == 0 && uiControlHandle(uiControl(f)) == 0);
	free(mb);
}

static void quitSoon(void *data)
{
	(void) data;
	uiQuit();
}

static void loopAndQueue(void)
{
	int i;

	ranCount = 0;
	for (i = 0; i < 1000; i++)
		uiQueueMain(countRun, NULL);
	uiQueueMain(quitSoon, NULL);
	uiTimer(-5, stopTimer, NULL);
	uiMain();
	CHECK(ranCount == 1000);
	beginCapture();
	uiQueueMain(NULL, NULL);
	uiTimer(1, NULL, NULL);
	free(endCapture());
	/* Still queued at uiUninit: dropped, never run, not leaked into a later uiInit. */
	for (i = 0; i < 100; i++)
		uiQueueMain(countRun, NULL);
	uiUninit();
	CHECK(uiInit(NULL) == NULL);
	for (i = 0; i < 50; i++)
		uiMainStep(0);
	CHECK(ranCount == 1000);
}

static void onActivated(uiEntry *e, void *data)
{
	(void) e;
	(*(int *) data)++;
}

/* ui_extras.h: the clipboard and the Enter event take the same bad input. */
static void extras(void)
{
	char *big = malloc(1024 * 1024 + 1);
	char *text;
	uiEntry *e = uiNewEntry();
	uiButton *b = uiNewButton("x");
	int fired = 0;

	CHECK(uixClipboardSetText(NULL) == 0);
	CHECK(uixClipboardSetText("kept") == 1);
	memset(big, 'x', 1024 * 1024);
	big[1024 * 1024] = '\0';
	CHECK(uixClipboardSetText(big) == 0);
	text = uixClipboardText();
	CHECK(text != NULL && strcmp(text, "kept") == 0);
	uiFreeText(text);
	CHECK(uixClipboardSetText("a\xff\xfe") == 1);
	text = uixClipboardText();
	CHECK(text != NULL && strcmp(text, "a\xef\xbf\xbd\xef\xbf\xbd") == 0);
	uiFreeText(text);
	free(big);
	beginCapture();
	uixEntryOnActivated(NULL, onActivated, &fired);
	uixEntryOnActivated((uiEntry *) b, onActivated, &fired);
	uixEntryOnActivated(e, onActivated, &fired);
	uixEntryOnActivated(e, NULL, NULL);
	uiControlDestroy(uiControl(e));
	uixEntryOnActivated(e, onActivated, &fired);
	uiControlDestroy(uiControl(b));
	free(endCapture());
	CHECK(fired == 0);
	/* The child query: a question, so nothing to report for any of these. */
	b = uiNewButton("x");
	beginCapture();
	CHECK(uixControlChild(NULL, 0) == NULL);
	CHECK(uixControlChild(uiControl(b), 0) == NULL);
	CHECK(uixControlChild(uiControl(b), -1) == NULL);
	CHECK(uixControlChild((uiControl *) big, 0) == NULL); /* freed above, never a control */
	uiControlDestroy(uiControl(b));
	CHECK(uixControlChild(uiControl(b), 0) == NULL);
	text = endCapture();
	CHECK(text != NULL && text[0] == '\0');
	free(text);
}

static void onMenuClicked(uiMenuItem *item, uiWindow *w, void *data)
{
	(void) item;
	(void) w;
	(void) data;
}

/* Menus before the first window (libui-ng's rule): NULL, invalid UTF-8 and 1 MB names, things that are not
 * menus or items, a second Quit/Preferences/About, state calls on the wrong kind of item. */
static uiMenu *menusBeforeWindows(const char *big)
{
	static const char invalid[] = "a\xff\xc0\xaf" "b";
	uiMenu *m = uiNewMenu(NULL), *m2 = uiNewMenu(invalid), *m3 = uiNewMenu(big);
	uiMenuItem *plain, *toggle, *quit;
	int notMenu[8] = { 0 };
	char *log;

	CHECK(m != NULL && m2 != NULL && m3 != NULL);
	plain = uiMenuAppendItem(m, big);
	toggle = uiMenuAppendCheckItem(m2, invalid);
	quit = uiMenuAppendQuitItem(m);
	CHECK(plain != NULL && toggle != NULL && quit != NULL);
	CHECK(uiMenuAppendPreferencesItem(m3) != NULL && uiMenuAppendAboutItem(m3) != NULL);
	uiMenuAppendSeparator(m);
	beginCapture();
	CHECK(uiMenuAppendQuitItem(m2) == NULL);
	CHECK(uiMenuAppendPreferencesItem(m2) == NULL);
	CHECK(uiMenuAppendAboutItem(m2) == NULL);
	CHECK(uiMenuAppendItem(NULL, "x") == NULL);
	CHECK(uiMenuAppendCheckItem((uiMenu *) notMenu, "x") == NULL);
	CHECK(uiMenuAppendItem((uiMenu *) plain, "x") == NULL);
	uiMenuAppendSeparator(NULL);
	uiMenuItemEnable(NULL);
	uiMenuItemDisable((uiMenuItem *) notMenu);
	uiMenuItemOnClicked((uiMenuItem *) m, onMenuClicked, NULL);
	uiMenuItemOnClicked(quit, onMenuClicked, NULL);
	CHECK(uiMenuItemChecked(plain) == 0);
	uiMenuItemSetChecked(plain, 1);
	CHECK(uiMenuItemChecked(plain) == 0);
	CHECK(uiMenuItemChecked(NULL) == 0);
	uiMenuItemSetChecked((uiMenuItem *) notMenu, 1);
	log = endCapture();
	CHECK(strstr(log, "libui: uiMenuAppendQuitItem: a program can have only one Quit item") != NULL);
	CHECK(strstr(log, "libui: uiMenuAppendCheckItem: ") != NULL);
	CHECK(strstr(log, "libui: uiMenuItemOnClicked: the Quit item") != NULL);
	CHECK(strstr(log, "libui: uiMenuItemSetChecked: ") != NULL);
	free(log);
	uiMenuItemSetChecked(toggle, 7);
	CHECK(uiMenuItemChecked(toggle) == 1);
	uiMenuItemOnClicked(plain, onMenuClicked, NULL);
	uiMenuItemDisable(plain);
	uiMenuItemEnable(plain);
	return m;
}

/* Once a window exists the menus are fixed; windows with menu bars are made and destroyed cleanly. */
static void menusAfterWindows(uiMenu *m)
{
	uiWindow *w = uiNewWindow("menus", 50, 50, 1);
	char *log;

	CHECK(w != NULL);
	beginCapture();
	CHECK(uiNewMenu("late") == NULL);
	CHECK(uiMenuAppendItem(m, "late") == NULL);
	uiMenuAppendSeparator(m);
	log = endCapture();
	CHECK(strstr(log, "libui: uiNewMenu: menus cannot be created or changed once a window exists") != NULL);
	CHECK(strstr(log, "libui: uiMenuAppendItem: menus cannot be created") != NULL);
	free(log);
	uiControlDestroy(uiControl(w));
}

/* Misuse of paths, brushes and strokes inside a real Draw call, on the context it is given. */
static uiForEach stopAtOnce(const uiAttributedString *s, const uiAttribute *a, size_t start, size_t end, void *data)
{
	(void) a;
	(void) start;
	(void) end;
	(*(int *) data)++;
	/* Changing or freeing the string being iterated is refused. */
	uiAttributedStringDelete((uiAttributedString *) s, 0, 1);
	uiFreeAttributedString((uiAttributedString *) s);
	return uiForEachStop;
}

static uiForEach freeDuringFeatures(const uiOpenTypeFeatures *otf, char a, char b, char c, char d, uint32_t v, void *data)
{
	(void) a;
	(void) b;
	(void) c;
	(void) d;
	(void) v;
	(*(int *) data)++;
	uiFreeOpenTypeFeatures((uiOpenTypeFeatures *) otf);
	uiOpenTypeFeaturesAdd((uiOpenTypeFeatures *) otf, 'x', 'x', 'x', 'x', 1);
	return uiForEachContinue;
}

static uiDrawTextLayout *drawnLayout;

/* Attributed strings, attributes, features and layouts with NULL, freed and wrong-type objects,
 * invalid UTF-8, positions inside characters and past the end, and bad numbers. */
static void text(void)
{
	uiAttributedString *s, *freed;
	uiAttribute *a, *given, *freedAttr;
	uiOpenTypeFeatures *otf, *freedOtf;
	uiFontDescriptor font = { (char *) "DejaVu Sans", 12, uiTextWeightNormal, uiTextItalicNormal, uiTextStretchNormal };
	uiDrawTextLayoutParams p;
	uiDrawTextLayout *tl;
	char *big, *log;
	double w = -1, h = -1, r, g, b, al;
	uint32_t v = 7;
	uiUnderlineColor uc;
	int n = 0;
	uiButton *button = uiNewButton("x");

	beginCapture();
	/* Invalid UTF-8 in, valid out. */
	s = uiNewAttributedString("a\xc3(\xf0\x9f\x98");
	/* Each byte of a cut-off sequence is one U+FFFD. */
	CHECK(strcmp(uiAttributedStringString(s), "a\xef\xbf\xbd(\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd") == 0);
	uiAttributedStringAppendUnattributed(s, "\xff");
	uiAttributedStringInsertAtUnattributed(s, NULL, 0);
	CHECK(uiAttributedStringLen(s) == 17);
	/* Positions inside a character or past the end. */
	uiAttributedStringInsertAtUnattributed(s, "x", 2);
	uiAttributedStringInsertAtUnattributed(s, "x", 18);
	uiAttributedStringDelete(s, 1, 3);
	uiAttributedStringDelete(s, 4, 1);
	uiAttributedStringDelete(s, 0, (size_t) -1);
	CHECK(uiAttributedStringLen(s) == 17);
	a = uiNewColorAttribute(1, 0, 0, 1);
	uiAttributedStringSetAttribute(s, a, 1, 2);
	uiAttributedStringSetAttribute(s, a, 0, 99);
	uiAttributedStringSetAttribute(s, a, 4, 1);
	uiAttributedStringSetAttribute(s, a, 0, 1);
	/* Given away: the string frees it; freeing it here is refused. */
	uiFreeAttribute(a);
	CHECK(uiAttributedStringByteIndexToGrapheme(s, (size_t) -1) == uiAttributedStringNumGraphemes(s));
	CHECK(uiAttributedStringGraphemeToByteIndex(s, 1000) == uiAttributedStringLen(s));
	uiAttributedStringForEachAttribute(s, NULL, NULL);
	uiAttributedStringForEachAttribute(s, stopAtOnce, &n);
	CHECK(n == 1 && uiAttributedStringLen(s) == 17);
	/* An attribute given for an empty range still belongs to the string (and is gone). */
	given = uiNewWeightAttribute(uiTextWeightBold);
	uiAttributedStringSetAttribute(s, given, 4, 4);
	CHECK(uiAttributeWeight(given) == 0);
	/* NULL, freed and wrong-type objects. */
	CHECK(uiNewAttributedString(NULL) != NULL);
	CHECK(uiAttributedStringString(NULL) == NULL && uiAttributedStringLen(NULL) == 0);
	CHECK(uiAttributedStringNumGraphemes((uiAttributedString *) button) == 0);
	uiAttributedStringAppendUnattributed(NULL, "x");
	uiAttributedStringSetAttribute(s, (uiAttribute *) button, 0, 1);
	uiAttributedStringSetAttribute((uiAttributedString *) a, uiNewSizeAttribute(3), 0, 1);
	freed = uiNewAttributedString("gone");
	uiFreeAttributedString(freed);
	uiFreeAttributedString(freed);
	uiAttributedStringDelete(freed, 0, 1);
	CHECK(uiAttributedStringString(freed) == NULL);
	freedAttr = uiNewFamilyAttribute("\xff\xfe");
	CHECK(strcmp(uiAttributeFamily(freedAttr), "\xef\xbf\xbd\xef\xbf\xbd") == 0);
	uiFreeAttribute(freedAttr);
	uiFreeAttribute(freedAttr);
	CHECK(uiAttributeFamily(freedAttr) == NULL && uiAttributeGetType(NULL) == 0);
	CHECK(uiAttributeSize((uiAttribute *) s) == 0);
	/* Values out of range, NaN and infinities. */
	CHECK(uiNewSizeAttribute(NAN) == NULL && uiNewSizeAttribute(-INFINITY) == NULL && uiNewSizeAttribute(0) == NULL && uiNewSizeAttribute(1e9) == NULL);
	CHECK(uiNewWeightAttribute(1001) == NULL && uiNewItalicAttribute(3) == NULL && uiNewStretchAttribute((uiTextStretch) -1) == NULL);
	CHECK(uiNewColorAttribute(NAN, 0, 0, 1) == NULL && uiNewBackgroundAttribute(0, 0, 0, 2) == NULL);
	CHECK(uiNewUnderlineAttribute(4) == NULL && uiNewUnderlineColorAttribute(9, 0, 0, 0, 1) == NULL);
	CHECK(uiNewUnderlineColorAttribute(uiUnderlineColorCustom, 0, -1, 0, 1) == NULL);
	a = uiNewUnderlineColorAttribute(uiUnderlineColorGrammar, NAN, NAN, NAN, NAN);
	CHECK(a != NULL);
	uiAttributeUnderlineColor(a, NULL, NULL, &g, &b, &al);
	uiAttributeUnderlineColor(a, &uc, &r, &g, &b, &al);
	CHECK(uc == uiUnderlineColorGrammar && r == 0 && al == 0);
	uiAttributeColor(a, &r, &g, &b, &al);
	uiFreeAttribute(a);
	a = uiNewStretchAttribute(uiTextStretchExpanded);
	uiAttributeColor(a, &r, NULL, &b, &al);
	CHECK(r == 0);
	/* The remaining typed getters: NULL, the wrong type, the right one, then freed. */
	CHECK(uiAttributeItalic(NULL) == 0 && uiAttributeStretch(NULL) == 0 && uiAttributeUnderline(NULL) == 0);
	CHECK(uiAttributeItalic(a) == 0 && uiAttributeUnderline(a) == 0);
	CHECK(uiAttributeItalic((uiAttribute *) button) == 0 && uiAttributeUnderline((uiAttribute *) s) == 0);
	CHECK(uiAttributeStretch(a) == uiTextStretchExpanded);
	uiFreeAttribute(a);
	CHECK(uiAttributeStretch(a) == 0);
	/* A megabyte of text stays within uiTextLimit, at a whole character. */
	big = (char *) malloc(1u << 20);
	memset(big, 'x', (1u << 20) - 1);
	big[(1u << 20) - 1] = '\0';
	big[uiTextLimit - 2] = (char) 0xC3;
	big[uiTextLimit - 1] = (char) 0xA9;
	uiAttributedStringAppendUnattributed(s, big);
	CHECK(uiAttributedStringLen(s) <= uiTextLimit);
	CHECK(uiAttributedStringNumGraphemes(s) > 60000);
	uiAttributedStringInsertAtUnattributed(s, big, 0);
	CHECK(uiAttributedStringLen(s) <= uiTextLimit);
	/* Features. */
	otf = uiNewOpenTypeFeatures();
	uiOpenTypeFeaturesAdd(otf, 'l', 'i', 'g', '\n', 1);
	uiOpenTypeFeaturesAdd(otf, 'l', 'i', 'g', 'a', 1);
	CHECK(uiOpenTypeFeaturesGet(otf, 'l', 'i', 'g', 'a', NULL) == 0);
	CHECK(uiOpenTypeFeaturesGet(otf, 'l', 'i', 'g', '\n', &v) == 0 && v == 7);
	CHECK(uiOpenTypeFeaturesGet(NULL, 'l', 'i', 'g', 'a', &v) == 0);
	uiOpenTypeFeaturesForEach(otf, NULL, NULL);
	n = 0;
	uiOpenTypeFeaturesForEach(otf, freeDuringFeatures, &n);
	CHECK(n == 1 && uiOpenTypeFeaturesGet(otf, 'l', 'i', 'g', 'a', &v) == 1 && v == 1);
	CHECK(uiNewFeaturesAttribute(NULL) == NULL && uiOpenTypeFeaturesClone((uiOpenTypeFeatures *) button) == NULL);
	a = uiNewFeaturesAttribute(otf);
	uiFreeOpenTypeFeatures((uiOpenTypeFeatures *) uiAttributeFeatures(a));
	uiOpenTypeFeaturesRemove((uiOpenTypeFeatures *) uiAttributeFeatures(a), 'l', 'i', 'g', 'a');
	CHECK(uiOpenTypeFeaturesGet(uiAttributeFeatures(a), 'l', 'i', 'g', 'a', &v) == 1);
	uiAttributedStringSetAttribute(s, a, 0, 4);
	freedOtf = uiOpenTypeFeaturesClone(otf);
	uiFreeOpenTypeFeatures(freedOtf);
	uiFreeOpenTypeFeatures(freedOtf);
	uiOpenTypeFeaturesAdd(freedOtf, 'a', 'b', 'c', 'd', 1);
	uiFreeOpenTypeFeatures(otf);
	/* Layouts. */
	memset(&p, 0, sizeof p);
	CHECK(uiDrawNewTextLayout(NULL) == NULL);
	CHECK(uiDrawNewTextLayout(&p) == NULL);
	p.String = freed;
	CHECK(uiDrawNewTextLayout(&p) == NULL);
	p.String = s;
	CHECK(uiDrawNewTextLayout(&p) == NULL);
	p.DefaultFont = &font;
	font.Family = NULL;
	CHECK(uiDrawNewTextLayout(&p) == NULL);
	font.Family = (char *) "";
	CHECK(uiDrawNewTextLayout(&p) == NULL);
	font.Family = (char *) "DejaVu Sans\xff";
	font.Size = INFINITY;
	CHECK(uiDrawNewTextLayout(&p) == NULL);
	font.Size = 12;
	font.Weight = 5000;
	CHECK(uiDrawNewTextLayout(&p) == NULL);
	font.Weight = uiTextWeightBold;
	p.Width = NAN;
	CHECK(uiDrawNewTextLayout(&p) == NULL);
	p.Width = INFINITY;
	p.Align = 3;
	CHECK(uiDrawNewTextLayout(&p) == NULL);
	p.Align = uiDrawTextAlignCenter;
	/* A 64 KB attributed layout wrapped at an infinite width (clamped). */
	tl = uiDrawNewTextLayout(&p);
	CHECK(tl != NULL);
	uiDrawTextLayoutExtents(tl, &w, &h);
	CHECK(w > 0 && h > 0);
	uiDrawTextLayoutExtents(tl, NULL, NULL);
	uiDrawText(NULL, tl, 0, 0);
	uiDrawFreeTextLayout(tl);
	uiDrawFreeTextLayout(tl);
	uiDrawTextLayoutExtents(tl, &w, &h);
	CHECK(w == 0 && h == 0);
	uiDrawTextLayoutExtents((uiDrawTextLayout *) button, &w, &h);
	/* An empty string lays out too; this one is drawn by the area's Draw below. */
	uiFreeAttributedString(s);
	s = uiNewAttributedString("");
	p.String = s;
	p.Width = -5;
	drawnLayout = uiDrawNewTextLayout(&p);
	CHECK(drawnLayout != NULL);
	uiFreeAttributedString(s);
	free(big);
	uiControlDestroy(uiControl(button));
	log = endCapture();
	CHECK(strstr(log, "libui: uiAttributedStringInsertAtUnattributed: at 2 is inside a UTF-8 character") != NULL);
	CHECK(strstr(log, "libui: uiAttributedStringInsertAtUnattributed: at 18 is past the end (17 bytes)") != NULL);
	CHECK(strstr(log, "libui: uiAttributedStringDelete: start 4 is after end 1") != NULL);
	CHECK(strstr(log, "libui: uiFreeAttribute: the attribute was given to a uiAttributedString") != NULL);
	CHECK(strstr(log, "libui: uiAttributedStringDelete: the string is being iterated") != NULL);
	CHECK(strstr(log, "libui: uiFreeAttributedString: the string is being iterated") != NULL);
	CHECK(strstr(log, "is not a live uiAttributedString (freed, or never one)") != NULL);
	CHECK(strstr(log, "is not a live uiAttribute (freed, or never one)") != NULL);
	CHECK(strstr(log, "libui: uiAttributeSize: ") != NULL);
	CHECK(strstr(log, "libui: uiNewSizeAttribute: the size is not a number above 0") != NULL);
	CHECK(strstr(log, "libui: uiNewWeightAttribute: weight 1001 is above uiTextWeightMaximum") != NULL);
	CHECK(strstr(log, "libui: uiAttributeUnderlineColor: the uiUnderlineColor pointer is NULL") != NULL);
	CHECK(strstr(log, "libui: uiAttributeColor: an attribute of type 4 has no colour") != NULL);
	CHECK(strstr(log, "libui: uiOpenTypeFeaturesAdd: tag character 4 is not printable ASCII") != NULL);
	CHECK(strstr(log, "libui: uiOpenTypeFeaturesGet: the value pointer is NULL") != NULL);
	CHECK(strstr(log, "libui: uiFreeOpenTypeFeatures: the set is being iterated") != NULL);
	CHECK(strstr(log, "libui: uiFreeOpenTypeFeatures: the set belongs to a uiAttribute") != NULL);
	CHECK(strstr(log, "libui: uiOpenTypeFeaturesRemove: the set belongs to a uiAttribute or is being iterated") != NULL);
	CHECK(strstr(log, "is not a live uiOpenTypeFeatures (freed, or never one)") != NULL);
	CHECK(strstr(log, "libui: uiDrawNewTextLayout: the parameters are NULL") != NULL);
	CHECK(strstr(log, "libui: uiDrawNewTextLayout: the default font or its family is NULL or empty") != NULL);
	CHECK(strstr(log, "libui: uiDrawNewTextLayout: weight 5000 is above uiTextWeightMaximum") != NULL);
	CHECK(strstr(log, "libui: uiDrawNewTextLayout: the width is NaN") != NULL);
	CHECK(strstr(log, "libui: uiDrawNewTextLayout: 3 is not a uiDrawTextAlign") != NULL);
	CHECK(strstr(log, "libui: uiDrawTextLayoutExtents: the width pointer is NULL") != NULL);
	CHECK(strstr(log, "is not a live uiDrawTextLayout (freed, or never one)") != NULL);
	CHECK(strstr(log, "libui: uiDrawText: the context is NULL") != NULL);
	free(log);
}

static int drawCalls;
static uiDrawContext *staleContext;

static void misuseDraw(uiAreaHandler *h, uiArea *a, uiAreaDrawParams *p)
{
	uiDrawContext *c = p->Context;
	uiDrawBrush b, bad;
	uiDrawBrushGradientStop stops[2] = { { 0, 1, 0, 0, 1 }, { 1, 0, 0, 1, 1 } };
	uiDrawStrokeParams sp;
	double dashes[2] = { 0, 0 };
	uiDrawMatrix m;
	uiDrawPath *path = uiDrawNewPath(uiDrawFillModeAlternate);
	uiDrawPath *open = uiDrawNewPath(uiDrawFillModeWinding);

	(void) h;
	(void) a;
	drawCalls++;
	staleContext = c;
	memset(&b, 0, sizeof b);
	b.Type = uiDrawBrushTypeSolid;
	b.A = 1;
	memset(&sp, 0, sizeof sp);
	sp.Thickness = 2;
	sp.MiterLimit = uiDrawDefaultMiterLimit;
	uiDrawPathAddRectangle(path, 1, 1, 10, 10);
	uiDrawPathEnd(path);
	uiDrawPathNewFigure(open, 0, 0);
	/* Unended path, NULL and bad brushes, bad strokes, bad matrices, unmatched restore. */
	uiDrawFill(c, open, &b);
	uiDrawStroke(c, open, &b, &sp);
	uiDrawClip(c, open);
	uiDrawFill(c, path, NULL);
	uiDrawFill(NULL, path, &b);
	uiDrawFill((uiDrawContext *) path, path, &b);
	bad = b;
	bad.Type = 77;
	uiDrawFill(c, path, &bad);
	bad.Type = uiDrawBrushTypeImage;
	uiDrawFill(c, path, &bad);
	bad = b;
	bad.G = INFINITY;
	uiDrawFill(c, path, &bad);
	bad.G = -1;
	uiDrawFill(c, path, &bad);
	bad = b;
	bad.Type = uiDrawBrushTypeLinearGradient;
	bad.Stops = NULL;
	bad.NumStops = 2;
	uiDrawFill(c, path, &bad);
	bad.Stops = stops;
	bad.NumStops = (size_t) -1;
	uiDrawFill(c, path, &bad);
	bad.NumStops = 2;
	bad.X1 = NAN;
	uiDrawFill(c, path, &bad);
	bad.X1 = 5;
	bad.Type = uiDrawBrushTypeRadialGradient;
	bad.OuterRadius = -3;
	uiDrawFill(c, path, &bad);
	stops[1].Pos = 2;
	bad.OuterRadius = 3;
	uiDrawFill(c, path, &bad);
	stops[1].Pos = 1;
	uiDrawStroke(c, path, &b, NULL);
	sp.Thickness = -1;
	uiDrawStroke(c, path, &b, &sp);
	sp.Thickness = NAN;
	uiDrawStroke(c, path, &b, &sp);
	sp.Thickness = 2;
	sp.Cap = 9;
	uiDrawStroke(c, path, &b, &sp);
	sp.Cap = uiDrawLineCapRound;
	sp.Join = 9;
	uiDrawStroke(c, path, &b, &sp);
	sp.Join = uiDrawLineJoinBevel;
	sp.NumDashes = 2;
	sp.Dashes = NULL;
	uiDrawStroke(c, path, &b, &sp);
	sp.Dashes = dashes;
	uiDrawStroke(c, path, &b, &sp);
	dashes[0] = -1;
	dashes[1] = 3;
	uiDrawStroke(c, path, &b, &sp);
	sp.NumDashes = (size_t) 1 << 40;
	uiDrawStroke(c, path, &b, &sp);
	sp.NumDashes = 0;
	sp.MiterLimit = 0;
	/* Valid, with a miter limit below 1: clamped, and the caller's struct is left alone. */
	uiDrawStroke(c, path, &b, &sp);
	CHECK(sp.MiterLimit == 0);
	uiDrawTransform(c, NULL);
	memset(&m, 0, sizeof m);
	uiDrawTransform(c, &m);
	uiDrawMatrixSetIdentity(&m);
	m.M31 = NAN;
	uiDrawTransform(c, &m);
	m.M31 = 0;
	m.M11 = INFINITY;
	uiDrawTransform(c, &m);
	uiDrawRestore(c);
	uiDrawSave(c);
	uiDrawSave(c);
	uiDrawRestore(c);
	/* Text: NaN and infinite places, a NULL layout, then the real one. */
	uiDrawText(c, drawnLayout, NAN, 0);
	uiDrawText(c, drawnLayout, 0, -INFINITY);
	uiDrawText(c, NULL, 0, 0);
	uiDrawText(c, drawnLayout, 1, 1);
	/* One save is left open on purpose: the backend pops it after Draw. */
	uiDrawClip(c, path);
	uiDrawFreePath(path);
	uiDrawFill(c, path, &b);
	uiDrawFreePath(open);
}

static int untilDrawn(void *data)
{
	(void) data;
	return drawCalls == 0;
}

static void areas(void)
{
	uiAreaHandler h = { misuseDraw, NULL, NULL, NULL, NULL };
	uiWindow *w = uiNewWindow("areas", 120, 80, 0);
	uiArea *a = uiNewArea(&h), *s = uiNewScrollingArea(&h, 100, 100);
	uiButton *button = uiNewButton("x");
	uiDrawPath *p;
	uiDrawBrush b;
	char *log;
	int i;

	beginCapture();
	CHECK(uiNewArea(NULL) == NULL);
	CHECK(uiNewScrollingArea(&h, -1, 5) == NULL && uiNewScrollingArea(&h, 5, 1 << 30) == NULL);
	CHECK(uiNewScrollingArea(NULL, 5, 5) == NULL);
	uiAreaSetSize(a, 5, 5);
	uiAreaSetSize(s, -5, 5);
	uiAreaSetSize((uiArea *) button, 5, 5);
	uiAreaQueueRedrawAll(NULL);
	uiAreaQueueRedrawAll((uiArea *) button);
	uiAreaScrollTo(s, NAN, 0, 1, 1);
	uiAreaScrollTo(s, 0, 0, INFINITY, 1);
	uiAreaScrollTo(s, -1e300, 1e300, 1e300, -1e300);
	uiAreaBeginUserWindowResize(a, 8);
	uiAreaBeginUserWindowResize(a, (uiWindowResizeEdge) -1);
	uiAreaBeginUserWindowMove(NULL);
	uiAreaBeginUserWindowMove(a);
	CHECK(uixAreaRenderer(NULL) == NULL && uixAreaRenderer((uiArea *) button) == NULL && uixAreaRenderer(a) == NULL);
	/* Paths outside any Draw. */
	CHECK(uiDrawNewPath(2) == NULL);
	p = uiDrawNewPath(uiDrawFillModeWinding);
	uiDrawPathLineTo(p, 1, 1);
	uiDrawPathBezierTo(p, 1, 1, 2, 2, 3, 3);
	uiDrawPathCloseFigure(p);
	uiDrawPathArcTo(p, 0, 0, 1, 0, 1, 0);
	uiDrawPathNewFigure(p, NAN, 0);
	uiDrawPathNewFigureWithArc(p, 0, 0, -1, 0, 1, 0);
	uiDrawPathNewFigureWithArc(p, 0, 0, 1, 0, -1, 0);
	uiDrawPathNewFigureWithArc(p, 0, 0, 1, INFINITY, 1, 0);
	uiDrawPathAddRectangle(p, 0, 0, NAN, 1);
	/* Far more than a full turn draws one circle, not millions of pieces. */
	uiDrawPathNewFigureWithArc(p, 0, 0, 1, 0, 1e300, 1);
	uiDrawPathBezierTo(p, 1, 1, 2, 2, 3, -INFINITY);
	CHECK(p->count == 5);
	uiDrawPathEnd(p);
	uiDrawPathEnd(p);
	uiDrawPathNewFigure(p, 1, 1);
	CHECK(uiDrawPathEnded(p) == 1 && uiDrawPathEnded(NULL) == 0 && uiDrawPathEnded((uiDrawPath *) button) == 0);
	memset(&b, 0, sizeof b);
	uiDrawFill(NULL, p, &b);
	uiDrawSave(NULL);
	uiDrawRestore(NULL);
	uiDrawFreePath(p);
	uiDrawFreePath(p);
	uiDrawFreePath(NULL);
	uiDrawPathLineTo(p, 1, 1);
	CHECK(uiDrawPathEnded(p) == 0);
	/* A path at the size limit: the step after it is refused, not allocated. */
	p = uiDrawNewPath(uiDrawFillModeWinding);
	uiDrawPathNewFigure(p, 0, 0);
	for (i = 0; i < (1 << 20); i++)
		uiDrawPathLineTo(p, i, i);
	CHECK(p->count == (size_t) 1 << 20);
	uiDrawFreePath(p);
	uiWindowSetChild(w, uiControl(a));
	uiControlShow(uiControl(w));
	/* The timer wakes each blocking step until the first Draw, then stops itself. */
	uiTimer(10, untilDrawn, NULL);
	for (i = 0; i < 500 && drawCalls == 0; i++)
		uiMainStep(1);
	CHECK(drawCalls > 0);
	/* The context of a finished Draw is refused. */
	memset(&b, 0, sizeof b);
	p = uiDrawNewPath(uiDrawFillModeWinding);
	uiDrawPathEnd(p);
	uiDrawFill(staleContext, p, &b);
	uiDrawFreePath(p);
	CHECK(uixAreaRenderer(a) != NULL);
	uiControlDestroy(uiControl(w));
	uiAreaQueueRedrawAll(a);
	uiControlDestroy(uiControl(s));
	uiControlDestroy(uiControl(button));
	log = endCapture();
	CHECK(strstr(log, "libui: uiNewArea: the handler is NULL") != NULL);
	CHECK(strstr(log, "libui: uiAreaSetSize: the area is not a scrolling area") != NULL);
	CHECK(strstr(log, "libui: uiAreaSetSize: size -5x5 is outside 0..1000000") != NULL);
	CHECK(strstr(log, "libui: uiAreaScrollTo: a coordinate is NaN or infinite") != NULL);
	CHECK(strstr(log, "libui: uiAreaBeginUserWindowResize: edge 8 is not a uiWindowResizeEdge") != NULL);
	CHECK(strstr(log, "libui: uiDrawPathLineTo: no figure is open") != NULL);
	CHECK(strstr(log, "libui: uiDrawPathNewFigure: argument 2 is NaN or infinite") != NULL);
	CHECK(strstr(log, "libui: uiDrawPathNewFigureWithArc: the radius and the sweep must not be negative") != NULL);
	CHECK(strstr(log, "libui: uiDrawPathEnd: the path is already ended") != NULL);
	CHECK(strstr(log, "libui: uiDrawFreePath: the path is NULL") != NULL);
	CHECK(strstr(log, "is not a live uiDrawPath (freed, or never one)") != NULL);
	CHECK(strstr(log, "libui: uiDrawPathLineTo: the path already has the most steps allowed") != NULL);
	CHECK(strstr(log, "libui: uiDrawFill: the path is not ended") != NULL);
	CHECK(strstr(log, "libui: uiDrawFill: the brush is NULL") != NULL);
	CHECK(strstr(log, "libui: uiDrawFill: the context is NULL") != NULL);
	CHECK(strstr(log, "is not the context of a running Draw call") != NULL);
	CHECK(strstr(log, "libui: uiDrawFill: brush type 77 is not a uiDrawBrushType") != NULL);
	CHECK(strstr(log, "libui: uiDrawFill: image brushes are not implemented") != NULL);
	CHECK(strstr(log, "libui: uiDrawFill: a gradient needs 1 to 1024 stops") != NULL);
	CHECK(strstr(log, "libui: uiDrawFill: the outer radius is negative") != NULL);
	CHECK(strstr(log, "libui: uiDrawFill: stop 1's position is not in 0..1") != NULL);
	CHECK(strstr(log, "libui: uiDrawStroke: the stroke parameters are NULL") != NULL);
	CHECK(strstr(log, "libui: uiDrawStroke: the thickness is negative") != NULL);
	CHECK(strstr(log, "libui: uiDrawStroke: cap 9 or join 0") != NULL);
	CHECK(strstr(log, "libui: uiDrawStroke: every dash is 0 long") != NULL);
	CHECK(strstr(log, "libui: uiDrawStroke: dash 0 is negative") != NULL);
	CHECK(strstr(log, "libui: uiDrawStroke: the dashes are NULL, or more than 1024") != NULL);
	CHECK(strstr(log, "libui: uiDrawTransform: the matrix is NULL") != NULL);
	CHECK(strstr(log, "libui: uiDrawTransform: the matrix has no inverse") != NULL);
	CHECK(strstr(log, "libui: uiDrawRestore: no uiDrawSave is left to restore") != NULL);
	CHECK(strstr(log, "libui: uiDrawClip: the path is not ended") != NULL);
	CHECK(strstr(log, "libui: uiAreaQueueRedrawAll: ") != NULL);
	CHECK(strstr(log, "libui: uiDrawText: x or y is NaN or infinite") != NULL);
	CHECK(strstr(log, "libui: uiDrawText: the text layout is NULL") != NULL);
	free(log);
	uiDrawFreeTextLayout(drawnLayout);
}

/* Tables: a model whose handler answers wrongly in every way, values and images misused. */
static int badRows = 3, badCalls;
static uiTableValue *staleValue;

static int bNumColumns(uiTableModelHandler *h, uiTableModel *m) { (void) h; (void) m; return 3; }
static uiTableValueType bColumnType(uiTableModelHandler *h, uiTableModel *m, int col)
{
	(void) h;
	(void) m;
	return col == 0 ? uiTableValueTypeString : col == 1 ? uiTableValueTypeInt : uiTableValueTypeColor;
}
static int bNumRows(uiTableModelHandler *h, uiTableModel *m) { (void) h; (void) m; return badRows; }
static uiTableValue *bCellValue(uiTableModelHandler *h, uiTableModel *m, int row, int col)
{
	(void) h;
	(void) m;
	(void) col;
	badCalls++;
	/* Row 0: the wrong type; row 1: NULL; row 2: a value already freed. */
	if (row == 0)
		return uiNewTableValueInt(5);
	if (row == 1)
		return NULL;
	return staleValue;
}
static void bSetCellValue(uiTableModelHandler *h, uiTableModel *m, int row, int col, const uiTableValue *v)
{
	(void) h; (void) m; (void) row; (void) col; (void) v;
}

static int stopLoop(void *data)
{
	(void) data;
	uiQuit();
	return 0;
}

static void tables(void)
{
	uiTableModelHandler mh = { bNumColumns, bColumnType, bNumRows, bCellValue, bSetCellValue };
	uiTableParams p;
	uiTableModel *m;
	uiTable *t;
	uiWindow *w;
	uiImage *img;
	uiTableValue *v;
	unsigned char px[4 * 4 * 4] = { 0 };
	double r = 1, g = 1, b = 1, a = 1;
	int rows[2] = { 0, 7 };
	uiTableSelection sel = { 2, rows };
	char *log;

	beginCapture();
	staleValue = uiNewTableValueString("gone");
	uiFreeTableValue(staleValue);
	uiFreeTableValue(staleValue);
	CHECK(uiTableValueGetType(NULL) == uiTableValueTypeString);
	CHECK(strcmp(uiTableValueString(staleValue), "") == 0);
	CHECK(uiTableValueInt(NULL) == 0 && uiTableValueImage(NULL) == NULL);
	uiTableValueColor(NULL, &r, &g, &b, &a);
	CHECK(r == 0 && a == 0);
	CHECK(uiNewTableValueColor(-0.1, 0, 0, 1) == NULL);
	v = uiNewTableValueString("\xff\xfe");
	CHECK(strcmp(uiTableValueString(v), "\xef\xbf\xbd\xef\xbf\xbd") == 0);
	uiFreeTableValue(v);
	CHECK(uiNewImage(-1, 5) == NULL && uiNewImage(5, 1e9) == NULL);
	img = uiNewImage(4, 4);
	uiImageAppend(img, px, 4, 4, 15);
	uiImageAppend(img, px, 1 << 20, 4, 1 << 22);
	uiImageAppend(img, NULL, 4, 4, 16);
	uiImageAppend(NULL, px, 4, 4, 16);
	uiImageAppend(img, px, 4, 4, 16);
	uiImageAppend(img, px, 4, 4, 16);
	uiFreeImage(img);
	uiFreeImage(img);
	uiImageAppend(img, px, 4, 4, 16);
	CHECK(uiNewTableValueImage(img) == NULL);

	CHECK(uiNewTableModel(NULL) == NULL);
	m = uiNewTableModel(&mh);
	/* A negative row count counts as none. */
	badRows = -4;
	p.Model = m;
	p.RowBackgroundColorModelColumn = 1;
	t = uiNewTable(&p);
	CHECK(t != NULL);
	uiControlDestroy(uiControl(t));
	badRows = 3;
	p.RowBackgroundColorModelColumn = 2;
	t = uiNewTable(&p);
	uiTableAppendTextColumn(t, "text", 0, uiTableModelColumnAlwaysEditable, NULL);
	uiTableAppendTextColumn(t, "wrong", 1, -1, NULL);
	uiTableAppendCheckboxColumn(t, "wrong", 0, 2);
	uiTableAppendButtonColumn(t, "wrong", 7, -1);
	uiTableHeaderSetSortIndicator(t, 0, 99);
	uiTableHeaderSetSortIndicator(t, -1, uiSortIndicatorAscending);
	uiTableColumnSetWidth(t, 3, 5);
	uiTableColumnSetWidth(t, 0, -2);
	uiTableSetSelectionMode(t, 4);
	uiTableSetSelection(t, NULL);
	uiTableSetSelection(t, &sel);
	sel.NumRows = -1;
	uiTableSetSelection(t, &sel);
	uiFreeTableSelection(NULL);
	w = uiNewWindow("table", 300, 200, 0);
	uiWindowSetChild(w, uiControl(t));
	uiControlShow(uiControl(w));
	uiTimer(300, stopLoop, NULL);
	uiMain();
	CHECK(badCalls > 0);
	/* Notifications past the end, and counts that disagree with NumRows. */
	uiTableModelRowInserted(m, 4);
	uiTableModelRowDeleted(m, 3);
	uiTableModelRowChanged(m, -1);
	uiTableModelRowInserted(m, 0);
	badRows = 4;
	uiTableModelRowDeleted(m, 0);
	uiTableModelRowDeleted(NULL, 0);
	uiFreeTableModel(m);
	uiControlDestroy(uiControl(w));
	uiTableModelRowChanged(m, 0);
	uiFreeTableModel(m);
	uiFreeTableModel(m);
	uiTableModelRowChanged(m, 0);
	log = endCapture();
	CHECK(strstr(log, "libui: CellValue: row 0 column 0: a int value for a string column") != NULL);
	CHECK(strstr(log, "libui: CellValue: row 1 column 0: NULL for a string column") != NULL);
	CHECK(strstr(log, "is not a live uiTableValue") != NULL);
	CHECK(strstr(log, "libui: uiNewTable: the model's NumRows returned -4") != NULL);
	CHECK(strstr(log, "libui: uiFreeTableModel: the model is still used by 1 table(s)") != NULL);
	CHECK(strstr(log, "libui: uiTableModelRowInserted: index 4 is outside 0..3") != NULL);
	CHECK(strstr(log, "libui: uiFreeImage: the image") == NULL);
	free(log);
}

/* uiDrawMatrix*: a NULL matrix or out-pointer is refused, a singular matrix is not inverted
 * and stays as it was, NaN spreads only into the matrix it was given. */
static void matrices(void)
{
	uiDrawMatrix m, singular;
	double x = 1, y = 2;

	uiDrawMatrixSetIdentity(NULL);
	uiDrawMatrixTranslate(NULL, 1, 1);
	uiDrawMatrixScale(NULL, 0, 0, 2, 2);
	uiDrawMatrixRotate(NULL, 0, 0, 1);
	uiDrawMatrixSkew(NULL, 0, 0, 1, 1);
	uiDrawMatrixSetIdentity(&m);
	uiDrawMatrixMultiply(NULL, &m);
	uiDrawMatrixMultiply(&m, NULL);
	CHECK(uiDrawMatrixInvertible(NULL) == 0 && uiDrawMatrixInvert(NULL) == 0);
	uiDrawMatrixTransformPoint(NULL, &x, &y);
	uiDrawMatrixTransformPoint(&m, NULL, &y);
	uiDrawMatrixTransformSize(&m, &x, NULL);
	uiDrawMatrixTransformSize(NULL, &x, &y);
	CHECK(x == 1 && y == 2);
	CHECK(m.M11 == 1 && m.M12 == 0 && m.M21 == 0 && m.M22 == 1 && m.M31 == 0 && m.M32 == 0);
	memset(&singular, 0, sizeof singular);
	CHECK(uiDrawMatrixInvertible(&singular) == 0 && uiDrawMatrixInvert(&singular) == 0);
	CHECK(singular.M11 == 0 && singular.M22 == 0);
	uiDrawMatrixScale(&m, 0, 0, NAN, INFINITY);
	uiDrawMatrixRotate(&m, NAN, 0, INFINITY);
	uiDrawMatrixTransformPoint(&m, &x, &y);
}

int main(void)
{
	beforeInit();
	initTwice();
	{
		/* 1 MB of 'm', as in badText: cut, not refused. */
		char *big = (char *) malloc(1u << 20);
		uiMenu *m;

		memset(big, 'm', (1u << 20) - 1);
		big[(1u << 20) - 1] = '\0';
		m = menusBeforeWindows(big);
		free(big);
		nullAndDestroyed();
		menusAfterWindows(m);
	}
	wrongTypes();
	badText();
	parenting();
	ranges();
	lists();
	pickers();
	containers();
	loopAndQueue();
	extras();
	text();
	matrices();
	areas();
	tables();
	uiUninit();
	printf("bad-input: %d checks, %d failed\n", checks, failures);
	return failures == 0 ? 0 : 1;
}
