/* polisi-comment-row.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One comment of the consultation step, bound to its PolisiComment: the
 * clause it is on, who made it and when, its text, and an editor for the
 * response. What is typed goes to the policy, signed by :responder (the
 * page binds it to its "Responses Signed By" row); the comment's notify
 * brings back whether it is answered, by whom and when.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "polisi-comment-row.h"
#include "polisi-gui-utils.h"

struct _PolisiCommentRow
{
  AdwExpanderRow  parent_instance;

  PolisiComment  *comment;
  PolisiPolicy   *policy;
  PolisiLang      ui;
  char           *responder;
  GtkImage       *icon;
  GtkLabel       *signed_by;
  GtkTextBuffer  *buffer;
};

G_DEFINE_FINAL_TYPE (PolisiCommentRow, polisi_comment_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_RESPONDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Whether the comment has its response, and who signed it. */
static void
show_answered (PolisiCommentRow *self)
{
  PolisiComment *comment = self->comment;
  GtkWidget *icon = GTK_WIDGET (self->icon);
  gboolean answered = comment->response != NULL;

  gtk_image_set_from_icon_name (self->icon, answered ? "emblem-ok-symbolic" : "mail-unread-symbolic");
  gtk_widget_remove_css_class (icon, answered ? "accent" : "success");
  gtk_widget_add_css_class (icon, answered ? "success" : "accent");
  /* Translators: whether a consultation comment has a response */
  gtk_widget_set_tooltip_text (icon, answered ? _("Answered") : _("Not answered yet"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_widget_get_tooltip_text (icon), -1);

  if (answered)
    {
      g_autofree char *when = polisi_gui_format_date (comment->response_date, self->ui);
      g_autofree char *text = comment->response_author != NULL ?
        /* Translators: "Answered by Rhian Ellis on 1 July 2026" */
        g_strdup_printf (_("Answered by %s on %s"), comment->response_author, when) :
        g_strdup_printf (_("Answered on %s"), when);

      gtk_label_set_text (self->signed_by, text);
    }
  else
    gtk_label_set_text (self->signed_by, _("The response goes in the comments table of the next export."));
}

static void
on_response_changed (PolisiCommentRow *self)
{
  g_autofree char *text = polisi_gui_buffer_get_text (self->buffer);

  polisi_policy_set_comment_response (self->policy, self->comment->id, text,
                                      self->responder != NULL && self->responder[0] != '\0' ? self->responder : NULL,
                                      NULL);
}

static void
polisi_comment_row_dispose (GObject *object)
{
  PolisiCommentRow *self = (PolisiCommentRow *) object;

  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  g_clear_object (&self->comment);
  g_clear_object (&self->policy);

  G_OBJECT_CLASS (polisi_comment_row_parent_class)->dispose (object);
}

static void
polisi_comment_row_finalize (GObject *object)
{
  PolisiCommentRow *self = (PolisiCommentRow *) object;

  g_free (self->responder);

  G_OBJECT_CLASS (polisi_comment_row_parent_class)->finalize (object);
}

static void
polisi_comment_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PolisiCommentRow *self = POLISI_COMMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_RESPONDER:
      g_value_set_string (value, self->responder);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_comment_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PolisiCommentRow *self = POLISI_COMMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_RESPONDER:
      if (g_strcmp0 (self->responder, g_value_get_string (value)) != 0)
        {
          g_free (self->responder);
          self->responder = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_comment_row_class_init (PolisiCommentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = polisi_comment_row_dispose;
  object_class->finalize = polisi_comment_row_finalize;
  object_class->get_property = polisi_comment_row_get_property;
  object_class->set_property = polisi_comment_row_set_property;

  /**
   * PolisiCommentRow:responder:
   *
   * The name and role a response typed here is signed with.
   */
  properties[PROP_RESPONDER] =
    g_param_spec_string ("responder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
polisi_comment_row_init (PolisiCommentRow *self)
{
}

static GtkWidget *
build_content (PolisiCommentRow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *body = gtk_label_new (self->comment->body);
  GtkWidget *heading = gtk_label_new_with_mnemonic (_("_Response"));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (heading), view);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 6);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_size_request (view, -1, 64);
  /* named as its heading reads (a label property works the same in every GTK 4) */
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (heading)), -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  self->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  self->signed_by = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->signed_by, 0);
  gtk_label_set_wrap (self->signed_by, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->signed_by), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->signed_by), "caption");

  gtk_box_append (GTK_BOX (content), body);
  gtk_box_append (GTK_BOX (content), heading);
  gtk_box_append (GTK_BOX (content), frame);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->signed_by));
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 12);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  return content;
}

/**
 * polisi_comment_row_new:
 * @clause_label: the clause the comment is on, as the page names it
 * @ui: the interface language (the page's context's), dates are written in
 *
 * Returns: (transfer floating): the row of @comment
 */
GtkWidget *
polisi_comment_row_new (PolisiComment *comment,
                        PolisiPolicy  *policy,
                        const char    *clause_label,
                        PolisiLang     ui)
{
  PolisiCommentRow *self;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *first_line = NULL;

  g_return_val_if_fail (POLISI_IS_COMMENT (comment), NULL);
  g_return_val_if_fail (POLISI_IS_POLICY (policy), NULL);

  self = g_object_new (POLISI_TYPE_COMMENT_ROW, NULL);
  self->comment = g_object_ref (comment);
  self->policy = g_object_ref (policy);
  self->ui = ui;

  when = polisi_gui_format_date (comment->date, ui);
  first_line = g_strndup (comment->body, strcspn (comment->body, "\n"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), clause_label);
  /* Translators: "Siân Jones (UCAC), 12 June 2026: Please say who …" */
  subtitle = g_strdup_printf (_("%s, %s: %s"), comment->author != NULL ? comment->author : _("Unknown author"), when, first_line);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  self->icon = GTK_IMAGE (gtk_image_new ());
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->icon));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), build_content (self));

  if (comment->response != NULL)
    gtk_text_buffer_set_text (self->buffer, comment->response, -1);
  show_answered (self);
  /* from now on: what is typed goes to the policy, what it says comes back */
  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (on_response_changed), self);
  g_signal_connect_object (comment, "notify::response", G_CALLBACK (show_answered), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (comment, "notify::response-author", G_CALLBACK (show_answered), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (comment, "notify::response-date", G_CALLBACK (show_answered), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

PolisiComment *
polisi_comment_row_get_comment (PolisiCommentRow *self)
{
  g_return_val_if_fail (POLISI_IS_COMMENT_ROW (self), NULL);
  return self->comment;
}

GtkTextBuffer *
polisi_comment_row_get_buffer (PolisiCommentRow *self)
{
  g_return_val_if_fail (POLISI_IS_COMMENT_ROW (self), NULL);
  return self->buffer;
}
