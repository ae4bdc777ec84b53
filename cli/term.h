/*
 * term.h - output streams a terminal may show.  Every byte an input
 * brought (a key with ESC in it, a container name from a checkpoint image,
 * a pasted log line) goes through sd_buf_add_safe (base.h) before it
 * reaches a terminal: the text report and check table escape the input's
 * text where they place it (they add colour of their own); standard error
 * and explain's standard output, which carry no colour of ours, are
 * filtered as a whole.
 */
#ifndef SPECDIFF_CLI_TERM_H
#define SPECDIFF_CLI_TERM_H

#include <stdio.h>

/* Replaces *stream (stdout or stderr) by one that writes to the same file
 * descriptor with sd_buf_add_safe applied (newlines and tabs kept).  A
 * UTF-8 sequence split between two writes is held until it is complete. */
void sd_cli_safe_stream(FILE **stream);

/* The end of every command: flushes standard output (and what a safe
 * stream holds back); when it cannot be written (a full disk, a closed
 * pipe, /dev/full) says so on standard error and returns 2, as diff(1)
 * does (said only when rc is not 2 already: a command that ends in
 * trouble has said why); otherwise returns rc. */
int sd_cli_finish(int rc);

#endif
