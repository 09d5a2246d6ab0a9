/* Init, the event loop, uiQueueMain, uiTimer and quit requests on GTK 3. */
#include <signal.h>
#include <glib-unix.h>
#include "uipriv_unix.h"

static int initialized;
static GThread *mainThread;
static int quitRequested;

typedef struct queued queued;
struct queued {
	void (*f)(void *data);
	void *data;
	GSource *source;
	queued *next;
};

/* Pending uiQueueMain calls, so uiUninit can drop them; guarded by queueLock. */
static GMutex queueLock;
static queued *queueHead;

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
	if (initialized)
		return uiprivSanitize("uiInit: already initialized");
	if (!gtk_init_check(NULL, NULL))
		return uiprivSanitize("uiInit: GTK could not be initialized (is DISPLAY or WAYLAND_DISPLAY set?)");
	mainThread = g_thread_self();
	quitRequested = 0;
	initialized = 1;
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
	g_mutex_lock(&queueLock);
	while (queueHead != NULL) {
		queued *q = queueHead;
		queueHead = q->next;
		g_source_destroy(q->source);
		g_source_unref(q->source);
		g_free(q);
	}
	g_mutex_unlock(&queueLock);
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
	if (!initialized)
		return;
	if (g_thread_self() != mainThread) {
		uiQueueMain(quitOnMain, NULL);
		return;
	}
	quitRequested = 1;
	/* gtk_main_quit complains when no gtk_main runs, e.g. while stepping. */
	if (gtk_main_level() > 0)
		gtk_main_quit();
}

static gboolean runQueued(gpointer data)
{
	queued *q = (queued *) data;
	queued **pp;

	g_mutex_lock(&queueLock);
	for (pp = &queueHead; *pp != NULL; pp = &(*pp)->next)
		if (*pp == q) {
			*pp = q->next;
			break;
		}
	g_mutex_unlock(&queueLock);
	q->f(q->data);
	g_source_unref(q->source);
	g_free(q);
	return G_SOURCE_REMOVE;
}

void uiQueueMain(void (*f)(void *data), void *data)
{
	queued *q;

	if (f == NULL || !initialized)
		return;
	q = g_new0(queued, 1);
	q->f = f;
	q->data = data;
	q->source = g_idle_source_new();
	g_source_set_callback(q->source, runQueued, q, NULL);
	/* Linked before attaching, and under the lock, so runQueued always finds it. */
	g_mutex_lock(&queueLock);
	q->next = queueHead;
	queueHead = q;
	g_source_attach(q->source, NULL);
	g_mutex_unlock(&queueLock);
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

	if (f == NULL || !initialized)
		return;
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
