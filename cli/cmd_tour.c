/* cmd_tour.c - "specdiff tour": the lessons of examples/ (lesson.h), each
 * opened in the explorer (tui/ui.h) with its panel (tui/tour.h). */
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "common.h"
#include "specdiff/checks.h"
#include "specdiff/lesson.h"
#include "../tui/tour.h"
#include "../tui/ui.h"

static const char tour_help[] =
"usage: specdiff tour [--lessons DIR] [--start N] [--theme NAME] [--no-color]\n"
"       specdiff tour --list | --check [--lessons DIR]\n"
"\n"
"A guided tour of Go's nil-map pitfalls: each lesson opens the explorer on\n"
"an example pair with the cursor on the node that matters and a panel that\n"
"says what you see, why Go says so and what to try.  ]l and [l move to the\n"
"next and previous lesson; q leaves.\n"
"\n"
"  --lessons DIR   lessons from DIR (a file 'lessons' naming one directory a\n"
"                  line, each with a lesson.txt; see examples/README.md);\n"
"                  default: the examples/ shipped with specdiff\n"
"  --start N       begin with lesson N (from 1)\n"
"  --list          print the lessons, one a line, and exit\n"
"  --check         load every lesson and check its claims against the\n"
"                  program's own comparison; exit 1 when one does not hold\n"
"  --theme NAME, --color WHEN, --no-color   as for the explorer\n";

enum { OPT_LESSONS = SD_OPT_COMMON_END + 1, OPT_START, OPT_LIST, OPT_CHECK, OPT_THEME };

typedef struct tour_args {
	sd_cli_common common;
	const char *dir, *theme;
	long start;
	bool list, check;
} tour_args;

static int own_option(void *args, int opt, const char *arg)
{
	tour_args *a = args;
	char *end;
	switch (opt) {
	case OPT_LESSONS: a->dir = arg; break;
	case OPT_THEME: a->theme = arg; break;
	case OPT_LIST: a->list = true; break;
	case OPT_CHECK: a->check = true; break;
	case OPT_START:
		a->start = strtol(arg, &end, 10);
		if (*end || a->start < 1)
			return sd_cli_usage("tour", "--start takes a lesson number from 1, not '%s'", arg);
		break;
	}
	return -1;
}

/* Returns -1 to go on, else an exit status. */
static int parse_args(tour_args *a, int argc, char **argv)
{
	static const struct option longopts[] = {
		SD_CLI_COMMON_LONGOPTS,
		{ "lessons", required_argument, NULL, OPT_LESSONS },
		{ "start", required_argument, NULL, OPT_START },
		{ "list", no_argument, NULL, OPT_LIST },
		{ "check", no_argument, NULL, OPT_CHECK },
		{ "theme", required_argument, NULL, OPT_THEME },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const sd_cli_options options = { "tour", tour_help, ":h", longopts, own_option };
	memset(a, 0, sizeof(*a));
	a->start = 1;
	sd_cli_common_init(&a->common);
	a->common.quiet = true;   /* the lessons' notes are not the student's business */
	int rc = sd_cli_parse_options(&options, argc, argv, &a->common, a);
	if (rc >= 0)
		return rc;
	if (argc != optind)
		return sd_cli_usage("tour", "takes no inputs: the lessons name their pairs");
	return -1;
}

/* One lesson's pair, compared as "specdiff diff" compares it. */
typedef struct lesson_pair {
	sd_session s;
	sd_diff *diff;
	char trouble[1200];
} lesson_pair;

static int pair_open(lesson_pair *p, const sd_lesson *l, const sd_cli_common *common, sd_mode mode)
{
	memset(p, 0, sizeof(*p));
	int rc = sd_cli_session_open(&p->s, common, false, l->left, l->right);
	for (int i = 0; i < 2; i++) {
		sd_side *d = &p->s.side[i];
		if (!d->doc)
			sd_cli_error(&d->err);
		else if (d->decode_failed && !p->trouble[0])
			sd_error_format(&d->err, p->trouble, sizeof(p->trouble));
	}
	if (rc < 0)
		return -1;
	sd_diff_opts dopts = { mode, 0 };
	p->diff = sd_diff_compute_lazy(p->s.side[0].doc, p->s.side[0].view, p->s.side[1].doc,
				       p->s.side[1].view, &dopts);
	return 0;
}

static void pair_close(lesson_pair *p)
{
	sd_diff_free(p->diff);
	sd_session_close(&p->s);
}

/* false with msg filled when the lesson's claims do not hold. */
static bool pair_check(lesson_pair *p, const sd_lesson *l, char *msg, size_t size)
{
	sd_lesson_facts f = { p->diff, sd_session_checks(&p->s),
			      { p->s.side[0].decode_failed, p->s.side[1].decode_failed } };
	return sd_lesson_check(l, &f, msg, size);
}

static int check_all(const sd_lessons *ls, const sd_cli_common *common)
{
	int bad = 0;
	for (size_t i = 0; i < ls->n; i++) {
		const sd_lesson *l = &ls->v[i];
		lesson_pair p;
		char msg[1400];
		if (pair_open(&p, l, common, l->has_mode ? l->mode : SD_MODE_STRICT) < 0) {
			snprintf(msg, sizeof(msg), "%s: cannot load its pair", l->file);
			printf("lesson %zu FAILED: %s\n", i + 1, msg);
			bad = 1;
		} else if (!pair_check(&p, l, msg, sizeof(msg))) {
			printf("lesson %zu FAILED: %s\n", i + 1, msg);
			bad = 1;
		} else {
			printf("lesson %zu ok: %s (%zu claim%s)\n", i + 1, l->title, l->nclaims, l->nclaims == 1 ? "" : "s");
		}
		pair_close(&p);
	}
	return bad;
}

static const char *theme_name(const tour_args *a)
{
	const char *env = getenv("SPECDIFF_THEME");
	if (a->theme)
		return a->theme;
	return env && *env ? env : sd_cli_config()->theme.value;
}

/* Shows lesson k (from 0); returns which way the user left it. */
static int show(const tour_args *a, const sd_lessons *ls, size_t k, const char *notice)
{
	const sd_lesson *l = &ls->v[k];
	sd_mode mode = l->has_mode ? l->mode : SD_MODE_STRICT;
	lesson_pair p;
	if (pair_open(&p, l, &a->common, mode) < 0) {
		pair_close(&p);
		return -1;
	}
	char msg[1400];
	bool ok = pair_check(&p, l, msg, sizeof(msg));
	sd_tour_view view;
	sd_tour_view_build(&view, l, k + 1, ls->n, NULL, ok ? NULL : msg);
	sd_explorer_args ex;
	memset(&ex, 0, sizeof(ex));
	for (int i = 0; i < 2; i++) {
		ex.doc[i] = p.s.side[i].doc;
		ex.view[i] = p.s.side[i].view;
		ex.input[i] = i ? l->right : l->left;
	}
	ex.diff = p.diff;
	ex.session = &p.s;
	ex.mode = mode;
	ex.theme = theme_name(a);
	ex.color = sd_cli_use_color(&a->common, stdout) || !strcmp(a->common.color, "always");
	ex.t_start = sd_now();
	ex.trouble = p.trouble[0] ? p.trouble : NULL;
	ex.notice = notice;
	ex.tour = &view;
	ex.tour_node = l->node;
	int rc = sd_explorer_run(&ex);
	int result = rc == 2 && !ex.trouble ? -1 : view.result;
	sd_tour_view_release(&view);
	pair_close(&p);
	return result;
}

static int walk(const tour_args *a, const sd_lessons *ls)
{
	size_t k = (size_t)a->start - 1;
	const char *notice = NULL;
	for (;;) {
		int r = show(a, ls, k, notice);
		notice = NULL;
		if (r < 0)
			return 2;
		if (r == SD_TOUR_QUIT)
			return 0;
		if (r == SD_TOUR_NEXT && k + 1 == ls->n)
			notice = "that was the last lesson: q leaves the tour";
		else if (r == SD_TOUR_PREV && k == 0)
			notice = "this is the first lesson";
		else
			k = r == SD_TOUR_NEXT ? k + 1 : k - 1;
	}
}

int sd_cmd_tour(int argc, char **argv)
{
	tour_args a;
	int rc = parse_args(&a, argc, argv);
	if (rc >= 0)
		return rc;
	char found[1024];
	const char *dir = a.dir ? a.dir : sd_lessons_find_dir(found, sizeof(found));
	if (!dir) {
		fprintf(stderr, "specdiff tour: no lessons found (looked for examples/lessons next to the binary "
			"and in %s/examples); --lessons DIR names them\n", SPECDIFF_DATADIR);
		return 2;
	}
	sd_lessons ls;
	sd_error err;
	if (sd_lessons_load(&ls, dir, &err)) {
		sd_cli_error(&err);
		sd_lessons_release(&ls);
		return 2;
	}
	if ((size_t)a.start > ls.n) {
		size_t n = ls.n;
		sd_lessons_release(&ls);
		return sd_cli_usage("tour", "--start %ld: there are %zu lessons", a.start, n);
	}
	rc = 0;
	if (a.list) {
		for (size_t i = 0; i < ls.n; i++)
			printf("%zu. %s (%s, at %s)\n", i + 1, ls.v[i].title, ls.v[i].dir, ls.v[i].node);
	} else if (a.check) {
		rc = check_all(&ls, &a.common);
	} else if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "specdiff tour: needs a terminal (--list prints the lessons, --check checks them)\n");
		rc = 2;
	} else {
		setlocale(LC_ALL, "");
		rc = walk(&a, &ls);
	}
	sd_lessons_release(&ls);
	return rc;
}
