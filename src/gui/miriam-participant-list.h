/* miriam-participant-list.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/miriam-store.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_PARTICIPANT_LIST (miriam_participant_list_get_type ())
G_DECLARE_FINAL_TYPE (MiriamParticipantList, miriam_participant_list, MIRIAM, PARTICIPANT_LIST, GtkWidget)

/* Shows the participants of @store (NULL: none) and reloads them. */
void miriam_participant_list_set_store    (MiriamParticipantList *self,
                                           MiriamStore           *store);
/* Reads the list again, keeping search, filters, sort and selection. */
void miriam_participant_list_reload       (MiriamParticipantList *self);
void miriam_participant_list_focus_search (MiriamParticipantList *self);

G_END_DECLS
