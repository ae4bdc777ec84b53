/*
 * image.c - reads the metadata header of a gVisor checkpoint image.
 *
 * Layout: "gVisorSF", a big-endian uint64 N, N bytes of JSON (a map of
 * string to string).  Only those 16 + N bytes are read.  The value of
 * "container_specs" is itself JSON text: an object from container name to
 * spec.  Each spec is kept as its exact bytes (found with a small span
 * scanner) because re-serialising through jansson would refuse integers
 * above INT64_MAX (RLIMIT_INFINITY) and re-spell numbers.
 */
#include "specdiff/image.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "specdiff/util.h"

#define HEADER_PREFIX 16 /* magic + length */
#define SPECS_KEY "container_specs"
#define VERSION_KEY "runsc_version"
#define MAX_SCAN_DEPTH 10000u

typedef struct image_container {
	char *name;
	size_t name_len;
	char *spec;
	size_t spec_len;
} image_container;

struct sd_image {
	char *path;
	char *runsc_version;
	image_container *c;
	size_t n;
};

bool sd_image_sniff(const void *bytes, size_t len)
{
	return len >= 8 && memcmp(bytes, SD_IMAGE_MAGIC, 8) == 0;
}

/* ---- reading the header ---- */

static char *image_file_path(const char *path)
{
	struct stat st;
	sd_buf b = SD_BUF_INIT;

	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
		return sd_xstrdup(path);
	sd_buf_adds(&b, path);
	if (b.len == 0 || b.data[b.len - 1] != '/')
		sd_buf_addc(&b, '/');
	sd_buf_adds(&b, "checkpoint.img");
	return sd_buf_detach(&b, NULL);
}

static uint64_t be64(const unsigned char *p)
{
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

/* read(2) until n bytes or end of file; unbuffered, so not one byte of the
 * memory image behind the header is read. */
static size_t read_full(int fd, void *buf, size_t n)
{
	size_t got = 0;
	while (got < n) {
		ssize_t r = read(fd, (char *)buf + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	return got;
}

bool sd_image_sniff_path(const char *path)
{
	char *file = image_file_path(path);
	unsigned char magic[8];
	struct stat st;
	bool yes = false;
	int fd = open(file, O_RDONLY);

	if (fd >= 0) {
		yes = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		      read_full(fd, magic, sizeof magic) == sizeof magic &&
		      sd_image_sniff(magic, sizeof magic);
		close(fd);
	}
	free(file);
	return yes;
}

/* Reads the 16-byte prefix and the metadata; returns it malloc'ed. */
static char *read_metadata(int fd, const char *path, size_t *len, sd_error *err)
{
	unsigned char pre[HEADER_PREFIX];
	size_t got = read_full(fd, pre, sizeof pre);
	struct stat st;

	if (got < 8 || !sd_image_sniff(pre, got)) {
		sd_error_set(err, path, 0, 0,
			     got < 8 && (got == 0 || memcmp(pre, SD_IMAGE_MAGIC, got) == 0)
				     ? "truncated checkpoint image: %zu bytes, the header needs %d"
				     : "not a gVisor checkpoint image: it does not start with \"gVisorSF\" (%zu bytes read)",
			     got, HEADER_PREFIX);
		return NULL;
	}
	if (got < HEADER_PREFIX) {
		sd_error_set(err, path, 0, 0,
			     "truncated checkpoint image: %zu bytes, the header needs %d",
			     got, HEADER_PREFIX);
		return NULL;
	}
	uint64_t n = be64(pre + 8);
	if (n > SD_IMAGE_MAX_HEADER) {
		sd_error_set(err, path, 0, 0,
			     "corrupt checkpoint image: metadata length field says %llu bytes, more than the %zu-byte limit",
			     (unsigned long long)n, SD_IMAGE_MAX_HEADER);
		return NULL;
	}
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (uint64_t)st.st_size - HEADER_PREFIX < n) {
		sd_error_set(err, path, 0, 0,
			     "truncated checkpoint image: metadata length field says %llu bytes, but only %llu follow the header",
			     (unsigned long long)n,
			     (unsigned long long)(st.st_size - HEADER_PREFIX));
		return NULL;
	}
	char *buf = sd_xmalloc((size_t)n + 1);
	got = read_full(fd, buf, (size_t)n);
	if (got < n) {
		sd_error_set(err, path, 0, 0,
			     "truncated checkpoint image: metadata length field says %llu bytes, read %zu",
			     (unsigned long long)n, got);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = (size_t)n;
	return buf;
}

/* ---- the container_specs text: a span scanner ---- */

typedef struct scan {
	const char *s;
	size_t len, pos;
	const char *bad; /* what went wrong, or NULL */
} scan;

static void skip_ws(scan *sc)
{
	while (sc->pos < sc->len && strchr(" \t\r\n", sc->s[sc->pos]) && sc->s[sc->pos])
		sc->pos++;
}

static bool scan_fail(scan *sc, const char *why)
{
	if (!sc->bad)
		sc->bad = why;
	return false;
}

/* Skips a string literal starting at '"'; escapes are skipped, not checked. */
static bool skip_string(scan *sc)
{
	sc->pos++;
	while (sc->pos < sc->len) {
		char c = sc->s[sc->pos++];
		if (c == '"')
			return true;
		if (c == '\\')
			sc->pos++;
	}
	return scan_fail(sc, "unterminated string");
}

/* Skips one JSON value, balancing brackets; full validation is left to the
 * spec loader, which reports positions inside the spec. */
static bool skip_value(scan *sc)
{
	unsigned depth = 0;

	skip_ws(sc);
	do {
		if (sc->pos >= sc->len)
			return scan_fail(sc, "unexpected end of text");
		char c = sc->s[sc->pos];
		if (c == '"') {
			if (!skip_string(sc))
				return false;
		} else if (c == '{' || c == '[') {
			if (++depth > MAX_SCAN_DEPTH)
				return scan_fail(sc, "nesting too deep");
			sc->pos++;
		} else if (c == '}' || c == ']') {
			if (depth == 0)
				return scan_fail(sc, "unexpected closing bracket");
			depth--;
			sc->pos++;
		} else if (depth == 0 && strchr(",:", c)) {
			return scan_fail(sc, "expected a value");
		} else {
			sc->pos++;
			/* a bare scalar at depth 0 ends before a delimiter */
			while (depth == 0 && sc->pos < sc->len &&
			       !strchr(" \t\r\n,}]:\"", sc->s[sc->pos]))
				sc->pos++;
		}
	} while (depth > 0);
	return true;
}

static char *decode_key(const char *lit, size_t n, size_t *out_len)
{
	json_error_t je;
	json_t *j = json_loadb(lit, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, &je);
	if (!j || !json_is_string(j)) {
		json_decref(j);
		return NULL;
	}
	*out_len = json_string_length(j);
	char *s = sd_xmalloc(*out_len + 1);
	memcpy(s, json_string_value(j), *out_len);
	s[*out_len] = '\0';
	json_decref(j);
	return s;
}

static void add_container(sd_image *img, size_t *cap, char *name, size_t name_len,
			  const char *spec, size_t spec_len)
{
	for (size_t i = 0; i < img->n; i++) {
		image_container *c = &img->c[i];
		if (c->name_len == name_len && memcmp(c->name, name, name_len) == 0) {
			/* a repeated key: the later one wins, as in a Go map */
			free(name);
			free(c->spec);
			c->spec = sd_xstrndup(spec, spec_len);
			c->spec_len = spec_len;
			return;
		}
	}
	if (img->n == *cap) {
		*cap = *cap ? *cap * 2 : 4;
		img->c = sd_xrealloc(img->c, *cap * sizeof *img->c);
	}
	img->c[img->n++] = (image_container){ name, name_len,
					      sd_xstrndup(spec, spec_len), spec_len };
}

static bool scan_member(scan *sc, sd_image *img, size_t *cap)
{
	skip_ws(sc);
	if (sc->pos >= sc->len || sc->s[sc->pos] != '"')
		return scan_fail(sc, "expected a container name");
	size_t k0 = sc->pos;
	if (!skip_string(sc))
		return false;
	size_t name_len;
	char *name = decode_key(sc->s + k0, sc->pos - k0, &name_len);
	if (!name)
		return scan_fail(sc, "invalid container name string");
	skip_ws(sc);
	if (sc->pos >= sc->len || sc->s[sc->pos] != ':') {
		free(name);
		return scan_fail(sc, "expected ':' after a container name");
	}
	sc->pos++;
	skip_ws(sc);
	size_t v0 = sc->pos;
	if (!skip_value(sc)) {
		free(name);
		return false;
	}
	add_container(img, cap, name, name_len, sc->s + v0, sc->pos - v0);
	return true;
}

static bool scan_specs(scan *sc, sd_image *img)
{
	size_t cap = 0;

	skip_ws(sc);
	if (sc->pos >= sc->len || sc->s[sc->pos] != '{')
		return scan_fail(sc, "expected a JSON object of container name to spec");
	sc->pos++;
	skip_ws(sc);
	if (sc->pos < sc->len && sc->s[sc->pos] == '}') {
		sc->pos++;
	} else {
		for (;;) {
			if (!scan_member(sc, img, &cap))
				return false;
			skip_ws(sc);
			if (sc->pos < sc->len && sc->s[sc->pos] == ',') {
				sc->pos++;
				continue;
			}
			if (sc->pos < sc->len && sc->s[sc->pos] == '}') {
				sc->pos++;
				break;
			}
			return scan_fail(sc, "expected ',' or '}' after a container's spec");
		}
	}
	skip_ws(sc);
	if (sc->pos != sc->len)
		return scan_fail(sc, "unexpected text after the object");
	return true;
}

static int cmp_container(const void *a, const void *b)
{
	const image_container *x = a, *y = b;
	size_t n = x->name_len < y->name_len ? x->name_len : y->name_len;
	int c = memcmp(x->name, y->name, n);
	if (c)
		return c;
	return (x->name_len > y->name_len) - (x->name_len < y->name_len);
}

/* ---- the metadata map ---- */

static bool check_string_map(json_t *meta, const char *path, sd_error *err)
{
	const char *key;
	json_t *v;

	if (!json_is_object(meta)) {
		sd_error_set(err, path, 0, 0,
			     "corrupt checkpoint image: its metadata is not a JSON object of strings");
		return false;
	}
	json_object_foreach(meta, key, v) {
		if (!json_is_string(v)) {
			sd_error_set(err, path, 0, 0,
				     "corrupt checkpoint image: metadata key \"%s\" holds a non-string value (the metadata is a map of string to string)",
				     key);
			return false;
		}
	}
	return true;
}

static bool load_specs(sd_image *img, json_t *meta, sd_error *err)
{
	json_t *specs = json_object_get(meta, SPECS_KEY);
	if (!specs) {
		sd_error_set(err, img->path, 0, 0,
			     "checkpoint image has no \"" SPECS_KEY "\" in its metadata: no container spec was stored (an image from another tool or an old runsc?)");
		return false;
	}
	scan sc = { json_string_value(specs), json_string_length(specs), 0, NULL };
	if (!scan_specs(&sc, img)) {
		sd_error_set(err, img->path, 0, 0,
			     "corrupt checkpoint image: \"" SPECS_KEY "\" is not a JSON object of container name to spec: %s at byte %zu of its text",
			     sc.bad, sc.pos);
		return false;
	}
	if (img->n > 1)
		qsort(img->c, img->n, sizeof *img->c, cmp_container);
	return true;
}

static bool parse_metadata(sd_image *img, const char *buf, size_t len, sd_error *err)
{
	json_error_t je;
	json_t *meta = json_loadb(buf, len, JSON_ALLOW_NUL, &je);
	bool ok;

	if (!meta) {
		sd_error_set(err, img->path, 0, 0,
			     "corrupt checkpoint image: metadata is not JSON: %s (at byte %d of the metadata)",
			     je.text, je.position);
		return false;
	}
	ok = check_string_map(meta, img->path, err) && load_specs(img, meta, err);
	if (ok) {
		json_t *v = json_object_get(meta, VERSION_KEY);
		if (v)
			img->runsc_version = sd_xstrdup(json_string_value(v));
	}
	json_decref(meta);
	return ok;
}

sd_image *sd_image_open(const char *path, sd_error *err)
{
	sd_image *img = sd_xcalloc(1, sizeof *img);
	size_t len = 0;
	char *buf;
	int fd;

	img->path = image_file_path(path);
	fd = open(img->path, O_RDONLY);
	if (fd < 0) {
		sd_error_set(err, img->path, 0, 0, "cannot open checkpoint image: %s",
			     strerror(errno));
		sd_image_free(img);
		return NULL;
	}
	buf = read_metadata(fd, img->path, &len, err);
	close(fd);
	if (!buf || !parse_metadata(img, buf, len, err)) {
		free(buf);
		sd_image_free(img);
		return NULL;
	}
	free(buf);
	return img;
}

void sd_image_free(sd_image *img)
{
	if (!img)
		return;
	for (size_t i = 0; i < img->n; i++) {
		free(img->c[i].name);
		free(img->c[i].spec);
	}
	free(img->c);
	free(img->runsc_version);
	free(img->path);
	free(img);
}

const char *sd_image_path(const sd_image *img)
{
	return img->path;
}

const char *sd_image_runsc_version(const sd_image *img)
{
	return img->runsc_version;
}

size_t sd_image_container_count(const sd_image *img)
{
	return img->n;
}

const char *sd_image_container_name(const sd_image *img, size_t i)
{
	return i < img->n ? img->c[i].name : NULL;
}

/* "a, b, c" (cut short with "..." when long). */
static void list_names(const sd_image *img, char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < img->n; i++) {
		int w = snprintf(out + used, size - used, "%s%s", i ? ", " : "", img->c[i].name);
		if (w < 0 || (size_t)w >= size - used) {
			if (size > 4)
				strcpy(out + size - 4, "...");
			return;
		}
		used += (size_t)w;
	}
}

const char *sd_image_spec_json(const sd_image *img, const char *name,
			       size_t *len, const char **chosen, sd_error *err)
{
	char names[600];
	const image_container *c = NULL;

	list_names(img, names, sizeof names);
	if (img->n == 0) {
		sd_error_set(err, img->path, 0, 0, "checkpoint image holds no container spec");
		return NULL;
	}
	if (!name) {
		if (img->n > 1) {
			sd_error_set(err, img->path, 0, 0,
				     "checkpoint image holds %zu containers (%s); choose one with --container NAME",
				     img->n, names);
			return NULL;
		}
		c = &img->c[0];
	} else {
		for (size_t i = 0; i < img->n && !c; i++)
			if (strlen(name) == img->c[i].name_len && strcmp(name, img->c[i].name) == 0)
				c = &img->c[i];
		if (!c) {
			sd_error_set(err, img->path, 0, 0,
				     "checkpoint image has no container \"%s\"; it holds: %s",
				     name, names);
			return NULL;
		}
	}
	if (len)
		*len = c->spec_len;
	if (chosen)
		*chosen = c->name;
	return c->spec;
}
