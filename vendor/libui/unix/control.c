/* Vtable pieces shared by every GTK control. */
#include "uipriv_unix.h"

void uiprivGtkAdopt(uiControl *c, GtkWidget *widget)
{
	/* Our own reference keeps the widget alive while a box or window drops it. */
	uiprivWidget(c) = GTK_WIDGET(g_object_ref_sink(widget));
	gtk_widget_set_visible(widget, c->visible);
}

uintptr_t uiprivGtkHandle(uiControl *c)
{
	return (uintptr_t) uiprivWidget(c);
}

void uiprivGtkSyncVisible(uiControl *c)
{
	gtk_widget_set_visible(uiprivWidget(c), c->visible);
}

void uiprivGtkSyncEnabled(uiControl *c)
{
	/* GTK greys out the children of an insensitive container itself. */
	gtk_widget_set_sensitive(uiprivWidget(c), c->enabled);
}

void uiprivGtkDestroyWidget(uiControl *c)
{
	GtkWidget *w = uiprivWidget(c);

	/* No handler may run with a struct that is about to be freed. */
	g_signal_handlers_disconnect_matched(w, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, c);
	gtk_widget_destroy(w);
	g_object_unref(w);
	uiprivWidget(c) = NULL;
}

void uiprivGtkFree(uiControl *c)
{
	uiprivGtkDestroyWidget(c);
	uiprivControlFree(c);
}

void uiprivGtkResetPlacement(GtkWidget *w)
{
	gtk_widget_set_hexpand_set(w, FALSE);
	gtk_widget_set_vexpand_set(w, FALSE);
	gtk_widget_set_hexpand(w, FALSE);
	gtk_widget_set_vexpand(w, FALSE);
	gtk_widget_set_halign(w, GTK_ALIGN_FILL);
	gtk_widget_set_valign(w, GTK_ALIGN_FILL);
}
