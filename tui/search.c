/* search.c - finding keys and values in the pair tree (see search.h). */
#include "search.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "rows.h"
#include "specdiff/util.h"

static void forget_pattern(void);

void sd_search_init(sd_search *s)
{
	memset(s, 0, sizeof(*s));
}

void sd_search_release(sd_search *s)
{
	free(s->pre);
	free(s->mpat);
	free(s->mv);
	sd_search_init(s);
	forget_pattern();
}

/* The compiled form of the last pattern (the explorer searches one pattern
 * at a time; draw.c highlights with it on every row). */
static struct {
	char *pat;
	regex_t re;
	int rc;          /* regcomp's result */
} last;

static void forget_pattern(void)
{
	if (last.pat && last.rc == 0)
		regfree(&last.re);
	free(last.pat);
	last.pat = NULL;
}

static const regex_t *compiled(const char *pat)
{
	if (last.pat && !strcmp(last.pat, pat))
		return last.rc ? NULL : &last.re;
	forget_pattern();
	bool icase = true;   /* vim's smartcase: a capital makes case matter */
	for (const char *p = pat; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			icase = false;
	last.pat = sd_xstrdup(pat);
	last.rc = regcomp(&last.re, pat, REG_EXTENDED | (icase ? REG_ICASE : 0));
	return last.rc ? NULL : &last.re;
}

bool sd_search_pattern_error(const char *pat, char *err, size_t errsize)
{
	if (compiled(pat))
		return false;
	regerror(last.rc, &last.re, err, errsize);
	return true;
}

/* regexec on s[i..len) (a copy: the texts are not NUL-terminated). */
static bool exec_at(const regex_t *re, const char *s, size_t len, size_t i, regmatch_t *m)
{
	char small[256];
	size_t n = len - i;
	char *t = n < sizeof small ? small : sd_xmalloc(n + 1);
	memcpy(t, s + i, n);
	t[n] = '\0';
	bool hit = regexec(re, t, 1, m, i ? REG_NOTBOL : 0) == 0;
	if (t != small)
		free(t);
	return hit;
}

size_t sd_search_match_at(const char *s, size_t len, size_t i, const char *pat)
{
	const regex_t *re = *pat ? compiled(pat) : NULL;
	regmatch_t m;
	if (!re || i >= len || !exec_at(re, s, len, i, &m) || m.rm_so != 0)
		return 0;
	return (size_t)m.rm_eo;
}

static bool contains(const char *s, size_t len, const char *pat)
{
	const regex_t *re = compiled(pat);
	regmatch_t m;
	return re && exec_at(re, s, len, 0, &m);
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

/* Every match of pat, in document order (made once per pattern). */
static void list_matches(sd_search *s, const char *pat)
{
	if (s->mpat && !strcmp(s->mpat, pat))
		return;
	free(s->mpat);
	free(s->mv);
	s->mpat = sd_xstrdup(pat);
	s->mv = NULL;
	s->mn = 0;
	size_t cap = 0;
	sd_buf tmp = SD_BUF_INIT;
	for (size_t i = 0; i < s->n; i++)
		if (pair_matches(s->pre[i], pat, &tmp)) {
			s->mv = sd_xgrow(s->mv, &cap, s->mn + 1, sizeof(*s->mv));
			s->mv[s->mn++] = i;
		}
	sd_buf_release(&tmp);
}

const sd_pair *sd_search_find(sd_search *s, const sd_diff *diff, const sd_pair *root,
			      const sd_pair *from, const char *pat, int dir, bool *wrapped)
{
	*wrapped = false;
	if (!root || !*pat || !compiled(pat))
		return NULL;
	if (!s->pre)
		preorder(s, diff, root);
	size_t at = 0;
	for (size_t i = 0; i < s->n; i++)
		if (s->pre[i] == from) {
			at = i;
			break;
		}
	list_matches(s, pat);
	if (!s->mn)
		return NULL;
	/* the first match after at (dir > 0) or the last before it */
	size_t lo = 0, hi = s->mn;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (dir > 0 ? s->mv[mid] <= at : s->mv[mid] < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t j;
	if (dir > 0) {
		*wrapped = lo == s->mn;
		j = *wrapped ? 0 : lo;
	} else {
		*wrapped = lo == 0;
		j = *wrapped ? s->mn - 1 : lo - 1;
	}
	s->cur = j;
	return s->pre[s->mv[j]];
}

size_t sd_search_count(const sd_search *s, size_t *rank)
{
	*rank = s->mn ? s->cur + 1 : 0;
	return s->mn;
}
