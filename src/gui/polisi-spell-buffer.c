/* polisi-spell-buffer.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The spell checking of one text view, in one language: misspelled words
 * underlined, and a right click that offers suggestions and "Add to
 * Dictionary". The clause editor owns one for each of its text views;
 * disposed, it takes its marks, handlers, menu and gesture away.
 *
 * Checking never makes a keystroke wait. A change only marks its lines for
 * checking. The checking starts a moment after the view is made or last
 * changed (so that a step opens and takes its first keystrokes first) and
 * then runs in slices of at most SLICE_US, at a priority below input and
 * drawing; the views on screen are checked before those scrolled out of
 * sight.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-spell-buffer.h"

#define TAG_NAME "polisi-misspelled"
/* the longest a slice of checking keeps the main loop */
#define SLICE_US 2000
/* how long after a change the checking starts */
#define SETTLE_MS 250
/* the views on screen first; the others after them */
#define PRIORITY_SHOWN G_PRIORITY_LOW
#define PRIORITY_HIDDEN (G_PRIORITY_LOW + 20)

struct _PolisiSpellBuffer
{
  GObject             parent_instance;

  PolisiSpellChecker *checker;
  GtkTextView        *view;        /* unowned: the view's owner owns us, and disposes us first */
  GtkTextBuffer      *buffer;
  PolisiLang          lang;
  GtkTextTag         *tag;
  GtkTextMark        *dirty_start;
  GtkTextMark        *dirty_end;
  gboolean            dirty;
  guint               settle_id;
  guint               idle_id;
  int                 idle_priority;
  char               *word_at_click;
  GtkTextMark        *click_start;
  GtkTextMark        *click_end;
  GSimpleActionGroup *actions;
  GtkEventController *click;
};

G_DEFINE_FINAL_TYPE (PolisiSpellBuffer, polisi_spell_buffer, G_TYPE_OBJECT)

/* Checking -------------------------------------------------------------------- */

typedef struct {
  PolisiSpellBuffer *self;
  GtkTextIter        line_start;
} LineCheck;

static void
check_one_word (const char *line,
                gsize       start,
                gsize       end,
                gpointer    user_data)
{
  LineCheck *check = user_data;
  PolisiSpellBuffer *self = check->self;
  g_autofree char *word = g_strndup (line + start, end - start);

  if (!polisi_spell_checker_check_word (self->checker, self->lang, word))
    {
      GtkTextIter word_start = check->line_start, word_end = check->line_start;

      gtk_text_iter_forward_chars (&word_start, g_utf8_strlen (line, start));
      gtk_text_iter_forward_chars (&word_end, g_utf8_strlen (line, end));
      gtk_text_buffer_apply_tag (self->buffer, self->tag, &word_start, &word_end);
    }
}

static void
check_line (PolisiSpellBuffer *self,
            GtkTextIter       *line_start)
{
  GtkTextIter line_end = *line_start;
  g_autofree char *text = NULL;
  LineCheck check = { self, *line_start };

  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  gtk_text_buffer_remove_tag (self->buffer, self->tag, line_start, &line_end);
  text = gtk_text_buffer_get_text (self->buffer, line_start, &line_end, FALSE);
  polisi_spell_checker_for_each_word (text, self->lang, check_one_word, &check);
}

/* Whether some of the view is in its scrolled window's sight. */
static gboolean
is_shown (PolisiSpellBuffer *self)
{
  GtkWidget *view = GTK_WIDGET (self->view);
  GtkWidget *scroller;
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (view))
    return FALSE;
  scroller = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  if (scroller == NULL || !gtk_widget_compute_bounds (view, scroller, &bounds))
    return TRUE;
  return bounds.origin.y < gtk_widget_get_height (scroller) && bounds.origin.y + bounds.size.height > 0;
}

static gboolean check_slice (gpointer data);

static void
schedule_slice (PolisiSpellBuffer *self,
                int                priority)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  self->idle_priority = priority;
  self->idle_id = g_idle_add_full (priority, check_slice, self, NULL);
}

static gboolean
check_slice (gpointer data)
{
  PolisiSpellBuffer *self = data;
  gint64 until = g_get_monotonic_time () + SLICE_US;
  int priority = is_shown (self) ? PRIORITY_SHOWN : PRIORITY_HIDDEN;
  GtkTextIter start, end;

  /* scrolled into sight or out of it: its turn comes with the others */
  if (priority != self->idle_priority)
    {
      self->idle_id = 0;
      schedule_slice (self, priority);
      return G_SOURCE_REMOVE;
    }

  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->dirty_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &end, self->dirty_end);
  gtk_text_iter_set_line_offset (&start, 0);

  while (gtk_text_iter_compare (&start, &end) <= 0)
    {
      check_line (self, &start);
      if (!gtk_text_iter_forward_line (&start))
        break;
      if (g_get_monotonic_time () >= until)
        {
          gtk_text_buffer_move_mark (self->buffer, self->dirty_start, &start);
          return G_SOURCE_CONTINUE;
        }
    }

  self->dirty = FALSE;
  self->idle_id = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
settled (gpointer data)
{
  PolisiSpellBuffer *self = data;

  self->settle_id = 0;
  schedule_slice (self, is_shown (self) ? PRIORITY_SHOWN : PRIORITY_HIDDEN);
  return G_SOURCE_REMOVE;
}

static void
mark_dirty (PolisiSpellBuffer *self,
            const GtkTextIter *from,
            const GtkTextIter *to)
{
  if (!self->dirty)
    {
      gtk_text_buffer_move_mark (self->buffer, self->dirty_start, from);
      gtk_text_buffer_move_mark (self->buffer, self->dirty_end, to);
      self->dirty = TRUE;
    }
  else
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->dirty_start);
      gtk_text_buffer_get_iter_at_mark (self->buffer, &end, self->dirty_end);
      if (gtk_text_iter_compare (from, &start) < 0)
        gtk_text_buffer_move_mark (self->buffer, self->dirty_start, from);
      if (gtk_text_iter_compare (to, &end) > 0)
        gtk_text_buffer_move_mark (self->buffer, self->dirty_end, to);
    }

  /* typing goes first: the checking waits until the typing pauses */
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SETTLE_MS, settled, self);
}

static void
on_insert_text (GtkTextBuffer     *buffer,
                GtkTextIter       *location,
                const char        *text,
                int                length,
                PolisiSpellBuffer *self)
{
  GtkTextIter start = *location, end = *location;

  /* the iterator points after the new text */
  gtk_text_iter_backward_chars (&start, g_utf8_strlen (text, length));
  mark_dirty (self, &start, &end);
}

static void
on_delete_range (GtkTextBuffer     *buffer,
                 GtkTextIter       *start,
                 GtkTextIter       *end,
                 PolisiSpellBuffer *self)
{
  mark_dirty (self, start, start);
}

/* The context menu ------------------------------------------------------------ */

static void
replace_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  PolisiSpellBuffer *self = user_data;
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->click_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &end, self->click_end);
  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_delete (self->buffer, &start, &end);
  gtk_text_buffer_insert (self->buffer, &start, g_variant_get_string (parameter, NULL), -1);
  gtk_text_buffer_end_user_action (self->buffer);
}

static void
add_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  PolisiSpellBuffer *self = user_data;
  GtkTextIter start, end;

  if (self->word_at_click == NULL)
    return;
  polisi_spell_checker_add_word (self->checker, self->lang, self->word_at_click);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  mark_dirty (self, &start, &end);
}

typedef struct {
  gsize    offset;   /* the clicked character, in bytes */
  gsize    found_start;
  gsize    found_end;
  gboolean found;
} Find;

static void
find_word (const char *line,
           gsize       start,
           gsize       end,
           gpointer    user_data)
{
  Find *find = user_data;

  if (find->offset >= start && find->offset < end)
    {
      find->found = TRUE;
      find->found_start = start;
      find->found_end = end;
    }
}

/* On a right click: the word under the pointer, and the menu for it. */
static void
on_right_click (GtkGestureClick   *gesture,
                int                n_press,
                double             x,
                double             y,
                PolisiSpellBuffer *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) suggestions = g_menu_new ();
  GtkTextIter at, line_start, line_end;
  g_autofree char *line = NULL;
  Find find = { 0 };
  int bx, by;

  g_clear_pointer (&self->word_at_click, g_free);
  gtk_text_view_set_extra_menu (self->view, NULL);

  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->view, &at, bx, by) ||
      !gtk_text_iter_has_tag (&at, self->tag))
    return;

  line_start = at;
  gtk_text_iter_set_line_offset (&line_start, 0);
  line_end = line_start;
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  line = gtk_text_buffer_get_text (self->buffer, &line_start, &line_end, FALSE);
  find.offset = g_utf8_offset_to_pointer (line, gtk_text_iter_get_line_offset (&at)) - line;
  polisi_spell_checker_for_each_word (line, self->lang, find_word, &find);
  if (!find.found)
    return;

  {
    GtkTextIter word_start = line_start, word_end = line_start;
    g_auto(GStrv) words = NULL;

    gtk_text_iter_forward_chars (&word_start, g_utf8_strlen (line, find.found_start));
    gtk_text_iter_forward_chars (&word_end, g_utf8_strlen (line, find.found_end));
    gtk_text_buffer_move_mark (self->buffer, self->click_start, &word_start);
    gtk_text_buffer_move_mark (self->buffer, self->click_end, &word_end);
    self->word_at_click = g_strndup (line + find.found_start, find.found_end - find.found_start);

    words = polisi_spell_checker_suggest (self->checker, self->lang, self->word_at_click);
    for (guint i = 0; words[i] != NULL; i++)
      {
        g_autoptr(GMenuItem) item = g_menu_item_new (words[i], NULL);
        g_menu_item_set_action_and_target_value (item, "spell.replace", g_variant_new_string (words[i]));
        g_menu_append_item (suggestions, item);
      }
    if (words[0] == NULL)
      g_menu_append (suggestions, _("No Suggestions"), "spell.none");
  }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (suggestions));
  g_menu_append (menu, _("_Add to Dictionary"), "spell.add");
  gtk_text_view_set_extra_menu (self->view, G_MENU_MODEL (menu));
}

/* Life cycle -------------------------------------------------------------------- */

static void
polisi_spell_buffer_dispose (GObject *object)
{
  PolisiSpellBuffer *self = (PolisiSpellBuffer *) object;

  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->buffer != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->buffer, self);
      g_clear_object (&self->buffer);
    }
  if (self->view != NULL)
    {
      gtk_widget_insert_action_group (GTK_WIDGET (self->view), "spell", NULL);
      gtk_text_view_set_extra_menu (self->view, NULL);
      if (self->click != NULL)
        gtk_widget_remove_controller (GTK_WIDGET (self->view), self->click);
      self->click = NULL;
      self->view = NULL;
    }
  g_clear_object (&self->actions);
  g_clear_object (&self->checker);

  G_OBJECT_CLASS (polisi_spell_buffer_parent_class)->dispose (object);
}

static void
polisi_spell_buffer_finalize (GObject *object)
{
  PolisiSpellBuffer *self = (PolisiSpellBuffer *) object;

  g_free (self->word_at_click);

  G_OBJECT_CLASS (polisi_spell_buffer_parent_class)->finalize (object);
}

static void
polisi_spell_buffer_class_init (PolisiSpellBufferClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = polisi_spell_buffer_dispose;
  object_class->finalize = polisi_spell_buffer_finalize;
}

static void
polisi_spell_buffer_init (PolisiSpellBuffer *self)
{
}

/**
 * polisi_spell_buffer_new:
 *
 * Checks the text of @view in @lang as it changes, and adds suggestions
 * to its context menu, until the object is disposed (before @view).
 *
 * Returns: (transfer full) (nullable): the checking, or %NULL when
 *   @checker has no dictionary for @lang
 */
PolisiSpellBuffer *
polisi_spell_buffer_new (PolisiSpellChecker *checker,
                         GtkTextView        *view,
                         PolisiLang          lang)
{
  static const GActionEntry entries[] = {
    { "replace", replace_action, "s" },
    { "add", add_action },
    { "none", NULL },
  };
  PolisiSpellBuffer *self;
  GtkTextTag *tag;
  GtkTextIter start, end;

  g_return_val_if_fail (POLISI_IS_SPELL_CHECKER (checker), NULL);
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  if (!polisi_spell_checker_has_language (checker, lang))
    return NULL;

  self = g_object_new (POLISI_TYPE_SPELL_BUFFER, NULL);
  self->checker = g_object_ref (checker);
  self->view = view;
  self->buffer = g_object_ref (gtk_text_view_get_buffer (view));
  self->lang = lang;
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (self->buffer), TAG_NAME);
  self->tag = tag != NULL ? tag : gtk_text_buffer_create_tag (self->buffer, TAG_NAME, "underline", PANGO_UNDERLINE_ERROR, NULL);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  self->dirty_start = gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE);
  self->dirty_end = gtk_text_buffer_create_mark (self->buffer, NULL, &end, FALSE);
  self->click_start = gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE);
  self->click_end = gtk_text_buffer_create_mark (self->buffer, NULL, &start, FALSE);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "none")),
                               FALSE);
  gtk_widget_insert_action_group (GTK_WIDGET (view), "spell", G_ACTION_GROUP (self->actions));

  self->click = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (self->click, GTK_PHASE_CAPTURE);
  g_signal_connect (self->click, "pressed", G_CALLBACK (on_right_click), self);
  gtk_widget_add_controller (GTK_WIDGET (view), self->click);

  g_signal_connect_after (self->buffer, "insert-text", G_CALLBACK (on_insert_text), self);
  g_signal_connect (self->buffer, "delete-range", G_CALLBACK (on_delete_range), self);

  mark_dirty (self, &start, &end);
  return self;
}

/* Whether some text is still waiting to be checked (for tests). */
gboolean
polisi_spell_buffer_is_pending (PolisiSpellBuffer *self)
{
  g_return_val_if_fail (POLISI_IS_SPELL_BUFFER (self), FALSE);
  return self->dirty;
}
