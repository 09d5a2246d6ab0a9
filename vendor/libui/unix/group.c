/* uiGroup on GTK 3: a GtkFrame titled in bold, holding a box that carries the margin (the public
 * functions are in common/group.c). */
#include "uipriv_unix.h"
#include "osapi.h"

/* GNOME's margin inside a group. */
#define groupMargin 12

struct uiGroup {
	uiControl c;
	GtkWidget *widget;
	GtkWidget *inner;
	uiprivGroupShared shared;
};

static void groupFree(uiControl *c)
{
	uiGroup *g = (uiGroup *) c;
	uiControl *child = uiprivGroupTakeChild(g);

	if (child != NULL) {
		gtk_container_remove(GTK_CONTAINER(g->inner), uiprivWidget(child));
		child->vt->free(child);
	}
	uiprivGtkFree(c);
}

const uiprivControlVtable uiprivGroupVtable = {
	"uiGroup", 0, groupFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

char *uiprivOSGroupTitle(uiGroup *g)
{
	return uiprivSanitize(gtk_frame_get_label(GTK_FRAME(g->widget)));
}

void uiprivOSGroupSetTitle(uiGroup *g, const char *title)
{
	GtkWidget *label;

	gtk_frame_set_label(GTK_FRAME(g->widget), title);
	/* GNOME titles groups in bold. */
	label = gtk_frame_get_label_widget(GTK_FRAME(g->widget));
	if (label != NULL) {
		PangoAttrList *attrs = pango_attr_list_new();
		pango_attr_list_insert(attrs, pango_attr_weight_new(PANGO_WEIGHT_BOLD));
		gtk_label_set_attributes(GTK_LABEL(label), attrs);
		pango_attr_list_unref(attrs);
	}
}

void uiprivOSGroupChildChanged(uiGroup *g, uiControl *old)
{
	if (old != NULL)
		gtk_container_remove(GTK_CONTAINER(g->inner), uiprivWidget(old));
	if (g->shared.child != NULL)
		gtk_box_pack_start(GTK_BOX(g->inner), uiprivWidget(g->shared.child), TRUE, TRUE, 0);
}

void uiprivOSGroupSyncMargined(uiGroup *g)
{
	gtk_container_set_border_width(GTK_CONTAINER(g->inner), g->shared.margined ? groupMargin : 0);
}

uiGroup *uiprivOSNewGroup(void)
{
	uiGroup *g = (uiGroup *) uiprivNewControl(sizeof (uiGroup), &uiprivGroupVtable, 1);

	g->c.shared = &g->shared;
	uiprivGtkAdopt(uiControl(g), gtk_frame_new(NULL));
	gtk_frame_set_shadow_type(GTK_FRAME(g->widget), GTK_SHADOW_NONE);
	g->inner = gtk_box_new(GTK_ORIENTATION_VERTICAL, 0);
	gtk_container_add(GTK_CONTAINER(g->widget), g->inner);
	gtk_widget_show(g->inner);
	return g;
}
