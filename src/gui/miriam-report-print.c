/* miriam-report-print.c: progress reports on paper, with a preview
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every page is miriam_report_draw_page()'s, as in the PDF export, so
 * paper and file look the same.  The report is laid out when printing
 * begins, once the print dialog has said portrait or landscape.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "miriam-gui-utils.h"
#include "miriam-report-print.h"

/* The preview shows A4 at this share of its size in points. */
#define PREVIEW_SCALE 0.9

struct _MiriamReportPrint
{
  GtkPrintOperation    parent_instance;

  MiriamReportData    *data;
  MiriamReportOptions  options;
  MiriamReport        *report;          /* laid out by begin-print */
  GtkDropDown         *names_dropdown;  /* the "Report" tab, while the dialog is open */
  GtkWindow           *parent;          /* weak */
};

G_DEFINE_FINAL_TYPE (MiriamReportPrint, miriam_report_print, GTK_TYPE_PRINT_OPERATION)

static GtkPageSetup *
a4_page_setup (gboolean landscape)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                   : GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

static gboolean
is_landscape (GtkPageSetup *setup)
{
  GtkPageOrientation orientation = gtk_page_setup_get_orientation (setup);

  return orientation == GTK_PAGE_ORIENTATION_LANDSCAPE
         || orientation == GTK_PAGE_ORIENTATION_REVERSE_LANDSCAPE;
}

/* ---------------------------------------------------------------------- */
/* Printing                                                                 */

static void
miriam_report_print_begin_print (GtkPrintOperation *operation,
                                 GtkPrintContext   *context)
{
  MiriamReportPrint *self = MIRIAM_REPORT_PRINT (operation);
  guint n_pages;

  /* The orientation chosen in the dialog lays the report out. */
  self->options.landscape = is_landscape (gtk_print_context_get_page_setup (context));
  g_clear_pointer (&self->report, miriam_report_free);
  self->report = miriam_report_data_build (self->data, &self->options);
  n_pages = self->report != NULL ? miriam_report_n_pages (self->report) : 0;

  if (n_pages == 0)
    gtk_print_operation_cancel (operation);
  else
    gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
miriam_report_print_draw_page (GtkPrintOperation *operation,
                               GtkPrintContext   *context,
                               int                page_nr)
{
  MiriamReportPrint *self = MIRIAM_REPORT_PRINT (operation);

  if (self->report == NULL || page_nr < 0)
    return;
  miriam_report_draw_page (self->report, gtk_print_context_get_cairo_context (context), (guint) page_nr,
                           gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

static void
show_error (GtkWindow  *parent,
            const char *message)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   "%s", _("The report could not be printed"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
miriam_report_print_done (GtkPrintOperation       *operation,
                          GtkPrintOperationResult  result)
{
  MiriamReportPrint *self = MIRIAM_REPORT_PRINT (operation);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (self->parent, error != NULL ? error->message : "");
    }
}

/* ---------------------------------------------------------------------- */
/* The "Report" tab of the print dialog                                     */

static GtkWidget *
miriam_report_print_create_custom_widget (GtkPrintOperation *operation)
{
  MiriamReportPrint *self = MIRIAM_REPORT_PRINT (operation);
  const char *choices[] = { N_("Full names"), N_("Initials only"), N_("Numbers instead of names"), NULL };
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Names"));
  GtkWidget *note = gtk_label_new (_("Paper can travel further than intended. For anyone outside the team, "
                                     "choose initials or numbers."));

  for (guint i = 0; choices[i] != NULL; i++)
    gtk_string_list_append (names, _(choices[i]));
  self->names_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
  gtk_drop_down_set_selected (self->names_dropdown, (guint) self->options.pseudonym);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->names_dropdown));
  miriam_gui_name_drop_down (self->names_dropdown, _("Names"));
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->names_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_xalign (GTK_LABEL (note), 0.0);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (note), 50);
  gtk_widget_add_css_class (note, "dim-label");

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  g_object_set (grid, "margin-start", 18, "margin-end", 18, "margin-top", 18, "margin-bottom", 18, NULL);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->names_dropdown), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), note, 0, 1, 2, 1);
  return grid;
}

static void
miriam_report_print_custom_widget_apply (GtkPrintOperation *operation,
                                         GtkWidget         *widget G_GNUC_UNUSED)
{
  MiriamReportPrint *self = MIRIAM_REPORT_PRINT (operation);

  if (self->names_dropdown == NULL)
    return;
  switch (gtk_drop_down_get_selected (self->names_dropdown))
    {
    case 1:
      self->options.pseudonym = MIRIAM_PSEUDONYM_INITIALS;
      break;
    case 2:
      self->options.pseudonym = MIRIAM_PSEUDONYM_NUMBER;
      break;
    default:
      self->options.pseudonym = MIRIAM_PSEUDONYM_NONE;
      break;
    }
  self->names_dropdown = NULL;
}

/* ---------------------------------------------------------------------- */
/* Preview                                                                  */

static void
draw_preview_page (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width G_GNUC_UNUSED,
                   int             height G_GNUC_UNUSED,
                   gpointer        user_data)
{
  MiriamReportPrint *self = user_data;
  guint page = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "page"));
  double page_width, page_height;

  cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  cairo_paint (cr);
  if (self->report == NULL)
    return;
  miriam_report_page_size (self->report, &page_width, &page_height);
  cairo_scale (cr, PREVIEW_SCALE, PREVIEW_SCALE);
  miriam_report_draw_page (self->report, cr, page, page_width, page_height);
}

static void
print_from_preview_cb (GtkWindow *window)
{
  MiriamReportPrint *self = g_object_get_data (G_OBJECT (window), "operation");
  g_autoptr(MiriamReportPrint) print = NULL;
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  int current_page = -1;

  g_object_get (self, "current-page", &current_page, NULL);
  print = miriam_report_print_new (self->data, &self->options, current_page);

  if (settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (print), settings);
  miriam_report_print_run (print, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, self->parent);
  gtk_window_close (window);
}

static void
preview_destroyed_cb (GtkPrintOperationPreview *preview)
{
  gtk_print_operation_preview_end_preview (preview);
}

static GtkWidget *
preview_pages (MiriamReportPrint *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  guint n_pages = miriam_report_n_pages (self->report);
  double page_width, page_height;

  miriam_report_page_size (self->report, &page_width, &page_height);
  g_object_set (box, "margin-start", 24, "margin-end", 24, "margin-top", 24, "margin-bottom", 24,
                "halign", GTK_ALIGN_CENTER, NULL);
  for (guint i = 0; i < n_pages; i++)
    {
      GtkWidget *area = g_object_new (GTK_TYPE_DRAWING_AREA, "accessible-role", GTK_ACCESSIBLE_ROLE_IMG, NULL);
      g_autofree char *name = g_strdup_printf (_("Page %u of %u"), i + 1, n_pages);

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), (int) (page_width * PREVIEW_SCALE));
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), (int) (page_height * PREVIEW_SCALE));
      g_object_set_data (G_OBJECT (area), "page", GUINT_TO_POINTER (i));
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_preview_page, self, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_add_css_class (area, "frame");
      gtk_box_append (GTK_BOX (box), area);
    }
  return box;
}

/* Built in code: a plain window around the pages, no class of its own. */
static void
preview_ready_cb (GtkPrintOperationPreview *preview,
                  GtkPrintContext          *context G_GNUC_UNUSED,
                  MiriamReportPrint        *self)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *close = gtk_button_new_with_label (_("Close"));
  GtkWidget *print = gtk_button_new_with_label (_("Print…"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  double page_width, page_height;

  /* A whole page across, portrait or landscape, and a page and a bit
   * down, so that it is clear there are more. */
  miriam_report_page_size (self->report, &page_width, &page_height);
  gtk_window_set_title (GTK_WINDOW (window), _("Print Preview"));
  gtk_window_set_transient_for (GTK_WINDOW (window), self->parent);
  gtk_window_set_default_size (GTK_WINDOW (window), (int) (page_width * PREVIEW_SCALE) + 80,
                               MIN ((int) (page_height * PREVIEW_SCALE) + 160, 900));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  gtk_widget_add_css_class (print, "suggested-action");
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), close);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), print);
  gtk_window_set_titlebar (GTK_WINDOW (window), header);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), preview_pages (self));
  gtk_window_set_child (GTK_WINDOW (window), scrolled);

  /* The window keeps the operation (and its laid-out report) alive. */
  g_object_set_data_full (G_OBJECT (window), "operation", g_object_ref (self), g_object_unref);
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (gtk_window_close), window);
  g_signal_connect_swapped (print, "clicked", G_CALLBACK (print_from_preview_cb), window);
  g_signal_connect_object (window, "destroy", G_CALLBACK (preview_destroyed_cb), preview, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static gboolean
miriam_report_print_preview (GtkPrintOperation        *operation,
                             GtkPrintOperationPreview *preview,
                             GtkPrintContext          *context,
                             GtkWindow                *parent)
{
  MiriamReportPrint *self = MIRIAM_REPORT_PRINT (operation);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  /* GTK wants a cairo context to lay out on; the pages themselves are
   * drawn straight into the preview window. */
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  if (parent != NULL)
    g_set_weak_pointer (&self->parent, parent);
  g_signal_connect_object (preview, "ready", G_CALLBACK (preview_ready_cb), self, 0);
  return TRUE;
}

/* ---------------------------------------------------------------------- */

MiriamReportPrint *
miriam_report_print_new (const MiriamReportData    *data,
                         const MiriamReportOptions *options,
                         int                        current_page)
{
  MiriamReportPrint *self;
  g_autoptr(GtkPageSetup) setup = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (MIRIAM_TYPE_REPORT_PRINT, NULL);
  self->data = miriam_report_data_copy (data);
  self->options = *options;
  setup = a4_page_setup (options->landscape);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  if (current_page >= 0)
    gtk_print_operation_set_current_page (GTK_PRINT_OPERATION (self), current_page);
  if (data->group != NULL && data->group->group_name[0] != '\0')
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), data->group->group_name);
  return self;
}

MiriamPseudonym
miriam_report_print_get_pseudonym (MiriamReportPrint *self)
{
  g_return_val_if_fail (MIRIAM_IS_REPORT_PRINT (self), MIRIAM_PSEUDONYM_NONE);
  return self->options.pseudonym;
}

gboolean
miriam_report_print_get_landscape (MiriamReportPrint *self)
{
  g_return_val_if_fail (MIRIAM_IS_REPORT_PRINT (self), FALSE);
  return self->options.landscape;
}

void
miriam_report_print_run (MiriamReportPrint       *self,
                         GtkPrintOperationAction  action,
                         GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MIRIAM_IS_REPORT_PRINT (self));

  g_set_weak_pointer (&self->parent, parent);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (self), action, parent, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (parent, error != NULL ? error->message : "");
}

static void
miriam_report_print_finalize (GObject *object)
{
  MiriamReportPrint *self = MIRIAM_REPORT_PRINT (object);

  g_clear_weak_pointer (&self->parent);
  g_clear_pointer (&self->report, miriam_report_free);
  g_clear_pointer (&self->data, miriam_report_data_free);

  G_OBJECT_CLASS (miriam_report_print_parent_class)->finalize (object);
}

static void
miriam_report_print_class_init (MiriamReportPrintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = miriam_report_print_finalize;

  print_class->begin_print = miriam_report_print_begin_print;
  print_class->draw_page = miriam_report_print_draw_page;
  print_class->done = miriam_report_print_done;
  print_class->create_custom_widget = miriam_report_print_create_custom_widget;
  print_class->custom_widget_apply = miriam_report_print_custom_widget_apply;
  print_class->preview = miriam_report_print_preview;
}

static void
miriam_report_print_init (MiriamReportPrint *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  /* Points over the whole sheet: the report sets its own margins, the
   * same on paper as in the PDF. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  /* Translators: the tab of the print dialog with MIRIAM's own choices */
  gtk_print_operation_set_custom_tab_label (operation, _("Report"));
  gtk_print_operation_set_job_name (operation, _("Progress report"));
}
