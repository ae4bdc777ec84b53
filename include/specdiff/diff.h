/*
 * diff.h - the comparison engine (DESIGN section 5).
 *
 * sd_diff_compute() compares two decoded documents and produces:
 *   1. the differences Go sees, each with one class, at the nodes the
 *      conformance walker names (its (path, class) set equals the corpus's
 *      "diffs"), plus cosmetic differences (text differs, Go value equal);
 *   2. an aligned pair tree over the two documents for display: object
 *      members matched by key (struct fields by Go's key matching, so
 *      "Sysctl" pairs with "sysctl"), list elements by identity where the
 *      spec has one (mounts by destination, namespaces by type, devices by
 *      path, rlimits by type, env by variable name) and by a bounded
 *      longest-common-subsequence alignment otherwise.  Each pair knows the
 *      class of the difference at it and the classes present below it.
 *
 * A sd_diff owns an arena with all items, pairs and paths; it borrows both
 * documents and views, which must outlive it.
 */
#ifndef SPECDIFF_DIFF_H
#define SPECDIFF_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "specdiff/class.h"
#include "specdiff/doc.h"
#include "specdiff/goview.h"


/* sd_pair.below holds one bit per class */
_Static_assert(SD_CLASS__COUNT <= 8, "sd_pair.below is 8 bits wide");

typedef struct sd_diff_item {
	const char *path;          /* JSON Pointer, "/" for the root */
	sd_class cls;
	const sd_gv *left, *right; /* Go values; NULL where that side has no such map key (or, for cosmetic items, no value) */
	const sd_node *lnode, *rnode; /* source nodes; NULL where absent in the text */
	const char *reason;        /* one plain sentence: why this class */
	bool ignored;              /* left out by a focus (focus.h): not counted */
} sd_diff_item;

typedef struct sd_pair sd_pair;
struct sd_pair {
	const sd_node *left, *right;  /* NULL: nothing on that side (filler row) */
	const char *lkey, *rkey;      /* member keys as written; NULL for list elements and the root */
	uint32_t lkey_len, rkey_len;
	long lindex, rindex;          /* list indexes, -1 when not a list element or absent */
	const char *path;             /* JSON Pointer of this node (Go view path for OCI specs) */
	sd_class cls;                 /* class of the difference at this node, SD_CLASS_NONE if none */
	uint8_t below;                /* bit (1 << class) for every class at or under this node */
	const sd_diff_item *item;     /* the difference at this node, if any */
	sd_pair **kids;
	size_t nkids;
	sd_pair *parent;
	/* Added: the Go static type at this node (NULL for untyped values and
	 * fields Go drops).  Subtrees that hold no difference are created
	 * folded: kids are built on first sd_diff_expand() (identical subtrees
	 * pair element by element; a one-sided subtree lists its side). */
	const sd_type *type;
	bool folded;                  /* kids not built yet: call sd_diff_expand() */
	bool identical;               /* both sides have exactly the same text */
};

typedef struct sd_diff_opts {
	sd_mode mode;                 /* for sd_diff_equal() convenience; items hold every class */
	size_t max_lcs_cells;         /* bound on LCS work per list; 0 = default (4M cells) */
} sd_diff_opts;

typedef struct sd_diff sd_diff;

sd_diff *sd_diff_compute(const sd_doc *ldoc, const sd_goview *lview,
			 const sd_doc *rdoc, const sd_goview *rview,
			 const sd_diff_opts *opts);
/* Added: the same, except that for JSON documents decoded as interface{}
 * (compared on their nodes, without a second tree) an item's Go values are
 * made when sd_diff_item_at() returns it: read items only through
 * sd_diff_item_at (pair->item may hold NULL values until then).
 * sd_diff_compute makes them all before it returns. */
sd_diff *sd_diff_compute_lazy(const sd_doc *ldoc, const sd_goview *lview,
			      const sd_doc *rdoc, const sd_goview *rview,
			      const sd_diff_opts *opts);
void sd_diff_free(sd_diff *d);

size_t sd_diff_count(const sd_diff *d);                  /* all items, cosmetic included */
const sd_diff_item *sd_diff_item_at(const sd_diff *d, size_t i); /* Go order: struct fields, sorted keys, indexes ascending */
/* Added: the Go value of one side (0 left, 1 right) of item it of d, for
 * display; NULL where that side has none.  Makes the item's values as
 * sd_diff_item_at does, except that when the diff left a value to be made
 * (sd_diff_compute_lazy) and its source holds more than max_nodes nodes
 * (0: no bound), only a prefix of it in Go's print order is made (items in
 * order, map entries by key), whose %v, %#v and json.Marshal begin as the
 * whole value's do; *whole_len (may be NULL) then holds the whole value's
 * len(), and 0 when the value returned is the whole one.  Values live as
 * long as d. */
const sd_gv *sd_diff_item_value(const sd_diff *d, const sd_diff_item *it, int side,
				size_t max_nodes, size_t *whole_len);
size_t sd_diff_count_class(const sd_diff *d, sd_class c);
bool sd_diff_equal(const sd_diff *d, sd_mode m);         /* no item that counts in m */
const sd_pair *sd_diff_root(const sd_diff *d);
/* The pair for a JSON Pointer ("/" or "" for the root), or NULL.  Expands
 * folded ancestors as needed. */
const sd_pair *sd_diff_find(const sd_diff *d, const char *path);
/* Builds the kids of a folded pair (no-op otherwise).  The pair tree is a
 * cache inside d: expanding does not change items, classes or counts. */
void sd_diff_expand(const sd_diff *d, const sd_pair *p);
/* Total number of pairs built so far (for tests and memory checks). */
size_t sd_diff_pair_count(const sd_diff *d);

#endif
