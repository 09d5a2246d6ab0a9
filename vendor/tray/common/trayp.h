/* Private to the library: platform-free helpers (helpers.c), the lifecycle (tray.c), and the
 * hooks every backend implements. Every private symbol starts with trayp_. */
#ifndef TRAYP_H
#define TRAYP_H

#include <stddef.h>

#include "tray.h"

/* 1 if s is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF). */
int trayp_utf8_valid(const char *s);

/* Converts valid UTF-8 to NUL-terminated UTF-16 in out[cap]; stops before a code point
 * that does not fit whole, so a surrogate pair is never split. Returns the units written. */
size_t trayp_utf8_to_utf16(const char *s, unsigned short *out, size_t cap);

/* UTF-16 units needed for valid UTF-8 s, without the terminator. */
size_t trayp_utf16_len(const char *s);

/* Checks everything in tray that needs no platform: strings, pixel sizes, menu shape.
 * Stores the number of menu items (separators included) in *items. */
int trayp_check_tray(const struct tray *tray, int *items);

/* Checks an image list: NULL with count 0 is none; else 1..TRAY_MAX_IMAGES images with
 * pixels and sides 1..TRAY_MAX_ICON_SIZE. */
int trayp_check_images(const struct tray_image *images, int count);

/* The image to show at size pixels: the smallest whose longer side is at least size,
 * else the largest. images holds count (at least 1) checked images. */
const struct tray_image *trayp_image_pick(const struct tray_image *images, int count, int size);

/* The images the icon shows now: attention_icons while attention is set and given, else
 * icons; NULL (count 0) when the icon is icon_rgba or a file or theme name. */
const struct tray_image *trayp_shown_images(const struct tray *tray, int *count);

/* Delivers an icon event: to event_cb when set, else TRAY_EVENT_ACTIVATE to cb. Returns 1 if a
 * callback ran (which may have replaced or freed the tray), 0 if nobody takes the event. */
int trayp_icon_event(struct tray *tray, int type, int delta, int horizontal);

/* Area-averaging resize of straight-alpha RGBA, weighting colour by alpha. */
void trayp_rgba_resize(const unsigned char *src, int sw, int sh, unsigned char *dst, int dw, int dh);

/* Modifier bits of a parsed accelerator. */
#define TRAYP_MOD_CTRL 1
#define TRAYP_MOD_ALT 2
#define TRAYP_MOD_SHIFT 4
#define TRAYP_MOD_SUPER 8

/* A menu item's accelerator, parsed once for every backend; key[0] == 0 means none. */
struct trayp_accel {
  int mods;       /* TRAYP_MOD_* */
  char key[12];   /* the key as an X keysym name, which dbusmenu and GDK read ("q", "F5", "Return", "comma") */
  char label[12]; /* the key as Windows menus write it ("Q", "F5", "Enter", ",") */
};

/* Parses an accelerator (NULL: none) as tray.h describes it; TRAY_ERR_UTF8 or TRAY_ERR_ACCEL
 * on bad text, with *out then empty. */
int trayp_accel_parse(const char *text, struct trayp_accel *out);

/* Appends part to the NUL-terminated string in out[cap], cut to fit. The tray formats no text
 * with the printf family: Debian's arm64 Wine 8 CRT misreads a va_list made by ARM64 Windows
 * code (it faulted on the first %s under msvc-run), and joining strings needs no format. */
void trayp_append(char *out, size_t cap, const char *part);

/* The accelerator as Windows menus show it ("Ctrl+Alt+Shift+Win+Q") in out[cap] (at least 48
 * bytes fit the longest); "" for none. */
void trayp_accel_text(const struct trayp_accel *a, char *out, size_t cap);

/* 1 if item is a separator. */
int trayp_is_separator(const struct tray_menu *item);

/* 1 between a successful tray_init and tray_exit (also 0 while tray_exit tears down). */
int trayp_live(void);

/* thread.c: the thread rule. Binds the calling thread as the tray's (tray_init, on success). */
void trayp_thread_bind(void);
/* 1 if the caller is the thread bound by the last tray_init. */
int trayp_thread_is_tray(void);
/* 1 if tray_init may run on this thread (GTK platforms: the process's main thread). */
int trayp_thread_may_init(void);
/* The one path of misuse: prints "tray: <func>: <what> (ignored)" on stderr; the caller then
 * ignores the call and returns TRAY_ERR_THREAD or its default result. */
void trayp_user_bug(const char *func, const char *what);

/* Backend hooks. common/tray.c has checked the arguments (non-NULL, valid UTF-8, menu shape)
 * and the lifecycle before it calls one, so hooks check only what needs the platform. */

/* Platform checks of a tray that change nothing (Linux: an icon path is a readable image). */
int trayp_os_check(const struct tray *tray);
/* Shows the tray; items is its menu item count. On failure nothing is left behind. */
int trayp_os_init(struct tray *tray, int items);
/* Replaces what is shown; on failure the old tray stays. May run inside a menu callback. */
int trayp_os_update(struct tray *tray, int items);
/* One event loop iteration; 1 if the platform's loop was told to quit (WM_QUIT), else 0. */
int trayp_os_loop(int blocking);
/* Removes the tray and frees everything; trayp_live() already returns 0. */
void trayp_os_exit(void);
/* A desktop notification with valid UTF-8 title and text. */
int trayp_os_notify(const char *title, const char *text);
/* The native menu, or NULL without one. */
void *trayp_os_menu(void);

#endif
