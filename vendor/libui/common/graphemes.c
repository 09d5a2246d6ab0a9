/* Extended grapheme clusters (UAX #29) over UTF-8, once for both backends, so grapheme counts and
 * indices agree everywhere (the platforms' own breakers differ, and Wine's is not Windows'). */
#include <stdlib.h>
#include "osapi.h"

enum {
	gbOther,
	gbCR,
	gbLF,
	gbControl,
	gbExtend,
	gbZWJ,
	gbRI,
	gbPrepend,
	gbSpacingMark,
	gbL,
	gbV,
	gbT,
	gbLV,
	gbLVT,
	gbPict,
};

#include "graphemes_table.h"

static int classOf(uint32_t cp)
{
	size_t lo = 0, hi = sizeof graphemeRanges / sizeof graphemeRanges[0];

	if (cp >= 0xAC00 && cp <= 0xD7A3)
		return (cp - 0xAC00) % 28 == 0 ? gbLV : gbLVT;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < graphemeRanges[mid].lo)
			hi = mid;
		else if (cp > graphemeRanges[mid].hi)
			lo = mid + 1;
		else
			return graphemeRanges[mid].klass;
	}
	return gbOther;
}

/* Decodes the (valid) UTF-8 character at s; *n gets its length. */
static uint32_t decode(const unsigned char *s, size_t *n)
{
	if (s[0] < 0x80) {
		*n = 1;
		return s[0];
	}
	if (s[0] < 0xE0) {
		*n = 2;
		return ((uint32_t) (s[0] & 0x1F) << 6) | (s[1] & 0x3F);
	}
	if (s[0] < 0xF0) {
		*n = 3;
		return ((uint32_t) (s[0] & 0x0F) << 12) | ((uint32_t) (s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	}
	*n = 4;
	return ((uint32_t) (s[0] & 0x07) << 18) | ((uint32_t) (s[1] & 0x3F) << 12) | ((uint32_t) (s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

/* Whether UAX #29 puts a boundary between prev and next; pictZwj: the cluster so far ends in
 * Pict Extend* ZWJ (rule GB11); riOdd: an odd number of regional indicators precede next (GB12/13). */
static int breakBetween(int prev, int next, int pictZwj, int riOdd)
{
	if (prev == gbCR && next == gbLF)
		return 0; /* GB3 */
	if (prev == gbControl || prev == gbCR || prev == gbLF)
		return 1; /* GB4 */
	if (next == gbControl || next == gbCR || next == gbLF)
		return 1; /* GB5 */
	if (prev == gbL && (next == gbL || next == gbV || next == gbLV || next == gbLVT))
		return 0; /* GB6 */
	if ((prev == gbLV || prev == gbV) && (next == gbV || next == gbT))
		return 0; /* GB7 */
	if ((prev == gbLVT || prev == gbT) && next == gbT)
		return 0; /* GB8 */
	if (next == gbExtend || next == gbZWJ)
		return 0; /* GB9 */
	if (next == gbSpacingMark)
		return 0; /* GB9a */
	if (prev == gbPrepend)
		return 0; /* GB9b */
	if (prev == gbZWJ && next == gbPict && pictZwj)
		return 0; /* GB11 */
	if (prev == gbRI && next == gbRI && riOdd)
		return 0; /* GB12, GB13 */
	return 1; /* GB999 */
}

size_t *uiprivGraphemeStarts(const char *text, size_t len, size_t *count)
{
	const unsigned char *s = (const unsigned char *) text;
	size_t *starts = (size_t *) uiprivAlloc((len + 1) * sizeof *starts);
	size_t n = 0, i = 0, step;
	int prev = -1, ris = 0;
	/* 0: no Pict seen in this cluster; 1: Pict Extend* so far; 2: ... followed by ZWJ. */
	int pict = 0;

	while (i < len) {
		int k = classOf(decode(s + i, &step));
		if (prev < 0 || breakBetween(prev, k, pict == 2, ris % 2 == 1)) {
			starts[n++] = i;
			pict = 0;
			ris = 0;
		}
		if (k == gbPict)
			pict = 1;
		else if (k == gbZWJ && pict == 1)
			pict = 2;
		else if (k != gbExtend || pict == 2)
			pict = 0;
		ris = k == gbRI ? ris + 1 : 0;
		prev = k;
		i += step;
	}
	starts[n] = len;
	*count = n;
	return starts;
}
