/* miriam-life-domains-dialog.c: the life domains an OCMW scores
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The method names eleven life domains; an OCMW may leave some out, put
 * them in its own order, and add domains of its own (with a name in each
 * language, as its teams may speak any of the three).  Nothing here ever
 * deletes a domain: switching one off keeps the scores it has, so that
 * earlier measurements and their charts stay whole.  Everything is saved
 * in one transaction.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/miriam-language.h"
#include "core/miriam-progress.h"
#include "core/miriam-vocabulary.h"

#include "miriam-life-domains-dialog.h"

struct _MiriamLifeDomainsDialog
{
  GtkWindow        parent_instance;

  /* Template widgets */
  GtkLabel        *ocmw_label;
  GtkWidget       *form;
  GtkListBox      *domain_list;
  GtkEntry        *nl_entry;
  GtkEntry        *fr_entry;
  GtkEntry        *de_entry;
  GtkLabel        *message_label;
  GtkSpinner      *spinner;
  GtkWidget       *save_button;

  MiriamStore     *store;
  GCancellable    *cancellable;
  gint64           ocmw_id;        /* 0 until loaded */
  gboolean         writable;
  gboolean         busy;
};

G_DEFINE_FINAL_TYPE (MiriamLifeDomainsDialog, miriam_life_domains_dialog, GTK_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---------------------------------------------------------------------- */
/* Small helpers                                                            */

static void
show_message (MiriamLifeDomainsDialog *self,
              const char              *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
set_busy (MiriamLifeDomainsDialog *self,
          gboolean                 busy)
{
  gboolean ready = self->ocmw_id != 0 && self->writable;

  self->busy = busy;
  gtk_widget_set_sensitive (self->form, ready && !busy);
  gtk_widget_set_sensitive (self->save_button, ready && !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static char *
entry_stripped (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static gboolean
is_method_domain (const char *code)
{
  const MiriamTerm *terms;
  guint n;

  terms = miriam_vocabulary_terms (MIRIAM_VOCABULARY_LIFE_DOMAIN, &n);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (terms[i].code, code) == 0)
      return TRUE;
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Rows                                                                     */

static void update_moves (MiriamLifeDomainsDialog *self);

/* The row's domain with the names as typed now. */
static MiriamLifeDomain *
row_domain (GtkWidget *row)
{
  const MiriamLifeDomain *loaded = g_object_get_data (G_OBJECT (row), "domain");
  GtkSwitch *on = g_object_get_data (G_OBJECT (row), "switch");
  GtkEntry **entries = g_object_get_data (G_OBJECT (row), "entries");
  MiriamLifeDomain *domain = miriam_life_domain_copy (loaded);

  domain->active = gtk_switch_get_active (on);
  if (entries != NULL)
    {
      g_free (domain->label_nl);
      g_free (domain->label_fr);
      g_free (domain->label_de);
      domain->label_nl = entry_stripped (entries[0]);
      domain->label_fr = entry_stripped (entries[1]);
      domain->label_de = entry_stripped (entries[2]);
    }
  return domain;
}

static guint
row_index (MiriamLifeDomainsDialog *self,
           GtkWidget               *row)
{
  guint i = 0;

  for (GtkWidget *r = gtk_widget_get_first_child (GTK_WIDGET (self->domain_list)); r != row;
       r = gtk_widget_get_next_sibling (r))
    i++;
  return i;
}

static guint
n_rows (MiriamLifeDomainsDialog *self)
{
  guint n = 0;

  for (GtkWidget *r = gtk_widget_get_first_child (GTK_WIDGET (self->domain_list)); r != NULL;
       r = gtk_widget_get_next_sibling (r))
    n++;
  return n;
}

static void
move_row (MiriamLifeDomainsDialog *self,
          GtkWidget               *button,
          int                      delta)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  int position = (int) row_index (self, row) + delta;

  if (position < 0 || position >= (int) n_rows (self))
    return;
  g_object_ref (row);
  gtk_list_box_remove (self->domain_list, row);
  gtk_list_box_insert (self->domain_list, row, position);
  g_object_unref (row);
  update_moves (self);
  /* The keyboard stays on the same button, so a domain can be moved
   * several places with repeated presses. */
  if (gtk_widget_get_sensitive (button))
    gtk_widget_grab_focus (button);
  else
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), delta < 0 ? "down" : "up"));
}

static void
move_up_cb (GtkButton               *button,
            MiriamLifeDomainsDialog *self)
{
  move_row (self, GTK_WIDGET (button), -1);
}

static void
move_down_cb (GtkButton               *button,
              MiriamLifeDomainsDialog *self)
{
  move_row (self, GTK_WIDGET (button), +1);
}

static void
remove_cb (GtkButton               *button,
           MiriamLifeDomainsDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_remove (self->domain_list, row);
  update_moves (self);
}

static void
update_moves (MiriamLifeDomainsDialog *self)
{
  guint n = n_rows (self), i = 0;

  for (GtkWidget *r = gtk_widget_get_first_child (GTK_WIDGET (self->domain_list)); r != NULL;
       r = gtk_widget_get_next_sibling (r), i++)
    {
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (r), "up"), i > 0);
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (r), "down"), i + 1 < n);
    }
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *accessible)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return button;
}

static GtkWidget *
name_entry (const char *text,
            const char *placeholder,
            const char *accessible)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_max_length (GTK_ENTRY (entry), 100);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return entry;
}

/* A switch, the name (three entries for an own domain: it can be
 * renamed), and buttons to move it. */
static GtkWidget *
domain_row_new (MiriamLifeDomainsDialog *self,
                const MiriamLifeDomain  *domain,
                gboolean                 is_new)
{
  const char *label = miriam_life_domain_label (domain);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *on = gtk_switch_new ();
  /* Translators: the accessible name of the switch that has a life domain scored, e.g. "Score Housing". */
  g_autofree char *on_name = g_strdup_printf (_("Score %s"), label);
  /* Translators: accessible names of the buttons that move a life domain in the list. */
  g_autofree char *up_name = g_strdup_printf (_("Move %s up"), label);
  g_autofree char *down_name = g_strdup_printf (_("Move %s down"), label);
  GtkWidget *up = icon_button ("go-up-symbolic", _("Move Up"), up_name);
  GtkWidget *down = icon_button ("go-down-symbolic", _("Move Down"), down_name);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_switch_set_active (GTK_SWITCH (on), domain->active);
  gtk_widget_set_valign (on, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (on), GTK_ACCESSIBLE_PROPERTY_LABEL, on_name, -1);
  gtk_widget_set_tooltip_text (on, _("Scored at each measurement when on; earlier scores are kept when off"));
  gtk_box_append (GTK_BOX (box), on);

  if (is_method_domain (domain->code))
    {
      GtkWidget *name = gtk_label_new (label);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_box_append (GTK_BOX (box), name);
    }
  else
    {
      GtkEntry **entries = g_new0 (GtkEntry *, 3);

      entries[0] = GTK_ENTRY (name_entry (domain->label_nl, _("Dutch"), _("Name in Dutch")));
      entries[1] = GTK_ENTRY (name_entry (domain->label_fr, _("French"), _("Name in French")));
      entries[2] = GTK_ENTRY (name_entry (domain->label_de, _("German"), _("Name in German")));
      for (guint i = 0; i < 3; i++)
        gtk_box_append (GTK_BOX (box), GTK_WIDGET (entries[i]));
      g_object_set_data_full (G_OBJECT (row), "entries", entries, g_free);
    }

  if (is_new)
    {
      /* Not in the file yet: it may simply go again. */
      GtkWidget *remove = icon_button ("list-remove-symbolic", _("Remove this new life domain"),
                                       _("Remove this new life domain"));

      g_signal_connect (remove, "clicked", G_CALLBACK (remove_cb), self);
      gtk_box_append (GTK_BOX (box), remove);
    }
  g_signal_connect (up, "clicked", G_CALLBACK (move_up_cb), self);
  g_signal_connect (down, "clicked", G_CALLBACK (move_down_cb), self);
  gtk_box_append (GTK_BOX (box), up);
  gtk_box_append (GTK_BOX (box), down);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "domain", miriam_life_domain_copy (domain),
                          (GDestroyNotify) miriam_life_domain_free);
  g_object_set_data (G_OBJECT (row), "switch", on);
  g_object_set_data (G_OBJECT (row), "up", up);
  g_object_set_data (G_OBJECT (row), "down", down);
  return row;
}

static void
fill_list (MiriamLifeDomainsDialog *self,
           GPtrArray               *domains)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->domain_list))) != NULL)
    gtk_list_box_remove (self->domain_list, child);
  for (guint i = 0; i < domains->len; i++)
    gtk_list_box_append (self->domain_list, domain_row_new (self, domains->pdata[i], FALSE));
  update_moves (self);
}

/* Every code in the list, for a new code that must differ from them. */
static GStrv
taken_codes (MiriamLifeDomainsDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const MiriamTerm *terms;
  guint n;

  terms = miriam_vocabulary_terms (MIRIAM_VOCABULARY_LIFE_DOMAIN, &n);
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, terms[i].code);
  for (GtkWidget *r = gtk_widget_get_first_child (GTK_WIDGET (self->domain_list)); r != NULL;
       r = gtk_widget_get_next_sibling (r))
    g_strv_builder_add (builder, ((MiriamLifeDomain *) g_object_get_data (G_OBJECT (r), "domain"))->code);
  return g_strv_builder_end (builder);
}

static void
add_domain_cb (MiriamLifeDomainsDialog *self)
{
  g_autofree char *nl = entry_stripped (self->nl_entry);
  g_autofree char *fr = entry_stripped (self->fr_entry);
  g_autofree char *de = entry_stripped (self->de_entry);
  const char *names[3] = { nl, fr, de };
  const char *base = NULL;
  g_auto(GStrv) taken = NULL;
  g_autofree char *code = NULL;
  g_autoptr(MiriamLifeDomain) domain = NULL;
  GtkWidget *row;
  guint first;

  /* The code is made from the name in the language MIRIAM speaks now,
   * else from any name given. */
  switch (miriam_language_get_current ())
    {
    case MIRIAM_LANGUAGE_FR: first = 1; break;
    case MIRIAM_LANGUAGE_DE: first = 2; break;
    default:                 first = 0; break;
    }
  base = names[first][0] != '\0' ? names[first] : nl[0] != '\0' ? nl : fr[0] != '\0' ? fr : de[0] != '\0' ? de : NULL;
  if (base == NULL)
    {
      show_message (self, _("Type the name of the new life domain in at least one language."));
      gtk_widget_grab_focus (GTK_WIDGET (self->nl_entry));
      return;
    }

  taken = taken_codes (self);
  code = miriam_life_domain_make_code (base, (const char * const *) taken);
  domain = miriam_life_domain_new (code);
  g_free (domain->label_nl);
  g_free (domain->label_fr);
  g_free (domain->label_de);
  domain->label_nl = g_strdup (nl);
  domain->label_fr = g_strdup (fr);
  domain->label_de = g_strdup (de);

  row = domain_row_new (self, domain, TRUE);
  gtk_list_box_append (self->domain_list, row);
  update_moves (self);
  for (GtkEntry **e = (GtkEntry *[]) { self->nl_entry, self->fr_entry, self->de_entry, NULL }; *e != NULL; e++)
    gtk_editable_set_text (GTK_EDITABLE (*e), "");
  show_message (self, NULL);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "switch"));
}

/* The list as it is now, or NULL with the focus on an own domain that
 * lost all its names. */
static GPtrArray *
read_form (MiriamLifeDomainsDialog *self)
{
  g_autoptr(GPtrArray) domains = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_life_domain_free);

  for (GtkWidget *r = gtk_widget_get_first_child (GTK_WIDGET (self->domain_list)); r != NULL;
       r = gtk_widget_get_next_sibling (r))
    {
      MiriamLifeDomain *domain = row_domain (r);
      GtkEntry **entries = g_object_get_data (G_OBJECT (r), "entries");

      g_ptr_array_add (domains, domain);
      if (entries != NULL && domain->label_nl[0] == '\0' && domain->label_fr[0] == '\0'
          && domain->label_de[0] == '\0')
        {
          show_message (self, _("Each life domain of your own needs a name in at least one language."));
          gtk_widget_grab_focus (GTK_WIDGET (entries[0]));
          return NULL;
        }
    }
  return g_steal_pointer (&domains);
}

/* ---------------------------------------------------------------------- */
/* Loading and saving                                                       */

typedef struct {
  MiriamOcmw *ocmw;
  GPtrArray  *domains;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->ocmw, miriam_record_free_func (MIRIAM_RECORD_OCMW));
  g_clear_pointer (&loaded->domains, g_ptr_array_unref);
  g_free (loaded);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data G_GNUC_UNUSED,
             GCancellable *cancellable G_GNUC_UNUSED)
{
  MiriamStore *store = source;
  Loaded *loaded = g_new0 (Loaded, 1);
  GError *error = NULL;

  /* The file's first OCMW; a new, writable file gets one, as for a group. */
  if (miriam_store_get_access (store) == MIRIAM_STORE_WRITABLE)
    loaded->ocmw = miriam_store_ensure_ocmw_record (store, &error);
  else
    {
      g_autoptr(GPtrArray) ocmws = miriam_store_list (store, MIRIAM_RECORD_OCMW, NULL, 0, &error);

      if (ocmws != NULL && ocmws->len > 0)
        loaded->ocmw = miriam_record_copy (MIRIAM_RECORD_OCMW, ocmws->pdata[0]);
    }
  if (error == NULL)
    loaded->domains = miriam_store_list_ocmw_domains (store, loaded->ocmw != NULL ? loaded->ocmw->row.id : 0,
                                                      &error);
  if (error != NULL)
    {
      loaded_free (loaded);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

static void
loaded_cb (GObject      *object G_GNUC_UNUSED,
           GAsyncResult *result,
           gpointer      user_data)
{
  MiriamLifeDomainsDialog *self;
  g_autoptr(GError) error = NULL;
  Loaded *loaded = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = MIRIAM_LIFE_DOMAINS_DIALOG (user_data);
  if (loaded == NULL)
    {
      set_busy (self, FALSE);
      show_message (self, error->message);
      return;
    }
  self->ocmw_id = loaded->ocmw != NULL ? loaded->ocmw->row.id : 0;
  if (loaded->ocmw != NULL)
    {
      /* Translators: the heading of the life domains dialog, e.g. "Life domains of OCMW Gent". */
      g_autofree char *title = g_strdup_printf (_("Life domains of %s"), loaded->ocmw->name);
      gtk_label_set_text (self->ocmw_label, title);
    }
  fill_list (self, loaded->domains);
  loaded_free (loaded);
  set_busy (self, FALSE);
}

typedef struct {
  gint64     ocmw_id;
  GPtrArray *domains;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_ptr_array_unref (request->domains);
  g_free (request);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable G_GNUC_UNUSED)
{
  SaveRequest *request = task_data;
  GError *error = NULL;

  if (miriam_store_save_ocmw_domains (source, request->ocmw_id, request->domains, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
saved_cb (GObject      *object G_GNUC_UNUSED,
          GAsyncResult *result,
          gpointer      user_data)
{
  MiriamLifeDomainsDialog *self;
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = MIRIAM_LIFE_DOMAINS_DIALOG (user_data);
  set_busy (self, FALSE);
  if (!ok)
    {
      /* What was changed stays in the form, to try again. */
      show_message (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_cb (MiriamLifeDomainsDialog *self)
{
  g_autoptr(GTask) task = NULL;
  SaveRequest *request;
  GPtrArray *domains;

  if (self->busy || !self->writable || self->ocmw_id == 0)
    return;
  if ((domains = read_form (self)) == NULL)
    return;

  request = g_new0 (SaveRequest, 1);
  request->ocmw_id = self->ocmw_id;
  request->domains = domains;
  show_message (self, NULL);
  set_busy (self, TRUE);
  task = g_task_new (self->store, self->cancellable, saved_cb, self);
  g_task_set_task_data (task, request, (GDestroyNotify) save_request_free);
  g_task_run_in_thread (task, save_thread);
}

MiriamLifeDomainsDialog *
miriam_life_domains_dialog_new (GtkWindow   *parent,
                                MiriamStore *store)
{
  MiriamLifeDomainsDialog *self;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (MIRIAM_IS_STORE (store), NULL);

  self = g_object_new (MIRIAM_TYPE_LIFE_DOMAINS_DIALOG,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->writable = miriam_store_get_access (store) == MIRIAM_STORE_WRITABLE;
  if (!self->writable)
    show_message (self, _("This database is read-only: you can read the life domains, but not change them."));
  gtk_widget_set_visible (self->save_button, self->writable);

  set_busy (self, TRUE);
  task = g_task_new (store, self->cancellable, loaded_cb, self);
  g_task_run_in_thread (task, load_thread);
  return self;
}

static void
miriam_life_domains_dialog_dispose (GObject *object)
{
  MiriamLifeDomainsDialog *self = MIRIAM_LIFE_DOMAINS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIRIAM_TYPE_LIFE_DOMAINS_DIALOG);
  G_OBJECT_CLASS (miriam_life_domains_dialog_parent_class)->dispose (object);
}

static void
miriam_life_domains_dialog_class_init (MiriamLifeDomainsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = miriam_life_domains_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-life-domains-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MiriamLifeDomainsDialog, ocmw_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamLifeDomainsDialog, form);
  gtk_widget_class_bind_template_child (widget_class, MiriamLifeDomainsDialog, domain_list);
  gtk_widget_class_bind_template_child (widget_class, MiriamLifeDomainsDialog, nl_entry);
  gtk_widget_class_bind_template_child (widget_class, MiriamLifeDomainsDialog, fr_entry);
  gtk_widget_class_bind_template_child (widget_class, MiriamLifeDomainsDialog, de_entry);
  gtk_widget_class_bind_template_child (widget_class, MiriamLifeDomainsDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamLifeDomainsDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, MiriamLifeDomainsDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, add_domain_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
miriam_life_domains_dialog_init (MiriamLifeDomainsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}
