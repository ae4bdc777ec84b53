/*
 * focus.h - leave chosen paths out of a comparison (--ignore, --only,
 * --restore-relevant, the config file's "ignore /PATTERN" lines).
 *
 * Patterns are JSON Pointers (RFC 6901) whose segments may be
 *   *        exactly one key or list index
 *   **       any number of segments, zero included
 *   a*b      a glob inside one segment: each '*' matches any run of
 *            characters of that key ("dev.gvisor.*")
 * with the escapes ~0 = '~', ~1 = '/' and ~2 = a literal '*'.  "" and "/"
 * both mean the root.  Keys are compared as Go holds them (after escape
 * decoding), so "/annotations/a~1b" matches the key "a/b".
 *
 * A pattern covers a subtree: it matches a path when it matches the path or
 * one of its ancestors ("--only /linux" keeps /linux/sysctl).
 *
 * A difference is ignored when
 *   - an --ignore pattern matches its path, or it is a nil pointer against a
 *     pointer to a value whose non-zero fields are all ignored;
 *   - --only patterns exist and none matches its path or any non-zero node
 *     inside either side's value there (so "--only /linux/sysctl" keeps a
 *     difference at /linux that is nil against {"sysctl": {}});
 *   - a restore profile is set and that runsc profile does not compare it
 *     (sd_focus_set_profile).
 * Ignored differences stay in the sd_diff with item->ignored set; counts,
 * verdicts and the pair tree's classes then describe only the others.
 *
 * Ownership: a sd_focus owns copies of its patterns; it borrows nothing.
 */
#ifndef SPECDIFF_FOCUS_H
#define SPECDIFF_FOCUS_H

#include <stdbool.h>
#include <stddef.h>

#include "specdiff/diff.h"
#include "specdiff/doc.h"
#include "specdiff/error.h"
#include "specdiff/goview.h"
#include "specdiff/gvisor.h"

/* ---- patterns ---- */

typedef struct sd_pattern sd_pattern;

/* Compiles text; NULL with a message in err (no position) when it is
 * malformed: not starting with '/', or a '~' not followed by 0, 1 or 2. */
sd_pattern *sd_pattern_compile(const char *text, sd_error *err);
void sd_pattern_free(sd_pattern *p);
const char *sd_pattern_text(const sd_pattern *p);   /* as given */
/* Does the pattern match this JSON Pointer exactly ("/" or "" = root)? */
bool sd_pattern_match(const sd_pattern *p, const char *path);
/* ... or one of its ancestors (the subtree rule)? */
bool sd_pattern_covers(const sd_pattern *p, const char *path);

/* ---- a focus: user patterns plus an optional restore profile ---- */

typedef struct sd_focus sd_focus;

sd_focus *sd_focus_new(void);
void sd_focus_free(sd_focus *f);
/* Add one pattern; false (err filled) when it does not compile. */
bool sd_focus_add_ignore(sd_focus *f, const char *pattern, sd_error *err);
bool sd_focus_add_only(sd_focus *f, const char *pattern, sd_error *err);
/* Keep only what profile p compares (NULL: no profile).  The rules are
 * data: sd_focus_profile_rules() lists them. */
void sd_focus_set_profile(sd_focus *f, const sd_profile *p);
const sd_profile *sd_focus_profile(const sd_focus *f);
/* No pattern and no profile: sd_focus_apply() would ignore nothing. */
bool sd_focus_is_empty(const sd_focus *f);

/* Is this item ignored?  d gives the documents (for argv[0] rules that read
 * process.cwd); it may be NULL for a bare path/class question. */
bool sd_focus_ignores(const sd_focus *f, const sd_diff *d, const sd_diff_item *it);

/*
 * Marks every item of d (item->ignored), then recomputes d's counts (so
 * sd_diff_count_class and sd_diff_equal count only the kept items) and the
 * pair tree's cls/below (a pair whose item is ignored gets SD_CLASS_NONE but
 * keeps its item pointer, so a viewer can still show it dimmed).  f == NULL
 * or an empty focus clears every mark.  May be called again with another
 * focus.  Returns the number of ignored items.
 */
size_t sd_diff_apply_focus(sd_diff *d, const sd_focus *f);
size_t sd_diff_count_ignored(const sd_diff *d);

/*
 * User patterns (--ignore and --only) that match no node of either
 * document, neither in the source tree (keys as written) nor in the Go view
 * (JSON field names, zero-valued fields included).  Fills out[] with up to
 * max borrowed pattern texts and returns how many there are; is_only[i]
 * (may be NULL) tells --only from --ignore.  Any document or view may be
 * NULL.
 */
size_t sd_focus_unmatched(const sd_focus *f, const sd_doc *ldoc, const sd_goview *lview,
			  const sd_doc *rdoc, const sd_goview *rview,
			  const char **out, bool *is_only, size_t max);

/* ---- restore-relevant rules, as data ---- */

/* One rule line, as text: "ACTION[:CLASS,...] PATTERN", e.g.
 * "ignore:nil-vs-empty /linux/sysctl".  Actions: ignore, keep (the last
 * matching rule whose classes include the item's class wins; default keep),
 * zero (a nil pointer here is compared as a pointer to the zero value, as
 * runsc's orZero does: the item is ignored when every non-zero field of the
 * other side is ignored), basename and dotslash (argv[0]: equal when the
 * basenames match, or when "./x" resolved against process.cwd matches),
 * unordered (a list runsc compares as a set: differences under it are
 * ignored when both lists hold the same elements in another order).
 * NULL-terminated static list; NULL when p has no rules. */
const char *const *sd_focus_profile_rules(const sd_profile *p);
/* How many rule lines of the focus's profile parsed (tests check that it
 * equals the length of sd_focus_profile_rules()). */
size_t sd_focus_rule_count(const sd_focus *f);
/* The profile --restore-relevant picks without a name: the newest one. */
const sd_profile *sd_focus_default_profile(void);

#endif
