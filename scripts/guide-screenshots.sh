#!/bin/sh
# Copies the screenshots that the browser tests take of the real UI into docs/images, under the
# names the user guides use, so that the guides show what the product looks like now:
#
#   ctest --test-dir build -R '^e2e\.(sharing|recipient_page|time_zone_setting)$' &&
#     sh scripts/guide-screenshots.sh build
#
# Most pictures come from e2e.sharing (the main path in both languages); the print view and the
# admin's time zone from the tests of those screens.
#
# Only pictures the guides reference are copied; a referenced picture the test did not take is
# reported (and the exit status is 1), so a renamed screenshot cannot leave a guide behind.
set -eu
build=${1:?usage: guide-screenshots.sh BUILD_DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
shots="$build/artifacts/e2e/sharing"
[ -d "$shots" ] || { echo "no screenshots in $shots: run ctest -R '^e2e\\.sharing\$' first" >&2; exit 1; }
# The pictures taken by other tests: "<test folder>/<its name>" and the guides' name.
others="recipient_page/en-03-print-view-screen.png en-print-view.png
recipient_page/de-03-print-view-screen.png de-druckansicht.png
recipient_page/de-05-phone.png de-handy.png
recipient_page/en-05-phone.png en-phone.png
time_zone_setting/en-zone-changed.png en-admin-time-zone.png"

# The test's name for a picture: "<lang>-<step>-<name>.png". The German recipient pages are taken
# under their English names.
guide_name() {
  echo "$1" | sed -E 's/^(de|en)-[0-9]+-/\1-/;
    s/^de-recipient-code-entry/de-empfaenger-code-eingeben/;
    s/^de-recipient-code-request/de-empfaenger-code-anfordern/;
    s/^de-recipient-password/de-empfaenger-passwort/'
}

wanted=$(grep -ohE 'images/[a-z0-9-]+\.png' "$here/docs/user-guide.en.md" "$here/docs/user-guide.de.md" |
  sed 's|images/||' | sort -u)
copied=""
for shot in "$shots"/*.png; do
  name=$(guide_name "$(basename "$shot")")
  if echo "$wanted" | grep -qx "$name"; then
    cp "$shot" "$here/docs/images/$name"
    copied="$copied $name"
  fi
done
echo "$others" | while read -r from name; do
  if echo "$wanted" | grep -qx "$name" && [ -f "$build/artifacts/e2e/$from" ]; then
    cp "$build/artifacts/e2e/$from" "$here/docs/images/$name"
  fi
done
copied="$copied $(echo "$others" | while read -r from name; do
  [ -f "$build/artifacts/e2e/$from" ] && printf '%s ' "$name"; done)"
missing=0
for name in $wanted; do
  case " $copied " in
    *" $name "*) ;;
    *) echo "not taken by the browser tests: $name" >&2; missing=1 ;;
  esac
done
echo "copied $(echo "$copied" | wc -w) screenshots into docs/images"
exit $missing
