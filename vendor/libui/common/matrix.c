/* The uiDrawMatrix functions, in plain C for both backends.
 *
 * Conventions (libui-ng's, which are cairo's and Direct2D's): points are row
 * vectors, so (x, y) maps to (x*M11 + y*M21 + M31, x*M12 + y*M22 + M32), and
 * every operation appends its transform after the one already in the matrix:
 * uiDrawMatrixMultiply(dest, src) makes dest "dest, then src". */
#include <math.h>
#include "uipriv.h"

/* a, then b: the row-vector product a * b. */
static uiDrawMatrix product(const uiDrawMatrix *a, const uiDrawMatrix *b)
{
	uiDrawMatrix r;

	r.M11 = a->M11 * b->M11 + a->M12 * b->M21;
	r.M12 = a->M11 * b->M12 + a->M12 * b->M22;
	r.M21 = a->M21 * b->M11 + a->M22 * b->M21;
	r.M22 = a->M21 * b->M12 + a->M22 * b->M22;
	r.M31 = a->M31 * b->M11 + a->M32 * b->M21 + b->M31;
	r.M32 = a->M31 * b->M12 + a->M32 * b->M22 + b->M32;
	return r;
}

static void append(uiDrawMatrix *m, const uiDrawMatrix *n)
{
	*m = product(m, n);
}

/* n applied about the point (x, y) instead of the origin: move (x, y) to the origin, n, move back. */
static void appendAbout(uiDrawMatrix *m, double x, double y, const uiDrawMatrix *n)
{
	uiDrawMatrix t;

	uiDrawMatrixSetIdentity(&t);
	t.M31 = -x;
	t.M32 = -y;
	t = product(&t, n);
	t.M31 += x;
	t.M32 += y;
	append(m, &t);
}

static int bad(const uiDrawMatrix *m, const char *func)
{
	if (m == NULL) {
		uiprivUserBug(func, "the matrix is NULL");
		return 1;
	}
	return 0;
}

void uiDrawMatrixSetIdentity(uiDrawMatrix *m)
{
	if (bad(m, __func__))
		return;
	m->M11 = 1;
	m->M12 = 0;
	m->M21 = 0;
	m->M22 = 1;
	m->M31 = 0;
	m->M32 = 0;
}

void uiDrawMatrixTranslate(uiDrawMatrix *m, double x, double y)
{
	uiDrawMatrix t;

	if (bad(m, __func__))
		return;
	uiDrawMatrixSetIdentity(&t);
	t.M31 = x;
	t.M32 = y;
	append(m, &t);
}

void uiDrawMatrixScale(uiDrawMatrix *m, double xCenter, double yCenter, double x, double y)
{
	uiDrawMatrix s;

	if (bad(m, __func__))
		return;
	uiDrawMatrixSetIdentity(&s);
	s.M11 = x;
	s.M22 = y;
	appendAbout(m, xCenter, yCenter, &s);
}

void uiDrawMatrixRotate(uiDrawMatrix *m, double x, double y, double amount)
{
	uiDrawMatrix r;

	if (bad(m, __func__))
		return;
	/* amount in radians; positive turns +x towards +y (clockwise on a y-down screen). */
	uiDrawMatrixSetIdentity(&r);
	r.M11 = cos(amount);
	r.M12 = sin(amount);
	r.M21 = -sin(amount);
	r.M22 = cos(amount);
	appendAbout(m, x, y, &r);
}

void uiDrawMatrixSkew(uiDrawMatrix *m, double x, double y, double xamount, double yamount)
{
	uiDrawMatrix k;

	if (bad(m, __func__))
		return;
	/* xamount leans vertical lines, yamount horizontal ones; (x, y) stays put. */
	uiDrawMatrixSetIdentity(&k);
	k.M12 = tan(yamount);
	k.M21 = tan(xamount);
	k.M31 = -y * k.M21;
	k.M32 = -x * k.M12;
	append(m, &k);
}

void uiDrawMatrixMultiply(uiDrawMatrix *dest, uiDrawMatrix *src)
{
	if (bad(dest, __func__) || bad(src, __func__))
		return;
	append(dest, src);
}

static double determinant(const uiDrawMatrix *m)
{
	return m->M11 * m->M22 - m->M12 * m->M21;
}

int uiDrawMatrixInvertible(uiDrawMatrix *m)
{
	double det;

	if (bad(m, __func__))
		return 0;
	det = determinant(m);
	/* Zero, NaN and infinite determinants have no usable inverse. */
	return det != 0 && isfinite(det);
}

int uiDrawMatrixInvert(uiDrawMatrix *m)
{
	uiDrawMatrix inv;
	double det;

	if (bad(m, __func__) || !uiDrawMatrixInvertible(m))
		return 0;
	det = determinant(m);
	inv.M11 = m->M22 / det;
	inv.M12 = -m->M12 / det;
	inv.M21 = -m->M21 / det;
	inv.M22 = m->M11 / det;
	inv.M31 = -(m->M31 * inv.M11 + m->M32 * inv.M21);
	inv.M32 = -(m->M31 * inv.M12 + m->M32 * inv.M22);
	*m = inv;
	return 1;
}

void uiDrawMatrixTransformPoint(uiDrawMatrix *m, double *x, double *y)
{
	double px, py;

	if (bad(m, __func__) || x == NULL || y == NULL) {
		if (m != NULL)
			uiprivUserBug(__func__, "x or y is NULL");
		return;
	}
	px = *x;
	py = *y;
	*x = px * m->M11 + py * m->M21 + m->M31;
	*y = px * m->M12 + py * m->M22 + m->M32;
}

void uiDrawMatrixTransformSize(uiDrawMatrix *m, double *x, double *y)
{
	double px, py;

	if (bad(m, __func__) || x == NULL || y == NULL) {
		if (m != NULL)
			uiprivUserBug(__func__, "x or y is NULL");
		return;
	}
	/* A size is a distance: the translation does not apply. */
	px = *x;
	py = *y;
	*x = px * m->M11 + py * m->M21;
	*y = px * m->M12 + py * m->M22;
}
