/*
 * explain_table.c - what each runsc validator field covers (the one field
 * table: validator field -> Go type, JSON paths) and how every gVisor
 * profile compares it.  "How runsc compares it" is generated from the
 * profile table (gvisor.c): each field's sentence is a function of a
 * profile's validator steps, flags and specs-go types, and consecutive
 * profiles with the same sentence form one window.  A new profile row
 * changes the windows with no change here.
 */
#include <string.h>

#include "gvisor_impl.h"
#include "specdiff/explain.h"
#include "specdiff/schema.h"

typedef const char *(*how_fn)(const gv_profile *p);

/* The per-field facts; the rules and tolerant_from are derived. */
typedef struct field_row {
	sd_explain_field f;       /* rules/tolerant_from filled on first use */
	how_fn how;               /* never NULL, never returns NULL */
	how_fn tolerates;         /* a phrase when p forgives nil vs empty here, else NULL */
} field_row;

static bool has(const gv_profile *p, gv_step s)
{
	for (const gv_step *q = p->steps; *q != ST_END; q++)
		if (*q == s)
			return true;
	return false;
}

static bool random_order(const gv_profile *p) { return has(p, ST_RANDOM); }

/* Does p's specs.Spec know this field ("process", "scheduler")? */
static bool knows(const gv_profile *p, const char *parent, const char *field)
{
	const sd_field *f = sd_type_field(sd_gvisor_profile_types(&p->pub), parent);
	const sd_type *t = f ? f->type : NULL;
	while (t && t->kind == SD_GO_PTR)
		t = t->elem;
	return sd_type_field(t, field) != NULL;
}

#define RANDOM_ORDER "reflect.DeepEqual, evaluated in Go map order with the other DeepEqual checks (so any failing one may be reported first)"
#define VALIDATE_ARRAY "validateArray: lengths (got error length mismatch), duplicates rejected (got error duplicate value), then compared as a set; nil == []"

static const char *h_eq(const gv_profile *p) { (void)p; return "compared with =="; }
static const char *h_eq_false(const gv_profile *p) { (void)p; return "compared with == (absent is false)"; }

static const char *h_root(const gv_profile *p)
{
	return p->random_root ? RANDOM_ORDER ": root.path and root.readonly (an absent root counts as {})"
			      : "not compared as a whole: only root.readonly (reported as Root.Readonly)";
}

static const char *h_root_readonly(const gv_profile *p)
{
	return has(p, ST_ROOT_READONLY) ? "compared with == (absent is false)"
					: "not reported on its own: part of the Root check";
}

static const char *h_mounts(const gv_profile *p)
{
	(void)p;
	return "matched by destination (order-free); options sorted, source ignored, uid/gid mappings as sets, the rest with reflect.DeepEqual; a destination repeated on the restore side must be identical (got error invalid mount in the restore spec)";
}

static const char *h_annotations(const gv_profile *p)
{
	if (!p->ann_source_suffix)
		return "reflect.DeepEqual of the dev.gvisor.* keys, minus dev.gvisor.internal.* and dev.gvisor.spec.mount.source";
	if (p->ann_debug_flags)
		return "reflect.DeepEqual of the dev.gvisor.* keys, minus dev.gvisor.internal.*, dev.gvisor.spec.mount.*.source, dev.gvisor.container-name-remap.* and the debug dev.gvisor.flag.* keys";
	if (p->ann_remap)
		return "reflect.DeepEqual of the dev.gvisor.* keys, minus dev.gvisor.internal.*, dev.gvisor.spec.mount.*.source and dev.gvisor.container-name-remap.*";
	return "reflect.DeepEqual of the dev.gvisor.* keys, minus dev.gvisor.internal.* and dev.gvisor.spec.mount.*.source";
}

static const char *h_args(const gv_profile *p)
{
	switch (p->args) {
	case ARGS_DOT_SLASH:
		return "lengths and elements, with a ./exe argv[0] resolved against cwd; nil == []";
	case ARGS_BASENAME:
		return "argv[0] compared by basename (a warning when its directory differs), the rest element by element";
	default:
		return has(p, ST_REST) && !p->clear_args_before_rest
			? "slices.Equal (nil == []), but args also stay in the later Process check, where [] vs absent fails (reported as Process)"
			: "slices.Equal: element by element, nil == []";
	}
}

static const char *h_cgroups(const gv_profile *p)
{
	return has(p, ST_CGROUPS_PATH) ? "compared with ==" : "ignored";
}

static const char *t_cgroups(const gv_profile *p)
{
	return has(p, ST_CGROUPS_PATH) ? NULL : "ignores cgroupsPath";
}

static const char *h_deep(const gv_profile *p)
{
	return random_order(p) ? RANDOM_ORDER : "reflect.DeepEqual";
}

static const char *h_rlimits(const gv_profile *p)
{
	return random_order(p) ? RANDOM_ORDER ": order and nil vs [] matter"
			       : "validateArray: lengths, duplicates rejected, then compared as a set (order-free, nil == [])";
}

static const char *t_rlimits(const gv_profile *p)
{
	return random_order(p) ? NULL : "compares rlimits as a set: order-free and nil == []";
}

static const char *h_caps(const gv_profile *p)
{
	if (!has(p, ST_CAPS))
		return "not compared";
	return p->caps_per_list
		? "absent vs present fails; each list by validateArray (nil == [], duplicates rejected), reported as Capabilities.Bounding ..."
		: "absent vs present fails; each list sorted, then reflect.DeepEqual (so [] vs an absent list fails)";
}

static const char *t_caps(const gv_profile *p)
{
	return p->caps_per_list ? "compares each capability list as a set, nil == []" : NULL;
}

static const char *h_caps_list(const gv_profile *p)
{
	if (!has(p, ST_CAPS))
		return "not compared";
	return p->caps_per_list ? VALIDATE_ARRAY
				: "not reported on its own: part of the Capabilities check (sorted, then reflect.DeepEqual)";
}

static const char *h_sysctl(const gv_profile *p)
{
	return random_order(p) ? RANDOM_ORDER ": a nil map and an empty map differ"
			       : "validateMap: lengths, then every key and value; nil == {}";
}

static const char *t_sysctl(const gv_profile *p)
{
	return random_order(p) ? NULL : "compares sysctl with validateMap: nil == {}";
}

static const char *h_devices(const gv_profile *p)
{
	return p->nvidia_frontend
		? "/dev/nvidiaN frontend devices (major 195, minor N <= 247) dropped from both lists first; then lengths (got error length mismatch); a (path, type) twice on the checkpoint side is an error; then the set of (path, type) pairs; other device fields are ignored"
		: "lengths (got error length mismatch); a (path, type) twice on the checkpoint side is an error; then the set of (path, type) pairs; other device fields are ignored";
}

static const char *h_resources(const gv_profile *p)
{
	if (!has(p, ST_RESOURCES))
		return "not compared";
	return p->resources_warn_only
		? "only a warning (specs.Linux.Resources has been changed during restore): absent vs present; hugepageLimits as a set; devices ignored; rdma and unified by validateMap; the rest reflect.DeepEqual"
		: "fails the restore: absent vs present fails; hugepageLimits as a set; devices ignored; the rest reflect.DeepEqual";
}

static const char *t_resources(const gv_profile *p)
{
	return p->resources_warn_only ? "only warns about resources" : NULL;
}

static const char *h_hugepages(const gv_profile *p)
{
	if (!has(p, ST_RESOURCES))
		return "not compared";
	return p->rdma_unified ? "validateArray (a set); reported under this name inside the Resources warning"
			       : "validateArray (a set); reported as Resources, fails the restore";
}

static const char *h_rdma(const gv_profile *p)
{
	if (!has(p, ST_RESOURCES))
		return "not compared";
	return p->rdma_unified
		? "validateMap with == on values holding pointers: any rdma entry mismatches, even between identical specs (a warning)"
		: "part of the Resources reflect.DeepEqual (fatal)";
}

static const char *h_unified(const gv_profile *p)
{
	if (!has(p, ST_RESOURCES))
		return "not compared";
	return p->rdma_unified ? "validateMap: lengths, then every key and value, nil == {} (a warning)"
			       : "part of the Resources reflect.DeepEqual (fatal)";
}

static const char *h_idmap(const gv_profile *p)
{
	(void)p;
	return "validateArray: lengths, duplicates rejected, then compared as a set (nil == [])";
}

static const char *h_namespace(const gv_profile *p)
{
	return p->ns_with_paths ? "validateArray on type and path"
				: "validateArray on the types only (paths ignored; printed as [{pid } ...])";
}

/* The final DeepEqual of what is left; which fields that holds depends on
 * the specs-go types (extra: what they add, NULL when nothing), what the
 * message prints on the release. */
static const char *h_rest(const gv_profile *p, const char *const sentences[2][2], bool extra)
{
	if (!has(p, ST_REST))
		return "not compared";
	return sentences[extra][p->rest_reduced];
}

static const char *h_process(const gv_profile *p)
{
	static const char *const s[3][2] = {
		{ "reflect.DeepEqual of the remaining fields; the message prints both whole *specs.Spec",
		  "reflect.DeepEqual of the remaining fields; the message prints both reduced specs.Process values with %#v" },
		{ "reflect.DeepEqual of the remaining fields, process.scheduler and process.ioPriority (specs-go v1.2) included; the message prints both whole *specs.Spec",
		  "reflect.DeepEqual of the remaining fields, process.scheduler and process.ioPriority (specs-go v1.2) included; the message prints both reduced specs.Process values with %#v" },
		{ "reflect.DeepEqual of the remaining fields, process.scheduler, process.ioPriority and process.execCPUAffinity (specs-go v1.2.1) included; the message prints both whole *specs.Spec",
		  "reflect.DeepEqual of the remaining fields, process.scheduler, process.ioPriority and process.execCPUAffinity (specs-go v1.2.1) included; the message prints both reduced specs.Process values with %#v" },
	};
	if (knows(p, "process", "execCPUAffinity"))
		return h_rest(p, s + 1, true);
	return h_rest(p, s, knows(p, "process", "scheduler"));
}

static const char *h_linux(const gv_profile *p)
{
	static const char *const s[2][2] = {
		{ "reflect.DeepEqual of the remaining fields; the message prints both whole *specs.Spec",
		  "reflect.DeepEqual of the remaining fields; the message prints both reduced specs.Linux values with %#v" },
		{ "reflect.DeepEqual of the remaining fields, linux.timeOffsets (specs-go v1.2) included; the message prints both whole *specs.Spec",
		  "reflect.DeepEqual of the remaining fields, linux.timeOffsets (specs-go v1.2) included; the message prints both reduced specs.Linux values with %#v" },
	};
	return h_rest(p, s, knows(p, "linux", "timeOffsets"));
}

static const char *h_spec(const gv_profile *p)
{
	static const char *const s[2][2] = {
		{ "reflect.DeepEqual of the remaining fields; the message prints both whole *specs.Spec",
		  "reflect.DeepEqual of the remaining fields; the message prints both reduced specs.Spec values with %#v" },
		{ NULL, NULL },
	};
	return h_rest(p, s, false);
}

#define ROW(name, type, paths, covers, how, tol, note) \
	{ { name, type, paths, covers, { { NULL, NULL, NULL } }, NULL, NULL, note }, how, tol }
#define PATHS(...) { __VA_ARGS__ }
#define CAPS_LIST(Name, path) \
	ROW("Capabilities." Name, "[]string", PATHS(path), NULL, h_caps_list, t_caps, \
	    "nil and [] are equal here: the lists really differ in length, elements, or hold a duplicate")

static field_row rows[] = {
	ROW("OCI Version", "string", PATHS("/ociVersion"), NULL, h_eq, NULL, NULL),
	ROW("Root", "*specs.Root", PATHS("/root"), NULL, h_root, NULL, NULL),
	ROW("Root.Readonly", "bool", PATHS("/root/readonly"), NULL, h_root_readonly, NULL, NULL),
	ROW("Mounts", "[]specs.Mount", PATHS("/mounts"), NULL, h_mounts, NULL,
	    "nil vs [] never matters here (options are copied into new lists); both whole lists are printed, so look for a destination present on one side only or a changed type or option"),
	ROW("Annotations", "map[string]string", PATHS("/annotations"), NULL, h_annotations, NULL,
	    "nil vs {} never matters (both filtered maps are built fresh); keys outside dev.gvisor.* are ignored"),
	ROW("Terminal", "bool", PATHS("/process/terminal"), NULL, h_eq_false, NULL, NULL),
	ROW("Cwd", "string", PATHS("/process/cwd"), NULL, h_eq, NULL, NULL),
	ROW("Args", "[]string", PATHS("/process/args"), NULL, h_args, NULL, NULL),
	ROW("CgroupsPath", "string", PATHS("/linux/cgroupsPath"), NULL, h_cgroups, t_cgroups, NULL),
	ROW("User", "specs.User", PATHS("/process/user"), NULL, h_deep, NULL,
	    "user.additionalGids: [] vs absent fails in every profile (reflect.DeepEqual); user.umask is a pointer: absent vs 0 differs"),
	ROW("Rlimits", "[]specs.POSIXRlimit", PATHS("/process/rlimits"), NULL, h_rlimits, t_rlimits, NULL),
	ROW("Capabilities", "*specs.LinuxCapabilities", PATHS("/process/capabilities"), NULL, h_caps, t_caps,
	    "an absent process.capabilities vs \"capabilities\": {} fails in every profile that checks it"),
	CAPS_LIST("Bounding", "/process/capabilities/bounding"),
	CAPS_LIST("Effective", "/process/capabilities/effective"),
	CAPS_LIST("Inheritable", "/process/capabilities/inheritable"),
	CAPS_LIST("Permitted", "/process/capabilities/permitted"),
	CAPS_LIST("Ambient", "/process/capabilities/ambient"),
	ROW("Sysctl", "map[string]string", PATHS("/linux/sysctl"), NULL, h_sysctl, t_sysctl, NULL),
	ROW("Seccomp", "*specs.LinuxSeccomp", PATHS("/linux/seccomp"), NULL, h_deep, NULL,
	    "absent vs {} and [] vs absent lists inside (flags, architectures, syscalls, args) all fail; %v prints nested pointers (defaultErrnoRet, errnoRet) as addresses"),
	ROW("Devices", "[]specs.LinuxDevice", PATHS("/linux/devices"), NULL, h_devices, NULL,
	    "nil vs [] never matters here"),
	ROW("Resources", "*specs.LinuxResources", PATHS("/linux/resources"), NULL, h_resources, t_resources,
	    "\"resources\": {} vs absent is a nil vs non-nil pointer: it fails although it means the same at run time"),
	ROW("Resources.HugepageLimits", "[]specs.LinuxHugepageLimit", PATHS("/linux/resources/hugepageLimits"),
	    NULL, h_hugepages, t_resources, NULL),
	ROW("Resources.Rdma", "map[string]specs.LinuxRdma", PATHS("/linux/resources/rdma"), NULL, h_rdma, NULL,
	    "only a warning where it is reported under this name: the restore goes on"),
	ROW("Resources.Unified", "map[string]string", PATHS("/linux/resources/unified"), NULL, h_unified, NULL,
	    "only a warning where it is reported under this name: the restore goes on"),
	ROW("UIDMappings", "[]specs.LinuxIDMapping", PATHS("/linux/uidMappings"), NULL, h_idmap, NULL, NULL),
	ROW("GIDMappings", "[]specs.LinuxIDMapping", PATHS("/linux/gidMappings"), NULL, h_idmap, NULL, NULL),
	ROW("Namespace", "[]specs.LinuxNamespace", PATHS("/linux/namespaces"), NULL, h_namespace, NULL, NULL),
	ROW("Process", "*specs.Process",
	    PATHS("/process/consoleSize", "/process/commandLine", "/process/noNewPrivileges",
		  "/process/apparmorProfile", "/process/oomScoreAdj", "/process/selinuxLabel", "/process/args",
		  "/process/scheduler", "/process/ioPriority", "/process/execCPUAffinity"),
	    "the process fields no earlier check covers (process.env is ignored; process.args only where the Args check does not clear it; scheduler, ioPriority and execCPUAffinity only with the specs-go types that know them)",
	    h_process, NULL,
	    "the message prints the whole specs (or, from release-20260601.0, the reduced process values), with nested pointers as addresses: give CHECKPOINT and RESTORE to find the node"),
	ROW("Linux", "*specs.Linux",
	    PATHS("/linux/maskedPaths", "/linux/readonlyPaths", "/linux/rootfsPropagation",
		  "/linux/mountLabel", "/linux/intelRdt", "/linux/personality", "/linux/timeOffsets"),
	    "the linux fields no earlier check covers (cgroupsPath is ignored; timeOffsets only with specs-go v1.2 types)",
	    h_linux, NULL,
	    "maskedPaths, readonlyPaths or timeOffsets: [] or {} vs absent fails here (reflect.DeepEqual), and runsc's stored copy turns an empty one into nil"),
	ROW("Spec", "*specs.Spec", PATHS("/solaris", "/windows", "/vm", "/zos"),
	    "the top-level fields no earlier check covers (hostname, domainname, hooks and root.path are ignored)",
	    h_spec, NULL, NULL),
};

#define NROWS (sizeof rows / sizeof rows[0])

static const gv_profile *impl_at(size_t i)
{
	return sdp_gvisor_impl(sd_gvisor_profile_at(i));
}

/* Windows of consecutive profiles with one sentence; the first profile from
 * which every newer one forgives nil vs empty. */
static void derive(field_row *r)
{
	size_t n = 0, np = sd_gvisor_profile_count();
	for (size_t i = 0; i < np; i++) {
		const char *how = r->how(impl_at(i));
		sd_explain_rule *last = n ? &r->f.rules[n - 1] : NULL;
		if (last && strcmp(last->how, how) == 0) {
			last->last = sd_gvisor_profile_at(i)->name;
		} else if (n < SD_EXPLAIN_MAX_RULES - 1) {
			r->f.rules[n++] = (sd_explain_rule){ sd_gvisor_profile_at(i)->name,
							     sd_gvisor_profile_at(i)->name, how };
		}
	}
	for (size_t i = np; r->tolerates && i > 0 && r->tolerates(impl_at(i - 1)); i--) {
		r->f.tolerant_from = sd_gvisor_profile_at(i - 1)->name;
		r->f.tolerance = r->tolerates(impl_at(i - 1));
	}
}

static void init(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	for (size_t i = 0; i < NROWS; i++)
		derive(&rows[i]);
}

size_t sd_explain_field_count(void)
{
	return NROWS;
}

const sd_explain_field *sd_explain_field_at(size_t i)
{
	init();
	return i < NROWS ? &rows[i].f : NULL;
}

const sd_explain_field *sd_explain_field_find(const char *name)
{
	init();
	for (size_t i = 0; name && i < NROWS; i++)
		if (strcmp(rows[i].f.name, name) == 0)
			return &rows[i].f;
	return NULL;
}

const char *sd_explain_field_how(const sd_explain_field *f, const sd_profile *p)
{
	for (size_t i = 0; f && p && i < NROWS; i++)
		if (&rows[i].f == f)
			return rows[i].how(sdp_gvisor_impl(p));
	return NULL;
}

bool sd_explain_field_covers(const sd_explain_field *f, const char *path)
{
	for (size_t i = 0; i < SD_EXPLAIN_MAX_PATHS && f->paths[i]; i++) {
		size_t n = strlen(f->paths[i]);
		if (strncmp(path, f->paths[i], n) == 0 && (path[n] == '\0' || path[n] == '/'))
			return true;
	}
	return false;
}
