/*
 * lesson.h - the lessons of "specdiff tour" as data (DESIGN section 12).
 *
 * A lesson directory (examples/ in the source tree, DATADIR/examples when
 * installed) holds a file "lessons" naming one example directory a line,
 * in teaching order (# comments and blank lines skipped), and each of those
 * directories a "lesson.txt" of "KEY: text" lines:
 *
 *     title: A nil map and an empty map        (required, once)
 *     left: checkpoint.json                    (required: the pair, relative
 *     right: restore.json                       to the lesson's directory)
 *     node: /linux/sysctl                      (required: the JSON Pointer the
 *                                               cursor starts on)
 *     mode: strict                             (optional: strict | semantic)
 *     see: ...   why: ...   try: ...           (the panel's three parts; each
 *                                               key may repeat, lines join)
 *     claim: class nil-vs-empty                (what the lesson's prose relies
 *     claim: strict different                   on: checked against the
 *     claim: semantic equal                     program's own comparison,
 *     claim: restore fail                       see sd_lesson_check)
 *     claim: decode right                      (that side fails to decode)
 *
 * Lines starting with # and blank lines are skipped.  Errors name
 * FILE:LINE.  An sd_lessons owns every string in it.
 */
#ifndef SPECDIFF_LESSON_H
#define SPECDIFF_LESSON_H

#include <stdbool.h>
#include <stddef.h>

#include "specdiff/checks.h"
#include "specdiff/diff.h"
#include "specdiff/error.h"

typedef enum sd_claim_kind {
	SD_CLAIM_CLASS,     /* the difference at the node has this class ("none": no difference) */
	SD_CLAIM_STRICT,    /* the documents are equal / different in strict mode */
	SD_CLAIM_SEMANTIC,  /* ... in semantic mode */
	SD_CLAIM_RESTORE,   /* some restore profile fails ("fail") or every one passes ("pass") */
	SD_CLAIM_DECODE,    /* this side ("left", "right") fails to decode */
} sd_claim_kind;

typedef struct sd_claim {
	sd_claim_kind kind;
	char *value;        /* "nil-vs-empty", "equal", "fail", "right", ... */
	unsigned line;
} sd_claim;

typedef struct sd_lesson {
	char *dir;          /* the example's directory */
	char *file;         /* its lesson.txt, for messages */
	char *title, *left, *right, *node;   /* left, right: full paths */
	bool has_mode;
	sd_mode mode;
	char *see, *why, *try_;  /* joined lines; "" when absent */
	sd_claim *claims;
	size_t nclaims;
} sd_lesson;

typedef struct sd_lessons {
	char *dir;          /* the lesson directory */
	sd_lesson *v;
	size_t n;
} sd_lessons;

/*
 * Reads the "lessons" file in dir and every lesson it names.  Returns 0,
 * or -1 with err set (FILE:LINE: message) and *out empty.  The caller
 * releases *out with sd_lessons_release in both cases.
 */
int sd_lessons_load(sd_lessons *out, const char *dir, sd_error *err);
void sd_lessons_release(sd_lessons *l);

/* The first directory that holds a "lessons" file: examples/ next to the
 * binary and one up (a build tree), then SPECDIFF_DATADIR/examples (an
 * installation).  Copies it to buf and returns buf, or NULL when none. */
const char *sd_lessons_find_dir(char *buf, size_t size);

/* What the program computed for a lesson's pair, to check its claims. */
typedef struct sd_lesson_facts {
	const sd_diff *diff;        /* NULL when a side could not be loaded */
	const sd_checks *checks;    /* may be NULL */
	bool decode_failed[2];
} sd_lesson_facts;

/*
 * Checks the lesson: its node exists in the diff's pair tree and every
 * claim holds.  Returns true, or false with a message in msg (size
 * bytes): "claim strict different (line 9): the program says equal".
 */
bool sd_lesson_check(const sd_lesson *l, const sd_lesson_facts *f, char *msg, size_t size);

#endif
