/* miriam-empty-state.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MIRIAM_TYPE_EMPTY_STATE (miriam_empty_state_get_type ())
G_DECLARE_FINAL_TYPE (MiriamEmptyState, miriam_empty_state, MIRIAM, EMPTY_STATE, GtkWidget)

/* A section's face when it has nothing to show yet: what it is for and
 * what to do first.  @button_label NULL hides the button. */
void miriam_empty_state_set (MiriamEmptyState *self,
                             const char       *title,
                             const char       *description,
                             const char       *button_label,
                             const char       *button_action);

G_END_DECLS
