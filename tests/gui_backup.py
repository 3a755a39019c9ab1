# gui_backup.py: GUI checks, mixed into test-gui.py's GuiTest.
#
# Copyright 2026 The MIRIAM developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Backups, restoring, a corrupt file and the diagnostics page; and the
# merge dialog a colleague's save leads to.
# Helpers (App, walk, EXPECTED, xdotool...) come from test-gui.py through
# `import __main__ as gui`; self.start(), self.field(), self.button()...
# are GuiTest's.
#
# What a team notices: MIRIAM backs the file up by itself when it starts;
# a backup can be put back from the main menu, and a damaged file leads
# straight to that dialog with a message that says so; IT reads how the
# file is used in Diagnostics; and when a colleague saved a file first,
# her changes and mine come together field by field.

import glob
import os
import sqlite3
import time

import __main__ as gui  # noqa: F401

from gi.repository import Atspi, GLib


class BackupChecks:

    # ------------------------------------------------------------------
    # Helpers

    def backups_of(self, path):
        """The daily backups beside @path, oldest first."""
        folder = os.path.join(os.path.dirname(path), "MIRIAM backups")
        stem = os.path.splitext(os.path.basename(path))[0]
        return sorted(f for f in glob.glob(os.path.join(folder, stem + "-2*"))
                      if "before-restore" not in f)

    def kept_copies_of(self, path):
        folder = os.path.join(os.path.dirname(path), "MIRIAM backups")
        stem = os.path.splitext(os.path.basename(path))[0]
        return sorted(glob.glob(os.path.join(folder, stem + "-before-restore-*")))

    def open_menu_item(self, app, label):
        t = gui.EXPECTED[app.lang]
        app.click(self.find_steady(app, lambda a: gui.name_of(a) == t["menu"] and a.get_n_actions() > 0,
                                            "the main menu button"))
        app.click(self.find_steady(app, lambda a: a.get_role() == Atspi.Role.MENU_ITEM
                                            and gui.name_of(a) == label, "the menu item " + label))

    def restart(self, lang, *args):
        """self.start(), for a MIRIAM started after another one was used:
        the accessibility library learns of new applications from messages
        it handles in a main loop, which this test does not otherwise run;
        handled here, the new MIRIAM shows up in its list."""
        app = gui.App(lang, list(args), self.home)
        app.lang = lang
        self.apps.append(app)
        deadline = time.monotonic() + 3 * gui.TIMEOUT
        while time.monotonic() < deadline:
            context = GLib.MainContext.default()
            while context.pending():
                context.iteration(False)
            desktop = Atspi.get_desktop(0)
            for i in range(desktop.get_child_count()):
                try:
                    child = desktop.get_child_at_index(i)
                    if child is not None and child.get_process_id() == app.proc.pid:
                        app.app = child
                        return app
                except Exception:
                    pass
            if app.proc.poll() is not None:
                raise AssertionError("MIRIAM exited early: %s" % app.output())
            time.sleep(0.5)
        raise AssertionError("MIRIAM never appeared on the accessibility bus")

    def find_steady(self, app, predicate, what):
        """app.wait_for(), while the window changes under the reader (a
        restore makes it read the file again): an object that vanishes
        while being read is not an error, it is looked for again."""
        deadline = time.monotonic() + gui.TIMEOUT
        while time.monotonic() < deadline:
            try:
                for acc in app.shown():
                    try:
                        if predicate(acc):
                            return acc
                    except Exception:
                        pass
            except Exception:
                pass
            time.sleep(0.2)
        gui.screenshot("backup-not-shown")
        raise AssertionError("not shown: " + what)

    def wait_name_steady(self, app, text):
        return self.find_steady(app, lambda a: text in gui.name_of(a), repr(text))

    def damage(self, path, table):
        """Overwrites the start of @table's first page: the damage a failing
        disk or a cut copy leaves, where opening the file never reads."""
        with sqlite3.connect(path) as db:
            page = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
            size = db.execute("PRAGMA page_size").fetchone()[0]
        db.close()
        with open(path, "r+b") as f:
            f.seek((page - 1) * size)
            f.write(b"\xff" * 16)

    def restore_newest(self, app, _):
        """Chooses the newest backup in the restore dialog and puts it
        back, confirming, as a person would."""
        dialog = app.window(_("Restore a Backup"))
        row = self.find_steady(app, lambda a: a.get_role() == Atspi.Role.LIST_ITEM
                                    and _("Daily backup") in gui.name_of(a), "a daily backup in the list")
        self.click_at(row)
        app.click(self.button(dialog, _("Restore…")))
        # GTK 4.8 names a message dialog's button after its label twice.
        restore = _("Restore")
        app.click(self.find_steady(app, lambda a: a.get_role() == Atspi.Role.PUSH_BUTTON
                                        and gui.name_of(a) in (restore, restore + " " + restore)
                                        and a.get_n_actions() > 0,
                                        "the Restore button of the confirmation"))
        done = _("The backup of %s is back in place. The database as it was before is "
                 "kept in the backup folder as “%s”.").split("%s")[0]
        self.find_steady(app, lambda a: gui.name_of(a).startswith(done), "the message that the backup is back")
        return dialog

    # ------------------------------------------------------------------
    # Backups, restoring, a damaged file, diagnostics

    def check_backup(self, lang):
        t = gui.EXPECTED[lang]
        _ = gui.Catalogue(lang)
        path = os.path.join(self.home, "team.sqlite")

        # The first start of the day makes a backup beside the file.
        app = self.restart(lang, "--demo", path)
        self.wait_name_steady(app, " " + t["participants"])
        self.wait_until(lambda: len(self.backups_of(path)) == 1, "the daily backup")
        with sqlite3.connect(path) as db:
            first, = db.execute("SELECT id FROM participant ORDER BY id LIMIT 1").fetchone()
            name, = db.execute("SELECT first_name FROM participant WHERE id = ?", (first,)).fetchone()
            count, = db.execute("SELECT count(*) FROM participant").fetchone()
        db.close()
        with sqlite3.connect(self.backups_of(path)[0]) as db:
            self.assertEqual(db.execute("SELECT count(*) FROM participant").fetchone()[0], count)
        db.close()
        app.close()
        self.apps.remove(app)

        # A damaged file: opening it leads to the restore dialog, with a
        # message that says what happened.  (The main menu is used in the
        # last run only: after a run that opened it, AT-SPI may not show
        # the next run of MIRIAM in time.)
        self.damage(path, "contact")
        app = self.restart(lang, "--database", path)
        app.window(_("Restore a Backup"))
        self.wait_name_steady(app, _("The database file is damaged. Restore a backup or ask your IT "
                            "service for help."))
        gui.screenshot("backup-damaged")
        dialog = self.restore_newest(app, _)
        self.assert_controls_named(app, dialog)
        app.click(self.button(dialog, _("Close")))
        # The window opens the file again by itself, whole; the damaged
        # file is kept for IT.
        self.wait_name_steady(app, " " + t["participants"])
        with sqlite3.connect(path) as db:
            self.assertEqual(db.execute("PRAGMA quick_check").fetchone()[0], "ok")
            self.assertEqual(db.execute("SELECT count(*) FROM participant").fetchone()[0], count)
        db.close()
        self.assertEqual(len(self.kept_copies_of(path)), 1)
        app.close()
        self.apps.remove(app)

        # A mistake later that day: her name overwritten.
        with sqlite3.connect(path) as db:
            db.execute("UPDATE participant SET first_name = 'Vergissing', version = version + 1 "
                       "WHERE id = ?", (first,))
        db.close()

        app = self.restart(lang, "--database", path)
        self.wait_name_steady(app, " " + t["participants"])
        # No second backup on the same day.
        self.assertEqual(len(self.backups_of(path)), 1)

        # Diagnostics, for IT: the rollback journal ("delete"), never WAL.
        self.open_menu_item(app, _("D_iagnostics"))
        diagnostics = app.window(_("Diagnostics"))
        self.find_steady(app, lambda a: gui.name_of(a).startswith("delete "), "the journal mode delete")
        self.wait_name_steady(app, _("Free: nobody is reading or saving right now"))
        self.wait_name_steady(app, path)
        self.assert_controls_named(app, diagnostics)
        gui.screenshot("backup-diagnostics")
        app.click(self.find_steady(app, lambda a: a.get_role() == Atspi.Role.PUSH_BUTTON
                                        and gui.name_of(a) == _("Check Again"), "Check Again"))
        mode = self.find_steady(app, lambda a: gui.name_of(a).startswith("delete "), "the journal mode, again")
        # Closed with Escape, as people do.
        self.click_at(mode)
        gui.xdotool("key", "Escape")
        self.wait_until(lambda: not any(gui.name_of(app.app.get_child_at_index(i)) == _("Diagnostics")
                                        for i in range(app.app.get_child_count())),
                        "the Diagnostics window closed")

        # Restored from the main menu: her name is back, and the file as
        # it was is kept beside the backups.
        self.open_menu_item(app, _("_Restore a Backup…"))
        dialog = self.restore_newest(app, _)
        gui.screenshot("backup-restored")
        with sqlite3.connect(path) as db:
            self.assertEqual(db.execute("SELECT first_name FROM participant WHERE id = ?",
                                        (first,)).fetchone()[0], name)
        db.close()
        kept = self.kept_copies_of(path)
        self.assertEqual(len(kept), 2)
        with sqlite3.connect(kept[-1]) as db:
            self.assertEqual(db.execute("SELECT first_name FROM participant WHERE id = ?",
                                        (first,)).fetchone()[0], "Vergissing")
        db.close()
        app.click(self.button(dialog, _("Close")))
        self.wait_name_steady(app, ", " + name)

    def test_backup_nl(self):
        self.check_backup("nl")

    def test_backup_fr(self):
        self.check_backup("fr")

    def test_backup_de(self):
        self.check_backup("de")

    # ------------------------------------------------------------------
    # A colleague saved first: compare and merge

    def check_merge(self, lang):
        t = gui.EXPECTED[lang]
        _ = gui.Catalogue(lang)
        path = os.path.join(self.home, "team.sqlite")
        app = self.restart(lang, "--demo", path)
        self.wait_name_steady(app, " " + t["participants"])

        # A new file, saved once.
        app.click(self.find_steady(app, lambda a: a.get_role() == Atspi.Role.PUSH_BUTTON
                                        and gui.name_of(a) == t["new_participant"] and a.get_n_actions() > 0,
                                        "the New Participant button"))
        editor = app.window(t["new_participant"])
        app.type_into(self.field(editor, t["first_name"]), "Hanna")
        app.type_into(self.field(editor, t["last_name"]), "Mertens")
        app.click(self.button(editor, t["save"]))
        app.window("Hanna Mertens")

        def row():
            with sqlite3.connect(path) as db:
                return db.execute("SELECT version, phone, address, email FROM participant "
                                  "WHERE first_name = 'Hanna' AND last_name = 'Mertens'").fetchone()
        self.wait_until(lambda: row() is not None and row()[0] == 1, "the first save")

        # I type her phone and her e-mail address; meanwhile a colleague
        # saves another phone and her address.
        texts = [a for a in gui.walk_shown(editor) if a.get_role() == Atspi.Role.TEXT]
        app.type_into(texts[5], "0470 11 22 33")
        app.type_into(texts[6], "hanna@example.org")
        with sqlite3.connect(path) as db:
            db.execute("UPDATE participant SET phone = '0499 99 99 99', address = 'Kerkstraat 7, "
                       "9999 Demostad', version = version + 1, updated_by = 'Amina Haddad' "
                       "WHERE first_name = 'Hanna' AND last_name = 'Mertens'")
        app.click(self.button(editor, t["save"]))
        self.wait_name_steady(app, t["conflict"])
        # The banner keeps its choices, and offers the merge.
        self.button(editor, t["keep_mine"])
        app.click(self.button(editor, _("Compare and Merge…")))

        merge = app.window(_("Compare and Merge"))
        # The two versions of a field are two buttons, one pressed (GTK 4.8
        # gives a toggle button the push button's role).
        choices = (Atspi.Role.TOGGLE_BUTTON, Atspi.Role.PUSH_BUTTON)
        self.assert_controls_named(app, merge)
        gui.screenshot("merge-dialog")
        # Only she changed the address: merged by itself, no choice.
        self.wait_name_steady(app, _("The colleague’s change is taken"))
        self.assertFalse(any(a.get_role() in choices and "Kerkstraat 7" in gui.name_of(a)
                             for a in gui.walk_shown(merge)))
        # Only I changed the e-mail address: mine stays.
        self.wait_name_steady(app, _("Your change is kept"))
        # Both changed the phone: mine until I choose; I take hers.
        theirs = self.find_steady(app, lambda a: a.get_role() in choices and a.get_n_actions() > 0
                                       and "0499 99 99 99" in gui.name_of(a), "the colleague's phone to choose")
        mine = self.find_steady(app, lambda a: a.get_role() in choices and a.get_n_actions() > 0
                                     and "0470 11 22 33" in gui.name_of(a), "my phone to choose")
        self.assertTrue(mine.get_state_set().contains(Atspi.StateType.CHECKED)
                        or mine.get_state_set().contains(Atspi.StateType.PRESSED))
        # Nothing was saved yet.
        self.assertEqual(row(), (2, "0499 99 99 99", "Kerkstraat 7, 9999 Demostad", ""))
        app.click(theirs)
        self.wait_name_steady(app, _("The colleague’s version is taken"))

        # Yet another colleague saves while I look: the dialog says so and
        # shows her change too; nothing is saved over it.
        with sqlite3.connect(path) as db:
            db.execute("UPDATE participant SET notes = 'Belt na vier uur', version = version + 1, "
                       "updated_by = 'Bart Peeters' WHERE first_name = 'Hanna' AND last_name = 'Mertens'")
        db.close()
        app.click(self.button(merge, _("Save Merged Version")))
        self.wait_name_steady(app, _("Another colleague saved in the meantime, so nothing was saved "
                                     "yet. Their changes are shown now; check the differences "
                                     "again, then save."))
        self.wait_name_steady(app, "Belt na vier uur")
        self.assertEqual(row(), (3, "0499 99 99 99", "Kerkstraat 7, 9999 Demostad", ""))
        app.click(self.button(merge, _("Save Merged Version")))

        self.wait_until(lambda: row() == (4, "0499 99 99 99", "Kerkstraat 7, 9999 Demostad",
                                          "hanna@example.org"),
                        "the merged version saved: her phone and address, my e-mail")
        with sqlite3.connect(path) as db:
            self.assertEqual(db.execute("SELECT notes FROM participant WHERE first_name = 'Hanna' "
                                        "AND last_name = 'Mertens'").fetchone()[0], "Belt na vier uur")
        db.close()
        # The form shows what is saved now, and saves again without a fuss.
        self.wait_until(lambda: gui.text_of(texts[5]) == "0499 99 99 99", "the form shows her phone")
        self.assertEqual(gui.text_of(texts[4]), "Kerkstraat 7, 9999 Demostad")
        self.assertEqual(gui.text_of(texts[6]), "hanna@example.org")
        app.type_into(texts[6], "hanna.mertens@example.org", replace=True)
        app.click(self.button(editor, t["save"]))
        self.wait_until(lambda: row() == (5, "0499 99 99 99", "Kerkstraat 7, 9999 Demostad",
                                          "hanna.mertens@example.org"), "a normal save after the merge")

    def test_merge_nl(self):
        self.check_merge("nl")

    def test_merge_fr(self):
        self.check_merge("fr")

    def test_merge_de(self):
        self.check_merge("de")
