/* uiWindow on GTK 3: a GtkWindow holding one child, below a GtkMenuBar when it has one (the public
 * functions are in common/window.c). */
#include "uipriv_unix.h"
#include "osapi.h"
#ifdef GDK_WINDOWING_X11
#include <gdk/gdkx.h>
#endif

/* GNOME's usual dialog margin. */
#define windowMargin 12

struct uiWindow {
	uiControl c;
	GtkWidget *widget;
	uiprivWindowShared shared;
	/* Last size reported or set, so programmatic resizes are not reported. */
	int lastWidth, lastHeight;
	/* With a menu bar: a vertical box holding it and content, the box that holds the child. */
	GtkWidget *menubar;
	GtkWidget *content;
	/* Last position reported or set, as for the size. */
	int lastX, lastY;
	/* Full screen done by hand (an X server without a window manager that knows it): where the window was. */
	int manualFullscreen;
	int savedX, savedY, savedWidth, savedHeight;
};

/* What holds the child and its margin: the window itself, or the content box below the menu bar. */
static GtkContainer *holder(uiWindow *w)
{
	return GTK_CONTAINER(w->content != NULL ? w->content : w->widget);
}

static void windowFree(uiControl *c)
{
	uiWindow *w = (uiWindow *) c;
	uiControl *child = uiprivWindowTakeChild(w);

	if (child != NULL) {
		gtk_container_remove(holder(w), uiprivWidget(child));
		child->vt->free(child);
	}
	if (w->menubar != NULL)
		uiprivForgetMenubar(w->menubar);
	uiprivGtkDestroyWidget(c);
	uiprivControlFree(c);
}

const uiprivControlVtable uiprivWindowVtable = {
	"uiWindow", 1, windowFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

static gboolean onDeleteEvent(GtkWidget *widget, GdkEvent *event, gpointer data)
{
	(void) widget;
	(void) event;
	uiprivWindowClosingByUser((uiWindow *) data);
	/* Never let GTK destroy the window behind our back. */
	return TRUE;
}

/* Height the menu bar takes from the window (0 without one). */
static int menubarHeight(uiWindow *w)
{
	int natural = 0;

	if (w->menubar == NULL)
		return 0;
	if (gtk_widget_get_realized(w->menubar))
		return gtk_widget_get_allocated_height(w->menubar);
	gtk_widget_get_preferred_height(w->menubar, NULL, &natural);
	return natural;
}

static gboolean onConfigure(GtkWidget *widget, GdkEvent *event, gpointer data)
{
	uiWindow *w = (uiWindow *) data;
	int width, height, x, y;

	(void) event;
	gtk_window_get_size(GTK_WINDOW(widget), &width, &height);
	if (width != w->lastWidth || height != w->lastHeight) {
		w->lastWidth = width;
		w->lastHeight = height;
		uiprivWindowContentSizeChangedByUser(w);
	}
	gtk_window_get_position(GTK_WINDOW(widget), &x, &y);
	if (x != w->lastX || y != w->lastY) {
		w->lastX = x;
		w->lastY = y;
		uiprivWindowPositionChangedByUser(w);
	}
	return FALSE;
}

static void onActiveChanged(GObject *object, GParamSpec *pspec, gpointer data)
{
	(void) object;
	(void) pspec;
	uiprivWindowFocusChangedByUser((uiWindow *) data);
}

char *uiprivOSWindowTitle(uiWindow *w)
{
	return uiprivSanitize(gtk_window_get_title(GTK_WINDOW(w->widget)));
}

void uiprivOSWindowSetTitle(uiWindow *w, const char *title)
{
	gtk_window_set_title(GTK_WINDOW(w->widget), title);
}

void uiprivOSWindowContentSize(uiWindow *w, int *width, int *height)
{
	gtk_window_get_size(GTK_WINDOW(w->widget), width, height);
	*height -= menubarHeight(w);
}

void uiprivOSWindowSetContentSize(uiWindow *w, int width, int height)
{
	/* The content area is what is asked for; the menu bar comes on top. */
	height += menubarHeight(w);
	w->lastWidth = width;
	w->lastHeight = height;
	gtk_window_resize(GTK_WINDOW(w->widget), width, height);
}

void uiprivOSWindowChildChanged(uiWindow *w, uiControl *old)
{
	uiControl *child = w->shared.child;

	if (old != NULL)
		gtk_container_remove(holder(w), uiprivWidget(old));
	if (child == NULL)
		return;
	if (w->content != NULL)
		gtk_box_pack_start(GTK_BOX(w->content), uiprivWidget(child), TRUE, TRUE, 0);
	else
		gtk_container_add(GTK_CONTAINER(w->widget), uiprivWidget(child));
}

void uiprivOSWindowPosition(uiWindow *w, int *x, int *y)
{
	gtk_window_get_position(GTK_WINDOW(w->widget), x, y);
}

void uiprivOSWindowSetPosition(uiWindow *w, int x, int y)
{
	w->lastX = x;
	w->lastY = y;
	gtk_window_move(GTK_WINDOW(w->widget), x, y);
}

/* Whether a window manager will act on gtk_window_fullscreen; on X without one, nothing would happen. */
static int managerFullscreens(uiWindow *w)
{
#ifdef GDK_WINDOWING_X11
	GdkScreen *screen = gtk_widget_get_screen(w->widget);

	if (GDK_IS_X11_SCREEN(screen))
		return gdk_x11_screen_supports_net_wm_hint(screen, gdk_atom_intern_static_string("_NET_WM_STATE_FULLSCREEN"));
#else
	(void) w;
#endif
	return 1;
}

/* Covers the window's monitor without decorations, remembering where it was. */
static void enterManualFullscreen(uiWindow *w)
{
	GdkDisplay *display = gtk_widget_get_display(w->widget);
	GdkWindow *gw = gtk_widget_get_window(w->widget);
	GdkMonitor *monitor = gw != NULL ? gdk_display_get_monitor_at_window(display, gw) : gdk_display_get_primary_monitor(display);
	GdkRectangle r = { 0, 0, 0, 0 };

	if (monitor == NULL)
		monitor = gdk_display_get_monitor(display, 0);
	if (monitor == NULL)
		return;
	gdk_monitor_get_geometry(monitor, &r);
	gtk_window_get_position(GTK_WINDOW(w->widget), &w->savedX, &w->savedY);
	gtk_window_get_size(GTK_WINDOW(w->widget), &w->savedWidth, &w->savedHeight);
	w->manualFullscreen = 1;
	gtk_window_set_decorated(GTK_WINDOW(w->widget), FALSE);
	gtk_window_move(GTK_WINDOW(w->widget), r.x, r.y);
	gtk_window_resize(GTK_WINDOW(w->widget), r.width, r.height);
}

static void leaveManualFullscreen(uiWindow *w)
{
	w->manualFullscreen = 0;
	gtk_window_set_decorated(GTK_WINDOW(w->widget), !w->shared.borderless);
	gtk_window_move(GTK_WINDOW(w->widget), w->savedX, w->savedY);
	gtk_window_resize(GTK_WINDOW(w->widget), w->savedWidth, w->savedHeight);
}

void uiprivOSWindowSyncFullscreen(uiWindow *w)
{
	if (w->shared.fullscreen && !managerFullscreens(w))
		enterManualFullscreen(w);
	else if (w->shared.fullscreen)
		gtk_window_fullscreen(GTK_WINDOW(w->widget));
	else if (w->manualFullscreen)
		leaveManualFullscreen(w);
	else
		gtk_window_unfullscreen(GTK_WINDOW(w->widget));
}

int uiprivOSWindowFocused(uiWindow *w)
{
	return gtk_window_is_active(GTK_WINDOW(w->widget)) != FALSE;
}

void uiprivOSWindowSyncFrame(uiWindow *w)
{
	gtk_window_set_resizable(GTK_WINDOW(w->widget), w->shared.resizeable);
	/* A hand-made full screen has no decorations; leaving it applies this. */
	if (!w->manualFullscreen)
		gtk_window_set_decorated(GTK_WINDOW(w->widget), !w->shared.borderless);
}

void uiprivOSWindowSyncMargined(uiWindow *w)
{
	gtk_container_set_border_width(holder(w), w->shared.margined ? windowMargin : 0);
}

uiWindow *uiprivOSNewWindow(int hasMenubar)
{
	uiWindow *w = (uiWindow *) uiprivNewControl(sizeof (uiWindow), &uiprivWindowVtable, 0);

	w->c.shared = &w->shared;
	w->shared.resizeable = 1;
	uiprivGtkAdopt(uiControl(w), gtk_window_new(GTK_WINDOW_TOPLEVEL));
	if (hasMenubar)
		w->menubar = uiprivMakeMenubar(w);
	if (w->menubar != NULL) {
		GtkWidget *vbox = gtk_box_new(GTK_ORIENTATION_VERTICAL, 0);

		w->content = gtk_box_new(GTK_ORIENTATION_VERTICAL, 0);
		gtk_box_pack_start(GTK_BOX(vbox), w->menubar, FALSE, FALSE, 0);
		gtk_box_pack_start(GTK_BOX(vbox), w->content, TRUE, TRUE, 0);
		gtk_widget_show(w->content);
		gtk_widget_show(vbox);
		gtk_container_add(GTK_CONTAINER(w->widget), vbox);
	}
	g_signal_connect(w->widget, "delete-event", G_CALLBACK(onDeleteEvent), w);
	g_signal_connect(w->widget, "configure-event", G_CALLBACK(onConfigure), w);
	g_signal_connect(w->widget, "notify::is-active", G_CALLBACK(onActiveChanged), w);
	return w;
}
