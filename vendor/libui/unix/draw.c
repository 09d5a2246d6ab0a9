/* The uiDraw* calls on GTK: cairo, on the context GTK hands the area's draw signal. */
#include "uipriv_unix.h"
#include "osapi.h"

struct uiDrawContext {
	cairo_t *cr;
};

void uiprivDrawWithCairo(uiArea *a, uiAreaHandler *ah, cairo_t *cr, double width, double height)
{
	uiDrawContext c = { cr };
	uiAreaDrawParams dp = { 0 };
	double x0, y0, x1, y1;
	size_t saved;

	if (ah->Draw == NULL)
		return;
	cairo_clip_extents(cr, &x0, &y0, &x1, &y1);
	dp.Context = &c;
	dp.AreaWidth = width;
	dp.AreaHeight = height;
	dp.ClipX = x0;
	dp.ClipY = y0;
	dp.ClipWidth = x1 - x0;
	dp.ClipHeight = y1 - y0;
	cairo_save(cr);
	uiprivDrawContextOpen(&c);
	ah->Draw(ah, a, &dp);
	/* Saves the handler left open are popped here, so GTK gets its context back as it gave it. */
	for (saved = uiprivDrawContextSaved(&c); saved > 0; saved--)
		cairo_restore(cr);
	uiprivDrawContextClose(&c);
	cairo_restore(cr);
}

static void setPath(cairo_t *cr, const uiDrawPath *p)
{
	size_t i;

	cairo_new_path(cr);
	for (i = 0; i < p->count; i++) {
		const uiprivPathStep *s = &p->steps[i];
		switch (s->op) {
		case uiprivPathMoveTo:
			cairo_move_to(cr, s->x[0], s->y[0]);
			break;
		case uiprivPathLineTo:
			cairo_line_to(cr, s->x[0], s->y[0]);
			break;
		case uiprivPathCubicTo:
			cairo_curve_to(cr, s->x[0], s->y[0], s->x[1], s->y[1], s->x[2], s->y[2]);
			break;
		case uiprivPathClose:
			cairo_close_path(cr);
			break;
		}
	}
	cairo_set_fill_rule(cr, p->fillMode == uiDrawFillModeAlternate ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING);
}

static cairo_pattern_t *pattern(const uiDrawBrush *b)
{
	cairo_pattern_t *pat;
	size_t i;

	if (b->Type == uiDrawBrushTypeSolid)
		return cairo_pattern_create_rgba(b->R, b->G, b->B, b->A);
	if (b->Type == uiDrawBrushTypeLinearGradient)
		pat = cairo_pattern_create_linear(b->X0, b->Y0, b->X1, b->Y1);
	else
		pat = cairo_pattern_create_radial(b->X0, b->Y0, 0, b->X1, b->Y1, b->OuterRadius);
	for (i = 0; i < b->NumStops; i++)
		cairo_pattern_add_color_stop_rgba(pat, b->Stops[i].Pos, b->Stops[i].R, b->Stops[i].G, b->Stops[i].B, b->Stops[i].A);
	/* Past the ends the end colours continue, as in Direct2D and GDI+. */
	cairo_pattern_set_extend(pat, CAIRO_EXTEND_PAD);
	return pat;
}

void uiprivOSDrawFill(uiDrawContext *c, uiDrawPath *path, uiDrawBrush *b)
{
	cairo_pattern_t *pat = pattern(b);

	setPath(c->cr, path);
	cairo_set_source(c->cr, pat);
	cairo_fill(c->cr);
	cairo_pattern_destroy(pat);
}

void uiprivOSDrawStroke(uiDrawContext *c, uiDrawPath *path, uiDrawBrush *b, uiDrawStrokeParams *p)
{
	static const cairo_line_cap_t caps[] = { CAIRO_LINE_CAP_BUTT, CAIRO_LINE_CAP_ROUND, CAIRO_LINE_CAP_SQUARE };
	static const cairo_line_join_t joins[] = { CAIRO_LINE_JOIN_MITER, CAIRO_LINE_JOIN_ROUND, CAIRO_LINE_JOIN_BEVEL };
	cairo_pattern_t *pat = pattern(b);

	cairo_save(c->cr);
	setPath(c->cr, path);
	cairo_set_source(c->cr, pat);
	cairo_set_line_width(c->cr, p->Thickness);
	cairo_set_line_cap(c->cr, caps[p->Cap]);
	cairo_set_line_join(c->cr, joins[p->Join]);
	cairo_set_miter_limit(c->cr, p->MiterLimit);
	cairo_set_dash(c->cr, p->Dashes, (int) p->NumDashes, p->DashPhase);
	cairo_stroke(c->cr);
	cairo_restore(c->cr);
	cairo_pattern_destroy(pat);
}

void uiprivOSDrawTransform(uiDrawContext *c, uiDrawMatrix *m)
{
	cairo_matrix_t cm;

	cairo_matrix_init(&cm, m->M11, m->M12, m->M21, m->M22, m->M31, m->M32);
	cairo_transform(c->cr, &cm);
}

void uiprivOSDrawClip(uiDrawContext *c, uiDrawPath *path)
{
	setPath(c->cr, path);
	cairo_clip(c->cr);
}

void uiprivOSDrawSave(uiDrawContext *c)
{
	cairo_save(c->cr);
}

void uiprivOSDrawRestore(uiDrawContext *c)
{
	cairo_restore(c->cr);
}

void uiprivOSDrawText(uiDrawContext *c, uiDrawTextLayout *tl, double x, double y)
{
	cairo_save(c->cr);
	/* Black where no colour attribute says otherwise, as in libui-ng. */
	cairo_set_source_rgb(c->cr, 0, 0, 0);
	cairo_move_to(c->cr, x, y);
	pango_cairo_show_layout(c->cr, (PangoLayout *) tl->os);
	cairo_restore(c->cr);
}
