/*
 * goview.h - what Go holds after json.Unmarshal (DESIGN section 4).
 *
 * sd_goview_decode() turns a loaded document into the value Go would hold
 * after decoding it into a given type (specs.Spec, or interface{} for
 * documents that are not OCI specs): nil vs empty maps and slices, nil
 * pointers vs pointers to zero values, zero values for absent plain fields,
 * case-insensitive field matching, duplicate keys decoded into the existing
 * value, unknown fields dropped, strings with invalid UTF-8 replaced by
 * U+FFFD, Go's integer decode errors in Go's own wording.  For YAML
 * documents the YAML->JSON rules of the conformance README apply first.
 *
 * A view owns an arena holding every sd_gv; values stay valid until
 * sd_goview_free().  A view borrows the document it was decoded from (src
 * pointers), so free the view before the document.
 */
#ifndef SPECDIFF_GOVIEW_H
#define SPECDIFF_GOVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "specdiff/doc.h"
#include "specdiff/error.h"
#include "specdiff/schema.h"
#include "specdiff/util.h"

typedef struct sd_gv sd_gv;
typedef struct sd_gv_entry sd_gv_entry;

struct sd_gv {
	const sd_type *type;     /* static type; for IFACE see u.elem */
	const sd_node *src;      /* node that last set this value; NULL if never set (zero value) */
	bool is_nil;             /* PTR, SLICE, MAP, IFACE */
	union {
		sd_gv *fields;       /* STRUCT: type->nfields values */
		sd_gv *elem;         /* PTR: pointee, IFACE: dynamic value (its type is a sd_schema_dyn_* or the pointee); NULL when nil */
		struct {
			sd_gv *items;
			size_t n;
			size_t cap;      /* backing capacity as Go's decoder left it;
					    items[n..cap) hold stale elements that a later
					    duplicate key may expose again (decode.go array()) */
		} slice;             /* SLICE */
		struct {
			sd_gv_entry *entries;  /* sorted by key bytes (Go's fmt order) */
			size_t n;
		} map;               /* MAP */
		struct {
			const char *s;   /* valid UTF-8, NUL-terminated (may hold NULs) */
			size_t len;
		} str;               /* STRING */
		bool boolean;        /* BOOL */
		int64_t i;           /* INT */
		uint64_t u;          /* UINT */
		double f;            /* FLOAT */
	} u;
};

struct sd_gv_entry {
	const char *key;         /* valid UTF-8 as Go holds it */
	size_t key_len;
	const sd_node *key_src;  /* object holding the member that set it */
	sd_gv value;
};

typedef struct sd_goview sd_goview;

/*
 * Decodes doc into root_type.  Always returns a view (Go keeps partially
 * decoded values); when Go's decode would fail, sd_goview_error() returns
 * Go's error text and *err is filled with it and the position of the node
 * that caused it.  YAML conversion errors are prefixed
 * "error converting YAML to JSON: " as in the corpus.
 */
sd_goview *sd_goview_decode(const sd_doc *doc, const sd_type *root_type, sd_error *err);
void sd_goview_free(sd_goview *v);

const sd_gv *sd_goview_root(const sd_goview *v);
const char *sd_goview_error(const sd_goview *v);  /* NULL when the decode was clean */
/* Added: the root's Go type.  Unlike sd_goview_root(), never decodes a
 * view left to be decoded (a big JSON document as interface{}). */
const sd_type *sd_goview_root_type(const sd_goview *v);

/*
 * json.Unmarshal(json.Marshal(v)) as runsc does to the checkpoint copy:
 * empty maps and slices in omitempty fields become nil (pointers, including
 * pointers to zero structs, survive).  Returns a new view (borrowing the
 * same document).
 */
sd_goview *sd_goview_roundtrip(const sd_goview *v);

/* reflect.DeepEqual */
bool sd_gv_deep_equal(const sd_gv *a, const sd_gv *b);
/* cmp.Equal with EquateEmpty and the set-like lists compared as multisets. */
bool sd_gv_semantic_equal(const sd_gv *a, const sd_gv *b);
/* Two slices of one length holding the same elements in some order
 * (sorted with sd_gv_compare, then reflect.DeepEqual element by element). */
bool sd_gv_same_elements(const sd_gv *a, const sd_gv *b);
/* A total order on values of one type (the order SortSlices uses for the
 * set-like element types; any consistent order for others). */
int sd_gv_compare(const sd_gv *a, const sd_gv *b);

/* Is this value Go's zero value for its type (omitempty's isEmptyValue for
 * maps, slices, pointers, strings, bools, numbers; structs: all fields zero)? */
bool sd_gv_is_zero(const sd_gv *v);
bool sd_gv_is_omitempty_empty(const sd_gv *v);  /* encoding/json isEmptyValue */

/* Field of a struct value (or of a non-nil pointer to one) by JSON name
 * (NULL if none); the pointee for a non-nil pointer and the dynamic value of
 * a non-nil interface{} (NULL for nil); any other value is returned as is. */
const sd_gv *sd_gv_field(const sd_gv *st, const char *json_name);
const sd_gv *sd_gv_deref(const sd_gv *p);
const sd_gv *sd_gv_map_get(const sd_gv *m, const char *key, size_t key_len);

/* Length as Go's len() gives it (slice, map, string); 0 otherwise. */
size_t sd_gv_len(const sd_gv *v);

/*
 * encoding/json Marshal of the value with SetEscapeHTML(false), appended to
 * out.  omitempty=false writes every struct field as if it had no omitempty
 * tag (the explorer's "without omitempty" view).
 */
void sd_gv_marshal_json(sd_buf *out, const sd_gv *v, bool omitempty);

/* Chooses the root type for a document: specs.Spec when schema is "oci",
 * interface{} for "none"; "auto" picks oci when the root is an object with
 * an "ociVersion" key (any case) or at least two top-level keys that are
 * fields of specs.Spec, otherwise none. */
typedef enum sd_schema_choice { SD_SCHEMA_AUTO, SD_SCHEMA_OCI, SD_SCHEMA_NONE } sd_schema_choice;
const sd_type *sd_goview_pick_type(const sd_doc *doc, sd_schema_choice c);
/* The same with oci (a specs.Spec of schema.h, sd_schema_oci_version) as
 * the types of "oci"; NULL means sd_schema_oci(). */
const sd_type *sd_goview_pick_type_in(const sd_doc *doc, sd_schema_choice c, const sd_type *oci);

#endif
