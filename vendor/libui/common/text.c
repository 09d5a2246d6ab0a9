/* UTF-8 cleaning for every string that enters or leaves the library. */
#include <stdlib.h>
#include <string.h>
#include "uipriv.h"

/* Length of the well-formed UTF-8 sequence at s (at most avail bytes), or 0 if none starts there. */
static size_t seqLen(const unsigned char *s, size_t avail)
{
	unsigned char b = s[0];
	unsigned char lo = 0x80, hi = 0xBF;
	size_t n, i;

	if (b < 0x80)
		return 1;
	if (b >= 0xC2 && b <= 0xDF)
		n = 2;
	else if (b >= 0xE0 && b <= 0xEF) {
		n = 3;
		if (b == 0xE0)
			lo = 0xA0; /* overlong */
		else if (b == 0xED)
			hi = 0x9F; /* surrogates */
	} else if (b >= 0xF0 && b <= 0xF4) {
		n = 4;
		if (b == 0xF0)
			lo = 0x90; /* overlong */
		else if (b == 0xF4)
			hi = 0x8F; /* above U+10FFFF */
	} else
		return 0;
	if (avail < n)
		return 0;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xBF)
			return 0;
	return n;
}

/* Bytes available at s[i], stopping at NUL or at max: sequences never span a NUL. */
static size_t availAt(const unsigned char *s, size_t i, size_t max)
{
	size_t k = 0;
	while (k < 4 && i + k < max && s[i + k] != 0)
		k++;
	return k;
}

/* One pass that either measures (out == NULL) or writes at most room bytes. */
static size_t convert(const unsigned char *s, size_t max, size_t room, char *out)
{
	static const char replacement[3] = { (char) 0xEF, (char) 0xBF, (char) 0xBD };
	size_t i = 0, o = 0;

	while (i < max && s[i] != 0) {
		size_t n = seqLen(s + i, availAt(s, i, max));
		const char *src = (const char *) (s + i);
		size_t srcLen = n;

		if (n == 0) {
			src = replacement;
			srcLen = 3;
			n = 1;
		}
		if (o + srcLen > room)
			break; /* cut at the last whole character */
		if (out != NULL)
			memcpy(out + o, src, srcLen);
		o += srcLen;
		i += n;
	}
	return o;
}

/* Reads at most n bytes of s; writes at most room bytes. */
static char *sanitize(const char *s, size_t n, size_t room)
{
	char *out;
	size_t len;

	if (s == NULL) {
		s = "";
		n = 0;
	}
	len = convert((const unsigned char *) s, n, room, NULL);
	out = (char *) uiprivAlloc(len + 1);
	convert((const unsigned char *) s, n, room, out);
	out[len] = '\0';
	return out;
}

char *uiprivSanitizeN(const char *s, size_t n)
{
	return sanitize(s, n, uiTextLimit);
}

char *uiprivSanitizeFit(const char *s, size_t used)
{
	return sanitize(s, (size_t) -1, used < uiTextLimit ? uiTextLimit - used : 0);
}

char *uiprivSanitize(const char *s)
{
	/* Input is read up to its NUL, but never further than the output can use. */
	return uiprivSanitizeN(s, (size_t) -1);
}

void uiFreeText(char *text)
{
	free(text);
}
