/*
 * schema.h - the Go types of specs.Spec as data, one table per runtime-spec
 * specs-go version (v1.1.0-rc.1, v1.2.0, v1.2.1, v1.3.0), generated at
 * build time from core/oci-schema-VERSION.jsonl (tools/gen_schema.c ->
 * build/schema_oci.gen.c), plus interface{}.
 *
 * All types are static and immutable; pointers to them may be compared.
 */
#ifndef SPECDIFF_SCHEMA_H
#define SPECDIFF_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

typedef enum sd_gokind {
	SD_GO_STRUCT,
	SD_GO_PTR,
	SD_GO_SLICE,
	SD_GO_MAP,      /* always string keys in specs-go */
	SD_GO_STRING,
	SD_GO_BOOL,
	SD_GO_INT,      /* int, int8 .. int64 (bits) */
	SD_GO_UINT,     /* uint, uint8 .. uint64, fs.FileMode (bits) */
	SD_GO_FLOAT,    /* float64 */
	SD_GO_IFACE,    /* interface{} */
} sd_gokind;

typedef struct sd_type sd_type;
typedef struct sd_field sd_field;

struct sd_field {
	const char *json_name;   /* "sysctl" */
	const char *go_name;     /* "Sysctl" */
	const sd_type *type;
	bool omitempty;
};

struct sd_type {
	sd_gokind kind;
	const char *go_type;     /* Go spelling: "*specs.Process", "[]string", "map[string]string", "uint32", "fs.FileMode", "specs.Arch" */
	const char *path;        /* schema path of the first place it occurs, "*" for any key or index: "/process/env" */
	unsigned bits;           /* ints: 8..64; 64 for int/uint */
	const sd_type *elem;     /* PTR: pointee; SLICE: element; MAP: value */
	const sd_field *fields;  /* STRUCT: in Go declaration order (embedded structs flattened) */
	size_t nfields;
	bool set_like;           /* SLICE: a multiset in semantic mode (conformance README) */
	bool no_omitempty_hint;  /* unused by code; reserved */
};

/* specs.Spec of the engine's version: the types the newest gVisor profile's
 * runsc was built with (sd_gvisor.h), what diff --schema oci decodes with
 * unless told otherwise. */
const sd_type *sd_schema_oci(void);
/* specs.Spec of a specs-go version ("v1.2.0"); NULL when there is no table. */
const sd_type *sd_schema_oci_version(const char *version);
/* The versions with a table, oldest first (static strings). */
size_t sd_schema_version_count(void);
const char *sd_schema_version_at(size_t i);
/* The version whose specs.Spec t is ("v1.2.1"); NULL when t is not one. */
const char *sd_schema_version_of(const sd_type *t);
/* Is t the specs.Spec of some version? */
bool sd_schema_is_oci(const sd_type *t);
const sd_type *sd_schema_iface(void);   /* interface{} */

/* The dynamic types an interface{} may hold after encoding/json decoding. */
const sd_type *sd_schema_dyn_bool(void);     /* bool */
const sd_type *sd_schema_dyn_float(void);    /* float64 */
const sd_type *sd_schema_dyn_string(void);   /* string */
const sd_type *sd_schema_dyn_slice(void);    /* []interface{} */
const sd_type *sd_schema_dyn_map(void);      /* map[string]interface{} */

/* Exact field lookup by JSON name; NULL when the struct has no such field. */
const sd_field *sd_type_field(const sd_type *st, const char *json_name);
/*
 * encoding/json's key matching: exact JSON name first, then a case-insensitive
 * match with Unicode simple folding (U+017F matches s, U+212A matches k).
 * key may hold any bytes.  NULL when Go would drop the key (unknown field).
 */
const sd_field *sd_type_match_key(const sd_type *st, const char *key, size_t key_len);
/* Type at a schema path ("/linux/sysctl", "/mounts/ *" without the space) of
 * the engine's version; NULL if none. */
const sd_type *sd_schema_lookup(const char *path);
/* The same in the version whose specs.Spec is root; NULL if none. */
const sd_type *sd_schema_lookup_in(const sd_type *root, const char *path);

#endif
