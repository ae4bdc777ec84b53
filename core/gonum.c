/* gonum.c - strconv.FormatFloat(f, fmt, -1, 64) and encoding/json floats. */
#include "specdiff/gonum.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Shortest decimal digits that round-trip: digits without a point, and the
 * position of the decimal point (value = 0.DIGITS * 10^dp), as Go's
 * decimalSlice.  Zero has no digits. */
typedef struct digits {
	char d[32];
	int nd, dp;
} digits;

static void shortest(double f, digits *out)
{
	out->nd = 0;
	out->dp = 0;
	if (f == 0)
		return;
	char buf[64];
	/* The first precision whose correctly rounded output reads back as f
	 * is the shortest representation. */
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(buf, sizeof(buf), "%.*e", prec - 1, f);
		if (strtod(buf, NULL) == f || prec == 17)
			break;
	}
	const char *p = buf;
	while (*p && *p != 'e') {
		if (*p >= '0' && *p <= '9')
			out->d[out->nd++] = *p;
		p++;
	}
	int exp = atoi(p + 1);
	while (out->nd > 1 && out->d[out->nd - 1] == '0')
		out->nd--;
	out->d[out->nd] = '\0';
	out->dp = exp + 1;
}

static void fmt_e(sd_buf *out, const digits *g)
{
	sd_buf_addc(out, g->nd ? g->d[0] : '0');
	if (g->nd > 1) {
		sd_buf_addc(out, '.');
		sd_buf_add(out, g->d + 1, (size_t)g->nd - 1);
	}
	int exp = g->nd ? g->dp - 1 : 0;
	sd_buf_addc(out, 'e');
	sd_buf_addc(out, exp < 0 ? '-' : '+');
	if (exp < 0)
		exp = -exp;
	sd_buf_addf(out, "%02d", exp);
}

static void fmt_f(sd_buf *out, const digits *g)
{
	if (g->dp > 0) {
		for (int i = 0; i < g->dp; i++)
			sd_buf_addc(out, i < g->nd ? g->d[i] : '0');
	} else {
		sd_buf_addc(out, '0');
	}
	int prec = g->nd - g->dp;
	if (prec <= 0)
		return;
	sd_buf_addc(out, '.');
	for (int i = 1; i <= prec; i++) {
		int j = g->dp + i - 1;
		sd_buf_addc(out, j >= 0 && j < g->nd ? g->d[j] : '0');
	}
}

void sd_go_format_float(sd_buf *out, double f, char fmt)
{
	if (isnan(f)) {
		sd_buf_adds(out, "NaN");
		return;
	}
	if (isinf(f)) {
		sd_buf_adds(out, f > 0 ? "+Inf" : "-Inf");
		return;
	}
	digits g;
	shortest(f, &g);
	if (signbit(f))
		sd_buf_addc(out, '-');
	if (fmt == 'g') {
		int exp = g.dp - 1;
		fmt = (exp < -4 || exp >= 6) && g.nd ? 'e' : 'f';
	}
	if (fmt == 'e')
		fmt_e(out, &g);
	else
		fmt_f(out, &g);
}

void sd_go_json_float(sd_buf *out, double f)
{
	double a = fabs(f);
	char fmt = a != 0 && (a < 1e-6 || a >= 1e21) ? 'e' : 'f';
	size_t start = out->len;
	sd_go_format_float(out, f, fmt);
	size_t n = out->len - start;
	char *b = out->data + start;
	if (fmt == 'e' && n >= 4 && b[n - 4] == 'e' && b[n - 3] == '-' && b[n - 2] == '0') {
		b[n - 2] = b[n - 1];
		out->len--;
		out->data[out->len] = '\0';
	}
}
