/* uiForm on GTK 3: a two-column GtkGrid, labels right-aligned in the first column (GNOME's layout). */
#include <stdlib.h>
#include "uipriv_unix.h"

/* GNOME spacing, as in boxes: wider between columns than between rows. */
#define hPadding 12
#define vPadding 6

typedef struct formRow {
	uiControl *c;
	GtkWidget *label;
	int stretchy;
} formRow;

struct uiForm {
	uiControl c;
	GtkWidget *widget;
	formRow *rows;
	int n, cap;
	int padded;
};

/* Takes the row at index out of the grid and the list; its child is unparented, not freed. */
static uiControl *removeRow(uiForm *f, int index)
{
	formRow r = f->rows[index];
	int i;

	/* The grid moves the rows below up, so grid rows and list indices stay the same. */
	gtk_grid_remove_row(GTK_GRID(f->widget), index);
	g_object_unref(r.label);
	uiprivGtkResetPlacement(uiprivWidget(r.c));
	uiprivSetParent(r.c, NULL);
	f->n--;
	for (i = index; i < f->n; i++)
		f->rows[i] = f->rows[i + 1];
	return r.c;
}

static void formFree(uiControl *c)
{
	uiForm *f = (uiForm *) c;

	while (f->n > 0) {
		uiControl *child = removeRow(f, f->n - 1);
		child->vt->free(child);
	}
	free(f->rows);
	uiprivGtkFree(c);
}

static const uiprivControlVtable formVtable = {
	"uiForm", 0, formFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

/* Public functions reject anything but a live uiForm, naming themselves. */
#define checked(x) ((uiForm *) uiprivCheck((x), &formVtable, __func__))

void uiFormAppend(uiForm *f, const char *label, uiControl *c, int stretchy)
{
	formRow *r;
	GtkWidget *w;
	char *text;

	if (checked(f) == NULL || !uiprivControlCanAdopt(uiControl(f), c, __func__))
		return;
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 4;
		f->rows = (formRow *) uiprivRealloc(f->rows, (size_t) f->cap * sizeof (formRow));
	}
	r = &f->rows[f->n];
	r->c = c;
	r->stretchy = stretchy != 0;
	text = uiprivSanitize(label);
	r->label = GTK_WIDGET(g_object_ref_sink(gtk_label_new(text)));
	uiFreeText(text);
	gtk_widget_set_halign(r->label, GTK_ALIGN_END);
	gtk_widget_set_valign(r->label, GTK_ALIGN_CENTER);
	/* A hidden control takes its label with it, as a hidden box child takes no room. */
	w = uiprivWidget(c);
	g_object_bind_property(w, "visible", r->label, "visible", G_BINDING_SYNC_CREATE);
	gtk_widget_set_hexpand(w, TRUE);
	gtk_widget_set_halign(w, GTK_ALIGN_FILL);
	gtk_widget_set_vexpand(w, r->stretchy);
	gtk_widget_set_valign(w, GTK_ALIGN_FILL);
	uiprivSetParent(c, uiControl(f));
	gtk_grid_attach(GTK_GRID(f->widget), r->label, 0, f->n, 1, 1);
	gtk_grid_attach(GTK_GRID(f->widget), w, 1, f->n, 1, 1);
	f->n++;
}

int uiFormNumChildren(uiForm *f)
{
	if (checked(f) == NULL)
		return 0;
	return f->n;
}

void uiFormDelete(uiForm *f, int index)
{
	if (checked(f) == NULL || !uiprivIndexValid(index, 0, f->n - 1, __func__))
		return;
	removeRow(f, index);
}

int uiFormPadded(uiForm *f)
{
	if (checked(f) == NULL)
		return 0;
	return f->padded;
}

void uiFormSetPadded(uiForm *f, int padded)
{
	if (checked(f) == NULL)
		return;
	f->padded = padded != 0;
	gtk_grid_set_row_spacing(GTK_GRID(f->widget), f->padded ? vPadding : 0);
	gtk_grid_set_column_spacing(GTK_GRID(f->widget), f->padded ? hPadding : 0);
}

uiForm *uiNewForm(void)
{
	uiForm *f;

	if (!uiprivReady(__func__))
		return NULL;
	f = (uiForm *) uiprivNewControl(sizeof (uiForm), &formVtable, 1);
	uiprivGtkAdopt(uiControl(f), gtk_grid_new());
	return f;
}
