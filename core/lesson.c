/* lesson.c - the tour's lesson files (see lesson.h). */
#include "specdiff/lesson.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "specdiff/class.h"
#include "specdiff/theme.h"
#include "specdiff/util.h"

/* A line without its end and surrounding blanks, or NULL for one to skip. */
static char *clean_line(char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	while (*s == ' ' || *s == '\t')
		s++;
	return *s && *s != '#' ? s : NULL;
}

static char *join_path(const char *dir, const char *name)
{
	sd_buf b = SD_BUF_INIT;
	sd_buf_addf(&b, "%s/%s", dir, name);
	return sd_buf_detach(&b, NULL);
}

static void append_text(char **dst, const char *text)
{
	sd_buf b = SD_BUF_INIT;
	if (*dst && **dst)
		sd_buf_addf(&b, "%s ", *dst);
	sd_buf_adds(&b, text);
	free(*dst);
	*dst = sd_buf_detach(&b, NULL);
}

static const struct { const char *word; sd_claim_kind kind; } claim_words[] = {
	{ "class", SD_CLAIM_CLASS }, { "strict", SD_CLAIM_STRICT }, { "semantic", SD_CLAIM_SEMANTIC },
	{ "restore", SD_CLAIM_RESTORE }, { "decode", SD_CLAIM_DECODE },
};

/* indexed by sd_claim_kind */
_Static_assert(sizeof(claim_words) / sizeof(claim_words[0]) == SD_CLAIM_DECODE + 1, "one word per claim kind");

static bool claim_value_ok(sd_claim_kind k, const char *v)
{
	sd_class c;
	switch (k) {
	case SD_CLAIM_CLASS: return sd_class_parse(v, &c);
	case SD_CLAIM_STRICT:
	case SD_CLAIM_SEMANTIC: return !strcmp(v, "equal") || !strcmp(v, "different");
	case SD_CLAIM_RESTORE: return !strcmp(v, "fail") || !strcmp(v, "pass");
	case SD_CLAIM_DECODE: return !strcmp(v, "left") || !strcmp(v, "right");
	}
	return false;
}

static int parse_claim(sd_lesson *l, const char *text, unsigned line, sd_error *err)
{
	char word[16];
	const char *sp = strchr(text, ' ');
	size_t n = sp ? (size_t)(sp - text) : strlen(text);
	snprintf(word, sizeof(word), "%.*s", (int)(n < sizeof(word) - 1 ? n : sizeof(word) - 1), text);
	const char *value = sp ? sp + 1 : "";
	for (size_t i = 0; i < sizeof(claim_words) / sizeof(claim_words[0]); i++) {
		if (strcmp(word, claim_words[i].word))
			continue;
		if (!claim_value_ok(claim_words[i].kind, value))
			break;
		l->claims = sd_xrealloc(l->claims, (l->nclaims + 1) * sizeof(*l->claims));
		l->claims[l->nclaims++] = (sd_claim){ claim_words[i].kind, sd_xstrdup(value), line };
		return 0;
	}
	sd_error_set(err, l->file, line, 0, "claim '%s': expected class CLASS, strict|semantic equal|different, "
		     "restore fail|pass or decode left|right", text);
	return -1;
}

/* One "KEY: text" line of a lesson. */
static int lesson_line(sd_lesson *l, char *s, unsigned line, sd_error *err)
{
	char *colon = strchr(s, ':');
	if (!colon) {
		sd_error_set(err, l->file, line, 0, "expected KEY: text");
		return -1;
	}
	*colon = '\0';
	const char *text = colon + 1;
	while (*text == ' ' || *text == '\t')
		text++;
	char **one = !strcmp(s, "title") ? &l->title : !strcmp(s, "node") ? &l->node : NULL;
	if (one) {
		if (*one) {
			sd_error_set(err, l->file, line, 0, "'%s' given twice", s);
			return -1;
		}
		*one = sd_xstrdup(text);
	} else if (!strcmp(s, "left") || !strcmp(s, "right")) {
		char **side = s[0] == 'l' ? &l->left : &l->right;
		free(*side);
		*side = text[0] == '/' ? sd_xstrdup(text) : join_path(l->dir, text);
	} else if (!strcmp(s, "mode")) {
		l->has_mode = true;
		if (!strcmp(text, "strict"))
			l->mode = SD_MODE_STRICT;
		else if (!strcmp(text, "semantic"))
			l->mode = SD_MODE_SEMANTIC;
		else
			return sd_error_set(err, l->file, line, 0, "mode is strict or semantic, not '%s'", text), -1;
	} else if (!strcmp(s, "see") || !strcmp(s, "why") || !strcmp(s, "try")) {
		append_text(s[0] == 's' ? &l->see : s[0] == 'w' ? &l->why : &l->try_, text);
	} else if (!strcmp(s, "claim")) {
		return parse_claim(l, text, line, err);
	} else {
		sd_error_set(err, l->file, line, 0, "unknown key '%s' (title, left, right, node, mode, see, why, try, claim)", s);
		return -1;
	}
	return 0;
}

static int lesson_load(sd_lesson *l, const char *dir, sd_error *err)
{
	memset(l, 0, sizeof(*l));
	l->dir = sd_xstrdup(dir);
	l->file = join_path(dir, "lesson.txt");
	FILE *f = fopen(l->file, "r");
	if (!f) {
		sd_error_set(err, l->file, 0, 0, "cannot read the lesson");
		return -1;
	}
	char *buf = NULL;
	size_t cap = 0;
	unsigned line = 0;
	int rc = 0;
	while (rc == 0 && getline(&buf, &cap, f) >= 0) {
		char *s = clean_line(buf);
		line++;
		if (s)
			rc = lesson_line(l, s, line, err);
	}
	free(buf);
	fclose(f);
	if (rc == 0 && (!l->title || !l->left || !l->right || !l->node)) {
		sd_error_set(err, l->file, 0, 0, "a lesson needs title, left, right and node");
		rc = -1;
	}
	if (!l->see)
		l->see = sd_xstrdup("");
	if (!l->why)
		l->why = sd_xstrdup("");
	if (!l->try_)
		l->try_ = sd_xstrdup("");
	return rc;
}

static void lesson_release(sd_lesson *l)
{
	free(l->dir);
	free(l->file);
	free(l->title);
	free(l->left);
	free(l->right);
	free(l->node);
	free(l->see);
	free(l->why);
	free(l->try_);
	for (size_t i = 0; i < l->nclaims; i++)
		free(l->claims[i].value);
	free(l->claims);
}

int sd_lessons_load(sd_lessons *out, const char *dir, sd_error *err)
{
	memset(out, 0, sizeof(*out));
	sd_error_clear(err);
	out->dir = sd_xstrdup(dir);
	char *order = join_path(dir, "lessons");
	FILE *f = fopen(order, "r");
	if (!f) {
		sd_error_set(err, order, 0, 0, "cannot read the list of lessons");
		free(order);
		return -1;
	}
	char *buf = NULL;
	size_t cap = 0;
	int rc = 0;
	while (rc == 0 && getline(&buf, &cap, f) >= 0) {
		char *s = clean_line(buf);
		if (!s)
			continue;
		char *sub = join_path(dir, s);
		out->v = sd_xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
		rc = lesson_load(&out->v[out->n++], sub, err);
		free(sub);
	}
	free(buf);
	fclose(f);
	if (rc == 0 && out->n == 0) {
		sd_error_set(err, order, 0, 0, "no lessons listed");
		rc = -1;
	}
	free(order);
	if (rc) {
		char *keep = out->dir;
		out->dir = NULL;
		sd_lessons_release(out);
		out->dir = keep;
	}
	return rc;
}

void sd_lessons_release(sd_lessons *l)
{
	for (size_t i = 0; i < l->n; i++)
		lesson_release(&l->v[i]);
	free(l->v);
	free(l->dir);
	memset(l, 0, sizeof(*l));
}

const char *sd_lessons_find_dir(char *buf, size_t size)
{
	char dirs[SD_DATA_DIRS_MAX][1024];
	size_t n = sd_data_dirs("examples", false, dirs);
	for (size_t i = 0; i < n; i++) {
		char path[1100];
		struct stat st;
		snprintf(path, sizeof(path), "%s/lessons", dirs[i]);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			snprintf(buf, size, "%s", dirs[i]);
			return buf;
		}
	}
	return NULL;
}

/* ---- claims against the program's own comparison ---- */

static bool restore_fails(const sd_checks *c)
{
	for (size_t i = 0; c && i < c->n; i++)
		if (!c->v[i].pass)
			return true;
	return false;
}

/* What the program says for the claim's question, as the claim spells it. */
static const char *actual(const sd_claim *c, const sd_pair *node, const sd_lesson_facts *f)
{
	switch (c->kind) {
	case SD_CLAIM_CLASS:
		return node && node->item ? sd_class_name(node->item->cls) : "none";
	case SD_CLAIM_STRICT:
		return f->diff && sd_diff_equal(f->diff, SD_MODE_STRICT) ? "equal" : "different";
	case SD_CLAIM_SEMANTIC:
		return f->diff && sd_diff_equal(f->diff, SD_MODE_SEMANTIC) ? "equal" : "different";
	case SD_CLAIM_RESTORE:
		if (!f->checks || !f->checks->ran)
			return "not run (not OCI specs)";
		return restore_fails(f->checks) ? "fail" : "pass";
	case SD_CLAIM_DECODE:
		return f->decode_failed[!strcmp(c->value, "right")] ? c->value : "no decode error";
	}
	return "?";
}

bool sd_lesson_check(const sd_lesson *l, const sd_lesson_facts *f, char *msg, size_t size)
{
	const sd_pair *node = f->diff ? sd_diff_find(f->diff, l->node) : NULL;
	if (!node) {
		snprintf(msg, size, "%s: node %s: no such node in the pair", l->file, l->node);
		return false;
	}
	for (size_t i = 0; i < l->nclaims; i++) {
		const sd_claim *c = &l->claims[i];
		const char *got = actual(c, node, f);
		if (strcmp(got, c->value)) {
			snprintf(msg, size, "%s:%u: claim %s %s: the program says %s", l->file, c->line,
				 claim_words[c->kind].word, c->value, got);
			return false;
		}
	}
	return true;
}
