# gui_share.py: GUI checks, mixed into test-gui.py's GuiTest.
#
# Copyright 2026 The MIRIAM developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A team on one shared file: live refresh, presence, a dropped share, merging.
# Helpers (App, walk, EXPECTED, xdotool...) come from test-gui.py through
# `import __main__ as gui`; self.start(), self.field(), self.button()...
# are GuiTest's.
#
# Two casemanagers, Amina and Bart, each run MIRIAM (two processes, each
# with its own home folder and settings, so their own name) on the same
# database, which lies in a folder standing for the network drive.  The
# share "drops" when that folder is renamed away, and comes back when it is
# renamed back.

import datetime
import glob
import os
import re
import sqlite3
import subprocess
import tempfile
import time

import __main__ as gui  # noqa: F401

from gi.repository import Atspi

# "Within a few seconds": the window checks the file every two seconds
# (on a busy test machine, reading it again may take a few more).
LIVE_TIMEOUT = 15.0
# Two MIRIAMs starting on a busy machine.
APPEAR_TIMEOUT = 60.0


class ShareChecks:

    def start_colleague(self, lang, name, *args):
        """MIRIAM as @name runs it: her own home folder and settings."""
        home = tempfile.mkdtemp(prefix="home-", dir=self.home)
        os.makedirs(os.path.join(home, "config", "miriam"))
        with open(os.path.join(home, "config", "miriam", "settings.ini"), "w") as f:
            f.write("[MIRIAM]\nuser-name=%s\n" % name)
        app = gui.App(lang, list(args), home)
        app.home = home
        self.apps.append(app)
        self.appear(app)
        return app

    def appear(self, app):
        """app.find_app(), with the time two MIRIAMs need to start on a
        busy machine."""
        deadline = time.monotonic() + APPEAR_TIMEOUT
        while time.monotonic() < deadline and not self.on_bus(app):
            time.sleep(0.2)
        app.find_app()

    def focus_window(self, app, title):
        """Puts @app's window @title on top and gives it the keyboard.
        There is no window manager: both processes' windows sit at the top
        left of the screen, and keys go where the X server sends them."""
        found = subprocess.run(["xdotool", "search", "--all", "--pid", str(app.proc.pid),
                                "--name", "^%s$" % re.escape(title)],
                               capture_output=True, text=True).stdout.split()
        self.assertTrue(found, "no X window %r" % title)
        for wid in found:
            subprocess.run(["xdotool", "windowraise", wid])
        subprocess.run(["xdotool", "windowfocus", found[-1]])
        time.sleep(0.3)

    def wait_live(self, predicate, what):
        """Waits the few seconds a colleague's change may take to show."""
        deadline = time.monotonic() + LIVE_TIMEOUT
        while time.monotonic() < deadline:
            if predicate():
                return
            time.sleep(0.2)
        gui.screenshot("share-" + re.sub(r"\W+", "-", what))
        raise AssertionError("not within %.0f seconds: %s" % (LIVE_TIMEOUT, what))

    def find(self, app, predicate, what, timeout=None):
        """app.wait_for(), for windows that change under the reader: an
        object that vanishes while being read is skipped, not an error."""
        deadline = time.monotonic() + (timeout or gui.TIMEOUT)
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
        gui.screenshot("share-" + re.sub(r"\W+", "-", what))
        raise AssertionError("not shown: %s" % what)

    def on_bus(self, app):
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            try:
                if desktop.get_child_at_index(i).get_process_id() == app.proc.pid:
                    return True
            except Exception:
                pass
        return False

    def shows(self, app, text, within=None, role=None):
        """Whether a person sees @text in @app now.  The windows change
        under the reader (lists are read again), so a vanished object is
        just not seen."""
        try:
            accs = list(app.shown() if within is None else gui.walk_shown(within))
            return any(text in gui.name_of(a) and (role is None or a.get_role() == role)
                       for a in accs)
        except Exception:
            return False

    def drafts_of(self, app):
        return glob.glob(os.path.join(app.home, "data", "miriam", "drafts", "*.draft"))

    def check_share(self, lang):
        try:
            self.check_share_steps(lang)
        except Exception:
            # What the two MIRIAMs said, for whoever reads the failure.
            for app in self.apps:
                if app.proc.poll() is not None:
                    print("MIRIAM %d exited with %s:\n%s" % (app.proc.pid, app.proc.returncode,
                                                           app.output()))
            raise

    def check_share_steps(self, lang):
        t = gui.EXPECTED[lang]
        _ = gui.Catalogue(lang)
        share = os.path.join(self.home, "share")
        away = os.path.join(self.home, "share-away")
        os.makedirs(share)
        path = os.path.join(share, "team.sqlite")

        # The team's file, made by MIRIAM itself.
        maker = gui.App(lang, ["--demo", path], self.home)
        self.apps.append(maker)
        self.appear(maker)
        maker.wait_for_name(" " + t["participants"])
        maker.close()
        self.apps.remove(maker)

        amina = self.start_colleague(lang, "Amina Haddad", "--database", path)
        amina.wait_for_name(" " + t["participants"])
        bart = self.start_colleague(lang, "Bart Peeters", "--database", path)
        bart.wait_for_name(" " + t["participants"])
        main_title = amina.app.get_child_at_index(0).get_name()

        # Amina makes a new file; it appears in Bart's list by itself.
        amina.click(self.find(amina, lambda a: a.get_role() == Atspi.Role.PUSH_BUTTON
                              and gui.name_of(a) == t["new_participant"]
                              and a.get_n_actions() > 0, "Amina's New Participant button"))
        editor = amina.window(t["new_participant"])
        self.focus_window(amina, t["new_participant"])
        amina.type_into(self.field(editor, t["first_name"]), "Lotte")
        amina.type_into(self.field(editor, t["last_name"]), "Vandamme")
        amina.click(self.button(editor, t["save"]))
        amina.window("Lotte Vandamme")
        self.wait_live(lambda: self.shows(bart, "Vandamme, Lotte"),
                       "Amina's new participant in Bart's list")

        # A colleague's new session appears in Bart's calendar.
        today = datetime.date.today()
        with sqlite3.connect(path) as db:
            cohort = db.execute("SELECT id FROM cohort ORDER BY id LIMIT 1").fetchone()[0]
            group = db.execute(
                "INSERT INTO coaching_group (ocmw_id, cohort_id, name, start_date, end_date, "
                "updated_at, updated_by) VALUES (1, ?, 'Livegroep', ?, ?, "
                "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'Amina Haddad')",
                (cohort, (today - datetime.timedelta(days=30)).isoformat(),
                 (today + datetime.timedelta(days=300)).isoformat())).lastrowid
            db.execute("INSERT INTO session (group_id, day, start_minute, end_minute, updated_at, "
                       "updated_by) VALUES (?, ?, 600, 720, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
                       "'Amina Haddad')", (group, today.isoformat()))
        tabs = [self.find(bart, lambda a, s=s: s in gui.name_of(a) and a.get_role() == Atspi.Role.PAGE_TAB,
                          "Bart's tab " + s) for s in t["sections"]]
        bart.click(tabs[1])
        self.wait_live(lambda: self.shows(bart, "Livegroep", role=Atspi.Role.PUSH_BUTTON),
                       "the colleague's new session in Bart's calendar")
        bart.click(tabs[0])

        # Amina has Lotte's file open: Bart, opening it, reads so.
        self.focus_window(bart, main_title)
        search = self.find(bart, lambda a: a.get_role() in (Atspi.Role.TEXT, Atspi.Role.ENTRY)
                           and gui.name_of(a) == t["search"], "Bart's search field")
        bart.type_into(search, "Vandamme")
        cell = self.find(bart, lambda a: gui.name_of(a) == "Vandamme, Lotte" and a.get_role() == Atspi.Role.LABEL,
                         "Lotte's row in Bart's list")
        e = Atspi.Component.get_extents(cell, Atspi.CoordType.WINDOW)
        gui.xdotool("mousemove", str(e.x + e.width // 2), str(e.y + e.height // 2),
                    "click", "--repeat", "2", "1")
        bart_editor = bart.window("Lotte Vandamme")
        note = _("%s is editing this file.") % "Amina Haddad"
        self.wait_live(lambda: self.shows(bart, note, bart_editor), "Bart reads that Amina edits it")
        gui.screenshot("share-presence")
        # ...and Amina, a moment later, that Bart does (never herself).
        self.wait_live(lambda: self.shows(amina, _("%s is editing this file.") % "Bart Peeters"),
                       "Amina reads that Bart edits it")
        self.assertFalse(self.shows(bart, _("%s is editing this file.") % "Bart Peeters"))
        self.assertFalse(self.shows(amina, _("%s is editing this file.") % "Amina Haddad"))
        bart.click(self.button(bart_editor, _("Cancel")))

        # The share drops: both say so, and nobody's work is lost.
        lost = _("The database file cannot be reached. Your work stays in the open windows; "
                 "MIRIAM reconnects by itself.")
        os.rename(share, away)
        try:
            self.wait_live(lambda: self.shows(bart, lost), "Bart's banner about the lost file")
            self.wait_live(lambda: self.shows(amina, lost), "Amina's banner about the lost file")
            gui.screenshot("share-lost")
            # Amina goes on typing and saves: it cannot be saved now, but
            # the form keeps it, and so does a draft on her computer.
            self.focus_window(amina, "Lotte Vandamme")
            phone = [a for a in gui.walk_shown(editor) if a.get_role() == Atspi.Role.TEXT][5]
            amina.type_into(phone, "0470 98 76 54")
            amina.click(self.button(editor, t["save"]))
            kept = _("Your changes stay in this form, and on this computer until they are saved.")
            self.wait_live(lambda: self.shows(amina, kept, editor), "why the save did not happen")
            self.wait_live(lambda: len(self.drafts_of(amina)) == 1, "Amina's draft on her computer")
            self.assertEqual(gui.text_of(phone), "0470 98 76 54")
            gui.screenshot("share-save-failed")
            # Bart's window still shows the team's participants.
            self.find(bart, lambda a: "Vandamme, Lotte" in gui.name_of(a), "Bart's list while the share is away")
        finally:
            if os.path.exists(away):
                os.rename(away, share)

        # The share is back: the banners go by themselves, and the save
        # Amina tries again works.
        self.wait_live(lambda: not self.shows(bart, lost), "Bart's banner gone")
        self.wait_live(lambda: not self.shows(amina, lost), "Amina's banner gone")
        amina.click(self.button(editor, t["save"]))

        def saved():
            with sqlite3.connect(path) as db:
                return db.execute("SELECT phone, updated_by FROM participant WHERE first_name = 'Lotte' "
                                  "AND last_name = 'Vandamme'").fetchone() == ("0470 98 76 54",
                                                                              "Amina Haddad")
        self.wait_live(saved, "Amina's save after the share came back")
        self.wait_live(lambda: self.drafts_of(amina) == [], "no draft left after the save")

        # Her MIRIAM crashes while she types (killed, so it cannot save or
        # clean up anything) and she starts it again: her typing comes
        # back, when she wants it.
        self.focus_window(amina, "Lotte Vandamme")
        address = [a for a in gui.walk_shown(editor) if a.get_role() == Atspi.Role.TEXT][4]
        amina.type_into(address, "Kerkstraat 1, 9999 Demostad")
        self.wait_live(lambda: len(self.drafts_of(amina)) == 1, "Amina's draft while she types")
        amina.proc.kill()
        amina.proc.wait(timeout=10)
        self.assertEqual(len(self.drafts_of(amina)), 1, "the draft outlives the crash")
        home = amina.home
        amina = gui.App(lang, ["--database", path], home)
        amina.home = home
        self.apps.append(amina)
        self.appear(amina)
        search = self.find(amina, lambda a: a.get_role() in (Atspi.Role.TEXT, Atspi.Role.ENTRY)
                           and gui.name_of(a) == t["search"], "Amina's search field")
        self.focus_window(amina, main_title)
        amina.type_into(search, "Vandamme")
        cell = self.find(amina, lambda a: gui.name_of(a) == "Vandamme, Lotte"
                         and a.get_role() == Atspi.Role.LABEL, "Lotte's row in Amina's list")
        e = Atspi.Component.get_extents(cell, Atspi.CoordType.WINDOW)
        gui.xdotool("mousemove", str(e.x + e.width // 2), str(e.y + e.height // 2),
                    "click", "--repeat", "2", "1")
        editor = amina.window("Lotte Vandamme")
        restore = self.find(amina, lambda a: a.get_role() == Atspi.Role.PUSH_BUTTON
                            and gui.name_of(a) == _("Restore Unsaved Changes")
                            and a.get_n_actions() > 0, "the offer to restore her changes")
        gui.screenshot("share-draft-offer")
        address = [a for a in gui.walk_shown(editor) if a.get_role() == Atspi.Role.TEXT][4]
        self.assertEqual(gui.text_of(address), "")
        amina.click(restore)
        self.wait_until(lambda: gui.text_of(address) == "Kerkstraat 1, 9999 Demostad",
                        "her address back in the form")
        amina.click(self.button(editor, t["save"]))

        def address_saved():
            with sqlite3.connect(path) as db:
                return db.execute("SELECT address, phone FROM participant WHERE last_name = 'Vandamme'"
                                  ).fetchone() == ("Kerkstraat 1, 9999 Demostad", "0470 98 76 54")
        self.wait_live(address_saved, "the restored changes saved")
        self.wait_live(lambda: self.drafts_of(amina) == [], "no draft left after that save")

        # Nothing was lost or doubled on the way.
        with sqlite3.connect(path) as db:
            self.assertEqual(db.execute("SELECT count(*) FROM participant WHERE last_name = 'Vandamme'")
                             .fetchone()[0], 1)
            self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")

    def test_share_nl(self):
        self.check_share("nl")

    def test_share_fr(self):
        self.check_share("fr")

    def test_share_de(self):
        self.check_share("de")

    # ------------------------------------------------------------------
    # A stalled share: another computer holds the file for seconds

    def check_stalled_share(self, lang):
        t = gui.EXPECTED[lang]
        _ = gui.Catalogue(lang)
        path = os.path.join(self.home, "team.sqlite")
        app = self.restart(lang, "--demo", path)
        self.wait_name_steady(app, " " + t["participants"])
        main_title = app.app.get_child_at_index(0).get_name()

        app.click(self.find_steady(app, lambda a: a.get_role() == Atspi.Role.PUSH_BUTTON
                                   and gui.name_of(a) == t["new_participant"] and a.get_n_actions() > 0,
                                   "the New Participant button"))
        editor = app.window(t["new_participant"])
        app.type_into(self.field(editor, t["first_name"]), "Hanna")
        app.type_into(self.field(editor, t["last_name"]), "Mertens")
        busy = _("Colleagues kept the database file busy for too long. "
                 "Nothing was lost; please try again in a moment.")

        def saved():
            with sqlite3.connect(path, timeout=60) as db:
                return db.execute("SELECT count(*) FROM participant WHERE first_name = 'Hanna' "
                                  "AND last_name = 'Mertens'").fetchone()[0]

        # What a stalled share does to every file operation, a lock held by
        # another computer does too: MIRIAM has to wait for the file.
        lock = sqlite3.connect(path, isolation_level=None)
        lock.execute("BEGIN EXCLUSIVE")
        try:
            app.click(self.button(editor, t["save"]))
            time.sleep(1.0)
            # The form waits for its save, greyed, and takes no typing that
            # the saved version would then replace.
            first = self.field(editor, t["first_name"])
            app.type_into(first, "xyz")
            self.assertEqual(gui.text_of(first), "Hanna")
            gui.screenshot("share-stalled-saving")
            # The main window still answers at once: the search field takes
            # what she types while the list waits for the file.
            self.focus_window(app, main_title)
            search = self.find(app, lambda a: a.get_role() in (Atspi.Role.TEXT, Atspi.Role.ENTRY)
                               and gui.name_of(a) == t["search"], "the search field")
            started = time.monotonic()
            app.type_into(search, "Mert")
            self.assertEqual(gui.text_of(search), "Mert")
            self.assertLess(time.monotonic() - started, 5.0, "the window froze while the file was held")
            time.sleep(6.0)
            self.assertFalse(self.shows(app, busy), "a lock is waited for, not shown as an error")
        finally:
            lock.rollback()
            lock.close()

        # The file is free again: the save goes through by itself, the form
        # comes back, and nobody was told of a problem.
        self.wait_until(lambda: saved() == 1, "the save once the file is free")
        editor = app.window("Hanna Mertens")
        self.focus_window(app, "Hanna Mertens")
        first = self.field(editor, t["first_name"])
        app.type_into(first, "h")
        self.wait_until(lambda: gui.text_of(first) in ("Hannah", "hHanna"), "the form taking typing again")
        self.assertFalse(self.shows(app, busy))
        gui.screenshot("share-stalled-after")

    def test_stalled_share_nl(self):
        self.check_stalled_share("nl")
