/* common.c - loading sides, common options, error printing. */
#include "common.h"
#include "advice.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "specdiff/focus.h"
#include "specdiff/gvisor.h"
#include "specdiff/write.h"

static sd_config cli_config;
static bool cli_config_loaded;

static void cli_config_release(void)
{
	sd_config_release(&cli_config);
}

const sd_config *sd_cli_config(void)
{
	if (!cli_config_loaded) {
		cli_config_loaded = true;
		sd_config_init(&cli_config);
		sd_config_load(&cli_config);
		for (size_t i = 0; i < cli_config.nerrors; i++)
			sd_cli_error(&cli_config.errors[i]);
		atexit(cli_config_release);
	}
	return &cli_config;
}

void sd_cli_common_init(sd_cli_common *c)
{
	memset(c, 0, sizeof(*c));
	c->schema = SD_SCHEMA_AUTO;
	c->color = "auto";
	const sd_config *cfg = sd_cli_config();
	if (cfg->color.value)
		c->color = cfg->color.value;
}

static int parse_uint(const char *s, unsigned *out)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);
	if (!*s || *end || v > 1000000UL)
		return -1;
	*out = (unsigned)v;
	return 0;
}

int sd_cli_common_opt(sd_cli_common *c, const char *cmd, int opt, const char *arg)
{
	switch (opt) {
	case SD_OPT_FORMAT_IN:
		if (!strcmp(arg, "json"))
			c->load.format = SD_FORMAT_JSON;
		else if (!strcmp(arg, "yaml"))
			c->load.format = SD_FORMAT_YAML;
		else if (!strcmp(arg, "auto"))
			c->load.format = SD_FORMAT_AUTO;
		else
			return sd_cli_usage(cmd, "--format-in takes json, yaml or auto, not '%s'", arg), -1;
		return 1;
	case SD_OPT_DOC: {
		unsigned n;
		if (parse_uint(arg, &n) || n == 0)
			return sd_cli_usage(cmd, "--doc takes a document number from 1 to 1000000 (the "
					    "limit), not '%s'", arg), -1;
		c->load.doc_index = n - 1;
		return 1;
	}
	case SD_OPT_CONTAINER:
		c->load.container = arg;
		return 1;
	case SD_OPT_SCHEMA:
		if (!strcmp(arg, "oci"))
			c->schema = SD_SCHEMA_OCI;
		else if (!strcmp(arg, "none"))
			c->schema = SD_SCHEMA_NONE;
		else if (!strcmp(arg, "auto"))
			c->schema = SD_SCHEMA_AUTO;
		else
			return sd_cli_usage(cmd, "--schema takes oci, none or auto, not '%s'", arg), -1;
		return 1;
	case SD_OPT_SPEC_VERSION:
		c->oci_types = sd_schema_oci_version(arg);
		if (!c->oci_types) {
			sd_buf v = SD_BUF_INIT;
			for (size_t i = 0; i < sd_schema_version_count(); i++)
				sd_buf_addf(&v, "%s%s", i ? ", " : "", sd_schema_version_at(i));
			sd_cli_usage(cmd, "--spec-version takes one of %s, not '%s'", v.data, arg);
			sd_buf_release(&v);
			return -1;
		}
		return 1;
	case SD_OPT_COLOR:
		if (strcmp(arg, "auto") && strcmp(arg, "always") && strcmp(arg, "never"))
			return sd_cli_usage(cmd, "--color takes auto, always or never, not '%s'", arg), -1;
		c->color = arg;
		return 1;
	case SD_OPT_NO_COLOR:
		c->color = "never";
		return 1;
	case SD_OPT_QUIET:
		c->quiet = true;
		return 1;
	case SD_OPT_SWAP:
		c->swap = true;
		return 1;
	}
	return 0;
}

void sd_cli_swap(const sd_cli_common *c, const char **a, const char **b)
{
	if (c->swap) {
		const char *t = *a;
		*a = *b;
		*b = t;
	}
}

/* getopt's '?': a long option is argv[optind - 1]; a short one (optopt)
 * may sit inside a cluster ("-xyz"), still at argv[optind] or just past. */
static int unknown_option(const char *cmd, int argc, char **argv)
{
	if (!optopt)
		return sd_advice_unknown_option(cmd, argv[optind - 1]);
	const char *arg = optind < argc && argv[optind][0] == '-' && strchr(argv[optind], optopt)
				  ? argv[optind] : argv[optind - 1];
	if (!strncmp(arg, "-#", 2))
		return sd_cli_usage(cmd, "'%s' reads as options; for standard input at a JSON "
				    "Pointer put it after --: specdiff %s -- '%s' ...", arg, cmd, arg);
	char one[3] = { '-', (char)optopt, '\0' };
	if (strlen(arg) > 2 && arg[1] != '-')
		return sd_cli_usage(cmd, "unknown option '%s' (in '%s')", one, arg);
	return sd_advice_unknown_option(cmd, one);
}

int sd_cli_types_of_profile(sd_cli_common *c, const char *cmd, const char *name)
{
	const sd_profile *p = sd_gvisor_profile_find(name);
	if (!p)
		return sd_cli_usage(cmd, "unknown profile '%s' (see specdiff check --list-profiles)", name);
	c->oci_types = sd_gvisor_profile_types(p);
	return 0;
}

void sd_cli_warn_beyond(const sd_cli_common *c, const char *cmd, const char *release)
{
	if (c->quiet || !sd_gvisor_release_beyond(release))
		return;
	const sd_profile *p = sd_gvisor_profile_for_release(release);
	fprintf(stderr, "specdiff %s: warning: %s is newer than every profile; answering with %s, "
		"whose window ends at %s (what changed since is not known)\n",
		cmd, release, p->name, p->last_release);
}

int sd_cli_types_of_release(sd_cli_common *c, const char *cmd, const char *release)
{
	const sd_profile *p = sd_gvisor_profile_for_release(release);
	if (!p)
		return sd_cli_usage(cmd, "--runsc takes a release tag from %s on, like release-20250101.0, not '%s'",
				    sd_gvisor_profile_at(0)->first_release, release);
	sd_cli_warn_beyond(c, cmd, release);
	c->oci_types = sd_gvisor_profile_types(p);
	return 0;
}

int sd_cli_parse_options(const sd_cli_options *o, int argc, char **argv,
			 sd_cli_common *common, void *args)
{
	int opt;
	optind = 1;   /* getopt keeps its place in globals: start afresh */
	opterr = 0;   /* our messages name the command; getopt's would not */
	while ((opt = getopt_long(argc, argv, o->shortopts, o->longopts, NULL)) != -1) {
		int r = sd_cli_common_opt(common, o->cmd, opt, optarg);
		if (r < 0)
			return 2;
		if (r > 0)
			continue;
		switch (opt) {
		case 'h':
			fputs(o->help, stdout);
			return 0;
		case ':':
			return sd_cli_usage(o->cmd, "option '%s' needs a value", argv[optind - 1]);
		case '?':
			return unknown_option(o->cmd, argc, argv);
		}
		if ((r = o->own(args, opt, optarg)) >= 0)
			return r;
	}
	return -1;
}

/* "-" or "-#/pointer": standard input, which can be read once */
static bool is_stdin(const char *spec)
{
	return !strcmp(spec, "-") || !strncmp(spec, "-#", 2);
}

/* Only one input can be standard input: it can be read once. */
static int claim_stdin(const char *spec, sd_error *err)
{
	static bool stdin_read;
	if (is_stdin(spec) && stdin_read) {
		sd_error_set(err, "-", 0, 0, "standard input was read already for the other "
			     "input: only one input can be '-' (save one of them to a file)");
		return -1;
	}
	stdin_read |= is_stdin(spec);
	return 0;
}

sd_doc *sd_cli_load_doc(const char *spec, const sd_load_opts *load, sd_error *err)
{
	return claim_stdin(spec, err) ? NULL : sd_doc_load_input(spec, load, err);
}

int sd_side_load(sd_side *s, const char *spec, const sd_cli_common *c)
{
	memset(s, 0, sizeof(*s));
	s->input = spec;
	s->doc = sd_cli_load_doc(spec, &c->load, &s->err);
	if (!s->doc)
		return -1;
	sd_cli_notes(s->doc, c);
	const sd_type *root = sd_goview_pick_type_in(s->doc, c->schema, c->oci_types);
	sd_error derr;
	sd_error_clear(&derr);
	s->view = sd_goview_decode(s->doc, root, &derr);
	if (sd_goview_error(s->view)) {
		s->decode_failed = true;
		s->err = derr;
	}
	return 0;
}

void sd_cli_session_opts(const sd_cli_common *c, bool as_given, sd_session_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->load = c->load;
	o->schema = c->schema;
	o->oci_types = c->oci_types;
	o->as_given = as_given;
}

int sd_cli_session_open(sd_session *s, const sd_cli_common *c, bool as_given,
			const char *left, const char *right)
{
	sd_session_opts o;
	const char *input[2] = { left, right };
	int rc = 0;
	sd_cli_session_opts(c, as_given, &o);
	sd_session_init(s, &o);
	for (int i = 0; i < 2; i++) {
		s->side[i].input = input[i];
		s->side[i].doc = sd_cli_load_doc(input[i], &o.load, &s->side[i].err);
		if (!s->side[i].doc) {
			rc = -1;
			continue;
		}
		sd_cli_notes(s->side[i].doc, c);
	}
	sd_session_decode(s);
	return rc;
}

void sd_side_release(sd_side *s)
{
	sd_goview_free(s->view);
	sd_doc_free(s->doc);
	s->view = NULL;
	s->doc = NULL;
}

void sd_cli_error(const sd_error *e)
{
	char line[2048];
	sd_error_format(e, line, sizeof(line));
	fprintf(stderr, "specdiff: %s\n", line);
}

static const char *default_cmd;

void sd_cli_as_default(const char *cmd)
{
	default_cmd = cmd;
}

int sd_cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	if (cmd && default_cmd && !strcmp(cmd, default_cmd))
		cmd = NULL;   /* "specdiff a.json": the user never typed "diff" */
	va_start(ap, fmt);
	fprintf(stderr, "specdiff%s%s: ", cmd ? " " : "", cmd ? cmd : "");
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'specdiff %s%s--help' for more information.\n",
		cmd ? cmd : "", cmd ? " " : "");
	return 2;
}

void sd_cli_notes(const sd_doc *d, const sd_cli_common *c)
{
	if (c->quiet)
		return;
	for (size_t i = 0; i < sd_doc_note_count(d); i++) {
		char line[2048];
		sd_error_format(sd_doc_note(d, i), line, sizeof(line));
		fprintf(stderr, "specdiff: note: %s\n", line);
	}
}

bool sd_cli_use_color(const sd_cli_common *c, FILE *f)
{
	if (!strcmp(c->color, "always"))
		return true;
	if (!strcmp(c->color, "never"))
		return false;
	const char *nc = getenv("NO_COLOR");
	if (nc && *nc)
		return false;
	const char *term = getenv("TERM");
	if (!term || !strcmp(term, "dumb"))
		return false;
	return isatty(fileno(f));
}

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	if (stat(a, &sa) || stat(b, &sb))
		return false;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int sd_cli_write_file(const char *path, const void *data, size_t len,
		      const char *const *inputs, size_t ninputs, bool allow_input,
		      sd_error *err)
{
	for (size_t i = 0; i < ninputs && !allow_input; i++) {
		char file[4096];
		/* "PATH#/pointer" names the file PATH */
		snprintf(file, sizeof(file), "%s", inputs[i]);
		char *hash = strchr(file, '#');
		if (hash)
			*hash = '\0';
		if (same_file(path, file)) {
			sd_error_set(err, path, 0, 0,
				     "refusing to overwrite an input file (use --in-place to do that)");
			return -1;
		}
	}
	sd_write_info info;
	if (sd_write_file(path, data, len, &info, err) != 0)
		return -1;
	if (info.links > 1)
		fprintf(stderr, "specdiff: note: %s had %lu hard links: this name now holds the new "
			"file, the other %lu still hold the old content (files are replaced, never "
			"rewritten in place; README: Writing files)\n", path, info.links, info.links - 1);
	return 0;
}

static struct sd_focus *focus_of(struct sd_focus **focus)
{
	if (!*focus)
		*focus = sd_focus_new();
	return *focus;
}

static const sd_profile *restore_profile(const char *arg)
{
	if (!arg)
		return sd_focus_default_profile();
	if (!strncmp(arg, "release-", 8))
		return sd_gvisor_profile_for_release(arg);
	return sd_gvisor_profile_find(arg);
}

int sd_cli_focus_opt(struct sd_focus **focus, const char *cmd, int opt, const char *arg)
{
	sd_error err;
	sd_error_clear(&err);
	switch (opt) {
	case SD_OPT_RESTORE_RELEVANT: {
		const sd_profile *p = restore_profile(arg);
		if (!p)
			return sd_cli_usage(cmd, "--restore-relevant: unknown profile or release '%s' "
					    "(see specdiff check --list-profiles)", arg), -1;
		sd_focus_set_profile(focus_of(focus), p);
		return 1;
	}
	case SD_OPT_IGNORE:
		if (!sd_focus_add_ignore(focus_of(focus), arg, &err))
			return sd_cli_usage(cmd, "--ignore: %s", err.msg), -1;
		return 1;
	case SD_OPT_ONLY:
		if (!sd_focus_add_only(focus_of(focus), arg, &err))
			return sd_cli_usage(cmd, "--only: %s", err.msg), -1;
		return 1;
	}
	return 0;
}

void sd_cli_focus_config(struct sd_focus **focus)
{
	const sd_config *cfg = sd_cli_config();
	for (size_t i = 0; i < cfg->nignores; i++) {
		sd_error err;
		sd_error_clear(&err);
		if (!sd_focus_add_ignore(focus_of(focus), cfg->ignores[i].pattern, &err)) {
			sd_error_set(&err, cfg->path, cfg->ignores[i].line, 0, "ignore %s: %s (the "
				     "line is skipped: fix or remove it)", cfg->ignores[i].pattern, err.msg);
			sd_cli_error(&err);
		}
	}
}

bool sd_cli_focus_from_config(const char *pattern)
{
	const sd_config *cfg = sd_cli_config();
	for (size_t i = 0; i < cfg->nignores; i++)
		if (!strcmp(cfg->ignores[i].pattern, pattern))
			return true;
	return false;
}
