/* The scenes of `cargo xtask bench-draw`, written against ui.h alone, so the same file is built
 * against vendor/libui and against libui-ng (each with its own ui.h) and the two are timed alike.
 *
 * One window with an 800x600 area. Each scene is drawn WARMUP + frames times in a row: a Draw
 * queues the next redraw through uiQueueMain, so frames follow each other as fast as the toolkit
 * presents them. Printed per scene: the wall time per frame (queue, Draw, presentation), and the
 * time inside Draw alone. Output lines: `scene NAME frames N frame_ms X draw_ms Y`; an area that is not
 * the full 800x600 fails the run. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ui.h"

#ifdef _WIN32
#include <windows.h>
static double nowMs(void)
{
	LARGE_INTEGER f, c;

	QueryPerformanceFrequency(&f);
	QueryPerformanceCounter(&c);
	return (double) c.QuadPart * 1000.0 / (double) f.QuadPart;
}
/* A family Wine ships: its Direct2D draws nothing for an unknown one. */
#define FAMILY "Tahoma"
#else
#include <time.h>
static double nowMs(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double) t.tv_sec * 1000.0 + (double) t.tv_nsec / 1e6;
}
#define FAMILY "DejaVu Sans"
#endif

#define WIDTH 800
#define HEIGHT 600
#define WARMUP 3
#define SEGMENTS 10000
#define GRADIENTS 1000
#define TEXT_CHARS 5000

static void drawPath(uiDrawContext *c);
static void drawGradients(uiDrawContext *c);
static void drawText(uiDrawContext *c);

static const struct {
	const char *name;
	void (*draw)(uiDrawContext *c);
} scenes[] = {
	{ "stroked-path-10000-segments", drawPath },
	{ "filled-gradients-1000", drawGradients },
	{ "attributed-text-5000-chars", drawText },
};
#define NSCENES (int) (sizeof scenes / sizeof scenes[0])

static int frames = 30;
static int scene, frame, wrongSize;
static double start, inDraw;
static uiArea *area;
static uiAttributedString *text;

static void fillBackground(uiDrawContext *c)
{
	uiDrawBrush b;
	uiDrawPath *p = uiDrawNewPath(uiDrawFillModeWinding);

	uiDrawPathAddRectangle(p, 0, 0, WIDTH, HEIGHT);
	uiDrawPathEnd(p);
	memset(&b, 0, sizeof b);
	b.Type = uiDrawBrushTypeSolid;
	b.R = b.G = b.B = b.A = 1;
	uiDrawFill(c, p, &b);
	uiDrawFreePath(p);
}

/* One figure of SEGMENTS lines zig-zagging down the area. */
static void drawPath(uiDrawContext *c)
{
	uiDrawPath *p = uiDrawNewPath(uiDrawFillModeWinding);
	uiDrawBrush b;
	uiDrawStrokeParams sp;
	int i;

	uiDrawPathNewFigure(p, 10, 10);
	for (i = 1; i <= SEGMENTS; i++) {
		double t = (double) i / SEGMENTS;
		uiDrawPathLineTo(p, 10 + (i % 2) * 760 * (0.5 + 0.5 * sin(t * 40)), 10 + t * 580);
	}
	uiDrawPathEnd(p);
	memset(&b, 0, sizeof b);
	b.Type = uiDrawBrushTypeSolid;
	b.B = 0.6;
	b.A = 1;
	memset(&sp, 0, sizeof sp);
	sp.Cap = uiDrawLineCapFlat;
	sp.Join = uiDrawLineJoinMiter;
	sp.Thickness = 1;
	sp.MiterLimit = uiDrawDefaultMiterLimit;
	uiDrawStroke(c, p, &b, &sp);
	uiDrawFreePath(p);
}

/* GRADIENTS rectangles in a 40x25 grid, each filled with its own brush: linear and radial in turn. */
static void drawGradients(uiDrawContext *c)
{
	uiDrawBrushGradientStop stops[3];
	uiDrawBrush b;
	int i;

	for (i = 0; i < GRADIENTS; i++) {
		double x = (i % 40) * 20.0, y = (i / 40) * 24.0;
		uiDrawPath *p = uiDrawNewPath(uiDrawFillModeWinding);

		uiDrawPathAddRectangle(p, x, y, 19, 23);
		uiDrawPathEnd(p);
		memset(stops, 0, sizeof stops);
		stops[0].Pos = 0;
		stops[0].R = (i % 7) / 7.0;
		stops[0].A = 1;
		stops[1].Pos = 0.5;
		stops[1].G = (i % 5) / 5.0;
		stops[1].A = 1;
		stops[2].Pos = 1;
		stops[2].B = 1;
		stops[2].A = 1;
		memset(&b, 0, sizeof b);
		b.Stops = stops;
		b.NumStops = 3;
		if (i % 2 == 0) {
			b.Type = uiDrawBrushTypeLinearGradient;
			b.X0 = x;
			b.Y0 = y;
			b.X1 = x + 19;
			b.Y1 = y + 23;
		} else {
			b.Type = uiDrawBrushTypeRadialGradient;
			b.X0 = b.X1 = x + 9.5;
			b.Y0 = b.Y1 = y + 11.5;
			b.OuterRadius = 12;
		}
		uiDrawFill(c, p, &b);
		uiDrawFreePath(p);
	}
}

/* TEXT_CHARS characters of words, with a colour, weight, italic or size run every 50 bytes. */
static uiAttributedString *makeText(void)
{
	static const char *words[] = { "draw ", "area ", "text ", "layout ", "grapheme ", "glyph ", "pango ", "write " };
	uiAttributedString *s = uiNewAttributedString("");
	size_t len = 0, at;
	int i = 0;

	while (len < TEXT_CHARS) {
		uiAttributedStringAppendUnattributed(s, words[i++ % 8]);
		len = uiAttributedStringLen(s);
	}
	for (at = 0, i = 0; at + 25 < len; at += 50, i++) {
		uiAttribute *a;

		switch (i % 4) {
		case 0:
			a = uiNewColorAttribute(0.8, 0.1, 0.1, 1);
			break;
		case 1:
			a = uiNewWeightAttribute(uiTextWeightBold);
			break;
		case 2:
			a = uiNewItalicAttribute(uiTextItalicItalic);
			break;
		default:
			a = uiNewSizeAttribute(14);
			break;
		}
		uiAttributedStringSetAttribute(s, a, at, at + 25);
	}
	return s;
}

/* The layout is made in each Draw, as a program whose text changes does. */
static void drawText(uiDrawContext *c)
{
	uiFontDescriptor font;
	uiDrawTextLayoutParams params;
	uiDrawTextLayout *layout;

	memset(&font, 0, sizeof font);
	font.Family = (char *) FAMILY;
	font.Size = 10;
	font.Weight = uiTextWeightNormal;
	font.Italic = uiTextItalicNormal;
	font.Stretch = uiTextStretchNormal;
	memset(&params, 0, sizeof params);
	params.String = text;
	params.DefaultFont = &font;
	params.Width = WIDTH - 20;
	params.Align = uiDrawTextAlignLeft;
	layout = uiDrawNewTextLayout(&params);
	uiDrawText(c, layout, 10, 10);
	uiDrawFreeTextLayout(layout);
}

static void redraw(void *data)
{
	(void) data;
	uiAreaQueueRedrawAll(area);
}

static void quit(void *data)
{
	(void) data;
	uiQuit();
}

static void onDraw(uiAreaHandler *ah, uiArea *a, uiAreaDrawParams *p)
{
	double t = nowMs();

	(void) ah;
	(void) a;
	if (scene >= NSCENES)
		return;
	if (frame == WARMUP + frames) {
		/* This Draw begins the frame after the last one timed. */
		/* A smaller area would draw less: such a run counts as failed. */
		if (p->AreaWidth < WIDTH || p->AreaHeight < HEIGHT || p->ClipWidth < WIDTH || p->ClipHeight < HEIGHT) {
			fprintf(stderr, "the area is %gx%g (clip %gx%g), not %dx%d\n", p->AreaWidth, p->AreaHeight,
			        p->ClipWidth, p->ClipHeight, WIDTH, HEIGHT);
			wrongSize = 1;
		}
		printf("scene %s frames %d frame_ms %.3f draw_ms %.3f\n", scenes[scene].name, frames, (t - start) / frames,
		       inDraw / frames);
		fflush(stdout);
		scene++;
		frame = 0;
		inDraw = 0;
		if (scene == NSCENES) {
			uiQueueMain(quit, NULL);
			return;
		}
	}
	if (frame == WARMUP)
		start = t;
	fillBackground(p->Context);
	scenes[scene].draw(p->Context);
	if (frame >= WARMUP)
		inDraw += nowMs() - t;
	frame++;
	uiQueueMain(redraw, NULL);
}

static void onMouse(uiAreaHandler *ah, uiArea *a, uiAreaMouseEvent *e)
{
	(void) ah;
	(void) a;
	(void) e;
}

static void onCrossed(uiAreaHandler *ah, uiArea *a, int left)
{
	(void) ah;
	(void) a;
	(void) left;
}

static void onDragBroken(uiAreaHandler *ah, uiArea *a)
{
	(void) ah;
	(void) a;
}

static int onKey(uiAreaHandler *ah, uiArea *a, uiAreaKeyEvent *e)
{
	(void) ah;
	(void) a;
	(void) e;
	return 0;
}

int bench_draw_main(int frameCount)
{
	uiInitOptions o;
	uiAreaHandler ah = { onDraw, onMouse, onCrossed, onDragBroken, onKey };
	uiWindow *w;
	uiBox *box;
	const char *err;

	if (frameCount > 0)
		frames = frameCount;
	memset(&o, 0, sizeof o);
	err = uiInit(&o);
	if (err != NULL) {
		fprintf(stderr, "uiInit: %s\n", err);
		uiFreeInitError(err);
		return 1;
	}
	text = makeText();
	w = uiNewWindow("bench-draw", WIDTH, HEIGHT, 0);
	area = uiNewArea(&ah);
	/* In a box, stretchy, as libui-ng's own examples hold an area (alone in a window, libui-ng's GTK
	 * backend gives it one pixel of width). */
	box = uiNewHorizontalBox();
	uiBoxAppend(box, uiControl(area), 1);
	uiWindowSetChild(w, uiControl(box));
	uiControlShow(uiControl(w));
	uiMain();
	uiFreeAttributedString(text);
	uiControlDestroy(uiControl(w));
	uiUninit();
	return scene == NSCENES && !wrongSize ? 0 : 1;
}
