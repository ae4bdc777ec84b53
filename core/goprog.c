/*
 * goprog.c - a Go program that reproduces the facts at one node (see
 * gofacts.h, sd_goprog_write): the struct types along the path, declared
 * from the schema table, the two documents, and main printing what Go
 * holds there.
 */
#include <string.h>

#include "diff_impl.h"
#include "specdiff/base.h"
#include "specdiff/gofacts.h"
#include "specdiff/gofmt.h"
#include "specdiff/write.h"

#define MAX_DECL 64

/* The types to declare: structs whole (the node's value and below) or
 * with one field (an ancestor: only the field on the path), named
 * strings. */
typedef struct decls {
	const sd_type *t[MAX_DECL];
	const sd_field *only[MAX_DECL];   /* NULL: every field */
	size_t n;
	bool fs;                          /* io/fs for fs.FileMode */
	const char *embedded[4];          /* embedded structs declared */
	size_t nembedded;
} decls;

/* The Go spelling of t, package specs being this program's main. */
static void type_expr(sd_buf *b, const sd_type *t)
{
	switch (t->kind) {
	case SD_GO_PTR: sd_buf_addc(b, '*'); type_expr(b, t->elem); return;
	case SD_GO_SLICE: sd_buf_adds(b, "[]"); type_expr(b, t->elem); return;
	case SD_GO_MAP: sd_buf_adds(b, "map[string]"); type_expr(b, t->elem); return;
	case SD_GO_IFACE: sd_buf_adds(b, "interface{}"); return;
	default: break;
	}
	const char *s = t->go_type;
	sd_buf_adds(b, strncmp(s, "specs.", 6) ? s : s + 6);
}

/* By name: the schema has one sd_type per place a Go type occurs. */
static bool declared(const decls *d, const sd_type *t)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->t[i] == t || (t->go_type && !strcmp(d->t[i]->go_type, t->go_type)))
			return true;
	return false;
}

static void add_decl(decls *d, const sd_type *t, const sd_field *only)
{
	if (d->n < MAX_DECL && !declared(d, t)) {
		d->t[d->n] = t;
		d->only[d->n++] = only;
	}
}

/* Every named type the value of t needs, whole. */
static void need_all(decls *d, const sd_type *t)
{
	if (!t)
		return;
	if (t->go_type && strstr(t->go_type, "fs.FileMode"))
		d->fs = true;
	if (t->kind == SD_GO_PTR || t->kind == SD_GO_SLICE || t->kind == SD_GO_MAP) {
		need_all(d, t->elem);
		return;
	}
	if (!t->go_type || strncmp(t->go_type, "specs.", 6) || declared(d, t))
		return;
	add_decl(d, t, NULL);
	for (size_t i = 0; t->kind == SD_GO_STRUCT && i < t->nfields; i++)
		need_all(d, t->fields[i].type);
}

/* One field, its type and tag in the columns gofmt aligns them in. */
static void field_line(sd_buf *b, const sd_field *f, size_t wname, size_t wtype)
{
	sd_buf_addf(b, "\t%-*s ", (int)wname, f->go_name);
	size_t at = b->len;
	type_expr(b, f->type);
	sd_buf_addf(b, "%*s `json:\"%s%s\"`\n", (int)(wtype - (b->len - at)), "",
		    f->json_name, f->omitempty ? ",omitempty" : "");
}

static void field_lines(sd_buf *b, const sd_type *t, size_t from, size_t to, const sd_field *only)
{
	size_t wname = 0, wtype = 0;
	sd_buf tmp = SD_BUF_INIT;
	for (size_t i = from; i < to; i++) {
		if (only && &t->fields[i] != only)
			continue;
		size_t n = strlen(t->fields[i].go_name);
		wname = n > wname ? n : wname;
		sd_buf_reset(&tmp);
		type_expr(&tmp, t->fields[i].type);
		wtype = tmp.len > wtype ? tmp.len : wtype;
	}
	sd_buf_release(&tmp);
	for (size_t i = from; i < to; i++)
		if (!only || &t->fields[i] == only)
			field_line(b, &t->fields[i], wname, wtype);
}

/* Declares an embedded struct once, however many structs embed it. */
static bool first_embedding(decls *d, const char *name)
{
	for (size_t i = 0; i < d->nembedded; i++)
		if (!strcmp(d->embedded[i], name))
			return false;
	if (d->nembedded < sizeof d->embedded / sizeof d->embedded[0])
		d->embedded[d->nembedded++] = name;
	return true;
}

static void write_decl(sd_buf *b, decls *d, const sd_type *t, const sd_field *only)
{
	sd_buf_adds(b, "type ");
	type_expr(b, t);
	if (t->kind != SD_GO_STRUCT) {
		sd_buf_adds(b, t->kind == SD_GO_STRING ? " string\n\n" : " int64\n\n");
		return;
	}
	sd_buf_adds(b, " struct {\n");
	size_t from = 0;
	const char *emb = only ? NULL : sd_gofmt_embedded(t, &from);
	if (emb) {   /* fmt prints an embedded struct as its own {...} */
		sd_buf_addf(b, "\t%s\n", emb + 6);
	}
	field_lines(b, t, from, t->nfields, only);
	if (only)
		sd_buf_adds(b, "\t// (the other fields of specs-go's struct are left out)\n");
	sd_buf_adds(b, "}\n\n");
	if (emb && first_embedding(d, emb)) {
		sd_buf_addf(b, "type %s struct {\n", emb + 6);
		field_lines(b, t, 0, from, NULL);
		sd_buf_adds(b, "}\n\n");
	}
}

static const sd_type *strip(const sd_type *t)
{
	while (t && t->kind == SD_GO_PTR)
		t = t->elem;
	return t;
}

/* The accessor's statements for one segment: from variable k-1 to k. */
static bool step_code(sd_buf *b, decls *d, const sd_type **t, int k, const sd_buf *seg,
		      const sd_field **last_field)
{
	const sd_type *c = *t;
	*last_field = NULL;
	if (c && c->kind == SD_GO_PTR)
		sd_buf_addf(b, "\tif v%d == nil {\n\t\treturn nil, nil, false\n\t}\n", k - 1);
	c = strip(c);
	if (!c || c->kind == SD_GO_IFACE) {
		sd_buf_addf(b, "\tv%d, ok := atKey(v%d, ", k, k - 1);
		sd_gofmt_quote(b, seg->data, seg->len);
		sd_buf_adds(b, ")\n\tif !ok {\n\t\treturn nil, nil, false\n\t}\n");
		*t = NULL;
		return true;
	}
	size_t idx = 0;
	switch (c->kind) {
	case SD_GO_STRUCT: {
		const sd_field *f = sd_type_match_key(c, seg->data, seg->len);
		if (!f)
			return false;
		if (sd_gofmt_embedded(c, &idx))
			need_all(d, c);   /* declared whole: fmt shows the embedding */
		else
			add_decl(d, c, f);
		sd_buf_addf(b, "\tparent = v%d\n\tv%d := v%d.%s\n", k - 1, k, k - 1, f->go_name);
		*last_field = f;
		*t = f->type;
		return true;
	}
	case SD_GO_MAP:
		sd_buf_addf(b, "\tv%d, ok := v%d[", k, k - 1);
		sd_gofmt_quote(b, seg->data, seg->len);
		sd_buf_adds(b, "]\n\tif !ok {\n\t\treturn nil, nil, false\n\t}\n");
		*t = c->elem;
		return true;
	case SD_GO_SLICE:
		for (size_t i = 0; i < seg->len; i++)
			idx = idx * 10 + (size_t)(seg->data[i] - '0');
		sd_buf_addf(b, "\tif len(v%d) <= %zu {\n\t\treturn nil, nil, false\n\t}\n"
			    "\tv%d := v%d[%zu]\n", k - 1, idx, k, k - 1, idx);
		*t = c->elem;
		return true;
	default:
		return false;
	}
}

/* Helpers for the steps below an interface{}: json.Unmarshal's
 * map[string]interface{} and []interface{}. */
static void iface_helpers(sd_buf *b, int nsteps)
{
	if (nsteps)
		sd_buf_adds(b,
			    "func atKey(v interface{}, key string) (interface{}, bool) {\n"
			    "\tswitch c := v.(type) {\n"
			    "\tcase map[string]interface{}:\n\t\tx, ok := c[key]\n\t\treturn x, ok\n"
			    "\tcase []interface{}:\n\t\tvar i int\n"
			    "\t\tif _, err := fmt.Sscan(key, &i); err != nil || i < 0 || i >= len(c) {\n"
			    "\t\t\treturn nil, false\n\t\t}\n\t\treturn c[i], true\n"
			    "\t}\n\treturn nil, false\n}\n\n");
}

static const char *const pitfall[SD_CLASS__COUNT] = {
	[SD_CLASS_NONE] = "Go holds the same value on both sides here.",
	[SD_CLASS_COSMETIC] =
	"The two texts differ, but json.Unmarshal turns them into the same Go value,\n"
	"// so reflect.DeepEqual is true: what was written is not what Go compares.",
	[SD_CLASS_NIL_VS_EMPTY] =
	"An absent or null map or slice decodes to nil, {} or [] to an empty non-nil one.\n"
	"// Both have len 0 and %v prints them alike, but reflect.DeepEqual tells them\n"
	"// apart; json.Marshal writes null for one and {} or [] for the other.",
	[SD_CLASS_ORDER_ONLY] =
	"The list holds the same elements in another order.  reflect.DeepEqual compares\n"
	"// lists index by index, so it is false, although the elements mean the same.",
	[SD_CLASS_VALUE] =
	"Go holds different values here, so reflect.DeepEqual is false whatever the mode.\n"
	"// A nil pointer and a pointer to a zero struct are different values too.",
};

static void embed_doc(sd_buf *b, const char *name, const sd_doc *doc)
{
	sd_buf j = SD_BUF_INIT;
	sd_write_opts o = { SD_FORMAT_JSON, 2, true, SD_JSON_ESCAPE_WRITER };
	sd_write_node(&j, sd_doc_root(doc), &o);
	/* A raw string when it reads as the text, and nothing in it could act
	 * on a terminal the program is printed to (explain --go writes it
	 * unfiltered: it must stay byte-exact). */
	bool raw = !memchr(j.data, '`', j.len) && !memchr(j.data, '\r', j.len) &&
		   !sd_text_needs_escape(j.data, j.len);
	sd_buf_addf(b, "// %s, as json.Unmarshal reads it\nconst %s = ", sd_doc_name(doc), name);
	if (raw) {
		sd_buf_addc(b, '`');
		sd_buf_add(b, j.data, j.len);
		sd_buf_adds(b, "`\n\n");
	} else {   /* Go source must be valid UTF-8: the bytes as escapes */
		sd_gofmt_quote(b, j.data, j.len);
		sd_buf_adds(b, "\n\n");
	}
	sd_buf_release(&j);
}

static const char main_text[] =
	"func show(side string, v interface{}, ok bool) {\n"
	"\tif !ok {\n"
	"\t\tfmt.Printf(\"%s: no Go value here (no such map key or list element)\\n\", side)\n"
	"\t\treturn\n"
	"\t}\n"
	"\tfmt.Printf(\"%s %%T: %T\\n\", side, v)\n"
	"\trv := reflect.ValueOf(v)\n"
	"\tswitch rv.Kind() {\n"
	"\tcase reflect.Invalid:\n"
	"\t\tfmt.Printf(\"%s nil: true\\n\", side)\n"
	"\tcase reflect.Pointer, reflect.Map, reflect.Slice:\n"
	"\t\tfmt.Printf(\"%s nil: %v\\n\", side, rv.IsNil())\n"
	"\t}\n"
	"\tswitch rv.Kind() {\n"
	"\tcase reflect.Map, reflect.Slice, reflect.String:\n"
	"\t\tfmt.Printf(\"%s len: %d\\n\", side, rv.Len())\n"
	"\t}\n"
	"\tfmt.Printf(\"%s %%v: %v\\n\", side, v)\n"
	"\tfmt.Printf(\"%s %%#v: %#v\\n\", side, v)\n"
	"\tb, err := json.Marshal(v)\n"
	"\tfmt.Printf(\"%s json.Marshal: %s%v\\n\", side, b, errText(err))\n"
	"}\n\n"
	"func errText(err error) string {\n"
	"\tif err != nil {\n"
	"\t\treturn \" (error: \" + err.Error() + \")\"\n"
	"\t}\n"
	"\treturn \"\"\n"
	"}\n\n"
	"func main() {\n"
	"\tvar l, r ROOT\n"
	"\tif err := json.Unmarshal([]byte(left), &l); err != nil {\n"
	"\t\tfmt.Println(\"left: json.Unmarshal:\", err)\n"
	"\t}\n"
	"\tif err := json.Unmarshal([]byte(right), &r); err != nil {\n"
	"\t\tfmt.Println(\"right: json.Unmarshal:\", err)\n"
	"\t}\n"
	"\tlv, lp, lok := at(&l)\n"
	"\trv, rp, rok := at(&r)\n"
	"\tfmt.Println(\"reflect.DeepEqual:\", lok == rok && reflect.DeepEqual(lv, rv))\n"
	"\tshow(\"left\", lv, lok)\n"
	"\tshowParent(\"left\", lp, lok)\n"
	"\tshow(\"right\", rv, rok)\n"
	"\tshowParent(\"right\", rp, rok)\n"
	"}\n\n"
	"// The struct holding the node, with only the node's field declared: its\n"
	"// json.Marshal shows whether omitempty leaves the field out.\n"
	"func showParent(side string, p interface{}, ok bool) {\n"
	"\tif ok && p != nil {\n"
	"\t\tb, err := json.Marshal(p)\n"
	"\t\tfmt.Printf(\"%s parent json.Marshal: %s%v\\n\", side, b, errText(err))\n"
	"\t}\n"
	"}\n";

static void write_main(sd_buf *b, const sd_type *root)
{
	const char *p = strstr(main_text, "ROOT");
	sd_buf_add(b, main_text, (size_t)(p - main_text));
	if (root->kind == SD_GO_IFACE)
		sd_buf_adds(b, "interface{}");
	else
		type_expr(b, root);
	sd_buf_adds(b, p + 4);
}

int sd_goprog_write(sd_buf *out, const sd_diff *d, const char *path, sd_class cls,
		    const char *reason)
{
	const sd_type *root = sd_goview_root_type(d->lview);
	decls dl = { { NULL }, { NULL }, 0, false, { NULL }, 0 };
	sd_buf acc = SD_BUF_INIT, seg = SD_BUF_INIT;
	const sd_type *t = root;
	const sd_field *last = NULL;
	int k = 0, isteps = 0;
	const char *s;
	size_t n;
	sd_ptr_iter it;
	const char *p = strcmp(path, "/") ? path : "";
	sd_buf_grow(&seg, 1);
	sd_buf_adds(&acc, "\tvar parent interface{}\n\tv0 := s\n");
	for (sd_ptr_iter_init(&it, p, strlen(p)); sd_ptr_next(&it, &s, &n);) {
		sd_buf_reset(&seg);
		sd_ptr_unescape(&seg, s, n, NULL);
		bool iface = !strip(t) || strip(t)->kind == SD_GO_IFACE;
		if (!step_code(&acc, &dl, &t, ++k, &seg, &last)) {
			sd_buf_release(&acc);
			sd_buf_release(&seg);
			return -1;   /* a member Go drops: no value to show */
		}
		isteps += iface;
		if (!last)
			sd_buf_adds(&acc, "\tparent = nil\n");
	}
	sd_buf_release(&seg);
	need_all(&dl, t);
	sd_buf_addf(&acc, "\treturn v%d, parent, true\n}\n\n", k);

	sd_buf_addf(out, "// Reproducer for %s, written by specdiff explain --go.\n//\n// ", path);
	sd_buf_adds(out, pitfall[cls < SD_CLASS__COUNT ? cls : SD_CLASS_NONE]);
	if (reason)
		sd_buf_addf(out, "\n// Here: %s.", reason);
	sd_buf_adds(out, "\n//\n// Run it with `go run FILE.go` or paste it into the Go playground.  The\n"
		    "// types are those of runtime-spec specs-go ");
	sd_buf_adds(out, sd_gofacts_types_version());
	sd_buf_adds(out, ", declared here in package\n// main (so %T and %#v say main.X where specs-go says specs.X).\n"
		    "package main\n\nimport (\n\t\"encoding/json\"\n\t\"fmt\"\n");
	if (dl.fs)
		sd_buf_adds(out, "\t\"io/fs\"\n");
	sd_buf_adds(out, "\t\"reflect\"\n)\n\n");
	for (size_t i = 0; i < dl.n; i++)
		write_decl(out, &dl, dl.t[i], dl.only[i]);
	embed_doc(out, "left", d->ldoc);
	embed_doc(out, "right", d->rdoc);
	sd_buf_addf(out, "// at returns the value Go holds at %s (false where it holds none) and\n"
		    "// the struct it is a field of (nil when it is not a struct field).\n"
		    "func at(s *", path);
	if (root->kind == SD_GO_IFACE)
		sd_buf_adds(out, "interface{}");
	else
		type_expr(out, root);
	sd_buf_adds(out, ") (interface{}, interface{}, bool) {\n");
	if (root->kind == SD_GO_IFACE)
		sd_buf_adds(out, "\tvar parent interface{}\n\tv0 := *s\n");
	sd_buf_adds(out, acc.data + (root->kind == SD_GO_IFACE ? strlen("\tvar parent interface{}\n\tv0 := s\n") : 0));
	sd_buf_release(&acc);
	iface_helpers(out, isteps);
	write_main(out, root);
	return 0;
}
