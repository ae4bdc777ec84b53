/*
 * schema_table.h - internal: what the generated OCI schema tables
 * (build/schema_oci.gen.c, written by tools/gen_schema.c from
 * core/oci-schema-VERSION.jsonl) define for core/schema.c.  Not for use
 * outside core/.
 */
#ifndef SPECDIFF_SCHEMA_TABLE_H
#define SPECDIFF_SCHEMA_TABLE_H

#include "specdiff/schema.h"

/* One row of the path index, sorted by path (strcmp) for bsearch. */
typedef struct sd_schema_path {
	const char *path;
	const sd_type *type;
} sd_schema_path;

/* The types of specs.Spec of one runtime-spec specs-go version. */
typedef struct sd_schema_table {
	const char *version;          /* "v1.2.1" */
	const sd_type *root;          /* specs.Spec */
	const sd_schema_path *paths;  /* every schema path, sorted */
	size_t npaths;
} sd_schema_table;

extern const sd_schema_table sdp_oci_tables[];  /* oldest version first */
extern const size_t sdp_oci_ntables;

#endif
