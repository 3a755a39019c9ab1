#!/usr/bin/python3
# test-gui.py: starts the real MIRIAM window and reads it as a screen reader
# does, through AT-SPI, in Dutch, French and German.
#
# Copyright 2026 The MIRIAM developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# usage: test-gui.py MIRIAM-EXECUTABLE LOCALEDIR
#
# Re-runs itself under Xvfb and a private D-Bus session when the machine has
# no display or no session bus, so `meson test` works on a desktop and on a
# headless CI machine alike.

import datetime
import gettext
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

if not os.environ.get("MIRIAM_GUI_TEST_WRAPPED"):
    os.environ["MIRIAM_GUI_TEST_WRAPPED"] = "1"
    # A private runtime folder: otherwise every test session shares the
    # accessibility bus socket of ~/.cache/at-spi, and two runs at once
    # take it from each other.
    os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="miriam-gui-runtime-")
    cmd = [sys.executable] + sys.argv
    if not os.environ.get("DISPLAY"):
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24 -noreset"] + cmd
    # Always a private session bus: the accessibility bus of the test must
    # not mix with the desktop's.
    cmd = ["dbus-run-session", "--"] + cmd
    os.execvp(cmd[0], cmd)

import gi  # noqa: E402

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

EXE = os.path.abspath(sys.argv[1])
LOCALEDIR = os.path.abspath(sys.argv[2])

# What a Dutch, French or German speaking casemanager must read: the
# glossary's official terms, typed here independently of the catalogues.
EXPECTED = {
    "nl": {
        "sections": ["Deelneemsters", "Kalender", "Voortgang"],
        "no_participants": "Nog geen deelneemsters",
        "no_groups": "Nog geen groepen",
        "group_hint": "Maak een groep aan om haar sessies te plannen",
        "no_measurements": "Nog geen metingen",
        "try_demo": "Demodatabank uitproberen…",
        "participants": "deelneemsters",
        "not_a_database": "Dit is geen MIRIAM-databank",
        "file_missing": "Het databankbestand is niet te vinden",
        "create_here": "Hier een nieuwe databank maken",
        "newer": "nieuwere versie van MIRIAM",
        "read_only": "alleen-lezen",
        "menu": "Hoofdmenu",
        "preferences": "Voorkeuren",
        "new_participant": "Nieuwe deelneemster",
        "save": "Opslaan",
        "first_name": "Voornaam",
        "last_name": "Achternaam",
        "birth_date": "12/03/1990",
        "insz_check": "controlecijfers",
        "no_match": "Geen deelneemster gevonden",
        "search": "Deelneemsters zoeken",
        "conflict": "Er werd niets overschreven",
        "keep_mine": "Mijn versie opslaan",
        "partners_menu": "Partnerorganisaties",
        "partners": "Lijst van partnerorganisaties",
        "your_name": "Uw naam",
        "language": "Taal",
    },
    "fr": {
        "sections": ["Participantes", "Calendrier", "Progression"],
        "no_participants": "Pas encore de participantes",
        "no_groups": "Pas encore de groupes",
        "group_hint": "Créez un groupe pour planifier ses séances",
        "no_measurements": "Pas encore de mesures",
        "try_demo": "Essayer la base de démonstration…",
        "participants": "participantes",
        "not_a_database": "Ceci n’est pas une base de données MIRIAM",
        "file_missing": "Le fichier de la base de données est introuvable",
        "create_here": "Créer une nouvelle base de données ici",
        "newer": "version plus récente de MIRIAM",
        "read_only": "lecture seule",
        "menu": "Menu principal",
        "preferences": "Préférences",
        "new_participant": "Nouvelle participante",
        "save": "Enregistrer",
        "first_name": "Prénom",
        "last_name": "Nom",
        "birth_date": "12/03/1990",
        "insz_check": "chiffres de contrôle",
        "no_match": "Aucune participante trouvée",
        "search": "Rechercher des participantes",
        "conflict": "Rien n’a été écrasé",
        "keep_mine": "Enregistrer ma version",
        "partners_menu": "Organisations partenaires",
        "partners": "Annuaire des organisations partenaires",
        "your_name": "Votre nom",
        "language": "Langue",
    },
    "de": {
        "sections": ["Teilnehmerinnen", "Kalender", "Fortschritt"],
        "no_participants": "Noch keine Teilnehmerinnen",
        "no_groups": "Noch keine Gruppen",
        "group_hint": "Legen Sie eine Gruppe an, um ihre Sitzungen zu planen",
        "no_measurements": "Noch keine Messungen",
        "try_demo": "Demo-Datenbank ausprobieren …",
        "participants": "Teilnehmerinnen",
        "not_a_database": "Dies ist keine MIRIAM-Datenbank",
        "file_missing": "Die Datenbankdatei wurde nicht gefunden",
        "create_here": "Hier eine neue Datenbank anlegen",
        "newer": "neueren Version von MIRIAM",
        "read_only": "schreibgeschützt",
        "menu": "Hauptmenü",
        "preferences": "Einstellungen",
        "new_participant": "Neue Teilnehmerin",
        "save": "Speichern",
        "first_name": "Vorname",
        "last_name": "Nachname",
        "birth_date": "12.03.1990",
        "insz_check": "Prüfziffern",
        "no_match": "Keine Teilnehmerin gefunden",
        "search": "Teilnehmerinnen suchen",
        "conflict": "Es wurde nichts überschrieben",
        "keep_mine": "Meine Version speichern",
        "partners_menu": "Partnerorganisationen",
        "partners": "Verzeichnis der Partnerorganisationen",
        "your_name": "Ihr Name",
        "language": "Sprache",
    },
}

# Roles a person operates; each needs a name a screen reader can say.
CONTROL_ROLES = {
    Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON, Atspi.Role.CHECK_BOX,
    Atspi.Role.RADIO_BUTTON, Atspi.Role.COMBO_BOX, Atspi.Role.ENTRY,
    Atspi.Role.TEXT, Atspi.Role.SPIN_BUTTON, Atspi.Role.SLIDER,
    Atspi.Role.PAGE_TAB, Atspi.Role.MENU_ITEM, Atspi.Role.LINK,
    Atspi.Role.SWITCH if hasattr(Atspi.Role, "SWITCH") else Atspi.Role.TOGGLE_BUTTON,
}

TIMEOUT = 20.0


def walk(acc):
    """Yields every accessible below acc, acc included."""
    stack = [acc]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        yield node
        try:
            n = node.get_child_count()
        except Exception:
            continue
        for i in range(n - 1, -1, -1):
            try:
                stack.append(node.get_child_at_index(i))
            except Exception:
                pass


def has_state(acc, state):
    try:
        return acc.get_state_set().contains(state)
    except Exception:
        return False


def walk_shown(acc, hidden_sections=()):
    """Yields what a person can see: visible all the way down.

    GTK 4.8 sets no SHOWING state, and reports every page of a stack as
    visible; a section page is shown only when its tab is selected, so
    pages of unselected tabs are skipped.  It also omits VISIBLE on some
    controls inside others (an entry's text, a drop-down's button), so
    only containers are pruned on it."""
    if acc is None:
        return
    if not has_state(acc, Atspi.StateType.VISIBLE) and acc.get_role() not in CONTROL_ROLES:
        return
    if acc.get_role() == Atspi.Role.PANEL and name_of(acc) in hidden_sections:
        return
    yield acc
    try:
        n = acc.get_child_count()
    except Exception:
        return
    for i in range(n):
        try:
            child = acc.get_child_at_index(i)
        except Exception:
            continue
        yield from walk_shown(child, hidden_sections)


def name_of(acc):
    try:
        return acc.get_name() or ""
    except Exception:
        return ""


def screenshot(what):
    """Keeps a picture of the screen of a failing step, for a person to
    look at, when MIRIAM_GUI_TEST_SHOTS names a folder."""
    folder = os.environ.get("MIRIAM_GUI_TEST_SHOTS")
    if folder:
        subprocess.run(["import", "-window", "root", os.path.join(folder, what + ".png")])


def map_keys(*keysyms):
    """Puts @keysyms on spare keys of the (test) X server's keyboard.

    xdotool types a character missing from the keymap by remapping a key
    on the fly, and GTK can read the key before the new map: "Céline"
    then arrives as "Cline".  Characters on the map are plain key
    presses."""
    table = subprocess.run(["xmodmap", "-pke"], check=True, capture_output=True,
                           text=True).stdout
    present = set(table.split())
    spare = [int(line.split()[1]) for line in table.splitlines()
             if line.startswith("keycode") and line.rstrip().endswith("=")]
    for keysym in keysyms:
        if keysym in present:
            continue
        code = spare.pop()
        subprocess.run(["xmodmap", "-e", "keycode %d = %s %s" % (code, keysym, keysym.capitalize())],
                       check=True)


def xdotool(*args):
    subprocess.run(["xdotool"] + list(args), check=True)


def text_of(acc):
    n = Atspi.Text.get_character_count(acc)
    return Atspi.Text.get_text(acc, 0, n)


def insz_for(yymmdd, serial):
    """A valid INSZ for someone born in the 1900s, computed here from the
    rule itself (97 minus the first nine digits modulo 97)."""
    first = int("%s%03d" % (yymmdd, serial))
    check = 97 - first % 97
    return "%s.%s.%s-%03d.%02d" % (yymmdd[0:2], yymmdd[2:4], yymmdd[4:6], serial, check)


WEEKDAYS = {
    "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
}
MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"],
}


def long_date(day, lang):
    """The date as a casemanager reads it, typed here independently."""
    weekday = WEEKDAYS[lang][day.weekday()]
    month = MONTHS[lang][day.month - 1]
    if lang == "de":
        return "%s, %d. %s %d" % (weekday, day.day, month, day.year)
    return "%s %d %s %d" % (weekday, day.day, month, day.year)


def short_date(day, lang):
    return day.strftime("%d.%m.%Y" if lang == "de" else "%d/%m/%Y")


class Catalogue:
    """The built catalogue of a language, for labels not typed in EXPECTED.
    A label missing from it fails the test: the English text would show."""

    def __init__(self, lang):
        self.tr = gettext.translation("miriam", LOCALEDIR, languages=[lang])

    def __call__(self, msgid):
        # German "Name" is "Name": what counts is that the catalogue has it.
        if not self.tr._catalog.get(msgid):
            raise AssertionError("not translated: %r" % msgid)
        return self.tr.gettext(msgid).replace("_", "")

    def context(self, context, msgid):
        """A message with a context, as C_() and NC_() mark it."""
        if not self.tr._catalog.get("%s\x04%s" % (context, msgid)):
            raise AssertionError("not translated: %r in context %r" % (msgid, context))
        return self.tr.pgettext(context, msgid)


class App:
    """One run of the real application, in its own home folder."""

    def __init__(self, lang, args, home):
        env = dict(os.environ)
        env.update({
            "HOME": home,
            "XDG_CONFIG_HOME": os.path.join(home, "config"),
            "XDG_DATA_HOME": os.path.join(home, "data"),
            "MIRIAM_LOCALEDIR": LOCALEDIR,
            "GSK_RENDERER": "cairo",
            "GDK_BACKEND": "x11",
        })
        env.pop("GTK_A11Y", None)
        env.pop("NO_AT_BRIDGE", None)
        self.proc = subprocess.Popen([EXE, "--language", lang] + args, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.closed = False
        self.app = None

    def find_app(self):
        deadline = time.monotonic() + TIMEOUT
        context = GLib.MainContext.default()
        while time.monotonic() < deadline:
            # The accessibility library learns of new applications from
            # messages it handles in a main loop: run it, or a MIRIAM
            # started after another one may never show up.
            while context.pending():
                context.iteration(False)
            desktop = Atspi.get_desktop(0)
            for i in range(desktop.get_child_count()):
                child = desktop.get_child_at_index(i)
                try:
                    if child is not None and child.get_process_id() == self.proc.pid:
                        self.app = child
                        return child
                except Exception:
                    pass
            if self.proc.poll() is not None:
                raise AssertionError("MIRIAM exited early: %s" % self.output())
            time.sleep(0.1)
        raise AssertionError("MIRIAM never appeared on the accessibility bus")

    def shown(self):
        app = self.app or self.find_app()
        tabs = [a for a in walk(app) if a.get_role() == Atspi.Role.PAGE_TAB]
        hidden = {name_of(t) for t in tabs if not has_state(t, Atspi.StateType.SELECTED)}
        result = []
        for i in range(app.get_child_count()):
            result.extend(walk_shown(app.get_child_at_index(i), hidden))
        return result

    def wait_for(self, predicate, what):
        """Waits until some accessible a person can see satisfies predicate."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            for acc in self.shown():
                if predicate(acc):
                    return acc
            time.sleep(0.2)
        names = sorted({name_of(a) for a in self.shown() if name_of(a)})
        raise AssertionError("not shown: %s; shown were: %s" % (what, names))

    def wait_for_name(self, text, role=None):
        return self.wait_for(lambda a: text in name_of(a)
                             and (role is None or a.get_role() == role),
                             repr(text))

    def window(self, title):
        """Waits for a top-level window of the application."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            for i in range(self.app.get_child_count()):
                w = self.app.get_child_at_index(i)
                if w is not None and name_of(w) == title:
                    return w
            time.sleep(0.2)
        screenshot("no-window")
        raise AssertionError("no window %r" % title)

    def type_into(self, acc, text, replace=False):
        """Clicks into a field and types, with real key presses (GTK 4.8
        ignores text set through AT-SPI).  The windows sit at the top left
        of the X screen: there is no window manager to move them."""
        e = Atspi.Component.get_extents(acc, Atspi.CoordType.WINDOW)
        xdotool("mousemove", str(e.x + e.width // 2), str(e.y + e.height // 2), "click", "1")
        time.sleep(0.2)
        if replace:
            xdotool("key", "ctrl+a")
        xdotool("type", "--delay", "15", text)
        time.sleep(0.2)

    def click(self, acc):
        for i in range(acc.get_n_actions()):
            if acc.get_action_name(i) in ("click", "activate", "press", "select"):
                acc.do_action(i)
                return
        acc.do_action(0)

    def output(self):
        try:
            out, _ = self.proc.communicate(timeout=5)
            return out.decode("utf-8", "replace")
        except Exception:
            return ""

    def close(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()


# Checks of later features live in their own files (tests/gui_*.py), as
# mixins that reach this module's helpers through `__main__`.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_measurements import MeasurementChecks  # noqa: E402
from gui_progress import ProgressChecks  # noqa: E402
from gui_share import ShareChecks  # noqa: E402
from gui_backup import BackupChecks  # noqa: E402
from gui_consortium import ConsortiumChecks  # noqa: E402
from gui_merge_session import SessionMergeChecks  # noqa: E402
from gui_merge_group import GroupMergeChecks  # noqa: E402
from gui_merge_measurement import MeasurementMergeChecks  # noqa: E402


class GuiTest(MeasurementChecks, ProgressChecks, ShareChecks, BackupChecks, ConsortiumChecks,
              SessionMergeChecks, GroupMergeChecks, MeasurementMergeChecks, unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        map_keys("eacute", "udiaeresis")

    def setUp(self):
        self.home = tempfile.mkdtemp(prefix="miriam-gui-")
        self.apps = []

    def tearDown(self):
        for app in self.apps:
            app.close()
        shutil.rmtree(self.home, ignore_errors=True)

    def start(self, lang, *args):
        app = App(lang, list(args), self.home)
        self.apps.append(app)
        app.find_app()
        return app

    def assert_controls_named(self, app, within=None):
        unnamed = []
        for acc in (app.shown() if within is None else walk_shown(within)):
            try:
                role = acc.get_role()
            except Exception:
                continue
            if role not in CONTROL_ROLES:
                continue
            name = name_of(acc).strip()
            # GTK 4.8 falls back to the class name, which says nothing.
            if not name or name.startswith("Gtk") or "_" in name:
                unnamed.append("%s %r" % (acc.get_role_name(), name))
        self.assertEqual(unnamed, [], "controls without a proper accessible name")

    def check_empty_database(self, lang):
        t = EXPECTED[lang]
        app = self.start(lang)   # no file chosen: the local default is created

        tabs = [app.wait_for_name(s, Atspi.Role.PAGE_TAB) for s in t["sections"]]
        app.wait_for_name(t["no_participants"])
        # What to do first: create the first file.
        app.wait_for_name(t["new_participant"], Atspi.Role.PUSH_BUTTON)
        app.wait_for_name(t["menu"], Atspi.Role.PUSH_BUTTON)
        self.assert_controls_named(app)

        app.click(tabs[1])
        app.wait_for_name(t["no_groups"])
        app.wait_for_name(t["group_hint"])
        app.wait_for_name(t["try_demo"], Atspi.Role.PUSH_BUTTON)
        app.click(tabs[2])
        app.wait_for_name(t["no_measurements"])

        # The local default database now exists where the README says.
        self.assertTrue(os.path.exists(os.path.join(self.home, "data", "miriam", "miriam.sqlite")))

    def test_empty_database_nl(self):
        self.check_empty_database("nl")

    def test_empty_database_fr(self):
        self.check_empty_database("fr")

    def test_empty_database_de(self):
        self.check_empty_database("de")

    def check_demo(self, lang):
        t = EXPECTED[lang]
        path = os.path.join(self.home, "demo.sqlite")
        app = self.start(lang, "--demo", path)

        title = app.wait_for(lambda a: a.get_role() == Atspi.Role.LABEL
                             and name_of(a).endswith(" " + t["participants"])
                             and name_of(a).split(" ")[0].isdigit(),
                             "number of participants")
        count = int(name_of(title).split(" ")[0])
        self.assertGreaterEqual(count, 20)
        self.assertLessEqual(count, 30)
        with sqlite3.connect(path) as db:
            self.assertEqual(db.execute("SELECT count(*) FROM participant").fetchone()[0], count)
        self.assert_controls_named(app)

    def test_demo_nl(self):
        self.check_demo("nl")

    def test_demo_fr(self):
        self.check_demo("fr")

    def test_demo_de(self):
        self.check_demo("de")

    def make_database(self, lang):
        """A real database, made by the application itself."""
        path = os.path.join(self.home, "team.sqlite")
        app = self.start(lang, "--demo", path)
        app.wait_for_name(" " + EXPECTED[lang]["participants"])
        app.close()
        self.apps.remove(app)
        return path

    def check_newer_version(self, lang):
        t = EXPECTED[lang]
        path = self.make_database(lang)
        with sqlite3.connect(path) as db:
            db.execute("PRAGMA user_version = 999")
        with open(path, "rb") as f:
            before = f.read()

        app = self.start(lang, "--database", path)
        app.wait_for_name(t["newer"])
        app.wait_for_name(t["read_only"])
        app.wait_for_name(" " + t["participants"])
        app.close()
        with open(path, "rb") as f:
            self.assertEqual(f.read(), before, "a newer file must not be changed")

    def test_newer_version_nl(self):
        self.check_newer_version("nl")

    def test_newer_version_fr(self):
        self.check_newer_version("fr")

    def test_newer_version_de(self):
        self.check_newer_version("de")

    def check_not_a_database(self, lang):
        t = EXPECTED[lang]
        path = os.path.join(self.home, "notes.sqlite")
        text = "Dit is een tekstbestand, geen databank.\n" * 100
        with open(path, "w") as f:
            f.write(text)

        app = self.start(lang, "--database", path)
        app.wait_for_name(t["not_a_database"])
        self.assert_controls_named(app)
        app.close()
        with open(path) as f:
            self.assertEqual(f.read(), text, "the file must be left as it was")

    def test_not_a_database_nl(self):
        self.check_not_a_database("nl")

    def test_not_a_database_fr(self):
        self.check_not_a_database("fr")

    def test_not_a_database_de(self):
        self.check_not_a_database("de")

    def check_missing_file(self, lang):
        t = EXPECTED[lang]
        path = os.path.join(self.home, "share", "moved.sqlite")
        os.makedirs(os.path.dirname(path))

        app = self.start(lang, "--database", path)
        app.wait_for_name(t["file_missing"])
        # Nothing is created behind the user's back...
        self.assertFalse(os.path.exists(path))
        # ...only when she asks for it.
        app.click(app.wait_for_name(t["create_here"], Atspi.Role.PUSH_BUTTON))
        app.wait_for_name(t["no_participants"])
        self.assertTrue(os.path.exists(path))

    def test_missing_file_nl(self):
        self.check_missing_file("nl")

    def test_missing_file_fr(self):
        self.check_missing_file("fr")

    def test_missing_file_de(self):
        self.check_missing_file("de")

    def check_preferences(self, lang):
        t = EXPECTED[lang]
        app = self.start(lang)
        app.wait_for_name(t["no_participants"])

        # Through the main menu, as a person with a mouse or Orca would.
        button = app.wait_for(lambda a: name_of(a) == t["menu"] and a.get_n_actions() > 0,
                              "the main menu button")
        app.click(button)
        app.click(app.wait_for(lambda a: a.get_role() == Atspi.Role.MENU_ITEM
                               and name_of(a) == t["preferences"], "the Preferences item"))
        dialog = app.window(t["preferences"])

        self.assert_controls_named(app, dialog)
        names = {name_of(a) for a in walk_shown(dialog)}
        self.assertIn(t["language"], names)
        self.assertIn(t["your_name"], names)
        # The local database is named, so that a team can tell it from the
        # shared one.
        self.assertTrue(any("miriam.sqlite" in n for n in names))

    def test_preferences_nl(self):
        self.check_preferences("nl")

    def test_preferences_fr(self):
        self.check_preferences("fr")

    def test_preferences_de(self):
        self.check_preferences("de")

    def field(self, window, name):
        for acc in walk_shown(window):
            if acc.get_role() == Atspi.Role.TEXT and name_of(acc) == name:
                return acc
        raise AssertionError("no field %r" % name)

    def button(self, window, name):
        for acc in walk_shown(window):
            if (acc.get_role() == Atspi.Role.PUSH_BUTTON and name_of(acc) == name
                    and acc.get_n_actions() > 0):
                return acc
        raise AssertionError("no button %r" % name)

    def wait_until(self, predicate, what):
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if predicate():
                return
            time.sleep(0.2)
        raise AssertionError("never happened: " + what)

    def check_participant_file(self, lang):
        t = EXPECTED[lang]
        path = os.path.join(self.home, "team.sqlite")
        app = self.start(lang, "--demo", path)
        app.wait_for_name(" " + t["participants"])

        # A new file through the real form.
        app.click(app.wait_for(lambda a: a.get_role() == Atspi.Role.PUSH_BUTTON
                               and name_of(a) == t["new_participant"] and a.get_n_actions() > 0,
                               "the New Participant button"))
        editor = app.window(t["new_participant"])
        self.assert_controls_named(app, editor)
        bad_insz = insz_for("900312", 124)[:-2] + "00"
        app.type_into(self.field(editor, t["first_name"]), "Céline")
        app.type_into(self.field(editor, t["last_name"]), "Testa-Müller")
        app.type_into(self.field(editor, "INSZ" if lang == "nl" else ("NISS" if lang == "fr" else "ENSS")),
                      bad_insz)
        birth = [a for a in walk_shown(editor) if a.get_role() == Atspi.Role.TEXT][2]
        app.type_into(birth, t["birth_date"])

        # A wrong check digit: a clear message next to the field, nothing lost.
        app.click(self.button(editor, t["save"]))
        app.wait_for_name(t["insz_check"])
        self.assertEqual(text_of(self.field(editor, t["first_name"])), "Céline")
        self.assertEqual(text_of(self.field(editor, t["last_name"])), "Testa-Müller")
        insz_field = [a for a in walk_shown(editor) if a.get_role() == Atspi.Role.TEXT][3]
        self.assertEqual(text_of(insz_field), bad_insz)
        with sqlite3.connect(path) as db:
            self.assertEqual(db.execute("SELECT count(*) FROM participant WHERE first_name = 'Céline'")
                             .fetchone()[0], 0, "nothing may be saved with an invalid INSZ")

        # Corrected, saved: the window is now hers.
        app.type_into(insz_field, insz_for("900312", 124), replace=True)
        app.click(self.button(editor, t["save"]))
        app.window("Céline Testa-Müller")
        with sqlite3.connect(path) as db:
            row = db.execute("SELECT insz, birth_date, version, status FROM participant "
                             "WHERE first_name = 'Céline' AND last_name = 'Testa-Müller'").fetchone()
        self.assertEqual(row, (insz_for("900312", 124).replace(".", "").replace("-", ""),
                               "1990-03-12", 1, "waiting"))

        # Edited and saved again: one more version, in the same file.
        phone = [a for a in walk_shown(editor) if a.get_role() == Atspi.Role.TEXT][5]
        app.type_into(phone, "0470 12 34 56")
        app.click(self.button(editor, t["save"]))

        def saved_twice():
            with sqlite3.connect(path) as db:
                return db.execute("SELECT version, phone FROM participant WHERE first_name = 'Céline'"
                                  ).fetchone() == (2, "0470 12 34 56")
        self.wait_until(saved_twice, "the second save")

        # A colleague saves her file meanwhile (another phone number); my
        # next save must not overwrite it silently: both versions shown,
        # nothing lost, and my version wins only when I say so.
        with sqlite3.connect(path) as db:
            db.execute("UPDATE participant SET phone = '0499 99 99 99', version = version + 1 "
                       "WHERE first_name = 'Céline'")
        address = [a for a in walk_shown(editor) if a.get_role() == Atspi.Role.TEXT][4]
        app.type_into(address, "Kerkstraat 1, 9999 Demostad")
        app.click(self.button(editor, t["save"]))
        app.wait_for_name(t["conflict"])
        app.wait_for(lambda a: "0499 99 99 99" in name_of(a) and "0470 12 34 56" in name_of(a),
                     "both phone numbers side by side")
        with sqlite3.connect(path) as db:
            self.assertEqual(db.execute("SELECT version, phone, address FROM participant "
                                        "WHERE first_name = 'Céline'").fetchone(),
                             (3, "0499 99 99 99", ""), "the colleague's save must stay as it was")
        self.assertEqual(text_of(address), "Kerkstraat 1, 9999 Demostad")
        app.click(self.button(editor, t["keep_mine"]))

        def mine_kept():
            with sqlite3.connect(path) as db:
                return db.execute("SELECT version, phone, address FROM participant "
                                  "WHERE first_name = 'Céline'").fetchone() == \
                    (4, "0470 12 34 56", "Kerkstraat 1, 9999 Demostad")
        self.wait_until(mine_kept, "my version saved after I chose it")

        # The list shows her, and finds her without accents, by phone, and
        # says so when nobody matches.
        app.wait_for_name("Testa-Müller, Céline")
        search = app.wait_for(lambda a: a.get_role() in (Atspi.Role.TEXT, Atspi.Role.ENTRY)
                              and name_of(a) == t["search"], "the search field")
        app.type_into(search, "celine testa")
        app.wait_for_name("Testa-Müller, Céline")
        app.type_into(search, "0470123456", replace=True)
        app.wait_for_name("Testa-Müller, Céline")
        app.type_into(search, "zzzz", replace=True)
        app.wait_for_name(t["no_match"])

    def check_partner_directory(self, lang):
        t = EXPECTED[lang]
        path = os.path.join(self.home, "team.sqlite")
        app = self.start(lang, "--demo", path)
        app.wait_for_name(" " + t["participants"])

        app.click(app.wait_for(lambda a: name_of(a) == t["menu"] and a.get_n_actions() > 0,
                               "the main menu button"))
        app.click(app.wait_for(lambda a: a.get_role() == Atspi.Role.MENU_ITEM
                               and name_of(a) == t["partners_menu"], "the Partner Directory item"))
        directory = app.window(t["partners"])
        # The pre-filled partner types are there, each row fully named.
        self.wait_until(lambda: any(a.get_role() == Atspi.Role.TEXT
                                    and text_of(a) == "Centrum Algemeen Welzijnswerk (CAW)"
                                    for a in walk_shown(directory)),
                        "the pre-filled CAW partner")
        self.assert_controls_named(app, directory)

    def click_at(self, acc):
        """A real click in the middle of @acc (rows of a sidebar have no
        action through AT-SPI)."""
        e = Atspi.Component.get_extents(acc, Atspi.CoordType.WINDOW)
        xdotool("mousemove", str(e.x + e.width // 2), str(e.y + e.height // 2), "click", "1")
        time.sleep(0.3)

    def check_calendar(self, lang):
        t = EXPECTED[lang]
        _ = Catalogue(lang)
        path = os.path.join(self.home, "team.sqlite")
        app = self.start(lang, "--demo", path)
        app.wait_for_name(" " + t["participants"])
        today = datetime.date.today()

        tabs = [app.wait_for_name(s, Atspi.Role.PAGE_TAB) for s in t["sections"]]
        app.click(tabs[1])
        # The month view of the team: this month's name, weekdays from Monday.
        app.wait_for_name("%s %d" % (MONTHS[lang][today.month - 1].capitalize(), today.year))
        app.wait_for_name(long_date(today, lang))
        self.assert_controls_named(app)

        # A new group, its schedule generated from its rhythm.
        app.click(app.wait_for(lambda a: a.get_role() == Atspi.Role.PUSH_BUTTON
                               and name_of(a) == _("New Group…") and a.get_n_actions() > 0,
                               "the New Group button"))
        editor = app.window(_("New Group"))
        self.assert_controls_named(app, editor)
        app.type_into(self.field(editor, _("Name")), "Testgroep")
        start = datetime.date(today.year if today.month >= 9 else today.year - 1, 9, 1)
        app.type_into(self.field(editor, _("Start date")), short_date(start, lang), replace=True)
        app.type_into(self.field(editor, _("End date")),
                      short_date(datetime.date(start.year + 1, 6, 30), lang), replace=True)
        app.click(self.button(editor, _("Add a Colleague…")))
        app.type_into(app.wait_for(lambda a: a.get_role() == Atspi.Role.TEXT
                                   and name_of(a) == _("Name of the colleague"), "colleague field"),
                      "Amina Haddad")
        app.click(self.button(editor, _("Add to the Team")))
        self.click_at(app.wait_for(lambda a: a.get_role() == Atspi.Role.LABEL
                                   and name_of(a) == _("Schedule"), "the Schedule page"))
        app.click(app.wait_for(lambda a: a.get_role() == Atspi.Role.PUSH_BUTTON
                               and name_of(a) == _("Propose Sessions") and a.get_n_actions() > 0,
                               "the Propose Sessions button"))
        # Christmas is skipped, with its reason, and the long break is flagged.
        app.wait_for(lambda a: _("Christmas holidays") in name_of(a), "the Christmas holidays")
        self.assert_controls_named(app, editor)
        app.click(self.button(editor, _("Save")))

        def group_saved():
            with sqlite3.connect(path) as db:
                return db.execute("SELECT count(*) FROM session s JOIN coaching_group g "
                                  "ON g.id = s.group_id WHERE g.name = 'Testgroep'").fetchone()[0]
        self.wait_until(lambda: group_saved() >= 15, "the group and its sessions saved")
        with sqlite3.connect(path) as db:
            days = [d for (d,) in db.execute("SELECT s.day FROM session s JOIN coaching_group g "
                                             "ON g.id = s.group_id WHERE g.name = 'Testgroep'")]
            staff = db.execute("SELECT st.display_name FROM group_staff gs JOIN staff st "
                               "ON st.id = gs.staff_id JOIN coaching_group g ON g.id = gs.group_id "
                               "WHERE g.name = 'Testgroep'").fetchall()
        self.assertEqual(staff, [("Amina Haddad",)])
        # Never on Christmas Day or New Year's Day, and not in the Flemish
        # Christmas holidays.
        for day in days:
            d = datetime.date.fromisoformat(day)
            self.assertFalse((d.month, d.day) in ((12, 25), (1, 1)), day)
            self.assertFalse(d.month == 12 and d.day >= 21 or d.month == 1 and d.day <= 3, day)
        xdotool("key", "Escape")

        # The team calendar shows it, in this language.
        app.wait_for(lambda a: a.get_role() == Atspi.Role.PUSH_BUTTON and "Testgroep" in name_of(a),
                     "a Testgroep session in the month view")

        # Attendance of the last group session held: one click per woman.
        with sqlite3.connect(path) as db:
            session_id, day, group = db.execute(
                "SELECT s.id, s.day, g.name FROM session s JOIN coaching_group g ON g.id = s.group_id "
                "WHERE s.cancelled = 0 AND s.day <= date('now', 'localtime') AND g.name <> 'Testgroep' "
                "AND EXISTS (SELECT 1 FROM membership m WHERE m.group_id = g.id "
                "AND m.joined_on <= s.day AND (m.left_on IS NULL OR m.left_on >= s.day)) "
                "ORDER BY s.day DESC LIMIT 1").fetchone()
        held = datetime.date.fromisoformat(day)
        if (held.year, held.month) != (today.year, today.month):
            app.click(app.wait_for(lambda a: a.get_role() == Atspi.Role.PUSH_BUTTON
                                   and name_of(a) == _("Previous") and a.get_n_actions() > 0,
                                   "the Previous button"))
        day_button = app.wait_for(lambda a: a.get_role() == Atspi.Role.PUSH_BUTTON
                                  and name_of(a).startswith(long_date(held, lang)), "the day " + day)
        # The day's cell holds its number and its entries.
        cell, entry = day_button, None
        while entry is None and cell is not None:
            cell = cell.get_parent()
            entry = next((a for a in walk_shown(cell) if a.get_role() == Atspi.Role.PUSH_BUTTON
                          and group in name_of(a)), None)
        self.assertIsNotNone(entry, "the session of %s on %s" % (group, day))
        app.click(entry)
        session = app.window(_("Group Session"))
        self.assert_controls_named(app, session)
        absent = _("Absent: %s").replace("%s", "")
        toggle = app.wait_for(lambda a: name_of(a).startswith(absent)
                              and a.get_role() in (Atspi.Role.TOGGLE_BUTTON, Atspi.Role.PUSH_BUTTON),
                              "an Absent button")
        woman = name_of(toggle)[len(absent):]
        self.click_at(toggle)
        app.click(self.button(session, _("Save")))

        def marked():
            with sqlite3.connect(path) as db:
                return db.execute("SELECT a.status FROM attendance a JOIN participant p "
                                  "ON p.id = a.participant_id WHERE a.session_id = ? "
                                  "AND p.first_name || ' ' || p.last_name = ?",
                                  (session_id, woman)).fetchone()
        self.wait_until(lambda: marked() == ("absent",), "%s marked absent" % woman)

    def test_calendar_nl(self):
        self.check_calendar("nl")

    def test_calendar_fr(self):
        self.check_calendar("fr")

    def test_calendar_de(self):
        self.check_calendar("de")

    def test_partner_directory_nl(self):
        self.check_partner_directory("nl")

    def test_partner_directory_fr(self):
        self.check_partner_directory("fr")

    def test_partner_directory_de(self):
        self.check_partner_directory("de")

    def test_participant_file_nl(self):
        self.check_participant_file("nl")

    def test_participant_file_fr(self):
        self.check_participant_file("fr")

    def test_participant_file_de(self):
        self.check_participant_file("de")


if __name__ == "__main__":
    # Extra arguments name tests to run, e.g. GuiTest.test_calendar_nl.
    unittest.main(argv=[sys.argv[0], "-v"] + sys.argv[3:])
