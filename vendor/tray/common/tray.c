/* The public API, written once: argument checks and the lifecycle (initialised, exited) live
 * here, and each backend (unix/, windows/) only implements the trayp_os_* hooks of trayp.h.
 * There is one tray per process, so the state is a single static. */
#include "trayp.h"

#include <stddef.h>

static struct {
  int initialised; /* between a successful tray_init and tray_exit */
  int exited;      /* tray_exit ran since the last tray_init: tray_loop says 1 */
} S;

int trayp_live(void) {
  return S.initialised;
}

/* Everything a backend may rely on before it sees tray: platform-free shape first, then its own. */
static int check(const struct tray *tray, int *items) {
  int r = trayp_check_tray(tray, items);
  return r != TRAY_OK ? r : trayp_os_check(tray);
}

static const char OTHER_THREAD[] = "called from a thread other than the one that called tray_init";

/* 1 (after reporting it) if a tray is live and the caller is not its thread. */
static int off_thread(const char *func) {
  if (!S.initialised || trayp_thread_is_tray())
    return 0;
  trayp_user_bug(func, OTHER_THREAD);
  return 1;
}

int tray_init(struct tray *tray) {
  int items, r;
  if (off_thread("tray_init"))
    return TRAY_ERR_THREAD;
  if (S.initialised)
    return TRAY_ERR_ALREADY_INIT;
  if (!trayp_thread_may_init()) {
    trayp_user_bug("tray_init", "called off the main thread, which GTK needs");
    return TRAY_ERR_THREAD;
  }
  r = check(tray, &items);
  if (r == TRAY_OK)
    r = trayp_os_init(tray, items);
  if (r != TRAY_OK)
    return r;
  trayp_thread_bind();
  S.initialised = 1;
  S.exited = 0;
  return TRAY_OK;
}

int tray_update(struct tray *tray) {
  int items, r;
  if (off_thread("tray_update"))
    return TRAY_ERR_THREAD;
  if (!S.initialised)
    return TRAY_ERR_NOT_INIT;
  r = check(tray, &items);
  return r != TRAY_OK ? r : trayp_os_update(tray, items);
}

int tray_loop(int blocking) {
  if (S.exited)
    return 1;
  if (off_thread("tray_loop"))
    return TRAY_ERR_THREAD;
  if (!S.initialised)
    return TRAY_ERR_NOT_INIT;
  if (trayp_os_loop(blocking != 0))
    return 1;
  /* A callback run by this iteration may have called tray_exit. */
  return S.exited ? 1 : 0;
}

void tray_exit(void) {
  if (!S.initialised || off_thread("tray_exit"))
    return;
  /* First, so that events the teardown delivers find the tray gone. */
  S.initialised = 0;
  S.exited = 1;
  trayp_os_exit();
}

int tray_notify(const char *title, const char *text) {
  if (title == NULL || text == NULL)
    return TRAY_ERR_NULL;
  if (!trayp_utf8_valid(title) || !trayp_utf8_valid(text))
    return TRAY_ERR_UTF8;
  if (off_thread("tray_notify"))
    return TRAY_ERR_THREAD;
  if (!S.initialised)
    return TRAY_ERR_NOT_INIT;
  return trayp_os_notify(title, text);
}

void *tray_native_menu(void) {
  if (off_thread("tray_native_menu"))
    return NULL;
  return S.initialised ? trayp_os_menu() : NULL;
}

const struct tray_image *trayp_shown_images(const struct tray *tray, int *count) {
  if (tray->attention && tray->attention_icons != NULL) {
    *count = tray->attention_icon_count;
    return tray->attention_icons;
  }
  *count = tray->icons != NULL ? tray->icon_count : 0;
  return tray->icons;
}

int trayp_icon_event(struct tray *tray, int type, int delta, int horizontal) {
  struct tray_event ev;
  if (!S.initialised || tray == NULL)
    return 0;
  if (tray->event_cb != NULL) {
    ev.type = type;
    ev.delta = type == TRAY_EVENT_SCROLL ? delta : 0;
    ev.horizontal = type == TRAY_EVENT_SCROLL && horizontal != 0;
    tray->event_cb(tray, &ev);
    return 1;
  }
  if (type == TRAY_EVENT_ACTIVATE && tray->cb != NULL) {
    tray->cb(tray);
    return 1;
  }
  return 0;
}

const char *tray_strerror(int code) {
  switch (code) {
  case TRAY_OK: return "success";
  case TRAY_ERR_NULL: return "a required pointer or string is NULL";
  case TRAY_ERR_UTF8: return "a string is not valid UTF-8";
  case TRAY_ERR_ICON: return "the icon is missing, unreadable or has bad dimensions";
  case TRAY_ERR_MENU: return "the menu is too deep or has too many items";
  case TRAY_ERR_NOT_INIT: return "the tray is not initialised";
  case TRAY_ERR_ALREADY_INIT: return "the tray is already initialised";
  case TRAY_ERR_NOMEM: return "out of memory";
  case TRAY_ERR_PLATFORM: return "the platform refused the request";
  case TRAY_ERR_THREAD: return "called from the wrong thread";
  case TRAY_ERR_ACCEL: return "a menu item's accelerator is not understood";
  default: return "unknown tray error";
  }
}

