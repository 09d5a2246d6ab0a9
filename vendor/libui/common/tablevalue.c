/* uiTableValue: the cell values a model hands to a table, all platform-free. */
#include <stdlib.h>
#include "osapi.h"

#define checked(v) ((uiTableValue *) uiprivObjectCheck((v), uiprivObjectTableValue, __func__))

static const char *const typeNames[] = { "string", "image", "int", "color" };

static uiTableValue *newValue(uiTableValueType type)
{
	uiTableValue *v = (uiTableValue *) uiprivAlloc(sizeof (uiTableValue));

	v->type = type;
	uiprivObjectAdd(v, uiprivObjectTableValue);
	return v;
}

/* v if it is a live value of type, else NULL after a user bug naming func. */
static const uiTableValue *typed(const uiTableValue *v, uiTableValueType type, const char *func)
{
	if (uiprivObjectCheck(v, uiprivObjectTableValue, func) == NULL)
		return NULL;
	if (v->type != type) {
		uiprivUserBug(func, "the value is a %s, not a %s", typeNames[v->type], typeNames[type]);
		return NULL;
	}
	return v;
}

void uiFreeTableValue(uiTableValue *v)
{
	if (!uiprivReady(__func__) || checked(v) == NULL)
		return;
	uiprivObjectRemove(v, uiprivObjectTableValue);
	if (v->type == uiTableValueTypeString)
		free(v->u.str);
	if (v->type == uiTableValueTypeImage)
		v->u.img->users--;
	free(v);
}

uiTableValueType uiTableValueGetType(const uiTableValue *v)
{
	if (!uiprivReady(__func__) || checked(v) == NULL)
		return uiTableValueTypeString;
	return v->type;
}

uiTableValue *uiNewTableValueString(const char *str)
{
	uiTableValue *v;

	if (!uiprivReady(__func__))
		return NULL;
	v = newValue(uiTableValueTypeString);
	v->u.str = uiprivSanitize(str);
	return v;
}

const char *uiTableValueString(const uiTableValue *v)
{
	if (!uiprivReady(__func__) || typed(v, uiTableValueTypeString, __func__) == NULL)
		return "";
	return v->u.str;
}

uiTableValue *uiNewTableValueImage(uiImage *img)
{
	uiTableValue *v;

	if (!uiprivReady(__func__) || uiprivObjectCheck(img, uiprivObjectImage, __func__) == NULL)
		return NULL;
	v = newValue(uiTableValueTypeImage);
	v->u.img = img;
	img->users++;
	return v;
}

uiImage *uiTableValueImage(const uiTableValue *v)
{
	if (!uiprivReady(__func__) || typed(v, uiTableValueTypeImage, __func__) == NULL)
		return NULL;
	return v->u.img;
}

uiTableValue *uiNewTableValueInt(int i)
{
	uiTableValue *v;

	if (!uiprivReady(__func__))
		return NULL;
	v = newValue(uiTableValueTypeInt);
	v->u.i = i;
	return v;
}

int uiTableValueInt(const uiTableValue *v)
{
	if (!uiprivReady(__func__) || typed(v, uiTableValueTypeInt, __func__) == NULL)
		return 0;
	return v->u.i;
}

uiTableValue *uiNewTableValueColor(double r, double g, double b, double a)
{
	uiTableValue *v;

	if (!uiprivReady(__func__) || !uiprivColorValid(r, g, b, a, __func__))
		return NULL;
	v = newValue(uiTableValueTypeColor);
	v->u.rgba[0] = r;
	v->u.rgba[1] = g;
	v->u.rgba[2] = b;
	v->u.rgba[3] = a;
	return v;
}

void uiTableValueColor(const uiTableValue *v, double *r, double *g, double *b, double *a)
{
	static const double none[4] = { 0, 0, 0, 0 };
	const uiTableValue *ok = uiprivReady(__func__) ? typed(v, uiTableValueTypeColor, __func__) : NULL;

	uiprivColorOut(ok != NULL ? ok->u.rgba : none, r, g, b, a, __func__);
}
