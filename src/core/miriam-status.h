/* miriam-status.h: a participant's path through MIRIAM
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * waiting list -> intake -> active in a group -> completed or stopped ->
 * aftercare.  A woman may re-enter a later cohort: from completed, stopped
 * or aftercare she can go back to the waiting list or to intake; her file
 * stays one.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MIRIAM_STATUS_WAITING,
  MIRIAM_STATUS_INTAKE,
  MIRIAM_STATUS_ACTIVE,
  MIRIAM_STATUS_COMPLETED,
  MIRIAM_STATUS_STOPPED,
  MIRIAM_STATUS_AFTERCARE,
  MIRIAM_N_STATUSES
} MiriamStatus;

/* The store's codes: "waiting", "intake", "active", "completed",
 * "stopped", "aftercare".  Unknown codes read as WAITING. */
const char   *miriam_status_to_code    (MiriamStatus status);
MiriamStatus  miriam_status_from_code  (const char  *code);
/* Translated, e.g. "Waiting list" / "Wachtlijst". */
const char   *miriam_status_label      (MiriamStatus status);

typedef enum {
  MIRIAM_STATUS_CHANGE_ALLOWED,
  MIRIAM_STATUS_CHANGE_SAME,           /* no change */
  MIRIAM_STATUS_CHANGE_NOT_ALLOWED,    /* not a step of the path */
  MIRIAM_STATUS_CHANGE_NEEDS_CONSENT,  /* beyond the waiting list without recorded consent */
  MIRIAM_STATUS_CHANGE_NEEDS_REASON,   /* stopping needs a reason */
} MiriamStatusChange;

MiriamStatusChange miriam_status_check_change   (MiriamStatus  from,
                                                 MiriamStatus  to,
                                                 gboolean      has_consent,
                                                 const char   *reason);
/* Translated; NULL for ALLOWED and SAME. */
const char        *miriam_status_change_message (MiriamStatusChange change);

/* The statuses a file in @from may move to next (for a drop-down), in
 * path order, @from itself first.  Returns the count written to @to. */
guint              miriam_status_next           (MiriamStatus  from,
                                                 MiriamStatus *to,
                                                 guint         n_to);

G_END_DECLS
