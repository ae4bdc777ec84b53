/*
 * goview_decode.c - json.Unmarshal (Go 1.19 encoding/json) of a loaded
 * document into specs.Spec or interface{}, as data (goview.h).
 *
 * The decoder follows decode.go's control flow rather than the JSON
 * grammar: pointers are allocated on the way down before a value is checked
 * (so a type error can leave a pointer to zero behind), objects are decoded
 * into whatever the target already holds (duplicate keys merge), arrays
 * reuse the existing backing array up to its capacity, null only clears
 * pointers, maps, slices and interfaces, and the first type error is kept
 * while decoding goes on.
 */
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "goview_impl.h"
#include "specdiff/base.h"
#include "specdiff/util.h"

typedef struct dec {
	sd_arena *a;
	const sd_doc *doc;
	bool yaml;                /* members in sorted key order (YAML->JSON) */
	const char **stack;       /* errorContext.FieldStack (JSON names) */
	size_t depth, cap;
	const sd_type *ctx_struct; /* errorContext.Struct */
	const char *err;          /* first saved error */
	const sd_node *err_node;  /* where it is (or err_line/err_col) */
	unsigned err_line, err_col;
} dec;

static void decode_value(dec *d, sd_gv *gv, const sd_node *n);
static void decode_iface(dec *d, sd_gv *gv, const sd_node *n);

/* ---- views and zero values ------------------------------------------- */

sd_goview *sdp_goview_alloc(const sd_doc *doc)
{
	sd_goview *v = sd_xcalloc(1, sizeof *v);
	v->arena = sd_arena_new();
	v->doc = doc;
	return v;
}

void sdp_gv_zero(sd_arena *a, sd_gv *gv, const sd_type *t)
{
	memset(gv, 0, sizeof *gv);
	gv->type = t;
	switch (t->kind) {
	case SD_GO_PTR:
	case SD_GO_SLICE:
	case SD_GO_MAP:
	case SD_GO_IFACE:
		gv->is_nil = true;
		break;
	case SD_GO_STRUCT:
		gv->u.fields = sd_arena_array(a, t->nfields ? t->nfields : 1, sizeof *gv);
		for (size_t i = 0; i < t->nfields; i++)
			sdp_gv_zero(a, &gv->u.fields[i], t->fields[i].type);
		break;
	case SD_GO_STRING:
		gv->u.str.s = "";
		break;
	default:
		break;
	}
}

static sd_gv *new_gv(dec *d, const sd_type *t)
{
	sd_gv *gv = sd_arena_alloc(d->a, sizeof *gv);
	sdp_gv_zero(d->a, gv, t);
	return gv;
}

/* ---- errors ---------------------------------------------------------- */

/* reflect's Type.Name() of a struct: the spelling without its package. */
static const char *type_name(const sd_type *t)
{
	const char *dot = strrchr(t->go_type, '.');
	return dot ? dot + 1 : t->go_type;
}

/* d.saveError(&UnmarshalTypeError{...}) with addErrorContext. */
static void type_error(dec *d, const sd_node *n, const char *what, const char *go_type)
{
	sd_buf b = SD_BUF_INIT;
	if (d->err)
		return;
	sd_buf_addf(&b, "json: cannot unmarshal %s into Go ", what);
	if (d->ctx_struct || d->depth) {
		sd_buf_addf(&b, "struct field %s.", d->ctx_struct ? type_name(d->ctx_struct) : "");
		for (size_t i = 0; i < d->depth; i++)
			sd_buf_addf(&b, "%s%s", i ? "." : "", d->stack[i]);
	} else {
		sd_buf_adds(&b, "value");
	}
	sd_buf_addf(&b, " of type %s", go_type);
	d->err = sd_arena_strndup(d->a, b.data, b.len);
	d->err_node = n;
	sd_buf_release(&b);
}

static void push_field(dec *d, const char *name)
{
	if (d->depth == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->stack = sd_xrealloc(d->stack, d->cap * sizeof *d->stack);
	}
	d->stack[d->depth++] = name;
}

/* ---- strings --------------------------------------------------------- */

/*
 * The string Go holds for source bytes s: every byte that does not start a
 * valid UTF-8 sequence becomes U+FFFD (unquoteBytes).  Valid input is
 * borrowed from the document (NUL-terminated there).
 */
static const char *go_string(dec *d, const char *s, size_t len, size_t *out_len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;
	sd_buf b = SD_BUF_INIT;
	char *r;
	while (i < len && (k = sd_utf8_len(p + i, len - i)) != 0)
		i += k;
	if (i == len) {
		*out_len = len;
		return s;
	}
	sd_buf_add(&b, s, i);
	while (i < len) {
		k = sd_utf8_len(p + i, len - i);
		if (k) {
			sd_buf_add(&b, p + i, k);
			i += k;
		} else {
			sd_buf_add(&b, "\xEF\xBF\xBD", 3);
			i++;
		}
	}
	r = sd_arena_strndup(d->a, b.data, b.len);
	*out_len = b.len;
	sd_buf_release(&b);
	return r;
}

/* ---- numbers --------------------------------------------------------- */

static bool all_digits(const char *s, size_t len)
{
	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* strconv.ParseUint(s, 10, 64) */
static bool parse_u64(const char *s, size_t len, uint64_t *out)
{
	uint64_t v = 0;
	if (!all_digits(s, len))
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned dg = (unsigned)(s[i] - '0');
		if (v > (UINT64_MAX - dg) / 10)
			return false;
		v = v * 10 + dg;
	}
	*out = v;
	return true;
}

/* strconv.ParseInt(s, 10, 64) */
static bool parse_i64(const char *s, size_t len, int64_t *out)
{
	bool neg = len > 0 && (s[0] == '-' || s[0] == '+');
	uint64_t u;
	if (neg && s[0] == '+')
		neg = false, s++, len--;
	else if (neg)
		s++, len--;
	if (!parse_u64(s, len, &u))
		return false;
	if (neg) {
		if (u > (uint64_t)INT64_MAX + 1)
			return false;
		*out = u == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)u;
	} else {
		if (u > (uint64_t)INT64_MAX)
			return false;
		*out = (int64_t)u;
	}
	return true;
}

/* strtod in the C locale whatever the program's locale (the explorer calls
 * setlocale for ncurses). */
static double c_strtod(const char *s, char **end)
{
	static locale_t c_loc;
	locale_t old;
	double f;
	if (!c_loc)
		c_loc = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	if (!c_loc)
		return strtod(s, end);
	old = uselocale(c_loc);
	f = strtod(s, end);
	uselocale(old);
	return f;
}

/* strconv.ParseFloat(s, 64): correctly rounded; out of range is an error. */
static bool parse_f64(const char *s, size_t len, double *out)
{
	char buf[128];
	char *tmp = len < sizeof buf ? buf : sd_xmalloc(len + 1);
	char *end;
	double f;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	f = c_strtod(tmp, &end);
	if (tmp != buf)
		free(tmp);
	if (isinf(f))
		return false;
	*out = f;
	return true;
}

static void num_error(dec *d, const sd_node *n, const char *s, size_t len, const char *go_type)
{
	if (d->err)
		return;
	/* a million digits are not echoed: the head, then how long it is */
	if (len > 64)
		type_error(d, n, sd_arena_printf(d->a, "number %.40s\u2026(%zu %s)", s, len,
						 strspn(s, "-0123456789") == len ? "digits" : "characters"),
			   go_type);
	else
		type_error(d, n, sd_arena_printf(d->a, "number %.*s", (int)len, s), go_type);
}

static const char *number_text(const sd_node *n, size_t *len)
{
	const char *t = sd_number_go_text(n, len);
	if (!t) {
		*len = n->len;
		t = n->u.num;
	}
	return t;
}

static void store_number(dec *d, sd_gv *gv, const sd_node *n)
{
	size_t len;
	const char *s = number_text(n, &len);
	const sd_type *t = gv->type;
	switch (t->kind) {
	case SD_GO_INT: {
		int64_t v;
		int64_t lim = t->bits >= 64 ? INT64_MAX : (INT64_C(1) << (t->bits - 1)) - 1;
		if (!parse_i64(s, len, &v) || v > lim || v < -lim - 1) {
			num_error(d, n, s, len, t->go_type);
			return;
		}
		gv->u.i = v;
		break;
	}
	case SD_GO_UINT: {
		uint64_t v;
		uint64_t lim = t->bits >= 64 ? UINT64_MAX : (UINT64_C(1) << t->bits) - 1;
		if (!parse_u64(s, len, &v) || v > lim) {
			num_error(d, n, s, len, t->go_type);
			return;
		}
		gv->u.u = v;
		break;
	}
	case SD_GO_FLOAT: {
		double f;
		if (!parse_f64(s, len, &f)) {
			num_error(d, n, s, len, t->go_type);
			return;
		}
		gv->u.f = f;
		break;
	}
	case SD_GO_IFACE: {
		double f;
		sd_gv *e;
		if (!parse_f64(s, len, &f)) {
			num_error(d, n, s, len, "float64");
			return;  /* literalStore leaves the interface as it was */
		}
		e = new_gv(d, sd_schema_dyn_float());
		e->u.f = f;
		e->src = n;
		gv->u.elem = e;
		gv->is_nil = false;
		break;
	}
	default:
		type_error(d, n, "number", t->go_type);
		return;
	}
	gv->src = n;
}

/* ---- literals -------------------------------------------------------- */

/* indirect(v, false): allocate nil pointers on the way to the value. */
static sd_gv *indirect(dec *d, sd_gv *gv, const sd_node *n)
{
	while (gv->type->kind == SD_GO_PTR) {
		if (gv->is_nil) {
			gv->u.elem = new_gv(d, gv->type->elem);
			gv->is_nil = false;
		}
		gv->src = n;
		gv = gv->u.elem;
	}
	return gv;
}

static void set_nil(sd_gv *gv, const sd_node *n)
{
	switch (gv->type->kind) {
	case SD_GO_PTR:
	case SD_GO_IFACE:
		gv->u.elem = NULL;
		break;
	case SD_GO_SLICE:
		gv->u.slice.items = NULL;
		gv->u.slice.n = gv->u.slice.cap = 0;
		break;
	case SD_GO_MAP:
		gv->u.map.entries = NULL;
		gv->u.map.n = 0;
		break;
	default:
		return;  /* null is a no-op for plain values */
	}
	gv->is_nil = true;
	gv->src = n;
}

static void set_dyn(dec *d, sd_gv *gv, const sd_type *dt, const sd_node *n, sd_gv **out)
{
	sd_gv *e = new_gv(d, dt);
	e->src = n;
	gv->u.elem = e;
	gv->is_nil = false;
	gv->src = n;
	*out = e;
}

static void store_bool(dec *d, sd_gv *gv, const sd_node *n)
{
	sd_gv *e;
	if (gv->type->kind == SD_GO_BOOL) {
		gv->u.boolean = n->u.boolean;
		gv->src = n;
	} else if (gv->type->kind == SD_GO_IFACE) {
		set_dyn(d, gv, sd_schema_dyn_bool(), n, &e);
		e->u.boolean = n->u.boolean;
	} else {
		type_error(d, n, "bool", gv->type->go_type);
	}
}

static void store_string(dec *d, sd_gv *gv, const sd_node *n)
{
	sd_gv *e = gv;
	if (gv->type->kind == SD_GO_IFACE)
		set_dyn(d, gv, sd_schema_dyn_string(), n, &e);
	else if (gv->type->kind != SD_GO_STRING) {
		type_error(d, n, "string", gv->type->go_type);
		return;
	}
	e->u.str.s = go_string(d, n->u.str, n->len, &e->u.str.len);
	e->src = n;
}

/* ---- objects --------------------------------------------------------- */

static int cmp_member_key(const sd_member *a, const sd_member *b)
{
	size_t n = a->key_len < b->key_len ? a->key_len : b->key_len;
	int c = memcmp(a->key, b->key, n);
	if (c)
		return c;
	return a->key_len < b->key_len ? -1 : a->key_len > b->key_len;
}

static int cmp_member_ptr(const void *x, const void *y)
{
	const sd_member *a = *(const sd_member *const *)x, *b = *(const sd_member *const *)y;
	int c = cmp_member_key(a, b);
	return c ? c : (a < b ? -1 : a > b);
}

/*
 * Members in the order Go's decoder sees them: source order for JSON; for
 * YAML the JSON text comes from json.Marshal of a map, so sorted by key.
 * Caller frees.
 */
static const sd_member **member_order(dec *d, const sd_node *obj)
{
	const sd_member **m = sd_xmalloc((obj->len ? obj->len : 1) * sizeof *m);
	for (uint32_t i = 0; i < obj->len; i++)
		m[i] = &obj->u.members[i];
	if (d->yaml)
		qsort(m, obj->len, sizeof *m, cmp_member_ptr);
	return m;
}

typedef struct pending {
	sd_gv_entry e;
	size_t seq;
} pending;

static int cmp_pending(const void *x, const void *y)
{
	const pending *a = x, *b = y;
	size_t n = a->e.key_len < b->e.key_len ? a->e.key_len : b->e.key_len;
	int c = memcmp(a->e.key, b->e.key, n);
	if (c)
		return c;
	if (a->e.key_len != b->e.key_len)
		return a->e.key_len < b->e.key_len ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Existing entries, then the new ones in order; the last one per key wins
 * (SetMapIndex), the result sorted by key bytes. */
static void map_merge(dec *d, sd_gv *m, pending *p, size_t np)
{
	size_t old = m->u.map.n, total = old + np, out = 0;
	pending *all = sd_xmalloc((total ? total : 1) * sizeof *all);
	for (size_t i = 0; i < old; i++) {
		all[i].e = m->u.map.entries[i];
		all[i].seq = i;
	}
	for (size_t i = 0; i < np; i++) {
		all[old + i] = p[i];
		all[old + i].seq = old + i;
	}
	qsort(all, total, sizeof *all, cmp_pending);
	m->u.map.entries = sd_arena_array(d->a, total ? total : 1, sizeof(sd_gv_entry));
	for (size_t i = 0; i < total; i++) {
		if (i + 1 < total && all[i].e.key_len == all[i + 1].e.key_len &&
		    memcmp(all[i].e.key, all[i + 1].e.key, all[i].e.key_len) == 0)
			continue;
		m->u.map.entries[out++] = all[i].e;
	}
	m->u.map.n = out;
	free(all);
}

static void decode_map(dec *d, sd_gv *gv, const sd_node *obj)
{
	const sd_member **ms = member_order(d, obj);
	pending *p = sd_xmalloc((obj->len ? obj->len : 1) * sizeof *p);
	if (gv->is_nil) {
		gv->is_nil = false;
		gv->u.map.entries = NULL;
		gv->u.map.n = 0;
	}
	for (uint32_t i = 0; i < obj->len; i++) {
		sd_gv_entry *e = &p[i].e;
		e->key = go_string(d, ms[i]->key, ms[i]->key_len, &e->key_len);
		e->key_src = obj;
		sdp_gv_zero(d->a, &e->value, gv->type->elem);
		if (gv->type->elem->kind == SD_GO_IFACE)
			decode_iface(d, &e->value, &ms[i]->value);
		else
			decode_value(d, &e->value, &ms[i]->value);
	}
	map_merge(d, gv, p, obj->len);
	gv->src = obj;
	free(p);
	free(ms);
}

static void decode_struct(dec *d, sd_gv *gv, const sd_node *obj)
{
	const sd_member **ms = member_order(d, obj);
	const sd_type *t = gv->type;
	for (uint32_t i = 0; i < obj->len; i++) {
		size_t klen;
		const char *key = go_string(d, ms[i]->key, ms[i]->key_len, &klen);
		const sd_field *f = sd_type_match_key(t, key, klen);
		const sd_type *saved = d->ctx_struct;
		if (!f)
			continue;  /* unknown fields are dropped */
		push_field(d, f->json_name);
		d->ctx_struct = t;
		decode_value(d, &gv->u.fields[f - t->fields], &ms[i]->value);
		d->depth--;
		d->ctx_struct = saved;
	}
	gv->src = obj;
	free(ms);
}

/* ---- arrays ---------------------------------------------------------- */

/*
 * decode.go grows a full slice (i == cap, so len == cap) to cap + cap/2, at
 * least 4, copying every element.  Every old slot therefore survives all
 * the growths an array causes, and the new slots are zero: one allocation
 * of the final capacity gives the same values.
 */
static void slice_reserve(dec *d, sd_gv *gv, size_t want)
{
	size_t cap = gv->u.slice.cap, newcap = cap;
	sd_gv *items;
	while (newcap < want) {
		newcap += newcap / 2;
		if (newcap < 4)
			newcap = 4;
	}
	if (newcap == cap)
		return;
	items = sd_arena_array(d->a, newcap, sizeof *items);
	for (size_t i = 0; i < newcap; i++) {
		if (i < cap)
			items[i] = gv->u.slice.items[i];
		else
			sdp_gv_zero(d->a, &items[i], gv->type->elem);
	}
	gv->u.slice.items = items;
	gv->u.slice.cap = newcap;
}

static void decode_slice(dec *d, sd_gv *gv, const sd_node *arr)
{
	uint32_t i;
	slice_reserve(d, gv, arr->len);
	for (i = 0; i < arr->len; i++) {
		if (i >= gv->u.slice.n)
			gv->u.slice.n = i + 1;  /* SetLen: may expose a stale element */
		decode_value(d, &gv->u.slice.items[i], &arr->u.items[i]);
	}
	if (i < gv->u.slice.n)
		gv->u.slice.n = i;
	if (i == 0) {
		gv->u.slice.items = NULL;
		gv->u.slice.cap = 0;
	}
	gv->is_nil = false;
	gv->src = arr;
}

/* ---- interface{} ----------------------------------------------------- */

static void decode_dyn_array(dec *d, sd_gv *e, const sd_node *arr)
{
	e->is_nil = false;
	e->u.slice.n = e->u.slice.cap = arr->len;
	e->u.slice.items = arr->len ? sd_arena_array(d->a, arr->len, sizeof(sd_gv)) : NULL;
	for (uint32_t i = 0; i < arr->len; i++) {
		sdp_gv_zero(d->a, &e->u.slice.items[i], e->type->elem);
		decode_iface(d, &e->u.slice.items[i], &arr->u.items[i]);
	}
}

/* valueInterface: a fresh value, whatever the interface held before. */
static void decode_iface(dec *d, sd_gv *gv, const sd_node *n)
{
	sd_gv *e;
	switch (n->kind) {
	case SD_NULL:
		set_nil(gv, n);
		break;
	case SD_BOOL:
		store_bool(d, gv, n);
		break;
	case SD_STRING:
		store_string(d, gv, n);
		break;
	case SD_NUMBER:
		gv->u.elem = NULL;
		gv->is_nil = true;
		gv->src = n;
		store_number(d, gv, n);  /* failure: nil (literalInterface) */
		break;
	case SD_ARRAY:
		set_dyn(d, gv, sd_schema_dyn_slice(), n, &e);
		decode_dyn_array(d, e, n);
		break;
	case SD_OBJECT:
		set_dyn(d, gv, sd_schema_dyn_map(), n, &e);
		decode_map(d, e, n);
		break;
	}
}

/* ---- values ---------------------------------------------------------- */

static void decode_value(dec *d, sd_gv *gv, const sd_node *n)
{
	if (n->kind == SD_NULL) {
		set_nil(gv, n);  /* indirect(v, true) stops at the field itself */
		return;
	}
	gv = indirect(d, gv, n);
	if (gv->type->kind == SD_GO_IFACE && n->kind != SD_NUMBER) {
		decode_iface(d, gv, n);
		return;
	}
	switch (n->kind) {
	case SD_BOOL:
		store_bool(d, gv, n);
		break;
	case SD_STRING:
		store_string(d, gv, n);
		break;
	case SD_NUMBER:
		store_number(d, gv, n);
		break;
	case SD_ARRAY:
		if (gv->type->kind == SD_GO_SLICE)
			decode_slice(d, gv, n);
		else
			type_error(d, n, "array", gv->type->go_type);
		break;
	case SD_OBJECT:
		if (gv->type->kind == SD_GO_MAP)
			decode_map(d, gv, n);
		else if (gv->type->kind == SD_GO_STRUCT)
			decode_struct(d, gv, n);
		else
			type_error(d, n, "object", gv->type->go_type);
		break;
	default:
		break;
	}
}

/* ---- YAML -> JSON ---------------------------------------------------- */

/* yaml.v3's duplicate mapping key errors (a mapping with duplicates is not
 * decoded further).  The loader flags repeated keys; the earlier one is
 * looked up only for the message. */
/* At most this many duplicate-key lines in a message; the rest are counted. */
enum { DUP_LINES_MAX = 10 };

static void yaml_dups(const sd_node *n, sd_buf *msg, const sd_member **first, size_t *ndup)
{
	bool dup = false;
	if (n->kind == SD_ARRAY) {
		for (uint32_t i = 0; i < n->len; i++)
			yaml_dups(&n->u.items[i], msg, first, ndup);
		return;
	}
	if (n->kind != SD_OBJECT)
		return;
	sd_strmap firsts;   /* key -> its first member: linear, not a scan per duplicate */
	sd_strmap_init(&firsts);
	for (uint32_t j = 0; (n->flags & SD_NODE_DUPKEYS) && j < n->len; j++) {
		const sd_member *b = &n->u.members[j];
		if (!(b->flags & SD_MEMBER_DUPLICATE)) {
			sd_strmap_add(&firsts, b->key, b->key_len, (void *)(uintptr_t)b);
			continue;
		}
		const sd_member *a = sd_strmap_get(&firsts, b->key, b->key_len);
		if (!*first)
			*first = b;
		dup = true;
		if (++*ndup > DUP_LINES_MAX || !a)
			continue;
		sd_buf_addf(msg, "\n  line %u: mapping key ", sd_member_key_line(b));
		sd_buf_add_json_string(msg, b->key, b->key_len);
		sd_buf_addf(msg, " already defined at line %u", sd_member_key_line(a));
	}
	sd_strmap_release(&firsts);
	if (dup)
		return;
	for (uint32_t i = 0; i < n->len; i++)
		yaml_dups(&n->u.members[i].value, msg, first, ndup);
}

static const sd_node *yaml_nojson(const sd_node *n)
{
	if (n->kind == SD_NUMBER && (n->flags & SD_NODE_NUM_NOJSON))
		return n;
	if (n->kind == SD_ARRAY || n->kind == SD_OBJECT) {
		for (uint32_t i = 0; i < n->len; i++) {
			const sd_node *c = n->kind == SD_ARRAY ? &n->u.items[i] : &n->u.members[i].value;
			const sd_node *r = yaml_nojson(c);
			if (r)
				return r;
		}
	}
	return NULL;
}

static const char *inf_name(const sd_node *n)
{
	const char *s = n->u.num;
	if (strchr(s, 'n') || strchr(s, 'N')) {
		/* .nan / .NaN, but not .inf (no n after the dot) */
		const char *p = s;
		while (*p == '+' || *p == '-' || *p == '.')
			p++;
		if (*p == 'n' || *p == 'N')
			return "NaN";
	}
	return s[0] == '-' ? "-Inf" : "+Inf";
}

/* The YAML->JSON step; false (and an error) when it fails. */
static bool yaml_convert(dec *d, const sd_node *root)
{
	sd_buf msg = SD_BUF_INIT;
	const sd_member *dup = NULL;
	const sd_node *bad = NULL;
	size_t ndup = 0;
	yaml_dups(root, &msg, &dup, &ndup);
	if (ndup > DUP_LINES_MAX)
		sd_buf_addf(&msg, "\n  ... and %zu more duplicate keys", ndup - DUP_LINES_MAX);
	if (dup) {
		d->err = sd_arena_printf(d->a, "error converting YAML to JSON: yaml: unmarshal errors:%s",
					 msg.data);
		d->err_line = sd_member_key_line(dup);
		d->err_col = dup->key_col;
	} else if ((bad = yaml_nojson(root)) != NULL) {
		d->err = sd_arena_printf(d->a, "error converting YAML to JSON: json: unsupported value: %s",
					 inf_name(bad));
		d->err_node = bad;
	}
	sd_buf_release(&msg);
	return !dup && !bad;
}

/* ---- entry points ---------------------------------------------------- */

const char *sdp_gv_go_string(sd_arena *a, const char *s, size_t len, size_t *out_len)
{
	dec d;
	memset(&d, 0, sizeof d);
	d.a = a;
	return go_string(&d, s, len, out_len);
}

bool sdp_gv_parse_float(const char *s, size_t len, double *out)
{
	return parse_f64(s, len, out);
}

sd_gv *sdp_gv_decode_iface_node(sd_arena *a, const sd_doc *doc, const sd_node *n)
{
	dec d;
	sd_gv *gv = sd_arena_alloc(a, sizeof *gv);
	memset(&d, 0, sizeof d);
	d.a = a;
	d.doc = doc;
	sdp_gv_zero(a, gv, sd_schema_iface());
	decode_iface(&d, gv, n);
	free(d.stack);
	return gv;
}

/* Can a JSON number's text fail strconv.ParseFloat?  Only by overflowing,
 * which needs an exponent or more than 308 digits: the rest is skipped. */
static bool number_may_fail(const sd_node *n)
{
	double f;
	if (n->len <= 300 && !memchr(n->u.num, 'e', n->len) && !memchr(n->u.num, 'E', n->len))
		return false;
	return !parse_f64(n->u.num, n->len, &f);
}

/* Would decoding n into interface{} be clean?  (The only error possible
 * for JSON input is a number out of float64 range.) */
static bool iface_clean(const sd_node *n)
{
	if (n->kind == SD_NUMBER)
		return !number_may_fail(n);
	if (n->kind == SD_ARRAY) {
		for (uint32_t i = 0; i < n->len; i++)
			if (!iface_clean(&n->u.items[i]))
				return false;
	} else if (n->kind == SD_OBJECT) {
		for (uint32_t i = 0; i < n->len; i++)
			if (!iface_clean(&n->u.members[i].value))
				return false;
	}
	return true;
}

/* Loaded documents only: a built one (doc_build.c) may still be edited
 * after it is decoded. */
enum { LAZY_MIN_BYTES = 1 };

sd_goview *sd_goview_decode(const sd_doc *doc, const sd_type *root_type, sd_error *err)
{
	sd_goview *v = sdp_goview_alloc(doc);
	dec d;
	const sd_node *root = sd_doc_root(doc);
	if (!root_type)
		root_type = sd_schema_iface();
	memset(&d, 0, sizeof d);
	d.a = v->arena;
	d.doc = doc;
	d.yaml = sd_doc_format(doc) == SD_FORMAT_YAML;
	sdp_gv_zero(v->arena, &v->root, root_type);
	if (err)
		sd_error_clear(err);
	if (!d.yaml && root_type->kind == SD_GO_IFACE &&
	    sd_doc_source_bytes(doc) >= LAZY_MIN_BYTES && iface_clean(root)) {
		v->lazy = true;
		return v;
	}
	if (!d.yaml || yaml_convert(&d, root)) {
		if (root_type->kind == SD_GO_IFACE)
			decode_iface(&d, &v->root, root);
		else
			decode_value(&d, &v->root, root);
	}
	free(d.stack);
	v->error = d.err;
	if (d.err && err) {
		unsigned line = d.err_node ? d.err_node->line : d.err_line;
		unsigned col = d.err_node ? d.err_node->col : d.err_col;
		sd_error_set(err, sd_doc_path(doc), line, col, "%s", d.err);
	}
	return v;
}

void sd_goview_free(sd_goview *v)
{
	if (!v)
		return;
	sd_arena_free(v->arena);
	free(v);
}

const sd_gv *sd_goview_root(const sd_goview *v)
{
	if (v->lazy) {
		/* the view was allocated mutable; decoding is not observable
		 * except through the values it makes */
		sd_goview *m = (sd_goview *)v;
		dec d;
		memset(&d, 0, sizeof d);
		d.a = m->arena;
		d.doc = m->doc;
		decode_iface(&d, &m->root, sd_doc_root(m->doc));
		free(d.stack);
		m->lazy = false;
	}
	return &v->root;
}

bool sdp_goview_is_lazy(const sd_goview *v) { return v->lazy; }
const sd_type *sd_goview_root_type(const sd_goview *v) { return v->root.type; }
const char *sd_goview_error(const sd_goview *v) { return v->error; }

/* ---- choosing a root type -------------------------------------------- */

const sd_type *sd_goview_pick_type(const sd_doc *doc, sd_schema_choice c)
{
	return sd_goview_pick_type_in(doc, c, NULL);
}

const sd_type *sd_goview_pick_type_in(const sd_doc *doc, sd_schema_choice c, const sd_type *oci)
{
	const sd_node *root = sd_doc_root(doc);
	const sd_type *spec = oci ? oci : sd_schema_oci();
	bool seen[64] = { false };
	size_t hits = 0;
	if (c == SD_SCHEMA_OCI)
		return spec;
	if (c == SD_SCHEMA_NONE || !root || root->kind != SD_OBJECT)
		return sd_schema_iface();
	for (uint32_t i = 0; i < root->len; i++) {
		const sd_member *m = &root->u.members[i];
		const sd_field *f = sd_type_match_key(spec, m->key, m->key_len);
		size_t k;
		if (!f)
			continue;
		if (strcmp(f->json_name, "ociVersion") == 0)
			return spec;
		k = (size_t)(f - spec->fields);
		if (k < 64 && !seen[k]) {
			seen[k] = true;
			hits++;
		}
	}
	return hits >= 2 ? spec : sd_schema_iface();
}
