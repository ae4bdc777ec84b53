/*
 * fuzz_image.c - the checkpoint-image header reader (image.h) and loading a
 * container's spec out of it, on arbitrary bytes.  The reader takes a path,
 * so each input is written to one temporary file (created once per process,
 * rewritten in place, removed at exit).  Inputs that do not start with the
 * magic get it prepended half of the time (by the first byte) so that the
 * fuzzer spends its time behind the magic.
 */
#include "fuzz_common.h"

#include <unistd.h>

#include "specdiff/image.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char fuzz_image_path[64];

static void fuzz_image_cleanup(void)
{
	if (fuzz_image_path[0])
		unlink(fuzz_image_path);
}

static void fuzz_image_write(const uint8_t *data, size_t size, int add_magic)
{
	if (!fuzz_image_path[0]) {
		const char *tmp = getenv("TMPDIR");
		snprintf(fuzz_image_path, sizeof(fuzz_image_path), "%s/sdfuzzimg.XXXXXX",
			 tmp && strlen(tmp) < 40 ? tmp : "/tmp");
		int fd = mkstemp(fuzz_image_path);
		FUZZ_CHECK(fd >= 0);
		close(fd);
		atexit(fuzz_image_cleanup);
	}
	FILE *f = fopen(fuzz_image_path, "wb");
	FUZZ_CHECK(f != NULL);
	if (add_magic)
		FUZZ_CHECK(fwrite(SD_IMAGE_MAGIC, 1, 8, f) == 8);
	FUZZ_CHECK(size == 0 || fwrite(data, 1, size, f) == size);
	FUZZ_CHECK(fclose(f) == 0);
}

static void fuzz_image_check(void)
{
	sd_error e;
	sd_error_clear(&e);
	sd_image *img = sd_image_open(fuzz_image_path, &e);
	if (!img) {
		FUZZ_CHECK(e.msg[0] != '\0');
		return;
	}
	FUZZ_CHECK(sd_image_path(img) != NULL);
	(void)sd_image_runsc_version(img);
	size_t n = sd_image_container_count(img);
	for (size_t i = 0; i < n; i++) {
		const char *name = sd_image_container_name(img, i), *chosen = NULL;
		FUZZ_CHECK(name != NULL);
		if (i > 0)  /* sorted */
			FUZZ_CHECK(strcmp(sd_image_container_name(img, i - 1), name) <= 0);
		size_t len = 0;
		const char *js = sd_image_spec_json(img, name, &len, &chosen, &e);
		if (js) {
			sd_load_opts o;
			memset(&o, 0, sizeof(o));
			o.format = SD_FORMAT_JSON;
			sd_doc *d = sd_doc_load_bytes(name, js, len, &o, &e);
			sd_doc_free(d);
		}
	}
	sd_error_clear(&e);
	size_t len = 0;
	const char *chosen = NULL;
	const char *only = sd_image_spec_json(img, NULL, &len, &chosen, &e);
	FUZZ_CHECK(only != NULL || e.msg[0] != '\0');
	sd_image_free(img);

	/* The command-line path: the image as an input. */
	sd_load_opts o;
	memset(&o, 0, sizeof(o));
	sd_error_clear(&e);
	sd_doc *d = sd_doc_load_input(fuzz_image_path, &o, &e);
	if (d)
		fuzz_check_tree(sd_doc_root(d));
	else
		FUZZ_CHECK(e.msg[0] != '\0');
	sd_doc_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int add = !sd_image_sniff(data, size) && size > 0 && (data[0] & 1);
	fuzz_image_write(add ? data + 1 : data, add ? size - 1 : size, add);
	fuzz_image_check();
	return 0;
}
