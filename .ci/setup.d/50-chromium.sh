# Browser tests (tests/web/): Debian's Chromium, driven by Playwright's Python package
# through its executable path (Playwright's own browser download needs the internet).
# Sourced by .ci/run after the virtualenv is active; runs as root on a fresh Debian machine.
if ! command -v chromium >/dev/null 2>&1; then
  echo "installing chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q chromium chromium-driver >/dev/null
fi
THAW_CHROMIUM="$(command -v chromium)"
export THAW_CHROMIUM
# the tests must run, not skip: tests/web/conftest.py fails when CI=true and Chromium is missing
echo "chromium: $("$THAW_CHROMIUM" --version 2>/dev/null || echo missing)"
