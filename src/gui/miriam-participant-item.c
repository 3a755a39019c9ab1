/* miriam-participant-item.c: one row of the participant list
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exposes the row as properties, so that the column view's labels and
 * sorters can use property expressions; keeps the folded search text
 * ready, so that filtering 10,000 files while typing does no Unicode work.
 */
#include "config.h"

#include "core/miriam-language.h"
#include "core/miriam-search.h"
#include "core/miriam-status.h"

#include "miriam-participant-item.h"

struct _MiriamParticipantItem
{
  GObject               parent_instance;

  MiriamParticipantRow *row;
  char                 *name;            /* "Last, First" for reading and sorting */
  char                 *folded;          /* names, group */
  char                 *digits;          /* INSZ and phone digits */
};

G_DEFINE_FINAL_TYPE (MiriamParticipantItem, miriam_participant_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_GROUP,
  PROP_CASEMANAGERS,
  PROP_STATUS,
  PROP_LAST_CONTACT,
  PROP_LAST_CONTACT_KEY,
  PROP_NEXT_SESSION,
  PROP_NEXT_SESSION_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sort keys: an unknown date sorts after every known one. */
static guint
date_key (const GDate *date)
{
  return g_date_valid (date) ? g_date_get_julian (date) : G_MAXUINT;
}

static char *
display_name (const MiriamParticipantRow *row)
{
  if (row->last_name[0] == '\0')
    return g_strdup (row->first_name);
  if (row->first_name[0] == '\0')
    return g_strdup (row->last_name);
  return g_strdup_printf ("%s, %s", row->last_name, row->first_name);
}

MiriamParticipantItem *
miriam_participant_item_new (MiriamParticipantRow *row)
{
  MiriamParticipantItem *self = g_object_new (MIRIAM_TYPE_PARTICIPANT_ITEM, NULL);
  g_autofree char *haystack = NULL;
  g_autofree char *numbers = NULL;

  self->row = row;
  self->name = display_name (row);

  haystack = g_strjoin (" ", row->first_name, row->last_name, row->group_name, NULL);
  self->folded = miriam_search_fold (haystack);
  numbers = g_strjoin (" ", row->insz, row->phone, NULL);
  self->digits = miriam_search_digits (numbers);

  return self;
}

const MiriamParticipantRow *
miriam_participant_item_get_row (MiriamParticipantItem *self)
{
  g_return_val_if_fail (MIRIAM_IS_PARTICIPANT_ITEM (self), NULL);
  return self->row;
}

gboolean
miriam_participant_item_matches (MiriamParticipantItem *self,
                                 const char            *query)
{
  g_return_val_if_fail (MIRIAM_IS_PARTICIPANT_ITEM (self), FALSE);

  if (query == NULL || query[0] == '\0')
    return TRUE;
  return miriam_search_matches (self->folded, self->digits, query);
}

static void
miriam_participant_item_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  MiriamParticipantItem *self = MIRIAM_PARTICIPANT_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_GROUP:
      g_value_set_string (value, self->row->group_name);
      break;
    case PROP_CASEMANAGERS:
      g_value_set_string (value, self->row->casemanagers);
      break;
    case PROP_STATUS:
      g_value_set_string (value, miriam_status_label (miriam_status_from_code (self->row->status)));
      break;
    case PROP_LAST_CONTACT:
      g_value_take_string (value, miriam_format_date (&self->row->last_contact));
      break;
    case PROP_LAST_CONTACT_KEY:
      /* Newest first when sorted ascending would hide the oldest contacts,
       * which are the ones to act on: ascending means "longest ago". */
      g_value_set_uint (value, g_date_valid (&self->row->last_contact)
                               ? g_date_get_julian (&self->row->last_contact) : 0);
      break;
    case PROP_NEXT_SESSION:
      g_value_take_string (value, miriam_format_date (&self->row->next_session));
      break;
    case PROP_NEXT_SESSION_KEY:
      g_value_set_uint (value, date_key (&self->row->next_session));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
miriam_participant_item_finalize (GObject *object)
{
  MiriamParticipantItem *self = MIRIAM_PARTICIPANT_ITEM (object);

  miriam_participant_row_free (self->row);
  g_free (self->name);
  g_free (self->folded);
  g_free (self->digits);

  G_OBJECT_CLASS (miriam_participant_item_parent_class)->finalize (object);
}

static void
miriam_participant_item_class_init (MiriamParticipantItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = miriam_participant_item_get_property;
  object_class->finalize = miriam_participant_item_finalize;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_GROUP] = g_param_spec_string ("group", NULL, NULL, NULL, flags);
  properties[PROP_CASEMANAGERS] = g_param_spec_string ("casemanagers", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_LAST_CONTACT] = g_param_spec_string ("last-contact", NULL, NULL, NULL, flags);
  properties[PROP_LAST_CONTACT_KEY] = g_param_spec_uint ("last-contact-key", NULL, NULL,
                                                         0, G_MAXUINT, 0, flags);
  properties[PROP_NEXT_SESSION] = g_param_spec_string ("next-session", NULL, NULL, NULL, flags);
  properties[PROP_NEXT_SESSION_KEY] = g_param_spec_uint ("next-session-key", NULL, NULL,
                                                         0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
miriam_participant_item_init (MiriamParticipantItem *self G_GNUC_UNUSED)
{
}
