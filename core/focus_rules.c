/*
 * focus_rules.c - what each runsc restore profile compares, as data: rule
 * lines in the focus language of focus.h ("ACTION[:CLASSES] PATTERN"),
 * derived from the validators in gvisor_run.c (and the conformance
 * README's profile table).  Each profile is a list of fragments; later
 * rules win.
 *
 * Where a validator compares in a way a path rule cannot express, the rule
 * is the nearest one and the difference is documented in
 * tests/conformance/test_restore_relevant.sh: positional diffs of lists
 * runsc matches as sets (mounts by destination, hugepage limits, mount
 * idmaps), duplicates in set-compared lists, and the rdma quirk.
 */
#include <string.h>

#include "specdiff/focus.h"

/* 2024 and 20241118 compare only named fields: start from nothing. */
static const char *const allow_list[] = { "ignore /", NULL };

/* process, linux and root go through orZero: nil == pointer to zero */
static const char *const or_zero[] = {
	"zero /process", "zero /linux", "zero /root", NULL,
};

/* checkMounts: matched by destination, source ignored, options sorted,
 * idmaps via validateArray (lengths: nil == []), nil list == empty list */
static const char *const mounts[] = {
	"keep /mounts",
	"unordered /mounts",
	"unordered /mounts/*/uidMappings",
	"unordered /mounts/*/gidMappings",
	"ignore:nil-vs-empty /mounts",
	"ignore /mounts/*/source",
	"ignore:nil-vs-empty,order-only /mounts/*/options",
	"ignore:nil-vs-empty /mounts/*/uidMappings",
	"ignore:nil-vs-empty /mounts/*/gidMappings",
	NULL,
};

/* checkDevices: (path, type) as a set, lengths first */
static const char *const devices[] = {
	"keep /linux/devices",
	"ignore:nil-vs-empty,order-only /linux/devices",
	"ignore /linux/devices/*/major", "ignore /linux/devices/*/minor",
	"ignore /linux/devices/*/fileMode", "ignore /linux/devices/*/uid",
	"ignore /linux/devices/*/gid",
	NULL,
};

/* validateArray on the id mappings */
static const char *const idmaps[] = {
	"keep /linux/uidMappings", "keep /linux/gidMappings",
	"ignore:nil-vs-empty,order-only /linux/uidMappings",
	"ignore:nil-vs-empty,order-only /linux/gidMappings",
	NULL,
};

static const char *const ns_with_paths[] = {
	"keep /linux/namespaces",
	"ignore:nil-vs-empty,order-only /linux/namespaces",
	NULL,
};

static const char *const ns_types[] = {
	"keep /linux/namespaces",
	"ignore:nil-vs-empty,order-only /linux/namespaces",
	"ignore /linux/namespaces/*/path",
	NULL,
};

/* Annotations: dev.gvisor.* only, filtered maps are never nil */
static const char *const ann_base[] = {
	"keep /annotations",
	"ignore:nil-vs-empty /annotations",
	"ignore /annotations/*",
	"keep /annotations/dev.gvisor.*",
	"ignore /annotations/dev.gvisor.internal.*",
	"ignore /annotations/dev.gvisor.spec.mount.source",
	NULL,
};
static const char *const ann_source_suffix[] = {
	"ignore /annotations/dev.gvisor.spec.mount.*.source", NULL,
};
static const char *const ann_remap[] = {
	"ignore /annotations/dev.gvisor.container-name-remap.*", NULL,
};
static const char *const ann_debug_flags[] = {
	"ignore /annotations/dev.gvisor.flag.debug",
	"ignore /annotations/dev.gvisor.flag.debug-log",
	"ignore /annotations/dev.gvisor.flag.debug-command",
	"ignore /annotations/dev.gvisor.flag.debug-log-format",
	"ignore /annotations/dev.gvisor.flag.strace",
	"ignore /annotations/dev.gvisor.flag.strace-syscalls",
	"ignore /annotations/dev.gvisor.flag.strace-log-size",
	"ignore /annotations/dev.gvisor.flag.log-packets",
	NULL,
};

/* release-20241104.0: the fields it names, nothing else */
static const char *const fields_2024[] = {
	"keep /ociVersion", "keep /root",
	"keep /process/terminal", "keep /process/cwd", "keep /process/user",
	"keep /process/rlimits", "keep /process/args",
	"ignore:nil-vs-empty /process/args",   /* slices.Equal: nil == [] */
	"keep /linux/cgroupsPath", "keep /linux/sysctl", "keep /linux/seccomp",
	NULL,
};

/* Resources while fatal (20241118 .. 20241210): DeepEqual except devices
 * (ignored) and hugepage limits (validateArray) */
static const char *const resources_fatal[] = {
	"keep /linux/resources",
	"ignore /linux/resources/devices",
	"ignore:nil-vs-empty /linux/resources/hugepageLimits",
	"unordered /linux/resources/hugepageLimits",
	NULL,
};
/* From 20241217 a Resources change only warns. */
static const char *const resources_warn[] = { "ignore /linux/resources", NULL };

/* capabilities sorted, then DeepEqual (nil list != []) */
static const char *const caps_sorted[] = {
	"keep /process/capabilities",
	"ignore:order-only /process/capabilities/*",
	NULL,
};
/* 20250915: validateArray per list */
static const char *const caps_sets[] = {
	"keep /process/capabilities",
	"ignore:nil-vs-empty,order-only /process/capabilities/*",
	NULL,
};

/* release-20241118.0: the fields it names, nothing else */
static const char *const fields_20241118[] = {
	"keep /ociVersion", "keep /root/readonly",
	"keep /process/terminal", "keep /process/cwd", "keep /process/user",
	"keep /process/rlimits", "keep /process/args",
	"ignore:nil-vs-empty /process/args",
	"keep /linux/sysctl", "keep /linux/seccomp",
	NULL,
};

/* From 20241202 the rest of Process, Linux and Spec is DeepEqual'd, minus
 * what the validator clears first. */
static const char *const rest_cleared[] = {
	"ignore /root/path",
	"ignore /hostname", "ignore /domainname", "ignore /hooks",
	"ignore /process/env", "ignore /linux/cgroupsPath",
	NULL,
};
/* Args cleared before the Process DeepEqual (20241202, 20250304 on) */
static const char *const args_cleared[] = { "ignore:nil-vs-empty /process/args", NULL };

/* 20241210 on: Rlimits via validateArray, Sysctl via validateMap */
static const char *const det_sets[] = {
	"ignore:nil-vs-empty,order-only /process/rlimits",
	"ignore:nil-vs-empty /linux/sysctl",
	NULL,
};

static const char *const argv0_dotslash[] = { "dotslash /process/args/0", NULL };
static const char *const argv0_basename[] = { "basename /process/args/0", NULL };

#define FRAGS(...) ((const char *const *const[]){ __VA_ARGS__, NULL })

typedef struct profile_rules {
	const char *name;
	const char *const *const *frags;
} profile_rules;

static const profile_rules table[] = {
	{ "gvisor-2024", FRAGS(allow_list, or_zero, fields_2024, mounts, devices, idmaps,
			       ns_with_paths, ann_base) },
	{ "gvisor-20241118", FRAGS(allow_list, or_zero, fields_20241118, mounts, caps_sorted,
				   devices, resources_fatal, idmaps, ns_types, ann_base,
				   ann_source_suffix) },
	{ "gvisor-20241202", FRAGS(or_zero, rest_cleared, args_cleared, mounts, caps_sorted,
				   devices, resources_fatal, idmaps, ns_types, ann_base,
				   ann_source_suffix) },
	{ "gvisor-20241210", FRAGS(or_zero, rest_cleared, det_sets, mounts, caps_sorted,
				   devices, resources_fatal, idmaps, ns_types, ann_base,
				   ann_source_suffix) },
	{ "gvisor-20241217", FRAGS(or_zero, rest_cleared, det_sets, mounts, caps_sorted,
				   devices, resources_warn, idmaps, ns_types, ann_base,
				   ann_source_suffix) },
	{ "gvisor-20250304", FRAGS(or_zero, rest_cleared, det_sets, args_cleared, argv0_dotslash,
				   mounts, caps_sorted, devices, resources_warn, idmaps, ns_types,
				   ann_base, ann_source_suffix) },
	{ "gvisor-2025", FRAGS(or_zero, rest_cleared, det_sets, args_cleared, argv0_dotslash,
			       mounts, caps_sorted, devices, resources_warn, idmaps, ns_types,
			       ann_base, ann_source_suffix, ann_remap) },
	{ "gvisor-20250915", FRAGS(or_zero, rest_cleared, det_sets, args_cleared, argv0_dotslash,
				   mounts, caps_sets, devices, resources_warn, idmaps, ns_types,
				   ann_base, ann_source_suffix, ann_remap) },
	{ "gvisor-20260202", FRAGS(or_zero, rest_cleared, det_sets, args_cleared, argv0_basename,
				   mounts, caps_sets, devices, resources_warn, idmaps, ns_types,
				   ann_base, ann_source_suffix, ann_remap) },
	{ "gvisor-20260413", FRAGS(or_zero, rest_cleared, det_sets, args_cleared, argv0_basename,
				   mounts, caps_sets, devices, resources_warn, idmaps, ns_types,
				   ann_base, ann_source_suffix, ann_remap, ann_debug_flags) },
};

enum { MAX_RULES = 96 };

/* Flattened per profile on first use; static storage, never freed. */
static const char *flat[sizeof table / sizeof table[0]][MAX_RULES + 1];

const char *const *sd_focus_profile_rules(const sd_profile *p)
{
	if (!p)
		return NULL;
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		if (strcmp(table[i].name, p->name) != 0)
			continue;
		if (!flat[i][0]) {
			size_t n = 0;
			for (const char *const *const *fr = table[i].frags; *fr; fr++)
				for (const char *const *r = *fr; *r && n < MAX_RULES; r++)
					flat[i][n++] = *r;
			flat[i][n] = NULL;
		}
		return flat[i];
	}
	return NULL;
}

const sd_profile *sd_focus_default_profile(void)
{
	size_t n = sd_gvisor_profile_count();
	return n ? sd_gvisor_profile_at(n - 1) : NULL;
}
