/* cmd_check.c - "specdiff check": predicts runsc's restore-spec verdicts. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "advice.h"
#include "commands.h"
#include "common.h"
#include "specdiff/base.h"
#include "specdiff/gvisor.h"
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
"  --list-profiles             list the profiles and their release windows\n"
"  --swap                      CHECKPOINT and RESTORE were given the other way\n"
"                              round (check warns when that looks likely)\n"
"  --format-in, --doc, --quiet  as for every command\n"
"\n"
"CHECKPOINT may be a spec file or a gVisor checkpoint image (checkpoint.img\n"
"or its directory); the image's stored copy is used as it is.\n"
"Exit status: 0 every selected profile passes (warnings allowed), 1 one\n"
"fails, 2 trouble (an input could not be loaded or decoded).\n";

enum { OPT_PROFILE = SD_OPT_COMMON_END + 1, OPT_RUNSC, OPT_AS_GIVEN, OPT_FORMAT, OPT_LIST };

typedef struct check_args {
	sd_cli_common common;
	bool selected[32];
	bool any_selected;
	bool as_given, json, list;
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
		return sd_cli_usage("check", "--runsc takes a release tag from release-20241104.0 on, like release-20250101.0, not '%s'", arg);
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
	if (argc - optind != 2)
		return sd_cli_usage("check", "expected two inputs, CHECKPOINT and RESTORE (got %d)", argc - optind);
	a->left = argv[optind];
	a->right = argv[optind + 1];
	sd_cli_swap(&a->common, &a->left, &a->right);
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

static const char *verdict(const sd_check_result *r)
{
	return !r->pass ? "FAIL" : r->nwarnings ? "pass with warnings" : "PASS";
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
		if (!r->nerrors && !r->nwarnings)
			continue;
		sd_buf_addf(b, "\n%s (", cr->profiles[i]->name);
		window(b, cr->profiles[i]);
		sd_buf_adds(b, "):\n");
		if (r->nerrors > 1)
			sd_buf_addf(b, "  runsc iterates a Go map here: any of these %zu errors can come first\n",
				    r->nerrors);
		/* runsc's messages quote the specs' values (term.h) */
		size_t at = b->len;
		for (size_t k = 0; k < r->nerrors; k++)
			sd_buf_addf(b, "  error: %s\n", r->errors[k]);
		for (size_t k = 0; k < r->nwarnings; k++)
			sd_buf_addf(b, "  warning: %s\n", r->warnings[k]);
		sd_buf_escape_from(b, at, true);
	}
}

static void text_report(sd_buf *b, const check_run *cr)
{
	sd_buf_adds(b, "container: ");
	sd_buf_add_safe(b, cr->container, strlen(cr->container), false);  /* from an image */
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

static void json_report(sd_buf *b, const check_run *cr)
{
	sd_buf_adds(b, "{\"container\": ");
	sd_buf_add_json_string(b, cr->container, strlen(cr->container));
	sd_buf_addf(b, ", \"roundtrip\": %s, \"profiles\": {", cr->roundtrip ? "true" : "false");
	for (size_t i = 0; i < cr->n; i++) {
		const sd_check_result *r = &cr->results[i];
		sd_buf_addf(b, "%s\n  \"%s\": {\"pass\": %s, \"errors\": ", i ? "," : "",
			    cr->profiles[i]->name, r->pass ? "true" : "false");
		json_strings(b, r->errors, r->nerrors);
		sd_buf_adds(b, ", \"warnings\": ");
		json_strings(b, r->warnings, r->nwarnings);
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
		printf("%-18s %-44s %s\n", p->name, w.data, p->summary);
		sd_buf_release(&w);
	}
	return 0;
}

/* ---- running ---- */

static int load_side(sd_side *s, const char *spec, const sd_cli_common *c, const char *what)
{
	if (sd_side_load(s, spec, c) < 0) {
		sd_cli_error(&s->err);
		return -1;
	}
	if (s->decode_failed) {
		sd_cli_error(&s->err);
		fprintf(stderr, "specdiff check: runsc cannot decode the %s spec %s, so it refuses the "
			"restore before any validator runs\n", what, spec);
		return -1;
	}
	return 0;
}

static int write_out(const sd_buf *b)
{
	size_t n = fwrite(b->data ? b->data : "", 1, b->len, stdout);
	if (fflush(stdout) || n != b->len) {
		perror("specdiff check: writing the report");
		return -1;
	}
	return 0;
}

static int report(const check_args *a, check_run *cr, const sd_gv *old, const sd_gv *new,
		  const sd_side *ck, const sd_side *rs)
{
	int status = 0;
	for (size_t i = 0; i < sd_gvisor_profile_count(); i++) {
		if (!a->selected[i])
			continue;
		cr->profiles[cr->n] = sd_gvisor_profile_at(i);
		sd_gvisor_run(cr->profiles[cr->n], old, new, cr->container, &cr->results[cr->n]);
		if (!cr->results[cr->n].pass)
			status = 1;
		cr->n++;
	}
	sd_buf b = SD_BUF_INIT;
	if (a->json)
		json_report(&b, cr);
	else
		text_report(&b, cr);
	if (status && !a->json) {
		sd_buf_addc(&b, '\n');
		size_t at = b.len;   /* the advice quotes paths and values */
		sd_advice_check_fix(&b, ck, old, rs, cr->container, a->common.load.container);
		sd_buf_escape_from(&b, at, true);
	}
	if (write_out(&b))
		status = 2;
	sd_buf_release(&b);
	for (size_t i = 0; i < cr->n; i++)
		sd_check_result_release(&cr->results[i]);
	return status;
}

int sd_cmd_check(int argc, char **argv)
{
	check_args a;
	int rc = parse_args(&a, argc, argv);
	if (rc >= 0)
		return rc;
	if (a.list)
		return list_profiles();
	sd_side left, right;
	if (load_side(&left, a.left, &a.common, "checkpoint")) {
		sd_side_release(&left);
		return 2;
	}
	if (load_side(&right, a.right, &a.common, "restore")) {
		sd_side_release(&left);
		sd_side_release(&right);
		return 2;
	}
	check_run cr;
	memset(&cr, 0, sizeof cr);
	const char *image_container = sd_doc_container(left.doc);
	cr.container = a.common.load.container ? a.common.load.container
		     : image_container ? image_container : "__no_name_0";
	/* runsc compares the restore spec with its own stored copy, which went
	 * through json.Marshal + json.Unmarshal; an image holds that copy. */
	sd_goview *rt = NULL;
	if (!image_container && !a.as_given) {
		rt = sd_goview_roundtrip(left.view);
		cr.roundtrip = true;
		sd_advice_warn_order("check", &left, &right, a.common.quiet);
	}
	cr.color = sd_cli_use_color(&a.common, stdout);
	rc = report(&a, &cr, sd_goview_root(rt ? rt : left.view), sd_goview_root(right.view),
		    &left, &right);
	sd_goview_free(rt);
	sd_side_release(&left);
	sd_side_release(&right);
	return rc;
}
