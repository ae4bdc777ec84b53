/*
 * gofacts.h - the facts Go holds about one side of a node, as data: the
 * same record feeds the JSON report ("go") and the explorer's panel, so the
 * two can never say different things.
 *
 * For a decoded side and a Go path (the item's JSON Pointer), the facts are
 * what a Go program holding that value would print: %T, reflect nil-ness,
 * len(), %v, %#v, json.Marshal of the value, and what json.Marshal writes
 * for it as a field of its parent struct (its JSON text or "omitted").  A
 * struct field absent from the source still has facts (Go holds its zero
 * value); a missing map key or list element has none; a member Go drops
 * (unknown to its struct) is marked dropped.
 *
 * The facts own their strings: sd_gofacts_release() frees them.
 */
#ifndef SPECDIFF_GOFACTS_H
#define SPECDIFF_GOFACTS_H

#include <stdbool.h>
#include <stddef.h>

#include "specdiff/diff.h"
#include "specdiff/doc.h"
#include "specdiff/goview.h"
#include "specdiff/util.h"

typedef enum sd_gofacts_kind {
	SD_GOFACTS_NONE,      /* Go holds no value there ("go": null) */
	SD_GOFACTS_DROPPED,   /* the source has a member Go ignores */
	SD_GOFACTS_VALUE,
} sd_gofacts_kind;

typedef struct sd_gofacts {
	sd_gofacts_kind kind;
	char *pointer;        /* the node's JSON Pointer in its document; NULL when absent there */
	/* SD_GOFACTS_VALUE only: */
	char *type;           /* %T */
	int nil;              /* -1: the type cannot be nil; else 0 / 1 */
	bool has_len;
	size_t len;
	char *v, *gov;        /* %v, %#v (addresses as 0xADDR) */
	size_t v_len;         /* %v may hold NUL bytes (a Go string's) */
	char *marshal;        /* json.Marshal */
	/* what json.Marshal of its struct writes for it: nothing outside a
	 * struct (in_parent null), "omitted", or the marshal text itself */
	enum { SD_GOFACTS_NOT_FIELD, SD_GOFACTS_OMITTED, SD_GOFACTS_WRITTEN } in_parent;
} sd_gofacts;

/*
 * Facts of one side at Go path path.  root: the side's decoded root, or
 * NULL to take value instead; value (when root is NULL): the Go value
 * there (NULL: none), a prefix of it when whole_len > 0 (then len is
 * whole_len, as sd_diff_item_value gives it).  src_root (may be NULL): the
 * side's document root, for the pointer.  Strings are newly allocated.
 */
void sd_gofacts_compute(sd_gofacts *f, const sd_gv *root, const sd_gv *value,
			size_t whole_len, const sd_node *src_root, const char *path);
void sd_gofacts_release(sd_gofacts *f);

/*
 * The facts of one side (0 left, 1 right) of the node at path in d, as the
 * JSON report and the panel show them: it (may be NULL) is the difference
 * there.  Documents decoded into specs.Spec are walked from the root;
 * interface{} documents take the item's value (sd_diff_item_value with
 * max_nodes: 0 makes it whole) so that a big document is not decoded for
 * one node; without an item (or for a cosmetic item, which holds no
 * values) they are walked from the root, which decodes the whole document.
 */
void sd_gofacts_side(sd_gofacts *f, const sd_diff *d, const sd_diff_item *it,
		     const char *path, int side, size_t max_nodes);
/* Can sd_gofacts_side answer without decoding a whole interface{}
 * document (the explorer's lazy path)? */
bool sd_gofacts_cheap(const sd_diff *d, const sd_diff_item *it);

/* The "go" value of the JSON report: null, {"dropped":true} or
 * {"type","nil","len","v","gov","marshal","in_parent"}, appended to out. */
void sd_gofacts_json(sd_buf *out, const sd_gofacts *f);

/*
 * The panel's lines for the facts, each passed to line(ctx, text) with no
 * newline; each value is cut after max bytes (0: no cut) with "...".
 */
void sd_gofacts_lines(const sd_gofacts *f, size_t max,
		      void (*line)(void *ctx, const char *text), void *ctx);

/* json.Marshal(v) exactly as Go's (omitempty honoured, HTML characters
 * escaped as \u003c, \u003e, \u0026), appended to out. */
void sd_gv_marshal_go(sd_buf *out, const sd_gv *v);

/*
 * A self-contained Go program (standard library only) that declares the
 * specs-go struct types along path (ancestors with only the field on the
 * path, the node's own type whole, JSON tags as specs-go has them), embeds
 * both documents as JSON (YAML converted as the diff reads it), decodes
 * them and prints reflect.DeepEqual at the node, then for each side %T,
 * nil, len, %v, %#v, json.Marshal and json.Marshal of the struct holding
 * it: the facts sd_gofacts_side states.  cls and reason (may be NULL)
 * choose the comment on the pitfall.  Returns -1, writing nothing, when a
 * segment names a member Go drops.
 */
int sd_goprog_write(sd_buf *out, const sd_diff *d, const char *path, sd_class cls,
		    const char *reason);

/* The specs-go version the OCI types come from ("v1.1.0-rc.1"). */
const char *sd_gofacts_types_version(void);

#endif
