/* miriam-session-editor.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/miriam-store.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_SESSION_EDITOR (miriam_session_editor_get_type ())
G_DECLARE_FINAL_TYPE (MiriamSessionEditor, miriam_session_editor, MIRIAM, SESSION_EDITOR, GtkWindow)

/* Session @session_id: its details, moving or cancelling it, and its
 * attendance.  Emits "saved" after each successful save. */
MiriamSessionEditor *miriam_session_editor_new           (GtkWindow   *parent,
                                                          MiriamStore *store,
                                                          gint64       session_id);
/* A new extra session of group @group_id on @day. */
MiriamSessionEditor *miriam_session_editor_new_for_group (GtkWindow   *parent,
                                                          MiriamStore *store,
                                                          gint64       group_id,
                                                          const GDate *day);

G_END_DECLS
