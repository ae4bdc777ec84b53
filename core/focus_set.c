/* focus_set.c - many patterns matched in one pass (focus_impl.h). */
#include "focus_impl.h"

#include <stdlib.h>
#include <string.h>

typedef struct pnode {
	sd_strmap lit;          /* literal segment -> child index + 1 */
	uint32_t star, gstar;   /* child index + 1; 0: none */
	uint32_t *globc;        /* glob children, with their segments */
	const sdp_seg **globs;
	size_t nglob;
	uint32_t *acc;          /* ids of the patterns ending here */
	size_t nacc;
	bool loop;              /* a '**' node: stays live on any segment */
} pnode;

struct sdp_patset {
	pnode *n;
	size_t nn, cap;
	size_t npats;
};

static uint32_t new_node(sdp_patset *s, bool loop)
{
	s->n = sd_xgrow(s->n, &s->cap, s->nn + 1, sizeof *s->n);
	pnode *p = &s->n[s->nn];
	memset(p, 0, sizeof *p);
	sd_strmap_init(&p->lit);
	p->loop = loop;
	return (uint32_t)s->nn++;
}

sdp_patset *sdp_patset_new(void)
{
	sdp_patset *s = sd_xcalloc(1, sizeof *s);
	new_node(s, false);
	return s;
}

void sdp_patset_free(sdp_patset *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nn; i++) {
		sd_strmap_release(&s->n[i].lit);
		free(s->n[i].globc);
		free(s->n[i].globs);
		free(s->n[i].acc);
	}
	free(s->n);
	free(s);
}

bool sdp_patset_is_empty(const sdp_patset *s)
{
	return !s || !s->npats;
}

/* The child of node at for segment g, made when missing. */
static uint32_t child(sdp_patset *s, uint32_t at, const sdp_seg *g)
{
	uint32_t c;
	switch (g->kind) {
	case SDP_SEG_LIT: {
		void *v = sd_strmap_get(&s->n[at].lit, g->parts[0], g->lens[0]);
		if (v)
			return (uint32_t)((uintptr_t)v - 1);
		c = new_node(s, false);
		sd_strmap_put(&s->n[at].lit, g->parts[0], g->lens[0], (void *)(uintptr_t)(c + 1));
		return c;
	}
	case SDP_SEG_STAR:
		if (!s->n[at].star) {
			c = new_node(s, false);
			s->n[at].star = c + 1;
		}
		return s->n[at].star - 1;
	case SDP_SEG_GLOBSTAR:
		if (!s->n[at].gstar) {
			c = new_node(s, true);
			s->n[at].gstar = c + 1;
		}
		return s->n[at].gstar - 1;
	default: {
		c = new_node(s, false);
		pnode *p = &s->n[at];
		p->globc = sd_xrealloc(p->globc, (p->nglob + 1) * sizeof *p->globc);
		p->globs = sd_xrealloc(p->globs, (p->nglob + 1) * sizeof *p->globs);
		p->globc[p->nglob] = c;
		p->globs[p->nglob++] = g;
		return c;
	}
	}
}

void sdp_patset_add(sdp_patset *s, const sd_pattern *p, uint32_t id)
{
	uint32_t at = 0;
	for (size_t i = 0; i < p->nsegs; i++) {
		/* '**' after '**' matches nothing more: one state for the run */
		if (p->segs[i].kind == SDP_SEG_GLOBSTAR && s->n[at].loop)
			continue;
		at = child(s, at, &p->segs[i]);
	}
	pnode *n = &s->n[at];
	n->acc = sd_xrealloc(n->acc, (n->nacc + 1) * sizeof *n->acc);
	n->acc[n->nacc++] = id;
	s->npats++;
}

/* ---- matching ---- */

void sdp_pm_init(sdp_pmatch *pm, sdp_patset *set)
{
	memset(pm, 0, sizeof *pm);
	pm->set = set;
	sd_buf_init(&pm->key);
}

void sdp_pm_release(sdp_pmatch *pm)
{
	free(pm->v);
	free(pm->stamp);
	sd_buf_release(&pm->key);
	memset(pm, 0, sizeof *pm);
}

/* A new step: nodes pushed from now on are told apart by a fresh stamp. */
static void next_gen(sdp_pmatch *pm)
{
	if (pm->nstamp < pm->set->nn) {
		free(pm->stamp);
		pm->stamp = sd_xcalloc(pm->set->nn, sizeof *pm->stamp);
		pm->nstamp = pm->set->nn;
		pm->gen = 0;
	}
	if (++pm->gen == 0) {   /* wrapped: old stamps could collide */
		memset(pm->stamp, 0, pm->nstamp * sizeof *pm->stamp);
		pm->gen = 1;
	}
}

/* Pushes node id and, through '**' matching zero segments, what follows. */
static void push(sdp_pmatch *pm, uint32_t id)
{
	while (pm->stamp[id] != pm->gen) {
		pm->stamp[id] = pm->gen;
		pm->v = sd_xgrow(pm->v, &pm->cap, pm->n + 1, sizeof *pm->v);
		pm->v[pm->n++] = id;
		if (!pm->set->n[id].gstar)
			break;
		id = pm->set->n[id].gstar - 1;
	}
}

size_t sdp_pm_root(sdp_pmatch *pm)
{
	size_t from = pm->n;
	next_gen(pm);
	push(pm, 0);
	return from;
}

size_t sdp_pm_step(sdp_pmatch *pm, size_t from, size_t to, const char *key, size_t n)
{
	size_t start = pm->n;
	next_gen(pm);
	for (size_t i = from; i < to; i++) {
		const pnode *p = &pm->set->n[pm->v[i]];
		if (p->loop)
			push(pm, pm->v[i]);
		void *lit = p->lit.n ? sd_strmap_get(&p->lit, key, n) : NULL;
		if (lit)
			push(pm, (uint32_t)((uintptr_t)lit - 1));
		if (p->star)
			push(pm, p->star - 1);
		for (size_t g = 0; g < p->nglob; g++)
			if (sdp_seg_match(p->globs[g], key, n))
				push(pm, p->globc[g]);
	}
	return start;
}

bool sdp_pm_accepts(const sdp_pmatch *pm, size_t from, size_t to,
		    void (*fn)(void *ctx, uint32_t id), void *ctx)
{
	bool any = false;
	for (size_t i = from; i < to; i++) {
		const pnode *p = &pm->set->n[pm->v[i]];
		if (!p->nacc)
			continue;
		any = true;
		if (!fn)
			return true;
		for (size_t k = 0; k < p->nacc; k++)
			fn(ctx, p->acc[k]);
	}
	return any;
}

bool sdp_pm_path(sdp_pmatch *pm, const char *path, bool covers, size_t *from)
{
	size_t base = sdp_pm_root(pm);
	bool hit = sdp_pm_accepts(pm, base, pm->n, NULL, NULL);
	size_t len = strlen(path);
	if (len == 1 && path[0] == '/')
		len = 0;    /* "/" is the root, as "" */
	sd_ptr_iter it;
	const char *seg;
	size_t sn;
	sd_ptr_iter_init(&it, path, len);
	while (!(covers && hit) && base < pm->n && sd_ptr_next(&it, &seg, &sn)) {
		sd_buf_reset(&pm->key);
		if (!sd_ptr_unescape(&pm->key, seg, sn, NULL)) {
			sd_buf_reset(&pm->key);   /* not from our walker: taken as written */
			sd_buf_add(&pm->key, seg, sn);
		}
		size_t to = pm->n;
		size_t at = sdp_pm_step(pm, base, to, pm->key.data ? pm->key.data : "", pm->key.len);
		/* only the newest state is needed: keep the stack one state deep */
		memmove(pm->v + base, pm->v + at, (pm->n - at) * sizeof *pm->v);
		pm->n = base + (pm->n - at);
		hit = sdp_pm_accepts(pm, base, pm->n, NULL, NULL);
	}
	if (from)
		*from = base;
	return hit;
}
