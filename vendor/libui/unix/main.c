/* Init, the event loop, uiQueueMain, uiTimer and quit requests on GTK 3. */
#include <signal.h>
#include <glib-unix.h>
#include "uipriv_unix.h"

static int initialized;
static int quitRequested;

typedef struct timer timer;
struct timer {
	int (*f)(void *data);
	void *data;
	guint id;
	timer *next;
};

static timer *timers;
static guint sigtermSource;

const char *uiInit(uiInitOptions *options)
{
	(void) options;
	if (initialized) {
		uiprivUserBug("uiInit", "already initialized");
		return uiprivSanitize("uiInit: already initialized");
	}
	if (!gtk_init_check(NULL, NULL))
		return uiprivSanitize("uiInit: GTK could not be initialized (is DISPLAY or WAYLAND_DISPLAY set?)");
	quitRequested = 0;
	initialized = 1;
	uiprivQueueOpen();
	uiprivShouldQuitChanged();
	return NULL;
}

void uiFreeInitError(const char *err)
{
	uiFreeText((char *) err);
}

void uiUninit(void)
{
	if (!initialized)
		return;
	while (timers != NULL) {
		timer *t = timers;
		timers = t->next;
		g_source_remove(t->id);
		g_free(t);
	}
	/* A wake-up still pending finds the queue empty, so it need not be removed. */
	uiprivQueueClose();
	uiprivMenusUninit();
	if (sigtermSource != 0) {
		g_source_remove(sigtermSource);
		sigtermSource = 0;
	}
	initialized = 0;
}

void uiMain(void)
{
	if (!initialized)
		return;
	/* A uiQuit made before uiMain ends it at once, as a queued WM_QUIT does on Windows. */
	if (!quitRequested)
		gtk_main();
	quitRequested = 0;
}

void uiMainSteps(void)
{
	/* Nothing to prepare: uiMainStep tracks uiQuit with its own flag. */
}

int uiMainStep(int wait)
{
	if (!initialized)
		return 0;
	gtk_main_iteration_do(wait != 0);
	if (quitRequested) {
		/* Each uiQuit is reported once, like WM_QUIT on Windows. */
		quitRequested = 0;
		return 0;
	}
	return 1;
}

static void quitOnMain(void *data)
{
	(void) data;
	uiQuit();
}

void uiQuit(void)
{
	/* Other threads may not read our state: they ask the main thread through the queue. */
	if (!uiprivOnMainThread()) {
		uiQueueMain(quitOnMain, NULL);
		return;
	}
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

int uiprivQueueWake(void)
{
	/* Attaching a source to the default context is thread-safe and wakes a waiting loop. */
	g_idle_add(runQueue, NULL);
	return 1;
}

static gboolean runTimer(gpointer data)
{
	timer *t = (timer *) data;
	timer **pp;

	if (t->f(t->data))
		return G_SOURCE_CONTINUE;
	for (pp = &timers; *pp != NULL; pp = &(*pp)->next)
		if (*pp == t) {
			*pp = t->next;
			break;
		}
	g_free(t);
	return G_SOURCE_REMOVE;
}

void uiTimer(int milliseconds, int (*f)(void *data), void *data)
{
	timer *t;

	if (f == NULL) {
		uiprivUserBug(__func__, "the function is NULL");
		return;
	}
	if (!initialized) {
		uiprivUserBug(__func__, "called before uiInit");
		return;
	}
	if (milliseconds < 0)
		milliseconds = 0;
	t = g_new0(timer, 1);
	t->f = f;
	t->data = data;
	t->next = timers;
	timers = t;
	t->id = g_timeout_add((guint) milliseconds, runTimer, t);
}

static gboolean onSigterm(gpointer data)
{
	(void) data;
	if (uiprivShouldQuit())
		uiQuit();
	return G_SOURCE_CONTINUE;
}

void uiprivShouldQuitChanged(void)
{
	int want = initialized && uiprivHasShouldQuit();

	/* SIGTERM is only taken over while someone wants to be asked. */
	if (want && sigtermSource == 0)
		sigtermSource = g_unix_signal_add(SIGTERM, onSigterm, NULL);
	else if (!want && sigtermSource != 0) {
		g_source_remove(sigtermSource);
		sigtermSource = 0;
	}
}
