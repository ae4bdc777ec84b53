/*
 * search.h - "/" search over the pair tree: keys and scalar values of both
 * sides, in document (pre-)order, including subtrees the diff has not
 * built yet and rows that are folded.  Matching is vim's smartcase: a
 * pattern without capitals ignores ASCII case.  No ncurses.
 *
 * An sd_search caches the pre-order of the tree (built on the first find);
 * it borrows the pairs and is released with sd_search_release().
 */
#ifndef SPECDIFF_TUI_SEARCH_H
#define SPECDIFF_TUI_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "specdiff/diff.h"

typedef struct sd_search {
	const sd_pair **pre;
	size_t n;
} sd_search;

void sd_search_init(sd_search *s);
void sd_search_release(sd_search *s);

/* Length of the match of pat at s[i], 0 if none. */
size_t sd_search_match_at(const char *s, size_t len, size_t i, const char *pat);

/*
 * The next (dir > 0) or previous pair after `from` whose key or scalar
 * value contains pat, wrapping around (*wrapped says so); NULL if none.
 * diff (may be NULL for hand-built trees) expands unbuilt subtrees.
 */
const sd_pair *sd_search_find(sd_search *s, const sd_diff *diff, const sd_pair *root,
			      const sd_pair *from, const char *pat, int dir, bool *wrapped);

#endif
