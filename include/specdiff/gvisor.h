/*
 * gvisor.h - gVisor runsc restore-spec validators, one profile per behaviour
 * change in runsc's history (conformance README, "gVisor profiles").
 *
 * The API returns data (pass, exact error strings, warnings); it formats no
 * report.  Error and warning strings are exactly runsc's validator results
 * (without runsc's "failed to validate restore spec: " wrappers), with every
 * 0xc[0-9a-f]+ address printed as 0xADDR.
 *
 * Profiles are static and immutable; pointers to them may be compared.
 */
#ifndef SPECDIFF_GVISOR_H
#define SPECDIFF_GVISOR_H

#include <stdbool.h>
#include <stddef.h>

#include "specdiff/doc.h"
#include "specdiff/goview.h"

/* How a window's runsc prints its mismatch errors. */
typedef enum sd_gvisor_format {
	SD_GVFMT_V,       /* "%v does not match ... container: %v, checkpoint %v restore %v" */
	SD_GVFMT_QUOTED,  /* "%q does not match ... container: %q, checkpoint %#v restore %#v" */
} sd_gvisor_format;

typedef struct sd_profile {
	const char *name;          /* "gvisor-20241210" */
	const char *first_release; /* "release-20241210.0" */
	const char *last_release;  /* "release-20250224.0" (same as first for one-release windows) */
	const char *specs_go;      /* runtime-spec specs-go the released runsc was built with: "v1.2.0" */
	const char *go_version;    /* Go toolchain of the released binaries ("go1.24"); NULL: not known */
	sd_gvisor_format format;
	const char *summary;       /* one line: what changed in this window */
} sd_profile;

/* Every release window from release-20241104.0 on, oldest first; windows
 * are contiguous and each release is in exactly one. */
size_t sd_gvisor_profile_count(void);
const sd_profile *sd_gvisor_profile_at(size_t i);
const sd_profile *sd_gvisor_profile_find(const char *name);  /* NULL if unknown */
/* The profile a runsc release tag ("release-20250101.0") used: the newest
 * profile whose first release is <= the tag.  NULL if the tag is malformed
 * (not release-YYYYMMDD.N) or older than the first window.  A tag newer
 * than the newest window's last release gets the newest profile: see
 * sd_gvisor_release_beyond(). */
const sd_profile *sd_gvisor_profile_for_release(const char *release);
/* Is release a well-formed tag newer than the newest window's last release
 * (specdiff cannot know what changed since)? */
bool sd_gvisor_release_beyond(const char *release);
/* Does the validator range over a Go map, so that several errors can come
 * first (sd_check_result.errors lists them all)? */
bool sd_gvisor_profile_map_order(const sd_profile *p);
/* specs.Spec of the types p's runsc decoded with (schema.h); never NULL. */
const sd_type *sd_gvisor_profile_types(const sd_profile *p);

typedef struct sd_check_result {
	bool pass;           /* nerrors == 0 and both sides decoded (warnings do not fail) */
	/* Go's error when the profile's types cannot decode a side (malloc'd,
	 * NULL when that side decoded): runsc of that window refuses the spec
	 * before any validator runs, so errors and warnings are empty. */
	char *decode_checkpoint, *decode_restore;
	char **errors;       /* possible first errors, sorted by bytes (several only for random_order profiles) */
	size_t nerrors;
	char **warnings;     /* logged without failing, in emission order */
	size_t nwarnings;
	/* The validator field each message is about, parallel to errors,
	 * warnings and next (static strings): "Sysctl", "Capabilities.Bounding",
	 * "Devices" for the duplicate-device error, "Args" for the argv[0]
	 * warning, the inner field ("Resources.Rdma") for a Resources warning.
	 * Look a field up with sd_explain_field_find() (explain.h). */
	const char **error_fields, **warning_fields;
	/*
	 * Past the first error: what the later checks find on the same specs,
	 * in the validator's order, each with its field and whether runsc would
	 * only warn.  runsc itself stops at its first error; these are what the
	 * next restore attempts meet once the earlier errors are fixed.  Empty
	 * when the profile passes.
	 */
	char **next;
	const char **next_fields;
	bool *next_is_warning;
	size_t nnext;
} sd_check_result;

/*
 * Runs one profile's validator on the checkpointed spec (old) and the
 * restore spec (new), both values of type specs.Spec (sd_schema_oci());
 * cname is the container name used in messages ("__no_name_0" when
 * unnamed).  Fills *out; the caller releases it with
 * sd_check_result_release().  Inputs are only read.
 */
void sd_gvisor_run(const sd_profile *p, const sd_gv *old_spec, const sd_gv *new_spec,
		   const char *cname, sd_check_result *out);
void sd_check_result_release(sd_check_result *r);

/*
 * A checkpoint/restore pair as each profile's runsc reads it: both
 * documents decoded with that profile's specs-go types (once per version,
 * when first needed) and, with roundtrip, the checkpoint side through
 * json.Marshal + json.Unmarshal as runsc stores it.  The pair borrows the
 * documents, which must outlive it; free it with sd_gvisor_pair_free().
 */
typedef struct sd_gvisor_pair sd_gvisor_pair;
sd_gvisor_pair *sd_gvisor_pair_new(const sd_doc *checkpoint, const sd_doc *restore, bool roundtrip);
/* Lends views of the two documents already decoded with one OCI root type
 * (a session's): the profiles built with those types use them instead of
 * decoding again.  Views of any other type are ignored.  The views must
 * outlive the pair; it only reads them. */
void sd_gvisor_pair_lend(sd_gvisor_pair *pair, const sd_goview *checkpoint,
			 const sd_goview *restore);
/* Runs p on the pair (a decode failure of p's types is reported in *out,
 * see sd_check_result); release *out with sd_check_result_release(). */
void sd_gvisor_pair_check(sd_gvisor_pair *pair, const sd_profile *p, const char *cname,
			  sd_check_result *out);
void sd_gvisor_pair_free(sd_gvisor_pair *pair);

#endif
