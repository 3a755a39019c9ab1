#!/usr/bin/env bash
# check-po.sh [SOURCE-ROOT]: are the translations complete?
#
# 1. Every file under src/, ui/ and data/ that has translatable strings is
#    listed in po/POTFILES.in.
# 2. A fresh template is extracted from po/POTFILES.in with the same xgettext
#    command as meson's i18n.gettext(preset: 'glib') (the `miriam-pot`
#    target), so a string added to the sources counts even before anyone
#    updates the catalogues.
# 3. Each catalogue in po/LINGUAS (which must name nl, fr and de) is merged
#    with that template in a temporary directory, as `miriam-update-po`
#    would, and must then have no untranslated and no fuzzy entry, and pass
#    `msgfmt --check`; so must the catalogue as it is in po/.
#
# Nothing in the source tree is changed. Exit 0 when all is well, 1 with a
# list of what is missing otherwise.
#
# Copyright 2026 The MIRIAM developers
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

srcdir=$(cd "${1:-$(dirname "$0")/..}" && pwd)
podir=$srcdir/po
package=miriam
required_languages=(nl fr de)

for tool in xgettext msgmerge msgattrib msgfmt; do
  if ! command -v "$tool" >/dev/null; then
    echo "check-po: $tool not found (Debian: apt-get install gettext)" >&2
    exit 1
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# meson's mesonbuild/modules/i18n.py, PRESET_ARGS['glib'], and the command
# of mesonbuild/scripts/gettext.py (run_potgen).
# shellcheck disable=SC2054 # xgettext's own commas
xgettext_args=(
  --package-name="$package"
  -D "$srcdir"
  -k_
  --from-code=UTF-8
  --add-comments
  --keyword=_
  --keyword=N_
  --keyword=C_:1c,2
  --keyword=NC_:1c,2
  --keyword=g_dcgettext:2
  --keyword=g_dngettext:2,3
  --keyword=g_dpgettext2:2c,3
  --flag=N_:1:pass-c-format
  --flag=C_:2:pass-c-format
  --flag=NC_:2:pass-c-format
  --flag=g_dngettext:2:pass-c-format
  --flag=g_strdup_printf:1:c-format
  --flag=g_string_printf:2:c-format
  --flag=g_string_append_printf:2:c-format
  --flag=g_error_new:3:c-format
  --flag=g_set_error:4:c-format
  --flag=g_markup_printf_escaped:1:c-format
  --flag=g_log:3:c-format
  --flag=g_print:1:c-format
  --flag=g_printerr:1:c-format
  --flag=g_printf:1:c-format
  --flag=g_fprintf:2:c-format
  --flag=g_sprintf:2:c-format
  --flag=g_snprintf:3:c-format
)

failed=0
fail() {
  printf '%s\n' "$*"
  failed=1
}

cd "$srcdir"

# --- 1. POTFILES.in is complete ---------------------------------------------

listed=$tmp/listed
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$podir/POTFILES.in" | LC_ALL=C sort -u >"$listed"

while IFS= read -r f; do
  if [ ! -f "$f" ]; then
    fail "po/POTFILES.in names $f, which does not exist"
  fi
done <"$listed"

for dir in src ui data; do
  [ -d "$dir" ] || continue
  find "$dir" -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' \
                         -o -name '*.desktop.in' -o -name '*.metainfo.xml.in' \) -print
done | LC_ALL=C sort >"$tmp/candidates"

while IFS= read -r f; do
  if grep -qxF -- "$f" "$listed"; then
    continue
  fi
  # The same extraction on this file alone: does it yield any message?
  rm -f "$tmp/one.pot"
  if ! xgettext "${xgettext_args[@]}" -o "$tmp/one.pot" "$f" 2>"$tmp/one.err"; then
    fail "xgettext fails on $f (which is not in po/POTFILES.in):"
    sed 's/^/  /' "$tmp/one.err"
  elif [ -s "$tmp/one.pot" ]; then
    fail "$f has translatable strings but is not listed in po/POTFILES.in, e.g.:"
    grep '^msgid "' "$tmp/one.pot" | grep -vx 'msgid ""' | head -n 3 | sed 's/^/  /'
  fi
done <"$tmp/candidates"

# --- 2. A fresh template ------------------------------------------------------

pot=$tmp/$package.pot
if ! xgettext "${xgettext_args[@]}" --force-po -f "$podir/POTFILES.in" -o "$pot" \
       2>"$tmp/xgettext.err"; then
  echo "check-po: xgettext fails on the files of po/POTFILES.in:"
  sed 's/^/  /' "$tmp/xgettext.err"
  exit 1
fi
# Warnings (e.g. about format strings) do not stop xgettext: show them.
if [ -s "$tmp/xgettext.err" ]; then
  echo "xgettext warnings:"
  sed 's/^/  /' "$tmp/xgettext.err"
fi
messages=$(( $(grep -c '^msgid ' "$pot") - 1 ))   # minus the header
echo "template: $messages messages from $(wc -l <"$listed") files in po/POTFILES.in"

# --- 3. Each catalogue --------------------------------------------------------

languages=()
if [ -f "$podir/LINGUAS" ]; then
  read -r -a languages <<<"$(sed -e 's/#.*//' "$podir/LINGUAS" | tr '\n' ' ')"
fi
for lang in "${required_languages[@]}"; do
  if ! printf '%s\n' "${languages[@]}" | grep -qxF "$lang"; then
    fail "po/LINGUAS does not name $lang"
  fi
done

# The entries of a catalogue, without its header, one per line:
# "file:line<TAB>[context] "msgid"".
summarize() {
  awk '
    /^#: /           { if (loc == "") loc = $2; next }
    /^msgctxt /      { ctxt = "[" substr($0, 9) "] "; next }
    /^msgid /        { id = substr($0, 7); st = 1; next }
    /^msgid_plural / { st = 2; next }
    /^"/             { if (st == 1) id = (id == "\"\"" ? $0 : id $0); next }
    /^msgstr/ {
      if (st && id != "\"\"") print loc "\t" ctxt id
      st = 0; loc = ""; ctxt = ""; id = ""
    }
  ' "$1"
}

# Lines "file:line<TAB>message<TAB>language<TAB>problem", for the end.
problems=$tmp/problems
: >"$problems"
summary=()

for lang in "${languages[@]}"; do
  po=$podir/$lang.po
  merged=$tmp/$lang.po
  if [ ! -f "$po" ]; then
    fail "$lang: po/$lang.po does not exist"
    continue
  fi

  if ! msgfmt --check -o /dev/null "$po" 2>"$tmp/msgfmt.err"; then
    fail "$lang: msgfmt --check fails on po/$lang.po:"
    sed 's/^/  /' "$tmp/msgfmt.err"
    continue
  fi
  if awk '/^msgid / { exit } /^#,.*fuzzy/ { f = 1 } END { exit !f }' "$po"; then
    fail "$lang: the header of po/$lang.po is marked fuzzy"
  fi

  if ! msgmerge --quiet -o "$merged" "$po" "$pot" 2>"$tmp/msgmerge.err"; then
    fail "$lang: msgmerge fails:"
    sed 's/^/  /' "$tmp/msgmerge.err"
    continue
  fi
  if ! msgfmt --check --statistics -o /dev/null "$merged" 2>"$tmp/msgfmt.err"; then
    fail "$lang: msgfmt --check fails once merged with the sources:"
    sed 's/^/  /' "$tmp/msgfmt.err"
  else
    summary+=("$lang: $(cat "$tmp/msgfmt.err")")
  fi

  msgattrib --force-po --untranslated --no-obsolete --no-wrap -o "$tmp/untranslated.po" "$merged"
  msgattrib --force-po --only-fuzzy --no-obsolete --no-wrap -o "$tmp/fuzzy.po" "$merged"
  summarize "$tmp/untranslated.po" | sed "s/\$/\t$lang\tuntranslated/" >>"$problems"
  summarize "$tmp/fuzzy.po" | sed "s/\$/\t$lang\tfuzzy/" >>"$problems"
  if grep -qF $'\t'"$lang"$'\t' "$problems"; then
    failed=1
  fi
done

# One line per message, with the languages that lack it, in source order.
if [ -s "$problems" ]; then
  echo
  echo "Messages to translate (untranslated, or fuzzy: check, then remove the flag):"
  sort -t "$(printf '\t')" -k1,1V -k2,2 -s "$problems" | awk -F '\t' '
    { key = $1 "\t" $2
      if (key != last) { if (last != "") print line; line = sprintf("  %-36s %s  --", $1, $2); last = key }
      line = line " " $3 ($4 == "fuzzy" ? " (fuzzy)" : "") }
    END { if (last != "") print line }'
fi

echo
for line in "${summary[@]}"; do
  echo "$line"
done

if [ "$failed" -ne 0 ]; then
  echo
  echo "check-po: FAILED, see above. To bring po/*.po up to date with the sources:"
  echo "  meson compile -C <builddir> $package-update-po"
  echo "then translate the entries listed above."
  exit 1
fi
echo "All catalogues are complete."
