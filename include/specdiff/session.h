/*
 * session.h - one comparison, opened once and read by every output: both
 * sides (document, Go view, the root type chosen for the pair, the source
 * facts of a checkpoint image), and the restore checks, every profile with
 * its own specs-go types, naming the container as runsc would.
 *
 * The order of work is load -> decode -> compare -> check; a front end
 * opens a session instead of repeating it, so diff, check, explain, the
 * tour and the explorer cannot drift apart on the type, the container or
 * the round trip.
 *
 * An sd_session owns its documents, views and check results; the inputs'
 * strings are borrowed and must outlive it.  sd_session_close() frees
 * what it owns.
 */
#ifndef SPECDIFF_SESSION_H
#define SPECDIFF_SESSION_H

#include <stdbool.h>

#include "specdiff/checks.h"
#include "specdiff/doc.h"
#include "specdiff/error.h"
#include "specdiff/goview.h"
#include "specdiff/util.h"

typedef struct sd_session_opts {
	sd_load_opts load;         /* load.container also names the container in runsc's messages */
	sd_schema_choice schema;
	const sd_type *oci_types;  /* specs.Spec of the chosen specs-go version; NULL: the engine's */
	bool as_given;             /* checks: compare the checkpoint spec without runsc's round trip */
} sd_session_opts;

/* One input side: side 0 is the left (checkpoint), side 1 the right (restore). */
typedef struct sd_session_side {
	const char *input;       /* as given (borrowed) */
	sd_doc *doc;             /* NULL when loading failed (see err) */
	sd_goview *view;         /* NULL until decoded, and when doc is NULL */
	bool decode_failed;      /* Go's json.Unmarshal would fail (see err) */
	sd_error err;
} sd_session_side;

typedef struct sd_session {
	sd_session_opts opts;
	sd_session_side side[2];
	const sd_type *root;     /* the pair's root type (set by sd_session_decode) */
	sd_checks checks;        /* valid when checks_done */
	bool checks_done;
} sd_session;

/* An empty session with a copy of *o. */
void sd_session_init(sd_session *s, const sd_session_opts *o);

/* Chooses the pair's root type and decodes every loaded side with it.
 * The front end loads each side first (side[i].doc and input, or err when
 * it could not): how inputs are read, standard input among them, is its
 * business. */
void sd_session_decode(sd_session *s);

/*
 * The root type for a pair under choice c (oci: specs.Spec of the chosen
 * version, NULL for the engine's).  "auto" decides for the pair, never per
 * side, so that swapping the inputs cannot change the verdict: an array or
 * scalar on either side makes both interface{}; else a side that looks
 * like a spec (an "ociVersion" key in any case, or two top-level keys that
 * are fields of specs.Spec) makes both specs.Spec; else two sides each
 * null or {} are two specs; else interface{}.  Either document may be NULL
 * (not loaded): the other decides alone.
 */
const sd_type *sd_session_pick_type(const sd_doc *a, const sd_doc *b, sd_schema_choice c,
				    const sd_type *oci);

/* Is the pair decoded as two OCI specs (so the restore checks apply)? */
bool sd_session_is_oci(const sd_session *s);

/* The container runsc's messages name: --container, else the checkpoint
 * image's, else runsc's "__no_name_0".  Borrowed from the session. */
const char *sd_session_container(const sd_session *s);

/* The checkpoint image's runsc_version; NULL when side 0 is not an image
 * or the image does not say. */
const char *sd_session_runsc_version(const sd_session *s);

/* One phrase on the image's runsc for headers: "runsc release-20241104.0
 * wrote the checkpoint (profile gvisor-2024)", with what specdiff knows of
 * a release it has no window for; nothing when the image does not say.
 * Appended to out (caller-owned), terminal-safe. */
void sd_session_describe_runsc(const sd_session *s, sd_buf *out);

/* The same followed by ", container NAME" when side 0 is a checkpoint
 * image (only "container NAME" when the image names no runsc); nothing
 * for an ordinary file.  For diff's header and the explorer's top line. */
void sd_session_describe_image(const sd_session *s, sd_buf *out);

/* Does the checkpoint side go through runsc's JSON round trip before the
 * checks (an ordinary spec file, not --as-given)? */
bool sd_session_roundtrip(const sd_session *s);

/* Every profile's verdict on the pair, computed on first use; the checks
 * did not run (ran false) unless both sides decoded as OCI specs. */
const sd_checks *sd_session_checks(sd_session *s);

/* Puts doc in side's place, taking ownership, freeing the old document
 * and view, and decodes it with the pair's root type (s->root); the checks
 * are computed again when next asked for. */
void sd_session_replace(sd_session *s, int side, sd_doc *doc);

void sd_session_close(sd_session *s);

#endif
