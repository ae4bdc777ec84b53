/*
 * schema.c - the Go types of specs.Spec, one table per specs-go version
 * (generated from core/oci-schema-VERSION.jsonl by tools/gen_schema.c), and
 * of interface{} values, plus encoding/json's rules for matching object
 * keys to struct fields.
 */
#include <stdlib.h>
#include <string.h>

#include "specdiff/gvisor.h"
#include "specdiff/schema.h"
#include "schema_table.h"

static const sd_type iface_type = {
	SD_GO_IFACE, "interface {}", "", 0, NULL, NULL, 0, false, false
};
static const sd_type dyn_bool = { SD_GO_BOOL, "bool", "", 0, NULL, NULL, 0, false, false };
static const sd_type dyn_float = { SD_GO_FLOAT, "float64", "", 64, NULL, NULL, 0, false, false };
static const sd_type dyn_string = { SD_GO_STRING, "string", "", 0, NULL, NULL, 0, false, false };
static const sd_type dyn_slice = {
	SD_GO_SLICE, "[]interface {}", "", 0, &iface_type, NULL, 0, false, false
};
static const sd_type dyn_map = {
	SD_GO_MAP, "map[string]interface {}", "", 0, &iface_type, NULL, 0, false, false
};

static const sd_schema_table *table_of(const sd_type *root)
{
	for (size_t i = 0; i < sdp_oci_ntables; i++)
		if (sdp_oci_tables[i].root == root)
			return &sdp_oci_tables[i];
	return NULL;
}

const sd_type *sd_schema_oci_version(const char *version)
{
	for (size_t i = 0; version && i < sdp_oci_ntables; i++)
		if (strcmp(sdp_oci_tables[i].version, version) == 0)
			return sdp_oci_tables[i].root;
	return NULL;
}

const sd_type *sd_schema_oci(void)
{
	/* The profile table says which types the newest runsc used; every
	 * profile's version has a table (a unit test checks). */
	static const sd_type *engine;
	if (!engine) {
		const sd_profile *newest = sd_gvisor_profile_at(sd_gvisor_profile_count() - 1);
		engine = sd_schema_oci_version(newest->specs_go);
		if (!engine)
			abort();
	}
	return engine;
}

size_t sd_schema_version_count(void) { return sdp_oci_ntables; }

const char *sd_schema_version_at(size_t i)
{
	return i < sdp_oci_ntables ? sdp_oci_tables[i].version : NULL;
}

const char *sd_schema_version_of(const sd_type *t)
{
	const sd_schema_table *tab = table_of(t);
	return tab ? tab->version : NULL;
}

bool sd_schema_is_oci(const sd_type *t) { return t && table_of(t) != NULL; }
const sd_type *sd_schema_iface(void) { return &iface_type; }
const sd_type *sd_schema_dyn_bool(void) { return &dyn_bool; }
const sd_type *sd_schema_dyn_float(void) { return &dyn_float; }
const sd_type *sd_schema_dyn_string(void) { return &dyn_string; }
const sd_type *sd_schema_dyn_slice(void) { return &dyn_slice; }
const sd_type *sd_schema_dyn_map(void) { return &dyn_map; }

const sd_field *sd_type_field(const sd_type *st, const char *json_name)
{
	if (!st || st->kind != SD_GO_STRUCT || !json_name)
		return NULL;
	for (size_t i = 0; i < st->nfields; i++)
		if (strcmp(st->fields[i].json_name, json_name) == 0)
			return &st->fields[i];
	return NULL;
}

static bool is_ascii_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * encoding/json's fold (fold.go) for an ASCII field name against key bytes:
 * letters match either case, other ASCII bytes must be equal, and the two
 * non-ASCII runes whose simple folding reaches ASCII match too: U+017F (long
 * s, C5 BF) for s/S and U+212A (Kelvin, E2 84 AA) for k/K.
 */
static bool fold_equal(const char *name, const unsigned char *key, size_t len)
{
	size_t j = 0;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		unsigned char sb = *p, up = (unsigned char)(sb & 0xDF);
		if (j >= len)
			return false;
		if (key[j] < 0x80) {
			if (key[j] != sb && !(is_ascii_letter(sb) && (key[j] & 0xDF) == up))
				return false;
			j++;
		} else if (up == 'S' && len - j >= 2 && key[j] == 0xC5 && key[j + 1] == 0xBF) {
			j += 2;
		} else if (up == 'K' && len - j >= 3 && key[j] == 0xE2 && key[j + 1] == 0x84 &&
			   key[j + 2] == 0xAA) {
			j += 3;
		} else {
			return false;
		}
	}
	return j == len;
}

const sd_field *sd_type_match_key(const sd_type *st, const char *key, size_t key_len)
{
	if (!st || st->kind != SD_GO_STRUCT || !key)
		return NULL;
	for (size_t i = 0; i < st->nfields; i++) {
		const char *n = st->fields[i].json_name;
		if (strlen(n) == key_len && memcmp(n, key, key_len) == 0)
			return &st->fields[i];
	}
	/* Go 1.19 takes the first field in declaration order that folds equal. */
	for (size_t i = 0; i < st->nfields; i++)
		if (fold_equal(st->fields[i].json_name, (const unsigned char *)key, key_len))
			return &st->fields[i];
	return NULL;
}

static int cmp_path(const void *k, const void *row)
{
	return strcmp((const char *)k, ((const sd_schema_path *)row)->path);
}

const sd_type *sd_schema_lookup_in(const sd_type *root, const char *path)
{
	const sd_schema_table *tab = table_of(root);
	const sd_schema_path *r;
	if (!path || !tab)
		return NULL;
	r = bsearch(path, tab->paths, tab->npaths, sizeof *tab->paths, cmp_path);
	return r ? r->type : NULL;
}

const sd_type *sd_schema_lookup(const char *path)
{
	return sd_schema_lookup_in(sd_schema_oci(), path);
}
