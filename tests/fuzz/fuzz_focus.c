/*
 * fuzz_focus.c - --ignore/--only patterns and the configuration parser
 * (focus.h, config.h) on arbitrary text.  The input is
 *     CONFIG-TEXT NUL JSON-DOCUMENT
 * The configuration text is parsed (its "ignore" lines and every line that
 * starts with '/' become patterns); the document is loaded, and every
 * pattern is checked against every node's JSON Pointer with a plain
 * backtracking matcher written here from focus.h's rules: the compiled
 * matcher (a trie of all patterns, focus_set.c) must agree with it for
 * match and covers, and sd_focus_unmatched must report exactly the
 * patterns that match no node.
 */
#include "fuzz_common.h"

#include "specdiff/base.h"
#include "specdiff/config.h"
#include "specdiff/focus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_PATS = 16, MAX_PATHS = 2000, MAX_SEGS = 64 };

/* A segment decoded by focus.h's rules: kind 0 literal, 1 '*', 2 '**', 3
 * glob (text with '\1' where a '*' stood). */
typedef struct rseg {
	int kind;
	char text[256];
	size_t len;
} rseg;

/* Decodes pattern text; -1 when focus.h says it is malformed. */
static int ref_parse(const char *t, rseg *out, size_t max)
{
	if (t[0] && t[0] != '/')
		return -1;
	if (!t[0] || !t[1])
		return 0;
	size_t n = 0;
	const char *s = t + 1;
	for (;;) {
		const char *e = strchr(s, '/');
		size_t l = e ? (size_t)(e - s) : strlen(s);
		if (n == max || l >= sizeof out[n].text)
			return -2;   /* beyond what this reference holds: skipped */
		rseg *g = &out[n++];
		g->len = 0;
		g->kind = l == 1 && s[0] == '*' ? 1 : l == 2 && s[0] == '*' && s[1] == '*' ? 2 : 0;
		for (size_t i = 0; g->kind != 1 && g->kind != 2 && i < l; i++) {
			char c = s[i];
			if (c == '*') {
				g->kind = 3;
				c = '\1';
			} else if (c == '~') {
				if (i + 1 >= l || (s[i + 1] != '0' && s[i + 1] != '1' && s[i + 1] != '2'))
					return -1;
				c = s[i + 1] == '0' ? '~' : s[i + 1] == '1' ? '/' : '*';
				i++;
			}
			g->text[g->len++] = c;
		}
		if (!e)
			break;
		s = e + 1;
	}
	return (int)n;
}

/* A glob t[0..tn) ('\1' = any run) against k[0..kn), by backtracking. */
static int glob(const char *t, size_t tn, const char *k, size_t kn)
{
	if (!tn)
		return kn == 0;
	if (t[0] == '\1') {
		for (size_t i = 0; i <= kn; i++)
			if (glob(t + 1, tn - 1, k + i, kn - i))
				return 1;
		return 0;
	}
	return kn && t[0] == k[0] && glob(t + 1, tn - 1, k + 1, kn - 1);
}

typedef struct rkey {
	const char *s;
	size_t n;
} rkey;

static int seg_ok(const rseg *g, const rkey *k)
{
	if (g->kind == 1 || g->kind == 2)
		return 1;
	return glob(g->text, g->len, k->s, k->n);
}

/* Does pattern g[0..gn) match the keys k[0..kn) exactly? */
static int ref_match(const rseg *g, size_t gn, const rkey *k, size_t kn)
{
	if (!gn)
		return kn == 0;
	if (g[0].kind == 2) {
		for (size_t i = 0; i <= kn; i++)
			if (ref_match(g + 1, gn - 1, k + i, kn - i))
				return 1;
		return 0;
	}
	return kn && seg_ok(&g[0], &k[0]) && ref_match(g + 1, gn - 1, k + 1, kn - 1);
}

/* The document's node paths: escaped text and decoded keys. */
typedef struct paths {
	char *text[MAX_PATHS];
	rkey keys[MAX_PATHS][MAX_SEGS];
	size_t nkeys[MAX_PATHS];
	size_t n;
} paths;

static void collect(paths *ps, const sd_node *n, rkey *stack, size_t depth, sd_buf *path,
		    sd_buf *store)
{
	if (ps->n == MAX_PATHS || depth == MAX_SEGS)
		return;
	size_t me = ps->n++;
	ps->text[me] = sd_xstrdup(path->len ? path->data : "");
	memcpy(ps->keys[me], stack, depth * sizeof *stack);
	ps->nkeys[me] = depth;
	if (n->kind != SD_OBJECT && n->kind != SD_ARRAY)
		return;
	size_t mark = path->len;
	for (uint32_t i = 0; i < n->len && ps->n < MAX_PATHS; i++) {
		const sd_node *kid;
		sd_buf_addc(path, '/');
		if (n->kind == SD_OBJECT) {
			const sd_member *m = &n->u.members[i];
			sd_buf_add_ptr_segment(path, m->key, m->key_len);
			stack[depth] = (rkey){ m->key, m->key_len };
			kid = &m->value;
		} else {
			char idx[16];
			int k = snprintf(idx, sizeof idx, "%u", i);
			sd_buf_add(path, idx, (size_t)k);
			/* the decimal text must outlive this frame */
			char *keep = sd_xstrdup(idx);
			sd_buf_add(store, &keep, sizeof keep);
			stack[depth] = (rkey){ keep, (size_t)k };
			kid = &n->u.items[i];
		}
		collect(ps, kid, stack, depth + 1, path, store);
		path->len = mark;
		path->data[mark] = '\0';
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t clen = nul ? (size_t)(nul - data) : size;
	char *ctext = sd_xstrndup((const char *)data, clen);

	sd_config cfg;
	sd_config_init(&cfg);
	size_t errs = sd_config_parse(&cfg, "fuzz.conf", ctext, clen);
	FUZZ_CHECK(errs == cfg.nerrors);
	FUZZ_CHECK(cfg.nerrors <= SD_CONFIG_MAX_ERRORS);
	for (size_t i = 0; i < cfg.nerrors; i++)
		FUZZ_CHECK(cfg.errors[i].msg[0] != '\0');

	/* patterns: the config's ignore lines, then lines starting with '/' */
	const char *pats[MAX_PATS];
	size_t npats = 0;
	for (size_t i = 0; i < cfg.nignores && npats < MAX_PATS; i++)
		pats[npats++] = cfg.ignores[i].pattern;
	for (char *line = ctext; line && *line && npats < MAX_PATS;) {
		char *e = strchr(line, '\n');
		if (e)
			*e = '\0';
		if (line[0] == '/')
			pats[npats++] = line;
		line = e ? e + 1 : NULL;
	}

	sd_error err;
	sd_doc *doc = NULL;
	if (nul) {
		sd_load_opts o = { 0 };
		o.format = SD_FORMAT_JSON;
		doc = sd_doc_load_bytes("fuzz.json", (const char *)nul + 1, size - clen - 1, &o, &err);
	}
	static paths ps;
	ps.n = 0;
	sd_buf path = SD_BUF_INIT, store = SD_BUF_INIT;
	rkey stack[MAX_SEGS];
	if (doc)
		collect(&ps, sd_doc_root(doc), stack, 0, &path, &store);

	sd_focus *f = sd_focus_new();
	bool added[MAX_PATS] = { false };
	for (size_t i = 0; i < npats; i++) {
		rseg g[MAX_SEGS];
		int gn = ref_parse(pats[i], g, MAX_SEGS);
		sd_pattern *p = sd_pattern_compile(pats[i], &err);
		if (gn != -2)
			FUZZ_CHECK((p == NULL) == (gn == -1));
		if (!p)
			continue;
		FUZZ_CHECK(strcmp(sd_pattern_text(p), pats[i]) == 0);
		bool any = false;
		for (size_t k = 0; gn >= 0 && k < ps.n; k++) {
			bool m = sd_pattern_match(p, ps.text[k]);
			FUZZ_CHECK(m == (bool)ref_match(g, (size_t)gn, ps.keys[k], ps.nkeys[k]));
			bool cov = false;
			for (size_t j = 0; j <= ps.nkeys[k] && !cov; j++)
				cov = ref_match(g, (size_t)gn, ps.keys[k], j);
			FUZZ_CHECK(sd_pattern_covers(p, ps.text[k]) == cov);
			any |= m;
		}
		sd_pattern_free(p);
		if (gn >= 0 && ps.n < MAX_PATHS) {
			/* one set for all: unmatched must agree with the walk above */
			FUZZ_CHECK(sd_focus_add_ignore(f, pats[i], &err));
			added[i] = !any;
		}
	}
	if (doc && ps.n < MAX_PATHS) {
		const char *un[MAX_PATS];
		size_t nun = sd_focus_unmatched(f, doc, NULL, NULL, NULL, un, NULL, MAX_PATS);
		size_t want = 0;
		for (size_t i = 0; i < npats; i++)
			want += added[i];
		FUZZ_CHECK(nun == want);
	}
	sd_focus_free(f);

	for (size_t k = 0; k < ps.n; k++)
		free(ps.text[k]);
	for (size_t i = 0; i < store.len / sizeof(char *); i++)
		free(((char **)store.data)[i]);
	sd_buf_release(&store);
	sd_buf_release(&path);
	sd_doc_free(doc);
	sd_config_release(&cfg);
	free(ctext);
	return 0;
}
