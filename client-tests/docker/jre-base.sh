#!/usr/bin/env bash
# Makes a JRE 17 base image from Debian packages only, for machines that reach no image registry:
# debootstrap (minbase + openjdk-17-jre-headless + ca-certificates), updated from bookworm-updates and
# bookworm-security, trimmed (apt caches, docs, man pages, locales), then `docker import`ed with the
# config an image needs (PATH, JAVA_HOME, LANG). About 300 MB; 2-3 minutes, mostly downloads.
# The Dockerfile builds on it unchanged: --build-arg BASE_IMAGE=<TAG>.
#
# Usage: jre-base.sh [TAG]      (default dispatchsim/jre-base:17-bookworm)
# Needs root (debootstrap, chroot) and Debian packages; installs debootstrap when missing. The mirrors
# are the ones this machine's apt uses, unless DEBIAN_MIRROR / DEBIAN_SECURITY_MIRROR say otherwise.
set -euo pipefail

DEBIAN_MIRROR=${DEBIAN_MIRROR:-}
TAG=${1:-dispatchsim/jre-base:17-bookworm}
SUITE=bookworm   # Debian 12: its openjdk-17 is the JRE the image is tested with
JAVA_HOME_IN_IMAGE=/usr/lib/jvm/java-17-openjdk-amd64
say() { echo "jre-base: $*" >&2; }
fail() { say "$*"; exit 1; }

[[ $(id -u) -eq 0 ]] || fail "making the base image needs root (debootstrap, chroot)"

# The URI this machine's apt uses for a suite matching $1 (a regular expression), from one-line .list
# files and deb822 .sources files alike.
apt_uri() {
  local want=$1
  cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
    | awk -v want="$want" '$1 == "deb" { i = 2; if ($2 ~ /^\[/) while ($i !~ /\]$/) i++; if ($2 ~ /^\[/) i++;
                                          if (($(i + 1)) ~ want) { print $i; exit } }'
  cat /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | awk -v want="$want" 'BEGIN { RS = ""; FS = "\n" }
        { uri = ""; suites = ""
          for (i = 1; i <= NF; i++) {
            if ($i ~ /^URIs:/) { uri = $i; sub(/^URIs:[ \t]*/, "", uri); sub(/[ \t].*/, "", uri) }
            if ($i ~ /^Suites:/) suites = $i }
          if (uri != "" && suites ~ want) { print uri; exit } }'
}
# the host's own Debian release: its mirrors serve every release, bookworm included
HOST_CODENAME=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
[[ -n "$HOST_CODENAME$DEBIAN_MIRROR" ]] || HOST_CODENAME=unknown-release
MIRROR=${DEBIAN_MIRROR:-$(apt_uri "(^| )$HOST_CODENAME( |\$)" | head -n1)}
SECURITY_MIRROR=${DEBIAN_SECURITY_MIRROR:-$(apt_uri "(^| )$HOST_CODENAME-security( |\$)" | head -n1)}
[[ -n "$MIRROR" && -n "$SECURITY_MIRROR" ]] \
  || fail "cannot tell which Debian mirrors this machine's apt uses (found '${MIRROR}' and '${SECURITY_MIRROR}'); set DEBIAN_MIRROR and DEBIAN_SECURITY_MIRROR"

if ! command -v debootstrap >/dev/null; then
  say "installing debootstrap"
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq debootstrap >/dev/null
fi

ROOT=$(mktemp -d /var/tmp/dispatchsim-jre-base.XXXXXX)
cleanup() {
  umount "$ROOT/proc" 2>/dev/null || true
  rm -rf "$ROOT" "$ROOT.log"
}
trap cleanup EXIT

say "debootstrap $SUITE from $MIRROR (log: $ROOT.log)"
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates "$SUITE" "$ROOT" "$MIRROR" \
  >"$ROOT.log" 2>&1 || { tail -n 30 "$ROOT.log" >&2; fail "debootstrap failed"; }

# debootstrap knows one suite: add updates and security, so the JRE gets its fixes
cat >"$ROOT/etc/apt/sources.list" <<SOURCES
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb $SECURITY_MIRROR $SUITE-security main
SOURCES
# like Debian's official images: later apt-get installs bring no docs, man pages or locales, keep no caches
cat >"$ROOT/etc/dpkg/dpkg.cfg.d/01-docker-minimal" <<'DPKG'
path-exclude=/usr/share/doc/*
path-include=/usr/share/doc/*/copyright
path-exclude=/usr/share/man/*
path-exclude=/usr/share/info/*
path-exclude=/usr/share/locale/*
path-include=/usr/share/locale/locale.alias
path-exclude=/usr/share/lintian/*
DPKG
cat >"$ROOT/etc/apt/apt.conf.d/docker-clean" <<'APT'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
APT
echo 'APT::Install-Recommends "false";' >"$ROOT/etc/apt/apt.conf.d/docker-no-recommends"

say "upgrading from $SUITE-updates and $SUITE-security"
# java needs /proc even to start (its launcher finds libjli through /proc/self/exe); no service may start
mount --bind /proc "$ROOT/proc"
printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d"
chmod +x "$ROOT/usr/sbin/policy-rc.d"
chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
  sh -c 'apt-get update -qq && apt-get -y -qq -o Dpkg::Options::=--force-confold dist-upgrade && apt-get clean' \
  >>"$ROOT.log" 2>&1 || { tail -n 30 "$ROOT.log" >&2; fail "the upgrade in the chroot failed"; }
rm -f "$ROOT/usr/sbin/policy-rc.d"
umount "$ROOT/proc"

say "trimming"
rm -rf "$ROOT"/var/cache/apt/archives/*.deb "$ROOT"/var/cache/apt/*.bin "$ROOT"/var/lib/apt/lists/* \
       "$ROOT"/var/cache/debconf/*-old "$ROOT"/var/lib/dpkg/*-old "$ROOT"/var/log/* \
       "$ROOT"/usr/share/man/* "$ROOT"/usr/share/info/* "$ROOT"/usr/share/lintian \
       "$ROOT"/tmp/* "$ROOT"/var/tmp/* "$ROOT"/root/.cache
find "$ROOT/usr/share/doc" -mindepth 1 ! -name copyright ! -type d -delete
find "$ROOT/usr/share/doc" -mindepth 1 -type d -empty -delete
find "$ROOT/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} +
: >"$ROOT/etc/machine-id"
# Docker mounts its own resolv.conf, hostname and hosts into every container
rm -f "$ROOT/etc/resolv.conf"
: >"$ROOT/etc/hostname"
[[ -x "$ROOT$JAVA_HOME_IN_IMAGE/bin/java" ]] || fail "no java at $JAVA_HOME_IN_IMAGE in the root file system"

say "importing as $TAG"
tar --numeric-owner -C "$ROOT" -c . | docker import \
  -c "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  -c "ENV JAVA_HOME=$JAVA_HOME_IN_IMAGE" \
  -c "ENV LANG=C.UTF-8" \
  -c 'CMD ["/bin/bash"]' \
  -m "debootstrap --variant=minbase $SUITE + openjdk-17-jre-headless, updated, trimmed" \
  - "$TAG" >/dev/null
say "$TAG: $(docker run --rm "$TAG" java -version 2>&1 | head -n1)"
