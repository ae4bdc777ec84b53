/*
 * focus_rules.c - what each runsc restore profile compares, as data: rule
 * lines in the focus language of focus.h ("ACTION[:CLASSES] PATTERN"),
 * derived from the validators in gvisor_run.c (and the conformance
 * README's profile table).  Each profile's list of fragments is chosen
 * from its validator's steps and flags; later rules win.
 *
 * Where a validator compares in a way a path rule cannot express, the rule
 * is the nearest one and the difference is documented in
 * tests/conformance/test_restore_relevant.sh: positional diffs of lists
 * runsc matches as sets (mounts by destination, hugepage limits, mount
 * idmaps), duplicates in set-compared lists, and the rdma quirk.
 */
#include <string.h>

#include "gvisor_impl.h"
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

/*
 * A profile's rules follow from what its validator does (gvisor_impl.h),
 * never from its name: a new profile row gets its rules with no change
 * here.  Order matters (later rules win): the base, then per check.
 */
enum { MAX_FRAGS = 24, MAX_RULES = 96 };

typedef struct frag_list {
	const char *const *f[MAX_FRAGS];
	size_t n;
} frag_list;

static void add(frag_list *l, bool when, const char *const *frag)
{
	if (when && l->n < MAX_FRAGS)
		l->f[l->n++] = frag;
}

static bool has_step(const gv_profile *p, gv_step s)
{
	for (const gv_step *q = p->steps; *q != ST_END; q++)
		if (*q == s)
			return true;
	return false;
}

static void profile_frags(const gv_profile *p, frag_list *l)
{
	bool rest = has_step(p, ST_REST);
	/* Without the final DeepEqual only the named fields count. */
	add(l, !rest, allow_list);
	add(l, true, or_zero);
	add(l, !rest && p->random_root, fields_2024);
	add(l, !rest && !p->random_root, fields_20241118);
	add(l, rest, rest_cleared);
	add(l, has_step(p, ST_SYSCTL), det_sets);
	add(l, p->clear_args_before_rest, args_cleared);
	add(l, p->args == ARGS_DOT_SLASH, argv0_dotslash);
	add(l, p->args == ARGS_BASENAME, argv0_basename);
	add(l, true, mounts);
	add(l, has_step(p, ST_CAPS) && !p->caps_per_list, caps_sorted);
	add(l, p->caps_per_list, caps_sets);
	add(l, true, devices);
	add(l, has_step(p, ST_RESOURCES) && !p->resources_warn_only, resources_fatal);
	add(l, p->resources_warn_only, resources_warn);
	add(l, true, idmaps);
	add(l, p->ns_with_paths, ns_with_paths);
	add(l, !p->ns_with_paths, ns_types);
	add(l, true, ann_base);
	add(l, p->ann_source_suffix, ann_source_suffix);
	add(l, p->ann_remap, ann_remap);
	add(l, p->ann_debug_flags, ann_debug_flags);
}

enum { MAX_PROFILES = 64 };

/* Flattened per profile on first use; static storage, never freed. */
static const char *flat[MAX_PROFILES][MAX_RULES + 1];

const char *const *sd_focus_profile_rules(const sd_profile *p)
{
	if (!p)
		return NULL;
	for (size_t i = 0; i < sd_gvisor_profile_count() && i < MAX_PROFILES; i++) {
		if (sd_gvisor_profile_at(i) != p)
			continue;
		if (!flat[i][0]) {
			frag_list l = { .n = 0 };
			size_t n = 0;
			profile_frags(sdp_gvisor_impl(p), &l);
			for (size_t k = 0; k < l.n; k++)
				for (const char *const *r = l.f[k]; *r && n < MAX_RULES; r++)
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
