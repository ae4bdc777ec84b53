/*
 * normalize.h - canonical forms of a spec (DESIGN section 6).
 *
 * Every function here returns a NEW document (doc.h builder API) that the
 * caller owns and frees with sd_doc_free(); the inputs are only read, and the
 * result shares no memory with them.  Nothing here prints: what the front end
 * should tell the user comes back in sd_normalize_stats.
 *
 * Transformations only ever change
 *   - the nil/empty spelling of map and slice fields (absent, null, {}, []),
 *   - the order of object members (never the order of list items, except a
 *     set-like list reordered to match --like),
 *   - unknown fields (dropped only when asked),
 * so the result decodes to a Go value semantically equal to the input's
 * (sd_gv_semantic_equal).  Numbers and strings are copied with their exact
 * text.
 */
#ifndef SPECDIFF_NORMALIZE_H
#define SPECDIFF_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>

#include "specdiff/doc.h"
#include "specdiff/error.h"
#include "specdiff/focus.h"
#include "specdiff/goview.h"
#include "specdiff/schema.h"

typedef enum sd_empty_mode {
	SD_EMPTY_KEEP,      /* the source's own choice */
	SD_EMPTY_OMIT,      /* omitempty map/slice/pointer fields that are nil or
			       empty are left out, as json.Marshal writes them */
	SD_EMPTY_EXPLICIT,  /* every nil map/slice field of an existing struct is
			       written as {} / [] (OCI schema only) */
} sd_empty_mode;

typedef enum sd_order_mode {
	SD_ORDER_SOURCE,    /* members as in the source */
	SD_ORDER_GO,        /* struct fields in Go declaration order (json.Marshal),
			       map keys sorted by bytes, unknown fields last in
			       source order; repeated keys keep their relative order */
	SD_ORDER_SORTED,    /* every object's keys sorted by bytes (stable) */
} sd_order_mode;

typedef struct sd_normalize_opts {
	sd_empty_mode empty;
	sd_order_mode order;
	bool drop_unknown;        /* leave out fields Go drops */
	/* --like: the Go value of OTHER (decoded with the same root type) whose
	 * nil/empty choices and set-like list orders the result copies wherever
	 * it is semantically equal to the input; NULL for none. */
	const sd_gv *like;
	/* With like: changes at paths this focus ignores (--ignore, --only,
	 * --restore-relevant) are not made; NULL for none. */
	const sd_focus *focus;
} sd_normalize_opts;

/* What a normalization did, for notes. */
typedef struct sd_normalize_stats {
	size_t nil_empty_changed;  /* fields whose nil/empty spelling changed */
	size_t lists_reordered;    /* set-like lists put in OTHER's order */
	size_t like_ignored;       /* --like changes left out by the focus */
	size_t unknown_dropped;    /* unknown members left out */
	size_t dups_resolved;      /* repeated keys replaced by Go's merged value */
	size_t unknown_in_dups;    /* unknown members lost while doing so */
	bool schema_less;          /* no OCI schema: --empty and --like had nothing to act on */
} sd_normalize_stats;

/*
 * Normalizes doc.  view is doc's Go view (sd_goview_decode with the root type
 * of the caller's choice); it must have decoded cleanly when o->empty is not
 * KEEP or o->like is set (returns NULL with *err otherwise).  view may be
 * NULL for KEEP without like: the schema type then comes from
 * sd_schema_oci() when oci is true, interface{} otherwise.  stats may be NULL.
 */
sd_doc *sd_normalize(const sd_doc *doc, const sd_goview *view, bool oci,
		     const sd_normalize_opts *o, sd_normalize_stats *stats, sd_error *err);

/*
 * What runsc stores for a checkpoint: json.Marshal of the Go value after its
 * Marshal/Unmarshal round trip (sd_goview_roundtrip), as a document (JSON
 * text exactly as Go writes it, numbers included).  name names the result.
 */
sd_doc *sd_normalize_roundtrip(const sd_goview *view, const char *name, sd_error *err);

#endif
