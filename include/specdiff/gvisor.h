/*
 * gvisor.h - gVisor runsc restore-spec validators, one profile per behaviour
 * change in runsc's history (conformance README, "gVisor profiles").
 *
 * The API returns data (pass, exact error strings, warnings); it formats no
 * report.  Error and warning strings are exactly runsc's, with every
 * 0xc[0-9a-f]+ address replaced by 0xADDR.
 */
#ifndef SPECDIFF_GVISOR_H
#define SPECDIFF_GVISOR_H

#include <stdbool.h>
#include <stddef.h>

#include "specdiff/goview.h"

typedef struct sd_profile {
	const char *name;          /* "gvisor-20241210" */
	const char *first_release; /* "release-20241210.0" */
	const char *last_release;  /* "release-20250224.0" (same as first for one-release windows) */
	const char *summary;       /* one line: what changed in this window */
	bool in_corpus;            /* has a column in expected.json */
} sd_profile;

size_t sd_gvisor_profile_count(void);                 /* in release order */
const sd_profile *sd_gvisor_profile_at(size_t i);
const sd_profile *sd_gvisor_profile_find(const char *name);  /* NULL if unknown */
/* The profile a runsc release tag ("release-20250101.0") used; NULL if the
 * tag is malformed or older than the first modelled release. */
const sd_profile *sd_gvisor_profile_for_release(const char *release);

typedef struct sd_check_result {
	bool pass;
	char **errors;       /* possible first errors, sorted (several only for the random-order 2024 profiles) */
	size_t nerrors;
	char **warnings;     /* in emission order */
	size_t nwarnings;
} sd_check_result;

/*
 * Runs one profile's validator on the checkpointed spec (old) and the
 * restore spec (new), both decoded as specs.Spec; cname is the container
 * name used in messages ("__no_name_0" when unnamed).  Fills *out (caller
 * releases with sd_check_result_release).
 */
void sd_gvisor_run(const sd_profile *p, const sd_gv *old_spec, const sd_gv *new_spec,
		   const char *cname, sd_check_result *out);
void sd_check_result_release(sd_check_result *r);

/* The validator's name for the field an error is about ("Sysctl",
 * "Mounts", "Resources.HugepageLimits", "OCI Version" ...) and the JSON
 * Pointer paths that field covers ("/linux/sysctl").  NULL / 0 if the text
 * is not a validator message. */
const char *sd_gvisor_error_field(const char *error_text, char *field, size_t size);

#endif
