# gui_progress.py: GUI checks, mixed into test-gui.py's GuiTest.
#
# Copyright 2026 The MIRIAM developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Progress section, printing and exporting reports.
# Helpers (App, walk, EXPECTED, xdotool...) come from test-gui.py through
# `import __main__ as gui`; self.start(), self.field(), self.button()...
# are GuiTest's.
#
# A chart is a picture: what a screen reader says of it is its accessible
# name (which chart, of whom) and description (the figures).  Both are
# checked against the database itself, read here with sqlite3.

import os
import sqlite3
import subprocess
import time

import __main__ as gui  # noqa: F401

# The glossary's name of the housing domain, typed here independently.
HOUSING = {"nl": "Wonen", "fr": "Logement", "de": "Wohnen"}


def is_image(acc):
    try:
        return acc.get_role() in (gui.Atspi.Role.IMAGE, gui.Atspi.Role.CANVAS,
                                  gui.Atspi.Role.DRAWING_AREA)
    except Exception:
        return False


def description_of(acc):
    try:
        return acc.get_description() or ""
    except Exception:
        return ""


class ProgressChecks:

    def scope_button(self, app, name):
        """One of the linked Group / Participant / Cohorts buttons (GTK 4.8
        shows toggle buttons as push buttons)."""
        return app.wait_for(lambda a: a.get_role() in (gui.Atspi.Role.PUSH_BUTTON,
                                                       gui.Atspi.Role.TOGGLE_BUTTON)
                            and gui.name_of(a) == name and a.get_n_actions() > 0
                            and a.get_parent().get_role() != gui.Atspi.Role.COMBO_BOX,
                            "the %s button" % name)

    def progress_choose(self, app, dropdown_name, item, within=None):
        """Opens a drop-down and clicks one of its items, as a person does."""
        def shown():
            return app.shown() if within is None else list(gui.walk_shown(within))

        def find(predicate, what):
            deadline = time.monotonic() + gui.TIMEOUT
            while time.monotonic() < deadline:
                for acc in shown():
                    if predicate(acc):
                        return acc
                time.sleep(0.2)
            raise AssertionError("not shown: " + what)

        combo = find(lambda a: a.get_role() == gui.Atspi.Role.COMBO_BOX
                     and gui.name_of(a) == dropdown_name, "the drop-down %r" % dropdown_name)
        button = next(a for a in gui.walk(combo) if a.get_role() in (gui.Atspi.Role.PUSH_BUTTON,
                                                                     gui.Atspi.Role.TOGGLE_BUTTON))
        shown_on_button = [gui.name_of(a) for a in gui.walk(button) if a.get_role() == gui.Atspi.Role.LABEL]
        self.click_at(button)

        # The open list, in its order.  A popover is a window of its own,
        # whose coordinates AT-SPI does not give: keys, as a keyboard user
        # would, from the current choice to the wanted one.
        def items():
            return [gui.name_of(a) for a in gui.walk(combo) if a.get_role() == gui.Atspi.Role.LABEL
                    and a.get_parent() is not None and a.get_parent().get_parent() is not None
                    and a.get_parent().get_parent().get_role() == gui.Atspi.Role.LIST_ITEM]
        deadline = time.monotonic() + gui.TIMEOUT
        while item not in items() and time.monotonic() < deadline:
            time.sleep(0.2)
        order = items()
        self.assertIn(item, order, "the item %r in the list" % item)
        current = next(name for name in shown_on_button if name in order)
        steps = order.index(item) - order.index(current)
        for _ in range(abs(steps)):
            gui.xdotool("key", "Down" if steps > 0 else "Up")
        gui.xdotool("key", "Return")
        time.sleep(0.3)

    def progress_group(self, path):
        """The newest cohort's second group, its women with a baseline,
        and one of them with her baseline score on housing."""
        with sqlite3.connect(path) as db:
            group_id, group, cohort = db.execute(
                "SELECT g.id, g.name, c.label FROM coaching_group g JOIN cohort c ON c.id = g.cohort_id "
                "ORDER BY c.start_date DESC, g.name LIMIT 1 OFFSET 1").fetchone()
            women = db.execute(
                "SELECT DISTINCT p.id, p.first_name || ' ' || p.last_name FROM membership m "
                "JOIN participant p ON p.id = m.participant_id WHERE m.group_id = ?",
                (group_id,)).fetchall()
            her = db.execute(
                "SELECT p.first_name || ' ' || p.last_name, s.score FROM measurement ms "
                "JOIN participant p ON p.id = ms.participant_id "
                "JOIN score s ON s.measurement_id = ms.id AND s.domain = 'housing' "
                "WHERE ms.group_id = ? AND ms.kind = 'baseline' AND s.score IS NOT NULL "
                "ORDER BY p.last_name, p.first_name LIMIT 1", (group_id,)).fetchone()
            staff = [name for (name,) in db.execute("SELECT display_name FROM staff")]
        return group, cohort, women, her, staff

    def check_progress(self, lang):
        t = gui.EXPECTED[lang]
        _ = gui.Catalogue(lang)
        path = os.path.join(self.home, "team.sqlite")
        app = self.start(lang, "--demo", path)
        app.wait_for_name(" " + t["participants"])
        group, cohort, women, her, staff = self.progress_group(path)
        self.assertIsNotNone(her, "the demo has baseline measurements")

        tabs = [app.wait_for_name(s, gui.Atspi.Role.PAGE_TAB) for s in t["sections"]]
        app.click(tabs[2])
        # A group of the newest cohort is shown at once; choose another.
        self.progress_choose(app, _("_Group"), "%s (%s)" % (group, cohort))
        domains = app.wait_for(lambda a: is_image(a)
                               and gui.name_of(a) == _("Bar chart: mean score per life domain in %s") % group,
                               "the domain chart of " + group)
        self.assertIn(HOUSING[lang], description_of(domains), "the figures, read out per domain")
        app.wait_for(lambda a: is_image(a) and gui.name_of(a)
                     == _("Headline: progress on at least three life domains in %s") % group, "the headline")
        app.wait_for(lambda a: is_image(a) and gui.name_of(a) == _("Attendance chart of %s") % group,
                     "the attendance chart")
        self.assert_controls_named(app)

        # Median and spread instead of means: the chart says so.
        self.click_at(app.wait_for(lambda a: a.get_role() == gui.Atspi.Role.CHECK_BOX
                                   and gui.name_of(a) == _("Median and spread"),
                                   "the Median and spread box"))
        app.wait_for(lambda a: is_image(a)
                     and gui.name_of(a) == _("Bar chart: median and spread per life domain in %s") % group,
                     "the median chart")

        # One woman: her radar, with her baseline score on housing.
        name, score = her
        app.click(self.scope_button(app, _("Participant")))
        self.progress_choose(app, _("_Participant"), name)
        radar = app.wait_for(lambda a: is_image(a) and gui.name_of(a)
                             == _("Radar chart: baseline and final measurement of %s") % name,
                             "her radar chart")
        # "Housing: 4 → ...", punctuated as the language does it
        # (French puts a no-break space before the colon).
        fmt = _("%s: %s → %s")
        first_two = fmt[:fmt.index("%s", fmt.index("%s") + 2) + 2]
        self.assertIn(first_two % (HOUSING[lang], score), description_of(radar))
        app.wait_for(lambda a: is_image(a) and gui.name_of(a)
                     == _("Bar chart: change per life domain for %s") % name, "her change chart")
        self.assert_controls_named(app)

        # The leads' view: the cohorts side by side.
        app.click(self.scope_button(app, _("Cohorts")))
        app.wait_for(lambda a: is_image(a) and gui.name_of(a)
                     == _("Bar chart: cohorts side by side, median per life domain"), "the cohorts chart")

        # Back to the group, and its report as PDF, with numbers for names.
        app.click(self.scope_button(app, _("Group")))
        app.wait_for(lambda a: is_image(a) and gui.name_of(a)
                     == _("Bar chart: median and spread per life domain in %s") % group, "the group again")
        app.click(app.wait_for(lambda a: a.get_role() == gui.Atspi.Role.PUSH_BUTTON
                               and gui.name_of(a) == _("Export…")
                               and a.get_n_actions() > 0, "the Export button"))
        dialog = app.window(_("Export Progress"))
        self.assert_controls_named(app, dialog)
        self.progress_choose(app, _("_Names"), _("Numbers instead of names"), dialog)
        app.click(self.button(dialog, _("Export…")))
        chooser = app.window(_("Save the Progress Report"))
        self.assertIsNotNone(chooser)
        out = os.path.join(self.home, "rapport.pdf")
        time.sleep(0.5)
        gui.xdotool("key", "ctrl+a")
        gui.xdotool("type", "--delay", "15", out)
        gui.xdotool("key", "Return")
        # The message in the dialog, once the file is written.
        self.wait_until(lambda: any(gui.name_of(a) == _("The report was saved as “%s”.") % "rapport.pdf"
                                    for a in gui.walk_shown(dialog)),
                        "the message that the report was saved")

        info = subprocess.run(["pdfinfo", out], check=True, capture_output=True, text=True).stdout
        pages = int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))
        self.assertEqual(pages, 2 + len(women), "a cover, the group page and a page per woman")
        text = " ".join(subprocess.run(["pdftotext", "-enc", "UTF-8", out, "-"], check=True,
                                       capture_output=True, text=True).stdout.split())
        for _id, full_name in women:
            self.assertNotIn(full_name, text, "a name left in a pseudonymised report")
            # Her last name, unless a casemanager (named on the cover) has it too.
            last = full_name.split(" ")[-1]
            if not any(last in colleague.split() for colleague in staff):
                self.assertNotIn(last, text.split(), "a last name left")
        self.assertIn(HOUSING[lang].lower(), text.lower())

    def test_progress_nl(self):
        self.check_progress("nl")

    def test_progress_fr(self):
        self.check_progress("fr")

    def test_progress_de(self):
        self.check_progress("de")
