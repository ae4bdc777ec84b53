/*
 * cmd_explain_go.c - specdiff explain --go LEFT RIGHT [POINTER]
 *
 * Writes a Go program (gofacts.h, sd_goprog_write) that reproduces, with
 * real Go, what specdiff says Go holds at one node: POINTER, or the first
 * difference that counts (the first cosmetic one when none counts).
 * Exit 0 when written, 1 when the documents have no difference to show,
 * 2 on trouble.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "common.h"
#include "specdiff/diff.h"
#include "specdiff/gofacts.h"

#define CMD "explain --go"

static const char help_text[] =
"usage: specdiff explain --go [OPTIONS] LEFT RIGHT [POINTER]\n"
"\n"
"Writes to standard output a self-contained Go program (standard library only,\n"
"for `go run` or the Go playground) that decodes both specs with the specs-go\n"
"types along the path and prints reflect.DeepEqual at the node and, for each\n"
"side, %T, nil, len, %v, %#v, json.Marshal of it and of the struct holding it:\n"
"the facts of `specdiff diff --format json`.  POINTER (a JSON Pointer such as\n"
"/linux/sysctl) picks the node; without it, the first difference.\n"
"\n"
"  --format-in, --doc, --schema, --quiet: as for every command\n"
"\n"
"Exit status: 0 written, 1 no difference to show, 2 trouble.\n";

bool sd_explain_go_wanted(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "--go"))
			return true;
	return false;
}

static int own_options(void *args, int opt, const char *arg)
{
	(void)args;
	(void)arg;
	return opt == 'g' ? -1 : 2;
}

/* The first item that counts in strict mode, else the first one. */
static const sd_diff_item *first_item(const sd_diff *d)
{
	for (size_t i = 0; i < sd_diff_count(d); i++)
		if (sd_class_counts(sd_diff_item_at(d, i)->cls, SD_MODE_STRICT))
			return sd_diff_item_at(d, i);
	return sd_diff_count(d) ? sd_diff_item_at(d, 0) : NULL;
}

static int write_program(const sd_diff *d, const char *pointer)
{
	const sd_diff_item *it = NULL;
	const char *path = pointer;
	if (pointer) {
		const sd_pair *p = sd_diff_find(d, pointer);
		it = p ? p->item : NULL;
	} else if ((it = first_item(d)) != NULL) {
		path = it->path;
	} else {
		fprintf(stderr, "specdiff: %s: the documents hold the same Go values: "
			"give a POINTER to show one node\n", CMD);
		return 1;
	}
	sd_buf out = SD_BUF_INIT;
	int rc = sd_goprog_write(&out, d, path, it ? it->cls : SD_CLASS_NONE, it ? it->reason : NULL);
	if (rc == 0)
		fwrite(out.data, 1, out.len, stdout);
	else
		fprintf(stderr, "specdiff: %s: %s names a member specs-go does not know: "
			"json.Unmarshal drops it, so Go holds no value there\n", CMD, path);
	sd_buf_release(&out);
	return rc ? 2 : 0;
}

int sd_cmd_explain_go(int argc, char **argv)
{
	static const struct option longopts[] = {
		SD_CLI_COMMON_LONGOPTS,
		{ "go", no_argument, NULL, 'g' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const sd_cli_options options = { CMD, help_text, ":h", longopts, own_options };
	sd_cli_common c;
	sd_cli_common_init(&c);
	int st = sd_cli_parse_options(&options, argc, argv, &c, NULL);
	if (st >= 0)
		return st;
	int nargs = argc - optind;
	if (nargs != 2 && nargs != 3)
		return sd_cli_usage(CMD, "expected LEFT RIGHT and optionally POINTER (got %d arguments)", nargs);
	const char *a = argv[optind], *b = argv[optind + 1];
	sd_cli_swap(&c, &a, &b);
	sd_session s;
	if (sd_cli_session_open(&s, &c, false, a, b) < 0) {
		sd_cli_error(&s.side[s.side[0].doc ? 1 : 0].err);
		st = 2;
	} else {
		sd_diff_opts o = { SD_MODE_STRICT, 0 };
		sd_diff *d = sd_diff_compute(s.side[0].doc, s.side[0].view, s.side[1].doc,
					     s.side[1].view, &o);
		st = write_program(d, nargs == 3 ? argv[optind + 2] : NULL);
		sd_diff_free(d);
	}
	sd_session_close(&s);
	return st;
}
