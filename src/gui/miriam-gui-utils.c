/* miriam-gui-utils.c: small helpers shared by the widgets
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "miriam-gui-utils.h"

void
miriam_gui_name_drop_down (GtkDropDown *dropdown,
                           const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

void
miriam_gui_name_expander (GtkExpander *expander)
{
  g_return_if_fail (GTK_IS_EXPANDER (expander));

  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_expander_get_label (expander), -1);
}

void
miriam_gui_fill_checks (GtkFlowBox       *box,
                        MiriamVocabulary  vocabulary,
                        GCallback         on_toggled,
                        gpointer          data)
{
  const MiriamTerm *terms;
  guint n;

  terms = miriam_vocabulary_terms (vocabulary, &n);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (miriam_vocabulary_label (vocabulary, terms[i].code));

      g_object_set_data (G_OBJECT (check), "code", (gpointer) terms[i].code);
      if (on_toggled != NULL)
        g_signal_connect_swapped (check, "toggled", on_toggled, data);
      gtk_flow_box_append (box, check);
    }
}

static GtkCheckButton *
check_at (GtkWidget *child)
{
  return GTK_CHECK_BUTTON (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)));
}

static const char *
check_code (GtkWidget *child)
{
  return g_object_get_data (G_OBJECT (check_at (child)), "code");
}

void
miriam_gui_set_checks (GtkFlowBox *box,
                       const char *codes)
{
  g_auto(GStrv) chosen = g_strsplit (codes != NULL ? codes : "", ",", -1);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_check_button_set_active (check_at (child),
                                 g_strv_contains ((const char * const *) chosen, check_code (child)));
}

static gboolean
has_check (GtkFlowBox *box,
           const char *code)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (check_code (child), code) == 0)
      return TRUE;
  return FALSE;
}

char *
miriam_gui_get_checks (GtkFlowBox *box,
                       const char *kept)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) stored = g_strsplit (kept != NULL ? kept : "", ",", -1);
  g_auto(GStrv) codes = NULL;

  for (char **code = stored; *code != NULL; code++)
    if ((*code)[0] != '\0' && !has_check (box, *code))
      g_strv_builder_add (builder, *code);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_check_button_get_active (check_at (child)))
      g_strv_builder_add (builder, check_code (child));

  codes = g_strv_builder_end (builder);
  return g_strjoinv (",", codes);
}

static gint
compare_partners (gconstpointer a,
                  gconstpointer b)
{
  const MiriamPartner *x = *(const MiriamPartner * const *) a;
  const MiriamPartner *y = *(const MiriamPartner * const *) b;

  return g_utf8_collate (x->name, y->name);
}

void
miriam_gui_sort_partners (GPtrArray *partners)
{
  g_ptr_array_sort (partners, compare_partners);
}

void
miriam_gui_fill_vocabulary (GtkDropDown      *dropdown,
                            MiriamVocabulary  vocabulary)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  const MiriamTerm *terms;
  guint n;

  terms = miriam_vocabulary_terms (vocabulary, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, miriam_vocabulary_label (vocabulary, terms[i].code));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

void
miriam_gui_select_code (GtkDropDown      *dropdown,
                        MiriamVocabulary  vocabulary,
                        const char       *code)
{
  const MiriamTerm *terms;
  guint n;

  terms = miriam_vocabulary_terms (vocabulary, &n);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (terms[i].code, code) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  gtk_drop_down_set_selected (dropdown, 0);
}

const char *
miriam_gui_selected_code (GtkDropDown      *dropdown,
                          MiriamVocabulary  vocabulary)
{
  const MiriamTerm *terms;
  guint n, position = gtk_drop_down_get_selected (dropdown);

  terms = miriam_vocabulary_terms (vocabulary, &n);
  return position < n ? terms[position].code : terms[0].code;
}

/* ---------------------------------------------------------------------- */
/* A form held during a save                                                */

/* After this long a save is no longer quick: the form shows it waits. */
#define FORM_HOLD_GREY_MS 300

typedef struct {
  GtkEventController *keys;
  GtkEventController *clicks;
  GWeakRef            focus;
  guint               grey_id;
  gboolean            was_sensitive;
} FormHold;

static void
form_hold_free (gpointer data)
{
  FormHold *hold = data;

  g_clear_handle_id (&hold->grey_id, g_source_remove);
  g_weak_ref_clear (&hold->focus);
  g_free (hold);
}

static gboolean
swallow_key_cb (GtkEventControllerKey *controller G_GNUC_UNUSED,
                guint                  keyval G_GNUC_UNUSED,
                guint                  keycode G_GNUC_UNUSED,
                GdkModifierType        state G_GNUC_UNUSED,
                gpointer               data G_GNUC_UNUSED)
{
  return GDK_EVENT_STOP;
}

static void
swallow_click_cb (GtkGestureClick *gesture,
                  int              n_press G_GNUC_UNUSED,
                  double           x G_GNUC_UNUSED,
                  double           y G_GNUC_UNUSED,
                  gpointer         data G_GNUC_UNUSED)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
form_grey_cb (gpointer data)
{
  GtkWidget *form = data;
  FormHold *hold = g_object_get_data (G_OBJECT (form), "miriam-form-hold");

  hold->grey_id = 0;
  gtk_widget_set_sensitive (form, FALSE);
  return G_SOURCE_REMOVE;
}

void
miriam_gui_form_hold (GtkWidget *form)
{
  GtkRoot *root = gtk_widget_get_root (form);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  FormHold *hold;

  g_return_if_fail (GTK_IS_WIDGET (form));

  if (g_object_get_data (G_OBJECT (form), "miriam-form-hold") != NULL)
    return;

  hold = g_new0 (FormHold, 1);
  hold->was_sensitive = gtk_widget_get_sensitive (form);
  g_weak_ref_init (&hold->focus, focus != NULL && gtk_widget_is_ancestor (focus, form) ? focus : NULL);

  /* Captured on the way down, before any field sees them. */
  hold->keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (hold->keys, GTK_PHASE_CAPTURE);
  g_signal_connect (hold->keys, "key-pressed", G_CALLBACK (swallow_key_cb), NULL);
  gtk_widget_add_controller (form, hold->keys);

  hold->clicks = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_event_controller_set_propagation_phase (hold->clicks, GTK_PHASE_CAPTURE);
  g_signal_connect (hold->clicks, "pressed", G_CALLBACK (swallow_click_cb), NULL);
  gtk_widget_add_controller (form, hold->clicks);

  hold->grey_id = g_timeout_add (FORM_HOLD_GREY_MS, form_grey_cb, form);
  g_object_set_data_full (G_OBJECT (form), "miriam-form-hold", hold, form_hold_free);
}

void
miriam_gui_form_release (GtkWidget *form)
{
  FormHold *hold;
  g_autoptr(GtkWidget) focus = NULL;

  g_return_if_fail (GTK_IS_WIDGET (form));

  hold = g_object_get_data (G_OBJECT (form), "miriam-form-hold");
  if (hold == NULL)
    return;

  gtk_widget_remove_controller (form, hold->keys);
  gtk_widget_remove_controller (form, hold->clicks);
  focus = g_weak_ref_get (&hold->focus);
  gtk_widget_set_sensitive (form, hold->was_sensitive);
  g_object_set_data (G_OBJECT (form), "miriam-form-hold", NULL);

  if (focus != NULL && gtk_widget_get_mapped (focus))
    gtk_widget_grab_focus (focus);
}
