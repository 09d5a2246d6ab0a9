/* Private declarations of the GTK 3 backend. */
#ifndef UIPRIV_UNIX_H
#define UIPRIV_UNIX_H

#include <gtk/gtk.h>
#include "uipriv.h"

/* Every GTK control starts with these two members, so the helpers below work on all of them. */
typedef struct uiprivGtkControl {
	uiControl c;
	GtkWidget *widget;
} uiprivGtkControl;

#define uiprivWidget(c) (((uiprivGtkControl *) (c))->widget)

/* Takes our own reference on a new widget and applies the initial state. */
void uiprivGtkAdopt(uiControl *c, GtkWidget *widget);
/* Vtable entries shared by every control. */
uintptr_t uiprivGtkHandle(uiControl *c);
void uiprivGtkSyncVisible(uiControl *c);
void uiprivGtkSyncEnabled(uiControl *c);
/* Destroys the widget and frees the struct (leaf controls). */
void uiprivGtkFree(uiControl *c);
/* Destroys the widget only (containers free their children first). */
void uiprivGtkDestroyWidget(uiControl *c);

/* Undoes the expand and align settings a form or grid gave a child it lets go of, so its next container sees defaults. */
void uiprivGtkResetPlacement(GtkWidget *w);

extern const uiprivControlVtable uiprivWindowVtable;

/* menus.c: a window's menu bar (NULL when there are no menus), forgotten before its window is destroyed. */
GtkWidget *uiprivMakeMenubar(uiWindow *w);
void uiprivForgetMenubar(GtkWidget *bar);

/* entrybuffer.c: a text buffer for GtkEntry that holds uiTextLimit bytes (GTK's own stops short of it). */
GtkEntryBuffer *uiprivNewEntryBuffer(void);

/* draw.c: runs ah's Draw on cr for area a; width and height are what uiAreaDrawParams reports. */
void uiprivDrawWithCairo(uiArea *a, uiAreaHandler *ah, cairo_t *cr, double width, double height);

/* image.c: the size of i for scale (device pixels per point) as a cairo surface owned by i; NULL when i has no pixels. */
cairo_surface_t *uiprivImageSurface(uiImage *i, double scale);

#endif
