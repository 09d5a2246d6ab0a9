/* uiLabel: its public functions over the hooks in osapi.h. */
#include "osapi.h"

/* Public functions reject anything but a live uiLabel, naming themselves. */
#define checked(x) ((uiLabel *) uiprivCheck((x), &uiprivLabelVtable, __func__))

char *uiLabelText(uiLabel *l)
{
	if (checked(l) == NULL)
		return uiprivSanitize(NULL);
	return uiprivOSLabelText(l);
}

void uiLabelSetText(uiLabel *l, const char *text)
{
	char *t;

	if (checked(l) == NULL)
		return;
	t = uiprivSanitize(text);
	uiprivOSLabelSetText(l, t);
	uiFreeText(t);
}

uiLabel *uiNewLabel(const char *text)
{
	uiLabel *l;

	if (!uiprivReady(__func__))
		return NULL;
	l = uiprivOSNewLabel();
	if (l != NULL)
		uiLabelSetText(l, text);
	return l;
}
