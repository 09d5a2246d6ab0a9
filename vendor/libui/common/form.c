/* uiForm: its public functions and row list over the hooks in osapi.h. */
#include "osapi.h"

/* Public functions reject anything but a live uiForm, naming themselves. */
#define checked(x) ((uiForm *) uiprivCheck((x), &uiprivFormVtable, __func__))
#define shared(f) ((uiprivFormShared *) uiControl(f)->shared)

void uiFormAppend(uiForm *f, const char *label, uiControl *c, int stretchy)
{
	uiprivFormShared *s;
	void *native;
	char *text;

	if (checked(f) == NULL || !uiprivControlCanAdopt(uiControl(f), c, __func__))
		return;
	s = shared(f);
	text = uiprivSanitize(label);
	native = uiprivOSFormNewLabel(f, text);
	uiFreeText(text);
	if (native == NULL) {
		uiprivUserBug(__func__, "the row's label could not be made");
		return;
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 4;
		s->rows = (uiprivFormRow *) uiprivRealloc(s->rows, (size_t) s->cap * sizeof (uiprivFormRow));
	}
	s->rows[s->n].c = c;
	s->rows[s->n].label = native;
	s->rows[s->n].stretchy = stretchy != 0;
	s->n++;
	uiprivSetParent(c, uiControl(f));
	uiprivOSFormRowAppended(f);
}

int uiFormNumChildren(uiForm *f)
{
	if (checked(f) == NULL)
		return 0;
	return shared(f)->n;
}

void uiprivFormRemoveRow(uiForm *f, int index)
{
	uiprivFormShared *s = shared(f);
	uiprivFormRow gone = s->rows[index];
	int i;

	s->n--;
	for (i = index; i < s->n; i++)
		s->rows[i] = s->rows[i + 1];
	uiprivSetParent(gone.c, NULL);
	uiprivOSFormRowRemoved(f, index, &gone);
}

void uiFormDelete(uiForm *f, int index)
{
	if (checked(f) == NULL || !uiprivIndexValid(index, 0, shared(f)->n - 1, __func__))
		return;
	uiprivFormRemoveRow(f, index);
}

int uiFormPadded(uiForm *f)
{
	if (checked(f) == NULL)
		return 0;
	return shared(f)->padded;
}

void uiFormSetPadded(uiForm *f, int padded)
{
	if (checked(f) == NULL)
		return;
	shared(f)->padded = padded != 0;
	uiprivOSFormSyncPadded(f);
}

uiForm *uiNewForm(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return uiprivOSNewForm();
}
