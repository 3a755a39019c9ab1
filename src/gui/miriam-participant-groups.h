/* miriam-participant-groups.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/miriam-store.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_PARTICIPANT_GROUPS (miriam_participant_groups_get_type ())
G_DECLARE_FINAL_TYPE (MiriamParticipantGroups, miriam_participant_groups, MIRIAM, PARTICIPANT_GROUPS, GtkWidget)

/* Her groups (MiriamMembership*, copied) and her attendance, read from
 * @store off the main loop.  Emits "changed" when the user assigns her to
 * a group or ends a membership; the participant editor saves those with
 * her file. */
void       miriam_participant_groups_set             (MiriamParticipantGroups *self,
                                                      MiriamStore             *store,
                                                      gint64                   participant_id,
                                                      GPtrArray               *memberships);
/* The memberships as the user left them (MiriamMembership*, owned by the
 * widget): the loaded ones, possibly ended, and the new ones (id 0). */
GPtrArray *miriam_participant_groups_get_memberships (MiriamParticipantGroups *self);

G_END_DECLS
