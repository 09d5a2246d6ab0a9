/* uiAttribute and uiOpenTypeFeatures: values checked when made, ownership passed to strings. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "osapi.h"

/* Features in one set: far beyond any font's, and a bound on what a program can make us allocate. */
#define maxFeatures 4096

static uiprivPtrSet liveAttributes, liveFeatures;

uiAttribute *uiprivCheckAttribute(const uiAttribute *a, const char *func)
{
	if (!uiprivReady(func))
		return NULL;
	if (a == NULL) {
		uiprivUserBug(func, "the attribute is NULL");
		return NULL;
	}
	if (!uiprivPtrSetHas(&liveAttributes, a)) {
		uiprivUserBug(func, "%p is not a live uiAttribute (freed, or never one)", (const void *) a);
		return NULL;
	}
	return (uiAttribute *) a;
}

static uiOpenTypeFeatures *checkFeatures(const uiOpenTypeFeatures *otf, const char *func)
{
	if (!uiprivReady(func))
		return NULL;
	if (otf == NULL) {
		uiprivUserBug(func, "the feature set is NULL");
		return NULL;
	}
	if (!uiprivPtrSetHas(&liveFeatures, otf)) {
		uiprivUserBug(func, "%p is not a live uiOpenTypeFeatures (freed, or never one)", (const void *) otf);
		return NULL;
	}
	return (uiOpenTypeFeatures *) otf;
}

static void freeFeatures(uiOpenTypeFeatures *otf)
{
	uiprivPtrSetRemove(&liveFeatures, otf);
	free(otf->tags);
	free(otf->values);
	free(otf);
}

static void destroy(uiAttribute *a)
{
	uiprivPtrSetRemove(&liveAttributes, a);
	free(a->family);
	if (a->features != NULL)
		freeFeatures(a->features);
	free(a);
}

void uiprivAttributeRetain(uiAttribute *a)
{
	a->refs++;
	a->userOwned = 0;
}

void uiprivAttributeRelease(uiAttribute *a)
{
	if (--a->refs == 0 && !a->userOwned)
		destroy(a);
}

static uiAttribute *newAttribute(uiAttributeType type)
{
	uiAttribute *a = (uiAttribute *) uiprivAlloc(sizeof *a);

	a->type = type;
	a->userOwned = 1;
	uiprivPtrSetAdd(&liveAttributes, a);
	return a;
}

void uiFreeAttribute(uiAttribute *a)
{
	if (uiprivCheckAttribute(a, __func__) == NULL)
		return;
	if (!a->userOwned) {
		uiprivUserBug(__func__, "the attribute was given to a uiAttributedString, which frees it");
		return;
	}
	destroy(a);
}

uiAttributeType uiAttributeGetType(const uiAttribute *a)
{
	if (uiprivCheckAttribute(a, __func__) == NULL)
		return 0;
	return a->type;
}

/* a if it is a live attribute of type t, else NULL after a user bug naming func. */
static const uiAttribute *typed(const uiAttribute *a, uiAttributeType t, const char *func)
{
	if (uiprivCheckAttribute(a, func) == NULL)
		return NULL;
	if (a->type != t) {
		uiprivUserBug(func, "the attribute is of type %d, not %d", (int) a->type, (int) t);
		return NULL;
	}
	return a;
}

uiAttribute *uiNewFamilyAttribute(const char *family)
{
	uiAttribute *a;

	if (!uiprivReady(__func__))
		return NULL;
	a = newAttribute(uiAttributeTypeFamily);
	a->family = uiprivSanitize(family);
	return a;
}

const char *uiAttributeFamily(const uiAttribute *a)
{
	if (typed(a, uiAttributeTypeFamily, __func__) == NULL)
		return NULL;
	return a->family;
}

/* Sizes above this are a user bug: no screen shows them, and backends overflow on huge ones. */
#define maxSize 10000

int uiprivFontSizeValid(double size, const char *func)
{
	if (!isfinite(size) || size <= 0 || size > maxSize) {
		uiprivUserBug(func, "the size is not a number above 0 and at most %d", maxSize);
		return 0;
	}
	return 1;
}

uiAttribute *uiNewSizeAttribute(double size)
{
	uiAttribute *a;

	if (!uiprivReady(__func__) || !uiprivFontSizeValid(size, __func__))
		return NULL;
	a = newAttribute(uiAttributeTypeSize);
	a->size = size;
	return a;
}

double uiAttributeSize(const uiAttribute *a)
{
	if (typed(a, uiAttributeTypeSize, __func__) == NULL)
		return 0;
	return a->size;
}

int uiprivFontStyleValid(uiTextWeight weight, uiTextItalic italic, uiTextStretch stretch, const char *func)
{
	if (weight > uiTextWeightMaximum) {
		uiprivUserBug(func, "weight %u is above uiTextWeightMaximum", weight);
		return 0;
	}
	if (italic > uiTextItalicItalic) {
		uiprivUserBug(func, "%u is not a uiTextItalic", italic);
		return 0;
	}
	if (stretch > uiTextStretchUltraExpanded) {
		uiprivUserBug(func, "%u is not a uiTextStretch", stretch);
		return 0;
	}
	return 1;
}

uiAttribute *uiNewWeightAttribute(uiTextWeight weight)
{
	uiAttribute *a;

	if (!uiprivReady(__func__) || !uiprivFontStyleValid(weight, 0, uiTextStretchNormal, __func__))
		return NULL;
	a = newAttribute(uiAttributeTypeWeight);
	a->weight = weight;
	return a;
}

uiTextWeight uiAttributeWeight(const uiAttribute *a)
{
	if (typed(a, uiAttributeTypeWeight, __func__) == NULL)
		return 0;
	return a->weight;
}

uiAttribute *uiNewItalicAttribute(uiTextItalic italic)
{
	uiAttribute *a;

	if (!uiprivReady(__func__) || !uiprivFontStyleValid(uiTextWeightNormal, italic, uiTextStretchNormal, __func__))
		return NULL;
	a = newAttribute(uiAttributeTypeItalic);
	a->italic = italic;
	return a;
}

uiTextItalic uiAttributeItalic(const uiAttribute *a)
{
	if (typed(a, uiAttributeTypeItalic, __func__) == NULL)
		return 0;
	return a->italic;
}

uiAttribute *uiNewStretchAttribute(uiTextStretch stretch)
{
	uiAttribute *a;

	if (!uiprivReady(__func__) || !uiprivFontStyleValid(uiTextWeightNormal, 0, stretch, __func__))
		return NULL;
	a = newAttribute(uiAttributeTypeStretch);
	a->stretch = stretch;
	return a;
}

uiTextStretch uiAttributeStretch(const uiAttribute *a)
{
	if (typed(a, uiAttributeTypeStretch, __func__) == NULL)
		return 0;
	return a->stretch;
}

static uiAttribute *colored(uiAttributeType type, double r, double g, double b, double alpha, const char *func)
{
	uiAttribute *a;

	if (!uiprivReady(func) || !uiprivColorValid(r, g, b, alpha, func))
		return NULL;
	a = newAttribute(type);
	a->r = r;
	a->g = g;
	a->b = b;
	a->a = alpha;
	return a;
}

uiAttribute *uiNewColorAttribute(double r, double g, double b, double a)
{
	return colored(uiAttributeTypeColor, r, g, b, a, __func__);
}

uiAttribute *uiNewBackgroundAttribute(double r, double g, double b, double a)
{
	return colored(uiAttributeTypeBackground, r, g, b, a, __func__);
}

void uiAttributeColor(const uiAttribute *a, double *r, double *g, double *b, double *alpha)
{
	double rgba[4] = { 0, 0, 0, 0 };

	if (uiprivCheckAttribute(a, __func__) != NULL) {
		if (a->type == uiAttributeTypeColor || a->type == uiAttributeTypeBackground || a->type == uiAttributeTypeUnderlineColor) {
			rgba[0] = a->r;
			rgba[1] = a->g;
			rgba[2] = a->b;
			rgba[3] = a->a;
		} else
			uiprivUserBug(__func__, "an attribute of type %d has no colour", (int) a->type);
	}
	uiprivColorOut(rgba, r, g, b, alpha, __func__);
}

uiAttribute *uiNewUnderlineAttribute(uiUnderline u)
{
	uiAttribute *a;

	if (!uiprivReady(__func__))
		return NULL;
	if (u > uiUnderlineSuggestion) {
		uiprivUserBug(__func__, "%u is not a uiUnderline", u);
		return NULL;
	}
	a = newAttribute(uiAttributeTypeUnderline);
	a->underline = u;
	return a;
}

uiUnderline uiAttributeUnderline(const uiAttribute *a)
{
	if (typed(a, uiAttributeTypeUnderline, __func__) == NULL)
		return 0;
	return a->underline;
}

uiAttribute *uiNewUnderlineColorAttribute(uiUnderlineColor u, double r, double g, double b, double alpha)
{
	uiAttribute *a;

	if (!uiprivReady(__func__))
		return NULL;
	if (u > uiUnderlineColorAuxiliary) {
		uiprivUserBug(__func__, "%u is not a uiUnderlineColor", u);
		return NULL;
	}
	if (u != uiUnderlineColorCustom)
		r = g = b = alpha = 0;
	a = colored(uiAttributeTypeUnderlineColor, r, g, b, alpha, __func__);
	if (a != NULL)
		a->underlineColor = u;
	return a;
}

void uiAttributeUnderlineColor(const uiAttribute *a, uiUnderlineColor *u, double *r, double *g, double *b, double *alpha)
{
	double rgba[4] = { 0, 0, 0, 0 };
	uiUnderlineColor kind = 0;

	if (typed(a, uiAttributeTypeUnderlineColor, __func__) != NULL) {
		kind = a->underlineColor;
		rgba[0] = a->r;
		rgba[1] = a->g;
		rgba[2] = a->b;
		rgba[3] = a->a;
	}
	if (u != NULL)
		*u = kind;
	else
		uiprivUserBug(__func__, "the uiUnderlineColor pointer is NULL");
	uiprivColorOut(rgba, r, g, b, alpha, __func__);
}

/* ---- uiOpenTypeFeatures ---- */

static int tagOk(char a, char b, char c, char d, uint32_t *tag, const char *func)
{
	const char t[4] = { a, b, c, d };
	int i;

	for (i = 0; i < 4; i++)
		if (t[i] < 0x20 || t[i] > 0x7E) {
			uiprivUserBug(func, "tag character %d is not printable ASCII", i + 1);
			return 0;
		}
	*tag = ((uint32_t) (unsigned char) a << 24) | ((uint32_t) (unsigned char) b << 16) | ((uint32_t) (unsigned char) c << 8) | (uint32_t) (unsigned char) d;
	return 1;
}

/* Sets inside attributes are fixed (ui.h hands them out const), and none changes under its own ForEach. */
static int writable(const uiOpenTypeFeatures *otf, const char *func)
{
	if (otf->attrOwned || otf->iterating) {
		uiprivUserBug(func, "the set belongs to a uiAttribute or is being iterated, so it cannot change");
		return 0;
	}
	return 1;
}

static size_t findTag(const uiOpenTypeFeatures *otf, uint32_t tag)
{
	size_t i;

	for (i = 0; i < otf->count; i++)
		if (otf->tags[i] == tag)
			return i;
	return (size_t) -1;
}

static uiOpenTypeFeatures *newFeatures(void)
{
	uiOpenTypeFeatures *otf = (uiOpenTypeFeatures *) uiprivAlloc(sizeof *otf);

	uiprivPtrSetAdd(&liveFeatures, otf);
	return otf;
}

uiOpenTypeFeatures *uiNewOpenTypeFeatures(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return newFeatures();
}

void uiFreeOpenTypeFeatures(uiOpenTypeFeatures *otf)
{
	if (checkFeatures(otf, __func__) == NULL)
		return;
	if (otf->attrOwned) {
		uiprivUserBug(__func__, "the set belongs to a uiAttribute, which frees it");
		return;
	}
	if (otf->iterating) {
		uiprivUserBug(__func__, "the set is being iterated by uiOpenTypeFeaturesForEach");
		return;
	}
	freeFeatures(otf);
}

static uiOpenTypeFeatures *cloneFeatures(const uiOpenTypeFeatures *otf)
{
	uiOpenTypeFeatures *n = newFeatures();

	if (otf->count > 0) {
		n->cap = otf->count;
		n->count = otf->count;
		n->tags = (uint32_t *) uiprivAlloc(n->cap * sizeof *n->tags);
		n->values = (uint32_t *) uiprivAlloc(n->cap * sizeof *n->values);
		memcpy(n->tags, otf->tags, n->count * sizeof *n->tags);
		memcpy(n->values, otf->values, n->count * sizeof *n->values);
	}
	return n;
}

uiOpenTypeFeatures *uiOpenTypeFeaturesClone(const uiOpenTypeFeatures *otf)
{
	if (checkFeatures(otf, __func__) == NULL)
		return NULL;
	return cloneFeatures(otf);
}

void uiOpenTypeFeaturesAdd(uiOpenTypeFeatures *otf, char a, char b, char c, char d, uint32_t value)
{
	uint32_t tag;
	size_t i;

	if (checkFeatures(otf, __func__) == NULL || !writable(otf, __func__) || !tagOk(a, b, c, d, &tag, __func__))
		return;
	i = findTag(otf, tag);
	if (i != (size_t) -1) {
		otf->values[i] = value;
		return;
	}
	if (otf->count == maxFeatures) {
		uiprivUserBug(__func__, "the set already has the most features allowed (%d)", maxFeatures);
		return;
	}
	if (otf->count == otf->cap) {
		otf->cap = otf->cap ? otf->cap * 2 : 8;
		otf->tags = (uint32_t *) uiprivRealloc(otf->tags, otf->cap * sizeof *otf->tags);
		otf->values = (uint32_t *) uiprivRealloc(otf->values, otf->cap * sizeof *otf->values);
	}
	otf->tags[otf->count] = tag;
	otf->values[otf->count] = value;
	otf->count++;
}

void uiOpenTypeFeaturesRemove(uiOpenTypeFeatures *otf, char a, char b, char c, char d)
{
	uint32_t tag;
	size_t i;

	if (checkFeatures(otf, __func__) == NULL || !writable(otf, __func__) || !tagOk(a, b, c, d, &tag, __func__))
		return;
	i = findTag(otf, tag);
	if (i == (size_t) -1)
		return;
	memmove(otf->tags + i, otf->tags + i + 1, (otf->count - i - 1) * sizeof *otf->tags);
	memmove(otf->values + i, otf->values + i + 1, (otf->count - i - 1) * sizeof *otf->values);
	otf->count--;
}

int uiOpenTypeFeaturesGet(const uiOpenTypeFeatures *otf, char a, char b, char c, char d, uint32_t *value)
{
	uint32_t tag;
	size_t i;

	if (checkFeatures(otf, __func__) == NULL || !tagOk(a, b, c, d, &tag, __func__))
		return 0;
	if (value == NULL) {
		uiprivUserBug(__func__, "the value pointer is NULL");
		return 0;
	}
	i = findTag(otf, tag);
	if (i == (size_t) -1)
		return 0;
	*value = otf->values[i];
	return 1;
}

void uiOpenTypeFeaturesForEach(const uiOpenTypeFeatures *otf, uiOpenTypeFeaturesForEachFunc f, void *data)
{
	size_t i;

	if (checkFeatures(otf, __func__) == NULL)
		return;
	if (f == NULL) {
		uiprivUserBug(__func__, "the function is NULL");
		return;
	}
	((uiOpenTypeFeatures *) otf)->iterating++;
	for (i = 0; i < otf->count; i++) {
		uint32_t t = otf->tags[i];
		if (f(otf, (char) (t >> 24), (char) (t >> 16), (char) (t >> 8), (char) t, otf->values[i], data) == uiForEachStop)
			break;
	}
	((uiOpenTypeFeatures *) otf)->iterating--;
}

uiAttribute *uiNewFeaturesAttribute(const uiOpenTypeFeatures *otf)
{
	uiAttribute *a;

	if (checkFeatures(otf, __func__) == NULL)
		return NULL;
	a = newAttribute(uiAttributeTypeFeatures);
	a->features = cloneFeatures(otf);
	a->features->attrOwned = 1;
	return a;
}

const uiOpenTypeFeatures *uiAttributeFeatures(const uiAttribute *a)
{
	if (typed(a, uiAttributeTypeFeatures, __func__) == NULL)
		return NULL;
	return a->features;
}
