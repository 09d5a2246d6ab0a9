/* tray: a small system-tray icon library (Win32 Shell_NotifyIcon; on Linux a StatusNotifierItem
 * with a dbusmenu over D-Bus, docked in an X tray through XEmbed while no panel hosts items).
 *
 * There is one tray per process: tray_init shows it, tray_update replaces what it shows, and
 * a second tray_init before tray_exit fails with TRAY_ERR_ALREADY_INIT. After tray_exit a new
 * tray_init may start again.
 *
 * All strings are UTF-8. All functions must be called on the thread that called
 * tray_init (the UI thread); callbacks run on that thread too. On Linux and the BSDs
 * tray_init itself must run on the process's main thread, which GTK needs. A call from
 * another thread is a user bug with one path: it prints one line
 * "tray: <function>: <what was wrong> (ignored)" on stderr and is ignored, returning
 * TRAY_ERR_THREAD (tray_exit does nothing, tray_native_menu returns NULL); tray_strerror
 * may be called from any thread. The struct tray and
 * every menu item passed in must stay valid until the next tray_update or tray_exit,
 * because callbacks receive pointers to them.
 *
 * Running inside a main loop you do not own (e.g. libui's): do not call tray_loop.
 * On Windows the library's hidden window (class "TrayMessageWindow") is served by any
 * GetMessage/DispatchMessage loop on the thread; on Linux everything is dispatched by
 * the GLib default main context. Nothing needs polling. On Linux GTK is loaded (it is not
 * linked) and initialised only when the XEmbed fallback is shown; the fallback needs
 * libgtk-3.so.0 at run time. */
#ifndef TRAY_H
#define TRAY_H

#ifdef __cplusplus
extern "C" {
#endif

/* Results: 0 is success, errors are negative. */
#define TRAY_OK 0
#define TRAY_ERR_NULL (-1)         /* a required pointer or string is NULL */
#define TRAY_ERR_UTF8 (-2)         /* a string is not valid UTF-8 */
#define TRAY_ERR_ICON (-3)         /* no icon, a missing or unreadable file, or bad pixel dimensions */
#define TRAY_ERR_MENU (-4)         /* menu deeper than TRAY_MAX_DEPTH or larger than TRAY_MAX_ITEMS */
#define TRAY_ERR_NOT_INIT (-5)     /* tray_init has not succeeded (or tray_exit was called) */
#define TRAY_ERR_ALREADY_INIT (-6) /* tray_init called twice without tray_exit */
#define TRAY_ERR_NOMEM (-7)        /* out of memory */
#define TRAY_ERR_PLATFORM (-8)     /* the platform refused: no display, no shell, no session bus */
#define TRAY_ERR_THREAD (-9)       /* called off the tray's thread, or tray_init off the main thread (Linux, BSD) */
#define TRAY_ERR_ACCEL (-10)       /* a menu item's accelerator is not understood (see struct tray_menu) */

#define TRAY_MAX_DEPTH 32        /* submenu levels below the top menu */
#define TRAY_MAX_ITEMS 16384     /* menu items in total, separators included */
#define TRAY_MAX_ICON_SIZE 1024  /* largest width or height of an icon given as pixels */
#define TRAY_MAX_IMAGES 16       /* most sizes in one image list (icons, attention_icons, a menu icon) */

struct tray_menu;

/* One size of an image: width*height*4 bytes of straight-alpha RGBA, rows top-down. */
struct tray_image {
  const unsigned char *rgba;
  int width;
  int height;
};

/* What happened on the icon itself (a chosen menu item runs the item's cb instead).
 * Windows cannot deliver TRAY_EVENT_SCROLL: the shell does not pass the mouse wheel
 * to notification icons. */
#define TRAY_EVENT_ACTIVATE 1  /* primary activation: left click (Windows: also Enter/Space on the focused icon) */
#define TRAY_EVENT_SECONDARY 2 /* middle click */
#define TRAY_EVENT_SCROLL 3    /* the wheel over the icon (Linux only) */

struct tray_event {
  int type;       /* TRAY_EVENT_* */
  int delta;      /* TRAY_EVENT_SCROLL: wheel distance as the panel reports it (one notch is often 120 or 1) */
  int horizontal; /* TRAY_EVENT_SCROLL: 1 for a horizontal wheel (or tilt), 0 for vertical */
};

struct tray {
  const char *icon;               /* .ico file on Windows; image file or icon-theme name on Linux; used when
                                     neither icons nor icon_rgba is given */
  const char *tooltip;            /* may be NULL; Windows shows at most 127 UTF-16 units; on Linux the
                                     first line is the title, the rest the body */
  struct tray_menu *menu;         /* may be NULL: no menu */
  const unsigned char *icon_rgba; /* if non-NULL: icon_width*icon_height*4 bytes, rows top-down, straight alpha;
                                     one size, which Linux also offers resized to the common panel sizes */
  int icon_width;
  int icon_height;
  void (*cb)(struct tray *);      /* may be NULL: left click on the icon (TRAY_EVENT_ACTIVATE); without cb and
                                     event_cb a click opens the menu */
  void *context;                  /* for the caller */
  /* Fields below are zero in a tray that does not use them. */
  const struct tray_image *icons; /* if non-NULL: icon_count sizes of the icon, used before icon_rgba and icon.
                                     Linux offers every size to the panel; Windows shows the smallest one at
                                     least as large as the DPI's small-icon size (SM_CXSMICON), else the largest */
  int icon_count;                 /* 1..TRAY_MAX_IMAGES with icons, else 0 */
  int attention;                  /* non-zero: the icon asks for attention. Linux: Status NeedsAttention with
                                     AttentionIconPixmap; Windows: attention_icons shown in place of the icon */
  const struct tray_image *attention_icons; /* may be NULL (Linux: the panel marks the icon its own way) */
  int attention_icon_count;       /* 1..TRAY_MAX_IMAGES with attention_icons, else 0 */
  void (*event_cb)(struct tray *, const struct tray_event *); /* may be NULL; when set it receives every icon
                                     event (activate, middle click, scroll) and cb is not called */
};

struct tray_menu {
  const char *text;               /* label; "-" is a separator; NULL ends the list */
  int disabled;                   /* non-zero: greyed out */
  int checked;                    /* non-zero: check mark shown (only if checkbox is non-zero) */
  int checkbox;                   /* non-zero: a check item */
  void (*cb)(struct tray_menu *); /* may be NULL; runs when the item is chosen */
  void *context;                  /* for the caller */
  struct tray_menu *submenu;      /* may be NULL; a list ended by a NULL text */
  /* Fields below are zero in an item that does not use them. */
  int radio;                      /* non-zero: a radio item, marked when checked (checkbox is then ignored);
                                     the caller keeps one item of a group checked */
  const struct tray_image *icons; /* may be NULL: sizes of an icon shown before the label; Windows picks by
                                     SM_CXSMICON, Linux sends the one nearest 16 pixels as PNG (icon-data);
                                     the XEmbed fallback shows it at 16 pixels on items that are neither
                                     check nor radio items */
  int icon_count;                 /* 1..TRAY_MAX_IMAGES with icons, else 0 */
  const char *accelerator;        /* may be NULL: a key combination shown beside the label, such as
                                     "Ctrl+Shift+Q": modifiers Ctrl (or Control), Alt, Shift, Super (or Win,
                                     Meta), any case, joined by '+', then one key: a letter, a digit, one of
                                     , . - = / ; ' [ ] \ ` , F1..F24, Enter, Tab, Space, Backspace, Delete,
                                     Insert, Home, End, PageUp, PageDown, Up, Down, Left, Right, Escape or
                                     Plus; at most 64 bytes. Only shown: the tray registers no key (a menu
                                     that is not open cannot take keys). Windows writes it after a tab in
                                     the item's text, Linux sends it as dbusmenu "shortcut" and the XEmbed
                                     menu shows it as GTK accelerator label. Ignored on separators and on
                                     items with a submenu. */
};

/* Shows the icon and menu described by tray. */
int tray_init(struct tray *tray);

/* Runs one iteration of the event loop (waits for an event if blocking); returns 0, 1 once tray_exit was called, or an error. */
int tray_loop(int blocking);

/* Replaces icon, tooltip, menu and callbacks with those of tray (may be called from a callback).
 * When the menu keeps its shape (same items, separators, check items and submenus), the shown
 * menu is changed in place, so a menu the user has open stays open with the new texts and states. */
int tray_update(struct tray *tray);

/* Removes the icon and frees everything; tray_loop returns 1 afterwards. From another thread it
 * is ignored (see the thread rule above). */
void tray_exit(void);

/* Shows a desktop notification (Windows balloon, freedesktop Notifications on Linux); needs tray_init.
 * text is shown as plain text: where the server reads markup it is escaped first. */
int tray_notify(const char *title, const char *text);

/* A static English description of a result code. */
const char *tray_strerror(int code);

/* The native menu (HMENU on Windows; on Linux the GtkMenu of the XEmbed fallback, NULL while a
 * panel shows the D-Bus menu), or NULL before tray_init or without a menu. */
void *tray_native_menu(void);

#ifdef __cplusplus
}
#endif

#endif
