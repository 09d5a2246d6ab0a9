/* uiBox on GTK 3: a GtkBox; stretchy children get the box's expand flag.  The public functions
 * and the child list are in common/box.c. */
#include <stdlib.h>
#include "uipriv_unix.h"
#include "osapi.h"

/* GNOME spacing: wider between columns than between rows. */
#define hPadding 12
#define vPadding 6

struct uiBox {
	uiControl c;
	GtkWidget *widget;
	/* GtkBox splits only the extra space equally; a size group makes stretchy children equal as a whole. */
	GtkSizeGroup *stretchyGroup;
	uiprivBoxShared shared;
};

static void boxFree(uiControl *c)
{
	uiBox *b = (uiBox *) c;
	int i;

	for (i = 0; i < b->shared.n; i++) {
		uiControl *child = b->shared.children[i].c;
		if (b->shared.children[i].stretchy)
			gtk_size_group_remove_widget(b->stretchyGroup, uiprivWidget(child));
		gtk_container_remove(GTK_CONTAINER(b->widget), uiprivWidget(child));
		uiprivSetParent(child, NULL);
		child->vt->free(child);
	}
	free(b->shared.children);
	g_object_unref(b->stretchyGroup);
	uiprivGtkDestroyWidget(c);
	uiprivControlFree(c);
}

const uiprivControlVtable uiprivBoxVtable = {
	"uiBox", 0, boxFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

void uiprivOSBoxAppended(uiBox *b)
{
	const uiprivBoxChild *added = &b->shared.children[b->shared.n - 1];

	if (added->stretchy)
		gtk_size_group_add_widget(b->stretchyGroup, uiprivWidget(added->c));
	gtk_box_pack_start(GTK_BOX(b->widget), uiprivWidget(added->c), added->stretchy, TRUE, 0);
}

void uiprivOSBoxRemoved(uiBox *b, uiControl *child, int stretchy)
{
	if (stretchy)
		gtk_size_group_remove_widget(b->stretchyGroup, uiprivWidget(child));
	/* Our own widget reference keeps the child alive after removal. */
	gtk_container_remove(GTK_CONTAINER(b->widget), uiprivWidget(child));
}

void uiprivOSBoxSyncPadded(uiBox *b)
{
	gtk_box_set_spacing(GTK_BOX(b->widget), b->shared.padded ? (b->shared.vertical ? vPadding : hPadding) : 0);
}

uiBox *uiprivOSNewBox(int vertical)
{
	uiBox *b = (uiBox *) uiprivNewControl(sizeof (uiBox), &uiprivBoxVtable, 1);

	b->c.shared = &b->shared;
	b->shared.vertical = vertical;
	b->stretchyGroup = gtk_size_group_new(vertical ? GTK_SIZE_GROUP_VERTICAL : GTK_SIZE_GROUP_HORIZONTAL);
	uiprivGtkAdopt(uiControl(b), gtk_box_new(vertical ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL, 0));
	return b;
}
