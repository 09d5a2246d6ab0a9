/* uiTable: its public functions, the columns and their model-column checks, the handlers, and the
 * cell reads every backend makes through here (so a program's wrong answer is reported once, the
 * same way, on both). */
#include <stdlib.h>
#include <string.h>
#include "osapi.h"
#include "ui_extras.h"

#define checked(x) ((uiTable *) uiprivCheck((x), &uiprivTableVtable, __func__))
#define shared(t) ((uiprivTableShared *) uiControl(t)->shared)

static const char *const typeNames[] = { "string", "image", "int", "color" };

/* Whether column is a model column of type (or, with optional, -1); else a user bug naming what. */
static int modelColumnValid(uiTableModel *m, int column, uiTableValueType type, int optional, const char *what, const char *func)
{
	int n;

	if (optional && column == -1)
		return 1;
	n = m->mh->NumColumns(m->mh, m);
	if (column < 0 || column >= n) {
		uiprivUserBug(func, "%s column %d is not a model column (the model has %d)", what, column, n);
		return 0;
	}
	if (m->mh->ColumnType(m->mh, m, column) != type) {
		uiprivUserBug(func, "%s column %d is not a column of type %s", what, column, typeNames[type]);
		return 0;
	}
	return 1;
}

static int columnValid(uiTable *t, int column, uiTableValueType type, int optional, const char *what, const char *func)
{
	return modelColumnValid(shared(t)->model, column, type, optional, what, func);
}

static int editableValid(uiTable *t, int column, const char *what, const char *func)
{
	if (column == uiTableModelColumnNeverEditable || column == uiTableModelColumnAlwaysEditable)
		return 1;
	return columnValid(t, column, uiTableValueTypeInt, 0, what, func);
}

static int textValid(uiTable *t, int text, int editable, const uiTableTextColumnOptionalParams *p, const char *func)
{
	return columnValid(t, text, uiTableValueTypeString, 0, "text", func)
		&& editableValid(t, editable, "text editable", func)
		&& (p == NULL || columnValid(t, p->ColorModelColumn, uiTableValueTypeColor, 1, "text color", func));
}

/* A column with every part absent, named name (sanitized). */
static uiprivTableColumn blank(uiprivTableColumnKind kind)
{
	uiprivTableColumn c;

	c.kind = kind;
	c.name = NULL;
	c.text = c.textEditable = c.textColor = -1;
	c.image = -1;
	c.checkbox = c.checkboxEditable = -1;
	c.progress = -1;
	c.button = c.buttonClickable = -1;
	c.sort = uiSortIndicatorNone;
	return c;
}

static void setText(uiprivTableColumn *c, int text, int editable, const uiTableTextColumnOptionalParams *p)
{
	c->text = text;
	c->textEditable = editable;
	c->textColor = p != NULL ? p->ColorModelColumn : -1;
}

static void append(uiTable *t, const char *name, uiprivTableColumn c)
{
	uiprivTableShared *s = shared(t);

	if (s->ncolumns == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 8;
		s->columns = (uiprivTableColumn *) uiprivRealloc(s->columns, (size_t) s->cap * sizeof (uiprivTableColumn));
	}
	c.name = uiprivSanitize(name);
	s->columns[s->ncolumns++] = c;
	uiprivOSTableColumnAppended(t);
}

void uiTableAppendTextColumn(uiTable *t, const char *name, int textModelColumn, int textEditableModelColumn, uiTableTextColumnOptionalParams *textParams)
{
	uiprivTableColumn c = blank(uiprivTableColumnText);

	if (checked(t) == NULL || !textValid(t, textModelColumn, textEditableModelColumn, textParams, __func__))
		return;
	setText(&c, textModelColumn, textEditableModelColumn, textParams);
	append(t, name, c);
}

void uiTableAppendImageColumn(uiTable *t, const char *name, int imageModelColumn)
{
	uiprivTableColumn c = blank(uiprivTableColumnImage);

	if (checked(t) == NULL || !columnValid(t, imageModelColumn, uiTableValueTypeImage, 0, "image", __func__))
		return;
	c.image = imageModelColumn;
	append(t, name, c);
}

void uiTableAppendImageTextColumn(uiTable *t, const char *name, int imageModelColumn, int textModelColumn, int textEditableModelColumn, uiTableTextColumnOptionalParams *textParams)
{
	uiprivTableColumn c = blank(uiprivTableColumnImageText);

	if (checked(t) == NULL || !columnValid(t, imageModelColumn, uiTableValueTypeImage, 0, "image", __func__)
		|| !textValid(t, textModelColumn, textEditableModelColumn, textParams, __func__))
		return;
	c.image = imageModelColumn;
	setText(&c, textModelColumn, textEditableModelColumn, textParams);
	append(t, name, c);
}

void uiTableAppendCheckboxColumn(uiTable *t, const char *name, int checkboxModelColumn, int checkboxEditableModelColumn)
{
	uiprivTableColumn c = blank(uiprivTableColumnCheckbox);

	if (checked(t) == NULL || !columnValid(t, checkboxModelColumn, uiTableValueTypeInt, 0, "checkbox", __func__)
		|| !editableValid(t, checkboxEditableModelColumn, "checkbox editable", __func__))
		return;
	c.checkbox = checkboxModelColumn;
	c.checkboxEditable = checkboxEditableModelColumn;
	append(t, name, c);
}

void uiTableAppendCheckboxTextColumn(uiTable *t, const char *name, int checkboxModelColumn, int checkboxEditableModelColumn, int textModelColumn, int textEditableModelColumn, uiTableTextColumnOptionalParams *textParams)
{
	uiprivTableColumn c = blank(uiprivTableColumnCheckboxText);

	if (checked(t) == NULL || !columnValid(t, checkboxModelColumn, uiTableValueTypeInt, 0, "checkbox", __func__)
		|| !editableValid(t, checkboxEditableModelColumn, "checkbox editable", __func__)
		|| !textValid(t, textModelColumn, textEditableModelColumn, textParams, __func__))
		return;
	c.checkbox = checkboxModelColumn;
	c.checkboxEditable = checkboxEditableModelColumn;
	setText(&c, textModelColumn, textEditableModelColumn, textParams);
	append(t, name, c);
}

void uiTableAppendProgressBarColumn(uiTable *t, const char *name, int progressModelColumn)
{
	uiprivTableColumn c = blank(uiprivTableColumnProgress);

	if (checked(t) == NULL || !columnValid(t, progressModelColumn, uiTableValueTypeInt, 0, "progress", __func__))
		return;
	c.progress = progressModelColumn;
	append(t, name, c);
}

void uiTableAppendButtonColumn(uiTable *t, const char *name, int buttonModelColumn, int buttonClickableModelColumn)
{
	uiprivTableColumn c = blank(uiprivTableColumnButton);

	if (checked(t) == NULL || !columnValid(t, buttonModelColumn, uiTableValueTypeString, 0, "button", __func__)
		|| !editableValid(t, buttonClickableModelColumn, "button clickable", __func__))
		return;
	c.button = buttonModelColumn;
	c.buttonClickable = buttonClickableModelColumn;
	append(t, name, c);
}

int uiTableHeaderVisible(uiTable *t)
{
	if (checked(t) == NULL)
		return 0;
	return uiprivOSTableHeaderVisible(t);
}

void uiTableHeaderSetVisible(uiTable *t, int visible)
{
	if (checked(t) == NULL)
		return;
	uiprivOSTableHeaderSetVisible(t, visible != 0);
}

uiTable *uiNewTable(uiTableParams *params)
{
	uiprivTableShared init;
	uiTable *t;

	if (!uiprivReady(__func__))
		return NULL;
	if (params == NULL) {
		uiprivUserBug(__func__, "params is NULL");
		return NULL;
	}
	if (uiprivObjectCheck(params->Model, uiprivObjectTableModel, __func__) == NULL)
		return NULL;
	memset(&init, 0, sizeof init);
	init.model = params->Model;
	init.backgroundColumn = -1;
	if (modelColumnValid(init.model, params->RowBackgroundColorModelColumn, uiTableValueTypeColor, 1, "row background color", __func__))
		init.backgroundColumn = params->RowBackgroundColorModelColumn;
	init.mode = uiTableSelectionModeZeroOrOne;
	/* The first table fixes the row count the notifications then keep. */
	if (init.model->ntables == 0)
		init.model->rows = uiprivTableModelNumRows(init.model, __func__);
	t = uiprivOSNewTable(&init);
	if (t != NULL)
		uiprivTableModelAttach(init.model, t);
	return t;
}

void uiprivTableFreed(uiTable *t)
{
	uiprivTableShared *s = shared(t);
	int k;

	uiprivTableModelDetach(s->model, t);
	for (k = 0; k < s->ncolumns; k++)
		free(s->columns[k].name);
	free(s->columns);
	s->columns = NULL;
	s->ncolumns = 0;
}

void uiTableOnRowClicked(uiTable *t, void (*f)(uiTable *t, int row, void *data), void *data)
{
	if (checked(t) == NULL)
		return;
	shared(t)->onRowClicked = f;
	shared(t)->onRowClickedData = data;
}

void uiTableOnRowDoubleClicked(uiTable *t, void (*f)(uiTable *t, int row, void *data), void *data)
{
	if (checked(t) == NULL)
		return;
	shared(t)->onRowDoubleClicked = f;
	shared(t)->onRowDoubleClickedData = data;
}

void uiTableHeaderOnClicked(uiTable *t, void (*f)(uiTable *sender, int column, void *senderData), void *data)
{
	if (checked(t) == NULL)
		return;
	shared(t)->onHeaderClicked = f;
	shared(t)->onHeaderClickedData = data;
}

void uiTableOnSelectionChanged(uiTable *t, void (*f)(uiTable *t, void *data), void *data)
{
	if (checked(t) == NULL)
		return;
	shared(t)->onSelectionChanged = f;
	shared(t)->onSelectionChangedData = data;
}

static int tableColumnValid(uiTable *t, int column, const char *func)
{
	return uiprivIndexValid(column, 0, shared(t)->ncolumns - 1, func);
}

void uiTableHeaderSetSortIndicator(uiTable *t, int column, uiSortIndicator indicator)
{
	if (checked(t) == NULL || !tableColumnValid(t, column, __func__))
		return;
	if (indicator > uiSortIndicatorDescending) {
		uiprivUserBug(__func__, "%d is not a uiSortIndicator", (int) indicator);
		return;
	}
	shared(t)->columns[column].sort = indicator;
	uiprivOSTableSyncSortIndicator(t, column);
}

uiSortIndicator uiTableHeaderSortIndicator(uiTable *t, int column)
{
	if (checked(t) == NULL || !tableColumnValid(t, column, __func__))
		return uiSortIndicatorNone;
	return shared(t)->columns[column].sort;
}

int uixTableNumColumns(uiTable *t)
{
	if (!uiprivReady(__func__) || checked(t) == NULL)
		return 0;
	return shared(t)->ncolumns;
}

int uiTableColumnWidth(uiTable *t, int column)
{
	if (checked(t) == NULL || !tableColumnValid(t, column, __func__))
		return -1;
	return uiprivOSTableColumnWidth(t, column);
}

void uiTableColumnSetWidth(uiTable *t, int column, int width)
{
	if (checked(t) == NULL || !tableColumnValid(t, column, __func__))
		return;
	if (width < -1 || width > 65536) {
		uiprivUserBug(__func__, "width %d is not -1 or 0..65536", width);
		return;
	}
	uiprivOSTableColumnSetWidth(t, column, width);
}

uiTableSelectionMode uiTableGetSelectionMode(uiTable *t)
{
	if (checked(t) == NULL)
		return uiTableSelectionModeNone;
	return shared(t)->mode;
}

void uiTableSetSelectionMode(uiTable *t, uiTableSelectionMode mode)
{
	if (checked(t) == NULL)
		return;
	if (mode > uiTableSelectionModeZeroOrMany) {
		uiprivUserBug(__func__, "%d is not a uiTableSelectionMode", (int) mode);
		return;
	}
	shared(t)->mode = mode;
	uiprivOSTableSyncSelectionMode(t);
}

uiTableSelection *uiTableGetSelection(uiTable *t)
{
	uiTableSelection *s = (uiTableSelection *) uiprivAlloc(sizeof (uiTableSelection));

	if (checked(t) != NULL)
		s->Rows = uiprivOSTableSelection(t, &s->NumRows);
	return s;
}

static int cmpInt(const void *a, const void *b)
{
	int x = *(const int *) a, y = *(const int *) b;

	return (x > y) - (x < y);
}

void uiTableSetSelection(uiTable *t, uiTableSelection *sel)
{
	uiprivTableShared *s;
	int *rows, k, n;

	if (checked(t) == NULL)
		return;
	s = shared(t);
	if (sel == NULL) {
		uiprivUserBug(__func__, "sel is NULL");
		return;
	}
	if (sel->NumRows < 0 || (sel->NumRows > 0 && sel->Rows == NULL)) {
		uiprivUserBug(__func__, "NumRows %d does not fit Rows", sel->NumRows);
		return;
	}
	if ((s->mode == uiTableSelectionModeNone && sel->NumRows > 0)
		|| (s->mode != uiTableSelectionModeZeroOrMany && sel->NumRows > 1)) {
		uiprivUserBug(__func__, "the selection mode does not allow %d selected rows", sel->NumRows);
		return;
	}
	for (k = 0; k < sel->NumRows; k++)
		if (!uiprivIndexValid(sel->Rows[k], 0, s->model->rows - 1, __func__))
			return;
	/* Sorted without duplicates, so backends select each row once. */
	rows = (int *) uiprivAlloc(((size_t) sel->NumRows + 1) * sizeof (int));
	if (sel->NumRows > 0)
		memcpy(rows, sel->Rows, (size_t) sel->NumRows * sizeof (int));
	qsort(rows, (size_t) sel->NumRows, sizeof (int), cmpInt);
	for (k = 0, n = 0; k < sel->NumRows; k++)
		if (n == 0 || rows[n - 1] != rows[k])
			rows[n++] = rows[k];
	uiprivOSTableSetSelection(t, rows, n);
	free(rows);
}

void uiFreeTableSelection(uiTableSelection *s)
{
	if (s == NULL)
		return;
	free(s->Rows);
	free(s);
}

int uiprivTableColumnDefaultWidth(const uiprivTableColumn *c)
{
	switch (c->kind) {
	case uiprivTableColumnImage:
	case uiprivTableColumnCheckbox:
		return 40;
	case uiprivTableColumnProgress:
	case uiprivTableColumnButton:
		return 100;
	default:
		return 150;
	}
}

/* ---- cell reads for the backends ---- */

uiTableValue *uiprivTableCell(uiTable *t, int row, int column)
{
	uiTableModel *m = shared(t)->model;
	uiTableValueType want;
	uiTableValue *v;

	if (row < 0 || row >= m->rows || column < 0)
		return NULL;
	want = m->mh->ColumnType(m->mh, m, column);
	v = m->mh->CellValue(m->mh, m, row, column);
	if (v == NULL) {
		/* No image and no colour are answers; no text or number is not. */
		if (want != uiTableValueTypeImage && want != uiTableValueTypeColor)
			uiprivUserBug("CellValue", "row %d column %d: NULL for a %s column", row, column, typeNames[want]);
		return NULL;
	}
	if (!uiprivObjectIs(v, uiprivObjectTableValue)) {
		uiprivUserBug("CellValue", "row %d column %d: %p is not a live uiTableValue", row, column, (void *) v);
		return NULL;
	}
	if (v->type != want) {
		uiprivUserBug("CellValue", "row %d column %d: a %s value for a %s column", row, column, typeNames[v->type], typeNames[want]);
		uiFreeTableValue(v);
		return NULL;
	}
	return v;
}

char *uiprivTableCellText(uiTable *t, int row, int column)
{
	uiTableValue *v = uiprivTableCell(t, row, column);
	char *s;

	if (v == NULL)
		return uiprivSanitize("");
	/* Already sanitized when the value was made; the copy outlives the value. */
	s = uiprivSanitize(v->u.str);
	uiFreeTableValue(v);
	return s;
}

int uiprivTableCellInt(uiTable *t, int row, int column)
{
	uiTableValue *v = uiprivTableCell(t, row, column);
	int i;

	if (v == NULL)
		return 0;
	i = v->u.i;
	uiFreeTableValue(v);
	return i;
}

int uiprivTableCellColor(uiTable *t, int row, int column, double rgba[4])
{
	uiTableValue *v = uiprivTableCell(t, row, column);

	if (v == NULL)
		return 0;
	memcpy(rgba, v->u.rgba, sizeof v->u.rgba);
	uiFreeTableValue(v);
	return 1;
}

uiImage *uiprivTableCellImage(uiTable *t, int row, int column)
{
	uiTableValue *v = uiprivTableCell(t, row, column);
	uiImage *i;

	if (v == NULL)
		return NULL;
	i = v->u.img;
	uiFreeTableValue(v);
	return i;
}

int uiprivTableCellEditable(uiTable *t, int row, int editable)
{
	if (editable == uiTableModelColumnNeverEditable)
		return 0;
	if (editable == uiTableModelColumnAlwaysEditable)
		return 1;
	return uiprivTableCellInt(t, row, editable) != 0;
}

void uiprivTableSetCellByUser(uiTable *t, int row, int column, const uiTableValue *value)
{
	uiTableModel *m = shared(t)->model;

	if (row < 0 || row >= m->rows)
		return;
	m->mh->SetCellValue(m->mh, m, row, column, value);
}

void uiprivTableRowClickedByUser(uiTable *t, int row)
{
	if (shared(t)->onRowClicked != NULL)
		shared(t)->onRowClicked(t, row, shared(t)->onRowClickedData);
}

void uiprivTableRowDoubleClickedByUser(uiTable *t, int row)
{
	if (shared(t)->onRowDoubleClicked != NULL)
		shared(t)->onRowDoubleClicked(t, row, shared(t)->onRowDoubleClickedData);
}

void uiprivTableHeaderClickedByUser(uiTable *t, int column)
{
	if (shared(t)->onHeaderClicked != NULL)
		shared(t)->onHeaderClicked(t, column, shared(t)->onHeaderClickedData);
}

void uiprivTableSelectionChangedByUser(uiTable *t)
{
	if (shared(t)->onSelectionChanged != NULL)
		shared(t)->onSelectionChanged(t, shared(t)->onSelectionChangedData);
}
