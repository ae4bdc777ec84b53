/*
 * focus.c - path patterns, the focus decision per difference, and marking
 * an existing comparison (focus.h).  The restore profiles' rules are data
 * in focus_rules.c; this file only interprets them.
 */
#include <stdlib.h>
#include <string.h>

#include "diff_impl.h"
#include "specdiff/base.h"
#include "specdiff/focus.h"

/* ---- patterns ---- */

typedef enum seg_kind { SEG_LIT, SEG_STAR, SEG_GLOBSTAR, SEG_GLOB } seg_kind;

/* A glob segment keeps its literal parts; a '*' sits between two parts. */
typedef struct seg {
	seg_kind kind;
	char **parts;           /* SEG_LIT: one part; SEG_GLOB: nparts parts */
	size_t *lens;
	size_t nparts;
} seg;

struct sd_pattern {
	char *text;
	seg *segs;
	size_t nsegs;
};

static void seg_add_part(seg *s, const char *p, size_t n)
{
	s->parts = sd_xrealloc(s->parts, (s->nparts + 1) * sizeof(*s->parts));
	s->lens = sd_xrealloc(s->lens, (s->nparts + 1) * sizeof(*s->lens));
	char *c = sd_xmalloc(n + 1);
	memcpy(c, p, n);
	c[n] = '\0';
	s->parts[s->nparts] = c;
	s->lens[s->nparts++] = n;
}

/* Parses the raw segment text[0..n): unescapes ~0 ~1 ~2, splits at '*'. */
static bool seg_parse(seg *s, const char *text, size_t n, sd_error *err)
{
	memset(s, 0, sizeof(*s));
	if (n == 1 && text[0] == '*') {
		s->kind = SEG_STAR;
		return true;
	}
	if (n == 2 && text[0] == '*' && text[1] == '*') {
		s->kind = SEG_GLOBSTAR;
		return true;
	}
	sd_buf cur = SD_BUF_INIT;
	sd_buf_grow(&cur, n + 1);
	bool glob = false;
	for (size_t i = 0; i < n; i++) {
		char c = text[i];
		if (c == '*') {
			glob = true;
			seg_add_part(s, cur.data, cur.len);
			cur.len = 0;
			continue;
		}
		if (c == '~') {
			char e = i + 1 < n ? text[i + 1] : '\0';
			if (e != '0' && e != '1' && e != '2') {
				sd_error_set(err, NULL, 0, 0,
					     "bad escape in pattern: '~' must be followed by 0 (~), 1 (/) or 2 (*)");
				sd_buf_release(&cur);
				return false;
			}
			c = e == '0' ? '~' : e == '1' ? '/' : '*';
			i++;
		}
		sd_buf_addc(&cur, c);
	}
	seg_add_part(s, cur.data ? cur.data : "", cur.len);
	sd_buf_release(&cur);
	s->kind = glob ? SEG_GLOB : SEG_LIT;
	return true;
}

static void seg_release(seg *s)
{
	for (size_t i = 0; i < s->nparts; i++)
		free(s->parts[i]);
	free(s->parts);
	free(s->lens);
}

void sd_pattern_free(sd_pattern *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nsegs; i++)
		seg_release(&p->segs[i]);
	free(p->segs);
	free(p->text);
	free(p);
}

sd_pattern *sd_pattern_compile(const char *text, sd_error *err)
{
	if (text[0] && text[0] != '/') {
		sd_error_set(err, NULL, 0, 0,
			     "pattern '%s' is not a JSON Pointer: it must start with '/'", text);
		return NULL;
	}
	sd_pattern *p = sd_xcalloc(1, sizeof(*p));
	p->text = sd_xstrdup(text);
	const char *s = text[0] && text[1] ? text + 1 : NULL;   /* "" and "/": the root */
	while (s) {
		const char *end = strchr(s, '/');
		size_t n = end ? (size_t)(end - s) : strlen(s);
		p->segs = sd_xrealloc(p->segs, (p->nsegs + 1) * sizeof(*p->segs));
		if (!seg_parse(&p->segs[p->nsegs], s, n, err)) {
			sd_pattern_free(p);
			return NULL;
		}
		p->nsegs++;
		s = end ? end + 1 : NULL;
	}
	return p;
}

const char *sd_pattern_text(const sd_pattern *p)
{
	return p->text;
}

/* One path segment, still escaped (~0 ~1), against a pattern segment. */
typedef struct pseg {
	const char *s;
	size_t n;
} pseg;

static size_t unescape(const pseg *ps, char *out)
{
	size_t k = 0;
	for (size_t i = 0; i < ps->n; i++) {
		if (ps->s[i] == '~' && i + 1 < ps->n && (ps->s[i + 1] == '0' || ps->s[i + 1] == '1')) {
			out[k++] = ps->s[i + 1] == '0' ? '~' : '/';
			i++;
		} else {
			out[k++] = ps->s[i];
		}
	}
	return k;
}

static bool glob_match(const seg *g, const char *s, size_t n)
{
	size_t first = g->lens[0], last = g->lens[g->nparts - 1];
	if (first + last > n || memcmp(s, g->parts[0], first) ||
	    memcmp(s + n - last, g->parts[g->nparts - 1], last))
		return false;
	size_t at = first, stop = n - last;
	for (size_t i = 1; i + 1 < g->nparts; i++) {
		size_t len = g->lens[i];
		while (at + len <= stop && memcmp(s + at, g->parts[i], len))
			at++;
		if (at + len > stop)
			return false;
		at += len;
	}
	return true;
}

static bool seg_match(const seg *g, const char *key, size_t n)
{
	switch (g->kind) {
	case SEG_STAR:
	case SEG_GLOBSTAR:
		return true;
	case SEG_LIT:
		return g->lens[0] == n && !memcmp(g->parts[0], key, n);
	default:
		return glob_match(g, key, n);
	}
}

/* Splits a JSON Pointer into escaped segments; "" and "/" have none. */
static size_t split_path(const char *path, pseg **out)
{
	size_t cap = 16, n = 0;
	pseg *v = sd_xmalloc(cap * sizeof(*v));
	const char *s = path[0] && path[1] ? path + 1 : NULL;
	while (s) {
		const char *end = strchr(s, '/');
		if (n == cap)
			v = sd_xrealloc(v, (cap *= 2) * sizeof(*v));
		v[n].s = s;
		v[n++].n = end ? (size_t)(end - s) : strlen(s);
		s = end ? end + 1 : NULL;
	}
	*out = v;
	return n;
}

/* Adds state i and, through "**" matching zero segments, those after it. */
static void add_state(const sd_pattern *p, bool *set, size_t i)
{
	while (!set[i]) {
		set[i] = true;
		if (i == p->nsegs || p->segs[i].kind != SEG_GLOBSTAR)
			break;
		i++;
	}
}

/* Runs the pattern as an automaton over the path's segments.  prefix: a
 * match of any leading run of segments counts (the subtree rule).
 * *viable (may be NULL): a longer path below this one could still match. */
static bool run_match(const sd_pattern *p, const char *path, bool prefix, bool *viable)
{
	enum { SMALL = 64, SMALL_KEY = 512 };
	pseg *ps;
	size_t n = split_path(path, &ps);
	size_t ns = p->nsegs + 1, maxlen = strlen(path) + 1;
	/* stack buffers for the usual sizes: this runs once per node when a
	 * document is searched for a pattern */
	bool cur_s[SMALL], next_s[SMALL];
	char key_s[SMALL_KEY];
	bool *cur = ns <= SMALL ? cur_s : sd_xmalloc(ns), *next = ns <= SMALL ? next_s : sd_xmalloc(ns);
	char *key = maxlen <= SMALL_KEY ? key_s : sd_xmalloc(maxlen);
	memset(cur, 0, ns);
	add_state(p, cur, 0);
	bool hit = prefix && cur[p->nsegs], dead = false;
	for (size_t k = 0; k < n && !hit; k++) {
		size_t klen = unescape(&ps[k], key);
		memset(next, 0, ns);
		bool any = false;
		for (size_t i = 0; i < p->nsegs; i++) {
			if (!cur[i] || !seg_match(&p->segs[i], key, klen))
				continue;
			add_state(p, next, p->segs[i].kind == SEG_GLOBSTAR ? i : i + 1);
			any = true;
		}
		bool *t = cur;
		cur = next;
		next = t;
		if (!any) {
			dead = true;
			break;
		}
		hit = (prefix || k + 1 == n) && cur[p->nsegs];
	}
	if (n == 0)
		hit = cur[p->nsegs];
	if (viable) {
		*viable = false;
		for (size_t i = 0; !dead && i < p->nsegs; i++)
			*viable |= cur[i];
	}
	free(ps);
	if (cur != cur_s && cur != next_s)
		free(cur);
	if (next != cur_s && next != next_s)
		free(next);
	if (key != key_s)
		free(key);
	return hit;
}

bool sd_pattern_match(const sd_pattern *p, const char *path)
{
	return run_match(p, path, false, NULL);
}

bool sd_pattern_covers(const sd_pattern *p, const char *path)
{
	return run_match(p, path, true, NULL);
}

/* ---- rules ---- */

typedef enum rule_action { R_IGNORE, R_KEEP, R_ZERO, R_BASENAME, R_DOTSLASH, R_UNORDERED } rule_action;

typedef struct rule {
	rule_action action;
	unsigned classes;       /* bits 1 << sd_class */
	sd_pattern *pat;
} rule;

struct sd_focus {
	sd_pattern **ignore, **only;
	size_t nignore, nonly;
	const sd_profile *profile;
	rule *rules;
	size_t nrules;
};

sd_focus *sd_focus_new(void)
{
	return sd_xcalloc(1, sizeof(sd_focus));
}

static void drop_rules(sd_focus *f)
{
	for (size_t i = 0; i < f->nrules; i++)
		sd_pattern_free(f->rules[i].pat);
	free(f->rules);
	f->rules = NULL;
	f->nrules = 0;
}

void sd_focus_free(sd_focus *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->nignore; i++)
		sd_pattern_free(f->ignore[i]);
	for (size_t i = 0; i < f->nonly; i++)
		sd_pattern_free(f->only[i]);
	free(f->ignore);
	free(f->only);
	drop_rules(f);
	free(f);
}

static bool add_pattern(sd_pattern ***list, size_t *n, const char *text, sd_error *err)
{
	sd_pattern *p = sd_pattern_compile(text, err);
	if (!p)
		return false;
	*list = sd_xrealloc(*list, (*n + 1) * sizeof(**list));
	(*list)[(*n)++] = p;
	return true;
}

bool sd_focus_add_ignore(sd_focus *f, const char *pattern, sd_error *err)
{
	return add_pattern(&f->ignore, &f->nignore, pattern, err);
}

bool sd_focus_add_only(sd_focus *f, const char *pattern, sd_error *err)
{
	return add_pattern(&f->only, &f->nonly, pattern, err);
}

static bool parse_classes(const char *s, size_t n, unsigned *out)
{
	*out = 0;
	while (n) {
		const char *comma = memchr(s, ',', n);
		size_t len = comma ? (size_t)(comma - s) : n;
		char name[32];
		sd_class c;
		if (len >= sizeof(name))
			return false;
		memcpy(name, s, len);
		name[len] = '\0';
		if (!sd_class_parse(name, &c))
			return false;
		*out |= 1u << c;
		s += len + (comma != NULL);
		n -= len + (comma != NULL);
	}
	return true;
}

/* "ACTION[:CLASSES] PATTERN" */
static bool parse_rule(const char *line, rule *r)
{
	static const char *const names[] = { "ignore", "keep", "zero", "basename", "dotslash", "unordered" };
	enum { NACTIONS = sizeof(names) / sizeof(names[0]) };
	const char *sp = strchr(line, ' ');
	if (!sp)
		return false;
	const char *colon = memchr(line, ':', (size_t)(sp - line));
	size_t alen = (size_t)((colon ? colon : sp) - line);
	size_t a = 0;
	while (a < NACTIONS && (strlen(names[a]) != alen || memcmp(names[a], line, alen)))
		a++;
	if (a == NACTIONS)
		return false;
	r->action = (rule_action)a;
	r->classes = ~0u;
	if (colon && !parse_classes(colon + 1, (size_t)(sp - colon - 1), &r->classes))
		return false;
	sd_error err;
	r->pat = sd_pattern_compile(sp + 1, &err);
	return r->pat != NULL;
}

void sd_focus_set_profile(sd_focus *f, const sd_profile *p)
{
	drop_rules(f);
	f->profile = p;
	const char *const *lines = sd_focus_profile_rules(p);
	for (size_t i = 0; lines && lines[i]; i++) {
		rule r;
		if (!parse_rule(lines[i], &r))
			continue;   /* the table is tested: every line parses */
		f->rules = sd_xrealloc(f->rules, (f->nrules + 1) * sizeof(*f->rules));
		f->rules[f->nrules++] = r;
	}
}

const sd_profile *sd_focus_profile(const sd_focus *f)
{
	return f->profile;
}

size_t sd_focus_rule_count(const sd_focus *f)
{
	return f->nrules;
}

bool sd_focus_is_empty(const sd_focus *f)
{
	return !f || (!f->nignore && !f->nonly && !f->profile);
}

/* ---- the decision ---- */

/* A difference to decide: an item, or one made up by comparing a value
 * with its zero value (a nil pointer's other side, field by field). */
typedef struct cand {
	const char *path;
	sd_class cls;
	const sd_gv *l, *r;
} cand;

typedef bool (*cand_fn)(const sd_focus *f, const sd_diff *d, const cand *c);

static bool is_nil_ptr_pair(const cand *c)
{
	const sd_gv *set = c->l && !c->l->is_nil ? c->l : c->r;
	const sd_gv *nil = set == c->l ? c->r : c->l;
	return c->cls == SD_CLASS_VALUE && set && set->type->kind == SD_GO_PTR && !set->is_nil &&
	       (!nil || (nil->type->kind == SD_GO_PTR && nil->is_nil));
}

typedef struct expander {
	const sd_focus *f;
	const sd_diff *d;
	cand_fn fn;
	sd_buf path;
	size_t n;             /* differences made up */
	bool all;             /* fn said true for every one */
	bool any;             /* ... for some */
} expander;

static void expand_emit(expander *x, sd_class cls, const sd_gv *v)
{
	cand c = { x->path.len ? x->path.data : "/", cls, NULL, v };
	bool r = x->fn(x->f, x->d, &c);
	x->n++;
	x->all &= r;
	x->any |= r;
}

/* The walker's differences between v and its type's zero value. */
static void expand(expander *x, const sd_gv *v)
{
	size_t mark = x->path.len;
	switch (v->type->kind) {
	case SD_GO_STRUCT:
		for (size_t i = 0; i < v->type->nfields; i++) {
			const char *name = v->type->fields[i].json_name;
			sd_buf_addc(&x->path, '/');
			sd_buf_add_ptr_segment(&x->path, name, strlen(name));
			expand(x, &v->u.fields[i]);
			x->path.len = mark;
			x->path.data[mark] = '\0';
		}
		return;
	case SD_GO_MAP:
		if (!v->is_nil && !v->u.map.n)
			expand_emit(x, SD_CLASS_NIL_VS_EMPTY, v);
		for (size_t i = 0; !v->is_nil && i < v->u.map.n; i++) {
			sd_buf_addc(&x->path, '/');
			sd_buf_add_ptr_segment(&x->path, v->u.map.entries[i].key, v->u.map.entries[i].key_len);
			expand_emit(x, SD_CLASS_VALUE, &v->u.map.entries[i].value);
			x->path.len = mark;
			x->path.data[mark] = '\0';
		}
		return;
	case SD_GO_SLICE:
		if (!v->is_nil)
			expand_emit(x, v->u.slice.n ? SD_CLASS_VALUE : SD_CLASS_NIL_VS_EMPTY, v);
		return;
	default:
		if (!sd_gv_is_zero(v))
			expand_emit(x, SD_CLASS_VALUE, v);
		return;
	}
}

/* Runs fn on every difference between the set side of a nil-pointer
 * candidate and the zero value; returns how many there were. */
static size_t expand_ptr(const sd_focus *f, const sd_diff *d, const cand *c, cand_fn fn,
			 bool *all, bool *any)
{
	const sd_gv *set = c->l && !c->l->is_nil ? c->l : c->r;
	expander x = { f, d, fn, SD_BUF_INIT, 0, true, false };
	sd_buf_adds(&x.path, strcmp(c->path, "/") ? c->path : "");
	expand(&x, set->u.elem);
	sd_buf_release(&x.path);
	*all = x.all;
	*any = x.any;
	return x.n;
}

static bool str_pair(const cand *c)
{
	return c->cls == SD_CLASS_VALUE && c->l && c->r && c->l->type->kind == SD_GO_STRING &&
	       c->r->type->kind == SD_GO_STRING;
}

/* argv[0] compared by basename (runsc release-20260202.0 on). */
static bool same_basename(const cand *c)
{
	const char *a, *b;
	size_t an, bn;
	sd_path_base(c->l->u.str.s, c->l->u.str.len, &a, &an);
	sd_path_base(c->r->u.str.s, c->r->u.str.len, &b, &bn);
	return an == bn && !memcmp(a, b, an);
}

/* argv[0] "./x" resolved against the checkpoint's process.cwd. */
static bool same_dotslash(const sd_diff *d, const cand *c)
{
	const char *l = c->l->u.str.s, *r = c->r->u.str.s;
	bool lp = !strncmp(l, "./", 2), rp = !strncmp(r, "./", 2);
	if (lp == rp || !d || !d->lview)
		return false;
	const sd_gv *proc = sd_gv_field(sd_goview_root(d->lview), "process");
	const sd_gv *cwd = proc ? sd_gv_field(proc, "cwd") : NULL;
	const char *dir = cwd ? cwd->u.str.s : "";
	const char *rel = lp ? l : r, *abs = lp ? r : l;
	sd_buf joined = SD_BUF_INIT, resolved = SD_BUF_INIT;
	sd_buf_addf(&joined, "%s%s%s", dir, *dir ? "/" : "", rel);
	sd_path_clean(&resolved, joined.data, joined.len);   /* path.Join */
	bool eq = !strcmp(resolved.data, abs);
	sd_buf_release(&joined);
	sd_buf_release(&resolved);
	return eq;
}

static bool profile_ignores(const sd_focus *f, const sd_diff *d, const cand *c);

/* The Go value at the JSON Pointer path[0..len) below v, or NULL. */
static const sd_gv *gv_at(const sd_gv *v, const char *path, size_t len)
{
	char *key = sd_xmalloc(len + 1);
	size_t i = 1;
	while (v && i < len) {
		size_t end = i;
		while (end < len && path[end] != '/')
			end++;
		pseg ps = { path + i, end - i };
		size_t klen = unescape(&ps, key);
		key[klen] = '\0';
		v = sd_gv_deref(v);
		if (v && v->type->kind == SD_GO_STRUCT) {
			v = sd_gv_field(v, key);
		} else if (v && v->type->kind == SD_GO_MAP) {
			v = sd_gv_map_get(v, key, klen);
		} else if (v && v->type->kind == SD_GO_SLICE) {
			char *e;
			unsigned long idx = strtoul(key, &e, 10);
			v = *e || !klen || v->is_nil || idx >= v->u.slice.n ? NULL : &v->u.slice.items[idx];
		} else {
			v = NULL;
		}
		i = end + 1;
	}
	free(key);
	return v;
}

/* Two lists with the same elements in any order (reflect.DeepEqual per
 * element). */
static bool same_multiset(const sd_gv *a, const sd_gv *b)
{
	return a && b && a->type->kind == SD_GO_SLICE && b->type == a->type &&
	       !a->is_nil && !b->is_nil && a->u.slice.n == b->u.slice.n &&
	       sd_gv_same_elements(a, b);
}

/* A list runsc compares as a set, at path or above it: do both sides hold
 * the same elements there, in another order?  (Lists that differ in more
 * than order keep their positional differences.) */
static bool unordered_equal(const sd_diff *d, const sd_pattern *pat, const char *path)
{
	if (!d || !d->lview || !d->rview)
		return false;
	size_t len = strlen(path);
	for (size_t end = 1; end <= len; end++) {
		if (end < len && path[end] != '/')
			continue;
		char *prefix = sd_xstrndup(path, end);
		bool hit = sd_pattern_match(pat, prefix) &&
			   same_multiset(gv_at(sd_goview_root(d->lview), path, end),
					 gv_at(sd_goview_root(d->rview), path, end));
		free(prefix);
		if (hit)
			return true;
	}
	return false;
}

/* Special rules (zero, basename, dotslash) match their path exactly. */
static int special_rules(const sd_focus *f, const sd_diff *d, const cand *c)
{
	for (size_t i = 0; i < f->nrules; i++) {
		const rule *r = &f->rules[i];
		if (r->action == R_UNORDERED && unordered_equal(d, r->pat, c->path))
			return 1;
		if (r->action < R_ZERO || r->action == R_UNORDERED || !sd_pattern_match(r->pat, c->path))
			continue;
		if (r->action == R_ZERO && is_nil_ptr_pair(c)) {
			bool all, any;
			expand_ptr(f, d, c, profile_ignores, &all, &any);
			return all;   /* nothing non-zero: equal to the nil side */
		}
		if (r->action == R_BASENAME && str_pair(c) && same_basename(c))
			return 1;
		if (r->action == R_DOTSLASH && str_pair(c) && same_dotslash(d, c))
			return 1;
	}
	return -1;
}

static bool profile_ignores(const sd_focus *f, const sd_diff *d, const cand *c)
{
	int s = special_rules(f, d, c);
	if (s >= 0)
		return s;
	bool ignored = false;
	for (size_t i = 0; i < f->nrules; i++) {
		const rule *r = &f->rules[i];
		if (r->action > R_KEEP || !(r->classes & (1u << c->cls)) ||
		    !sd_pattern_covers(r->pat, c->path))
			continue;
		ignored = r->action == R_IGNORE;
	}
	return ignored;
}

static bool any_covers(sd_pattern *const *pats, size_t n, const char *path)
{
	for (size_t i = 0; i < n; i++)
		if (sd_pattern_covers(pats[i], path))
			return true;
	return false;
}

static bool ignore_covers(const sd_focus *f, const sd_diff *d, const cand *c)
{
	(void)d;
	return any_covers(f->ignore, f->nignore, c->path);
}

/* ---- walking a Go value with paths ---- */

/* 1: stop the walk, -1: skip what is below this value, 0: go on */
typedef int (*node_fn)(void *ctx, const char *path, const sd_gv *v);

/* Calls fn on v and every value below it (struct fields, map entries,
 * slice elements, pointees); returns true when fn stopped the walk. */
static bool walk_gv(const sd_gv *v, sd_buf *path, node_fn fn, void *ctx)
{
	int r = fn(ctx, path->len ? path->data : "/", v);
	if (r)
		return r > 0;
	size_t mark = path->len;
	bool stop = false;
	switch (v->type->kind) {
	case SD_GO_PTR:
	case SD_GO_IFACE:
		return !v->is_nil && v->u.elem && walk_gv(v->u.elem, path, fn, ctx);
	case SD_GO_STRUCT:
		for (size_t i = 0; i < v->type->nfields && !stop; i++) {
			const char *name = v->type->fields[i].json_name;
			sd_buf_addc(path, '/');
			sd_buf_add_ptr_segment(path, name, strlen(name));
			stop = walk_gv(&v->u.fields[i], path, fn, ctx);
			path->len = mark;
			path->data[mark] = '\0';
		}
		break;
	case SD_GO_MAP:
		for (size_t i = 0; !v->is_nil && i < v->u.map.n && !stop; i++) {
			sd_buf_addc(path, '/');
			sd_buf_add_ptr_segment(path, v->u.map.entries[i].key, v->u.map.entries[i].key_len);
			stop = walk_gv(&v->u.map.entries[i].value, path, fn, ctx);
			path->len = mark;
			path->data[mark] = '\0';
		}
		break;
	case SD_GO_SLICE:
		for (size_t i = 0; !v->is_nil && i < v->u.slice.n && !stop; i++) {
			sd_buf_addf(path, "/%zu", i);
			stop = walk_gv(&v->u.slice.items[i], path, fn, ctx);
			path->len = mark;
			path->data[mark] = '\0';
		}
		break;
	default:
		break;
	}
	return stop;
}

typedef struct only_ctx {
	const sd_focus *f;
} only_ctx;

static int only_hit(void *ctx, const char *path, const sd_gv *v)
{
	const sd_focus *f = ((only_ctx *)ctx)->f;
	if (sd_gv_is_zero(v))
		return -1;
	for (size_t i = 0; i < f->nonly; i++)
		if (sd_pattern_match(f->only[i], path))
			return 1;
	return 0;
}

/* Does an --only pattern match a non-zero node inside side v at path? */
static bool only_inside(const sd_focus *f, const char *path, const sd_gv *v)
{
	if (!v)
		return false;
	only_ctx ctx = { f };
	sd_buf b = SD_BUF_INIT;
	sd_buf_adds(&b, strcmp(path, "/") ? path : "");
	bool hit = walk_gv(v, &b, only_hit, &ctx);
	sd_buf_release(&b);
	return hit;
}

static bool user_ignores(const sd_focus *f, const sd_diff *d, const cand *c)
{
	if (any_covers(f->ignore, f->nignore, c->path))
		return true;
	if (f->nignore && is_nil_ptr_pair(c)) {
		bool all, any;
		if (expand_ptr(f, d, c, ignore_covers, &all, &any) && all)
			return true;
	}
	if (!f->nonly || any_covers(f->only, f->nonly, c->path))
		return false;
	return !only_inside(f, c->path, c->l) && !only_inside(f, c->path, c->r);
}

bool sd_focus_ignores(const sd_focus *f, const sd_diff *d, const sd_diff_item *it)
{
	if (sd_focus_is_empty(f))
		return false;
	cand c = { it->path, it->cls, it->left, it->right };
	if (user_ignores(f, d, &c))
		return true;
	return f->profile && profile_ignores(f, d, &c);
}

/* ---- marking a comparison ---- */

static uint8_t refresh_pair(sd_pair *p)
{
	p->cls = p->item && !p->item->ignored ? p->item->cls : SD_CLASS_NONE;
	uint8_t below = p->cls != SD_CLASS_NONE ? (uint8_t)(1u << p->cls) : 0;
	for (size_t i = 0; i < p->nkids; i++)
		below |= refresh_pair(p->kids[i]);
	p->below = below;
	return below;
}

size_t sd_diff_apply_focus(sd_diff *d, const sd_focus *f)
{
	size_t ignored = 0;
	/* --only and profile rules read the items' Go values: make them when
	 * the diff left them to be made (lazy_values) */
	bool need_values = f && (f->nonly || f->profile);
	memset(d->counts, 0, sizeof(d->counts));
	for (size_t i = 0; i < d->nitems; i++) {
		if (need_values)
			sd_diff_item_at(d, i);
		sd_diff_item *it = d->items[i];
		it->ignored = sd_focus_ignores(f, d, it);
		if (it->ignored)
			ignored++;
		else
			d->counts[it->cls]++;
	}
	if (d->root)
		refresh_pair(d->root);
	return ignored;
}

size_t sd_diff_count_ignored(const sd_diff *d)
{
	size_t n = 0;
	for (size_t i = 0; i < d->nitems; i++)
		n += d->items[i]->ignored;
	return n;
}

/* ---- patterns that match nothing ---- */

typedef struct unmatched_ctx {
	sd_pattern **pats;
	bool *hit;
	size_t n, left;       /* patterns, and how many are still unmatched */
} unmatched_ctx;

/* Marks the patterns that match path; returns 1 when none is left to
 * find, -1 when no pattern left could match below path (prune), else 0. */
static int mark_hits(unmatched_ctx *u, const char *path)
{
	bool any_viable = false;
	for (size_t i = 0; i < u->n; i++) {
		if (u->hit[i])
			continue;
		bool viable;
		if (run_match(u->pats[i], path, false, &viable)) {
			u->hit[i] = true;
			u->left--;
		}
		any_viable |= viable;
	}
	return u->left == 0 ? 1 : any_viable ? 0 : -1;
}

static int gv_hit(void *ctx, const char *path, const sd_gv *v)
{
	(void)v;
	return mark_hits(ctx, path);
}

static bool walk_node(unmatched_ctx *u, const sd_node *n, sd_buf *path)
{
	int r = mark_hits(u, path->len ? path->data : "/");
	if (r)
		return r > 0;
	size_t mark = path->len;
	bool stop = false;
	for (uint32_t i = 0; i < n->len && !stop && (n->kind == SD_OBJECT || n->kind == SD_ARRAY); i++) {
		const sd_node *kid;
		if (n->kind == SD_OBJECT) {
			sd_buf_addc(path, '/');
			sd_buf_add_ptr_segment(path, n->u.members[i].key, n->u.members[i].key_len);
			kid = &n->u.members[i].value;
		} else {
			sd_buf_addf(path, "/%u", i);
			kid = &n->u.items[i];
		}
		stop = walk_node(u, kid, path);
		path->len = mark;
		path->data[mark] = '\0';
	}
	return stop;
}

size_t sd_focus_unmatched(const sd_focus *f, const sd_doc *ldoc, const sd_goview *lview,
			  const sd_doc *rdoc, const sd_goview *rview,
			  const char **out, bool *is_only, size_t max)
{
	if (!f)
		return 0;
	size_t n = f->nignore + f->nonly;
	unmatched_ctx u = { sd_xmalloc((n + 1) * sizeof(*u.pats)), sd_xcalloc(n + 1, 1), n, n };
	for (size_t i = 0; i < f->nignore; i++)
		u.pats[i] = f->ignore[i];
	for (size_t i = 0; i < f->nonly; i++)
		u.pats[f->nignore + i] = f->only[i];
	const sd_doc *docs[2] = { ldoc, rdoc };
	const sd_goview *views[2] = { lview, rview };
	sd_buf path = SD_BUF_INIT;
	for (int s = 0; s < 2 && u.left; s++) {
		path.len = 0;
		if (docs[s] && walk_node(&u, sd_doc_root(docs[s]), &path))
			break;
		path.len = 0;
		if (views[s] && sd_goview_root(views[s]) &&
		    walk_gv(sd_goview_root(views[s]), &path, gv_hit, &u))
			break;
	}
	sd_buf_release(&path);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (u.hit[i])
			continue;
		if (k < max) {
			out[k] = sd_pattern_text(u.pats[i]);
			if (is_only)
				is_only[k] = i >= f->nignore;
		}
		k++;
	}
	free(u.pats);
	free(u.hit);
	return k;
}
