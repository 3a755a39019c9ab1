#!/usr/bin/env bash
# check-ui.sh [SOURCE-ROOT]: are the GtkBuilder files in ui/ valid?
#
# Each ui/**/*.ui is validated by this GTK's `gtk4-builder-tool validate`,
# which builds every object and sets every property, so a misspelt class,
# property, signal or enum value is found. What that tool (GTK 4.8) cannot
# do by itself, and what is done about it:
#
# - It reports malformed XML (even an empty or truncated file) as valid:
#   each file is parsed as XML first and must have <interface> as its root.
# - It reports invalid property values only as warnings, exit code 0: any
#   output at all fails the check.
# - A <template class="MiriamWindow" parent="GtkApplicationWindow"> is
#   validated by deriving a fake MiriamWindow from the parent, so the
#   template's own GTK properties, children and signals are checked. Its
#   signal handlers, though, are looked up in the tool itself, where the
#   application's functions are not: every handler="..." is replaced by a
#   function that exists (g_thread_yield), so the signal names are still
#   checked, not the handler names (the GUI tests and the C compiler do).
# - The application's own classes (<object class="MiriamEmptyState">) are
#   unknown to it: each is replaced by its GTK parent, taken from its
#   G_DECLARE_FINAL_TYPE/G_DECLARE_DERIVABLE_TYPE in src/ or from its
#   template in ui/ (GtkWidget, which is abstract, by a GtkBox), and its
#   own <property> and <signal> elements, which the parent may not have,
#   are left out and listed as not checked here (the GUI tests build the
#   real thing).
#
# The rewritten copies keep every line where it was, so the messages point
# at the right line of the file in ui/.
#
# Needs a display: without one it runs itself again under xvfb-run (and
# is skipped, exit 77, when there is no xvfb-run).
#
# Copyright 2026 The MIRIAM developers
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

srcdir=$(cd "${1:-$(dirname "$0")/..}" && pwd)
cd "$srcdir"

mapfile -t files < <(find ui -name '*.ui' -type f 2>/dev/null | LC_ALL=C sort)
if [ "${#files[@]}" -eq 0 ]; then
  echo "check-ui: no .ui file in ui/: nothing to check"
  exit 77
fi

if ! command -v gtk4-builder-tool >/dev/null; then
  echo "check-ui: gtk4-builder-tool not found (Debian: libgtk-4-bin or libgtk-4-dev)"
  exit 1
fi
python=/usr/bin/python3
[ -x "$python" ] || python=python3
if ! command -v "$python" >/dev/null; then
  echo "check-ui: python3 not found"
  exit 1
fi

# gtk4-builder-tool 4.8 crashes without a display.
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  if [ -z "${CHECK_UI_UNDER_XVFB:-}" ] && command -v xvfb-run >/dev/null; then
    export CHECK_UI_UNDER_XVFB=1
    exec xvfb-run -a -s '-screen 0 1280x1024x24 -noreset' bash "$0" "$srcdir"
  fi
  echo "check-ui: no display and no xvfb-run: skipped"
  exit 77
fi
# Nothing but the tool's own verdict on stderr.
export NO_AT_BRIDGE=1 GTK_A11Y=none GSETTINGS_BACKEND=memory
unset GTK_DEBUG G_DEBUG

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Parse and rewrite into $tmp (same relative paths, same line numbers).
status=0
"$python" - "$tmp" "${files[@]}" <<'PYTHON' || status=$?
import os
import re
import sys
import xml.parsers.expat

outdir, files = sys.argv[1], sys.argv[2:]
errors = 0

# The application's classes and their parents.
parents = {}
declare = re.compile(
    r'G_DECLARE_(?:FINAL|DERIVABLE)_TYPE\s*\(\s*(\w+)\s*,\s*\w+\s*,'
    r'\s*\w+\s*,\s*\w+\s*,\s*(\w+)\s*\)')
for root, dirs, names in os.walk('src'):
    for name in names:
        if name.endswith(('.h', '.c')):
            with open(os.path.join(root, name), encoding='utf-8',
                      errors='replace') as f:
                for cls, parent in declare.findall(f.read()):
                    parents[cls] = parent


class Element:
    def __init__(self, name, attrs, start, line, parent):
        self.name, self.attrs, self.start, self.line = name, attrs, start, line
        self.parent = parent
        self.end = None
        self.children = []


def parse(path, data):
    parser = xml.parsers.expat.ParserCreate()
    root = None
    stack = []
    elements = []

    def start(name, attrs):
        nonlocal root
        e = Element(name, attrs, parser.CurrentByteIndex,
                    parser.CurrentLineNumber, stack[-1] if stack else None)
        if e.parent is not None:
            e.parent.children.append(e)
        else:
            root = e
        stack.append(e)
        elements.append(e)

    def end(name):
        e = stack.pop()
        i = parser.CurrentByteIndex
        if data.startswith(b'</' + name.encode(), i):
            e.end = data.index(b'>', i) + 1      # <x ...>...</x>
        else:
            e.end = i                            # <x .../>

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.Parse(data, True)
    return root, elements


documents = {}
for path in files:
    with open(path, 'rb') as f:
        data = f.read()
    try:
        root, elements = parse(path, data)
    except xml.parsers.expat.ExpatError as e:
        print(f'{path}:{e.lineno}:{e.offset + 1}: not well-formed XML: '
              f'{xml.parsers.expat.ErrorString(e.code)}')
        errors += 1
        continue
    if root is None or root.name != 'interface':
        print(f'{path}: the root element is <{root.name if root else ""}>, '
              'not <interface>')
        errors += 1
        continue
    documents[path] = (data, elements)
    for e in elements:
        if e.name == 'template' and 'class' in e.attrs and 'parent' in e.attrs:
            parents.setdefault(e.attrs['class'], e.attrs['parent'])


def gtk_ancestor(cls):
    seen = set()
    while cls in parents and cls not in seen:
        seen.add(cls)
        cls = parents[cls]
    return cls


# An object cannot be built from an abstract class: a concrete stand-in
# that takes children the same way.
STAND_IN = {'GtkWidget': 'GtkBox'}


def blank(data, start, end):
    """The bytes between start and end, replaced by their newlines."""
    return data[:start] + b'\n' * data.count(b'\n', start, end) + data[end:]


def set_attr(data, element, attr, value):
    """Give the attribute of element's start tag another value."""
    tag_end = data.index(b'>', element.start)
    pattern = re.compile(rb'(\s' + attr.encode() + rb'\s*=\s*)(["\'])[^"\']*\2')
    tag = pattern.sub(lambda m: m.group(1) + m.group(2) + value.encode()
                      + m.group(2), data[element.start:tag_end], count=1)
    return data[:element.start] + tag + data[tag_end:]


for path, (data, elements) in documents.items():
    edits = []      # (offset, kind, element, value), applied from the end
    handlers = 0
    blanked = set()
    for e in elements:
        if id(e) in blanked:
            continue
        if e.name == 'template':
            parent = e.attrs.get('parent', '')
            if parent in parents:
                edits.append((e.start, 'attr', e, ('parent', gtk_ancestor(parent))))
                print(f'{path}:{e.line}: template parent {parent} checked as '
                      f'{gtk_ancestor(parent)}')
        elif e.name == 'object' and e.attrs.get('class') in parents:
            cls = e.attrs['class']
            gtk = gtk_ancestor(cls)
            if gtk in STAND_IN:
                gtk = f'{STAND_IN[gtk]}'
                how = f'as a {gtk} (its GTK parent {gtk_ancestor(cls)} is abstract)'
            else:
                how = f'as its GTK parent {gtk}'
            dropped = []
            for c in e.children:
                if c.name in ('property', 'signal'):
                    edits.append((c.start, 'blank', c, None))
                    blanked.add(id(c))
                    dropped.append(f"{c.name} {c.attrs.get('name', '?')}")
            edits.append((e.start, 'attr', e, ('class', gtk)))
            note = f'; not checked here: {", ".join(dropped)}' if dropped else ''
            print(f'{path}:{e.line}: {cls} checked {how}{note}')
        elif e.name == 'signal' and 'handler' in e.attrs:
            handlers += 1
            edits.append((e.start, 'attr', e, ('handler', 'g_thread_yield')))
    for offset, kind, e, value in sorted(edits, key=lambda x: x[0], reverse=True):
        if kind == 'blank':
            data = blank(data, e.start, e.end)
        else:
            data = set_attr(data, e, *value)
    if handlers:
        print(f'{path}: {handlers} signal handler name(s) not checked here')
    out = os.path.join(outdir, path)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, 'wb') as f:
        f.write(data)

sys.exit(1 if errors else 0)
PYTHON

# Validate each file on its own (a template's fake type lives per process).
cd "$tmp"
for f in "${files[@]}"; do
  if [ ! -f "$f" ]; then
    status=1        # not parsed, already reported
    continue
  fi
  rc=0
  out=$(gtk4-builder-tool validate "$f" 2>&1) || rc=$?
  if [ "$rc" -ne 0 ] || [ -n "$out" ]; then
    echo "FAIL $f (exit code $rc):"
    printf '%s\n' "$out" | sed 's/^/  /'
    if printf '%s\n' "$out" | grep -q "Invalid object type 'Miriam"; then
      echo "  (an application class: declare it with G_DECLARE_FINAL_TYPE or"
      echo "   G_DECLARE_DERIVABLE_TYPE in src/, or give it a template in ui/,"
      echo "   so that its GTK parent is known)"
    fi
    status=1
  else
    echo "ok   $f"
  fi
done

exit "$status"
