/* The GTK 3 main loop behind common/main.c: init, the loop, quit, uiQueueMain's wake-up, timers and
 * SIGTERM as the system's quit request. */
#include <signal.h>
#include <glib-unix.h>
#include "uipriv_unix.h"
#include "osapi.h"

/* A uiQuit not yet seen by uiMain or uiMainStep (GTK keeps no quit message of its own). */
static int quitRequested;
static guint sigtermSource;

const char *uiprivOSInit(void)
{
	/* Nothing here draws with OpenGL (uiArea is cairo), but GDK on X11 loads the GL driver to pick
	 * its visuals once a window is made: with Mesa that maps LLVM, 8 MB of private memory and
	 * 50 MB resident for nothing. GDK reads GDK_GL once, in gtk_init, so it is set only for that
	 * call and children see the environment as it was; a user's own GDK_GL wins. */
	int glDefault = g_getenv("GDK_GL") == NULL;
	gboolean ok;

	if (glDefault)
		g_setenv("GDK_GL", "disable", FALSE);
	ok = gtk_init_check(NULL, NULL);
	if (glDefault)
		g_unsetenv("GDK_GL");
	if (!ok)
		return "uiInit: GTK could not be initialized (is DISPLAY or WAYLAND_DISPLAY set?)";
	quitRequested = 0;
	return NULL;
}

void uiprivOSUninit(void)
{
	/* GTK cannot be shut down; the SIGTERM watch is already gone. */
}

void uiprivOSMain(void)
{
	/* A uiQuit made before uiMain ends it at once, as a queued WM_QUIT does on Windows. */
	if (!quitRequested)
		gtk_main();
	quitRequested = 0;
}

int uiprivOSMainStep(int wait)
{
	gtk_main_iteration_do(wait);
	if (quitRequested) {
		/* Each uiQuit is reported once, like WM_QUIT on Windows. */
		quitRequested = 0;
		return 0;
	}
	return 1;
}

void uiprivOSQuit(void)
{
	quitRequested = 1;
	/* gtk_main_quit complains when no gtk_main runs, e.g. while stepping. */
	if (gtk_main_level() > 0)
		gtk_main_quit();
}

static gboolean runQueue(gpointer data)
{
	(void) data;
	uiprivQueueRun();
	return G_SOURCE_REMOVE;
}

int uiprivOSQueueWake(void)
{
	/* Attaching a source to the default context is thread-safe and wakes a waiting loop. */
	g_idle_add(runQueue, NULL);
	return 1;
}

static gboolean runTimer(gpointer data)
{
	return uiprivTimerFire((uiprivTimer *) data) ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

int uiprivOSTimerStart(uiprivTimer *t, int milliseconds)
{
	t->native = g_timeout_add((guint) milliseconds, runTimer, t);
	return 1;
}

void uiprivOSTimerStop(uiprivTimer *t)
{
	/* Removing a source from its own callback is allowed; GLib then drops it once the callback returns. */
	g_source_remove((guint) t->native);
}

static gboolean onSigterm(gpointer data)
{
	(void) data;
	if (uiprivShouldQuit())
		uiQuit();
	return G_SOURCE_CONTINUE;
}

void uiprivOSWatchQuitRequests(int watch)
{
	/* SIGTERM is only taken over while someone wants to be asked. */
	if (watch && sigtermSource == 0)
		sigtermSource = g_unix_signal_add(SIGTERM, onSigterm, NULL);
	else if (!watch && sigtermSource != 0) {
		g_source_remove(sigtermSource);
		sigtermSource = 0;
	}
}
