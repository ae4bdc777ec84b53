/*
 * schema_table.h - internal: what the generated OCI schema table
 * (build/schema_oci.gen.c, written by tools/gen_schema.c) defines for
 * core/schema.c.  Not for use outside core/.
 */
#ifndef SPECDIFF_SCHEMA_TABLE_H
#define SPECDIFF_SCHEMA_TABLE_H

#include "specdiff/schema.h"

/* One row of the path index, sorted by path (strcmp) for bsearch. */
typedef struct sd_schema_path {
	const char *path;
	const sd_type *type;
} sd_schema_path;

extern const sd_type sdp_oci_types[];      /* every type of specs.Spec */
extern const size_t sdp_oci_ntypes;
extern const sd_type *const sdp_oci_root;  /* specs.Spec */
extern const sd_schema_path sdp_oci_paths[];
extern const size_t sdp_oci_npaths;

#endif
