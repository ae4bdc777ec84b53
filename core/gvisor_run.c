/*
 * gvisor_run.c - runs one profile's restore validator: an interpreter over
 * the profile's list of steps (gvisor_impl.h), with the helpers runsc used
 * (validateArray, validateMap, mounts by destination, devices as a set,
 * filtered annotations ...).  Messages are built with Go's %v (gofmt.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gvisor_impl.h"
#include "specdiff/arena.h"
#include "specdiff/base.h"
#include "specdiff/gofmt.h"

typedef struct run {
	const gv_profile *p;
	sd_arena *arena;
	const char *cname;
	const sd_gv *os, *ns;        /* the specs as given */
	const sd_gv *op, *np;        /* *orZero(Process) */
	const sd_gv *ol, *nl;        /* *orZero(Linux) */
	sd_check_result *res;
	bool step_failed;            /* the current check has failed: it stops */
	bool past_first;             /* runsc has stopped: later findings are "next" */
} run;

/* ---- values ---- */

static size_t field_index(const sd_type *st, const char *json)
{
	const sd_field *f = sd_type_field(st, json);
	if (!f)
		abort();  /* the schema lacks a specs-go field: a build bug */
	return (size_t)(f - st->fields);
}

static const sd_gv *F(const sd_gv *st, const char *json)
{
	return &st->u.fields[field_index(st->type, json)];
}

static void gv_zero(sd_arena *a, const sd_type *t, sd_gv *out)
{
	memset(out, 0, sizeof *out);
	out->type = t;
	switch (t->kind) {
	case SD_GO_PTR: case SD_GO_SLICE: case SD_GO_MAP: case SD_GO_IFACE:
		out->is_nil = true;
		break;
	case SD_GO_STRUCT:
		out->u.fields = sd_arena_array(a, t->nfields, sizeof(sd_gv));
		for (size_t i = 0; i < t->nfields; i++)
			gv_zero(a, t->fields[i].type, &out->u.fields[i]);
		break;
	case SD_GO_STRING:
		out->u.str.s = "";
		break;
	default:
		break;
	}
}

/* orZero(p): the pointer itself, or a pointer to a new zero value. */
static const sd_gv *or_zero(run *r, const sd_gv *ptr)
{
	if (!ptr->is_nil && ptr->u.elem)
		return ptr;
	sd_gv *p = sd_arena_alloc(r->arena, sizeof *p);
	sd_gv *e = sd_arena_alloc(r->arena, sizeof *e);
	gv_zero(r->arena, ptr->type->elem, e);
	p->type = ptr->type;
	p->u.elem = e;
	return p;
}

static bool is_nil(const sd_gv *v)
{
	return v->is_nil || ((v->type->kind == SD_GO_PTR || v->type->kind == SD_GO_IFACE) && !v->u.elem);
}

static size_t slen(const sd_gv *v)
{
	return v->is_nil ? 0 : v->type->kind == SD_GO_MAP ? v->u.map.n : v->u.slice.n;
}

static bool str_eq(const sd_gv *a, const sd_gv *b)
{
	return a->u.str.len == b->u.str.len &&
	       (a->u.str.len == 0 || memcmp(a->u.str.s, b->u.str.s, a->u.str.len) == 0);
}

/* Go's == on comparable values: pointers are equal only when both are nil,
 * since the two specs never share an allocation. */
static bool go_eq(const sd_gv *a, const sd_gv *b)
{
	switch (a->type->kind) {
	case SD_GO_STRUCT:
		for (size_t i = 0; i < a->type->nfields; i++)
			if (!go_eq(&a->u.fields[i], &b->u.fields[i]))
				return false;
		return true;
	case SD_GO_PTR: return is_nil(a) && is_nil(b);
	case SD_GO_STRING: return str_eq(a, b);
	case SD_GO_BOOL: return a->u.boolean == b->u.boolean;
	case SD_GO_INT: return a->u.i == b->u.i;
	case SD_GO_UINT: return a->u.u == b->u.u;
	case SD_GO_FLOAT: return a->u.f == b->u.f;
	default: return sd_gv_deep_equal(a, b);
	}
}

/* reflect.DeepEqual of two structs with some fields zeroed on both sides. */
static bool struct_equal_except(const sd_gv *a, const sd_gv *b, const char *const *skip)
{
	for (size_t i = 0; i < a->type->nfields; i++) {
		bool skipped = false;
		for (const char *const *s = skip; *s && !skipped; s++)
			skipped = strcmp(a->type->fields[i].json_name, *s) == 0;
		if (!skipped && !sd_gv_deep_equal(&a->u.fields[i], &b->u.fields[i]))
			return false;
	}
	return true;
}

static int bytes_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);
	return c ? c : (an > bn) - (an < bn);
}

static int cmp_str_gv(const void *x, const void *y)
{
	const sd_gv *a = x, *b = y;
	return bytes_cmp(a->u.str.s, a->u.str.len, b->u.str.s, b->u.str.len);
}

/* A sorted copy of a []string (sort.Strings on a copy; nil stays nil). */
static sd_gv sorted_strings(run *r, const sd_gv *s)
{
	sd_gv c = *s;
	if (!s->is_nil && s->u.slice.n) {
		c.u.slice.items = sd_arena_array(r->arena, s->u.slice.n, sizeof(sd_gv));
		memcpy(c.u.slice.items, s->u.slice.items, s->u.slice.n * sizeof(sd_gv));
		qsort(c.u.slice.items, s->u.slice.n, sizeof(sd_gv), cmp_str_gv);
	}
	return c;
}

/* ---- messages ---- */

static bool is_lower_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

static void scrub(sd_buf *b)
{
	/* Values can hold text like "0xcafe"; the corpus scrubs it too. */
	sd_buf o = SD_BUF_INIT;
	for (size_t i = 0; i < b->len;) {
		size_t j = i + 3;
		if (j < b->len && b->data[i] == '0' && b->data[i + 1] == 'x' && b->data[i + 2] == 'c' &&
		    is_lower_hex(b->data[j])) {
			while (j < b->len && is_lower_hex(b->data[j]))
				j++;
			sd_buf_adds(&o, "0xADDR");
			i = j;
			continue;
		}
		sd_buf_addc(&o, b->data[i++]);
	}
	sd_buf_release(b);
	*b = o;
}

static void push(char ***list, const char ***fields, size_t *n, sd_buf *b, const char *field)
{
	scrub(b);
	*list = sd_xrealloc(*list, (*n + 1) * sizeof **list);
	*fields = sd_xrealloc(*fields, (*n + 1) * sizeof **fields);
	(*fields)[*n] = field;
	(*list)[(*n)++] = sd_buf_detach(b, NULL);
}

/* A finding after runsc's first error: runsc never gets there, but it is
 * what the next restore attempt meets once the earlier ones are fixed. */
static void push_next(run *r, sd_buf *b, const char *field, bool warning)
{
	sd_check_result *res = r->res;
	res->next_is_warning = sd_xrealloc(res->next_is_warning, (res->nnext + 1) * sizeof(bool));
	res->next_is_warning[res->nnext] = warning;
	push(&res->next, &res->next_fields, &res->nnext, b, field);
}

/* "<field> does not match ..., checkpoint <o> restore <n>[, got error <d>]"
 * in the profile's format: %v throughout, or %q for the names and %#v for
 * the values (validateError / validateErrorWithMsg). */
static void mismatch_text(sd_buf *b, const run *r, const char *field,
			  const sd_gv *o, const sd_gv *n, const char *detail)
{
	bool quoted = r->p->pub.format == SD_GVFMT_QUOTED;
	void (*value)(sd_buf *, const sd_gv *) = quoted ? sd_gofmt_sharp_v : sd_gofmt_v;
	if (quoted) {
		sd_gofmt_quote(b, field, strlen(field));
		sd_buf_adds(b, " does not match across checkpoint restore for container: ");
		sd_gofmt_quote(b, r->cname, strlen(r->cname));
	} else {
		sd_buf_addf(b, "%s does not match across checkpoint restore for container: %s",
			    field, r->cname);
	}
	sd_buf_adds(b, ", checkpoint ");
	value(b, o);
	sd_buf_adds(b, " restore ");
	value(b, n);
	if (detail)
		sd_buf_addf(b, ", got error %s", detail);
}

static void fail_buf(run *r, sd_buf *b, const char *field)
{
	if (r->past_first)
		push_next(r, b, field, false);
	else
		push(&r->res->errors, &r->res->error_fields, &r->res->nerrors, b, field);
	r->step_failed = true;
}

static void fail(run *r, const char *field, const sd_gv *o, const sd_gv *n, const char *detail)
{
	sd_buf b = SD_BUF_INIT;
	mismatch_text(&b, r, field, o, n, detail);
	fail_buf(r, &b, field);
}

static void warn_buf(run *r, sd_buf *b, const char *field)
{
	if (r->past_first)
		push_next(r, b, field, true);
	else
		push(&r->res->warnings, &r->res->warning_fields, &r->res->nwarnings, b, field);
}

/* ---- runsc's helpers ---- */

typedef enum cmp_result { CMP_OK, CMP_LENGTH, CMP_DUPLICATE, CMP_MISMATCH } cmp_result;

static int cmp_gv(const void *a, const void *b)
{
	return sd_gv_compare(*(const sd_gv *const *)a, *(const sd_gv *const *)b);
}

/* The elements of a slice, sorted (a temporary array from the arena). */
static const sd_gv **sorted_items(sd_arena *a, const sd_gv *s)
{
	const sd_gv **v = sd_arena_array(a, slen(s) + 1, sizeof *v);
	for (size_t i = 0; i < slen(s); i++)
		v[i] = &s->u.slice.items[i];
	qsort(v, slen(s), sizeof *v, cmp_gv);
	return v;
}

static bool sorted_has_duplicate(const sd_gv **v, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (go_eq(v[i - 1], v[i]))
			return true;
	return false;
}

/* validateArray: lengths, duplicates on either side, then set equality.
 * Its element types hold no pointers, so == is a total order's equality. */
static cmp_result array_cmp(sd_arena *a, const sd_gv *o, const sd_gv *n)
{
	size_t len = slen(o);
	if (len != slen(n))
		return CMP_LENGTH;
	if (len == 0)
		return CMP_OK;
	const sd_gv **so = sorted_items(a, o), **sn = sorted_items(a, n);
	if (sorted_has_duplicate(so, len) || sorted_has_duplicate(sn, len))
		return CMP_DUPLICATE;
	for (size_t i = 0; i < len; i++)
		if (!go_eq(so[i], sn[i]))
			return CMP_MISMATCH;
	return CMP_OK;
}

static void check_array(run *r, const char *field, const sd_gv *o, const sd_gv *n)
{
	static const char *const detail[] = { NULL, "length mismatch", "duplicate value", NULL };
	cmp_result c = array_cmp(r->arena, o, n);
	if (c != CMP_OK)
		fail(r, field, o, n, detail[c]);
}

/* validateMap: lengths, then every key of o in n with an == value. */
static bool map_ok(const sd_gv *o, const sd_gv *n)
{
	if (slen(o) != slen(n))
		return false;
	for (size_t i = 0; i < slen(o); i++) {
		const sd_gv_entry *e = &o->u.map.entries[i];
		const sd_gv *w = n->is_nil ? NULL : sd_gv_map_get(n, e->key, e->key_len);
		if (!w || !go_eq(&e->value, w))
			return false;
	}
	return true;
}

static void check_map(run *r, const char *field, const sd_gv *o, const sd_gv *n)
{
	if (!map_ok(o, n))
		fail(r, field, o, n, NULL);
}

static void check_deep(run *r, const char *field, const sd_gv *o, const sd_gv *n)
{
	if (!sd_gv_deep_equal(o, n))
		fail(r, field, o, n, NULL);
}

/* ---- mounts ---- */

/* Mounts sorted by destination, then by position (a lookup index). */
typedef struct dest_index {
	const sd_gv **m;
	size_t n;
} dest_index;

static int cmp_str_field(const sd_gv *a, const sd_gv *b, const char *json)
{
	const sd_gv *x = F(a, json), *y = F(b, json);
	return bytes_cmp(x->u.str.s, x->u.str.len, y->u.str.s, y->u.str.len);
}

static int cmp_mount_dest(const void *x, const void *y)
{
	const sd_gv *a = *(const sd_gv *const *)x, *b = *(const sd_gv *const *)y;
	int c = cmp_str_field(a, b, "destination");
	return c ? c : (a > b) - (a < b);  /* items of one array: address order is index order */
}

static dest_index index_mounts(sd_arena *arena, const sd_gv *list)
{
	dest_index ix = { sd_arena_array(arena, slen(list) + 1, sizeof(sd_gv *)), slen(list) };
	for (size_t i = 0; i < ix.n; i++)
		ix.m[i] = &list->u.slice.items[i];
	qsort(ix.m, ix.n, sizeof *ix.m, cmp_mount_dest);
	return ix;
}

/* The first or last mount with destination dest; NULL if none. */
static const sd_gv *mount_by_dest(const dest_index *ix, const sd_gv *dest, bool last)
{
	size_t lo = 0, hi = ix->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const sd_gv *d = F(ix->m[mid], "destination");
		if (bytes_cmp(d->u.str.s, d->u.str.len, dest->u.str.s, dest->u.str.len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == ix->n || !str_eq(F(ix->m[lo], "destination"), dest))
		return NULL;
	while (last && lo + 1 < ix->n && str_eq(F(ix->m[lo + 1], "destination"), dest))
		lo++;
	return ix->m[lo];
}

static bool sorted_options_equal(run *r, const sd_gv *a, const sd_gv *b)
{
	sd_gv sa = sorted_strings(r, a), sb = sorted_strings(r, b);
	if (slen(&sa) != slen(&sb))
		return false;
	for (size_t i = 0; i < slen(&sa); i++)
		if (!str_eq(&sa.u.slice.items[i], &sb.u.slice.items[i]))
			return false;
	return true;
}

/* Two mount copies (options sorted, mappings copied into non-nil slices)
 * are DeepEqual; with_source says whether Source still counts. */
static bool mount_copies_equal(run *r, const sd_gv *a, const sd_gv *b, bool with_source)
{
	if (!str_eq(F(a, "destination"), F(b, "destination")) || !str_eq(F(a, "type"), F(b, "type")))
		return false;
	if (with_source && !str_eq(F(a, "source"), F(b, "source")))
		return false;
	if (!sorted_options_equal(r, F(a, "options"), F(b, "options")))
		return false;
	if (!with_source)
		return true;
	static const char *const maps[] = { "uidMappings", "gidMappings" };
	for (size_t k = 0; k < 2; k++) {
		const sd_gv *x = F(a, maps[k]), *y = F(b, maps[k]);
		if (slen(x) != slen(y))
			return false;
		for (size_t i = 0; i < slen(x); i++)
			if (!go_eq(&x->u.slice.items[i], &y->u.slice.items[i]))
				return false;
	}
	return true;
}

static void check_mounts(run *r)
{
	const sd_gv *o = F(r->os, "mounts"), *n = F(r->ns, "mounts");
	dest_index before = index_mounts(r->arena, o), after = index_mounts(r->arena, n);
	size_t distinct_after = 0, distinct_before = 0;
	for (size_t i = 0; i < slen(n); i++) {
		const sd_gv *cur = &n->u.slice.items[i];
		const sd_gv *dest = F(cur, "destination");
		const sd_gv *old = mount_by_dest(&before, dest, true);
		if (!old)
			return fail(r, "Mounts", o, n, NULL);
		const sd_gv *seen = mount_by_dest(&after, dest, false);
		if (seen != cur) {
			if (!mount_copies_equal(r, seen, cur, true))
				return fail(r, "Mounts", o, n, "invalid mount in the restore spec");
			continue;
		}
		distinct_after++;
		if (array_cmp(r->arena, F(old, "uidMappings"), F(cur, "uidMappings")) != CMP_OK ||
		    array_cmp(r->arena, F(old, "gidMappings"), F(cur, "gidMappings")) != CMP_OK ||
		    !mount_copies_equal(r, old, cur, false))
			return fail(r, "Mounts", o, n, NULL);
	}
	for (size_t i = 0; i < before.n; i++)
		distinct_before += i == 0 || cmp_str_field(before.m[i - 1], before.m[i], "destination") != 0;
	if (distinct_before != distinct_after)
		fail(r, "Mounts", o, n, NULL);
}

/* filepath.Base */
static void base_name(sd_buf *b, const char *p, size_t n)
{
	if (n == 0) {
		sd_buf_addc(b, '.');
		return;
	}
	while (n > 0 && p[n - 1] == '/')
		n--;
	if (n == 0) {
		sd_buf_addc(b, '/');
		return;
	}
	size_t i = n;
	while (i > 0 && p[i - 1] != '/')
		i--;
	sd_buf_add(b, p + i, n - i);
}

/* ---- devices ---- */

static int cmp_device_key(const void *x, const void *y)
{
	const sd_gv *a = *(const sd_gv *const *)x, *b = *(const sd_gv *const *)y;
	int c = cmp_str_field(a, b, "path");
	return c ? c : cmp_str_field(a, b, "type");
}

static const sd_gv **sorted_devices(sd_arena *arena, const sd_gv *list)
{
	const sd_gv **v = sd_arena_array(arena, slen(list) + 1, sizeof *v);
	for (size_t i = 0; i < slen(list); i++)
		v[i] = &list->u.slice.items[i];
	qsort(v, slen(list), sizeof *v, cmp_device_key);
	return v;
}

/* filepath.Base(path) is nvidia<N> with N a uint32 <= 247, and the device
 * is major 195, minor N: an nvproxy frontend device (nvidia.go). */
static bool is_nvidia_frontend(const sd_gv *dev)
{
	const sd_gv *path = F(dev, "path");
	sd_buf base = SD_BUF_INIT;
	base_name(&base, path->u.str.s, path->u.str.len);
	bool ok = base.len > 6 && memcmp(base.data, "nvidia", 6) == 0;
	unsigned long long minor = 0;
	for (size_t i = 6; ok && i < base.len; i++) {
		ok = base.data[i] >= '0' && base.data[i] <= '9';
		minor = minor * 10 + (unsigned long long)(base.data[i] - '0');
		ok = ok && minor <= 0xFFFFFFFFull;  /* strconv.ParseUint(.., 10, 32) */
	}
	sd_buf_release(&base);
	return ok && minor <= 247 && F(dev, "major")->u.i == 195 &&
	       F(dev, "minor")->u.i == (int64_t)minor;
}

/* slices.DeleteFunc(slices.Clone(list), is_nvidia_frontend): nil stays nil. */
static sd_gv without_nvidia(run *r, const sd_gv *list)
{
	sd_gv out = *list;
	if (list->is_nil)
		return out;
	out.u.slice.items = sd_arena_array(r->arena, slen(list) + 1, sizeof(sd_gv));
	out.u.slice.n = 0;
	for (size_t i = 0; i < slen(list); i++)
		if (!is_nvidia_frontend(&list->u.slice.items[i]))
			out.u.slice.items[out.u.slice.n++] = list->u.slice.items[i];
	return out;
}

static void check_devices(run *r)
{
	const sd_gv *o = F(r->ol, "devices"), *n = F(r->nl, "devices");
	sd_gv fo, fn;
	if (r->p->nvidia_frontend) {
		fo = without_nvidia(r, o);
		fn = without_nvidia(r, n);
		o = &fo;
		n = &fn;
	}
	size_t len = slen(o);
	if (len != slen(n))
		return fail(r, "Devices", o, n, "length mismatch");
	if (len == 0)
		return;
	const sd_gv **so = sorted_devices(r->arena, o), **sn = sorted_devices(r->arena, n);
	for (size_t i = 1; i < len; i++)
		if (cmp_device_key(&so[i - 1], &so[i]) == 0) {
			sd_buf b = SD_BUF_INIT;
			sd_buf_adds(&b, "duplicate device found in the spec ");
			sd_gofmt_v(&b, o);
			sd_buf_addf(&b, " before checkpoint for container %s", r->cname);
			return fail_buf(r, &b, "Devices");
		}
	/* The old keys form a set and each new device removes one: with equal
	 * lengths, the sorted key lists must be identical. */
	for (size_t i = 0; i < len; i++)
		if (cmp_device_key(&so[i], &sn[i]) != 0)
			return fail(r, "Devices", o, n, NULL);
}

/* ---- annotations ---- */

static bool has_prefix(const char *s, size_t n, const char *p)
{
	size_t pn = strlen(p);
	return n >= pn && memcmp(s, p, pn) == 0;
}

static bool has_suffix(const char *s, size_t n, const char *p)
{
	size_t pn = strlen(p);
	return n >= pn && memcmp(s + n - pn, p, pn) == 0;
}

static bool is_debug_flag(const char *k, size_t n)
{
	static const char *const flags[] = {
		"debug", "debug-log", "debug-command", "debug-log-format",
		"strace", "strace-syscalls", "strace-log-size", "log-packets",
	};
	static const char prefix[] = "dev.gvisor.flag.";
	if (!has_prefix(k, n, prefix))
		return false;
	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
		if (n - (sizeof prefix - 1) == strlen(flags[i]) &&
		    memcmp(k + sizeof prefix - 1, flags[i], strlen(flags[i])) == 0)
			return true;
	return false;
}

static bool annotation_checked(const gv_profile *p, const char *k, size_t n)
{
	if (!has_prefix(k, n, "dev.gvisor.") || has_prefix(k, n, "dev.gvisor.internal."))
		return false;
	if (p->ann_remap && has_prefix(k, n, "dev.gvisor.container-name-remap."))
		return false;
	if (p->ann_source_suffix) {
		if (has_prefix(k, n, "dev.gvisor.spec.mount.") && has_suffix(k, n, ".source"))
			return false;
	} else if (n == strlen("dev.gvisor.spec.mount.source") &&
		   memcmp(k, "dev.gvisor.spec.mount.source", n) == 0) {
		return false;
	}
	return !(p->ann_debug_flags && is_debug_flag(k, n));
}

/* A new non-nil map holding the checked entries (keys stay sorted). */
static sd_gv filtered_annotations(run *r, const sd_gv *m)
{
	sd_gv out = *m;
	out.is_nil = false;
	out.u.map.n = 0;
	out.u.map.entries = sd_arena_array(r->arena, slen(m) + 1, sizeof(sd_gv_entry));
	for (size_t i = 0; i < slen(m); i++) {
		const sd_gv_entry *e = &m->u.map.entries[i];
		if (annotation_checked(r->p, e->key, e->key_len))
			out.u.map.entries[out.u.map.n++] = *e;
	}
	return out;
}

static void check_annotations(run *r)
{
	sd_gv om = filtered_annotations(r, F(r->os, "annotations"));
	sd_gv nm = filtered_annotations(r, F(r->ns, "annotations"));
	check_deep(r, "Annotations", &om, &nm);
}

/* ---- capabilities and resources ---- */

static const char *const cap_lists[][2] = {
	{ "bounding", "Capabilities.Bounding" }, { "effective", "Capabilities.Effective" },
	{ "inheritable", "Capabilities.Inheritable" }, { "permitted", "Capabilities.Permitted" },
	{ "ambient", "Capabilities.Ambient" },
};

/* &LinuxCapabilities{} with every list sorted (runsc sorted in place). */
static sd_gv sorted_caps(run *r, const sd_gv *ptr)
{
	const sd_gv *c = ptr->u.elem;
	sd_gv *copy = sd_arena_alloc(r->arena, sizeof *copy);
	*copy = *c;
	copy->u.fields = sd_arena_array(r->arena, c->type->nfields, sizeof(sd_gv));
	memcpy(copy->u.fields, c->u.fields, c->type->nfields * sizeof(sd_gv));
	for (size_t i = 0; i < sizeof cap_lists / sizeof cap_lists[0]; i++) {
		size_t k = field_index(c->type, cap_lists[i][0]);
		copy->u.fields[k] = sorted_strings(r, &c->u.fields[k]);
	}
	sd_gv p = *ptr;
	p.u.elem = copy;
	return p;
}

static void check_caps(run *r)
{
	const sd_gv *o = F(r->op, "capabilities"), *n = F(r->np, "capabilities");
	if (is_nil(o) && is_nil(n))
		return;
	if (is_nil(o) || is_nil(n))
		return fail(r, "Capabilities", o, n, NULL);
	if (!r->p->caps_per_list) {
		sd_gv so = sorted_caps(r, o), sn = sorted_caps(r, n);
		return check_deep(r, "Capabilities", &so, &sn);
	}
	/* five checks in a row: after the first failure the rest are "next" */
	for (size_t i = 0; i < sizeof cap_lists / sizeof cap_lists[0]; i++) {
		check_array(r, cap_lists[i][1], F(o->u.elem, cap_lists[i][0]),
			    F(n->u.elem, cap_lists[i][0]));
		r->past_first = r->res->nerrors > 0;
	}
}

/* validateResources; returns the error text or NULL (caller frees), and
 * the field it names in *field. */
static char *resources_error(run *r, const sd_gv *o, const sd_gv *n, const char **field)
{
	static const char *const skip_all[] = { "hugepageLimits", "devices", "rdma", "unified", NULL };
	static const char *const skip_old[] = { "hugepageLimits", "devices", NULL };
	sd_buf b = SD_BUF_INIT;
	if (is_nil(o) && is_nil(n))
		return NULL;
	*field = "Resources";
	if (is_nil(o) || is_nil(n)) {
		mismatch_text(&b, r, *field, o, n, NULL);
	} else if (array_cmp(r->arena, F(o->u.elem, "hugepageLimits"), F(n->u.elem, "hugepageLimits")) != CMP_OK) {
		*field = r->p->rdma_unified ? "Resources.HugepageLimits" : "Resources";
		mismatch_text(&b, r, *field, o, n, NULL);
	} else if (r->p->rdma_unified && !map_ok(F(o->u.elem, "rdma"), F(n->u.elem, "rdma"))) {
		*field = "Resources.Rdma";
		mismatch_text(&b, r, *field, F(o->u.elem, "rdma"), F(n->u.elem, "rdma"), NULL);
	} else if (r->p->rdma_unified && !map_ok(F(o->u.elem, "unified"), F(n->u.elem, "unified"))) {
		*field = "Resources.Unified";
		mismatch_text(&b, r, *field, F(o->u.elem, "unified"), F(n->u.elem, "unified"), NULL);
	} else if (!struct_equal_except(o->u.elem, n->u.elem, r->p->rdma_unified ? skip_all : skip_old)) {
		mismatch_text(&b, r, *field, o, n, NULL);
	} else {
		return NULL;
	}
	return sd_buf_detach(&b, NULL);
}

static void check_resources(run *r)
{
	const char *field;
	char *e = resources_error(r, F(r->ol, "resources"), F(r->nl, "resources"), &field);
	if (!e)
		return;
	sd_buf b = SD_BUF_INIT;
	if (r->p->resources_warn_only) {
		sd_buf_addf(&b, "specs.Linux.Resources has been changed during restore, err %s", e);
		warn_buf(r, &b, field);
	} else {
		sd_buf_adds(&b, e);
		fail_buf(r, &b, field);
	}
	free(e);
}

/* ---- args ---- */

static bool strings_equal_from(const sd_gv *a, const sd_gv *b, size_t from)
{
	if (slen(a) != slen(b))
		return false;
	for (size_t i = from; i < slen(a); i++)
		if (!str_eq(&a->u.slice.items[i], &b->u.slice.items[i]))
			return false;
	return true;
}

/* path.Join(cwd, exe) when exe starts with "./", else exe. */
static void resolve_dot_slash(sd_buf *b, const sd_gv *cwd, const sd_gv *exe)
{
	if (!has_prefix(exe->u.str.s, exe->u.str.len, "./")) {
		sd_buf_add(b, exe->u.str.s, exe->u.str.len);
		return;
	}
	sd_buf joined = SD_BUF_INIT;
	if (cwd->u.str.len) {
		sd_buf_add(&joined, cwd->u.str.s, cwd->u.str.len);
		sd_buf_addc(&joined, '/');
	}
	sd_buf_add(&joined, exe->u.str.s, exe->u.str.len);
	sd_path_clean(b, joined.data, joined.len);
	sd_buf_release(&joined);
}


static bool args_dot_slash_ok(const sd_gv *o, const sd_gv *n, const sd_gv *cwd)
{
	const sd_gv *oe = &o->u.slice.items[0], *ne = &n->u.slice.items[0];
	bool op = has_prefix(oe->u.str.s, oe->u.str.len, "./");
	bool np = has_prefix(ne->u.str.s, ne->u.str.len, "./");
	if (op == np)
		return strings_equal_from(o, n, 0);
	sd_buf a = SD_BUF_INIT, b = SD_BUF_INIT;
	resolve_dot_slash(&a, cwd, oe);
	resolve_dot_slash(&b, cwd, ne);
	bool ok = a.len == b.len && memcmp(a.data, b.data, a.len) == 0 && strings_equal_from(o, n, 1);
	sd_buf_release(&a);
	sd_buf_release(&b);
	return ok;
}

static bool args_basename_ok(run *r, const sd_gv *o, const sd_gv *n)
{
	const sd_gv *oe = &o->u.slice.items[0], *ne = &n->u.slice.items[0];
	if (!str_eq(oe, ne)) {
		sd_buf a = SD_BUF_INIT, b = SD_BUF_INIT;
		base_name(&a, oe->u.str.s, oe->u.str.len);
		base_name(&b, ne->u.str.s, ne->u.str.len);
		bool same = a.len == b.len && memcmp(a.data, b.data, a.len) == 0;
		sd_buf_release(&a);
		sd_buf_release(&b);
		if (!same)
			return false;
		sd_buf w = SD_BUF_INIT;
		sd_buf_adds(&w, "Validating args with the exec paths, old: ");
		sd_gofmt_v(&w, oe);
		sd_buf_adds(&w, " new: ");
		sd_gofmt_v(&w, ne);
		warn_buf(r, &w, "Args");
	}
	return strings_equal_from(o, n, 1);
}

static void check_args(run *r)
{
	const sd_gv *o = F(r->op, "args"), *n = F(r->np, "args");
	bool ok;
	if (r->p->args == ARGS_SLICES_EQUAL || slen(o) != slen(n) || slen(o) == 0)
		ok = strings_equal_from(o, n, 0);
	else if (r->p->args == ARGS_DOT_SLASH)
		ok = args_dot_slash_ok(o, n, F(r->op, "cwd"));
	else
		ok = args_basename_ok(r, o, n);
	if (!ok)
		fail(r, "Args", o, n, NULL);
}

/* ---- namespaces ---- */

/* namespaceTypes: a new non-nil slice of {Type, ""}. */
static sd_gv namespace_types(run *r, const sd_gv *s)
{
	sd_gv out = *s;
	out.is_nil = false;
	out.u.slice.n = slen(s);
	out.u.slice.items = sd_arena_array(r->arena, slen(s) + 1, sizeof(sd_gv));
	for (size_t i = 0; i < slen(s); i++) {
		const sd_gv *ns = &s->u.slice.items[i];
		sd_gv *c = &out.u.slice.items[i];
		*c = *ns;
		c->u.fields = sd_arena_array(r->arena, ns->type->nfields, sizeof(sd_gv));
		memcpy(c->u.fields, ns->u.fields, ns->type->nfields * sizeof(sd_gv));
		gv_zero(r->arena, c->type->fields[field_index(c->type, "path")].type,
			&c->u.fields[field_index(c->type, "path")]);
	}
	return out;
}

static void check_namespaces(run *r)
{
	const sd_gv *o = F(r->ol, "namespaces"), *n = F(r->nl, "namespaces");
	if (r->p->ns_with_paths)
		return check_array(r, "Namespace", o, n);
	sd_gv ot = namespace_types(r, o), nt = namespace_types(r, n);
	check_array(r, "Namespace", &ot, &nt);
}

/* ---- the random-order map and the remaining fields ---- */

/* Sorts errors by bytes, keeping each one's field with it. */
static void sort_errors(sd_check_result *res)
{
	for (size_t i = 1; i < res->nerrors; i++)
		for (size_t j = i; j > 0 && strcmp(res->errors[j - 1], res->errors[j]) > 0; j--) {
			char *e = res->errors[j];
			const char *f = res->error_fields[j];
			res->errors[j] = res->errors[j - 1];
			res->error_fields[j] = res->error_fields[j - 1];
			res->errors[j - 1] = e;
			res->error_fields[j - 1] = f;
		}
}

static void check_random(run *r)
{
	struct { const char *field; const sd_gv *o, *n; } q[] = {
		{ "Root", or_zero(r, F(r->os, "root")), or_zero(r, F(r->ns, "root")) },
		{ "User", F(r->op, "user"), F(r->np, "user") },
		{ "Rlimits", F(r->op, "rlimits"), F(r->np, "rlimits") },
		{ "Sysctl", F(r->ol, "sysctl"), F(r->nl, "sysctl") },
		{ "Seccomp", F(r->ol, "seccomp"), F(r->nl, "seccomp") },
	};
	/* Go iterates the map in random order: every failing entry could be
	 * the one returned, so all of them are listed. */
	for (size_t i = r->p->random_root ? 0 : 1; i < sizeof q / sizeof q[0]; i++)
		if (!sd_gv_deep_equal(q[i].o, q[i].n)) {
			sd_buf b = SD_BUF_INIT;
			mismatch_text(&b, r, q[i].field, q[i].o, q[i].n, NULL);
			fail_buf(r, &b, q[i].field);
		}
	if (!r->past_first && r->res->nerrors > 1)
		sort_errors(r->res);
}

static void fail_spec(run *r, const char *field)
{
	sd_buf b = SD_BUF_INIT;
	sd_buf_addf(&b, "%s does not match across checkpoint restore for container: %s, checkpoint &",
		    field, r->cname);
	sd_gofmt_v(&b, r->os);
	sd_buf_adds(&b, " restore &");
	sd_gofmt_v(&b, r->ns);
	fail_buf(r, &b, field);
}

/* A copy of struct st with the named fields set to their zero values: what
 * runsc's validator holds once it has cleared the fields it checked. */
static sd_gv reduced(run *r, const sd_gv *st, const char *const *zero)
{
	sd_gv c = *st;
	c.u.fields = sd_arena_array(r->arena, st->type->nfields, sizeof(sd_gv));
	memcpy(c.u.fields, st->u.fields, st->type->nfields * sizeof(sd_gv));
	for (; *zero; zero++) {
		const sd_field *f = sd_type_field(st->type, *zero);
		if (f)
			gv_zero(r->arena, f->type, &c.u.fields[f - st->type->fields]);
	}
	return c;
}

/* From release-20260601.0 the Process, Linux and Spec errors print the
 * reduced values (oldProcess, oldLinux, oldSpec), whose Root is ifNil'd. */
static void fail_reduced(run *r, const char *field, const sd_gv *o, const sd_gv *n,
			 const char *const *zero)
{
	sd_gv ro = reduced(r, o, zero), rn = reduced(r, n, zero);
	if (strcmp(field, "Spec") == 0) {
		size_t k = field_index(o->type, "root");
		ro.u.fields[k] = *or_zero(r, &o->u.fields[k]);
		rn.u.fields[k] = *or_zero(r, &n->u.fields[k]);
	}
	fail(r, field, &ro, &rn, NULL);
}

static void check_rest(run *r)
{
	static const char *const process_skip[] = {
		"terminal", "cwd", "user", "rlimits", "capabilities", "env", NULL, NULL };
	static const char *const process_skip_args[] = {
		"terminal", "cwd", "user", "rlimits", "capabilities", "env", "args", NULL };
	static const char *const linux_skip[] = {
		"sysctl", "seccomp", "devices", "resources", "uidMappings", "gidMappings",
		"namespaces", "cgroupsPath", NULL };
	static const char *const spec_skip[] = {
		"ociVersion", "process", "root", "hostname", "domainname", "mounts", "hooks",
		"annotations", "linux", NULL };
	/* What the reduced Process still holds: Terminal and Cwd were compared
	 * but not cleared. */
	static const char *const process_cleared[] = {
		"user", "rlimits", "capabilities", "env", "args", NULL };
	const char *const *pskip = r->p->clear_args_before_rest ? process_skip_args : process_skip;
	const struct {
		const char *field;
		const sd_gv *o, *n;
		const char *const *skip, *const *cleared;
	} rest[] = {
		{ "Process", r->op, r->np, pskip, process_cleared },
		{ "Linux", r->ol, r->nl, linux_skip, linux_skip },
		{ "Spec", r->os, r->ns, spec_skip, spec_skip },
	};
	/* three checks in a row: after the first failure the rest are "next" */
	for (size_t i = 0; i < sizeof rest / sizeof rest[0]; i++) {
		if (struct_equal_except(rest[i].o, rest[i].n, rest[i].skip))
			continue;
		if (r->p->rest_reduced)
			fail_reduced(r, rest[i].field, rest[i].o, rest[i].n, rest[i].cleared);
		else
			fail_spec(r, rest[i].field);
		r->past_first = true;
	}
}

/* ---- the interpreter ---- */

static void run_step(run *r, gv_step s)
{
	const sd_gv *oroot, *nroot;
	switch (s) {
	case ST_END: break;
	case ST_VERSION:
		if (!str_eq(F(r->os, "ociVersion"), F(r->ns, "ociVersion")))
			fail(r, "OCI Version", F(r->os, "ociVersion"), F(r->ns, "ociVersion"), NULL);
		break;
	case ST_ROOT_READONLY:
		oroot = or_zero(r, F(r->os, "root"))->u.elem;
		nroot = or_zero(r, F(r->ns, "root"))->u.elem;
		if (F(oroot, "readonly")->u.boolean != F(nroot, "readonly")->u.boolean)
			fail(r, "Root.Readonly", F(oroot, "readonly"), F(nroot, "readonly"), NULL);
		break;
	case ST_MOUNTS: check_mounts(r); break;
	case ST_ANNOTATIONS: check_annotations(r); break;
	case ST_TERMINAL:
		if (F(r->op, "terminal")->u.boolean != F(r->np, "terminal")->u.boolean)
			fail(r, "Terminal", F(r->op, "terminal"), F(r->np, "terminal"), NULL);
		break;
	case ST_CWD:
		if (!str_eq(F(r->op, "cwd"), F(r->np, "cwd")))
			fail(r, "Cwd", F(r->op, "cwd"), F(r->np, "cwd"), NULL);
		break;
	case ST_ARGS: check_args(r); break;
	case ST_CGROUPS_PATH:
		if (!str_eq(F(r->ol, "cgroupsPath"), F(r->nl, "cgroupsPath")))
			fail(r, "CgroupsPath", F(r->ol, "cgroupsPath"), F(r->nl, "cgroupsPath"), NULL);
		break;
	case ST_CAPS: check_caps(r); break;
	case ST_DEVICES: check_devices(r); break;
	case ST_RESOURCES: check_resources(r); break;
	case ST_UIDMAPS: check_array(r, "UIDMappings", F(r->ol, "uidMappings"), F(r->nl, "uidMappings")); break;
	case ST_GIDMAPS: check_array(r, "GIDMappings", F(r->ol, "gidMappings"), F(r->nl, "gidMappings")); break;
	case ST_NAMESPACES: check_namespaces(r); break;
	case ST_USER: check_deep(r, "User", F(r->op, "user"), F(r->np, "user")); break;
	case ST_RLIMITS: check_array(r, "Rlimits", F(r->op, "rlimits"), F(r->np, "rlimits")); break;
	case ST_SYSCTL: check_map(r, "Sysctl", F(r->ol, "sysctl"), F(r->nl, "sysctl")); break;
	case ST_SECCOMP: check_deep(r, "Seccomp", F(r->ol, "seccomp"), F(r->nl, "seccomp")); break;
	case ST_RANDOM: check_random(r); break;
	case ST_REST: check_rest(r); break;
	}
}

void sd_gvisor_run(const sd_profile *prof, const sd_gv *old_spec, const sd_gv *new_spec,
		   const char *cname, sd_check_result *out)
{
	memset(out, 0, sizeof *out);
	run r = { .p = sdp_gvisor_impl(prof), .arena = sd_arena_new(), .cname = cname,
		  .os = old_spec, .ns = new_spec, .res = out };
	r.op = or_zero(&r, F(old_spec, "process"))->u.elem;
	r.np = or_zero(&r, F(new_spec, "process"))->u.elem;
	r.ol = or_zero(&r, F(old_spec, "linux"))->u.elem;
	r.nl = or_zero(&r, F(new_spec, "linux"))->u.elem;
	/* Every check runs; runsc's own answer is what comes before the first
	 * failing one (errors, warnings), the rest is "next". */
	for (const gv_step *s = r.p->steps; *s != ST_END; s++) {
		r.step_failed = false;
		run_step(&r, *s);
		r.past_first = out->nerrors > 0;
	}
	out->pass = out->nerrors == 0;
	sd_arena_free(r.arena);
}

void sd_check_result_release(sd_check_result *res)
{
	for (size_t i = 0; i < res->nerrors; i++)
		free(res->errors[i]);
	for (size_t i = 0; i < res->nwarnings; i++)
		free(res->warnings[i]);
	for (size_t i = 0; i < res->nnext; i++)
		free(res->next[i]);
	free(res->errors);
	free(res->warnings);
	free(res->next);
	free(res->error_fields);
	free(res->warning_fields);
	free(res->next_fields);
	free(res->next_is_warning);
	free(res->decode_checkpoint);
	free(res->decode_restore);
	memset(res, 0, sizeof *res);
}
