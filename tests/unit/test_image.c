/* test_image.c - gVisor checkpoint image headers (image.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "specdiff/image.h"

static char tmpdir[256];
static char img_path[512];

static int setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "%s/sdimg.XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(tmpdir))
		return -1;
	snprintf(img_path, sizeof img_path, "%s/checkpoint.img", tmpdir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Writes magic, a length field (declared), meta, then payload bytes. */
static void write_raw(const char *magic, uint64_t declared, const char *meta,
		      size_t meta_len, size_t payload)
{
	FILE *f = fopen(img_path, "wb");
	assert_non_null(f);
	unsigned char be[8];
	for (int i = 0; i < 8; i++)
		be[i] = (unsigned char)(declared >> (56 - 8 * i));
	assert_int_equal(fwrite(magic, 1, 8, f), 8);
	assert_int_equal(fwrite(be, 1, 8, f), 8);
	if (meta_len)
		assert_int_equal(fwrite(meta, 1, meta_len, f), meta_len);
	for (size_t i = 0; i < payload; i++)
		fputc((int)(i * 7 & 0xff), f); /* a memory image: never parsed */
	fclose(f);
}

static void write_image(const char *meta)
{
	write_raw(SD_IMAGE_MAGIC, strlen(meta), meta, strlen(meta), 4096);
}

/* The metadata as runsc writes it: container_specs is a JSON string. */
#define ONE_SPEC \
	"{\"container_specs\":\"{\\\"web\\\":{\\\"ociVersion\\\":\\\"1.0.2\\\",\\\"process\\\":{\\\"rlimits\\\":[{\\\"type\\\":\\\"RLIMIT_NOFILE\\\",\\\"hard\\\":18446744073709551615,\\\"soft\\\":1.50e3}]}}}\"," \
	"\"runsc_version\":\"release-20241104.0\",\"other\":\"x\"}"

static void test_sniff(void **state)
{
	(void)state;
	assert_true(sd_image_sniff("gVisorSF\0\0", 10));
	assert_true(sd_image_sniff("gVisorSF", 8));
	assert_false(sd_image_sniff("gVisorS", 7));
	assert_false(sd_image_sniff("{\"ociVer", 8));
}

static void test_sniff_path(void **state)
{
	(void)state;
	char other[600];
	write_image(ONE_SPEC);
	assert_true(sd_image_sniff_path(img_path));
	assert_true(sd_image_sniff_path(tmpdir));
	snprintf(other, sizeof other, "%s/spec.json", tmpdir);
	FILE *f = fopen(other, "w");
	fputs("{\"ociVersion\": \"1.0.2\"}", f);
	fclose(f);
	assert_false(sd_image_sniff_path(other));
	snprintf(other, sizeof other, "%s/missing", tmpdir);
	assert_false(sd_image_sniff_path(other));
	remove(img_path);
	assert_false(sd_image_sniff_path(tmpdir));
}

static void test_one_container_exact_text(void **state)
{
	(void)state;
	sd_error err;
	write_image(ONE_SPEC);
	sd_image *img = sd_image_open(img_path, &err);
	assert_non_null(img);
	assert_string_equal(sd_image_runsc_version(img), "release-20241104.0");
	assert_int_equal(sd_image_container_count(img), 1);
	assert_string_equal(sd_image_container_name(img, 0), "web");
	assert_null(sd_image_container_name(img, 1));
	size_t len = 0;
	const char *chosen = NULL;
	const char *spec = sd_image_spec_json(img, NULL, &len, &chosen, &err);
	assert_non_null(spec);
	/* exact bytes: the uint64 and the float spelling survive */
	const char *want = "{\"ociVersion\":\"1.0.2\",\"process\":{\"rlimits\":[{\"type\":\"RLIMIT_NOFILE\",\"hard\":18446744073709551615,\"soft\":1.50e3}]}}";
	assert_string_equal(spec, want);
	assert_int_equal(len, strlen(want));
	assert_string_equal(chosen, "web");
	assert_non_null(sd_image_spec_json(img, "web", NULL, NULL, &err));
	sd_image_free(img);
}

static void test_directory_means_checkpoint_img(void **state)
{
	(void)state;
	sd_error err;
	write_image(ONE_SPEC);
	sd_image *img = sd_image_open(tmpdir, &err);
	assert_non_null(img);
	assert_string_equal(sd_image_path(img), img_path);
	sd_image_free(img);
}

static void test_no_version(void **state)
{
	(void)state;
	sd_error err;
	write_image("{\"container_specs\":\"{\\\"a\\\":{}}\"}");
	sd_image *img = sd_image_open(img_path, &err);
	assert_non_null(img);
	assert_null(sd_image_runsc_version(img));
	sd_image_free(img);
}

static void test_several_containers(void **state)
{
	(void)state;
	sd_error err;
	/* names sorted; escapes in names decoded; strings holding braces */
	write_image("{\"container_specs\":\"{ \\\"zeta\\\" : {\\\"hostname\\\":\\\"}{]\\\\\\\"\\\"} , "
		    "\\\"alpha\\\":{\\\"linux\\\":{\\\"sysctl\\\":{}}}, \\\"m\\\\u00e9d\\\":null }\"}");
	sd_image *img = sd_image_open(img_path, &err);
	assert_non_null(img);
	assert_int_equal(sd_image_container_count(img), 3);
	assert_string_equal(sd_image_container_name(img, 0), "alpha");
	assert_string_equal(sd_image_container_name(img, 1), "m\xc3\xa9" "d");
	assert_string_equal(sd_image_container_name(img, 2), "zeta");

	assert_null(sd_image_spec_json(img, NULL, NULL, NULL, &err));
	assert_non_null(strstr(err.msg, "3 containers"));
	assert_non_null(strstr(err.msg, "alpha, m\xc3\xa9" "d, zeta"));
	assert_non_null(strstr(err.msg, "--container"));

	assert_null(sd_image_spec_json(img, "beta", NULL, NULL, &err));
	assert_non_null(strstr(err.msg, "\"beta\""));
	assert_non_null(strstr(err.msg, "alpha, m\xc3\xa9" "d, zeta"));

	assert_string_equal(sd_image_spec_json(img, "zeta", NULL, NULL, &err),
			    "{\"hostname\":\"}{]\\\"\"}");
	assert_string_equal(sd_image_spec_json(img, "alpha", NULL, NULL, &err),
			    "{\"linux\":{\"sysctl\":{}}}");
	assert_string_equal(sd_image_spec_json(img, "m\xc3\xa9" "d", NULL, NULL, &err), "null");
	sd_image_free(img);
}

static void test_duplicate_name_last_wins(void **state)
{
	(void)state;
	sd_error err;
	write_image("{\"container_specs\":\"{\\\"a\\\":{\\\"hostname\\\":\\\"1\\\"},\\\"a\\\":{\\\"hostname\\\":\\\"2\\\"}}\"}");
	sd_image *img = sd_image_open(img_path, &err);
	assert_non_null(img);
	assert_int_equal(sd_image_container_count(img), 1);
	assert_string_equal(sd_image_spec_json(img, NULL, NULL, NULL, &err), "{\"hostname\":\"2\"}");
	sd_image_free(img);
}

static void test_empty_specs_map(void **state)
{
	(void)state;
	sd_error err;
	write_image("{\"container_specs\":\"{}\"}");
	sd_image *img = sd_image_open(img_path, &err);
	assert_non_null(img);
	assert_int_equal(sd_image_container_count(img), 0);
	assert_null(sd_image_spec_json(img, NULL, NULL, NULL, &err));
	assert_non_null(strstr(err.msg, "no container"));
	sd_image_free(img);
}

/* Opens, expects failure and a message containing want. */
static void expect_open_error(const char *path, const char *want)
{
	sd_error err;
	sd_error_clear(&err);
	sd_image *img = sd_image_open(path, &err);
	if (img)
		sd_image_free(img);
	assert_null(img);
	if (!strstr(err.msg, want))
		fail_msg("message \"%s\" lacks \"%s\"", err.msg, want);
	assert_non_null(strstr(err.file, "checkpoint.img"));
}

static void test_missing_file(void **state)
{
	(void)state;
	expect_open_error(img_path, "cannot open");
}

static void test_truncated_prefix(void **state)
{
	(void)state;
	FILE *f = fopen(img_path, "wb");
	fwrite("gVisorSF\0\0", 1, 10, f);
	fclose(f);
	expect_open_error(img_path, "truncated");
	f = fopen(img_path, "wb");
	fwrite("gVis", 1, 4, f);
	fclose(f);
	expect_open_error(img_path, "truncated");
	f = fopen(img_path, "wb");
	fclose(f);
	expect_open_error(img_path, "truncated");
}

static void test_wrong_magic(void **state)
{
	(void)state;
	write_raw("gVisorXX", 2, "{}", 2, 0);
	expect_open_error(img_path, "gVisorSF");
	FILE *f = fopen(img_path, "wb");
	fputs("{\"a\":1}", f);
	fclose(f);
	expect_open_error(img_path, "not a gVisor checkpoint image");
}

static void test_length_lies(void **state)
{
	(void)state;
	const char *meta = "{\"container_specs\":\"{}\"}";
	/* bigger than the file: no payload behind to hide it */
	write_raw(SD_IMAGE_MAGIC, 1000, meta, strlen(meta), 0);
	expect_open_error(img_path, "only 24 follow");
	/* bigger than the bound, and no attempt to allocate it */
	write_raw(SD_IMAGE_MAGIC, (uint64_t)SD_IMAGE_MAX_HEADER + 1, meta, strlen(meta), 0);
	expect_open_error(img_path, "limit");
	write_raw(SD_IMAGE_MAGIC, UINT64_MAX, meta, strlen(meta), 0);
	expect_open_error(img_path, "18446744073709551615");
	/* shorter than the metadata: the JSON is cut */
	write_raw(SD_IMAGE_MAGIC, 10, meta, strlen(meta), 100);
	expect_open_error(img_path, "not JSON");
}

static void test_bad_metadata(void **state)
{
	(void)state;
	write_image("not json");
	expect_open_error(img_path, "metadata is not JSON");
	write_image("[\"container_specs\"]");
	expect_open_error(img_path, "not a JSON object of strings");
	write_image("{\"container_specs\":\"{}\",\"n\":1}");
	expect_open_error(img_path, "\"n\" holds a non-string");
	write_image("{\"runsc_version\":\"release-20241104.0\"}");
	expect_open_error(img_path, "no \"container_specs\"");
	write_image("{\"container_specs\":\"[1]\"}");
	expect_open_error(img_path, "not a JSON object of container name to spec");
	write_image("{\"container_specs\":\"{\\\"a\\\":{\\\"b\\\":[}\"}");
	expect_open_error(img_path, "container_specs");
	write_image("{\"container_specs\":\"{\\\"a\\\":{}} x\"}");
	expect_open_error(img_path, "unexpected text");
	write_image("{\"container_specs\":\"{\\\"a\\\" {}}\"}");
	expect_open_error(img_path, "expected ':'");
	write_image("{\"container_specs\":\"{\\\"a\\\":{\\\"x\\\":\\\"open}}\"}");
	expect_open_error(img_path, "unterminated string");
	write_image("{\"container_specs\":\"{\\\"a\\\":}\"}");
	expect_open_error(img_path, "container_specs");
}

/* Every truncation, and every byte of the header set to a few hostile
 * values, opens or fails cleanly (ASan and valgrind watch). */
static void test_truncation_and_corruption_sweep(void **state)
{
	(void)state;
	const char *meta = ONE_SPEC;
	size_t mlen = strlen(meta), total = 16 + mlen;
	unsigned char *full = malloc(total);
	static const unsigned char hostile[] = { 0, '"', '\\', '{', '}', 0xff };
	size_t opened = 0;

	memcpy(full, SD_IMAGE_MAGIC, 8);
	for (int i = 0; i < 8; i++)
		full[8 + i] = (unsigned char)((uint64_t)mlen >> (56 - 8 * i));
	memcpy(full + 16, meta, mlen);
	for (size_t cut = 0; cut <= total; cut++) {
		FILE *f = fopen(img_path, "wb");
		fwrite(full, 1, cut, f);
		fclose(f);
		sd_error err;
		sd_image *img = sd_image_open(img_path, &err);
		if (img) {
			opened++;
			sd_image_free(img);
		}
	}
	assert_int_equal(opened, 1); /* only the whole file */
	for (size_t at = 0; at < total; at++) {
		for (size_t h = 0; h < sizeof hostile; h++) {
			unsigned char keep = full[at];
			full[at] = hostile[h];
			FILE *f = fopen(img_path, "wb");
			fwrite(full, 1, total, f);
			fclose(f);
			full[at] = keep;
			sd_error err;
			sd_image *img = sd_image_open(img_path, &err);
			if (img) {
				size_t len;
				for (size_t i = 0; i < sd_image_container_count(img); i++)
					assert_non_null(sd_image_spec_json(img, sd_image_container_name(img, i), &len, NULL, &err));
				sd_image_free(img);
			} else {
				assert_true(err.msg[0] != '\0');
			}
		}
	}
	free(full);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sniff),
		cmocka_unit_test_setup_teardown(test_sniff_path, setup, teardown),
		cmocka_unit_test_setup_teardown(test_one_container_exact_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_directory_means_checkpoint_img, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_version, setup, teardown),
		cmocka_unit_test_setup_teardown(test_several_containers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_duplicate_name_last_wins, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_specs_map, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_truncated_prefix, setup, teardown),
		cmocka_unit_test_setup_teardown(test_wrong_magic, setup, teardown),
		cmocka_unit_test_setup_teardown(test_length_lies, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_metadata, setup, teardown),
		cmocka_unit_test_setup_teardown(test_truncation_and_corruption_sweep, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
