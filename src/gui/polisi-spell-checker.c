/* polisi-spell-checker.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spell checking for the clause editors, with enchant: the Welsh text
 * against a Welsh dictionary (aspell-cy, or a Hunspell Welsh dictionary),
 * the English against British English. Misspelled words are underlined;
 * a right click offers suggestions and "Add to Dictionary".
 *
 * Checking never blocks typing: a change only marks its lines for
 * checking, and an idle callback checks a few lines at a time.
 *
 * The words of the clause library itself are all correct (the tests check
 * its Welsh against a Welsh dictionary and a reviewed list): they are added
 * to the session's dictionaries, so that the model text is never marked,
 * whatever dictionary the computer has.
 *
 * Welsh joins words with an apostrophe ("mae'r", "i'w", "a'i"): the parts
 * after an apostrophe that are clitics are not words of their own, so
 * only the word before them is checked. Placeholders ({head_teacher}) and
 * web addresses are never checked.
 */
#include "config.h"

#include <string.h>

#include <enchant.h>
#include <glib/gi18n.h>

#include "polisi-spell-checker.h"

#define TAG_NAME "polisi-misspelled"
#define LINES_PER_IDLE 40

struct _PolisiSpellChecker
{
  GObject        parent_instance;

  EnchantBroker *broker;
  EnchantDict   *dicts[POLISI_N_LANGS];
};

G_DEFINE_FINAL_TYPE (PolisiSpellChecker, polisi_spell_checker, G_TYPE_OBJECT)

static const char *clitics[] = { "r", "n", "w", "i", "m", "th", "u", "ch", "ni", "ti", "y", "ng", "mh", "nh", NULL };

/* Per text view: what is waiting to be checked. */
typedef struct {
  PolisiSpellChecker *checker;   /* strong */
  GtkTextView        *view;      /* unowned: the view owns us */
  PolisiLang          lang;
  GtkTextTag         *tag;
  GtkTextMark        *dirty_start;
  GtkTextMark        *dirty_end;
  guint               idle_id;
  char               *word_at_click;
  GtkTextMark        *click_start;
  GtkTextMark        *click_end;
  GSimpleActionGroup *actions;
} Attachment;

static void
polisi_spell_checker_finalize (GObject *object)
{
  PolisiSpellChecker *self = (PolisiSpellChecker *) object;

  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    if (self->dicts[lang] != NULL)
      enchant_broker_free_dict (self->broker, self->dicts[lang]);
  if (self->broker != NULL)
    enchant_broker_free (self->broker);

  G_OBJECT_CLASS (polisi_spell_checker_parent_class)->finalize (object);
}

static void
polisi_spell_checker_class_init (PolisiSpellCheckerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = polisi_spell_checker_finalize;
}

static EnchantDict *
request (EnchantBroker      *broker,
         const char * const *tags)
{
  for (guint i = 0; tags[i] != NULL; i++)
    if (enchant_broker_dict_exists (broker, tags[i]))
      return enchant_broker_request_dict (broker, tags[i]);
  return NULL;
}

static void
polisi_spell_checker_init (PolisiSpellChecker *self)
{
  static const char *welsh[] = { "cy_GB", "cy", NULL };
  static const char *english[] = { "en_GB", "en", "en_US", NULL };

  self->broker = enchant_broker_init ();
  if (self->broker == NULL)
    return;
  self->dicts[POLISI_LANG_CY] = request (self->broker, welsh);
  self->dicts[POLISI_LANG_EN] = request (self->broker, english);
  if (self->dicts[POLISI_LANG_CY] == NULL)
    g_debug ("No Welsh dictionary: Welsh text is not spell checked");
  if (self->dicts[POLISI_LANG_EN] == NULL)
    g_debug ("No English dictionary: English text is not spell checked");
}

static void for_each_word (const char *line,
                           PolisiLang  lang,
                           void      (*func) (const char *, gsize, gsize, gpointer),
                           gpointer    user_data);

typedef struct {
  PolisiSpellChecker *self;
  PolisiLang          lang;
  GHashTable         *seen;
} SessionWords;

static void
add_session_word (const char *line,
                  gsize       start,
                  gsize       end,
                  gpointer    user_data)
{
  SessionWords *words = user_data;
  g_autofree char *word = g_strndup (line + start, end - start);
  EnchantDict *dict = words->self->dicts[words->lang];

  if (g_hash_table_contains (words->seen, word))
    return;
  if (enchant_dict_check (dict, word, strlen (word)) != 0)
    enchant_dict_add_to_session (dict, word, strlen (word));
  g_hash_table_add (words->seen, g_steal_pointer (&word));
}

static void
add_text (SessionWords *words,
          const char   *text)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    for_each_word (lines[i], words->lang, add_session_word, words);
}

/**
 * polisi_spell_checker_new:
 * @library: (nullable): the clause library, whose words are all correct
 */
PolisiSpellChecker *
polisi_spell_checker_new (PolisiLibrary *library)
{
  PolisiSpellChecker *self = g_object_new (POLISI_TYPE_SPELL_CHECKER, NULL);

  if (library == NULL)
    return self;

  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      SessionWords words = { self, lang, NULL };

      if (self->dicts[lang] == NULL)
        continue;
      words.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint s = 0; s < polisi_library_get_n_sections (library); s++)
        {
          PolisiSection *section = polisi_library_get_section (library, s);

          for (guint c = 0; c < polisi_section_get_n_clauses (section); c++)
            {
              PolisiClause *clause = polisi_section_get_clause (section, c);

              for (guint a = 0; a < polisi_clause_get_n_alternatives (clause); a++)
                add_text (&words, polisi_clause_get_alternative (clause, a)->text[lang]);
            }
        }
      g_hash_table_unref (words.seen);
    }

  return self;
}

gboolean
polisi_spell_checker_has_language (PolisiSpellChecker *self,
                                   PolisiLang          lang)
{
  g_return_val_if_fail (POLISI_IS_SPELL_CHECKER (self), FALSE);
  return self->dicts[lang] != NULL;
}

/* Whether @word is spelled right (or cannot be checked). */
gboolean
polisi_spell_checker_check_word (PolisiSpellChecker *self,
                                 PolisiLang          lang,
                                 const char         *word)
{
  g_return_val_if_fail (POLISI_IS_SPELL_CHECKER (self), TRUE);

  if (self->dicts[lang] == NULL || word == NULL || word[0] == '\0')
    return TRUE;
  return enchant_dict_check (self->dicts[lang], word, strlen (word)) == 0;
}

GStrv
polisi_spell_checker_suggest (PolisiSpellChecker *self,
                              PolisiLang          lang,
                              const char         *word)
{
  GPtrArray *result = g_ptr_array_new ();
  char **suggestions;
  size_t n = 0;

  g_return_val_if_fail (POLISI_IS_SPELL_CHECKER (self), NULL);

  if (self->dicts[lang] != NULL)
    {
      suggestions = enchant_dict_suggest (self->dicts[lang], word, strlen (word), &n);
      for (size_t i = 0; i < n && i < 6; i++)
        g_ptr_array_add (result, g_strdup (suggestions[i]));
      if (suggestions != NULL)
        enchant_dict_free_string_list (self->dicts[lang], suggestions);
    }
  g_ptr_array_add (result, NULL);
  return (GStrv) g_ptr_array_free (result, FALSE);
}

void
polisi_spell_checker_add_word (PolisiSpellChecker *self,
                               PolisiLang          lang,
                               const char         *word)
{
  g_return_if_fail (POLISI_IS_SPELL_CHECKER (self));

  if (self->dicts[lang] != NULL)
    enchant_dict_add (self->dicts[lang], word, strlen (word));
}

/* Words --------------------------------------------------------------------- */

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalpha (c) || c == '\'' || c == 0x2019 || c == '-';
}

static gboolean
is_clitic (const char *start,
           const char *end)
{
  for (guint i = 0; clitics[i] != NULL; i++)
    if ((gsize) (end - start) == strlen (clitics[i]) && g_ascii_strncasecmp (start, clitics[i], end - start) == 0)
      return TRUE;
  return FALSE;
}

/* Calls @func for each word of @line to check: bytes [start, end). */
static void
for_each_word (const char *line,
               PolisiLang  lang,
               void      (*func) (const char *, gsize, gsize, gpointer),
               gpointer    user_data)
{
  const char *p = line;

  while (*p != '\0')
    {
      const char *start, *end;
      gunichar c = g_utf8_get_char (p);

      /* placeholders and addresses are not words */
      if (c == '{')
        {
          const char *close = strchr (p, '}');
          p = close != NULL ? close + 1 : p + 1;
          continue;
        }
      if (g_str_has_prefix (p, "http") || g_str_has_prefix (p, "www."))
        {
          while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          continue;
        }
      if (!g_unichar_isalpha (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      start = p;
      while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      end = p;
      /* no trailing apostrophes or hyphens */
      while (end > start && (end[-1] == '\'' || end[-1] == '-'))
        end--;
      if (end > start + 2 && (guchar) end[-1] == 0x99 && (guchar) end[-2] == 0x80 && (guchar) end[-3] == 0xe2)
        end -= 3;

      if (lang != POLISI_LANG_CY)
        {
          func (line, start - line, end - line, user_data);
          continue;
        }

      /* Welsh: "mae'r" is "mae" and a clitic; each piece between
       * apostrophes that is not a clitic is checked on its own */
      {
        const char *piece = start;
        gboolean several = FALSE;

        for (const char *q = start; q < end; q = g_utf8_next_char (q))
          if (g_utf8_get_char (q) == '\'' || g_utf8_get_char (q) == 0x2019)
            several = TRUE;

        while (piece < end)
          {
            const char *piece_end = piece;

            while (piece_end < end && g_utf8_get_char (piece_end) != '\'' && g_utf8_get_char (piece_end) != 0x2019)
              piece_end = g_utf8_next_char (piece_end);
            if (piece_end > piece && !(several && is_clitic (piece, piece_end)))
              func (line, piece - line, piece_end - line, user_data);
            piece = piece_end < end ? g_utf8_next_char (piece_end) : end;
          }
      }
    }
}

/* Checking a buffer ---------------------------------------------------------- */

typedef struct {
  Attachment  *attachment;
  GtkTextIter  line_start;
} LineCheck;

static void
check_one_word (const char *line,
                gsize       start,
                gsize       end,
                gpointer    user_data)
{
  LineCheck *check = user_data;
  Attachment *attachment = check->attachment;
  g_autofree char *word = g_strndup (line + start, end - start);

  if (!polisi_spell_checker_check_word (attachment->checker, attachment->lang, word))
    {
      GtkTextIter word_start = check->line_start, word_end = check->line_start;

      gtk_text_iter_forward_chars (&word_start, g_utf8_strlen (line, start));
      gtk_text_iter_forward_chars (&word_end, g_utf8_strlen (line, end));
      gtk_text_buffer_apply_tag (gtk_text_view_get_buffer (attachment->view), attachment->tag, &word_start, &word_end);
    }
}

static void
check_line (Attachment  *attachment,
            GtkTextIter *line_start)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (attachment->view);
  GtkTextIter line_end = *line_start;
  g_autofree char *text = NULL;
  LineCheck check = { attachment, *line_start };

  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  gtk_text_buffer_remove_tag (buffer, attachment->tag, line_start, &line_end);
  text = gtk_text_buffer_get_text (buffer, line_start, &line_end, FALSE);
  for_each_word (text, attachment->lang, check_one_word, &check);
}

static gboolean
check_idle (gpointer data)
{
  Attachment *attachment = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (attachment->view);
  GtkTextIter start, end;
  guint lines = 0;

  gtk_text_buffer_get_iter_at_mark (buffer, &start, attachment->dirty_start);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, attachment->dirty_end);
  gtk_text_iter_set_line_offset (&start, 0);

  while (gtk_text_iter_compare (&start, &end) <= 0 && lines < LINES_PER_IDLE)
    {
      check_line (attachment, &start);
      lines++;
      if (!gtk_text_iter_forward_line (&start))
        {
          gtk_text_buffer_move_mark (buffer, attachment->dirty_start, &end);
          attachment->idle_id = 0;
          return G_SOURCE_REMOVE;
        }
    }

  gtk_text_buffer_move_mark (buffer, attachment->dirty_start, &start);
  if (gtk_text_iter_compare (&start, &end) > 0)
    {
      attachment->idle_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
mark_dirty (Attachment        *attachment,
            const GtkTextIter *from,
            const GtkTextIter *to)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (attachment->view);

  if (attachment->idle_id == 0)
    {
      gtk_text_buffer_move_mark (buffer, attachment->dirty_start, from);
      gtk_text_buffer_move_mark (buffer, attachment->dirty_end, to);
      attachment->idle_id = g_idle_add_full (G_PRIORITY_LOW, check_idle, attachment, NULL);
    }
  else
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_mark (buffer, &start, attachment->dirty_start);
      gtk_text_buffer_get_iter_at_mark (buffer, &end, attachment->dirty_end);
      if (gtk_text_iter_compare (from, &start) < 0)
        gtk_text_buffer_move_mark (buffer, attachment->dirty_start, from);
      if (gtk_text_iter_compare (to, &end) > 0)
        gtk_text_buffer_move_mark (buffer, attachment->dirty_end, to);
    }
}

static void
on_insert_text (GtkTextBuffer *buffer,
                GtkTextIter   *location,
                const char    *text,
                int            length,
                Attachment    *attachment)
{
  GtkTextIter start = *location, end = *location;

  /* the iterator points after the new text */
  gtk_text_iter_backward_chars (&start, g_utf8_strlen (text, length));
  mark_dirty (attachment, &start, &end);
}

static void
on_delete_range (GtkTextBuffer *buffer,
                 GtkTextIter   *start,
                 GtkTextIter   *end,
                 Attachment    *attachment)
{
  mark_dirty (attachment, start, start);
}

/* The context menu ------------------------------------------------------------ */

static void
replace_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  Attachment *attachment = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (attachment->view);
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_mark (buffer, &start, attachment->click_start);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, attachment->click_end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, g_variant_get_string (parameter, NULL), -1);
  gtk_text_buffer_end_user_action (buffer);
}

static void
add_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  Attachment *attachment = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (attachment->view);
  GtkTextIter start, end;

  if (attachment->word_at_click == NULL)
    return;
  polisi_spell_checker_add_word (attachment->checker, attachment->lang, attachment->word_at_click);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  mark_dirty (attachment, &start, &end);
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
on_right_click (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                Attachment      *attachment)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (attachment->view);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) suggestions = g_menu_new ();
  GtkTextIter at, line_start, line_end;
  g_autofree char *line = NULL;
  Find find = { 0 };
  int bx, by;

  g_clear_pointer (&attachment->word_at_click, g_free);
  gtk_text_view_set_extra_menu (attachment->view, NULL);

  gtk_text_view_window_to_buffer_coords (attachment->view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (attachment->view, &at, bx, by) ||
      !gtk_text_iter_has_tag (&at, attachment->tag))
    return;

  line_start = at;
  gtk_text_iter_set_line_offset (&line_start, 0);
  line_end = line_start;
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  line = gtk_text_buffer_get_text (buffer, &line_start, &line_end, FALSE);
  find.offset = g_utf8_offset_to_pointer (line, gtk_text_iter_get_line_offset (&at)) - line;
  for_each_word (line, attachment->lang, find_word, &find);
  if (!find.found)
    return;

  {
    GtkTextIter word_start = line_start, word_end = line_start;
    g_auto(GStrv) words = NULL;

    gtk_text_iter_forward_chars (&word_start, g_utf8_strlen (line, find.found_start));
    gtk_text_iter_forward_chars (&word_end, g_utf8_strlen (line, find.found_end));
    gtk_text_buffer_move_mark (buffer, attachment->click_start, &word_start);
    gtk_text_buffer_move_mark (buffer, attachment->click_end, &word_end);
    attachment->word_at_click = g_strndup (line + find.found_start, find.found_end - find.found_start);

    words = polisi_spell_checker_suggest (attachment->checker, attachment->lang, attachment->word_at_click);
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
  gtk_text_view_set_extra_menu (attachment->view, G_MENU_MODEL (menu));
}

static void
attachment_free (gpointer data)
{
  Attachment *attachment = data;

  g_clear_handle_id (&attachment->idle_id, g_source_remove);
  g_clear_object (&attachment->checker);
  g_clear_object (&attachment->actions);
  g_free (attachment->word_at_click);
  g_free (attachment);
}

/**
 * polisi_spell_checker_attach:
 *
 * Checks the text of @view in @lang as it changes, and adds suggestions
 * to its context menu.
 */
void
polisi_spell_checker_attach (PolisiSpellChecker *self,
                             GtkTextView        *view,
                             PolisiLang          lang)
{
  static const GActionEntry entries[] = {
    { "replace", replace_action, "s" },
    { "add", add_action },
    { "none", NULL },
  };
  GtkTextBuffer *buffer;
  Attachment *attachment;
  GtkGesture *click;
  GtkTextIter start, end;

  g_return_if_fail (POLISI_IS_SPELL_CHECKER (self));
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  if (!polisi_spell_checker_has_language (self, lang))
    return;

  buffer = gtk_text_view_get_buffer (view);
  attachment = g_new0 (Attachment, 1);
  attachment->checker = g_object_ref (self);
  attachment->view = view;
  attachment->lang = lang;
  attachment->tag = gtk_text_buffer_create_tag (buffer, TAG_NAME,
                                                "underline", PANGO_UNDERLINE_ERROR,
                                                NULL);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  attachment->dirty_start = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);
  attachment->dirty_end = gtk_text_buffer_create_mark (buffer, NULL, &end, FALSE);
  attachment->click_start = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);
  attachment->click_end = gtk_text_buffer_create_mark (buffer, NULL, &start, FALSE);
  /* the attachment lives as long as the buffer, whose signals it takes */
  g_object_set_data_full (G_OBJECT (buffer), "polisi-spell", attachment, attachment_free);

  attachment->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (attachment->actions), entries, G_N_ELEMENTS (entries), attachment);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (attachment->actions), "none")),
                               FALSE);
  gtk_widget_insert_action_group (GTK_WIDGET (view), "spell", G_ACTION_GROUP (attachment->actions));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_right_click), attachment);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_after (buffer, "insert-text", G_CALLBACK (on_insert_text), attachment);
  g_signal_connect (buffer, "delete-range", G_CALLBACK (on_delete_range), attachment);

  mark_dirty (attachment, &start, &end);
}

/* For tests: whether some text of @view is still waiting to be checked. */
gboolean
polisi_spell_checker_is_pending (GtkTextView *view)
{
  Attachment *attachment = g_object_get_data (G_OBJECT (gtk_text_view_get_buffer (view)), "polisi-spell");

  return attachment != NULL && attachment->idle_id != 0;
}
