/* The uiQueueMain queue (vendor/libui/common/queue.c) under ThreadSanitizer,
 * built by `cargo xtask test sanitize`: threads queue while the main thread
 * runs the queue and then closes it as uiUninit does.  GTK and GLib are not
 * instrumented, so this program stands in for the backend's main loop
 * (uiprivOSQueueWake below) and links only the common code. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include "osapi.h"

#define THREADS 4
#define PER_THREAD 20000

/* Set by the wake-up hook, read by the stand-in main loop. */
static pthread_mutex_t wakeLock = PTHREAD_MUTEX_INITIALIZER;
static int wakeups;
/* Touched only on the main thread: TSan reports any other access. */
static long ran;
static int closed;
static long ranAfterClose;
static int failures;

int uiprivOSQueueWake(void)
{
	pthread_mutex_lock(&wakeLock);
	wakeups++;
	pthread_mutex_unlock(&wakeLock);
	return 1;
}

static void onMain(void *data)
{
	(void) data;
	ran++;
	if (closed)
		ranAfterClose++;
}

static void *producer(void *arg)
{
	int i;

	(void) arg;
	for (i = 0; i < PER_THREAD; i++) {
		uiQueueMain(onMain, NULL);
		/* Other threads' calls that read the library's state. */
		if (i % 1000 == 0)
			(void) uiprivOnMainThread();
	}
	return NULL;
}

static void runRound(int closeEarly)
{
	pthread_t threads[THREADS];
	int i, spins;

	ran = 0;
	closed = 0;
	ranAfterClose = 0;
	uiprivQueueOpen();
	for (i = 0; i < THREADS; i++)
		pthread_create(&threads[i], NULL, producer, NULL);
	/* The stand-in loop; with closeEarly it stops as soon as anything ran, while the producers still queue. */
	for (spins = 0; spins < 100000000 && ran < (long) THREADS * PER_THREAD; spins++) {
		uiprivQueueRun();
		if (closeEarly && ran > 0)
			break;
	}
	uiprivQueueClose();
	closed = 1;
	for (i = 0; i < THREADS; i++)
		pthread_join(threads[i], NULL);
	/* A wake-up that was in flight at the close runs an empty queue. */
	uiprivQueueRun();
	if (ranAfterClose != 0) {
		printf("FAILED: %ld functions ran after the queue was closed\n", ranAfterClose);
		failures++;
	}
	if (!closeEarly && ran != (long) THREADS * PER_THREAD) {
		printf("FAILED: %ld of %d ran\n", ran, THREADS * PER_THREAD);
		failures++;
	}
}

int main(void)
{
	runRound(0);
	runRound(1);
	pthread_mutex_lock(&wakeLock);
	printf("queue-race: %d wake-ups, %d failed\n", wakeups, failures);
	pthread_mutex_unlock(&wakeLock);
	return failures == 0 ? 0 : 1;
}
