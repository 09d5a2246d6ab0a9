/* uiQueueMain's queue, shared by both backends: a FIFO under one lock, so
 * queueing is O(1) from any thread and uiUninit can close it without a race.
 * The backend only provides a wake-up (uiprivOSQueueWake) that makes its main
 * loop call uiprivQueueRun. */
#include <stdlib.h>
#include "osapi.h"

#ifdef _WIN32
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>
static SRWLOCK lock = SRWLOCK_INIT;
#define lockQueue() AcquireSRWLockExclusive(&lock)
#define unlockQueue() ReleaseSRWLockExclusive(&lock)
typedef DWORD threadID;
#define currentThread() GetCurrentThreadId()
#define sameThread(a, b) ((a) == (b))
#else
#include <pthread.h>
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
#define lockQueue() pthread_mutex_lock(&lock)
#define unlockQueue() pthread_mutex_unlock(&lock)
typedef pthread_t threadID;
#define currentThread() pthread_self()
#define sameThread(a, b) pthread_equal((a), (b))
#endif

typedef struct queued queued;
struct queued {
	void (*f)(void *data);
	void *data;
	queued *next;
};

/* All guarded by lock. */
static queued *head, *tail;
static int open_;
/* A wake-up is on its way and no uiprivQueueRun has taken the queue since. */
static int woken;
static threadID mainThread;
/* Bumped by every uiprivQueueOpen and uiprivQueueClose, so a run in progress notices a uiUninit. */
static unsigned long epoch;

static void freeList(queued *q)
{
	while (q != NULL) {
		queued *next = q->next;
		free(q);
		q = next;
	}
}

void uiprivQueueOpen(void)
{
	lockQueue();
	open_ = 1;
	woken = 0;
	mainThread = currentThread();
	epoch++;
	unlockQueue();
}

void uiprivQueueClose(void)
{
	queued *dropped;

	lockQueue();
	open_ = 0;
	woken = 0;
	epoch++;
	dropped = head;
	head = tail = NULL;
	unlockQueue();
	/* Dropped without running, as ui.h documents for uiUninit. */
	freeList(dropped);
}

int uiprivOnMainThread(void)
{
	int on;

	lockQueue();
	on = open_ && sameThread(mainThread, currentThread());
	unlockQueue();
	return on;
}

int uiprivReady(const char *func)
{
	int isOpen, same;

	lockQueue();
	isOpen = open_;
	same = isOpen && sameThread(mainThread, currentThread());
	unlockQueue();
	if (!isOpen) {
		uiprivUserBug(func, "called before uiInit or after uiUninit");
		return 0;
	}
	if (!same) {
		uiprivUserBug(func, "called from a thread other than the one that called uiInit");
		return 0;
	}
	return 1;
}

void uiQueueMain(void (*f)(void *data), void *data)
{
	queued *q;

	if (f == NULL) {
		uiprivUserBug(__func__, "the function is NULL");
		return;
	}
	q = (queued *) uiprivAlloc(sizeof (queued));
	q->f = f;
	q->data = data;
	lockQueue();
	if (!open_) {
		unlockQueue();
		free(q);
		uiprivUserBug(__func__, "called before uiInit or after uiUninit");
		return;
	}
	if (tail != NULL)
		tail->next = q;
	else
		head = q;
	tail = q;
	/* Waking under the lock: uiprivQueueClose cannot slip in and tear the loop down between. */
	if (!woken)
		woken = uiprivOSQueueWake();
	unlockQueue();
}

void uiprivQueueRun(void)
{
	queued *batch;
	unsigned long startEpoch;

	/* Only what is queued now runs: functions queued meanwhile (even by
	 * these) wait for the next wake-up, so a steady stream of uiQueueMain
	 * calls cannot keep one uiMainStep from returning. */
	lockQueue();
	batch = head;
	head = tail = NULL;
	woken = 0;
	startEpoch = epoch;
	unlockQueue();
	while (batch != NULL) {
		queued *q = batch;
		int stillOpen;

		batch = q->next;
		q->f(q->data);
		free(q);
		/* A function that called uiUninit drops the rest of the batch too. */
		lockQueue();
		stillOpen = epoch == startEpoch;
		unlockQueue();
		if (!stillOpen) {
			freeList(batch);
			return;
		}
	}
}
