/* Platform-free helpers of the backends: UTF-8 handling, input validation, resizing. */
#include "trayp.h"

#include <stdio.h>
#include <string.h>

/* Decodes one code point at *p and advances; returns -1 on malformed input. */
static long decode(const unsigned char **p) {
  const unsigned char *s = *p;
  unsigned long cp;
  int extra, i;
  if (s[0] < 0x80) {
    *p = s + 1;
    return s[0];
  } else if (s[0] >= 0xC2 && s[0] <= 0xDF) {
    cp = s[0] & 0x1Fu;
    extra = 1;
  } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
    cp = s[0] & 0x0Fu;
    extra = 2;
  } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
    cp = s[0] & 0x07u;
    extra = 3;
  } else {
    return -1; /* stray continuation byte, C0/C1 overlong lead, or past U+10FFFF */
  }
  for (i = 1; i <= extra; i++) {
    if ((s[i] & 0xC0) != 0x80)
      return -1; /* also stops at the terminator, which is not a continuation byte */
    cp = (cp << 6) | (s[i] & 0x3Fu);
  }
  if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
    return -1;
  if (cp >= 0xD800 && cp <= 0xDFFF)
    return -1;
  *p = s + extra + 1;
  return (long)cp;
}

int trayp_utf8_valid(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    if (decode(&p) < 0)
      return 0;
  }
  return 1;
}

size_t trayp_utf8_to_utf16(const char *s, unsigned short *out, size_t cap) {
  const unsigned char *p = (const unsigned char *)s;
  size_t n = 0;
  if (cap == 0)
    return 0;
  while (*p) {
    long cp = decode(&p);
    if (cp < 0)
      break;
    if (cp < 0x10000) {
      if (n + 1 > cap - 1)
        break;
      out[n++] = (unsigned short)cp;
    } else {
      if (n + 2 > cap - 1)
        break;
      cp -= 0x10000;
      out[n++] = (unsigned short)(0xD800 + (cp >> 10));
      out[n++] = (unsigned short)(0xDC00 + (cp & 0x3FF));
    }
  }
  out[n] = 0;
  return n;
}

size_t trayp_utf16_len(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  size_t n = 0;
  while (*p) {
    long cp = decode(&p);
    if (cp < 0)
      break;
    n += cp < 0x10000 ? 1 : 2;
  }
  return n;
}

int trayp_is_separator(const struct tray_menu *item) {
  return strcmp(item->text, "-") == 0;
}

int trayp_check_images(const struct tray_image *images, int count) {
  int i;
  if (images == NULL)
    return count == 0 ? TRAY_OK : TRAY_ERR_NULL;
  if (count < 1 || count > TRAY_MAX_IMAGES)
    return TRAY_ERR_ICON;
  for (i = 0; i < count; i++) {
    if (images[i].rgba == NULL)
      return TRAY_ERR_NULL;
    if (images[i].width < 1 || images[i].height < 1 || images[i].width > TRAY_MAX_ICON_SIZE ||
        images[i].height > TRAY_MAX_ICON_SIZE)
      return TRAY_ERR_ICON;
  }
  return TRAY_OK;
}

const struct tray_image *trayp_image_pick(const struct tray_image *images, int count, int size) {
  const struct tray_image *best = NULL, *largest = NULL;
  int i;
  for (i = 0; i < count; i++) {
    const struct tray_image *im = &images[i];
    int side = im->width > im->height ? im->width : im->height;
    int best_side = best == NULL ? 0 : (best->width > best->height ? best->width : best->height);
    int largest_side = largest == NULL ? 0 : (largest->width > largest->height ? largest->width : largest->height);
    if (side >= size && (best == NULL || side < best_side))
      best = im;
    if (side > largest_side)
      largest = im;
  }
  return best != NULL ? best : largest;
}

static int check_menu(const struct tray_menu *m, int depth, int *count) {
  /* The depth limit also ends cycles made by a submenu pointing back up. */
  if (depth > TRAY_MAX_DEPTH)
    return TRAY_ERR_MENU;
  for (; m->text != NULL; m++) {
    struct trayp_accel accel;
    int r;
    if (++*count > TRAY_MAX_ITEMS)
      return TRAY_ERR_MENU;
    if (!trayp_utf8_valid(m->text))
      return TRAY_ERR_UTF8;
    if (trayp_check_images(m->icons, m->icon_count) != TRAY_OK)
      return trayp_check_images(m->icons, m->icon_count);
    r = trayp_accel_parse(m->accelerator, &accel);
    if (r != TRAY_OK)
      return r;
    if (m->submenu != NULL) {
      r = check_menu(m->submenu, depth + 1, count);
      if (r != TRAY_OK)
        return r;
    }
  }
  return TRAY_OK;
}

int trayp_check_tray(const struct tray *tray, int *items) {
  *items = 0;
  if (tray == NULL)
    return TRAY_ERR_NULL;
  if (tray->icons != NULL || tray->icon_count != 0) {
    int r = trayp_check_images(tray->icons, tray->icon_count);
    if (r != TRAY_OK)
      return r;
  } else if (tray->icon_rgba != NULL) {
    if (tray->icon_width < 1 || tray->icon_height < 1 || tray->icon_width > TRAY_MAX_ICON_SIZE ||
        tray->icon_height > TRAY_MAX_ICON_SIZE)
      return TRAY_ERR_ICON;
  } else if (tray->icon == NULL) {
    return TRAY_ERR_ICON;
  } else if (!trayp_utf8_valid(tray->icon)) {
    return TRAY_ERR_UTF8;
  }
  if (tray->attention_icons != NULL || tray->attention_icon_count != 0) {
    int r = trayp_check_images(tray->attention_icons, tray->attention_icon_count);
    if (r != TRAY_OK)
      return r;
  }
  if (tray->tooltip != NULL && !trayp_utf8_valid(tray->tooltip))
    return TRAY_ERR_UTF8;
  if (tray->menu == NULL)
    return TRAY_OK;
  return check_menu(tray->menu, 0, items);
}

void trayp_rgba_resize(const unsigned char *src, int sw, int sh, unsigned char *dst, int dw, int dh) {
  int dx, dy, sx, sy, c;
  for (dy = 0; dy < dh; dy++) {
    double y0 = (double)dy * sh / dh, y1 = (double)(dy + 1) * sh / dh;
    for (dx = 0; dx < dw; dx++) {
      double x0 = (double)dx * sw / dw, x1 = (double)(dx + 1) * sw / dw;
      double acc[3] = {0, 0, 0}, alpha = 0, area = 0;
      unsigned char *o = dst + ((size_t)dy * dw + dx) * 4;
      for (sy = (int)y0; sy < sh && sy < y1; sy++) {
        double wy = (y1 < sy + 1 ? y1 : sy + 1) - (y0 > sy ? y0 : sy);
        for (sx = (int)x0; sx < sw && sx < x1; sx++) {
          double wx = (x1 < sx + 1 ? x1 : sx + 1) - (x0 > sx ? x0 : sx);
          const unsigned char *p = src + ((size_t)sy * sw + sx) * 4;
          double w = wx * wy, a = p[3] * w;
          for (c = 0; c < 3; c++)
            acc[c] += p[c] * a; /* weight by alpha so transparent pixels lend no colour */
          alpha += a;
          area += w;
        }
      }
      for (c = 0; c < 3; c++)
        o[c] = (unsigned char)(alpha > 0 ? acc[c] / alpha + 0.5 : 0);
      o[3] = (unsigned char)(area > 0 ? alpha / area + 0.5 : 0);
    }
  }
}

/* Accelerators. Key names follow X keysyms (what dbusmenu hosts and GDK parse); labels follow
 * what Windows menus print. */
#define ACCEL_MAX_BYTES 64

static const struct {
  const char *name, *alias, *keysym, *label;
} NAMED_KEYS[] = {
    {"Enter", "Return", "Return", "Enter"},  {"Tab", NULL, "Tab", "Tab"},
    {"Space", NULL, "space", "Space"},        {"Backspace", NULL, "BackSpace", "Backspace"},
    {"Delete", "Del", "Delete", "Del"},       {"Insert", "Ins", "Insert", "Ins"},
    {"Home", NULL, "Home", "Home"},           {"End", NULL, "End", "End"},
    {"PageUp", "PgUp", "Page_Up", "PgUp"},    {"PageDown", "PgDn", "Page_Down", "PgDn"},
    {"Up", NULL, "Up", "Up"},                 {"Down", NULL, "Down", "Down"},
    {"Left", NULL, "Left", "Left"},           {"Right", NULL, "Right", "Right"},
    {"Escape", "Esc", "Escape", "Esc"},       {"Plus", NULL, "plus", "+"},
};

static const struct {
  char c;
  const char *keysym;
} PUNCTUATION[] = {
    {',', "comma"},        {'.', "period"},       {'-', "minus"},     {'=', "equal"},
    {'/', "slash"},        {';', "semicolon"},    {'\'', "apostrophe"}, {'[', "bracketleft"},
    {']', "bracketright"}, {'\\', "backslash"}, {'`', "grave"},
};

static const struct {
  const char *name;
  int bit;
} MODIFIERS[] = {
    {"Ctrl", TRAYP_MOD_CTRL}, {"Control", TRAYP_MOD_CTRL}, {"Alt", TRAYP_MOD_ALT},  {"Shift", TRAYP_MOD_SHIFT},
    {"Super", TRAYP_MOD_SUPER}, {"Win", TRAYP_MOD_SUPER},  {"Meta", TRAYP_MOD_SUPER},
};

/* ASCII-only, case-insensitive comparison of part[0..n) with name. */
static int part_is(const char *part, size_t n, const char *name) {
  size_t i;
  for (i = 0; i < n; i++) {
    char a = part[i], b = name[i];
    if (b == 0)
      return 0;
    if (a >= 'A' && a <= 'Z')
      a = (char)(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z')
      b = (char)(b - 'A' + 'a');
    if (a != b)
      return 0;
  }
  return name[n] == 0;
}

/* Fills out's key and label from the last part; 0 if it names no key. */
static int parse_key(const char *part, size_t n, struct trayp_accel *out) {
  size_t i;
  char c = part[0];
  if (n == 1 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
    out->key[0] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    out->label[0] = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
    return 1;
  }
  for (i = 0; n == 1 && i < sizeof PUNCTUATION / sizeof PUNCTUATION[0]; i++) {
    if (c == PUNCTUATION[i].c) {
      strcpy(out->key, PUNCTUATION[i].keysym);
      out->label[0] = c;
      return 1;
    }
  }
  for (i = 0; i < sizeof NAMED_KEYS / sizeof NAMED_KEYS[0]; i++) {
    if (part_is(part, n, NAMED_KEYS[i].name) || (NAMED_KEYS[i].alias && part_is(part, n, NAMED_KEYS[i].alias))) {
      strcpy(out->key, NAMED_KEYS[i].keysym);
      strcpy(out->label, NAMED_KEYS[i].label);
      return 1;
    }
  }
  if ((c == 'F' || c == 'f') && n >= 2 && n <= 3 && part[1] >= '1' && part[1] <= '9' &&
      (n == 2 || (part[2] >= '0' && part[2] <= '9'))) {
    int f = part[1] - '0';
    if (n == 3)
      f = f * 10 + (part[2] - '0');
    if (f > 24)
      return 0;
    out->key[0] = out->label[0] = 'F';
    memcpy(out->key + 1, part + 1, n - 1);
    memcpy(out->label + 1, part + 1, n - 1);
    return 1;
  }
  return 0;
}

int trayp_accel_parse(const char *text, struct trayp_accel *out) {
  const char *p;
  memset(out, 0, sizeof *out);
  if (text == NULL)
    return TRAY_OK;
  if (!trayp_utf8_valid(text))
    return TRAY_ERR_UTF8;
  if (strlen(text) > ACCEL_MAX_BYTES)
    return TRAY_ERR_ACCEL;
  for (p = text;;) {
    /* A '+' right after a separator (or at the start) is the key itself: "Ctrl++". */
    const char *end = strchr(*p == '+' ? p + 1 : p, '+');
    size_t n = end != NULL ? (size_t)(end - p) : strlen(p), i;
    int bit = 0;
    if (n == 0)
      break;
    if (end == NULL) {
      if (n == 1 && *p == '+') {
        strcpy(out->key, "plus");
        strcpy(out->label, "+");
        return TRAY_OK;
      }
      if (parse_key(p, n, out))
        return TRAY_OK;
      break;
    }
    for (i = 0; i < sizeof MODIFIERS / sizeof MODIFIERS[0]; i++) {
      if (part_is(p, n, MODIFIERS[i].name))
        bit = MODIFIERS[i].bit;
    }
    if (bit == 0 || (out->mods & bit) != 0)
      break; /* not a modifier, or one given twice */
    out->mods |= bit;
    p = end + 1;
  }
  memset(out, 0, sizeof *out);
  return TRAY_ERR_ACCEL;
}

void trayp_append(char *out, size_t cap, const char *part) {
  size_t used, n;
  if (cap == 0)
    return;
  for (used = 0; used < cap - 1 && out[used] != 0;)
    used++;
  n = strlen(part);
  if (n > cap - 1 - used)
    n = cap - 1 - used;
  memcpy(out + used, part, n);
  out[used + n] = 0;
}

void trayp_accel_text(const struct trayp_accel *a, char *out, size_t cap) {
  if (cap == 0)
    return;
  out[0] = 0;
  if (a->key[0] == 0)
    return;
  if (a->mods & TRAYP_MOD_CTRL)
    trayp_append(out, cap, "Ctrl+");
  if (a->mods & TRAYP_MOD_ALT)
    trayp_append(out, cap, "Alt+");
  if (a->mods & TRAYP_MOD_SHIFT)
    trayp_append(out, cap, "Shift+");
  if (a->mods & TRAYP_MOD_SUPER)
    trayp_append(out, cap, "Win+");
  trayp_append(out, cap, a->label);
}
