/* Private, platform-free helpers shared by the tray backends. */
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

/* Area-averaging resize of straight-alpha RGBA, weighting colour by alpha. */
void trayp_rgba_resize(const unsigned char *src, int sw, int sh, unsigned char *dst, int dw, int dh);

/* 1 if item is a separator. */
int trayp_is_separator(const struct tray_menu *item);

#endif
