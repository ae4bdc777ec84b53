/*
 * focus_impl.h - internal: compiled patterns (core/focus.c) and the
 * pattern set that matches many of them in one pass (core/focus_set.c).
 * Not for use outside core/.
 *
 * A pattern set is a trie of the patterns' segments: literal segments are
 * looked up in a hash table, so 1,000 literal patterns cost one lookup per
 * path segment, not 1,000 comparisons; '*', '**' and globs are edges tried
 * one by one ('**' is a state that stays on any segment, and a run of '**'
 * is one).  Matching keeps the set of live trie nodes; a walk of a
 * document carries that set down the tree, so its cost is the number of
 * nodes visited times the live nodes, and a subtree no pattern can reach
 * is not visited.  The set borrows the patterns: they must outlive it.
 */
#ifndef SPECDIFF_FOCUS_IMPL_H
#define SPECDIFF_FOCUS_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "specdiff/base.h"
#include "specdiff/focus.h"

typedef enum sdp_seg_kind { SDP_SEG_LIT, SDP_SEG_STAR, SDP_SEG_GLOBSTAR, SDP_SEG_GLOB } sdp_seg_kind;

/* A glob segment keeps its literal parts; a '*' sits between two parts. */
typedef struct sdp_seg {
	sdp_seg_kind kind;
	char **parts;           /* SDP_SEG_LIT: one part; SDP_SEG_GLOB: nparts parts */
	size_t *lens;
	size_t nparts;
} sdp_seg;

typedef struct sdp_patset sdp_patset;
typedef struct sdp_pmatch sdp_pmatch;

struct sd_pattern {
	char *text;
	sdp_seg *segs;
	size_t nsegs;
	sdp_patset *self;       /* this pattern alone, made when first matched */
	sdp_pmatch *pm;
};

/* Does the decoded key[0..n) match segment g? */
bool sdp_seg_match(const sdp_seg *g, const char *key, size_t n);

sdp_patset *sdp_patset_new(void);
void sdp_patset_free(sdp_patset *s);
/* Adds p (borrowed) under the number id (reported by sdp_pm_accepts). */
void sdp_patset_add(sdp_patset *s, const sd_pattern *p, uint32_t id);
bool sdp_patset_is_empty(const sdp_patset *s);

/*
 * A matcher: the scratch space of matching one set (reused across calls;
 * one matcher per set, not shared between threads).  A state is a range
 * [from, to) of live trie nodes on the matcher's stack: sdp_pm_root and
 * sdp_pm_step push a new state and return its start (its end is the
 * stack's length, pm->n); a walk pops back to a state by resetting pm->n.
 */
struct sdp_pmatch {
	sdp_patset *set;
	uint32_t *v;            /* the stack of live trie nodes */
	size_t n, cap;
	uint32_t *stamp;        /* per trie node: the step that last pushed it */
	size_t nstamp;
	uint32_t gen;
	sd_buf key;             /* a decoded path segment */
};

void sdp_pm_init(sdp_pmatch *pm, sdp_patset *set);
void sdp_pm_release(sdp_pmatch *pm);
size_t sdp_pm_root(sdp_pmatch *pm);
/* The state after the decoded key[0..n) from state [from, to). */
size_t sdp_pm_step(sdp_pmatch *pm, size_t from, size_t to, const char *key, size_t n);
/* Does a pattern end in state [from, to)?  fn (may be NULL) is called
 * with each such pattern's id. */
bool sdp_pm_accepts(const sdp_pmatch *pm, size_t from, size_t to,
		    void (*fn)(void *ctx, uint32_t id), void *ctx);
/* The state after every segment of the (escaped) JSON Pointer path ("" and
 * "/" are the root).  covers: stops with true as soon as a pattern matches
 * a prefix (the subtree rule).  Returns whether a pattern matches. */
bool sdp_pm_path(sdp_pmatch *pm, const char *path, bool covers, size_t *from);

#endif
