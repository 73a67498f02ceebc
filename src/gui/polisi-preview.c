/* polisi-preview.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview shows the policy's pages in the chosen layout, drawn by the
 * same page layout as print and PDF. It follows the policy as the author
 * types without getting in the way: a change only schedules an update at
 * an idle priority, after the keystroke has been handled and drawn; many
 * changes in a row make one update. The page layout reuses the text it
 * laid out before, so an update lays out only what changed, and only the
 * pages whose content changed are drawn again.
 *
 * The preview follows the place being edited: polisi_preview_show_block()
 * (the window calls it for the section of the step shown and the clause
 * whose editor has the focus) scrolls to the page where that block
 * starts, now or once the pages are laid out and placed, and again after
 * an update that moves the block to another page.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-assembler.h"
#include "polisi-preview-page.h"
#include "polisi-preview.h"

struct _PolisiPreview
{
  GtkWidget          parent_instance;

  PolisiPolicy      *policy;
  PolisiLibrary     *library;
  PolisiLayout       layout;
  gboolean           layout_chosen;
  PolisiPageLayout  *page_layout;
  GArray            *signatures;    /* guint, per page */
  guint              update_id;
  guint              deadline_id;
  gulong             changed_id;
  char              *shown_block;   /* what the preview follows, or NULL */
  int                shown_page;    /* its page, or -1 */
  guint              scroll_tick;
  double             scroll_y;      /* where the page followed was */
  guint              stable_frames;
  guint              scroll_frames;

  GtkScrolledWindow *scroller;
  GtkBox            *pages;
};

G_DEFINE_FINAL_TYPE (PolisiPreview, polisi_preview, GTK_TYPE_WIDGET)

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static PolisiLayout
effective_layout (PolisiPreview *self)
{
  PolisiLayout layout = self->layout;

  if (!self->layout_chosen && self->policy != NULL)
    layout = polisi_language_category_get_default_layout (polisi_policy_get_language_category (self->policy));
  /* two separate files preview as the Welsh one */
  if (layout == POLISI_LAYOUT_SEPARATE)
    layout = POLISI_LAYOUT_CY;
  return layout;
}

/**
 * polisi_preview_update_now:
 *
 * Brings the preview up to date at once, instead of at the next idle
 * moment.
 */
void
polisi_preview_update_now (PolisiPreview *self)
{
  g_autoptr(PolisiDocument) document = NULL;
  g_autoptr(PolisiPageLayout) page_layout = NULL;
  PolisiExportOptions options;
  guint n_pages, n_widgets = 0;
  GtkWidget *child;

  g_return_if_fail (POLISI_IS_PREVIEW (self));

  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_handle_id (&self->deadline_id, g_source_remove);
  if (self->policy == NULL)
    return;

  document = polisi_assemble (self->policy, self->library, POLISI_ASSEMBLE_DEFAULT);
  polisi_export_options_init (&options, effective_layout (self));
  page_layout = polisi_page_layout_new (document, &options);
  polisi_page_layout_paginate (page_layout);
  n_pages = polisi_page_layout_get_n_pages (page_layout);

  /* as many page widgets as pages */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->pages)); child != NULL; child = gtk_widget_get_next_sibling (child))
    n_widgets++;
  while (n_widgets < n_pages)
    {
      gtk_box_append (self->pages, GTK_WIDGET (polisi_preview_page_new ()));
      n_widgets++;
    }
  while (n_widgets > n_pages)
    {
      gtk_box_remove (self->pages, gtk_widget_get_last_child (GTK_WIDGET (self->pages)));
      n_widgets--;
    }

  /* only the pages whose content changed are drawn again */
  g_array_set_size (self->signatures, MAX (self->signatures->len, n_pages));
  child = gtk_widget_get_first_child (GTK_WIDGET (self->pages));
  for (guint page = 0; page < n_pages; page++, child = gtk_widget_get_next_sibling (child))
    {
      guint signature = polisi_page_layout_get_page_signature (page_layout, page);

      if (self->page_layout == NULL || page >= polisi_page_layout_get_n_pages (self->page_layout) ||
          g_array_index (self->signatures, guint, page) != signature)
        {
          polisi_preview_page_set_page (POLISI_PREVIEW_PAGE (child), page_layout, page);
          g_array_index (self->signatures, guint, page) = signature;
        }
    }

  g_set_object (&self->page_layout, page_layout);
  /* the block followed moved to another page: follow it */
  if (self->shown_block != NULL &&
      polisi_page_layout_find_block_page (self->page_layout, self->shown_block) != self->shown_page)
    polisi_preview_show_block (self, self->shown_block);
  g_signal_emit (self, signals[UPDATED], 0);
}

static gboolean
update_idle (gpointer data)
{
  PolisiPreview *self = data;

  self->update_id = 0;
  polisi_preview_update_now (self);
  return G_SOURCE_REMOVE;
}

/* Input comes first (G_PRIORITY_DEFAULT), then the frame that shows the
 * keystroke (GDK_PRIORITY_REDRAW, HIGH_IDLE + 20); the preview next, before
 * the text views' background layout (HIGH_IDLE + 25) and lesser idles,
 * which would otherwise hold it back for as long as they run.
 *
 * While GTK draws frame after frame (a widget's transition, a relayout
 * that takes several frames), an idle at that priority never runs: a
 * deadline at the priority of input makes the update run anyway, so the
 * preview is never more than a frame or two behind. */
#define PREVIEW_PRIORITY (G_PRIORITY_HIGH_IDLE + 22)
#define PREVIEW_DEADLINE_MS 25

static gboolean
deadline_timeout (gpointer data)
{
  PolisiPreview *self = data;

  self->deadline_id = 0;
  if (self->update_id != 0)
    {
      g_clear_handle_id (&self->update_id, g_source_remove);
      polisi_preview_update_now (self);
    }
  return G_SOURCE_REMOVE;
}

static void
schedule_update (PolisiPreview *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add_full (PREVIEW_PRIORITY, update_idle, self, NULL);
  if (self->deadline_id == 0)
    self->deadline_id = g_timeout_add_full (G_PRIORITY_DEFAULT, PREVIEW_DEADLINE_MS, deadline_timeout, self, NULL);
}

/* Pages that were out of view when they changed are drawn as they come
 * near. Whether a page is near is for its snapshot to say: when the
 * scroll changes, the pages have not moved yet (they move when the
 * viewport is next allocated), and a page judged here by where it was
 * would stay blank once scrolled to. A pending page out of view costs its
 * snapshot only that test. */
static void
on_scrolled (PolisiPreview *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (polisi_preview_page_is_pending (POLISI_PREVIEW_PAGE (child)))
      gtk_widget_queue_draw (child);
}

static void
polisi_preview_dispose (GObject *object)
{
  PolisiPreview *self = (PolisiPreview *) object;

  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  g_clear_pointer (&self->shown_block, g_free);

  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_handle_id (&self->deadline_id, g_source_remove);
  if (self->policy != NULL)
    g_clear_signal_handler (&self->changed_id, self->policy);
  g_clear_object (&self->policy);
  g_clear_object (&self->library);
  g_clear_object (&self->page_layout);
  g_clear_pointer (&self->signatures, g_array_unref);
  g_clear_pointer ((GtkWidget **) &self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (polisi_preview_parent_class)->dispose (object);
}

static void
polisi_preview_class_init (PolisiPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = polisi_preview_dispose;

  /**
   * PolisiPreview::updated:
   *
   * The preview shows the policy as it is now.
   */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "polisi-preview");
}

static void
polisi_preview_init (PolisiPreview *self)
{
  self->signatures = g_array_new (FALSE, TRUE, sizeof (guint));
  self->layout = POLISI_LAYOUT_COLUMNS;
  self->shown_page = -1;

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (GTK_WIDGET (self->scroller), GTK_WIDGET (self));

  self->pages = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_widget_set_margin_top (GTK_WIDGET (self->pages), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->pages), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self->pages), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->pages), 18);
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->pages));
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (on_scrolled), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview of the printed policy"), -1);
}

PolisiPreview *
polisi_preview_new (void)
{
  return g_object_new (POLISI_TYPE_PREVIEW, NULL);
}

void
polisi_preview_set_policy (PolisiPreview *self,
                           PolisiPolicy  *policy,
                           PolisiLibrary *library)
{
  g_return_if_fail (POLISI_IS_PREVIEW (self));

  if (self->policy != NULL)
    g_clear_signal_handler (&self->changed_id, self->policy);
  g_set_object (&self->policy, policy);
  g_set_object (&self->library, library);
  g_clear_object (&self->page_layout);
  g_array_set_size (self->signatures, 0);

  if (policy != NULL)
    {
      /* every change, whatever its detail: the pages show all of the
       * policy (the comments table, the history, the review date) */
      self->changed_id = g_signal_connect_swapped (policy, "changed", G_CALLBACK (schedule_update), self);
      schedule_update (self);
    }
}

/* Chooses the layout; until then it follows the language category. */
void
polisi_preview_set_layout (PolisiPreview *self,
                           PolisiLayout   layout)
{
  g_return_if_fail (POLISI_IS_PREVIEW (self));

  self->layout = layout;
  self->layout_chosen = TRUE;
  g_array_set_size (self->signatures, 0);
  g_clear_object (&self->page_layout);
  schedule_update (self);
}

PolisiLayout
polisi_preview_get_layout (PolisiPreview *self)
{
  g_return_val_if_fail (POLISI_IS_PREVIEW (self), POLISI_LAYOUT_COLUMNS);
  return effective_layout (self);
}

PolisiPageLayout *
polisi_preview_get_page_layout (PolisiPreview *self)
{
  g_return_val_if_fail (POLISI_IS_PREVIEW (self), NULL);
  return self->page_layout;
}

/* Whether the preview shows every change made so far. */
gboolean
polisi_preview_is_current (PolisiPreview *self)
{
  g_return_val_if_fail (POLISI_IS_PREVIEW (self), FALSE);
  return self->update_id == 0 && self->page_layout != NULL;
}

/* Scrolls to the top of the page followed; FALSE while it is not placed
 * yet. */
static gboolean
scroll_to_page (PolisiPreview *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages));
  graphene_rect_t bounds;

  for (int i = 0; i < self->shown_page && child != NULL; i++)
    child = gtk_widget_get_next_sibling (child);
  if (child == NULL || !gtk_widget_compute_bounds (child, GTK_WIDGET (self->pages), &bounds) ||
      (self->shown_page > 0 && bounds.origin.y <= 0))
    return FALSE;
  if (bounds.origin.y != self->scroll_y)
    {
      self->scroll_y = bounds.origin.y;
      self->stable_frames = 0;
    }
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), bounds.origin.y);
  return TRUE;
}

/* The pages settle over a frame or two (a step shown changes the width
 * the preview has): the scroll follows until the page has stayed put for
 * a few frames. */
#define SETTLED_FRAMES 3
#define MAX_SCROLL_FRAMES 120

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  PolisiPreview *self = POLISI_PREVIEW (widget);

  if (self->shown_page >= 0 && ++self->scroll_frames < MAX_SCROLL_FRAMES &&
      (!scroll_to_page (self) || ++self->stable_frames < SETTLED_FRAMES))
    return G_SOURCE_CONTINUE;
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

/**
 * polisi_preview_show_block:
 * @block_id: (nullable): a clause's or a section's id
 *
 * Follows @block_id: shows the page where it starts, and keeps showing it
 * as the pages change. %NULL follows nothing.
 */
void
polisi_preview_show_block (PolisiPreview *self,
                           const char    *block_id)
{
  g_return_if_fail (POLISI_IS_PREVIEW (self));

  if (block_id != self->shown_block)
    {
      g_free (self->shown_block);
      self->shown_block = g_strdup (block_id);
    }
  if (block_id == NULL || self->page_layout == NULL)
    {
      self->shown_page = -1;
      return;
    }
  self->shown_page = g_strcmp0 (block_id, POLISI_PREVIEW_FIRST_PAGE) == 0 ? 0 :
                     polisi_page_layout_find_block_page (self->page_layout, block_id);
  if (self->shown_page < 0)
    return;
  self->scroll_y = -1;
  self->stable_frames = 0;
  self->scroll_frames = 0;
  scroll_to_page (self);
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick, NULL, NULL);
}

/**
 * polisi_preview_get_shown_page:
 *
 * Returns: the page (from 0) of the block the preview follows, or -1
 */
int
polisi_preview_get_shown_page (PolisiPreview *self)
{
  g_return_val_if_fail (POLISI_IS_PREVIEW (self), -1);
  return self->shown_page;
}

/**
 * polisi_preview_get_top_page:
 *
 * Returns: the page (from 0) at the top of the preview's view, or -1
 */
int
polisi_preview_get_top_page (PolisiPreview *self)
{
  double top;
  int page = 0;

  g_return_val_if_fail (POLISI_IS_PREVIEW (self), -1);

  if (self->page_layout == NULL)
    return -1;
  top = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages)); child != NULL;
       child = gtk_widget_get_next_sibling (child), page++)
    {
      graphene_rect_t bounds;

      if (gtk_widget_compute_bounds (child, GTK_WIDGET (self->pages), &bounds) &&
          top < bounds.origin.y + bounds.size.height)
        return page;
    }
  return -1;
}

void
polisi_preview_scroll_to_block (PolisiPreview *self,
                                const char    *block_id)
{
  GtkWidget *child;
  graphene_rect_t bounds;
  int page;

  g_return_if_fail (POLISI_IS_PREVIEW (self));

  if (self->page_layout == NULL)
    return;
  page = polisi_page_layout_find_block_page (self->page_layout, block_id);
  if (page < 0)
    return;

  child = gtk_widget_get_first_child (GTK_WIDGET (self->pages));
  for (int i = 0; i < page && child != NULL; i++)
    child = gtk_widget_get_next_sibling (child);
  if (child != NULL && gtk_widget_compute_bounds (child, GTK_WIDGET (self->pages), &bounds))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), bounds.origin.y);
}
