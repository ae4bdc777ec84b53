/*
 * gvisor.c - the gVisor validator profiles as data (one row per behaviour
 * change in runsc's history), release-tag mapping, and reading validator
 * messages back (field, container, the JSON paths a field covers, the rule
 * each profile applied).  The validator itself is gvisor_run.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gvisor_impl.h"
#include "specdiff/util.h"

/* release-20241104.0 */
static const gv_step steps_2024[] = {
	ST_VERSION, ST_MOUNTS, ST_TERMINAL, ST_CWD, ST_ARGS, ST_CGROUPS_PATH, ST_DEVICES,
	ST_UIDMAPS, ST_GIDMAPS, ST_NAMESPACES, ST_RANDOM, ST_ANNOTATIONS, ST_END,
};
/* release-20241118.0 */
static const gv_step steps_20241118[] = {
	ST_VERSION, ST_ROOT_READONLY, ST_MOUNTS, ST_TERMINAL, ST_CWD, ST_ARGS, ST_CAPS,
	ST_DEVICES, ST_RESOURCES, ST_UIDMAPS, ST_GIDMAPS, ST_NAMESPACES, ST_ANNOTATIONS,
	ST_RANDOM, ST_END,
};
/* release-20241202.0 */
static const gv_step steps_20241202[] = {
	ST_VERSION, ST_ROOT_READONLY, ST_MOUNTS, ST_ANNOTATIONS, ST_TERMINAL, ST_CWD, ST_ARGS,
	ST_CAPS, ST_DEVICES, ST_RESOURCES, ST_UIDMAPS, ST_GIDMAPS, ST_NAMESPACES, ST_RANDOM,
	ST_REST, ST_END,
};
/* release-20241210.0 and later: deterministic */
static const gv_step steps_det[] = {
	ST_VERSION, ST_ROOT_READONLY, ST_MOUNTS, ST_ANNOTATIONS, ST_TERMINAL, ST_CWD, ST_USER,
	ST_RLIMITS, ST_ARGS, ST_CAPS, ST_SYSCTL, ST_SECCOMP, ST_DEVICES, ST_RESOURCES,
	ST_UIDMAPS, ST_GIDMAPS, ST_NAMESPACES, ST_REST, ST_END,
};

#define PUB(n, first, last, corpus, rnd, sum) \
	{ .name = n, .first_release = first, .last_release = last, .in_corpus = corpus, \
	  .random_order = rnd, .summary = sum }

static const gv_profile profiles[] = {
	{ PUB("gvisor-2024", "release-20241104.0", "release-20241104.0", true, true,
	      "first validator: Root, User, Rlimits, Sysctl, Seccomp by reflect.DeepEqual in random order; CgroupsPath and namespace paths compared"),
	  .steps = steps_2024, .random_root = true, .ns_with_paths = true },
	{ PUB("gvisor-20241118", "release-20241118.0", "release-20241118.0", true, true,
	      "Root.Readonly only; capabilities and resources (fatal) checked; namespace types only; User, Rlimits, Sysctl, Seccomp still in random order"),
	  .steps = steps_20241118, .ann_source_suffix = true },
	{ PUB("gvisor-20241202", "release-20241202.0", "release-20241202.0", true, true,
	      "adds reflect.DeepEqual of the remaining Process, Linux and Spec fields; still random order"),
	  .steps = steps_20241202, .ann_source_suffix = true, .clear_args_before_rest = true },
	{ PUB("gvisor-20241210", "release-20241210.0", "release-20241210.0", true, false,
	      "deterministic; Sysctl nil == {}; Rlimits order-free; Args [] vs absent fails as Process"),
	  .steps = steps_det, .ann_source_suffix = true },
	{ PUB("gvisor-20241217", "release-20241217.0", "release-20250224.0", true, false,
	      "Resources changes only warn (Rdma and Unified compared per key)"),
	  .steps = steps_det, .ann_source_suffix = true, .resources_warn_only = true,
	  .rdma_unified = true },
	{ PUB("gvisor-20250304", "release-20250304.0", "release-20250505.0", false, false,
	      "./exe argv[0] resolved against cwd; Args cleared before the Process check"),
	  .steps = steps_det, .ann_source_suffix = true, .resources_warn_only = true,
	  .rdma_unified = true, .args = ARGS_DOT_SLASH, .clear_args_before_rest = true },
	{ PUB("gvisor-2025", "release-20250512.0", "release-20250820.0", true, false,
	      "dev.gvisor.container-name-remap.* annotations ignored"),
	  .steps = steps_det, .ann_source_suffix = true, .ann_remap = true,
	  .resources_warn_only = true, .rdma_unified = true, .args = ARGS_DOT_SLASH,
	  .clear_args_before_rest = true },
	{ PUB("gvisor-20250915", "release-20250915.0", "release-20260126.0", true, false,
	      "each capability list compared as a set (nil == [], duplicates rejected)"),
	  .steps = steps_det, .ann_source_suffix = true, .ann_remap = true,
	  .resources_warn_only = true, .rdma_unified = true, .args = ARGS_DOT_SLASH,
	  .clear_args_before_rest = true, .caps_per_list = true },
	{ PUB("gvisor-20260202", "release-20260202.0", "release-20260406.0", false, false,
	      "argv[0] compared by basename, with a warning when the directories differ"),
	  .steps = steps_det, .ann_source_suffix = true, .ann_remap = true,
	  .resources_warn_only = true, .rdma_unified = true, .args = ARGS_BASENAME,
	  .clear_args_before_rest = true, .caps_per_list = true },
	{ PUB("gvisor-20260413", "release-20260413.0", "release-20260504.0", true, false,
	      "debug-related dev.gvisor.flag.* annotations may change"),
	  .steps = steps_det, .ann_source_suffix = true, .ann_remap = true,
	  .ann_debug_flags = true, .resources_warn_only = true, .rdma_unified = true,
	  .args = ARGS_BASENAME, .clear_args_before_rest = true, .caps_per_list = true },
};

#define NPROFILES (sizeof profiles / sizeof profiles[0])

size_t sd_gvisor_profile_count(void)
{
	return NPROFILES;
}

const sd_profile *sd_gvisor_profile_at(size_t i)
{
	return i < NPROFILES ? &profiles[i].pub : NULL;
}

const sd_profile *sd_gvisor_profile_find(const char *name)
{
	for (size_t i = 0; i < NPROFILES; i++)
		if (strcmp(profiles[i].pub.name, name) == 0)
			return &profiles[i].pub;
	return NULL;
}

const gv_profile *sdp_gvisor_impl(const sd_profile *p)
{
	/* pub is the first member: the public pointer is the profile's. */
	return (const gv_profile *)p;
}

/* "release-YYYYMMDD.N" -> date and N; false when malformed. */
static bool parse_release(const char *s, unsigned long *date, unsigned long *n)
{
	if (strncmp(s, "release-", 8) != 0)
		return false;
	s += 8;
	for (int i = 0; i < 8; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	if (s[8] != '.' || s[9] < '0' || s[9] > '9')
		return false;
	char *end;
	*date = strtoul(s, NULL, 10);
	*n = strtoul(s + 9, &end, 10);
	return *end == '\0';
}

const sd_profile *sd_gvisor_profile_for_release(const char *release)
{
	unsigned long d, n, pd, pn;
	const sd_profile *best = NULL;
	if (!release || !parse_release(release, &d, &n))
		return NULL;
	for (size_t i = 0; i < NPROFILES; i++) {
		parse_release(profiles[i].pub.first_release, &pd, &pn);
		if (pd < d || (pd == d && pn <= n))
			best = &profiles[i].pub;
	}
	return best;
}

/* ---- reading messages ---- */

static const char MISMATCH[] = " does not match across checkpoint restore for container: ";
static const char DUPDEV[] = "duplicate device found in the spec ";
static const char DUPDEV_END[] = " before checkpoint for container ";
static const char RESWARN[] = "specs.Linux.Resources has been changed during restore, err ";
static const char ARGSWARN[] = "Validating args with the exec paths, old: ";

static void copy_field(char *dst, size_t size, const char *s, size_t n)
{
	if (n >= size)
		n = size - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/* Bracket balance of s[0..n): the split point must leave both sides whole. */
static bool balanced(const char *s, size_t n)
{
	long depth = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '[' || s[i] == '{')
			depth++;
		else if ((s[i] == ']' || s[i] == '}') && --depth < 0)
			return false;
	}
	return depth == 0;
}

static void split_old_new(sd_gvisor_msg *m, const char *s, size_t n)
{
	static const char sep[] = " restore ";
	for (const char *p = s; (p = strstr(p, sep)) != NULL && p < s + n; p++) {
		size_t left = (size_t)(p - s);
		const char *r = p + sizeof sep - 1;
		if (balanced(s, left) && balanced(r, n - left - (sizeof sep - 1))) {
			m->old_text = sd_xstrndup(s, left);
			m->new_text = sd_xstrndup(r, n - left - (sizeof sep - 1));
			return;
		}
	}
}

static bool parse_mismatch(const char *text, sd_gvisor_msg *m)
{
	static const char *const details[] = {
		"length mismatch", "duplicate value", "invalid mount in the restore spec",
	};
	const char *mark = strstr(text, MISMATCH);
	if (!mark)
		return false;
	/* The field follows runsc's last "...: " prefix. */
	const char *f = text;
	for (const char *p = text; (p = strstr(p, ": ")) != NULL && p < mark; p += 2)
		f = p + 2;
	m->kind = SD_GVMSG_MISMATCH;
	copy_field(m->field, sizeof m->field, f, (size_t)(mark - f));
	const char *c = mark + sizeof MISMATCH - 1;
	const char *ck = strstr(c, ", checkpoint ");
	if (!ck) {
		copy_field(m->container, sizeof m->container, c, strcspn(c, "\n"));
		return true;
	}
	copy_field(m->container, sizeof m->container, c, (size_t)(ck - c));
	const char *rest = ck + strlen(", checkpoint ");
	size_t n = strcspn(rest, "\n");
	for (size_t i = 0; i < sizeof details / sizeof details[0]; i++) {
		size_t dl = strlen(details[i]) + strlen(", got error ");
		if (n > dl && strncmp(rest + n - dl, ", got error ", 12) == 0 &&
		    strncmp(rest + n - dl + 12, details[i], strlen(details[i])) == 0) {
			copy_field(m->detail, sizeof m->detail, details[i], strlen(details[i]));
			n -= dl;
			break;
		}
	}
	split_old_new(m, rest, n);
	return true;
}

bool sd_gvisor_parse_message(const char *text, sd_gvisor_msg *m)
{
	const char *p;
	memset(m, 0, sizeof *m);
	if ((p = strstr(text, RESWARN)) != NULL) {
		bool ok = parse_mismatch(p + sizeof RESWARN - 1, m);
		m->kind = SD_GVMSG_RESOURCES_WARNING;
		if (!ok)
			copy_field(m->field, sizeof m->field, "Resources", 9);
		return true;
	}
	if ((p = strstr(text, DUPDEV)) != NULL) {
		const char *list = p + sizeof DUPDEV - 1;
		const char *end = strstr(list, DUPDEV_END);
		m->kind = SD_GVMSG_DUPLICATE_DEVICE;
		copy_field(m->field, sizeof m->field, "Devices", 7);
		if (end) {
			m->old_text = sd_xstrndup(list, (size_t)(end - list));
			const char *c = end + sizeof DUPDEV_END - 1;
			copy_field(m->container, sizeof m->container, c, strcspn(c, "\n"));
		}
		return true;
	}
	if ((p = strstr(text, ARGSWARN)) != NULL) {
		const char *o = p + sizeof ARGSWARN - 1;
		const char *nw = strstr(o, " new: ");
		m->kind = SD_GVMSG_ARGS_WARNING;
		copy_field(m->field, sizeof m->field, "Args", 4);
		if (nw) {
			m->old_text = sd_xstrndup(o, (size_t)(nw - o));
			m->new_text = sd_xstrndup(nw + 6, strcspn(nw + 6, "\n"));
		}
		return true;
	}
	return parse_mismatch(text, m);
}

void sd_gvisor_msg_release(sd_gvisor_msg *m)
{
	free(m->old_text);
	free(m->new_text);
	m->old_text = m->new_text = NULL;
}

/* ---- fields: JSON paths and rules ---- */

#define PATHS(...) (const char *const[]){ __VA_ARGS__, NULL }

static const struct field_paths {
	const char *field;
	const char *const *paths;
} field_paths[] = {
	{ "OCI Version", PATHS("/ociVersion") },
	{ "Root", PATHS("/root") },
	{ "Root.Readonly", PATHS("/root/readonly") },
	{ "Mounts", PATHS("/mounts") },
	{ "Annotations", PATHS("/annotations") },
	{ "Terminal", PATHS("/process/terminal") },
	{ "Cwd", PATHS("/process/cwd") },
	{ "Args", PATHS("/process/args") },
	{ "User", PATHS("/process/user") },
	{ "Rlimits", PATHS("/process/rlimits") },
	{ "Capabilities", PATHS("/process/capabilities") },
	{ "Capabilities.Bounding", PATHS("/process/capabilities/bounding") },
	{ "Capabilities.Effective", PATHS("/process/capabilities/effective") },
	{ "Capabilities.Inheritable", PATHS("/process/capabilities/inheritable") },
	{ "Capabilities.Permitted", PATHS("/process/capabilities/permitted") },
	{ "Capabilities.Ambient", PATHS("/process/capabilities/ambient") },
	{ "CgroupsPath", PATHS("/linux/cgroupsPath") },
	{ "Sysctl", PATHS("/linux/sysctl") },
	{ "Seccomp", PATHS("/linux/seccomp") },
	{ "Devices", PATHS("/linux/devices") },
	{ "Resources", PATHS("/linux/resources") },
	{ "Resources.HugepageLimits", PATHS("/linux/resources/hugepageLimits") },
	{ "Resources.Rdma", PATHS("/linux/resources/rdma") },
	{ "Resources.Unified", PATHS("/linux/resources/unified") },
	{ "UIDMappings", PATHS("/linux/uidMappings") },
	{ "GIDMappings", PATHS("/linux/gidMappings") },
	{ "Namespace", PATHS("/linux/namespaces") },
	{ "Process", PATHS("/process/args", "/process/consoleSize", "/process/commandLine",
			   "/process/noNewPrivileges", "/process/apparmorProfile",
			   "/process/oomScoreAdj", "/process/selinuxLabel") },
	{ "Linux", PATHS("/linux/rootfsPropagation", "/linux/maskedPaths", "/linux/readonlyPaths",
			 "/linux/mountLabel", "/linux/intelRdt", "/linux/personality") },
	{ "Spec", PATHS("/solaris", "/windows", "/vm", "/zos") },
};

const char *const *sd_gvisor_field_paths(const char *field)
{
	for (size_t i = 0; i < sizeof field_paths / sizeof field_paths[0]; i++)
		if (strcmp(field_paths[i].field, field) == 0)
			return field_paths[i].paths;
	return NULL;
}

static bool has_step(const gv_profile *p, gv_step s)
{
	for (const gv_step *q = p->steps; *q != ST_END; q++)
		if (*q == s)
			return true;
	return false;
}

static const char *args_rule(const gv_profile *p)
{
	switch (p->args) {
	case ARGS_DOT_SLASH:
		return "slices.Equal (nil == []), a ./ argv[0] resolved against the checkpoint cwd";
	case ARGS_BASENAME:
		return "same length, argv[0] compared by basename (a warning when directories differ), the rest by ==";
	default:
		return has_step(p, ST_REST)
			? "slices.Equal (nil == []), but the later Process DeepEqual still sees [] vs absent"
			: "slices.Equal (nil == [])";
	}
}

static const char *annotations_rule(const gv_profile *p)
{
	if (!p->ann_source_suffix)
		return "reflect.DeepEqual of the dev.gvisor.* keys, minus dev.gvisor.internal.* and dev.gvisor.spec.mount.source";
	if (p->ann_debug_flags)
		return "reflect.DeepEqual of the dev.gvisor.* keys, minus internal, mount-source, container-name-remap and debug flag keys";
	if (p->ann_remap)
		return "reflect.DeepEqual of the dev.gvisor.* keys, minus internal, mount-source and container-name-remap keys";
	return "reflect.DeepEqual of the dev.gvisor.* keys, minus dev.gvisor.internal.* and dev.gvisor.spec.mount.*.source";
}

static const char *resources_rule(const gv_profile *p, const char *field)
{
	if (!has_step(p, ST_RESOURCES))
		return "not compared";
	if (strcmp(field, "Resources.Rdma") == 0 || strcmp(field, "Resources.Unified") == 0)
		return p->rdma_unified
			? "validateMap: lengths, then == per key (rdma values hold pointers: always unequal); a warning only"
			: "reflect.DeepEqual as part of Resources (fatal)";
	if (strcmp(field, "Resources.HugepageLimits") == 0)
		return "validateArray: lengths, no duplicates, then as a set";
	return p->resources_warn_only
		? "nil vs non-nil, HugepageLimits as a set, the rest by reflect.DeepEqual (devices ignored); a warning only"
		: "nil vs non-nil, HugepageLimits as a set, the rest by reflect.DeepEqual (devices ignored); fatal";
}

static const char *random_or(const gv_profile *p, const char *random, const char *det)
{
	return has_step(p, ST_RANDOM) ? random : det;
}

const char *sd_gvisor_field_rule(const sd_profile *pub, const char *field)
{
	const gv_profile *p = sdp_gvisor_impl(pub);
	if (strcmp(field, "OCI Version") == 0 || strcmp(field, "Terminal") == 0 ||
	    strcmp(field, "Cwd") == 0)
		return "== (absent is the zero value)";
	if (strcmp(field, "Root") == 0)
		return p->random_root ? "reflect.DeepEqual of *Root (nil == zero root), random order"
				      : "only Root.Readonly is compared";
	if (strcmp(field, "Root.Readonly") == 0)
		return p->random_root ? "compared as part of Root" : "== (a nil root reads as readonly false)";
	if (strcmp(field, "Mounts") == 0)
		return "matched by destination; type and sorted options compared, source ignored, idmaps as sets";
	if (strcmp(field, "Annotations") == 0)
		return annotations_rule(p);
	if (strcmp(field, "Args") == 0)
		return args_rule(p);
	if (strcmp(field, "User") == 0 || strcmp(field, "Seccomp") == 0)
		return random_or(p, "reflect.DeepEqual, random order", "reflect.DeepEqual");
	if (strcmp(field, "Rlimits") == 0)
		return random_or(p, "reflect.DeepEqual (order matters, nil != []), random order",
				 "validateArray: lengths, no duplicates, then as a set");
	if (strcmp(field, "Sysctl") == 0)
		return random_or(p, "reflect.DeepEqual (nil map != empty map), random order",
				 "validateMap: lengths, then == per key (nil == empty)");
	if (strcmp(field, "CgroupsPath") == 0)
		return has_step(p, ST_CGROUPS_PATH) ? "==" : "not compared";
	if (strncmp(field, "Capabilities", 12) == 0)
		return !has_step(p, ST_CAPS) ? "not compared"
		       : p->caps_per_list ? "validateArray per list (nil == [], duplicates rejected)"
		       : "nil vs non-nil fails; lists sorted, then reflect.DeepEqual ([] != absent)";
	if (strcmp(field, "Devices") == 0)
		return "lengths, then a set of (path, type); a duplicate on the checkpoint side is rejected";
	if (strncmp(field, "Resources", 9) == 0)
		return resources_rule(p, field);
	if (strcmp(field, "UIDMappings") == 0 || strcmp(field, "GIDMappings") == 0)
		return "validateArray: lengths, no duplicates, then as a set";
	if (strcmp(field, "Namespace") == 0)
		return p->ns_with_paths ? "validateArray of (type, path)"
					: "validateArray of the types only (paths ignored)";
	if (strcmp(field, "Process") == 0 || strcmp(field, "Linux") == 0 ||
	    strcmp(field, "Spec") == 0)
		return has_step(p, ST_REST) ? "reflect.DeepEqual of the fields no other check covers"
					    : "not compared";
	return "not a validator field";
}
