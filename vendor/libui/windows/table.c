/* uiTable on Win32: a report-view ListView with LVS_OWNERDATA, so it holds only a row count and
 * asks (through common/table.c) for the rows it paints.  Every cell is drawn here in custom draw
 * (checkboxes, images, progress bars, buttons, colours); text is edited in place with an EDIT
 * child (Enter commits, Escape cancels).  The public functions are in common/table.c. */
#include "uipriv_windows.h"
#include <stdlib.h>
#include "osapi.h"

/* Size from libui-ng's usual table, in dialog units. */
#define tableWidthDlu 107
#define tableHeightDlu 50
/* A private message the ListView posts itself so one user action reports one selection change. */
#define msgSelectionChanged (WM_APP + 0x71)

struct uiTable {
	uiControl c;
	HWND hwnd;
	/* The in-place editor and the cell it edits, NULL when not editing. */
	HWND edit;
	int editRow, editColumn;
	/* Set while the program, not the user, changes the selection. */
	int quiet;
	int selectionPosted;
	int dying;
	uiprivTableShared shared;
};

#define rows(t) ((t)->shared.model->rows)

/* The owner-data row count.  LVM_SETITEMCOUNT sent directly: Wine's commctrl.h (the msvc tiers'
 * headers) lacks the ListView_SetItemCountEx macro that MinGW's and Microsoft's have. */
static void setItemCount(uiTable *t, DWORD flags)
{
	SendMessageW(t->hwnd, LVM_SETITEMCOUNT, (WPARAM) rows(t), (LPARAM) flags);
}

static void deselectAll(uiTable *t);

static UINT tableDpi(uiTable *t)
{
	return uiprivWindowDpi(t->hwnd);
}

static int scale(uiTable *t, int points)
{
	return MulDiv(points, (int) tableDpi(t), 96);
}

/* ---- where the parts of a cell are ---- */

typedef struct cellLayout {
	RECT checkbox, image, text, whole;
} cellLayout;

static void layoutCell(uiTable *t, const uiprivTableColumn *c, const RECT *cell, cellLayout *l)
{
	int pad = scale(t, 2), box = scale(t, 13), x = cell->left + pad, h = cell->bottom - cell->top;

	SetRectEmpty(&l->checkbox);
	SetRectEmpty(&l->image);
	l->whole = *cell;
	if (c->checkbox >= 0) {
		int side = box < h ? box : h;

		SetRect(&l->checkbox, x, cell->top + (h - side) / 2, x + side, cell->top + (h - side) / 2 + side);
		x = l->checkbox.right + pad;
	}
	if (c->image >= 0) {
		int side = h - 2 > 0 ? h - 2 : 0;

		SetRect(&l->image, x, cell->top + 1, x + side, cell->top + 1 + side);
		x = l->image.right + pad;
	}
	SetRect(&l->text, x, cell->top, cell->right - pad, cell->bottom);
}

static void cellRect(uiTable *t, int row, int column, RECT *r)
{
	ListView_GetSubItemRect(t->hwnd, row, column, LVIR_BOUNDS, r);
	/* Column 0's bounds are the whole row. */
	if (column == 0)
		r->right = r->left + ListView_GetColumnWidth(t->hwnd, 0);
}

/* ---- drawing ---- */

static COLORREF colorOf(const double rgba[4], COLORREF under)
{
	/* Alpha blends over what is under the cell. */
	double a = rgba[3];
	int r = (int) (255 * (rgba[0] * a + GetRValue(under) / 255.0 * (1 - a)) + 0.5);
	int g = (int) (255 * (rgba[1] * a + GetGValue(under) / 255.0 * (1 - a)) + 0.5);
	int b = (int) (255 * (rgba[2] * a + GetBValue(under) / 255.0 * (1 - a)) + 0.5);

	return RGB(r, g, b);
}

static void fill(HDC dc, const RECT *r, COLORREF color)
{
	HBRUSH b = CreateSolidBrush(color);

	FillRect(dc, r, b);
	DeleteObject(b);
}

static void drawText(HDC dc, const char *text, RECT *r, UINT align)
{
	WCHAR *w = uiprivToUTF16(text);

	DrawTextW(dc, w, -1, r, align | DT_SINGLELINE | DT_VCENTER | DT_END_ELLIPSIS | DT_NOPREFIX);
	free(w);
}

static void drawProgress(uiTable *t, HDC dc, int value, const RECT *cell)
{
	int pad = scale(t, 3);
	RECT bar = { cell->left + pad, cell->top + pad, cell->right - pad, cell->bottom - pad }, done;

	if (bar.right <= bar.left || bar.bottom <= bar.top)
		return;
	fill(dc, &bar, GetSysColor(COLOR_BTNFACE));
	FrameRect(dc, &bar, GetSysColorBrush(COLOR_BTNSHADOW));
	done = bar;
	InflateRect(&done, -1, -1);
	if (value < 0) {
		/* Indeterminate: a block in the middle. */
		int w = done.right - done.left;

		done.left += w / 3;
		done.right = done.left + w / 3;
	} else
		done.right = done.left + MulDiv(done.right - done.left, uiprivClamp(value, 0, 100), 100);
	if (done.right > done.left)
		fill(dc, &done, GetSysColor(COLOR_HIGHLIGHT));
}

static void drawCell(uiTable *t, HDC dc, int row, int column)
{
	const uiprivTableColumn *c = &t->shared.columns[column];
	int selected = ListView_GetItemState(t->hwnd, row, LVIS_SELECTED) != 0;
	COLORREF bg = GetSysColor(selected ? COLOR_HIGHLIGHT : COLOR_WINDOW);
	COLORREF fg = GetSysColor(selected ? COLOR_HIGHLIGHTTEXT : COLOR_WINDOWTEXT);
	double rgba[4];
	cellLayout l;
	RECT cell;
	uiImage *img;
	char *text;

	cellRect(t, row, column, &cell);
	if (!selected && t->shared.backgroundColumn >= 0 && uiprivTableCellColor(t, row, t->shared.backgroundColumn, rgba))
		bg = colorOf(rgba, bg);
	fill(dc, &cell, bg);
	layoutCell(t, c, &cell, &l);
	SetBkMode(dc, TRANSPARENT);
	if (c->checkbox >= 0) {
		UINT state = DFCS_BUTTONCHECK | DFCS_FLAT;

		if (uiprivTableCellInt(t, row, c->checkbox) != 0)
			state |= DFCS_CHECKED;
		if (!uiprivTableCellEditable(t, row, c->checkboxEditable))
			state |= DFCS_INACTIVE;
		DrawFrameControl(dc, &l.checkbox, DFC_BUTTON, state);
	}
	if (c->image >= 0 && (img = uiprivTableCellImage(t, row, c->image)) != NULL)
		uiprivDrawImage(dc, img, tableDpi(t), &l.image);
	if (c->text >= 0) {
		if (!selected && c->textColor >= 0 && uiprivTableCellColor(t, row, c->textColor, rgba))
			fg = colorOf(rgba, bg);
		SetTextColor(dc, fg);
		text = uiprivTableCellText(t, row, c->text);
		drawText(dc, text, &l.text, DT_LEFT);
		uiFreeText(text);
	}
	if (c->progress >= 0)
		drawProgress(t, dc, uiprivTableCellInt(t, row, c->progress), &cell);
	if (c->button >= 0) {
		RECT b = cell;
		int clickable = uiprivTableCellEditable(t, row, c->buttonClickable);

		InflateRect(&b, -1, -1);
		DrawFrameControl(dc, &b, DFC_BUTTON, DFCS_BUTTONPUSH | (clickable ? 0 : DFCS_INACTIVE));
		SetTextColor(dc, GetSysColor(clickable ? COLOR_BTNTEXT : COLOR_GRAYTEXT));
		text = uiprivTableCellText(t, row, c->button);
		drawText(dc, text, &b, DT_CENTER);
		uiFreeText(text);
	}
}

static LRESULT customDraw(uiTable *t, NMLVCUSTOMDRAW *cd)
{
	switch (cd->nmcd.dwDrawStage) {
	case CDDS_PREPAINT:
		return CDRF_NOTIFYITEMDRAW;
	case CDDS_ITEMPREPAINT:
		return CDRF_NOTIFYSUBITEMDRAW;
	case CDDS_ITEMPREPAINT | CDDS_SUBITEM:
		if (cd->iSubItem < 0 || cd->iSubItem >= t->shared.ncolumns || (int) cd->nmcd.dwItemSpec >= rows(t))
			return CDRF_DODEFAULT;
		drawCell(t, cd->nmcd.hdc, (int) cd->nmcd.dwItemSpec, cd->iSubItem);
		return CDRF_SKIPDEFAULT;
	}
	return CDRF_DODEFAULT;
}

/* ---- in-place editing ---- */

static void endEdit(uiTable *t, int commit)
{
	HWND edit = t->edit;
	uiTableValue *v;
	char *text;

	if (edit == NULL)
		return;
	/* Cleared first: destroying the editor moves the focus, which would end the edit again. */
	t->edit = NULL;
	if (commit) {
		text = uiprivWindowTextUTF8(edit);
		v = uiNewTableValueString(text);
		uiFreeText(text);
		uiprivTableSetCellByUser(t, t->editRow, t->shared.columns[t->editColumn].text, v);
		uiFreeTableValue(v);
	}
	DestroyWindow(edit);
	ListView_RedrawItems(t->hwnd, t->editRow, t->editRow);
}

/* The class procedures under our own: subclassed through GWLP_WNDPROC (user32), since
 * SetWindowSubclass would import comctl32 by name and load the system's old one before our
 * activation context can pick version 6. */
static WNDPROC editBase, listBase;

/* The table owning the ListView lv; NULL once it is being destroyed. */
static uiTable *tableOf(HWND lv)
{
	return (uiTable *) GetPropW(lv, uiprivControlProp);
}

static LRESULT CALLBACK editProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam)
{
	uiTable *t = tableOf(GetParent(hwnd));

	if (t == NULL)
		return CallWindowProcW(editBase, hwnd, msg, wParam, lParam);

	switch (msg) {
	case WM_GETDLGCODE:
		/* Enter and Escape are the editor's, not the window's default buttons'. */
		return DLGC_WANTALLKEYS | CallWindowProcW(editBase, hwnd, msg, wParam, lParam);
	case WM_KEYDOWN:
		if (wParam == VK_RETURN || wParam == VK_ESCAPE) {
			endEdit(t, wParam == VK_RETURN);
			SetFocus(t->hwnd);
			return 0;
		}
		break;
	case WM_CHAR:
		/* The Enter and Escape characters would beep. */
		if (wParam == '\r' || wParam == 0x1b)
			return 0;
		break;
	case WM_KILLFOCUS:
		if (t->edit == hwnd)
			endEdit(t, 1);
		break;
	}
	return CallWindowProcW(editBase, hwnd, msg, wParam, lParam);
}

static void startEdit(uiTable *t, int row, int column)
{
	const uiprivTableColumn *c = &t->shared.columns[column];
	cellLayout l;
	RECT cell;
	WCHAR *w;
	char *text;

	endEdit(t, 1);
	ListView_EnsureVisible(t->hwnd, row, FALSE);
	cellRect(t, row, column, &cell);
	layoutCell(t, c, &cell, &l);
	text = uiprivTableCellText(t, row, c->text);
	w = uiprivToUTF16(text);
	uiFreeText(text);
	t->edit = CreateWindowExW(0, L"EDIT", w, WS_CHILD | WS_VISIBLE | WS_BORDER | ES_AUTOHSCROLL,
		l.text.left, l.text.top, l.text.right - l.text.left, l.text.bottom - l.text.top,
		t->hwnd, NULL, uiprivInstance, NULL);
	free(w);
	if (t->edit == NULL)
		return;
	t->editRow = row;
	t->editColumn = column;
	SendMessageW(t->edit, WM_SETFONT, SendMessageW(t->hwnd, WM_GETFONT, 0, 0), TRUE);
	editBase = (WNDPROC) SetWindowLongPtrW(t->edit, GWLP_WNDPROC, (LONG_PTR) editProc);
	SendMessageW(t->edit, EM_SETSEL, 0, -1);
	SetFocus(t->edit);
}

/* ---- the user's clicks ---- */

static int hitTest(uiTable *t, POINT pt, int *column)
{
	LVHITTESTINFO ht;

	ZeroMemory(&ht, sizeof ht);
	ht.pt = pt;
	if (ListView_SubItemHitTest(t->hwnd, &ht) < 0 || ht.iItem < 0 || ht.iItem >= rows(t))
		return -1;
	*column = ht.iSubItem;
	return ht.iItem;
}

static void clicked(uiTable *t, POINT pt, int twice)
{
	int column = -1, row = hitTest(t, pt, &column);
	const uiprivTableColumn *c;
	cellLayout l;
	RECT cell;
	uiTableValue *v;

	if (row < 0)
		return;
	if (twice)
		uiprivTableRowDoubleClickedByUser(t, row);
	else
		uiprivTableRowClickedByUser(t, row);
	if (column < 0 || column >= t->shared.ncolumns || row >= rows(t))
		return;
	c = &t->shared.columns[column];
	cellRect(t, row, column, &cell);
	layoutCell(t, c, &cell, &l);
	if (c->checkbox >= 0 && !twice && (PtInRect(&l.checkbox, pt) || c->text < 0)
		&& uiprivTableCellEditable(t, row, c->checkboxEditable)) {
		v = uiNewTableValueInt(!uiprivTableCellInt(t, row, c->checkbox));
		uiprivTableSetCellByUser(t, row, c->checkbox, v);
		uiFreeTableValue(v);
		return;
	}
	if (c->button >= 0 && !twice && uiprivTableCellEditable(t, row, c->buttonClickable)) {
		uiprivTableSetCellByUser(t, row, c->button, NULL);
		return;
	}
	if (c->text >= 0 && twice && PtInRect(&l.text, pt) && uiprivTableCellEditable(t, row, c->textEditable))
		startEdit(t, row, column);
}

static LRESULT CALLBACK listProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam)
{
	uiTable *t = tableOf(hwnd);

	if (t == NULL)
		return CallWindowProcW(listBase, hwnd, msg, wParam, lParam);

	switch (msg) {
	case msgSelectionChanged:
		t->selectionPosted = 0;
		if (!t->dying)
			uiprivTableSelectionChangedByUser(t);
		return 0;
	case WM_VSCROLL:
	case WM_HSCROLL:
	case WM_MOUSEWHEEL:
		/* The editor would stay where the cell was. */
		endEdit(t, 1);
		break;
	}
	return CallWindowProcW(listBase, hwnd, msg, wParam, lParam);
}

static void selectionChanged(uiTable *t)
{
	if (t->quiet)
		return;
	if (t->shared.mode == uiTableSelectionModeNone) {
		deselectAll(t);
		return;
	}
	if (!t->selectionPosted && PostMessageW(t->hwnd, msgSelectionChanged, 0, 0))
		t->selectionPosted = 1;
}

static void fillDispInfo(uiTable *t, NMLVDISPINFOW *di)
{
	const uiprivTableColumn *c;
	WCHAR *w;
	char *text;
	int part;

	if (!(di->item.mask & LVIF_TEXT) || di->item.cchTextMax <= 0 || di->item.iSubItem < 0 || di->item.iSubItem >= t->shared.ncolumns)
		return;
	di->item.pszText[0] = L'\0';
	c = &t->shared.columns[di->item.iSubItem];
	part = c->text >= 0 ? c->text : c->button;
	if (part < 0 || di->item.iItem < 0 || di->item.iItem >= rows(t))
		return;
	/* What screen readers and LVM_GETITEMTEXT read; the view itself is drawn in custom draw. */
	text = uiprivTableCellText(t, di->item.iItem, part);
	w = uiprivToUTF16(text);
	uiFreeText(text);
	lstrcpynW(di->item.pszText, w, di->item.cchTextMax);
	free(w);
}

static BOOL tableNotify(uiControl *c, NMHDR *nm, LRESULT *result)
{
	uiTable *t = (uiTable *) c;
	NMLISTVIEW *lv = (NMLISTVIEW *) nm;
	DWORD pos;
	POINT pt;

	if (t->dying)
		return FALSE;
	switch (nm->code) {
	case NM_CUSTOMDRAW:
		*result = customDraw(t, (NMLVCUSTOMDRAW *) nm);
		return TRUE;
	case LVN_GETDISPINFOW:
		fillDispInfo(t, (NMLVDISPINFOW *) nm);
		return FALSE;
	case LVN_ITEMCHANGED:
		if ((lv->uChanged & LVIF_STATE) && ((lv->uOldState ^ lv->uNewState) & LVIS_SELECTED))
			selectionChanged(t);
		return FALSE;
	case LVN_ODSTATECHANGED:
		if ((((NMLVODSTATECHANGE *) nm)->uOldState ^ ((NMLVODSTATECHANGE *) nm)->uNewState) & LVIS_SELECTED)
			selectionChanged(t);
		return FALSE;
	case LVN_COLUMNCLICK:
		endEdit(t, 1);
		uiprivTableHeaderClickedByUser(t, lv->iSubItem);
		return FALSE;
	case NM_CLICK:
	case NM_DBLCLK:
		/* The cursor where the button went down or up, in the view's coordinates. */
		pos = GetMessagePos();
		pt.x = (short) LOWORD(pos);
		pt.y = (short) HIWORD(pos);
		ScreenToClient(t->hwnd, &pt);
		clicked(t, pt, nm->code == NM_DBLCLK);
		return FALSE;
	}
	return FALSE;
}

static void tableMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	(void) c;
	*width = uiprivDluX(m, tableWidthDlu);
	*height = uiprivDluY(m, tableHeightDlu);
}

static void tableFree(uiControl *c)
{
	uiTable *t = (uiTable *) c;

	endEdit(t, 0);
	t->dying = 1;
	uiprivTableFreed(t);
	uiprivWinFree(c);
}

static const uiprivWinHooks tableHooks = {
	tableMinSize, uiprivWinLayout, uiprivWinSetNativeParent, NULL, NULL, tableNotify,
};

const uiprivControlVtable uiprivTableVtable = {
	"uiTable", 0, tableFree, uiprivWinHandle, uiprivWinSyncVisible, uiprivWinSyncEnabled, &tableHooks,
};

/* ---- columns ---- */

/* The kind's default width, or wider so the header's text fits (LVSCW_AUTOSIZE would ask an
 * owner-data view for every row's text). */
static int fittingWidth(uiTable *t, const uiprivTableColumn *c, const WCHAR *name)
{
	int need = ListView_GetStringWidth(t->hwnd, name) + scale(t, 16);
	int def = scale(t, uiprivTableColumnDefaultWidth(c));

	return need > def ? need : def;
}

void uiprivOSTableColumnAppended(uiTable *t)
{
	int k = t->shared.ncolumns - 1;
	const uiprivTableColumn *c = &t->shared.columns[k];
	LVCOLUMNW col;
	WCHAR *name = uiprivToUTF16(c->name);

	ZeroMemory(&col, sizeof col);
	col.mask = LVCF_FMT | LVCF_TEXT | LVCF_WIDTH | LVCF_SUBITEM;
	col.fmt = LVCFMT_LEFT;
	col.cx = fittingWidth(t, c, name);
	col.pszText = name;
	col.iSubItem = k;
	SendMessageW(t->hwnd, LVM_INSERTCOLUMNW, (WPARAM) k, (LPARAM) &col);
	free(name);
}

int uiprivOSTableColumnWidth(uiTable *t, int column)
{
	return MulDiv(ListView_GetColumnWidth(t->hwnd, column), 96, (int) tableDpi(t));
}

void uiprivOSTableColumnSetWidth(uiTable *t, int column, int width)
{
	if (width < 0) {
		WCHAR *name = uiprivToUTF16(t->shared.columns[column].name);

		width = fittingWidth(t, &t->shared.columns[column], name);
		free(name);
	} else
		width = scale(t, width);
	endEdit(t, 1);
	ListView_SetColumnWidth(t->hwnd, column, width);
}

/* ---- rows ---- */

/* The selected rows, ascending, as a new array (NULL when none). */
int *uiprivOSTableSelection(uiTable *t, int *n)
{
	int cap = 0, row = -1, *out = NULL, want = ListView_GetSelectedCount(t->hwnd);

	*n = 0;
	/* Stopping at the count spares a scan to the end (some ListViews scan row by row). */
	while (*n < want && (row = ListView_GetNextItem(t->hwnd, row, LVNI_SELECTED)) >= 0 && row < rows(t) + 1) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 8;
			out = (int *) uiprivRealloc(out, (size_t) cap * sizeof (int));
		}
		out[(*n)++] = row;
	}
	return out;
}

/* Clears the selection row by row: item -1 ("all") makes some ListViews (Wine's) visit every row. */
static void deselectAll(uiTable *t)
{
	int n, k, *sel = uiprivOSTableSelection(t, &n);

	t->quiet++;
	for (k = 0; k < n; k++)
		ListView_SetItemState(t->hwnd, sel[k], 0, LVIS_SELECTED);
	t->quiet--;
	free(sel);
}

void uiprivOSTableSetSelection(uiTable *t, const int *rows, int n)
{
	int k;

	deselectAll(t);
	t->quiet++;
	for (k = 0; k < n; k++)
		ListView_SetItemState(t->hwnd, rows[k], LVIS_SELECTED, LVIS_SELECTED);
	if (n > 0)
		ListView_SetItemState(t->hwnd, rows[0], LVIS_FOCUSED, LVIS_FOCUSED);
	t->quiet--;
}

/* An owner-data view keeps its selection by index, so it is moved by hand when rows come and go:
 * delta +1 for a row inserted at row, -1 for row deleted (which leaves the selection). */
static void shiftRows(uiTable *t, int row, int delta)
{
	int n, k, m = 0, was = ListView_GetNextItem(t->hwnd, -1, LVNI_FOCUSED), focus = was;
	int *sel;

	endEdit(t, 0);
	/* Read against the old count. */
	t->shared.model->rows -= delta;
	sel = uiprivOSTableSelection(t, &n);
	t->shared.model->rows += delta;
	for (k = 0; k < n; k++) {
		if (delta < 0 && sel[k] == row)
			continue;
		sel[m++] = sel[k] >= row ? sel[k] + delta : sel[k];
	}
	if (focus >= row)
		focus = (delta < 0 && focus == row) ? -1 : focus + delta;
	t->shared.model->rows -= delta;
	deselectAll(t);
	t->shared.model->rows += delta;
	t->quiet++;
	if (was >= 0)
		ListView_SetItemState(t->hwnd, was, 0, LVIS_FOCUSED);
	setItemCount(t, LVSICF_NOSCROLL | LVSICF_NOINVALIDATEALL);
	for (k = 0; k < m; k++)
		ListView_SetItemState(t->hwnd, sel[k], LVIS_SELECTED, LVIS_SELECTED);
	if (focus >= 0 && focus < rows(t))
		ListView_SetItemState(t->hwnd, focus, LVIS_FOCUSED, LVIS_FOCUSED);
	t->quiet--;
	free(sel);
	InvalidateRect(t->hwnd, NULL, FALSE);
	/* A selected row deleted is a change the user sees. */
	if (m != n)
		selectionChanged(t);
}

void uiprivOSTableRowInserted(uiTable *t, int row)
{
	shiftRows(t, row, 1);
}

void uiprivOSTableRowChanged(uiTable *t, int row)
{
	if (t->edit != NULL && t->editRow == row)
		endEdit(t, 0);
	ListView_RedrawItems(t->hwnd, row, row);
}

void uiprivOSTableRowDeleted(uiTable *t, int row)
{
	shiftRows(t, row, -1);
}

/* ---- header and selection mode ---- */

int uiprivOSTableHeaderVisible(uiTable *t)
{
	return (GetWindowLongPtrW(t->hwnd, GWL_STYLE) & LVS_NOCOLUMNHEADER) == 0;
}

void uiprivOSTableHeaderSetVisible(uiTable *t, int visible)
{
	LONG_PTR style = GetWindowLongPtrW(t->hwnd, GWL_STYLE);

	style = visible ? (style & ~(LONG_PTR) LVS_NOCOLUMNHEADER) : (style | LVS_NOCOLUMNHEADER);
	SetWindowLongPtrW(t->hwnd, GWL_STYLE, style);
	SetWindowPos(t->hwnd, NULL, 0, 0, 0, 0, SWP_FRAMECHANGED | SWP_NOMOVE | SWP_NOSIZE | SWP_NOZORDER | SWP_NOACTIVATE);
}

void uiprivOSTableSyncSortIndicator(uiTable *t, int column)
{
	HWND header = ListView_GetHeader(t->hwnd);
	HDITEMW item;

	ZeroMemory(&item, sizeof item);
	item.mask = HDI_FORMAT;
	if (!SendMessageW(header, HDM_GETITEMW, (WPARAM) column, (LPARAM) &item))
		return;
	item.fmt &= ~(HDF_SORTUP | HDF_SORTDOWN);
	if (t->shared.columns[column].sort == uiSortIndicatorAscending)
		item.fmt |= HDF_SORTUP;
	else if (t->shared.columns[column].sort == uiSortIndicatorDescending)
		item.fmt |= HDF_SORTDOWN;
	SendMessageW(header, HDM_SETITEMW, (WPARAM) column, (LPARAM) &item);
}

void uiprivOSTableSyncSelectionMode(uiTable *t)
{
	LONG_PTR style = GetWindowLongPtrW(t->hwnd, GWL_STYLE);
	int n, *sel = uiprivOSTableSelection(t, &n);

	if (t->shared.mode == uiTableSelectionModeZeroOrMany)
		style &= ~(LONG_PTR) LVS_SINGLESEL;
	else
		style |= LVS_SINGLESEL;
	SetWindowLongPtrW(t->hwnd, GWL_STYLE, style);
	/* Cut to what the mode allows: none, or the first row. */
	if (t->shared.mode == uiTableSelectionModeNone)
		uiprivOSTableSetSelection(t, NULL, 0);
	else if (t->shared.mode != uiTableSelectionModeZeroOrMany && n > 1)
		uiprivOSTableSetSelection(t, sel, 1);
	free(sel);
}

uiTable *uiprivOSNewTable(const uiprivTableShared *init)
{
	uiTable *t = (uiTable *) uiprivNewControl(sizeof (uiTable), &uiprivTableVtable, 1);

	t->shared = *init;
	t->c.shared = &t->shared;
	t->hwnd = uiprivCreateControlWindow(WS_EX_CLIENTEDGE, WC_LISTVIEWW,
		LVS_REPORT | LVS_OWNERDATA | LVS_SHOWSELALWAYS | LVS_SINGLESEL | WS_TABSTOP | WS_HSCROLL | WS_VSCROLL,
		uiControl(t));
	if (t->hwnd == NULL) {
		uiprivControlFree(uiControl(t));
		return NULL;
	}
	ListView_SetExtendedListViewStyle(t->hwnd, LVS_EX_FULLROWSELECT | LVS_EX_DOUBLEBUFFER);
	listBase = (WNDPROC) SetWindowLongPtrW(t->hwnd, GWLP_WNDPROC, (LONG_PTR) listProc);
	setItemCount(t, LVSICF_NOSCROLL);
	uiprivOSTableSyncSelectionMode(t);
	return t;
}
