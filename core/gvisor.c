/*
 * gvisor.c - the gVisor validator profiles as data (one row per release
 * window of runsc) and release-tag mapping.  The validator itself is
 * gvisor_run.c; what each field covers and how each profile compares it is
 * explain_table.c, derived from these rows.
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

/*
 * The profile table: one row per release window of PROFILES.tsv (the
 * corpus contract), everything specdiff knows about that window's runsc.
 * check, explain, --restore-relevant, the explorer, --help, the man page
 * and the completions all read it; a new window is one more row.
 */
#define WINDOW(n, first, last, types, fmt, sum) \
	.pub = { .name = n, .first_release = first, .last_release = last, .specs_go = types, \
		 .format = SD_GVFMT_##fmt, .summary = sum }

/* The fields shared by the windows from release-20250304.0 on. */
#define ARGS_CLEARED .args = ARGS_DOT_SLASH, .clear_args_before_rest = true
#define DET .steps = steps_det, .ann_source_suffix = true

static const gv_profile profiles[] = {
	{ WINDOW("gvisor-2024", "release-20241104.0", "release-20241104.0", "v1.1.0-rc.1", V,
		 "first validator: Root, User, Rlimits, Sysctl, Seccomp by reflect.DeepEqual in Go map order; CgroupsPath and namespace paths compared"),
	  .steps = steps_2024, .random_root = true, .ns_with_paths = true },
	{ WINDOW("gvisor-20241118", "release-20241118.0", "release-20241118.0", "v1.1.0-rc.1", V,
		 "Root.Readonly only; capabilities and resources (fatal) checked; namespace types only; User, Rlimits, Sysctl, Seccomp still in Go map order"),
	  .steps = steps_20241118, .ann_source_suffix = true },
	{ WINDOW("gvisor-20241202", "release-20241202.0", "release-20241202.0", "v1.1.0-rc.1", V,
		 "adds reflect.DeepEqual of the remaining Process, Linux and Spec fields; still Go map order"),
	  .steps = steps_20241202, .ann_source_suffix = true, .clear_args_before_rest = true },
	{ WINDOW("gvisor-20241210", "release-20241210.0", "release-20241210.0", "v1.1.0-rc.1", V,
		 "deterministic; Sysctl nil == {}; Rlimits order-free; Args [] vs absent fails as Process"),
	  DET },
	{ WINDOW("gvisor-20241217", "release-20241217.0", "release-20250224.0", "v1.1.0-rc.1", V,
		 "Resources changes only warn (Rdma and Unified compared per key)"),
	  DET, .resources_warn_only = true, .rdma_unified = true },
	{ WINDOW("gvisor-20250304", "release-20250304.0", "release-20250414.0", "v1.1.0-rc.1", V,
		 "./exe argv[0] resolved against cwd; Args cleared before the Process check"),
	  DET, .resources_warn_only = true, .rdma_unified = true, ARGS_CLEARED },
	{ WINDOW("gvisor-20250421", "release-20250421.0", "release-20250505.0", "v1.2.0", V,
		 "built with runtime-spec v1.2.0: process.scheduler, process.ioPriority and linux.timeOffsets are decoded and compared"),
	  DET, .resources_warn_only = true, .rdma_unified = true, ARGS_CLEARED },
	{ WINDOW("gvisor-2025", "release-20250512.0", "release-20250820.0", "v1.2.0", V,
		 "dev.gvisor.container-name-remap.* annotations ignored"),
	  DET, .ann_remap = true, .resources_warn_only = true, .rdma_unified = true, ARGS_CLEARED },
	{ WINDOW("gvisor-20250915", "release-20250915.0", "release-20260126.0", "v1.1.0-rc.1", V,
		 "each capability list compared as a set (nil == [], duplicates rejected); built with runtime-spec v1.1.0-rc.1 again"),
	  DET, .ann_remap = true, .resources_warn_only = true, .rdma_unified = true, ARGS_CLEARED,
	  .caps_per_list = true },
	{ WINDOW("gvisor-20260202", "release-20260202.0", "release-20260406.0", "v1.1.0-rc.1", V,
		 "argv[0] compared by basename, with a warning when the directories differ"),
	  DET, .ann_remap = true, .resources_warn_only = true, .rdma_unified = true,
	  .args = ARGS_BASENAME, .clear_args_before_rest = true, .caps_per_list = true },
	{ WINDOW("gvisor-20260413", "release-20260413.0", "release-20260504.0", "v1.1.0-rc.1", V,
		 "debug-related dev.gvisor.flag.* annotations may change"),
	  DET, .ann_remap = true, .ann_debug_flags = true, .resources_warn_only = true,
	  .rdma_unified = true, .args = ARGS_BASENAME, .clear_args_before_rest = true,
	  .caps_per_list = true },
	{ WINDOW("gvisor-20260511", "release-20260511.0", "release-20260525.0", "v1.2.1", V,
		 "built with runtime-spec v1.2.1: the v1.2.0 fields and process.execCPUAffinity are decoded and compared"),
	  DET, .ann_remap = true, .ann_debug_flags = true, .resources_warn_only = true,
	  .rdma_unified = true, .args = ARGS_BASENAME, .clear_args_before_rest = true,
	  .caps_per_list = true },
	{ WINDOW("gvisor-20260601", "release-20260601.0", "release-20260622.0", "v1.2.1", QUOTED,
		 "messages in the %q/%#v format; Process, Linux and Spec errors print the reduced structs"),
	  DET, .ann_remap = true, .ann_debug_flags = true, .resources_warn_only = true,
	  .rdma_unified = true, .args = ARGS_BASENAME, .clear_args_before_rest = true,
	  .caps_per_list = true, .rest_reduced = true },
	{ WINDOW("gvisor-20260706", "release-20260706.0", "release-20260817.0", "v1.2.1", QUOTED,
		 "/dev/nvidiaN frontend devices (major 195, minor <= 247) left out of the device check"),
	  DET, .ann_remap = true, .ann_debug_flags = true, .resources_warn_only = true,
	  .rdma_unified = true, .args = ARGS_BASENAME, .clear_args_before_rest = true,
	  .caps_per_list = true, .rest_reduced = true,
	  .nvidia_frontend = true },
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

bool sd_gvisor_release_beyond(const char *release)
{
	unsigned long d, n, ld, ln;
	if (!release || !parse_release(release, &d, &n))
		return false;
	parse_release(profiles[NPROFILES - 1].pub.last_release, &ld, &ln);
	return d > ld || (d == ld && n > ln);
}

static bool has_step(const gv_profile *p, gv_step s)
{
	for (const gv_step *q = p->steps; *q != ST_END; q++)
		if (*q == s)
			return true;
	return false;
}

bool sd_gvisor_profile_map_order(const sd_profile *p)
{
	return has_step(sdp_gvisor_impl(p), ST_RANDOM);
}

const sd_type *sd_gvisor_profile_types(const sd_profile *p)
{
	const sd_type *t = sd_schema_oci_version(p->specs_go);
	if (!t)
		abort();  /* a profile names a version without a table: a build bug */
	return t;
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
