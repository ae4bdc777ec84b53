/*
 * rows.h - the row model the explorer and the HTML page (report_html.h)
 * draw: the aligned pair tree (diff.h) flattened into an array of rows,
 * built once per diff, mode, fold or filter change.  Drawing and scrolling touch only the rows on screen.
 *
 * A row shows one pair on both sides: a scalar, a container's opening
 * line (unfolded), a folded container as one summary line
 * ("{…12 keys}", "[…5 items]"), or a container's closing line.  A side
 * whose node is NULL is a filler cell.  Rows borrow the pairs, which the
 * sd_diff owns; an sd_rows owns only its array.
 */
#ifndef SPECDIFF_ROWS_H
#define SPECDIFF_ROWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "specdiff/diff.h"
#include "specdiff/util.h"

enum sd_row_kind {
	SD_ROW_NODE,   /* scalar, empty container, or opened container */
	SD_ROW_FOLDED, /* container summarised on one line */
	SD_ROW_CLOSE,  /* closing bracket of an opened container */
};

/* sd_row.flags */
enum {
	SD_ROW_INNER = 1 << 0, /* folded row hiding a visible difference */
	SD_ROW_IGNORED = 1 << 1, /* the mark is of differences the focus left out (shown dimmed) */
};

typedef struct sd_row {
	const sd_pair *pair;
	uint32_t depth;
	uint8_t kind;   /* sd_row_kind */
	uint8_t mark;   /* sd_class shown in the gutter, SD_CLASS_NONE for none */
	uint8_t flags;  /* SD_ROW_* */
} sd_row;

/* Fold overrides set by the user, keyed by pair (a small pointer hash). */
typedef enum sd_fold { SD_FOLD_DEFAULT, SD_FOLD_OPEN, SD_FOLD_CLOSED } sd_fold;
typedef struct sd_foldset {
	const sd_pair **keys;
	uint8_t *vals;
	size_t n, cap;
} sd_foldset;

void sd_foldset_init(sd_foldset *f);
void sd_foldset_release(sd_foldset *f);
void sd_foldset_clear(sd_foldset *f);
void sd_foldset_set(sd_foldset *f, const sd_pair *p, sd_fold v);
sd_fold sd_foldset_get(const sd_foldset *f, const sd_pair *p);

typedef struct sd_rows_opts {
	sd_mode mode;
	bool show_cosmetic;
	const sd_foldset *folds;   /* may be NULL */
	const sd_diff *diff;       /* expands lazily built pairs (sd_diff_expand); NULL: trees built by hand */
	bool show_ignored;         /* mark differences a focus left out (focus.h) */
	const sd_foldset *ignored; /* sd_rows_index_ignored's map; NULL: none */
} sd_rows_opts;

typedef struct sd_rows {
	sd_row *v;
	size_t n, cap;
	size_t nmarks;             /* rows with a gutter mark */
} sd_rows;

#define SD_ROWS_NONE ((size_t)-1)

void sd_rows_init(sd_rows *r);
void sd_rows_release(sd_rows *r);
/* Rebuilds r (keeping its storage) from the tree under root. */
void sd_rows_build(sd_rows *r, const sd_pair *root, const sd_rows_opts *o);

/*
 * Differences a focus left out keep their pair->item (item->ignored) but
 * not pair->cls or pair->below.  This fills map (a pair -> byte map, the
 * foldset's storage) with, for every built pair at or above such an item,
 * the class bits of the ignored items at or under it.  Walks only built
 * pairs: lazily built subtrees hold no difference.  Returns the number of
 * pairs holding an ignored item.
 */
size_t sd_rows_index_ignored(sd_foldset *map, const sd_pair *root);
/* The ignored class bits at or under p (0 without a map). */
uint8_t sd_rows_ignored_below(const sd_rows_opts *o, const sd_pair *p);

/* Class bits (1 << class) that show as differences with these options. */
uint8_t sd_rows_visible_mask(const sd_rows_opts *o);
/* Whether pair p is folded with these options (the user's choice, else
 * folded when it has children and no visible difference at or under it;
 * the root starts open). */
bool sd_rows_is_folded(const sd_pair *p, const sd_rows_opts *o);
/* Index of the row showing p (its opening row), or SD_ROWS_NONE. */
size_t sd_rows_find(const sd_rows *r, const sd_pair *p);
/* Next (dir > 0) or previous (dir < 0) row with a mark after/before
 * `from`, not wrapping; SD_ROWS_NONE if none. */
size_t sd_rows_next_mark(const sd_rows *r, size_t from, int dir);

/* Side of a pair: 0 left, 1 right. */
const sd_node *sd_pair_node(const sd_pair *p, int side);
/* Appends the text of one side of a row without indentation:
 * "key: value", "[3] value", "key: {", "key: {…12 keys}", "}".  Nothing
 * for a filler side.  Control characters are escaped.  ascii: "..." for
 * the ellipsis (terminals whose locale is not UTF-8). */
void sd_row_text(sd_buf *b, const sd_row *row, int side, bool ascii);
/* Appends a scalar's display text ("\"abc\"", "12", "true", "null"). */
void sd_node_scalar_text(sd_buf *b, const sd_node *n);

#endif
