/* fuzz_yaml_load.c - the YAML loader (first and second document of a
 * stream) and the Go view on arbitrary bytes. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_load_and_check("fuzz.yaml", data, size, SD_FORMAT_YAML, 0);
	fuzz_load_and_check("fuzz.yaml", data, size, SD_FORMAT_YAML, 1);
	/* Content detection must pick one of the two loaders, never crash. */
	fuzz_load_and_check("fuzz", data, size, SD_FORMAT_AUTO, 0);
	return 0;
}
