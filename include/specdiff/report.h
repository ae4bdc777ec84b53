/*
 * report.h - renderings of a comparison (DESIGN section 9): a text report
 * for people, the JSON report whose keys follow the conformance corpus's
 * expected.json, and an RFC 6902 JSON Patch that turns LEFT's document into
 * RIGHT's.  Every renderer appends to a caller-owned sd_buf; nothing prints.
 */
#ifndef SPECDIFF_REPORT_H
#define SPECDIFF_REPORT_H

#include <stdbool.h>

#include "specdiff/diff.h"
#include "specdiff/util.h"

typedef struct sd_report_opts {
	sd_mode mode;
	bool color;              /* ANSI colour, bold and dim (text only) */
	bool show_cosmetic;      /* text: list cosmetic differences (default in sd_report_opts_init: true) */
	bool show_ignored;       /* text: list the differences a focus left out (focus.h), dimmed; default false: only counted */
	const char *lname, *rname;   /* the inputs as given, for headers and FILE:LINE */
	const char *lerr, *rerr;     /* decode (or load) errors, NULL when clean */
	const char *types;           /* specs-go version the OCI views were decoded with; NULL: the engine's */
	const char *runsc_version;   /* the left side's checkpoint image's (JSON "runsc_version"); NULL: none */
	const char *image;           /* text: a header line on the image (sd_session_describe_runsc); NULL: none */
} sd_report_opts;

void sd_report_opts_init(sd_report_opts *o);

/* Text: a header line, the differences grouped by class (value,
 * nil-vs-empty, order-only, then cosmetic), each with its path, both values
 * as Go holds them and FILE:LINE of each side, and a closing summary with
 * the counts per class and the verdict in both modes.  Items a focus left
 * out (item->ignored, see focus.h) are not listed among them: the summary
 * ends with "; ignored: N" and, with show_ignored, they are listed before
 * it. */
void sd_report_text(sd_buf *out, const sd_diff *d, const sd_report_opts *o);

/* JSON: {"decode":{"left","right"},"strict_equal","semantic_equal","mode",
 * "equal","diffs":[{"path","class","left":{"line","column","value"},
 * "right":{...}}],"ignored":[...]}.  "ignored" holds the items a focus left
 * out, in the same shape; "diffs" and the verdicts describe the rest only
 * (after a focus, strict_equal means "equal apart from what was ignored").  A side object is left out when that side has neither a
 * Go value nor a source node there; line and column are null when the value
 * has no source node (an absent field).  value is json.Marshal of the Go
 * value (for cosmetic items: the source text as JSON).  d may be NULL when a
 * side could not be loaded: then only decode is meaningful and the verdicts
 * are null. */
void sd_report_json(sd_buf *out, const sd_diff *d, const sd_report_opts *o);

/* RFC 6902: operations (remove, add, replace) that turn the document rooted
 * at left into the one rooted at right, with values from right's source
 * (exact number text).  Array removals come first, in descending index
 * order, then additions and changes in ascending order, so the patch applies
 * cleanly in sequence.  Object key order is not part of JSON Patch.
 * max_lcs_cells bounds the work of aligning each array (0: 4M cells). */
void sd_report_patch(sd_buf *out, const sd_node *left, const sd_node *right, size_t max_lcs_cells);

#endif
