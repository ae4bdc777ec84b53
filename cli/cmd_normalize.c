/* cmd_normalize.c - "specdiff normalize": write a spec in a canonical form. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "common.h"
#include "specdiff/write.h"

static const char normalize_help[] =
"usage: specdiff normalize [OPTIONS] FILE\n"
"\n"
"Writes FILE (JSON or YAML; '-' for standard input, FILE#/json/pointer for a\n"
"subtree) in a canonical form: two-space indentation, keys in source order,\n"
"numbers exactly as written, nil and empty values as in the source.\n"
"\n"
"  --to json|yaml      output format (default: the input's)\n"
"  -o, --output FILE   write FILE atomically instead of standard output;\n"
"                      an input file is never overwritten\n"
"  --format-in json|yaml|auto, --doc N, --container NAME, --quiet\n"
"                      as for every command\n"
"\n"
"Exit status: 0 written, 2 trouble.\n";

enum { OPT_TO = SD_OPT_COMMON_END + 1 };

typedef struct norm_args {
	sd_cli_common common;
	sd_format to;
	const char *output;
	const char *input;
} norm_args;

/* Returns -1 to go on, else an exit status. */
static int parse_args(norm_args *a, int argc, char **argv)
{
	static const struct option longopts[] = {
		SD_CLI_COMMON_LONGOPTS,
		{ "to", required_argument, NULL, OPT_TO },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	memset(a, 0, sizeof(*a));
	sd_cli_common_init(&a->common);
	optind = 1;
	opterr = 0;
	int opt;
	while ((opt = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
		int r = sd_cli_common_opt(&a->common, "normalize", opt, optarg);
		if (r < 0)
			return 2;
		if (r > 0)
			continue;
		switch (opt) {
		case 'h':
			fputs(normalize_help, stdout);
			return 0;
		case 'o':
			a->output = optarg;
			break;
		case OPT_TO:
			if (!strcmp(optarg, "json"))
				a->to = SD_FORMAT_JSON;
			else if (!strcmp(optarg, "yaml"))
				a->to = SD_FORMAT_YAML;
			else
				return sd_cli_usage("normalize", "--to takes json or yaml, not '%s'", optarg);
			break;
		case ':':
			return sd_cli_usage("normalize", "option '%s' needs a value", argv[optind - 1]);
		default:
			return sd_cli_usage("normalize", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (argc - optind != 1)
		return sd_cli_usage("normalize", "expected one input FILE (got %d)", argc - optind);
	a->input = argv[optind];
	return -1;
}

static void lossy_notes(const sd_doc *d, const norm_args *a, sd_format to)
{
	if (a->common.quiet)
		return;
	const char *name = sd_doc_name(d);
	if (to == SD_FORMAT_YAML && sd_write_yaml_lossy(sd_doc_root(d)))
		fprintf(stderr, "specdiff: note: %s: strings holding invalid UTF-8 are written "
			"with U+FFFD in YAML (YAML cannot hold the raw bytes; --to json keeps them)\n",
			name);
	if (sd_doc_yaml_had_comments(d))
		fprintf(stderr, "specdiff: note: %s: comments in YAML input are not kept\n", name);
}

static int emit(const norm_args *a, const sd_buf *out)
{
	if (a->output) {
		sd_error err;
		const char *inputs[] = { a->input };
		if (sd_cli_write_file(a->output, out->data, out->len, inputs, 1, false, &err)) {
			sd_cli_error(&err);
			return 2;
		}
		return 0;
	}
	size_t n = fwrite(out->data, 1, out->len, stdout);
	if (fflush(stdout) || n != out->len) {
		perror("specdiff normalize: writing standard output");
		return 2;
	}
	return 0;
}

int sd_cmd_normalize(int argc, char **argv)
{
	norm_args a;
	int st = parse_args(&a, argc, argv);
	if (st >= 0)
		return st;
	sd_error err;
	sd_doc *d = sd_doc_load_input(a.input, &a.common.load, &err);
	if (!d) {
		sd_cli_error(&err);
		return 2;
	}
	sd_cli_notes(d, &a.common);
	sd_write_opts wo = { a.to ? a.to : sd_doc_format(d), 2 };
	lossy_notes(d, &a, wo.to);
	sd_buf out = SD_BUF_INIT;
	sd_write_node(&out, sd_doc_root(d), &wo);
	st = emit(&a, &out);
	sd_buf_release(&out);
	sd_doc_free(d);
	return st;
}
