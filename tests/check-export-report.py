#!/usr/bin/python3
# check-export-report.py: progress reports from the command line
#
# Copyright 2026 The MIRIAM developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-export-report.py MIRIAM MAKE-DEMO
#
# Makes a demonstration database with MAKE-DEMO (two cohorts of two
# groups), runs "MIRIAM --export-report" on it without any display, in
# Dutch, French and German, and reads the PDF back with pdfinfo and
# pdftotext: the number of pages (a cover, the group page and one page per
# woman; for a cohort a cover, the cohorts side by side and one page per
# group), the life domains in the language asked for, the page size, and
# that no real name is left when the names are pseudonymised.  The
# expectations come from the database itself (sqlite3) and from the
# glossary, never from the report.  Exit status 77 (skipped) without
# poppler-utils.

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
import unittest

MIRIAM = None
MAKE_DEMO = None

# Three life domains per language, as the glossary names them.
DOMAINS = {
    "nl": ["wonen", "gezondheid", "mobiliteit"],
    "fr": ["logement", "santé", "mobilité"],
    "de": ["wohnen", "gesundheit", "mobilität"],
}
ENGLISH_DOMAINS = ["housing", "health", "mobility"]

# A4 in points, as pdfinfo prints it.
A4_PORTRAIT = (595, 842)


def run_miriam(*args, lang="nl"):
    """Runs MIRIAM as a script would: no display at all, a home of its own."""
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    home = tempfile.mkdtemp(prefix="miriam-report-home-")
    env.update({
        "HOME": home,
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
        "XDG_DATA_HOME": os.path.join(home, "data"),
    })
    try:
        return subprocess.run([MIRIAM, "--language", lang] + list(args), env=env,
                              capture_output=True, text=True, timeout=120)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    return pages, (round(float(size.group(1))), round(float(size.group(2))))


def pdf_text(path, page=None):
    args = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run(args + [path, "-"], check=True, capture_output=True,
                          text=True).stdout


def flat(text):
    """Lower case, one space between words: a label may wrap on paper."""
    return " ".join(text.lower().split())


class ExportReport(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="miriam-report-")
        cls.db = os.path.join(cls.dir, "demo.sqlite")
        # Mid-year: the older cohort is finished, the newer one running.
        subprocess.run([MAKE_DEMO, cls.db, "--today", "2026-03-16", "--cohorts", "2"], check=True)
        with sqlite3.connect(cls.db) as db:
            cls.groups = db.execute(
                "SELECT g.id, g.name, c.label FROM coaching_group g JOIN cohort c ON c.id = g.cohort_id "
                "ORDER BY c.start_date, g.name").fetchall()
            cls.cohorts = [label for (label,) in db.execute("SELECT label FROM cohort ORDER BY start_date")]
            cls.women = {}
            for group_id, _, _ in cls.groups:
                cls.women[group_id] = db.execute(
                    "SELECT DISTINCT p.first_name, p.last_name FROM membership m "
                    "JOIN participant p ON p.id = m.participant_id WHERE m.group_id = ?",
                    (group_id,)).fetchall()
            cls.staff = [name for (name,) in db.execute("SELECT display_name FROM staff")]
        assert len(cls.cohorts) == 2 and len(cls.groups) == 4, "the demo changed: two cohorts of two groups"

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def out(self, name):
        return os.path.join(self.dir, name)

    def export(self, out, *args, lang="nl"):
        result = run_miriam("--database", self.db, "--export-report", out, *args, lang=lang)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(os.path.exists(out), "no report written")
        self.assertIn(os.path.basename(out), result.stdout)
        return result

    def colleague_has(self, name):
        """A casemanager (named on the cover) may share a woman's name."""
        return any(flat(name) in flat(colleague) for colleague in self.staff)

    def assert_name_absent(self, name, text, message):
        if self.colleague_has(name):
            return
        if " " in flat(name):
            self.assertNotIn(flat(name), flat(text), message)
        else:
            self.assertNotIn(flat(name), flat(text).split(), message)

    def assert_no_names(self, text, women, where):
        for first, last in women:
            self.assertNotIn(flat("%s %s" % (first, last)), flat(text), "%s: a full name is left" % where)
            self.assert_name_absent(last, text, "%s: a last name is left" % where)

    # -- A group report ------------------------------------------------

    def check_group_report(self, lang):
        group_id, name, cohort = self.groups[0]
        women = self.women[group_id]
        out = self.out("group-%s.pdf" % lang)
        result = self.export(out, "--group", name, "--cohort", cohort, lang=lang)

        pages, size = pdf_pages(out)
        self.assertEqual(pages, 2 + len(women), "a cover, the group page and a page per woman")
        self.assertEqual(size, A4_PORTRAIT)
        text = flat(pdf_text(out))
        for domain in DOMAINS[lang]:
            self.assertIn(domain, text, "the life domain %r in %s" % (domain, lang))
        for domain in ENGLISH_DOMAINS:
            self.assertNotIn(domain, text, "an English life domain in the %s report" % lang)
        self.assertIn(flat(name), text)
        self.assertIn(flat(cohort), text)
        # Within the team the women are named, each on her page.
        for first, last in women:
            self.assertIn(flat(last), text, "her page")
        # Nothing personal on the terminal, where logs may keep it.
        for first, last in women:
            self.assertNotIn(last, result.stdout + result.stderr)

    def test_group_report_nl(self):
        self.check_group_report("nl")

    def test_group_report_fr(self):
        self.check_group_report("fr")

    def test_group_report_de(self):
        self.check_group_report("de")

    # -- Pseudonyms -----------------------------------------------------

    def check_pseudonymised(self, how, lang):
        group_id, name, cohort = self.groups[-1]
        women = self.women[group_id]
        out = self.out("pseudo-%s-%s.pdf" % (how, lang))
        self.export(out, "--group", name, "--cohort", cohort, "--pseudonymise", how, lang=lang)

        pages, _ = pdf_pages(out)
        self.assertEqual(pages, 2 + len(women), "pseudonyms change names, not pages")
        text = pdf_text(out)
        self.assert_no_names(text, women, how)
        for first, last in women:
            self.assert_name_absent(first, text, "%s: a first name is left" % how)
        return text, women

    def test_pseudonymise_initials(self):
        for lang in ("nl", "fr", "de"):
            text, women = self.check_pseudonymised("initials", lang)
            # Every woman is still told apart: her initials are there.
            compact = "".join(text.split())
            for first, last in women:
                # pdftotext puts right-to-left initials in visual order.
                if any(unicodedata.bidirectional(c[0]) in ("R", "AL") for c in (first, last)):
                    continue
                self.assertIn("%s.%s." % (first[0].upper(), last[0].upper()), compact)

    def test_pseudonymise_numbers(self):
        for lang in ("nl", "fr", "de"):
            text, women = self.check_pseudonymised("numbers", lang)
            # Numbered from 1 to n, each on a page of her own.
            for n in (1, len(women)):
                self.assertRegex(text, r"\b%d\b" % n)

    def test_pseudonymise_refuses_other_values(self):
        group_id, name, cohort = self.groups[0]
        out = self.out("refused.pdf")
        result = run_miriam("--database", self.db, "--export-report", out, "--group", name,
                            "--cohort", cohort, "--pseudonymise", "names")
        self.assertEqual(result.returncode, 2)
        self.assertIn("--pseudonymise", result.stderr)
        self.assertFalse(os.path.exists(out))

    # -- Orientation ----------------------------------------------------

    def test_landscape(self):
        group_id, name, cohort = self.groups[1]
        out = self.out("landscape.pdf")
        self.export(out, "--group", name, "--cohort", cohort, "--landscape")
        pages, size = pdf_pages(out)
        self.assertEqual(size, (A4_PORTRAIT[1], A4_PORTRAIT[0]))
        self.assertEqual(pages, 2 + len(self.women[group_id]))

    # -- Cohort reports -------------------------------------------------

    def check_cohort_report(self, lang):
        cohort = self.cohorts[-1]
        groups = [g for g in self.groups if g[2] == cohort]
        out = self.out("cohort-%s.pdf" % lang)
        self.export(out, "--cohort", cohort, lang=lang)

        pages, _ = pdf_pages(out)
        self.assertEqual(pages, 2 + len(groups), "a cover, the cohorts side by side, a page per group")
        text = flat(pdf_text(out))
        for label in self.cohorts:
            self.assertIn(flat(label), text, "every cohort on the side-by-side page")
        for _, name, _ in groups:
            self.assertIn(flat(name), text)
        for domain in DOMAINS[lang]:
            self.assertIn(domain, text)

    def test_cohort_report_nl(self):
        self.check_cohort_report("nl")

    def test_cohort_report_fr(self):
        self.check_cohort_report("fr")

    def test_cohort_report_de(self):
        self.check_cohort_report("de")

    def test_all_cohorts(self):
        out = self.out("all.pdf")
        self.export(out, "--pseudonymise", "numbers")
        pages, _ = pdf_pages(out)
        self.assertEqual(pages, 2 + len(self.groups))
        text = pdf_text(out)
        for women in self.women.values():
            self.assert_no_names(text, women, "all cohorts")

    # -- Mistakes --------------------------------------------------------

    def test_same_group_name_in_two_cohorts(self):
        names = [g[1] for g in self.groups]
        name = next(n for n in names if names.count(n) > 1)
        out = self.out("ambiguous.pdf")
        result = run_miriam("--database", self.db, "--export-report", out, "--group", name)
        self.assertEqual(result.returncode, 1)
        self.assertIn("--cohort", result.stderr)
        for label in self.cohorts:
            self.assertIn(label, result.stderr, "the cohorts to choose from")
        self.assertFalse(os.path.exists(out))

    def test_unknown_group_and_cohort(self):
        out = self.out("unknown.pdf")
        for args, what in ((["--group", "Groep Nergens"], "Groep Nergens"),
                           (["--cohort", "1999-2000"], "1999-2000")):
            for lang in ("nl", "fr", "de"):
                result = run_miriam("--database", self.db, "--export-report", out, *args, lang=lang)
                self.assertEqual(result.returncode, 1)
                self.assertIn(what, result.stderr)
                self.assertFalse(os.path.exists(out), "nothing written after an error")

    def test_missing_database(self):
        out = self.out("nothing.pdf")
        result = run_miriam("--database", os.path.join(self.dir, "gone.sqlite"), "--export-report", out)
        self.assertEqual(result.returncode, 1)
        self.assertTrue(result.stderr.strip(), "a message says why")
        self.assertFalse(os.path.exists(out))
        self.assertFalse(os.path.exists(os.path.join(self.dir, "gone.sqlite")),
                         "an export never creates a database")

    def test_unwritable_folder_keeps_old_report(self):
        group_id, name, cohort = self.groups[0]
        folder = os.path.join(self.dir, "locked")
        os.makedirs(folder, exist_ok=True)
        out = os.path.join(folder, "report.pdf")
        with open(out, "wb") as f:
            f.write(b"old report")
        os.chmod(folder, 0o500)
        try:
            if os.access(folder, os.W_OK):
                self.skipTest("running as root: folder permissions do not apply")
            result = run_miriam("--database", self.db, "--export-report", out, "--group", name,
                                "--cohort", cohort)
        finally:
            os.chmod(folder, 0o700)
        self.assertEqual(result.returncode, 1)
        self.assertTrue(result.stderr.strip())
        with open(out, "rb") as f:
            self.assertEqual(f.read(), b"old report", "a failed export leaves the old file alone")


if __name__ == "__main__":
    if shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
        print("check-export-report: pdfinfo and pdftotext are missing; install poppler-utils "
              "(build-aux/deps does)", file=sys.stderr)
        sys.exit(77)
    MIRIAM = os.path.abspath(sys.argv[1])
    MAKE_DEMO = os.path.abspath(sys.argv[2])
    unittest.main(argv=[sys.argv[0], "-v"] + sys.argv[3:])
