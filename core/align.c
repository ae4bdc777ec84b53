/*
 * align.c - the aligned pair tree over the two source documents (what the
 * explorer and the text report show), and the cosmetic differences: places
 * where the text differs but Go sees no difference.
 *
 * Members pair by key (struct fields by Go's key matching), list elements by
 * identity where the spec has one, else by a bounded LCS on exact text.
 * Subtrees without any difference stay folded until someone expands them, so
 * a large equal document costs one pair per folded sibling, not per node.
 */
#include <stdlib.h>
#include <string.h>

#include "diff_impl.h"
#include "goview_impl.h"
#include "specdiff/base.h"

/* ---- exact text equality and hashing ---- */

static bool member_same(const sd_member *a, const sd_member *b)
{
	return a->key_len == b->key_len && !memcmp(a->key, b->key, a->key_len) &&
	       sdp_node_same_text(&a->value, &b->value);
}

bool sdp_node_same_text(const sd_node *a, const sd_node *b)
{
	if (a == b)
		return true;
	if (a->kind != b->kind || a->len != b->len)
		return false;
	switch (a->kind) {
	case SD_NULL:
		return true;
	case SD_BOOL:
		return a->u.boolean == b->u.boolean;
	case SD_NUMBER:
		return !memcmp(a->u.num, b->u.num, a->len);
	case SD_STRING:
		return (a->flags & SD_NODE_ESCAPED) == (b->flags & SD_NODE_ESCAPED) &&
		       !memcmp(a->u.str, b->u.str, a->len);
	case SD_ARRAY:
		for (uint32_t i = 0; i < a->len; i++)
			if (!sdp_node_same_text(&a->u.items[i], &b->u.items[i]))
				return false;
		return true;
	case SD_OBJECT:
		for (uint32_t i = 0; i < a->len; i++)
			if (!member_same(&a->u.members[i], &b->u.members[i]))
				return false;
		return true;
	}
	return false;
}

static uint64_t mix(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 1099511628211ULL;
	return h;
}

static uint64_t node_hash(uint64_t h, const sd_node *n)
{
	unsigned char tag[2] = { n->kind, (unsigned char)(n->flags & SD_NODE_ESCAPED) };
	h = mix(h, tag, 2);
	h = mix(h, &n->len, sizeof(n->len));
	switch (n->kind) {
	case SD_BOOL:
		return mix(h, &n->u.boolean, 1);
	case SD_NUMBER:
		return mix(h, n->u.num, n->len);
	case SD_STRING:
		return mix(h, n->u.str, n->len);
	case SD_ARRAY:
		for (uint32_t i = 0; i < n->len; i++)
			h = node_hash(h, &n->u.items[i]);
		return h;
	case SD_OBJECT:
		for (uint32_t i = 0; i < n->len; i++) {
			h = mix(h, n->u.members[i].key, n->u.members[i].key_len + 1);
			h = node_hash(h, &n->u.members[i].value);
		}
		return h;
	default:
		return h;
	}
}

uint64_t sdp_node_hash(const sd_node *n)
{
	return node_hash(1469598103934665603ULL, n);
}

/* ---- sequence alignment ---- */

static size_t emit_gap(sd_align_row *rows, size_t k, long li, long le, long ri, long re)
{
	while (li < le && ri < re)
		rows[k++] = (sd_align_row){ li++, ri++ };
	while (li < le)
		rows[k++] = (sd_align_row){ li++, -1 };
	while (ri < re)
		rows[k++] = (sd_align_row){ -1, ri++ };
	return k;
}

/* LCS of lh[0..n) and rh[0..m) by dynamic programming; marks matches in
 * lmatch (index into rh, or -1).  The caller bounds n * m. */
static void lcs(const uint64_t *lh, size_t n, const uint64_t *rh, size_t m, long *lmatch)
{
	size_t w = m + 1;
	uint32_t *c = sd_xcalloc((n + 1) * w, sizeof(*c));
	for (size_t i = n; i-- > 0;)
		for (size_t j = m; j-- > 0;) {
			uint32_t down = c[(i + 1) * w + j], right = c[i * w + j + 1];
			c[i * w + j] = lh[i] == rh[j] ? c[(i + 1) * w + j + 1] + 1
						      : (down > right ? down : right);
		}
	size_t i = 0, j = 0;
	while (i < n && j < m) {
		if (lh[i] == rh[j]) {
			lmatch[i++] = (long)j++;
		} else if (c[(i + 1) * w + j] >= c[i * w + j + 1]) {
			lmatch[i++] = -1;
		} else {
			j++;
		}
	}
	while (i < n)
		lmatch[i++] = -1;
	free(c);
}

typedef struct hidx {
	uint64_t h;
	long i;
	int side;
} hidx;

static int hidx_cmp(const void *x, const void *y)
{
	const hidx *a = x, *b = y;
	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	if (a->side != b->side)
		return a->side - b->side;
	return a->i < b->i ? -1 : a->i > b->i;
}

/* Patience anchors: elements that occur exactly once on each side, kept
 * where they form the longest increasing run of right indexes.  Fills
 * lmatch[i] = j for the anchors, -1 elsewhere.  O((n + m) log(n + m)). */
static void patience(const uint64_t *lh, size_t n, const uint64_t *rh, size_t m, long *lmatch)
{
	hidx *all = sd_xmalloc((n + m + 1) * sizeof(*all));
	for (size_t i = 0; i < n; i++)
		all[i] = (hidx){ lh[i], (long)i, 0 };
	for (size_t j = 0; j < m; j++)
		all[n + j] = (hidx){ rh[j], (long)j, 1 };
	qsort(all, n + m, sizeof(*all), hidx_cmp);
	long *cand = sd_xmalloc((n + 1) * sizeof(*cand));   /* by left index: right index or -1 */
	for (size_t i = 0; i < n; i++)
		cand[i] = lmatch[i] = -1;
	for (size_t k = 0; k + 1 < n + m; k++) {
		bool run_of_two = all[k].h == all[k + 1].h && all[k].side == 0 && all[k + 1].side == 1 &&
				  (k == 0 || all[k - 1].h != all[k].h) &&
				  (k + 2 >= n + m || all[k + 2].h != all[k].h);
		if (run_of_two)
			cand[all[k].i] = all[k + 1].i;
	}
	/* longest increasing subsequence of cand[] in left order */
	long *tails = sd_xmalloc((n + 1) * sizeof(*tails)), *prev = sd_xmalloc((n + 1) * sizeof(*prev));
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		if (cand[i] < 0)
			continue;
		size_t lo = 0, hi = len;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (cand[tails[mid]] < cand[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo ? tails[lo - 1] : -1;
		tails[lo] = (long)i;
		if (lo == len)
			len++;
	}
	for (long i = len ? tails[len - 1] : -1; i >= 0; i = prev[i])
		lmatch[i] = cand[i];
	free(tails);
	free(prev);
	free(cand);
	free(all);
}

enum { GREEDY_WINDOW = 32 };

/* Distance to the first x[k] == h, 1 <= k < min(limit, GREEDY_WINDOW); 0 if none. */
static long look_ahead(const uint64_t *x, long limit, uint64_t h)
{
	for (long k = 1; k < limit && k < GREEDY_WINDOW; k++)
		if (x[k] == h)
			return k;
	return 0;
}

/* How many elements match in a row from (i, j), up to the window. */
static long run_at(const uint64_t *lh, long n, const uint64_t *rh, long m, long i, long j)
{
	long k = 0;
	while (i + k < n && j + k < m && k < GREEDY_WINDOW && lh[i + k] == rh[j + k])
		k++;
	return k;
}

/* Linear matching for gaps too large for an LCS: walk both sides; on a
 * mismatch, choose between treating the elements as changed, skipping
 * right elements (an insertion) or left ones (a deletion) to where the
 * other side's element recurs within a small window, by which choice is
 * followed by the longer run of matches.  O((n + m) * window). */
static void greedy(const uint64_t *lh, long n, const uint64_t *rh, long m, long *lmatch, long roff)
{
	long i = 0, j = 0;
	while (i < n && j < m) {
		if (lh[i] == rh[j]) {
			lmatch[i++] = roff + j++;
			continue;
		}
		long dj = look_ahead(rh + j, m - j, lh[i]);
		long di = look_ahead(lh + i, n - i, rh[j]);
		long keep = run_at(lh, n, rh, m, i + 1, j + 1);
		long ins = dj ? run_at(lh, n, rh, m, i, j + dj) : -1;
		long del = di ? run_at(lh, n, rh, m, i + di, j) : -1;
		if (ins > keep && ins >= del)
			j += dj;
		else if (del > keep)
			i += di;
		else
			i++, j++;
	}
}

/* Between consecutive matches, extend with equal neighbours, or run the
 * LCS where the gap is small enough, else the greedy walk. */
static void fill_gaps(const uint64_t *lh, size_t n, const uint64_t *rh, size_t m,
		      size_t max_cells, long *lmatch)
{
	long li = 0, ri = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && lmatch[i] < 0)
			continue;
		long le = (long)i, re = i < n ? lmatch[i] : (long)m;
		while (li < le && ri < re && lh[li] == rh[ri])
			lmatch[li++] = ri++;
		while (le > li && re > ri && lh[le - 1] == rh[re - 1])
			lmatch[--le] = --re;
		size_t gl = (size_t)(le - li), gm = (size_t)(re - ri);
		if (gl && gm && gl <= max_cells / gm) {
			lcs(lh + li, gl, rh + ri, gm, lmatch + li);
			for (size_t k = 0; k < gl; k++)
				if (lmatch[li + k] >= 0)
					lmatch[li + k] += ri;
		} else if (gl && gm) {
			greedy(lh + li, (long)gl, rh + ri, (long)gm, lmatch + li, ri);
		}
		if (i < n) {
			li = (long)i + 1;
			ri = lmatch[i] + 1;
		}
	}
}

size_t sdp_align_seq(const uint64_t *lh, size_t n, const uint64_t *rh, size_t m,
		    size_t max_cells, sd_align_row *rows)
{
	size_t p = 0, s = 0, k = 0;
	while (p < n && p < m && lh[p] == rh[p])
		p++;
	while (s < n - p && s < m - p && lh[n - 1 - s] == rh[m - 1 - s])
		s++;
	for (size_t i = 0; i < p; i++)
		rows[k++] = (sd_align_row){ (long)i, (long)i };
	size_t L = n - p - s, M = m - p - s;
	long li = (long)p, ri = (long)p;
	if (L && M) {
		long *lmatch = sd_xmalloc(L * sizeof(*lmatch));
		if (L <= max_cells / M) {
			lcs(lh + p, L, rh + p, M, lmatch);
		} else {
			/* too big for an LCS: anchor on unique elements */
			patience(lh + p, L, rh + p, M, lmatch);
			fill_gaps(lh + p, L, rh + p, M, max_cells, lmatch);
		}
		for (size_t i = 0; i < L; i++) {
			if (lmatch[i] < 0)
				continue;
			long mi = (long)(p + i), mj = (long)p + lmatch[i];
			k = emit_gap(rows, k, li, mi, ri, mj);
			rows[k++] = (sd_align_row){ mi, mj };
			li = mi + 1;
			ri = mj + 1;
		}
		free(lmatch);
	}
	/* what is left between the last match and the suffix pairs by position */
	k = emit_gap(rows, k, li, (long)(n - s), ri, (long)(m - s));
	for (size_t i = 0; i < s; i++)
		rows[k++] = (sd_align_row){ (long)(n - s + i), (long)(m - s + i) };
	return k;
}

/* ---- keyed matching (object members, identity lists) ---- */

typedef struct keyref {
	const char *s;
	size_t len;
	char tag;      /* 'F' struct field, 'K' raw key, 'I' identity, 0 none */
	long idx;
} keyref;

static int keyref_cmp(const void *x, const void *y)
{
	const keyref *a = x, *b = y;
	if (a->tag != b->tag)
		return a->tag < b->tag ? -1 : 1;
	size_t n = a->len < b->len ? a->len : b->len;
	int c = n ? memcmp(a->s, b->s, n) : 0;
	if (c)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	/* later first: the last of repeated keys is the one Go keeps for
	 * plain fields, so the last occurrences pair with each other */
	return a->idx > b->idx ? -1 : a->idx < b->idx;
}

static bool same_key(const keyref *a, const keyref *b)
{
	return a->tag == b->tag && a->len == b->len && (!a->len || !memcmp(a->s, b->s, a->len));
}

/* Marks elements whose key occurs more than once on their side. */
static void mark_repeats(const keyref *sorted, size_t n, bool *rep)
{
	for (size_t i = 0; i < n; i++)
		rep[sorted[i].idx] = sorted[i].tag &&
			((i > 0 && same_key(&sorted[i - 1], &sorted[i])) ||
			 (i + 1 < n && same_key(&sorted[i + 1], &sorted[i])));
}

typedef struct sortrow {
	long li, ri;
	long major, minor;
} sortrow;

static int sortrow_cmp(const void *x, const void *y)
{
	const sortrow *a = x, *b = y;
	if (a->major != b->major)
		return a->major < b->major ? -1 : 1;
	return a->minor < b->minor ? -1 : a->minor > b->minor;
}

/*
 * Pairs the k-th left element of each key with the k-th right one.  Rows
 * come in left order; a right-only element follows the row of its right
 * predecessor.  Elements with tag 0 never match.  Returns the row count.
 */
static size_t match_keys(keyref *lk, size_t n, keyref *rk, size_t m, sd_align_row *out,
			 bool *lrep, bool *rrep)
{
	long *lm = sd_xmalloc((n + 1) * sizeof(*lm)), *rm = sd_xmalloc((m + 1) * sizeof(*rm));
	for (size_t i = 0; i < n; i++)
		lm[i] = -1;
	for (size_t j = 0; j < m; j++)
		rm[j] = -1;
	keyref *ls = sd_xmalloc((n + 1) * sizeof(*ls)), *rs = sd_xmalloc((m + 1) * sizeof(*rs));
	memcpy(ls, lk, n * sizeof(*ls));
	memcpy(rs, rk, m * sizeof(*rs));
	qsort(ls, n, sizeof(*ls), keyref_cmp);
	qsort(rs, m, sizeof(*rs), keyref_cmp);
	if (lrep)
		mark_repeats(ls, n, lrep);
	if (rrep)
		mark_repeats(rs, m, rrep);
	size_t i = 0, j = 0;
	while (i < n && j < m) {
		keyref a = ls[i], b = rs[j];
		a.idx = b.idx = 0;
		int c = keyref_cmp(&a, &b);
		if (c == 0 && ls[i].tag) {
			lm[ls[i].idx] = rs[j].idx;
			rm[rs[j].idx] = ls[i].idx;
		}
		i += c <= 0;
		j += c >= 0;
	}
	sortrow *rows = sd_xmalloc((n + m + 1) * sizeof(*rows));
	size_t k = 0;
	for (size_t x = 0; x < n; x++)
		rows[k++] = (sortrow){ (long)x, lm[x], (long)x, 0 };
	long anchor = -1;
	for (size_t y = 0; y < m; y++) {
		if (rm[y] >= 0) {
			anchor = rm[y];
			continue;
		}
		rows[k++] = (sortrow){ -1, (long)y, anchor, (long)y + 1 };
	}
	qsort(rows, k, sizeof(*rows), sortrow_cmp);
	for (size_t x = 0; x < k; x++)
		out[x] = (sd_align_row){ rows[x].li, rows[x].ri };
	free(rows);
	free(ls);
	free(rs);
	free(lm);
	free(rm);
	return k;
}

/* ---- building pairs ---- */

typedef struct aligner {
	sd_diff *d;
	sd_buf path;
	/* Under a list row that Go does not compare (elements aligned across
	 * indexes, or a one-sided row): the walker's marks at these paths are
	 * about other nodes, so they explain nothing here. */
	bool foreign;
} aligner;

static const sd_type *strip(const sd_type *t)
{
	while (t && t->kind == SD_GO_PTR)
		t = t->elem;
	return t && t->kind == SD_GO_IFACE ? NULL : t;
}

static bool is_container(const sd_node *n)
{
	return n && (n->kind == SD_ARRAY || n->kind == SD_OBJECT);
}

static const char *cur_path(const aligner *al)
{
	return al->path.len ? al->path.data : "/";
}

static void attach(sd_pair *p, const sd_diff_item *it)
{
	if (!p->item || it->cls > p->cls) {
		p->item = it;
		p->cls = it->cls;
	}
	for (sd_pair *q = p; q; q = q->parent)
		q->below |= (uint8_t)(1u << it->cls);
}

static sd_pair *new_pair(sd_diff *d, sd_pair *parent, const char *path, size_t plen,
			 const sd_node *ln, const sd_node *rn, const sd_type *type)
{
	sd_pair *p = sd_arena_alloc(d->arena, sizeof(*p));
	p->left = ln;
	p->right = rn;
	p->lindex = p->rindex = -1;
	p->parent = parent;
	p->type = type;
	char *s = plen ? sd_arena_strndup(d->arena, path, plen) : "/";
	p->path = s;
	if (!sd_strmap_get(&d->pairs, s, strlen(s)))
		sd_strmap_put(&d->pairs, s, strlen(s), p);
	d->npairs++;
	return p;
}

static void cosmetic(aligner *al, sd_pair *p, const char *reason)
{
	sd_diff_item *it = sdp_diff_add(al->d, al->path.data ? al->path.data : "", al->path.len,
				       SD_CLASS_COSMETIC, NULL, NULL, p->left, p->right, reason);
	attach(p, it);
}

static const char *leaf_reason(const sd_node *ln, const sd_node *rn, bool unknown)
{
	if (unknown)
		return "a field specs-go does not know: Go drops it when decoding";
	if (!ln || !rn) {
		const sd_node *n = ln ? ln : rn;
		if (n->kind == SD_NULL)
			return "absent on one side, null on the other: Go decodes both to the same value";
		return "absent on one side, the zero value on the other: a plain (non-pointer) "
		       "field holds the same Go value either way";
	}
	if (ln->kind == SD_NUMBER && rn->kind == SD_NUMBER)
		return "the same number spelled differently: Go reads the same value";
	if (ln->kind == SD_STRING && rn->kind == SD_STRING) {
		if ((ln->flags | rn->flags) & SD_NODE_BADUTF8)
			return "different invalid UTF-8 bytes: Go turns each into U+FFFD, so the strings are equal";
		return "the same string spelled differently (escapes): Go decodes the same text";
	}
	return "different text that Go decodes to the same value (null or a zero value)";
}

static void build(aligner *al, sd_pair *p, bool explained, bool unknown);

/* Child path segment of an object member. */
static void member_key(const sd_member *mb, const sd_type *st, keyref *k, long idx)
{
	const sd_field *f = st ? sd_type_match_key(st, mb->key, mb->key_len) : NULL;
	if (f)
		*k = (keyref){ f->json_name, strlen(f->json_name), 'F', idx };
	else
		*k = (keyref){ mb->key, mb->key_len, 'K', idx };
}

static const sd_type *member_type(const sd_type *t, const keyref *k)
{
	if (!t)
		return NULL;
	if (t->kind == SD_GO_STRUCT)
		return k->tag == 'F' ? sd_type_field(t, k->s)->type : NULL;
	if (t->kind == SD_GO_MAP)
		return t->elem;
	return NULL;
}

static sd_pair **kids_array(sd_diff *d, size_t n)
{
	return n ? sd_arena_array(d->arena, n, sizeof(sd_pair *)) : NULL;
}

static sd_pair *child(aligner *al, sd_pair *p, const char *seg, size_t seglen, long index,
		      const sd_node *ln, const sd_node *rn, const sd_type *t)
{
	/* the caller pops the segment after building the child */
	sd_buf_addc(&al->path, '/');
	if (index >= 0)
		sd_buf_addf(&al->path, "%ld", index);
	else
		sd_buf_add_ptr_segment(&al->path, seg, seglen);
	return new_pair(al->d, p, al->path.data, al->path.len, ln, rn, t);
}

static void pop(aligner *al, size_t mark)
{
	al->path.len = mark;
	al->path.data[mark] = '\0';
}

static void build_object(aligner *al, sd_pair *p, bool explained)
{
	const sd_node *ln = p->left, *rn = p->right;
	const sd_type *st = strip(p->type);
	const sd_type *fst = st && st->kind == SD_GO_STRUCT ? st : NULL;
	size_t n = ln->len, m = rn->len;
	keyref *lk = sd_xmalloc((n + 1) * sizeof(*lk)), *rk = sd_xmalloc((m + 1) * sizeof(*rk));
	bool *lrep = sd_xcalloc(n + 1, 1), *rrep = sd_xcalloc(m + 1, 1);
	for (size_t i = 0; i < n; i++)
		member_key(&ln->u.members[i], fst, &lk[i], (long)i);
	for (size_t j = 0; j < m; j++)
		member_key(&rn->u.members[j], fst, &rk[j], (long)j);
	sd_align_row *rows = sd_xmalloc((n + m + 1) * sizeof(*rows));
	size_t k = match_keys(lk, n, rk, m, rows, lrep, rrep);
	sd_strmap dups;   /* paths of repeated keys already reported */
	sd_strmap_init(&dups);
	p->kids = kids_array(al->d, k);
	p->nkids = k;
	long last = -1;
	bool reordered = false;
	for (size_t x = 0; x < k; x++) {
		long li = rows[x].li, ri = rows[x].ri;
		const keyref *key = li >= 0 ? &lk[li] : &rk[ri];
		const sd_member *lm = li >= 0 ? &ln->u.members[li] : NULL;
		const sd_member *rm = ri >= 0 ? &rn->u.members[ri] : NULL;
		if (lm && rm) {
			reordered |= ri < last;
			last = ri;
		}
		size_t mark = al->path.len;
		sd_pair *c = child(al, p, key->s, key->len, -1, lm ? &lm->value : NULL,
				   rm ? &rm->value : NULL, member_type(st, key));
		if (lm) {
			c->lkey = lm->key;
			c->lkey_len = lm->key_len;
		}
		if (rm) {
			c->rkey = rm->key;
			c->rkey_len = rm->key_len;
		}
		p->kids[x] = c;
		if (lm && rm && (lm->key_len != rm->key_len || memcmp(lm->key, rm->key, lm->key_len)))
			cosmetic(al, c, "the key is spelled differently; Go matches struct field names "
					"case-insensitively, so both fill the same field");
		bool repeated = (lm && lrep[li]) || (rm && rrep[ri]);
		bool dup_explained = false;
		if (repeated && !(lm && rm && sdp_node_same_text(&lm->value, &rm->value))) {
			if (!explained && !sd_strmap_get(&dups, c->path, strlen(c->path))) {
				sd_strmap_put(&dups, c->path, strlen(c->path), c);
				cosmetic(al, c, "a repeated key: Go decodes each occurrence into the same "
						"value (the last one wins for plain fields, objects merge)");
			}
			dup_explained = true;
		}
		build(al, c, explained || dup_explained, fst && key->tag == 'K');
		pop(al, mark);
	}
	if (reordered && !explained)
		cosmetic(al, p, "the same keys in another order: Go ignores key order");
	free(rows);
	free(lk);
	free(rk);
	free(lrep);
	free(rrep);
	sd_strmap_release(&dups);
}

/* Identity of a list element where the spec has one. */
static const char *identity_member(const sd_type *t)
{
	static const char *const ids[][2] = {
		{ "/mounts", "destination" }, { "/linux/namespaces", "type" },
		{ "/linux/devices", "path" },  { "/process/rlimits", "type" },
	};
	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		if (t->path && !strcmp(t->path, ids[i][0]))
			return ids[i][1];
	return NULL;
}

static bool element_identity(const sd_type *t, const sd_node *e, keyref *k, long idx)
{
	*k = (keyref){ NULL, 0, 0, idx };
	if (t->path && !strcmp(t->path, "/process/env")) {
		if (e->kind != SD_STRING)
			return true;
		const char *eq = memchr(e->u.str, '=', e->len);
		*k = (keyref){ e->u.str, eq ? (size_t)(eq - e->u.str) : e->len, 'I', idx };
		return true;
	}
	const char *name = identity_member(t);
	if (!name)
		return false;
	const sd_node *v = e->kind == SD_OBJECT ? sd_node_get(e, name) : NULL;
	if (v && v->kind == SD_STRING)
		*k = (keyref){ v->u.str, v->len, 'I', idx };
	return true;
}

static size_t align_elements(aligner *al, const sd_type *st, const sd_node *ln,
			     const sd_node *rn, sd_align_row *rows)
{
	size_t n = ln->len, m = rn->len;
	if (st && st->kind == SD_GO_SLICE && (n || m)) {
		keyref *lk = sd_xmalloc((n + 1) * sizeof(*lk)), *rk = sd_xmalloc((m + 1) * sizeof(*rk));
		bool keyed = true;
		for (size_t i = 0; i < n && keyed; i++)
			keyed = element_identity(st, &ln->u.items[i], &lk[i], (long)i);
		for (size_t j = 0; j < m && keyed; j++)
			keyed = element_identity(st, &rn->u.items[j], &rk[j], (long)j);
		size_t k = keyed ? match_keys(lk, n, rk, m, rows, NULL, NULL) : 0;
		free(lk);
		free(rk);
		if (keyed)
			return k;
	}
	uint64_t *lh = sd_xmalloc((n + 1) * sizeof(*lh)), *rh = sd_xmalloc((m + 1) * sizeof(*rh));
	for (size_t i = 0; i < n; i++)
		lh[i] = sdp_node_hash(&ln->u.items[i]);
	for (size_t j = 0; j < m; j++)
		rh[j] = sdp_node_hash(&rn->u.items[j]);
	size_t k = sdp_align_seq(lh, n, rh, m, al->d->opts.max_lcs_cells, rows);
	free(lh);
	free(rh);
	return k;
}

/* The Go value at JSON Pointer path under root (struct fields by JSON
 * name, map keys, list indexes), or NULL. */
static const sd_gv *gv_at(const sd_gv *v, const char *path)
{
	return sdp_gv_at(v, path, strlen(path));
}

/* The Go value of element i (node e) of the list at path on one side:
 * made from the node for a lazy interface{} view, else looked up in the
 * view (only where path is Go's path for that side's nodes).  NULL when
 * unknown. */
static const sd_gv *element_gv(const aligner *al, bool right, const char *path, long i,
			       const sd_node *e, sd_arena **tmp)
{
	const sd_goview *v = right ? al->d->rview : al->d->lview;
	if (!v)
		return NULL;
	if (sdp_goview_is_lazy(v)) {
		if (!*tmp)
			*tmp = sd_arena_new();
		return sdp_gv_decode_iface_node(*tmp, right ? al->d->rdoc : al->d->ldoc, e);
	}
	if (al->foreign)
		return NULL;
	const sd_gv *list = sd_gv_deref(gv_at(sd_goview_root(v), path));
	if (!list || list->type->kind != SD_GO_SLICE || list->is_nil || (size_t)i >= list->u.slice.n)
		return NULL;
	const sd_gv *it = &list->u.slice.items[i];
	return it->src == e ? it : NULL;   /* Go's element came from this node */
}

/* Are two list elements that Go does not compare with each other (aligned
 * across indexes) still equal as Go values?  Unknown counts as unequal: a
 * text difference between them is then not called cosmetic. */
static bool elements_go_equal(const aligner *al, const sd_pair *list, long li, long ri)
{
	const sd_node *ln = list->left, *rn = list->right;
	if (li < 0 || ri < 0)
		return false;
	const sd_node *a = &ln->u.items[li], *b = &rn->u.items[ri];
	if (sdp_node_same_text(a, b))
		return true;
	const char *path = list->path;
	sd_arena *tmp = NULL;   /* made only for lazy views */
	const sd_gv *x = element_gv(al, false, path, li, a, &tmp);
	const sd_gv *y = x ? element_gv(al, true, path, ri, b, &tmp) : NULL;
	bool eq = x && y && sd_gv_deep_equal(x, y);
	sd_arena_free(tmp);
	return eq;
}

static void build_array(aligner *al, sd_pair *p, bool explained)
{
	const sd_node *ln = p->left, *rn = p->right;
	const sd_type *st = strip(p->type);
	const sd_type *et = st && st->kind == SD_GO_SLICE ? st->elem : NULL;
	sd_align_row *rows = sd_xmalloc((ln->len + rn->len + 1) * sizeof(*rows));
	size_t k = align_elements(al, st, ln, rn, rows);
	p->kids = kids_array(al->d, k);
	p->nkids = k;
	for (size_t x = 0; x < k; x++) {
		long li = rows[x].li, ri = rows[x].ri;
		size_t mark = al->path.len;
		sd_pair *c = child(al, p, NULL, 0, li >= 0 ? li : ri, li >= 0 ? &ln->u.items[li] : NULL,
				   ri >= 0 ? &rn->u.items[ri] : NULL, et);
		c->lindex = li;
		c->rindex = ri;
		p->kids[x] = c;
		/* Go compares element i with element i: a row aligned otherwise
		 * (by identity or text) holds a cosmetic difference only if its
		 * two elements are equal Go values (a one-sided row: never) */
		bool saved = al->foreign;
		bool kid_explained = explained;
		if (li != ri || li < 0) {
			kid_explained = explained || !elements_go_equal(al, p, li, ri);
			al->foreign = true;
		}
		build(al, c, kid_explained, false);
		al->foreign = saved;
		pop(al, mark);
	}
	free(rows);
}

static void build(aligner *al, sd_pair *p, bool explained, bool unknown)
{
	const sd_node *ln = p->left, *rn = p->right;
	const char *path = cur_path(al);
	const sd_item_mark *mk = sd_strmap_get(&al->d->marks, path, strlen(path));
	bool has_below = mk && mk->below;
	bool has_item = mk && mk->item;
	if (ln && rn && !has_below && !has_item && sdp_node_same_text(ln, rn)) {
		p->identical = true;
		p->folded = is_container(ln);
		return;
	}
	if (!al->foreign)
		explained |= has_item;
	if (unknown && !explained) {
		cosmetic(al, p, leaf_reason(ln, rn, true));
		explained = true;
	}
	if (ln && rn && ln->kind == SD_OBJECT && rn->kind == SD_OBJECT) {
		build_object(al, p, explained);
		return;
	}
	if (ln && rn && ln->kind == SD_ARRAY && rn->kind == SD_ARRAY) {
		build_array(al, p, explained);
		return;
	}
	bool quiet = al->foreign ? ln && rn && sdp_node_same_text(ln, rn) : has_below;
	if (!explained && !quiet)
		cosmetic(al, p, leaf_reason(ln, rn, false));
	p->folded = is_container(ln) || is_container(rn);
}

/* ---- lazy expansion ---- */

static sd_pair *lazy_child(sd_diff *d, sd_buf *path, sd_pair *p, const char *seg, size_t seglen,
			   long index, const sd_node *ln, const sd_node *rn, const sd_type *t)
{
	size_t mark = path->len;
	sd_buf_addc(path, '/');
	if (index >= 0)
		sd_buf_addf(path, "%ld", index);
	else
		sd_buf_add_ptr_segment(path, seg, seglen);
	sd_pair *c = new_pair(d, p, path->data, path->len, ln, rn, t);
	c->identical = p->identical;
	c->folded = is_container(ln) || is_container(rn);
	path->len = mark;
	path->data[mark] = '\0';
	return c;
}

/* Adds the kids of one side's container (or both, index-wise, if identical). */
static size_t expand_side(sd_diff *d, sd_buf *path, sd_pair *p, size_t k, bool left)
{
	const sd_node *n = left ? p->left : p->right;
	if (!is_container(n))
		return k;
	const sd_type *st = strip(p->type);
	for (uint32_t i = 0; i < n->len; i++) {
		const sd_node *v;
		sd_pair *c;
		if (n->kind == SD_ARRAY) {
			v = &n->u.items[i];
			const sd_type *et = st && st->kind == SD_GO_SLICE ? st->elem : NULL;
			c = lazy_child(d, path, p, NULL, 0, i, left ? v : NULL,
				       left ? (p->identical ? &p->right->u.items[i] : NULL) : v, et);
			c->lindex = left ? (long)i : (p->identical ? (long)i : -1);
			c->rindex = left ? (p->identical ? (long)i : -1) : (long)i;
		} else {
			const sd_member *mb = &n->u.members[i];
			keyref key;
			member_key(mb, st && st->kind == SD_GO_STRUCT ? st : NULL, &key, i);
			v = &mb->value;
			const sd_member *other = p->identical ? &p->right->u.members[i] : NULL;
			c = lazy_child(d, path, p, key.s, key.len, -1, left ? v : NULL,
				       left ? (other ? &other->value : NULL) : v, member_type(st, &key));
			if (left || p->identical) {
				c->lkey = mb->key;
				c->lkey_len = mb->key_len;
			}
			if (!left || p->identical) {
				c->rkey = mb->key;
				c->rkey_len = mb->key_len;
			}
		}
		p->kids[k++] = c;
	}
	return k;
}

void sd_diff_expand(const sd_diff *cd, const sd_pair *cp)
{
	sd_diff *d = (sd_diff *)cd;   /* the pair tree is a cache: logically const */
	sd_pair *p = (sd_pair *)cp;
	if (!p || !p->folded)
		return;
	p->folded = false;
	size_t n = (is_container(p->left) ? p->left->len : 0);
	if (!p->identical)
		n += is_container(p->right) ? p->right->len : 0;
	p->kids = kids_array(d, n);
	sd_buf path = SD_BUF_INIT;
	if (strcmp(p->path, "/"))
		sd_buf_adds(&path, p->path);
	else
		sd_buf_grow(&path, 16);
	size_t k = expand_side(d, &path, p, 0, true);
	if (!p->identical)
		k = expand_side(d, &path, p, k, false);
	p->nkids = k;
	sd_buf_release(&path);
}

/* ---- attaching walker items ---- */

static sd_pair *lookup(const sd_diff *d, const char *path)
{
	if (!*path)
		path = "/";
	return sd_strmap_get(&d->pairs, path, strlen(path));
}

/* Nearest materialised ancestor-or-self of path; *len gets its length. */
static sd_pair *nearest(const sd_diff *d, const char *path, size_t *len)
{
	size_t n = strlen(path);
	for (;;) {
		sd_pair *p = n <= 1 ? d->root : sd_strmap_get(&d->pairs, path, n);
		if (p) {
			*len = n <= 1 ? 0 : n;
			return p;
		}
		while (n > 0 && path[--n] != '/')
			;
	}
}

static sd_pair *find_expanding(const sd_diff *d, const char *path)
{
	for (;;) {
		sd_pair *p = lookup(d, path);
		if (p)
			return p;
		size_t len;
		sd_pair *a = nearest(d, path, &len);
		if (!a->folded)
			return NULL;
		sd_diff_expand(d, a);
	}
}

const sd_pair *sd_diff_find(const sd_diff *d, const char *path)
{
	return find_expanding(d, path);
}

static void add_kid(sd_diff *d, sd_pair *parent, sd_pair *c)
{
	sd_pair **kids = kids_array(d, parent->nkids + 1);
	if (parent->nkids)
		memcpy(kids, parent->kids, parent->nkids * sizeof(*kids));
	kids[parent->nkids++] = c;
	parent->kids = kids;
}

/* The pair for an item's path, creating pairs with no nodes for Go-level
 * differences that have no text (an absent field on both sides). */
static sd_pair *pair_for(sd_diff *d, const char *path)
{
	sd_pair *p = find_expanding(d, path);
	if (p)
		return p;
	size_t len;
	sd_pair *a = nearest(d, path, &len);
	size_t n = strlen(path);
	while (len < n) {
		size_t end = len + 1;
		while (end < n && path[end] != '/')
			end++;
		sd_pair *c = new_pair(d, a, path, end, NULL, NULL, NULL);
		add_kid(d, a, c);
		a = c;
		len = end;
	}
	return a;
}

void sdp_align_build(sd_diff *d)
{
	aligner al = { d, SD_BUF_INIT, false };
	sd_buf_grow(&al.path, 256);
	const sd_node *ln = d->ldoc ? sd_doc_root(d->ldoc) : NULL;
	const sd_node *rn = d->rdoc ? sd_doc_root(d->rdoc) : NULL;
	/* the root type only: a lazy view stays undecoded */
	const sd_type *lt = d->lview ? sd_goview_root_type(d->lview) : NULL;
	d->root = new_pair(d, NULL, "", 0, ln, rn, lt);
	build(&al, d->root, false, false);
	sd_buf_release(&al.path);
	for (size_t i = 0; i < d->nwalker; i++)
		attach(pair_for(d, d->items[i]->path), d->items[i]);
}

size_t sd_diff_pair_count(const sd_diff *d)
{
	return d->npairs;
}
