/* miriam-referral-list.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/miriam-store.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_REFERRAL_LIST (miriam_referral_list_get_type ())
G_DECLARE_FINAL_TYPE (MiriamReferralList, miriam_referral_list, MIRIAM, REFERRAL_LIST, GtkWidget)

/* Shows @referrals (MiriamReferral *, copied) of participant
 * @participant_id (0: not saved yet) and loads the partner directory.
 * Emits "added" after each referral saved. */
void miriam_referral_list_set (MiriamReferralList *self,
                               MiriamStore        *store,
                               gint64              participant_id,
                               GPtrArray          *referrals);

G_END_DECLS
