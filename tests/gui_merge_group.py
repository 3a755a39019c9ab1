# Two people saving the same group at once: the merge dialog (issue 6).
#
# Copyright 2026 The MIRIAM developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Helpers (App, walk, EXPECTED, xdotool...) come from test-gui.py through
# `import __main__ as gui`; self.start(), self.field(), self.button() are
# GuiTest's, self.restart(), self.find_steady() and self.wait_name_steady()
# BackupChecks'.
#
# What a casemanager notices: when a colleague saved the group first, her
# changes and mine come together field by field; what only one of us
# changed needs no choice, and nothing is saved until I say so.

import os
import sqlite3

import __main__ as gui

from gi.repository import Atspi

GROUP = "Groupe Test"


class GroupMergeChecks:

    def group_row(self, path):
        with sqlite3.connect(path) as db:
            row = db.execute("SELECT version, location, address, end_minute, colour FROM coaching_group "
                             "WHERE name = ?", (GROUP,)).fetchone()
        db.close()
        return row

    def colleague_saves(self, path, who, assignments, second_casemanager=None):
        """A colleague's save behind the app's back: what she changed, one
        version more, her name on it."""
        with sqlite3.connect(path) as db:
            db.execute("UPDATE coaching_group SET %s, version = version + 1, updated_by = ? "
                       "WHERE name = ?" % assignments, (who, GROUP))
            if second_casemanager is not None:
                db.execute("INSERT INTO group_staff (group_id, staff_id) SELECT g.id, s.id "
                           "FROM coaching_group g, staff s WHERE g.name = ? AND s.display_name = ?",
                           (GROUP, second_casemanager))
        db.close()

    def casemanagers(self, path):
        with sqlite3.connect(path) as db:
            staff = db.execute("SELECT st.display_name FROM group_staff gs JOIN staff st ON st.id = gs.staff_id "
                               "JOIN coaching_group g ON g.id = gs.group_id WHERE g.name = ? "
                               "ORDER BY gs.rowid", (GROUP,)).fetchall()
        db.close()
        return [name for (name,) in staff]

    def new_saved_group(self, app, lang, path):
        """A group made and saved through the form, as a team does; its
        editor stays open on it."""
        t = gui.EXPECTED[lang]
        _ = gui.Catalogue(lang)
        app.click(self.find_steady(app, lambda a: gui.name_of(a) == t["menu"] and a.get_n_actions() > 0,
                                   "the main menu button"))
        app.click(self.find_steady(app, lambda a: a.get_role() == Atspi.Role.MENU_ITEM
                                   and gui.name_of(a) == _("New _Group…"), "the New Group item"))
        editor = app.window(_("New Group"))
        app.type_into(self.field(editor, _("Name")), GROUP)
        app.click(self.button(editor, _("Add a Colleague…")))
        app.type_into(app.wait_for(lambda a: a.get_role() == Atspi.Role.TEXT
                                   and gui.name_of(a) == _("Name of the colleague"), "colleague field"),
                      "Claire Dubois")
        app.click(self.button(editor, _("Add to the Team")))
        app.type_into(self.field(editor, _("Usual _location")), "Maison de quartier")
        app.click(self.button(editor, t["save"]))
        app.window(GROUP)
        self.wait_until(lambda: self.group_row(path) is not None and self.group_row(path)[0] == 1,
                        "the group saved once")
        return editor

    def check_merge_group(self, lang):
        t = gui.EXPECTED[lang]
        _ = gui.Catalogue(lang)
        path = os.path.join(self.home, "team.sqlite")
        app = self.restart(lang, "--demo", path)
        self.wait_name_steady(app, " " + t["participants"])
        editor = self.new_saved_group(app, lang, path)
        self.assertEqual(self.group_row(path), (1, "Maison de quartier", "", 690, "#0072b2"))

        # I change the usual location and the end time; meanwhile a
        # colleague saves an address, another end time and a second
        # casemanager.
        location = self.field(editor, _("Usual _location"))
        address = self.field(editor, _("_Address"))
        end = self.field(editor, _("_until"))
        app.type_into(location, "Salle polyvalente", replace=True)
        app.type_into(end, "12:00", replace=True)
        self.colleague_saves(path, "Amina Haddad",
                             "address = 'Rue Haute 12, 9999 Demostad', end_minute = 750",
                             second_casemanager="Sofie Peeters")
        app.click(self.button(editor, t["save"]))
        self.wait_name_steady(app, _("A colleague changed this group in the meantime. Nothing was saved; "
                                     "your changes and the proposed sessions are still here."))
        # The banner keeps its choices, and offers the merge.
        self.button(editor, _("Save My Version"))
        self.button(editor, _("Take the Colleague’s Version"))
        app.click(self.button(editor, _("Compare and Merge…")))

        merge = app.window(_("Compare and Merge"))
        choices = (Atspi.Role.TOGGLE_BUTTON, Atspi.Role.PUSH_BUTTON)

        def choice(text):
            return [a for a in gui.walk_shown(merge)
                    if a.get_role() in choices and a.get_n_actions() > 0 and text in gui.name_of(a)]

        def shown_in_merge(text):
            """In the dialog itself: the editor beneath names its colours too."""
            def shown():
                try:
                    return any(text in gui.name_of(a) for a in gui.walk_shown(merge))
                except Exception:
                    return False    # a row replaced while it was read
            try:
                self.wait_until(shown, "%r in the merge dialog" % text)
            except AssertionError:
                gui.screenshot("merge-group-not-shown")
                raise

        shown_in_merge("Amina Haddad")
        self.assert_controls_named(app, merge)
        gui.screenshot("merge-group-%s" % lang)
        # Only she changed the address: taken by itself, no choice.
        shown_in_merge("Rue Haute 12, 9999 Demostad")
        shown_in_merge(_("The colleague’s change is taken"))
        self.assertEqual(choice("Rue Haute 12"), [])
        # Her second casemanager too, by name, under the form's label.
        shown_in_merge(_("Second casemanager (optional)"))
        shown_in_merge("Sofie Peeters")
        self.assertEqual(choice("Sofie Peeters"), [])
        # Only I changed the location: mine stays, no choice.
        shown_in_merge(_("Your change is kept"))
        self.assertEqual(choice("Salle polyvalente"), [])
        # Both changed the end time: mine until I choose; I take hers.
        theirs = self.find_steady(app, lambda a: a in choice("12:30"), "the colleague's end time to choose")
        mine = self.find_steady(app, lambda a: a in choice("12:00"), "my end time to choose")
        self.assertIn(_("End time"), gui.name_of(theirs))
        self.assertTrue(mine.get_state_set().contains(Atspi.StateType.CHECKED)
                        or mine.get_state_set().contains(Atspi.StateType.PRESSED))
        self.assertEqual(self.group_row(path), (2, "Maison de quartier", "Rue Haute 12, 9999 Demostad",
                                                750, "#0072b2"), "nothing saved before I say so")
        app.click(theirs)
        shown_in_merge(_("The colleague’s version is taken"))

        # Yet another colleague saves another colour while I look: the
        # dialog says so and shows her change, by the colour's name.
        self.colleague_saves(path, "Bart Peeters", "colour = '#009e73'")
        app.click(self.button(merge, _("Save Merged Version")))
        shown_in_merge(_("Another colleague saved in the meantime, so nothing was saved yet. Their "
                         "changes are shown now; check the differences again, then save."))
        shown_in_merge(_.context("colour", "Green"))
        shown_in_merge("Bart Peeters")
        gui.screenshot("merge-group-again-%s" % lang)
        self.assertEqual(self.group_row(path), (3, "Maison de quartier", "Rue Haute 12, 9999 Demostad",
                                                750, "#009e73"))
        app.click(self.button(merge, _("Save Merged Version")))

        self.wait_until(lambda: self.group_row(path) == (4, "Salle polyvalente", "Rue Haute 12, 9999 Demostad",
                                                         750, "#009e73"),
                        "the merged group saved: my location, her address and end time, his colour")
        self.assertEqual(self.casemanagers(path), ["Claire Dubois", "Sofie Peeters"])

        # The form shows what is saved, the banner is gone, and the next
        # save goes on top of the merged version without a conflict.
        self.wait_until(lambda: gui.text_of(end) == "12:30", "the form shows her end time")
        self.assertEqual(gui.text_of(address), "Rue Haute 12, 9999 Demostad")
        self.assertEqual(gui.text_of(location), "Salle polyvalente")
        self.wait_until(lambda: not any(a.get_role() == Atspi.Role.PUSH_BUTTON
                                        and gui.name_of(a) == _("Compare and Merge…")
                                        for a in gui.walk_shown(editor)), "the banner hidden")
        app.type_into(location, "Salle 2", replace=True)
        app.click(self.button(editor, t["save"]))
        self.wait_until(lambda: self.group_row(path) == (5, "Salle 2", "Rue Haute 12, 9999 Demostad",
                                                         750, "#009e73"), "a normal save after the merge")
        # The form held her casemanager: the normal save kept her.
        self.assertEqual(self.casemanagers(path), ["Claire Dubois", "Sofie Peeters"])

    def test_merge_group_fr(self):
        self.check_merge_group("fr")
