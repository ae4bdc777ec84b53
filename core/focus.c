/*
 * focus.c - path patterns, the focus decision per difference, and marking
 * an existing comparison (focus.h).  The restore profiles' rules are data
 * in focus_rules.c; this file only interprets them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_impl.h"
#include "focus_impl.h"
#include "goview_impl.h"
#include "specdiff/base.h"
#include "specdiff/focus.h"

/* ---- patterns ---- */

static void seg_add_part(sdp_seg *s, const char *p, size_t n)
{
	s->parts = sd_xrealloc(s->parts, (s->nparts + 1) * sizeof(*s->parts));
	s->lens = sd_xrealloc(s->lens, (s->nparts + 1) * sizeof(*s->lens));
	char *c = sd_xmalloc(n + 1);
	memcpy(c, p, n);
	c[n] = '\0';
	s->parts[s->nparts] = c;
	s->lens[s->nparts++] = n;
}

static void seg_release(sdp_seg *s);

/* Parses the raw segment text[0..n): unescapes ~0 ~1 ~2, splits at '*'. */
static bool seg_parse(sdp_seg *s, const char *text, size_t n, sd_error *err)
{
	memset(s, 0, sizeof(*s));
	if (n == 1 && text[0] == '*') {
		s->kind = SDP_SEG_STAR;
		return true;
	}
	if (n == 2 && text[0] == '*' && text[1] == '*') {
		s->kind = SDP_SEG_GLOBSTAR;
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
				seg_release(s);   /* the parts before a '*' */
				return false;
			}
			c = e == '0' ? '~' : e == '1' ? '/' : '*';
			i++;
		}
		sd_buf_addc(&cur, c);
	}
	seg_add_part(s, cur.data ? cur.data : "", cur.len);
	sd_buf_release(&cur);
	s->kind = glob ? SDP_SEG_GLOB : SDP_SEG_LIT;
	return true;
}

static void seg_release(sdp_seg *s)
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
	if (p->pm)
		sdp_pm_release(p->pm);
	free(p->pm);
	sdp_patset_free(p->self);
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
		/* a run of '**' matches what one does: keep one (40 of them on a
		 * deep path would be 40 live states per segment) */
		if (!(p->nsegs && p->segs[p->nsegs].kind == SDP_SEG_GLOBSTAR &&
		      p->segs[p->nsegs - 1].kind == SDP_SEG_GLOBSTAR))
			p->nsegs++;
		s = end ? end + 1 : NULL;
	}
	return p;
}

const char *sd_pattern_text(const sd_pattern *p)
{
	return p->text;
}

static bool glob_match(const sdp_seg *g, const char *s, size_t n)
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

bool sdp_seg_match(const sdp_seg *g, const char *key, size_t n)
{
	switch (g->kind) {
	case SDP_SEG_STAR:
	case SDP_SEG_GLOBSTAR:
		return true;
	case SDP_SEG_LIT:
		return g->lens[0] == n && !memcmp(g->parts[0], key, n);
	default:
		return glob_match(g, key, n);
	}
}

/* One pattern is a set of one, built when first matched (focus_impl.h). */
static bool match_one(const sd_pattern *p, const char *path, bool covers)
{
	if (!p->self) {
		sd_pattern *w = (sd_pattern *)p;   /* a cache, not a change of p */
		w->self = sdp_patset_new();
		sdp_patset_add(w->self, p, 0);
		w->pm = sd_xmalloc(sizeof *w->pm);
		sdp_pm_init(w->pm, w->self);
	}
	size_t mark = p->pm->n;
	bool hit = sdp_pm_path(p->pm, path, covers, NULL);
	p->pm->n = mark;
	return hit;
}

bool sd_pattern_match(const sd_pattern *p, const char *path)
{
	return match_one(p, path, false);
}

bool sd_pattern_covers(const sd_pattern *p, const char *path)
{
	return match_one(p, path, true);
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
	/* the same patterns as sets, matched in one pass (focus_impl.h); the
	 * matchers are scratch space, so a focus serves one thread */
	sdp_patset *ignset, *onlyset;
	sdp_pmatch *ignpm, *onlypm;
	const sd_profile *profile;
	rule *rules;
	size_t nrules;
};

sd_focus *sd_focus_new(void)
{
	sd_focus *f = sd_xcalloc(1, sizeof(sd_focus));
	f->ignset = sdp_patset_new();
	f->onlyset = sdp_patset_new();
	f->ignpm = sd_xmalloc(sizeof *f->ignpm);
	f->onlypm = sd_xmalloc(sizeof *f->onlypm);
	sdp_pm_init(f->ignpm, f->ignset);
	sdp_pm_init(f->onlypm, f->onlyset);
	return f;
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
	sdp_pm_release(f->ignpm);
	sdp_pm_release(f->onlypm);
	free(f->ignpm);
	free(f->onlypm);
	sdp_patset_free(f->ignset);
	sdp_patset_free(f->onlyset);
	drop_rules(f);
	free(f);
}

static bool add_pattern(sd_pattern ***list, size_t *n, sdp_patset *set, const char *text,
			sd_error *err)
{
	sd_pattern *p = sd_pattern_compile(text, err);
	if (!p)
		return false;
	*list = sd_xrealloc(*list, (*n + 1) * sizeof(**list));
	sdp_patset_add(set, p, (uint32_t)*n);
	(*list)[(*n)++] = p;
	return true;
}

bool sd_focus_add_ignore(sd_focus *f, const char *pattern, sd_error *err)
{
	return add_pattern(&f->ignore, &f->nignore, f->ignset, pattern, err);
}

bool sd_focus_add_only(sd_focus *f, const char *pattern, sd_error *err)
{
	return add_pattern(&f->only, &f->nonly, f->onlyset, pattern, err);
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
			   same_multiset(sdp_gv_at(sd_goview_root(d->lview), path, end),
					 sdp_gv_at(sd_goview_root(d->rview), path, end));
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

/* Does a pattern of the set cover path (match it or an ancestor)? */
static bool set_covers(sdp_pmatch *pm, const char *path)
{
	size_t mark = pm->n;
	bool hit = !sdp_patset_is_empty(pm->set) && sdp_pm_path(pm, path, true, NULL);
	pm->n = mark;
	return hit;
}

static bool ignore_covers(const sd_focus *f, const sd_diff *d, const cand *c)
{
	(void)d;
	return set_covers(f->ignpm, c->path);
}

/* ---- --only: a pattern inside a value ---- */

/* Does a pattern of state [from, pm->n) match v or a non-zero value below
 * it?  The state is carried down the value, not rebuilt from paths. */
static bool set_hits_below(sdp_pmatch *pm, size_t from, const sd_gv *v)
{
	if (from == pm->n || sd_gv_is_zero(v))
		return false;
	if (sdp_pm_accepts(pm, from, pm->n, NULL, NULL))
		return true;
	size_t to = pm->n;
	bool hit = false;
	char idx[24];
	switch (v->type->kind) {
	case SD_GO_PTR:
	case SD_GO_IFACE:
		return !v->is_nil && v->u.elem && set_hits_below(pm, from, v->u.elem);
	case SD_GO_STRUCT:
		for (size_t i = 0; i < v->type->nfields && !hit; i++) {
			const char *name = v->type->fields[i].json_name;
			size_t at = sdp_pm_step(pm, from, to, name, strlen(name));
			hit = set_hits_below(pm, at, &v->u.fields[i]);
			pm->n = to;
		}
		break;
	case SD_GO_MAP:
		for (size_t i = 0; !v->is_nil && i < v->u.map.n && !hit; i++) {
			const sd_gv_entry *e = &v->u.map.entries[i];
			size_t at = sdp_pm_step(pm, from, to, e->key, e->key_len);
			hit = set_hits_below(pm, at, &e->value);
			pm->n = to;
		}
		break;
	case SD_GO_SLICE:
		for (size_t i = 0; !v->is_nil && i < v->u.slice.n && !hit; i++) {
			int n = snprintf(idx, sizeof idx, "%zu", i);
			size_t at = sdp_pm_step(pm, from, to, idx, (size_t)n);
			hit = set_hits_below(pm, at, &v->u.slice.items[i]);
			pm->n = to;
		}
		break;
	default:
		break;
	}
	return hit;
}

/* Does an --only pattern match a non-zero node inside side v at path? */
static bool only_inside(const sd_focus *f, const char *path, const sd_gv *v)
{
	if (!v)
		return false;
	sdp_pmatch *pm = f->onlypm;
	size_t mark = pm->n, from;
	sdp_pm_path(pm, path, false, &from);
	bool hit = set_hits_below(pm, from, v);
	pm->n = mark;
	return hit;
}

static bool user_ignores(const sd_focus *f, const sd_diff *d, const cand *c)
{
	if (set_covers(f->ignpm, c->path))
		return true;
	if (f->nignore && is_nil_ptr_pair(c)) {
		bool all, any;
		if (expand_ptr(f, d, c, ignore_covers, &all, &any) && all)
			return true;
	}
	if (!f->nonly || set_covers(f->onlypm, c->path))
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

typedef struct unmatched {
	sdp_pmatch *pm;
	bool *hit;
	size_t left;          /* patterns of the set not matched yet */
} unmatched;

static void mark_hit(void *ctx, uint32_t id)
{
	unmatched *u = ctx;
	if (!u->hit[id]) {
		u->hit[id] = true;
		u->left--;
	}
}

/* Marks what state [from, pm->n) matches; false when nothing is left to
 * find below it (every pattern found, or no live state). */
static bool visit(unmatched *u, size_t from)
{
	sdp_pm_accepts(u->pm, from, u->pm->n, mark_hit, u);
	return u->left && from < u->pm->n;
}

/* Returns true when every pattern has been found (the walk stops). */
static bool walk_node(unmatched *u, size_t from, const sd_node *n)
{
	if (!visit(u, from))
		return !u->left;
	sdp_pmatch *pm = u->pm;
	size_t to = pm->n;
	char idx[24];
	for (uint32_t i = 0; i < n->len && u->left && (n->kind == SD_OBJECT || n->kind == SD_ARRAY); i++) {
		const sd_node *kid;
		size_t at;
		if (n->kind == SD_OBJECT) {
			const sd_member *m = &n->u.members[i];
			at = sdp_pm_step(pm, from, to, m->key, m->key_len);
			kid = &m->value;
		} else {
			int k = snprintf(idx, sizeof idx, "%u", i);
			at = sdp_pm_step(pm, from, to, idx, (size_t)k);
			kid = &n->u.items[i];
		}
		walk_node(u, at, kid);
		pm->n = to;
	}
	return !u->left;
}

static bool walk_gv(unmatched *u, size_t from, const sd_gv *v)
{
	if (!visit(u, from))
		return !u->left;
	sdp_pmatch *pm = u->pm;
	size_t to = pm->n;
	char idx[24];
	switch (v->type->kind) {
	case SD_GO_PTR:
	case SD_GO_IFACE:
		if (!v->is_nil && v->u.elem)
			walk_gv(u, from, v->u.elem);
		break;
	case SD_GO_STRUCT:
		for (size_t i = 0; i < v->type->nfields && u->left; i++) {
			const char *name = v->type->fields[i].json_name;
			walk_gv(u, sdp_pm_step(pm, from, to, name, strlen(name)), &v->u.fields[i]);
			pm->n = to;
		}
		break;
	case SD_GO_MAP:
		for (size_t i = 0; !v->is_nil && i < v->u.map.n && u->left; i++) {
			const sd_gv_entry *e = &v->u.map.entries[i];
			walk_gv(u, sdp_pm_step(pm, from, to, e->key, e->key_len), &e->value);
			pm->n = to;
		}
		break;
	case SD_GO_SLICE:
		for (size_t i = 0; !v->is_nil && i < v->u.slice.n && u->left; i++) {
			int k = snprintf(idx, sizeof idx, "%zu", i);
			walk_gv(u, sdp_pm_step(pm, from, to, idx, (size_t)k), &v->u.slice.items[i]);
			pm->n = to;
		}
		break;
	default:
		break;
	}
	return !u->left;
}

/* Marks in hit[] the patterns of pm's set that match a node of a document
 * or view; one walk per tree, carrying the set's state. */
static void find_matches(sdp_pmatch *pm, size_t n, bool *hit, const sd_doc *const docs[2],
			 const sd_goview *const views[2])
{
	unmatched u = { pm, hit, n };
	size_t mark = pm->n;
	for (int s = 0; s < 2 && u.left; s++) {
		if (docs[s])
			walk_node(&u, sdp_pm_root(pm), sd_doc_root(docs[s]));
		pm->n = mark;
		if (u.left && views[s] && sd_goview_root(views[s]))
			walk_gv(&u, sdp_pm_root(pm), sd_goview_root(views[s]));
		pm->n = mark;
	}
}

size_t sd_focus_unmatched(const sd_focus *f, const sd_doc *ldoc, const sd_goview *lview,
			  const sd_doc *rdoc, const sd_goview *rview,
			  const char **out, bool *is_only, size_t max)
{
	if (!f)
		return 0;
	const sd_doc *docs[2] = { ldoc, rdoc };
	const sd_goview *views[2] = { lview, rview };
	bool *ihit = sd_xcalloc(f->nignore + 1, 1), *ohit = sd_xcalloc(f->nonly + 1, 1);
	find_matches(f->ignpm, f->nignore, ihit, docs, views);
	find_matches(f->onlypm, f->nonly, ohit, docs, views);
	size_t k = 0;
	for (size_t i = 0; i < f->nignore + f->nonly; i++) {
		bool only = i >= f->nignore;
		if (only ? ohit[i - f->nignore] : ihit[i])
			continue;
		if (k < max) {
			out[k] = sd_pattern_text(only ? f->only[i - f->nignore] : f->ignore[i]);
			if (is_only)
				is_only[k] = only;
		}
		k++;
	}
	free(ihit);
	free(ohit);
	return k;
}
