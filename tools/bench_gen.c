/*
 * bench_gen.c - deterministic OCI spec pairs for the benchmark suite.
 *
 *   bench_gen [-s SEED] [-y] small LEFT RIGHT
 *   bench_gen [-s SEED] [-y] N     LEFT RIGHT
 *
 * "small" writes one realistic runc/containerd-style spec (~10 KB, pretty
 * JSON with tabs) and a copy with about ten planted differences, one of each
 * class and a few more.  N writes a JSON array of N specs, one per line, each
 * varied by its index; about 1% of the items differ between LEFT and RIGHT
 * (a value, nil vs empty, an inserted item, a deleted item, reordered keys).
 * -y writes YAML (block style) instead of JSON.  The same seed always gives
 * the same bytes: the generator uses its own xorshift, never rand().
 *
 * Each spec is built as a small tree in a bump pool that is reset after the
 * spec is written, so memory stays flat whatever N is.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- deterministic random numbers ---------------------------------- */

static uint64_t splitmix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

struct rng {
	uint64_t s;
};

static void rng_seed(struct rng *r, uint64_t seed, uint64_t stream)
{
	r->s = splitmix(seed ^ splitmix(stream));
	if (r->s == 0)
		r->s = 1;
}

/* xorshift64* (Vigna). */
static uint64_t rng_next(struct rng *r)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 0x2545f4914f6cdd1dULL;
}

static unsigned rng_below(struct rng *r, unsigned n)
{
	return (unsigned)((rng_next(r) >> 33) % n);
}

/* ---- the tree and its pool ----------------------------------------- */

enum kind { K_NULL, K_BOOL, K_NUM, K_STR, K_OBJ, K_ARR };

struct node {
	enum kind kind;
	const char *text; /* number text, string, "true"/"false" */
	const char *key;  /* when a member of an object */
	struct node *first, *last, *next;
};

static char *pool;
static size_t pool_used, pool_cap = (size_t)8 << 20;

static void *palloc(size_t n)
{
	n = (n + 15) & ~(size_t)15;
	if (!pool && !(pool = malloc(pool_cap))) {
		perror("bench_gen");
		exit(2);
	}
	if (pool_used + n > pool_cap) {
		fputs("bench_gen: spec too large for the pool\n", stderr);
		exit(2);
	}
	void *p = pool + pool_used;
	pool_used += n;
	return p;
}

static const char *pfmt(const char *fmt, ...)
{
	va_list ap;
	char tmp[512];
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof tmp) {
		fputs("bench_gen: string too long\n", stderr);
		exit(2);
	}
	char *s = palloc((size_t)n + 1);
	memcpy(s, tmp, (size_t)n + 1);
	return s;
}

static struct node *mk(enum kind k, const char *text)
{
	struct node *n = palloc(sizeof *n);
	memset(n, 0, sizeof *n);
	n->kind = k;
	n->text = text;
	return n;
}

static struct node *obj(void) { return mk(K_OBJ, NULL); }
static struct node *arr(void) { return mk(K_ARR, NULL); }
static struct node *str(const char *s) { return mk(K_STR, s); }
static struct node *boolean(bool b) { return mk(K_BOOL, b ? "true" : "false"); }
static struct node *num(long long v) { return mk(K_NUM, pfmt("%lld", v)); }
static struct node *unum(unsigned long long v) { return mk(K_NUM, pfmt("%llu", v)); }

static struct node *add(struct node *parent, const char *key, struct node *v)
{
	v->key = key;
	v->next = NULL;
	if (parent->last)
		parent->last->next = v;
	else
		parent->first = v;
	parent->last = v;
	return v;
}

static struct node *push(struct node *a, struct node *v) { return add(a, NULL, v); }

static void push_strs(struct node *a, const char *const *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		push(a, str(s[i]));
}

static struct node *get(struct node *o, const char *key)
{
	for (struct node *c = o->first; c; c = c->next)
		if (c->key && !strcmp(c->key, key))
			return c;
	return NULL;
}

static struct node *nth(struct node *a, size_t i)
{
	struct node *c = a->first;
	while (c && i--)
		c = c->next;
	return c;
}

static void remove_child(struct node *o, struct node *victim)
{
	struct node *prev = NULL;
	for (struct node *c = o->first; c; prev = c, c = c->next) {
		if (c != victim)
			continue;
		if (prev)
			prev->next = c->next;
		else
			o->first = c->next;
		if (o->last == c)
			o->last = prev;
		return;
	}
}

static void reverse_children(struct node *o)
{
	struct node *prev = NULL, *c = o->first;
	o->last = c;
	while (c) {
		struct node *next = c->next;
		c->next = prev;
		prev = c;
		c = next;
	}
	o->first = prev;
}

/* Moves the child named key to the end of o (a cosmetic key-order change). */
static void move_last(struct node *o, const char *key)
{
	struct node *c = get(o, key);
	if (!c)
		return;
	remove_child(o, c);
	add(o, key, c);
}

/* ---- writers ------------------------------------------------------- */

static void put_quoted(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void indent(FILE *f, int depth, char ch, int width)
{
	for (int i = 0; i < depth * width; i++)
		fputc(ch, f);
}

/* JSON; pretty uses one tab per level like runc's config.json. */
static void write_json(FILE *f, const struct node *n, bool pretty, int depth)
{
	if (n->kind != K_OBJ && n->kind != K_ARR) {
		if (n->kind == K_STR)
			put_quoted(f, n->text);
		else
			fputs(n->kind == K_NULL ? "null" : n->text, f);
		return;
	}
	bool is_obj = n->kind == K_OBJ;
	fputc(is_obj ? '{' : '[', f);
	for (const struct node *c = n->first; c; c = c->next) {
		if (pretty) {
			fputc('\n', f);
			indent(f, depth + 1, '\t', 1);
		}
		if (is_obj) {
			put_quoted(f, c->key);
			fputs(pretty ? ": " : ":", f);
		}
		write_json(f, c, pretty, depth + 1);
		if (c->next)
			fputc(',', f);
	}
	if (pretty && n->first) {
		fputc('\n', f);
		indent(f, depth, '\t', 1);
	}
	fputc(is_obj ? '}' : ']', f);
}

static bool yaml_plain_ok(const char *s)
{
	static const char *const reserved[] = { "true", "false", "null", "yes", "no",
		"on", "off", "y", "n", "~" };
	if (!*s || !(s[0] == '/' || (s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z')))
		return false;
	for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
		if (!strcasecmp(s, reserved[i]))
			return false;
	for (const char *p = s; *p; p++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./=:,-", *p))
			return false;
	return s[strlen(s) - 1] != ':';
}

static void yaml_scalar(FILE *f, const struct node *n)
{
	if (n->kind == K_OBJ)
		fputs("{}", f);
	else if (n->kind == K_ARR)
		fputs("[]", f);
	else if (n->kind == K_NULL)
		fputs("null", f);
	else if (n->kind == K_STR && !yaml_plain_ok(n->text))
		put_quoted(f, n->text);
	else
		fputs(n->text, f);
}

static bool yaml_block(const struct node *n)
{
	return (n->kind == K_OBJ || n->kind == K_ARR) && n->first;
}

static void yaml_node(FILE *f, const struct node *n, int depth, bool inline_first);

/* After "key:" or "- ": a scalar on the same line, a block on the next. */
static void yaml_value(FILE *f, const struct node *v, int depth)
{
	if (!yaml_block(v)) {
		fputc(' ', f);
		yaml_scalar(f, v);
		fputc('\n', f);
		return;
	}
	fputc('\n', f);
	yaml_node(f, v, depth + 1, false);
}

/* A block mapping or sequence at depth; inline_first when the first entry
 * continues a "- " already written. */
static void yaml_node(FILE *f, const struct node *n, int depth, bool inline_first)
{
	for (const struct node *c = n->first; c; c = c->next) {
		if (c != n->first || !inline_first)
			indent(f, depth, ' ', 2);
		if (n->kind == K_OBJ) {
			if (yaml_plain_ok(c->key))
				fputs(c->key, f);
			else
				put_quoted(f, c->key);
			fputc(':', f);
			yaml_value(f, c, depth);
		} else if (yaml_block(c)) {
			fputs("- ", f);
			yaml_node(f, c, depth + 1, true);
		} else {
			fputc('-', f);
			yaml_value(f, c, depth);
		}
	}
}

/* ---- the spec ------------------------------------------------------ */

static const char *const caps_default[] = { "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID",
	"CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP",
	"CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE" };
static const char *const masked[] = { "/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys",
	"/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug",
	"/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap" };
static const char *const readonly[] = { "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
	"/proc/sysrq-trigger" };
static const char *const images[] = { "registry.k8s.io/pause:3.9", "docker.io/library/nginx:1.25",
	"ghcr.io/acme/api-server:v2.14.1", "quay.io/prometheus/node-exporter:v1.7.0",
	"docker.io/library/redis:7.2-alpine", "gcr.io/distroless/static:nonroot" };
static const char *const sys_file[] = { "accept", "accept4", "access", "bind", "brk", "capget",
	"capset", "chdir", "chmod", "chown", "clock_gettime", "clone", "close", "connect",
	"dup", "dup2", "dup3", "epoll_create1", "epoll_ctl", "epoll_pwait", "epoll_wait",
	"eventfd2", "execve", "exit", "exit_group", "faccessat", "fadvise64", "fchdir",
	"fchmod", "fchown", "fcntl", "fstat", "fsync", "ftruncate", "futex", "getcwd",
	"getdents64", "getegid", "geteuid", "getgid", "getpid", "getppid", "getrandom",
	"getsockname", "getsockopt", "gettid", "getuid", "ioctl", "listen", "lseek", "madvise",
	"mkdirat", "mmap", "mprotect", "munmap", "nanosleep", "newfstatat", "openat", "pipe2",
	"poll", "prctl", "pread64", "prlimit64", "pwrite64", "read", "readlinkat", "recvfrom",
	"recvmsg", "rename", "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "sched_yield",
	"sendmsg", "sendto", "set_robust_list", "set_tid_address", "setsockopt", "shutdown",
	"sigaltstack", "socket", "statfs", "tgkill", "uname", "unlinkat", "wait4", "write",
	"writev" };

struct mount_def {
	const char *dest, *type, *source, *opts;
};

static const struct mount_def mounts_full[] = {
	{ "/proc", "proc", "proc", "nosuid,noexec,nodev" },
	{ "/dev", "tmpfs", "tmpfs", "nosuid,strictatime,mode=755,size=65536k" },
	{ "/dev/pts", "devpts", "devpts", "nosuid,noexec,newinstance,ptmxmode=0666,mode=0620,gid=5" },
	{ "/dev/shm", "tmpfs", "shm", "nosuid,noexec,nodev,mode=1777,size=65536k" },
	{ "/dev/mqueue", "mqueue", "mqueue", "nosuid,noexec,nodev" },
	{ "/sys", "sysfs", "sysfs", "nosuid,noexec,nodev,ro" },
	{ "/sys/fs/cgroup", "cgroup", "cgroup", "nosuid,noexec,nodev,relatime,ro" },
	{ "/etc/hosts", "bind", "%s/hosts", "rbind,rprivate,rw" },
	{ "/etc/hostname", "bind", "%s/hostname", "rbind,rprivate,rw" },
	{ "/etc/resolv.conf", "bind", "%s/resolv.conf", "rbind,rprivate,rw" },
	{ "/dev/termination-log", "bind", "%s/termination-log", "rbind,rprivate,rw" },
	{ "/var/run/secrets/kubernetes.io/serviceaccount", "bind", "%s/serviceaccount",
	  "rbind,rprivate,ro" },
	{ "/var/lib/app", "bind", "%s/state", "rbind,rprivate,rw" },
	{ "/var/log/app", "bind", "%s/log", "rbind,rprivate,rw" },
	{ "/tmp", "tmpfs", "tmpfs", "nosuid,nodev,mode=1777" },
	{ "/run", "tmpfs", "tmpfs", "nosuid,nodev,mode=755" },
	{ "/etc/app/config", "bind", "%s/configmap", "rbind,rprivate,ro" },
	{ "/data/cache", "bind", "%s/cache", "rbind,rprivate,rw" },
	{ "/usr/share/zoneinfo", "bind", "/usr/share/zoneinfo", "rbind,rprivate,ro" },
	{ "/etc/ssl/certs", "bind", "/etc/ssl/certs", "rbind,rprivate,ro" },
};

/* The light spec (list items) keeps these mounts only. */
static const size_t mounts_light[] = { 0, 1, 2, 3, 5, 6, 7, 12 };

static struct node *make_mount(const struct mount_def *m, const char *dir)
{
	struct node *o = obj();
	add(o, "destination", str(m->dest));
	add(o, "type", str(m->type));
	add(o, "source", str(strchr(m->source, '%') ? pfmt(m->source, dir) : m->source));
	struct node *opts = add(o, "options", arr());
	char buf[128];
	snprintf(buf, sizeof buf, "%s", m->opts);
	for (char *save = NULL, *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save))
		push(opts, str(pfmt("%s", t)));
	return o;
}

struct ident {
	unsigned long long index;
	const char *id, *name, *image, *dir;
};

static struct node *make_caps(bool full)
{
	static const char *const sets[] = { "bounding", "effective", "permitted" };
	struct node *c = obj();
	size_t n = full ? 14 : 6;
	for (size_t s = 0; s < 3; s++)
		push_strs(add(c, sets[s], arr()), caps_default, n);
	return c;
}

static struct node *make_rlimit(const char *type, unsigned long long hard,
				unsigned long long soft)
{
	struct node *r = obj();
	add(r, "type", str(type));
	add(r, "hard", unum(hard));
	add(r, "soft", unum(soft));
	return r;
}

static struct node *make_process(struct rng *r, const struct ident *id, bool full)
{
	struct node *p = obj();
	add(p, "terminal", boolean(false));
	struct node *u = add(p, "user", obj());
	add(u, "uid", num(1000 + (long long)(id->index % 50)));
	add(u, "gid", num(1000));
	if (full)
		push(add(u, "additionalGids", arr()), num(1000));
	struct node *args = add(p, "args", arr());
	push(args, str("/usr/local/bin/server"));
	push(args, str(pfmt("--listen=:%u", 8000 + rng_below(r, 1000))));
	push(args, str(pfmt("--name=%s", id->name)));
	struct node *env = add(p, "env", arr());
	push(env, str("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
	push(env, str(pfmt("HOSTNAME=%s", id->name)));
	push(env, str("LOG_LEVEL=info"));
	push(env, str(pfmt("WORKERS=%u", 1 + rng_below(r, 16))));
	if (full) {
		push(env, str("HOME=/home/app"));
		push(env, str("LANG=C.UTF-8"));
		push(env, str(pfmt("KUBERNETES_SERVICE_HOST=10.%u.0.1", rng_below(r, 255))));
		push(env, str("KUBERNETES_SERVICE_PORT=443"));
		push(env, str(pfmt("APP_INSTANCE=%s", id->id)));
		push(env, str("TZ=UTC"));
	}
	add(p, "cwd", str("/"));
	add(p, "capabilities", make_caps(full));
	struct node *rl = add(p, "rlimits", arr());
	push(rl, make_rlimit("RLIMIT_NOFILE", 1048576, 1048576));
	if (full) {
		push(rl, make_rlimit("RLIMIT_NPROC", 4096, 4096));
		push(rl, make_rlimit("RLIMIT_CORE", 18446744073709551615ULL, 0));
		add(p, "apparmorProfile", str("cri-containerd.apparmor.d"));
		add(p, "oomScoreAdj", num(-997 + (long long)rng_below(r, 1997)));
	}
	add(p, "noNewPrivileges", boolean(true));
	return p;
}

static struct node *make_resources(struct rng *r, bool full)
{
	static const long long mem_mb[] = { 128, 256, 512, 1024, 2048, 4096 };
	struct node *res = obj();
	struct node *devs = add(res, "devices", arr());
	struct node *d = push(devs, obj());
	add(d, "allow", boolean(false));
	add(d, "access", str("rwm"));
	if (full) {
		static const int majmin[][2] = { { 1, 3 }, { 1, 5 }, { 1, 7 }, { 5, 0 }, { 5, 2 } };
		for (size_t i = 0; i < 5; i++) {
			d = push(devs, obj());
			add(d, "allow", boolean(true));
			add(d, "type", str("c"));
			add(d, "major", num(majmin[i][0]));
			add(d, "minor", num(majmin[i][1]));
			add(d, "access", str("rwm"));
		}
	}
	struct node *mem = add(res, "memory", obj());
	add(mem, "limit", num(mem_mb[rng_below(r, 6)] << 20));
	if (full)
		add(mem, "swap", num(mem_mb[rng_below(r, 6)] << 20));
	struct node *cpu = add(res, "cpu", obj());
	add(cpu, "shares", num(2 + rng_below(r, 1024)));
	add(cpu, "quota", num(10000 * (1 + rng_below(r, 40))));
	add(cpu, "period", num(100000));
	add(add(res, "pids", obj()), "limit", num(256 << rng_below(r, 5)));
	return res;
}

static struct node *make_seccomp(void)
{
	struct node *s = obj();
	add(s, "defaultAction", str("SCMP_ACT_ERRNO"));
	push_strs(add(s, "architectures", arr()),
		  (const char *const[]){ "SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32" }, 3);
	struct node *sys = add(s, "syscalls", arr());
	struct node *allow = push(sys, obj());
	push_strs(add(allow, "names", arr()), sys_file, sizeof sys_file / sizeof sys_file[0]);
	add(allow, "action", str("SCMP_ACT_ALLOW"));
	struct node *pers = push(sys, obj());
	push_strs(add(pers, "names", arr()), (const char *const[]){ "personality" }, 1);
	add(pers, "action", str("SCMP_ACT_ALLOW"));
	struct node *a = push(add(pers, "args", arr()), obj());
	add(a, "index", num(0));
	add(a, "value", num(0));
	add(a, "op", str("SCMP_CMP_EQ"));
	return s;
}

static struct node *make_linux(struct rng *r, const struct ident *id, bool full)
{
	static const char *const ns[] = { "pid", "ipc", "uts", "mount", "network" };
	struct node *l = obj();
	add(l, "resources", make_resources(r, full));
	add(l, "cgroupsPath", str(pfmt("kubepods-burstable-pod%s.slice:cri-containerd:%s",
				       id->id, id->name)));
	struct node *nss = add(l, "namespaces", arr());
	for (size_t i = 0; i < 5; i++) {
		struct node *n = push(nss, obj());
		add(n, "type", str(ns[i]));
		if (i == 4)
			add(n, "path", str(pfmt("/var/run/netns/cni-%s", id->id)));
	}
	if (full) {
		struct node *devs = add(l, "devices", arr());
		struct node *d = push(devs, obj());
		add(d, "path", str("/dev/fuse"));
		add(d, "type", str("c"));
		add(d, "major", num(10));
		add(d, "minor", num(229));
		add(d, "fileMode", num(438));
		add(d, "uid", num(0));
		add(d, "gid", num(0));
		add(l, "seccomp", make_seccomp());
	}
	push_strs(add(l, "maskedPaths", arr()), masked, full ? 11 : 6);
	push_strs(add(l, "readonlyPaths", arr()), readonly, full ? 5 : 3);
	return l;
}

static struct node *make_spec(uint64_t seed, unsigned long long index, bool full)
{
	struct rng r;
	rng_seed(&r, seed, index);
	uint64_t h = rng_next(&r);
	struct ident id = { .index = index };
	id.id = pfmt("%016llx", (unsigned long long)h);
	id.name = pfmt("app-%llu-%04llx", index, (unsigned long long)(h >> 48));
	id.image = images[rng_below(&r, sizeof images / sizeof images[0])];
	id.dir = pfmt("/run/containerd/io.containerd.grpc.v1.cri/containers/%s", id.id);

	struct node *s = obj();
	add(s, "ociVersion", str("1.1.0"));
	add(s, "process", make_process(&r, &id, full));
	struct node *root = add(s, "root", obj());
	add(root, "path", str("rootfs"));
	add(root, "readonly", boolean(rng_below(&r, 2)));
	add(s, "hostname", str(id.name));
	struct node *m = add(s, "mounts", arr());
	if (full)
		for (size_t i = 0; i < sizeof mounts_full / sizeof mounts_full[0]; i++)
			push(m, make_mount(&mounts_full[i], id.dir));
	else
		for (size_t i = 0; i < sizeof mounts_light / sizeof mounts_light[0]; i++)
			push(m, make_mount(&mounts_full[mounts_light[i]], id.dir));
	struct node *ann = add(s, "annotations", obj());
	add(ann, "io.kubernetes.cri.container-type", str("container"));
	add(ann, "io.kubernetes.cri.container-name", str(id.name));
	add(ann, "io.kubernetes.cri.image-name", str(id.image));
	add(ann, "io.kubernetes.cri.sandbox-id", str(id.id));
	if (full)
		add(ann, "io.kubernetes.cri.sandbox-namespace", str("default"));
	add(s, "linux", make_linux(&r, &id, full));
	return s;
}

/* ---- planted differences ------------------------------------------- */

static struct node *at(struct node *n, const char *path)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s", path);
	for (char *save = NULL, *t = strtok_r(buf, "/", &save); t && n;
	     t = strtok_r(NULL, "/", &save))
		n = n->kind == K_ARR ? nth(n, strtoul(t, NULL, 10)) : get(n, t);
	if (!n) {
		fprintf(stderr, "bench_gen: no node at %s\n", path);
		exit(2);
	}
	return n;
}

/* The small pair's differences, applied to RIGHT; the list is printed so a
 * reader of the report knows what a correct diff must find. */
static void plant_small(struct node *s)
{
	struct node *linux_ = at(s, "linux");
	add(linux_, "sysctl", obj());                       /* nil-vs-empty  */
	reverse_children(at(s, "process/capabilities/bounding")); /* order-only */
	at(s, "linux/resources/memory/limit")->text = "3221225472"; /* value   */
	move_last(s, "hostname");                           /* cosmetic      */
	remove_child(at(s, "process"), at(s, "process/terminal")); /* cosmetic */
	at(s, "annotations/io.kubernetes.cri.image-name")->text =
		"ghcr.io/acme/api-server:v2.15.0";              /* value         */
	reverse_children(at(s, "mounts/3/options"));        /* order-only    */
	at(s, "process/env/2")->text = "LOG_LEVEL=debug";   /* value         */
	push(at(s, "linux/maskedPaths"), str("/proc/kallsyms")); /* value    */
	at(s, "process/user/additionalGids")->first = NULL; /* [1000] -> []: value */
	at(s, "process/user/additionalGids")->last = NULL;
	reverse_children(at(s, "linux/namespaces"));        /* order-only    */
	at(s, "linux/resources/pids/limit")->text = "16384"; /* value         */
	add(s, "x-debug", boolean(true));                   /* cosmetic: Go drops it */
}

static const char small_notes[] =
	"planted differences (LEFT -> RIGHT):\n"
	"  /linux/sysctl                          absent -> {}          nil-vs-empty\n"
	"  /process/user/additionalGids           [1000] -> []          value\n"
	"  /process/capabilities/bounding         reversed              order-only\n"
	"  /mounts/3/options                      reversed              order-only\n"
	"  /linux/namespaces                      reversed              order-only\n"
	"  /linux/resources/memory/limit          changed               value\n"
	"  /linux/resources/pids/limit            changed               value\n"
	"  /annotations/io.kubernetes.cri.image-name changed            value\n"
	"  /process/env/2                         LOG_LEVEL changed     value\n"
	"  /linux/maskedPaths                     one path appended     value\n"
	"  /hostname                              key moved to the end  cosmetic\n"
	"  /process/terminal                      false -> absent       cosmetic\n"
	"  /x-debug                               unknown field added   cosmetic\n";

enum change { CH_NONE, CH_VALUE, CH_NILEMPTY, CH_INSERT, CH_DELETE, CH_REORDER };

static enum change pick_change(struct rng *r)
{
	if (rng_below(r, 100) != 0)
		return CH_NONE;
	return (enum change)(1 + rng_below(r, 5));
}

static void apply_change(struct node *s, enum change ch)
{
	if (ch == CH_VALUE)
		at(s, "linux/resources/memory/limit")->text = "999292928";
	else if (ch == CH_NILEMPTY)
		add(at(s, "linux"), "sysctl", obj());
	else if (ch == CH_REORDER)
		reverse_children(s);
}

/* ---- output -------------------------------------------------------- */

struct out {
	FILE *f;
	const char *path;
	bool yaml;
	unsigned long long items;
};

static void out_open(struct out *o, const char *path, bool yaml)
{
	o->path = path;
	o->yaml = yaml;
	o->items = 0;
	o->f = fopen(path, "w");
	if (!o->f) {
		fprintf(stderr, "bench_gen: %s: %s\n", path, strerror(errno));
		exit(2);
	}
}

static void out_close(struct out *o, bool list)
{
	if (list && !o->yaml)
		fputs(o->items ? "\n]\n" : "[]\n", o->f);
	else if (list && !o->items)
		fputs("[]\n", o->f);
	if (fclose(o->f) != 0) {
		fprintf(stderr, "bench_gen: %s: %s\n", o->path, strerror(errno));
		exit(2);
	}
}

static void out_whole(struct out *o, const struct node *s)
{
	if (o->yaml) {
		yaml_node(o->f, s, 0, false);
	} else {
		write_json(o->f, s, true, 0);
		fputc('\n', o->f);
	}
}

static void out_item(struct out *o, const struct node *s)
{
	if (o->yaml) {
		fputs("- ", o->f);
		yaml_node(o->f, s, 1, true);
	} else {
		fputs(o->items ? ",\n" : "[\n", o->f);
		write_json(o->f, s, false, 0);
	}
	o->items++;
}

static void gen_small(uint64_t seed, struct out *l, struct out *r)
{
	struct node *s = make_spec(seed, 0, true);
	out_whole(l, s);
	pool_used = 0;
	s = make_spec(seed, 0, true);
	plant_small(s);
	out_whole(r, s);
	pool_used = 0;
	fputs(small_notes, stdout);
}

static void gen_list(uint64_t seed, unsigned long long n, struct out *l, struct out *r)
{
	struct rng ch;
	unsigned long long counts[6] = { 0 };
	rng_seed(&ch, seed, 0xc4a9e5ULL);
	for (unsigned long long i = 0; i < n; i++) {
		enum change c = pick_change(&ch);
		counts[c]++;
		struct node *s = make_spec(seed, i, false);
		out_item(l, s);
		if (c == CH_DELETE) {
			pool_used = 0;
			continue;
		}
		apply_change(s, c);
		out_item(r, s);
		pool_used = 0;
		if (c == CH_INSERT) {
			out_item(r, s = make_spec(seed, n + i, false));
			pool_used = 0;
		}
	}
	printf("%llu items: %llu value, %llu nil-vs-empty, %llu inserted, %llu deleted, "
	       "%llu reordered\n", n, counts[CH_VALUE], counts[CH_NILEMPTY], counts[CH_INSERT],
	       counts[CH_DELETE], counts[CH_REORDER]);
}

static int usage(void)
{
	fputs("usage: bench_gen [-s SEED] [-y] small|N LEFT RIGHT\n", stderr);
	return 2;
}

int main(int argc, char **argv)
{
	uint64_t seed = 1;
	bool yaml = false;
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-y"))
			yaml = true;
		else if (!strcmp(argv[i], "-s") && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 0);
		else
			return usage();
	}
	if (argc - i != 3)
		return usage();
	bool small = !strcmp(argv[i], "small");
	char *end;
	unsigned long long n = small ? 0 : strtoull(argv[i], &end, 10);
	if (!small && (*end || n == 0))
		return usage();
	struct out l, r;
	out_open(&l, argv[i + 1], yaml);
	out_open(&r, argv[i + 2], yaml);
	if (small)
		gen_small(seed, &l, &r);
	else
		gen_list(seed, n, &l, &r);
	out_close(&l, !small);
	out_close(&r, !small);
	free(pool);
	return 0;
}
