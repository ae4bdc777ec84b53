/* tour.c - a lesson as the explorer shows it (see tour.h). */
#include "tour.h"

#include <stdlib.h>
#include <string.h>

#include "specdiff/util.h"

static void add(sd_tour_view *v, sd_role role, const char *text)
{
	v->lines = sd_xrealloc(v->lines, (v->n + 1) * sizeof(*v->lines));
	v->lines[v->n++] = (sd_panel_line){ role, sd_xstrdup(text) };
}

static void add_part(sd_tour_view *v, const char *label, const char *text)
{
	if (!*text)
		return;
	add(v, SD_ROLE_PANEL_LABEL, label);
	sd_buf b = SD_BUF_INIT;
	sd_buf_addf(&b, "  %s", text);
	add(v, SD_ROLE_PANEL, b.data);
	sd_buf_release(&b);
}

/* A key as the help screen names it, "<Right>" as "Right". */
static void key_name(sd_buf *b, const sd_keys *keys, sd_action a, const char *none)
{
	const char *k = sd_keys_first(keys, a);
	size_t n = k ? strlen(k) : 0;
	if (!k)
		sd_buf_adds(b, none);
	else if (k[0] == '<' && n > 2 && k[n - 1] == '>')
		sd_buf_add(b, k + 1, n - 2);
	else
		sd_buf_adds(b, k);
}

void sd_tour_view_build(sd_tour_view *v, const sd_lesson *l, size_t k, size_t n,
			const sd_keys *keys, const char *warning)
{
	sd_keys builtin;
	if (!keys) {
		sd_keys_init(&builtin);
		keys = &builtin;
	}
	memset(v, 0, sizeof(*v));
	sd_buf b = SD_BUF_INIT;
	sd_buf_addf(&b, "lesson %zu of %zu: %s", k, n, l->title);
	v->title = sd_buf_detach(&b, NULL);
	key_name(&b, keys, SD_ACT_TOUR_NEXT, "(unbound)");
	sd_buf_adds(&b, " next lesson  ");
	key_name(&b, keys, SD_ACT_TOUR_PREV, "(unbound)");
	sd_buf_adds(&b, " previous  ");
	key_name(&b, keys, SD_ACT_QUIT, "(unbound)");
	sd_buf_adds(&b, " leaves the tour  ");
	v->hint = sd_buf_detach(&b, NULL);
	sd_buf_addf(&b, "Lesson %zu of %zu: %s  (at %s)", k, n, l->title, l->node);
	add(v, SD_ROLE_PANEL_TITLE, b.data);
	sd_buf_reset(&b);
	add(v, SD_ROLE_PANEL_LABEL, v->hint);   /* the status line may hold a message */
	if (warning) {
		sd_buf_addf(&b, "This lesson's text does not match the program: %s", warning);
		add(v, SD_ROLE_ERROR, b.data);
		sd_buf_reset(&b);
	}
	add_part(v, "What you see", l->see);
	add_part(v, "Why Go says so", l->why);
	add_part(v, "What to try", l->try_);
	add(v, SD_ROLE_PANEL_TITLE, "What Go holds at the selected node (the explanation panel):");
	sd_buf_release(&b);
	if (keys == &builtin)
		sd_keys_release(&builtin);
}

void sd_tour_view_release(sd_tour_view *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->lines[i].text);
	free(v->lines);
	free(v->title);
	free(v->hint);
	memset(v, 0, sizeof(*v));
}

void sd_tour_panel(const sd_tour_view *v, sd_panel *p)
{
	size_t need = p->n + v->n;
	if (need > p->cap) {
		p->cap = need;
		p->v = sd_xrealloc(p->v, p->cap * sizeof(*p->v));
	}
	memmove(p->v + v->n, p->v, p->n * sizeof(*p->v));
	for (size_t i = 0; i < v->n; i++)
		p->v[i] = (sd_panel_line){ v->lines[i].role, sd_xstrdup(v->lines[i].text) };
	p->n = need;
}
