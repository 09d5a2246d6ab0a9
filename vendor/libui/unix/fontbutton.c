/* uiFontButton on GTK 3: a GtkFontButton, whose dialog is GTK's font chooser. */
#include "uipriv_unix.h"

struct uiFontButton {
	uiControl c;
	GtkWidget *widget;
	void (*onChanged)(uiFontButton *b, void *data);
	void *onChangedData;
};

static const uiprivControlVtable fontButtonVtable = {
	"uiFontButton", 0, uiprivGtkFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

/* Public functions reject anything but a live uiFontButton, naming themselves. */
#define checked(x) ((uiFontButton *) uiprivCheck((x), &fontButtonVtable, __func__))

/* "font-set" comes only from the user's choice in the dialog. */
static void onFontSet(GtkFontButton *button, gpointer data)
{
	uiFontButton *b = (uiFontButton *) data;

	(void) button;
	if (b->onChanged != NULL)
		b->onChanged(b, b->onChangedData);
}

void uiFontButtonFont(uiFontButton *b, uiFontDescriptor *desc)
{
	PangoFontDescription *pd;
	int weight, style, stretch;

	if (!uiprivFontOut(desc, __func__))
		return;
	if (checked(b) == NULL) {
		uiprivFontRejected(desc);
		return;
	}
	pd = gtk_font_chooser_get_font_desc(GTK_FONT_CHOOSER(b->widget));
	if (pd == NULL) {
		uiprivFontRejected(desc);
		return;
	}
	desc->Family = uiprivSanitize(pango_font_description_get_family(pd));
	desc->Size = (double) pango_font_description_get_size(pd) / PANGO_SCALE;
	/* Pango's weights are the same scale; its styles and stretches are in libui-ng's order. */
	weight = (int) pango_font_description_get_weight(pd);
	desc->Weight = (uiTextWeight) uiprivClamp(weight, uiTextWeightMinimum, uiTextWeightMaximum);
	style = (int) pango_font_description_get_style(pd);
	desc->Italic = style == PANGO_STYLE_ITALIC ? uiTextItalicItalic
		: style == PANGO_STYLE_OBLIQUE ? uiTextItalicOblique : uiTextItalicNormal;
	stretch = (int) pango_font_description_get_stretch(pd);
	desc->Stretch = (uiTextStretch) uiprivClamp(stretch, uiTextStretchUltraCondensed, uiTextStretchUltraExpanded);
	pango_font_description_free(pd);
}

void uiFontButtonOnChanged(uiFontButton *b, void (*f)(uiFontButton *b, void *data), void *data)
{
	if (checked(b) == NULL)
		return;
	b->onChanged = f;
	b->onChangedData = data;
}

uiFontButton *uiNewFontButton(void)
{
	uiFontButton *b;

	if (!uiprivReady(__func__))
		return NULL;
	b = (uiFontButton *) uiprivNewControl(sizeof (uiFontButton), &fontButtonVtable, 1);
	uiprivGtkAdopt(uiControl(b), gtk_font_button_new());
	/* The button shows the font in itself, so the user sees the choice. */
	gtk_font_button_set_use_font(GTK_FONT_BUTTON(b->widget), TRUE);
	g_signal_connect(b->widget, "font-set", G_CALLBACK(onFontSet), b);
	return b;
}
