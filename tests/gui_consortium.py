# gui_consortium.py: GUI checks, mixed into test-gui.py's GuiTest.
#
# Copyright 2026 The MIRIAM developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# OCMWs, consortia and groups run together.
# Helpers (App, walk, EXPECTED, xdotool...) come from test-gui.py through
# `import __main__ as gui`; self.start(), self.field(), self.button()...
# are GuiTest's.

import os
import sqlite3

import __main__ as gui


class ConsortiumChecks:

    def check_consortium(self, lang):
        t = gui.EXPECTED[lang]
        _ = gui.Catalogue(lang)
        Atspi = gui.Atspi
        path = os.path.join(self.home, "team.sqlite")
        app = self.start(lang, "--demo", path)
        app.wait_for_name(" " + t["participants"])

        # The lead names the consortium and one other OCMW.
        app.click(app.wait_for(lambda a: gui.name_of(a) == t["menu"] and a.get_n_actions() > 0,
                               "the main menu button"))
        app.click(app.wait_for(lambda a: a.get_role() == Atspi.Role.MENU_ITEM
                               and gui.name_of(a) == _("_OCMW and Consortium…").replace("_", ""),
                               "the OCMW and Consortium item"))
        dialog = app.window(_("OCMW and Consortium"))
        name = self.field(dialog, _("_Name of the OCMW").replace("_", ""))
        self.wait_until(lambda: gui.text_of(name) != "", "the OCMW's name loaded")
        label = _("This OCMW runs MIRIAM groups in a _consortium with other OCMWs").replace("_", "")
        check = app.wait_for(lambda a: a.get_role() == Atspi.Role.CHECK_BOX
                             and gui.name_of(a).replace("_", "") == label, "the consortium check box")
        self.click_at(check)
        app.type_into(self.field(dialog, _("Name of the c_onsortium").replace("_", "")),
                      "MIRIAM Meetjesland")
        app.type_into(self.field(dialog, _("Name of the other OCMW")), "OCMW Eeklo")
        self.assert_controls_named(app, dialog)
        gui.screenshot("consortium-%s" % lang)
        app.click(self.button(dialog, _("Save")))

        def consortium():
            with sqlite3.connect(path) as db:
                return db.execute("SELECT c.name, count(o.id) FROM consortium c "
                                  "JOIN ocmw o ON o.consortium_id = c.id GROUP BY c.id").fetchall()
        self.wait_until(lambda: consortium() == [("MIRIAM Meetjesland", 2)],
                        "the consortium with two OCMWs saved")

        # A new group can now be the consortium's.
        app.click(app.wait_for(lambda a: gui.name_of(a) == t["menu"] and a.get_n_actions() > 0,
                               "the main menu button"))
        app.click(app.wait_for(lambda a: a.get_role() == Atspi.Role.MENU_ITEM
                               and gui.name_of(a) == _("New _Group…").replace("_", ""),
                               "the New Group item"))
        editor = app.window(_("New Group"))
        run_by = app.wait_for(lambda a: gui.name_of(a) == _("Run by")
                              and a.get_role() != Atspi.Role.LABEL, "the Run by drop-down")
        self.assertIsNotNone(run_by)
        self.assert_controls_named(app, editor)
        gui.xdotool("key", "Escape")

    def test_consortium_nl(self):
        self.check_consortium("nl")

    def test_consortium_fr(self):
        self.check_consortium("fr")

    def test_consortium_de(self):
        self.check_consortium("de")
