/* theme.c - theme files: parse, find, list (see theme.h). */
#include "specdiff/theme.h"

#include <ctype.h>
#include <errno.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "specdiff/base.h"
#include "specdiff/util.h"

#ifndef SPECDIFF_DATADIR
#define SPECDIFF_DATADIR "/usr/local/share/specdiff"
#endif

static const char *const role_names[] = {
#define SD_ROLE_NAME(e, name, mono) name,
	SD_ROLES(SD_ROLE_NAME)
#undef SD_ROLE_NAME
};
static const unsigned role_mono[] = {
#define SD_ROLE_MONO(e, name, mono) mono,
	SD_ROLES(SD_ROLE_MONO)
#undef SD_ROLE_MONO
};

const char *sd_role_name(sd_role r)
{
	return r < SD_ROLE__COUNT ? role_names[r] : "?";
}

unsigned sd_role_mono(sd_role r)
{
	return r < SD_ROLE__COUNT ? role_mono[r] : 0;
}

static const char *const basic[8] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static int parse_color(const char *w, short *out)
{
	if (!strcmp(w, "default")) {
		*out = SD_COLOR_DEFAULT;
		return 0;
	}
	int bright = 0;
	if (!strncmp(w, "bright-", 7)) {
		bright = 8;
		w += 7;
	}
	for (int i = 0; i < 8; i++)
		if (!strcmp(w, basic[i])) {
			*out = (short)(i + bright);
			return 0;
		}
	if (bright || !*w)
		return -1;
	char *end;
	long v = strtol(w, &end, 10);
	if (*end || v < 0 || v > 255)
		return -1;
	*out = (short)v;
	return 0;
}

static const struct { const char *name; unsigned bit; } attr_names[] = {
	{ "normal", 0 }, { "bold", SD_A_BOLD }, { "dim", SD_A_DIM },
	{ "reverse", SD_A_REVERSE }, { "underline", SD_A_UNDERLINE },
	{ "standout", SD_A_STANDOUT }, { "italic", SD_A_ITALIC },
};

static int parse_attr(const char *w, unsigned *attrs)
{
	for (size_t i = 0; i < sizeof(attr_names) / sizeof(attr_names[0]); i++)
		if (!strcmp(w, attr_names[i].name)) {
			*attrs |= attr_names[i].bit;
			return 0;
		}
	return -1;
}

static int find_role(const char *w)
{
	for (int r = 0; r < SD_ROLE__COUNT; r++)
		if (!strcmp(w, role_names[r]))
			return r;
	return -1;
}

/* Splits line into at most max words in place; returns the count. */
static int split_words(char *line, char **w, int max)
{
	int n = 0;
	char *save = NULL;
	for (char *t = strtok_r(line, " \t\r", &save); t; t = strtok_r(NULL, " \t\r", &save)) {
		if (n == max)
			return max + 1;
		w[n++] = t;
	}
	return n;
}

static int parse_line(sd_theme *t, char *line, char *msg, size_t msize)
{
	char *hash = strchr(line, '#');
	if (hash)
		*hash = '\0';
	char *w[12];
	int n = split_words(line, w, 11);
	if (n == 0)
		return 0;
	if (strcmp(w[0], "color") && strcmp(w[0], "colour"))
		return snprintf(msg, msize, "unknown command '%s' (expected 'color ROLE FG BG [ATTR...]')", w[0]), -1;
	if (n < 4)
		return snprintf(msg, msize, "'color' needs ROLE FG BG"), -1;
	if (n > 11)
		return snprintf(msg, msize, "too many words"), -1;
	int r = find_role(w[1]);
	if (r < 0)
		return snprintf(msg, msize, "unknown role '%s'", w[1]), -1;
	sd_style s = { 0, 0, 0, true };
	if (parse_color(w[2], &s.fg))
		return snprintf(msg, msize, "bad colour '%s' (a name, bright-NAME, default or 0..255)", w[2]), -1;
	if (parse_color(w[3], &s.bg))
		return snprintf(msg, msize, "bad colour '%s' (a name, bright-NAME, default or 0..255)", w[3]), -1;
	for (int i = 4; i < n; i++)
		if (parse_attr(w[i], &s.attrs))
			return snprintf(msg, msize, "unknown attribute '%s'", w[i]), -1;
	t->roles[r] = s;
	return 0;
}

static void theme_blank(sd_theme *t, const char *name)
{
	memset(t, 0, sizeof(*t));
	snprintf(t->name, sizeof(t->name), "%s", name);
	for (int r = 0; r < SD_ROLE__COUNT; r++) {
		t->roles[r].fg = t->roles[r].bg = SD_COLOR_DEFAULT;
		t->roles[r].attrs = role_mono[r];
	}
}

static int parse_text(sd_theme *t, const char *name, const char *file,
		      const char *text, char *err, size_t errsize)
{
	theme_blank(t, name);
	char *copy = sd_xstrdup(text);
	unsigned lineno = 0;
	int rc = 0;
	/* strtok_r would skip empty lines and so miscount them */
	char *p = copy;
	while (p && *p) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		lineno++;
		char msg[256];
		if (parse_line(t, p, msg, sizeof(msg))) {
			snprintf(err, errsize, "%s:%u: %s", file, lineno, msg);
			rc = -1;
			break;
		}
		p = nl ? nl + 1 : NULL;
	}
	free(copy);
	return rc;
}

void sd_theme_default(sd_theme *t)
{
	char err[512];
	if (parse_text(t, "default", "(built-in)", sd_theme_builtin_default, err, sizeof(err)))
		theme_blank(t, "default");   /* cannot happen: pinned by a unit test */
}

int sd_theme_parse(sd_theme *t, const char *name, const char *file,
		   const char *text, char *err, size_t errsize)
{
	if (parse_text(t, name, file, text, err, errsize) == 0)
		return 0;
	sd_theme_default(t);
	return -1;
}

/* ---- search path ---- */

size_t sd_data_dirs(const char *sub, bool user, char dirs[SD_DATA_DIRS_MAX][1024])
{
	size_t n = 0;
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	if (user && xdg && *xdg)
		snprintf(dirs[n++], 1024, "%s/specdiff/%s", xdg, sub);
	else if (user && home && *home)
		snprintf(dirs[n++], 1024, "%s/.config/specdiff/%s", home, sub);
	char exe[900];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (len > 0) {
		exe[len] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			snprintf(dirs[n++], 1024, "%s/%s", exe, sub);
			/* a binary in a build directory (build-san/specdiff) */
			slash = strrchr(exe, '/');
			if (slash && slash != exe) {
				*slash = '\0';
				snprintf(dirs[n++], 1024, "%s/%s", exe, sub);
			}
		}
	}
	snprintf(dirs[n++], 1024, "%s/%s", SPECDIFF_DATADIR, sub);
	return n;
}

static size_t theme_dirs(char dirs[SD_DATA_DIRS_MAX][1024])
{
	return sd_data_dirs("themes", true, dirs);
}

static char *read_small_file(const char *path)
{
	sd_buf b = SD_BUF_INIT;
	if (sd_read_file(path, 1u << 20, &b) != 0 && errno != EFBIG) {
		sd_buf_release(&b);
		return NULL;
	}
	return sd_buf_detach(&b, NULL);
}

static bool valid_name(const char *name)
{
	if (!*name || strlen(name) > 60)
		return false;
	for (const char *p = name; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_' && *p != '.')
			return false;
	return name[0] != '.';
}

int sd_theme_load(sd_theme *t, const char *name, char *err, size_t errsize)
{
	if (!valid_name(name)) {
		sd_theme_default(t);
		snprintf(err, errsize, "bad theme name '%s'", name);
		return -1;
	}
	char dirs[SD_DATA_DIRS_MAX][1024];
	size_t nd = theme_dirs(dirs);
	for (size_t i = 0; i < nd; i++) {
		char path[1200];
		snprintf(path, sizeof(path), "%s/%s.theme", dirs[i], name);
		char *text = read_small_file(path);
		if (!text)
			continue;
		int rc = sd_theme_parse(t, name, path, text, err, errsize);
		free(text);
		return rc;
	}
	sd_theme_default(t);
	if (!strcmp(name, "default"))
		return 0;
	sd_buf where = SD_BUF_INIT;
	for (size_t i = 0; i < nd; i++)
		sd_buf_addf(&where, "%s%s", i ? ", " : "", dirs[i]);
	snprintf(err, errsize, "no theme '%s' (looked in %s)", name, where.data);
	sd_buf_release(&where);
	return -1;
}

static int cmp_names(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	if (!strcmp(x, "default") || !strcmp(y, "default"))
		return strcmp(x, "default") ? 1 : (strcmp(y, "default") ? -1 : 0);
	return strcmp(x, y);
}

char **sd_theme_list(size_t *n)
{
	char dirs[SD_DATA_DIRS_MAX][1024];
	size_t nd = theme_dirs(dirs), cnt = 1, cap = 16;
	char **v = sd_xmalloc(cap * sizeof(*v));
	v[0] = sd_xstrdup("default");
	for (size_t i = 0; i < nd; i++) {
		DIR *d = opendir(dirs[i]);
		if (!d)
			continue;
		struct dirent *e;
		while ((e = readdir(d))) {
			size_t len = strlen(e->d_name);
			if (len <= 6 || strcmp(e->d_name + len - 6, ".theme"))
				continue;
			char *name = sd_xstrndup(e->d_name, len - 6);
			bool dup = !valid_name(name);
			for (size_t j = 0; j < cnt && !dup; j++)
				dup = !strcmp(v[j], name);
			if (dup) {
				free(name);
				continue;
			}
			if (cnt == cap)
				v = sd_xrealloc(v, (cap *= 2) * sizeof(*v));
			v[cnt++] = name;
		}
		closedir(d);
	}
	qsort(v, cnt, sizeof(*v), cmp_names);
	*n = cnt;
	return v;
}

/* xterm's 256-colour palette folded onto the 8 ANSI colours. */
short sd_color_to8(short c)
{
	if (c < 0)
		return c;
	if (c < 16)
		return (short)(c & 7);
	int r, g, b;
	if (c >= 232) {
		int level = (c - 232) * 10 + 8;
		return level > 128 ? 7 : 0;
	}
	c = (short)(c - 16);
	r = c / 36, g = (c / 6) % 6, b = c % 6;
	int max = r > g ? (r > b ? r : b) : (g > b ? g : b);
	if (max <= 1)
		return (r + g + b) >= 3 ? 7 : 0;
	int thr = max - 1;   /* components near the strongest one count */
	int bits = (r >= thr && r > 0 ? 1 : 0) | (g >= thr && g > 0 ? 2 : 0) | (b >= thr && b > 0 ? 4 : 0);
	if (bits == 7 && max - ((r < g ? (r < b ? r : b) : (g < b ? g : b))) <= 1)
		return 7;
	return (short)bits;   /* ANSI order: 1 red, 2 green, 4 blue */
}

/* xterm's palette: 16 system colours, a 6x6x6 cube, 24 greys. */
unsigned long sd_color_rgb(short c)
{
	static const unsigned long sys[16] = {
		0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
		0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
	};
	if (c < 0 || c > 255)
		return 0;
	if (c < 16)
		return sys[c];
	if (c >= 232) {
		unsigned long g = (unsigned long)(c - 232) * 10 + 8;
		return g << 16 | g << 8 | g;
	}
	static const unsigned char level[6] = { 0, 95, 135, 175, 215, 255 };
	c = (short)(c - 16);
	return (unsigned long)level[c / 36] << 16 | (unsigned long)level[(c / 6) % 6] << 8 | level[c % 6];
}

sd_role sd_class_role(sd_class c)
{
	static const sd_role roles[] = {
#define CLASS_ROLE(e, name, rank, mu, ma, role, ...) SD_ROLE_##role,
		SD_CLASSES(CLASS_ROLE)
#undef CLASS_ROLE
	};
	_Static_assert(sizeof(roles) / sizeof(roles[0]) == SD_CLASS__COUNT, "one role per class");
	return (unsigned)c < SD_CLASS__COUNT ? roles[c] : SD_ROLE_TEXT;
}
