/*
 * explain.h - decoding a runsc restore error (DESIGN section 8).
 *
 * Two steps, both pure data (nothing here prints):
 *   1. sd_runsc_error_parse() reads the line a user pastes: runsc's wrapping
 *      prefixes ("starting container: restoring container \"NAME\": ",
 *      "failed to validate restore spec: ", "failed to validate spec for
 *      container \"NAME\": "), a log wrapper (err="..." with escaped quotes),
 *      and the validator message itself, in the older %v format
 *          Sysctl does not match across checkpoint restore for container:
 *          __no_name_0, checkpoint map[] restore map[][, got error MSG]
 *      or the newer one (runsc release-20260601.0) with %q names and %#v
 *      values
 *          "Mounts" does not match across checkpoint restore for container:
 *          "__no_name_0", checkpoint []specs.Mount{...} restore ...
 *      plus "duplicate device found in the spec ..." and the warning
 *      "specs.Linux.Resources has been changed during restore, err ..." and
 *      "Validating args with the exec paths, old: A new: B".
 *   2. sd_explain() turns the parsed error into an explanation: the field's
 *      table entry (JSON paths, how each gVisor profile compares it), why
 *      both sides printed alike when they did, and the fixes.
 *
 * Ownership: a sd_runsc_error and a sd_explanation own their strings; the
 * *_release functions free them.  Table entries (sd_explain_field) are
 * static and never freed.
 */
#ifndef SPECDIFF_EXPLAIN_H
#define SPECDIFF_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "specdiff/error.h"

/* How a range of gVisor profiles compares one field. */
typedef struct sd_explain_rule {
	const char *first, *last; /* profile names (gvisor.h), inclusive */
	const char *how;          /* one sentence */
} sd_explain_rule;

#define SD_EXPLAIN_MAX_PATHS 12
#define SD_EXPLAIN_MAX_RULES 16

/* One validator field name and what it covers. */
typedef struct sd_explain_field {
	const char *name;        /* as in the message: "Sysctl", "OCI Version" */
	const char *go_type;     /* "map[string]string" */
	const char *paths[SD_EXPLAIN_MAX_PATHS]; /* JSON Pointers, NULL-terminated */
	const char *covers;      /* NULL, or a sentence when paths are "the rest" */
	sd_explain_rule rules[SD_EXPLAIN_MAX_RULES]; /* first == NULL ends */
	/* The first profile that no longer fails on a nil-vs-empty difference
	 * here (or turns it into a warning); NULL when none does. */
	const char *tolerant_from;
	const char *tolerance;   /* what that profile does, one phrase */
	const char *note;        /* NULL or a sentence worth knowing */
} sd_explain_field;

size_t sd_explain_field_count(void);
const sd_explain_field *sd_explain_field_at(size_t i);
/* Exact field name ("Capabilities.Bounding" included); NULL if unknown. */
const sd_explain_field *sd_explain_field_find(const char *name);
/* How profile p's runsc compares f: one sentence, generated from the
 * profile table (static); NULL only for a NULL argument. */
struct sd_profile;
const char *sd_explain_field_how(const sd_explain_field *f, const struct sd_profile *p);
/* True when JSON Pointer path lies at or under one of f's paths. */
bool sd_explain_field_covers(const sd_explain_field *f, const char *path);

typedef enum sd_runsc_kind {
	SD_RUNSC_MISMATCH,        /* "<Field> does not match across ..." */
	SD_RUNSC_DUP_DEVICE,      /* "duplicate device found in the spec ..." */
	SD_RUNSC_RESOURCES_WARN,  /* "specs.Linux.Resources has been changed ..." (inner mismatch parsed) */
	SD_RUNSC_ARGS_WARN,       /* "Validating args with the exec paths, old: A new: B" */
} sd_runsc_kind;

typedef enum sd_runsc_format {
	SD_RUNSC_FMT_V,           /* %v names and values (older runsc) */
	SD_RUNSC_FMT_GOSYNTAX,    /* %q names, %#v values (release-20260601.0) */
} sd_runsc_format;

typedef struct sd_runsc_error {
	sd_runsc_kind kind;
	sd_runsc_format format;
	char *field;        /* "Sysctl"; "Devices" for a duplicate device */
	char *container;    /* container name in the message (unquoted) */
	char *checkpoint;   /* the checkpoint value as printed */
	char *restore;      /* the restore value as printed; NULL for a duplicate device */
	char *got_error;    /* ", got error MSG": MSG, or NULL */
	char *restoring;    /* NAME of "restoring container \"NAME\"", or NULL */
	char *spec_container; /* NAME of "failed to validate spec for container \"NAME\"", or NULL */
	bool restore_spec_prefix; /* "failed to validate restore spec: " was present */
	const sd_explain_field *info; /* table entry for field, or NULL */
} sd_runsc_error;

/*
 * Parses text (the whole pasted line; surrounding whitespace and log
 * wrappers are fine).  Returns 0, or -1 with *err saying what was expected.
 * On success the caller releases *out with sd_runsc_error_release().
 */
int sd_runsc_error_parse(const char *text, sd_runsc_error *out, sd_error *err);
void sd_runsc_error_release(sd_runsc_error *e);

/* Why both sides printed alike (bits; several may apply). */
enum {
	SD_ALIKE_NIL_EMPTY_MAP = 1 << 0,   /* "map[]" on both sides */
	SD_ALIKE_NIL_EMPTY_SLICE = 1 << 1, /* "[]" on both sides */
	SD_ALIKE_POINTERS = 1 << 2,        /* addresses printed instead of contents */
	SD_ALIKE_UNQUOTED = 1 << 3,        /* %v strings lose quotes: spaces, "" */
	SD_ALIKE_RDMA = 1 << 4,            /* Rdma values are pointers: never equal */
};

typedef struct sd_explanation {
	bool alike;         /* checkpoint and restore printed identically */
	unsigned alike_why; /* SD_ALIKE_* */
	/* From %#v (newer format): which side is nil where the other is empty;
	 * NULL when not visible. "checkpoint" or "restore". */
	const char *nil_side;
	char **reasons;     /* sentences: why they differ or printed alike */
	size_t nreasons;
	char **fixes;       /* sentences, most direct first */
	size_t nfixes;
} sd_explanation;

/* Fills *out for a parsed error; release with sd_explanation_release(). */
void sd_explain(const sd_runsc_error *e, sd_explanation *out);
void sd_explanation_release(sd_explanation *x);

#endif
