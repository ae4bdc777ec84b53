/*
 * fuzz_normalize.c - the writers' round-trip promise (write.h): output of
 * sd_write_node() loads back to a tree sd_node_equal() to the input.
 *
 * The input is loaded as JSON, or failing that as YAML.  Then:
 *   - JSON input: write JSON, load it, equal to the input;
 *   - any input whose bytes are valid UTF-8: write YAML, load it, equal,
 *     except that a number beyond float64 range (1e400), which no YAML
 *     spelling keeps a number, comes back as a string with the same text
 *     (write.h), and only when sd_write_yaml_number_strings() says so;
 *   - YAML input (whose numbers may have no JSON text of their own):
 *     writing JSON gives JSON that loads, and writing that again gives the
 *     same bytes (normalize is idempotent).
 */
#include "fuzz_common.h"

#include "specdiff/util.h"
#include "specdiff/write.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sd_doc *fuzz_load(const char *name, const char *p, size_t n, sd_format f)
{
	sd_load_opts o;
	memset(&o, 0, sizeof(o));
	o.format = f;
	sd_error e;
	sd_error_clear(&e);
	return sd_doc_load_bytes(name, p, n, &o, &e);
}

/* Writes root as format f and loads the text back; aborts if it does not
 * load (a writer must never produce text its own loader rejects). */
static sd_doc *fuzz_write_load(const sd_node *root, sd_format f, sd_buf *out)
{
	sd_write_opts wo = { f, 0, false, SD_JSON_ESCAPE_WRITER };
	sd_buf_reset(out);
	sd_write_node(out, root, &wo);
	FUZZ_CHECK(out->len > 0 && out->data[out->len - 1] == '\n');
	sd_doc *d = fuzz_load(f == SD_FORMAT_YAML ? "out.yaml" : "out.json",
			      out->data, out->len, f);
	if (!d) {
		fprintf(stderr, "writer output does not load:\n%.*s\n",
			(int)(out->len > 4000 ? 4000 : out->len), out->data);
		FUZZ_CHECK(d != NULL);
	}
	return d;
}

/* sd_node_equal, except where YAML output writes a number as a string. */
static bool fuzz_yaml_equal(const sd_node *a, const sd_node *b)
{
	if (a->kind == SD_NUMBER && b->kind == SD_STRING)
		return sd_write_yaml_number_strings(a) && a->len == b->len &&
		       !memcmp(a->u.num, b->u.str, a->len);
	if (a->kind != b->kind || a->len != b->len)
		return false;
	if (a->kind == SD_ARRAY) {
		for (uint32_t i = 0; i < a->len; i++)
			if (!fuzz_yaml_equal(&a->u.items[i], &b->u.items[i]))
				return false;
		return true;
	}
	if (a->kind == SD_OBJECT) {
		for (uint32_t i = 0; i < a->len; i++) {
			const sd_member *x = &a->u.members[i], *y = &b->u.members[i];
			if (x->key_len != y->key_len || memcmp(x->key, y->key, x->key_len) ||
			    !fuzz_yaml_equal(&x->value, &y->value))
				return false;
		}
		return true;
	}
	return sd_node_equal(a, b);
}

static void fuzz_roundtrip(const sd_doc *in, bool utf8)
{
	const sd_node *root = sd_doc_root(in);
	sd_buf out = SD_BUF_INIT;
	sd_doc *j = NULL;

	if (sd_doc_format(in) == SD_FORMAT_JSON) {
		j = fuzz_write_load(root, SD_FORMAT_JSON, &out);
		FUZZ_CHECK(sd_node_equal(root, sd_doc_root(j)));
	} else {
		j = fuzz_write_load(root, SD_FORMAT_JSON, &out);
		sd_buf first = SD_BUF_INIT;
		sd_buf_add(&first, out.data, out.len);
		sd_doc *j2 = fuzz_write_load(sd_doc_root(j), SD_FORMAT_JSON, &out);
		FUZZ_CHECK(first.len == out.len && !memcmp(first.data, out.data, out.len));
		sd_doc_free(j2);
		sd_buf_release(&first);
	}
	sd_doc_free(j);
	if (utf8) {
		sd_doc *y = fuzz_write_load(root, SD_FORMAT_YAML, &out);
		const sd_node *back = sd_doc_root(y);
		FUZZ_CHECK(fuzz_yaml_equal(root, back));
		FUZZ_CHECK(sd_node_equal(root, back) == !sd_write_yaml_number_strings(root));
		sd_doc_free(y);
	}
	sd_buf_release(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data;
	sd_doc *d = fuzz_load("in.json", p, size, SD_FORMAT_JSON);
	if (!d)
		d = fuzz_load("in.yaml", p, size, SD_FORMAT_YAML);
	if (!d)
		return 0;
	fuzz_roundtrip(d, fuzz_utf8_valid(data, size));
	sd_doc_free(d);
	return 0;
}
