/* The one path every misuse of the API takes: a message naming the function, then the call is ignored.
 *
 * The message is formatted here rather than by the C library's printf family: no variadic call or
 * va_list crosses into the CRT. Windows on ARM64 passes variadic arguments differently from AAPCS64,
 * and a CRT built for the other convention (Debian's arm64 Wine, which the arm64-run tier uses)
 * reads garbage from them. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "uipriv.h"

typedef struct line {
	char text[512];
	size_t len;
} line;

static void put(line *l, const char *s, size_t n)
{
	size_t room = sizeof l->text - 1 - l->len;

	if (n > room)
		n = room;
	memcpy(l->text + l->len, s, n);
	l->len += n;
}

static void putString(line *l, const char *s)
{
	put(l, s != NULL ? s : "(null)", strlen(s != NULL ? s : "(null)"));
}

/* Digits of v in base (10 or 16), with a leading '-' when negative. */
static void putNumber(line *l, uintmax_t v, int negative, unsigned base)
{
	char digits[2 + 3 * sizeof v];
	size_t i = sizeof digits;

	do {
		digits[--i] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v != 0);
	if (negative)
		digits[--i] = '-';
	put(l, digits + i, sizeof digits - i);
}

/* Understands what the library's messages use: %s, %d, %p and %%. */
static void format(line *l, const char *fmt, va_list ap)
{
	for (; *fmt != '\0'; fmt++) {
		if (*fmt != '%' || fmt[1] == '\0') {
			put(l, fmt, 1);
			continue;
		}
		switch (*++fmt) {
		case 's':
			putString(l, va_arg(ap, const char *));
			break;
		case 'd': {
			int v = va_arg(ap, int);
			putNumber(l, v < 0 ? (uintmax_t) 0 - (uintmax_t) v : (uintmax_t) v, v < 0, 10);
			break;
		}
		case 'u':
			putNumber(l, va_arg(ap, unsigned), 0, 10);
			break;
		case 'p':
			put(l, "0x", 2);
			putNumber(l, (uintmax_t) (uintptr_t) va_arg(ap, void *), 0, 16);
			break;
		default:
			put(l, fmt, 1);
			break;
		}
	}
}

void uiprivUserBug(const char *func, const char *fmt, ...)
{
	va_list ap;
	line l;

	l.len = 0;
	put(&l, "libui: ", 7);
	putString(&l, func);
	put(&l, ": ", 2);
	va_start(ap, fmt);
	format(&l, fmt, ap);
	va_end(ap);
	put(&l, " (ignored)\n", 11);
	l.text[l.len] = '\0';
	/* One write per message, so lines from several threads do not interleave mid-line. */
	fputs(l.text, stderr);
}
