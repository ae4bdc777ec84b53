/* base_path.c - JSON Pointer segments and Go's path.Clean/path.Base. */
#include "specdiff/base.h"

#include <string.h>

void sd_buf_add_ptr_segment(sd_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '~')
			sd_buf_add(b, "~0", 2);
		else if (s[i] == '/')
			sd_buf_add(b, "~1", 2);
		else
			sd_buf_addc(b, s[i]);
	}
}

void sd_ptr_iter_init(sd_ptr_iter *it, const char *ptr, size_t len)
{
	it->p = ptr;
	it->end = ptr + len;
}

bool sd_ptr_next(sd_ptr_iter *it, const char **seg, size_t *n)
{
	if (it->p >= it->end || *it->p != '/')
		return false;
	const char *s = it->p + 1;
	const char *e = memchr(s, '/', (size_t)(it->end - s));
	if (!e)
		e = it->end;
	*seg = s;
	*n = (size_t)(e - s);
	it->p = e;
	return true;
}

bool sd_ptr_unescape(sd_buf *out, const char *s, size_t n, size_t *bad)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '~') {
			sd_buf_addc(out, s[i]);
			continue;
		}
		if (i + 1 >= n || (s[i + 1] != '0' && s[i + 1] != '1')) {
			if (bad)
				*bad = i;
			return false;
		}
		sd_buf_addc(out, s[i + 1] == '0' ? '~' : '/');
		i++;
	}
	sd_buf_grow(out, 0);
	return true;
}

/* path.Clean's lexical rules: drop empty and "." elements, let ".." eat the
 * element before it (never the root; kept at the front of a relative
 * path), "." for an empty result. */
void sd_path_clean(sd_buf *out, const char *p, size_t n)
{
	bool rooted = n && p[0] == '/';
	size_t start = out->len, dotdot;
	if (rooted)
		sd_buf_addc(out, '/');
	dotdot = out->len;  /* ".." may not back up over out[start..dotdot) */
	for (size_t r = 0; r < n;) {
		size_t e = r;
		while (e < n && p[e] != '/')
			e++;
		size_t l = e - r;
		const char *s = p + r;
		r = e + 1;
		if (l == 0 || (l == 1 && s[0] == '.'))
			continue;
		if (l == 2 && s[0] == '.' && s[1] == '.') {
			if (out->len > dotdot) {
				size_t w = out->len - 1;
				while (w > dotdot && out->data[w] != '/')
					w--;
				out->len = w;
				out->data[w] = '\0';
			} else if (!rooted) {
				if (out->len > start)
					sd_buf_addc(out, '/');
				sd_buf_add(out, "..", 2);
				dotdot = out->len;
			}
			continue;
		}
		if (out->len > start + (rooted ? 1 : 0))
			sd_buf_addc(out, '/');
		sd_buf_add(out, s, l);
	}
	if (out->len == start)
		sd_buf_addc(out, '.');
}

void sd_path_base(const char *p, size_t n, const char **base, size_t *blen)
{
	bool any = n > 0;
	while (n > 0 && p[n - 1] == '/')
		n--;
	if (n == 0) {
		*base = any ? "/" : ".";
		*blen = 1;
		return;
	}
	size_t i = n;
	while (i > 0 && p[i - 1] != '/')
		i--;
	*base = p + i;
	*blen = n - i;
}
