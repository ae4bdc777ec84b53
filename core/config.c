/* config.c - the user's configuration file (see config.h).  A line is
 * split into words; the first names the command, each command checks its
 * words and either stores a value or records "FILE:LINE: message". */
#include "specdiff/config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "specdiff/base.h"
#include "specdiff/gvisor.h"
#include "specdiff/util.h"

#define MAX_WORDS 8

void sd_config_init(sd_config *c)
{
	memset(c, 0, sizeof(*c));
}

static void value_release(sd_config_value *v)
{
	free(v->value);
	v->value = NULL;
	v->line = 0;
}

void sd_config_release(sd_config *c)
{
	free(c->path);
	value_release(&c->mode);
	value_release(&c->theme);
	value_release(&c->color);
	value_release(&c->profile);
	for (size_t i = 0; i < c->nbinds; i++) {
		free(c->binds[i].key);
		free(c->binds[i].action);
	}
	free(c->binds);
	for (size_t i = 0; i < c->nignores; i++)
		free(c->ignores[i].pattern);
	free(c->ignores);
	free(c->errors);
	sd_config_init(c);
}

/* Records an error; past the cap, the last kept error says more were cut. */
static void add_error(sd_config *c, const char *file, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void add_error(sd_config *c, const char *file, unsigned line, const char *fmt, ...)
{
	if (c->nerrors >= SD_CONFIG_MAX_ERRORS) {
		sd_error_set(&c->errors[c->nerrors - 1], file, line, 0, "too many errors; stopped reporting");
		return;
	}
	c->errors = sd_xrealloc(c->errors, (c->nerrors + 1) * sizeof(*c->errors));
	sd_error *e = &c->errors[c->nerrors++];
	sd_error_clear(e);
	snprintf(e->file, sizeof(e->file), "%s", file);
	e->line = line;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
}

/* One parsed line: its words (NUL-terminated copies in buf). */
typedef struct line_ctx {
	sd_config *c;
	const char *file;
	unsigned line;
	char *w[MAX_WORDS];
	size_t n;
	bool too_many;
} line_ctx;

/* Splits buf in place on blanks.  A word starting with '#' ends the line,
 * except as the second word, so that "bind # quit" binds the key '#'. */
static void split_words(line_ctx *l, char *buf)
{
	l->n = 0;
	l->too_many = false;
	char *p = buf;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || (*p == '#' && l->n != 1))
			return;
		if (l->n == MAX_WORDS) {
			l->too_many = true;
			return;
		}
		l->w[l->n++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		if (*p)
			*p++ = '\0';
	}
}

static bool has_control_chars(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\t') || *p == 0x7f)
			return true;
	return false;
}

static void set_value(sd_config_value *v, const char *value, unsigned line)
{
	free(v->value);
	v->value = sd_xstrdup(value);
	v->line = line;
}

static bool one_of(const char *s, const char *const *choices)
{
	for (; *choices; choices++)
		if (!strcmp(s, *choices))
			return true;
	return false;
}

static bool theme_name_ok(const char *s)
{
	if (!*s || strlen(s) > 60 || s[0] == '.')
		return false;
	for (const char *p = s; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_' && *p != '.')
			return false;
	return true;
}

/* "all" or a comma-separated list of known profiles; names the first bad. */
static bool profile_list_ok(const char *s, char *bad, size_t badsize)
{
	if (!strcmp(s, "all"))
		return true;
	const char *p = s;
	for (;;) {
		size_t n = strcspn(p, ",");
		char name[128];
		snprintf(name, sizeof(name), "%.*s", (int)(n < 127 ? n : 127), p);
		if (!n || !sd_gvisor_profile_find(name)) {
			snprintf(bad, badsize, "%s", name);
			return false;
		}
		if (!p[n])
			return true;
		p += n + 1;
	}
}

static void cmd_set(line_ctx *l)
{
	static const char *const modes[] = { "strict", "semantic", NULL };
	static const char *const colors[] = { "auto", "always", "never", NULL };
	if (l->n != 4 || strcmp(l->w[2], "=")) {
		add_error(l->c, l->file, l->line, "expected 'set NAME = VALUE'");
		return;
	}
	const char *name = l->w[1], *val = l->w[3];
	sd_config *c = l->c;
	char bad[128];
	if (!strcmp(name, "mode")) {
		if (one_of(val, modes))
			set_value(&c->mode, val, l->line);
		else
			add_error(c, l->file, l->line, "mode takes strict or semantic, not '%s'", val);
	} else if (!strcmp(name, "color") || !strcmp(name, "colour")) {
		if (one_of(val, colors))
			set_value(&c->color, val, l->line);
		else
			add_error(c, l->file, l->line, "color takes auto, always or never, not '%s'", val);
	} else if (!strcmp(name, "theme")) {
		if (theme_name_ok(val))
			set_value(&c->theme, val, l->line);
		else
			add_error(c, l->file, l->line, "bad theme name '%s' (letters, digits, '-', '_', '.')", val);
	} else if (!strcmp(name, "profile")) {
		if (profile_list_ok(val, bad, sizeof(bad)))
			set_value(&c->profile, val, l->line);
		else
			add_error(c, l->file, l->line,
				  "unknown profile '%s' (specdiff check --list-profiles lists them)", bad);
	} else {
		add_error(c, l->file, l->line,
			  "unknown setting '%s' (known: mode, theme, color, profile)", name);
	}
}

/* Key names as the explorer writes them: 1-2 printable characters or <Name>. */
static bool key_shape_ok(const char *k)
{
	size_t n = strlen(k);
	if (n >= 2 && k[0] == '<') {
		if (n < 3 || k[n - 1] != '>')
			return false;
		for (size_t i = 1; i + 1 < n; i++)
			if (!isalnum((unsigned char)k[i]) && k[i] != '-')
				return false;
		return true;
	}
	return n >= 1 && n <= 2;
}

static bool action_shape_ok(const char *a)
{
	if (!*a || *a == '-')
		return false;
	for (const char *p = a; *p; p++)
		if (!islower((unsigned char)*p) && *p != '-')
			return false;
	return true;
}

static void cmd_bind(line_ctx *l)
{
	if (l->n != 3) {
		add_error(l->c, l->file, l->line, "expected 'bind KEY ACTION'");
		return;
	}
	if (!key_shape_ok(l->w[1])) {
		add_error(l->c, l->file, l->line,
			  "bad key '%s' (one or two characters, or <Name> such as <C-d>)", l->w[1]);
		return;
	}
	if (!action_shape_ok(l->w[2])) {
		add_error(l->c, l->file, l->line,
			  "bad action '%s' (lowercase words joined by '-', such as next-diff)", l->w[2]);
		return;
	}
	sd_config *c = l->c;
	c->binds = sd_xrealloc(c->binds, (c->nbinds + 1) * sizeof(*c->binds));
	c->binds[c->nbinds++] = (sd_config_bind){ sd_xstrdup(l->w[1]), sd_xstrdup(l->w[2]), l->line };
}

static void cmd_ignore(line_ctx *l)
{
	if (l->n != 2 || l->w[1][0] != '/') {
		add_error(l->c, l->file, l->line, "expected 'ignore /JSON/POINTER' (a path starting with '/')");
		return;
	}
	sd_config *c = l->c;
	c->ignores = sd_xrealloc(c->ignores, (c->nignores + 1) * sizeof(*c->ignores));
	c->ignores[c->nignores++] = (sd_config_ignore){ sd_xstrdup(l->w[1]), l->line };
}

static void parse_line(line_ctx *l, char *buf)
{
	bool control = has_control_chars(buf);
	split_words(l, buf);
	if (l->n == 0)
		return;
	if (control) {
		add_error(l->c, l->file, l->line, "control characters in the line");
		return;
	}
	if (l->too_many) {
		add_error(l->c, l->file, l->line, "too many words on the line");
		return;
	}
	if (!strcmp(l->w[0], "set"))
		cmd_set(l);
	else if (!strcmp(l->w[0], "bind"))
		cmd_bind(l);
	else if (!strcmp(l->w[0], "ignore"))
		cmd_ignore(l);
	else
		add_error(l->c, l->file, l->line, "unknown command '%s' (known: set, bind, ignore)", l->w[0]);
}

size_t sd_config_parse(sd_config *c, const char *file, const char *text, size_t len)
{
	size_t before = c->nerrors;
	line_ctx l = { .c = c, .file = file ? file : "config" };
	sd_buf b = SD_BUF_INIT;
	size_t i = 0;
	while (i < len) {
		size_t end = i;
		while (end < len && text[end] != '\n')
			end++;
		l.line++;
		size_t n = end - i;
		if (n && text[i + n - 1] == '\r')
			n--;
		sd_buf_reset(&b);
		sd_buf_add(&b, text + i, n);
		if (memchr(b.data, '\0', n))
			add_error(c, l.file, l.line, "NUL byte in the line");
		else
			parse_line(&l, b.data);
		i = end + 1;
	}
	sd_buf_release(&b);
	return c->nerrors - before;
}

char *sd_config_path(const char *specdiff_config, const char *xdg_config_home,
		     const char *home, bool *explicit_path)
{
	*explicit_path = false;
	if (specdiff_config) {
		*explicit_path = true;
		return *specdiff_config ? sd_xstrdup(specdiff_config) : NULL;
	}
	sd_buf b = SD_BUF_INIT;
	if (xdg_config_home && *xdg_config_home)
		sd_buf_addf(&b, "%s/specdiff/config", xdg_config_home);
	else if (home && *home)
		sd_buf_addf(&b, "%s/.config/specdiff/config", home);
	else
		return NULL;
	return sd_buf_detach(&b, NULL);
}

size_t sd_config_load_file(sd_config *c, const char *path, bool must_exist)
{
	size_t before = c->nerrors;
	sd_buf b = SD_BUF_INIT;
	if (sd_read_file(path, SD_CONFIG_MAX_SIZE, &b) < 0) {
		int e = errno;
		if (e != ENOENT || must_exist)
			add_error(c, path, 0, "cannot read the configuration file: %s",
				  e == EFBIG ? "larger than 1 MiB (a configuration is a few lines)"
				  : e == EISDIR ? "it is a directory (name the file itself, e.g. "
						  "DIR/config, in SPECDIFF_CONFIG)"
				  : strerror(e));
		sd_buf_release(&b);
		return c->nerrors - before;
	}
	free(c->path);
	c->path = sd_xstrdup(path);
	sd_config_parse(c, path, b.data ? b.data : "", b.len);
	sd_buf_release(&b);
	return c->nerrors - before;
}

size_t sd_config_load(sd_config *c)
{
	bool explicit_path;
	char *path = sd_config_path(getenv("SPECDIFF_CONFIG"), getenv("XDG_CONFIG_HOME"),
				    getenv("HOME"), &explicit_path);
	if (!path)
		return 0;
	size_t n = sd_config_load_file(c, path, explicit_path);
	free(path);
	return n;
}
