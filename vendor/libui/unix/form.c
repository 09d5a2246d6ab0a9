/* uiForm on GTK 3: a two-column GtkGrid, labels right-aligned in the first column (GNOME's layout).
 * The public functions and the row list are in common/form.c. */
#include <stdlib.h>
#include "uipriv_unix.h"
#include "osapi.h"

/* GNOME spacing, as in boxes: wider between columns than between rows. */
#define hPadding 12
#define vPadding 6

struct uiForm {
	uiControl c;
	GtkWidget *widget;
	uiprivFormShared shared;
};

static void formFree(uiControl *c)
{
	uiForm *f = (uiForm *) c;

	while (f->shared.n > 0) {
		uiControl *child = f->shared.rows[f->shared.n - 1].c;

		uiprivFormRemoveRow(f, f->shared.n - 1);
		child->vt->free(child);
	}
	free(f->shared.rows);
	uiprivGtkFree(c);
}

const uiprivControlVtable uiprivFormVtable = {
	"uiForm", 0, formFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

void *uiprivOSFormNewLabel(uiForm *f, const char *text)
{
	GtkWidget *label = GTK_WIDGET(g_object_ref_sink(gtk_label_new(text)));

	(void) f;
	gtk_widget_set_halign(label, GTK_ALIGN_END);
	gtk_widget_set_valign(label, GTK_ALIGN_CENTER);
	return label;
}

void uiprivOSFormRowAppended(uiForm *f)
{
	int row = f->shared.n - 1;
	const uiprivFormRow *r = &f->shared.rows[row];
	GtkWidget *w = uiprivWidget(r->c);

	/* A hidden control takes its label with it, as a hidden box child takes no room. */
	g_object_bind_property(w, "visible", r->label, "visible", G_BINDING_SYNC_CREATE);
	gtk_widget_set_hexpand(w, TRUE);
	gtk_widget_set_halign(w, GTK_ALIGN_FILL);
	gtk_widget_set_vexpand(w, r->stretchy);
	gtk_widget_set_valign(w, GTK_ALIGN_FILL);
	gtk_grid_attach(GTK_GRID(f->widget), GTK_WIDGET(r->label), 0, row, 1, 1);
	gtk_grid_attach(GTK_GRID(f->widget), w, 1, row, 1, 1);
}

void uiprivOSFormRowRemoved(uiForm *f, int index, const uiprivFormRow *gone)
{
	/* The grid moves the rows below up, so grid rows and list indices stay the same. */
	gtk_grid_remove_row(GTK_GRID(f->widget), index);
	g_object_unref(gone->label);
	uiprivGtkResetPlacement(uiprivWidget(gone->c));
}

void uiprivOSFormSyncPadded(uiForm *f)
{
	gtk_grid_set_row_spacing(GTK_GRID(f->widget), f->shared.padded ? vPadding : 0);
	gtk_grid_set_column_spacing(GTK_GRID(f->widget), f->shared.padded ? hPadding : 0);
}

uiForm *uiprivOSNewForm(void)
{
	uiForm *f = (uiForm *) uiprivNewControl(sizeof (uiForm), &uiprivFormVtable, 1);

	f->c.shared = &f->shared;
	uiprivGtkAdopt(uiControl(f), gtk_grid_new());
	return f;
}
