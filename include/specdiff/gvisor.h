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

#include "specdiff/goview.h"

typedef struct sd_profile {
	const char *name;          /* "gvisor-20241210" */
	const char *first_release; /* "release-20241210.0" */
	const char *last_release;  /* "release-20250224.0" (same as first for one-release windows) */
	const char *summary;       /* one line: what changed in this window */
	bool in_corpus;            /* has a column in expected.json */
	bool random_order;         /* the 2024 validators: several possible first errors */
} sd_profile;

size_t sd_gvisor_profile_count(void);                 /* all 10, in release order */
const sd_profile *sd_gvisor_profile_at(size_t i);
const sd_profile *sd_gvisor_profile_find(const char *name);  /* NULL if unknown */
/* The profile a runsc release tag ("release-20250101.0") used: the newest
 * profile whose first release is <= the tag.  NULL if the tag is malformed
 * (not release-YYYYMMDD.N) or older than release-20241104.0. */
const sd_profile *sd_gvisor_profile_for_release(const char *release);

typedef struct sd_check_result {
	bool pass;           /* nerrors == 0 (warnings do not fail) */
	char **errors;       /* possible first errors, sorted by bytes (several only for random_order profiles) */
	size_t nerrors;
	char **warnings;     /* logged without failing, in emission order */
	size_t nwarnings;
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
 * Reading a validator message (for `explain` and the explorer).
 *
 * sd_gvisor_parse_message() accepts a whole pasted line: runsc's prefixes
 * ("starting container: ...: ", "failed to validate restore spec: ",
 * "failed to validate spec for container \"x\": ") are skipped.  It
 * recognises the "<Field> does not match across checkpoint restore for
 * container: <name>, checkpoint <old> restore <new>[, got error <detail>]"
 * errors, the duplicate-device error, the Resources warning (whose inner
 * error is parsed) and the argv[0] basename warning.  Returns false when the
 * text is none of these.  The checkpoint/restore renderings are split at
 * the last " restore " that leaves a plausible %v on both sides, so they
 * are informative only.
 */
typedef enum sd_gvisor_msg_kind {
	SD_GVMSG_MISMATCH,        /* "... does not match across checkpoint restore ..." */
	SD_GVMSG_DUPLICATE_DEVICE,/* "duplicate device found in the spec ..." */
	SD_GVMSG_RESOURCES_WARNING,/* "specs.Linux.Resources has been changed during restore, err ..." */
	SD_GVMSG_ARGS_WARNING,    /* "Validating args with the exec paths, old: X new: Y" */
} sd_gvisor_msg_kind;

typedef struct sd_gvisor_msg {
	sd_gvisor_msg_kind kind;
	char field[64];          /* "Sysctl", "Capabilities.Bounding", "Resources.Rdma", "OCI Version"; "Devices" / "Args" for the non-mismatch kinds */
	char container[256];     /* "" when the text does not name one */
	char detail[64];         /* "length mismatch", "duplicate value", "invalid mount in the restore spec", or "" */
	char *old_text;          /* %v of the checkpoint side (malloc'd, may be NULL) */
	char *new_text;          /* %v of the restore side (malloc'd, may be NULL) */
} sd_gvisor_msg;

bool sd_gvisor_parse_message(const char *text, sd_gvisor_msg *out);
void sd_gvisor_msg_release(sd_gvisor_msg *m);

/* JSON Pointers a validator field covers ("Sysctl" -> "/linux/sysctl";
 * "Process" -> "/process"; "Spec" -> "" for the whole spec), as a
 * NULL-terminated static list; NULL when the field is unknown. */
const char *const *sd_gvisor_field_paths(const char *field);

/* How profile p compares field: one line such as "reflect.DeepEqual (nil map
 * != empty map)", "validateMap: lengths, then == per key (nil == empty)",
 * "not compared".  Never NULL. */
const char *sd_gvisor_field_rule(const sd_profile *p, const char *field);

#endif
