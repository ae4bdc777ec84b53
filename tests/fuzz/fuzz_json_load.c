/* fuzz_json_load.c - the JSON loader and the Go view on arbitrary bytes. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_load_and_check("fuzz.json", data, size, SD_FORMAT_JSON, 0);
	return 0;
}
