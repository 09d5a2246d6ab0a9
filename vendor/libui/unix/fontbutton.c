/* uiFontButton on GTK 3: a GtkFontButton, whose dialog is GTK's font chooser (the public functions
 * are in common/fontbutton.c). */
#include "uipriv_unix.h"
#include "osapi.h"

struct uiFontButton {
	uiControl c;
	GtkWidget *widget;
	uiprivFontButtonShared shared;
};

const uiprivControlVtable uiprivFontButtonVtable = {
	"uiFontButton", 0, uiprivGtkFree, uiprivGtkHandle, uiprivGtkSyncVisible, uiprivGtkSyncEnabled, NULL,
};

/* "font-set" comes only from the user's choice in the dialog. */
static void onFontSet(GtkFontButton *button, gpointer data)
{
	(void) button;
	uiprivFontButtonChangedByUser((uiFontButton *) data);
}

/* Pango's weights are the same scale as libui-ng's; its styles and stretches are in libui-ng's order. */
static void fromPango(const PangoFontDescription *pd, uiFontDescriptor *desc)
{
	int weight, style, stretch;
	double size;

	desc->Family = uiprivSanitize(pango_font_description_get_family(pd));
	size = (double) pango_font_description_get_size(pd) / PANGO_SCALE;
	/* An absolute size is in device units (96 per inch), not points. */
	if (pango_font_description_get_size_is_absolute(pd))
		size = size * 72.0 / 96.0;
	desc->Size = size;
	weight = (int) pango_font_description_get_weight(pd);
	desc->Weight = (uiTextWeight) uiprivClamp(weight, uiTextWeightMinimum, uiTextWeightMaximum);
	style = (int) pango_font_description_get_style(pd);
	desc->Italic = style == PANGO_STYLE_ITALIC ? uiTextItalicItalic
		: style == PANGO_STYLE_OBLIQUE ? uiTextItalicOblique : uiTextItalicNormal;
	stretch = (int) pango_font_description_get_stretch(pd);
	desc->Stretch = (uiTextStretch) uiprivClamp(stretch, uiTextStretchUltraCondensed, uiTextStretchUltraExpanded);
}

int uiprivOSFontButtonFont(uiFontButton *b, uiFontDescriptor *desc)
{
	PangoFontDescription *pd = gtk_font_chooser_get_font_desc(GTK_FONT_CHOOSER(b->widget));

	if (pd == NULL)
		return 0;
	fromPango(pd, desc);
	pango_font_description_free(pd);
	return 1;
}

/* The font GTK gives controls: the gtk-font-name setting.  GTK itself falls back to "Sans 10" when the
 * setting is empty or names no size. */
static PangoFontDescription *controlFont(void)
{
	GtkSettings *settings = gtk_settings_get_default();
	gchar *name = NULL;
	PangoFontDescription *pd;

	if (settings != NULL)
		g_object_get(settings, "gtk-font-name", &name, NULL);
	pd = pango_font_description_from_string(name != NULL && name[0] != '\0' ? name : "Sans 10");
	g_free(name);
	if (pd != NULL && pango_font_description_get_size(pd) <= 0)
		pango_font_description_set_size(pd, 10 * PANGO_SCALE);
	return pd;
}

int uiprivOSControlFont(uiFontDescriptor *desc)
{
	PangoFontDescription *pd = controlFont();

	if (pd == NULL)
		return 0;
	fromPango(pd, desc);
	pango_font_description_free(pd);
	return 1;
}

uiFontButton *uiprivOSNewFontButton(void)
{
	uiFontButton *b = (uiFontButton *) uiprivNewControl(sizeof (uiFontButton), &uiprivFontButtonVtable, 1);
	PangoFontDescription *pd;

	b->c.shared = &b->shared;
	uiprivGtkAdopt(uiControl(b), gtk_font_button_new());
	/* The button shows the font in itself, so the user sees the choice. */
	gtk_font_button_set_use_font(GTK_FONT_BUTTON(b->widget), TRUE);
	/* GtkFontButton starts at "Sans 12"; ui.h promises the control font, as on Windows. */
	pd = controlFont();
	if (pd != NULL) {
		gtk_font_chooser_set_font_desc(GTK_FONT_CHOOSER(b->widget), pd);
		pango_font_description_free(pd);
	}
	g_signal_connect(b->widget, "font-set", G_CALLBACK(onFontSet), b);
	return b;
}
