/*
 * fuzz_explain.c - parsing a pasted runsc error and explaining it
 * (explain.h) on arbitrary text.  The bytes up to the first NUL are the
 * text; the same text is also tried as a field name and as a JSON Pointer
 * against the field table.
 */
#include "fuzz_common.h"

#include "specdiff/explain.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_check_strings(char **v, size_t n)
{
	FUZZ_CHECK(n == 0 || v != NULL);
	for (size_t i = 0; i < n; i++)
		FUZZ_CHECK(v[i] != NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	FUZZ_CHECK(text != NULL);
	if (size)
		memcpy(text, data, size);
	text[size] = '\0';

	sd_runsc_error re;
	sd_error err;
	sd_error_clear(&err);
	memset(&re, 0, sizeof(re));
	if (sd_runsc_error_parse(text, &re, &err) == 0) {
		FUZZ_CHECK(re.field != NULL);
		FUZZ_CHECK(re.kind == SD_RUNSC_MISMATCH || re.kind == SD_RUNSC_DUP_DEVICE ||
			   re.kind == SD_RUNSC_RESOURCES_WARN || re.kind == SD_RUNSC_ARGS_WARN);
		FUZZ_CHECK(re.container != NULL);
		FUZZ_CHECK(re.info == NULL || re.info == sd_explain_field_find(re.info->name));
		sd_explanation x;
		memset(&x, 0, sizeof(x));
		sd_explain(&re, &x);
		fuzz_check_strings(x.reasons, x.nreasons);
		fuzz_check_strings(x.fixes, x.nfixes);
		sd_explanation_release(&x);
		sd_runsc_error_release(&re);
	} else {
		FUZZ_CHECK(err.msg[0] != '\0');
	}

	const sd_explain_field *f = sd_explain_field_find(text);
	FUZZ_CHECK(f == NULL || strcmp(f->name, text) == 0);
	for (size_t i = 0; i < sd_explain_field_count(); i++)
		(void)sd_explain_field_covers(sd_explain_field_at(i), text);
	free(text);
	return 0;
}
