/* main_explorer.c - "specdiff LEFT RIGHT" on a terminal: options, loading
 * both sides (cli/common.h), the diff, then the explorer (ui.h).  The only
 * tui/ file that uses cli/ code; unit tests link every other tui object. */
#include "explorer.h"

#include <getopt.h>
#include <stdarg.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../cli/advice.h"
#include "../cli/common.h"
#include "specdiff/diff.h"
#include "specdiff/focus.h"
#include "specdiff/gvisor.h"
#include "specdiff/schema.h"
#include "ui.h"

enum {
	OPT_MODE = SD_OPT_COMMON_END + 100,
	OPT_THEME,
	OPT_BENCH,
	OPT_IGNORE,
	OPT_ONLY,
	OPT_RESTORE_RELEVANT,
};

static const struct option longopts[] = {
	SD_CLI_COMMON_LONGOPTS,
	{ "mode", required_argument, NULL, OPT_MODE },
	{ "theme", required_argument, NULL, OPT_THEME },
	{ "bench-frames", required_argument, NULL, OPT_BENCH },   /* hidden: timings */
	{ "ignore", required_argument, NULL, OPT_IGNORE },
	{ "only", required_argument, NULL, OPT_ONLY },
	{ "restore-relevant", optional_argument, NULL, OPT_RESTORE_RELEVANT },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static const char usage[] =
"usage: specdiff [OPTIONS] LEFT RIGHT\n"
"Opens the explorer on a terminal (see 'specdiff --help' for inputs).\n"
"  --mode strict|semantic   starting mode (m toggles)\n"
"  --theme NAME             colour theme (t cycles; also $SPECDIFF_THEME and\n"
"                           the configuration file's set theme)\n"
"  --ignore PATTERN         leave differences under PATTERN out (repeatable;\n"
"                           i shows them dimmed)\n"
"  --only PATTERN           keep only differences under some PATTERN (repeatable)\n"
"  --restore-relevant[=PROFILE]  keep only what runsc's restore check compares\n"
"                           (R toggles; default profile: the newest)\n"
"  --swap                   LEFT and RIGHT the other way round\n"
"  --schema, --format-in, --doc, --container, --color, --no-color, --quiet\n"
"  --bench-frames N         draw N frames off-screen and print timings\n"
"Press ? in the explorer for its keys.\n";

typedef struct opts {
	sd_cli_common common;
	sd_explorer_args ex;
	sd_keys keys;
} opts;

/* --ignore, --only, --restore-relevant: as "specdiff diff" takes them. */
static int parse_focus(opts *o, int c, const char *arg)
{
	sd_error err;
	sd_error_clear(&err);
	if (c == OPT_RESTORE_RELEVANT) {
		const sd_profile *p = !arg ? sd_focus_default_profile()
			: !strncmp(arg, "release-", 8) ? sd_gvisor_profile_for_release(arg)
			: sd_gvisor_profile_find(arg);
		if (!p)
			return sd_cli_usage(NULL, "--restore-relevant: unknown profile or release '%s' "
					    "(see specdiff check --help)", arg);
		o->ex.restore_profile = p;
		o->ex.restore_on = true;
		return -1;
	}
	bool ok = c == OPT_IGNORE ? sd_focus_add_ignore(o->ex.focus, arg, &err)
				  : sd_focus_add_only(o->ex.focus, arg, &err);
	if (!ok)
		return sd_cli_usage(NULL, "%s: %s", c == OPT_IGNORE ? "--ignore" : "--only", err.msg);
	return -1;
}

static int parse_mode(opts *o, const char *arg)
{
	if (!strcmp(arg, "strict"))
		o->ex.mode = SD_MODE_STRICT;
	else if (!strcmp(arg, "semantic"))
		o->ex.mode = SD_MODE_SEMANTIC;
	else
		return sd_cli_usage(NULL, "--mode takes strict or semantic, not '%s'", arg);
	return -1;
}

static int parse(opts *o, int argc, char **argv)
{
	int c;
	optind = 1;
	opterr = 0;   /* the message below names the option and a likely fix */
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		int r = sd_cli_common_opt(&o->common, NULL, c, optarg);
		if (r < 0)
			return 2;
		if (r > 0)
			continue;
		switch (c) {
		case OPT_MODE:
			if (parse_mode(o, optarg) >= 0)
				return 2;
			break;
		case OPT_IGNORE:
		case OPT_ONLY:
		case OPT_RESTORE_RELEVANT:
			if (parse_focus(o, c, optarg) >= 0)
				return 2;
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
			return sd_advice_unknown_option(NULL, argv[optind - 1]);
		}
	}
	if (argc - optind != 2)
		return sd_cli_usage(NULL, "needs two inputs, LEFT and RIGHT");
	if (o->ex.restore_on) {   /* runsc decodes both sides into specs.Spec */
		if (o->common.schema == SD_SCHEMA_NONE)
			return sd_cli_usage(NULL, "--restore-relevant compares specs as runsc does; "
					    "it cannot be used with --schema none");
		o->common.schema = SD_SCHEMA_OCI;
	}
	return -1;
}

/* ---- the configuration file: mode, theme, ignore lines, binds ---- */

static char notice[1200];

static void keep_notice(const char *line)
{
	size_t n = strlen(notice);
	if (n + 4 < sizeof(notice))
		snprintf(notice + n, sizeof(notice) - n, "%s%s", n ? "; " : "", line);
	else if (!strstr(notice, " ..."))
		snprintf(notice + sizeof(notice) - 5, 5, " ...");
}

/* On standard error (seen after the explorer ends) and the status line. */
static void add_notice(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void add_notice(const char *fmt, ...)
{
	char line[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	fprintf(stderr, "specdiff: %s\n", line);
	keep_notice(line);
}

/* Defaults before the command line: the config's mode and ignore lines. */
static void config_defaults(opts *o)
{
	const sd_config *cfg = sd_cli_config();   /* prints its own errors */
	for (size_t i = 0; i < cfg->nerrors; i++) {
		char line[600];
		sd_error_format(&cfg->errors[i], line, sizeof(line));
		keep_notice(line);
	}
	if (cfg->mode.value)
		o->ex.mode = !strcmp(cfg->mode.value, "semantic") ? SD_MODE_SEMANTIC : SD_MODE_STRICT;
	for (size_t i = 0; i < cfg->nignores; i++) {
		sd_error err;
		sd_error_clear(&err);
		if (!sd_focus_add_ignore(o->ex.focus, cfg->ignores[i].pattern, &err))
			add_notice("%s:%u: ignore %s: %s", cfg->path, cfg->ignores[i].line,
				   cfg->ignores[i].pattern, err.msg);
	}
}

/* After the command line: the theme (--theme and $SPECDIFF_THEME win) and
 * the key binds, in file order. */
static void config_after(opts *o)
{
	const sd_config *cfg = sd_cli_config();
	const char *env = getenv("SPECDIFF_THEME");
	if (!o->ex.theme && !(env && *env) && cfg->theme.value)
		o->ex.theme = cfg->theme.value;
	for (size_t i = 0; i < cfg->nbinds; i++) {
		char err[300];
		if (sd_keys_bind(&o->keys, cfg->binds[i].key, cfg->binds[i].action, err, sizeof(err)))
			add_notice("%s:%u: %s", cfg->path, cfg->binds[i].line, err);
	}
	o->ex.keymap = &o->keys;
}

static bool pattern_from_config(const char *pattern)
{
	const sd_config *cfg = sd_cli_config();
	for (size_t i = 0; i < cfg->nignores; i++)
		if (!strcmp(cfg->ignores[i].pattern, pattern))
			return true;
	return false;
}

/* A typo in a pattern should not silently hide nothing (the config's
 * patterns apply to every pair of files: no warning for those). */
static void warn_unmatched(const opts *o, const sd_session *s)
{
	enum { MAX_SHOWN = 32 };
	const char *pats[MAX_SHOWN];
	bool only[MAX_SHOWN];
	const sd_side *side = s->side;
	const sd_goview *v[2];
	for (int i = 0; i < 2; i++)
		v[i] = sd_session_is_oci(s) ? side[i].view : NULL;
	size_t n = sd_focus_unmatched(o->ex.focus, side[0].doc, v[0], side[1].doc, v[1], pats, only, MAX_SHOWN);
	for (size_t i = 0; i < n && i < MAX_SHOWN; i++)
		if (only[i] || !pattern_from_config(pats[i]))
			add_notice("warning: %s %s matches nothing in either document",
				   only[i] ? "--only" : "--ignore", pats[i]);
}

typedef struct reload_ctx {
	const sd_session *session;
	const char *input[2];
} reload_ctx;

/* r, E and w load a side again as it was loaded first, decoded with the
 * pair's root type (notes are not printed: the terminal belongs to the
 * explorer). */
static int reload_side(void *ctx, int side, sd_doc **doc, sd_goview **view, char *err, size_t errsize)
{
	const reload_ctx *rc = ctx;
	sd_error e;
	err[0] = '\0';
	sd_error_clear(&e);
	*doc = sd_cli_load_doc(rc->input[side], &rc->session->opts.load, &e);
	if (!*doc) {
		sd_error_format(&e, err, errsize);
		return -1;
	}
	*view = sd_goview_decode(*doc, rc->session->root, &e);
	if (sd_goview_error(*view))
		sd_error_format(&e, err, errsize);
	return 0;
}

int sd_explorer_main(int argc, char **argv)
{
	opts o;
	memset(&o, 0, sizeof(o));
	o.ex.t_start = sd_now();
	setlocale(LC_ALL, "");   /* wide characters and the UTF-8 gutter marks */
	sd_cli_common_init(&o.common);
	o.ex.focus = sd_focus_new();
	sd_keys_init(&o.keys);
	config_defaults(&o);
	int rc = parse(&o, argc, argv);
	if (rc >= 0) {
		sd_focus_free(o.ex.focus);
		sd_keys_release(&o.keys);
		return rc;
	}
	config_after(&o);
	if (o.common.swap) {
		char *t = argv[optind];
		argv[optind] = argv[optind + 1];
		argv[optind + 1] = t;
	}
	sd_session session;
	if (sd_cli_session_open(&session, &o.common, false, argv[optind], argv[optind + 1]) < 0) {
		for (int i = 0; i < 2; i++)
			if (!session.side[i].doc) {
				sd_cli_error(&session.side[i].err);
				break;
			}
		sd_session_close(&session);
		sd_focus_free(o.ex.focus);
		sd_keys_release(&o.keys);
		return 2;
	}
	sd_side *side = session.side;
	/* Go keeps the partially decoded value: explore it, exit 2 as diff does */
	static char trouble[1200];
	for (int i = 1; i >= 0; i--)
		if (side[i].decode_failed) {
			sd_cli_error(&side[i].err);
			sd_error_format(&side[i].err, trouble, sizeof(trouble));
			o.ex.trouble = trouble;
		}
	sd_diff_opts dopts = { o.ex.mode, 0 };
	sd_diff *d = sd_diff_compute_lazy(side[0].doc, side[0].view, side[1].doc, side[1].view, &dopts);
	for (int i = 0; i < 2; i++) {
		o.ex.doc[i] = side[i].doc;
		o.ex.view[i] = side[i].view;
	}
	o.ex.diff = d;
	o.ex.session = &session;
	warn_unmatched(&o, &session);
	o.ex.notice = notice[0] ? notice : NULL;
	reload_ctx rctx = { &session, { argv[optind], argv[optind + 1] } };
	o.ex.input[0] = rctx.input[0];
	o.ex.input[1] = rctx.input[1];
	o.ex.reload = reload_side;
	o.ex.reload_ctx = &rctx;
	o.ex.color = sd_cli_use_color(&o.common, stdout) || !strcmp(o.common.color, "always");
	rc = sd_explorer_run(&o.ex);
	sd_diff_free(d);
	sd_session_close(&session);
	sd_focus_free(o.ex.focus);
	sd_keys_release(&o.keys);
	return rc;
}
