/* editing.c - the explorer's editing keys (DESIGN section 7): they ask
 * core/edit.c for a new document, push it on the undo history, and then
 * recompute the Go view, the diff, the restore checks and the rows, with
 * the cursor kept on the same path.  Also writing through the normalizer,
 * reloading, $EDITOR, and noticing files changed on disk. */
#include "ui.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "specdiff/base.h"
#include "specdiff/normalize.h"
#include "specdiff/write.h"

static const char *side_name(int side)
{
	return side ? "RIGHT" : "LEFT";
}

/* ---- files ---------------------------------------------------------------- */

static sd_file_stamp stamp_of(const char *path)
{
	sd_file_stamp s;
	memset(&s, 0, sizeof(s));
	struct stat st;
	if (!path[0] || stat(path, &st) || !S_ISREG(st.st_mode))
		return s;
	s.valid = true;
	s.dev = (unsigned long long)st.st_dev;
	s.ino = (unsigned long long)st.st_ino;
	s.size = (unsigned long long)st.st_size;
	s.mtime_s = (long long)st.st_mtim.tv_sec;
	s.mtime_ns = (long long)st.st_mtim.tv_nsec;
	return s;
}

static bool stamp_same(const sd_file_stamp *a, const sd_file_stamp *b)
{
	return a->valid == b->valid && a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
	       a->mtime_s == b->mtime_s && a->mtime_ns == b->mtime_ns;
}

/* The file behind a side and whether the side is that whole file. */
static void side_file(sd_ui *u, int side, const sd_doc *d)
{
	const char *in = u->input[side] ? u->input[side] : "";
	const char *path = sd_doc_path(d);
	bool stdin_ = !strcmp(in, "-") || !path || !strcmp(path, "-");
	snprintf(u->file[side], sizeof(u->file[side]), "%s", stdin_ ? "" : path);
	u->stamp[side] = stamp_of(u->file[side]);
	u->writable[side] = u->stamp[side].valid && !strchr(in, '#') && !sd_doc_container(d);
	u->stale[side] = false;
}

bool sd_ui_check_files(sd_ui *u)
{
	bool news = false;
	for (int s = 0; s < 2; s++) {
		if (!u->stamp[s].valid || u->stale[s])
			continue;
		sd_file_stamp now = stamp_of(u->file[s]);
		if (!stamp_same(&now, &u->stamp[s])) {
			u->stale[s] = true;
			news = true;
		}
	}
	if (news)
		sd_ui_message(u, SD_ROLE_MESSAGE, "%s changed on disk: r reloads%s",
			      u->stale[0] && u->stale[1] ? "LEFT and RIGHT" : side_name(u->stale[1]),
			      sd_ui_modified(u, 0) || sd_ui_modified(u, 1) ? " (and discards your edits)" : "");
	return news;
}

/* ---- state ---------------------------------------------------------------- */

void sd_ui_edit_init(sd_ui *u, const sd_explorer_args *a)
{
	sd_doc *docs[2] = { (sd_doc *)a->doc[0], (sd_doc *)a->doc[1] };
	sd_goview *views[2] = { (sd_goview *)a->view[0], (sd_goview *)a->view[1] };
	u->hist = sd_history_new(docs, views, false);   /* main owns the first state */
	u->reload = a->reload;
	u->reload_ctx = a->reload_ctx;
	for (int s = 0; s < 2; s++) {
		u->input[s] = a->input[s];
		side_file(u, s, a->doc[s]);
	}
}

void sd_ui_edit_release(sd_ui *u)
{
	sd_diff_free(u->own_diff);
	u->own_diff = NULL;
	sd_history_free(u->hist);
	u->hist = NULL;
}

bool sd_ui_modified(const sd_ui *u, int side)
{
	return u->hist && sd_history_modified(u->hist, side);
}

typedef struct fold_keep {
	char **path;
	uint8_t *val;
	size_t n;
} fold_keep;

/* The user's folds by path: pairs die with their diff, paths do not. */
static void folds_save(const sd_ui *u, fold_keep *k)
{
	const sd_foldset *f = &u->folds;
	k->path = sd_xcalloc(f->n + 1, sizeof(*k->path));
	k->val = sd_xcalloc(f->n + 1, 1);
	k->n = 0;
	for (size_t i = 0; i < f->cap; i++)
		if (f->keys[i] && f->keys[i]->path && f->vals[i] != SD_FOLD_DEFAULT) {
			k->path[k->n] = sd_xstrdup(f->keys[i]->path);
			k->val[k->n++] = f->vals[i];
		}
}

static void folds_restore(sd_ui *u, fold_keep *k)
{
	sd_foldset_clear(&u->folds);
	for (size_t i = 0; i < k->n; i++) {
		const sd_pair *p = sd_diff_find(u->diff, k->path[i]);
		if (p)
			sd_foldset_set(&u->folds, p, (sd_fold)k->val[i]);
		free(k->path[i]);
	}
	free(k->path);
	free(k->val);
}

/* The pair at path or its nearest ancestor present in the new diff. */
static const sd_pair *find_near(const sd_diff *d, const char *path)
{
	char buf[1024];
	snprintf(buf, sizeof(buf), "%s", path && *path ? path : "/");
	for (;;) {
		const sd_pair *p = sd_diff_find(d, buf);
		if (p)
			return p;
		char *slash = strrchr(buf, '/');
		if (!slash || slash == buf)
			return sd_diff_root(d);
		*slash = '\0';
	}
}

/* After the documents changed: Go views come with the history; the diff,
 * checks, rows and search cache are rebuilt, the cursor goes to path. */
static void state_changed(sd_ui *u, const char *path)
{
	char keep[1024];
	snprintf(keep, sizeof(keep), "%s", path ? path : "/");
	fold_keep fk;
	folds_save(u, &fk);
	const sd_goview *v[2];
	for (int s = 0; s < 2; s++) {
		u->doc[s] = sd_history_doc(u->hist, s);
		v[s] = sd_history_view(u->hist, s);
	}
	sd_diff_opts o = { u->ro.mode, 0 };
	sd_diff *d = sd_diff_compute_lazy(u->doc[0], v[0], u->doc[1], v[1], &o);
	sd_search_release(&u->search);
	sd_search_init(&u->search);
	sd_diff_free(u->own_diff);
	u->own_diff = d;
	u->diff = d;
	u->ro.diff = d;
	u->panel_pair = NULL;
	sd_ui_apply_focus(u);   /* the new items know nothing of the focus */
	folds_restore(u, &fk);
	sd_ui_run_checks(u);
	sd_ui_reveal(u, find_near(d, keep));
}

static const char *cur_path(const sd_ui *u)
{
	const sd_pair *p = u->cur < u->rows.n ? u->rows.v[u->cur].pair : NULL;
	return p && p->path ? p->path : "/";
}

/* ---- edits ------------------------------------------------------------------ */

static void apply_edit(sd_ui *u, int r, sd_edit *e)
{
	if (r) {
		sd_ui_message(u, SD_ROLE_ERROR, "%s", e->msg);
		return;
	}
	const char *bad = sd_history_push(u->hist, e->side, e->doc, e->path);
	size_t row = u->cur;
	state_changed(u, e->path);
	/* the node is gone from both sides: the cursor stays on its row, which
	 * now holds the next one, never on the parent (a dd there would delete
	 * the whole parent) */
	if (!sd_diff_find(u->diff, e->path)) {
		const sd_pair *parent = find_near(u->diff, e->path);
		sd_diff_expand(u->diff, parent);   /* kept open though now equal */
		sd_foldset_set(&u->folds, parent, SD_FOLD_OPEN);
		sd_ui_reveal(u, parent);
		/* the next sibling; past the last one (the parent's closing
		 * bracket, which stands for the parent) the one before */
		if (row < u->rows.n && u->rows.v[row].kind == SD_ROW_CLOSE && row > 0 &&
		    u->rows.v[row - 1].pair != parent)
			row--;
		sd_ui_move_to(u, row);
	}
	if (bad)
		sd_ui_message(u, SD_ROLE_ERROR, "%s; Go cannot decode %s now: %s", e->msg,
			      side_name(e->side), bad);
	else
		sd_ui_message(u, SD_ROLE_MESSAGE, "%s%s", e->msg,
			      sd_diff_equal(u->diff, u->ro.mode) ? " - now equal" : "");
}

static void undo_redo(sd_ui *u, bool redo)
{
	/* the cursor goes where the change undone or redone was, as in vim */
	char path[1024];
	const char *at = redo ? NULL : sd_history_path(u->hist);
	snprintf(path, sizeof(path), "%s", at ? at : cur_path(u));
	if (!(redo ? sd_history_redo(u->hist) : sd_history_undo(u->hist))) {
		sd_ui_message(u, SD_ROLE_ERROR, redo ? "already at newest change" : "already at oldest change");
		return;
	}
	if (redo && sd_history_path(u->hist))
		snprintf(path, sizeof(path), "%s", sd_history_path(u->hist));
	state_changed(u, path);
	size_t pos = sd_history_position(u->hist), n = sd_history_count(u->hist);
	sd_ui_message(u, SD_ROLE_MESSAGE, "%s: change %zu of %zu", redo ? "redo" : "undo", pos, n - 1);
}

/* ---- write ---------------------------------------------------------------- */

typedef struct write_req {
	char file[1024];
	sd_normalize_opts o;
	sd_format to;
	bool to_given;
} write_req;

static int pick(const char *v, const char *const *names, int *out)
{
	for (int i = 0; names[i]; i++)
		if (!strcmp(v, names[i])) {
			*out = i;
			return 0;
		}
	return -1;
}

static int parse_opt(write_req *w, const char *opt, const char *v, char *err, size_t es)
{
	static const char *const empties[] = { "keep", "omit", "explicit", NULL };
	static const char *const orders[] = { "source", "go", "sorted", NULL };
	static const char *const tos[] = { "json", "yaml", NULL };
	int i;
	if (!strcmp(opt, "--empty") && v && !pick(v, empties, &i))
		w->o.empty = (sd_empty_mode)i;
	else if (!strcmp(opt, "--order") && v && !pick(v, orders, &i))
		w->o.order = (sd_order_mode)i;
	else if (!strcmp(opt, "--to") && v && !pick(v, tos, &i)) {
		w->to = i ? SD_FORMAT_YAML : SD_FORMAT_JSON;
		w->to_given = true;
	} else {
		snprintf(err, es, "%s %s: use --empty keep|omit|explicit, --order source|go|sorted, "
			 "--to json|yaml", opt, v ? v : "");
		return -1;
	}
	return 0;
}

/* "FILE --empty omit --order=go --to yaml" (any order; no quoting). */
static int parse_write(write_req *w, char *text, char *err, size_t es)
{
	memset(w, 0, sizeof(*w));
	for (char *save = NULL, *t = strtok_r(text, " \t", &save); t; t = strtok_r(NULL, " \t", &save)) {
		if (!strncmp(t, "--", 2)) {
			char *eq = strchr(t, '=');
			char *v = eq ? (*eq = '\0', eq + 1) : strtok_r(NULL, " \t", &save);
			if (parse_opt(w, t, v, err, es))
				return -1;
		} else if (w->file[0]) {
			snprintf(err, es, "one file name only (got '%.200s' and '%.200s'; names cannot hold spaces)",
				 w->file, t);
			return -1;
		} else {
			snprintf(w->file, sizeof(w->file), "%s", t);
		}
	}
	if (!w->file[0]) {
		snprintf(err, es, "write: no file name");
		return -1;
	}
	return 0;
}

static sd_format format_for(const write_req *w, const sd_doc *d)
{
	if (w->to_given)
		return w->to;
	const char *dot = strrchr(w->file, '.');
	if (dot && (!strcmp(dot, ".yaml") || !strcmp(dot, ".yml")))
		return SD_FORMAT_YAML;
	if (dot && !strcmp(dot, ".json"))
		return SD_FORMAT_JSON;
	return sd_doc_format(d);
}

/* After writing a side's own file: load it back, so positions (and E)
 * match what is on disk; the edits before stay undoable. */
static void adopt_written(sd_ui *u, int side)
{
	sd_doc *d = NULL;
	sd_goview *v = NULL;
	char err[1200] = "";
	if (u->reload && !u->reload(u->reload_ctx, side, &d, &v, err, sizeof(err))) {
		sd_history_replace(u->hist, side, d, v);
		state_changed(u, cur_path(u));
	} else {
		sd_history_mark_saved(u->hist, side);
	}
	u->stamp[side] = stamp_of(u->file[side]);
	u->stale[side] = false;
}

/* Is path the file behind side (by identity, so ./a.json counts)? */
static bool is_side_file(const sd_ui *u, int side, const char *path)
{
	sd_file_stamp s = stamp_of(path);
	return s.valid && u->stamp[side].valid && s.dev == u->stamp[side].dev && s.ino == u->stamp[side].ino;
}

/* Keeps FILE.orig (as normalize --in-place does) before FILE is replaced;
 * *made: this write created it. */
static int backup_existing(const char *file, bool *made, char *msg, size_t ms)
{
	sd_buf orig = SD_BUF_INIT;
	sd_error err;
	int r = 0;
	*made = false;
	if (access(file, F_OK) != 0)
		return 0;
	if (sd_read_file(file, SIZE_MAX, &orig)) {
		snprintf(msg, ms, "not written: cannot read %.500s to keep it as .orig: %s", file,
			 strerror(errno));
		r = -1;
	} else if (sd_write_backup(file, &orig, made, &err)) {
		char e[1200];
		sd_error_format(&err, e, sizeof(e));
		snprintf(msg, ms, "not written: %.1000s", e);
		r = -1;
	}
	sd_buf_release(&orig);
	return r;
}

static int write_side(sd_ui *u, int side, const write_req *w, char *msg, size_t ms)
{
	const sd_doc *doc = u->doc[side];
	const sd_goview *view = sd_history_view(u->hist, side);
	if (!u->writable[side] && is_side_file(u, side, w->file)) {
		snprintf(msg, ms, "%s holds more than %s's spec (a #pointer subtree or a checkpoint image): "
			 "write to another file", w->file, side_name(side));
		return -1;
	}
	bool oci = sd_schema_is_oci(sd_goview_root_type(view));
	sd_error err;
	sd_error_clear(&err);
	sd_doc *out = sd_normalize(doc, view, oci, &w->o, NULL, &err);
	if (!out) {
		char e[1200];
		sd_error_format(&err, e, sizeof(e));
		snprintf(msg, ms, "not written: %s", e);
		return -1;
	}
	sd_buf b = SD_BUF_INIT;
	sd_write_opts wo = { format_for(w, doc), 0, false, SD_JSON_ESCAPE_WRITER };
	sd_write_shape shape = { 0 };
	if (u->writable[side] && wo.to == sd_doc_format(doc))   /* the source's shape */
		sd_write_detect_file_shape(u->file[side], &shape);
	wo.go_numbers = wo.to == SD_FORMAT_JSON && sd_doc_format(doc) == SD_FORMAT_YAML;
	sd_write_node_shaped(&b, sd_doc_root(out), &wo, &shape);
	sd_doc_free(out);
	sd_write_info info;
	bool made = false;
	int r = backup_existing(w->file, &made, msg, ms);
	if (!r && (r = sd_write_file(w->file, b.data, b.len, &info, &err)) != 0) {
		char e[1200];
		sd_error_format(&err, e, sizeof(e));
		snprintf(msg, ms, "write failed, %.500s is unchanged: %.1000s", w->file, e);
		if (made) {   /* the original is intact: no backup needed */
			char bak[1100];
			snprintf(bak, sizeof(bak), "%s.orig", w->file);
			unlink(bak);
		}
	} else if (!r) {
		snprintf(msg, ms, "wrote %s to %s (%zu bytes, %s)%s%s", side_name(side), w->file, b.len,
			 wo.to == SD_FORMAT_YAML ? "yaml" : "json", made ? "; the old one kept as .orig" : "",
			 info.links > 1 ? "; its other hard links keep the old content" : "");
	}
	sd_buf_release(&b);
	return r;
}

/* An existing file is replaced only after w confirms it, the other side's
 * input (the checkpoint spec, say) only after two: a wrong name typed at
 * the prompt must not destroy the one copy of a spec.  Returns true when
 * the write may go ahead now. */
static bool write_confirmed(sd_ui *u, const char *text, const write_req *w, bool others)
{
	if (u->confirm == SD_CONFIRM_WRITE && u->write_asks == 0 && !strcmp(u->write_pending, text)) {
		u->confirm = SD_CONFIRM_NONE;
		return true;
	}
	if (access(w->file, F_OK) != 0)
		return true;
	u->confirm = SD_CONFIRM_WRITE;
	u->write_asks = others ? 2 : 1;
	snprintf(u->write_pending, sizeof(u->write_pending), "%s", text);
	if (others)
		sd_ui_message(u, SD_ROLE_ERROR, "%.300s is %s's input: w twice more overwrites it "
			      "(the old one kept as .orig), Esc cancels", w->file, side_name(!u->write_side));
	else
		sd_ui_message(u, SD_ROLE_ERROR, "%.300s exists: w overwrites it (the old one kept as "
			      ".orig), Esc cancels", w->file);
	return false;
}

/* w while a write waits for confirmation. */
static void confirm_write(sd_ui *u)
{
	if (--u->write_asks > 0) {
		sd_ui_message(u, SD_ROLE_ERROR, "%.300s is %s's input: w once more overwrites it, "
			      "Esc cancels", u->write_pending, side_name(!u->write_side));
		return;
	}
	char text[sizeof u->write_pending];
	snprintf(text, sizeof(text), "%s", u->write_pending);
	sd_ui_write(u, text);
}

void sd_ui_write(sd_ui *u, const char *text)
{
	char buf[1024], err[600];
	snprintf(buf, sizeof(buf), "%s", text);
	write_req w;
	if (parse_write(&w, buf, err, sizeof(err))) {
		u->confirm = SD_CONFIRM_NONE;
		sd_ui_message(u, SD_ROLE_ERROR, "%s", err);
		return;
	}
	int side = u->write_side;
	bool own = u->writable[side] && is_side_file(u, side, w.file);
	int other = !side;
	bool others = u->stamp[other].valid && is_side_file(u, other, w.file);
	if (!write_confirmed(u, text, &w, others))
		return;
	char msg[1600];
	if (write_side(u, side, &w, msg, sizeof(msg))) {
		sd_ui_message(u, SD_ROLE_ERROR, "%s", msg);
		return;
	}
	if (own)
		adopt_written(u, side);
	else if (others)
		sd_ui_check_files(u);   /* the other side's file changed: offer r */
	sd_ui_message(u, SD_ROLE_MESSAGE, "%s", msg);
}

static void start_write(sd_ui *u)
{
	int side = u->pane;
	u->write_side = side;
	u->prompting = true;
	u->prompt_kind = SD_PROMPT_WRITE;
	snprintf(u->prompt_label, sizeof(u->prompt_label),
		 "write %s [--empty keep|omit|explicit --order source|go|sorted --to json|yaml]: ",
		 side_name(side));
	snprintf(u->prompt, sizeof(u->prompt), "%s", u->writable[side] ? u->file[side] : "");
}

/* ---- reload and $EDITOR ---------------------------------------------------- */

bool sd_ui_reload(sd_ui *u)
{
	if (!u->reload) {
		sd_ui_message(u, SD_ROLE_ERROR, "cannot reload these inputs");
		return false;
	}
	sd_doc *d[2] = { NULL, NULL };
	sd_goview *v[2] = { NULL, NULL };
	char err[2][1200] = { "", "" };
	for (int s = 0; s < 2; s++) {
		if (u->reload(u->reload_ctx, s, &d[s], &v[s], err[s], sizeof(err[s]))) {
			for (int t = 0; t < s; t++) {
				sd_goview_free(v[t]);
				sd_doc_free(d[t]);
			}
			sd_ui_message(u, SD_ROLE_ERROR, "not reloaded: %s", err[s]);
			return false;
		}
	}
	char path[1024];
	snprintf(path, sizeof(path), "%s", cur_path(u));
	sd_history_reset(u->hist, d, v);
	for (int s = 0; s < 2; s++)
		side_file(u, s, d[s]);
	state_changed(u, path);
	if (err[0][0] || err[1][0])
		sd_ui_message(u, SD_ROLE_ERROR, "reloaded; Go cannot decode: %s", err[0][0] ? err[0] : err[1]);
	else
		sd_ui_message(u, SD_ROLE_MESSAGE, "reloaded %s and %s%s", u->input[0], u->input[1],
			      sd_diff_equal(u->diff, u->ro.mode) ? " - equal" : "");
	return true;
}

/* The selected node's line on side, or its nearest ancestor's. */
static unsigned node_line(const sd_ui *u, int side)
{
	const sd_pair *p = u->cur < u->rows.n ? u->rows.v[u->cur].pair : NULL;
	for (; p; p = p->parent) {
		const sd_node *n = side ? p->right : p->left;
		if (n && n->line)
			return n->line;
	}
	return 1;
}

/* Runs the editor on the terminal and waits; the explorer ignores ^C
 * meanwhile (it is the editor's).  Returns its exit status, -1 if it did
 * not run. */
static int run_editor(const char *file, unsigned line)
{
	/* VISUAL first, as git, less and the man page have it */
	const char *ed = getenv("VISUAL");
	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	char cmd[1200], plus[32];
	snprintf(cmd, sizeof(cmd), "%s \"$@\"", ed);   /* EDITOR may carry options, as git allows */
	snprintf(plus, sizeof(plus), "+%u", line);
	struct sigaction ign, old_int, old_quit;
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		execl("/bin/sh", "sh", "-c", cmd, "sh", plus, file, (char *)NULL);
		_exit(127);
	}
	int status = -1;
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	if (pid < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

static void editor(sd_ui *u)
{
	int side = u->pane;
	for (int s = 0; s < 2; s++)
		if (sd_ui_modified(u, s)) {
			sd_ui_message(u, SD_ROLE_ERROR, "unsaved changes to %s: write (w) or undo (u) them "
				      "first - E reloads both files", side_name(s));
			return;
		}
	if (!u->file[side][0] || !u->stamp[side].valid || sd_doc_container(u->doc[side])) {
		sd_ui_message(u, SD_ROLE_ERROR, "%s is not a file an editor can open", side_name(side));
		return;
	}
	unsigned line = node_line(u, side);
	def_prog_mode();
	endwin();
	int st = run_editor(u->file[side], line);
	reset_prog_mode();
	clearok(curscr, TRUE);
	if (sd_ui_reload(u) && st != 0)
		sd_ui_message(u, SD_ROLE_ERROR, st < 0 ? "could not start the editor" :
			      "the editor exited with status %d; files reloaded", st);
}

/* ---- dispatch --------------------------------------------------------------- */

static bool reload_key(sd_ui *u)
{
	for (int s = 0; s < 2; s++)
		if (sd_ui_modified(u, s) && u->confirm != SD_CONFIRM_RELOAD) {
			u->confirm = SD_CONFIRM_RELOAD;
			sd_ui_message(u, SD_ROLE_ERROR, "unsaved changes to %s: r again discards them and "
				      "reloads, Esc cancels", sd_ui_modified(u, 0) && sd_ui_modified(u, 1)
				      ? "LEFT and RIGHT" : side_name(s));
			return true;
		}
	u->confirm = SD_CONFIRM_NONE;
	sd_ui_reload(u);
	return true;
}

/* `>` and `<` always change the side they point to: where the other side
 * has nothing, making them alike means deleting, and the message says so
 * (sd_edit_copy alone would copy the other way). */
static void copy_toward(sd_ui *u, const sd_pair *p, int to)
{
	const sd_doc *const docs[2] = { u->doc[0], u->doc[1] };
	const sd_node *src = to ? p->left : p->right;
	sd_edit e;
	if (src || !(to ? p->right : p->left)) {
		apply_edit(u, sd_edit_copy(docs, p, !to, &e), &e);
		return;
	}
	int r = sd_edit_delete(docs, p, to, &e);
	if (!r)
		snprintf(e.msg, sizeof(e.msg), "%s has nothing at %.200s: deleted it from %s to match",
			 side_name(!to), e.path, side_name(to));
	apply_edit(u, r, &e);
}

bool sd_ui_edit_action(sd_ui *u, sd_action a)
{
	const sd_pair *p = u->cur < u->rows.n ? u->rows.v[u->cur].pair : NULL;
	const sd_doc *const docs[2] = { u->doc[0], u->doc[1] };
	sd_edit e;
	switch (a) {
	case SD_ACT_COPY_TO_RIGHT:
	case SD_ACT_COPY_TO_LEFT:
		if (p)
			copy_toward(u, p, a == SD_ACT_COPY_TO_RIGHT);
		return true;
	case SD_ACT_DIFF_PUT:      /* vimdiff dp: the focused pane's node to the other */
	case SD_ACT_DIFF_OBTAIN:   /* vimdiff do: the other pane's node into this one */
		if (p)
			copy_toward(u, p, a == SD_ACT_DIFF_PUT ? !u->pane : u->pane);
		return true;
	case SD_ACT_TOGGLE_EMPTY:
		if (p)
			apply_edit(u, sd_edit_toggle_empty(docs, p, u->pane, &e), &e);
		return true;
	case SD_ACT_DELETE:
		if (p)
			apply_edit(u, sd_edit_delete(docs, p, u->pane, &e), &e);
		return true;
	case SD_ACT_UNDO: undo_redo(u, false); return true;
	case SD_ACT_REDO: undo_redo(u, true); return true;
	case SD_ACT_WRITE:
		if (u->confirm == SD_CONFIRM_WRITE)
			confirm_write(u);
		else
			start_write(u);
		return true;
	case SD_ACT_EDITOR: editor(u); return true;
	case SD_ACT_RELOAD: return reload_key(u);
	default: return false;
	}
}
