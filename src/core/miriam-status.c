/* miriam-status.c: a participant's path through MIRIAM
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "miriam-status.h"

#include <glib/gi18n-lib.h>

static const char * const codes[MIRIAM_N_STATUSES] = {
  [MIRIAM_STATUS_WAITING]   = "waiting",
  [MIRIAM_STATUS_INTAKE]    = "intake",
  [MIRIAM_STATUS_ACTIVE]    = "active",
  [MIRIAM_STATUS_COMPLETED] = "completed",
  [MIRIAM_STATUS_STOPPED]   = "stopped",
  [MIRIAM_STATUS_AFTERCARE] = "aftercare",
};

#define TO(status) (1u << (status))

/* The steps of the path, per status: forward, back to the waiting list
 * from the intake, stopping before the end (she withdrew), and re-entry
 * in a later cohort after the end.  A woman in a group cannot be put back
 * on the waiting list: she stops, and may re-enter later. */
static const guint allowed[MIRIAM_N_STATUSES] = {
  [MIRIAM_STATUS_WAITING]   = TO (MIRIAM_STATUS_INTAKE) | TO (MIRIAM_STATUS_STOPPED),
  [MIRIAM_STATUS_INTAKE]    = TO (MIRIAM_STATUS_WAITING) | TO (MIRIAM_STATUS_ACTIVE)
                              | TO (MIRIAM_STATUS_STOPPED),
  [MIRIAM_STATUS_ACTIVE]    = TO (MIRIAM_STATUS_COMPLETED) | TO (MIRIAM_STATUS_STOPPED),
  [MIRIAM_STATUS_COMPLETED] = TO (MIRIAM_STATUS_WAITING) | TO (MIRIAM_STATUS_INTAKE)
                              | TO (MIRIAM_STATUS_AFTERCARE),
  [MIRIAM_STATUS_STOPPED]   = TO (MIRIAM_STATUS_WAITING) | TO (MIRIAM_STATUS_INTAKE)
                              | TO (MIRIAM_STATUS_AFTERCARE),
  [MIRIAM_STATUS_AFTERCARE] = TO (MIRIAM_STATUS_WAITING) | TO (MIRIAM_STATUS_INTAKE),
};

const char *
miriam_status_to_code (MiriamStatus status)
{
  g_return_val_if_fail (status < MIRIAM_N_STATUSES, codes[MIRIAM_STATUS_WAITING]);
  return codes[status];
}

MiriamStatus
miriam_status_from_code (const char *code)
{
  for (guint i = 0; i < MIRIAM_N_STATUSES; i++)
    if (g_strcmp0 (code, codes[i]) == 0)
      return i;
  return MIRIAM_STATUS_WAITING;
}

const char *
miriam_status_label (MiriamStatus status)
{
  switch (status)
    {
    case MIRIAM_STATUS_WAITING:   return C_("status", "Waiting list");
    case MIRIAM_STATUS_INTAKE:    return C_("status", "Intake");
    case MIRIAM_STATUS_ACTIVE:    return C_("status", "Active in a group");
    case MIRIAM_STATUS_COMPLETED: return C_("status", "Completed");
    /* Translators: she dropped out (stopzetting, abandon, Abbruch). */
    case MIRIAM_STATUS_STOPPED:   return C_("status", "Stopped");
    case MIRIAM_STATUS_AFTERCARE: return C_("status", "Aftercare");
    case MIRIAM_N_STATUSES:
    default:                      return "";
    }
}

/* Everything after the waiting list is coaching, which she must have
 * agreed to; the waiting list and stopping are not. */
static gboolean
needs_consent (MiriamStatus status)
{
  return status == MIRIAM_STATUS_INTAKE
         || status == MIRIAM_STATUS_ACTIVE
         || status == MIRIAM_STATUS_COMPLETED
         || status == MIRIAM_STATUS_AFTERCARE;
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy == '\0';
}

MiriamStatusChange
miriam_status_check_change (MiriamStatus  from,
                            MiriamStatus  to,
                            gboolean      has_consent,
                            const char   *reason)
{
  if (from >= MIRIAM_N_STATUSES || to >= MIRIAM_N_STATUSES)
    return MIRIAM_STATUS_CHANGE_NOT_ALLOWED;
  if (from == to)
    return MIRIAM_STATUS_CHANGE_SAME;
  if ((allowed[from] & TO (to)) == 0)
    return MIRIAM_STATUS_CHANGE_NOT_ALLOWED;
  if (needs_consent (to) && !has_consent)
    return MIRIAM_STATUS_CHANGE_NEEDS_CONSENT;
  if (to == MIRIAM_STATUS_STOPPED && is_blank (reason))
    return MIRIAM_STATUS_CHANGE_NEEDS_REASON;
  return MIRIAM_STATUS_CHANGE_ALLOWED;
}

const char *
miriam_status_change_message (MiriamStatusChange change)
{
  switch (change)
    {
    case MIRIAM_STATUS_CHANGE_NOT_ALLOWED:
      return _("This step is not possible from where she is now. The path goes from the "
               "waiting list to the intake and a group, then to completed or stopped, "
               "and to aftercare.");
    case MIRIAM_STATUS_CHANGE_NEEDS_CONSENT:
      return _("First record that she agrees to take part (her consent): it is needed "
               "for every step after the waiting list.");
    case MIRIAM_STATUS_CHANGE_NEEDS_REASON:
      return _("Please write down why she stopped.");
    case MIRIAM_STATUS_CHANGE_ALLOWED:
    case MIRIAM_STATUS_CHANGE_SAME:
    default:
      return NULL;
    }
}

guint
miriam_status_next (MiriamStatus  from,
                    MiriamStatus *to,
                    guint         n_to)
{
  guint n = 0;

  g_return_val_if_fail (from < MIRIAM_N_STATUSES, 0);
  g_return_val_if_fail (to != NULL || n_to == 0, 0);

  if (n < n_to)
    to[n++] = from;

  /* The enumeration is in path order. */
  for (MiriamStatus s = 0; s < MIRIAM_N_STATUSES && n < n_to; s++)
    if (allowed[from] & TO (s))
      to[n++] = s;

  return n;
}
