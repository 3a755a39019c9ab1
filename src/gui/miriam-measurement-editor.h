/* miriam-measurement-editor.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/miriam-store.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_MEASUREMENT_EDITOR (miriam_measurement_editor_get_type ())
G_DECLARE_FINAL_TYPE (MiriamMeasurementEditor, miriam_measurement_editor, MIRIAM, MEASUREMENT_EDITOR, GtkWidget)

/* Her measurements (baseline, intermediate, final) and their scores per
 * life domain, read from @store off the main loop.  Each measurement is
 * saved on its own, in one transaction, with the page's own Save button;
 * "changed" is emitted after a save or a delete.  Calling this again for
 * the same participant (her file was saved) refreshes the list but keeps
 * scores that are not saved yet.  @participant_id 0: a file never saved,
 * which cannot have measurements yet. */
void     miriam_measurement_editor_set            (MiriamMeasurementEditor *self,
                                                   MiriamStore             *store,
                                                   gint64                   participant_id);

/* TRUE when the form holds scores that are not saved: the page then says
 * so, and the window should stay open and show this page. */
gboolean miriam_measurement_editor_check_unsaved  (MiriamMeasurementEditor *self);

G_END_DECLS
