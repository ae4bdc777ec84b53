/* search.c - finding keys and values in the pair tree (see search.h). */
#include "search.h"

#include <stdlib.h>
#include <string.h>

#include "rows.h"
#include "specdiff/util.h"

void sd_search_init(sd_search *s)
{
	memset(s, 0, sizeof(*s));
}

void sd_search_release(sd_search *s)
{
	free(s->pre);
	sd_search_init(s);
}

size_t sd_search_match_at(const char *s, size_t len, size_t i, const char *pat)
{
	bool icase = true;
	for (const char *p = pat; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			icase = false;
	size_t n = strlen(pat);
	if (!n || i + n > len)
		return 0;
	for (size_t k = 0; k < n; k++) {
		char a = s[i + k];
		if (icase && a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (a != pat[k])
			return 0;
	}
	return n;
}

static bool contains(const char *s, size_t len, const char *pat)
{
	for (size_t i = 0; i < len; i++)
		if (sd_search_match_at(s, len, i, pat))
			return true;
	return false;
}

static bool pair_matches(const sd_pair *p, const char *pat, sd_buf *tmp)
{
	for (int side = 0; side < 2; side++) {
		const char *key = side ? p->rkey : p->lkey;
		if (key && contains(key, side ? p->rkey_len : p->lkey_len, pat))
			return true;
		const sd_node *n = sd_pair_node(p, side);
		if (n && n->kind != SD_ARRAY && n->kind != SD_OBJECT) {
			sd_buf_reset(tmp);
			sd_node_scalar_text(tmp, n);
			if (contains(tmp->data, tmp->len, pat))
				return true;
		}
	}
	return false;
}

/* Every pair in document order, building what the diff left unbuilt. */
static void preorder(sd_search *s, const sd_diff *diff, const sd_pair *root)
{
	size_t cap = 1024, scap = 64, top = 0;
	s->pre = sd_xmalloc(cap * sizeof(*s->pre));
	const sd_pair **st = sd_xmalloc(scap * sizeof(*st));
	st[top++] = root;
	while (top) {
		const sd_pair *p = st[--top];
		if (diff)
			sd_diff_expand(diff, p);
		if (s->n == cap)
			s->pre = sd_xrealloc(s->pre, (cap *= 2) * sizeof(*s->pre));
		s->pre[s->n++] = p;
		if (top + p->nkids > scap) {
			while (top + p->nkids > scap)
				scap *= 2;
			st = sd_xrealloc(st, scap * sizeof(*st));
		}
		for (size_t k = p->nkids; k-- > 0;)
			st[top++] = p->kids[k];
	}
	free(st);
}

const sd_pair *sd_search_find(sd_search *s, const sd_diff *diff, const sd_pair *root,
			      const sd_pair *from, const char *pat, int dir, bool *wrapped)
{
	*wrapped = false;
	if (!root || !*pat)
		return NULL;
	if (!s->pre)
		preorder(s, diff, root);
	size_t at = 0;
	for (size_t i = 0; i < s->n; i++)
		if (s->pre[i] == from) {
			at = i;
			break;
		}
	sd_buf tmp = SD_BUF_INIT;
	const sd_pair *found = NULL;
	for (size_t step = 1; step <= s->n && !found; step++) {
		size_t i = dir > 0 ? (at + step) % s->n : (at + s->n - step % s->n) % s->n;
		if (pair_matches(s->pre[i], pat, &tmp)) {
			found = s->pre[i];
			*wrapped = dir > 0 ? i <= at : i >= at;
		}
	}
	sd_buf_release(&tmp);
	return found;
}
