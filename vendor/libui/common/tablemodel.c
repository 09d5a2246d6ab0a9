/* uiTableModel: the program's handler, the tables showing it and the row count they show; row
 * notifications are checked here once and passed to every table. */
#include <stdlib.h>
#include "osapi.h"

#define checked(m) ((uiTableModel *) uiprivObjectCheck((m), uiprivObjectTableModel, __func__))

uiTableModel *uiNewTableModel(uiTableModelHandler *mh)
{
	uiTableModel *m;

	if (!uiprivReady(__func__))
		return NULL;
	if (mh == NULL || mh->NumColumns == NULL || mh->ColumnType == NULL || mh->NumRows == NULL
		|| mh->CellValue == NULL || mh->SetCellValue == NULL) {
		uiprivUserBug(__func__, "the handler is NULL or lacks a function");
		return NULL;
	}
	m = (uiTableModel *) uiprivAlloc(sizeof (uiTableModel));
	m->mh = mh;
	uiprivObjectAdd(m, uiprivObjectTableModel);
	return m;
}

void uiFreeTableModel(uiTableModel *m)
{
	if (!uiprivReady(__func__) || checked(m) == NULL)
		return;
	if (m->ntables > 0) {
		uiprivUserBug(__func__, "the model is still used by %d table(s)", m->ntables);
		return;
	}
	uiprivObjectRemove(m, uiprivObjectTableModel);
	free(m->tables);
	free(m);
}

/* The handler's row count; a negative one is a user bug and counts as 0. */
int uiprivTableModelNumRows(uiTableModel *m, const char *func)
{
	int n = m->mh->NumRows(m->mh, m);

	if (n < 0) {
		uiprivUserBug(func, "the model's NumRows returned %d", n);
		return 0;
	}
	return n;
}

/* After a notification: the handler should now count m->rows. */
static void checkCount(uiTableModel *m, const char *func)
{
	int n = m->mh->NumRows(m->mh, m);

	if (n != m->rows)
		uiprivUserBug(func, "NumRows returns %d, but the notifications so far make %d", n, m->rows);
}

void uiTableModelRowInserted(uiTableModel *m, int newIndex)
{
	int k;

	if (!uiprivReady(__func__) || checked(m) == NULL || m->ntables == 0)
		return;
	if (!uiprivIndexValid(newIndex, 0, m->rows, __func__))
		return;
	m->rows++;
	checkCount(m, __func__);
	for (k = 0; k < m->ntables; k++)
		uiprivOSTableRowInserted(m->tables[k], newIndex);
}

void uiTableModelRowChanged(uiTableModel *m, int index)
{
	int k;

	if (!uiprivReady(__func__) || checked(m) == NULL || m->ntables == 0)
		return;
	if (!uiprivIndexValid(index, 0, m->rows - 1, __func__))
		return;
	for (k = 0; k < m->ntables; k++)
		uiprivOSTableRowChanged(m->tables[k], index);
}

void uiTableModelRowDeleted(uiTableModel *m, int oldIndex)
{
	int k;

	if (!uiprivReady(__func__) || checked(m) == NULL || m->ntables == 0)
		return;
	if (!uiprivIndexValid(oldIndex, 0, m->rows - 1, __func__))
		return;
	m->rows--;
	checkCount(m, __func__);
	for (k = 0; k < m->ntables; k++)
		uiprivOSTableRowDeleted(m->tables[k], oldIndex);
}

void uiprivTableModelAttach(uiTableModel *m, uiTable *t)
{
	if (m->ntables == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 4;
		m->tables = (uiTable **) uiprivRealloc(m->tables, (size_t) m->cap * sizeof (uiTable *));
	}
	m->tables[m->ntables++] = t;
}

void uiprivTableModelDetach(uiTableModel *m, uiTable *t)
{
	int k;

	for (k = 0; k < m->ntables; k++)
		if (m->tables[k] == t) {
			m->tables[k] = m->tables[--m->ntables];
			return;
		}
}
