/* miriam-gui-utils.h: small helpers shared by the widgets
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 leaves a drop-down's inner button and an expander's title
 * without an accessible name, so a screen reader says "toggle button":
 * these give them the name a sighted user reads next to them. */
void miriam_gui_name_drop_down (GtkDropDown *dropdown,
                                const char  *name);
void miriam_gui_name_expander  (GtkExpander *expander);

G_END_DECLS
