/* miriam-contact-log.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/miriam-store.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_CONTACT_LOG (miriam_contact_log_get_type ())
G_DECLARE_FINAL_TYPE (MiriamContactLog, miriam_contact_log, MIRIAM, CONTACT_LOG, GtkWidget)

/* Shows @contacts (MiriamContact *, copied) of participant @participant_id;
 * 0 means a file not saved yet, to which nothing can be added.
 * Emits "added" after each contact saved. */
void miriam_contact_log_set (MiriamContactLog *self,
                             MiriamStore      *store,
                             gint64            participant_id,
                             GPtrArray        *contacts);

G_END_DECLS
