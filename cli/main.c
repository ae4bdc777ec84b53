/* main.c - the specdiff command line: dispatch to subcommands. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "term.h"
#include "common.h"
#include "../tui/explorer.h"

static const char usage_text[] =
"usage: specdiff [OPTIONS] LEFT RIGHT          explore (terminal) or diff (pipe)\n"
"       specdiff diff [OPTIONS] LEFT RIGHT     report differences\n"
"       specdiff check [OPTIONS] CHECKPOINT RESTORE\n"
"       specdiff explain 'ERROR TEXT' [CHECKPOINT RESTORE]\n"
"       specdiff normalize [OPTIONS] FILE\n"
"       specdiff tour                           guided lessons on Go's nil pitfalls\n"
"\n"
"Explains why two OCI runtime specs \"do not match\" the way Go sees them\n"
"(reflect.DeepEqual: nil vs empty maps and slices, pointers, order).\n"
"\n"
"Inputs: a path, - for standard input, PATH#/json/pointer for a subtree, or a\n"
"gVisor checkpoint image (checkpoint.img or its directory).  JSON or YAML.\n"
"\n"
"Options for every command:\n"
"  --format-in json|yaml|auto   input format (default: extension, then content)\n"
"  --doc N                      YAML stream: use document N (from 1)\n"
"  --container NAME             checkpoint image: which container's spec\n"
"  --schema oci|none|auto       decode as specs.Spec or as interface{}\n"
"  --color auto|always|never    colour (NO_COLOR is honoured); --no-color\n"
"  --quiet                      no notes on standard error\n"
"  --swap                       two inputs: take them the other way round\n"
"explorer (specdiff [OPTIONS] LEFT RIGHT on a terminal; press ? in it for keys):\n"
"  --mode strict|semantic       starting mode\n"
"  --theme NAME                 colour theme (also $SPECDIFF_THEME)\n"
"  --ignore, --only, --restore-relevant   focus, as for diff\n"
"diff:\n"
"  --mode strict|semantic       strict = reflect.DeepEqual (default)\n"
"  --format text|json|patch|html  report format (patch: RFC 6902; html: one\n"
"                               self-contained page, both modes, Go facts)\n"
"  --ignore PATTERN             leave differences under PATTERN out (repeatable;\n"
"                               JSON Pointer, * = one key, ** = any depth)\n"
"  --only PATTERN               keep only differences under PATTERN (repeatable)\n"
"  --restore-relevant[=PROFILE] keep only what runsc's restore check compares\n"
"  --show-ignored               list the differences left out\n"
"check:\n"
"  --profile NAME|all           gVisor validator profile(s) (default: all)\n"
"  --runsc release-YYYYMMDD.N   the profile that runsc release used\n"
"  --as-given                   skip runsc's JSON round trip of CHECKPOINT\n"
"  --format text|json\n"
"normalize:\n"
"  --empty keep|omit|explicit   nil/empty maps and lists: as given, as\n"
"                               json.Marshal omits them, or all written {} / []\n"
"  --order go|sorted|source     key order (go: as json.Marshal writes it)\n"
"  --like OTHER                 match OTHER's nil/empty and set order where equal\n"
"  --like-roundtrip             compare with OTHER after runsc's round trip\n"
"  --roundtrip                  write what runsc stores for a checkpoint\n"
"  --drop-unknown               leave out fields specs-go does not know\n"
"  --to json|yaml  -o FILE      output format and file (written atomically)\n"
"  --in-place [--no-backup]     rewrite FILE (backup FILE.orig)\n"
"\n"
"Exit status: 0 equal / pass, 1 different / fail, 2 trouble.\n"
"  -h, --help     this help (COMMAND --help for a command's own)\n"
"  -V, --version  version\n";

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} commands[] = {
	{ "diff", sd_cmd_diff },
	{ "check", sd_cmd_check },
	{ "explain", sd_cmd_explain },
	{ "normalize", sd_cmd_normalize },
	{ "tour", sd_cmd_tour },
};

static int wants_bench_frames(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (!strncmp(argv[i], "--bench-frames", 14))
			return 1;
	return 0;
}

/* Explorer-only options (--theme) mean nothing to a report: a pipe gets the
 * report all the same, as git's pager options do.  Returns the new argc. */
static int drop_explorer_options(int argc, char **argv)
{
	int out = 1;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--")) {
			while (i < argc)
				argv[out++] = argv[i++];
			break;
		}
		if (!strncmp(argv[i], "--theme=", 8))
			continue;
		if (!strcmp(argv[i], "--theme") && i + 1 < argc) {
			i++;
			continue;
		}
		argv[out++] = argv[i];
	}
	argv[out] = NULL;
	return out;
}

static int run(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage_text, stderr);
		return 2;
	}
	if (!strcmp(argv[1], "help") && argc > 2)   /* "specdiff help diff" */
		for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
			if (!strcmp(argv[2], commands[i].name)) {
				char *help_argv[] = { argv[2], "--help", NULL };
				return commands[i].run(2, help_argv);
			}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (!strcmp(argv[1], "-V") || !strcmp(argv[1], "--version")) {
		printf("specdiff %s\n", SPECDIFF_VERSION);
		return 0;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	/* "specdiff LEFT RIGHT": the explorer on a terminal, else a diff.
	 * --bench-frames draws off-screen, so it needs no terminal. */
	const char *why = wants_bench_frames(argc, argv) ? NULL : sd_explorer_unusable();
	if (!why)
		return sd_explorer_main(argc, argv);
	if (*why)
		fprintf(stderr, "specdiff: note: %s; printing the report (specdiff diff) instead\n", why);
	argv[0] = "diff";
	sd_cli_as_default("diff");
	return sd_cmd_diff(drop_explorer_options(argc, argv), argv);
}

int main(int argc, char **argv)
{
	/* warnings and errors quote inputs: never raw to a terminal (term.h) */
	sd_cli_safe_stream(&stderr);
	return sd_cli_finish(run(argc, argv));
}
