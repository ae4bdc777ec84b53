/*
 * explorer.h - the interactive explorer's entry point (DESIGN section 7).
 */
#ifndef SPECDIFF_TUI_EXPLORER_H
#define SPECDIFF_TUI_EXPLORER_H

/*
 * Runs the explorer for "specdiff [options] LEFT RIGHT" when standard input
 * and output are terminals.  argv[0] is "specdiff"; the options are those of
 * "specdiff diff" plus the explorer's own (--theme ...).  Returns the exit
 * status "specdiff diff" would give for the final state (0 equal, 1
 * different, 2 trouble), after restoring the terminal.
 */
int sd_explorer_main(int argc, char **argv);

/*
 * Can the explorer run here?  Needs standard output on a terminal whose
 * TERM terminfo knows with cursor addressing, and keys from a terminal:
 * standard input, or /dev/tty when standard input is a pipe (as less and
 * jless read keys; "cat a.json | specdiff - b.json").  Returns NULL when
 * it can, else a one-line reason naming TERM ("TERM=dumb cannot draw ...")
 * for the caller to print before falling back to the report; "" when
 * standard output is not a terminal (the report, silently).
 */
const char *sd_explorer_unusable(void);

#endif
