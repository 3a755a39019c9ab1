/* test-participant-file.c: a woman's whole file, and the participant list
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a casemanager sees: the file she saved comes back as she saved it,
 * on another computer too; a colleague's save is never overwritten, not
 * even partly; the list shows each woman's latest group, its casemanagers,
 * her last contact and the group's next session.  The store is used
 * through its public interface; sqlite3 only prepares a file as an older
 * MIRIAM left it.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "core/miriam-vocabulary.h"
#include "store/miriam-demo.h"
#include "store/miriam-store.h"
#include "miriam-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data G_GNUC_UNUSED)
{
  fx->dir = make_tmp_dir ("miriam-test-file-XXXXXX");
  fx->path = g_build_filename (fx->dir, "team.miriam", NULL);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data G_GNUC_UNUSED)
{
  remove_tree (fx->dir);
  g_assert_false (g_file_test (fx->dir, G_FILE_TEST_EXISTS));
  g_free (fx->dir);
  g_free (fx->path);
}

/* ---------------------------------------------------------------------- */
/* Helpers                                                                  */

static void
close_store (MiriamStore *store)
{
  miriam_store_close (store);
  g_object_unref (store);
}

static GDate
today_local (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return day (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
              g_date_time_get_year (now));
}

static void
assert_same_day (const GDate *a,
                 const GDate *b)
{
  g_assert_cmpint (g_date_valid (a), ==, g_date_valid (b));
  if (g_date_valid (a))
    g_assert_cmpint (g_date_compare (a, b), ==, 0);
}

static gint64
add_ocmw (MiriamStore *store)
{
  MiriamOcmw *ocmw = miriam_record_new (MIRIAM_RECORD_OCMW);

  take_text (&ocmw->name, "OCMW Gent");
  return save_and_free (store, MIRIAM_RECORD_OCMW, ocmw);
}

static gint64
add_staff (MiriamStore *store,
           gint64       ocmw_id,
           const char  *name)
{
  MiriamStaff *staff = miriam_record_new (MIRIAM_RECORD_STAFF);

  staff->ocmw_id = ocmw_id;
  take_text (&staff->display_name, name);
  return save_and_free (store, MIRIAM_RECORD_STAFF, staff);
}

static gint64
add_cohort (MiriamStore *store,
            const char  *label,
            guint        year)
{
  MiriamCohort *cohort = miriam_record_new (MIRIAM_RECORD_COHORT);

  take_text (&cohort->label, label);
  cohort->start_date = day (1, G_DATE_SEPTEMBER, year);
  cohort->end_date = day (30, G_DATE_JUNE, year + 1);
  return save_and_free (store, MIRIAM_RECORD_COHORT, cohort);
}

static gint64
add_group (MiriamStore *store,
           gint64       ocmw_id,
           gint64       cohort_id,
           const char  *name,
           guint        year)
{
  MiriamGroup *group = miriam_record_new (MIRIAM_RECORD_GROUP);

  group->ocmw_id = ocmw_id;
  group->cohort_id = cohort_id;
  take_text (&group->name, name);
  group->start_date = day (15, G_DATE_SEPTEMBER, year);
  group->end_date = day (26, G_DATE_JUNE, year + 1);
  return save_and_free (store, MIRIAM_RECORD_GROUP, group);
}

static gint64
add_session (MiriamStore *store,
             gint64       group_id,
             GDate        when,
             gboolean     cancelled)
{
  MiriamSession *session = miriam_record_new (MIRIAM_RECORD_SESSION);

  session->group_id = group_id;
  session->day = when;
  session->cancelled = cancelled;
  if (cancelled)
    take_text (&session->cancel_reason, "Zaal niet beschikbaar");
  return save_and_free (store, MIRIAM_RECORD_SESSION, session);
}

static gint64
add_membership (MiriamStore *store,
                gint64       participant_id,
                gint64       group_id,
                GDate        joined)
{
  MiriamMembership *m = miriam_record_new (MIRIAM_RECORD_MEMBERSHIP);

  m->participant_id = participant_id;
  m->group_id = group_id;
  m->joined_on = joined;
  return save_and_free (store, MIRIAM_RECORD_MEMBERSHIP, m);
}

static gint64
add_contact (MiriamStore *store,
             gint64       participant_id,
             GDate        when,
             const char  *note)
{
  MiriamContact *c = miriam_record_new (MIRIAM_RECORD_CONTACT);

  c->participant_id = participant_id;
  c->day = when;
  c->duration_min = 45;
  take_text (&c->kind, "home_visit");
  take_text (&c->domains, "housing,finances");
  take_text (&c->note, note);
  return save_and_free (store, MIRIAM_RECORD_CONTACT, c);
}

static gint64
add_participant (MiriamStore *store,
                 gint64       ocmw_id,
                 const char  *first_name,
                 const char  *last_name)
{
  MiriamParticipant *p = miriam_record_new (MIRIAM_RECORD_PARTICIPANT);

  p->ocmw_id = ocmw_id;
  take_text (&p->first_name, first_name);
  take_text (&p->last_name, last_name);
  return save_and_free (store, MIRIAM_RECORD_PARTICIPANT, p);
}

static void
partner_free (MiriamPartner *partner)
{
  miriam_record_free (MIRIAM_RECORD_PARTNER, partner);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiriamPartner, partner_free)

/* A partner of the directory the new file came with. */
static MiriamPartner *
prefilled_partner (MiriamStore *store,
                   const char  *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) partners = miriam_store_list (store, MIRIAM_RECORD_PARTNER, NULL, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < partners->len; i++)
    {
      MiriamPartner *partner = g_ptr_array_index (partners, i);

      if (g_str_equal (partner->kind, kind))
        return miriam_record_copy (MIRIAM_RECORD_PARTNER, partner);
    }
  g_error ("no partner of kind %s in a new file", kind);
}

static MiriamChild *
new_child (const char *name,
           gint64      birth_year)
{
  MiriamChild *child = miriam_record_new (MIRIAM_RECORD_CHILD);

  take_text (&child->first_name, name);
  child->birth_year = birth_year;
  return child;
}

static MiriamGoal *
new_goal (const char *domain,
          const char *description)
{
  MiriamGoal *goal = miriam_record_new (MIRIAM_RECORD_GOAL);

  take_text (&goal->domain, domain);
  take_text (&goal->description, description);
  goal->start_date = day (6, G_DATE_OCTOBER, 2026);
  return goal;
}

static void
assert_records_equal (MiriamRecordKind kind,
                      gconstpointer    a,
                      gconstpointer    b)
{
  const MiriamRecordInfo *info = miriam_record_info (kind);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const MiriamField *f = &info->fields[i];

      if (f->type == MIRIAM_FIELD_TEXT)
        g_assert_cmpstr (*MIRIAM_FIELD_PTR (a, f, char *), ==, *MIRIAM_FIELD_PTR (b, f, char *));
      if (!miriam_record_field_equal (f, a, b))
        g_error ("%s.%s differs", info->name, f->name);
    }
}

/* Field by field, with ids, versions and who saved it. */
static void
assert_same_records (MiriamRecordKind  kind,
                     GPtrArray        *a,
                     GPtrArray        *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      MiriamRow *ra = g_ptr_array_index (a, i), *rb = g_ptr_array_index (b, i);

      assert_records_equal (kind, ra, rb);
      g_assert_cmpint (ra->id, ==, rb->id);
      g_assert_cmpint (ra->version, ==, rb->version);
      g_assert_cmpstr (ra->updated_by, ==, rb->updated_by);
    }
}

static void
assert_same_file (MiriamParticipantFile *a,
                  MiriamParticipantFile *b)
{
  assert_records_equal (MIRIAM_RECORD_PARTICIPANT, a->participant, b->participant);
  g_assert_cmpint (a->participant->row.id, ==, b->participant->row.id);
  g_assert_cmpint (a->participant->row.version, ==, b->participant->row.version);
  assert_same_records (MIRIAM_RECORD_CHILD, a->children, b->children);
  assert_same_records (MIRIAM_RECORD_STATUS_STEP, a->status_steps, b->status_steps);
  assert_same_records (MIRIAM_RECORD_MEMBERSHIP, a->memberships, b->memberships);
  assert_same_records (MIRIAM_RECORD_GOAL, a->goals, b->goals);
  assert_same_records (MIRIAM_RECORD_CONTACT, a->contacts, b->contacts);
  assert_same_records (MIRIAM_RECORD_REFERRAL, a->referrals, b->referrals);
}

static MiriamParticipantFile *
load_ok (MiriamStore *store,
         gint64       id)
{
  g_autoptr(GError) error = NULL;
  MiriamParticipantFile *file = miriam_store_load_participant_file (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (file);
  return file;
}

static MiriamParticipantFile *
save_file_ok (MiriamStore           *store,
              MiriamParticipantFile *file,
              const char            *reason)
{
  g_autoptr(GError) error = NULL;
  MiriamParticipantFile *saved = miriam_store_save_participant_file (store, file, reason, &error);

  g_assert_no_error (error);
  g_assert_nonnull (saved);
  return saved;
}

/* A file as a casemanager fills it in at the intake. */
static MiriamParticipantFile *
intake_file (gint64      ocmw_id,
             const char *first_name,
             const char *last_name)
{
  MiriamParticipantFile *file = miriam_participant_file_new ();
  MiriamParticipant *p = file->participant;

  p->ocmw_id = ocmw_id;
  take_text (&p->first_name, first_name);
  take_text (&p->last_name, last_name);
  p->birth_date = day (12, G_DATE_MARCH, 1991);
  take_text (&p->phone, "0470 12 34 56");
  take_text (&p->languages, "nl,ar");
  take_text (&p->income, "leefloon");
  take_text (&p->status, "intake");
  p->consent_date = day (22, G_DATE_SEPTEMBER, 2026);
  p->intake_date = day (22, G_DATE_SEPTEMBER, 2026);
  p->criterion_poverty = TRUE;
  take_text (&p->criterion_poverty_note, "Leefloon; huurachterstal van twee maanden.");
  p->criterion_isolated = TRUE;
  p->criterion_language = FALSE;
  take_text (&p->criterion_language_note, "Spreekt weinig Nederlands; intake met een tolk.");
  p->criterion_voluntary = TRUE;
  take_text (&p->criterion_voluntary_note, "Wil graag andere mama's leren kennen.");

  g_ptr_array_add (file->children, new_child ("Adam", 2016));
  g_ptr_array_add (file->children, new_child ("Yasmine", 2020));
  g_ptr_array_add (file->goals, new_goal ("housing", "Een woning zonder vocht vinden."));
  g_ptr_array_add (file->goals, new_goal ("finances", "Overzicht over de schulden."));
  return file;
}

/* ---------------------------------------------------------------------- */
/* A whole file                                                             */

static void
test_round_trip (Fixture       *fx,
                 gconstpointer  data G_GNUC_UNUSED)
{
  MiriamStore *store = open_store (fx->path, "Anna Peeters");
  MiriamStore *colleague;
  g_autoptr(MiriamParticipantFile) file = NULL;
  g_autoptr(MiriamParticipantFile) saved = NULL;
  g_autoptr(MiriamParticipantFile) loaded = NULL;
  g_autoptr(MiriamPartner) caw = NULL;
  g_autoptr(MiriamPartner) vdab = NULL;
  GDate today = today_local ();
  gint64 ocmw_id, id, group_id;
  MiriamStatusStep *step;

  ocmw_id = add_ocmw (store);
  file = intake_file (ocmw_id, "Fatima", "El Idrissi");
  saved = save_file_ok (store, file, "Aangemeld door de school");

  /* The file saved is the file asked for, now with ids and versions... */
  id = saved->participant->row.id;
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (saved->participant->row.version, ==, 1);
  g_assert_cmpstr (saved->participant->row.updated_by, ==, "Anna Peeters");
  assert_records_equal (MIRIAM_RECORD_PARTICIPANT, saved->participant, file->participant);
  g_assert_cmpuint (saved->children->len, ==, 2);
  g_assert_cmpuint (saved->goals->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      MiriamChild *child = g_ptr_array_index (saved->children, i);
      MiriamGoal *goal = g_ptr_array_index (saved->goals, i);

      MiriamChild *asked = g_ptr_array_index (file->children, i);

      g_assert_cmpstr (child->first_name, ==, asked->first_name);
      g_assert_cmpint (child->birth_year, ==, asked->birth_year);
      g_assert_true (child->in_care);
      g_assert_cmpint (child->participant_id, ==, id);
      g_assert_cmpint (child->row.version, ==, 1);
      g_assert_cmpint (goal->participant_id, ==, id);
      g_assert_cmpstr (goal->description, ==,
                       ((MiriamGoal *) g_ptr_array_index (file->goals, i))->description);
      g_assert_cmpstr (goal->status, ==, "open");
    }
  /* ...the caller's copy is left alone... */
  g_assert_cmpint (file->participant->row.id, ==, 0);
  g_assert_cmpint (((MiriamChild *) g_ptr_array_index (file->children, 0))->row.id, ==, 0);
  /* ...and her history starts with the status she got. */
  g_assert_cmpuint (saved->status_steps->len, ==, 1);
  step = g_ptr_array_index (saved->status_steps, 0);
  g_assert_cmpstr (step->status, ==, "intake");
  g_assert_cmpstr (step->reason, ==, "Aangemeld door de school");
  assert_same_day (&step->day, &today);

  /* Contacts, referrals and memberships are saved one by one. */
  group_id = add_group (store, ocmw_id, add_cohort (store, "2026-2027", 2026), "Groep Dampoort", 2026);
  add_membership (store, id, group_id, day (29, G_DATE_SEPTEMBER, 2026));
  add_contact (store, id, day (1, G_DATE_OCTOBER, 2026), "Huisbezoek: kennismaking.");
  add_contact (store, id, day (20, G_DATE_OCTOBER, 2026), "Samen naar het vredegerecht.");
  add_contact (store, id, day (8, G_DATE_OCTOBER, 2026), "Budget overlopen.");
  caw = prefilled_partner (store, "caw");
  vdab = prefilled_partner (store, "employment_service");
  {
    MiriamReferral *r = miriam_record_new (MIRIAM_RECORD_REFERRAL);

    r->participant_id = id;
    r->partner_id = caw->row.id;
    r->day = day (9, G_DATE_OCTOBER, 2026);
    take_text (&r->reason, "Hulp bij de huurachterstal.");
    save_and_free (store, MIRIAM_RECORD_REFERRAL, r);
    r = miriam_record_new (MIRIAM_RECORD_REFERRAL);
    r->participant_id = id;
    r->partner_id = vdab->row.id;
    r->day = day (2, G_DATE_DECEMBER, 2026);
    take_text (&r->reason, "Inschrijving als werkzoekende.");
    take_text (&r->outcome, "Ingeschreven; eerste gesprek in januari.");
    save_and_free (store, MIRIAM_RECORD_REFERRAL, r);
  }
  g_clear_pointer (&saved, miriam_participant_file_free);
  saved = load_ok (store, id);
  close_store (store);

  /* A colleague opens the file on another computer and sees the same. */
  colleague = open_store (fx->path, "Bea Claes");
  loaded = load_ok (colleague, id);
  assert_same_file (loaded, saved);

  g_assert_cmpuint (loaded->memberships->len, ==, 1);
  g_assert_cmpint (((MiriamMembership *) g_ptr_array_index (loaded->memberships, 0))->group_id,
                   ==, group_id);
  /* Contacts and referrals newest first. */
  g_assert_cmpuint (loaded->contacts->len, ==, 3);
  g_assert_cmpstr (((MiriamContact *) g_ptr_array_index (loaded->contacts, 0))->note, ==,
                   "Samen naar het vredegerecht.");
  g_assert_cmpstr (((MiriamContact *) g_ptr_array_index (loaded->contacts, 1))->note, ==,
                   "Budget overlopen.");
  g_assert_cmpstr (((MiriamContact *) g_ptr_array_index (loaded->contacts, 2))->note, ==,
                   "Huisbezoek: kennismaking.");
  g_assert_cmpuint (loaded->referrals->len, ==, 2);
  g_assert_cmpint (((MiriamReferral *) g_ptr_array_index (loaded->referrals, 0))->partner_id, ==,
                   vdab->row.id);
  g_assert_cmpstr (((MiriamReferral *) g_ptr_array_index (loaded->referrals, 0))->outcome, ==,
                   "Ingeschreven; eerste gesprek in januari.");
  g_assert_cmpint (((MiriamReferral *) g_ptr_array_index (loaded->referrals, 1))->partner_id, ==,
                   caw->row.id);
  g_assert_cmpstr (loaded->participant->criterion_language_note, ==,
                   "Spreekt weinig Nederlands; intake met een tolk.");
  g_assert_false (loaded->participant->criterion_language);
  g_assert_true (loaded->participant->criterion_voluntary);

  close_store (colleague);
}

/* The general partners a new database comes with. */
static void
test_partner_directory (Fixture       *fx,
                        gconstpointer  data G_GNUC_UNUSED)
{
  MiriamStore *store = open_store (fx->path, "Anna Peeters");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) partners = miriam_store_list (store, MIRIAM_RECORD_PARTNER, NULL, 0, &error);
  g_autoptr(GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean huis_van_het_kind = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (partners->len, >=, 20);
  for (guint i = 0; i < partners->len; i++)
    {
      MiriamPartner *partner = g_ptr_array_index (partners, i);

      g_assert_cmpuint (strlen (partner->name), >, 0);
      g_assert_cmpuint (strlen (partner->kind), >, 0);
      g_assert_cmpint (partner->ocmw_id, ==, 0);       /* shared by all */
      g_assert_cmpstr (partner->municipality, ==, "");
      g_assert_cmpint (partner->row.version, ==, 1);
      /* One general entry per type. */
      g_assert_false (g_hash_table_contains (kinds, partner->kind));
      g_hash_table_add (kinds, partner->kind);
      huis_van_het_kind |= g_str_equal (partner->name, "Huis van het Kind")
                           && g_str_equal (partner->kind, "huis_van_het_kind")
                           && g_str_equal (partner->domain, "parenting");
    }
  g_assert_true (huis_van_het_kind);

  /* One for every partner type the interface offers, but "other". */
  {
    guint n_terms = 0;
    const MiriamTerm *terms = miriam_vocabulary_terms (MIRIAM_VOCABULARY_PARTNER_TYPE, &n_terms);

    for (guint i = 0; i < n_terms; i++)
      g_assert_true (g_hash_table_contains (kinds, terms[i].code)
                     == !g_str_equal (terms[i].code, "other"));
    g_assert_cmpuint (g_hash_table_size (kinds), ==, n_terms - 1);
  }
  close_store (store);
}

/* A goal takes every status and life domain the interface offers, and
 * nothing else. */
static void
test_goal_codes (Fixture       *fx,
                 gconstpointer  data G_GNUC_UNUSED)
{
  MiriamStore *store = open_store (fx->path, "Anna Peeters");
  g_autoptr(MiriamParticipantFile) file = intake_file (add_ocmw (store), "Sarah", "Claes");
  g_autoptr(MiriamParticipantFile) saved = save_file_ok (store, file, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) domains = miriam_store_list_life_domains (store, &error);
  const MiriamTerm *terms;
  guint n_terms = 0;
  MiriamGoal *goal;

  g_assert_no_error (error);
  terms = miriam_vocabulary_terms (MIRIAM_VOCABULARY_GOAL_STATUS, &n_terms);
  g_assert_cmpuint (n_terms, ==, 4);
  for (guint i = 0; i < n_terms; i++)
    {
      goal = new_goal ("housing", terms[i].code);
      goal->participant_id = saved->participant->row.id;
      take_text (&goal->status, terms[i].code);
      save_and_free (store, MIRIAM_RECORD_GOAL, goal);
    }
  for (guint i = 0; domains[i] != NULL; i++)
    {
      goal = new_goal (domains[i], domains[i]);
      goal->participant_id = saved->participant->row.id;
      save_and_free (store, MIRIAM_RECORD_GOAL, goal);
    }

  goal = new_goal ("housing", "Onbekende status");
  goal->participant_id = saved->participant->row.id;
  take_text (&goal->status, "done");
  g_assert_false (miriam_store_save (store, MIRIAM_RECORD_GOAL, goal, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  take_text (&goal->status, "open");
  take_text (&goal->domain, "");
  g_assert_false (miriam_store_save (store, MIRIAM_RECORD_GOAL, goal, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  miriam_record_free (MIRIAM_RECORD_GOAL, goal);
  close_store (store);
}

static const char *arabic_first = "فاطمة";
static const char *arabic_last = "الزهراء";

static char *
long_note (void)
{
  /* Characters of one, two, three and four bytes, and right-to-left. */
  static const char * const pieces[] = { "a", "é", "€", "𝄞", "ж", " ", "ع" };
  GString *note = g_string_new (NULL);

  for (guint i = 0; i < 10000; i++)
    g_string_append (note, pieces[i % G_N_ELEMENTS (pieces)]);
  return g_string_free (note, FALSE);
}

static void
test_unicode (Fixture       *fx,
              gconstpointer  data G_GNUC_UNUSED)
{
  MiriamStore *store = open_store (fx->path, "Çağla Öztürk");
  MiriamStore *colleague;
  g_autoptr(MiriamParticipantFile) file = NULL;
  g_autoptr(MiriamParticipantFile) saved = NULL;
  g_autoptr(MiriamParticipantFile) loaded = NULL;
  g_autofree char *note = long_note ();
  MiriamChild *child;
  MiriamGoal *goal;

  g_assert_cmpint (g_utf8_strlen (note, -1), ==, 10000);

  file = intake_file (add_ocmw (store), arabic_first, arabic_last);
  take_text (&file->participant->notes, note);
  take_text (&file->participant->address, "Rue de l'Église 5, 4000 Liège");
  take_text (&file->participant->criterion_isolated_note, "Переехала из Харькова; знает только соседку.");
  child = g_ptr_array_index (file->children, 0);
  take_text (&child->first_name, "Олена");
  child = g_ptr_array_index (file->children, 1);
  take_text (&child->first_name, "Zoë-Gaëlle");
  goal = g_ptr_array_index (file->goals, 0);
  take_text (&goal->description, note);
  saved = save_file_ok (store, file, "Doorverwezen door het CAW — “dringend”");
  close_store (store);

  colleague = open_store (fx->path, "Bea Claes");
  loaded = load_ok (colleague, saved->participant->row.id);
  assert_same_file (loaded, saved);
  g_assert_cmpstr (loaded->participant->first_name, ==, arabic_first);
  g_assert_cmpstr (loaded->participant->last_name, ==, arabic_last);
  g_assert_cmpstr (loaded->participant->address, ==, "Rue de l'Église 5, 4000 Liège");
  g_assert_cmpstr (loaded->participant->criterion_isolated_note, ==,
                   "Переехала из Харькова; знает только соседку.");
  g_assert_cmpstr (loaded->participant->notes, ==, note);
  g_assert_cmpstr (loaded->participant->row.updated_by, ==, "Çağla Öztürk");
  g_assert_cmpstr (((MiriamChild *) g_ptr_array_index (loaded->children, 0))->first_name, ==, "Олена");
  g_assert_cmpstr (((MiriamChild *) g_ptr_array_index (loaded->children, 1))->first_name, ==,
                   "Zoë-Gaëlle");
  g_assert_cmpstr (((MiriamGoal *) g_ptr_array_index (loaded->goals, 0))->description, ==, note);
  g_assert_cmpstr (((MiriamStatusStep *) g_ptr_array_index (loaded->status_steps, 0))->reason, ==,
                   "Doorverwezen door het CAW — “dringend”");
  close_store (colleague);
}

/* ---------------------------------------------------------------------- */
/* Colleagues saving the same file                                          */

static void
test_conflict (Fixture       *fx,
               gconstpointer  data G_GNUC_UNUSED)
{
  MiriamStore *anna = open_store (fx->path, "Anna Peeters");
  MiriamStore *bea = open_store (fx->path, "Bea Claes");
  g_autoptr(MiriamParticipantFile) saved = NULL;
  g_autoptr(MiriamParticipantFile) mine = NULL;
  g_autoptr(MiriamParticipantFile) theirs = NULL;
  g_autoptr(MiriamParticipantFile) bea_saved = NULL;
  g_autoptr(MiriamParticipantFile) after = NULL;
  g_autoptr(MiriamParticipantFile) before = NULL;
  g_autoptr(MiriamParticipantFile) file = NULL;
  g_autoptr(GError) error = NULL;
  MiriamChild *child;
  gint64 id, removed_goal, removed_child;

  file = intake_file (add_ocmw (anna), "Sarah", "Claes");
  saved = save_file_ok (anna, file, NULL);
  id = saved->participant->row.id;

  /* Both open her file. */
  mine = load_ok (anna, id);
  theirs = load_ok (bea, id);

  /* Bea saves first. */
  take_text (&theirs->participant->notes, "Verhuist volgende maand.");
  bea_saved = save_file_ok (bea, theirs, NULL);
  g_assert_cmpint (bea_saved->participant->row.version, ==, 2);

  /* Anna changes everything she can: nothing of it may land. */
  take_text (&mine->participant->notes, "Werkt sinds maandag halftijds.");
  take_text (&mine->participant->status, "active");
  child = g_ptr_array_index (mine->children, 0);
  take_text (&child->first_name, "Adam Junior");
  g_ptr_array_add (mine->children, new_child ("Nora", 2025));
  g_ptr_array_add (mine->goals, new_goal ("work", "Een opleiding starten."));
  removed_goal = miriam_record_row (g_ptr_array_index (mine->goals, 0))->id;
  g_array_append_val (mine->removed_goals, removed_goal);
  removed_child = miriam_record_row (g_ptr_array_index (mine->children, 1))->id;
  g_array_append_val (mine->removed_children, removed_child);

  g_assert_null (miriam_store_save_participant_file (anna, mine, "Gestart in de groep", &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CONFLICT);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_assert_null (strstr (error->message, "Sarah"));
  g_clear_error (&error);

  /* The file is Bea's, exactly, on both computers. */
  after = load_ok (anna, id);
  assert_same_file (after, bea_saved);
  g_clear_pointer (&after, miriam_participant_file_free);
  after = load_ok (bea, id);
  assert_same_file (after, bea_saved);
  g_assert_cmpuint (after->status_steps->len, ==, 1);
  /* And Anna's edits are still hers to keep. */
  g_assert_cmpstr (mine->participant->notes, ==, "Werkt sinds maandag halftijds.");
  g_assert_cmpuint (mine->children->len, ==, 3);
  g_assert_cmpint (((MiriamChild *) g_ptr_array_index (mine->children, 2))->row.id, ==, 0);

  /* A child changed by Bea on its own, not through the file: the
   * participant row would pass the check, the child does not, and then
   * nothing lands either, not even the participant's changes. */
  g_clear_pointer (&mine, miriam_participant_file_free);
  mine = load_ok (anna, id);
  child = miriam_record_copy (MIRIAM_RECORD_CHILD, g_ptr_array_index (mine->children, 1));
  take_text (&child->first_name, "Yasmina");
  save_ok (bea, MIRIAM_RECORD_CHILD, child);
  miriam_record_free (MIRIAM_RECORD_CHILD, child);
  before = load_ok (anna, id);

  take_text (&mine->participant->notes, "Nieuwe notitie");
  take_text (&mine->participant->status, "active");
  take_text (&((MiriamChild *) g_ptr_array_index (mine->children, 0))->first_name, "Adam Junior");
  take_text (&((MiriamChild *) g_ptr_array_index (mine->children, 1))->first_name, "Yasmine B.");
  g_ptr_array_add (mine->goals, new_goal ("health", "Een vaste huisarts kiezen."));
  removed_goal = miriam_record_row (g_ptr_array_index (mine->goals, 0))->id;
  g_array_append_val (mine->removed_goals, removed_goal);

  g_assert_null (miriam_store_save_participant_file (anna, mine, NULL, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&after, miriam_participant_file_free);
  after = load_ok (bea, id);
  assert_same_file (after, before);
  g_assert_cmpstr (((MiriamChild *) g_ptr_array_index (after->children, 1))->first_name, ==,
                   "Yasmina");
  g_assert_cmpstr (after->participant->status, ==, "intake");

  close_store (anna);
  close_store (bea);
}

/* Saving her file leaves the children and goals nobody touched as they
 * were: who changed what last stays true. */
static void
test_untouched_parts (Fixture       *fx,
                      gconstpointer  data G_GNUC_UNUSED)
{
  MiriamStore *anna = open_store (fx->path, "Anna Peeters");
  MiriamStore *bea = open_store (fx->path, "Bea Claes");
  g_autoptr(MiriamParticipantFile) file = intake_file (add_ocmw (anna), "Nadia", "Benali");
  g_autoptr(MiriamParticipantFile) saved = save_file_ok (anna, file, NULL);
  g_autoptr(MiriamParticipantFile) theirs = load_ok (bea, saved->participant->row.id);
  g_autoptr(MiriamParticipantFile) after = NULL;
  MiriamChild *adam, *yasmine;
  MiriamGoal *goal;

  take_text (&theirs->participant->notes, "Nieuw telefoonnummer gevraagd.");
  take_text (&((MiriamChild *) g_ptr_array_index (theirs->children, 1))->first_name, "Yasmina");
  after = save_file_ok (bea, theirs, NULL);

  g_assert_cmpint (after->participant->row.version, ==, 2);
  g_assert_cmpstr (after->participant->row.updated_by, ==, "Bea Claes");
  adam = g_ptr_array_index (after->children, 0);
  yasmine = g_ptr_array_index (after->children, 1);
  g_assert_cmpint (adam->row.version, ==, 1);
  g_assert_cmpstr (adam->row.updated_by, ==, "Anna Peeters");
  g_assert_cmpint (yasmine->row.version, ==, 2);
  g_assert_cmpstr (yasmine->row.updated_by, ==, "Bea Claes");
  g_assert_cmpstr (yasmine->first_name, ==, "Yasmina");
  for (guint i = 0; i < after->goals->len; i++)
    {
      goal = g_ptr_array_index (after->goals, i);
      g_assert_cmpint (goal->row.version, ==, 1);
      g_assert_cmpstr (goal->row.updated_by, ==, "Anna Peeters");
    }
  close_store (anna);
  close_store (bea);
}

/* Somebody removed her file (or it never was): NOT_FOUND, nothing made. */
static void
test_gone (Fixture       *fx,
           gconstpointer  data G_GNUC_UNUSED)
{
  MiriamStore *store = open_store (fx->path, "Anna Peeters");
  g_autoptr(MiriamParticipantFile) file = intake_file (add_ocmw (store), "Els", "Maes");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) children = NULL;

  g_assert_null (miriam_store_load_participant_file (store, 4242, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  file->participant->row.id = 4242;
  file->participant->row.version = 3;
  g_assert_null (miriam_store_save_participant_file (store, file, NULL, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND);
  children = miriam_store_list (store, MIRIAM_RECORD_CHILD, NULL, 0, NULL);
  g_assert_cmpuint (children->len, ==, 0);
  close_store (store);
}

/* ---------------------------------------------------------------------- */
/* Status history                                                           */

static void
test_status_step (Fixture       *fx,
                  gconstpointer  data G_GNUC_UNUSED)
{
  MiriamStore *store = open_store (fx->path, "Anna Peeters");
  g_autoptr(MiriamParticipantFile) file = intake_file (add_ocmw (store), "Ayşe", "Yılmaz");
  g_autoptr(MiriamParticipantFile) saved = NULL;
  g_autoptr(MiriamParticipantFile) again = NULL;
  g_autoptr(MiriamParticipantFile) stopped = NULL;
  GDate today = today_local ();
  MiriamStatusStep *step;

  saved = save_file_ok (store, file, NULL);
  g_assert_cmpuint (saved->status_steps->len, ==, 1);
  g_assert_cmpstr (((MiriamStatusStep *) g_ptr_array_index (saved->status_steps, 0))->reason, ==, "");

  /* She starts in the group. */
  take_text (&saved->participant->status, "active");
  again = save_file_ok (store, saved, "Eerste groepssessie");
  g_assert_cmpuint (again->status_steps->len, ==, 2);
  step = g_ptr_array_index (again->status_steps, 1);
  g_assert_cmpstr (step->status, ==, "active");
  g_assert_cmpstr (step->reason, ==, "Eerste groepssessie");
  g_assert_cmpint (step->participant_id, ==, again->participant->row.id);
  assert_same_day (&step->day, &today);
  g_assert_cmpstr (step->row.updated_by, ==, "Anna Peeters");

  /* A save that leaves the status alone adds no step, whatever the reason. */
  take_text (&again->participant->phone, "0470 65 43 21");
  g_clear_pointer (&saved, miriam_participant_file_free);
  saved = save_file_ok (store, again, "niets");
  g_assert_cmpuint (saved->status_steps->len, ==, 2);
  g_assert_cmpstr (saved->participant->phone, ==, "0470 65 43 21");

  /* She stops; the reason goes with the step. */
  take_text (&saved->participant->status, "stopped");
  stopped = save_file_ok (store, saved, "Verhuisd naar een andere gemeente");
  g_assert_cmpuint (stopped->status_steps->len, ==, 3);
  step = g_ptr_array_index (stopped->status_steps, 2);
  g_assert_cmpstr (step->status, ==, "stopped");
  g_assert_cmpstr (step->reason, ==, "Verhuisd naar een andere gemeente");
  g_assert_cmpstr (((MiriamStatusStep *) g_ptr_array_index (stopped->status_steps, 0))->status, ==,
                   "intake");
  close_store (store);
}

/* ---------------------------------------------------------------------- */
/* Removing                                                                 */

static void
test_delete_child (Fixture       *fx,
                   gconstpointer  data G_GNUC_UNUSED)
{
  MiriamStore *store = open_store (fx->path, "Anna Peeters");
  g_autoptr(MiriamParticipantFile) file = intake_file (add_ocmw (store), "Kelly", "Mertens");
  g_autoptr(MiriamParticipantFile) saved = NULL;
  g_autoptr(MiriamParticipantFile) after = NULL;
  gint64 adam;

  saved = save_file_ok (store, file, NULL);
  g_assert_cmpuint (saved->children->len, ==, 2);

  /* Removed in the file: she saves, the child is gone, the other stays. */
  adam = miriam_record_row (g_ptr_array_index (saved->children, 0))->id;
  g_ptr_array_remove_index (saved->children, 0);
  g_array_append_val (saved->removed_children, adam);
  after = save_file_ok (store, saved, NULL);
  g_assert_cmpuint (after->children->len, ==, 1);
  g_assert_cmpstr (((MiriamChild *) g_ptr_array_index (after->children, 0))->first_name, ==, "Yasmine");
  g_clear_pointer (&after, miriam_participant_file_free);
  after = load_ok (store, saved->participant->row.id);
  g_assert_cmpuint (after->children->len, ==, 1);
  g_assert_cmpuint (after->goals->len, ==, 2);
  close_store (store);
}

/* Another woman's child is not hers to remove. */
static void
test_delete_other_child (Fixture       *fx,
                         gconstpointer  data G_GNUC_UNUSED)
{
  MiriamStore *store = open_store (fx->path, "Anna Peeters");
  gint64 ocmw_id = add_ocmw (store);
  g_autoptr(MiriamParticipantFile) a = intake_file (ocmw_id, "Kelly", "Mertens");
  g_autoptr(MiriamParticipantFile) b = intake_file (ocmw_id, "Ine", "Wouters");
  g_autoptr(MiriamParticipantFile) a_saved = NULL;
  g_autoptr(MiriamParticipantFile) b_saved = NULL;
  g_autoptr(MiriamParticipantFile) after = NULL;
  gint64 other;

  a_saved = save_file_ok (store, a, NULL);
  b_saved = save_file_ok (store, b, NULL);
  other = miriam_record_row (g_ptr_array_index (b_saved->children, 0))->id;
  g_array_append_val (a_saved->removed_children, other);
  g_clear_pointer (&after, miriam_participant_file_free);
  after = save_file_ok (store, a_saved, NULL);
  g_assert_cmpuint (after->children->len, ==, 2);
  g_clear_pointer (&after, miriam_participant_file_free);
  after = load_ok (store, b_saved->participant->row.id);
  g_assert_cmpuint (after->children->len, ==, 2);
  close_store (store);
}

static void
test_delete (Fixture       *fx,
             gconstpointer  data G_GNUC_UNUSED)
{
  MiriamStore *anna = open_store (fx->path, "Anna Peeters");
  MiriamStore *bea = open_store (fx->path, "Bea Claes");
  g_autoptr(MiriamParticipantFile) file = intake_file (add_ocmw (anna), "Lotte", "Jacobs");
  g_autoptr(MiriamParticipantFile) saved = NULL;
  g_autoptr(MiriamParticipantFile) after = NULL;
  g_autoptr(GError) error = NULL;
  MiriamContact *contact;
  MiriamReferral *referral;
  MiriamPartner *partner;
  gint64 id, contact_id;

  saved = save_file_ok (anna, file, NULL);
  id = saved->participant->row.id;
  contact_id = add_contact (anna, id, day (3, G_DATE_NOVEMBER, 2026), "Telefoon");

  /* Bea corrects the contact; Anna's older view cannot remove it. */
  contact = miriam_store_load (bea, MIRIAM_RECORD_CONTACT, contact_id, &error);
  g_assert_no_error (error);
  take_text (&contact->note, "Telefoon: afspraak verzet");
  save_ok (bea, MIRIAM_RECORD_CONTACT, contact);
  g_assert_false (miriam_store_delete (anna, MIRIAM_RECORD_CONTACT, contact_id, 1, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  after = load_ok (anna, id);
  g_assert_cmpuint (after->contacts->len, ==, 1);

  /* With the version she sees now, it goes. */
  g_assert_true (miriam_store_delete (anna, MIRIAM_RECORD_CONTACT, contact_id,
                                      contact->row.version, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, miriam_participant_file_free);
  after = load_ok (bea, id);
  g_assert_cmpuint (after->contacts->len, ==, 0);
  /* Removing it a second time tells it is gone already. */
  g_assert_false (miriam_store_delete (bea, MIRIAM_RECORD_CONTACT, contact_id,
                                       contact->row.version, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  miriam_record_free (MIRIAM_RECORD_CONTACT, contact);

  /* A goal, through its own id and version. */
  g_assert_true (miriam_store_delete (anna, MIRIAM_RECORD_GOAL,
                                      miriam_record_row (g_ptr_array_index (saved->goals, 0))->id,
                                      1, &error));
  g_assert_no_error (error);

  /* A partner that referrals point at stays, and says why. */
  partner = miriam_record_new (MIRIAM_RECORD_PARTNER);
  take_text (&partner->name, "Buurtcentrum De Linde");
  take_text (&partner->kind, "neighbourhood_centre");
  save_ok (anna, MIRIAM_RECORD_PARTNER, partner);
  referral = miriam_record_new (MIRIAM_RECORD_REFERRAL);
  referral->participant_id = id;
  referral->partner_id = partner->row.id;
  referral->day = day (4, G_DATE_NOVEMBER, 2026);
  save_ok (anna, MIRIAM_RECORD_REFERRAL, referral);
  g_assert_false (miriam_store_delete (anna, MIRIAM_RECORD_PARTNER, partner->row.id, 1, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_clear_error (&error);
  /* Without the referral it can go. */
  g_assert_true (miriam_store_delete (anna, MIRIAM_RECORD_REFERRAL, referral->row.id, 1, &error));
  g_assert_no_error (error);
  g_assert_true (miriam_store_delete (anna, MIRIAM_RECORD_PARTNER, partner->row.id, 1, &error));
  g_assert_no_error (error);
  miriam_record_free (MIRIAM_RECORD_REFERRAL, referral);
  miriam_record_free (MIRIAM_RECORD_PARTNER, partner);

  /* A participant is not removed this way. */
  g_assert_false (miriam_store_delete (anna, MIRIAM_RECORD_PARTICIPANT, id,
                                       saved->participant->row.version, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&after, miriam_participant_file_free);
  after = load_ok (anna, id);
  g_assert_cmpstr (after->participant->first_name, ==, "Lotte");
  g_assert_cmpuint (after->goals->len, ==, 1);
  g_assert_cmpuint (after->referrals->len, ==, 0);

  close_store (anna);
  close_store (bea);
}

/* ---------------------------------------------------------------------- */
/* The participant list                                                     */

static MiriamParticipantRow *
row_of (GPtrArray *rows,
        gint64     id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      MiriamParticipantRow *row = g_ptr_array_index (rows, i);

      if (row->id == id)
        return row;
    }
  g_error ("participant %" G_GINT64_FORMAT " is not in the list", id);
}

static GPtrArray *
list_rows_ok (MiriamStore *store,
              GDate        today)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = miriam_store_list_participant_rows (store, &today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static void
test_list (Fixture       *fx,
           gconstpointer  data G_GNUC_UNUSED)
{
  MiriamStore *store = open_store (fx->path, "Anna Peeters");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GDate today = day (16, G_DATE_NOVEMBER, 2026);
  gint64 ocmw_id = add_ocmw (store);
  gint64 sofie = add_staff (store, ocmw_id, "Sofie Peeters");
  gint64 elise = add_staff (store, ocmw_id, "Élise Dubois");
  gint64 jonas = add_staff (store, ocmw_id, "Jonas Vermeulen");
  gint64 old_cohort = add_cohort (store, "2025-2026", 2025);
  gint64 new_cohort = add_cohort (store, "2026-2027", 2026);
  gint64 old_group = add_group (store, ocmw_id, old_cohort, "Groep Noord", 2025);
  gint64 new_group = add_group (store, ocmw_id, new_cohort, "Groep Zuid", 2026);
  gint64 other_group = add_group (store, ocmw_id, new_cohort, "Groep Haven", 2026);
  gint64 sarah, fatima, nour, ines;
  MiriamParticipantRow *row;

  g_assert_true (miriam_store_add_group_staff (store, old_group, jonas, &error));
  g_assert_true (miriam_store_add_group_staff (store, new_group, sofie, &error));
  g_assert_true (miriam_store_add_group_staff (store, new_group, elise, &error));
  g_assert_no_error (error);

  /* Sessions of the new group: one past, one cancelled on and one after
   * today, then the one that counts, then a later one. */
  add_session (store, new_group, day (9, G_DATE_NOVEMBER, 2026), FALSE);
  add_session (store, new_group, day (16, G_DATE_NOVEMBER, 2026), TRUE);
  add_session (store, new_group, day (20, G_DATE_NOVEMBER, 2026), TRUE);
  add_session (store, new_group, day (7, G_DATE_DECEMBER, 2026), FALSE);
  add_session (store, new_group, day (23, G_DATE_NOVEMBER, 2026), FALSE);
  add_session (store, old_group, day (16, G_DATE_JUNE, 2026), FALSE);
  /* A session on the day itself is still to come. */
  add_session (store, other_group, day (16, G_DATE_NOVEMBER, 2026), FALSE);

  /* Sarah came back for a second year. */
  sarah = add_participant (store, ocmw_id, "Sarah", "Claes");
  add_membership (store, sarah, new_group, day (14, G_DATE_SEPTEMBER, 2026));
  add_membership (store, sarah, old_group, day (15, G_DATE_SEPTEMBER, 2025));
  add_contact (store, sarah, day (2, G_DATE_OCTOBER, 2025), "Eerste jaar");
  add_contact (store, sarah, day (12, G_DATE_NOVEMBER, 2026), "Huisbezoek");
  add_contact (store, sarah, day (3, G_DATE_OCTOBER, 2026), "Telefoon");
  /* Fatima is on the waiting list: no group, no contact yet. */
  fatima = add_participant (store, ocmw_id, "Fatima", "El Idrissi");
  /* Nour moved group on the same day: the membership made last wins. */
  nour = add_participant (store, ocmw_id, "نور", "الخطيب");
  add_membership (store, nour, new_group, day (14, G_DATE_SEPTEMBER, 2026));
  add_membership (store, nour, other_group, day (14, G_DATE_SEPTEMBER, 2026));
  /* Inès only had a group in the old cohort. */
  ines = add_participant (store, ocmw_id, "Inès", "Öztürk");
  add_membership (store, ines, old_group, day (15, G_DATE_SEPTEMBER, 2025));

  rows = list_rows_ok (store, today);
  g_assert_cmpuint (rows->len, ==, 4);

  row = row_of (rows, sarah);
  g_assert_cmpstr (row->first_name, ==, "Sarah");
  g_assert_cmpstr (row->last_name, ==, "Claes");
  g_assert_cmpstr (row->status, ==, "waiting");
  g_assert_cmpint (row->version, ==, 1);
  g_assert_cmpint (row->group_id, ==, new_group);
  g_assert_cmpstr (row->group_name, ==, "Groep Zuid");
  g_assert_cmpint (row->cohort_id, ==, new_cohort);
  g_assert_cmpstr (row->cohort_label, ==, "2026-2027");
  /* Both casemanagers, by name, the accented one in her place. */
  g_assert_cmpstr (row->casemanagers, ==, "Élise Dubois, Sofie Peeters");
  {
    GDate expected = day (12, G_DATE_NOVEMBER, 2026);
    assert_same_day (&row->last_contact, &expected);
    expected = day (23, G_DATE_NOVEMBER, 2026);
    assert_same_day (&row->next_session, &expected);
  }

  row = row_of (rows, fatima);
  g_assert_cmpint (row->group_id, ==, 0);
  g_assert_cmpstr (row->group_name, ==, "");
  g_assert_cmpint (row->cohort_id, ==, 0);
  g_assert_cmpstr (row->cohort_label, ==, "");
  g_assert_cmpstr (row->casemanagers, ==, "");
  g_assert_false (g_date_valid (&row->last_contact));
  g_assert_false (g_date_valid (&row->next_session));

  row = row_of (rows, nour);
  g_assert_cmpint (row->group_id, ==, other_group);
  g_assert_cmpstr (row->casemanagers, ==, "");
  {
    GDate expected = day (16, G_DATE_NOVEMBER, 2026);
    assert_same_day (&row->next_session, &expected);
  }

  /* Her group is over: no next session. */
  row = row_of (rows, ines);
  g_assert_cmpstr (row->group_name, ==, "Groep Noord");
  g_assert_cmpstr (row->casemanagers, ==, "Jonas Vermeulen");
  g_assert_false (g_date_valid (&row->next_session));

  /* Ordered by last name as a reader expects: Claes, El Idrissi, Öztürk
   * (beside the O, not after the Z), then the Arabic name. */
  g_assert_cmpint (((MiriamParticipantRow *) g_ptr_array_index (rows, 0))->id, ==, sarah);
  g_assert_cmpint (((MiriamParticipantRow *) g_ptr_array_index (rows, 1))->id, ==, fatima);
  g_assert_cmpint (((MiriamParticipantRow *) g_ptr_array_index (rows, 2))->id, ==, ines);
  g_assert_cmpint (((MiriamParticipantRow *) g_ptr_array_index (rows, 3))->id, ==, nour);

  /* A new contact shows at once. */
  add_contact (store, fatima, day (15, G_DATE_NOVEMBER, 2026), "Intakegesprek gepland");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = list_rows_ok (store, today);
  row = row_of (rows, fatima);
  {
    GDate expected = day (15, G_DATE_NOVEMBER, 2026);
    assert_same_day (&row->last_contact, &expected);
  }

  /* A week later, the session of the 23rd is the next one still. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = list_rows_ok (store, day (23, G_DATE_NOVEMBER, 2026));
  {
    GDate expected = day (23, G_DATE_NOVEMBER, 2026);
    assert_same_day (&row_of (rows, sarah)->next_session, &expected);
  }
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = list_rows_ok (store, day (24, G_DATE_NOVEMBER, 2026));
  {
    GDate expected = day (7, G_DATE_DECEMBER, 2026);
    assert_same_day (&row_of (rows, sarah)->next_session, &expected);
  }

  close_store (store);
}

/* ---------------------------------------------------------------------- */
/* A large OCMW                                                             */

#define N_BIG 10000
#define WOMEN_PER_GROUP 14

static const char * const big_first[] = {
  "Sarah", "Fatima", "Ayşe", "Olena", "Mélanie", "Nour", "Agnieszka", "Grâce", "Ine", "Zahra",
};
static const char * const big_last[] = {
  "Peeters", "El Idrissi", "Yılmaz", "Kovalenko", "Dubois", "الخطيب", "Wiśniewska", "Mbuyi",
  "Öztürk", "Ahmadi", "Van den Broeck", "de Smet", "Çelik", "Lefèvre", "Şahin",
};

static gboolean
fill_big (MiriamStore  *store,
          gpointer      user_data,
          GError      **error)
{
  gint64 ocmw_id, cohort_id, staff_id, group_id = 0;
  MiriamOcmw *ocmw = miriam_record_new (MIRIAM_RECORD_OCMW);
  MiriamStaff *staff = miriam_record_new (MIRIAM_RECORD_STAFF);
  MiriamCohort *cohort = miriam_record_new (MIRIAM_RECORD_COHORT);
  gboolean ok;

  (void) user_data;

  take_text (&ocmw->name, "OCMW Antwerpen");
  ok = miriam_store_save (store, MIRIAM_RECORD_OCMW, ocmw, error);
  ocmw_id = ocmw->row.id;
  staff->ocmw_id = ocmw_id;
  take_text (&staff->display_name, "Sofie Peeters");
  ok = ok && miriam_store_save (store, MIRIAM_RECORD_STAFF, staff, error);
  staff_id = staff->row.id;
  take_text (&cohort->label, "2026-2027");
  cohort->start_date = day (1, G_DATE_SEPTEMBER, 2026);
  cohort->end_date = day (30, G_DATE_JUNE, 2027);
  ok = ok && miriam_store_save (store, MIRIAM_RECORD_COHORT, cohort, error);
  cohort_id = cohort->row.id;
  miriam_record_free (MIRIAM_RECORD_OCMW, ocmw);
  miriam_record_free (MIRIAM_RECORD_STAFF, staff);
  miriam_record_free (MIRIAM_RECORD_COHORT, cohort);

  for (guint i = 0; ok && i < N_BIG; i++)
    {
      MiriamParticipant *p = miriam_record_new (MIRIAM_RECORD_PARTICIPANT);
      MiriamMembership *m;
      MiriamContact *c;

      if (i % WOMEN_PER_GROUP == 0)
        {
          MiriamGroup *group = miriam_record_new (MIRIAM_RECORD_GROUP);
          MiriamSession *session = miriam_record_new (MIRIAM_RECORD_SESSION);

          group->ocmw_id = ocmw_id;
          group->cohort_id = cohort_id;
          g_free (group->name);
          group->name = g_strdup_printf ("Groep %u", i / WOMEN_PER_GROUP + 1);
          group->start_date = day (15, G_DATE_SEPTEMBER, 2026);
          group->end_date = day (25, G_DATE_JUNE, 2027);
          ok = miriam_store_save (store, MIRIAM_RECORD_GROUP, group, error)
               && miriam_store_add_group_staff (store, group->row.id, staff_id, error);
          group_id = group->row.id;
          session->group_id = group_id;
          session->day = day (1 + i % 28, G_DATE_DECEMBER, 2026);
          ok = ok && miriam_store_save (store, MIRIAM_RECORD_SESSION, session, error);
          miriam_record_free (MIRIAM_RECORD_GROUP, group);
          miriam_record_free (MIRIAM_RECORD_SESSION, session);
        }

      p->ocmw_id = ocmw_id;
      take_text (&p->first_name, big_first[i % G_N_ELEMENTS (big_first)]);
      g_free (p->last_name);
      p->last_name = g_strdup_printf ("%s %u", big_last[(i * 7) % G_N_ELEMENTS (big_last)], i % 97);
      ok = ok && miriam_store_save (store, MIRIAM_RECORD_PARTICIPANT, p, error);

      /* One in ten waits for a group. */
      if (ok && i % 10 != 9)
        {
          m = miriam_record_new (MIRIAM_RECORD_MEMBERSHIP);
          m->participant_id = p->row.id;
          m->group_id = group_id;
          m->joined_on = day (15, G_DATE_SEPTEMBER, 2026);
          ok = miriam_store_save (store, MIRIAM_RECORD_MEMBERSHIP, m, error);
          miriam_record_free (MIRIAM_RECORD_MEMBERSHIP, m);

          c = miriam_record_new (MIRIAM_RECORD_CONTACT);
          c->participant_id = p->row.id;
          c->day = day (1 + i % 30, G_DATE_OCTOBER, 2026);
          ok = ok && miriam_store_save (store, MIRIAM_RECORD_CONTACT, c, error);
          miriam_record_free (MIRIAM_RECORD_CONTACT, c);
        }
      miriam_record_free (MIRIAM_RECORD_PARTICIPANT, p);
    }
  return ok;
}

/* A name as a reader compares it: without case or accents. */
static char *
bare_name (const char *name)
{
  g_autofree char *decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) bare = g_string_new (NULL);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_ismark (g_utf8_get_char (p)))
      g_string_append_unichar (bare, g_utf8_get_char (p));
  return g_utf8_casefold (bare->str, -1);
}

/* By last name, then first name, in the reader's language. */
static gint
compare_names (const MiriamParticipantRow *a,
               const MiriamParticipantRow *b)
{
  g_autofree char *la = bare_name (a->last_name);
  g_autofree char *lb = bare_name (b->last_name);
  g_autofree char *fa = bare_name (a->first_name);
  g_autofree char *fb = bare_name (b->first_name);
  gint cmp = g_utf8_collate (la, lb);

  return cmp != 0 ? cmp : g_utf8_collate (fa, fb);
}

static void
test_list_big (Fixture       *fx,
               gconstpointer  data G_GNUC_UNUSED)
{
  MiriamStore *store = open_store (fx->path, "Anna Peeters");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_without_group = 0;

  g_assert_true (miriam_store_write (store, fill_big, NULL, &error));
  g_assert_no_error (error);

  rows = list_rows_ok (store, day (16, G_DATE_NOVEMBER, 2026));
  g_assert_cmpuint (rows->len, ==, N_BIG);

  for (guint i = 0; i < rows->len; i++)
    {
      MiriamParticipantRow *row = g_ptr_array_index (rows, i);

      g_hash_table_add (ids, &row->id);
      if (i > 0)
        g_assert_cmpint (compare_names (g_ptr_array_index (rows, i - 1), row), <=, 0);
      if (row->group_id == 0)
        {
          n_without_group++;
          g_assert_false (g_date_valid (&row->last_contact));
          continue;
        }
      g_assert_true (g_str_has_prefix (row->group_name, "Groep "));
      g_assert_cmpstr (row->cohort_label, ==, "2026-2027");
      g_assert_cmpstr (row->casemanagers, ==, "Sofie Peeters");
      g_assert_true (g_date_valid (&row->last_contact));
      g_assert_true (g_date_valid (&row->next_session));
      g_assert_cmpint (g_date_get_month (&row->next_session), ==, G_DATE_DECEMBER);
    }
  g_assert_cmpuint (g_hash_table_size (ids), ==, N_BIG);
  g_assert_cmpuint (n_without_group, ==, N_BIG / 10);

  close_store (store);
}

/* ---------------------------------------------------------------------- */
/* From the main loop                                                       */

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Wait;

static void
on_done (GObject      *source G_GNUC_UNUSED,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static GAsyncResult *
wait_for (Wait *wait)
{
  g_main_loop_run (wait->loop);
  return wait->result;
}

static void
test_async (Fixture       *fx,
            gconstpointer  data G_GNUC_UNUSED)
{
  MiriamStore *store = open_store (fx->path, "Anna Peeters");
  g_autoptr(MiriamParticipantFile) file = intake_file (add_ocmw (store), "Jolien", "Wouters");
  g_autoptr(MiriamParticipantFile) saved = NULL;
  g_autoptr(MiriamParticipantFile) loaded = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Wait wait = { loop, NULL };
  GDate today = day (16, G_DATE_NOVEMBER, 2026);
  gint64 goal_id;

  miriam_store_save_participant_file_async (store, file, "Intake", NULL, on_done, &wait);
  /* The caller may drop its file at once: the store works on a copy. */
  g_clear_pointer (&file, miriam_participant_file_free);
  saved = miriam_store_save_participant_file_finish (store, wait_for (&wait), &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->participant->first_name, ==, "Jolien");
  g_assert_cmpuint (saved->children->len, ==, 2);

  miriam_store_load_participant_file_async (store, saved->participant->row.id, NULL, on_done, &wait);
  loaded = miriam_store_load_participant_file_finish (store, wait_for (&wait), &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  assert_same_file (loaded, saved);

  miriam_store_list_participant_rows_async (store, &today, NULL, on_done, &wait);
  rows = miriam_store_list_participant_rows_finish (store, wait_for (&wait), &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((MiriamParticipantRow *) g_ptr_array_index (rows, 0))->last_name, ==, "Wouters");

  goal_id = miriam_record_row (g_ptr_array_index (loaded->goals, 0))->id;
  miriam_store_delete_async (store, MIRIAM_RECORD_GOAL, goal_id, 1, NULL, on_done, &wait);
  g_assert_true (miriam_store_delete_finish (store, wait_for (&wait), &error));
  g_clear_object (&wait.result);
  g_assert_no_error (error);

  miriam_store_delete_async (store, MIRIAM_RECORD_GOAL, goal_id, 1, NULL, on_done, &wait);
  g_assert_false (miriam_store_delete_finish (store, wait_for (&wait), &error));
  g_clear_object (&wait.result);
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Saving the file that still holds the removed goal: the goal is
   * gone, so nothing is saved, and the callback says so. */
  take_text (&loaded->participant->notes, "Na het verwijderen van het doel");
  miriam_store_save_participant_file_async (store, loaded, NULL, NULL, on_done, &wait);
  g_assert_null (miriam_store_save_participant_file_finish (store, wait_for (&wait), &error));
  g_clear_object (&wait.result);
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&saved, miriam_participant_file_free);
  saved = load_ok (store, loaded->participant->row.id);
  g_assert_cmpint (saved->participant->row.version, ==, 1);
  g_assert_cmpstr (saved->participant->notes, ==, "");

  /* And a stale one reports the conflict. */
  take_text (&saved->participant->notes, "Eerst opgeslagen");
  g_clear_pointer (&file, miriam_participant_file_free);
  file = save_file_ok (store, saved, NULL);
  miriam_store_save_participant_file_async (store, saved, NULL, NULL, on_done, &wait);
  g_assert_null (miriam_store_save_participant_file_finish (store, wait_for (&wait), &error));
  g_clear_object (&wait.result);
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CONFLICT);

  close_store (store);
}

/* ---------------------------------------------------------------------- */
/* Files made before schema 2, and the demonstration OCMW                   */

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
}

/* A team's file from version 0.1: one woman with some history. */
static void
write_version_1 (const char *path)
{
  g_autofree char *schema_path = g_test_build_filename (G_TEST_DIST, "..", "data", "migrations",
                                                        "0001-initial.sql", NULL);
  g_autofree char *schema = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_file_get_contents (schema_path, &schema, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, schema);
  exec_sql (db, "PRAGMA application_id = 1296650829; PRAGMA user_version = 1;"
                "INSERT INTO ocmw (name, updated_at) VALUES ('OCMW Gent', '2025-09-01T08:00:00Z');"
                "INSERT INTO participant (ocmw_id, first_name, last_name, status, updated_at) "
                "  VALUES (1, 'Sarah', 'Claes', 'active', '2025-09-01T08:00:00Z');"
                "INSERT INTO status_change (participant_id, status, day, reason, updated_at) "
                "  VALUES (1, 'waiting', '2025-06-02', '', '2025-06-02T08:00:00Z'),"
                "         (1, 'active', '2025-09-15', 'Gestart', '2025-09-15T08:00:00Z');");
  sqlite3_close (db);
}

static void
test_from_version_1 (Fixture       *fx,
                     gconstpointer  data G_GNUC_UNUSED)
{
  MiriamStore *store;
  g_autoptr(MiriamParticipantFile) file = NULL;
  g_autoptr(MiriamParticipantFile) saved = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  MiriamStatusStep *step;

  write_version_1 (fx->path);
  store = open_store (fx->path, "Anna Peeters");
  g_assert_cmpint (miriam_store_get_file_version (store), ==, miriam_store_schema_version ());

  /* Her file and history as they were; the intake still empty. */
  file = load_ok (store, 1);
  g_assert_cmpstr (file->participant->first_name, ==, "Sarah");
  g_assert_false (g_date_valid (&file->participant->intake_date));
  g_assert_false (file->participant->criterion_poverty);
  g_assert_cmpstr (file->participant->criterion_poverty_note, ==, "");
  g_assert_cmpuint (file->status_steps->len, ==, 2);
  step = g_ptr_array_index (file->status_steps, 1);
  g_assert_cmpstr (step->status, ==, "active");
  g_assert_cmpstr (step->reason, ==, "Gestart");
  g_assert_cmpint (step->row.version, ==, 1);

  partners = miriam_store_list (store, MIRIAM_RECORD_PARTNER, NULL, 0, NULL);
  g_assert_cmpuint (partners->len, >=, 20);

  /* And it can be saved like a new one. */
  file->participant->criterion_poverty = TRUE;
  g_ptr_array_add (file->goals, new_goal ("rights", "Premies laten nakijken."));
  saved = save_file_ok (store, file, NULL);
  g_assert_true (saved->participant->criterion_poverty);
  g_assert_cmpuint (saved->goals->len, ==, 1);
  g_assert_cmpuint (saved->status_steps->len, ==, 2);
  close_store (store);
}

static void
test_demo (Fixture       *fx,
           gconstpointer  data G_GNUC_UNUSED)
{
  MiriamStore *store = open_store (fx->path, "Anna Peeters");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  MiriamDemoOptions options;
  GDate today = day (16, G_DATE_FEBRUARY, 2026);
  guint n_intake = 0, n_goals = 0, n_referrals = 0, n_grouped = 0;

  miriam_demo_options_init_small (&options, &today);
  g_assert_true (miriam_demo_generate (store, &options, &error));
  g_assert_no_error (error);

  rows = list_rows_ok (store, today);
  g_assert_cmpuint (rows->len, >=, 24);
  for (guint i = 0; i < rows->len; i++)
    {
      MiriamParticipantRow *row = g_ptr_array_index (rows, i);
      g_autoptr(MiriamParticipantFile) file = load_ok (store, row->id);
      MiriamStatusStep *last;

      /* Her history ends with the status she has now. */
      g_assert_cmpuint (file->status_steps->len, >=, 1);
      last = g_ptr_array_index (file->status_steps, file->status_steps->len - 1);
      g_assert_cmpstr (last->status, ==, file->participant->status);

      n_intake += g_date_valid (&file->participant->intake_date);
      n_goals += file->goals->len;
      n_referrals += file->referrals->len;
      if (row->group_id != 0)
        {
          n_grouped++;
          g_assert_cmpuint (strlen (row->casemanagers), >, 0);
          g_assert_true (g_date_valid (&row->next_session));
        }
      for (guint r = 0; r < file->referrals->len; r++)
        {
          MiriamReferral *referral = g_ptr_array_index (file->referrals, r);
          g_autoptr(MiriamPartner) partner = miriam_store_load (store, MIRIAM_RECORD_PARTNER,
                                                                referral->partner_id, &error);

          g_assert_no_error (error);
          g_assert_cmpint (g_date_compare (&referral->day, &today), <=, 0);
        }
    }
  g_assert_cmpuint (n_grouped, ==, rows->len - 1);
  g_assert_cmpuint (n_intake, >=, n_grouped);
  g_assert_cmpuint (n_goals, >=, n_grouped);
  g_assert_cmpuint (n_referrals, >, 0);
  close_store (store);
}

static void
test_copy (void)
{
  g_autoptr(MiriamParticipantFile) file = intake_file (1, "Sarah", "Claes");
  g_autoptr(MiriamParticipantFile) copy = NULL;
  gint64 removed = 7;

  g_array_append_val (file->removed_goals, removed);
  copy = miriam_participant_file_copy (file);
  take_text (&((MiriamChild *) g_ptr_array_index (copy->children, 0))->first_name, "Noah");
  take_text (&copy->participant->first_name, "Sara");
  g_ptr_array_add (copy->goals, new_goal ("work", "Werk zoeken."));

  g_assert_cmpstr (file->participant->first_name, ==, "Sarah");
  g_assert_cmpstr (((MiriamChild *) g_ptr_array_index (file->children, 0))->first_name, ==, "Adam");
  g_assert_cmpuint (file->goals->len, ==, 2);
  g_assert_cmpuint (copy->removed_goals->len, ==, 1);
  g_assert_cmpint (g_array_index (copy->removed_goals, gint64, 0), ==, 7);
  g_assert_cmpuint (copy->removed_children->len, ==, 0);
}

/* The first file of a brand-new database, made as the editor makes it
 * (no OCMW chosen): saved, and attached to the database's OCMW, which is
 * created once and then reused. */
static void
test_first_file (Fixture       *fx,
                 gconstpointer  data G_GNUC_UNUSED)
{
  MiriamStore *store = open_store (fx->path, "Anneleen");
  g_autoptr(MiriamParticipantFile) file = miriam_participant_file_new ();
  g_autoptr(MiriamParticipantFile) second = miriam_participant_file_new ();
  g_autoptr(MiriamParticipantFile) saved = NULL;
  g_autoptr(MiriamParticipantFile) saved2 = NULL;
  g_autoptr(GPtrArray) ocmws = NULL;
  g_autoptr(GError) error = NULL;

  take_text (&file->participant->first_name, "Céline");
  saved = miriam_store_save_participant_file (store, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_cmpint (saved->participant->ocmw_id, >, 0);

  take_text (&second->participant->first_name, "Nour");
  saved2 = miriam_store_save_participant_file (store, second, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved2->participant->ocmw_id, ==, saved->participant->ocmw_id);

  ocmws = miriam_store_list (store, MIRIAM_RECORD_OCMW, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ocmws->len, ==, 1);
  g_assert_cmpstr (((MiriamOcmw *) ocmws->pdata[0])->name, !=, "");

  close_store (store);
}

/* She stopped last Thursday; it is recorded on Monday: the history says
 * Thursday. */
static void
test_status_day (Fixture       *fx,
                 gconstpointer  data G_GNUC_UNUSED)
{
  MiriamStore *store = open_store (fx->path, "Anneleen");
  g_autoptr(MiriamParticipantFile) file = miriam_participant_file_new ();
  g_autoptr(MiriamParticipantFile) saved = NULL;
  g_autoptr(MiriamParticipantFile) stopped = NULL;
  g_autoptr(GError) error = NULL;
  const MiriamStatusStep *step;
  GDate thursday = day (19, G_DATE_NOVEMBER, 2026);

  take_text (&file->participant->first_name, "Selam");
  saved = miriam_store_save_participant_file (store, file, NULL, &error);
  g_assert_no_error (error);

  take_text (&saved->participant->status, "stopped");
  saved->status_day = thursday;
  stopped = miriam_store_save_participant_file (store, saved, "Moved to another town", &error);
  g_assert_no_error (error);

  g_assert_cmpuint (stopped->status_steps->len, ==, 2);
  /* The history is in the order of the days, so look her step up. */
  step = stopped->status_steps->pdata[0];
  if (g_strcmp0 (step->status, "stopped") != 0)
    step = stopped->status_steps->pdata[1];
  g_assert_cmpstr (step->status, ==, "stopped");
  g_assert_cmpstr (step->reason, ==, "Moved to another town");
  g_assert_cmpint (g_date_compare (&step->day, &thursday), ==, 0);

  close_store (store);
}

/* Putting her in a group is part of saving her file: one transaction,
 * version-checked like the rest of it. */
static void
test_membership (Fixture       *fx,
                 gconstpointer  data G_GNUC_UNUSED)
{
  MiriamStore *store = open_store (fx->path, "Anneleen");
  MiriamStore *colleague = NULL;
  g_autoptr(MiriamParticipantFile) file = miriam_participant_file_new ();
  g_autoptr(MiriamParticipantFile) saved = NULL;
  g_autoptr(MiriamParticipantFile) joined = NULL;
  g_autoptr(MiriamParticipantFile) theirs = NULL;
  g_autoptr(MiriamParticipantFile) stale = NULL;
  g_autoptr(GError) error = NULL;
  MiriamCohort *cohort = miriam_record_new (MIRIAM_RECORD_COHORT);
  MiriamGroup *group = miriam_record_new (MIRIAM_RECORD_GROUP);
  MiriamGroup *second = miriam_record_new (MIRIAM_RECORD_GROUP);
  MiriamMembership *membership;

  take_text (&file->participant->first_name, "Selam");
  saved = miriam_store_save_participant_file (store, file, NULL, &error);
  g_assert_no_error (error);

  take_text (&cohort->label, "2026-2027");
  cohort->start_date = day (1, G_DATE_SEPTEMBER, 2026);
  cohort->end_date = day (30, G_DATE_JUNE, 2027);
  save_ok (store, MIRIAM_RECORD_COHORT, cohort);
  for (MiriamGroup **g = (MiriamGroup *[]) { group, second, NULL }; *g != NULL; g++)
    {
      take_text (&(*g)->name, *g == group ? "Groep Noord" : "Groep Zuid");
      (*g)->cohort_id = cohort->row.id;
      (*g)->start_date = cohort->start_date;
      (*g)->end_date = cohort->end_date;
      g_assert_true (miriam_store_save_group (store, *g, NULL, 0, NULL, &error));
      g_assert_no_error (error);
    }

  membership = miriam_record_new (MIRIAM_RECORD_MEMBERSHIP);
  membership->group_id = group->row.id;
  membership->joined_on = day (1, G_DATE_SEPTEMBER, 2026);
  g_ptr_array_add (saved->memberships, membership);
  joined = miriam_store_save_participant_file (store, saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (joined->memberships->len, ==, 1);
  membership = joined->memberships->pdata[0];
  g_assert_cmpint (membership->group_id, ==, group->row.id);
  g_assert_cmpint (membership->participant_id, ==, joined->participant->row.id);

  /* A colleague saves her file first: my new group is not written. */
  stale = miriam_participant_file_copy (joined);
  colleague = open_store (fx->path, "Bea");
  take_text (&joined->participant->phone, "0470 11 22 33");
  theirs = miriam_store_save_participant_file (colleague, joined, NULL, &error);
  g_assert_no_error (error);
  membership = miriam_record_new (MIRIAM_RECORD_MEMBERSHIP);
  membership->group_id = second->row.id;
  membership->joined_on = day (1, G_DATE_JANUARY, 2027);
  g_ptr_array_add (stale->memberships, membership);
  g_assert_null (miriam_store_save_participant_file (store, stale, NULL, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&theirs, miriam_participant_file_free);
  theirs = miriam_store_load_participant_file (store, joined->participant->row.id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (theirs->memberships->len, ==, 1);

  miriam_record_free (MIRIAM_RECORD_COHORT, cohort);
  miriam_record_free (MIRIAM_RECORD_GROUP, group);
  miriam_record_free (MIRIAM_RECORD_GROUP, second);
  close_store (colleague);
  close_store (store);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/participant-file/copy", test_copy);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/participant-file/first-file", test_first_file);
  ADD ("/participant-file/status-day", test_status_day);
  ADD ("/participant-file/membership", test_membership);
  ADD ("/participant-file/round-trip", test_round_trip);
  ADD ("/participant-file/partner-directory", test_partner_directory);
  ADD ("/participant-file/goal-codes", test_goal_codes);
  ADD ("/participant-file/unicode", test_unicode);
  ADD ("/participant-file/conflict", test_conflict);
  ADD ("/participant-file/untouched-parts", test_untouched_parts);
  ADD ("/participant-file/gone", test_gone);
  ADD ("/participant-file/status-step", test_status_step);
  ADD ("/participant-file/delete-child", test_delete_child);
  ADD ("/participant-file/delete-other-child", test_delete_other_child);
  ADD ("/participant-file/delete", test_delete);
  ADD ("/participant-file/list", test_list);
  ADD ("/participant-file/list-10000", test_list_big);
  ADD ("/participant-file/async", test_async);
  ADD ("/participant-file/from-version-1", test_from_version_1);
  ADD ("/participant-file/demo", test_demo);
#undef ADD

  return g_test_run ();
}
