/* miriam-group-editor.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/miriam-store.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_GROUP_EDITOR (miriam_group_editor_get_type ())
G_DECLARE_FINAL_TYPE (MiriamGroupEditor, miriam_group_editor, MIRIAM, GROUP_EDITOR, GtkWindow)

/* The group @group_id (0: a new group) with its casemanagers, rhythm and
 * schedule.  Emits "saved" after each successful save. */
MiriamGroupEditor *miriam_group_editor_new (GtkWindow   *parent,
                                            MiriamStore *store,
                                            gint64       group_id);

G_END_DECLS
