/* polisi-clause-editor.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor shows a clause of the library and edits what the policy says
 * about it (a PolisiClauseState). Typing goes straight to the model; the
 * model's own changes (another wording chosen) come back to the text views.
 * Editing one language marks the other as needing an update, which shows
 * under that language with a button to mark it as checked.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-checker.h"
#include "polisi-clause-editor.h"
#include "polisi-clause-title-editor.h"
#include "polisi-section.h"
#include "polisi-spell-buffer.h"
#include "polisi-text.h"

typedef struct {
  GtkTextView   *view;
  GtkTextBuffer *buffer;
  gulong         changed_id;
  GtkRevealer   *update_revealer;
  GtkLabel      *update_label;
  GtkWidget     *mark_button;
  PolisiSpellBuffer *spell;
} LanguagePane;

struct _PolisiClauseEditor
{
  GtkWidget          parent_instance;

  PolisiClause      *clause;
  PolisiClauseState *state;
  PolisiLibrary     *library;
  PolisiLang         ui;       /* the context's interface language */
  LanguagePane       panes[POLISI_N_LANGS];
  gulong             include_id;
  gulong             alternative_id;
  gboolean           typing;      /* the model is taking what was typed here */
  guint              note_id;     /* the note that the other language needs an update, waiting */

  GtkWidget         *card;
  GtkLabel          *title_label;
  GtkLabel          *kind_label;
  GtkSwitch         *include_switch;
  GtkWidget         *alternative_box;
  GtkDropDown       *alternative_dropdown;
  GtkExpander       *guidance_expander;
  GtkLabel          *guidance_label;
  GtkLabel          *sources_label;
  GtkExpander       *text_expander;
  GtkFlowBox        *languages_box;
};

G_DEFINE_FINAL_TYPE (PolisiClauseEditor, polisi_clause_editor, GTK_TYPE_WIDGET)

static void
sync_texts (PolisiClauseEditor *self)
{
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      LanguagePane *pane = &self->panes[lang];
      const char *text = polisi_clause_state_get_text (self->state, lang);
      g_autofree char *current = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (pane->buffer, &start, &end);
      current = gtk_text_buffer_get_text (pane->buffer, &start, &end, FALSE);
      /* The model keeps text in its canonical form; rewriting the buffer
       * while someone types would move the cursor, so only a real change
       * comes back. */
      if (!polisi_text_equal (current, text))
        {
          g_signal_handler_block (pane->buffer, pane->changed_id);
          gtk_text_buffer_set_text (pane->buffer, text, -1);
          g_signal_handler_unblock (pane->buffer, pane->changed_id);
        }
    }
}

/* A crossfading revealer keeps its child's room while hidden: hidden, it
 * goes, so that a card is as tall as what it shows. */
static void
on_update_revealed (GtkRevealer *revealer)
{
  if (!gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (GTK_WIDGET (revealer), FALSE);
}

/* The note that the other language needs an update, under it, makes the
 * card taller, and the step lays out again everything below it. Made by a
 * keystroke in this card, it waits until typing pauses: the keystroke
 * that changes the text is drawn at once, and no keystroke waits for the
 * step's layout. */
#define UPDATE_NOTE_DELAY_MS 500

static void sync_update_flags (PolisiClauseEditor *self);

static gboolean
show_waiting_note (gpointer data)
{
  PolisiClauseEditor *self = data;

  self->note_id = 0;
  sync_update_flags (self);
  return G_SOURCE_REMOVE;
}

static void
sync_update_flags (PolisiClauseEditor *self)
{
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      GtkRevealer *revealer = self->panes[lang].update_revealer;
      gboolean shown = polisi_clause_state_get_needs_update (self->state, lang);

      if (shown && self->typing && !gtk_revealer_get_reveal_child (revealer) &&
          gtk_widget_get_mapped (GTK_WIDGET (self)))
        {
          g_clear_handle_id (&self->note_id, g_source_remove);
          self->note_id = g_timeout_add (UPDATE_NOTE_DELAY_MS, show_waiting_note, self);
          continue;
        }
      if (shown)
        gtk_widget_set_visible (GTK_WIDGET (revealer), TRUE);
      gtk_revealer_set_reveal_child (revealer, shown);
      on_update_revealed (revealer);
    }
}

static void
sync_included (PolisiClauseEditor *self)
{
  gboolean included = polisi_clause_state_get_included (self->state);

  g_signal_handler_block (self->include_switch, self->include_id);
  gtk_switch_set_active (self->include_switch, included);
  g_signal_handler_unblock (self->include_switch, self->include_id);
  gtk_widget_set_sensitive (self->alternative_box, included);
  gtk_widget_set_sensitive (GTK_WIDGET (self->text_expander), included);
  if (included)
    gtk_widget_remove_css_class (self->card, "dim-label");
  else
    gtk_widget_add_css_class (self->card, "dim-label");
}

static void
sync_alternative (PolisiClauseEditor *self)
{
  const char *id = polisi_clause_state_get_alternative (self->state);

  if (self->clause == NULL)
    return;
  for (guint i = 0; i < polisi_clause_get_n_alternatives (self->clause); i++)
    if (g_strcmp0 (polisi_clause_get_alternative (self->clause, i)->id, id) == 0)
      {
        g_signal_handler_block (self->alternative_dropdown, self->alternative_id);
        gtk_drop_down_set_selected (self->alternative_dropdown, i);
        g_signal_handler_unblock (self->alternative_dropdown, self->alternative_id);
        return;
      }
}

static void
on_state_notify (PolisiClauseEditor *self,
                 GParamSpec         *pspec,
                 PolisiClauseState  *state)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_has_prefix (name, "text-"))
    sync_texts (self);
  else if (g_str_has_prefix (name, "needs-update-"))
    sync_update_flags (self);
  else if (g_str_equal (name, "included"))
    sync_included (self);
  else if (g_str_equal (name, "alternative"))
    sync_alternative (self);
  else if (g_str_has_prefix (name, "title-"))
    {
      /* renamed: the card and what a screen reader says follow */
      const char *title = polisi_clause_state_get_display_title (self->state, self->clause, self->ui);
      g_autofree char *switch_label = g_strdup_printf (_("Include “%s”"), title);
      g_autofree char *text_cy = g_strdup_printf (_("Welsh text of “%s”"), title);
      g_autofree char *text_en = g_strdup_printf (_("English text of “%s”"), title);

      gtk_label_set_label (self->title_label, title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->include_switch), GTK_ACCESSIBLE_PROPERTY_LABEL, switch_label, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->panes[POLISI_LANG_CY].view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      text_cy, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->panes[POLISI_LANG_EN].view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      text_en, -1);
    }
}

static void
on_include_changed (PolisiClauseEditor *self)
{
  gboolean active = gtk_switch_get_active (self->include_switch);

  /* the rule for required clauses is the model's: a refusal puts the switch back */
  if (!polisi_clause_state_include (self->state, self->clause, active, self->ui, NULL))
    sync_included (self);
}

static void
on_alternative_selected (PolisiClauseEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->alternative_dropdown);

  if (self->clause == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected >= polisi_clause_get_n_alternatives (self->clause))
    return;

  /* Another wording replaces the text in both languages. */
  polisi_clause_state_use_alternative (self->state, self->clause,
                                       polisi_clause_get_alternative (self->clause, selected));
}

static void
on_buffer_changed (GtkTextBuffer      *buffer,
                   PolisiClauseEditor *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  PolisiLang lang = buffer == self->panes[POLISI_LANG_CY].buffer ? POLISI_LANG_CY : POLISI_LANG_EN;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* still typing: a note waiting to be shown waits on */
  if (self->note_id != 0)
    {
      g_source_remove (self->note_id);
      self->note_id = g_timeout_add (UPDATE_NOTE_DELAY_MS, show_waiting_note, self);
    }
  /* the model's notification comes back to sync_texts(), which leaves a
   * buffer alone that says what the model says */
  self->typing = TRUE;
  polisi_clause_state_set_text (self->state, lang, text);
  self->typing = FALSE;
}

static void
on_mark_checked (GtkButton          *button,
                 PolisiClauseEditor *self)
{
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    if (self->panes[lang].mark_button == GTK_WIDGET (button))
      polisi_clause_state_confirm_translation (self->state, lang);
}

static GtkWidget *
build_pane (PolisiClauseEditor *self,
            PolisiLang          lang)
{
  static const char *names[POLISI_N_LANGS] = { "Cymraeg", "English" };
  LanguagePane *pane = &self->panes[lang];
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (names[lang]);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *update_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *icon_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *button;
  g_autofree char *accessible = NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), label);

  pane->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  pane->buffer = gtk_text_view_get_buffer (pane->view);
  gtk_text_view_set_wrap_mode (pane->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (pane->view, 8);
  gtk_text_view_set_right_margin (pane->view, 8);
  gtk_text_view_set_top_margin (pane->view, 6);
  gtk_text_view_set_bottom_margin (pane->view, 6);
  gtk_text_view_set_accepts_tab (pane->view, FALSE);
  gtk_widget_set_size_request (GTK_WIDGET (pane->view), 160, 90);
  /* Spell checkers and screen readers need the text's own language. */
  gtk_widget_set_name (GTK_WIDGET (pane->view), lang == POLISI_LANG_CY ? "text-cy" : "text-en");
  accessible = g_strdup_printf (lang == POLISI_LANG_CY ? _("Welsh text of “%s”") : _("English text of “%s”"),
                                polisi_clause_state_get_display_title (self->state, self->clause, self->ui));
  gtk_accessible_update_property (GTK_ACCESSIBLE (pane->view), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (pane->view));
  gtk_widget_add_css_class (frame, "polisi-text-frame");
  gtk_box_append (GTK_BOX (box), frame);

  pane->update_label = GTK_LABEL (gtk_label_new (lang == POLISI_LANG_CY ?
                                                 _("The English was changed: bring the Welsh up to date.") :
                                                 _("The Welsh was changed: bring the English up to date.")));
  gtk_label_set_wrap (pane->update_label, TRUE);
  gtk_label_set_xalign (pane->update_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (pane->update_label), TRUE);
  gtk_widget_add_css_class (icon, "warning");
  gtk_box_append (GTK_BOX (icon_box), icon);
  gtk_box_append (GTK_BOX (icon_box), GTK_WIDGET (pane->update_label));
  gtk_box_append (GTK_BOX (update_box), icon_box);
  button = gtk_button_new_with_mnemonic (_("_Mark as Up to Date"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  pane->mark_button = button;
  g_signal_connect (button, "clicked", G_CALLBACK (on_mark_checked), self);
  gtk_box_append (GTK_BOX (update_box), button);

  pane->update_revealer = GTK_REVEALER (gtk_revealer_new ());
  /* A slide would resize the step at every frame of it, and a step holds
   * many editors: relaid out frame after frame while the author types. A
   * crossfade takes its room at once, and then only repaints itself. */
  gtk_revealer_set_transition_type (pane->update_revealer, GTK_REVEALER_TRANSITION_TYPE_CROSSFADE);
  gtk_revealer_set_child (pane->update_revealer, update_box);
  gtk_widget_set_visible (GTK_WIDGET (pane->update_revealer), FALSE);
  g_signal_connect (pane->update_revealer, "notify::child-revealed", G_CALLBACK (on_update_revealed), NULL);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (pane->update_revealer));

  return box;
}

static void
polisi_clause_editor_dispose (GObject *object)
{
  PolisiClauseEditor *self = (PolisiClauseEditor *) object;

  g_clear_handle_id (&self->note_id, g_source_remove);
  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      /* before the views it checks */
      g_clear_object (&self->panes[lang].spell);
      if (self->panes[lang].buffer != NULL)
        g_signal_handlers_disconnect_by_data (self->panes[lang].buffer, self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), POLISI_TYPE_CLAUSE_EDITOR);
  /* the template's top box has no name, so it is unparented here */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->clause);
  g_clear_object (&self->state);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (polisi_clause_editor_parent_class)->dispose (object);
}

static void
polisi_clause_editor_class_init (PolisiClauseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = polisi_clause_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/polisi/Polisi/ui/polisi-clause-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PolisiClauseEditor, card);
  gtk_widget_class_bind_template_child (widget_class, PolisiClauseEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, PolisiClauseEditor, kind_label);
  gtk_widget_class_bind_template_child (widget_class, PolisiClauseEditor, include_switch);
  gtk_widget_class_bind_template_child (widget_class, PolisiClauseEditor, alternative_box);
  gtk_widget_class_bind_template_child (widget_class, PolisiClauseEditor, alternative_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PolisiClauseEditor, guidance_expander);
  gtk_widget_class_bind_template_child (widget_class, PolisiClauseEditor, guidance_label);
  gtk_widget_class_bind_template_child (widget_class, PolisiClauseEditor, sources_label);
  gtk_widget_class_bind_template_child (widget_class, PolisiClauseEditor, text_expander);
  gtk_widget_class_bind_template_child (widget_class, PolisiClauseEditor, languages_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "polisi-clause-editor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
polisi_clause_editor_init (PolisiClauseEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Guidance markup (paragraphs, "- " items) as plain text for a label. */
static char *
guidance_text (const char *markup)
{
  g_autoptr(GPtrArray) blocks = polisi_text_parse_blocks (markup);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      PolisiTextBlock *block = blocks->pdata[i];

      if (out->len > 0)
        g_string_append (out, block->item ? "\n" : "\n\n");
      if (block->item)
        g_string_append (out, "•  ");
      g_string_append (out, block->text);
    }
  return g_string_free (out, FALSE);
}

static void fill_texts (PolisiClauseEditor *self);

/* A clause of the school's own: no kind, wordings or guidance of the
 * library. */
static void
fill_own (PolisiClauseEditor *self)
{
  PolisiLang ui = self->ui;
  const char *title = polisi_clause_state_get_display_title (self->state, NULL, ui);
  g_autofree char *switch_label = g_strdup_printf (_("Include “%s”"), title);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->kind_label, _("Your own clause"));
  gtk_widget_set_visible (GTK_WIDGET (self->guidance_expander), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->include_switch), GTK_ACCESSIBLE_PROPERTY_LABEL, switch_label, -1);
  fill_texts (self);
}

static void
setup_wording_label (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* a wording's label is long: wrapped, so that the list fits a narrow window */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_list_item_set_child (item, label);
}

static void
bind_wording_label (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static GtkListItemFactory *
wrapping_label_factory (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_wording_label), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_wording_label), NULL);
  return factory;
}

static void
fill (PolisiClauseEditor *self)
{
  PolisiLang ui = self->ui;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GString) sources = g_string_new (NULL);
  g_autofree char *guidance = guidance_text (polisi_clause_get_guidance (self->clause, ui));
  g_autofree char *switch_label = NULL;
  const char *kind;

  gtk_label_set_label (self->title_label, polisi_clause_state_get_display_title (self->state, self->clause, ui));

  switch (polisi_clause_get_default (self->clause))
    {
    case POLISI_CLAUSE_REQUIRED:
      {
        g_autofree char *reason = g_strdup_printf (_("Required: %s"), polisi_clause_get_reason (self->clause, ui));
        gtk_label_set_label (self->kind_label, reason);
        gtk_widget_set_sensitive (GTK_WIDGET (self->include_switch), FALSE);
        gtk_widget_set_tooltip_text (GTK_WIDGET (self->include_switch), polisi_clause_get_reason (self->clause, ui));
        kind = NULL;
        break;
      }
    case POLISI_CLAUSE_RECOMMENDED:
      /* Translators: the kind of a clause of the library */
      kind = _("Recommended");
      break;
    case POLISI_CLAUSE_OPTIONAL:
    default:
      /* Translators: the kind of a clause of the library */
      kind = _("Optional");
      break;
    }
  if (kind != NULL)
    gtk_label_set_label (self->kind_label, kind);

  switch_label = g_strdup_printf (_("Include “%s”"), polisi_clause_state_get_display_title (self->state, self->clause, ui));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->include_switch), GTK_ACCESSIBLE_PROPERTY_LABEL, switch_label, -1);

  for (guint i = 0; i < polisi_clause_get_n_alternatives (self->clause); i++)
    gtk_string_list_append (labels, polisi_clause_get_alternative (self->clause, i)->label[ui]);
  {
    g_autoptr(GtkListItemFactory) factory = wrapping_label_factory ();

    gtk_drop_down_set_factory (self->alternative_dropdown, factory);
  }
  gtk_drop_down_set_model (self->alternative_dropdown, G_LIST_MODEL (labels));
  gtk_widget_set_visible (self->alternative_box, polisi_clause_get_n_alternatives (self->clause) > 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->alternative_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Wording"), -1);

  gtk_label_set_label (self->guidance_label, guidance);
  for (guint i = 0; i < polisi_clause_get_n_citations (self->clause); i++)
    {
      const PolisiCitation *citation = polisi_clause_get_citation (self->clause, i);
      const char *title = polisi_library_get_source_title (self->library, citation->ref, ui);

      g_string_append_printf (sources, "%s%s, %s", i > 0 ? "; " : "", title != NULL ? title : citation->ref,
                              citation->section);
    }
  {
    g_autofree char *line = g_strdup_printf (_("Sources: %s"), sources->str);
    gtk_label_set_label (self->sources_label, line);
  }

  fill_texts (self);
}

/* The texts in both languages, the title (which the school may change),
 * and the editor following the clause's state from then on. */
static void
fill_texts (PolisiClauseEditor *self)
{
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      gtk_flow_box_append (self->languages_box, build_pane (self, lang));
      /* the text views take the focus, not the flow box's children */
      gtk_widget_set_focusable (GTK_WIDGET (gtk_flow_box_get_child_at_index (self->languages_box, lang)), FALSE);
    }
  gtk_expander_set_expanded (self->text_expander, TRUE);
  gtk_box_append (GTK_BOX (self->card), GTK_WIDGET (polisi_clause_title_editor_new (self->clause, self->state)));

  /* what the user does goes to the model; what the model says comes back
   * with these handlers blocked */
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    self->panes[lang].changed_id = g_signal_connect (self->panes[lang].buffer, "changed", G_CALLBACK (on_buffer_changed), self);
  self->include_id = g_signal_connect_swapped (self->include_switch, "notify::active", G_CALLBACK (on_include_changed), self);
  self->alternative_id = g_signal_connect_swapped (self->alternative_dropdown, "notify::selected",
                                                   G_CALLBACK (on_alternative_selected), self);
  sync_texts (self);
  sync_update_flags (self);
  sync_included (self);
  sync_alternative (self);

  g_signal_connect_object (self->state, "notify", G_CALLBACK (on_state_notify), self, G_CONNECT_SWAPPED);
}

/**
 * polisi_clause_editor_new:
 * @context: the library, and the interface language the card is built in
 */
PolisiClauseEditor *
polisi_clause_editor_new (PolisiClause      *clause,
                          PolisiClauseState *state,
                          PolisiContext     *context)
{
  PolisiClauseEditor *self;

  g_return_val_if_fail (POLISI_IS_CLAUSE_STATE (state), NULL);
  /* no clause of the library: a clause of the school's own */
  g_return_val_if_fail (clause != NULL || polisi_clause_state_get_own (state), NULL);

  self = g_object_new (POLISI_TYPE_CLAUSE_EDITOR, NULL);
  self->clause = clause != NULL ? g_object_ref (clause) : NULL;
  self->state = g_object_ref (state);
  self->library = g_object_ref (polisi_context_get_library (context));
  self->ui = polisi_context_get_interface_language (context);
  if (clause != NULL)
    fill (self);
  else
    fill_own (self);

  return self;
}

PolisiClause *
polisi_clause_editor_get_clause (PolisiClauseEditor *self)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE_EDITOR (self), NULL);
  return self->clause;
}

PolisiClauseState *
polisi_clause_editor_get_state (PolisiClauseEditor *self)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE_EDITOR (self), NULL);
  return self->state;
}

GtkTextBuffer *
polisi_clause_editor_get_buffer (PolisiClauseEditor *self,
                                 PolisiLang          lang)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE_EDITOR (self), NULL);
  return self->panes[lang].buffer;
}

/* Whether the note that @lang needs an update is shown: typed in this
 * card on the step shown, it comes once typing pauses. */
gboolean
polisi_clause_editor_is_update_shown (PolisiClauseEditor *self,
                                      PolisiLang          lang)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE_EDITOR (self), FALSE);
  return gtk_revealer_get_reveal_child (self->panes[lang].update_revealer);
}

/**
 * polisi_clause_editor_reveal:
 * @lang: the language to focus, or -1 for the clause as a whole
 *
 * Opens the parts a finding points at and moves the focus there.
 */
void
polisi_clause_editor_reveal (PolisiClauseEditor *self,
                             int                 lang)
{
  g_return_if_fail (POLISI_IS_CLAUSE_EDITOR (self));

  if (lang >= 0 && polisi_clause_state_get_included (self->state))
    {
      gtk_expander_set_expanded (self->text_expander, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->panes[lang].view));
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->include_switch));
}

/* Checks each language's text against its own language's dictionary. */
void
polisi_clause_editor_set_spell_checker (PolisiClauseEditor *self,
                                        PolisiSpellChecker *checker)
{
  g_return_if_fail (POLISI_IS_CLAUSE_EDITOR (self));
  g_return_if_fail (POLISI_IS_SPELL_CHECKER (checker));

  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      g_clear_object (&self->panes[lang].spell);
      self->panes[lang].spell = polisi_spell_buffer_new (checker, self->panes[lang].view, lang);
    }
}

/* Whether some of @lang's text waits to be spell checked (for tests). */
gboolean
polisi_clause_editor_is_spell_pending (PolisiClauseEditor *self,
                                       PolisiLang          lang)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE_EDITOR (self), FALSE);
  return self->panes[lang].spell != NULL && polisi_spell_buffer_is_pending (self->panes[lang].spell);
}

GtkTextView *
polisi_clause_editor_get_view (PolisiClauseEditor *self,
                               PolisiLang          lang)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE_EDITOR (self), NULL);
  return self->panes[lang].view;
}
