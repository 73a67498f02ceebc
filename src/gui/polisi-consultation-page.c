/* polisi-consultation-page.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The consultation step: whether the policy is a consultation draft, its
 * version and closing date, and the comments the union representatives
 * sent back, by clause, each with a response for HR to write. Responses
 * fill the comments table at the end of the next export.
 *
 * The page follows only what it shows: the draft's status, version and
 * closing date ("changed::status"), the comments and the proposed changes
 * (their list models' "items-changed"), and the clauses' numbers and titles
 * that label them ("changed::clauses"). Typing in a clause elsewhere
 * costs nothing here. A comment added or removed adds or removes its row
 * only, in its place by clause number; the comment list is built again
 * only when the labels or the order of the rows it shows change (clauses
 * renumbered or renamed), not while a response is typed: the text view
 * being written in stays. A proposed change
 * accepted or rejected takes its row away, and a new one adds a row.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "polisi-checker.h"
#include "polisi-dates.h"
#include "polisi-comment-row.h"
#include "polisi-consultation-page.h"
#include "polisi-date-row.h"
#include "polisi-proposal-row.h"
#include "polisi-gui-utils.h"
#include "polisi-text.h"

#define REFRESH_DELAY_MS 250

/* The parts of the page a change makes out of date */
typedef enum {
  PART_DRAFT     = 1 << 0,
  PART_COMMENTS  = 1 << 1,
  PART_PROPOSALS = 1 << 2,
  PART_ALL       = PART_DRAFT | PART_COMMENTS | PART_PROPOSALS,
} Part;

struct _PolisiConsultationPage
{
  GtkWidget            parent_instance;

  PolisiPolicy        *policy;
  PolisiContext       *context;
  gulong               status_id;
  gulong               clauses_id;
  gulong               comments_id;       /* the comments' items-changed */
  gulong               proposals_id;      /* the proposals' items-changed */
  guint                refresh_id;
  Part                 dirty;
  guint                n_builds;          /* how many times a list was built again */
  char                *comments_key;      /* what the list shows, to see when it must change */
  GPtrArray           *comment_rows;      /* in the order shown */
  GPtrArray           *comment_labels;    /* each row's clause label */
  GPtrArray           *proposal_rows;
  guint                n_comments;
  /* to undo switching an adopted policy to a consultation draft */

  GtkWidget           *box;
  GtkSwitch           *consultation_switch;
  AdwEntryRow         *version_row;
  PolisiDateRow       *closing_row;
  AdwPreferencesGroup *comments_group;
  AdwPreferencesGroup *proposals_group;
  AdwEntryRow         *responder_row;
};

G_DEFINE_FINAL_TYPE (PolisiConsultationPage, polisi_consultation_page, GTK_TYPE_WIDGET)

/* The draft --------------------------------------------------------------------- */

static void
set_error (GtkWidget *widget,
           gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

static void on_consultation_toggled (PolisiConsultationPage *self);
static void on_version_changed      (PolisiConsultationPage *self);
static void on_closing_changed      (PolisiConsultationPage *self);

/* A closing date typed that is not a date, or none for a consultation draft */
static void
show_closing_error (PolisiConsultationPage *self)
{
  set_error (GTK_WIDGET (self->closing_row),
             !polisi_date_row_get_valid (self->closing_row) ||
             (polisi_policy_get_closing_date (self->policy) == NULL &&
              polisi_policy_get_status (self->policy) == POLISI_STATUS_CONSULTATION));
}

static void
fill_draft (PolisiConsultationPage *self)
{
  PolisiStatus status = polisi_policy_get_status (self->policy);
  /* an adopted policy's number is in the history: the row, greyed, shows
   * the number its draft will have */
  g_autofree char *version = status == POLISI_STATUS_ADOPTED ? polisi_policy_suggest_version (self->policy, FALSE)
                                                             : g_strdup (polisi_policy_get_version (self->policy));
  const char *closing = polisi_policy_get_closing_date (self->policy);
  gboolean consultation = status == POLISI_STATUS_CONSULTATION;

  /* what the policy says, shown without being taken for an edit */
  g_signal_handlers_block_by_func (self->consultation_switch, on_consultation_toggled, self);
  g_signal_handlers_block_by_func (self->version_row, on_version_changed, self);
  g_signal_handlers_block_by_func (self->closing_row, on_closing_changed, self);
  gtk_switch_set_active (self->consultation_switch, consultation);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->version_row)), version) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->version_row), version != NULL ? version : "");
  if (g_strcmp0 (polisi_date_row_get_date (self->closing_row), closing) != 0)
    polisi_date_row_set_date (self->closing_row, closing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->closing_row), consultation);
  gtk_widget_set_sensitive (GTK_WIDGET (self->version_row), status != POLISI_STATUS_ADOPTED);
  show_closing_error (self);
  g_signal_handlers_unblock_by_func (self->consultation_switch, on_consultation_toggled, self);
  g_signal_handlers_unblock_by_func (self->version_row, on_version_changed, self);
  g_signal_handlers_unblock_by_func (self->closing_row, on_closing_changed, self);
}

/**
 * polisi_consultation_page_set_consultation:
 *
 * Makes the policy a consultation draft, or a draft again. An adopted
 * policy becomes the draft of its next version (1.1 after 1.0); switching
 * back at once restores it as it was (polisi_policy_open_draft(),
 * polisi_policy_close_draft()).
 */
void
polisi_consultation_page_set_consultation (PolisiConsultationPage *self,
                                           gboolean                consultation)
{
  PolisiStatus status;

  g_return_if_fail (POLISI_IS_CONSULTATION_PAGE (self));

  status = polisi_policy_get_status (self->policy);
  if (consultation && status != POLISI_STATUS_CONSULTATION)
    polisi_policy_open_draft (self->policy, POLISI_STATUS_CONSULTATION);
  else if (!consultation && status == POLISI_STATUS_CONSULTATION)
    polisi_policy_close_draft (self->policy);
  fill_draft (self);
}

static void
on_consultation_toggled (PolisiConsultationPage *self)
{
  polisi_consultation_page_set_consultation (self, gtk_switch_get_active (self->consultation_switch));
}

static void
on_version_changed (PolisiConsultationPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->version_row));
  g_autofree char *version = g_strstrip (g_strdup (text));

  /* the one rule for a draft's number, in core */
  set_error (GTK_WIDGET (self->version_row), !polisi_policy_set_draft_version (self->policy, version, NULL));
}

void
polisi_consultation_page_set_closing_date (PolisiConsultationPage *self,
                                           const char             *date)
{
  g_return_if_fail (POLISI_IS_CONSULTATION_PAGE (self));
  polisi_date_row_set_date (self->closing_row, date);
}

static void
on_closing_changed (PolisiConsultationPage *self)
{
  const char *date = polisi_date_row_get_date (self->closing_row);

  /* what is shown is what the draft says: no date until it is one */
  polisi_policy_set_closing_date (self->policy, date);
  show_closing_error (self);
}

void
polisi_consultation_page_set_responder (PolisiConsultationPage *self,
                                        const char             *name)
{
  g_return_if_fail (POLISI_IS_CONSULTATION_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->responder_row), name != NULL ? name : "");
}

/* Comments ------------------------------------------------------------------------ */

/* The order of the list: by clause as numbered, the policy as a whole
 * first, then in the order the comments came. */
typedef struct {
  const PolisiComment *comment;
  char                *number;
  guint                index;
} Sorted;

static int
compare_numbers (const char *a,
                 const char *b)
{
  /* "2.10" after "2.9"; appendices (letters) after the numbered sections */
  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          guint64 x = g_ascii_strtoull (a, (char **) &a, 10);
          guint64 y = g_ascii_strtoull (b, (char **) &b, 10);

          if (x != y)
            return x < y ? -1 : 1;
        }
      else
        {
          if (g_ascii_isdigit (*a) != g_ascii_isdigit (*b))
            return g_ascii_isdigit (*a) ? -1 : 1;
          if (*a != *b)
            return *a < *b ? -1 : 1;
          a++;
          b++;
        }
    }
  return *a == *b ? 0 : *a == '\0' ? -1 : 1;
}

static int
compare_sorted (gconstpointer a,
                gconstpointer b)
{
  const Sorted *x = a;
  const Sorted *y = b;

  if ((x->number == NULL) != (y->number == NULL))
    return x->number == NULL ? -1 : 1;
  if (x->number != NULL)
    {
      int order = compare_numbers (x->number, y->number);
      if (order != 0)
        return order;
    }
  return x->index < y->index ? -1 : x->index > y->index;
}

/* What the list shows: each comment with its clause's number and title,
 * in the list's order. */
static char *
comments_key (PolisiConsultationPage *self,
              GArray                 *sorted,
              GHashTable             *numbers)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < sorted->len; i++)
    {
      const PolisiComment *comment = g_array_index (sorted, Sorted, i).comment;
      g_autofree char *clause = polisi_gui_clause_label (self->policy, self->context, numbers, comment->clause_id);

      g_string_append_printf (key, "%s/%s;", comment->id, clause);
    }
  return g_string_free (key, FALSE);
}

/* Makes the row of @comment and shows it at @position among the comments'
 * rows. */
static void
insert_comment_row (PolisiConsultationPage *self,
                    const PolisiComment    *comment,
                    const char             *label,
                    guint                   position)
{
  GtkWidget *row = polisi_comment_row_new ((PolisiComment *) comment, self->policy, label,
                                           polisi_context_get_interface_language (self->context));

  /* responses are signed with what "Responses Signed By" says */
  g_object_bind_property (self->responder_row, "text", row, "responder", G_BINDING_SYNC_CREATE);
  if (position < self->comment_rows->len)
    {
      /* before the row now at @position, in the group's list of rows */
      GtkWidget *next = self->comment_rows->pdata[position];

      gtk_list_box_insert (GTK_LIST_BOX (gtk_widget_get_parent (next)), row,
                           gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (next)));
    }
  else
    adw_preferences_group_add (self->comments_group, row);
  g_ptr_array_insert (self->comment_rows, (int) position, row);
  g_ptr_array_insert (self->comment_labels, (int) position, g_strdup (label));
}

/* Brings the rows to @sorted (labelled @labels) by removing the rows of
 * comments no longer shown and adding rows for new ones, in their places;
 * the other rows stay as they are. FALSE, and nothing changed, when a row
 * that stays would need another label or place: the list is then built
 * again. */
static gboolean
update_comment_rows (PolisiConsultationPage *self,
                     GArray                 *sorted,
                     GPtrArray              *labels)
{
  g_autoptr(GHashTable) positions = g_hash_table_new (NULL, NULL);
  int last = -1;
  guint kept = 0;

  for (guint i = 0; i < sorted->len; i++)
    g_hash_table_insert (positions, (gpointer) g_array_index (sorted, Sorted, i).comment, GUINT_TO_POINTER (i + 1));

  for (guint i = 0; i < self->comment_rows->len; i++)
    {
      PolisiComment *comment = polisi_comment_row_get_comment (self->comment_rows->pdata[i]);
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, comment));

      if (position == 0)
        continue;
      if ((int) position - 1 <= last || g_strcmp0 (self->comment_labels->pdata[i], labels->pdata[position - 1]) != 0)
        return FALSE;
      last = (int) position - 1;
      kept++;
    }
  /* nothing would stay: building the list again is as cheap */
  if (kept == 0 && self->comment_rows->len > 0)
    return FALSE;

  for (guint i = self->comment_rows->len; i > 0; i--)
    {
      GtkWidget *row = self->comment_rows->pdata[i - 1];

      if (!g_hash_table_contains (positions, polisi_comment_row_get_comment (POLISI_COMMENT_ROW (row))))
        {
          adw_preferences_group_remove (self->comments_group, row);
          g_ptr_array_remove_index (self->comment_rows, i - 1);
          g_ptr_array_remove_index (self->comment_labels, i - 1);
        }
    }
  for (guint i = 0; i < sorted->len; i++)
    {
      const PolisiComment *comment = g_array_index (sorted, Sorted, i).comment;

      if (i < self->comment_rows->len &&
          polisi_comment_row_get_comment (self->comment_rows->pdata[i]) == comment)
        continue;
      insert_comment_row (self, comment, labels->pdata[i], i);
    }
  return TRUE;
}

static void
fill_comments (PolisiConsultationPage *self)
{
  g_autoptr(GPtrArray) comments = polisi_policy_list_comments (self->policy, NULL, NULL);
  g_autoptr(GPtrArray) all = polisi_policy_list_comments (self->policy, "", NULL);
  g_autoptr(GHashTable) numbers = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GArray) sorted = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  guint earlier = all->len - comments->len;

  if (comments->len == 0)
    description = g_strdup (_("No comments on this version yet."));
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u comment on version %s, by clause. Write a response to each: "
                                                "the responses fill the comments table of the next export.",
                                                "%u comments on version %s, by clause. Write a response to each: "
                                                "the responses fill the comments table of the next export.", comments->len),
                                   comments->len, polisi_policy_get_version (self->policy));
  if (earlier > 0)
    {
      g_autofree char *older = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u comment on an earlier version is kept in the file.",
                                                             "%u comments on earlier versions are kept in the file.", earlier),
                                                earlier);
      g_autofree char *both = g_strconcat (description, " ", older, NULL);

      g_free (description);
      description = g_steal_pointer (&both);
    }
  adw_preferences_group_set_description (self->comments_group, description);

  numbers = polisi_gui_clause_numbers (self->policy, polisi_context_get_library (self->context));
  sorted = g_array_sized_new (FALSE, FALSE, sizeof (Sorted), comments->len);
  for (guint i = 0; i < comments->len; i++)
    {
      const PolisiComment *comment = comments->pdata[i];
      Sorted item = { comment, comment->clause_id != NULL ? g_hash_table_lookup (numbers, comment->clause_id) : NULL, i };

      g_array_append_val (sorted, item);
    }
  g_array_sort (sorted, compare_sorted);

  /* the same comments, labelled and ordered as shown: the rows stay */
  key = comments_key (self, sorted, numbers);
  if (g_strcmp0 (key, self->comments_key) == 0)
    return;
  g_free (self->comments_key);
  self->comments_key = g_steal_pointer (&key);
  self->n_comments = comments->len;

  labels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < sorted->len; i++)
    g_ptr_array_add (labels, polisi_gui_clause_label (self->policy, self->context, numbers,
                                                      g_array_index (sorted, Sorted, i).comment->clause_id));
  /* comments added or removed: their rows only */
  if (update_comment_rows (self, sorted, labels))
    return;

  self->n_builds++;
  polisi_gui_clear_group (self->comments_group, self->comment_rows);
  g_ptr_array_set_size (self->comment_labels, 0);
  for (guint i = 0; i < sorted->len; i++)
    insert_comment_row (self, g_array_index (sorted, Sorted, i).comment, labels->pdata[i], i);
}

/* Proposed changes ---------------------------------------------------------------- */

/* The changes reviewers proposed with track changes on, each with buttons
 * to accept or reject it (polisi-proposal-row.c). */
static void
add_proposal_rows (PolisiConsultationPage *self,
                   guint                   from)
{
  GListModel *proposals = polisi_policy_get_proposals (self->policy);
  guint n = g_list_model_get_n_items (proposals);
  g_autoptr(GHashTable) numbers = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->proposals_group), n > 0);
  if (from >= n)
    return;

  numbers = polisi_gui_clause_numbers (self->policy, polisi_context_get_library (self->context));
  for (guint i = from; i < n; i++)
    {
      g_autoptr(PolisiProposal) proposal = g_list_model_get_item (proposals, i);
      g_autofree char *clause = polisi_gui_clause_label (self->policy, self->context, numbers,
                                                         polisi_proposal_get_clause_id (proposal));
      GtkWidget *row = polisi_proposal_row_new (proposal, clause, polisi_context_get_interface_language (self->context));

      adw_preferences_group_add (self->proposals_group, row);
      g_ptr_array_add (self->proposal_rows, row);
    }
}

static void
fill_proposals (PolisiConsultationPage *self)
{
  self->n_builds++;
  polisi_gui_clear_group (self->proposals_group, self->proposal_rows);
  add_proposal_rows (self, 0);
}

/* The rows follow the list of proposals: one accepted or rejected takes
 * its row away, new ones (a returned draft read) add theirs at the end. */
static void
on_proposals_changed (GListModel             *proposals,
                      guint                   position,
                      guint                   removed,
                      guint                   added,
                      PolisiConsultationPage *self)
{
  if (position + removed > self->proposal_rows->len ||
      (added > 0 && position + removed != self->proposal_rows->len))
    {
      fill_proposals (self);
      return;
    }
  for (guint i = 0; i < removed; i++)
    adw_preferences_group_remove (self->proposals_group, self->proposal_rows->pdata[position + i]);
  g_ptr_array_remove_range (self->proposal_rows, position, removed);
  add_proposal_rows (self, self->proposal_rows->len);
}

static void
decide_proposal (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PolisiConsultationPage *self = POLISI_CONSULTATION_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  gboolean accept = g_str_equal (action_name, "proposal.accept");

  if (accept ? !polisi_policy_accept_proposal (self->policy, id, &error) :
               !polisi_policy_reject_proposal (self->policy, id, &error))
    {
      GtkRoot *root = gtk_widget_get_root (widget);
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("The Change Could Not Be Made"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/**
 * polisi_consultation_page_get_n_proposals:
 *
 * Returns: how many proposed changes the page shows
 */
guint
polisi_consultation_page_get_n_proposals (PolisiConsultationPage *self)
{
  g_return_val_if_fail (POLISI_IS_CONSULTATION_PAGE (self), 0);
  return self->proposal_rows->len;
}

/**
 * polisi_consultation_page_refresh:
 *
 * Shows the policy as it is now.
 */
void
polisi_consultation_page_refresh (PolisiConsultationPage *self)
{
  g_return_if_fail (POLISI_IS_CONSULTATION_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->dirty = 0;
  fill_draft (self);
  fill_comments (self);
  fill_proposals (self);
}

/* Brings the parts a change made out of date up to date. */
static void
refresh_dirty (PolisiConsultationPage *self)
{
  Part dirty = self->dirty;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->dirty = 0;
  if (dirty & PART_DRAFT)
    fill_draft (self);
  if (dirty & PART_COMMENTS)
    fill_comments (self);
  if (dirty & PART_PROPOSALS)
    fill_proposals (self);
}

static gboolean
refresh_timeout (gpointer data)
{
  PolisiConsultationPage *self = data;

  self->refresh_id = 0;
  refresh_dirty (self);
  return G_SOURCE_REMOVE;
}

/* Marks @parts out of date: brought up to date after a pause while the
 * page is on screen, else when it comes back. */
static void
invalidate (PolisiConsultationPage *self,
            Part                    parts)
{
  self->dirty |= parts;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->refresh_id == 0)
    self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout, self);
}

/* the status and version: the draft, and which comments are this version's */
static void
on_status_changed (PolisiConsultationPage *self)
{
  invalidate (self, PART_DRAFT | PART_COMMENTS);
}

/* the clauses' numbers and titles label the comments and proposals */
static void
on_clauses_changed (PolisiConsultationPage *self)
{
  invalidate (self, PART_COMMENTS | PART_PROPOSALS);
}

static void
on_comments_changed (PolisiConsultationPage *self)
{
  invalidate (self, PART_COMMENTS);
}

static void
polisi_consultation_page_map (GtkWidget *widget)
{
  PolisiConsultationPage *self = POLISI_CONSULTATION_PAGE (widget);

  GTK_WIDGET_CLASS (polisi_consultation_page_parent_class)->map (widget);
  if (self->dirty != 0)
    refresh_dirty (self);
}

/* Life cycle ------------------------------------------------------------------------ */

static void
polisi_consultation_page_dispose (GObject *object)
{
  PolisiConsultationPage *self = (PolisiConsultationPage *) object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->policy != NULL)
    {
      g_clear_signal_handler (&self->status_id, self->policy);
      g_clear_signal_handler (&self->clauses_id, self->policy);
      g_clear_signal_handler (&self->comments_id, polisi_policy_get_comments (self->policy));
      g_clear_signal_handler (&self->proposals_id, polisi_policy_get_proposals (self->policy));
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), POLISI_TYPE_CONSULTATION_PAGE);
  g_clear_object (&self->policy);
  g_clear_object (&self->context);
  g_clear_pointer (&self->comments_key, g_free);
  g_clear_pointer (&self->comment_rows, g_ptr_array_unref);
  g_clear_pointer (&self->comment_labels, g_ptr_array_unref);
  g_clear_pointer (&self->proposal_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (polisi_consultation_page_parent_class)->dispose (object);
}

static void
polisi_consultation_page_class_init (PolisiConsultationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = polisi_consultation_page_dispose;
  widget_class->map = polisi_consultation_page_map;

  g_type_ensure (POLISI_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/polisi/Polisi/ui/polisi-consultation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PolisiConsultationPage, box);
  gtk_widget_class_bind_template_child (widget_class, PolisiConsultationPage, consultation_switch);
  gtk_widget_class_bind_template_child (widget_class, PolisiConsultationPage, version_row);
  gtk_widget_class_bind_template_child (widget_class, PolisiConsultationPage, closing_row);
  gtk_widget_class_bind_template_child (widget_class, PolisiConsultationPage, comments_group);
  gtk_widget_class_bind_template_child (widget_class, PolisiConsultationPage, proposals_group);
  gtk_widget_class_bind_template_child (widget_class, PolisiConsultationPage, responder_row);
  gtk_widget_class_bind_template_callback (widget_class, on_consultation_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_version_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_closing_changed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "proposal.accept", "s", decide_proposal);
  gtk_widget_class_install_action (widget_class, "proposal.reject", "s", decide_proposal);
}

static void
polisi_consultation_page_init (PolisiConsultationPage *self)
{
  self->comment_rows = g_ptr_array_new ();
  self->comment_labels = g_ptr_array_new_with_free_func (g_free);
  self->proposal_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

PolisiConsultationPage *
polisi_consultation_page_new (PolisiPolicy  *policy,
                              PolisiContext *context)
{
  PolisiConsultationPage *self = g_object_new (POLISI_TYPE_CONSULTATION_PAGE, NULL);
  const char *responder = NULL;

  self->policy = g_object_ref (policy);
  self->context = g_object_ref (context);
  polisi_date_row_set_interface_language (self->closing_row, polisi_context_get_interface_language (context));

  /* responses are signed as the last one was */
  for (guint i = 0; i < polisi_policy_get_n_comments (policy); i++)
    {
      const PolisiComment *comment = polisi_policy_get_comment (policy, i);

      if (comment->response_author != NULL)
        responder = comment->response_author;
    }
  if (responder != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->responder_row), responder);

  polisi_consultation_page_refresh (self);
  self->status_id = g_signal_connect_swapped (policy, "changed::" POLISI_POLICY_CHANGED_STATUS,
                                              G_CALLBACK (on_status_changed), self);
  self->clauses_id = g_signal_connect_swapped (policy, "changed::" POLISI_POLICY_CHANGED_CLAUSES,
                                               G_CALLBACK (on_clauses_changed), self);
  self->comments_id = g_signal_connect_swapped (polisi_policy_get_comments (policy), "items-changed",
                                                G_CALLBACK (on_comments_changed), self);
  self->proposals_id = g_signal_connect (polisi_policy_get_proposals (policy), "items-changed",
                                         G_CALLBACK (on_proposals_changed), self);
  return self;
}

guint
polisi_consultation_page_get_n_comments (PolisiConsultationPage *self)
{
  g_return_val_if_fail (POLISI_IS_CONSULTATION_PAGE (self), 0);
  return self->n_comments;
}

/**
 * polisi_consultation_page_reveal_comment:
 * @comment_id: (nullable): the comment; %NULL for the first in the list
 *
 * Opens a comment and its response, and brings it into view.
 *
 * Returns: %TRUE if there was such a comment
 */
gboolean
polisi_consultation_page_reveal_comment (PolisiConsultationPage *self,
                                         const char             *comment_id)
{
  g_return_val_if_fail (POLISI_IS_CONSULTATION_PAGE (self), FALSE);

  if (self->dirty != 0)
    refresh_dirty (self);
  for (guint i = 0; i < self->comment_rows->len; i++)
    {
      GtkWidget *row = self->comment_rows->pdata[i];
      const char *id = polisi_comment_row_get_comment (POLISI_COMMENT_ROW (row))->id;

      if (comment_id == NULL || g_strcmp0 (id, comment_id) == 0)
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          gtk_widget_grab_focus (row);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * polisi_consultation_page_get_comment_row:
 *
 * Returns: (transfer none) (nullable): the row of the comment @comment_id
 */
GtkWidget *
polisi_consultation_page_get_comment_row (PolisiConsultationPage *self,
                                          const char             *comment_id)
{
  g_return_val_if_fail (POLISI_IS_CONSULTATION_PAGE (self), NULL);

  for (guint i = 0; i < self->comment_rows->len; i++)
    if (g_strcmp0 (polisi_comment_row_get_comment (self->comment_rows->pdata[i])->id, comment_id) == 0)
      return self->comment_rows->pdata[i];
  return NULL;
}

/* The response editor of a comment, or %NULL. */
GtkTextBuffer *
polisi_consultation_page_get_response_buffer (PolisiConsultationPage *self,
                                              const char             *comment_id)
{
  g_return_val_if_fail (POLISI_IS_CONSULTATION_PAGE (self), NULL);

  for (guint i = 0; i < self->comment_rows->len; i++)
    {
      PolisiCommentRow *row = self->comment_rows->pdata[i];

      if (g_strcmp0 (polisi_comment_row_get_comment (row)->id, comment_id) == 0)
        return polisi_comment_row_get_buffer (row);
    }
  return NULL;
}

/**
 * polisi_consultation_page_get_n_builds:
 *
 * Returns: how many times the page built its list of comments or of
 *   proposed changes again (for tests: typing in a clause adds none)
 */
guint
polisi_consultation_page_get_n_builds (PolisiConsultationPage *self)
{
  g_return_val_if_fail (POLISI_IS_CONSULTATION_PAGE (self), 0);
  return self->n_builds;
}
