/*
 * search.h - "/" search over the pair tree: keys and scalar values of both
 * sides, in document (pre-)order, including subtrees the diff has not
 * built yet and rows that are folded.  A pattern is a POSIX extended
 * regular expression, matched with vim's smartcase: a pattern without
 * capitals ignores case.  No ncurses.
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
	char *mpat;          /* the pattern mv lists the matches of */
	size_t *mv, mn;      /* indexes into pre of every match */
	size_t cur;          /* mv index of the last match found */
} sd_search;

void sd_search_init(sd_search *s);
void sd_search_release(sd_search *s);

/* Is pat not a valid extended regular expression?  Then err says why. */
bool sd_search_pattern_error(const char *pat, char *err, size_t errsize);

/* Length of the match of pat at s[i], 0 if none. */
size_t sd_search_match_at(const char *s, size_t len, size_t i, const char *pat);

/*
 * The next (dir > 0) or previous pair after `from` whose key or scalar
 * value contains pat, wrapping around (*wrapped says so); NULL if none.
 * diff (may be NULL for hand-built trees) expands unbuilt subtrees.
 */
const sd_pair *sd_search_find(sd_search *s, const sd_diff *diff, const sd_pair *root,
			      const sd_pair *from, const char *pat, int dir, bool *wrapped);

/* How many pairs match the last pattern found; *rank: which of them (from
 * 1) the last sd_search_find returned. */
size_t sd_search_count(const sd_search *s, size_t *rank);

#endif
