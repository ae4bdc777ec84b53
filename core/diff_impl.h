/*
 * diff_impl.h - internal: what core/diff.c (the walker), core/align.c (the
 * pair tree) and core/report.c share.  Not for use outside core/.
 */
#ifndef SPECDIFF_DIFF_IMPL_H
#define SPECDIFF_DIFF_IMPL_H

#include <stdint.h>

#include "specdiff/arena.h"
#include "specdiff/base.h"
#include "specdiff/diff.h"
#include "specdiff/util.h"

/* Marks in the item index: which paths hold an item or have one below. */
typedef struct sd_item_mark {
	const sd_diff_item *item;   /* first non-cosmetic item at this path */
	bool below;                 /* some item strictly below this path */
} sd_item_mark;

/* The last prefix value sd_diff_item_value made for one side. */
typedef struct sd_diff_preview {
	const sd_diff_item *item;
	size_t max_nodes, len;
	const sd_gv *value;
} sd_diff_preview;

struct sd_diff {
	sd_arena *arena;
	const sd_doc *ldoc, *rdoc;
	const sd_goview *lview, *rview;
	sd_diff_opts opts;
	sd_diff_item **items;       /* walker items (Go order), then cosmetic ones */
	size_t nitems, cap;
	size_t nwalker;             /* items[0..nwalker) came from the walker */
	size_t counts[SD_CLASS__COUNT];
	sd_strmap marks;            /* path -> sd_item_mark (walker items only) */
	sd_strmap pairs;            /* path -> sd_pair (materialised pairs) */
	sd_pair *root;
	size_t npairs;
	/* Lazy views (diff_nodes.c): per item, the Go values not made yet
	 * (bits 0-1 left, 2-3 right: 1 the interface{}, 2 its dynamic value);
	 * NULL when the views were not lazy. */
	unsigned char *lazy_want;
	size_t lazy_cap;
	sd_diff_preview preview[2];   /* left, right */
};

/* Records an item; path is copied into the arena. */
sd_diff_item *sdp_diff_add(sd_diff *d, const char *path, size_t path_len,
			  sd_class cls, const sd_gv *l, const sd_gv *r,
			  const sd_node *ln, const sd_node *rn, const char *reason);

/* diff.c: runs the Go-value walker. */
void sdp_diff_walk(sd_diff *d, const sd_gv *l, const sd_gv *r);
/* diff_nodes.c: the walker for two lazy interface{} views, on the nodes. */
void sdp_diff_walk_nodes(sd_diff *d, const sd_node *l, const sd_node *r);
/* Makes the Go values of item i if the node walker left them to be made. */
void sdp_diff_item_make_values(const sd_diff *d, size_t i);
/* The Go values of item i for a summary: a side whose value is a list or
 * map of more than min elements that is not made yet gets a stand-in that
 * holds only its type and length (in the diff's arena); other values are
 * made as sdp_diff_item_make_values does. */
void sdp_diff_item_peek_values(const sd_diff *d, size_t i, size_t min,
			      const sd_gv **l, const sd_gv **r);
/* Appends the JSON (json.Marshal) of item i's left or right Go value when
 * the node walker left it to be made, without making it; false (nothing
 * written) when the value is made already or there is none. */
bool sdp_diff_item_value_json(const sd_diff *d, size_t i, bool right, sd_buf *out);
/* align.c: builds the pair tree (adding cosmetic items) and attaches items. */
void sdp_align_build(sd_diff *d);

/* Sequence alignment shared by align.c and report.c (patch).  Given element
 * hashes of both sides, fills rows with (li, ri) pairs, -1 for a filler, in
 * display order; equal hashes are matched by a bounded LCS, unmatched
 * elements in the same gap are paired positionally.  Returns the row count
 * (at most n + m); rows must hold n + m entries. */
typedef struct sd_align_row {
	long li, ri;
} sd_align_row;
size_t sdp_align_seq(const uint64_t *lh, size_t n, const uint64_t *rh, size_t m,
		    size_t max_cells, sd_align_row *rows);

/* Exact text equality of two source nodes (kinds, texts, escapes, member
 * keys and order) and a hash consistent with it. */
bool sdp_node_same_text(const sd_node *a, const sd_node *b);
uint64_t sdp_node_hash(const sd_node *n);

/* Appends the JSON text of a source node (numbers as Go reads them). */
void sdp_node_to_json(sd_buf *out, const sd_node *n);

#endif
