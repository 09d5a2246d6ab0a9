/* uiArea on GTK 3: a GtkDrawingArea (inside a GtkScrolledWindow for scrolling areas) whose draw signal
 * runs the handler's Draw with a cairo context, and whose input events become libui-ng's event structs. */
#include "uipriv_unix.h"
#include "osapi.h"

struct uiArea {
	uiControl c;
	/* The outer widget: the drawing area itself, or the scrolled window holding it. */
	GtkWidget *widget;
	GtkWidget *area;
	uiAreaHandler *ah;
	int scrolling;
	int drawn;
	uiprivClickCounter clicks;
	/* Whether the pointer was last reported inside: X sends a leave when a drag crosses the
	 * edge and another when the drag's grab ends, and the handler hears of each change once. */
	int inside;
	/* The last button press, which window moves and resizes start from. */
	int pressButton;
	double pressRootX, pressRootY;
	guint32 pressTime;
};

static void areaFree(uiControl *c)
{
	uiArea *a = (uiArea *) c;

	g_signal_handlers_disconnect_matched(a->area, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, a);
	uiprivGtkFree(c);
}

const uiprivControlVtable uiprivAreaVtable = {
	"uiArea", 0, areaFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

static gboolean onDraw(GtkWidget *widget, cairo_t *cr, gpointer data)
{
	uiArea *a = (uiArea *) data;
	double width = 0, height = 0;

	/* libui-ng reports the size of plain areas only; a scrolling area's is the one the program set. */
	if (!a->scrolling) {
		width = gtk_widget_get_allocated_width(widget);
		height = gtk_widget_get_allocated_height(widget);
	}
	uiprivDrawWithCairo(a, a->ah, cr, width, height);
	a->drawn = 1;
	return FALSE;
}

static uiModifiers modifiers(guint state)
{
	uiModifiers m = 0;

	if (state & GDK_CONTROL_MASK)
		m |= uiModifierCtrl;
	if (state & GDK_MOD1_MASK)
		m |= uiModifierAlt;
	if (state & GDK_SHIFT_MASK)
		m |= uiModifierShift;
	if (state & (GDK_SUPER_MASK | GDK_MOD4_MASK))
		m |= uiModifierSuper;
	return m;
}

/* Bit n-1 for each button n held, as the event's state says (the state from before the event). */
static uint64_t held(guint state, int except)
{
	static const uint64_t masks[5] = { GDK_BUTTON1_MASK, GDK_BUTTON2_MASK, GDK_BUTTON3_MASK, GDK_BUTTON4_MASK, GDK_BUTTON5_MASK };

	return uiprivHeldButtons(state, masks, except);
}

/* GTK numbers left, middle, right 1, 2, 3 as libui-ng does; X's back/forward (8, 9) become 4 and 5. */
static int buttonNumber(guint button)
{
	return button >= 8 ? (int) button - 4 : (int) button;
}

static void fillMouse(uiArea *a, uiAreaMouseEvent *e, double x, double y, guint state)
{
	e->X = x;
	e->Y = y;
	if (!a->scrolling) {
		e->AreaWidth = gtk_widget_get_allocated_width(a->area);
		e->AreaHeight = gtk_widget_get_allocated_height(a->area);
	}
	e->Modifiers = modifiers(state);
}

static gboolean onButton(GtkWidget *widget, GdkEventButton *ev, gpointer data)
{
	uiArea *a = (uiArea *) data;
	uiAreaMouseEvent e = { 0 };
	int button = buttonNumber(ev->button);
	GtkSettings *settings = gtk_widget_get_settings(widget);
	gint maxTime = 400, maxDist = 5;

	/* GTK adds its own 2BUTTON/3BUTTON events after the presses; the counter below already counted them. */
	if (ev->type == GDK_2BUTTON_PRESS || ev->type == GDK_3BUTTON_PRESS)
		return TRUE;
	fillMouse(a, &e, ev->x, ev->y, ev->state);
	if (ev->type == GDK_BUTTON_PRESS) {
		gtk_widget_grab_focus(widget);
		g_object_get(settings, "gtk-double-click-time", &maxTime, "gtk-double-click-distance", &maxDist, NULL);
		e.Down = button;
		e.Count = uiprivClickCount(&a->clicks, button, ev->x, ev->y, ev->time, (uint32_t) maxTime, maxDist);
		a->pressButton = (int) ev->button;
		a->pressRootX = ev->x_root;
		a->pressRootY = ev->y_root;
		a->pressTime = ev->time;
	} else {
		e.Up = button;
		a->pressButton = 0;
	}
	e.Held1To64 = held(ev->state, button);
	if (a->ah->MouseEvent != NULL)
		a->ah->MouseEvent(a->ah, a, &e);
	return TRUE;
}

static gboolean onMotion(GtkWidget *widget, GdkEventMotion *ev, gpointer data)
{
	uiArea *a = (uiArea *) data;
	uiAreaMouseEvent e = { 0 };

	(void) widget;
	fillMouse(a, &e, ev->x, ev->y, ev->state);
	e.Held1To64 = held(ev->state, 0);
	if (a->ah->MouseEvent != NULL)
		a->ah->MouseEvent(a->ah, a, &e);
	return TRUE;
}

static gboolean onCrossing(GtkWidget *widget, GdkEventCrossing *ev, gpointer data)
{
	uiArea *a = (uiArea *) data;

	(void) widget;
	/* Crossings caused by our own pointer grab during a drag are not the mouse entering or leaving. */
	if (ev->mode != GDK_CROSSING_NORMAL && ev->mode != GDK_CROSSING_UNGRAB)
		return FALSE;
	if (a->inside == (ev->type == GDK_ENTER_NOTIFY))
		return FALSE;
	a->inside = ev->type == GDK_ENTER_NOTIFY;
	if (!a->inside)
		uiprivClickReset(&a->clicks);
	if (a->ah->MouseCrossed != NULL)
		a->ah->MouseCrossed(a->ah, a, !a->inside);
	return FALSE;
}

static gboolean onGrabBroken(GtkWidget *widget, GdkEventGrabBroken *ev, gpointer data)
{
	uiArea *a = (uiArea *) data;

	(void) widget;
	(void) ev;
	if (a->ah->DragBroken != NULL)
		a->ah->DragBroken(a->ah, a);
	return FALSE;
}

/* Keys that are neither characters nor modifiers, by keysym. */
static const struct {
	guint keyval;
	uiExtKey ext;
} extKeys[] = {
	{ GDK_KEY_Escape, uiExtKeyEscape }, { GDK_KEY_Insert, uiExtKeyInsert }, { GDK_KEY_Delete, uiExtKeyDelete },
	{ GDK_KEY_Home, uiExtKeyHome }, { GDK_KEY_End, uiExtKeyEnd }, { GDK_KEY_Page_Up, uiExtKeyPageUp },
	{ GDK_KEY_Page_Down, uiExtKeyPageDown }, { GDK_KEY_Up, uiExtKeyUp }, { GDK_KEY_Down, uiExtKeyDown },
	{ GDK_KEY_Left, uiExtKeyLeft }, { GDK_KEY_Right, uiExtKeyRight },
	{ GDK_KEY_F1, uiExtKeyF1 }, { GDK_KEY_F2, uiExtKeyF2 }, { GDK_KEY_F3, uiExtKeyF3 }, { GDK_KEY_F4, uiExtKeyF4 },
	{ GDK_KEY_F5, uiExtKeyF5 }, { GDK_KEY_F6, uiExtKeyF6 }, { GDK_KEY_F7, uiExtKeyF7 }, { GDK_KEY_F8, uiExtKeyF8 },
	{ GDK_KEY_F9, uiExtKeyF9 }, { GDK_KEY_F10, uiExtKeyF10 }, { GDK_KEY_F11, uiExtKeyF11 }, { GDK_KEY_F12, uiExtKeyF12 },
	{ GDK_KEY_KP_0, uiExtKeyN0 }, { GDK_KEY_KP_1, uiExtKeyN1 }, { GDK_KEY_KP_2, uiExtKeyN2 }, { GDK_KEY_KP_3, uiExtKeyN3 },
	{ GDK_KEY_KP_4, uiExtKeyN4 }, { GDK_KEY_KP_5, uiExtKeyN5 }, { GDK_KEY_KP_6, uiExtKeyN6 }, { GDK_KEY_KP_7, uiExtKeyN7 },
	{ GDK_KEY_KP_8, uiExtKeyN8 }, { GDK_KEY_KP_9, uiExtKeyN9 }, { GDK_KEY_KP_Decimal, uiExtKeyNDot },
	{ GDK_KEY_KP_Enter, uiExtKeyNEnter }, { GDK_KEY_KP_Add, uiExtKeyNAdd }, { GDK_KEY_KP_Subtract, uiExtKeyNSubtract },
	{ GDK_KEY_KP_Multiply, uiExtKeyNMultiply }, { GDK_KEY_KP_Divide, uiExtKeyNDivide },
};

static uiModifiers modifierKey(guint keyval)
{
	switch (keyval) {
	case GDK_KEY_Control_L:
	case GDK_KEY_Control_R:
		return uiModifierCtrl;
	case GDK_KEY_Alt_L:
	case GDK_KEY_Alt_R:
	case GDK_KEY_Meta_L:
	case GDK_KEY_Meta_R:
		return uiModifierAlt;
	case GDK_KEY_Shift_L:
	case GDK_KEY_Shift_R:
		return uiModifierShift;
	case GDK_KEY_Super_L:
	case GDK_KEY_Super_R:
		return uiModifierSuper;
	}
	return 0;
}

/* Fills the key fields of e; 0 for a key libui-ng has no name for. */
static int translateKey(GdkEventKey *ev, uiAreaKeyEvent *e)
{
	guint plain = ev->keyval;
	size_t i;

	for (i = 0; i < sizeof extKeys / sizeof extKeys[0]; i++)
		if (extKeys[i].keyval == ev->keyval) {
			e->ExtKey = extKeys[i].ext;
			return 1;
		}
	e->Modifier = modifierKey(ev->keyval);
	if (e->Modifier != 0) {
		/* The modifier being pressed or released is not one of those held. */
		e->Modifiers &= ~e->Modifier;
		return 1;
	}
	/* The key as it reads without Shift or any other modifier, from the hardware key. */
	gdk_keymap_translate_keyboard_state(gdk_keymap_get_for_display(gdk_window_get_display(ev->window)), ev->hardware_keycode, 0, 0, &plain, NULL, NULL, NULL);
	switch (plain) {
	case GDK_KEY_Return:
		e->Key = '\n';
		return 1;
	case GDK_KEY_Tab:
	case GDK_KEY_ISO_Left_Tab:
		e->Key = '\t';
		return 1;
	case GDK_KEY_BackSpace:
		e->Key = '\b';
		return 1;
	}
	if (plain >= 0x20 && plain < 0x7f) {
		e->Key = (char) gdk_keyval_to_lower(plain);
		return 1;
	}
	return 0;
}

static gboolean onKey(GtkWidget *widget, GdkEventKey *ev, gpointer data)
{
	uiArea *a = (uiArea *) data;
	uiAreaKeyEvent e = { 0 };

	(void) widget;
	e.Modifiers = modifiers(ev->state);
	e.Up = ev->type == GDK_KEY_RELEASE;
	if (!translateKey(ev, &e) || a->ah->KeyEvent == NULL)
		return FALSE;
	return a->ah->KeyEvent(a->ah, a, &e) != 0;
}

static gboolean onFocusOut(GtkWidget *widget, GdkEventFocus *ev, gpointer data)
{
	(void) widget;
	(void) ev;
	uiprivClickReset(&((uiArea *) data)->clicks);
	return FALSE;
}

uiArea *uiprivOSNewArea(uiAreaHandler *ah, int scrolling, int width, int height)
{
	uiArea *a = (uiArea *) uiprivNewControl(sizeof (uiArea), &uiprivAreaVtable, 1);
	GtkWidget *outer;

	a->ah = ah;
	a->scrolling = scrolling;
	a->area = gtk_drawing_area_new();
	gtk_widget_set_can_focus(a->area, TRUE);
	gtk_widget_add_events(a->area, GDK_POINTER_MOTION_MASK | GDK_BUTTON_PRESS_MASK | GDK_BUTTON_RELEASE_MASK | GDK_ENTER_NOTIFY_MASK | GDK_LEAVE_NOTIFY_MASK | GDK_KEY_PRESS_MASK | GDK_KEY_RELEASE_MASK | GDK_FOCUS_CHANGE_MASK);
	g_signal_connect(a->area, "draw", G_CALLBACK(onDraw), a);
	g_signal_connect(a->area, "button-press-event", G_CALLBACK(onButton), a);
	g_signal_connect(a->area, "button-release-event", G_CALLBACK(onButton), a);
	g_signal_connect(a->area, "motion-notify-event", G_CALLBACK(onMotion), a);
	g_signal_connect(a->area, "enter-notify-event", G_CALLBACK(onCrossing), a);
	g_signal_connect(a->area, "leave-notify-event", G_CALLBACK(onCrossing), a);
	g_signal_connect(a->area, "grab-broken-event", G_CALLBACK(onGrabBroken), a);
	g_signal_connect(a->area, "key-press-event", G_CALLBACK(onKey), a);
	g_signal_connect(a->area, "key-release-event", G_CALLBACK(onKey), a);
	g_signal_connect(a->area, "focus-out-event", G_CALLBACK(onFocusOut), a);
	outer = a->area;
	if (scrolling) {
		gtk_widget_set_size_request(a->area, width, height);
		outer = gtk_scrolled_window_new(NULL, NULL);
		gtk_container_add(GTK_CONTAINER(outer), a->area);
	}
	gtk_widget_show(a->area);
	uiprivGtkAdopt(uiControl(a), outer);
	return a;
}

int uiprivOSAreaScrolling(uiArea *a)
{
	return a->scrolling;
}

const char *uiprivOSAreaRenderer(uiArea *a)
{
	return a->drawn ? "cairo" : NULL;
}

void uiprivOSAreaSetSize(uiArea *a, int width, int height)
{
	gtk_widget_set_size_request(a->area, width, height);
}

void uiprivOSAreaQueueRedrawAll(uiArea *a)
{
	gtk_widget_queue_draw(a->area);
}

/* Moves adj so that pos..pos+len is visible, as little as needed. */
static void reveal(GtkAdjustment *adj, double pos, double len)
{
	double value = gtk_adjustment_get_value(adj), page = gtk_adjustment_get_page_size(adj);

	if (pos + len > value + page)
		value = pos + len - page;
	if (pos < value)
		value = pos;
	gtk_adjustment_set_value(adj, value);
}

void uiprivOSAreaScrollTo(uiArea *a, double x, double y, double width, double height)
{
	GtkScrolledWindow *sw = GTK_SCROLLED_WINDOW(a->widget);

	reveal(gtk_scrolled_window_get_hadjustment(sw), x, width);
	reveal(gtk_scrolled_window_get_vadjustment(sw), y, height);
}

static GtkWindow *toplevelOf(uiArea *a)
{
	GtkWidget *top = gtk_widget_get_toplevel(a->widget);

	return gtk_widget_is_toplevel(top) && GTK_IS_WINDOW(top) ? GTK_WINDOW(top) : NULL;
}

void uiprivOSAreaBeginUserWindowMove(uiArea *a)
{
	GtkWindow *w = toplevelOf(a);

	if (w != NULL && a->pressButton != 0)
		gtk_window_begin_move_drag(w, a->pressButton, (gint) a->pressRootX, (gint) a->pressRootY, a->pressTime);
}

void uiprivOSAreaBeginUserWindowResize(uiArea *a, uiWindowResizeEdge edge)
{
	static const GdkWindowEdge edges[] = {
		GDK_WINDOW_EDGE_WEST, GDK_WINDOW_EDGE_NORTH, GDK_WINDOW_EDGE_EAST, GDK_WINDOW_EDGE_SOUTH,
		GDK_WINDOW_EDGE_NORTH_WEST, GDK_WINDOW_EDGE_NORTH_EAST, GDK_WINDOW_EDGE_SOUTH_WEST, GDK_WINDOW_EDGE_SOUTH_EAST,
	};
	GtkWindow *w = toplevelOf(a);

	if (w != NULL && a->pressButton != 0)
		gtk_window_begin_resize_drag(w, edges[edge], a->pressButton, (gint) a->pressRootX, (gint) a->pressRootY, a->pressTime);
}
