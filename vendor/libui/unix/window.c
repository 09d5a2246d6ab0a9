/* uiWindow on GTK 3: a GtkWindow holding one child. */
#include "uipriv_unix.h"

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
};

static int clampSide(int v)
{
	if (v < 1)
		return 1;
	if (v > maxSide)
		return maxSide;
	return v;
}

static void detachChild(uiWindow *w)
{
	if (w->child == NULL)
		return;
	gtk_container_remove(GTK_CONTAINER(w->widget), uiprivWidget(w->child));
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

static gboolean onConfigure(GtkWidget *widget, GdkEvent *event, gpointer data)
{
	uiWindow *w = (uiWindow *) data;
	int width, height;

	(void) event;
	gtk_window_get_size(GTK_WINDOW(widget), &width, &height);
	if (width != w->lastWidth || height != w->lastHeight) {
		w->lastWidth = width;
		w->lastHeight = height;
		if (w->onSizeChanged != NULL)
			w->onSizeChanged(w, w->onSizeChangedData);
	}
	return FALSE;
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

	if (checked(w) != NULL)
		gtk_window_get_size(GTK_WINDOW(w->widget), &cw, &ch);
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
	height = clampSide(height);
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
	gtk_container_add(GTK_CONTAINER(w->widget), uiprivWidget(child));
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
	gtk_container_set_border_width(GTK_CONTAINER(w->widget), w->margined ? windowMargin : 0);
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

	(void) hasMenubar;
	if (!uiprivReady(__func__))
		return NULL;
	w = (uiWindow *) uiprivNewControl(sizeof (uiWindow), &uiprivWindowVtable, 0);
	uiprivGtkAdopt(uiControl(w), gtk_window_new(GTK_WINDOW_TOPLEVEL));
	uiWindowSetTitle(w, title);
	uiWindowSetContentSize(w, width, height);
	g_signal_connect(w->widget, "delete-event", G_CALLBACK(onDeleteEvent), w);
	g_signal_connect(w->widget, "configure-event", G_CALLBACK(onConfigure), w);
	return w;
}
