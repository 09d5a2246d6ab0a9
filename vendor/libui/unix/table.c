/* uiTable on GTK 3: a GtkTreeView in fixed-height mode (so it asks only for the rows it draws) over
 * a GtkTreeModel that reads the program's model through common/table.c and keeps no copy of it;
 * one cell renderer per part of a column (the public functions are in common/table.c). */
#include "uipriv_unix.h"
#include <stdlib.h>
#include "osapi.h"

struct uiTable {
	uiControl c;
	GtkWidget *widget;
	GtkWidget *scroll;
	GtkTreeView *tv;
	GtkTreeModel *tm;
	GtkTreeSelection *sel;
	gulong selChanged;
	uiprivTableShared shared;
};

#define rows(t) ((t)->shared.model->rows)

/* ---- the tree model: row index in iter->user_data ---- */

typedef struct uiprivTreeModel {
	GObject parent;
	uiTable *t;
	gint stamp;
} uiprivTreeModel;

typedef struct uiprivTreeModelClass {
	GObjectClass parent;
} uiprivTreeModelClass;

static void treeModelIface(GtkTreeModelIface *iface);
G_DEFINE_TYPE_WITH_CODE(uiprivTreeModel, uiprivTreeModel, G_TYPE_OBJECT,
	G_IMPLEMENT_INTERFACE(GTK_TYPE_TREE_MODEL, treeModelIface))

#define treeModel(m) ((uiprivTreeModel *) (m))

static void uiprivTreeModel_init(uiprivTreeModel *m)
{
	m->stamp = g_random_int();
}

static void uiprivTreeModel_class_init(uiprivTreeModelClass *klass)
{
	(void) klass;
}

static int setIter(GtkTreeModel *m, GtkTreeIter *iter, int row)
{
	uiTable *t = treeModel(m)->t;

	if (t == NULL || row < 0 || row >= rows(t)) {
		iter->stamp = 0;
		return FALSE;
	}
	iter->stamp = treeModel(m)->stamp;
	iter->user_data = GINT_TO_POINTER(row);
	return TRUE;
}

#define iterRow(iter) GPOINTER_TO_INT((iter)->user_data)

static GtkTreeModelFlags tmFlags(GtkTreeModel *m)
{
	(void) m;
	return GTK_TREE_MODEL_LIST_ONLY;
}

static gint tmNColumns(GtkTreeModel *m)
{
	uiTable *t = treeModel(m)->t;

	if (t == NULL)
		return 0;
	return t->shared.model->mh->NumColumns(t->shared.model->mh, t->shared.model);
}

static GType gtypeOf(uiTableValueType type)
{
	switch (type) {
	case uiTableValueTypeString:
		return G_TYPE_STRING;
	case uiTableValueTypeImage:
		/* The surface is owned by the image, so a plain pointer. */
		return G_TYPE_POINTER;
	case uiTableValueTypeInt:
		return G_TYPE_INT;
	default:
		return GDK_TYPE_RGBA;
	}
}

static GType tmColumnType(GtkTreeModel *m, gint column)
{
	uiTable *t = treeModel(m)->t;

	if (t == NULL)
		return G_TYPE_INVALID;
	return gtypeOf(t->shared.model->mh->ColumnType(t->shared.model->mh, t->shared.model, column));
}

static gboolean tmGetIter(GtkTreeModel *m, GtkTreeIter *iter, GtkTreePath *path)
{
	if (gtk_tree_path_get_depth(path) != 1)
		return setIter(m, iter, -1);
	return setIter(m, iter, gtk_tree_path_get_indices(path)[0]);
}

static GtkTreePath *tmGetPath(GtkTreeModel *m, GtkTreeIter *iter)
{
	(void) m;
	return gtk_tree_path_new_from_indices(iterRow(iter), -1);
}

static void tmGetValue(GtkTreeModel *m, GtkTreeIter *iter, gint column, GValue *value)
{
	uiTable *t = treeModel(m)->t;
	uiTableValue *v;
	GdkRGBA rgba;

	g_value_init(value, tmColumnType(m, column));
	if (t == NULL || (v = uiprivTableCell(t, iterRow(iter), column)) == NULL)
		return;
	switch (v->type) {
	case uiTableValueTypeString:
		g_value_set_string(value, v->u.str);
		break;
	case uiTableValueTypeImage:
		g_value_set_pointer(value, uiprivImageSurface(v->u.img, gtk_widget_get_scale_factor(t->widget)));
		break;
	case uiTableValueTypeInt:
		g_value_set_int(value, v->u.i);
		break;
	default:
		rgba.red = v->u.rgba[0];
		rgba.green = v->u.rgba[1];
		rgba.blue = v->u.rgba[2];
		rgba.alpha = v->u.rgba[3];
		g_value_set_boxed(value, &rgba);
	}
	uiFreeTableValue(v);
}

static gboolean tmIterNext(GtkTreeModel *m, GtkTreeIter *iter)
{
	return setIter(m, iter, iterRow(iter) + 1);
}

static gboolean tmIterPrevious(GtkTreeModel *m, GtkTreeIter *iter)
{
	return setIter(m, iter, iterRow(iter) - 1);
}

static gboolean tmIterNthChild(GtkTreeModel *m, GtkTreeIter *iter, GtkTreeIter *parent, gint n)
{
	if (parent != NULL)
		return setIter(m, iter, -1);
	return setIter(m, iter, n);
}

static gboolean tmIterChildren(GtkTreeModel *m, GtkTreeIter *iter, GtkTreeIter *parent)
{
	return tmIterNthChild(m, iter, parent, 0);
}

static gboolean tmIterHasChild(GtkTreeModel *m, GtkTreeIter *iter)
{
	(void) m;
	(void) iter;
	return FALSE;
}

static gint tmIterNChildren(GtkTreeModel *m, GtkTreeIter *iter)
{
	uiTable *t = treeModel(m)->t;

	if (iter != NULL || t == NULL)
		return 0;
	return rows(t);
}

static gboolean tmIterParent(GtkTreeModel *m, GtkTreeIter *iter, GtkTreeIter *child)
{
	(void) child;
	return setIter(m, iter, -1);
}

static void treeModelIface(GtkTreeModelIface *iface)
{
	iface->get_flags = tmFlags;
	iface->get_n_columns = tmNColumns;
	iface->get_column_type = tmColumnType;
	iface->get_iter = tmGetIter;
	iface->get_path = tmGetPath;
	iface->get_value = tmGetValue;
	iface->iter_next = tmIterNext;
	iface->iter_previous = tmIterPrevious;
	iface->iter_children = tmIterChildren;
	iface->iter_has_child = tmIterHasChild;
	iface->iter_n_children = tmIterNChildren;
	iface->iter_nth_child = tmIterNthChild;
	iface->iter_parent = tmIterParent;
}

/* ---- a push-button cell: a text cell drawn on a button frame, activated by a click ---- */

typedef struct uiprivButtonCell {
	GtkCellRendererText parent;
	uiTable *t;
	int column;
} uiprivButtonCell;

typedef struct uiprivButtonCellClass {
	GtkCellRendererTextClass parent;
} uiprivButtonCellClass;

G_DEFINE_TYPE(uiprivButtonCell, uiprivButtonCell, GTK_TYPE_CELL_RENDERER_TEXT)

static void uiprivButtonCell_init(uiprivButtonCell *b)
{
	g_object_set(b, "mode", GTK_CELL_RENDERER_MODE_ACTIVATABLE, "xalign", 0.5, NULL);
}

/* A style context for a button inside widget: the theme styles buttons by their node name, which a
 * class on the tree view's own context does not give (that draws the tree view's background). */
static GtkStyleContext *buttonStyle(GtkWidget *widget)
{
	GtkWidgetPath *path = gtk_widget_path_copy(gtk_widget_get_path(widget));
	GtkStyleContext *sc = gtk_style_context_new();

	gtk_widget_path_append_type(path, GTK_TYPE_BUTTON);
	gtk_widget_path_iter_set_object_name(path, -1, "button");
	gtk_style_context_set_path(sc, path);
	gtk_style_context_set_parent(sc, gtk_widget_get_style_context(widget));
	gtk_style_context_set_scale(sc, gtk_widget_get_scale_factor(widget));
	gtk_widget_path_unref(path);
	return sc;
}

static void buttonCellRender(GtkCellRenderer *r, cairo_t *cr, GtkWidget *widget, const GdkRectangle *bg, const GdkRectangle *cell, GtkCellRendererState flags)
{
	GtkStyleContext *sc = buttonStyle(widget);
	int xpad, ypad, x, y, w, h;

	gtk_cell_renderer_get_padding(r, &xpad, &ypad);
	x = cell->x + xpad;
	y = cell->y + ypad;
	w = cell->width - 2 * xpad;
	h = cell->height - 2 * ypad;
	if (!gtk_cell_renderer_get_sensitive(r))
		gtk_style_context_set_state(sc, GTK_STATE_FLAG_INSENSITIVE);
	gtk_render_background(sc, cr, x, y, w, h);
	gtk_render_frame(sc, cr, x, y, w, h);
	g_object_unref(sc);
	/* The label is drawn as a plain cell (not selected), so it reads on the button face. */
	GTK_CELL_RENDERER_CLASS(uiprivButtonCell_parent_class)->render(r, cr, widget, bg, cell, flags & ~GTK_CELL_RENDERER_SELECTED);
}

static gboolean buttonCellActivate(GtkCellRenderer *r, GdkEvent *event, GtkWidget *widget, const gchar *path, const GdkRectangle *bg, const GdkRectangle *cell, GtkCellRendererState flags)
{
	uiprivButtonCell *b = (uiprivButtonCell *) r;
	int row = atoi(path);

	(void) event;
	(void) widget;
	(void) bg;
	(void) cell;
	(void) flags;
	if (!gtk_cell_renderer_get_sensitive(r))
		return FALSE;
	uiprivTableSetCellByUser(b->t, row, b->column, NULL);
	return TRUE;
}

static void uiprivButtonCell_class_init(uiprivButtonCellClass *klass)
{
	GTK_CELL_RENDERER_CLASS(klass)->render = buttonCellRender;
	GTK_CELL_RENDERER_CLASS(klass)->activate = buttonCellActivate;
}

/* ---- columns ---- */

/* What a renderer shows: which part of which table column. */
typedef enum part { partText, partImage, partCheckbox, partProgress, partButton } part;

typedef struct cellData {
	uiTable *t;
	int column;
	part part;
} cellData;

static void setBackground(uiTable *t, GtkCellRenderer *r, int row)
{
	double c[4];
	GdkRGBA rgba;

	if (t->shared.backgroundColumn >= 0 && uiprivTableCellColor(t, row, t->shared.backgroundColumn, c)) {
		rgba.red = c[0];
		rgba.green = c[1];
		rgba.blue = c[2];
		rgba.alpha = c[3];
		g_object_set(r, "cell-background-rgba", &rgba, NULL);
		return;
	}
	g_object_set(r, "cell-background-set", FALSE, NULL);
}

static void textCell(uiTable *t, GtkCellRenderer *r, const uiprivTableColumn *c, int row)
{
	char *text = uiprivTableCellText(t, row, c->text);
	double rgba[4];
	GdkRGBA fg;

	g_object_set(r, "text", text, "editable", uiprivTableCellEditable(t, row, c->textEditable), NULL);
	uiFreeText(text);
	if (c->textColor >= 0 && uiprivTableCellColor(t, row, c->textColor, rgba)) {
		fg.red = rgba[0];
		fg.green = rgba[1];
		fg.blue = rgba[2];
		fg.alpha = rgba[3];
		g_object_set(r, "foreground-rgba", &fg, NULL);
	} else
		g_object_set(r, "foreground-set", FALSE, NULL);
}

static void cellDataFunc(GtkTreeViewColumn *col, GtkCellRenderer *r, GtkTreeModel *m, GtkTreeIter *iter, gpointer data)
{
	cellData *d = (cellData *) data;
	uiTable *t = d->t;
	const uiprivTableColumn *c = &t->shared.columns[d->column];
	int row = iterRow(iter), v;
	uiImage *img;
	char *text;

	(void) col;
	(void) m;
	setBackground(t, r, row);
	switch (d->part) {
	case partText:
		textCell(t, r, c, row);
		break;
	case partImage:
		img = uiprivTableCellImage(t, row, c->image);
		g_object_set(r, "surface", img != NULL ? uiprivImageSurface(img, gtk_widget_get_scale_factor(t->widget)) : NULL, NULL);
		break;
	case partCheckbox:
		g_object_set(r, "active", uiprivTableCellInt(t, row, c->checkbox) != 0,
			"activatable", uiprivTableCellEditable(t, row, c->checkboxEditable), NULL);
		break;
	case partProgress:
		v = uiprivTableCellInt(t, row, c->progress);
		/* GTK pulses while pulse is positive; -1 is libui-ng's indeterminate. */
		g_object_set(r, "pulse", v < 0 ? 1 : -1, "value", uiprivClamp(v, 0, 100), "text", v < 0 ? "" : NULL, NULL);
		break;
	case partButton:
		text = uiprivTableCellText(t, row, c->button);
		g_object_set(r, "text", text, "sensitive", uiprivTableCellEditable(t, row, c->buttonClickable), NULL);
		uiFreeText(text);
		break;
	}
}

static int pathRow(const gchar *path)
{
	GtkTreePath *p = gtk_tree_path_new_from_string(path);
	int row = -1;

	if (p != NULL) {
		if (gtk_tree_path_get_depth(p) == 1)
			row = gtk_tree_path_get_indices(p)[0];
		gtk_tree_path_free(p);
	}
	return row;
}

static void onEdited(GtkCellRendererText *r, gchar *path, gchar *text, gpointer data)
{
	cellData *d = (cellData *) data;
	uiTableValue *v = uiNewTableValueString(text);

	(void) r;
	uiprivTableSetCellByUser(d->t, pathRow(path), d->t->shared.columns[d->column].text, v);
	uiFreeTableValue(v);
}

static void onToggled(GtkCellRendererToggle *r, gchar *path, gpointer data)
{
	cellData *d = (cellData *) data;
	int row = pathRow(path), column = d->t->shared.columns[d->column].checkbox;
	uiTableValue *v;

	(void) r;
	if (row < 0)
		return;
	v = uiNewTableValueInt(!uiprivTableCellInt(d->t, row, column));
	uiprivTableSetCellByUser(d->t, row, column, v);
	uiFreeTableValue(v);
}

static void addPart(uiTable *t, GtkTreeViewColumn *col, int column, part p, int expand)
{
	cellData *d = g_new0(cellData, 1);
	GtkCellRenderer *r;

	d->t = t;
	d->column = column;
	d->part = p;
	switch (p) {
	case partText:
		r = gtk_cell_renderer_text_new();
		g_signal_connect_data(r, "edited", G_CALLBACK(onEdited), d, NULL, 0);
		break;
	case partImage:
		r = gtk_cell_renderer_pixbuf_new();
		break;
	case partCheckbox:
		r = gtk_cell_renderer_toggle_new();
		g_signal_connect_data(r, "toggled", G_CALLBACK(onToggled), d, NULL, 0);
		break;
	case partProgress:
		r = gtk_cell_renderer_progress_new();
		break;
	default:
		r = (GtkCellRenderer *) g_object_new(uiprivButtonCell_get_type(), NULL);
		((uiprivButtonCell *) r)->t = t;
		((uiprivButtonCell *) r)->column = t->shared.columns[column].button;
		break;
	}
	gtk_tree_view_column_pack_start(col, r, expand);
	gtk_tree_view_column_set_cell_data_func(col, r, cellDataFunc, d, g_free);
}

static void onHeaderClicked(GtkTreeViewColumn *col, gpointer data)
{
	uiTable *t = (uiTable *) data;
	int k;

	for (k = 0; k < t->shared.ncolumns; k++)
		if (gtk_tree_view_get_column(t->tv, k) == col)
			uiprivTableHeaderClickedByUser(t, k);
}

void uiprivOSTableColumnAppended(uiTable *t)
{
	int k = t->shared.ncolumns - 1;
	const uiprivTableColumn *c = &t->shared.columns[k];
	GtkTreeViewColumn *col = gtk_tree_view_column_new();

	gtk_tree_view_column_set_title(col, c->name);
	gtk_tree_view_column_set_resizable(col, TRUE);
	gtk_tree_view_column_set_clickable(col, TRUE);
	/* Fixed sizing everywhere is what lets the view skip measuring every row. */
	gtk_tree_view_column_set_sizing(col, GTK_TREE_VIEW_COLUMN_FIXED);
	gtk_tree_view_column_set_fixed_width(col, uiprivTableColumnDefaultWidth(c));
	g_signal_connect(col, "clicked", G_CALLBACK(onHeaderClicked), t);
	switch (c->kind) {
	case uiprivTableColumnText:
		addPart(t, col, k, partText, TRUE);
		break;
	case uiprivTableColumnImage:
		addPart(t, col, k, partImage, TRUE);
		break;
	case uiprivTableColumnImageText:
		addPart(t, col, k, partImage, FALSE);
		addPart(t, col, k, partText, TRUE);
		break;
	case uiprivTableColumnCheckbox:
		addPart(t, col, k, partCheckbox, TRUE);
		break;
	case uiprivTableColumnCheckboxText:
		addPart(t, col, k, partCheckbox, FALSE);
		addPart(t, col, k, partText, TRUE);
		break;
	case uiprivTableColumnProgress:
		addPart(t, col, k, partProgress, TRUE);
		break;
	case uiprivTableColumnButton:
		addPart(t, col, k, partButton, TRUE);
		break;
	}
	gtk_tree_view_append_column(t->tv, col);
}

/* ---- rows, header, selection ---- */

void uiprivOSTableRowInserted(uiTable *t, int row)
{
	GtkTreePath *p = gtk_tree_path_new_from_indices(row, -1);
	GtkTreeIter iter;

	setIter(t->tm, &iter, row);
	gtk_tree_model_row_inserted(t->tm, p, &iter);
	gtk_tree_path_free(p);
}

void uiprivOSTableRowChanged(uiTable *t, int row)
{
	GtkTreePath *p = gtk_tree_path_new_from_indices(row, -1);
	GtkTreeIter iter;

	setIter(t->tm, &iter, row);
	gtk_tree_model_row_changed(t->tm, p, &iter);
	gtk_tree_path_free(p);
}

void uiprivOSTableRowDeleted(uiTable *t, int row)
{
	GtkTreePath *p = gtk_tree_path_new_from_indices(row, -1);

	/* The selection follows its rows inside GTK; a deleted selected row leaves it quietly. */
	g_signal_handler_block(t->sel, t->selChanged);
	gtk_tree_model_row_deleted(t->tm, p);
	g_signal_handler_unblock(t->sel, t->selChanged);
	gtk_tree_path_free(p);
}

int uiprivOSTableHeaderVisible(uiTable *t)
{
	return gtk_tree_view_get_headers_visible(t->tv) != FALSE;
}

void uiprivOSTableHeaderSetVisible(uiTable *t, int visible)
{
	gtk_tree_view_set_headers_visible(t->tv, visible);
}

void uiprivOSTableSyncSortIndicator(uiTable *t, int column)
{
	GtkTreeViewColumn *col = gtk_tree_view_get_column(t->tv, column);
	uiSortIndicator s = t->shared.columns[column].sort;

	gtk_tree_view_column_set_sort_indicator(col, s != uiSortIndicatorNone);
	gtk_tree_view_column_set_sort_order(col, s == uiSortIndicatorDescending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

int uiprivOSTableColumnWidth(uiTable *t, int column)
{
	return gtk_tree_view_column_get_fixed_width(gtk_tree_view_get_column(t->tv, column));
}

void uiprivOSTableColumnSetWidth(uiTable *t, int column, int width)
{
	GtkTreeViewColumn *col = gtk_tree_view_get_column(t->tv, column);
	int header = 0;

	if (width < 0) {
		/* Fit: as wide as the header needs, at least the column's default. */
		gtk_widget_get_preferred_width(gtk_tree_view_column_get_button(col), NULL, &header);
		width = header > uiprivTableColumnDefaultWidth(&t->shared.columns[column]) ? header : uiprivTableColumnDefaultWidth(&t->shared.columns[column]);
	}
	gtk_tree_view_column_set_fixed_width(col, width > 0 ? width : 1);
}

static const GtkSelectionMode modes[] = {
	GTK_SELECTION_NONE, GTK_SELECTION_SINGLE, GTK_SELECTION_BROWSE, GTK_SELECTION_MULTIPLE,
};

void uiprivOSTableSyncSelectionMode(uiTable *t)
{
	g_signal_handler_block(t->sel, t->selChanged);
	gtk_tree_selection_set_mode(t->sel, modes[t->shared.mode]);
	g_signal_handler_unblock(t->sel, t->selChanged);
}

static int cmpInt(const void *a, const void *b)
{
	int x = *(const int *) a, y = *(const int *) b;

	return (x > y) - (x < y);
}

int *uiprivOSTableSelection(uiTable *t, int *n)
{
	GList *list = gtk_tree_selection_get_selected_rows(t->sel, NULL), *l;
	int *rows;

	*n = 0;
	if (list == NULL)
		return NULL;
	rows = (int *) uiprivAlloc(g_list_length(list) * sizeof (int));
	for (l = list; l != NULL; l = l->next)
		rows[(*n)++] = gtk_tree_path_get_indices((GtkTreePath *) l->data)[0];
	g_list_free_full(list, (GDestroyNotify) gtk_tree_path_free);
	qsort(rows, (size_t) *n, sizeof (int), cmpInt);
	return rows;
}

void uiprivOSTableSetSelection(uiTable *t, const int *rows, int n)
{
	int k;

	g_signal_handler_block(t->sel, t->selChanged);
	gtk_tree_selection_unselect_all(t->sel);
	for (k = 0; k < n; k++) {
		GtkTreePath *p = gtk_tree_path_new_from_indices(rows[k], -1);

		gtk_tree_selection_select_path(t->sel, p);
		gtk_tree_path_free(p);
	}
	g_signal_handler_unblock(t->sel, t->selChanged);
}

/* ---- events and life ---- */

static void onSelectionChanged(GtkTreeSelection *sel, gpointer data)
{
	(void) sel;
	uiprivTableSelectionChangedByUser((uiTable *) data);
}

static gboolean onButtonPress(GtkWidget *w, GdkEventButton *e, gpointer data)
{
	uiTable *t = (uiTable *) data;
	GtkTreePath *p = NULL;
	int row;

	if (e->button != 1 || e->window != gtk_tree_view_get_bin_window(t->tv))
		return FALSE;
	if (!gtk_tree_view_get_path_at_pos(GTK_TREE_VIEW(w), (gint) e->x, (gint) e->y, &p, NULL, NULL, NULL))
		return FALSE;
	row = gtk_tree_path_get_indices(p)[0];
	gtk_tree_path_free(p);
	if (e->type == GDK_2BUTTON_PRESS)
		uiprivTableRowDoubleClickedByUser(t, row);
	else if (e->type == GDK_BUTTON_PRESS)
		uiprivTableRowClickedByUser(t, row);
	/* The view still selects, toggles and starts edits. */
	return FALSE;
}

static void tableFree(uiControl *c)
{
	uiTable *t = (uiTable *) c;

	g_signal_handler_disconnect(t->sel, t->selChanged);
	g_signal_handlers_disconnect_matched(t->tv, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, t);
	/* The model answers nothing from here on, even if GTK still holds it. */
	treeModel(t->tm)->t = NULL;
	gtk_tree_view_set_model(t->tv, NULL);
	g_object_unref(t->tm);
	uiprivTableFreed(t);
	uiprivGtkFree(c);
}

const uiprivControlVtable uiprivTableVtable = {
	"uiTable", 0, tableFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

uiTable *uiprivOSNewTable(const uiprivTableShared *init)
{
	uiTable *t = (uiTable *) uiprivNewControl(sizeof (uiTable), &uiprivTableVtable, 1);

	t->shared = *init;
	t->c.shared = &t->shared;
	t->tm = (GtkTreeModel *) g_object_new(uiprivTreeModel_get_type(), NULL);
	treeModel(t->tm)->t = t;
	t->scroll = gtk_scrolled_window_new(NULL, NULL);
	gtk_scrolled_window_set_shadow_type(GTK_SCROLLED_WINDOW(t->scroll), GTK_SHADOW_IN);
	t->tv = GTK_TREE_VIEW(gtk_tree_view_new());
	gtk_tree_view_set_fixed_height_mode(t->tv, TRUE);
	gtk_tree_view_set_model(t->tv, t->tm);
	gtk_container_add(GTK_CONTAINER(t->scroll), GTK_WIDGET(t->tv));
	gtk_widget_show(GTK_WIDGET(t->tv));
	uiprivGtkAdopt(uiControl(t), t->scroll);
	t->sel = gtk_tree_view_get_selection(t->tv);
	gtk_tree_selection_set_mode(t->sel, modes[t->shared.mode]);
	t->selChanged = g_signal_connect(t->sel, "changed", G_CALLBACK(onSelectionChanged), t);
	g_signal_connect(t->tv, "button-press-event", G_CALLBACK(onButtonPress), t);
	return t;
}
