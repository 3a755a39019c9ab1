/* test-rules.c: dates, the participant's path, search and the coded lists
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/miriam-date.h"
#include "core/miriam-search.h"
#include "core/miriam-status.h"
#include "core/miriam-time.h"
#include "core/miriam-vocabulary.h"

/* Dates */

static void
assert_parses_to (const char *text,
                  guint       year,
                  guint       month,
                  guint       day)
{
  GDate date;

  g_test_message ("\"%s\"", text);
  g_date_clear (&date, 1);
  g_assert_true (miriam_date_parse (text, &date));
  g_assert_true (g_date_valid (&date));
  g_assert_cmpuint (g_date_get_year (&date), ==, year);
  g_assert_cmpuint (g_date_get_month (&date), ==, month);
  g_assert_cmpuint (g_date_get_day (&date), ==, day);
}

static void
assert_refused (const char *text)
{
  GDate date;

  g_test_message ("\"%s\"", text);
  /* A refused text leaves the date as it was. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2001);
  g_assert_false (miriam_date_parse (text, &date));
  g_assert_cmpuint (g_date_get_year (&date), ==, 2001);
  g_assert_cmpuint (g_date_get_month (&date), ==, 1);
  g_assert_cmpuint (g_date_get_day (&date), ==, 1);
}

static void
test_date_parse (void)
{
  GDate date;

  /* Every Belgian way, day first... */
  assert_parses_to ("22/11/2026", 2026, 11, 22);
  assert_parses_to ("22.11.2026", 2026, 11, 22);
  assert_parses_to ("22-11-2026", 2026, 11, 22);
  assert_parses_to ("1/2/2026", 2026, 2, 1);
  assert_parses_to ("01/02/2026", 2026, 2, 1);
  assert_parses_to (" 22/11/2026\n", 2026, 11, 22);
  /* ...and the ISO form, year first. */
  assert_parses_to ("2026-11-22", 2026, 11, 22);
  assert_parses_to ("2026-2-1", 2026, 2, 1);

  /* Impossible days. */
  assert_refused ("31/02/2026");
  assert_refused ("30/02/2024");
  assert_refused ("29/02/2025");
  assert_refused ("29/02/1900");
  assert_refused ("31/04/2026");
  assert_refused ("32/01/2026");
  assert_refused ("00/01/2026");
  assert_refused ("01/13/2026");
  assert_refused ("01/00/2026");
  assert_refused ("2026-02-30");
  assert_refused ("2026-13-01");
  assert_parses_to ("29/02/2024", 2024, 2, 29);
  assert_parses_to ("29/02/2000", 2000, 2, 29);

  /* Not dates at all, or not in full. */
  assert_refused ("22/11");
  assert_refused ("22/11/2026/1");
  assert_refused ("22/11-2026");
  assert_refused ("22 11 2026");
  assert_refused ("22/11/026");
  assert_refused ("22/11/20266");
  assert_refused ("222/11/2026");
  assert_refused ("22112026");
  assert_refused ("tomorrow");
  assert_refused ("22/11/2026 10:00");
  assert_refused ("26-11-22x");

  /* Nothing typed: a cleared date, and no complaint. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2001);
  g_assert_true (miriam_date_parse ("", &date));
  g_assert_false (g_date_valid (&date));
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2001);
  g_assert_true (miriam_date_parse ("  ", &date));
  g_assert_false (g_date_valid (&date));
  g_assert_true (miriam_date_parse (NULL, &date));
  g_assert_false (g_date_valid (&date));
}

static void
test_date_two_digit_years (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint this_year = g_date_time_get_year (now);
  guint century = this_year - this_year % 100;
  g_autofree char *this_yy = g_strdup_printf ("22/11/%02u", this_year % 100);
  g_autofree char *next_yy = g_strdup_printf ("22/11/%02u", (this_year + 1) % 100);

  /* Up to this year: this century; after it: the last one, where the
   * birth dates are. */
  assert_parses_to (this_yy, this_year, 11, 22);
  if (this_year % 100 != 99)
    assert_parses_to (next_yy, century - 100 + (this_year + 1) % 100, 11, 22);
  assert_parses_to ("01/01/00", century, 1, 1);
  assert_parses_to ("30.07.85", century - 100 + 85, 7, 30);
  assert_parses_to ("30-7-99", century - 100 + 99, 7, 30);
  /* 29 February of a two-digit year: 1996 was a leap year, 1997 not. */
  assert_parses_to ("29/02/96", century - 100 + 96, 2, 29);
  assert_refused ("29/02/97");
}

static void
test_date_today (void)
{
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autoptr(GDateTime) after = NULL;
  GDate today;

  miriam_date_today (&today);
  after = g_date_time_new_now_local ();

  g_assert_true (g_date_valid (&today));
  /* Around midnight the day may change between the two clocks. */
  g_assert_true ((g_date_get_day (&today) == (guint) g_date_time_get_day_of_month (before)
                  && g_date_get_month (&today) == (guint) g_date_time_get_month (before)
                  && g_date_get_year (&today) == (guint) g_date_time_get_year (before))
                 || (g_date_get_day (&today) == (guint) g_date_time_get_day_of_month (after)
                     && g_date_get_month (&today) == (guint) g_date_time_get_month (after)
                     && g_date_get_year (&today) == (guint) g_date_time_get_year (after)));
}

static MiriamBirthDateCheck
check_birth (guint day,
             guint month,
             guint year)
{
  GDate birth, today;

  /* A fixed "today": 23 November 2026. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, day, month, year);
  return miriam_birth_date_check (&birth, &today);
}

static void
test_birth_date_check (void)
{
  GDate unknown, today;

  g_assert_cmpint (check_birth (30, 7, 1985), ==, MIRIAM_BIRTH_DATE_OK);

  /* 14 today is old enough, 14 tomorrow is not. */
  g_assert_cmpint (check_birth (23, 11, 2012), ==, MIRIAM_BIRTH_DATE_OK);
  g_assert_cmpint (check_birth (24, 11, 2012), ==, MIRIAM_BIRTH_DATE_TOO_YOUNG);
  g_assert_cmpint (check_birth (1, 1, 2020), ==, MIRIAM_BIRTH_DATE_TOO_YOUNG);
  g_assert_cmpint (check_birth (23, 11, 2026), ==, MIRIAM_BIRTH_DATE_TOO_YOUNG);

  /* Tomorrow has not come yet. */
  g_assert_cmpint (check_birth (24, 11, 2026), ==, MIRIAM_BIRTH_DATE_IN_FUTURE);
  g_assert_cmpint (check_birth (1, 1, 2085), ==, MIRIAM_BIRTH_DATE_IN_FUTURE);

  /* 100 is possible; 101 (from her 101st birthday on) is not. */
  g_assert_cmpint (check_birth (23, 11, 1926), ==, MIRIAM_BIRTH_DATE_OK);
  g_assert_cmpint (check_birth (24, 11, 1925), ==, MIRIAM_BIRTH_DATE_OK);
  g_assert_cmpint (check_birth (23, 11, 1925), ==, MIRIAM_BIRTH_DATE_TOO_OLD);
  g_assert_cmpint (check_birth (30, 7, 1885), ==, MIRIAM_BIRTH_DATE_TOO_OLD);

  g_date_clear (&unknown, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  g_assert_cmpint (miriam_birth_date_check (&unknown, &today), ==, MIRIAM_BIRTH_DATE_UNKNOWN);
  g_assert_cmpint (miriam_birth_date_check (NULL, &today), ==, MIRIAM_BIRTH_DATE_UNKNOWN);

  g_assert_null (miriam_birth_date_check_message (MIRIAM_BIRTH_DATE_OK));
  g_assert_null (miriam_birth_date_check_message (MIRIAM_BIRTH_DATE_UNKNOWN));
  g_assert_nonnull (strstr (miriam_birth_date_check_message (MIRIAM_BIRTH_DATE_IN_FUTURE), "future"));
  g_assert_nonnull (strstr (miriam_birth_date_check_message (MIRIAM_BIRTH_DATE_TOO_YOUNG), "14"));
  g_assert_nonnull (strstr (miriam_birth_date_check_message (MIRIAM_BIRTH_DATE_TOO_OLD), "100"));
}

static int
age_on (guint birth_day, guint birth_month, guint birth_year,
        guint day, guint month, guint year)
{
  GDate birth, on;

  g_date_clear (&birth, 1);
  g_date_clear (&on, 1);
  g_date_set_dmy (&birth, birth_day, birth_month, birth_year);
  g_date_set_dmy (&on, day, month, year);
  return miriam_date_age (&birth, &on);
}

static void
test_date_age (void)
{
  GDate unknown, today;

  g_assert_cmpint (age_on (30, 7, 1985, 29, 7, 2026), ==, 40);
  g_assert_cmpint (age_on (30, 7, 1985, 30, 7, 2026), ==, 41);
  g_assert_cmpint (age_on (30, 7, 1985, 31, 12, 2026), ==, 41);
  g_assert_cmpint (age_on (30, 7, 1985, 30, 7, 1985), ==, 0);
  /* Born on 29 February: a year older on 1 March in other years. */
  g_assert_cmpint (age_on (29, 2, 2000, 28, 2, 2025), ==, 24);
  g_assert_cmpint (age_on (29, 2, 2000, 1, 3, 2025), ==, 25);
  g_assert_cmpint (age_on (29, 2, 2000, 29, 2, 2024), ==, 24);
  /* Not born yet: no age. */
  g_assert_cmpint (age_on (30, 7, 1985, 29, 7, 1985), ==, -1);

  g_date_clear (&unknown, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  g_assert_cmpint (miriam_date_age (&unknown, &today), ==, -1);
  g_assert_cmpint (miriam_date_age (NULL, &today), ==, -1);
}

/* The path */

typedef struct {
  MiriamStatus from;
  MiriamStatus to;
} Step;

/* Every step of the path, and nothing else. */
static const Step allowed_steps[] = {
  { MIRIAM_STATUS_WAITING, MIRIAM_STATUS_INTAKE },
  { MIRIAM_STATUS_WAITING, MIRIAM_STATUS_STOPPED },
  { MIRIAM_STATUS_INTAKE, MIRIAM_STATUS_WAITING },
  { MIRIAM_STATUS_INTAKE, MIRIAM_STATUS_ACTIVE },
  { MIRIAM_STATUS_INTAKE, MIRIAM_STATUS_STOPPED },
  { MIRIAM_STATUS_ACTIVE, MIRIAM_STATUS_COMPLETED },
  { MIRIAM_STATUS_ACTIVE, MIRIAM_STATUS_STOPPED },
  { MIRIAM_STATUS_COMPLETED, MIRIAM_STATUS_AFTERCARE },
  { MIRIAM_STATUS_COMPLETED, MIRIAM_STATUS_WAITING },
  { MIRIAM_STATUS_COMPLETED, MIRIAM_STATUS_INTAKE },
  { MIRIAM_STATUS_STOPPED, MIRIAM_STATUS_AFTERCARE },
  { MIRIAM_STATUS_STOPPED, MIRIAM_STATUS_WAITING },
  { MIRIAM_STATUS_STOPPED, MIRIAM_STATUS_INTAKE },
  { MIRIAM_STATUS_AFTERCARE, MIRIAM_STATUS_WAITING },
  { MIRIAM_STATUS_AFTERCARE, MIRIAM_STATUS_INTAKE },
};

static gboolean
is_allowed_step (MiriamStatus from,
                 MiriamStatus to)
{
  for (guint i = 0; i < G_N_ELEMENTS (allowed_steps); i++)
    if (allowed_steps[i].from == from && allowed_steps[i].to == to)
      return TRUE;
  return FALSE;
}

static void
test_status_codes (void)
{
  const char *labels[] = { "Waiting list", "Intake", "Active in a group",
                           "Completed", "Stopped", "Aftercare" };
  const char *codes[] = { "waiting", "intake", "active",
                          "completed", "stopped", "aftercare" };

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == MIRIAM_N_STATUSES);

  for (MiriamStatus s = 0; s < MIRIAM_N_STATUSES; s++)
    {
      /* The store's CHECK constraint names these codes. */
      g_assert_cmpstr (miriam_status_to_code (s), ==, codes[s]);
      g_assert_cmpint (miriam_status_from_code (codes[s]), ==, s);
      g_assert_cmpstr (miriam_status_label (s), ==, labels[s]);
    }
  g_assert_cmpint (miriam_status_from_code ("graduated"), ==, MIRIAM_STATUS_WAITING);
  g_assert_cmpint (miriam_status_from_code (""), ==, MIRIAM_STATUS_WAITING);
  g_assert_cmpint (miriam_status_from_code (NULL), ==, MIRIAM_STATUS_WAITING);
}

static void
test_status_steps (void)
{
  /* With consent and a reason, exactly the steps of the path pass. */
  for (MiriamStatus from = 0; from < MIRIAM_N_STATUSES; from++)
    for (MiriamStatus to = 0; to < MIRIAM_N_STATUSES; to++)
      {
        MiriamStatusChange expected = from == to ? MIRIAM_STATUS_CHANGE_SAME
                                      : is_allowed_step (from, to) ? MIRIAM_STATUS_CHANGE_ALLOWED
                                      : MIRIAM_STATUS_CHANGE_NOT_ALLOWED;

        g_test_message ("%s -> %s", miriam_status_to_code (from), miriam_status_to_code (to));
        g_assert_cmpint (miriam_status_check_change (from, to, TRUE, "She found work"), ==, expected);
      }

  /* A few that are refused, by name: no skipping the group, no going back
   * to the list from inside a group, no stopping after the end. */
  g_assert_cmpint (miriam_status_check_change (MIRIAM_STATUS_WAITING, MIRIAM_STATUS_COMPLETED, TRUE, NULL),
                   ==, MIRIAM_STATUS_CHANGE_NOT_ALLOWED);
  g_assert_cmpint (miriam_status_check_change (MIRIAM_STATUS_WAITING, MIRIAM_STATUS_ACTIVE, TRUE, NULL),
                   ==, MIRIAM_STATUS_CHANGE_NOT_ALLOWED);
  g_assert_cmpint (miriam_status_check_change (MIRIAM_STATUS_ACTIVE, MIRIAM_STATUS_WAITING, TRUE, NULL),
                   ==, MIRIAM_STATUS_CHANGE_NOT_ALLOWED);
  g_assert_cmpint (miriam_status_check_change (MIRIAM_STATUS_ACTIVE, MIRIAM_STATUS_AFTERCARE, TRUE, NULL),
                   ==, MIRIAM_STATUS_CHANGE_NOT_ALLOWED);
  g_assert_cmpint (miriam_status_check_change (MIRIAM_STATUS_AFTERCARE, MIRIAM_STATUS_STOPPED, TRUE, "x"),
                   ==, MIRIAM_STATUS_CHANGE_NOT_ALLOWED);
  g_assert_cmpint (miriam_status_check_change (MIRIAM_STATUS_COMPLETED, MIRIAM_STATUS_ACTIVE, TRUE, NULL),
                   ==, MIRIAM_STATUS_CHANGE_NOT_ALLOWED);
  /* A refused step is refused whatever else is missing. */
  g_assert_cmpint (miriam_status_check_change (MIRIAM_STATUS_WAITING, MIRIAM_STATUS_COMPLETED, FALSE, NULL),
                   ==, MIRIAM_STATUS_CHANGE_NOT_ALLOWED);
  g_assert_cmpint (miriam_status_check_change (MIRIAM_STATUS_ACTIVE, MIRIAM_STATUS_ACTIVE, FALSE, NULL),
                   ==, MIRIAM_STATUS_CHANGE_SAME);
}

static void
test_status_consent (void)
{
  /* Beyond the waiting list only with her consent... */
  for (guint i = 0; i < G_N_ELEMENTS (allowed_steps); i++)
    {
      MiriamStatus to = allowed_steps[i].to;
      gboolean needs = to == MIRIAM_STATUS_INTAKE || to == MIRIAM_STATUS_ACTIVE
                       || to == MIRIAM_STATUS_COMPLETED || to == MIRIAM_STATUS_AFTERCARE;

      g_assert_cmpint (miriam_status_check_change (allowed_steps[i].from, to, FALSE, "She moved"), ==,
                       needs ? MIRIAM_STATUS_CHANGE_NEEDS_CONSENT : MIRIAM_STATUS_CHANGE_ALLOWED);
    }

  /* ...so, by name: */
  g_assert_cmpint (miriam_status_check_change (MIRIAM_STATUS_WAITING, MIRIAM_STATUS_INTAKE, FALSE, NULL),
                   ==, MIRIAM_STATUS_CHANGE_NEEDS_CONSENT);
  g_assert_cmpint (miriam_status_check_change (MIRIAM_STATUS_STOPPED, MIRIAM_STATUS_INTAKE, FALSE, NULL),
                   ==, MIRIAM_STATUS_CHANGE_NEEDS_CONSENT);
  /* The waiting list and stopping need none. */
  g_assert_cmpint (miriam_status_check_change (MIRIAM_STATUS_INTAKE, MIRIAM_STATUS_WAITING, FALSE, NULL),
                   ==, MIRIAM_STATUS_CHANGE_ALLOWED);
  g_assert_cmpint (miriam_status_check_change (MIRIAM_STATUS_AFTERCARE, MIRIAM_STATUS_WAITING, FALSE, NULL),
                   ==, MIRIAM_STATUS_CHANGE_ALLOWED);
  g_assert_cmpint (miriam_status_check_change (MIRIAM_STATUS_WAITING, MIRIAM_STATUS_STOPPED, FALSE, "She moved away"),
                   ==, MIRIAM_STATUS_CHANGE_ALLOWED);
}

static void
test_status_reason (void)
{
  const char *blanks[] = { NULL, "", " ", "\t\n  " };

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_assert_cmpint (miriam_status_check_change (MIRIAM_STATUS_ACTIVE, MIRIAM_STATUS_STOPPED, TRUE, blanks[i]),
                       ==, MIRIAM_STATUS_CHANGE_NEEDS_REASON);
      g_assert_cmpint (miriam_status_check_change (MIRIAM_STATUS_INTAKE, MIRIAM_STATUS_STOPPED, FALSE, blanks[i]),
                       ==, MIRIAM_STATUS_CHANGE_NEEDS_REASON);
    }
  g_assert_cmpint (miriam_status_check_change (MIRIAM_STATUS_ACTIVE, MIRIAM_STATUS_STOPPED, TRUE, " Found a job "),
                   ==, MIRIAM_STATUS_CHANGE_ALLOWED);
  /* Other steps do not ask for one. */
  g_assert_cmpint (miriam_status_check_change (MIRIAM_STATUS_ACTIVE, MIRIAM_STATUS_COMPLETED, TRUE, NULL),
                   ==, MIRIAM_STATUS_CHANGE_ALLOWED);
}

static void
test_status_messages (void)
{
  g_assert_null (miriam_status_change_message (MIRIAM_STATUS_CHANGE_ALLOWED));
  g_assert_null (miriam_status_change_message (MIRIAM_STATUS_CHANGE_SAME));
  g_assert_nonnull (miriam_status_change_message (MIRIAM_STATUS_CHANGE_NOT_ALLOWED));
  g_assert_nonnull (strstr (miriam_status_change_message (MIRIAM_STATUS_CHANGE_NEEDS_CONSENT), "consent"));
  g_assert_nonnull (strstr (miriam_status_change_message (MIRIAM_STATUS_CHANGE_NEEDS_REASON), "why"));
}

static void
assert_next (MiriamStatus        from,
             const MiriamStatus *expected,
             guint               n_expected)
{
  MiriamStatus next[MIRIAM_N_STATUSES + 1];
  guint n = miriam_status_next (from, next, G_N_ELEMENTS (next));

  g_assert_cmpuint (n, ==, n_expected);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (next[i], ==, expected[i]);
}

static void
test_status_next (void)
{
  const MiriamStatus waiting[] = { MIRIAM_STATUS_WAITING, MIRIAM_STATUS_INTAKE, MIRIAM_STATUS_STOPPED };
  const MiriamStatus intake[] = { MIRIAM_STATUS_INTAKE, MIRIAM_STATUS_WAITING, MIRIAM_STATUS_ACTIVE,
                                  MIRIAM_STATUS_STOPPED };
  const MiriamStatus active[] = { MIRIAM_STATUS_ACTIVE, MIRIAM_STATUS_COMPLETED, MIRIAM_STATUS_STOPPED };
  const MiriamStatus aftercare[] = { MIRIAM_STATUS_AFTERCARE, MIRIAM_STATUS_WAITING, MIRIAM_STATUS_INTAKE };
  MiriamStatus one[1];

  assert_next (MIRIAM_STATUS_WAITING, waiting, G_N_ELEMENTS (waiting));
  assert_next (MIRIAM_STATUS_INTAKE, intake, G_N_ELEMENTS (intake));
  assert_next (MIRIAM_STATUS_ACTIVE, active, G_N_ELEMENTS (active));
  assert_next (MIRIAM_STATUS_AFTERCARE, aftercare, G_N_ELEMENTS (aftercare));

  /* The drop-down offers exactly the steps the check lets pass. */
  for (MiriamStatus from = 0; from < MIRIAM_N_STATUSES; from++)
    {
      MiriamStatus next[MIRIAM_N_STATUSES];
      guint n = miriam_status_next (from, next, G_N_ELEMENTS (next));
      guint n_allowed = 0;

      for (MiriamStatus to = 0; to < MIRIAM_N_STATUSES; to++)
        n_allowed += is_allowed_step (from, to);
      g_assert_cmpuint (n, ==, n_allowed + 1);
      for (guint i = 1; i < n; i++)
        g_assert_cmpint (miriam_status_check_change (from, next[i], TRUE, "x"), ==, MIRIAM_STATUS_CHANGE_ALLOWED);
    }

  /* Never more than asked for. */
  g_assert_cmpuint (miriam_status_next (MIRIAM_STATUS_INTAKE, one, 1), ==, 1);
  g_assert_cmpint (one[0], ==, MIRIAM_STATUS_INTAKE);
  g_assert_cmpuint (miriam_status_next (MIRIAM_STATUS_INTAKE, NULL, 0), ==, 0);
}

/* Search */

static void
assert_folds_to (const char *text,
                 const char *expected)
{
  g_autofree char *folded = miriam_search_fold (text);

  g_assert_cmpstr (folded, ==, expected);
}

static void
test_search_fold (void)
{
  assert_folds_to ("  Céline  DUBOIS-Müller", "celine dubois-muller");
  assert_folds_to ("CÉLINE", "celine");
  assert_folds_to ("Łucja Wąsowska", "lucja wasowska");
  assert_folds_to ("Straße", "strasse");
  assert_folds_to ("Ørsted", "orsted");
  assert_folds_to ("Đorđević", "dordevic");
  assert_folds_to ("Işık", "isik");
  assert_folds_to ("İlayda", "ilayda");
  assert_folds_to ("Laetitia Cœur", "laetitia coeur");
  assert_folds_to ("François Noël", "francois noel");
  assert_folds_to ("D’Hondt", "d'hondt");
  assert_folds_to ("Ana\tMaria\n Pereira ", "ana maria pereira");
  assert_folds_to ("\xef\xbc\xa1nna", "anna");   /* full-width A */
  assert_folds_to ("", "");
  assert_folds_to ("   ", "");
  assert_folds_to (NULL, "");
  /* Other scripts are kept, in lower case. */
  assert_folds_to ("Анна ИВАНОВА", "анна иванова");
  assert_folds_to ("فاطمة الزهراء", "فاطمة الزهراء");
}

static gboolean
finds (const char *name,
       const char *phone_and_number,
       const char *query)
{
  g_autofree char *folded = miriam_search_fold (name);
  g_autofree char *digits = miriam_search_digits (phone_and_number);

  return miriam_search_matches (folded, digits, query);
}

static void
test_search_names (void)
{
  g_assert_true (finds ("Céline Dubois", NULL, "Celine"));
  g_assert_true (finds ("CÉLINE DUBOIS", NULL, "celine"));
  g_assert_true (finds ("Łucja Nowak", NULL, "Lucja"));
  g_assert_true (finds ("Anna Müller", NULL, "muller"));
  g_assert_true (finds ("Anna Müller", NULL, "MÜLLER"));
  g_assert_true (finds ("Anna Straße", NULL, "strasse"));
  /* Words in any order, each anywhere, and a beginning is enough. */
  g_assert_true (finds ("Céline Dubois", NULL, "dubois celine"));
  g_assert_true (finds ("Céline Dubois", NULL, "  dubois   celine "));
  g_assert_true (finds ("Céline Dubois", NULL, "cel dub"));
  g_assert_true (finds ("Céline Dubois-Müller", NULL, "muller"));
  /* Every word must be there. */
  g_assert_false (finds ("Céline Dubois", NULL, "dubois marie"));
  g_assert_false (finds ("Céline Dubois", NULL, "martin"));
  /* An empty search hides nobody. */
  g_assert_true (finds ("Céline Dubois", NULL, ""));
  g_assert_true (finds ("Céline Dubois", NULL, "   "));
  g_assert_true (finds ("Céline Dubois", NULL, NULL));
}

static void
test_search_scripts (void)
{
  /* Arabic, with and without the short vowels some people write. */
  g_assert_true (finds ("فاطمة الزهراء", NULL, "فاطمة"));
  g_assert_true (finds ("فاطمة الزهراء", NULL, "الزهراء فاطمة"));
  g_assert_true (finds ("فَاطِمَة", NULL, "فاطمة"));
  g_assert_false (finds ("فاطمة الزهراء", NULL, "عائشة"));
  /* Cyrillic, in any case. */
  g_assert_true (finds ("Анна Иванова", NULL, "АННА"));
  g_assert_true (finds ("Анна Иванова", NULL, "иванова анна"));
  g_assert_false (finds ("Анна Иванова", NULL, "Ольга"));
  /* A name in two scripts, found by either. */
  g_assert_true (finds ("Olga Петрова Petrova", NULL, "петрова"));
  g_assert_true (finds ("Olga Петрова Petrova", NULL, "olga"));
}

static void
test_search_digits (void)
{
  g_autofree char *phone = miriam_search_digits ("0470 12 34 56");
  g_autofree char *international = miriam_search_digits ("+32 (0)470/12.34.56");
  g_autofree char *arabic = miriam_search_digits ("\xd9\xa0\xd9\xa4\xd9\xa7\xd9\xa0");   /* ٠٤٧٠ */
  g_autofree char *none = miriam_search_digits ("Céline");
  g_autofree char *null = miriam_search_digits (NULL);

  g_assert_cmpstr (phone, ==, "0470123456");
  g_assert_cmpstr (international, ==, "320470123456");
  g_assert_cmpstr (arabic, ==, "0470");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (null, ==, "");

  /* A phone number typed in any grouping. */
  g_assert_true (finds ("Céline Dubois", "0470123456", "0470 12"));
  g_assert_true (finds ("Céline Dubois", "0470123456", "0470/12.34"));
  g_assert_true (finds ("Céline Dubois", "0470 12 34 56", "123456"));
  /* A national register number, typed with its dots. */
  g_assert_true (finds ("Céline Dubois", "85073003328", "85.07.30"));
  g_assert_true (finds ("Céline Dubois", "0470123456 85073003328", "850730-033"));
  g_assert_false (finds ("Céline Dubois", "0470123456 85073003328", "85.07.31"));
  /* Two digits are too few to mean a number... */
  g_assert_false (finds ("Céline Dubois", "0470123456", "12"));
  /* ...and a query with letters is about the name. */
  g_assert_false (finds ("Céline Dubois", "0470123456", "celine 0470"));
  g_assert_false (finds ("Céline Dubois", NULL, "0470 12"));
}

/* Coded lists */

static const char * const vocabulary_names[] = {
  "life domain", "contact kind", "goal status", "income", "referrer", "language", "partner type",
  "session theme", "rhythm", "community", "colour",
};

G_STATIC_ASSERT (G_N_ELEMENTS (vocabulary_names) == MIRIAM_N_VOCABULARIES);

static void
test_vocabulary_complete (void)
{
  for (MiriamVocabulary v = 0; v < MIRIAM_N_VOCABULARIES; v++)
    {
      g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
      guint n = 0;
      const MiriamTerm *terms = miriam_vocabulary_terms (v, &n);
      /* Colours are stored as the calendar draws them, "#rrggbb". */
      const char *code_chars = v == MIRIAM_VOCABULARY_GROUP_COLOUR ? "#0123456789abcdef"
                                                                   : "abcdefghijklmnopqrstuvwxyz_";

      g_test_message ("%s", vocabulary_names[v]);
      g_assert_nonnull (terms);
      g_assert_cmpuint (n, >=, 3);
      for (guint i = 0; i < n; i++)
        {
          const char *label = miriam_vocabulary_label (v, terms[i].code);

          /* A short lower-case code for the store, unique in its list... */
          g_assert_nonnull (terms[i].code);
          g_assert_cmpuint (strlen (terms[i].code), >, 0);
          g_assert_cmpuint (strspn (terms[i].code, code_chars), ==, strlen (terms[i].code));
          g_assert_true (g_hash_table_add (codes, (gpointer) terms[i].code));
          /* ...and a label for people, different from the code. */
          g_assert_nonnull (terms[i].label);
          g_assert_cmpuint (strlen (terms[i].label), >, 0);
          g_assert_cmpstr (label, ==, terms[i].label);
          g_assert_cmpstr (label, !=, terms[i].code);
        }
      /* "Other" is always the last choice, where a list has it. */
      for (guint i = 0; i + 1 < n; i++)
        g_assert_cmpstr (terms[i].code, !=, "other");

      /* A code the list does not know is shown as it is. */
      g_assert_cmpstr (miriam_vocabulary_label (v, "from_a_newer_version"), ==, "from_a_newer_version");
      g_assert_cmpstr (miriam_vocabulary_label (v, NULL), ==, "");
    }
}

/* The codes of @sql's first "INSERT INTO @table" with (code, position)
 * rows, in the order of their position. */
static GPtrArray *
codes_of_table (const char *sql,
                const char *table)
{
  g_autofree char *insert = g_strdup_printf ("INSERT INTO %s ", table);
  const char *start = strstr (sql, insert);
  g_autofree char *statement = NULL;
  g_autoptr(GRegex) row = g_regex_new ("\\('([a-z_]+)',\\s*([0-9]+)\\)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (start);
  statement = g_strndup (start, strcspn (start, ";"));
  g_regex_match (row, statement, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *position = g_match_info_fetch (match, 2);

      /* Positions 1, 2, 3...: the order people see. */
      g_assert_cmpint (g_ascii_strtoll (position, NULL, 10), ==, codes->len + 1);
      g_ptr_array_add (codes, g_match_info_fetch (match, 1));
    }
  return codes;
}

/* The codes in the "@column IN (...)" check of @table's CREATE TABLE. */
static GPtrArray *
codes_of_check (const char *sql,
                const char *table,
                const char *column)
{
  g_autofree char *create = g_strdup_printf ("CREATE TABLE %s (", table);
  g_autofree char *pattern = g_strdup_printf ("\\b%s\\b[^;]*?CHECK \\(%s IN \\(([^)]*)\\)", column, column);
  const char *start = strstr (sql, create);
  g_autofree char *statement = NULL;
  g_autofree char *list = NULL;
  g_autoptr(GRegex) check = g_regex_new (pattern, G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) quoted = g_regex_new ("'([a-z_]+)'", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GMatchInfo) code = NULL;
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (start);
  statement = g_strndup (start, strcspn (start, ";"));
  g_assert_true (g_regex_match (check, statement, 0, &match));
  list = g_match_info_fetch (match, 1);
  g_regex_match (quoted, list, 0, &code);
  for (; g_match_info_matches (code); g_match_info_next (code, NULL))
    g_ptr_array_add (codes, g_match_info_fetch (code, 1));
  return codes;
}

static void
assert_codes (MiriamVocabulary  vocabulary,
              GPtrArray        *expected)
{
  guint n = 0;
  const MiriamTerm *terms = miriam_vocabulary_terms (vocabulary, &n);

  g_assert_cmpuint (n, ==, expected->len);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (terms[i].code, ==, g_ptr_array_index (expected, i));
}

static void
test_vocabulary_matches_schema (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "migrations",
                                                 "0001-initial.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) domains = NULL;
  g_autoptr(GPtrArray) kinds = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  const char *codes[] = { "waiting", "intake", "active", "completed", "stopped", "aftercare" };

  g_file_get_contents (path, &sql, NULL, &error);
  g_assert_no_error (error);

  /* The eleven life domains of the glossary, as the database has them. */
  domains = codes_of_table (sql, "life_domain");
  g_assert_cmpuint (domains->len, ==, 11);
  assert_codes (MIRIAM_VOCABULARY_LIFE_DOMAIN, domains);

  /* Contacts: the codes the database accepts. */
  kinds = codes_of_check (sql, "contact", "kind");
  assert_codes (MIRIAM_VOCABULARY_CONTACT_KIND, kinds);

  /* And the path's statuses, while we are here. */
  statuses = codes_of_check (sql, "participant", "status");
  g_assert_cmpuint (statuses->len, ==, MIRIAM_N_STATUSES);
  for (guint i = 0; i < statuses->len; i++)
    g_assert_cmpstr (g_ptr_array_index (statuses, i), ==, codes[i]);
}

static void
assert_codes_are (MiriamVocabulary    vocabulary,
                  const char * const *expected)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new ();

  for (guint i = 0; expected[i] != NULL; i++)
    g_ptr_array_add (array, (gpointer) expected[i]);
  assert_codes (vocabulary, array);
}

static void
test_vocabulary_codes (void)
{
  const char * const goal_statuses[] = { "open", "in_progress", "reached", "dropped", NULL };
  const char * const incomes[] = { "leefloon", "other_benefit", "work", "none", "other", NULL };
  const char * const referrers[] = { "ocmw", "school", "huis_van_het_kind", "caw", "health", "self",
                                     "other", NULL };
  const char * const languages[] = { "nl", "fr", "de", "en", "ar", "tr", "pl", "ro", "ru", "so", "ln", "sw", "ti",
                                     "prs", "ps", "es", "it", "pt", "other", NULL };
  const char * const partner_types[] = {
    "huis_van_het_kind", "kind_en_gezin", "opvoedingswinkel", "ckg", "clb", "gezinsbond",
    "wijkgezondheidscentrum", "caw", "psycholoog", "family_violence", "legal_aid",
    "social_interpreter", "social_rental_agency", "housing_support", "energy_adviser",
    "employment_service", "job_coach", "ocmw_employment", "leisure", "holidays", "sports_service",
    "library", "neighbourhood_centre", "digipunt", "ocmw_social_service", "debt_mediation",
    "ocmw_housing", "other", NULL
  };

  /* The codes other parts of MIRIAM store (miriam-record.h, the demo). */
  assert_codes_are (MIRIAM_VOCABULARY_GOAL_STATUS, goal_statuses);
  assert_codes_are (MIRIAM_VOCABULARY_INCOME, incomes);
  assert_codes_are (MIRIAM_VOCABULARY_REFERRER, referrers);
  assert_codes_are (MIRIAM_VOCABULARY_LANGUAGE, languages);
  assert_codes_are (MIRIAM_VOCABULARY_PARTNER_TYPE, partner_types);

  /* What people read. */
  g_assert_cmpstr (miriam_vocabulary_label (MIRIAM_VOCABULARY_LIFE_DOMAIN, "wellbeing"), ==,
                   "Psychological well-being");
  g_assert_cmpstr (miriam_vocabulary_label (MIRIAM_VOCABULARY_INCOME, "leefloon"), ==,
                   "Minimum income (leefloon)");
  g_assert_cmpstr (miriam_vocabulary_label (MIRIAM_VOCABULARY_LANGUAGE, "prs"), ==, "Dari");
  g_assert_cmpstr (miriam_vocabulary_label (MIRIAM_VOCABULARY_CONTACT_KIND, "accompany"), ==,
                   "Accompanying her to a service");
  /* The same code means something else in another list. */
  g_assert_cmpstr (miriam_vocabulary_label (MIRIAM_VOCABULARY_LIFE_DOMAIN, "work"), ==, "Work and training");
  g_assert_cmpstr (miriam_vocabulary_label (MIRIAM_VOCABULARY_INCOME, "work"), ==, "Income from work");
}

/* Times of day, as a casemanager types them in nl, fr or de. */
static void
test_time_parse (void)
{
  static const struct { const char *text; int minutes; } good[] = {
    { "9:30", 570 }, { "09:30", 570 }, { " 9.30 ", 570 }, { "9u30", 570 }, { "9h30", 570 },
    { "9h", 540 }, { "14", 840 }, { "0:00", 0 }, { "23:59", 1439 }, { "12:05", 725 },
  };
  static const char * const bad[] = {
    "", "  ", "24:00", "9:60", "9:5", "9:300", "nine", "9:30 pm", "-1", "930", "1:2:3", "9,30",
  };
  g_autofree char *formatted = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      int minutes = -1;

      g_test_message ("%s", good[i].text);
      g_assert_true (miriam_time_parse (good[i].text, &minutes));
      g_assert_cmpint (minutes, ==, good[i].minutes);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      int minutes = 42;

      g_test_message ("%s", bad[i]);
      g_assert_false (miriam_time_parse (bad[i], &minutes));
      g_assert_cmpint (minutes, ==, 42);
    }

  formatted = miriam_time_format (570);
  g_assert_cmpstr (formatted, ==, "09:30");
  g_free (formatted);
  formatted = miriam_time_format (-1);
  g_assert_cmpstr (formatted, ==, "");
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("MIRIAM_LOCALEDIR");

  /* The "C" locale (no setlocale (LC_ALL, "")): the labels and messages
   * are the English source texts, whatever the desktop's language. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/date/parse", test_date_parse);
  g_test_add_func ("/rules/date/two-digit-years", test_date_two_digit_years);
  g_test_add_func ("/rules/date/today", test_date_today);
  g_test_add_func ("/rules/date/birth-date-check", test_birth_date_check);
  g_test_add_func ("/rules/date/age", test_date_age);
  g_test_add_func ("/rules/status/codes", test_status_codes);
  g_test_add_func ("/rules/status/steps", test_status_steps);
  g_test_add_func ("/rules/status/consent", test_status_consent);
  g_test_add_func ("/rules/status/reason", test_status_reason);
  g_test_add_func ("/rules/status/messages", test_status_messages);
  g_test_add_func ("/rules/status/next", test_status_next);
  g_test_add_func ("/rules/search/fold", test_search_fold);
  g_test_add_func ("/rules/search/names", test_search_names);
  g_test_add_func ("/rules/search/scripts", test_search_scripts);
  g_test_add_func ("/rules/search/digits", test_search_digits);
  g_test_add_func ("/rules/vocabulary/complete", test_vocabulary_complete);
  g_test_add_func ("/rules/vocabulary/matches-schema", test_vocabulary_matches_schema);
  g_test_add_func ("/rules/vocabulary/codes", test_vocabulary_codes);
  g_test_add_func ("/rules/time/parse", test_time_parse);

  return g_test_run ();
}
