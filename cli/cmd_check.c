/* cmd_check.c - "specdiff check": predicts runsc's restore-spec verdicts. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "advice.h"
#include "commands.h"
#include "common.h"
#include "specdiff/base.h"
#include "specdiff/base.h"
#include "specdiff/gvisor.h"
#include "specdiff/image.h"
#include "specdiff/util.h"

static const char check_help[] =
"usage: specdiff check [OPTIONS] CHECKPOINT RESTORE\n"
"\n"
"Runs the restore validators of gVisor's runsc (one profile per behaviour\n"
"change in its history) on the checkpointed spec and the restore spec, and\n"
"prints each profile's verdict with runsc's exact error text.\n"
"\n"
"  --profile NAME[,NAME]|all   profiles to run (repeatable; default all)\n"
"  --runsc release-YYYYMMDD.N  the profile that runsc release used\n"
"  --container NAME            container name in messages; picks the container\n"
"                              of a checkpoint image (default: the image's, or\n"
"                              __no_name_0 for a spec file)\n"
"  --as-given                  compare CHECKPOINT as written, without the JSON\n"
"                              round trip runsc applies to its stored copy\n"
"  --format text|json          report format (default text)\n"
"  --pairs FILE                the upgrade gate: one CHECKPOINT RESTORE [NAME]\n"
"                              per line (# comments); a checkpoint image\n"
"                              without NAME is every container in it, each\n"
"                              against RESTORE/NAME/config.json (or RESTORE\n"
"                              itself for a one-container image); one result\n"
"                              line per pair (JSON lines with --format json),\n"
"                              then a summary by verdict and by failing field\n"
"  --list-profiles             list the profiles: release window, the specs-go\n"
"                              types its runsc decoded with, message format,\n"
"                              what changed\n"
"  --swap                      CHECKPOINT and RESTORE were given the other way\n"
"                              round (check warns when that looks likely)\n"
"  --format-in, --doc, --quiet  as for every command\n"
"\n"
"CHECKPOINT may be a spec file or a gVisor checkpoint image (checkpoint.img\n"
"or its directory); the image's stored copy is used as it is.\n"
"Exit status: 0 every selected profile passes (warnings allowed), 1 one\n"
"fails, 2 trouble (an input could not be loaded or decoded; with --pairs,\n"
"a pair that could not be loaded, named on standard error).\n";

enum { OPT_PROFILE = SD_OPT_COMMON_END + 1, OPT_RUNSC, OPT_AS_GIVEN, OPT_FORMAT, OPT_LIST, OPT_PAIRS };

typedef struct check_args {
	sd_cli_common common;
	bool selected[32];
	bool any_selected;
	bool as_given, json, list;
	const char *pairs;         /* --pairs FILE */
	const char *beyond;        /* a --runsc release newer than every window */
	const char *left, *right;
} check_args;

static int select_profiles(check_args *a, const char *arg)
{
	char *copy = sd_xstrdup(arg), *save = NULL;
	int rc = 0;
	for (char *name = strtok_r(copy, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
		if (!strcmp(name, "all")) {
			for (size_t i = 0; i < sd_gvisor_profile_count(); i++)
				a->selected[i] = true;
		} else {
			const sd_profile *p = sd_gvisor_profile_find(name);
			if (!p) {
				rc = sd_cli_usage("check", "unknown profile '%s' (see --list-profiles)", name);
				break;
			}
			for (size_t i = 0; i < sd_gvisor_profile_count(); i++)
				if (sd_gvisor_profile_at(i) == p)
					a->selected[i] = true;
		}
		a->any_selected = true;
	}
	free(copy);
	return rc;
}

static int select_release(check_args *a, const char *arg)
{
	const sd_profile *p = sd_gvisor_profile_for_release(arg);
	if (!p)
		return sd_cli_usage("check", "--runsc takes a release tag from %s on, like release-20250101.0, not '%s'",
				    sd_gvisor_profile_at(0)->first_release, arg);
	if (sd_gvisor_release_beyond(arg))
		a->beyond = arg;
	for (size_t i = 0; i < sd_gvisor_profile_count(); i++)
		if (sd_gvisor_profile_at(i) == p)
			a->selected[i] = true;
	a->any_selected = true;
	return 0;
}

/* Returns -1 to go on, else an exit status (sd_cli_options.own). */
static int own_option(void *args, int opt, const char *arg)
{
	check_args *a = args;
	switch (opt) {
	case OPT_PROFILE: return select_profiles(a, arg) ? 2 : -1;
	case OPT_RUNSC: return select_release(a, arg) ? 2 : -1;
	case OPT_AS_GIVEN: a->as_given = true; break;
	case OPT_LIST: a->list = true; break;
	case OPT_PAIRS: a->pairs = arg; break;
	case OPT_FORMAT:
		if (strcmp(arg, "text") && strcmp(arg, "json"))
			return sd_cli_usage("check", "--format takes text or json, not '%s'", arg);
		a->json = !strcmp(arg, "json");
		break;
	}
	return -1;
}

/* Returns -1 to go on, else an exit status. */
static int parse_args(check_args *a, int argc, char **argv)
{
	static const struct option longopts[] = {
		SD_CLI_COMMON_LONGOPTS,
		{ "profile", required_argument, NULL, OPT_PROFILE },
		{ "runsc", required_argument, NULL, OPT_RUNSC },
		{ "as-given", no_argument, NULL, OPT_AS_GIVEN },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "list-profiles", no_argument, NULL, OPT_LIST },
		{ "pairs", required_argument, NULL, OPT_PAIRS },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const sd_cli_options options = { "check", check_help, ":h", longopts, own_option };
	memset(a, 0, sizeof(*a));
	sd_cli_common_init(&a->common);
	int rc = sd_cli_parse_options(&options, argc, argv, &a->common, a);
	if (rc >= 0)
		return rc;
	if (a->list)
		return -1;
	if (a->common.schema == SD_SCHEMA_NONE)
		return sd_cli_usage("check", "runsc decodes specs as specs.Spec; --schema none does not apply");
	a->common.schema = SD_SCHEMA_OCI;
	if (a->common.oci_types)
		return sd_cli_usage("check", "each profile decodes with the types its runsc was built with; --spec-version does not apply");
	if (a->pairs && argc - optind != 0)
		return sd_cli_usage("check", "--pairs FILE takes the pairs from FILE, not from the command line");
	if (!a->pairs && argc - optind != 2)
		return sd_cli_usage("check", "expected two inputs, CHECKPOINT and RESTORE (got %d)", argc - optind);
	if (!a->pairs) {
		a->left = argv[optind];
		a->right = argv[optind + 1];
		sd_cli_swap(&a->common, &a->left, &a->right);
	}
	const sd_config *cfg = sd_cli_config();
	if (!a->any_selected && cfg->profile.value && select_profiles(a, cfg->profile.value))
		return 2;
	if (!a->any_selected)
		for (size_t i = 0; i < sd_gvisor_profile_count(); i++)
			a->selected[i] = true;
	return -1;
}

/* ---- reports ---- */

typedef struct check_run {
	const char *container;
	const char *runsc_version;   /* the checkpoint image's; NULL for a file */
	sd_buf runsc;                /* sd_session_describe_runsc */
	const char *beyond;
	bool roundtrip;
	bool color;              /* --color always, or auto on a terminal */
	size_t n;
	const sd_profile *profiles[32];
	sd_check_result results[32];
} check_run;

static void window(sd_buf *b, const sd_profile *p)
{
	if (!strcmp(p->first_release, p->last_release))
		sd_buf_adds(b, p->first_release);
	else
		sd_buf_addf(b, "%s .. %s", p->first_release, p->last_release);
}

static bool decode_failed(const sd_check_result *r)
{
	return r->decode_checkpoint || r->decode_restore;
}

static const char *verdict(const sd_check_result *r)
{
	return decode_failed(r) ? "FAIL (cannot decode)"
	       : !r->pass ? "FAIL" : r->nwarnings ? "pass with warnings" : "PASS";
}

/* "fails up to release-20241202.0, passes from release-20241210.0" */
static void summary_line(sd_buf *b, const check_run *cr)
{
	size_t runs = 1;
	for (size_t i = 1; i < cr->n; i++)
		runs += cr->results[i].pass != cr->results[i - 1].pass;
	if (cr->n == 1) {
		sd_buf_addf(b, "%s in %s", cr->results[0].pass ? "passes" : "fails",
			    cr->profiles[0]->name);
	} else if (runs == 1) {
		sd_buf_addf(b, "%s in every profile checked (%s .. %s)",
			    cr->results[0].pass ? "passes" : "fails",
			    cr->profiles[0]->first_release, cr->profiles[cr->n - 1]->last_release);
	} else if (runs == 2) {
		size_t split = 1;
		while (cr->results[split].pass == cr->results[0].pass)
			split++;
		sd_buf_addf(b, "%s up to %s, %s from %s",
			    cr->results[0].pass ? "passes" : "fails",
			    cr->profiles[split - 1]->last_release,
			    cr->results[0].pass ? "fails" : "passes",
			    cr->profiles[split]->first_release);
	} else {
		sd_buf_adds(b, "fails in");
		for (size_t i = 0; i < cr->n; i++)
			if (!cr->results[i].pass)
				sd_buf_addf(b, " %s", cr->profiles[i]->name);
		sd_buf_adds(b, "; passes in the others");
	}
}

static void text_details(sd_buf *b, const check_run *cr)
{
	for (size_t i = 0; i < cr->n; i++) {
		const sd_check_result *r = &cr->results[i];
		if (!r->nerrors && !r->nwarnings && !r->nnext && !decode_failed(r))
			continue;
		sd_buf_addf(b, "\n%s (", cr->profiles[i]->name);
		window(b, cr->profiles[i]);
		sd_buf_adds(b, "):\n");
		if (r->decode_checkpoint)
			sd_buf_addf(b, "  cannot decode the checkpoint spec with specs-go %s: %s\n",
				    cr->profiles[i]->specs_go, r->decode_checkpoint);
		if (r->decode_restore)
			sd_buf_addf(b, "  cannot decode the restore spec with specs-go %s: %s\n",
				    cr->profiles[i]->specs_go, r->decode_restore);
		if (r->nerrors > 1)
			sd_buf_addf(b, "  runsc iterates a Go map here: any of these %zu errors can come first\n",
				    r->nerrors);
		/* runsc's messages quote the specs' values (term.h) */
		size_t at = b->len;
		for (size_t k = 0; k < r->nerrors; k++)
			sd_buf_addf(b, "  error: %s\n", r->errors[k]);
		for (size_t k = 0; k < r->nwarnings; k++)
			sd_buf_addf(b, "  warning: %s\n", r->warnings[k]);
		if (r->nnext)
			sd_buf_adds(b, "  next, once that is fixed (runsc stops at its first error; these are what\n"
				       "  the later checks find on the same specs):\n");
		for (size_t k = 0; k < r->nnext; k++)
			sd_buf_addf(b, "    then%s %s\n", r->next_is_warning[k] ? " (a warning):" : ":", r->next[k]);
		sd_buf_escape_from(b, at, true);
	}
}

static void text_report(sd_buf *b, const check_run *cr)
{
	sd_buf_adds(b, "container: ");
	sd_buf_add_safe(b, cr->container, strlen(cr->container), false);  /* from an image */
	if (cr->runsc.len)
		sd_buf_addf(b, "\nimage: %s", cr->runsc.data);
	sd_buf_addf(b, "\ncheckpoint: %s\n\n",
		    cr->roundtrip ? "after runsc's JSON round trip (empty omitempty maps and lists become nil)"
				  : "compared as given");
	sd_buf_addf(b, "%-18s %-44s %s\n", "PROFILE", "RUNSC RELEASES", "VERDICT");
	for (size_t i = 0; i < cr->n; i++) {
		sd_buf w = SD_BUF_INIT;
		window(&w, cr->profiles[i]);
		const char *on = !cr->color ? "" : cr->results[i].pass ? "\033[32m" : "\033[1;31m";
		sd_buf_addf(b, "%-18s %-44s %s%s%s", cr->profiles[i]->name, w.data, on,
			    verdict(&cr->results[i]), *on ? "\033[0m" : "");
		if (cr->results[i].nerrors > 1)
			sd_buf_addf(b, " (%zu possible errors)", cr->results[i].nerrors);
		sd_buf_addc(b, '\n');
		sd_buf_release(&w);
	}
	text_details(b, cr);
	sd_buf_adds(b, "\nverdict: ");
	summary_line(b, cr);
	sd_buf_addc(b, '\n');
}

static void json_strings(sd_buf *b, char **s, size_t n)
{
	sd_buf_addc(b, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			sd_buf_adds(b, ", ");
		sd_buf_add_json_string(b, s[i], strlen(s[i]));
	}
	sd_buf_addc(b, ']');
}

static void json_str_or_null(sd_buf *b, const char *s)
{
	if (s)
		sd_buf_add_json_string(b, s, strlen(s));
	else
		sd_buf_adds(b, "null");
}

/* "fields" (of errors, then warnings) and "next": the findings past the first error. */
static void json_next(sd_buf *b, const sd_check_result *r)
{
	sd_buf_adds(b, ", \"fields\": [");
	for (size_t k = 0; k < r->nerrors + r->nwarnings; k++) {
		const char *f = k < r->nerrors ? r->error_fields[k] : r->warning_fields[k - r->nerrors];
		sd_buf_addf(b, "%s\"%s\"", k ? ", " : "", f);
	}
	sd_buf_adds(b, "], \"next\": [");
	for (size_t k = 0; k < r->nnext; k++) {
		sd_buf_addf(b, "%s{\"field\": \"%s\", \"warning\": %s, \"message\": ", k ? ", " : "",
			    r->next_fields[k], r->next_is_warning[k] ? "true" : "false");
		sd_buf_add_json_string(b, r->next[k], strlen(r->next[k]));
		sd_buf_addc(b, '}');
	}
	sd_buf_addc(b, ']');
}

static void json_beyond(sd_buf *b, const char *release)
{
	const sd_profile *p = sd_gvisor_profile_for_release(release);
	sd_buf_adds(b, ", \"newer_than_profiles\": {\"release\": ");
	json_str_or_null(b, release);
	sd_buf_addf(b, ", \"profile\": \"%s\", \"last_release\": \"%s\"}", p->name, p->last_release);
}

static void json_report(sd_buf *b, const check_run *cr)
{
	sd_buf_adds(b, "{\"container\": ");
	sd_buf_add_json_string(b, cr->container, strlen(cr->container));
	sd_buf_addf(b, ", \"roundtrip\": %s", cr->roundtrip ? "true" : "false");
	sd_buf_adds(b, ", \"runsc_version\": ");
	if (cr->runsc_version)
		sd_buf_add_json_string(b, cr->runsc_version, strlen(cr->runsc_version));
	else
		sd_buf_adds(b, "null");
	if (cr->beyond)
		json_beyond(b, cr->beyond);
	sd_buf_adds(b, ", \"profiles\": {");
	for (size_t i = 0; i < cr->n; i++) {
		const sd_check_result *r = &cr->results[i];
		sd_buf_addf(b, "%s\n  \"%s\": {\"types\": \"%s\", \"pass\": %s, \"errors\": ",
			    i ? "," : "", cr->profiles[i]->name, cr->profiles[i]->specs_go,
			    r->pass ? "true" : "false");
		json_strings(b, r->errors, r->nerrors);
		sd_buf_adds(b, ", \"warnings\": ");
		json_strings(b, r->warnings, r->nwarnings);
		json_next(b, r);
		if (decode_failed(r)) {
			sd_buf_adds(b, ", \"decode\": {\"checkpoint\": ");
			json_str_or_null(b, r->decode_checkpoint);
			sd_buf_adds(b, ", \"restore\": ");
			json_str_or_null(b, r->decode_restore);
			sd_buf_addc(b, '}');
		}
		sd_buf_addc(b, '}');
	}
	sd_buf_adds(b, "\n}}\n");
}

static int list_profiles(void)
{
	for (size_t i = 0; i < sd_gvisor_profile_count(); i++) {
		const sd_profile *p = sd_gvisor_profile_at(i);
		sd_buf w = SD_BUF_INIT;
		window(&w, p);
		printf("%-18s %-44s %-12s %-6s %s\n", p->name, w.data, p->specs_go,
		       p->format == SD_GVFMT_QUOTED ? "%q/%#v" : "%v", p->summary);
		sd_buf_release(&w);
	}
	return 0;
}

/* ---- running ---- */

static int write_out(const sd_buf *b)
{
	size_t n = fwrite(b->data ? b->data : "", 1, b->len, stdout);
	if (fflush(stdout) || n != b->len) {
		perror("specdiff check: writing the report");
		return -1;
	}
	return 0;
}

/* Runs the selected profiles; returns how many could decode both sides. */
static size_t run_profiles(const check_args *a, check_run *cr, sd_gvisor_pair *pair)
{
	size_t decoded = 0;
	for (size_t i = 0; i < sd_gvisor_profile_count(); i++) {
		if (!a->selected[i])
			continue;
		cr->profiles[cr->n] = sd_gvisor_profile_at(i);
		sd_gvisor_pair_check(pair, cr->profiles[cr->n], cr->container, &cr->results[cr->n]);
		decoded += !decode_failed(&cr->results[cr->n]);
		cr->n++;
	}
	return decoded;
}

/* No selected profile's runsc can read a side: say why, as a load error. */
static void report_undecodable(const check_run *cr, const check_args *a)
{
	const sd_check_result *r = &cr->results[0];
	const char *what = r->decode_checkpoint ? "checkpoint" : "restore";
	fprintf(stderr, "specdiff: %s: %s\n", r->decode_checkpoint ? a->left : a->right,
		r->decode_checkpoint ? r->decode_checkpoint : r->decode_restore);
	fprintf(stderr, "specdiff check: runsc cannot decode the %s spec %s, so it refuses the "
		"restore before any validator runs\n", what, r->decode_checkpoint ? a->left : a->right);
}

/* The engine's types cannot decode a side, so the usual advice (built on
 * them) cannot run: point at the differences a profile that fails on
 * decoded specs sees, with its types. */
static void undecodable_advice(sd_buf *b, const check_run *cr, const check_args *a)
{
	for (size_t i = 0; i < cr->n; i++) {
		const sd_check_result *r = &cr->results[i];
		if (r->pass || decode_failed(r))
			continue;
		sd_buf_addf(b, "\nfix: the windows marked \"cannot decode\" refuse the spec itself (fix the value "
			    "Go names above); %s fails on specs its specs-go %s types decode (specdiff diff "
			    "--spec-version %s compares them as those types see them)\n",
			    cr->profiles[i]->name, cr->profiles[i]->specs_go, cr->profiles[i]->specs_go);
		return;
	}
}

static int report(const check_args *a, check_run *cr, sd_gvisor_pair *pair,
		  const sd_side *ck, const sd_side *rs)
{
	int status = 0;
	if (run_profiles(a, cr, pair) == 0) {
		report_undecodable(cr, a);
		status = 2;
	} else {
		for (size_t i = 0; i < cr->n; i++)
			if (!cr->results[i].pass)
				status = 1;
		sd_buf b = SD_BUF_INIT;
		if (a->json)
			json_report(&b, cr);
		else
			text_report(&b, cr);
		if (status && !a->json && (ck->decode_failed || rs->decode_failed))
			undecodable_advice(&b, cr, a);
		if (status && !a->json && !ck->decode_failed && !rs->decode_failed) {
			sd_goview *rt = cr->roundtrip ? sd_goview_roundtrip(ck->view) : NULL;
			sd_buf_addc(&b, '\n');
			size_t at = b.len;   /* the advice quotes paths and values */
			sd_advice_check_fix(&b, ck, sd_goview_root(rt ? rt : ck->view), rs, cr->container,
					    a->common.load.container);
			sd_buf_escape_from(&b, at, true);
			sd_goview_free(rt);
		}
		if (write_out(&b))
			status = 2;
		sd_buf_release(&b);
	}
	for (size_t i = 0; i < cr->n; i++)
		sd_check_result_release(&cr->results[i]);
	return status;
}

/* ---- the upgrade gate: many pairs in one process ---- */

typedef struct gate_field {
	const char *field;  /* static: a validator field name */
	size_t n;
} gate_field;

typedef struct gate {
	const check_args *a;
	sd_buf out;
	size_t n, pass, warn, fail, trouble;
	gate_field fields[64];
	size_t nfields;
} gate;

static void count_field(gate *g, const char *field)
{
	for (size_t i = 0; i < g->nfields; i++)
		if (!strcmp(g->fields[i].field, field)) {
			g->fields[i].n++;
			return;
		}
	if (g->nfields < sizeof g->fields / sizeof g->fields[0])
		g->fields[g->nfields++] = (gate_field){ field, 1 };
}

/* The first failing profile's field ("(decode)" when its runsc cannot
 * read a side), or NULL when every profile passes. */
static const char *failing_field(const check_run *cr, const sd_profile **prof)
{
	for (size_t i = 0; i < cr->n; i++) {
		const sd_check_result *r = &cr->results[i];
		*prof = cr->profiles[i];
		if (decode_failed(r))
			return "(decode)";
		if (!r->pass)
			return r->error_fields[0];
	}
	return NULL;
}

static void gate_pair_line(gate *g, size_t line, const char *ck, const char *rs,
			   const char *name, const check_run *cr, const char *trouble)
{
	const sd_profile *p = NULL;
	const char *field = cr ? failing_field(cr, &p) : NULL;
	bool warned = false;
	for (size_t i = 0; cr && i < cr->n; i++)
		warned |= cr->results[i].nwarnings > 0;
	const char *verdict = trouble ? "error" : field ? "fail" : warned ? "warn" : "pass";
	g->n++;
	if (trouble)
		g->trouble++;
	else if (field)
		g->fail++, count_field(g, field);
	else if (warned)
		g->warn++;
	else
		g->pass++;
	if (!g->a->json) {
		sd_buf_addf(&g->out, "%-5s %s %s%s%s", trouble ? "ERROR" : field ? "FAIL" : warned ? "WARN" : "PASS",
			    ck, rs, name ? " " : "", name ? name : "");
		if (field)
			sd_buf_addf(&g->out, "  (%s: %s)", p->name, field);
		if (trouble)
			sd_buf_addf(&g->out, "  (%s)", trouble);
		sd_buf_addc(&g->out, '\n');
		return;
	}
	sd_buf_addf(&g->out, "{\"line\": %zu, \"checkpoint\": ", line);
	sd_buf_add_json_string(&g->out, ck, strlen(ck));
	sd_buf_adds(&g->out, ", \"restore\": ");
	sd_buf_add_json_string(&g->out, rs, strlen(rs));
	sd_buf_adds(&g->out, ", \"container\": ");
	json_str_or_null(&g->out, cr ? cr->container : name);
	sd_buf_addf(&g->out, ", \"verdict\": \"%s\", \"field\": ", verdict);
	json_str_or_null(&g->out, field);
	if (trouble) {
		sd_buf_adds(&g->out, ", \"error\": ");
		sd_buf_add_json_string(&g->out, trouble, strlen(trouble));
	} else {
		sd_buf rep = SD_BUF_INIT;
		json_report(&rep, cr);
		/* one line: the report's only raw newlines are its separators */
		for (size_t i = 0; i < rep.len; i++)
			if (rep.data[i] == '\n')
				rep.data[i] = ' ';
		while (rep.len && rep.data[rep.len - 1] == ' ')
			rep.len--;
		sd_buf_adds(&g->out, ", \"report\": ");
		sd_buf_add(&g->out, rep.data, rep.len);
		sd_buf_release(&rep);
	}
	sd_buf_adds(&g->out, "}\n");
}

/* One pair of one line: load, run the selected profiles, write its line.
 * Returns false on trouble. */
static bool gate_pair(gate *g, size_t line, const char *ck, const char *rs, const char *name)
{
	sd_cli_common c = g->a->common;
	c.load.container = name;
	c.quiet = true;
	sd_error err;
	char msg[2048];
	sd_doc *left = sd_doc_load_input(ck, &c.load, &err);
	sd_doc *right = left ? sd_doc_load_input(rs, &c.load, &err) : NULL;
	if (!left || !right) {
		sd_error_format(&err, msg, sizeof msg);
		gate_pair_line(g, line, ck, rs, name, NULL, msg);
		fprintf(stderr, "specdiff check: --pairs line %zu (%s %s%s%s): %s\n", line, ck, rs,
			name ? " " : "", name ? name : "", msg);
		sd_doc_free(left);
		return false;
	}
	check_run cr;
	memset(&cr, 0, sizeof cr);
	const char *image_container = sd_doc_container(left);
	cr.container = name ? name : image_container ? image_container : "__no_name_0";
	cr.beyond = g->a->beyond;
	cr.roundtrip = !image_container && !g->a->as_given;
	sd_gvisor_pair *pair = sd_gvisor_pair_new(left, right, cr.roundtrip);
	run_profiles(g->a, &cr, pair);
	gate_pair_line(g, line, ck, rs, name, &cr, NULL);
	for (size_t i = 0; i < cr.n; i++)
		sd_check_result_release(&cr.results[i]);
	sd_gvisor_pair_free(pair);
	sd_doc_free(left);
	sd_doc_free(right);
	return true;
}

/* RESTORE for container name of a several-container image: the bundle
 * directory's NAME/config.json, or RESTORE itself when it is a file. */
static void bundle_of(sd_buf *b, const char *restore, const char *name, bool several)
{
	struct stat st;
	b->len = 0;
	if (stat(restore, &st) == 0 && S_ISDIR(st.st_mode))
		sd_buf_addf(b, several ? "%s/%s/config.json" : "%s/config.json", restore, name);
	else
		sd_buf_adds(b, restore);
}

/* A checkpoint image without NAME: every container in it. */
static bool gate_image(gate *g, size_t line, const char *ck, const char *rs)
{
	sd_error err;
	sd_image *img = sd_image_open(ck, &err);
	if (!img) {
		char msg[2048];
		sd_error_format(&err, msg, sizeof msg);
		gate_pair_line(g, line, ck, rs, NULL, NULL, msg);
		fprintf(stderr, "specdiff check: --pairs line %zu (%s %s): %s\n", line, ck, rs, msg);
		return false;
	}
	bool ok = true;
	size_t n = sd_image_container_count(img);
	sd_buf path = SD_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		const char *name = sd_image_container_name(img, i);
		bundle_of(&path, rs, name, n > 1);
		ok &= gate_pair(g, line, ck, path.data, name);
	}
	sd_buf_release(&path);
	sd_image_free(img);
	return ok;
}

static void gate_summary(gate *g)
{
	if (g->a->json) {
		sd_buf_addf(&g->out, "{\"summary\": {\"pairs\": %zu, \"pass\": %zu, \"warn\": %zu, \"fail\": %zu, "
			    "\"error\": %zu, \"fields\": {", g->n, g->pass, g->warn, g->fail, g->trouble);
		for (size_t i = 0; i < g->nfields; i++)
			sd_buf_addf(&g->out, "%s\"%s\": %zu", i ? ", " : "", g->fields[i].field, g->fields[i].n);
		sd_buf_adds(&g->out, "}}}\n");
		return;
	}
	sd_buf_addf(&g->out, "\n%zu pairs: %zu pass, %zu pass with warnings, %zu fail, %zu could not be loaded\n",
		    g->n, g->pass, g->warn, g->fail, g->trouble);
	for (size_t i = 0; i < g->nfields; i++)
		sd_buf_addf(&g->out, "  %zu failing at %s\n", g->fields[i].n, g->fields[i].field);
}

/* Splits a line into at most 3 whitespace-separated words (in place). */
static size_t split_words(char *s, char **w)
{
	size_t n = 0;
	for (char *save = NULL, *t = strtok_r(s, " \t\r\n", &save); t; t = strtok_r(NULL, " \t\r\n", &save)) {
		if (n == 3)
			return 4;
		w[n++] = t;
	}
	return n;
}

static int run_pairs(const check_args *a)
{
	FILE *f = strcmp(a->pairs, "-") ? fopen(a->pairs, "r") : stdin;
	if (!f) {
		fprintf(stderr, "specdiff check: --pairs %s: %s\n", a->pairs, strerror(errno));
		return 2;
	}
	gate g = { .a = a, .out = SD_BUF_INIT };
	char *text = NULL;
	size_t cap = 0, line = 0;
	bool ok = true;
	while (getline(&text, &cap, f) >= 0) {
		char *w[3];
		line++;
		size_t n = split_words(text, w);
		if (n == 0 || w[0][0] == '#')
			continue;
		if (n < 2 || n > 3) {
			fprintf(stderr, "specdiff check: --pairs %s:%zu: expected CHECKPOINT RESTORE [NAME]\n", a->pairs, line);
			ok = false;
			continue;
		}
		if (n == 2 && sd_image_sniff_path(w[0]))
			ok &= gate_image(&g, line, w[0], w[1]);
		else
			ok &= gate_pair(&g, line, w[0], w[1], n == 3 ? w[2] : NULL);
		if (g.out.len > (1u << 20)) {
			ok &= write_out(&g.out) == 0;
			g.out.len = 0;
		}
	}
	free(text);
	if (f != stdin)
		fclose(f);
	gate_summary(&g);
	int rc = write_out(&g.out) ? 2 : !ok || g.trouble ? 2 : g.fail ? 1 : 0;
	sd_buf_release(&g.out);
	return rc;
}

int sd_cmd_check(int argc, char **argv)
{
	check_args a;
	int rc = parse_args(&a, argc, argv);
	if (rc >= 0)
		return rc;
	if (a.list)
		return list_profiles();
	if (a.beyond)
		sd_cli_warn_beyond(&a.common, "check", a.beyond);
	if (a.pairs)
		return run_pairs(&a);
	sd_session s;
	if (sd_cli_session_open(&s, &a.common, a.as_given, a.left, a.right) < 0) {
		sd_cli_error(&s.side[s.side[0].doc ? 1 : 0].err);
		sd_session_close(&s);
		return 2;
	}
	sd_side *left = &s.side[0], *right = &s.side[1];
	check_run cr;
	memset(&cr, 0, sizeof cr);
	cr.container = sd_session_container(&s);
	cr.runsc_version = sd_session_runsc_version(&s);
	sd_session_describe_runsc(&s, &cr.runsc);
	cr.beyond = a.beyond;
	/* runsc compares the restore spec with its own stored copy, which went
	 * through json.Marshal + json.Unmarshal; an image holds that copy. */
	cr.roundtrip = sd_session_roundtrip(&s);
	if (cr.roundtrip && !left->decode_failed && !right->decode_failed)
		sd_advice_warn_order("check", left, right, a.common.quiet);
	cr.color = sd_cli_use_color(&a.common, stdout);
	sd_gvisor_pair *pair = sd_gvisor_pair_new(left->doc, right->doc, cr.roundtrip);
	sd_gvisor_pair_lend(pair, left->view, right->view);   /* the session decoded them once */
	rc = report(&a, &cr, pair, left, right);
	sd_gvisor_pair_free(pair);
	sd_buf_release(&cr.runsc);
	sd_session_close(&s);
	return rc;
}
