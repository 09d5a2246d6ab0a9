/* Text layouts on GTK: a PangoLayout with the string's attributes as Pango attributes, drawn by
 * pango-cairo.  Pango indexes UTF-8 bytes, as libui-ng does, so ranges pass through unchanged. */
#include <string.h>
#include "uipriv_unix.h"
#include "osapi.h"

static guint16 channel(double v)
{
	return (guint16) (v * 65535 + 0.5);
}

static void addColor(PangoAttrList *list, PangoAttribute *(*rgb)(guint16, guint16, guint16), PangoAttribute *(*alpha)(guint16), const uiAttribute *a, guint start, guint end)
{
	PangoAttribute *p = rgb(channel(a->r), channel(a->g), channel(a->b));

	p->start_index = start;
	p->end_index = end;
	pango_attr_list_insert(list, p);
	p = alpha(channel(a->a));
	p->start_index = start;
	p->end_index = end;
	pango_attr_list_insert(list, p);
}

/* CSS font-feature-settings text ("\"liga\" 0, ..."), which Pango hands to HarfBuzz. */
static char *featureString(const uiOpenTypeFeatures *otf)
{
	GString *s = g_string_new(NULL);
	size_t i;

	for (i = 0; i < otf->count; i++) {
		char tag[5];
		uint32_t t = otf->tags[i];
		tag[0] = (char) (t >> 24);
		tag[1] = (char) (t >> 16);
		tag[2] = (char) (t >> 8);
		tag[3] = (char) t;
		tag[4] = '\0';
		/* A quote or comma would end the tag or the list early: such a tag names no feature anyway. */
		if (strpbrk(tag, "\",'") != NULL)
			continue;
		g_string_append_printf(s, "%s\"%s\" %u", s->len > 0 ? ", " : "", tag, (unsigned) otf->values[i]);
	}
	return g_string_free(s, FALSE);
}

static PangoAttribute *convert(PangoAttrList *list, const uiAttribute *a, guint start, guint end)
{
	static const PangoStyle styles[] = { PANGO_STYLE_NORMAL, PANGO_STYLE_OBLIQUE, PANGO_STYLE_ITALIC };
	static const PangoUnderline underlines[] = { PANGO_UNDERLINE_NONE, PANGO_UNDERLINE_SINGLE, PANGO_UNDERLINE_DOUBLE, PANGO_UNDERLINE_ERROR };
	/* Spelling red, grammar green, other marks blue, as libui-ng's GTK backend draws them. */
	static const double marks[][3] = { { 0, 0, 0 }, { 1, 0, 0 }, { 0, 0.75, 0 }, { 0, 0, 1 } };
	char *features;
	PangoAttribute *p;

	switch (a->type) {
	case uiAttributeTypeFamily:
		return pango_attr_family_new(a->family);
	case uiAttributeTypeSize:
		return pango_attr_size_new((int) (a->size * PANGO_SCALE));
	case uiAttributeTypeWeight:
		/* Pango's weights are the same OpenType numbers. */
		return pango_attr_weight_new((PangoWeight) a->weight);
	case uiAttributeTypeItalic:
		return pango_attr_style_new(styles[a->italic]);
	case uiAttributeTypeStretch:
		/* PangoStretch lists the same widths in the same order. */
		return pango_attr_stretch_new((PangoStretch) a->stretch);
	case uiAttributeTypeColor:
		addColor(list, pango_attr_foreground_new, pango_attr_foreground_alpha_new, a, start, end);
		return NULL;
	case uiAttributeTypeBackground:
		addColor(list, pango_attr_background_new, pango_attr_background_alpha_new, a, start, end);
		return NULL;
	case uiAttributeTypeUnderline:
		return pango_attr_underline_new(underlines[a->underline]);
	case uiAttributeTypeUnderlineColor:
		if (a->underlineColor == uiUnderlineColorCustom)
			return pango_attr_underline_color_new(channel(a->r), channel(a->g), channel(a->b));
		return pango_attr_underline_color_new(channel(marks[a->underlineColor][0]), channel(marks[a->underlineColor][1]), channel(marks[a->underlineColor][2]));
	case uiAttributeTypeFeatures:
		features = featureString(a->features);
		p = pango_attr_font_features_new(features);
		g_free(features);
		return p;
	}
	return NULL;
}

static PangoFontDescription *defaultFont(const uiDrawTextLayout *tl)
{
	static const PangoStyle styles[] = { PANGO_STYLE_NORMAL, PANGO_STYLE_OBLIQUE, PANGO_STYLE_ITALIC };
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, tl->family);
	pango_font_description_set_size(fd, (gint) (tl->size * PANGO_SCALE));
	pango_font_description_set_weight(fd, (PangoWeight) tl->weight);
	pango_font_description_set_style(fd, styles[tl->italic]);
	pango_font_description_set_stretch(fd, (PangoStretch) tl->stretch);
	return fd;
}

int uiprivOSTextLayoutMake(uiDrawTextLayout *tl)
{
	static const PangoAlignment aligns[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER, PANGO_ALIGN_RIGHT };
	PangoContext *ctx = pango_font_map_create_context(pango_cairo_font_map_get_default());
	PangoLayout *layout = pango_layout_new(ctx);
	PangoFontDescription *fd = defaultFont(tl);
	PangoAttrList *list = pango_attr_list_new();
	size_t i;

	g_object_unref(ctx);
	pango_layout_set_font_description(layout, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(layout, tl->text, (int) tl->len);
	for (i = 0; i < tl->nspans; i++) {
		guint start = (guint) tl->spans[i].start, end = (guint) tl->spans[i].end;
		PangoAttribute *p = convert(list, tl->spans[i].attr, start, end);
		if (p == NULL)
			continue;
		p->start_index = start;
		p->end_index = end;
		pango_attr_list_insert(list, p);
	}
	pango_layout_set_attributes(layout, list);
	pango_attr_list_unref(list);
	if (tl->width >= 0) {
		pango_layout_set_width(layout, (int) (tl->width * PANGO_SCALE));
		pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(layout, aligns[tl->align]);
	tl->os = layout;
	return 1;
}

void uiprivOSTextLayoutFree(uiDrawTextLayout *tl)
{
	g_object_unref((PangoLayout *) tl->os);
}

void uiprivOSTextLayoutExtents(uiDrawTextLayout *tl, double *width, double *height)
{
	PangoRectangle logical;

	pango_layout_get_extents((PangoLayout *) tl->os, NULL, &logical);
	*width = (double) logical.width / PANGO_SCALE;
	*height = (double) logical.height / PANGO_SCALE;
}
