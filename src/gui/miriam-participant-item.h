/* miriam-participant-item.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "store/miriam-store.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_PARTICIPANT_ITEM (miriam_participant_item_get_type ())
G_DECLARE_FINAL_TYPE (MiriamParticipantItem, miriam_participant_item, MIRIAM, PARTICIPANT_ITEM, GObject)

/* Takes ownership of @row. */
MiriamParticipantItem      *miriam_participant_item_new      (MiriamParticipantRow  *row);
const MiriamParticipantRow *miriam_participant_item_get_row  (MiriamParticipantItem *self);
gboolean                    miriam_participant_item_matches  (MiriamParticipantItem *self,
                                                              const char            *query);

G_END_DECLS
