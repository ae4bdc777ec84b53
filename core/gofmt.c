/*
 * gofmt.c - fmt's %v and %#v of decoded spec values, following the
 * printValue rules of Go's fmt/print.go (see gofmt.h for the forms).
 */
#include <string.h>

#include "specdiff/base.h"
#include "specdiff/gofmt.h"
#include "specdiff/gonum.h"

#define ADDR "0xADDR"

typedef struct pctx {
	sd_buf *out;
	bool sharp;   /* %#v */
} pctx;

static void print_value(const pctx *c, const sd_gv *v, int depth);

/* Types whose first fields come from an embedded struct: encoding/json and
 * the schema flatten them, fmt does not ({{8 0} 0xADDR <nil>}). */
static const struct embedded {
	const char *outer;
	const char *name;
	const char *type;
	size_t nfields;
} embedded_structs[] = {
	{ "specs.LinuxWeightDevice", "LinuxBlockIODevice", "specs.LinuxBlockIODevice", 2 },
	{ "specs.LinuxThrottleDevice", "LinuxBlockIODevice", "specs.LinuxBlockIODevice", 2 },
};

static const struct embedded *embedded_of(const sd_type *t)
{
	for (size_t i = 0; i < sizeof embedded_structs / sizeof embedded_structs[0]; i++)
		if (t->go_type && strcmp(t->go_type, embedded_structs[i].outer) == 0 &&
		    t->nfields >= embedded_structs[i].nfields)
			return &embedded_structs[i];
	return NULL;
}

const char *sd_gofmt_embedded(const sd_type *t, size_t *nfields)
{
	const struct embedded *e = embedded_of(t);
	if (!e)
		return NULL;
	*nfields = e->nfields;
	return e->type;
}

static bool is_filemode(const sd_type *t)
{
	return t->kind == SD_GO_UINT && t->go_type && strcmp(t->go_type, "fs.FileMode") == 0;
}

void sd_gofmt_type_name(sd_buf *out, const sd_type *t)
{
	/* reflect spells the empty interface "interface {}". */
	const char *s = t->go_type ? t->go_type : "interface {}";
	for (const char *p; (p = strstr(s, "interface{}")) != NULL; s = p + 11) {
		sd_buf_add(out, s, (size_t)(p - s));
		sd_buf_adds(out, "interface {}");
	}
	sd_buf_adds(out, s);
}

void sd_gofmt_filemode(sd_buf *out, uint32_t m)
{
	static const char kinds[] = "dalTLDpSugct?";
	static const char rwx[] = "rwxrwxrwx";
	size_t before = out->len;
	for (int i = 0; kinds[i]; i++)
		if (m & (UINT32_C(1) << (31 - i)))
			sd_buf_addc(out, kinds[i]);
	if (out->len == before)
		sd_buf_addc(out, '-');
	for (int i = 0; i < 9; i++)
		sd_buf_addc(out, (m & (UINT32_C(1) << (8 - i))) ? rwx[i] : '-');
}

void sd_gofmt_float_v(sd_buf *out, double f)
{
	sd_go_format_float(out, f, 'g');
}

/* ---- strconv.Quote ---- */

/*
 * strconv.IsPrint for the runes specs hold in practice: Go's tables exclude
 * controls, format characters, separators other than U+0020, private use
 * and noncharacters.  Unassigned code points elsewhere are treated as
 * printable (a documented approximation: Go would escape them).
 */
static bool go_isprint(uint32_t r)
{
	if (r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0xa0) || r == 0xad)
		return false;
	if (r == 0x1680 || r == 0x180e || (r >= 0x2000 && r <= 0x200f) ||
	    (r >= 0x2028 && r <= 0x202f) || (r >= 0x205f && r <= 0x206f) ||
	    r == 0x3000 || r == 0xfeff || (r >= 0xfff0 && r <= 0xfffb) ||
	    (r >= 0xfffe && r <= 0xffff))
		return false;
	if ((r >= 0xe000 && r <= 0xf8ff) || r >= 0xf0000 || (r & 0xfffe) == 0xfffe)
		return false;
	return true;
}

static void quote_rune(sd_buf *out, uint32_t r, const char *raw, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	switch (r) {
	case '"': sd_buf_adds(out, "\\\""); return;
	case '\\': sd_buf_adds(out, "\\\\"); return;
	case '\a': sd_buf_adds(out, "\\a"); return;
	case '\b': sd_buf_adds(out, "\\b"); return;
	case '\f': sd_buf_adds(out, "\\f"); return;
	case '\n': sd_buf_adds(out, "\\n"); return;
	case '\r': sd_buf_adds(out, "\\r"); return;
	case '\t': sd_buf_adds(out, "\\t"); return;
	case '\v': sd_buf_adds(out, "\\v"); return;
	default: break;
	}
	if (go_isprint(r)) {
		sd_buf_add(out, raw, len);
	} else if (r < 0x20 || r == 0x7f) {
		sd_buf_addf(out, "\\x%c%c", hex[r >> 4], hex[r & 15]);
	} else if (r < 0x10000) {
		sd_buf_addf(out, "\\u%04x", (unsigned)r);
	} else {
		sd_buf_addf(out, "\\U%08x", (unsigned)r);
	}
}

void sd_gofmt_quote(sd_buf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	sd_buf_addc(out, '"');
	for (size_t i = 0; i < n;) {
		size_t run = i;   /* printable ASCII needs no escape: copied in one go */
		while (run < n && p[run] >= 0x20 && p[run] < 0x7f && p[run] != '"' && p[run] != '\\')
			run++;
		if (run > i) {
			sd_buf_add(out, s + i, run - i);
			i = run;
			continue;
		}
		uint32_t r;
		size_t len = sd_utf8_decode(p + i, n - i, &r);
		if (len == 0) {
			sd_buf_addf(out, "\\x%02x", p[i]);
			i++;
			continue;
		}
		quote_rune(out, r, s + i, len);
		i += len;
	}
	sd_buf_addc(out, '"');
}

/* ---- printValue ---- */

static void print_string(const pctx *c, const sd_gv *v)
{
	const char *s = v->u.str.s ? v->u.str.s : "";
	if (c->sharp)
		sd_gofmt_quote(c->out, s, v->u.str.len);
	else
		sd_buf_add(c->out, s, v->u.str.len);
}

static void print_uint(const pctx *c, const sd_gv *v)
{
	if (c->sharp)
		sd_buf_addf(c->out, "0x%llx", (unsigned long long)v->u.u);
	else if (is_filemode(v->type))
		sd_gofmt_filemode(c->out, (uint32_t)v->u.u);
	else
		sd_buf_addf(c->out, "%llu", (unsigned long long)v->u.u);
}

static void print_fields(const pctx *c, const sd_gv *v, size_t from, size_t to, int depth)
{
	for (size_t i = from; i < to; i++) {
		if (i > from)
			sd_buf_adds(c->out, c->sharp ? ", " : " ");
		if (c->sharp) {
			sd_buf_adds(c->out, v->type->fields[i].go_name);
			sd_buf_addc(c->out, ':');
		}
		print_value(c, &v->u.fields[i], depth + 1);
	}
}

static void print_struct(const pctx *c, const sd_gv *v, int depth)
{
	const struct embedded *e = embedded_of(v->type);
	size_t first = 0;
	if (c->sharp)
		sd_gofmt_type_name(c->out, v->type);
	sd_buf_addc(c->out, '{');
	if (e) {
		if (c->sharp)
			sd_buf_addf(c->out, "%s:%s", e->name, e->type);
		sd_buf_addc(c->out, '{');
		print_fields(c, v, 0, e->nfields, depth + 1);
		sd_buf_addc(c->out, '}');
		first = e->nfields;
		if (first < v->type->nfields)
			sd_buf_adds(c->out, c->sharp ? ", " : " ");
	}
	print_fields(c, v, first, v->type->nfields, depth);
	sd_buf_addc(c->out, '}');
}

static void print_slice(const pctx *c, const sd_gv *v, int depth)
{
	if (c->sharp) {
		sd_gofmt_type_name(c->out, v->type);
		if (v->is_nil) {
			sd_buf_adds(c->out, "(nil)");
			return;
		}
	}
	sd_buf_addc(c->out, c->sharp ? '{' : '[');
	for (size_t i = 0; !v->is_nil && i < v->u.slice.n; i++) {
		if (i > 0)
			sd_buf_adds(c->out, c->sharp ? ", " : " ");
		print_value(c, &v->u.slice.items[i], depth + 1);
	}
	sd_buf_addc(c->out, c->sharp ? '}' : ']');
}

static void print_map(const pctx *c, const sd_gv *v, int depth)
{
	if (c->sharp) {
		sd_gofmt_type_name(c->out, v->type);
		if (v->is_nil) {
			sd_buf_adds(c->out, "(nil)");
			return;
		}
		sd_buf_addc(c->out, '{');
	} else {
		sd_buf_adds(c->out, "map[");
	}
	for (size_t i = 0; !v->is_nil && i < v->u.map.n; i++) {
		const sd_gv_entry *e = &v->u.map.entries[i];
		if (i > 0)
			sd_buf_adds(c->out, c->sharp ? ", " : " ");
		if (c->sharp)
			sd_gofmt_quote(c->out, e->key, e->key_len);
		else
			sd_buf_add(c->out, e->key, e->key_len);
		sd_buf_addc(c->out, ':');
		print_value(c, &e->value, depth + 1);
	}
	sd_buf_addc(c->out, c->sharp ? '}' : ']');
}

static void print_pointer(const pctx *c, const sd_gv *v, int depth)
{
	const sd_gv *e = v->is_nil ? NULL : v->u.elem;
	/* fs.FileMode is a Stringer; fmt calls String through the pointer at any
	 * depth (a nil receiver panics and fmt prints <nil>). */
	if (!c->sharp && e && is_filemode(e->type)) {
		sd_gofmt_filemode(c->out, (uint32_t)e->u.u);
		return;
	}
	if (depth == 0 && e &&
	    (e->type->kind == SD_GO_STRUCT || e->type->kind == SD_GO_SLICE ||
	     e->type->kind == SD_GO_MAP)) {
		sd_buf_addc(c->out, '&');
		print_value(c, e, depth + 1);
		return;
	}
	if (c->sharp) {
		sd_buf_addc(c->out, '(');
		sd_gofmt_type_name(c->out, v->type);
		sd_buf_adds(c->out, e ? ")(" ADDR ")" : ")(nil)");
	} else {
		sd_buf_adds(c->out, e ? ADDR : "<nil>");
	}
}

static void print_iface(const pctx *c, const sd_gv *v, int depth)
{
	if (v->is_nil || !v->u.elem) {
		/* A nil interface{} passed to Sprintf is a nil argument: <nil>. */
		if (c->sharp && depth > 0) {
			sd_gofmt_type_name(c->out, v->type);
			sd_buf_adds(c->out, "(nil)");
		} else {
			sd_buf_adds(c->out, "<nil>");
		}
		return;
	}
	/* fmt prints the dynamic value; at depth 0 it is the argument itself. */
	print_value(c, v->u.elem, depth == 0 ? 0 : depth + 1);
}

static void print_value(const pctx *c, const sd_gv *v, int depth)
{
	switch (v->type->kind) {
	case SD_GO_STRUCT: print_struct(c, v, depth); break;
	case SD_GO_PTR: print_pointer(c, v, depth); break;
	case SD_GO_SLICE: print_slice(c, v, depth); break;
	case SD_GO_MAP: print_map(c, v, depth); break;
	case SD_GO_STRING: print_string(c, v); break;
	case SD_GO_BOOL: sd_buf_adds(c->out, v->u.boolean ? "true" : "false"); break;
	case SD_GO_INT: sd_buf_addf(c->out, "%lld", (long long)v->u.i); break;
	case SD_GO_UINT: print_uint(c, v); break;
	case SD_GO_FLOAT: sd_gofmt_float_v(c->out, v->u.f); break;
	case SD_GO_IFACE: print_iface(c, v, depth); break;
	}
}

void sd_gofmt_v(sd_buf *out, const sd_gv *v)
{
	pctx c = { out, false };
	print_value(&c, v, 0);
}

void sd_gofmt_sharp_v(sd_buf *out, const sd_gv *v)
{
	pctx c = { out, true };
	print_value(&c, v, 0);
}
