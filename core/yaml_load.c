/*
 * yaml_load.c - YAML text to sd_node tree through libyaml's event parser.
 *
 * Scalars are resolved the way gopkg.in/yaml.v3 resolves them into an
 * interface{} (resolve.go): null/~/empty, true/false in three spellings,
 * integers through Go's ParseInt/ParseUint with base prefixes (0x, 0o, 0b,
 * and a bare leading 0 meaning octal) after dropping underscores, floats by
 * its yamlStyleFloat pattern, .inf/.nan; anything else is a string.  Each
 * number keeps its source text and, when different, the JSON text that
 * Go's YAML->JSON step writes (SD_NODE_NUM_ALT, stored after the text).
 *
 * Aliases share the anchored subtree (nodes are read-only), so memory is
 * bounded; the nodes an alias stands for are counted against
 * max_alias_nodes so that consumers walking the tree stay bounded too.
 * libyaml marks count from 0 and count characters: they are converted once
 * here to 1-based lines and byte columns.
 */
#include "doc_impl.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "specdiff/base.h"
#include "specdiff/gonum.h"
#include "specdiff/util.h"

#define MEMBER_MERGE (1u << 1) /* private: a "<<" merge key, resolved at close (sd_member.flags has 2 bits) */

typedef struct yframe {
	sd_node *node;
	size_t base;          /* first entry on the scratch stack */
	long anchor;          /* anchor index or -1 */
	size_t made_at_start; /* p->made when the collection started */
	bool want_value;      /* mapping: a key was read, its value is next */
	bool has_merge;
	bool ckey_dup;        /* two collection keys of one kind (yaml.v3: duplicates) */
	uint32_t ckey_line[2], ckey_col[2]; /* first mapping / sequence key */
} yframe;

typedef struct anchor {
	char *name;           /* malloc'd */
	bool time;            /* a timestamp scalar */
	const sd_node *node;  /* NULL while the anchored node is being built */
	size_t size;          /* nodes it stands for, aliases expanded */
} anchor;

typedef struct yp {
	sd_doc *d;
	const char *src;
	size_t len;
	sd_error *err;
	const sd_load_opts *o;
	size_t cur_line, cur_off; /* position cursor: 0-based line and its offset */
	size_t bom;
	yframe *frames;
	size_t nframes, cap_frames;
	sd_node *items;       /* items of open sequences, by value */
	size_t nitems, cap_items;
	sd_member *mems;
	size_t nmems, cap_mems;
	anchor *anchors;
	size_t nanchors, cap_anchors;
	sd_strmap names;      /* anchor name -> index + 1 (names borrowed from anchors) */
	size_t made;          /* nodes of this document, aliases expanded */
	size_t alias_nodes;   /* nodes added by alias expansion */
	sd_node *root;
	sd_buf tmp;
	sd_buf conv;          /* a scalar's converted text (!!binary) */
	bool last_time;       /* the node being attached is a timestamp */
	/* Errors yaml.v3 finds only when it decodes the parsed document (or
	 * the JSON step after it): a syntax error anywhere wins over them, so
	 * they wait for the end of the document; the highest rank is kept. */
	sd_error late;
	int late_rank;
} yp;

enum { LATE_CONVERT = 1, LATE_DUPKEY = 2, LATE_DECODE = 3 };

/* 1-based line and byte column of a libyaml mark; returns its byte offset. */
static size_t mark_pos(yp *p, yaml_mark_t m, uint32_t *line, uint32_t *col)
{
	while (p->cur_line < m.line) {
		const char *nl = memchr(p->src + p->cur_off, '\n', p->len - p->cur_off);
		if (!nl)
			break;
		p->cur_off = (size_t)(nl - p->src) + 1;
		p->cur_line++;
	}
	while (p->cur_line > m.line) {
		size_t i = p->cur_off - 1; /* the '\n' ending the previous line */
		while (i > 0 && p->src[i - 1] != '\n')
			i--;
		p->cur_off = i;
		p->cur_line--;
	}
	size_t off = p->cur_off + (p->cur_line == 0 ? p->bom : 0);
	for (size_t c = 0; c < m.column && off < p->len && p->src[off] != '\n'; c++) {
		unsigned char b = (unsigned char)p->src[off];
		off += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
	}
	if (off > p->len)
		off = p->len;
	*line = (uint32_t)p->cur_line + 1;
	*col = (uint32_t)(off - p->cur_off) + 1;
	return off;
}

static void fail_at(yp *p, yaml_mark_t m, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void fail_at(yp *p, yaml_mark_t m, const char *fmt, ...)
{
	uint32_t line, col;
	mark_pos(p, m, &line, &col);
	sd_error_set(p->err, p->d->name, line, col, "%s", "");
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->err->msg, sizeof(p->err->msg), fmt, ap);
	va_end(ap);
}

static void late_at(yp *p, int rank, uint32_t line, uint32_t col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void late_at(yp *p, int rank, uint32_t line, uint32_t col, const char *fmt, ...)
{
	if (rank <= p->late_rank)
		return;
	p->late_rank = rank;
	sd_error_set(&p->late, p->d->name, line, col, "%s", "");
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->late.msg, sizeof(p->late.msg), fmt, ap);
	va_end(ap);
}

static void late_mark(yp *p, int rank, yaml_mark_t m, const char *what, const char *v, size_t n)
{
	uint32_t line, col;
	mark_pos(p, m, &line, &col);
	late_at(p, rank, line, col, what, (int)(n > 80 ? 80 : n), v);
}

/* ---- scalar resolution (yaml.v3 resolve.go) ---- */

/* R_TIME: a time.Time, which the JSON step writes as an RFC 3339 string
 * (held in ts).  R_STR may carry its own text (sv/sn, e.g. a decoded
 * !!binary) instead of the event's. */
typedef enum rkind { R_STR, R_NULL, R_BOOL, R_INT, R_UINT, R_FLOAT, R_TIME } rkind;

typedef struct resolved {
	rkind kind;
	bool b;
	int64_t i;
	uint64_t u;
	double f;
	const char *sv;
	size_t sn;
	char ts[48];
} resolved;

static bool str_in(const char *s, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == n && memcmp(*list, s, n) == 0)
			return true;
	return false;
}

static int digit_val(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/* Go's ParseUint(s, 0, 64) magnitude part: 0 ok, -1 syntax, -2 range. */
static int go_parse_uint(const char *s, size_t n, uint64_t *out)
{
	int base = 10;
	if (n >= 2 && s[0] == '0') {
		char c = s[1];
		if (c == 'x' || c == 'X')
			base = 16, s += 2, n -= 2;
		else if (c == 'o' || c == 'O')
			base = 8, s += 2, n -= 2;
		else if (c == 'b' || c == 'B')
			base = 2, s += 2, n -= 2;
		else
			base = 8, s += 1, n -= 1;
	}
	if (n == 0)
		return -1;
	uint64_t v = 0;
	bool range = false;
	for (size_t i = 0; i < n; i++) {
		int dv = digit_val(s[i]);
		if (dv >= base)
			return -1;
		if (v > (UINT64_MAX - (uint64_t)dv) / (uint64_t)base)
			range = true;
		else
			v = v * (uint64_t)base + (uint64_t)dv;
	}
	*out = v;
	return range ? -2 : 0;
}

/* ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$ */
static bool yaml_style_float(const char *s, size_t n)
{
	size_t i = 0;
	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	size_t d0 = i;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == d0) {
		if (i >= n || s[i] != '.')
			return false;
		size_t f0 = ++i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == f0)
			return false;
	} else if (i < n && s[i] == '.') {
		i++;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '-' || s[i] == '+'))
			i++;
		size_t e0 = i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == e0)
			return false;
	}
	return i == n;
}

/* strconv.ParseFloat on text the pattern above accepted: fails only on
 * overflow (Go returns ErrRange with +-Inf). */
static bool go_parse_float(const char *s, size_t n, double *out)
{
	char buf[512];
	char *heap = NULL, *t = buf;
	if (n >= sizeof(buf))
		t = heap = sd_xmalloc(n + 1);
	memcpy(t, s, n);
	t[n] = '\0';
	*out = strtod(t, NULL);
	free(heap);
	return !isinf(*out);
}

static bool resolve_number(const char *in, size_t n, resolved *r)
{
	char sbuf[256];
	char *heap = NULL, *plain = sbuf;
	if (n >= sizeof(sbuf))
		plain = heap = sd_xmalloc(n + 1);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (in[i] != '_')
			plain[m++] = in[i];
	bool ok = true;
	bool neg = m && plain[0] == '-', sign = m && (plain[0] == '-' || plain[0] == '+');
	uint64_t u = 0;
	int rc = go_parse_uint(plain + sign, m - sign, &u);
	if (rc == 0 && !neg && u <= INT64_MAX) {
		r->kind = R_INT, r->i = (int64_t)u;
	} else if (rc == 0 && neg && u <= (uint64_t)INT64_MAX + 1) {
		r->kind = R_INT, r->i = u == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)u;
	} else if (rc == 0 && !sign) {
		r->kind = R_UINT, r->u = u;   /* ParseUint takes no sign */
	} else if (yaml_style_float(plain, m) && go_parse_float(plain, m, &r->f)) {
		r->kind = R_FLOAT;
	} else {
		ok = false;
	}
	free(heap);
	return ok;
}


/* ---- timestamps (yaml.v3 parseTimestamp: Go's time.Parse) ---- */

/* Go's getnum: one or two digits (fixed: exactly two). */
static bool ts_num(const char *s, size_t n, size_t *i, bool fixed, int *out)
{
	if (*i >= n || s[*i] < '0' || s[*i] > '9')
		return false;
	int v = s[(*i)++] - '0';
	if (*i < n && s[*i] >= '0' && s[*i] <= '9')
		v = v * 10 + (s[(*i)++] - '0');
	else if (fixed)
		return false;
	*out = v;
	return true;
}

static int days_in(int month, int year)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
	return month == 2 && leap ? 29 : days[month - 1];
}

/* Go's "Z07:00": Z, or a sign, two digits, ':' and two digits (not range
 * checked: Go 1.19 takes +99:99). */
static bool ts_zone(const char *s, size_t n, size_t *i, int *minutes)
{
	if (*i < n && s[*i] == 'Z') {
		(*i)++;
		*minutes = 0;
		return true;
	}
	if (n - *i < 6 || (s[*i] != '+' && s[*i] != '-') || s[*i + 3] != ':')
		return false;
	size_t j = *i + 1;
	int hh, mm;
	if (!ts_num(s, *i + 3, &j, true, &hh) || (j = *i + 4, !ts_num(s, *i + 6, &j, true, &mm)))
		return false;
	*minutes = (s[*i] == '-' ? -1 : 1) * (hh * 60 + mm);
	*i += 6;
	return true;
}

/* yaml.v3's four layouts "2006-1-2T15:4:5.999999999Z07:00" (T or t),
 * "2006-1-2 15:4:5.999999999" and "2006-1-2" as time.Parse reads them,
 * written the way time.Time's MarshalJSON writes it (RFC 3339 with
 * nanoseconds, trailing zeros cut, "Z" for a zero offset). */
static bool parse_timestamp(const char *s, size_t n, char *out, size_t size)
{
	int y = 0, mo, d, h = 0, mi = 0, sec = 0, zone = 0;
	char frac[10] = "";
	size_t i = 0;
	for (; i < 4; i++) {
		if (i >= n || s[i] < '0' || s[i] > '9')
			return false;
		y = y * 10 + (s[i] - '0');
	}
	if (i >= n || s[i++] != '-' || !ts_num(s, n, &i, false, &mo) || mo < 1 || mo > 12 ||
	    i >= n || s[i++] != '-' || !ts_num(s, n, &i, false, &d) || d < 1 || d > days_in(mo, y))
		return false;
	if (i < n) {
		char sep = s[i++];
		if ((sep != 'T' && sep != 't' && sep != ' ') ||
		    !ts_num(s, n, &i, false, &h) || h > 23 || i >= n || s[i++] != ':' ||
		    !ts_num(s, n, &i, false, &mi) || mi > 59 || i >= n || s[i++] != ':' ||
		    !ts_num(s, n, &i, false, &sec) || sec > 59)
			return false;
		if (i + 1 < n && (s[i] == '.' || s[i] == ',') && s[i + 1] >= '0' && s[i + 1] <= '9') {
			size_t k = 0;
			for (i++; k < 9 && i < n && s[i] >= '0' && s[i] <= '9'; k++)
				frac[k] = s[i++];
			while (k > 0 && frac[k - 1] == '0')
				frac[--k] = '\0';
		}
		if (sep != ' ' && !ts_zone(s, n, &i, &zone))
			return false;
	}
	if (i != n)
		return false;
	int len = snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02d%s%s", y, mo, d, h, mi, sec,
			   frac[0] ? "." : "", frac);
	if (zone == 0)
		snprintf(out + len, size - (size_t)len, "Z");
	else
		snprintf(out + len, size - (size_t)len, "%c%02d:%02d", zone < 0 ? '-' : '+',
			 abs(zone) / 60, abs(zone) % 60);
	return true;
}

/* try_ts: yaml.v3 tries a timestamp only with no tag or !!timestamp. */
static void resolve_plain(const char *s, size_t n, resolved *r, bool try_ts)
{
	static const char *const nulls[] = { "", "~", "null", "Null", "NULL", NULL };
	static const char *const trues[] = { "true", "True", "TRUE", NULL };
	static const char *const falses[] = { "false", "False", "FALSE", NULL };
	static const char *const nans[] = { ".nan", ".NaN", ".NAN", NULL };
	static const char *const pinfs[] = { ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", NULL };
	static const char *const ninfs[] = { "-.inf", "-.Inf", "-.INF", NULL };
	memset(r, 0, sizeof(*r));
	if (str_in(s, n, nulls)) {
		r->kind = R_NULL;
	} else if (str_in(s, n, trues) || str_in(s, n, falses)) {
		r->kind = R_BOOL;
		r->b = s[0] == 't' || s[0] == 'T';
	} else if (str_in(s, n, nans)) {
		r->kind = R_FLOAT, r->f = NAN;
	} else if (str_in(s, n, pinfs) || str_in(s, n, ninfs)) {
		r->kind = R_FLOAT, r->f = s[0] == '-' ? -INFINITY : INFINITY;
	} else if (s[0] == '.') {
		if (yaml_style_float(s, n) && go_parse_float(s, n, &r->f))
			r->kind = R_FLOAT;
	} else if (try_ts && n > 4 && s[4] == '-' && parse_timestamp(s, n, r->ts, sizeof(r->ts))) {
		r->kind = R_TIME;
	} else if ((s[0] >= '0' && s[0] <= '9') || s[0] == '-' || s[0] == '+') {
		if (!resolve_number(s, n, r))
			r->kind = R_STR;
	}
}

bool sdp_yaml_plain_is_string(const char *s, size_t n)
{
	resolved r;
	resolve_plain(s, n, &r, true);
	return r.kind == R_STR;
}

static const char *short_tag(const char *tag, char *buf, size_t size)
{
	static const char prefix[] = "tag:yaml.org,2002:";
	if (tag && strncmp(tag, prefix, sizeof(prefix) - 1) == 0) {
		snprintf(buf, size, "!!%s", tag + sizeof(prefix) - 1);
		return buf;
	}
	return tag;
}

static const char *rkind_tag(rkind k)
{
	static const char *const names[] = { "!!str", "!!null", "!!bool", "!!int", "!!int", "!!float",
		"!!timestamp" };
	return names[k];
}

static int b64_val(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	return c == '+' ? 62 : c == '/' ? 63 : -1;
}

/* Go's base64.StdEncoding.DecodeString: padding required, '\r' and '\n'
 * skipped, nothing after the padding; false on anything else. */
static bool b64_decode(const char *s, size_t n, sd_buf *out)
{
	unsigned acc = 0;
	int have = 0, pad = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\r' || c == '\n')
			continue;
		if (c == '=' && have >= 2 && pad < 4 - have) {
			pad++;
			continue;
		}
		int v = b64_val(c);
		if (v < 0 || pad)
			return false;
		acc = acc << 6 | (unsigned)v;
		if (++have == 4) {
			char b[3] = { (char)(acc >> 16), (char)(acc >> 8), (char)acc };
			sd_buf_add(out, b, 3);
			have = 0, acc = 0;
		}
	}
	if (have && have + pad != 4)
		return false;
	if (have >= 2)
		sd_buf_addc(out, (char)(acc >> (have == 2 ? 4 : 10)));
	if (have == 3)
		sd_buf_addc(out, (char)(acc >> 2));
	return true;
}

/* json.Marshal writes each byte that does not start valid UTF-8 as
 * U+FFFD: the decoded bytes of a !!binary become text as Go's JSON step
 * leaves them. */
static void to_go_utf8(const char *s, size_t n, sd_buf *out)
{
	sd_buf_reset(out);
	for (size_t i = 0; i < n;) {
		size_t k = sd_utf8_len(s + i, n - i);
		if (k) {
			sd_buf_add(out, s + i, k);
			i += k;
		} else {
			sd_buf_adds(out, "\xef\xbf\xbd");
			i++;
		}
	}
	sd_buf_grow(out, 0);
}

static bool resolve_binary(yp *p, const yaml_event_t *ev, resolved *r)
{
	sd_buf raw = SD_BUF_INIT;
	bool ok = b64_decode((const char *)ev->data.scalar.value, ev->data.scalar.length, &raw);
	if (ok) {
		to_go_utf8(raw.data ? raw.data : "", raw.len, &p->conv);
		r->kind = R_STR, r->sv = p->conv.data, r->sn = p->conv.len;
	} else {
		late_mark(p, LATE_DECODE, ev->start_mark, "!!binary value `%.*s` contains invalid "
			  "base64 data", (const char *)ev->data.scalar.value, ev->data.scalar.length);
		r->kind = R_NULL;
	}
	sd_buf_release(&raw);
	return true;
}

/* Resolves a scalar event as yaml.v3 decodes it into interface{}.
 * Returns false (error set) when an explicit tag does not fit the value. */
static bool resolve_scalar(yp *p, const yaml_event_t *ev, resolved *r)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length;
	char tbuf[128];
	const char *tag = short_tag((const char *)ev->data.scalar.tag, tbuf, sizeof(tbuf));
	bool plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	memset(r, 0, sizeof(*r));
	if (!tag || !*tag || !strcmp(tag, "!")) {
		/* yaml.v3 (parser.node): a bare "!" is no tag at all */
		if (plain)
			resolve_plain(v, n, r, true);
		return true;
	}
	if (!strcmp(tag, "!!binary"))
		return resolve_binary(p, ev, r);
	if (strcmp(tag, "!!int") && strcmp(tag, "!!float") && strcmp(tag, "!!bool") &&
	    strcmp(tag, "!!null") && strcmp(tag, "!!timestamp"))
		return true; /* !!str, custom tags: the text as a string */
	resolve_plain(v, n, r, !strcmp(tag, "!!timestamp"));
	if (!strcmp(tag, "!!float") && r->kind == R_INT) {
		r->kind = R_FLOAT, r->f = (double)r->i;  /* not uint64: Go fails those */
	} else if (strcmp(tag, rkind_tag(r->kind))) {
		char what[160];
		snprintf(what, sizeof what, "cannot decode %s `%%.*s` as a %s", rkind_tag(r->kind), tag);
		late_mark(p, LATE_DECODE, ev->start_mark, what, v, n);
		memset(r, 0, sizeof(*r));
		r->kind = R_NULL;
	}
	return true;
}

/* The JSON text Go writes for a resolved number. */
static void go_json_text(const resolved *r, sd_buf *out)
{
	sd_buf_reset(out);
	if (r->kind == R_INT)
		sd_buf_addf(out, "%lld", (long long)r->i);
	else if (r->kind == R_UINT)
		sd_buf_addf(out, "%llu", (unsigned long long)r->u);
	else
		sd_go_json_float(out, r->f);
}

/* A mapping key as Go's YAML->JSON step names it (keyString in the
 * reference): strings as they are, other scalars formatted. */
static void key_text(const resolved *r, const char *v, size_t n, sd_buf *out)
{
	sd_buf_reset(out);
	switch (r->kind) {
	case R_STR: sd_buf_add(out, v, n); break;
	case R_NULL: sd_buf_adds(out, "null"); break;
	case R_BOOL: sd_buf_adds(out, r->b ? "true" : "false"); break;
	case R_INT: sd_buf_addf(out, "%lld", (long long)r->i); break;
	case R_UINT: sd_buf_addf(out, "%llu", (unsigned long long)r->u); break;
	case R_FLOAT: sd_go_format_float(out, r->f, 'g'); break;
	case R_TIME: sd_buf_adds(out, r->ts); break;
	}
	sd_buf_grow(out, 0);
}

static void plain_notes(yp *p, const yaml_event_t *ev, uint32_t line, uint32_t col)
{
	static const char *const yaml11[] = { "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No",
		"NO", "on", "On", "ON", "off", "Off", "OFF", NULL };
	const char *v = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length;
	if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE || ev->data.scalar.tag)
		return;
	if (str_in(v, n, yaml11))
		sdp_doc_add_note(p->d, line, col, "'%s' is the string \"%s\" here (YAML 1.2); YAML 1.1 "
				"tools read it as a boolean: quote it to be clear", v, v);
}

/* libyaml 0.2.5 takes the JSON escape "\/" in a double-quoted scalar;
 * yaml.v3's scanner does not ("found unknown escape character").  The
 * event has only the decoded text, so the source span is scanned here:
 * every backslash in it starts an escape (the scalar ended at the first
 * unescaped '"'). */
static bool escapes_ok(yp *p, const yaml_event_t *ev)
{
	uint32_t l0, c0, l1, c1;
	size_t from = mark_pos(p, ev->start_mark, &l0, &c0);
	size_t to = mark_pos(p, ev->end_mark, &l1, &c1);
	size_t ls = from - (c0 - 1);   /* where the line of the backslash starts */
	uint32_t line = l0;
	for (size_t i = from; i + 1 < to; i++) {
		if (p->src[i] == '\n')
			line++, ls = i + 1;
		if (p->src[i] != '\\')
			continue;
		if (p->src[++i] != '/')
			continue;
		/* yaml.v3 names the scalar's line, or the backslash's when the
		 * scalar starts on the first line (parser.fail) */
		sd_error_set(p->err, p->d->name, ev->start_mark.line ? l0 : line,
			     (unsigned)(i - ls), "found unknown escape character '\\/' while parsing "
			     "a quoted scalar (gopkg.in/yaml.v3 does not take it: write '/')");
		return false;
	}
	return true;
}

static sd_node *make_scalar(yp *p, const yaml_event_t *ev)
{
	uint32_t line, col;
	mark_pos(p, ev->start_mark, &line, &col);
	resolved r;
	if (ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE && !escapes_ok(p, ev))
		return NULL;
	if (!resolve_scalar(p, ev, &r))
		return NULL;
	const char *v = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length;
	if (n > UINT32_MAX) {
		fail_at(p, ev->start_mark, "scalar longer than 4 GiB");
		return NULL;
	}
	static const sd_kind kinds[] = { SD_STRING, SD_NULL, SD_BOOL, SD_NUMBER, SD_NUMBER, SD_NUMBER,
		SD_STRING };
	sd_node *node = sdp_doc_node(p->d, kinds[r.kind], line, col);
	if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		node->flags |= SD_NODE_QUOTED;
	p->last_time = r.kind == R_TIME;
	if (r.kind == R_TIME)
		r.sv = r.ts, r.sn = strlen(r.ts);
	if (r.kind == R_STR || r.kind == R_TIME) {
		if (r.kind == R_TIME && !ev->data.scalar.tag)
			sdp_doc_add_note(p->d, line, col, "'%.*s' is a timestamp for gopkg.in/yaml.v3: "
					"Go's YAML->JSON step writes it as \"%s\"; quote it to keep "
					"the text", (int)n, v, r.ts);
		if (r.sv)
			v = r.sv, n = r.sn;
		else
			plain_notes(p, ev, line, col);
		node->u.str = sdp_doc_textdup(p->d, v, n);
		node->len = (uint32_t)n;
	} else if (r.kind == R_BOOL) {
		node->u.boolean = r.b;
	} else if (r.kind != R_NULL) {
		node->len = (uint32_t)n;
		if (r.kind == R_FLOAT && (isnan(r.f) || isinf(r.f))) {
			node->flags |= SD_NODE_NUM_NOJSON;
			node->u.num = sdp_doc_textdup(p->d, v, n);
			return node;
		}
		go_json_text(&r, &p->tmp);
		if (p->tmp.len == n && memcmp(p->tmp.data, v, n) == 0) {
			node->u.num = sdp_doc_textdup(p->d, v, n);
		} else {
			/* text NUL alt NUL: see sd_number_go_text */
			char *t = sdp_doc_text(p->d, n + 1 + p->tmp.len + 1);
			memcpy(t, v, n);
			t[n] = '\0';
			memcpy(t + n + 1, p->tmp.data, p->tmp.len + 1);
			node->u.num = t;
			node->flags |= SD_NODE_NUM_ALT;
		}
	}
	return node;
}

/* ---- anchors and aliases ---- */

static long anchor_define(yp *p, const yaml_char_t *name)
{
	if (!name)
		return -1;
	p->anchors = sd_xgrow(p->anchors, &p->cap_anchors, p->nanchors + 1, sizeof(anchor));
	anchor *a = &p->anchors[p->nanchors];
	a->name = sd_xstrdup((const char *)name);
	a->node = NULL;
	a->size = 0;
	a->time = false;
	p->nanchors++;
	/* the latest anchor of a name wins; a hash, not a scan: 10^5
	 * anchors each used once must stay linear */
	sd_strmap_put(&p->names, a->name, strlen(a->name), (void *)(uintptr_t)p->nanchors);
	return (long)p->nanchors - 1;
}

static size_t sat_add(size_t a, size_t b)
{
	return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

static const sd_node *alias_resolve(yp *p, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	size_t idx = (size_t)(uintptr_t)sd_strmap_get(&p->names, name, strlen(name));
	if (!idx) {
		fail_at(p, ev->start_mark, "unknown anchor '%s' referenced by an alias", name);
		return NULL;
	}
	anchor *a = &p->anchors[idx - 1];
	if (!a->node) {
		fail_at(p, ev->start_mark, "alias *%s refers to a node that contains it "
			"(a recursive alias cannot be expanded)", name);
		return NULL;
	}
	p->alias_nodes = sat_add(p->alias_nodes, a->size);
	p->made = sat_add(p->made, a->size);
	if (p->alias_nodes > p->o->max_alias_nodes) {
		fail_at(p, ev->start_mark, "YAML aliases expand to more than %zu nodes "
			"(the limit; is this an alias bomb?)", p->o->max_alias_nodes);
		return NULL;
	}
	p->last_time = a->time;
	return a->node;
}

static void anchors_reset(yp *p)
{
	for (size_t i = 0; i < p->nanchors; i++)
		free(p->anchors[i].name);
	p->nanchors = 0;
	sd_strmap_release(&p->names);
	sd_strmap_init(&p->names);
}

/* ---- tree building ---- */

static bool key_from_node(yp *p, const sd_node *k, sd_member *m)
{
	resolved r = { 0 };
	const char *v = "";
	size_t n = 0;
	switch ((sd_kind)k->kind) {
	case SD_STRING: r.kind = R_STR, v = k->u.str, n = k->len; break;
	case SD_NULL: r.kind = R_NULL; break;
	case SD_BOOL: r.kind = R_BOOL, r.b = k->u.boolean; break;
	case SD_NUMBER: resolve_plain(k->u.num, k->len, &r, false); break;
	default: return false;
	}
	if (k->kind == SD_NUMBER && r.kind == R_STR)
		r.kind = R_FLOAT, r.f = strtod(k->u.num, NULL); /* !!float-tagged text */
	key_text(&r, v, n, &p->tmp);
	m->key = sdp_doc_textdup(p->d, p->tmp.data, p->tmp.len);
	m->key_len = (uint32_t)p->tmp.len;
	m->value.line = k->line;   /* the key's line until the value replaces it */
	sd_member_set_key_col(m, k->col);
	if (k->kind == SD_STRING && !(k->flags & SD_NODE_QUOTED) && k->len == 2 &&
	    memcmp(k->u.str, "<<", 2) == 0)
		m->flags |= MEMBER_MERGE;
	return true;
}

/* A mapping or sequence as a mapping key: yaml.v3 first reports two such
 * keys of one kind as duplicates (both have the empty Value it compares),
 * and otherwise fails on the first ("invalid map key"; see
 * close_collection).  The member gets an empty key: the document fails. */
static void collection_key(yp *p, yframe *f, const sd_node *k, sd_member *m)
{
	int i = k->kind == SD_ARRAY;
	m->key = "";
	m->value.line = k->line;
	sd_member_set_key_col(m, k->col);
	if (!f->ckey_line[i]) {
		f->ckey_line[i] = k->line, f->ckey_col[i] = k->col;
	} else if (!f->ckey_dup) {
		f->ckey_dup = true;
		late_at(p, LATE_DUPKEY, k->line, k->col, "this %s as a mapping key repeats the one at "
			"line %u (yaml.v3 sees two equal keys)", i ? "sequence" : "mapping",
			f->ckey_line[i]);
	}
}

/* Attaches a complete node (a value, or a key when a mapping waits for
 * one) to the open collection, or makes it the root. */
static bool attach(yp *p, sd_node *v, yaml_mark_t mark)
{
	if (!p->nframes) {
		p->root = v;
		return true;
	}
	yframe *f = &p->frames[p->nframes - 1];
	if (f->node->kind == SD_ARRAY) {
		p->items = sd_xgrow(p->items, &p->cap_items, p->nitems + 1, sizeof(sd_node));
		p->items[p->nitems++] = *v;
		return true;
	}
	if (f->want_value) {
		sd_member *m = &p->mems[p->nmems - 1];
		uint32_t key_line = m->value.line;
		m->value = *v;
		sd_member_set_key_line(m, key_line);
		f->want_value = false;
		return true;
	}
	p->mems = sd_xgrow(p->mems, &p->cap_mems, p->nmems + 1, sizeof(sd_member));
	sd_member *m = &p->mems[p->nmems];
	memset(m, 0, sizeof(*m));
	if (!key_from_node(p, v, m))
		collection_key(p, f, v, m);
	else if (p->last_time)
		late_at(p, LATE_CONVERT, v->line, v->col, "the timestamp %s is a mapping key: Go's "
			"YAML->JSON step cannot make a JSON key of a time.Time (quote it)", m->key);
	if (m->flags & MEMBER_MERGE)
		f->has_merge = true;
	p->nmems++;
	f->want_value = true;
	return true;
}

static bool open_collection(yp *p, const yaml_event_t *ev, sd_kind k)
{
	if (p->nframes >= p->o->max_depth) {
		fail_at(p, ev->start_mark, "nesting deeper than %u levels (the limit for an input)",
			p->o->max_depth);
		return false;
	}
	uint32_t line, col;
	mark_pos(p, ev->start_mark, &line, &col);
	p->frames = sd_xgrow(p->frames, &p->cap_frames, p->nframes + 1, sizeof(yframe));
	yframe *f = &p->frames[p->nframes++];
	memset(f, 0, sizeof(*f));
	f->node = sdp_doc_node(p->d, k, line, col);
	p->made = sat_add(p->made, 1);
	bool flow = k == SD_OBJECT ? ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
				   : ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
	if (flow)
		f->node->flags |= SD_NODE_FLOW;
	f->base = k == SD_OBJECT ? p->nmems : p->nitems;
	f->made_at_start = p->made;
	f->anchor = anchor_define(p, k == SD_OBJECT ? ev->data.mapping_start.anchor
						    : ev->data.sequence_start.anchor);
	return true;
}

static bool key_present(const sd_member *m, size_t n, const sd_member *k)
{
	for (size_t i = 0; i < n; i++)
		if (m[i].key_len == k->key_len && memcmp(m[i].key, k->key, k->key_len) == 0)
			return true;
	return false;
}

static void merge_one(sd_buf *out, const sd_member *own, size_t nown, const sd_node *src)
{
	for (uint32_t i = 0; i < src->len; i++) {
		const sd_member *m = &src->u.members[i];
		const sd_member *have = (const sd_member *)out->data;
		if (!key_present(own, nown, m) && !key_present(have, out->len / sizeof(*m), m)) {
			sd_member c = *m;
			c.flags = 0;
			sd_buf_add(out, &c, sizeof(c));
		}
	}
}

/* Resolves "<<" merge keys as yaml.v3 does: keys written in the mapping
 * win, then earlier merged mappings over later ones. */
static bool apply_merges(yp *p, yframe *f, sd_buf *out)
{
	sd_member *m = p->mems + f->base;
	size_t n = p->nmems - f->base;
	sd_member *own = sd_xmalloc((n ? n : 1) * sizeof(*own));
	size_t nown = 0;
	for (size_t i = 0; i < n; i++)
		if (!(m[i].flags & MEMBER_MERGE))
			own[nown++] = m[i];
	for (size_t i = 0; i < n; i++) {
		const sd_node *v = &m[i].value;
		if (!(m[i].flags & MEMBER_MERGE)) {
			sd_buf_add(out, &m[i], sizeof(m[i]));
			continue;
		}
		bool ok = v->kind == SD_OBJECT;
		if (v->kind == SD_ARRAY) {
			ok = true;
			for (uint32_t j = 0; j < v->len; j++)
				ok = ok && v->u.items[j].kind == SD_OBJECT;
		}
		if (!ok) {
			sd_error_set(p->err, p->d->name, sd_member_key_line(&m[i]), m[i].key_col,
				     "map merge requires a mapping or a sequence of mappings after '<<'");
			free(own);
			return false;
		}
		if (v->kind == SD_OBJECT)
			merge_one(out, own, nown, v);
		else
			for (uint32_t j = 0; j < v->len; j++)
				merge_one(out, own, nown, &v->u.items[j]);
	}
	free(own);
	return true;
}

static bool close_collection(yp *p, yaml_mark_t mark)
{
	yframe f = p->frames[--p->nframes];
	sd_node *n = f.node;
	for (int i = 0; i < 2 && !f.ckey_dup; i++)
		if (f.ckey_line[i])
			late_at(p, LATE_DECODE, f.ckey_line[i], f.ckey_col[i], "a mapping key must be a "
				"scalar, not a %s", i ? "sequence" : "mapping");
	p->last_time = false;
	if (n->kind == SD_ARRAY) {
		size_t cnt = p->nitems - f.base;
		if (cnt) {
			n->u.items = sd_arena_array(p->d->arena, cnt, sizeof(sd_node));
			memcpy(n->u.items, p->items + f.base, cnt * sizeof(sd_node));
		}
		n->len = (uint32_t)cnt;
		p->nitems = f.base;
	} else {
		sd_buf merged = SD_BUF_INIT;
		size_t cnt = p->nmems - f.base;
		/* An empty mapping may have left p->mems NULL: NULL + 0 is UB. */
		const sd_member *src = cnt ? p->mems + f.base : NULL;
		if (f.has_merge) {
			if (!apply_merges(p, &f, &merged)) {
				sd_buf_release(&merged);
				return false;
			}
			src = (const sd_member *)merged.data;
			cnt = merged.len / sizeof(sd_member);
		}
		if (cnt) {
			n->u.members = sd_arena_array(p->d->arena, cnt, sizeof(sd_member));
			memcpy(n->u.members, src, cnt * sizeof(sd_member));
			if (sdp_doc_mark_duplicates(n->u.members, cnt))
				n->flags |= SD_NODE_DUPKEYS;
		}
		n->len = (uint32_t)cnt;
		p->nmems = f.base;
		sd_buf_release(&merged);
	}
	if (f.anchor >= 0) {
		p->anchors[f.anchor].node = n;
		p->anchors[f.anchor].size = p->made - f.made_at_start + 1;
	}
	return attach(p, n, mark);
}

static bool on_event(yp *p, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT: {
		long a = anchor_define(p, ev->data.scalar.anchor);
		sd_node *n = make_scalar(p, ev);
		if (!n)
			return false;
		p->made = sat_add(p->made, 1);
		if (a >= 0) {
			p->anchors[a].node = n;
			p->anchors[a].size = 1;
			p->anchors[a].time = p->last_time;
		}
		return attach(p, n, ev->start_mark);
	}
	case YAML_ALIAS_EVENT: {
		const sd_node *n = alias_resolve(p, ev);
		/* Shared, never modified: the cast only fits the builder's type. */
		return n && attach(p, (sd_node *)(uintptr_t)n, ev->start_mark);
	}
	case YAML_SEQUENCE_START_EVENT:
		return open_collection(p, ev, SD_ARRAY);
	case YAML_MAPPING_START_EVENT:
		return open_collection(p, ev, SD_OBJECT);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return close_collection(p, ev->start_mark);
	default:
		return true;
	}
}

/* libyaml's error as a positioned sd_error. */
static void libyaml_error(yp *p, const yaml_parser_t *ps, sd_error *e)
{
	const char *problem = ps->problem ? ps->problem : "malformed YAML";
	if (ps->error == YAML_READER_ERROR) {
		size_t off = ps->problem_offset < p->len ? ps->problem_offset : p->len;
		uint32_t line = 1;
		size_t ls = 0;
		for (size_t i = 0; i < off; i++)
			if (p->src[i] == '\n')
				line++, ls = i + 1;
		sd_error_set(e, p->d->name, line, (unsigned)(off - ls + 1),
			     "%s in YAML input (%s); YAML must be valid UTF-8",
			     strstr(problem, "UTF") || strstr(problem, "Unicode") ? "invalid UTF-8"
									: "invalid character",
			     problem);
		return;
	}
	uint32_t line, col;
	mark_pos(p, ps->problem_mark, &line, &col);
	uint32_t cl = 0, cc = 0;
	if (ps->context)
		mark_pos(p, ps->context_mark, &cl, &cc);
	bool elsewhere = ps->context && (cl != line || cc != col);
	/* The line yaml.v3 prints (parser.fail): the context mark's line if
	 * it is not the first, else the problem mark's, as libyaml's 0-based
	 * number, plus one for scanner errors only; none when both are 0.
	 * The column is libyaml's problem column (yaml.v3 gives none). */
	size_t gl = ps->context_mark.line ? ps->context_mark.line : ps->problem_mark.line;
	if (gl && ps->error == YAML_SCANNER_ERROR)
		gl++;
	if (gl)
		line = (uint32_t)gl;
	if (elsewhere) {
		/* the construct began elsewhere: say where, once */
		sd_error_set(e, p->d->name, line, col, "%s %s begun at line %u column %u", problem,
			     ps->context, cl, cc);
	} else if (ps->context) {
		sd_error_set(e, p->d->name, line, col, "%s %s", problem, ps->context);
	} else {
		sd_error_set(e, p->d->name, line, col, "%s", problem);
	}
}

/* True when some line has a '#' comment (at line start or after a blank);
 * libyaml drops comments, so normalize says they are not kept.  A '#'
 * inside a quoted string after a space counts too: good enough for a note. */
static bool has_comments(const char *s, size_t n)
{
	for (const char *h = memchr(s, '#', n); h; h = memchr(h + 1, '#', n - (size_t)(h + 1 - s)))
		if (h == s || h[-1] == ' ' || h[-1] == '\t' || h[-1] == '\n')
			return true;
	return false;
}

static void yp_release(yp *p)
{
	anchors_reset(p);
	free(p->anchors);
	free(p->frames);
	free(p->items);
	free(p->mems);
	sd_buf_release(&p->tmp);
	sd_buf_release(&p->conv);
}

/* libyaml 0.2.5 reads "%YAML 1.2" documents; yaml.v3's port of it takes
 * only 1.1 ("found incompatible YAML document").  The event keeps the
 * version, so the check needs no scanner of ours.  Past the wanted
 * document the problem is only a note (later is set) and reading stops,
 * as yaml.v3 stops at a document it cannot read. */
static bool version_ok(yp *p, const yaml_event_t *ev, bool later)
{
	const yaml_version_directive_t *v = ev->data.document_start.version_directive;
	if (!v || (v->major == 1 && v->minor == 1))
		return true;
	char msg[160];
	snprintf(msg, sizeof msg, "found incompatible YAML document: %%YAML %d.%d (gopkg.in/yaml.v3 "
		 "reads only YAML 1.1 documents; remove the directive or write %%YAML 1.1)",
		 v->major, v->minor);
	if (later) {
		uint32_t line, col;
		mark_pos(p, ev->start_mark, &line, &col);
		sdp_doc_add_note(p->d, line, col, "a later document of the YAML stream is not "
				"read: %s", msg);
	} else {
		fail_at(p, ev->start_mark, "%s", msg);
	}
	return false;
}

static bool run_parser(yp *p, yaml_parser_t *ps, unsigned want, unsigned *ndocs)
{
	bool building = false;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(ps, &ev)) {
			if (*ndocs > want) {
				sd_error e;
				libyaml_error(p, ps, &e);
				sdp_doc_add_note(p->d, e.line, e.col, "a later document of the YAML stream "
						"does not parse and was ignored: %s", e.msg);
				return true;
			}
			libyaml_error(p, ps, p->err);
			return false;
		}
		bool ok = true, end = ev.type == YAML_STREAM_END_EVENT;
		if (ev.type == YAML_DOCUMENT_START_EVENT && !version_ok(p, &ev, *ndocs > want)) {
			ok = *ndocs > want;
			end = ok;
		} else if (ev.type == YAML_DOCUMENT_START_EVENT) {
			building = *ndocs == want;
		} else if (ev.type == YAML_DOCUMENT_END_EVENT) {
			(*ndocs)++;
			building = false;
			anchors_reset(p);
		} else if (building) {
			ok = on_event(p, &ev);
		}
		yaml_event_delete(&ev);
		if (!ok)
			return false;
		if (end)
			return true;
	}
}

const sd_node *sdp_yaml_parse(sd_doc *d, const char *src, size_t len,
			     const sd_load_opts *o, sd_error *err)
{
	yp p = { .d = d, .src = src, .len = len, .err = err, .o = o };
	if (len >= 3 && memcmp(src, "\xef\xbb\xbf", 3) == 0)
		p.bom = 3;
	d->format = SD_FORMAT_YAML;
	d->yaml_comments = has_comments(src, len);
	yaml_parser_t ps;
	if (!yaml_parser_initialize(&ps)) {
		sd_error_set(err, d->name, 0, 0, "cannot initialise the YAML parser");
		return NULL;
	}
	yaml_parser_set_input_string(&ps, (const unsigned char *)src, len);
	unsigned ndocs = 0;
	bool ok = run_parser(&p, &ps, o->doc_index, &ndocs);
	yaml_parser_delete(&ps);
	if (ok && p.late_rank) {
		*err = p.late;
		ok = false;
	}
	const sd_node *root = NULL;
	if (ok && o->doc_index >= (ndocs ? ndocs : 1)) {
		sd_error_set(err, d->name, 0, 0, "the YAML stream has %u document%s; there is no "
			     "document %u", ndocs, ndocs == 1 ? "" : "s", o->doc_index + 1);
	} else if (ok) {
		/* An empty stream is one null document, like the zero spec. */
		root = p.root ? p.root : sdp_doc_node(d, SD_NULL, 1, 1);
		d->stream_count = ndocs ? ndocs : 1;
		if (ndocs > 1)
			sdp_doc_add_note(d, 0, 0, "YAML stream has %u documents; using document %u "
					"(--doc N picks another)", ndocs, o->doc_index + 1);
	}
	yp_release(&p);
	return root;
}
