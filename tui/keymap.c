/* keymap.c - the bindings and the generated help (see keymap.h). */
#include "keymap.h"

#include <curses.h>
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
	{ "<Enter>", SD_ACT_EXPLAIN },
	{ "<Space>", SD_ACT_FOLD }, { "z", SD_ACT_FOLD },
	{ "/", SD_ACT_SEARCH },
	{ "n", SD_ACT_SEARCH_NEXT },
	{ "N", SD_ACT_SEARCH_PREV },
	{ "y", SD_ACT_COPY_PATH },
	{ ">", SD_ACT_COPY_TO_RIGHT },
	{ "<", SD_ACT_COPY_TO_LEFT },
	{ "x", SD_ACT_TOGGLE_EMPTY },
	{ "dd", SD_ACT_DELETE },
	{ "u", SD_ACT_UNDO },
	{ "<C-r>", SD_ACT_REDO },
	{ "w", SD_ACT_WRITE },
	{ "E", SD_ACT_EDITOR },
	{ "r", SD_ACT_RELOAD },
	{ "t", SD_ACT_CYCLE_THEME },
	{ "<C-l>", SD_ACT_REDRAW },
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
static const char *const action_names[] = {
	"none",
#define SD_ACTION_NAME(e, help) #e,
	SD_ACTIONS(SD_ACTION_NAME)
#undef SD_ACTION_NAME
};

const char *sd_action_help(sd_action a)
{
	return a < SD_ACT__COUNT ? action_help[a] : "";
}

const char *sd_action_name(sd_action a)
{
	return a < SD_ACT__COUNT ? action_names[a] : "?";
}

static const struct { const char *name; int code; } named[] = {
	{ "<Down>", KEY_DOWN }, { "<Up>", KEY_UP },
	{ "<PageDown>", KEY_NPAGE }, { "<PageUp>", KEY_PPAGE },
	{ "<Home>", KEY_HOME }, { "<End>", KEY_END },
	{ "<Enter>", '\n' }, { "<Tab>", '\t' }, { "<Space>", ' ' },
	{ "<Esc>", 27 }, { "<F1>", KEY_F(1) },
	{ "<C-f>", 6 }, { "<C-b>", 2 }, { "<C-l>", 12 }, { "<C-r>", 18 },
	{ "<WheelUp>", SD_KEY_WHEEL_UP }, { "<WheelDown>", SD_KEY_WHEEL_DOWN },
};

int sd_key_parse(const char *name, sd_keyseq *out)
{
	out->n = 0;
	if (name[0] == '<' && name[1]) {
		for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
			if (!strcmp(name, named[i].name)) {
				out->k[out->n++] = named[i].code;
				return 0;
			}
		return -1;
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

sd_action sd_key_feed(sd_keystate *s, int code)
{
	code = canonical(code);
	int first = s->pending;
	s->pending = 0;
	bool is_prefix = false;
	for (size_t i = 0; i < sd_keymap_count; i++) {
		sd_keyseq q;
		if (sd_key_parse(sd_keymap[i].key, &q))
			continue;
		if (first) {
			if (q.n == 2 && q.k[0] == first && q.k[1] == code)
				return sd_keymap[i].action;
		} else if (q.k[0] == code) {
			if (q.n == 1)
				return sd_keymap[i].action;
			is_prefix = true;
		}
	}
	if (first)   /* "]x": drop the prefix, try x alone */
		return sd_key_feed(s, code);
	if (is_prefix)
		s->pending = code;
	return SD_ACT_NONE;
}

char **sd_help_lines(size_t *n)
{
	char **v = sd_xcalloc(SD_ACT__COUNT, sizeof(*v));
	size_t cnt = 0;
	for (int a = 1; a < SD_ACT__COUNT; a++) {
		sd_buf keys = SD_BUF_INIT;
		for (size_t i = 0; i < sd_keymap_count; i++) {
			if (sd_keymap[i].action != (sd_action)a)
				continue;
			if (keys.len)
				sd_buf_adds(&keys, ", ");
			sd_buf_adds(&keys, sd_keymap[i].key);
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
