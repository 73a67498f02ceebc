/* polisi-preview-page.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page of the preview, drawn by the page layout exactly as it prints and
 * as the PDF holds it, scaled to the width it is given.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-preview-page.h"

struct _PolisiPreviewPage
{
  GtkWidget         parent_instance;

  PolisiPageLayout *layout;
  guint             page;
  gboolean          pending;   /* not drawn yet: new, or out of view */
};

G_DEFINE_FINAL_TYPE (PolisiPreviewPage, polisi_preview_page, GTK_TYPE_WIDGET)

static double
aspect (PolisiPreviewPage *self)
{
  if (self->layout == NULL)
    return POLISI_A4_HEIGHT / POLISI_A4_WIDTH;
  return polisi_page_layout_get_page_height (self->layout) / polisi_page_layout_get_page_width (self->layout);
}

static GtkSizeRequestMode
polisi_preview_page_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
polisi_preview_page_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  PolisiPreviewPage *self = POLISI_PREVIEW_PAGE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 595;
    }
  else
    {
      int width = for_size > 0 ? for_size : 595;
      *minimum = *natural = (int) (width * aspect (self));
    }
}

/**
 * polisi_preview_page_is_in_view:
 *
 * Whether the page is within a screen's height of what its scrolled
 * window shows.
 */
gboolean
polisi_preview_page_is_in_view (PolisiPreviewPage *self)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;
  int height;

  if (scroller == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (self), scroller, &bounds))
    return TRUE;
  height = gtk_widget_get_height (scroller);
  return bounds.origin.y + bounds.size.height >= -height && bounds.origin.y <= 2 * height;
}

gboolean
polisi_preview_page_is_pending (PolisiPreviewPage *self)
{
  return self->pending;
}

static void
polisi_preview_page_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  PolisiPreviewPage *self = POLISI_PREVIEW_PAGE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;
  double scale;

  if (self->layout == NULL || self->page >= polisi_page_layout_get_n_pages (self->layout) || width <= 0)
    return;

  /* A page far out of view is drawn when it scrolls near: a change that
   * moves every page then costs only the pages on screen. */
  self->pending = !polisi_preview_page_is_in_view (self);
  if (self->pending)
    return;

  scale = width / polisi_page_layout_get_page_width (self->layout);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, scale, scale);
  polisi_page_layout_draw_page (self->layout, cr, self->page);
  cairo_destroy (cr);
}

static void
polisi_preview_page_dispose (GObject *object)
{
  PolisiPreviewPage *self = (PolisiPreviewPage *) object;

  g_clear_object (&self->layout);

  G_OBJECT_CLASS (polisi_preview_page_parent_class)->dispose (object);
}

static void
polisi_preview_page_class_init (PolisiPreviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = polisi_preview_page_dispose;
  widget_class->get_request_mode = polisi_preview_page_get_request_mode;
  widget_class->measure = polisi_preview_page_measure;
  widget_class->snapshot = polisi_preview_page_snapshot;
  gtk_widget_class_set_css_name (widget_class, "polisi-preview-page");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
polisi_preview_page_init (PolisiPreviewPage *self)
{
  self->pending = TRUE;
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
}

PolisiPreviewPage *
polisi_preview_page_new (void)
{
  return g_object_new (POLISI_TYPE_PREVIEW_PAGE, NULL);
}

void
polisi_preview_page_set_page (PolisiPreviewPage *self,
                              PolisiPageLayout  *layout,
                              guint              page)
{
  g_autofree char *label = NULL;

  g_return_if_fail (POLISI_IS_PREVIEW_PAGE (self));

  g_set_object (&self->layout, layout);
  self->page = page;
  self->pending = TRUE;
  label = g_strdup_printf (_("Page %u of the preview"), page + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
