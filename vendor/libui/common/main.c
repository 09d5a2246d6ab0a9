/* uiInit and uiUninit (their order), the loop's entry points, uiQuit from any thread, uiTimer's
 * list and uiOnShouldQuit, over the hooks in osapi.h. */
#include <stdlib.h>
#include "osapi.h"

static int initialized;

/* The live timers, newest first; each is freed once it stops or at uiUninit. */
static uiprivTimer *timers;

static int (*shouldQuitFunc)(void *data);
static void *shouldQuitData;

/* The system's quit requests are watched only while initialized and a handler wants to be asked. */
static void syncQuitWatch(void)
{
	uiprivOSWatchQuitRequests(initialized && shouldQuitFunc != NULL);
}

const char *uiInit(uiInitOptions *options)
{
	const char *err;

	(void) options;
	if (initialized) {
		uiprivUserBug("uiInit", "already initialized");
		return uiprivSanitize("uiInit: already initialized");
	}
	err = uiprivOSInit();
	if (err != NULL)
		return uiprivSanitize(err);
	initialized = 1;
	uiprivQueueOpen();
	syncQuitWatch();
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
		uiprivTimer *t = timers;
		timers = t->next;
		uiprivOSTimerStop(t);
		free(t);
	}
	/* Closed before the backend's loop goes: no thread can wake it afterwards, and a wake-up still
	 * pending finds the queue empty. */
	uiprivQueueClose();
	uiprivMenusUninit();
	initialized = 0;
	syncQuitWatch();
	uiprivOSUninit();
}

void uiMain(void)
{
	if (!initialized)
		return;
	uiprivOSMain();
}

void uiMainSteps(void)
{
	/* Nothing to prepare: uiMainStep notices uiQuit by itself on both backends. */
}

int uiMainStep(int wait)
{
	if (!initialized)
		return 0;
	return uiprivOSMainStep(wait != 0);
}

static void quitOnMain(void *data)
{
	(void) data;
	uiprivOSQuit();
}

void uiQuit(void)
{
	/* Other threads may not touch the loop's state: they ask the main thread through the queue. */
	if (!uiprivOnMainThread()) {
		uiQueueMain(quitOnMain, NULL);
		return;
	}
	uiprivOSQuit();
}

static int unlinkTimer(uiprivTimer *t)
{
	uiprivTimer **pp;

	for (pp = &timers; *pp != NULL; pp = &(*pp)->next)
		if (*pp == t) {
			*pp = t->next;
			return 1;
		}
	return 0;
}

static int knownTimer(uiprivTimer *t)
{
	uiprivTimer *p;

	for (p = timers; p != NULL; p = p->next)
		if (p == t)
			return 1;
	return 0;
}

int uiprivTimerFire(uiprivTimer *t)
{
	int again;

	/* A stale id, or a modal loop started by the callback re-entering it: nothing runs. */
	if (!knownTimer(t))
		return 0;
	if (t->running)
		return 1;
	t->running = 1;
	again = t->f(t->data);
	/* uiUninit in the callback has already stopped and freed it. */
	if (!knownTimer(t))
		return 0;
	t->running = 0;
	if (again)
		return 1;
	unlinkTimer(t);
	uiprivOSTimerStop(t);
	free(t);
	return 0;
}

void uiTimer(int milliseconds, int (*f)(void *data), void *data)
{
	uiprivTimer *t;

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
	t = (uiprivTimer *) uiprivAlloc(sizeof (uiprivTimer));
	t->f = f;
	t->data = data;
	if (!uiprivOSTimerStart(t, milliseconds)) {
		free(t);
		return;
	}
	t->next = timers;
	timers = t;
}

void uiOnShouldQuit(int (*f)(void *data), void *data)
{
	shouldQuitFunc = f;
	shouldQuitData = data;
	syncQuitWatch();
}

int uiprivHasShouldQuit(void)
{
	return shouldQuitFunc != NULL;
}

int uiprivShouldQuit(void)
{
	if (shouldQuitFunc == NULL)
		return 1;
	return shouldQuitFunc(shouldQuitData) != 0;
}
