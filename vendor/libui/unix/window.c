/* uiWindow on GTK 3: a GtkWindow holding one child, below a GtkMenuBar when it has one. */
#include "uipriv_unix.h"
#ifdef GDK_WINDOWING_X11
#include <gdk/gdkx.h>
#endif

/* GNOME's usual dialog margin. */
#define windowMargin 12
#define maxSide 16384

struct uiWindow {
	uiControl c;
	GtkWidget *widget;
	uiControl *child;
	int margined;
	int (*onClosing)(uiWindow *w, void *data);
	void *onClosingData;
	void (*onSizeChanged)(uiWindow *w, void *data);
	void *onSizeChangedData;
	/* Last size reported or set, so programmatic resizes are not reported. */
	int lastWidth, lastHeight;
	/* With a menu bar: a vertical box holding it and content, the box that holds the child. */
	GtkWidget *menubar;
	GtkWidget *content;
	void (*onPositionChanged)(uiWindow *w, void *data);
	void *onPositionChangedData;
	/* Last position reported or set, as for the size. */
	int lastX, lastY;
	void (*onFocusChanged)(uiWindow *w, void *data);
	void *onFocusChangedData;
	int fullscreen, borderless;
	/* Full screen done by hand (an X server without a window manager that knows it): where the window was. */
	int manualFullscreen;
	int savedX, savedY, savedWidth, savedHeight;
};

static int clampSide(int v)
{
	if (v < 1)
		return 1;
	if (v > maxSide)
		return maxSide;
	return v;
}

/* What holds the child and its margin: the window itself, or the content box below the menu bar. */
static GtkContainer *holder(uiWindow *w)
{
	return GTK_CONTAINER(w->content != NULL ? w->content : w->widget);
}

static void detachChild(uiWindow *w)
{
	if (w->child == NULL)
		return;
	gtk_container_remove(holder(w), uiprivWidget(w->child));
	uiprivSetParent(w->child, NULL);
	w->child = NULL;
}

static void windowFree(uiControl *c)
{
	uiWindow *w = (uiWindow *) c;
	uiControl *child = w->child;

	if (child != NULL) {
		detachChild(w);
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

/* Public functions reject anything but a live uiWindow, naming themselves. */
#define checked(x) ((uiWindow *) uiprivCheck((x), &uiprivWindowVtable, __func__))

static gboolean onDeleteEvent(GtkWidget *widget, GdkEvent *event, gpointer data)
{
	uiWindow *w = (uiWindow *) data;

	(void) widget;
	(void) event;
	if (w->onClosing != NULL && w->onClosing(w, w->onClosingData))
		uiControlDestroy(uiControl(w));
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
		if (w->onSizeChanged != NULL)
			w->onSizeChanged(w, w->onSizeChangedData);
	}
	gtk_window_get_position(GTK_WINDOW(widget), &x, &y);
	if (x != w->lastX || y != w->lastY) {
		w->lastX = x;
		w->lastY = y;
		if (w->onPositionChanged != NULL)
			w->onPositionChanged(w, w->onPositionChangedData);
	}
	return FALSE;
}

static void onActiveChanged(GObject *object, GParamSpec *pspec, gpointer data)
{
	uiWindow *w = (uiWindow *) data;

	(void) object;
	(void) pspec;
	if (w->onFocusChanged != NULL)
		w->onFocusChanged(w, w->onFocusChangedData);
}

char *uiWindowTitle(uiWindow *w)
{
	if (checked(w) == NULL)
		return uiprivSanitize(NULL);
	return uiprivSanitize(gtk_window_get_title(GTK_WINDOW(w->widget)));
}

void uiWindowSetTitle(uiWindow *w, const char *title)
{
	char *t;

	if (checked(w) == NULL)
		return;
	t = uiprivSanitize(title);
	gtk_window_set_title(GTK_WINDOW(w->widget), t);
	uiFreeText(t);
}

void uiWindowContentSize(uiWindow *w, int *width, int *height)
{
	int cw = 0, ch = 0;

	if (checked(w) != NULL) {
		gtk_window_get_size(GTK_WINDOW(w->widget), &cw, &ch);
		ch -= menubarHeight(w);
	}
	if (width != NULL)
		*width = cw;
	if (height != NULL)
		*height = ch;
}

void uiWindowSetContentSize(uiWindow *w, int width, int height)
{
	if (checked(w) == NULL)
		return;
	width = clampSide(width);
	/* The content area is what is asked for; the menu bar comes on top. */
	height = clampSide(height) + menubarHeight(w);
	w->lastWidth = width;
	w->lastHeight = height;
	gtk_window_resize(GTK_WINDOW(w->widget), width, height);
}

void uiWindowOnContentSizeChanged(uiWindow *w, void (*f)(uiWindow *w, void *data), void *data)
{
	if (checked(w) == NULL)
		return;
	w->onSizeChanged = f;
	w->onSizeChangedData = data;
}

void uiWindowOnClosing(uiWindow *w, int (*f)(uiWindow *w, void *data), void *data)
{
	if (checked(w) == NULL)
		return;
	w->onClosing = f;
	w->onClosingData = data;
}

void uiWindowSetChild(uiWindow *w, uiControl *child)
{
	if (checked(w) == NULL || child == w->child)
		return;
	if (child != NULL && !uiprivControlCanAdopt(uiControl(w), child, __func__))
		return;
	detachChild(w);
	if (child == NULL)
		return;
	w->child = child;
	uiprivSetParent(child, uiControl(w));
	if (w->content != NULL)
		gtk_box_pack_start(GTK_BOX(w->content), uiprivWidget(child), TRUE, TRUE, 0);
	else
		gtk_container_add(GTK_CONTAINER(w->widget), uiprivWidget(child));
}

void uiWindowPosition(uiWindow *w, int *x, int *y)
{
	int px = 0, py = 0;

	if (checked(w) != NULL)
		gtk_window_get_position(GTK_WINDOW(w->widget), &px, &py);
	if (x != NULL)
		*x = px;
	if (y != NULL)
		*y = py;
}

void uiWindowSetPosition(uiWindow *w, int x, int y)
{
	if (checked(w) == NULL)
		return;
	w->lastX = x;
	w->lastY = y;
	gtk_window_move(GTK_WINDOW(w->widget), x, y);
}

void uiWindowOnPositionChanged(uiWindow *w, void (*f)(uiWindow *sender, void *senderData), void *data)
{
	if (checked(w) == NULL)
		return;
	w->onPositionChanged = f;
	w->onPositionChangedData = data;
}

int uiWindowFullscreen(uiWindow *w)
{
	if (checked(w) == NULL)
		return 0;
	return w->fullscreen;
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
	gtk_window_set_decorated(GTK_WINDOW(w->widget), !w->borderless);
	gtk_window_move(GTK_WINDOW(w->widget), w->savedX, w->savedY);
	gtk_window_resize(GTK_WINDOW(w->widget), w->savedWidth, w->savedHeight);
}

void uiWindowSetFullscreen(uiWindow *w, int fullscreen)
{
	if (checked(w) == NULL || w->fullscreen == (fullscreen != 0))
		return;
	w->fullscreen = fullscreen != 0;
	if (w->fullscreen && !managerFullscreens(w))
		enterManualFullscreen(w);
	else if (w->fullscreen)
		gtk_window_fullscreen(GTK_WINDOW(w->widget));
	else if (w->manualFullscreen)
		leaveManualFullscreen(w);
	else
		gtk_window_unfullscreen(GTK_WINDOW(w->widget));
}

void uiWindowOnFocusChanged(uiWindow *w, void (*f)(uiWindow *sender, void *senderData), void *data)
{
	if (checked(w) == NULL)
		return;
	w->onFocusChanged = f;
	w->onFocusChangedData = data;
}

int uiWindowFocused(uiWindow *w)
{
	if (checked(w) == NULL)
		return 0;
	return gtk_window_is_active(GTK_WINDOW(w->widget)) != FALSE;
}

int uiWindowBorderless(uiWindow *w)
{
	if (checked(w) == NULL)
		return 0;
	return w->borderless;
}

void uiWindowSetBorderless(uiWindow *w, int borderless)
{
	if (checked(w) == NULL)
		return;
	w->borderless = borderless != 0;
	/* A hand-made full screen has no decorations; leaving it applies this. */
	if (!w->manualFullscreen)
		gtk_window_set_decorated(GTK_WINDOW(w->widget), !w->borderless);
}

int uiWindowMargined(uiWindow *w)
{
	if (checked(w) == NULL)
		return 0;
	return w->margined;
}

void uiWindowSetMargined(uiWindow *w, int margined)
{
	if (checked(w) == NULL)
		return;
	w->margined = margined != 0;
	gtk_container_set_border_width(holder(w), w->margined ? windowMargin : 0);
}

int uiWindowResizeable(uiWindow *w)
{
	if (checked(w) == NULL)
		return 0;
	return gtk_window_get_resizable(GTK_WINDOW(w->widget)) != FALSE;
}

void uiWindowSetResizeable(uiWindow *w, int resizeable)
{
	if (checked(w) == NULL)
		return;
	gtk_window_set_resizable(GTK_WINDOW(w->widget), resizeable != 0);
}

uiWindow *uiNewWindow(const char *title, int width, int height, int hasMenubar)
{
	uiWindow *w;

	if (!uiprivReady(__func__))
		return NULL;
	uiprivMenusFinalize();
	w = (uiWindow *) uiprivNewControl(sizeof (uiWindow), &uiprivWindowVtable, 0);
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
	uiWindowSetTitle(w, title);
	uiWindowSetContentSize(w, width, height);
	g_signal_connect(w->widget, "delete-event", G_CALLBACK(onDeleteEvent), w);
	g_signal_connect(w->widget, "configure-event", G_CALLBACK(onConfigure), w);
	g_signal_connect(w->widget, "notify::is-active", G_CALLBACK(onActiveChanged), w);
	return w;
}
