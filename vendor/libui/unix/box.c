/* uiBox on GTK 3: a GtkBox; stretchy children get the box's expand flag. */
#include <stdlib.h>
#include "uipriv_unix.h"

/* GNOME spacing: wider between columns than between rows. */
#define hPadding 12
#define vPadding 6

typedef struct boxChild {
	uiControl *c;
	int stretchy;
} boxChild;

struct uiBox {
	uiControl c;
	GtkWidget *widget;
	int vertical;
	int padded;
	boxChild *children;
	int n, cap;
	/* GtkBox splits only the extra space equally; a size group makes stretchy children equal as a whole. */
	GtkSizeGroup *stretchyGroup;
};

static void boxFree(uiControl *c)
{
	uiBox *b = (uiBox *) c;
	int i;

	for (i = 0; i < b->n; i++) {
		uiControl *child = b->children[i].c;
		if (b->children[i].stretchy)
			gtk_size_group_remove_widget(b->stretchyGroup, uiprivWidget(child));
		gtk_container_remove(GTK_CONTAINER(b->widget), uiprivWidget(child));
		uiprivSetParent(child, NULL);
		child->vt->free(child);
	}
	free(b->children);
	g_object_unref(b->stretchyGroup);
	uiprivGtkDestroyWidget(c);
	uiprivControlFree(c);
}

static const uiprivControlVtable boxVtable = {
	"uiBox", 0, boxFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

/* Public functions reject anything but a live uiBox, naming themselves. */
#define checked(x) ((uiBox *) uiprivCheck((x), &boxVtable, __func__))

void uiBoxAppend(uiBox *b, uiControl *child, int stretchy)
{
	if (checked(b) == NULL || !uiprivControlCanAdopt(uiControl(b), child, __func__))
		return;
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 4;
		b->children = (boxChild *) uiprivRealloc(b->children, (size_t) b->cap * sizeof (boxChild));
	}
	b->children[b->n].c = child;
	b->children[b->n].stretchy = stretchy != 0;
	b->n++;
	uiprivSetParent(child, uiControl(b));
	if (stretchy)
		gtk_size_group_add_widget(b->stretchyGroup, uiprivWidget(child));
	gtk_box_pack_start(GTK_BOX(b->widget), uiprivWidget(child), stretchy != 0, TRUE, 0);
}

int uiBoxNumChildren(uiBox *b)
{
	if (checked(b) == NULL)
		return 0;
	return b->n;
}

void uiBoxDelete(uiBox *b, int index)
{
	uiControl *child;

	if (checked(b) == NULL)
		return;
	if (index < 0 || index >= b->n) {
		uiprivUserBug(__func__, "index %d is out of range (the box has %d children)", index, b->n);
		return;
	}
	child = b->children[index].c;
	if (b->children[index].stretchy)
		gtk_size_group_remove_widget(b->stretchyGroup, uiprivWidget(child));
	/* Our own widget reference keeps the child alive after removal. */
	gtk_container_remove(GTK_CONTAINER(b->widget), uiprivWidget(child));
	uiprivSetParent(child, NULL);
	b->n--;
	for (; index < b->n; index++)
		b->children[index] = b->children[index + 1];
}

int uiBoxPadded(uiBox *b)
{
	if (checked(b) == NULL)
		return 0;
	return b->padded;
}

void uiBoxSetPadded(uiBox *b, int padded)
{
	if (checked(b) == NULL)
		return;
	b->padded = padded != 0;
	gtk_box_set_spacing(GTK_BOX(b->widget), b->padded ? (b->vertical ? vPadding : hPadding) : 0);
}

static uiBox *newBox(int vertical)
{
	uiBox *b = (uiBox *) uiprivNewControl(sizeof (uiBox), &boxVtable, 1);

	b->vertical = vertical;
	b->stretchyGroup = gtk_size_group_new(vertical ? GTK_SIZE_GROUP_VERTICAL : GTK_SIZE_GROUP_HORIZONTAL);
	uiprivGtkAdopt(uiControl(b), gtk_box_new(vertical ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL, 0));
	return b;
}

uiBox *uiNewHorizontalBox(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return newBox(0);
}

uiBox *uiNewVerticalBox(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return newBox(1);
}
