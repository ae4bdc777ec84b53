/* cmd_diff.c - "specdiff diff": report the differences Go sees. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "common.h"
#include "specdiff/diff.h"
#include "specdiff/focus.h"
#include "specdiff/gvisor.h"
#include "specdiff/report.h"

static const char diff_help[] =
"usage: specdiff diff [OPTIONS] LEFT RIGHT\n"
"\n"
"Reports the differences between two specs as Go sees them after\n"
"json.Unmarshal into specs.Spec (or interface{} with --schema none).\n"
"\n"
"  --mode strict|semantic      strict: reflect.DeepEqual (default);\n"
"                              semantic: nil == empty, set-like lists unordered\n"
"  --format text|json|patch|html  text report, JSON report, an RFC 6902 patch\n"
"                              that turns LEFT's document into RIGHT's, or one\n"
"                              self-contained HTML page (both modes, Go facts)\n"
"  --schema oci|none|auto      decode as specs.Spec or interface{} (default auto)\n"
"  --spec-version VERSION      specs.Spec of runtime-spec VERSION (v1.2.1; an\n"
"                              unknown one lists those known); default: the\n"
"                              types of the newest profile's runsc\n"
"  --profile NAME, --runsc release-YYYYMMDD.N\n"
"                              specs.Spec as that profile's runsc decoded it\n"
"  --color auto|always|never   colour in the text report (NO_COLOR honoured)\n"
"  --no-cosmetic               leave cosmetic differences out of the text report\n"
"  --ignore PATTERN            leave differences under PATTERN out (repeatable)\n"
"  --only PATTERN              keep only differences under some --only PATTERN\n"
"                              (repeatable); a difference that holds a matching\n"
"                              node (nil against {\"sysctl\": {}}) is kept too\n"
"  --restore-relevant[=PROFILE]  keep only what runsc's restore check of PROFILE\n"
"                              (or release-YYYYMMDD.N) compares, with its\n"
"                              types; default: the newest profile\n"
"  --show-ignored              list the differences left out (text report)\n"
"  --swap                      LEFT and RIGHT the other way round\n"
"  --format-in, --doc, --container, --quiet   as for every command\n"
"\n"
"Classes: value (differs in both modes), nil-vs-empty and order-only\n"
"(differ in strict mode only), cosmetic (text only, never counted).\n"
"PATTERN is a JSON Pointer whose segments may be * (one key or index),\n"
"** (any depth, none included) or a glob inside a key (dev.gvisor.*);\n"
"~0 is ~, ~1 is /, ~2 a literal *.  A pattern covers its subtree.\n"
"Ignored differences are not counted and do not change the exit status;\n"
"the JSON report lists them under \"ignored\" and its verdicts describe the\n"
"rest.  A pattern that matches nothing in either document draws a warning.\n"
"Focus options do not apply to --format patch.\n"
"\n"
"Exit status: 0 equal in the chosen mode, 1 different, 2 trouble\n"
"(an input could not be loaded or Go could not decode it).\n";

enum {
	OPT_MODE = SD_OPT_COMMON_END + 1, OPT_FORMAT, OPT_NO_COSMETIC,
	OPT_SHOW_IGNORED, OPT_PROFILE, OPT_RUNSC,
};
enum out_format { OUT_TEXT, OUT_JSON, OUT_PATCH, OUT_HTML };

typedef struct diff_args {
	sd_cli_common common;
	sd_mode mode;
	enum out_format format;
	bool no_cosmetic;
	bool show_ignored;
	sd_focus *focus;         /* NULL until a focus option is given */
	const char *left, *right;
} diff_args;

static int parse_value(diff_args *a, int opt, const char *arg)
{
	if (opt == OPT_MODE) {
		if (!strcmp(arg, "strict"))
			a->mode = SD_MODE_STRICT;
		else if (!strcmp(arg, "semantic"))
			a->mode = SD_MODE_SEMANTIC;
		else
			return sd_cli_usage("diff", "--mode takes strict or semantic, not '%s'", arg), -1;
	} else {
		if (!strcmp(arg, "text"))
			a->format = OUT_TEXT;
		else if (!strcmp(arg, "json"))
			a->format = OUT_JSON;
		else if (!strcmp(arg, "patch"))
			a->format = OUT_PATCH;
		else if (!strcmp(arg, "html"))
			a->format = OUT_HTML;
		else
			return sd_cli_usage("diff", "--format takes text, json, patch or html, not '%s'", arg), -1;
	}
	return 0;
}

/* The configuration file's mode and ignore list are defaults that
 * command-line options override or extend. */
static int apply_config(diff_args *a)
{
	const sd_config *cfg = sd_cli_config();
	if (cfg->mode.value && parse_value(a, OPT_MODE, cfg->mode.value))
		return -1;
	sd_cli_focus_config(&a->focus);
	return 0;
}

/* Returns -1 to go on, else an exit status (sd_cli_options.own). */
static int own_option(void *args, int opt, const char *arg)
{
	diff_args *a = args;
	switch (opt) {
	case OPT_MODE:
	case OPT_FORMAT:
		return parse_value(a, opt, arg) ? 2 : -1;
	case OPT_NO_COSMETIC:
		a->no_cosmetic = true;
		break;
	case SD_OPT_IGNORE:
	case SD_OPT_ONLY:
	case SD_OPT_RESTORE_RELEVANT:
		return sd_cli_focus_opt(&a->focus, "diff", opt, arg) < 0 ? 2 : -1;
	case OPT_SHOW_IGNORED:
		a->show_ignored = true;
		break;
	case OPT_PROFILE:
		return sd_cli_types_of_profile(&a->common, "diff", arg) ? 2 : -1;
	case OPT_RUNSC:
		return sd_cli_types_of_release(&a->common, "diff", arg) ? 2 : -1;
	}
	return -1;
}

/* Returns -1 to go on, else an exit status. */
static int parse_args(diff_args *a, int argc, char **argv)
{
	static const struct option longopts[] = {
		SD_CLI_COMMON_LONGOPTS,
		{ "mode", required_argument, NULL, OPT_MODE },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "no-cosmetic", no_argument, NULL, OPT_NO_COSMETIC },
		SD_CLI_FOCUS_LONGOPTS,
		{ "show-ignored", no_argument, NULL, OPT_SHOW_IGNORED },
		{ "profile", required_argument, NULL, OPT_PROFILE },
		{ "runsc", required_argument, NULL, OPT_RUNSC },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const sd_cli_options options = { "diff", diff_help, ":h", longopts, own_option };
	memset(a, 0, sizeof(*a));
	sd_cli_common_init(&a->common);
	if (apply_config(a))
		return 2;
	int rc = sd_cli_parse_options(&options, argc, argv, &a->common, a);
	if (rc >= 0)
		return rc;
	if (argc - optind != 2)
		return sd_cli_usage("diff", "expected two inputs, LEFT and RIGHT (got %d)", argc - optind);
	if (a->focus && sd_focus_profile(a->focus)) {
		/* runsc decodes both sides into specs.Spec */
		if (a->common.schema == SD_SCHEMA_NONE)
			return sd_cli_usage("diff", "--restore-relevant compares specs as runsc does; it cannot be used with --schema none");
		a->common.schema = SD_SCHEMA_OCI;
		if (!a->common.oci_types)
			a->common.oci_types = sd_gvisor_profile_types(sd_focus_profile(a->focus));
	}
	if (a->format == OUT_PATCH && a->focus)
		return sd_cli_usage("diff", "--ignore, --only and --restore-relevant do not apply to --format patch");
	a->left = argv[optind];
	a->right = argv[optind + 1];
	sd_cli_swap(&a->common, &a->left, &a->right);
	return -1;
}

static int write_out(sd_buf *b)
{
	size_t n = fwrite(b->data ? b->data : "", 1, b->len, stdout);
	if (fflush(stdout) || n != b->len) {
		perror("specdiff diff: writing the report");
		return -1;
	}
	return 0;
}

static const char *side_error(const sd_side *s, char *buf, size_t size)
{
	if (s->doc && !s->decode_failed)
		return NULL;
	if (s->doc && sd_goview_error(s->view))
		return sd_goview_error(s->view);
	sd_error_format(&s->err, buf, size);
	return buf;
}

/* A typo in a pattern should not silently hide nothing. */
static void warn_unmatched(const sd_focus *f, bool oci, const sd_side *l, const sd_side *r)
{
	enum { MAX_SHOWN = 32 };
	const char *pats[MAX_SHOWN];
	bool only[MAX_SHOWN];
	/* an interface{} view has the source's paths: walking it adds nothing */
	const sd_goview *lv = oci ? l->view : NULL;
	const sd_goview *rv = oci ? r->view : NULL;
	size_t n = sd_focus_unmatched(f, l->doc, lv, r->doc, rv, pats, only, MAX_SHOWN);
	/* A per-user ignore list applies to every pair of files: a pattern
	 * of it that matches nothing here is no typo worth a warning. */
	for (size_t i = 0; i < n && i < MAX_SHOWN; i++)
		if (only[i] || !sd_cli_focus_from_config(pats[i]))
			fprintf(stderr, "specdiff: warning: %s %s matches nothing in either document\n",
				only[i] ? "--only" : "--ignore", pats[i]);
	if (n > MAX_SHOWN)
		fprintf(stderr, "specdiff: warning: ... and %zu more patterns that match nothing\n",
			n - MAX_SHOWN);
}

static int report(const diff_args *a, sd_session *s)
{
	sd_side *l = &s->side[0], *r = &s->side[1];
	char lbuf[2048], rbuf[2048];
	sd_report_opts o;
	sd_report_opts_init(&o);
	o.mode = a->mode;
	o.color = sd_cli_use_color(&a->common, stdout);
	o.show_cosmetic = !a->no_cosmetic;
	o.show_ignored = a->show_ignored;
	o.lname = a->left;
	o.rname = a->right;
	o.lerr = side_error(l, lbuf, sizeof(lbuf));
	o.types = sd_schema_version_of(a->common.oci_types);
	o.rerr = side_error(r, rbuf, sizeof(rbuf));
	sd_buf image = SD_BUF_INIT;
	sd_session_describe_image(s, &image);
	o.image = image.len ? image.data : NULL;
	o.runsc_version = sd_session_runsc_version(s);
	bool loaded = l->doc && r->doc;
	sd_diff *d = NULL;
	if (loaded) {
		sd_diff_opts dopts = { a->mode, 0 };
		/* the reports read items through sd_diff_item_at */
		d = sd_diff_compute_lazy(l->doc, l->view, r->doc, r->view, &dopts);
	}
	if (d && a->focus) {
		warn_unmatched(a->focus, sd_session_is_oci(s), l, r);
		sd_diff_apply_focus(d, a->focus);
	}
	sd_buf out = SD_BUF_INIT;
	if (a->format == OUT_JSON)
		sd_report_json(&out, d, &o);
	else if (a->format == OUT_HTML)
		sd_cli_diff_html(&out, d, a->mode, (const char *const[]){ o.lname, o.rname },
				 (const char *const[]){ o.lerr, o.rerr }, s);
	else if (loaded && a->format == OUT_PATCH)
		sd_report_patch(&out, sd_doc_root(l->doc), sd_doc_root(r->doc), 0);
	else if (loaded)
		sd_report_text(&out, d, &o);
	int status = d && sd_diff_equal(d, a->mode) ? 0 : 1;
	if (write_out(&out))
		status = 2;
	sd_buf_release(&out);
	sd_buf_release(&image);
	sd_diff_free(d);
	return status;
}

int sd_cmd_diff(int argc, char **argv)
{
	diff_args a;
	int st = parse_args(&a, argc, argv);
	if (st >= 0) {
		sd_focus_free(a.focus);
		return st;
	}
	sd_session s;
	int load = sd_cli_session_open(&s, &a.common, false, a.left, a.right);
	for (int i = 0; i < 2; i++)
		if (!s.side[i].doc || s.side[i].decode_failed)
			sd_cli_error(&s.side[i].err);
	st = report(&a, &s);
	if (load || s.side[0].decode_failed || s.side[1].decode_failed)
		st = 2;
	sd_session_close(&s);
	sd_focus_free(a.focus);
	return st;
}
