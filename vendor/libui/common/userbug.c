/* The one path every misuse of the API takes: a message naming the function, then the call is ignored. */
#include <stdarg.h>
#include <stdio.h>
#include "uipriv.h"

void uiprivUserBug(const char *func, const char *fmt, ...)
{
	va_list ap;

	/* One write per message, so lines from several threads do not interleave mid-line. */
	char line[512];
	int n = snprintf(line, sizeof line, "libui: %s: ", func);

	if (n < 0)
		return;
	if ((size_t) n < sizeof line) {
		va_start(ap, fmt);
		vsnprintf(line + n, sizeof line - (size_t) n, fmt, ap);
		va_end(ap);
	}
	fprintf(stderr, "%s (ignored)\n", line);
}
