#!/usr/bin/env bash
# check-merged.sh DESKTOP-FILE METAINFO-FILE [SOURCE-ROOT]
#
# Do the translations reach the merged desktop entry and AppStream file?
# The application's summary ("Files, calendar and progress of MIRIAM
# groups") is both the desktop entry's Comment and the metainfo's <summary>.
# For every language of po/LINGUAS whose catalogue translates it (not
# fuzzy), the merged desktop file must have Comment[LANG]=<translation> and
# the merged metainfo <summary xml:lang="LANG"><translation></summary>.
# Languages that do not translate it yet are listed and not checked; when
# none does, the test is skipped (exit 77), since there is nothing to see.
#
# Copyright 2026 The MIRIAM developers
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 DESKTOP-FILE METAINFO-FILE [SOURCE-ROOT]" >&2
  exit 2
fi
desktop=$1
metainfo=$2
srcdir=$(cd "${3:-$(dirname "$0")/..}" && pwd)
summary='Files, calendar and progress of MIRIAM groups'

for f in "$desktop" "$metainfo"; do
  if [ ! -s "$f" ]; then
    echo "check-merged: $f does not exist or is empty"
    exit 1
  fi
done
if ! grep -qxF "Comment=$summary" "$desktop"; then
  echo "check-merged: $desktop does not have the summary as its Comment"
  exit 1
fi
if ! grep -qF "<summary>$summary</summary>" "$metainfo"; then
  echo "check-merged: $metainfo does not have the summary as its <summary>"
  exit 1
fi

# The translation of $summary in a catalogue, empty if none (or fuzzy).
# shellcheck disable=SC2016 # $MSGEXEC_MSGID and $0 are for that sh
translation() {
  msgattrib --translated --no-fuzzy --no-obsolete "$1" |
    msggrep --msgid -F -e "$summary" |
    msgexec -i - sh -c '[ "$MSGEXEC_MSGID" = "$0" ] && cat || true' "$summary"
}

xml_escape() {
  sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'
}

read -r -a languages <<<"$(sed -e 's/#.*//' "$srcdir/po/LINGUAS" | tr '\n' ' ')"
checked=0
failed=0
for lang in "${languages[@]}"; do
  tr=$(translation "$srcdir/po/$lang.po")
  if [ -z "$tr" ]; then
    echo "$lang: the summary is not translated yet: not checked"
    continue
  fi
  checked=$((checked + 1))
  if grep -qxF "Comment[$lang]=$tr" "$desktop"; then
    echo "$lang: desktop entry: ok"
  else
    echo "$lang: desktop entry: no \"Comment[$lang]=$tr\" in $desktop"
    failed=1
  fi
  tr_xml=$(printf '%s' "$tr" | xml_escape)
  if grep -qF "<summary xml:lang=\"$lang\">$tr_xml</summary>" "$metainfo"; then
    echo "$lang: metainfo: ok"
  else
    echo "$lang: metainfo: no <summary xml:lang=\"$lang\">$tr_xml</summary> in $metainfo"
    failed=1
  fi
done

if [ "$failed" -ne 0 ]; then
  exit 1
fi
if [ "$checked" -eq 0 ]; then
  echo "No catalogue translates the summary yet: skipped."
  exit 77
fi
