/* miriam-gui-utils.h: small helpers shared by the widgets
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/miriam-record.h"
#include "core/miriam-vocabulary.h"

G_BEGIN_DECLS

/* GTK 4.8 leaves a drop-down's inner button and an expander's title
 * without an accessible name, so a screen reader says "toggle button":
 * these give them the name a sighted user reads next to them. */
void miriam_gui_name_drop_down (GtkDropDown *dropdown,
                                const char  *name);
void miriam_gui_name_expander  (GtkExpander *expander);

/* A flow box of check buttons, one per term of @vocabulary, each
 * carrying its code; "toggled" goes to @on_toggled (may be NULL). */
void  miriam_gui_fill_checks    (GtkFlowBox       *box,
                                 MiriamVocabulary  vocabulary,
                                 GCallback         on_toggled,
                                 gpointer          data);
/* Ticks the boxes of the comma-separated @codes, unticks the others. */
void  miriam_gui_set_checks     (GtkFlowBox       *box,
                                 const char       *codes);
/* The ticked codes, comma-separated.  Codes of @kept that have no box
 * (written by another version of MIRIAM) are kept, never dropped. */
char *miriam_gui_get_checks     (GtkFlowBox       *box,
                                 const char       *kept);

/* A drop-down of a vocabulary's translated labels, in its order, and the
 * code of its selected item (the first term when none is). */
void        miriam_gui_fill_vocabulary (GtkDropDown      *dropdown,
                                        MiriamVocabulary  vocabulary);
void        miriam_gui_select_code     (GtkDropDown      *dropdown,
                                        MiriamVocabulary  vocabulary,
                                        const char       *code);
const char *miriam_gui_selected_code   (GtkDropDown      *dropdown,
                                        MiriamVocabulary  vocabulary);

/* Sorts MiriamPartner records by name, as people look them up. */
void  miriam_gui_sort_partners  (GPtrArray        *partners);

/* While a save is under way, whatever is typed into the form would be
 * replaced by the saved version when it comes back: the form takes no
 * input until miriam_gui_form_release().  It only turns grey when the
 * save takes long (a stalled share), so quick saves do not flicker, and
 * the keyboard focus comes back where it was. */
void  miriam_gui_form_hold      (GtkWidget        *form);
void  miriam_gui_form_release   (GtkWidget        *form);

G_END_DECLS
