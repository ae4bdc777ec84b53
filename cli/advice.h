/*
 * advice.h - the commands specdiff tells a user to run, built from the
 * inputs actually given (never placeholders that a tired reader must fill
 * in wrongly), and the warning about CHECKPOINT and RESTORE given in the
 * wrong order.  Shared by check and explain; tests/cli/test_advice.sh runs
 * every command these build.
 */
#ifndef SPECDIFF_CLI_ADVICE_H
#define SPECDIFF_CLI_ADVICE_H

#include <stdbool.h>

#include "common.h"
#include "specdiff/util.h"

/* For an unknown option that names a value of another ("--semantic"), the
 * option to write instead ("--mode semantic"); NULL otherwise. */
const char *sd_advice_did_you_mean(const char *arg);
/* sd_cli_usage's "unknown option 'ARG'", with that hint when there is one. */
int sd_advice_unknown_option(const char *cmd, const char *arg);

/* Appends s to b quoted for a POSIX shell when it needs quoting. */
void sd_advice_quote(sd_buf *b, const char *s);

/* The file a fix is written to: RESTORE with ".fixed" before its
 * extension ("restore.json" -> "restore.fixed.json"; "-" -> "restore.fixed.json").
 * Caller frees. */
char *sd_advice_fixed_name(const char *restore);

/* Appends the normalize command that copies CHECKPOINT's nil/empty choices
 * and list order into RESTORE, writing sd_advice_fixed_name(restore):
 * with --like-roundtrip when CHECKPOINT is a spec file (runsc compares with
 * its round-tripped copy), without it for a checkpoint image (which holds
 * that copy already). */
void sd_advice_fix_command(sd_buf *b, const sd_side *ck, const char *restore);

/* Appends "specdiff check [--container NAME] CHECKPOINT FIXED" for that
 * fix (container: as given on the command line, or NULL). */
void sd_advice_check_command(sd_buf *b, const sd_side *ck, const char *restore,
			     const char *container);

/* Warns on stderr ("specdiff CMD: warning: ...") for every path where
 * runsc's round trip changes CHECKPOINT and the two specs differ as given:
 * the usual sign of RESTORE given first.  Does nothing for a checkpoint
 * image or when as_given.  Returns the number of warnings. */
/* Appends check's closing advice for a failing pair to b: the normalize
 * fix and the check to run after it, with what that check will say (every
 * profile passes when stored, CHECKPOINT's copy as runsc holds it, and RS
 * are semantically equal and runsc accepts the stored spec against itself),
 * and the diff that lists the value differences no normalization changes. */
void sd_advice_check_fix(sd_buf *b, const sd_side *ck, const sd_gv *stored, const sd_side *rs,
			 const char *container, const char *container_given);

size_t sd_advice_warn_order(const char *cmd, const sd_side *ck, const sd_side *rs, bool quiet);

#endif
