/* main_explorer.c - "specdiff LEFT RIGHT" on a terminal: options, loading
 * both sides (cli/common.h), the diff, then the explorer (ui.h).  The only
 * tui/ file that uses cli/ code; unit tests link every other tui object. */
#include "explorer.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../cli/common.h"
#include "specdiff/diff.h"
#include "ui.h"

enum {
	OPT_MODE = SD_OPT_COMMON_END + 100,
	OPT_THEME,
	OPT_BENCH,
};

static const struct option longopts[] = {
	SD_CLI_COMMON_LONGOPTS,
	{ "mode", required_argument, NULL, OPT_MODE },
	{ "theme", required_argument, NULL, OPT_THEME },
	{ "bench-frames", required_argument, NULL, OPT_BENCH },   /* hidden: timings */
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static const char usage[] =
"usage: specdiff [OPTIONS] LEFT RIGHT\n"
"Opens the explorer on a terminal (see 'specdiff --help' for inputs).\n"
"  --mode strict|semantic   starting mode (m toggles)\n"
"  --theme NAME             colour theme (t cycles; also $SPECDIFF_THEME)\n"
"  --schema, --format-in, --doc, --container, --color, --no-color, --quiet\n"
"  --bench-frames N         draw N frames off-screen and print timings\n"
"Press ? in the explorer for its keys.\n";

typedef struct opts {
	sd_cli_common common;
	sd_explorer_args ex;
} opts;

static int parse(opts *o, int argc, char **argv)
{
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		int r = sd_cli_common_opt(&o->common, NULL, c, optarg);
		if (r < 0)
			return 2;
		if (r > 0)
			continue;
		switch (c) {
		case OPT_MODE:
			if (!strcmp(optarg, "strict"))
				o->ex.mode = SD_MODE_STRICT;
			else if (!strcmp(optarg, "semantic"))
				o->ex.mode = SD_MODE_SEMANTIC;
			else
				return sd_cli_usage(NULL, "--mode takes strict or semantic, not '%s'", optarg);
			break;
		case OPT_THEME:
			o->ex.theme = optarg;
			break;
		case OPT_BENCH: {
			char *end;
			o->ex.bench_frames = strtol(optarg, &end, 10);
			if (*end || o->ex.bench_frames < 1 || o->ex.bench_frames > 10000000)
				return sd_cli_usage(NULL, "--bench-frames takes a count from 1, not '%s'", optarg);
			break;
		}
		case 'h':
			fputs(usage, stdout);
			return 0;
		default:
			return sd_cli_usage(NULL, "unknown option");
		}
	}
	if (argc - optind != 2)
		return sd_cli_usage(NULL, "needs two inputs, LEFT and RIGHT");
	return -1;
}

typedef struct reload_ctx {
	const sd_cli_common *common;
	const char *input[2];
} reload_ctx;

/* r, E and w load a side again exactly as it was loaded first (notes are
 * not printed: the terminal belongs to the explorer). */
static int reload_side(void *ctx, int side, sd_doc **doc, sd_goview **view, char *err, size_t errsize)
{
	const reload_ctx *rc = ctx;
	sd_cli_common quiet = *rc->common;
	quiet.quiet = true;
	sd_side s;
	err[0] = '\0';
	if (sd_side_load(&s, rc->input[side], &quiet) < 0) {
		sd_error_format(&s.err, err, errsize);
		return -1;
	}
	if (s.decode_failed)
		sd_error_format(&s.err, err, errsize);
	*doc = s.doc;
	*view = s.view;
	return 0;
}

int sd_explorer_main(int argc, char **argv)
{
	opts o;
	memset(&o, 0, sizeof(o));
	o.ex.t_start = sd_now();
	setlocale(LC_ALL, "");   /* wide characters and the UTF-8 gutter marks */
	sd_cli_common_init(&o.common);
	int rc = parse(&o, argc, argv);
	if (rc >= 0)
		return rc;
	sd_side side[2];
	for (int i = 0; i < 2; i++) {
		if (sd_side_load(&side[i], argv[optind + i], &o.common) < 0) {
			sd_cli_error(&side[i].err);
			for (int j = 0; j < i; j++)
				sd_side_release(&side[j]);
			return 2;
		}
	}
	/* Go keeps the partially decoded value: explore it, exit 2 as diff does */
	static char trouble[1200];
	for (int i = 1; i >= 0; i--)
		if (side[i].decode_failed) {
			sd_cli_error(&side[i].err);
			sd_error_format(&side[i].err, trouble, sizeof(trouble));
			o.ex.trouble = trouble;
		}
	sd_diff_opts dopts = { o.ex.mode, 0 };
	sd_diff *d = sd_diff_compute(side[0].doc, side[0].view, side[1].doc, side[1].view, &dopts);
	for (int i = 0; i < 2; i++) {
		o.ex.doc[i] = side[i].doc;
		o.ex.view[i] = side[i].view;
	}
	o.ex.diff = d;
	reload_ctx rctx = { &o.common, { argv[optind], argv[optind + 1] } };
	o.ex.input[0] = rctx.input[0];
	o.ex.input[1] = rctx.input[1];
	o.ex.reload = reload_side;
	o.ex.reload_ctx = &rctx;
	o.ex.color = sd_cli_use_color(&o.common, stdout) || !strcmp(o.common.color, "always");
	rc = sd_explorer_run(&o.ex);
	sd_diff_free(d);
	for (int i = 0; i < 2; i++)
		sd_side_release(&side[i]);
	return rc;
}
