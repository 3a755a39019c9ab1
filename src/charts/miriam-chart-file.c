/* miriam-chart-file.c: charts and reports into PNG, SVG and PDF files
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "charts/miriam-chart-file.h"
#include "charts/miriam-chart-style.h"

/* PNG files are drawn at twice their size in points, so that they stay
 * sharp when pasted into a document and printed. */
#define PNG_SCALE 2.0

typedef struct {
  GOutputStream *out;
  GError        *error;
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->out, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* A new file beside @target with a name nobody uses: ".report.pdf.1a2b3c4d.part". */
static GFileOutputStream *
create_temporary (GFile   *target,
                  GFile  **temporary,
                  GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (target);
  g_autofree char *base = g_file_get_basename (target);

  if (parent == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, _("This is not a file name"));
      return NULL;
    }
  for (guint attempt = 0; attempt < 64; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());
      g_autoptr(GFile) file = g_file_get_child (parent, name);
      g_autoptr(GError) local = NULL;
      GFileOutputStream *out = g_file_create (file, G_FILE_CREATE_NONE, NULL, &local);

      if (out != NULL)
        {
          *temporary = g_steal_pointer (&file);
          return out;
        }
      if (!g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("No free temporary file name in this folder"));
  return NULL;
}

static cairo_status_t
paint_vector (MiriamChartFormat   format,
              Sink               *sink,
              double              width,
              double              height,
              const char         *title,
              MiriamChartPainter  paint,
              gpointer            user_data)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (format == MIRIAM_CHART_FORMAT_PDF)
    {
      surface = cairo_pdf_surface_create_for_stream (sink_write, sink, width, height);
      /* No names in the metadata: a pseudonymised report must not carry
       * them where nobody looks. */
      if (title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);
    }
  else
    {
      surface = cairo_svg_surface_create_for_stream (sink_write, sink, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
    }
  cr = cairo_create (surface);
  if (format == MIRIAM_CHART_FORMAT_SVG)
    miriam_chart_paint_white (cr, width, height);
  paint (cr, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

static cairo_status_t
paint_png (Sink               *sink,
           double              width,
           double              height,
           MiriamChartPainter  paint,
           gpointer            user_data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) ceil (width * PNG_SCALE),
                                                         (int) ceil (height * PNG_SCALE));
  cairo_status_t status;
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, PNG_SCALE, PNG_SCALE);
  miriam_chart_paint_white (cr, width, height);
  paint (cr, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, sink_write, sink);
  cairo_surface_destroy (surface);
  return status;
}

gboolean
miriam_chart_file_write (const char         *path,
                         MiriamChartFormat   format,
                         double              width,
                         double              height,
                         const char         *title,
                         MiriamChartPainter  paint,
                         gpointer            user_data,
                         GError            **error)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) temporary = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *shown = NULL;
  Sink sink = { NULL, NULL };
  cairo_status_t status;

  g_return_val_if_fail (path != NULL && paint != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  target = g_file_new_for_path (path);
  shown = g_filename_display_basename (path);
  out = create_temporary (target, &temporary, &local);
  if (out == NULL)
    goto failed;

  sink.out = G_OUTPUT_STREAM (out);
  if (format == MIRIAM_CHART_FORMAT_PNG)
    status = paint_png (&sink, width, height, paint, user_data);
  else
    status = paint_vector (format, &sink, width, height, title, paint, user_data);
  if (sink.error != NULL)
    {
      local = g_steal_pointer (&sink.error);
      goto failed;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (&local, G_IO_ERROR, G_IO_ERROR_FAILED, _("The drawing could not be completed"));
      goto failed;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &local))
    goto failed;
  /* A rename within the folder: the target is either the old file or
   * the whole new one, never a half-written one. */
  if (!g_file_move (temporary, target, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                    NULL, NULL, NULL, &local))
    goto failed;
  return TRUE;

failed:
  if (out != NULL)
    g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
  if (temporary != NULL)
    g_file_delete (temporary, NULL, NULL);
  /* TRANSLATORS: the first %s is a file name, the second the reason. */
  g_set_error (error, G_IO_ERROR, local->domain == G_IO_ERROR ? local->code : G_IO_ERROR_FAILED,
               _("Could not save “%s”: %s"), shown, local->message);
  return FALSE;
}

/* ---- One chart ---- */

typedef struct {
  MiriamChartKind            kind;
  const MiriamChartOptions  *options;
  const MiriamProgressGroup *group;
  guint                      participant;
  GPtrArray                 *cohorts;
} ChartJob;

static void
paint_inset (cairo_t                  *cr,
             const ChartJob           *job,
             const MiriamChartOptions *options)
{
  switch (job->kind)
    {
    case MIRIAM_CHART_RADAR:
      miriam_chart_radar (cr, options, job->group, job->participant);
      break;
    case MIRIAM_CHART_CHANGE_BARS:
      miriam_chart_change_bars (cr, options, job->group, job->participant);
      break;
    case MIRIAM_CHART_GROUP_DOMAINS:
      miriam_chart_group_domains (cr, options, job->group);
      break;
    case MIRIAM_CHART_GROUP_HEADLINE:
      miriam_chart_group_headline (cr, options, job->group);
      break;
    case MIRIAM_CHART_ATTENDANCE:
      miriam_chart_attendance (cr, options, job->group);
      break;
    case MIRIAM_CHART_COHORTS:
    default:
      miriam_chart_cohorts (cr, options, job->cohorts);
      break;
    }
}

static void
paint_chart (cairo_t  *cr,
             gpointer  user_data)
{
  const ChartJob *job = user_data;
  MiriamChartOptions inset = *job->options;
  double margin = MIN (inset.width, inset.height) * 0.04;

  /* A chart fills its rectangle to the edge; a file gets a white border
   * so that it can be pasted into a document as it is. */
  inset.width -= 2 * margin;
  inset.height -= 2 * margin;
  cairo_save (cr);
  cairo_translate (cr, margin, margin);
  paint_inset (cr, job, &inset);
  cairo_restore (cr);
}

gboolean
miriam_chart_write (MiriamChartKind            kind,
                    MiriamChartFormat          format,
                    const MiriamChartOptions  *options,
                    const MiriamProgressGroup *group,
                    guint                      participant,
                    GPtrArray                 *cohorts,
                    const char                *path,
                    GError                   **error)
{
  MiriamChartOptions sized;
  ChartJob job = { kind, &sized, group, participant, cohorts };

  g_return_val_if_fail (options != NULL && path != NULL, FALSE);
  g_return_val_if_fail (kind == MIRIAM_CHART_COHORTS || group != NULL, FALSE);

  /* A chart without a size gets a page-friendly one (points). */
  sized = *options;
  if (sized.width <= 0 || sized.height <= 0)
    {
      sized.width = 640;
      sized.height = 480;
    }
  return miriam_chart_file_write (path, format, sized.width, sized.height, _("Progress chart"),
                                  paint_chart, &job, error);
}
