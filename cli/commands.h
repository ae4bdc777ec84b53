/*
 * commands.h - the subcommands of the specdiff binary.  Each takes the
 * arguments after its name (argv[0] is the command name) and returns the
 * process exit status: 0 equal/pass, 1 different/fail, 2 trouble.
 */
#ifndef SPECDIFF_CLI_COMMANDS_H
#define SPECDIFF_CLI_COMMANDS_H

int sd_cmd_diff(int argc, char **argv);
int sd_cmd_check(int argc, char **argv);
int sd_cmd_explain(int argc, char **argv);
int sd_cmd_normalize(int argc, char **argv);

#endif
