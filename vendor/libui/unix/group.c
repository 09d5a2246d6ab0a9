/* uiGroup on GTK 3: a GtkFrame titled in bold, holding a box that carries the margin. */
#include "uipriv_unix.h"

/* GNOME's margin inside a group. */
#define groupMargin 12

struct uiGroup {
	uiControl c;
	GtkWidget *widget;
	GtkWidget *inner;
	uiControl *child;
	int margined;
};

static void detachChild(uiGroup *g)
{
	if (g->child == NULL)
		return;
	gtk_container_remove(GTK_CONTAINER(g->inner), uiprivWidget(g->child));
	uiprivSetParent(g->child, NULL);
	g->child = NULL;
}

static void groupFree(uiControl *c)
{
	uiGroup *g = (uiGroup *) c;
	uiControl *child = g->child;

	if (child != NULL) {
		detachChild(g);
		child->vt->free(child);
	}
	uiprivGtkFree(c);
}

static const uiprivControlVtable groupVtable = {
	"uiGroup", 0, groupFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

/* Public functions reject anything but a live uiGroup, naming themselves. */
#define checked(x) ((uiGroup *) uiprivCheck((x), &groupVtable, __func__))

char *uiGroupTitle(uiGroup *g)
{
	if (checked(g) == NULL)
		return uiprivSanitize(NULL);
	return uiprivSanitize(gtk_frame_get_label(GTK_FRAME(g->widget)));
}

void uiGroupSetTitle(uiGroup *g, const char *title)
{
	char *t;
	GtkWidget *label;

	if (checked(g) == NULL)
		return;
	t = uiprivSanitize(title);
	gtk_frame_set_label(GTK_FRAME(g->widget), t);
	uiFreeText(t);
	/* GNOME titles groups in bold. */
	label = gtk_frame_get_label_widget(GTK_FRAME(g->widget));
	if (label != NULL) {
		PangoAttrList *attrs = pango_attr_list_new();
		pango_attr_list_insert(attrs, pango_attr_weight_new(PANGO_WEIGHT_BOLD));
		gtk_label_set_attributes(GTK_LABEL(label), attrs);
		pango_attr_list_unref(attrs);
	}
}

void uiGroupSetChild(uiGroup *g, uiControl *child)
{
	if (checked(g) == NULL || child == g->child)
		return;
	if (child != NULL && !uiprivControlCanAdopt(uiControl(g), child, __func__))
		return;
	detachChild(g);
	if (child == NULL)
		return;
	g->child = child;
	uiprivSetParent(child, uiControl(g));
	gtk_box_pack_start(GTK_BOX(g->inner), uiprivWidget(child), TRUE, TRUE, 0);
}

int uiGroupMargined(uiGroup *g)
{
	if (checked(g) == NULL)
		return 0;
	return g->margined;
}

void uiGroupSetMargined(uiGroup *g, int margined)
{
	if (checked(g) == NULL)
		return;
	g->margined = margined != 0;
	gtk_container_set_border_width(GTK_CONTAINER(g->inner), g->margined ? groupMargin : 0);
}

uiGroup *uiNewGroup(const char *title)
{
	uiGroup *g;

	if (!uiprivReady(__func__))
		return NULL;
	g = (uiGroup *) uiprivNewControl(sizeof (uiGroup), &groupVtable, 1);
	uiprivGtkAdopt(uiControl(g), gtk_frame_new(NULL));
	gtk_frame_set_shadow_type(GTK_FRAME(g->widget), GTK_SHADOW_NONE);
	g->inner = gtk_box_new(GTK_ORIENTATION_VERTICAL, 0);
	gtk_container_add(GTK_CONTAINER(g->widget), g->inner);
	gtk_widget_show(g->inner);
	uiGroupSetTitle(g, title);
	return g;
}
