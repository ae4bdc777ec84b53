/* keymap.c - the bindings and the generated help (see keymap.h). */
#include "keymap.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "specdiff/util.h"

const sd_binding sd_keymap[] = {
	{ "j", SD_ACT_DOWN }, { "<Down>", SD_ACT_DOWN },
	{ "k", SD_ACT_UP }, { "<Up>", SD_ACT_UP },
	{ "<PageDown>", SD_ACT_PAGE_DOWN }, { "<C-f>", SD_ACT_PAGE_DOWN },
	{ "<PageUp>", SD_ACT_PAGE_UP }, { "<C-b>", SD_ACT_PAGE_UP },
	{ "g", SD_ACT_FIRST }, { "<Home>", SD_ACT_FIRST },
	{ "G", SD_ACT_LAST }, { "<End>", SD_ACT_LAST },
	{ "]c", SD_ACT_NEXT_DIFF },
	{ "[c", SD_ACT_PREV_DIFF },
	{ "<Tab>", SD_ACT_SWITCH_PANE },
	{ "m", SD_ACT_TOGGLE_MODE },
	{ "c", SD_ACT_TOGGLE_COSMETIC },
	{ "i", SD_ACT_TOGGLE_IGNORED },
	{ "R", SD_ACT_TOGGLE_RESTORE },
	{ "<Enter>", SD_ACT_EXPLAIN },
	{ "J", SD_ACT_PANEL_DOWN },
	{ "K", SD_ACT_PANEL_UP },
	{ "<Space>", SD_ACT_FOLD }, { "z", SD_ACT_FOLD },
	{ "h", SD_ACT_FOLD_CLOSE }, { "l", SD_ACT_FOLD_OPEN },
	{ "e", SD_ACT_EXPAND_ALL }, { "E", SD_ACT_COLLAPSE_ALL },
	{ "/", SD_ACT_SEARCH },
	{ "n", SD_ACT_SEARCH_NEXT },
	{ "N", SD_ACT_SEARCH_PREV },
	{ "y", SD_ACT_COPY_PATH },
	{ ">", SD_ACT_COPY_TO_RIGHT },
	{ "<", SD_ACT_COPY_TO_LEFT },
	{ "x", SD_ACT_TOGGLE_EMPTY },
	{ "dd", SD_ACT_DELETE },
	{ "dp", SD_ACT_DIFF_PUT },
	{ "do", SD_ACT_DIFF_OBTAIN },
	{ "u", SD_ACT_UNDO },
	{ "<C-r>", SD_ACT_REDO },
	{ "w", SD_ACT_WRITE },
	{ "v", SD_ACT_EDITOR },
	{ "r", SD_ACT_RELOAD },
	{ "t", SD_ACT_CYCLE_THEME },
	{ "<C-l>", SD_ACT_REDRAW },
	{ "]l", SD_ACT_TOUR_NEXT },
	{ "[l", SD_ACT_TOUR_PREV },
	{ "?", SD_ACT_HELP }, { "<F1>", SD_ACT_HELP },
	{ "<Esc>", SD_ACT_CLOSE },
	{ "q", SD_ACT_QUIT },
	{ "<WheelDown>", SD_ACT_DOWN }, { "<WheelUp>", SD_ACT_UP },
};
const size_t sd_keymap_count = sizeof(sd_keymap) / sizeof(sd_keymap[0]);

static const char *const action_help[] = {
	"",
#define SD_ACTION_HELP(e, help) help,
	SD_ACTIONS(SD_ACTION_HELP)
#undef SD_ACTION_HELP
};
#define SD_ACTION_NAME(e, help) #e,
static const char *const action_enums[] = { "NONE", SD_ACTIONS(SD_ACTION_NAME) };
#undef SD_ACTION_NAME

const char *sd_action_help(sd_action a)
{
	return a < SD_ACT__COUNT ? action_help[a] : "";
}

/* "NEXT_DIFF" -> "next-diff", made once: the bind names are the enum's. */
const char *sd_action_name(sd_action a)
{
	static char names[SD_ACT__COUNT][32];
	if (a >= SD_ACT__COUNT)
		return "?";
	if (!names[a][0]) {
		const char *e = action_enums[a];
		size_t i = 0;
		for (; e[i] && i + 1 < sizeof(names[a]); i++)
			names[a][i] = e[i] == '_' ? '-' : (char)(e[i] - 'A' + 'a');
		names[a][i] = '\0';
	}
	return names[a];
}

bool sd_action_parse(const char *name, sd_action *out)
{
	for (int a = 0; a < SD_ACT__COUNT; a++)
		if (!strcmp(name, sd_action_name((sd_action)a))) {
			*out = (sd_action)a;
			return true;
		}
	return false;
}

static const struct { const char *name; int code; } named[] = {
	{ "<Down>", KEY_DOWN }, { "<Up>", KEY_UP },
	{ "<PageDown>", KEY_NPAGE }, { "<PageUp>", KEY_PPAGE },
	{ "<Home>", KEY_HOME }, { "<End>", KEY_END },
	{ "<Left>", KEY_LEFT }, { "<Right>", KEY_RIGHT },
	{ "<Enter>", '\n' }, { "<Tab>", '\t' }, { "<Space>", ' ' },
	{ "<Esc>", 27 }, { "<Backspace>", KEY_BACKSPACE }, { "<Del>", KEY_DC },
	{ "<WheelUp>", SD_KEY_WHEEL_UP }, { "<WheelDown>", SD_KEY_WHEEL_DOWN },
};

/* <C-a>..<C-z> and <F1>..<F12>, by rule rather than by list. */
static int parse_generic(const char *name)
{
	size_t len = strlen(name);
	if (len == 5 && !strncmp(name, "<C-", 3) && name[4] == '>' && name[3] >= 'a' && name[3] <= 'z')
		return name[3] & 0x1f;
	if (name[1] == 'F' && name[len - 1] == '>' && len >= 4 && len <= 5) {
		int n = 0;
		for (size_t i = 2; i + 1 < len; i++) {
			if (name[i] < '0' || name[i] > '9')
				return -1;
			n = n * 10 + (name[i] - '0');
		}
		return n >= 1 && n <= 12 && name[2] != '0' ? KEY_F(n) : -1;
	}
	return -1;
}

int sd_key_parse(const char *name, sd_keyseq *out)
{
	out->n = 0;
	if (name[0] == '<' && name[1]) {
		for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
			if (!strcmp(name, named[i].name)) {
				out->k[out->n++] = named[i].code;
				return 0;
			}
		int code = parse_generic(name);
		if (code < 0)
			return -1;
		out->k[out->n++] = code;
		return 0;
	}
	size_t len = strlen(name);
	if (len < 1 || len > 2)
		return -1;
	for (size_t i = 0; i < len; i++)
		out->k[out->n++] = (unsigned char)name[i];
	return 0;
}

/* Codes that also arrive as other codes: Enter as CR and KEY_ENTER. */
static int canonical(int code)
{
	if (code == '\r' || code == KEY_ENTER)
		return '\n';
	return code;
}

/* ---- the live keymap ---- */

static void keys_push(sd_keys *k, const char *key, const sd_keyseq *q, sd_action a)
{
	if (k->n == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 64;
		k->v = sd_xrealloc(k->v, k->cap * sizeof(*k->v));
	}
	sd_live_binding *b = &k->v[k->n++];
	snprintf(b->key, sizeof(b->key), "%s", key);
	b->seq = *q;
	b->action = a;
}

void sd_keys_init(sd_keys *k)
{
	memset(k, 0, sizeof(*k));
	for (size_t i = 0; i < sd_keymap_count; i++) {
		sd_keyseq q;
		if (!sd_key_parse(sd_keymap[i].key, &q))
			keys_push(k, sd_keymap[i].key, &q, sd_keymap[i].action);
	}
}

void sd_keys_release(sd_keys *k)
{
	free(k->v);
	memset(k, 0, sizeof(*k));
}

/* Do a and b clash: the same key, or one is the other's first key? */
static bool clash(const sd_keyseq *a, const sd_keyseq *b)
{
	if (a->k[0] != b->k[0])
		return false;
	return a->n != b->n || a->n == 1 || a->k[1] == b->k[1];
}

int sd_keys_bind(sd_keys *k, const char *key, const char *action, char *err, size_t errsize)
{
	sd_keyseq q;
	sd_action a;
	if (strlen(key) >= sizeof(k->v[0].key) || sd_key_parse(key, &q)) {
		snprintf(err, errsize, "bind: unknown key '%s'", key);
		return -1;
	}
	if (!sd_action_parse(action, &a)) {
		snprintf(err, errsize, "bind: unknown action '%s'", action);
		return -1;
	}
	size_t j = 0;
	for (size_t i = 0; i < k->n; i++)
		if (!clash(&k->v[i].seq, &q))
			k->v[j++] = k->v[i];
	k->n = j;
	if (a != SD_ACT_NONE)
		keys_push(k, key, &q, a);
	return 0;
}

static const sd_keys *default_keys(void)
{
	static sd_keys k;
	if (!k.v)
		sd_keys_init(&k);   /* never freed: lives as long as the table */
	return &k;
}

sd_action sd_keys_feed(const sd_keys *k, sd_keystate *s, int code)
{
	code = canonical(code);
	int first = s->pending;
	s->pending = 0;
	bool is_prefix = false;
	for (size_t i = 0; i < k->n; i++) {
		const sd_keyseq *q = &k->v[i].seq;
		if (first) {
			if (q->n == 2 && q->k[0] == first && q->k[1] == code)
				return k->v[i].action;
		} else if (q->k[0] == code) {
			if (q->n == 1)
				return k->v[i].action;
			is_prefix = true;
		}
	}
	if (first)   /* "]x": drop the prefix, try x alone */
		return sd_keys_feed(k, s, code);
	if (is_prefix)
		s->pending = code;
	return SD_ACT_NONE;
}

sd_action sd_key_feed(sd_keystate *s, int code)
{
	return sd_keys_feed(s->keys ? s->keys : default_keys(), s, code);
}

void sd_keys_continuations(const sd_keys *k, int first, sd_buf *out)
{
	bool any = false;
	for (size_t i = 0; i < k->n; i++)
		if (k->v[i].key[0] == first && k->v[i].key[1] && !k->v[i].key[2]) {
			sd_buf_addf(out, "%s%s %s", any ? ", " : "", k->v[i].key,
				    sd_action_name(k->v[i].action));
			any = true;
		}
}

const char *sd_keys_first(const sd_keys *k, sd_action a)
{
	for (size_t i = 0; i < k->n; i++)
		if (k->v[i].action == a)
			return k->v[i].key;
	return NULL;
}

char **sd_keys_help(const sd_keys *k, size_t *n)
{
	char **v = sd_xcalloc(SD_ACT__COUNT, sizeof(*v));
	size_t cnt = 0;
	for (int a = 1; a < SD_ACT__COUNT; a++) {
		sd_buf keys = SD_BUF_INIT;
		for (size_t i = 0; i < k->n; i++) {
			if (k->v[i].action != (sd_action)a)
				continue;
			if (keys.len)
				sd_buf_adds(&keys, ", ");
			sd_buf_adds(&keys, k->v[i].key);
		}
		if (!keys.len) {
			sd_buf_release(&keys);
			continue;
		}
		sd_buf line = SD_BUF_INIT;
		sd_buf_addf(&line, "%-26s %s", keys.data, action_help[a]);
		sd_buf_release(&keys);
		v[cnt++] = sd_buf_detach(&line, NULL);
	}
	*n = cnt;
	return v;
}

char **sd_help_lines(size_t *n)
{
	return sd_keys_help(default_keys(), n);
}
