/* Text layouts on Win32: an IDWriteTextLayout through DirectWrite's C interface (dwrite.dll loaded on
 * first use), drawn by our own IDWriteTextRenderer: glyph runs go to Direct2D's DrawGlyphRun, or, on
 * the GDI+ fallback, become outlines filled through GDI+; underlines and backgrounds are filled
 * rectangles in the colours the attributes give.  So both renderers share one layout, and underline
 * colours and double and wavy underlines, which DirectWrite's own drawing lacks, are drawn too.
 *
 * libui-ng's byte offsets are turned into UTF-16 offsets here, once per layout. */
#define COBJMACROS
#include "uipriv_windows.h"
#include <d2d1.h>
#include <dwrite.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include "osapi.h"

typedef HRESULT (WINAPI *createFactoryFunc)(DWRITE_FACTORY_TYPE, REFIID, IUnknown **);
static HMODULE dwriteDll;
static IDWriteFactory *factory;
static int factoryFailed;

/* IID_IUnknown, IID_IDWriteFactory and IID_IDWriteTextRenderer (with its base), here so no uuid library is needed. */
static const GUID iidUnknown = { 0x00000000, 0x0000, 0x0000, { 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46 } };
static const GUID iidFactory = { 0xb859ee5a, 0xd838, 0x4b5b, { 0xa2, 0xe8, 0x1a, 0xdc, 0x7d, 0x93, 0xdb, 0x48 } };
static const GUID iidRenderer = { 0xef8a8135, 0x5cc6, 0x45fe, { 0x88, 0x25, 0xc5, 0xa0, 0x72, 0x4e, 0xb8, 0x19 } };
static const GUID iidPixelSnapping = { 0xeaf3a2da, 0xecf4, 0x4d24, { 0xb6, 0x44, 0xb3, 0x4f, 0x68, 0x42, 0x02, 0x4b } };

static IDWriteFactory *getFactory(void)
{
	createFactoryFunc create;

	if (factory != NULL || factoryFailed)
		return factory;
	factoryFailed = 1;
	dwriteDll = LoadLibraryW(L"dwrite.dll");
	if (dwriteDll == NULL)
		return NULL;
	create = (createFactoryFunc) (void (*)(void)) GetProcAddress(dwriteDll, "DWriteCreateFactory");
	if (create == NULL || FAILED(create(DWRITE_FACTORY_TYPE_SHARED, &iidFactory, (IUnknown **) &factory))) {
		factory = NULL;
		return NULL;
	}
	factoryFailed = 0;
	return factory;
}

void uiprivTextUninit(void)
{
	if (factory != NULL)
		IDWriteFactory_Release(factory);
	factory = NULL;
	factoryFailed = 0;
}

/* libui-ng sizes are points; DirectWrite's are 96-DPI pixels (DIPs), as Pango's pixels at 96 DPI. */
static FLOAT dips(double points)
{
	return (FLOAT) (points * 96.0 / 72.0);
}

/* Whether DirectWrite's system collection has a family of this name. */
static int knownFamily(const WCHAR *name)
{
	IDWriteFontCollection *fc = NULL;
	UINT32 index = 0;
	BOOL exists = FALSE;

	if (FAILED(IDWriteFactory_GetSystemFontCollection(factory, &fc, FALSE)))
		return 0;
	if (FAILED(IDWriteFontCollection_FindFamilyName(fc, name, &index, &exists)))
		exists = FALSE;
	IDWriteFontCollection_Release(fc);
	return exists;
}

/* The face GDI picks for name (GDI knows aliases like "MS Shell Dlg", which uiLoadControlFont can
 * return; DirectWrite does not), or NULL. */
static WCHAR *gdiFace(const WCHAR *name)
{
	LOGFONTW lf;
	HDC dc = CreateCompatibleDC(NULL);
	HFONT font, old;
	WCHAR face[LF_FACESIZE];
	WCHAR *out = NULL;
	int n;

	if (dc == NULL)
		return NULL;
	ZeroMemory(&lf, sizeof lf);
	lstrcpynW(lf.lfFaceName, name, LF_FACESIZE);
	lf.lfCharSet = DEFAULT_CHARSET;
	font = CreateFontIndirectW(&lf);
	if (font != NULL) {
		old = (HFONT) SelectObject(dc, font);
		n = GetTextFaceW(dc, LF_FACESIZE, face);
		if (n > 0 && n < LF_FACESIZE) {
			out = (WCHAR *) uiprivAlloc((size_t) (n + 1) * sizeof (WCHAR));
			CopyMemory(out, face, (size_t) n * sizeof (WCHAR));
		}
		SelectObject(dc, old);
		DeleteObject(font);
	}
	DeleteDC(dc);
	return out;
}

/* name as a family DirectWrite draws: itself if known, else the face GDI substitutes for it, else
 * the system's message font.  DirectWrite draws nothing at all for an unknown family under Wine. */
static WCHAR *resolveFamily(const char *name)
{
	WCHAR *w = uiprivToUTF16(name), *face;
	NONCLIENTMETRICSW ncm;

	if (knownFamily(w))
		return w;
	face = gdiFace(w);
	if (face != NULL && knownFamily(face)) {
		free(w);
		return face;
	}
	free(face);
	ZeroMemory(&ncm, sizeof ncm);
	ncm.cbSize = sizeof ncm;
	if (SystemParametersInfoW(SPI_GETNONCLIENTMETRICS, sizeof ncm, &ncm, 0)) {
		face = gdiFace(ncm.lfMessageFont.lfFaceName);
		if (face != NULL && knownFamily(face)) {
			free(w);
			return face;
		}
		free(face);
	}
	return w;
}

/* ---- What is drawn where: a drawing effect per run of colour and underline ---- */

/* The drawing effect DirectWrite hands back with each glyph run and underline: an IUnknown of ours. */
typedef struct effect {
	IUnknown iface;
	LONG refs;
	double color[4];
	uiUnderline underline;
	/* The underline's colour; the text colour when hasUnderlineColor is 0. */
	int hasUnderlineColor;
	double underlineColor[4];
} effect;

static HRESULT STDMETHODCALLTYPE effectQueryInterface(IUnknown *This, REFIID riid, void **out)
{
	if (IsEqualIID(riid, &iidUnknown)) {
		IUnknown_AddRef(This);
		*out = This;
		return S_OK;
	}
	*out = NULL;
	return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE effectAddRef(IUnknown *This)
{
	return (ULONG) InterlockedIncrement(&((effect *) This)->refs);
}

static ULONG STDMETHODCALLTYPE effectRelease(IUnknown *This)
{
	LONG n = InterlockedDecrement(&((effect *) This)->refs);

	if (n == 0)
		free(This);
	return (ULONG) n;
}

static IUnknownVtbl effectVtbl = { effectQueryInterface, effectAddRef, effectRelease };

typedef struct layout {
	IDWriteTextLayout *dw;
	/* UTF-16 offset of each byte offset of the text (len + 1 entries). */
	UINT32 *u16;
} layout;

static DWRITE_TEXT_RANGE range16(const layout *l, size_t start, size_t end)
{
	DWRITE_TEXT_RANGE r;

	r.startPosition = l->u16[start];
	r.length = l->u16[end] - l->u16[start];
	return r;
}

static int byStart(const void *a, const void *b)
{
	size_t x = *(const size_t *) a, y = *(const size_t *) b;

	return x < y ? -1 : x > y;
}

/* Sets one effect on each stretch of text between the edges of Color, Underline and UnderlineColor
 * spans (a span of each type covers a stretch wholly or not at all). */
static void setEffects(const uiDrawTextLayout *tl, layout *l)
{
	size_t *edges = (size_t *) uiprivAlloc((2 * tl->nspans + 2) * sizeof *edges);
	size_t nedges = 0, i, j;

	edges[nedges++] = 0;
	edges[nedges++] = tl->len;
	for (i = 0; i < tl->nspans; i++) {
		uiAttributeType t = tl->spans[i].attr->type;
		if (t == uiAttributeTypeColor || t == uiAttributeTypeUnderline || t == uiAttributeTypeUnderlineColor) {
			edges[nedges++] = tl->spans[i].start;
			edges[nedges++] = tl->spans[i].end;
		}
	}
	qsort(edges, nedges, sizeof *edges, byStart);
	for (i = 0; i + 1 < nedges; i++) {
		size_t from = edges[i], to = edges[i + 1];
		effect *e;
		if (from == to)
			continue;
		e = (effect *) uiprivAlloc(sizeof *e);
		e->iface.lpVtbl = &effectVtbl;
		e->refs = 1;
		e->color[3] = 1;
		for (j = 0; j < tl->nspans; j++) {
			const uiAttribute *a = tl->spans[j].attr;
			if (tl->spans[j].start > from || tl->spans[j].end < to)
				continue;
			if (a->type == uiAttributeTypeColor) {
				e->color[0] = a->r;
				e->color[1] = a->g;
				e->color[2] = a->b;
				e->color[3] = a->a;
			} else if (a->type == uiAttributeTypeUnderline)
				e->underline = a->underline;
			else if (a->type == uiAttributeTypeUnderlineColor) {
				/* Spelling red, grammar green, other marks blue, as on GTK. */
				static const double marks[][3] = { { 0, 0, 0 }, { 1, 0, 0 }, { 0, 0.75, 0 }, { 0, 0, 1 } };
				e->hasUnderlineColor = 1;
				if (a->underlineColor == uiUnderlineColorCustom) {
					e->underlineColor[0] = a->r;
					e->underlineColor[1] = a->g;
					e->underlineColor[2] = a->b;
					e->underlineColor[3] = a->a;
				} else {
					e->underlineColor[0] = marks[a->underlineColor][0];
					e->underlineColor[1] = marks[a->underlineColor][1];
					e->underlineColor[2] = marks[a->underlineColor][2];
					e->underlineColor[3] = 1;
				}
			}
		}
		IDWriteTextLayout_SetDrawingEffect(l->dw, &e->iface, range16(l, from, to));
		/* Any underline kind makes DirectWrite call DrawUnderline; the renderer draws the kind. */
		IDWriteTextLayout_SetUnderline(l->dw, e->underline != uiUnderlineNone, range16(l, from, to));
		IUnknown_Release(&e->iface);
	}
	free(edges);
}

static void setTypography(IDWriteTextLayout *dw, const uiOpenTypeFeatures *otf, DWRITE_TEXT_RANGE r)
{
	IDWriteTypography *t = NULL;
	size_t i;

	if (FAILED(IDWriteFactory_CreateTypography(factory, &t)))
		return;
	for (i = 0; i < otf->count; i++) {
		DWRITE_FONT_FEATURE f;
		uint32_t tag = otf->tags[i];
		/* DirectWrite's tags keep the first character in the low byte. */
		f.nameTag = (DWRITE_FONT_FEATURE_TAG) (((tag >> 24) & 0xFF) | ((tag >> 8) & 0xFF00) | ((tag << 8) & 0xFF0000) | ((tag & 0xFF) << 24));
		f.parameter = otf->values[i];
		IDWriteTypography_AddFontFeature(t, f);
	}
	IDWriteTextLayout_SetTypography(dw, t, r);
	IDWriteTypography_Release(t);
}

static void setAttribute(layout *l, const uiAttribute *a, DWRITE_TEXT_RANGE r)
{
	WCHAR *w;

	switch (a->type) {
	case uiAttributeTypeFamily:
		w = resolveFamily(a->family);
		IDWriteTextLayout_SetFontFamilyName(l->dw, w, r);
		free(w);
		break;
	case uiAttributeTypeSize:
		IDWriteTextLayout_SetFontSize(l->dw, dips(a->size), r);
		break;
	case uiAttributeTypeWeight:
		IDWriteTextLayout_SetFontWeight(l->dw, (DWRITE_FONT_WEIGHT) (a->weight > 0 ? a->weight : 1), r);
		break;
	case uiAttributeTypeItalic:
		/* DWRITE_FONT_STYLE lists normal, oblique, italic in libui-ng's order. */
		IDWriteTextLayout_SetFontStyle(l->dw, (DWRITE_FONT_STYLE) a->italic, r);
		break;
	case uiAttributeTypeStretch:
		/* DWRITE_FONT_STRETCH starts at 1 (0 is "undefined"). */
		IDWriteTextLayout_SetFontStretch(l->dw, (DWRITE_FONT_STRETCH) (a->stretch + 1), r);
		break;
	case uiAttributeTypeFeatures:
		setTypography(l->dw, a->features, r);
		break;
	default:
		/* Colours, backgrounds and underlines are drawing effects (setEffects) or drawn (drawBackgrounds). */
		break;
	}
}

/* UTF-16 offsets of every byte offset of valid UTF-8 text. */
static UINT32 *utf16Offsets(const char *text, size_t len)
{
	UINT32 *u = (UINT32 *) uiprivAlloc((len + 1) * sizeof *u);
	UINT32 n = 0;
	size_t i = 0, k;

	while (i < len) {
		unsigned char b = (unsigned char) text[i];
		size_t step = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
		/* Bytes inside a character map to where it starts. */
		for (k = 0; k < step && i + k < len; k++)
			u[i + k] = n;
		n += step == 4 ? 2 : 1;
		i += step;
	}
	u[len] = n;
	return u;
}

int uiprivOSTextLayoutMake(uiDrawTextLayout *tl)
{
	static const DWRITE_TEXT_ALIGNMENT aligns[] = { DWRITE_TEXT_ALIGNMENT_LEADING, DWRITE_TEXT_ALIGNMENT_CENTER, DWRITE_TEXT_ALIGNMENT_TRAILING };
	IDWriteFactory *f = getFactory();
	IDWriteTextFormat *format = NULL;
	WCHAR *family, *text;
	layout *l;
	HRESULT hr;
	size_t i;

	if (f == NULL)
		return 0;
	family = resolveFamily(tl->family);
	hr = IDWriteFactory_CreateTextFormat(f, family, NULL, (DWRITE_FONT_WEIGHT) (tl->weight > 0 ? tl->weight : 1), (DWRITE_FONT_STYLE) tl->italic, (DWRITE_FONT_STRETCH) (tl->stretch + 1), dips(tl->size), L"", &format);
	free(family);
	if (FAILED(hr))
		return 0;
	l = (layout *) uiprivAlloc(sizeof *l);
	l->u16 = utf16Offsets(tl->text, tl->len);
	text = uiprivToUTF16(tl->text);
	/* Without a width, one line per paragraph: laid out unbounded, then given its own width so
	 * centred and right-aligned lines line up within the widest, as Pango does. */
	hr = IDWriteFactory_CreateTextLayout(f, text, l->u16[tl->len], format, tl->width >= 0 ? (FLOAT) tl->width : 0, 0, &l->dw);
	free(text);
	IDWriteTextFormat_Release(format);
	if (FAILED(hr)) {
		free(l->u16);
		free(l);
		return 0;
	}
	IDWriteTextLayout_SetWordWrapping(l->dw, tl->width >= 0 ? DWRITE_WORD_WRAPPING_WRAP : DWRITE_WORD_WRAPPING_NO_WRAP);
	for (i = 0; i < tl->nspans; i++)
		setAttribute(l, tl->spans[i].attr, range16(l, tl->spans[i].start, tl->spans[i].end));
	setEffects(tl, l);
	if (tl->width < 0) {
		DWRITE_TEXT_METRICS m;
		if (SUCCEEDED(IDWriteTextLayout_GetMetrics(l->dw, &m)))
			IDWriteTextLayout_SetMaxWidth(l->dw, m.widthIncludingTrailingWhitespace);
	}
	IDWriteTextLayout_SetTextAlignment(l->dw, aligns[tl->align]);
	tl->os = l;
	return 1;
}

void uiprivOSTextLayoutFree(uiDrawTextLayout *tl)
{
	layout *l = (layout *) tl->os;

	IDWriteTextLayout_Release(l->dw);
	free(l->u16);
	free(l);
}

void uiprivOSTextLayoutExtents(uiDrawTextLayout *tl, double *width, double *height)
{
	layout *l = (layout *) tl->os;
	DWRITE_TEXT_METRICS m;

	if (FAILED(IDWriteTextLayout_GetMetrics(l->dw, &m)))
		return;
	*width = m.widthIncludingTrailingWhitespace;
	*height = m.height;
}

/* ---- Drawing ---- */

/* Fills a rectangle through the context's own fill (Direct2D or GDI+). */
static void fillRect(uiDrawContext *c, double x, double y, double w, double h, const double rgba[4])
{
	uiprivPathStep steps[5];
	uiDrawPath p;
	uiDrawBrush b;

	ZeroMemory(steps, sizeof steps);
	steps[0].op = uiprivPathMoveTo;
	steps[0].x[0] = x;
	steps[0].y[0] = y;
	steps[1].op = uiprivPathLineTo;
	steps[1].x[0] = x + w;
	steps[1].y[0] = y;
	steps[2].op = uiprivPathLineTo;
	steps[2].x[0] = x + w;
	steps[2].y[0] = y + h;
	steps[3].op = uiprivPathLineTo;
	steps[3].x[0] = x;
	steps[3].y[0] = y + h;
	steps[4].op = uiprivPathClose;
	ZeroMemory(&p, sizeof p);
	p.fillMode = uiDrawFillModeWinding;
	p.ended = 1;
	p.steps = steps;
	p.count = 5;
	ZeroMemory(&b, sizeof b);
	b.Type = uiDrawBrushTypeSolid;
	b.R = rgba[0];
	b.G = rgba[1];
	b.B = rgba[2];
	b.A = rgba[3];
	uiprivOSDrawFill(c, &p, &b);
}

/* Backgrounds, from the layout's lines and clusters (Wine's DirectWrite has no HitTestTextRange, and
 * calls back no glyph run for spaces): per line, one rectangle over the clusters in the span, the
 * line's height tall.  Lines are placed as DirectWrite aligns them (trailing spaces not counted);
 * clusters are taken in logical order, so right-to-left runs get their stretch, not their place. */
static void drawBackgrounds(uiDrawContext *c, const uiDrawTextLayout *tl, const layout *l, double x, double y)
{
	DWRITE_LINE_METRICS *lines = NULL;
	DWRITE_CLUSTER_METRICS *clusters = NULL;
	UINT32 nlines = 0, nclusters = 0;
	DWRITE_TEXT_ALIGNMENT align = IDWriteTextLayout_GetTextAlignment(l->dw);
	FLOAT maxWidth = IDWriteTextLayout_GetMaxWidth(l->dw);
	size_t i;

	for (i = 0; i < tl->nspans && tl->spans[i].attr->type != uiAttributeTypeBackground; i++)
		;
	if (i == tl->nspans)
		return;
	IDWriteTextLayout_GetLineMetrics(l->dw, NULL, 0, &nlines);
	IDWriteTextLayout_GetClusterMetrics(l->dw, NULL, 0, &nclusters);
	if (nlines == 0 || nclusters == 0)
		return;
	lines = (DWRITE_LINE_METRICS *) uiprivAlloc(nlines * sizeof *lines);
	clusters = (DWRITE_CLUSTER_METRICS *) uiprivAlloc(nclusters * sizeof *clusters);
	if (FAILED(IDWriteTextLayout_GetLineMetrics(l->dw, lines, nlines, &nlines)) || FAILED(IDWriteTextLayout_GetClusterMetrics(l->dw, clusters, nclusters, &nclusters)))
		goto out;
	for (i = 0; i < tl->nspans; i++) {
		const uiAttribute *a = tl->spans[i].attr;
		const double rgba[4] = { a->r, a->g, a->b, a->a };
		DWRITE_TEXT_RANGE r = range16(l, tl->spans[i].start, tl->spans[i].end);
		UINT32 line, k = 0, pos = 0;
		double top = y;

		if (a->type != uiAttributeTypeBackground)
			continue;
		for (line = 0; line < nlines; line++) {
			UINT32 lineEnd = pos + lines[line].length, contentEnd = lineEnd - lines[line].trailingWhitespaceLength - lines[line].newlineLength;
			UINT32 k0 = k, p = pos;
			double lineWidth = 0, left = 0, from = -1, to = -1, cx;
			/* The line's width without its trailing spaces, for its alignment. */
			for (; k < nclusters && p < lineEnd; p += clusters[k].length, k++)
				if (p < contentEnd)
					lineWidth += clusters[k].width;
			if (align == DWRITE_TEXT_ALIGNMENT_CENTER)
				left = (maxWidth - lineWidth) / 2;
			else if (align == DWRITE_TEXT_ALIGNMENT_TRAILING)
				left = maxWidth - lineWidth;
			cx = x + left;
			for (p = pos; k0 < k; p += clusters[k0].length, k0++) {
				if (p >= r.startPosition && p < r.startPosition + r.length && !clusters[k0].isNewline) {
					if (from < 0)
						from = cx;
					to = cx + clusters[k0].width;
				}
				cx += clusters[k0].width;
			}
			if (from >= 0 && to > from)
				fillRect(c, from, top, to - from, lines[line].height, rgba);
			top += lines[line].height;
			pos = lineEnd;
		}
	}
out:
	free(lines);
	free(clusters);
}

/* The renderer DirectWrite calls back while drawing a layout. */
typedef struct renderer {
	IDWriteTextRenderer iface;
	uiDrawContext *c;
} renderer;

static HRESULT STDMETHODCALLTYPE rQueryInterface(IDWriteTextRenderer *This, REFIID riid, void **out)
{
	if (IsEqualIID(riid, &iidUnknown) || IsEqualIID(riid, &iidRenderer) || IsEqualIID(riid, &iidPixelSnapping)) {
		*out = This;
		return S_OK;
	}
	*out = NULL;
	return E_NOINTERFACE;
}

/* The renderer lives on the stack of one uiDrawText call, so counting references is not needed. */
static ULONG STDMETHODCALLTYPE rAddRef(IDWriteTextRenderer *This)
{
	(void) This;
	return 1;
}

static ULONG STDMETHODCALLTYPE rRelease(IDWriteTextRenderer *This)
{
	(void) This;
	return 1;
}

static HRESULT STDMETHODCALLTYPE rIsPixelSnappingDisabled(IDWriteTextRenderer *This, void *ctx, BOOL *disabled)
{
	(void) This;
	(void) ctx;
	*disabled = FALSE;
	return S_OK;
}

static HRESULT STDMETHODCALLTYPE rGetCurrentTransform(IDWriteTextRenderer *This, void *ctx, DWRITE_MATRIX *m)
{
	(void) ctx;
	uiprivDrawCurrentTransform(((renderer *) This)->c, &m->m11, &m->m12, &m->m21, &m->m22, &m->dx, &m->dy);
	return S_OK;
}

static HRESULT STDMETHODCALLTYPE rGetPixelsPerDip(IDWriteTextRenderer *This, void *ctx, FLOAT *ppd)
{
	(void) This;
	(void) ctx;
	/* Render targets are at 96 DPI: one unit is one pixel. */
	*ppd = 1;
	return S_OK;
}

static const double black[4] = { 0, 0, 0, 1 };

/* Glyph outlines as a path, for GDI+, which cannot draw DirectWrite's glyph runs: a geometry sink of
 * ours (its vtable laid out as ID2D1SimplifiedGeometrySink's, which MinGW and Wine declare differently). */
typedef struct outlineSink outlineSink;
typedef struct sinkVtbl {
	HRESULT (STDMETHODCALLTYPE *QueryInterface)(outlineSink *This, REFIID riid, void **out);
	ULONG (STDMETHODCALLTYPE *AddRef)(outlineSink *This);
	ULONG (STDMETHODCALLTYPE *Release)(outlineSink *This);
	void (STDMETHODCALLTYPE *SetFillMode)(outlineSink *This, D2D1_FILL_MODE mode);
	void (STDMETHODCALLTYPE *SetSegmentFlags)(outlineSink *This, D2D1_PATH_SEGMENT flags);
	void (STDMETHODCALLTYPE *BeginFigure)(outlineSink *This, D2D1_POINT_2F p, D2D1_FIGURE_BEGIN begin);
	void (STDMETHODCALLTYPE *AddLines)(outlineSink *This, const D2D1_POINT_2F *p, UINT n);
	void (STDMETHODCALLTYPE *AddBeziers)(outlineSink *This, const D2D1_BEZIER_SEGMENT *b, UINT n);
	void (STDMETHODCALLTYPE *EndFigure)(outlineSink *This, D2D1_FIGURE_END end);
	HRESULT (STDMETHODCALLTYPE *Close)(outlineSink *This);
} sinkVtbl;

struct outlineSink {
	const sinkVtbl *lpVtbl;
	/* The baseline origin, added to every point. */
	double x, y;
	uiDrawPath path;
};

static uiprivPathStep *nextStep(outlineSink *s, uiprivPathOp op)
{
	uiprivPathStep *st;

	if (s->path.count == s->path.cap) {
		s->path.cap = s->path.cap ? s->path.cap * 2 : 64;
		s->path.steps = (uiprivPathStep *) uiprivRealloc(s->path.steps, s->path.cap * sizeof *s->path.steps);
	}
	st = &s->path.steps[s->path.count++];
	st->op = op;
	return st;
}

static HRESULT STDMETHODCALLTYPE sQueryInterface(outlineSink *This, REFIID riid, void **out)
{
	if (IsEqualIID(riid, &iidUnknown)) {
		*out = This;
		return S_OK;
	}
	*out = NULL;
	return E_NOINTERFACE;
}

/* On the stack of one glyph run, like the renderer. */
static ULONG STDMETHODCALLTYPE sAddRef(outlineSink *This)
{
	(void) This;
	return 1;
}

static ULONG STDMETHODCALLTYPE sRelease(outlineSink *This)
{
	(void) This;
	return 1;
}

static void STDMETHODCALLTYPE sSetFillMode(outlineSink *This, D2D1_FILL_MODE mode)
{
	This->path.fillMode = mode == D2D1_FILL_MODE_ALTERNATE ? uiDrawFillModeAlternate : uiDrawFillModeWinding;
}

static void STDMETHODCALLTYPE sSetSegmentFlags(outlineSink *This, D2D1_PATH_SEGMENT flags)
{
	(void) This;
	(void) flags;
}

static void STDMETHODCALLTYPE sBeginFigure(outlineSink *This, D2D1_POINT_2F p, D2D1_FIGURE_BEGIN begin)
{
	uiprivPathStep *st = nextStep(This, uiprivPathMoveTo);

	(void) begin;
	st->x[0] = This->x + p.x;
	st->y[0] = This->y + p.y;
}

static void STDMETHODCALLTYPE sAddLines(outlineSink *This, const D2D1_POINT_2F *p, UINT n)
{
	UINT i;

	for (i = 0; i < n; i++) {
		uiprivPathStep *st = nextStep(This, uiprivPathLineTo);
		st->x[0] = This->x + p[i].x;
		st->y[0] = This->y + p[i].y;
	}
}

static void STDMETHODCALLTYPE sAddBeziers(outlineSink *This, const D2D1_BEZIER_SEGMENT *b, UINT n)
{
	UINT i;

	for (i = 0; i < n; i++) {
		uiprivPathStep *st = nextStep(This, uiprivPathCubicTo);
		st->x[0] = This->x + b[i].point1.x;
		st->y[0] = This->y + b[i].point1.y;
		st->x[1] = This->x + b[i].point2.x;
		st->y[1] = This->y + b[i].point2.y;
		st->x[2] = This->x + b[i].point3.x;
		st->y[2] = This->y + b[i].point3.y;
	}
}

static void STDMETHODCALLTYPE sEndFigure(outlineSink *This, D2D1_FIGURE_END end)
{
	(void) end;
	nextStep(This, uiprivPathClose);
}

static HRESULT STDMETHODCALLTYPE sClose(outlineSink *This)
{
	(void) This;
	return S_OK;
}

static const sinkVtbl outlineSinkVtbl = {
	sQueryInterface,
	sAddRef,
	sRelease,
	sSetFillMode,
	sSetSegmentFlags,
	sBeginFigure,
	sAddLines,
	sAddBeziers,
	sEndFigure,
	sClose,
};

static void fillOutlines(uiDrawContext *c, FLOAT x, FLOAT y, const DWRITE_GLYPH_RUN *run, const double rgba[4])
{
	outlineSink s;
	uiDrawBrush b;

	ZeroMemory(&s, sizeof s);
	s.lpVtbl = &outlineSinkVtbl;
	s.x = x;
	s.y = y;
	s.path.ended = 1;
	if (SUCCEEDED(IDWriteFontFace_GetGlyphRunOutline(run->fontFace, run->fontEmSize, run->glyphIndices, run->glyphAdvances, run->glyphOffsets, run->glyphCount, run->isSideways, run->bidiLevel % 2, (IDWriteGeometrySink *) &s)) && s.path.count > 0) {
		ZeroMemory(&b, sizeof b);
		b.Type = uiDrawBrushTypeSolid;
		b.R = rgba[0];
		b.G = rgba[1];
		b.B = rgba[2];
		b.A = rgba[3];
		uiprivOSDrawFill(c, &s.path, &b);
	}
	free(s.path.steps);
}

static HRESULT STDMETHODCALLTYPE rDrawGlyphRun(IDWriteTextRenderer *This, void *ctx, FLOAT x, FLOAT y, DWRITE_MEASURING_MODE mode, const DWRITE_GLYPH_RUN *run, const DWRITE_GLYPH_RUN_DESCRIPTION *desc, IUnknown *fx)
{
	const effect *e = (const effect *) fx;
	const double *color = e != NULL ? e->color : black;

	(void) ctx;
	(void) desc;
	if (!uiprivDrawGlyphRun(((renderer *) This)->c, x, y, (int) mode, run, color))
		fillOutlines(((renderer *) This)->c, x, y, run, color);
	return S_OK;
}

static HRESULT STDMETHODCALLTYPE rDrawUnderline(IDWriteTextRenderer *This, void *ctx, FLOAT x, FLOAT y, const DWRITE_UNDERLINE *u, IUnknown *fx)
{
	uiDrawContext *c = ((renderer *) This)->c;
	const effect *e = (const effect *) fx;
	const double *color = black;
	double thick = u->thickness > 0.5f ? u->thickness : 1;
	double top = y + u->offset;
	double dx;

	(void) ctx;
	if (e != NULL)
		color = e->hasUnderlineColor ? e->underlineColor : e->color;
	if (e == NULL || e->underline == uiUnderlineSingle) {
		fillRect(c, x, top, u->width, thick, color);
	} else if (e->underline == uiUnderlineDouble) {
		fillRect(c, x, top, u->width, thick, color);
		fillRect(c, x, top + 2 * thick, u->width, thick, color);
	} else {
		/* Suggestion: a dotted line, square dots a thickness apart. */
		for (dx = 0; dx < u->width; dx += 2 * thick)
			fillRect(c, x + dx, top, thick < u->width - dx ? thick : u->width - dx, thick, color);
	}
	return S_OK;
}

static HRESULT STDMETHODCALLTYPE rDrawStrikethrough(IDWriteTextRenderer *This, void *ctx, FLOAT x, FLOAT y, const DWRITE_STRIKETHROUGH *s, IUnknown *fx)
{
	/* libui-ng has no strikethrough attribute, so layouts never ask for one. */
	(void) This;
	(void) ctx;
	(void) x;
	(void) y;
	(void) s;
	(void) fx;
	return S_OK;
}

static HRESULT STDMETHODCALLTYPE rDrawInlineObject(IDWriteTextRenderer *This, void *ctx, FLOAT x, FLOAT y, IDWriteInlineObject *o, BOOL sideways, BOOL rtl, IUnknown *fx)
{
	/* Nor inline objects. */
	(void) This;
	(void) ctx;
	(void) x;
	(void) y;
	(void) o;
	(void) sideways;
	(void) rtl;
	(void) fx;
	return S_OK;
}

static IDWriteTextRendererVtbl rendererVtbl = {
	rQueryInterface,
	rAddRef,
	rRelease,
	rIsPixelSnappingDisabled,
	rGetCurrentTransform,
	rGetPixelsPerDip,
	rDrawGlyphRun,
	rDrawUnderline,
	rDrawStrikethrough,
	rDrawInlineObject,
};

void uiprivOSDrawText(uiDrawContext *c, uiDrawTextLayout *tl, double x, double y)
{
	layout *l = (layout *) tl->os;
	renderer r;

	drawBackgrounds(c, tl, l, x, y);
	r.iface.lpVtbl = &rendererVtbl;
	r.c = c;
	IDWriteTextLayout_Draw(l->dw, NULL, &r.iface, (FLOAT) x, (FLOAT) y);
}
