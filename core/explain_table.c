/*
 * explain_table.c - what each runsc validator field covers and how every
 * gVisor profile compares it (conformance README, "gVisor profiles";
 * profile names and release windows come from gvisor.h).
 */
#include <string.h>

#include "specdiff/explain.h"

#define P2024 "gvisor-2024"
#define P1118 "gvisor-20241118"
#define P1202 "gvisor-20241202"
#define P1210 "gvisor-20241210"
#define P1217 "gvisor-20241217"
#define P0304 "gvisor-20250304"
#define P2025 "gvisor-2025"
#define P0915 "gvisor-20250915"
#define P0202 "gvisor-20260202"
#define PLAST "gvisor-20260413"

#define ALL(how) { { P2024, PLAST, how } }

#define RANDOM_ORDER "reflect.DeepEqual, evaluated in Go map order with the other DeepEqual checks (so any failing one may be reported first)"

#define CAPS_LIST(Name, path)                                                                   \
	{ "Capabilities." Name, "[]string", { path }, NULL,                                     \
	  { { P0915, PLAST, "validateArray: lengths (got error length mismatch), duplicates rejected (got error duplicate value), then compared as a set; nil == []" } }, \
	  NULL, NULL,                                                                           \
	  "nil and [] are equal here: the lists really differ in length, elements, or hold a duplicate" }

static const sd_explain_field fields[] = {
	{ "OCI Version", "string", { "/ociVersion" }, NULL, ALL("compared with =="), NULL, NULL, NULL },
	{ "Root", "*specs.Root", { "/root" }, NULL,
	  { { P2024, P2024, RANDOM_ORDER ": root.path and root.readonly (an absent root counts as {})" },
	    { P1118, PLAST, "not compared as a whole: only root.readonly (reported as Root.Readonly)" } },
	  NULL, NULL, NULL },
	{ "Root.Readonly", "bool", { "/root/readonly" }, NULL,
	  { { P1118, PLAST, "compared with == (absent is false)" } }, NULL, NULL, NULL },
	{ "Mounts", "[]specs.Mount", { "/mounts" }, NULL,
	  ALL("matched by destination (order-free); options sorted, source ignored, uid/gid mappings as sets, the rest with reflect.DeepEqual; a destination repeated on the restore side must be identical (got error invalid mount in the restore spec)"),
	  NULL, NULL,
	  "nil vs [] never matters here (options are copied into new lists); both whole lists are printed, so look for a destination present on one side only or a changed type or option" },
	{ "Annotations", "map[string]string", { "/annotations" }, NULL,
	  { { P2024, P2024, "reflect.DeepEqual of the dev.gvisor.* keys, minus dev.gvisor.internal.* and dev.gvisor.spec.mount.source" },
	    { P1118, P0304, "reflect.DeepEqual of the dev.gvisor.* keys, minus dev.gvisor.internal.* and dev.gvisor.spec.mount.*.source" },
	    { P2025, P0202, "as before, also ignoring dev.gvisor.container-name-remap.*" },
	    { PLAST, PLAST, "as before, also ignoring the debug dev.gvisor.flag.* keys" } },
	  NULL, NULL,
	  "nil vs {} never matters (both filtered maps are built fresh); keys outside dev.gvisor.* are ignored" },
	{ "Terminal", "bool", { "/process/terminal" }, NULL,
	  ALL("compared with == (absent is false)"), NULL, NULL, NULL },
	{ "Cwd", "string", { "/process/cwd" }, NULL, ALL("compared with =="), NULL, NULL, NULL },
	{ "Args", "[]string", { "/process/args" }, NULL,
	  { { P2024, P1202, "slices.Equal: element by element, nil == []" },
	    { P1210, P1217, "slices.Equal (nil == []), but args also stay in the later Process check, where [] vs absent fails (reported as Process)" },
	    { P0304, P0915, "lengths and elements, with a ./exe argv[0] resolved against cwd; nil == []" },
	    { P0202, PLAST, "argv[0] compared by basename (a warning when its directory differs), the rest element by element" } },
	  NULL, NULL, NULL },
	{ "CgroupsPath", "string", { "/linux/cgroupsPath" }, NULL,
	  { { P2024, P2024, "compared with ==" }, { P1118, PLAST, "ignored" } },
	  P1118, "ignores cgroupsPath", NULL },
	{ "User", "specs.User", { "/process/user" }, NULL,
	  { { P2024, P1202, RANDOM_ORDER }, { P1210, PLAST, "reflect.DeepEqual" } },
	  NULL, NULL,
	  "user.additionalGids: [] vs absent fails in every profile (reflect.DeepEqual); user.umask is a pointer: absent vs 0 differs" },
	{ "Rlimits", "[]specs.POSIXRlimit", { "/process/rlimits" }, NULL,
	  { { P2024, P1202, RANDOM_ORDER ": order and nil vs [] matter" },
	    { P1210, PLAST, "validateArray: lengths, duplicates rejected, then compared as a set (order-free, nil == [])" } },
	  P1210, "compares rlimits as a set: order-free and nil == []", NULL },
	{ "Capabilities", "*specs.LinuxCapabilities", { "/process/capabilities" }, NULL,
	  { { P2024, P2024, "not compared" },
	    { P1118, P2025, "absent vs present fails; each list sorted, then reflect.DeepEqual (so [] vs an absent list fails)" },
	    { P0915, PLAST, "absent vs present fails; each list by validateArray (nil == [], duplicates rejected), reported as Capabilities.Bounding ..." } },
	  P0915, "compares each capability list as a set, nil == []",
	  "an absent process.capabilities vs \"capabilities\": {} fails in every profile that checks it" },
	CAPS_LIST("Bounding", "/process/capabilities/bounding"),
	CAPS_LIST("Effective", "/process/capabilities/effective"),
	CAPS_LIST("Inheritable", "/process/capabilities/inheritable"),
	CAPS_LIST("Permitted", "/process/capabilities/permitted"),
	CAPS_LIST("Ambient", "/process/capabilities/ambient"),
	{ "Sysctl", "map[string]string", { "/linux/sysctl" }, NULL,
	  { { P2024, P1202, RANDOM_ORDER ": a nil map and an empty map differ" },
	    { P1210, PLAST, "validateMap: lengths, then every key and value; nil == {}" } },
	  P1210, "compares sysctl with validateMap: nil == {}", NULL },
	{ "Seccomp", "*specs.LinuxSeccomp", { "/linux/seccomp" }, NULL,
	  { { P2024, P1202, RANDOM_ORDER }, { P1210, PLAST, "reflect.DeepEqual" } },
	  NULL, NULL,
	  "absent vs {} and [] vs absent lists inside (flags, architectures, syscalls, args) all fail; %v prints nested pointers (defaultErrnoRet, errnoRet) as addresses" },
	{ "Devices", "[]specs.LinuxDevice", { "/linux/devices" }, NULL,
	  ALL("lengths (got error length mismatch); a (path, type) twice on the checkpoint side is an error; then the set of (path, type) pairs; other device fields are ignored"),
	  NULL, NULL, "nil vs [] never matters here" },
	{ "Resources", "*specs.LinuxResources", { "/linux/resources" }, NULL,
	  { { P2024, P2024, "not compared" },
	    { P1118, P1210, "fails the restore: absent vs present fails; hugepageLimits as a set; devices ignored; the rest reflect.DeepEqual" },
	    { P1217, PLAST, "only a warning (specs.Linux.Resources has been changed during restore): the same checks, rdma and unified by validateMap" } },
	  P1217, "only warns about resources",
	  "\"resources\": {} vs absent is a nil vs non-nil pointer: it fails although it means the same at run time" },
	{ "Resources.HugepageLimits", "[]specs.LinuxHugepageLimit", { "/linux/resources/hugepageLimits" }, NULL,
	  { { P1118, P1210, "validateArray (a set); reported as Resources, fails the restore" },
	    { P1217, PLAST, "validateArray (a set); reported under this name inside the Resources warning" } },
	  P1217, "only warns about resources", NULL },
	{ "Resources.Rdma", "map[string]specs.LinuxRdma", { "/linux/resources/rdma" }, NULL,
	  { { P1217, PLAST, "validateMap with == on values holding pointers: any rdma entry mismatches, even between identical specs (a warning)" } },
	  NULL, NULL, "only a warning: the restore goes on" },
	{ "Resources.Unified", "map[string]string", { "/linux/resources/unified" }, NULL,
	  { { P1217, PLAST, "validateMap: lengths, then every key and value, nil == {} (a warning)" } },
	  NULL, NULL, "only a warning: the restore goes on" },
	{ "UIDMappings", "[]specs.LinuxIDMapping", { "/linux/uidMappings" }, NULL,
	  ALL("validateArray: lengths, duplicates rejected, then compared as a set (nil == [])"), NULL, NULL, NULL },
	{ "GIDMappings", "[]specs.LinuxIDMapping", { "/linux/gidMappings" }, NULL,
	  ALL("validateArray: lengths, duplicates rejected, then compared as a set (nil == [])"), NULL, NULL, NULL },
	{ "Namespace", "[]specs.LinuxNamespace", { "/linux/namespaces" }, NULL,
	  { { P2024, P2024, "validateArray on type and path" },
	    { P1118, PLAST, "validateArray on the types only (paths ignored; printed as [{pid } ...])" } },
	  NULL, NULL, NULL },
	{ "Process", "*specs.Process",
	  { "/process/consoleSize", "/process/commandLine", "/process/noNewPrivileges",
	    "/process/apparmorProfile", "/process/oomScoreAdj", "/process/selinuxLabel", "/process/args" },
	  "the process fields no earlier check covers (process.env is ignored; process.args only up to release-20250224.0)",
	  { { P2024, P1118, "not compared" },
	    { P1202, PLAST, "reflect.DeepEqual of the remaining fields; the message prints both whole *specs.Spec" } },
	  NULL, NULL, "the message prints the whole specs, with nested pointers as addresses: give CHECKPOINT and RESTORE to find the node" },
	{ "Linux", "*specs.Linux",
	  { "/linux/maskedPaths", "/linux/readonlyPaths", "/linux/rootfsPropagation",
	    "/linux/mountLabel", "/linux/intelRdt", "/linux/personality" },
	  "the linux fields no earlier check covers (cgroupsPath is ignored)",
	  { { P2024, P1118, "not compared" },
	    { P1202, PLAST, "reflect.DeepEqual of the remaining fields; the message prints both whole *specs.Spec" } },
	  NULL, NULL, "maskedPaths or readonlyPaths: [] vs absent fails here (reflect.DeepEqual)" },
	{ "Spec", "*specs.Spec", { "/solaris", "/windows", "/vm", "/zos" },
	  "the top-level fields no earlier check covers (hostname, domainname, hooks and root.path are ignored)",
	  { { P2024, P1118, "not compared" },
	    { P1202, PLAST, "reflect.DeepEqual of the remaining fields; the message prints both whole *specs.Spec" } },
	  NULL, NULL, NULL },
};

size_t sd_explain_field_count(void)
{
	return sizeof fields / sizeof fields[0];
}

const sd_explain_field *sd_explain_field_at(size_t i)
{
	return i < sd_explain_field_count() ? &fields[i] : NULL;
}

const sd_explain_field *sd_explain_field_find(const char *name)
{
	for (size_t i = 0; i < sd_explain_field_count(); i++)
		if (strcmp(fields[i].name, name) == 0)
			return &fields[i];
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
