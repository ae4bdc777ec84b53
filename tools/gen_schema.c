/*
 * gen_schema - turns oci-schema-VERSION.jsonl files (one line per JSON path
 * of specs.Spec, written by tools/gen_oci_schema from that specs-go
 * version's config.go) into the static sd_type / sd_field tables of
 * core/schema.c, one table per version, so that no one hand-types 300
 * paths four times.  Host tool: jansson only, never linked with libspecdiff.
 *
 *   gen_schema core/oci-schema-v1.1.0-rc.1.jsonl ... > build/schema_oci.gen.c
 *
 * The version is the file name's part between "oci-schema-" and ".jsonl";
 * the tables keep the order of the arguments.
 *
 * Every schema path gets its own sd_type (so per-path facts such as set_like
 * live on the type); a pointer line also gets a pointee type at the same
 * path.  Pointers to scalars (*int64, *fs.FileMode ...) have no line of their
 * own for the pointee: it is derived from the Go spelling.
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINES 4096
#define MAX_TYPES 8192

typedef struct line {
	char *path, *go_field, *go_type, *kind;
	bool omitempty;
	int type;      /* index of the type at this path, -1 until built */
} line;

typedef struct gtype {
	const char *kind;     /* SD_GO_* enumerator */
	char *go_type;
	const char *path;
	unsigned bits;
	int elem;             /* -1: none */
	int first_field, nfields;
	bool set_like;
} gtype;

typedef struct gfield {
	char *json_name, *go_name;
	int type;
	bool omitempty;
} gfield;

static line lines[MAX_LINES];
static int nlines;
static gtype types[MAX_TYPES];
static int ntypes;
static gfield *fields;
static int nfields, capfields;

/* The lists compared as multisets in SEMANTIC mode (conformance README). */
static const char *const set_like_paths[] = {
	"/process/capabilities/bounding", "/process/capabilities/effective",
	"/process/capabilities/inheritable", "/process/capabilities/permitted",
	"/process/capabilities/ambient", "/mounts/*/options", "/linux/namespaces",
	"/linux/uidMappings", "/linux/gidMappings", "/process/rlimits",
	"/linux/devices", "/process/user/additionalGids", "/process/env",
};

static void die(const char *msg, const char *what)
{
	fprintf(stderr, "gen_schema: %s%s%s\n", msg, what ? ": " : "", what ? what : "");
	exit(1);
}

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (!p)
		die("out of memory", NULL);
	return memcpy(p, s, n);
}

static const char *get_str(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	if (!s)
		die("line without string member", key);
	return s;
}

static void read_lines(const char *file)
{
	FILE *f = fopen(file, "r");
	char buf[4096];
	if (!f)
		die("cannot open", file);
	while (fgets(buf, sizeof buf, f)) {
		json_error_t jerr;
		json_t *o;
		line *l;
		if (buf[0] == '\n' || buf[0] == '\0')
			continue;
		o = json_loads(buf, 0, &jerr);
		if (!o || !json_is_object(o))
			die("bad line", jerr.text);
		if (nlines == MAX_LINES)
			die("too many lines", NULL);
		l = &lines[nlines++];
		l->path = xstrdup(get_str(o, "path"));
		l->go_field = xstrdup(get_str(o, "go_field"));
		l->go_type = xstrdup(get_str(o, "go_type"));
		l->kind = xstrdup(get_str(o, "kind"));
		l->omitempty = json_is_true(json_object_get(o, "omitempty"));
		l->type = -1;
		json_decref(o);
	}
	fclose(f);
}

static int find_line(const char *path)
{
	for (int i = 0; i < nlines; i++)
		if (strcmp(lines[i].path, path) == 0)
			return i;
	return -1;
}

/* Is line i a direct child of parent (parent + "/" + one segment)? */
static bool is_child(int i, const char *parent)
{
	size_t n = strlen(parent);
	const char *p = lines[i].path;
	return strncmp(p, parent, n) == 0 && p[n] == '/' && p[n + 1] != '\0' &&
	       strchr(p + n + 1, '/') == NULL;
}

static int new_type(const char *kind, const char *go_type, const char *path)
{
	gtype *t;
	if (ntypes == MAX_TYPES)
		die("too many types", NULL);
	t = &types[ntypes];
	memset(t, 0, sizeof *t);
	t->kind = kind;
	t->go_type = xstrdup(go_type);
	t->path = path;
	t->elem = -1;
	t->first_field = -1;
	return ntypes++;
}

/* Integer/float/bool/string kinds by Go spelling; false if not a scalar. */
static bool scalar_kind(const char *name, const char **kind, unsigned *bits)
{
	*bits = 0;
	if (strcmp(name, "fs.FileMode") == 0) {
		*kind = "SD_GO_UINT";
		*bits = 32;
	} else if (strncmp(name, "uint", 4) == 0) {
		*kind = "SD_GO_UINT";
		*bits = name[4] ? (unsigned)atoi(name + 4) : 64;
	} else if (strncmp(name, "int", 3) == 0 && strncmp(name, "interface", 9) != 0) {
		*kind = "SD_GO_INT";
		*bits = name[3] ? (unsigned)atoi(name + 3) : 64;
	} else if (strcmp(name, "float64") == 0) {
		*kind = "SD_GO_FLOAT";
		*bits = 64;
	} else if (strcmp(name, "bool") == 0) {
		*kind = "SD_GO_BOOL";
	} else if (strcmp(name, "string") == 0) {
		*kind = "SD_GO_STRING";
	} else {
		return false;
	}
	return true;
}

static int build_line(int i);

static void add_field(int child)
{
	line *l = &lines[child];
	const char *slash = strrchr(l->path, '/');
	const char *dot = strrchr(l->go_field, '.');
	gfield *f;
	if (nfields == capfields) {
		capfields = capfields ? capfields * 2 : 256;
		fields = realloc(fields, (size_t)capfields * sizeof *fields);
		if (!fields)
			die("out of memory", NULL);
	}
	f = &fields[nfields++];
	f->json_name = xstrdup(slash + 1);
	f->go_name = xstrdup(dot ? dot + 1 : l->go_field);
	f->omitempty = l->omitempty;
	f->type = -1;
}

/* A struct type at path whose fields are the child lines of path. */
static int build_struct(const char *go_type, const char *path)
{
	int t = new_type("SD_GO_STRUCT", go_type, path);
	int first = nfields, n = 0;
	int kids[512];
	for (int i = 0; i < nlines; i++) {
		if (is_child(i, path)) {
			if (n == 512)
				die("struct with too many fields", path);
			kids[n++] = i;
			add_field(i);
		}
	}
	/* Field types after the fields are placed: building them appends more. */
	for (int k = 0; k < n; k++) {
		int ft = build_line(kids[k]);  /* may realloc fields */
		fields[first + k].type = ft;
	}
	types[t].first_field = first;
	types[t].nfields = n;
	return t;
}

static int build_elem(const char *path)
{
	char buf[1024];
	int e;
	snprintf(buf, sizeof buf, "%s/*", path);
	e = find_line(buf);
	if (e < 0)
		die("collection without element line", path);
	return build_line(e);
}

static bool is_set_like(const char *path)
{
	for (size_t i = 0; i < sizeof set_like_paths / sizeof *set_like_paths; i++)
		if (strcmp(set_like_paths[i], path) == 0)
			return true;
	return false;
}

static int build_pointer(line *l)
{
	int t = new_type("SD_GO_PTR", l->go_type, l->path);
	const char *pointee = l->go_type + 1;
	const char *kind;
	unsigned bits;
	int e;
	if (l->go_type[0] != '*')
		die("pointer type not spelled *T", l->go_type);
	if (scalar_kind(pointee, &kind, &bits)) {
		e = new_type(kind, pointee, l->path);
		types[e].bits = bits;
	} else {
		e = build_struct(pointee, l->path);
	}
	types[t].elem = e;
	return t;
}

static int build_line(int i)
{
	line *l = &lines[i];
	const char *kind;
	unsigned bits;
	int t;
	if (l->type >= 0)
		return l->type;
	if (strcmp(l->kind, "pointer") == 0) {
		t = build_pointer(l);
	} else if (strcmp(l->kind, "slice") == 0 || strcmp(l->kind, "map") == 0) {
		bool slice = l->kind[0] == 's';
		t = new_type(slice ? "SD_GO_SLICE" : "SD_GO_MAP", l->go_type, l->path);
		types[t].set_like = slice && is_set_like(l->path);
		types[t].elem = build_elem(l->path);
	} else if (strcmp(l->kind, "struct") == 0) {
		t = build_struct(l->go_type, l->path);
	} else if (strcmp(l->kind, "interface") == 0) {
		t = new_type("SD_GO_IFACE", l->go_type, l->path);
	} else {
		/* Named scalar types (specs.Arch, fs.FileMode) keep their spelling. */
		if (!scalar_kind(l->kind, &kind, &bits))
			die("unknown kind", l->kind);
		t = new_type(kind, l->go_type, l->path);
		types[t].bits = bits;
	}
	l->type = t;
	return t;
}

static void put_cstr(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			putchar('\\');
		putchar(*s);
	}
	putchar('"');
}

typedef struct prow {
	const char *path;
	int type;
} prow;

static int cmp_prow(const void *a, const void *b)
{
	return strcmp(((const prow *)a)->path, ((const prow *)b)->path);
}

static void emit(int v, int root)
{
	prow *rows = calloc((size_t)nlines + 1, sizeof *rows);
	if (!rows)
		die("out of memory", NULL);
	printf("static const sd_type t%d_types[%d];\n", v, ntypes);
	printf("static const sd_field t%d_fields[%d] = {\n", v, nfields ? nfields : 1);
	for (int i = 0; i < nfields; i++) {
		printf("\t{ ");
		put_cstr(fields[i].json_name);
		printf(", ");
		put_cstr(fields[i].go_name);
		printf(", &t%d_types[%d], %s },\n", v, fields[i].type,
		       fields[i].omitempty ? "true" : "false");
	}
	printf("};\n\n");
	printf("static const sd_type t%d_types[%d] = {\n", v, ntypes);
	for (int i = 0; i < ntypes; i++) {
		gtype *t = &types[i];
		printf("\t{ %s, ", t->kind);
		put_cstr(t->go_type);
		printf(", ");
		put_cstr(t->path);
		printf(", %u, ", t->bits);
		if (t->elem >= 0)
			printf("&t%d_types[%d], ", v, t->elem);
		else
			printf("NULL, ");
		if (t->first_field >= 0 && t->nfields > 0)
			printf("&t%d_fields[%d], %d, ", v, t->first_field, t->nfields);
		else
			printf("NULL, 0, ");
		printf("%s, false },\n", t->set_like ? "true" : "false");
	}
	printf("};\n\n");
	rows[0].path = "";
	rows[0].type = root;
	for (int i = 0; i < nlines; i++) {
		rows[i + 1].path = lines[i].path;
		rows[i + 1].type = lines[i].type;
	}
	qsort(rows, (size_t)nlines + 1, sizeof *rows, cmp_prow);
	printf("static const sd_schema_path t%d_paths[%d] = {\n", v, nlines + 1);
	for (int i = 0; i <= nlines; i++) {
		printf("\t{ ");
		put_cstr(rows[i].path);
		printf(", &t%d_types[%d] },\n", v, rows[i].type);
	}
	printf("};\n\n");
	free(rows);
}

/* "core/oci-schema-v1.2.1.jsonl" -> "v1.2.1" (malloc'd). */
static char *version_of(const char *file)
{
	const char *base = strrchr(file, '/');
	base = base ? base + 1 : file;
	size_t n = strlen(base);
	if (strncmp(base, "oci-schema-", 11) != 0 || n <= 17 || strcmp(base + n - 6, ".jsonl") != 0)
		die("file name is not oci-schema-VERSION.jsonl", file);
	char *v = xstrdup(base + 11);
	v[n - 17] = '\0';
	return v;
}

/* One version's tables; returns the root's index in its types. */
static int generate(int v, const char *file)
{
	nlines = ntypes = nfields = 0;
	read_lines(file);
	int root = build_struct("specs.Spec", "");
	for (int i = 0; i < nlines; i++)
		if (lines[i].type < 0)
			die("line not reachable from the root", lines[i].path);
	for (int i = 0; i < nfields; i++)
		if (fields[i].type < 0)
			die("field without a type", fields[i].json_name);
	emit(v, root);
	return root;
}

int main(int argc, char **argv)
{
	int roots[64], npaths[64];
	if (argc < 2 || argc > 65)
		die("usage: gen_schema oci-schema-VERSION.jsonl...", NULL);
	printf("/* Generated by tools/gen_schema.c from core/oci-schema-*.jsonl; do not edit. */\n");
	printf("#include \"schema_table.h\"\n\n");
	for (int v = 0; v + 1 < argc; v++) {
		roots[v] = generate(v, argv[v + 1]);
		npaths[v] = nlines + 1;
	}
	printf("const sd_schema_table sdp_oci_tables[%d] = {\n", argc - 1);
	for (int v = 0; v + 1 < argc; v++) {
		char *name = version_of(argv[v + 1]);
		printf("\t{ ");
		put_cstr(name);
		printf(", &t%d_types[%d], t%d_paths, %d },\n", v, roots[v], v, npaths[v]);
		free(name);
	}
	printf("};\nconst size_t sdp_oci_ntables = %d;\n", argc - 1);
	return 0;
}
