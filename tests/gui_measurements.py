# gui_measurements.py: GUI checks, mixed into test-gui.py's GuiTest.
#
# Copyright 2026 The MIRIAM developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Scoring a participant's measurements and the life domains of the OCMW.
# Helpers (App, walk, EXPECTED, xdotool...) come from test-gui.py through
# `import __main__ as gui`; self.start(), self.field(), self.button()...
# are GuiTest's.

import datetime
import os
import sqlite3
import time

import __main__ as gui  # noqa: F401

from gi.repository import Atspi

# The glossary's names of the life domains and score levels, typed here
# independently of the catalogues (compared without regard to case).
DOMAINS = {
    "nl": {"housing": "Wonen", "work": "Werk en opleiding", "health": "Gezondheid",
           "leisure": "Vrije tijd", "mobility": "Mobiliteit"},
    "fr": {"housing": "Logement", "work": "Emploi et formation", "health": "Santé",
           "leisure": "Loisirs", "mobility": "Mobilité"},
    "de": {"housing": "Wohnen", "work": "Arbeit und Ausbildung", "health": "Gesundheit",
           "leisure": "Freizeit", "mobility": "Mobilität"},
}
LEVELS = {
    "nl": {2: "niet zelfredzaam", 4: "voldoende zelfredzaam", 5: "volledig zelfredzaam"},
    "fr": {2: "pas autonome", 4: "suffisamment autonome", 5: "pleinement autonome"},
    "de": {2: "nicht selbstständig", 4: "ausreichend selbstständig", 5: "vollständig selbstständig"},
}

# A domain of the OCMW's own, named in Dutch only.
OWN_DOMAIN = "Digitale vaardigheden"

# What the casemanager chooses: a score on three domains, "not
# applicable" on a fourth (None).
CHOICES = {"housing": 4, "health": 2, "work": 5, "leisure": None}


def pgettext(catalogue, context, msgid):
    """A string with a context from the built catalogue (fails when it is
    missing, like Catalogue itself)."""
    text = catalogue.tr._catalog.get(context + "\x04" + msgid)
    if not text:
        raise AssertionError("not translated: %r (%s)" % (msgid, context))
    return text


class MeasurementChecks:

    def measurement_woman(self, path):
        """A woman of the demo in her group, with only a baseline there."""
        with sqlite3.connect(path) as db:
            return db.execute(
                "SELECT p.id, p.first_name, p.last_name FROM participant p "
                "JOIN membership ms ON ms.participant_id = p.id AND ms.left_on IS NULL "
                "JOIN measurement m ON m.participant_id = p.id AND m.kind = 'baseline' "
                "AND m.group_id = ms.group_id "
                "WHERE NOT EXISTS (SELECT 1 FROM measurement o WHERE o.participant_id = p.id "
                "AND o.kind <> 'baseline') "
                "ORDER BY p.last_name, p.first_name LIMIT 1").fetchone()

    def open_file(self, app, lang, first, last):
        search = app.wait_for(lambda a: a.get_role() in (Atspi.Role.TEXT, Atspi.Role.ENTRY)
                              and gui.name_of(a) == gui.EXPECTED[lang]["search"], "the search field")
        app.type_into(search, last, replace=True)
        cell = app.wait_for(lambda a: gui.name_of(a) == "%s, %s" % (last, first)
                            and a.get_role() == Atspi.Role.LABEL, "her row in the list")
        e = Atspi.Component.get_extents(cell, Atspi.CoordType.WINDOW)
        gui.xdotool("mousemove", str(e.x + e.width // 2), str(e.y + e.height // 2),
                    "click", "--repeat", "2", "1")
        return app.window("%s %s" % (first, last))

    def measurements_page(self, app, editor, _):
        self.click_at(app.wait_for(lambda a: a.get_role() == Atspi.Role.LABEL
                                   and gui.name_of(a) == _("Measurements"), "the Measurements page"))

    def reveal(self, acc):
        """Scrolls the page with the mouse wheel until @acc is in sight: a
        real click needs it on the screen."""
        pane = acc.get_parent()
        while pane is not None and pane.get_role() != Atspi.Role.SCROLL_PANE:
            pane = pane.get_parent()
        self.assertIsNotNone(pane, "no scrolled page around %r" % gui.name_of(acc))
        for _ in range(40):
            p = Atspi.Component.get_extents(pane, Atspi.CoordType.WINDOW)
            e = Atspi.Component.get_extents(acc, Atspi.CoordType.WINDOW)
            if e.y >= p.y and e.y + e.height <= p.y + p.height:
                return
            gui.xdotool("mousemove", str(p.x + p.width // 2), str(p.y + p.height // 2),
                        "click", "5" if e.y + e.height > p.y + p.height else "4")
            time.sleep(0.15)
        raise AssertionError("cannot scroll to %r" % gui.name_of(acc))

    def wait_in(self, window, predicate, what):
        """app.wait_for() within one window: her file alone is big enough
        to read through AT-SPI."""
        deadline = time.monotonic() + gui.TIMEOUT
        while time.monotonic() < deadline:
            for acc in gui.walk_shown(window):
                if predicate(acc):
                    return acc
            time.sleep(0.2)
        gui.screenshot("measurements-" + what)
        raise AssertionError("not shown: %s" % what)

    def score_buttons(self, editor, first_name):
        """The score buttons of the form, by accessible name, once the
        button @first_name is there."""
        self.wait_in(editor, lambda a: gui.name_of(a) == first_name, repr(first_name))
        return {gui.name_of(a): a for a in gui.walk_shown(editor)
                if a.get_role() in (Atspi.Role.TOGGLE_BUTTON, Atspi.Role.PUSH_BUTTON)}

    def chosen(self, button):
        """A score button that is on (GTK says "pressed" for a toggle)."""
        return (gui.has_state(button, Atspi.StateType.PRESSED)
                or gui.has_state(button, Atspi.StateType.CHECKED))

    def change_life_domains(self, app, lang, _, path):
        """The OCMW stops scoring mobility and adds a domain of its own."""
        t = gui.EXPECTED[lang]
        app.click(app.wait_for(lambda a: gui.name_of(a) == t["menu"] and a.get_n_actions() > 0,
                               "the main menu button"))
        app.click(app.wait_for(lambda a: a.get_role() == Atspi.Role.MENU_ITEM
                               and gui.name_of(a) == _("_Life Domains…"), "the Life Domains item"))
        dialog = app.window(_("Life Domains"))
        switch_name = _("Score %s") % DOMAINS[lang]["mobility"]
        switch = self.wait_in(dialog, lambda a: gui.name_of(a) == switch_name
                              and a.get_role() in gui.CONTROL_ROLES, "the switch " + switch_name)
        self.assert_controls_named(app, dialog)
        self.reveal(switch)
        self.click_at(switch)
        app.type_into(self.field(dialog, _("Name in _Dutch")), OWN_DOMAIN)
        app.click(self.button(dialog, _("Add Life Domain")))
        # In the list, ready to be renamed; the fields to add one are empty again.
        self.wait_in(dialog, lambda a: a.get_role() == Atspi.Role.TEXT and gui.text_of(a) == OWN_DOMAIN,
                     "the new domain in the list")
        adding = [a for a in gui.walk_shown(dialog)
                  if a.get_role() == Atspi.Role.TEXT and gui.name_of(a) == _("Name in _Dutch")]
        self.assertEqual(gui.text_of(adding[-1]), "")
        app.click(self.button(dialog, _("Save")))

        def domains():
            with sqlite3.connect(path) as db:
                return db.execute("SELECT o.domain, o.active, d.label_nl FROM ocmw_life_domain o "
                                  "JOIN life_domain d ON d.code = o.domain ORDER BY o.position").fetchall()
        self.wait_until(lambda: any(label == OWN_DOMAIN for _c, _a, label in domains()),
                        "the life domains saved")
        saved = domains()
        self.assertIn(("mobility", 0, ""), saved, "mobility switched off, not deleted")
        self.assertEqual([c for c, a, _l in saved if a][-1], [c for c, _a, l in saved if l == OWN_DOMAIN][0],
                         "the own domain scored, last")
        self.assertEqual(len(saved), 12)

    def check_measurements(self, lang):
        t = gui.EXPECTED[lang]
        _ = gui.Catalogue(lang)
        path = os.path.join(self.home, "team.sqlite")
        app = self.start(lang, "--demo", path)
        app.wait_for_name(" " + t["participants"])
        woman = self.measurement_woman(path)
        self.assertIsNotNone(woman, "the demo has a woman with a baseline in her group")
        pid, first, last = woman
        with sqlite3.connect(path) as db:
            n_before = db.execute("SELECT count(*) FROM measurement WHERE participant_id = ?",
                                  (pid,)).fetchone()[0]
            baseline = dict(db.execute("SELECT s.domain, s.score FROM score s JOIN measurement m "
                                       "ON m.id = s.measurement_id WHERE m.participant_id = ? "
                                       "AND m.kind = 'baseline'", (pid,)).fetchall())

        self.change_life_domains(app, lang, _, path)

        editor = self.open_file(app, lang, first, last)
        self.measurements_page(app, editor, _)
        # Her baseline is listed; a second one in the same group is not offered.
        app.wait_for_name(_("Baseline measurement"))
        new_baseline = app.wait_for(lambda a: a.get_role() == Atspi.Role.PUSH_BUTTON
                                    and gui.name_of(a) == _("New Baseline Measurement"),
                                    "the New Baseline Measurement button")
        self.assertFalse(gui.has_state(new_baseline, Atspi.StateType.SENSITIVE),
                         "a second baseline in her group must not be offered")
        app.click(app.wait_for(lambda a: a.get_role() == Atspi.Role.PUSH_BUTTON
                               and gui.name_of(a) == _("New Intermediate Measurement")
                               and a.get_n_actions() > 0, "the New Intermediate Measurement button"))
        self.wait_in(editor, lambda a: _("Intermediate measurement") in gui.name_of(a)
                     and a.get_role() == Atspi.Role.LABEL, "the new intermediate measurement")
        self.assert_controls_named(app, editor)

        # One click per domain; the chosen level's description shows beside it.
        domains = DOMAINS[lang]
        na = pgettext(_, "score", "Not applicable")
        names = {code: _("%s: %s") % (domains[code], str(score) if score is not None else na)
                 for code, score in CHOICES.items()}
        buttons = self.score_buttons(editor, names["housing"])
        # The OCMW's choice: its own domain is scored, mobility no longer.
        self.assertIn(_("%s: %s") % (OWN_DOMAIN, "3"), buttons)
        self.assertNotIn(_("%s: %s") % (DOMAINS[lang]["mobility"], "3"), buttons)
        for code, name in names.items():
            self.assertIn(name, buttons)
            self.reveal(buttons[name])
            self.click_at(buttons[name])
            self.wait_until(lambda b=buttons[name]: self.chosen(b), name + " chosen")
        labels = {gui.name_of(a).lower() for a in gui.walk_shown(editor) if a.get_role() == Atspi.Role.LABEL}
        for score in CHOICES.values():
            if score in LEVELS[lang]:
                self.assertIn(LEVELS[lang][score].lower(), labels, "the level of score %d" % score)

        # An impossible date: said next to the field, nothing typed lost,
        # nothing saved.
        date = self.field(editor, _("_Date"))
        app.type_into(date, "31/02/2026" if lang != "de" else "31.02.2026", replace=True)
        save = self.button(editor, _("Save Measurement"))
        app.click(save)
        app.wait_for_name(_("Some fields need your attention before this measurement can be saved."))
        self.assertEqual(gui.text_of(date), "31/02/2026" if lang != "de" else "31.02.2026")
        with sqlite3.connect(path) as db:
            self.assertEqual(db.execute("SELECT count(*) FROM measurement WHERE participant_id = ?",
                                        (pid,)).fetchone()[0], n_before)
        today = datetime.date.today()
        app.type_into(date, gui.short_date(today, lang), replace=True)
        app.click(save)

        def saved():
            with sqlite3.connect(path) as db:
                return db.execute("SELECT id FROM measurement WHERE participant_id = ? "
                                  "AND kind = 'intermediate'", (pid,)).fetchone()
        self.wait_until(lambda: saved() is not None, "the intermediate measurement saved")
        with sqlite3.connect(path) as db:
            (mid,) = saved()
            row = db.execute("SELECT day, group_id FROM measurement WHERE id = ?", (mid,)).fetchone()
            scores = dict(db.execute("SELECT domain, score FROM score WHERE measurement_id = ?",
                                     (mid,)).fetchall())
            group = db.execute("SELECT group_id FROM membership WHERE participant_id = ? "
                               "AND left_on IS NULL", (pid,)).fetchone()[0]
        self.assertEqual(row, (today.isoformat(), group))
        for code, score in CHOICES.items():
            # "Not applicable" is NULL (or no row), never a zero.
            self.assertEqual(scores.get(code), score, code)
        self.assertNotIn(0, scores.values(), "no score may be stored as zero")

        # Closed and opened again: the same scores, her baseline as a hint.
        app.click(self.button(editor, _("Cancel")))
        self.wait_until(lambda: not any(gui.name_of(app.app.get_child_at_index(i)) == "%s %s" % (first, last)
                                        for i in range(app.app.get_child_count())),
                        "her file closed")
        editor = self.open_file(app, lang, first, last)
        self.measurements_page(app, editor, _)
        self.wait_in(editor, lambda a: _("Intermediate measurement") in gui.name_of(a)
                     and a.get_role() == Atspi.Role.LABEL, "her intermediate measurement")
        buttons = self.score_buttons(editor, names["housing"])
        for name in names.values():
            self.wait_until(lambda b=buttons[name]: self.chosen(b), name + " shown again")
        if baseline.get("housing") is not None:
            hint = _("Baseline: %s") % baseline["housing"]
            self.wait_in(editor, lambda a: gui.name_of(a) == hint, "the hint " + hint)
        self.assert_controls_named(app, editor)

    def test_measurements_nl(self):
        self.check_measurements("nl")

    def test_measurements_fr(self):
        self.check_measurements("fr")

    def test_measurements_de(self):
        self.check_measurements("de")
