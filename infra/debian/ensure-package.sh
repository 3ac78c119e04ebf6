#!/usr/bin/env bash
# For tests and CI: makes sure a command the tests run is installed from Debian — libxml2's xmllint (the
# IATI exports are validated against the XSD), Chromium (the portal's browser tests, the report's PDF) and poppler's
# pdftotext (the PDF's text read back).
#   bash infra/debian/ensure-package.sh <command> <debian package>
# Installs the package with apt-get when the command is missing and that is allowed (root, or sudo without
# a password); otherwise fails with the command to run. Says what it did.
set -euo pipefail

command_name="$1"
package="$2"
fail() { echo "$command_name: $*" >&2; exit 1; }

if command -v "$command_name" >/dev/null; then
  echo "$command_name: $(command -v "$command_name")"
  exit 0
fi

command -v apt-get >/dev/null ||
  fail "not installed, and apt-get is not available here; install it (Debian/Ubuntu: apt-get install -y $package)"
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  fail "not installed; run: sudo apt-get install -y $package"
fi

echo "$command_name: not installed; installing $package with apt-get"
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get install -y -q "$package" >/dev/null 2>&1; then
  "${as_root[@]}" apt-get update -q >/dev/null 2>&1 || fail "apt-get update failed; run: apt-get update && apt-get install -y $package"
  "${as_root[@]}" apt-get install -y -q "$package" >/dev/null || fail "apt-get install -y $package failed"
fi
command -v "$command_name" >/dev/null || fail "$package is installed but $command_name is not on PATH"
echo "$command_name: installed $package"
