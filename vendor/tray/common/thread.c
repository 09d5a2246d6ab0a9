/* The thread rule of tray.h: the tray belongs to the thread that called tray_init, and on the
 * GTK platforms that must be the process's main thread (GTK and the GLib default main context
 * the Linux backend uses are not thread-safe). Misuse is reported on one path, trayp_user_bug. */
#if defined(__linux__)
#define _GNU_SOURCE /* syscall() under -std=c99 */
#endif

#include "trayp.h"

#include <stdio.h>
#include <string.h>

#ifdef _WIN32
#include <windows.h>
typedef DWORD thread_id;
#define current_thread() GetCurrentThreadId()
#define same_thread(a, b) ((a) == (b))
#else
#include <pthread.h>
typedef pthread_t thread_id;
#define current_thread() pthread_self()
#define same_thread(a, b) pthread_equal((a), (b))
#endif

#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>
#elif defined(__FreeBSD__) || defined(__DragonFly__) || defined(__OpenBSD__)
#include <pthread_np.h>
#endif

/* Written by tray_init on the thread it binds, before the tray is live; other threads only
 * compare against it while the tray is live. */
static thread_id tray_thread;

void trayp_thread_bind(void) {
  tray_thread = current_thread();
}

int trayp_thread_is_tray(void) {
  return same_thread(tray_thread, current_thread());
}

int trayp_thread_may_init(void) {
#if defined(_WIN32)
  return 1; /* any thread that serves its messages may own the hidden window */
#elif defined(__linux__)
  return syscall(SYS_gettid) == getpid();
#elif defined(__FreeBSD__) || defined(__DragonFly__) || defined(__OpenBSD__)
  return pthread_main_np() == 1;
#else
  return 1; /* no portable question; the rule is documented */
#endif
}

void trayp_user_bug(const char *func, const char *what) {
  char line[256];
  size_t len = 0;
  const char *parts[] = {"tray: ", func, ": ", what, " (ignored)\n"};
  size_t i;
  for (i = 0; i < sizeof parts / sizeof parts[0]; i++) {
    size_t n = strlen(parts[i]);
    if (n > sizeof line - 1 - len)
      n = sizeof line - 1 - len;
    memcpy(line + len, parts[i], n);
    len += n;
  }
  line[len] = '\0';
  /* One write per message, so lines from several threads do not interleave mid-line. */
  fputs(line, stderr);
}
