#!/bin/sh
# Installs the Debian packages specdiff needs to build and test, if missing.
# Says what it installs; uses sudo when not root.  Set SPECDIFF_NO_APT=1 to
# skip (the build then fails with pkg-config's message if something lacks).
set -eu
pkgs="gcc make pkg-config libncurses-dev libyaml-dev libjansson-dev libcmocka-dev tmux man-db groff-base bsdutils"
[ -n "${SPECDIFF_EXTRA_PKGS:-}" ] && pkgs="$pkgs $SPECDIFF_EXTRA_PKGS"
[ "${SPECDIFF_NO_APT:-0}" = 1 ] && exit 0
missing=""
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
echo "specdiff: installing missing packages:$missing"
if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	echo "specdiff: not root and no sudo; please install:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing
