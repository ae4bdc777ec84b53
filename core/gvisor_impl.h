/*
 * gvisor_impl.h - the validator profiles as data, shared by gvisor.c (the
 * table, release mapping, message reading) and gvisor_run.c (the one
 * interpreter that runs a profile's steps).
 */
#ifndef SPECDIFF_GVISOR_IMPL_H
#define SPECDIFF_GVISOR_IMPL_H

#include "specdiff/gvisor.h"

/* One check of the validator, in the order a profile lists them. */
typedef enum gv_step {
	ST_END,
	ST_VERSION,        /* OCI Version: string == */
	ST_ROOT_READONLY,  /* Root.Readonly: bool == (nil root = zero root) */
	ST_MOUNTS,         /* by destination, options sorted, source ignored */
	ST_ANNOTATIONS,    /* dev.gvisor.* keys, filtered per profile, DeepEqual */
	ST_TERMINAL,
	ST_CWD,
	ST_ARGS,           /* per args mode */
	ST_CGROUPS_PATH,   /* release-20241104.0 only */
	ST_CAPS,           /* sorted + DeepEqual, or validateArray per list */
	ST_DEVICES,        /* (path, type) set */
	ST_RESOURCES,      /* fatal, or a warning when resources_warn_only */
	ST_UIDMAPS,        /* validateArray */
	ST_GIDMAPS,
	ST_NAMESPACES,     /* validateArray, with paths or types only */
	ST_USER,           /* DeepEqual */
	ST_RLIMITS,        /* validateArray */
	ST_SYSCTL,         /* validateMap (nil == empty) */
	ST_SECCOMP,        /* DeepEqual */
	ST_RANDOM,         /* the Go map of DeepEqual checks iterated in random order */
	ST_REST,           /* DeepEqual of the remaining Process, Linux, Spec fields */
} gv_step;

typedef enum gv_args_mode {
	ARGS_SLICES_EQUAL, /* slices.Equal: nil == [] */
	ARGS_DOT_SLASH,    /* "./exe" resolved against the checkpoint cwd */
	ARGS_BASENAME,     /* argv[0] compared by basename, with a warning */
} gv_args_mode;

typedef struct gv_profile {
	sd_profile pub;
	const gv_step *steps;
	bool random_root;           /* Root is one of the random-order checks */
	bool ns_with_paths;         /* namespaces compared with their paths */
	bool resources_warn_only;
	bool rdma_unified;          /* Rdma/Unified via validateMap; HugepageLimits field name */
	bool caps_per_list;
	gv_args_mode args;
	bool clear_args_before_rest;
	bool ann_source_suffix;     /* dev.gvisor.spec.mount.*.source (else the exact .source key) */
	bool ann_remap;             /* dev.gvisor.container-name-remap.* ignored */
	bool ann_debug_flags;       /* debug dev.gvisor.flag.* keys ignored */
	bool rest_reduced;          /* Process/Linux/Spec errors print the reduced structs, not both specs */
	bool nvidia_frontend;       /* /dev/nvidiaN frontend devices dropped before the device check */
} gv_profile;

const gv_profile *sdp_gvisor_impl(const sd_profile *p);

#endif
