/* uiAttributedString: UTF-8 text with attribute spans on byte ranges, kept in step with every edit. */
#include <stdlib.h>
#include <string.h>
#include "osapi.h"

/* Spans in one string: a bound on what one program can make us allocate and sort. */
#define maxSpans ((size_t) 1 << 20)

static uiprivPtrSet liveStrings;

uiAttributedString *uiprivCheckAttributedString(const uiAttributedString *s, const char *func)
{
	if (!uiprivReady(func))
		return NULL;
	if (s == NULL) {
		uiprivUserBug(func, "the attributed string is NULL");
		return NULL;
	}
	if (!uiprivPtrSetHas(&liveStrings, s)) {
		uiprivUserBug(func, "%p is not a live uiAttributedString (freed, or never one)", (const void *) s);
		return NULL;
	}
	return (uiAttributedString *) s;
}

/* A string that may change: not inside its own ForEach. */
static uiAttributedString *writable(uiAttributedString *s, const char *func)
{
	if (uiprivCheckAttributedString(s, func) == NULL)
		return NULL;
	if (s->iterating) {
		uiprivUserBug(func, "the string is being iterated by uiAttributedStringForEachAttribute");
		return NULL;
	}
	return s;
}

/* Whether pos is within the text and on a character boundary; else a user bug naming func. */
static int boundary(const uiAttributedString *s, size_t pos, const char *what, const char *func)
{
	if (pos > s->len) {
		uiprivUserBug(func, "%s %u is past the end (%u bytes)", what, (unsigned) pos, (unsigned) s->len);
		return 0;
	}
	if (pos < s->len && ((unsigned char) s->text[pos] & 0xC0) == 0x80) {
		uiprivUserBug(func, "%s %u is inside a UTF-8 character", what, (unsigned) pos);
		return 0;
	}
	return 1;
}

static int range(const uiAttributedString *s, size_t start, size_t end, const char *func)
{
	if (!boundary(s, start, "start", func) || !boundary(s, end, "end", func))
		return 0;
	if (start > end) {
		uiprivUserBug(func, "start %u is after end %u", (unsigned) start, (unsigned) end);
		return 0;
	}
	return 1;
}

static void textChanged(uiAttributedString *s)
{
	free(s->graphemes);
	s->graphemes = NULL;
}

uiAttributedString *uiNewAttributedString(const char *initialString)
{
	uiAttributedString *s;

	if (!uiprivReady(__func__))
		return NULL;
	s = (uiAttributedString *) uiprivAlloc(sizeof *s);
	s->text = uiprivSanitize(initialString);
	s->len = strlen(s->text);
	uiprivPtrSetAdd(&liveStrings, s);
	return s;
}

void uiFreeAttributedString(uiAttributedString *s)
{
	size_t i;

	if (writable(s, __func__) == NULL)
		return;
	uiprivPtrSetRemove(&liveStrings, s);
	for (i = 0; i < s->nspans; i++)
		uiprivAttributeRelease(s->spans[i].attr);
	free(s->spans);
	free(s->graphemes);
	free(s->text);
	free(s);
}

const char *uiAttributedStringString(const uiAttributedString *s)
{
	if (uiprivCheckAttributedString(s, __func__) == NULL)
		return NULL;
	return s->text;
}

size_t uiAttributedStringLen(const uiAttributedString *s)
{
	if (uiprivCheckAttributedString(s, __func__) == NULL)
		return 0;
	return s->len;
}

static void addSpan(uiAttributedString *s, uiAttribute *a, size_t start, size_t end)
{
	if (s->nspans == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		s->spans = (uiprivTextSpan *) uiprivRealloc(s->spans, s->cap * sizeof *s->spans);
	}
	uiprivAttributeRetain(a);
	s->spans[s->nspans].attr = a;
	s->spans[s->nspans].start = start;
	s->spans[s->nspans].end = end;
	s->nspans++;
}

static int bySpanStart(const void *x, const void *y)
{
	const uiprivTextSpan *a = (const uiprivTextSpan *) x, *b = (const uiprivTextSpan *) y;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->attr->type != b->attr->type)
		return a->attr->type < b->attr->type ? -1 : 1;
	return a->end < b->end ? -1 : a->end > b->end;
}

/* Drops empty spans and puts the rest in order of start (then type): the order ForEach reports. */
static void tidy(uiAttributedString *s)
{
	size_t i, o = 0;

	for (i = 0; i < s->nspans; i++) {
		if (s->spans[i].start >= s->spans[i].end)
			uiprivAttributeRelease(s->spans[i].attr);
		else
			s->spans[o++] = s->spans[i];
	}
	s->nspans = o;
	if (s->nspans > 1)
		qsort(s->spans, s->nspans, sizeof *s->spans, bySpanStart);
}

void uiAttributedStringInsertAtUnattributed(uiAttributedString *s, const char *str, size_t at)
{
	char *add, *text;
	size_t n, i, count;

	if (writable(s, __func__) == NULL || !boundary(s, at, "at", __func__))
		return;
	add = uiprivSanitizeFit(str, s->len);
	n = strlen(add);
	if (n == 0) {
		free(add);
		return;
	}
	text = (char *) uiprivAlloc(s->len + n + 1);
	memcpy(text, s->text, at);
	memcpy(text + at, add, n);
	memcpy(text + at + n, s->text + at, s->len - at + 1);
	free(add);
	free(s->text);
	s->text = text;
	s->len += n;
	/* A span across at is split so the new text stays unattributed. */
	count = s->nspans;
	for (i = 0; i < count; i++) {
		uiprivTextSpan *sp = &s->spans[i];
		if (sp->end <= at)
			continue;
		if (sp->start >= at) {
			sp->start += n;
			sp->end += n;
			continue;
		}
		addSpan(s, sp->attr, at + n, s->spans[i].end + n);
		s->spans[i].end = at;
	}
	tidy(s);
	textChanged(s);
}

void uiAttributedStringAppendUnattributed(uiAttributedString *s, const char *str)
{
	if (uiprivCheckAttributedString(s, __func__) == NULL)
		return;
	uiAttributedStringInsertAtUnattributed(s, str, s->len);
}

static size_t afterDelete(size_t x, size_t start, size_t end)
{
	if (x <= start)
		return x;
	if (x >= end)
		return x - (end - start);
	return start;
}

void uiAttributedStringDelete(uiAttributedString *s, size_t start, size_t end)
{
	size_t i;

	if (writable(s, __func__) == NULL || !range(s, start, end, __func__) || start == end)
		return;
	memmove(s->text + start, s->text + end, s->len - end + 1);
	s->len -= end - start;
	for (i = 0; i < s->nspans; i++) {
		s->spans[i].start = afterDelete(s->spans[i].start, start, end);
		s->spans[i].end = afterDelete(s->spans[i].end, start, end);
	}
	tidy(s);
	textChanged(s);
}

void uiAttributedStringSetAttribute(uiAttributedString *s, uiAttribute *a, size_t start, size_t end)
{
	size_t i, count;

	if (writable(s, __func__) == NULL || uiprivCheckAttribute(a, __func__) == NULL || !range(s, start, end, __func__))
		return;
	/* Held for the call, so an attribute given for an empty range still passes to the string (and goes). */
	uiprivAttributeRetain(a);
	if (start < end && s->nspans >= maxSpans - 1) {
		uiprivUserBug(__func__, "the string already has the most attribute runs allowed (%u)", (unsigned) maxSpans);
		start = end;
	}
	count = start < end ? s->nspans : 0;
	/* Attributes of the same type give way in [start, end). */
	for (i = 0; i < count; i++) {
		uiprivTextSpan *sp = &s->spans[i];
		if (sp->attr->type != a->type || sp->end <= start || sp->start >= end)
			continue;
		if (sp->start < start && sp->end > end) {
			addSpan(s, sp->attr, end, s->spans[i].end);
			s->spans[i].end = start;
		} else if (sp->start < start)
			sp->end = start;
		else
			sp->start = end < sp->end ? end : sp->end;
	}
	if (start < end)
		addSpan(s, a, start, end);
	tidy(s);
	uiprivAttributeRelease(a);
}

void uiAttributedStringForEachAttribute(const uiAttributedString *cs, uiAttributedStringForEachAttributeFunc f, void *data)
{
	uiAttributedString *s = uiprivCheckAttributedString(cs, __func__);
	size_t i;

	if (s == NULL)
		return;
	if (f == NULL) {
		uiprivUserBug(__func__, "the function is NULL");
		return;
	}
	s->iterating++;
	for (i = 0; i < s->nspans; i++)
		if (f(s, s->spans[i].attr, s->spans[i].start, s->spans[i].end, data) == uiForEachStop)
			break;
	s->iterating--;
}

static void needGraphemes(uiAttributedString *s)
{
	if (s->graphemes == NULL)
		s->graphemes = uiprivGraphemeStarts(s->text, s->len, &s->ngraphemes);
}

size_t uiAttributedStringNumGraphemes(uiAttributedString *s)
{
	if (uiprivCheckAttributedString(s, __func__) == NULL)
		return 0;
	needGraphemes(s);
	return s->ngraphemes;
}

size_t uiAttributedStringByteIndexToGrapheme(uiAttributedString *s, size_t pos)
{
	size_t lo, hi;

	if (uiprivCheckAttributedString(s, __func__) == NULL)
		return 0;
	needGraphemes(s);
	if (pos > s->len) {
		uiprivUserBug(__func__, "byte %u is past the end (%u bytes)", (unsigned) pos, (unsigned) s->len);
		return s->ngraphemes;
	}
	/* The last grapheme starting at or before pos (starts[ngraphemes] is len). */
	lo = 0;
	hi = s->ngraphemes;
	while (lo < hi) {
		size_t mid = (lo + hi + 1) / 2;
		if (s->graphemes[mid] <= pos)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

size_t uiAttributedStringGraphemeToByteIndex(uiAttributedString *s, size_t pos)
{
	if (uiprivCheckAttributedString(s, __func__) == NULL)
		return 0;
	needGraphemes(s);
	if (pos > s->ngraphemes) {
		uiprivUserBug(__func__, "grapheme %u is past the end (%u graphemes)", (unsigned) pos, (unsigned) s->ngraphemes);
		return s->len;
	}
	return s->graphemes[pos];
}
