/* miriam-demo.c: a fictitious OCMW to try the application and to measure it
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is invented: the town (Demostad, postcode 9999), the
 * women and their children, the phone numbers (0470 00x xxx) and the e-mail
 * addresses (example.org, ocmw-demostad.example).  Names, addresses, notes
 * and partner names are the data of a fictitious Flemish team, written in
 * Dutch as such a team would write them, so they are not translated; only
 * messages to the user are.
 *
 * The generator draws every choice from one GRand in a fixed order, so the
 * same options give the same database (apart from updated_at/updated_by).
 * The details of the files added with schema 2 (intake criteria, goals,
 * referrals) come from a second GRand, so that adding them left the rest
 * of a seed's data set as it was; the calendar's (appointment times,
 * appointments to come) from a third; intermediate measurements from a
 * fourth.
 *
 * The calendar of the current cohort shows what the calendar can do: each
 * group on its own weekday, pausing on public and school holidays and on
 * the OCMW's closed days, a cancelled session, and one session of the
 * second group moved into the first group's room at the first group's
 * time, a room conflict for the calendar to point out.
 */
#define G_LOG_DOMAIN "miriam-demo"

#include "config.h"

#include "miriam-demo.h"
#include "miriam-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/miriam-holidays.h"
#include "core/miriam-school-holidays.h"

#define TOWN "9999 Demostad"

/* Demostad is a Flemish town: its holidays and school holidays. */
#define COMMUNITY "vl"

/* ---------------------------------------------------------------------- */
/* Invented people                                                          */

typedef struct
{
  const char * const *first_names;
  const char * const *last_names;
  const char * const *child_names;
  const char * const *languages;   /* choices: comma-separated ISO 639-1 */
  guint               weight;      /* copies in a group's deck of origins */
} Origin;

#define LIST(name, ...) static const char * const name[] = { __VA_ARGS__, NULL }

/* Flemish Belgian */
LIST (vl_first, "Sarah", "Lotte", "Els", "Kimberly", "Jessica", "Nathalie", "Sofie",
      "Kelly", "Ine", "Jolien", "Shauni", "Britt", "Tamara", "Valerie");
LIST (vl_last, "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes",
      "Goossens", "Wouters", "De Smet", "Van den Broeck", "Vermeulen", "De Clercq",
      "Verstraete", "Van Damme");
LIST (vl_child, "Noah", "Lucas", "Emma", "Olivia", "Lars", "Mila", "Finn", "Nora",
      "Seppe", "Lena");
LIST (vl_lang, "nl", "nl", "nl,en", "nl,fr");
/* French-speaking Belgian */
LIST (fr_first, "Aurélie", "Mélanie", "Céline", "Laetitia", "Noémie", "Gaëlle",
      "Sandrine", "Jennifer", "Océane");
LIST (fr_last, "Dubois", "Lambert", "Lejeune", "Renard", "Lefèvre", "Dupont",
      "Leclercq", "Hermans", "François");
LIST (fr_child, "Louis", "Chloé", "Théo", "Léa", "Nathan", "Zoé", "Hugo", "Manon");
LIST (fr_lang, "fr,nl", "fr");
/* Moroccan */
LIST (ma_first, "Fatima", "Khadija", "Samira", "Nadia", "Malika", "Hanane", "Soumaya",
      "Naïma", "Imane", "Loubna", "Houda");
LIST (ma_last, "El Amrani", "Benali", "Bouzid", "El Idrissi", "Ouali", "Azzouzi",
      "Ait Lahcen", "Chaouki", "El Moussaoui", "Boukhari");
LIST (ma_child, "Adam", "Rayan", "Amira", "Yasmine", "Ilyas", "Sara", "Youssef", "Aya",
      "Nassim", "Lina");
LIST (ma_lang, "nl,ar", "nl,ar,fr", "ar,fr", "nl");
/* Turkish */
LIST (tr_first, "Ayşe", "Elif", "Zeynep", "Emine", "Hatice", "Büşra", "Gülsüm", "Merve",
      "Özlem", "Şeyma");
LIST (tr_last, "Yılmaz", "Demir", "Kaya", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan",
      "Doğan", "Koç");
LIST (tr_child, "Emir", "Yusuf", "Elif", "Ecrin", "Mehmet", "Zeynep", "Kerem", "Asya");
LIST (tr_lang, "tr,nl", "tr", "tr,nl,en");
/* Congolese */
LIST (cd_first, "Grâce", "Mireille", "Divine", "Esther", "Nadège", "Bénédicte",
      "Clarisse", "Ornella", "Patience");
LIST (cd_last, "Mbuyi", "Kabeya", "Tshibangu", "Ilunga", "Mukendi", "Kalonji", "Lukusa",
      "Nsimba", "Mputu");
LIST (cd_child, "Merveille", "Exaucé", "Divin", "Grâce", "Josué", "Dorcas", "Précieux",
      "Gloire");
LIST (cd_lang, "fr,ln", "fr,nl", "fr,sw", "fr");
/* Syrian */
LIST (sy_first, "Rania", "Lama", "Hiba", "Reem", "Nour", "Yara", "Dalia", "Rasha");
LIST (sy_last, "Al-Hassan", "Haddad", "Khoury", "Al-Khatib", "Darwish", "Sabbagh",
      "Al-Ali", "Hamdan");
LIST (sy_child, "Omar", "Lina", "Karam", "Jana", "Ahmad", "Maya", "Hamza", "Tala");
LIST (sy_lang, "ar", "ar,en", "ar,nl");
/* Afghan */
LIST (af_first, "Mariam", "Zahra", "Fereshta", "Shabnam", "Nazanin", "Parwana",
      "Soraya", "Marzia");
LIST (af_last, "Ahmadi", "Rahimi", "Hashimi", "Sultani", "Noori", "Karimi", "Haidari",
      "Mohammadi");
LIST (af_child, "Mustafa", "Sana", "Ali", "Hasina", "Murtaza", "Setayesh", "Elias",
      "Mahsa");
LIST (af_lang, "prs", "prs,en", "ps,prs");
/* Polish */
LIST (pl_first, "Agnieszka", "Katarzyna", "Małgorzata", "Joanna", "Magdalena", "Ewa",
      "Justyna", "Dorota");
LIST (pl_last, "Kowalska", "Nowak", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowska",
      "Zielińska", "Szymańska");
LIST (pl_child, "Jakub", "Zuzanna", "Antoni", "Julia", "Szymon", "Hanna", "Filip", "Maja");
LIST (pl_lang, "pl", "pl,nl", "pl,en");
/* Romanian */
LIST (ro_first, "Andreea", "Ioana", "Mihaela", "Elena", "Florentina", "Roxana",
      "Georgiana", "Alina");
LIST (ro_last, "Popescu", "Ionescu", "Stănescu", "Dumitru", "Constantin", "Munteanu",
      "Lungu", "Rusu");
LIST (ro_child, "Andrei", "Maria", "David", "Ioana", "Ștefan", "Bianca", "Luca", "Sofia");
LIST (ro_lang, "ro", "ro,en", "ro,fr");
/* Eritrean */
LIST (er_first, "Senait", "Helen", "Selam", "Luwam", "Semhar", "Yordanos", "Freweyni",
      "Saba");
LIST (er_last, "Tesfay", "Kidane", "Gebremedhin", "Haile", "Berhane", "Tekle", "Habte",
      "Mehari");
LIST (er_child, "Natnael", "Ruta", "Abel", "Hermon", "Yonas", "Lidya", "Samuel", "Eden");
LIST (er_lang, "ti,en", "ti", "ti,ar");

enum { ORIGIN_SYRIAN = 5, ORIGIN_AFGHAN = 6 };

static const Origin origins[] = {
  { vl_first, vl_last, vl_child, vl_lang, 5 },
  { fr_first, fr_last, fr_child, fr_lang, 1 },
  { ma_first, ma_last, ma_child, ma_lang, 3 },
  { tr_first, tr_last, tr_child, tr_lang, 2 },
  { cd_first, cd_last, cd_child, cd_lang, 2 },
  [ORIGIN_SYRIAN] = { sy_first, sy_last, sy_child, sy_lang, 1 },
  [ORIGIN_AFGHAN] = { af_first, af_last, af_child, af_lang, 1 },
  { pl_first, pl_last, pl_child, pl_lang, 1 },
  { ro_first, ro_last, ro_child, ro_lang, 1 },
  { er_first, er_last, er_child, er_lang, 1 },
};

/* A few women whose file carries her name as she writes it, in Arabic
 * script (Arabic for the Syrians, Dari for the Afghans): right-to-left text
 * in lists, forms and prints. */
typedef struct
{
  const char *first_name;
  const char *last_name;
  const char *latin;
} ScriptName;

static const ScriptName arabic_names[] = {
  { "ريم", "حداد", "Reem Haddad" },
  { "نور", "الخطيب", "Nour Al-Khatib" },
  { "لمى", "درويش", "Lama Darwish" },
};

static const ScriptName dari_names[] = {
  { "شبنم", "رحیمی", "Shabnam Rahimi" },
  { "پروانه", "احمدی", "Parwana Ahmadi" },
  { "فرشته", "نوری", "Fereshta Noori" },
};

LIST (streets, "Kerkstraat", "Stationsstraat", "Molenstraat", "Lindelaan", "Beukenlaan",
      "Schoolstraat", "Hoogstraat", "Nieuwstraat", "Kapelstraat", "Veldstraat",
      "Sint-Annaplein", "Vredestraat", "Kaaistraat", "Heuvelstraat", "Tuinwijk");

typedef struct
{
  const char *display_name;
  const char *role;
  const char *mail;
  const char *languages;
  gboolean    active;
} StaffSeed;

/* Four casemanagers and a lead; Katrien left the team a few years ago but
 * ran the older groups, so her file stays (inactive). */
static const StaffSeed staff_seeds[] = {
  { "Sofie Peeters", "casemanager", "sofie.peeters", "nl,fr,en", TRUE },
  { "Yasmina Benali", "casemanager", "yasmina.benali", "nl,fr,ar", TRUE },
  { "Jonas Vermeulen", "casemanager", "jonas.vermeulen", "nl,en,tr", TRUE },
  { "Marie-Claire Mukendi", "casemanager", "marie-claire.mukendi", "fr,nl,ln", TRUE },
  { "Hilde Claes", "lead", "hilde.claes", "nl,fr,en", TRUE },
  { "Katrien Willems", "casemanager", "katrien.willems", "nl,fr", FALSE },
};

enum { N_CASEMANAGERS = 4, FORMER_CASEMANAGER = 5 };

typedef struct
{
  const char *name;
  const char *location;
  const char *address;
  const char *rhythm;
  gint64      weekday;
  gint64      start_minute;
  gint64      end_minute;
  const char *colour;    /* dark enough for white text, far apart in hue */
} GroupSeed;

static const GroupSeed group_seeds[] = {
  { "Groep Noord", "Buurtcentrum De Linde", "Lindeplein 4, " TOWN,
    "fortnightly", 2, 570, 720, "#3465a4" },
  { "Groep Zuid", "Huis van het Kind Demostad", "Schoolstraat 21, " TOWN,
    "fortnightly", 4, 570, 720, "#c64600" },
  { "Groep Oost", "Dienstencentrum Ter Beke", "Beekstraat 7, " TOWN,
    "fortnightly", 1, 780, 930, "#4e9a06" },
  { "Groep West", "Wijkhuis Den Heuvel", "Heuvelstraat 112, " TOWN,
    "weekly", 5, 555, 690, "#75507b" },
  { "Groep Centrum", "OCMW Demostad, zaal Kapel", "Marktplein 1, " TOWN,
    "fortnightly", 2, 780, 930, "#c4a000" },
  { "Groep Haven", "Bibliotheek Demostad, filiaal Haven", "Kaaistraat 3, " TOWN,
    "fortnightly", 4, 600, 750, "#06989a" },
};

/* Days the OCMW closes on top of the public holidays. */
typedef struct
{
  guint       day;
  GDateMonth  month;
  const char *label;
} ClosedDaySeed;

static const ClosedDaySeed closed_day_seeds[] = {
  { 2, G_DATE_NOVEMBER, "Allerzielen" },
  { 26, G_DATE_DECEMBER, "Tweede kerstdag" },
};

/* What a session is about, and who may come and talk about it. */
static const char * const session_themes[] = {
  "housing", "health", "budget", "parenting", "leisure", "identity",
};
LIST (housing_partners, "Sociaal verhuurkantoor Demostad", "Energiecentrale Demostad");
LIST (health_partners, "Wijkgezondheidscentrum De Brug", "CAW Demostad",
      "Eerstelijnspsycholoog");
LIST (budget_partners, "Dienst schuldbemiddeling OCMW", "Helder Recht");
LIST (parenting_partners, "Huis van het Kind", "Opvoedingswinkel", "CLB Demostad");
LIST (leisure_partners, "Rap op Stap", "Sportdienst Demostad", "Bibliotheek Demostad");
LIST (identity_partners, "Vrouwenraad Demostad");
LIST (housing_notes, "Huurcontract lezen: rechten en plichten als huurder.",
      "Energie besparen zonder kou te lijden.");
LIST (health_notes, "Stress en slaap: wat helpt?", "Gezond koken met een klein budget.");
LIST (budget_notes, "Een budgetplan maken en facturen ordenen.",
      "Premies en tegemoetkomingen waar je recht op hebt.");
LIST (parenting_notes, "Grenzen stellen zonder te roepen.",
      "Schermtijd en slaapritme van de kinderen.");
LIST (leisure_notes, "Goedkope uitstappen in de buurt.", "Samen naar de bibliotheek.");
LIST (identity_notes, "Wie ben ik naast mama?", "Assertief communiceren: nee durven zeggen.");
static const char * const * const theme_partners[] = {
  housing_partners, health_partners, budget_partners,
  parenting_partners, leisure_partners, identity_partners,
};
static const char * const * const theme_notes[] = {
  housing_notes, health_notes, budget_notes, parenting_notes, leisure_notes, identity_notes,
};
LIST (cancel_reasons, "Casemanager ziek", "Zaal niet beschikbaar",
      "Staking openbaar vervoer", "Griepgolf: bijna iedereen verwittigd");
LIST (stop_reasons, "Verhuisd naar een andere gemeente", "Voltijds werk gevonden",
      "Gezondheidsredenen", "Geen kinderopvang gevonden", "Geen motivatie meer");
LIST (accompany_places, "het vredegerecht", "de huisarts", "de school",
      "de sociale huisvestingsmaatschappij", "de bank", "VDAB");
/* What a planned appointment is for: no personal details, as a
 * casemanager writes them before the meeting. */
LIST (appointment_notes, "Opvolging van het budgetplan.", "Voorbereiding van het groepsmoment.",
      "Samen de papieren voor de huurpremie in orde brengen.", "Kort bijpraten.",
      "Opvolging van haar doelen.");

/* One short note per life domain, for the individual contacts. */
typedef struct
{
  const char *domain;
  const char *note;
} DomainNote;

static const DomainNote domain_notes[] = {
  { "finances", "Budget en openstaande facturen samen overlopen." },
  { "housing", "Aanvraag sociale woning opgevolgd." },
  { "work", "Cv opgesteld en vacatures bekeken." },
  { "parenting", "Gesprek over het slaapritme van de kinderen." },
  { "health", "Afspraak bij de huisarts voorbereid." },
  { "mobility", "Busroute naar het OCMW samen geoefend." },
  { "leisure", "Info over Rap op Stap gegeven." },
  { "social_network", "Mama-café en contact met de buren besproken." },
  { "wellbeing", "Voelt zich moe en gespannen; psycholoog besproken." },
  { "self_confidence", "Voorbereid hoe ze haar vraag aan de school stelt." },
  { "rights", "Aanvraag schooltoeslag samen ingevuld." },
};

/* ---------------------------------------------------------------------- */
/* Generator state                                                          */

typedef enum {
  OUTCOME_ACTIVE,
  OUTCOME_STOPPED,
  OUTCOME_COMPLETED,
  OUTCOME_AFTERCARE,
} Outcome;

typedef struct
{
  gint64   id;
  GDate    joined;
  GDate    left;        /* last day in the group; invalid while she stays */
  gdouble  p_present;   /* chance she comes to a session */
  gdouble  fatigue;     /* how much of that chance fades over the year */
} Member;

typedef struct
{
  MiriamStore             *store;
  const MiriamDemoOptions *options;
  GRand                   *rand;
  GRand                   *detail;    /* intake, plan and referrals */
  GRand                   *calendar;  /* appointment times, appointments to come */
  GRand                   *progress;  /* intermediate measurements */
  GStrv                    domains;
  GPtrArray               *partners;  /* MiriamPartner: the directory */
  gint64                   ocmw_id;
  gint64                   staff_ids[G_N_ELEMENTS (staff_seeds)];
  guint                    n_files;   /* numbers the phones */
  GArray                  *closed;    /* GDate: the OCMW's closed days */
  GDate                    clash_day; /* the first group's session the second joins */
} Demo;

typedef struct
{
  guint        cohort;      /* 0 = the oldest */
  guint        index;       /* in the cohort */
  gboolean     current;     /* of the current cohort */
  gboolean     last_past;   /* of the cohort just before the current one */
  gint64       id;
  GDate        start;
  GDate        end;
  gint64       staff[2];
  guint        n_staff;
  GArray      *members;     /* Member */
} GroupPlan;

static void
set_text (char       **field,
          const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
take_text (char **field,
           char  *value)
{
  g_free (*field);
  *field = value;
}

static gboolean
chance (Demo    *demo,
        gdouble  p)
{
  return g_rand_double (demo->rand) < p;
}

/* A whole number in [low, high]. */
static gint
between (Demo *demo,
         gint  low,
         gint  high)
{
  return g_rand_int_range (demo->rand, low, high + 1);
}

static const char *
pick (Demo               *demo,
      const char * const *list)
{
  guint n = 0;

  while (list[n] != NULL)
    n++;
  return list[g_rand_int_range (demo->rand, 0, n)];
}

/* Like pick(), but not one of the @n_taken already chosen (brothers and
 * sisters do not share a first name). */
static const char *
pick_other (Demo               *demo,
            const char * const *list,
            const char * const *taken,
            guint               n_taken)
{
  for (;;)
    {
      const char *choice = pick (demo, list);
      gboolean used = FALSE;

      for (guint i = 0; i < n_taken; i++)
        used |= g_str_equal (choice, taken[i]);
      if (!used)
        return choice;
    }
}

static gint
date_cmp (const GDate *a,
          const GDate *b)
{
  return g_date_compare (a, b);
}

static GDate
date_plus (const GDate *day,
           gint         n_days)
{
  GDate result = *day;

  if (n_days >= 0)
    g_date_add_days (&result, n_days);
  else
    g_date_subtract_days (&result, -n_days);
  return result;
}

/* A random day in [first, last]; first if the range is empty. */
static GDate
random_day (Demo        *demo,
            const GDate *first,
            const GDate *last)
{
  gint span = g_date_days_between (first, last);

  return date_plus (first, span > 0 ? between (demo, 0, span) : 0);
}

static const GDate *
earliest (const GDate *a,
          const GDate *b)
{
  return date_cmp (a, b) <= 0 ? a : b;
}

static gboolean
is_past (Demo        *demo,
         const GDate *day)
{
  return date_cmp (day, &demo->options->today) < 0;
}

static gboolean
not_after_today (Demo        *demo,
                 const GDate *day)
{
  return date_cmp (day, &demo->options->today) <= 0;
}

/* ---------------------------------------------------------------------- */
/* Options                                                                  */

static void
options_init (MiriamDemoOptions *options,
              const GDate       *today,
              guint              n_cohorts,
              guint              groups_per_cohort,
              guint              women_per_group)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (today != NULL && g_date_valid (today));

  memset (options, 0, sizeof *options);
  options->n_cohorts = n_cohorts;
  options->groups_per_cohort = groups_per_cohort;
  options->women_per_group = women_per_group;
  options->seed = 20260901;
  options->today = *today;
}

void
miriam_demo_options_init_small (MiriamDemoOptions *options,
                                const GDate       *today)
{
  /* 13 + 12 women in the groups and one on the waiting list. */
  options_init (options, today, 1, 2, 13);
}

void
miriam_demo_options_init_big (MiriamDemoOptions *options,
                              const GDate       *today)
{
  options_init (options, today, 10, 6, 15);
}

/* ---------------------------------------------------------------------- */
/* The Belgian national register number                                    */

/* YYMMDD, a serial (even for women), and 97 minus the remainder of the
 * first nine digits divided by 97; for people born from 2000 on the
 * remainder is taken of the nine digits with a 2 in front. */
static char *
make_insz (const GDate *birth,
           guint        serial)
{
  guint year = g_date_get_year (birth);
  guint64 first9 = (guint64) (year % 100) * 10000000
                   + (guint64) g_date_get_month (birth) * 100000
                   + (guint64) g_date_get_day (birth) * 1000
                   + serial;
  guint64 base = year >= 2000 ? 2000000000 + first9 : first9;

  return g_strdup_printf ("%09" G_GUINT64_FORMAT "%02u", first9, (guint) (97 - base % 97));
}

/* ---------------------------------------------------------------------- */
/* OCMW, staff, cohorts, groups                                             */

/* Fictitious people are never mixed with a team's real files. */
static void
set_not_empty_error (GError **error)
{
  g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID,
                       _("This database already holds participants. Demonstration data can "
                         "only be added to a new, empty database."));
}

static gboolean
store_is_empty (Demo    *demo,
                GError **error)
{
  sqlite3_stmt *stmt;
  gboolean empty;
  int rc;

  stmt = miriam_store_prepare (demo->store, "SELECT EXISTS (SELECT 1 FROM participant)", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  empty = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      miriam_store_set_error (demo->store, rc, error);
      return FALSE;
    }
  if (!empty)
    set_not_empty_error (error);
  return empty;
}

static gboolean
make_ocmw (Demo    *demo,
           GError **error)
{
  MiriamOcmw *ocmw = miriam_record_new (MIRIAM_RECORD_OCMW);
  gboolean ok;

  set_text (&ocmw->name, "OCMW Demostad");
  set_text (&ocmw->municipality, "Demostad");
  set_text (&ocmw->community, "vl");
  ok = miriam_store_save (demo->store, MIRIAM_RECORD_OCMW, ocmw, error);
  demo->ocmw_id = ocmw->row.id;
  miriam_record_free (MIRIAM_RECORD_OCMW, ocmw);
  return ok;
}

static gboolean
make_staff (Demo    *demo,
            GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (staff_seeds); i++)
    {
      MiriamStaff *staff = miriam_record_new (MIRIAM_RECORD_STAFF);
      gboolean ok;

      staff->ocmw_id = demo->ocmw_id;
      set_text (&staff->display_name, staff_seeds[i].display_name);
      set_text (&staff->role, staff_seeds[i].role);
      take_text (&staff->email, g_strdup_printf ("%s@ocmw-demostad.example", staff_seeds[i].mail));
      take_text (&staff->phone, g_strdup_printf ("0470 099 %03u", i + 1));
      set_text (&staff->languages, staff_seeds[i].languages);
      staff->active = staff_seeds[i].active;
      ok = miriam_store_save (demo->store, MIRIAM_RECORD_STAFF, staff, error);
      demo->staff_ids[i] = staff->row.id;
      miriam_record_free (MIRIAM_RECORD_STAFF, staff);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static guint
cohort_start_year (Demo  *demo,
                   guint  cohort)
{
  const GDate *today = &demo->options->today;
  guint current = g_date_get_month (today) >= G_DATE_AUGUST
                  ? g_date_get_year (today) : g_date_get_year (today) - 1;

  return current - (demo->options->n_cohorts - 1 - cohort);
}

/* The OCMW's own closed days in the autumn and winter of every cohort. */
static gboolean
make_closed_days (Demo    *demo,
                  GError **error)
{
  for (guint c = 0; c < demo->options->n_cohorts; c++)
    for (guint i = 0; i < G_N_ELEMENTS (closed_day_seeds); i++)
      {
        MiriamOcmwClosedDay *closed = miriam_record_new (MIRIAM_RECORD_CLOSED_DAY);
        gboolean ok;

        closed->ocmw_id = demo->ocmw_id;
        g_date_set_dmy (&closed->day, closed_day_seeds[i].day, closed_day_seeds[i].month,
                        cohort_start_year (demo, c));
        set_text (&closed->label, closed_day_seeds[i].label);
        ok = miriam_store_save (demo->store, MIRIAM_RECORD_CLOSED_DAY, closed, error);
        if (ok)
          g_array_append_val (demo->closed, closed->day);
        miriam_record_free (MIRIAM_RECORD_CLOSED_DAY, closed);
        if (!ok)
          return FALSE;
      }
  return TRUE;
}

static gboolean
make_cohort (Demo    *demo,
             guint    cohort,
             gint64  *id,
             GError **error)
{
  MiriamCohort *record = miriam_record_new (MIRIAM_RECORD_COHORT);
  guint year = cohort_start_year (demo, cohort);
  gboolean ok;

  take_text (&record->label, g_strdup_printf ("%u-%u", year, year + 1));
  g_date_set_dmy (&record->start_date, 1, G_DATE_SEPTEMBER, year);
  g_date_set_dmy (&record->end_date, 30, G_DATE_JUNE, year + 1);
  ok = miriam_store_save (demo->store, MIRIAM_RECORD_COHORT, record, error);
  *id = record->row.id;
  miriam_record_free (MIRIAM_RECORD_COHORT, record);
  return ok;
}

/* The first group day on or after @day. */
static GDate
weekday_on_or_after (GDate  day,
                     gint64 weekday)
{
  while ((gint64) g_date_get_weekday (&day) != weekday)
    g_date_add_days (&day, 1);
  return day;
}

static GDate
weekday_on_or_before (GDate  day,
                      gint64 weekday)
{
  while ((gint64) g_date_get_weekday (&day) != weekday)
    g_date_subtract_days (&day, 1);
  return day;
}

/* Which casemanager runs the group in @slot: one per neighbourhood, every third
 * group shared by two part-timers; in the older cohorts Katrien still ran
 * the groups that Jonas took over later. */
static gint64
casemanager_for (Demo  *demo,
                 guint  cohort,
                 guint  slot)
{
  guint age = demo->options->n_cohorts - 1 - cohort;
  guint i = slot % N_CASEMANAGERS;

  if (age >= 4 && i == 2)
    i = FORMER_CASEMANAGER;
  return demo->staff_ids[i];
}

static gboolean
make_group (Demo       *demo,
            gint64      cohort_id,
            GroupPlan  *plan,
            GError    **error)
{
  const GroupSeed *seed = &group_seeds[plan->index % G_N_ELEMENTS (group_seeds)];
  MiriamGroup *group = miriam_record_new (MIRIAM_RECORD_GROUP);
  guint year = cohort_start_year (demo, plan->cohort);
  GDate first;
  gboolean ok;

  group->ocmw_id = demo->ocmw_id;
  group->cohort_id = cohort_id;
  if (plan->index < G_N_ELEMENTS (group_seeds))
    set_text (&group->name, seed->name);
  else
    take_text (&group->name, g_strdup_printf ("%s %u", seed->name,
                                              1 + plan->index / (guint) G_N_ELEMENTS (group_seeds)));
  set_text (&group->location, seed->location);
  set_text (&group->address, seed->address);
  set_text (&group->community, "vl");
  set_text (&group->rhythm, seed->rhythm);
  group->weekday = seed->weekday;
  group->start_minute = seed->start_minute;
  group->end_minute = seed->end_minute;
  set_text (&group->colour, seed->colour);

  /* Intake takes the first weeks of September; the very first year of a
   * team starts later, around November, as first years often do. */
  if (plan->cohort == 0 && demo->options->n_cohorts > 1)
    g_date_set_dmy (&first, 3, G_DATE_NOVEMBER, year);
  else
    g_date_set_dmy (&first, 15, G_DATE_SEPTEMBER, year);
  group->start_date = weekday_on_or_after (first, seed->weekday);
  g_date_set_dmy (&first, 26, G_DATE_JUNE, year + 1);
  group->end_date = weekday_on_or_before (first, seed->weekday);

  plan->staff[0] = casemanager_for (demo, plan->cohort, plan->index);
  plan->n_staff = 1;
  if (plan->index % 3 == 1)
    plan->staff[plan->n_staff++] = casemanager_for (demo, plan->cohort, plan->index + 1);

  /* As the group editor saves a group: with its casemanagers. */
  ok = miriam_store_save_group (demo->store, group, plan->staff, plan->n_staff, NULL, error);
  plan->id = group->row.id;
  plan->start = group->start_date;
  plan->end = group->end_date;
  miriam_record_free (MIRIAM_RECORD_GROUP, group);
  return ok;
}

/* ---------------------------------------------------------------------- */
/* Women                                                                    */

/* A deck with each origin as often as its weight, shuffled per group, so
 * that every group mixes several origins, as groups in Flemish towns do. */
static guint *
shuffle_origins (Demo  *demo,
                 guint  n_women)
{
  guint deck[64];
  guint n_deck = 0;
  guint *result = g_new (guint, MAX (n_women, 1));

  for (guint i = 0; i < G_N_ELEMENTS (origins); i++)
    for (guint w = 0; w < origins[i].weight; w++)
      deck[n_deck++] = i;

  for (guint i = 0; i < n_women; i++)
    {
      guint pos = i % n_deck;

      if (pos == 0)
        for (guint k = n_deck - 1; k > 0; k--)
          {
            guint j = g_rand_int_range (demo->rand, 0, k + 1);
            guint tmp = deck[k];
            deck[k] = deck[j];
            deck[j] = tmp;
          }
      result[i] = deck[pos];
    }
  return result;
}

/* Aged 19 to 50 at the start of the group, most in their thirties. */
static GDate
birth_date_for (Demo        *demo,
                const GDate *start)
{
  gdouble spread = (g_rand_double (demo->rand) + g_rand_double (demo->rand)) / 2;
  guint age = 19 + (guint) (spread * 31);
  GDate birth = *start;

  g_date_subtract_years (&birth, age + 1);
  return date_plus (&birth, between (demo, 1, 364));
}

/* Letters go out in Dutch, or in French or English when she reads that
 * better; otherwise in Dutch, read together with the casemanager. */
static const char *
letter_language_for (const char *languages)
{
  static const char * const readable[] = { "nl", "fr", "en" };
  g_auto(GStrv) codes = g_strsplit (languages, ",", -1);

  for (guint i = 0; i < G_N_ELEMENTS (readable); i++)
    if (g_strv_contains ((const char * const *) codes, readable[i]))
      return readable[i];
  return "nl";
}

static const char *
referral_for (Demo *demo)
{
  static const char * const referrals[] = {
    "ocmw", "ocmw", "ocmw", "ocmw", "school", "school", "huis_van_het_kind",
    "huis_van_het_kind", "caw", "self",
  };
  return referrals[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (referrals))];
}

/* Only plain Latin letters go into an e-mail address. */
static char *
mail_for (const char *first_name,
          const char *last_name)
{
  g_autofree char *ascii = g_str_to_ascii (first_name, "C");
  g_autofree char *ascii_last = g_str_to_ascii (last_name, "C");
  g_autofree char *joined = g_strdup_printf ("%s.%s", ascii, ascii_last);
  GString *mail = g_string_new (NULL);

  for (const char *p = joined; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || *p == '.')
      g_string_append_c (mail, g_ascii_tolower (*p));
  g_string_append (mail, "@example.org");
  return g_string_free (mail, FALSE);
}

static gboolean
is_latin (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      if (script != G_UNICODE_SCRIPT_LATIN && script != G_UNICODE_SCRIPT_COMMON)
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const Origin      *origin;
  const ScriptName  *script_name;   /* NULL: a Latin-script file */
  GDate              birth;
  GDate              referral;      /* never after today */
  GDate              consent;
  Outcome            outcome;
  GDate              aftercare;     /* for OUTCOME_AFTERCARE */
  GDate              stop_day;      /* for OUTCOME_STOPPED */
  const char        *stop_reason;
} WomanPlan;

static void
fill_identity (Demo              *demo,
               const WomanPlan   *plan,
               MiriamParticipant *p)
{
  const char *languages = pick (demo, plan->origin->languages);
  guint n = demo->n_files;

  demo->n_files++;
  if (plan->script_name != NULL)
    {
      set_text (&p->first_name, plan->script_name->first_name);
      set_text (&p->last_name, plan->script_name->last_name);
      take_text (&p->notes, g_strdup_printf ("Naam in Latijns schrift (verblijfskaart): %s.",
                                             plan->script_name->latin));
    }
  else
    {
      set_text (&p->first_name, pick (demo, plan->origin->first_names));
      set_text (&p->last_name, pick (demo, plan->origin->last_names));
    }
  p->birth_date = plan->birth;

  /* Most files start without the number: it is asked only when needed. */
  if (n % 4 == 0 || chance (demo, 0.15))
    take_text (&p->insz, make_insz (&plan->birth, 2 * between (demo, 1, 499)));

  if (chance (demo, 0.25))
    take_text (&p->address, g_strdup_printf ("%s %d bus %d, " TOWN, pick (demo, streets),
                                             between (demo, 1, 180), between (demo, 1, 12)));
  else
    take_text (&p->address, g_strdup_printf ("%s %d, " TOWN, pick (demo, streets),
                                             between (demo, 1, 180)));
  if (chance (demo, 0.92))
    take_text (&p->phone, g_strdup_printf ("0470 %03u %03u", n / 1000, n % 1000));
  if (chance (demo, 0.35) && is_latin (p->first_name) && is_latin (p->last_name))
    take_text (&p->email, mail_for (p->first_name, p->last_name));
  set_text (&p->languages, languages);
  set_text (&p->letter_language, letter_language_for (languages));
  set_text (&p->income, chance (demo, 0.85) ? "leefloon" : "other");
  set_text (&p->referred_by, referral_for (demo));
}

static gboolean
add_status_change (Demo        *demo,
                   gint64       participant_id,
                   const char  *status,
                   const GDate *day,
                   const char  *reason,
                   GError     **error)
{
  MiriamStatusStep *step = miriam_record_new (MIRIAM_RECORD_STATUS_STEP);
  gboolean ok;

  step->participant_id = participant_id;
  set_text (&step->status, status);
  step->day = *day;
  set_text (&step->reason, reason != NULL ? reason : "");
  ok = miriam_store_save (demo->store, MIRIAM_RECORD_STATUS_STEP, step, error);
  miriam_record_free (MIRIAM_RECORD_STATUS_STEP, step);
  return ok;
}

typedef struct
{
  const char *status;
  GDate       day;
  const char *reason;
} Step;

/* Referral, intake, start, and how it ended: only the steps taken by
 * today, so the last one is her status now. */
static guint
plan_steps (Demo            *demo,
            const WomanPlan *woman,
            const Member    *member,
            const GroupPlan *group,
            Step             steps[5])
{
  Step all[5] = {
    { "waiting", woman->referral, NULL },
    { "intake", woman->consent, NULL },
    { "active", member->joined, NULL },
  };
  guint n_all = 3, n = 0;

  if (woman->outcome == OUTCOME_STOPPED)
    all[n_all++] = (Step) { "stopped", woman->stop_day, woman->stop_reason };
  else if (woman->outcome != OUTCOME_ACTIVE)
    all[n_all++] = (Step) { "completed", group->end, NULL };
  if (woman->outcome == OUTCOME_AFTERCARE)
    all[n_all++] = (Step) { "aftercare", woman->aftercare, NULL };

  for (guint i = 0; i < n_all; i++)
    if (not_after_today (demo, &all[i].day))
      steps[n++] = all[i];
  return n;
}

static gboolean
add_status_history (Demo        *demo,
                    gint64       id,
                    const Step  *steps,
                    guint        n_steps,
                    GError     **error)
{
  for (guint i = 0; i < n_steps; i++)
    if (!add_status_change (demo, id, steps[i].status, &steps[i].day, steps[i].reason, error))
      return FALSE;
  return TRUE;
}

static gboolean
add_children (Demo            *demo,
              gint64           id,
              const WomanPlan *woman,
              const GroupPlan *group,
              GError         **error)
{
  static const guint sizes[] = { 1, 1, 1, 2, 2, 2, 2, 3, 3, 4 };
  guint n = sizes[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (sizes))];
  gint start_year = g_date_get_year (&group->start);
  gint mother_year = g_date_get_year (&woman->birth);
  /* The youngest is under ten: that is who the programme is for. */
  gint year = MAX (start_year - between (demo, 0, 9), mother_year + 18);

  const char *names[4] = { NULL };

  for (guint i = 0; i < n && year >= mother_year + 17; i++)
    {
      MiriamChild *child = miriam_record_new (MIRIAM_RECORD_CHILD);
      gboolean ok;

      names[i] = pick_other (demo, woman->origin->child_names, names, i);
      child->participant_id = id;
      set_text (&child->first_name, names[i]);
      child->birth_year = MIN (year, start_year);
      child->in_care = start_year - year < 18 || chance (demo, 0.3);
      ok = miriam_store_save (demo->store, MIRIAM_RECORD_CHILD, child, error);
      miriam_record_free (MIRIAM_RECORD_CHILD, child);
      if (!ok)
        return FALSE;
      year -= between (demo, 1, 4);
    }
  return TRUE;
}

static gboolean
add_membership (Demo            *demo,
                const Member    *member,
                const GroupPlan *group,
                GError         **error)
{
  MiriamMembership *record = miriam_record_new (MIRIAM_RECORD_MEMBERSHIP);
  gboolean ok;

  record->participant_id = member->id;
  record->group_id = group->id;
  record->joined_on = member->joined;
  record->left_on = member->left;
  ok = miriam_store_save (demo->store, MIRIAM_RECORD_MEMBERSHIP, record, error);
  miriam_record_free (MIRIAM_RECORD_MEMBERSHIP, record);
  return ok;
}

/* ---------------------------------------------------------------------- */
/* Measurements and contacts                                                */

static gdouble
not_applicable_chance (const char *domain)
{
  /* Work is out of reach for some (a baby at home, illness); a few never
   * need to get anywhere but on foot. */
  if (g_str_equal (domain, "work"))
    return 0.2;
  if (g_str_equal (domain, "mobility"))
    return 0.05;
  return 0;
}

/* Scores at the start: mostly 2 and 3, few fours, some acute problems. */
static GHashTable *
baseline_scores (Demo *demo)
{
  static const int scale[] = { 1, 1, 2, 2, 2, 2, 3, 3, 3, 4 };
  GHashTable *scores = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; demo->domains[i] != NULL; i++)
    {
      int score = scale[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (scale))];

      if (chance (demo, not_applicable_chance (demo->domains[i])))
        score = 0;
      g_hash_table_insert (scores, demo->domains[i], GINT_TO_POINTER (score));
    }
  return scores;
}

/* Three in four women make clear progress on several domains; the others
 * stay about where they were, sometimes a step back. */
static GHashTable *
final_scores (Demo       *demo,
              GHashTable *baseline)
{
  GHashTable *scores = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean progress = chance (demo, 0.75);
  guint n_better = progress ? between (demo, 3, 6) : 0;

  for (guint i = 0; demo->domains[i] != NULL; i++)
    {
      int score = GPOINTER_TO_INT (g_hash_table_lookup (baseline, demo->domains[i]));
      gdouble r = g_rand_double (demo->rand);

      if (score > 0)
        {
          if (progress && n_better > 0 && score < 5 && chance (demo, 0.6))
            {
              score += chance (demo, 0.6) ? 1 : 2;
              n_better--;
            }
          else if (r < 0.05)
            score++;
          else if (r < (progress ? 0.08 : 0.15))
            score--;
          score = CLAMP (score, 1, 5);
        }
      g_hash_table_insert (scores, demo->domains[i], GINT_TO_POINTER (score));
    }
  return scores;
}

static gboolean
add_measurement (Demo             *demo,
                 GRand            *rand,
                 gint64            participant_id,
                 const GroupPlan  *group,
                 const char       *kind,
                 const GDate      *day,
                 GHashTable       *scores,
                 GError          **error)
{
  MiriamMeasurement *record = miriam_record_new (MIRIAM_RECORD_MEASUREMENT);
  gboolean ok;

  record->participant_id = participant_id;
  record->group_id = group->id;
  set_text (&record->kind, kind);
  record->day = *day;
  record->scored_by = group->staff[g_rand_int_range (rand, 0, group->n_staff)];
  /* As the measurement editor saves one: the moment and its scores
   * together, "not applicable" (0) as no score. */
  ok = miriam_store_save_measurement (demo->store, record, scores, error);
  miriam_record_free (MIRIAM_RECORD_MEASUREMENT, record);
  return ok;
}

/* Halfway, a few steps up on some domains, now and then one down;
 * "not applicable" stays so.  From its own GRand, so that the rest of a
 * seed's data set stays as it was before intermediate measurements. */
static GHashTable *
intermediate_scores (Demo       *demo,
                     GHashTable *baseline)
{
  GHashTable *scores = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; demo->domains[i] != NULL; i++)
    {
      int score = GPOINTER_TO_INT (g_hash_table_lookup (baseline, demo->domains[i]));
      gdouble r = g_rand_double (demo->progress);

      if (score > 0 && r < 0.3)
        score = MIN (score + 1, 5);
      else if (score > 0 && r < 0.36)
        score = MAX (score - 1, 1);
      g_hash_table_insert (scores, demo->domains[i], GINT_TO_POINTER (score));
    }
  return scores;
}

/* Many teams take an intermediate measurement in the weeks after the
 * carnival (krokus) holidays, about halfway through the year, with the
 * women still in the group.  Only for women whose year did not run to its
 * end here: those who completed it keep exactly a baseline and a final
 * measurement, the pair the big data set's progress figures are checked
 * on (tests/test-demo.c). */
static gboolean
intermediate_day (Demo             *demo,
                  const WomanPlan  *woman,
                  const Member     *member,
                  const GroupPlan  *group,
                  GDate            *day)
{
  MiriamSchoolHoliday breaks[MIRIAM_N_SCHOOL_BREAKS];

  if (woman->outcome == OUTCOME_COMPLETED || woman->outcome == OUTCOME_AFTERCARE
      || !miriam_school_holidays (COMMUNITY, g_date_get_year (&group->start), breaks))
    return FALSE;
  *day = date_plus (&breaks[MIRIAM_SCHOOL_BREAK_CARNIVAL].last,
                    g_rand_int_range (demo->progress, 1, 15));
  return g_rand_double (demo->progress) < 0.6
         && date_cmp (day, &member->joined) > 0
         && (!g_date_valid (&member->left) || date_cmp (day, &member->left) <= 0)
         && date_cmp (day, &group->end) < 0
         && not_after_today (demo, day);
}

/* A baseline in the first weeks; for some an intermediate one halfway; a
 * final measurement at the end for those who finished (those who stopped
 * were not there to be asked). */
static gboolean
add_measurements (Demo             *demo,
                  const WomanPlan  *woman,
                  const Member     *member,
                  const GroupPlan  *group,
                  GError          **error)
{
  GDate day = date_plus (&member->joined, between (demo, 0, 14));
  g_autoptr(GHashTable) baseline = baseline_scores (demo);
  g_autoptr(GHashTable) final = NULL;
  GDate halfway;

  if (g_date_valid (&member->left) && date_cmp (&day, &member->left) > 0)
    day = member->left;
  if (!not_after_today (demo, &member->joined))
    return TRUE;
  day = *earliest (&day, &demo->options->today);
  if (!add_measurement (demo, demo->rand, member->id, group, "baseline", &day, baseline, error))
    return FALSE;

  if (intermediate_day (demo, woman, member, group, &halfway))
    {
      g_autoptr(GHashTable) scores = intermediate_scores (demo, baseline);

      if (!add_measurement (demo, demo->progress, member->id, group, "intermediate", &halfway,
                            scores, error))
        return FALSE;
    }

  if (woman->outcome != OUTCOME_COMPLETED && woman->outcome != OUTCOME_AFTERCARE)
    return TRUE;
  final = final_scores (demo, baseline);
  day = date_plus (&group->end, -between (demo, 0, 10));
  return add_measurement (demo, demo->rand, member->id, group, "final", &day, final, error);
}

static const char *
domain_note (const char *domain)
{
  for (guint i = 0; i < G_N_ELEMENTS (domain_notes); i++)
    if (g_str_equal (domain_notes[i].domain, domain))
      return domain_notes[i].note;
  return "";
}

static void
fill_contact (Demo          *demo,
              MiriamContact *contact)
{
  static const char * const kinds[] = {
    "home_visit", "home_visit", "home_visit", "home_visit", "home_visit",
    "office", "office", "office", "office", "office",
    "phone", "phone", "phone", "phone", "walk", "walk",
    "accompany", "accompany", "accompany", "other",
  };
  const char *kind = kinds[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (kinds))];
  guint n_domains = g_strv_length (demo->domains);
  const char *first = demo->domains[g_rand_int_range (demo->rand, 0, n_domains)];
  const char *second = demo->domains[g_rand_int_range (demo->rand, 0, n_domains)];

  set_text (&contact->kind, kind);
  if (g_str_equal (kind, "phone"))
    contact->duration_min = between (demo, 2, 4) * 5;
  else if (g_str_equal (kind, "accompany"))
    contact->duration_min = between (demo, 4, 12) * 15;
  else
    contact->duration_min = between (demo, 2, 6) * 15;

  if (chance (demo, 0.4) && !g_str_equal (first, second))
    take_text (&contact->domains, g_strdup_printf ("%s,%s", first, second));
  else
    set_text (&contact->domains, first);

  if (g_str_equal (kind, "accompany"))
    take_text (&contact->note, g_strdup_printf ("Meegegaan naar %s.",
                                                pick (demo, accompany_places)));
  else
    set_text (&contact->note, domain_note (first));
}

static gint
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return g_date_compare (a, b);
}

static const char *
calendar_pick (Demo               *demo,
               const char * const *list)
{
  return list[g_rand_int_range (demo->calendar, 0, g_strv_length ((GStrv) list))];
}

/* Most contacts are logged with the time they began, on the quarter
 * hour between 9:00 and 16:00; 0 is "no time given". */
static gint64
contact_time (Demo *demo)
{
  if (g_rand_double (demo->calendar) < 0.3)
    return 0;
  return 15 * g_rand_int_range (demo->calendar, 9 * 4, 16 * 4 + 1);
}

static gboolean
is_open_day (Demo        *demo,
             const GDate *day)
{
  if (g_date_get_weekday (day) >= G_DATE_SATURDAY
      || miriam_holiday_on (day, COMMUNITY) != MIRIAM_N_HOLIDAYS)
    return FALSE;
  for (guint i = 0; i < demo->closed->len; i++)
    if (g_date_compare (&g_array_index (demo->closed, GDate, i), day) == 0)
      return FALSE;
  return TRUE;
}

/* A weekday the OCMW is open, on or after @day. */
static GDate
open_day_on_or_after (Demo  *demo,
                      GDate  day)
{
  while (!is_open_day (demo, &day))
    g_date_add_days (&day, 1);
  return day;
}

/* A weekday the OCMW is open, on or before @day. */
static GDate
open_day_on_or_before (Demo  *demo,
                       GDate  day)
{
  while (!is_open_day (demo, &day))
    g_date_subtract_days (&day, 1);
  return day;
}

/* Her next appointment with her casemanager, in the coming three weeks,
 * for about half of the women still in a group of the current cohort. */
static gboolean
add_appointment (Demo             *demo,
                 const Member     *member,
                 const GroupPlan  *group,
                 GError          **error)
{
  static const char * const kinds[] = { "home_visit", "office", "office", "walk", "accompany" };
  MiriamContact *contact;
  const char *kind;
  GDate day;
  gboolean ok;

  if (!group->current || g_date_valid (&member->left) || g_rand_double (demo->calendar) >= 0.5)
    return TRUE;

  day = date_plus (&demo->options->today, g_rand_int_range (demo->calendar, 1, 22));
  day = open_day_on_or_after (demo, day);
  kind = kinds[g_rand_int_range (demo->calendar, 0, G_N_ELEMENTS (kinds))];

  contact = miriam_record_new (MIRIAM_RECORD_CONTACT);
  contact->participant_id = member->id;
  contact->staff_id = group->staff[g_rand_int_range (demo->calendar, 0, group->n_staff)];
  contact->day = day;
  contact->start_minute = 15 * g_rand_int_range (demo->calendar, 9 * 4, 16 * 4 + 1);
  contact->duration_min = 15 * g_rand_int_range (demo->calendar, 2, 7);
  set_text (&contact->kind, kind);
  if (g_str_equal (kind, "accompany"))
    take_text (&contact->note, g_strdup_printf ("Meegaan naar %s.",
                                                calendar_pick (demo, accompany_places)));
  else
    set_text (&contact->note, calendar_pick (demo, appointment_notes));
  ok = miriam_store_save (demo->store, MIRIAM_RECORD_CONTACT, contact, error);
  miriam_record_free (MIRIAM_RECORD_CONTACT, contact);
  return ok;
}

/* A few individual moments between intake and the end of her time in the
 * group, never in the future. */
static gboolean
add_contacts (Demo            *demo,
              const WomanPlan *woman,
              const Member    *member,
              const GroupPlan *group,
              GError         **error)
{
  const GDate *last = g_date_valid (&member->left) ? &member->left : &group->end;
  guint n = between (demo, 2, 7);
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (GDate));

  last = earliest (last, &demo->options->today);
  if (date_cmp (&woman->consent, last) > 0)
    return TRUE;

  /* On days the OCMW is open: they land in the team calendar. */
  for (guint i = 0; i < n; i++)
    {
      GDate day = open_day_on_or_after (demo, random_day (demo, &woman->consent, last));

      while (date_cmp (&day, last) > 0 && date_cmp (&day, &woman->consent) > 0)
        {
          g_date_subtract_days (&day, 1);
          day = open_day_on_or_before (demo, day);
        }
      g_array_append_val (days, day);
    }
  g_array_sort (days, compare_dates);

  for (guint i = 0; i < days->len; i++)
    {
      MiriamContact *contact = miriam_record_new (MIRIAM_RECORD_CONTACT);
      gboolean ok;

      contact->participant_id = member->id;
      contact->staff_id = group->staff[g_rand_int_range (demo->rand, 0, group->n_staff)];
      contact->day = g_array_index (days, GDate, i);
      fill_contact (demo, contact);
      contact->start_minute = contact_time (demo);
      ok = miriam_store_save (demo->store, MIRIAM_RECORD_CONTACT, contact, error);
      miriam_record_free (MIRIAM_RECORD_CONTACT, contact);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Intake, plan and referrals                                               */

static gboolean
detail_chance (Demo    *demo,
               gdouble  p)
{
  return g_rand_double (demo->detail) < p;
}

static gint
detail_between (Demo *demo,
                gint  low,
                gint  high)
{
  return g_rand_int_range (demo->detail, low, high + 1);
}

static const char *
detail_pick (Demo               *demo,
             const char * const *list)
{
  guint n = 0;

  while (list[n] != NULL)
    n++;
  return list[g_rand_int_range (demo->detail, 0, n)];
}

/* A day in [first, last]; first if the range is empty. */
static GDate
detail_day (Demo        *demo,
            const GDate *first,
            const GDate *last)
{
  gint span = g_date_days_between (first, last);

  return date_plus (first, span > 0 ? detail_between (demo, 0, span) : 0);
}

LIST (poverty_notes, "Leefloon; openstaande energiefacturen.",
      "Leefloon en een huurachterstal.",
      "Uitkering; op het einde van de maand vaak geen eten meer in huis.");
LIST (isolated_notes, "Weinig familie in de buurt; kent bijna niemand in de wijk.",
      "Sinds de scheiding veel alleen met de kinderen.",
      "Pas verhuisd naar Demostad.");
LIST (not_isolated_notes, "Zus woont in de buurt; verder weinig contacten. Toch opgenomen.");
LIST (language_notes, "Gesprekken in het Nederlands.", "Gesprekken in het Frans en het Nederlands.",
      "Intake met een sociaal tolk; in de groep gaat het in eenvoudig Nederlands.");
LIST (voluntary_notes, "Wil graag andere mama's leren kennen.", "Gemotiveerd na het infomoment.",
      "Aangemeld door de sociale dienst; wil zelf graag deelnemen.");

/* The intake is the talk in which she signed her consent: the team ticks
 * the four criteria of the method, and writes a doubt beside one now and
 * then. */
static void
fill_intake (Demo              *demo,
             const WomanPlan   *woman,
             MiriamParticipant *p)
{
  if (!not_after_today (demo, &woman->consent))
    return;

  p->intake_date = woman->consent;
  p->criterion_poverty = TRUE;
  if (detail_chance (demo, 0.6))
    set_text (&p->criterion_poverty_note, detail_pick (demo, poverty_notes));
  p->criterion_isolated = detail_chance (demo, 0.92);
  if (!p->criterion_isolated)
    set_text (&p->criterion_isolated_note, detail_pick (demo, not_isolated_notes));
  else if (detail_chance (demo, 0.5))
    set_text (&p->criterion_isolated_note, detail_pick (demo, isolated_notes));
  p->criterion_language = TRUE;
  if (detail_chance (demo, 0.3))
    set_text (&p->criterion_language_note, detail_pick (demo, language_notes));
  p->criterion_voluntary = TRUE;
  if (detail_chance (demo, 0.4))
    set_text (&p->criterion_voluntary_note, detail_pick (demo, voluntary_notes));
}

/* A goal per life domain, in the words a casemanager would write down. */
typedef struct
{
  const char *domain;
  const char *name;       /* how the team says the domain */
  const char *goal;
} DomainGoal;

static const DomainGoal domain_goals[] = {
  { "finances", "financiën", "Overzicht over de schulden en een haalbaar afbetalingsplan." },
  { "housing", "wonen", "Een betaalbare woning zonder vocht vinden." },
  { "work", "werk en opleiding", "Een opleiding Nederlands of een beroepsopleiding starten." },
  { "parenting", "opvoeding", "Meer rust in de avondroutine met de kinderen." },
  { "health", "gezondheid", "Een vaste huisarts kiezen en de afspraken nakomen." },
  { "mobility", "mobiliteit", "Zelf met de bus naar afspraken gaan." },
  { "leisure", "vrije tijd", "Eén keer per maand iets leuks doen met de kinderen." },
  { "social_network", "sociaal netwerk", "Mensen in de buurt leren kennen." },
  { "wellbeing", "psychisch welzijn", "Beter slapen en minder piekeren." },
  { "self_confidence", "zelfvertrouwen", "Voor zichzelf opkomen bij de school en de diensten." },
  { "rights", "rechten en administratie", "Alle rechten en premies laten nakijken en aanvragen." },
};

static const DomainGoal *
domain_goal (const char *domain)
{
  for (guint i = 0; i < G_N_ELEMENTS (domain_goals); i++)
    if (g_str_equal (domain_goals[i].domain, domain))
      return &domain_goals[i];
  return NULL;
}

/* How a goal stands today follows how her year went. */
static const char *
goal_status_for (Demo            *demo,
                 const WomanPlan *woman)
{
  gdouble r = g_rand_double (demo->detail);

  switch (woman->outcome)
    {
    case OUTCOME_STOPPED:
      return r < 0.7 ? "dropped" : "open";
    case OUTCOME_COMPLETED:
    case OUTCOME_AFTERCARE:
      return r < 0.7 ? "reached" : r < 0.8 ? "dropped" : "in_progress";
    case OUTCOME_ACTIVE:
    default:
      return r < 0.2 ? "reached" : r < 0.7 ? "in_progress" : "open";
    }
}

/* One or two goals, written down in her first weeks in the group. */
static gboolean
add_goals (Demo             *demo,
           const WomanPlan  *woman,
           const Member     *member,
           const GroupPlan  *group,
           GError          **error)
{
  const GDate *last = g_date_valid (&member->left) ? &member->left : &group->end;
  GDate start = date_plus (&member->joined, detail_between (demo, 7, 28));
  guint n = detail_between (demo, 1, 2);
  const DomainGoal *chosen = NULL;

  last = earliest (last, &demo->options->today);
  if (date_cmp (&start, last) > 0)
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      MiriamGoal *goal = miriam_record_new (MIRIAM_RECORD_GOAL);
      const DomainGoal *dg;
      gboolean ok;

      do
        dg = &domain_goals[g_rand_int_range (demo->detail, 0, G_N_ELEMENTS (domain_goals))];
      while (dg == chosen);
      chosen = dg;

      goal->participant_id = member->id;
      set_text (&goal->domain, dg->domain);
      set_text (&goal->description, dg->goal);
      set_text (&goal->status, goal_status_for (demo, woman));
      goal->start_date = start;
      if (g_str_equal (goal->status, "reached") || g_str_equal (goal->status, "dropped"))
        goal->end_date = detail_day (demo, &start, last);
      ok = miriam_store_save (demo->store, MIRIAM_RECORD_GOAL, goal, error);
      miriam_record_free (MIRIAM_RECORD_GOAL, goal);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

LIST (referral_outcomes, "Eerste gesprek gehad; ze gaat er zelf verder mee aan de slag.",
      "Hulp gekregen; afgerond.", "Staat op de wachtlijst.",
      "Niet op ingegaan; later opnieuw bekijken.");

/* Almost half of the women are referred to a partner once or twice: to
 * the general entries of the directory, as a team in its first year
 * would.  A referral of the last three weeks has no outcome yet. */
static gboolean
add_referrals (Demo             *demo,
               const WomanPlan  *woman,
               const Member     *member,
               const GroupPlan  *group,
               GError          **error)
{
  const GDate *last = g_date_valid (&member->left) ? &member->left : &group->end;
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (GDate));
  guint n;

  last = earliest (last, &demo->options->today);
  if (demo->partners->len == 0 || date_cmp (&woman->consent, last) > 0
      || !detail_chance (demo, 0.45))
    return TRUE;

  n = detail_between (demo, 1, 2);
  for (guint i = 0; i < n; i++)
    {
      GDate day = detail_day (demo, &woman->consent, last);
      g_array_append_val (days, day);
    }
  g_array_sort (days, compare_dates);

  for (guint i = 0; i < days->len; i++)
    {
      MiriamReferral *referral = miriam_record_new (MIRIAM_RECORD_REFERRAL);
      const MiriamPartner *partner = g_ptr_array_index (demo->partners,
                                                        g_rand_int_range (demo->detail, 0,
                                                                          demo->partners->len));
      const DomainGoal *dg = domain_goal (partner->domain);
      gboolean ok;

      referral->participant_id = member->id;
      referral->partner_id = partner->row.id;
      referral->day = g_array_index (days, GDate, i);
      if (dg != NULL)
        take_text (&referral->reason, g_strdup_printf ("Hulpvraag rond %s.", dg->name));
      else
        set_text (&referral->reason, "Algemene hulpvraag; samen de eerste stap gezet.");
      if (g_date_days_between (&referral->day, &demo->options->today) > 21)
        set_text (&referral->outcome, detail_pick (demo, referral_outcomes));
      ok = miriam_store_save (demo->store, MIRIAM_RECORD_REFERRAL, referral, error);
      miriam_record_free (MIRIAM_RECORD_REFERRAL, referral);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* A woman's whole file                                                     */

/* How her year goes: in the current cohort most are active and a few have
 * stopped already; in past cohorts most completed, and those of last year
 * often still come to the aftercare. */
static void
plan_outcome (Demo            *demo,
              const GroupPlan *group,
              const Member    *member,
              WomanPlan       *woman)
{
  GDate first_stop = date_plus (&member->joined, 28);
  GDate last_stop = group->current ? date_plus (&demo->options->today, -1)
                                   : date_plus (&group->end, -28);

  woman->outcome = group->current ? OUTCOME_ACTIVE : OUTCOME_COMPLETED;
  if (chance (demo, group->current ? 0.1 : 0.18) && date_cmp (&first_stop, &last_stop) <= 0)
    {
      woman->outcome = OUTCOME_STOPPED;
      woman->stop_day = random_day (demo, &first_stop, &last_stop);
      woman->stop_reason = pick (demo, stop_reasons);
    }
  else if (!group->current && chance (demo, group->last_past ? 0.5 : 0.15))
    {
      woman->outcome = OUTCOME_AFTERCARE;
      woman->aftercare = date_plus (&group->end, between (demo, 14, 60));
    }
}

static const ScriptName *
script_name_for (Demo            *demo,
                 const GroupPlan *group,
                 guint            i,
                 guint           *origin)
{
  guint n_groups = demo->options->groups_per_cohort;

  if (group->index == 0 && i == 2)
    {
      *origin = ORIGIN_SYRIAN;
      return &arabic_names[group->cohort % G_N_ELEMENTS (arabic_names)];
    }
  if (group->index == n_groups - 1 && i == 5)
    {
      *origin = ORIGIN_AFGHAN;
      return &dari_names[group->cohort % G_N_ELEMENTS (dari_names)];
    }
  return NULL;
}

static gboolean
save_participant (Demo        *demo,
                  WomanPlan   *woman,
                  const char  *status,
                  gint64      *id,
                  GError     **error)
{
  MiriamParticipant *p = miriam_record_new (MIRIAM_RECORD_PARTICIPANT);
  gboolean ok;

  p->ocmw_id = demo->ocmw_id;
  fill_identity (demo, woman, p);
  set_text (&p->status, status);
  if (not_after_today (demo, &woman->consent))
    {
      p->consent_date = woman->consent;
      set_text (&p->consent_note, "Getekend bij de intake; privacyverklaring mondeling uitgelegd.");
    }
  fill_intake (demo, woman, p);
  ok = miriam_store_save (demo->store, MIRIAM_RECORD_PARTICIPANT, p, error);
  *id = p->row.id;
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, p);
  return ok;
}

static void
plan_attendance (Demo            *demo,
                 const WomanPlan *woman,
                 Member          *member)
{
  /* About half are the core group that nearly always comes. */
  gboolean core = chance (demo, 0.55);

  member->p_present = core ? 0.92 : 0.65;
  member->fatigue = core ? 0.03 : 0.2;
  if (woman->outcome == OUTCOME_STOPPED)
    {
      member->p_present = 0.5;
      member->fatigue = 0.3;
    }
}

static gboolean
make_woman (Demo       *demo,
            GroupPlan  *group,
            guint       i,
            guint       origin,
            GError    **error)
{
  WomanPlan woman = { 0 };
  Member member = { 0 };
  Step steps[5];
  guint n_steps;

  woman.script_name = script_name_for (demo, group, i, &origin);
  woman.origin = &origins[origin];
  woman.birth = birth_date_for (demo, &group->start);
  woman.consent = date_plus (&group->start, -between (demo, 7, 35));
  woman.referral = date_plus (&woman.consent, -between (demo, 7, 45));
  woman.referral = *earliest (&woman.referral, &demo->options->today);

  /* A few join a couple of sessions late. */
  member.joined = chance (demo, 0.08) ? date_plus (&group->start, 14 * between (demo, 1, 2))
                                      : group->start;
  g_date_clear (&member.left, 1);
  plan_outcome (demo, group, &member, &woman);
  if (woman.outcome == OUTCOME_STOPPED)
    member.left = woman.stop_day;
  else if (!group->current)
    member.left = group->end;
  plan_attendance (demo, &woman, &member);
  n_steps = plan_steps (demo, &woman, &member, group, steps);

  if (!save_participant (demo, &woman, steps[n_steps - 1].status, &member.id, error)
      || !add_children (demo, member.id, &woman, group, error)
      || !add_membership (demo, &member, group, error)
      || !add_status_history (demo, member.id, steps, n_steps, error)
      || !add_measurements (demo, &woman, &member, group, error)
      || !add_contacts (demo, &woman, &member, group, error)
      || !add_appointment (demo, &member, group, error)
      || !add_goals (demo, &woman, &member, group, error)
      || !add_referrals (demo, &woman, &member, group, error))
    return FALSE;

  g_array_append_val (group->members, member);
  return TRUE;
}

/* Referred in the middle of the year: she waits for the next cohort. */
static gboolean
make_waiting_woman (Demo       *demo,
                    GroupPlan  *group,
                    GError    **error)
{
  MiriamParticipant *p = miriam_record_new (MIRIAM_RECORD_PARTICIPANT);
  WomanPlan woman = { 0 };
  GDate referral = date_plus (&group->start, between (demo, 60, 120));
  gboolean ok;

  woman.origin = &origins[between (demo, 0, G_N_ELEMENTS (origins) - 1)];
  woman.birth = birth_date_for (demo, &group->start);
  referral = *earliest (&referral, &demo->options->today);

  p->ocmw_id = demo->ocmw_id;
  fill_identity (demo, &woman, p);
  set_text (&p->status, "waiting");
  set_text (&p->referred_by, "ocmw");
  set_text (&p->notes, "Aangemeld door de sociale dienst; wacht op de volgende jaargang.");
  ok = miriam_store_save (demo->store, MIRIAM_RECORD_PARTICIPANT, p, error)
       && add_status_change (demo, p->row.id, "waiting", &referral, NULL, error);
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, p);
  return ok;
}

/* ---------------------------------------------------------------------- */
/* Sessions and attendance                                                  */

/* Sessions pause on public holidays, on the OCMW's closed days and in the
 * school holidays, when the mothers have their children at home. */
static gboolean
is_day_off (Demo        *demo,
            const GDate *day)
{
  if (miriam_holiday_on (day, COMMUNITY) != MIRIAM_N_HOLIDAYS
      || miriam_school_holiday_on (day, COMMUNITY, NULL))
    return TRUE;
  for (guint i = 0; i < demo->closed->len; i++)
    if (date_cmp (&g_array_index (demo->closed, GDate, i), day) == 0)
      return TRUE;
  return FALSE;
}

static GArray *
session_days (Demo            *demo,
              const GroupPlan *group,
              const char      *rhythm)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (GDate));
  guint step = g_str_equal (rhythm, "weekly") ? 7 : 14;

  for (GDate day = group->start; date_cmp (&day, &group->end) <= 0; g_date_add_days (&day, step))
    if (!is_day_off (demo, &day))
      g_array_append_val (days, day);
  /* The closing moment is on the last day, whatever the rhythm. */
  if (days->len == 0 || date_cmp (&g_array_index (days, GDate, days->len - 1), &group->end) != 0)
    g_array_append_val (days, group->end);
  return days;
}

/* Outings with the children wait for milder weather. */
static gboolean
is_outing_season (const GDate *day)
{
  GDateMonth m = g_date_get_month (day);

  return m == G_DATE_SEPTEMBER || m == G_DATE_OCTOBER || (m >= G_DATE_APRIL && m <= G_DATE_JUNE);
}

static void
fill_session (Demo          *demo,
              MiriamSession *session,
              guint          i,
              guint          n,
              guint          offset)
{
  if (i == 0)
    {
      set_text (&session->theme, "other");
      set_text (&session->notes, "Kennismaking en groepsafspraken.");
    }
  else if (i == n - 1)
    {
      set_text (&session->theme, "other");
      set_text (&session->notes, "Afsluitmoment met getuigschriften.");
    }
  else if (i + 3 == n || (is_outing_season (&session->day) && chance (demo, 0.08)))
    {
      set_text (&session->theme, "outing");
      set_text (&session->notes, "Uitstap met de kinderen.");
      if (chance (demo, 0.5))
        set_text (&session->partner, "Iedereen Verdient Vakantie");
    }
  else if (chance (demo, 0.04))
    {
      set_text (&session->theme, "other");
      set_text (&session->partner, "VDAB");
      set_text (&session->notes, "Gastspreker: werk en opleiding.");
    }
  else
    {
      guint t = (i + offset) % G_N_ELEMENTS (session_themes);

      set_text (&session->theme, session_themes[t]);
      set_text (&session->notes, pick (demo, theme_notes[t]));
      if (chance (demo, 0.35))
        set_text (&session->partner, pick (demo, theme_partners[t]));
    }

  if (i > 0 && i < n - 1 && chance (demo, 0.05))
    {
      session->cancelled = TRUE;
      set_text (&session->cancel_reason, pick (demo, cancel_reasons));
    }
}

/* Who came: the core group nearly always, the others less and less as
 * the year goes on; an absence is often excused. */
static gboolean
add_attendance (Demo             *demo,
                const GroupPlan  *group,
                gint64            session_id,
                const GDate      *day,
                gdouble           progress,
                GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (MiriamAttendance));

  for (guint i = 0; i < group->members->len; i++)
    {
      const Member *m = &g_array_index (group->members, Member, i);
      MiriamAttendance mark;

      if (date_cmp (day, &m->joined) < 0
          || (g_date_valid (&m->left) && date_cmp (day, &m->left) > 0))
        continue;
      if (chance (demo, m->p_present - m->fatigue * progress))
        mark = MIRIAM_ATTENDANCE_PRESENT;
      else
        mark = chance (demo, 0.4) ? MIRIAM_ATTENDANCE_EXCUSED : MIRIAM_ATTENDANCE_ABSENT;
      g_array_append_val (ids, m->id);
      g_array_append_val (marks, mark);
    }

  return ids->len == 0
         || miriam_store_set_attendance (demo->store, session_id, ids->len,
                                         (const gint64 *) (gpointer) ids->data,
                                         (const MiriamAttendance *) (gpointer) marks->data,
                                         error);
}

/* Sessions of the current cohort that show what the calendar does. */
typedef struct
{
  guint cancel;   /* index of a session called off, or G_MAXUINT */
  guint clash;    /* first group: the session the second group joins;
                     second group: the session moved there */
} Showcase;

/* The first session at least a week ahead, not the first or last of the
 * year, which have their own programme; G_MAXUINT if none. */
static guint
first_upcoming (Demo   *demo,
                GArray *days)
{
  GDate soon = date_plus (&demo->options->today, 7);

  for (guint i = 1; i + 1 < days->len; i++)
    if (date_cmp (&g_array_index (days, GDate, i), &soon) >= 0)
      return i;
  return G_MAXUINT;
}

static Showcase
plan_showcase (Demo            *demo,
               const GroupPlan *group,
               GArray          *days)
{
  Showcase show = { G_MAXUINT, G_MAXUINT };
  guint upcoming = first_upcoming (demo, days);
  gint best = G_MAXINT;

  if (!group->current || upcoming == G_MAXUINT)
    return show;

  if (group->index == 0)
    {
      show.clash = upcoming;
      demo->clash_day = g_array_index (days, GDate, upcoming);
      if (upcoming + 2 + 1 < days->len)
        show.cancel = upcoming + 2;
    }
  else if (group->index == 1 && g_date_valid (&demo->clash_day))
    for (guint i = upcoming; i + 1 < days->len; i++)
      {
        gint gap = ABS (g_date_days_between (&g_array_index (days, GDate, i), &demo->clash_day));

        if (gap < best)
          {
            best = gap;
            show.clash = i;
          }
      }
  return show;
}

static void
apply_showcase (Demo            *demo,
                const GroupPlan *group,
                const Showcase  *show,
                guint            i,
                MiriamSession   *session)
{
  const GroupSeed *first = &group_seeds[0];

  if (i == show->cancel)
    {
      session->cancelled = TRUE;
      set_text (&session->cancel_reason, "Vorming voor het hele team");
    }
  if (i != show->clash)
    return;

  session->cancelled = FALSE;
  set_text (&session->cancel_reason, "");
  if (group->index == 0)
    return;

  /* Its own room is being painted: it moves to the first group's room,
   * on the first group's day, at the same hour.  Nobody noticed yet. */
  session->original_day = session->day;
  session->day = demo->clash_day;
  session->start_minute = first->start_minute;
  session->end_minute = first->end_minute;
  set_text (&session->location, first->location);
  set_text (&session->notes, "Verplaatst: de zaal in het Huis van het Kind wordt geschilderd.");
}

static gboolean
make_sessions (Demo             *demo,
               const GroupPlan  *group,
               GError          **error)
{
  const GroupSeed *seed = &group_seeds[group->index % G_N_ELEMENTS (group_seeds)];
  g_autoptr(GArray) days = session_days (demo, group, seed->rhythm);
  guint offset = between (demo, 0, G_N_ELEMENTS (session_themes) - 1);
  Showcase show = plan_showcase (demo, group, days);

  for (guint i = 0; i < days->len; i++)
    {
      MiriamSession *session = miriam_record_new (MIRIAM_RECORD_SESSION);
      const GDate *day = &g_array_index (days, GDate, i);
      gboolean ok;

      session->group_id = group->id;
      session->day = *day;
      session->start_minute = seed->start_minute;
      session->end_minute = seed->end_minute;
      set_text (&session->location, seed->location);
      fill_session (demo, session, i, days->len, offset);
      apply_showcase (demo, group, &show, i, session);
      day = &session->day;

      ok = miriam_store_save (demo->store, MIRIAM_RECORD_SESSION, session, error);
      if (ok && !session->cancelled && is_past (demo, day))
        ok = add_attendance (demo, group, session->row.id, day,
                             (gdouble) i / days->len, error);
      miriam_record_free (MIRIAM_RECORD_SESSION, session);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* The whole OCMW                                                           */

static gboolean
make_group_with_women (Demo       *demo,
                       gint64      cohort_id,
                       GroupPlan  *plan,
                       GError    **error)
{
  const MiriamDemoOptions *options = demo->options;
  guint n_women = options->women_per_group;
  g_autofree guint *deck = NULL;

  /* Like real life, one group of the current cohort is a place short: the
   * woman who would have filled it is on the waiting list. */
  if (plan->current && plan->index == options->groups_per_cohort - 1 && n_women > 1)
    n_women--;

  if (!make_group (demo, cohort_id, plan, error))
    return FALSE;

  deck = shuffle_origins (demo, n_women);
  for (guint i = 0; i < n_women; i++)
    if (!make_woman (demo, plan, i, deck[i], error))
      return FALSE;

  if (n_women < options->women_per_group && !make_waiting_woman (demo, plan, error))
    return FALSE;

  return make_sessions (demo, plan, error);
}

static gboolean
make_cohort_with_groups (Demo     *demo,
                         guint     cohort,
                         GError  **error)
{
  const MiriamDemoOptions *options = demo->options;
  gint64 cohort_id = 0;

  if (!make_cohort (demo, cohort, &cohort_id, error))
    return FALSE;

  for (guint g = 0; g < options->groups_per_cohort; g++)
    {
      GroupPlan plan = { 0 };
      gboolean ok;

      plan.cohort = cohort;
      plan.index = g;
      plan.current = cohort == options->n_cohorts - 1;
      plan.last_past = cohort + 2 == options->n_cohorts;
      plan.members = g_array_new (FALSE, FALSE, sizeof (Member));
      ok = make_group_with_women (demo, cohort_id, &plan, error);
      g_array_unref (plan.members);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
generate (MiriamStore  *store,
          gpointer      user_data,
          GError      **error)
{
  Demo *demo = user_data;

  demo->store = store;
  if (!store_is_empty (demo, error))
    return FALSE;
  demo->domains = miriam_store_list_life_domains (store, error);
  if (demo->domains == NULL)
    return FALSE;
  demo->partners = miriam_store_list (store, MIRIAM_RECORD_PARTNER, NULL, 0, error);
  if (demo->partners == NULL)
    return FALSE;

  if (!make_ocmw (demo, error) || !make_staff (demo, error) || !make_closed_days (demo, error))
    return FALSE;

  /* Oldest first, so that ids follow time as they would in a real file. */
  for (guint c = 0; c < demo->options->n_cohorts; c++)
    if (!make_cohort_with_groups (demo, c, error))
      return FALSE;
  return TRUE;
}

gboolean
miriam_demo_generate (MiriamStore              *store,
                      const MiriamDemoOptions  *options,
                      GError                  **error)
{
  g_autoptr(MiriamStoreSummary) summary = NULL;
  Demo demo = { 0 };
  gboolean ok;

  g_return_val_if_fail (MIRIAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL && g_date_valid (&options->today), FALSE);
  g_return_val_if_fail (options->n_cohorts > 0 && options->groups_per_cohort > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A quick refusal before taking the write lock; generate() checks again
   * inside the transaction, in case a colleague added someone meanwhile. */
  summary = miriam_store_get_summary (store, error);
  if (summary == NULL)
    return FALSE;
  if (summary->n_participants > 0)
    {
      set_not_empty_error (error);
      return FALSE;
    }

  demo.options = options;
  demo.rand = g_rand_new_with_seed (options->seed);
  demo.detail = g_rand_new_with_seed (options->seed ^ 0x2u);
  demo.calendar = g_rand_new_with_seed (options->seed ^ 0x3u);
  demo.progress = g_rand_new_with_seed (options->seed ^ 0x4u);
  demo.closed = g_array_new (FALSE, FALSE, sizeof (GDate));
  g_date_clear (&demo.clash_day, 1);

  ok = miriam_store_write (store, generate, &demo, error);

  g_strfreev (demo.domains);
  g_clear_pointer (&demo.partners, g_ptr_array_unref);
  g_array_unref (demo.closed);
  g_rand_free (demo.progress);
  g_rand_free (demo.calendar);
  g_rand_free (demo.detail);
  g_rand_free (demo.rand);
  return ok;
}
