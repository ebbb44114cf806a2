/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Input of addNote. */
export type AddNoteInput = {
  /** Plain text, 1 to 10000 characters. "@someone@example.com" mentions a user of your account, who is notified. */
  body: string;
  /** Global ID of the Conversation. */
  conversationId: string;
};

/** Input of addUser. */
export type AddUserInput = {
  /** Their sign-in address. */
  email: string;
  /** Display name. */
  name: string;
  /** What they may do. */
  role: Role;
};

/** Input of approveSuggestion. */
export type ApproveSuggestionInput = {
  /** The body as edited; omit to send the drafted one. At most 100000 characters. */
  editedBody?: string | null | undefined;
  /** The subject as edited; omit to send the drafted one. One line, at most 500 characters. */
  editedSubject?: string | null | undefined;
  /** Any unique string (a UUID) chosen by the client for this approval. Sending the same request again with the same key returns the first result instead of sending again: safe retries after a timeout. */
  idempotencyKey?: string | null | undefined;
  /** Send at this time instead of at once: in the future, at most 30 days ahead. The email is QUEUED with scheduledFor until then and cancelScheduledSend takes it back; the account's undo window applies either way (the later of the two). */
  sendAt?: string | null | undefined;
  /** Global ID of the PENDING draft (AISuggestion) to send. */
  suggestionId: string;
};

/** Input of archiveConversation. */
export type ArchiveConversationInput = {
  /** Global ID of the Conversation to archive. */
  conversationId: string;
  /** Why it is finished, for the record. */
  reason?: string | null | undefined;
};

/** Input of assignConversation. */
export type AssignConversationInput = {
  /** Global ID of the User (OWNER or AGENT of your account); null unassigns. */
  assigneeId?: string | null | undefined;
  /** Global ID of the Conversation to assign. */
  conversationId: string;
};

/** What bulkUpdateConversations does to each conversation. */
export type BulkOperationKind =
  /** Add labelIds to its labels. */
  | 'ADD_LABELS'
  /** archiveConversation. */
  | 'ARCHIVE'
  /** assignConversation to assigneeId (null unassigns). */
  | 'ASSIGN'
  /** Mark read for you. */
  | 'MARK_READ'
  /** Mark unread for you. */
  | 'MARK_UNREAD'
  /** Remove labelIds from its labels. */
  | 'REMOVE_LABELS'
  /** setConversationLabels to labelIds. */
  | 'SET_LABELS'
  /** setConversationPriority to priority. */
  | 'SET_PRIORITY'
  /** unarchiveConversation. */
  | 'UNARCHIVE';

/** Input of bulkUpdateConversations. */
export type BulkUpdateConversationsInput = {
  /** ASSIGN: the User (null unassigns). */
  assigneeId?: string | null | undefined;
  /** Global IDs of the Conversations, 1 to 100; a malformed one fails alone. */
  conversationIds: Array<string>;
  /** ADD_LABELS, REMOVE_LABELS, SET_LABELS: the Labels (at most 20). */
  labelIds?: Array<string> | null | undefined;
  /** What to do to each. */
  operation: BulkOperationKind;
  /** SET_PRIORITY: the priority. */
  priority?: Priority | null | undefined;
};

/** Input of cancelScheduledSend. */
export type CancelScheduledSendInput = {
  /** Global ID of the QUEUED outbound email (ConversationMessage) to take back. */
  messageId: string;
};

/** Narrow the conversation list. Conditions combine with AND. */
export type ConversationFilter = {
  /** Only those assigned to "ME", "UNASSIGNED" ones, or those of one user (a User's global ID). */
  assignee?: string | null | undefined;
  /** Only those with (true) or without (false) a draft waiting for review. */
  hasPendingSuggestion?: boolean | null | undefined;
  /** Only those whose newest analysed reply has one of these intents. */
  intent?: Array<Intent> | null | undefined;
  /** Only those carrying every one of these labels (Label global IDs, at most 20). */
  labelIds?: Array<string> | null | undefined;
  /** Only those whose newest message is at or after this time. */
  lastMessageAfter?: string | null | undefined;
  /** Only those whose newest message is before this time. */
  lastMessageBefore?: string | null | undefined;
  /** Only this lead's conversations (a Lead's global ID). */
  leadId?: string | null | undefined;
  /** Only those with one of these priorities. */
  priority?: Array<Priority> | null | undefined;
  /** Case-insensitive text to find in the subject, lead name, lead email or any message text. */
  search?: string | null | undefined;
  /** true: only SNOOZED conversations; false or absent: none (they are hidden by default unless `status` names SNOOZED). */
  snoozed?: boolean | null | undefined;
  /** Only conversations in one of these statuses. */
  status?: Array<ConversationStatus> | null | undefined;
  /** Only those unread (true) or read (false) by you; see Conversation.unread. */
  unread?: boolean | null | undefined;
};

/** Sort order for conversations; ties break on id in the same direction. */
export type ConversationOrder = {
  /** Sort direction. */
  direction?: OrderDirection;
  /** Sort key. */
  field?: ConversationOrderField;
};

/** What to sort conversations by. */
export type ConversationOrderField =
  /** When the conversation started. */
  | 'CREATED_AT'
  /** Time of the newest message. */
  | 'LAST_MESSAGE_AT'
  /** Priority (URGENT highest), then time of the newest message. */
  | 'PRIORITY';

/** How a conversation turned out, as a person recorded it. */
export type ConversationOutcome =
  /** The deal is off. */
  | 'LOST'
  /** A call or meeting was booked. */
  | 'MEETING_BOOKED'
  /** Nothing recorded yet. */
  | 'NONE'
  /** The lead engaged in the conversation. */
  | 'REPLIED'
  /** The lead asked not to be emailed again. */
  | 'UNSUBSCRIBED'
  /** The lead became a customer. */
  | 'WON';

/** Where a conversation stands in the review workflow. */
export type ConversationStatus =
  /** Open, with nothing waiting on either side. */
  | 'ACTIVE'
  /** Finished; takes no replies until unarchived. */
  | 'ARCHIVED'
  /** The lead replied; a person should review the drafted answer. */
  | 'NEEDS_REVIEW'
  /** Put aside until snoozedUntil (or a reply from the lead); hidden from the default list. */
  | 'SNOOZED'
  /** We replied last; waiting for the lead. */
  | 'WAITING_FOR_LEAD';

/** Input of createApiKey. */
export type CreateApiKeyInput = {
  /** What the key is for. */
  name: string;
  /** What the key may do. */
  role: Role;
};

/** Input of createLabel. */
export type CreateLabelInput = {
  /** A colour as #RRGGBB, e.g. #1f77b4. */
  color: string;
  /** 1 to 50 characters, unique in your account whatever the case. */
  name: string;
};

/** Input of createLead. */
export type CreateLeadInput = {
  /** Company. */
  company?: string | null | undefined;
  /** Other fields: a JSON object of at most 50 keys, 3 levels and 8 KiB. */
  customFields?: unknown;
  /** Email address; internationalised addresses are accepted. One lead per address. */
  email: string;
  /** Estimated deal value in the account's currency, 0 or more. */
  estimatedValue?: number | null | undefined;
  /** Name, at most 200 characters; omitted, the address's local part. */
  name?: string | null | undefined;
  /** Where the lead came from. */
  source?: string | null | undefined;
};

/** Input of createTemplate. */
export type CreateTemplateInput = {
  /** Plain-text body template, at most 20000 characters. */
  body: string;
  /** Name, unique in the account, at most 100 characters. */
  name: string;
  /** Subject template: one line. */
  subject: string;
};

/** Input of createWebhookEndpoint. */
export type CreateWebhookEndpointInput = {
  /** The event types to send it. */
  events: Array<WebhookEventType>;
  /** An https URL with a public address (docs/webhooks.md). */
  url: string;
};

/** Input of deleteTemplate. */
export type DeleteTemplateInput = {
  /** Global ID of the EmailTemplate. */
  templateId: string;
};

/** Delivery state of a message. */
export type DeliveryStatus =
  /** Rejected by the lead's mail server. */
  | 'BOUNCED'
  /** Outbound, taken back with cancelScheduledSend before it went out; it was never sent. */
  | 'CANCELLED'
  /** Accepted by the lead's mail server. */
  | 'DELIVERED'
  /** The email provider refused it, or Parley did not send it (LEAD_REPLIED, DO_NOT_CONTACT, CONVERSATION_ARCHIVED); see errorCode and errorMessage. */
  | 'FAILED'
  /** Outbound, written and about to be handed to the email provider; with scheduledFor, waiting until then (cancelScheduledSend takes it back). */
  | 'QUEUED'
  /** An inbound email we received. */
  | 'RECEIVED'
  /** Accepted by the email provider. */
  | 'SENT'
  /** Outbound, handed to the email provider without a clear answer (an error after it may have taken it, a dropped connection, a timeout). It is not sent again while the provider is asked; it becomes SENT when found, and is sent again only after the documented look-up window. A SENT or ConversationError event tells when it settles. */
  | 'UNCERTAIN';

/** Input of eraseLead. */
export type EraseLeadInput = {
  /** Global ID of the Lead to erase. */
  leadId: string;
};

/** Input of exportLeadData. */
export type ExportLeadDataInput = {
  /** Global ID of the Lead. */
  leadId: string;
};

/** Input of importLeads. */
export type ImportLeadsInput = {
  /** CSV text, at most 786432 bytes and 5000 rows, with a header row. Known columns: email (required), name (or first_name and last_name), company, estimated_value, source; every other column goes into customFields. Comma, semicolon or tab separated; quoted cells may hold newlines; a byte-order mark and any line endings are fine. */
  csv: string;
};

/** What importLeads did with one row. */
export type ImportRowStatus =
  /** A new lead. */
  | 'CREATED'
  /** Nothing was written for this row; issues says why. */
  | 'FAILED'
  /** The address was already a lead's (or an earlier row's): its blank cells kept the lead's values, the others replaced them. */
  | 'UPDATED';

/** What the lead's reply is trying to do. */
export type Intent =
  /** Wants to hear more. */
  | 'INTERESTED'
  /** Asks for or accepts a call or meeting. */
  | 'MEETING_REQUEST'
  /** Declines. */
  | 'NOT_INTERESTED'
  /** Pushes back: price, timing, an incumbent, doubt. */
  | 'OBJECTION'
  /** None of the above. */
  | 'OTHER'
  /** An automatic away reply. */
  | 'OUT_OF_OFFICE'
  /** Asks something that needs an answer. */
  | 'QUESTION'
  /** Points to someone else who decides. */
  | 'REFERRAL'
  /** Asks not to be emailed again. */
  | 'UNSUBSCRIBE';

/** How a lead was created or changed. */
export type LeadEventVia =
  /** By a person or an API key (createLead, updateLead). */
  | 'API'
  /** By importLeads. */
  | 'IMPORT'
  /** By a first email from an address the account did not know. */
  | 'INBOUND_EMAIL';

/** Narrow the lead list. Conditions combine with AND. */
export type LeadFilter = {
  /** Only do-not-contact leads (true) or only contactable ones (false). */
  doNotContact?: boolean | null | undefined;
  /** Case-insensitive text to find in the name, email address or company (taken literally: % and _ are not wildcards). */
  search?: string | null | undefined;
  /** Only leads from this source (exact, case-insensitive). */
  source?: string | null | undefined;
};

/** Input of markConversationsRead. */
export type MarkConversationsReadInput = {
  /** Global IDs of the Conversations, at most 100. */
  conversationIds: Array<string>;
  /** True marks them read, false unread. */
  read?: boolean;
};

/** Input of mergeConversations. */
export type MergeConversationsInput = {
  /** Global ID of the conversation merged away (its messages move). */
  sourceId: string;
  /** Global ID of the conversation that receives them. */
  targetId: string;
};

/** Which way an email travelled. */
export type MessageDirection =
  /** From the lead to us. */
  | 'INBOUND'
  /** From us to the lead. */
  | 'OUTBOUND';

/** Input of moveMessage. */
export type MoveMessageInput = {
  /** Global ID of the ConversationMessage to move. */
  messageId: string;
  /** Global ID of the conversation to move it to; null or absent: a new conversation of its own (a split). */
  toConversationId?: string | null | undefined;
};

/** Sort direction. */
export type OrderDirection =
  /** Oldest or smallest first. */
  | 'ASC'
  /** Newest or largest first. */
  | 'DESC';

/** How urgently a conversation needs a person; sorts LOW < NORMAL < HIGH < URGENT. */
export type Priority =
  /** Soon: the analyser sets this for urgent replies until a person sets a priority. */
  | 'HIGH'
  /** Whenever convenient. */
  | 'LOW'
  /** The default. */
  | 'NORMAL'
  /** Now. */
  | 'URGENT';

/** Input of regenerateSuggestion. */
export type RegenerateSuggestionInput = {
  /** Global ID of the Conversation to redraft for. */
  conversationId: string;
  /** An extra instruction for the drafter, at most 500 characters. */
  customPrompt?: string | null | undefined;
  /** Length of the new draft. */
  length?: ReplyLength | null | undefined;
  /** Global ID of the lead's email (ConversationMessage) to answer (default: their newest). */
  messageId?: string | null | undefined;
  /** Voice of the new draft. */
  tone?: ReplyTone | null | undefined;
};

/** Input of rejectSuggestion. */
export type RejectSuggestionInput = {
  /** Why, for measuring drafts (at most 1000 characters). */
  reason?: string | null | undefined;
  /** Global ID of the PENDING draft (AISuggestion) to reject. */
  suggestionId: string;
};

/** How long a regenerated draft should be. */
export type ReplyLength =
  /** About 150 to 250 words. */
  | 'LONG'
  /** About 80 to 150 words (the default). */
  | 'MEDIUM'
  /** At most about 60 words. */
  | 'SHORT';

/** The voice of a regenerated draft. */
export type ReplyTone =
  /** Brief and to the point. */
  | 'CONCISE'
  /** Understanding; acknowledges the lead's situation first. */
  | 'EMPATHETIC'
  /** Upbeat and energetic. */
  | 'ENTHUSIASTIC'
  /** Warm and personal. */
  | 'FRIENDLY'
  /** Courteous and businesslike (the default). */
  | 'PROFESSIONAL';

/** Input of resendWebhookDelivery. */
export type ResendWebhookDeliveryInput = {
  /** Global ID of the WebhookDelivery to send again. */
  deliveryId: string;
};

/** Input of resolveSuggestedAction. */
export type ResolveSuggestedActionInput = {
  /** The conversation whose suggested action to answer. */
  conversationId: string;
  /** Confirm or dismiss it. */
  decision: SuggestedActionDecision;
};

/** Input of revokeApiKey. */
export type RevokeApiKeyInput = {
  /** Global ID of the ApiKey to revoke. */
  apiKeyId: string;
};

/** What a user or API key may do. */
export type Role =
  /** Read, and act on conversations: approve, reject, reply, regenerate, archive. */
  | 'AGENT'
  /** Everything, including users, API keys and the audit log. */
  | 'OWNER'
  /** Read only. */
  | 'VIEWER';

/** Input of sendReply. */
export type SendReplyInput = {
  /** Plain-text body, at most 100000 characters (omit with templateId). */
  body?: string | null | undefined;
  /** HTML body, at most 500000 characters; omitted, a plain HTML version of the text is sent. */
  bodyHtml?: string | null | undefined;
  /** Global ID of the Conversation to answer. */
  conversationId: string;
  /** Any unique string (a UUID) chosen by the client for this reply. Sending the same request again with the same key returns the first result instead of sending a second email: safe retries and double clicks. */
  idempotencyKey?: string | null | undefined;
  /** Send at this time instead of at once: in the future, at most 30 days ahead. The email is QUEUED with scheduledFor until then and cancelScheduledSend takes it back; the account's undo window applies either way (the later of the two). */
  sendAt?: string | null | undefined;
  /** Subject line: one line, at most 500 characters (omit with templateId). */
  subject?: string | null | undefined;
  /** Global ID of an EmailTemplate to render for the conversation's lead instead of subject and body. */
  templateId?: string | null | undefined;
};

/** Input of setConversationLabels. */
export type SetConversationLabelsInput = {
  /** Global ID of the Conversation. */
  conversationId: string;
  /** Global IDs of every Label it should carry (at most 20); [] removes all. */
  labelIds: Array<string>;
};

/** Input of setConversationOutcome. */
export type SetConversationOutcomeInput = {
  /** Global ID of the Conversation. */
  conversationId: string;
  /** How it turned out; NONE clears it. */
  outcome: ConversationOutcome;
};

/** Input of setConversationPriority. */
export type SetConversationPriorityInput = {
  /** Global ID of the Conversation. */
  conversationId: string;
  /** Its new priority. */
  priority: Priority;
};

/** Input of setFollowUpPolicy. */
export type SetFollowUpPolicyInput = {
  /** Whether follow-ups are drafted. */
  enabled: boolean;
  /** Days of silence after our last email before a follow-up is drafted: 1 to 90. */
  followUpAfterDays: number;
  /** Follow-ups per conversation since the lead last wrote: 0 to 10. */
  maxFollowUps: number;
  /** On these ISO weekdays, 1 Monday to 7 Sunday (default Monday to Friday). */
  sendWindowDays?: Array<number> | null | undefined;
  /** Until before this hour, UTC (1-24; default 24). */
  sendWindowEndHour?: number | null | undefined;
  /** Follow-ups are drafted from this hour, UTC (0-23; default 0). */
  sendWindowStartHour?: number | null | undefined;
};

/** Input of snoozeConversation. */
export type SnoozeConversationInput = {
  /** Global ID of the Conversation to snooze. */
  conversationId: string;
  /** When it wakes by itself: in the future, at most a year away. */
  until: string;
};

/** Why a conversation is snoozed. */
export type SnoozeReason =
  /** A person snoozed it. */
  | 'MANUAL'
  /** Automatically: the lead's away notice named the day they are back. */
  | 'OUT_OF_OFFICE';

/** Input of startConversation: subject and body, or a templateId. */
export type StartConversationInput = {
  /** Plain-text body, at most 100000 characters (omit with templateId). */
  body?: string | null | undefined;
  /** HTML body, at most 500000 characters; omitted, a plain HTML version of the text is sent. */
  bodyHtml?: string | null | undefined;
  /** Any unique string (a UUID) chosen by the client. Sending the same request again with the same key returns the first result (the same conversation and email) instead of opening a second one. */
  idempotencyKey?: string | null | undefined;
  /** Global ID of the Lead to write to. */
  leadId: string;
  /** Send at this time instead of at once: in the future, at most 30 days ahead. The email is QUEUED with scheduledFor until then and cancelScheduledSend takes it back; the account's undo window applies either way (the later of the two). */
  sendAt?: string | null | undefined;
  /** Subject line: one line, at most 500 characters (omit with templateId). */
  subject?: string | null | undefined;
  /** Global ID of an EmailTemplate to render for the lead instead of subject and body. */
  templateId?: string | null | undefined;
};

/** A person's answer to a suggested action. */
export type SuggestedActionDecision =
  /** Carry the action out. */
  | 'CONFIRM'
  /** Do not; clear the suggestion. */
  | 'DISMISS';

/** An action on a lead that the analyser suggests and a person confirms or dismisses. */
export type SuggestedActionKind =
  /** The reply may ask us to stop emailing. Confirming marks the lead do-not-contact and withdraws pending drafts. */
  | 'MARK_DO_NOT_CONTACT';

/** What an AI draft is for. */
export type SuggestionKind =
  /** A follow-up after our last email got no reply for the account policy's days (setFollowUpPolicy). */
  | 'FOLLOW_UP'
  /** The answer to the lead's latest email. */
  | 'REPLY';

/** Review state of an AI-drafted reply. */
export type SuggestionStatus =
  /** Sent as drafted. */
  | 'APPROVED'
  /** Sent after a person changed the text. */
  | 'EDITED'
  /** Waiting for a person to approve, edit or reject it. */
  | 'PENDING'
  /** Declined by a person. */
  | 'REJECTED'
  /** Replaced by a newer draft before anyone decided. */
  | 'SUPERSEDED'
  /** Withdrawn when its conversation was archived; unarchiving does not bring it back. */
  | 'WITHDRAWN';

/** Input of unarchiveConversation. */
export type UnarchiveConversationInput = {
  /** Global ID of the Conversation to reopen. */
  conversationId: string;
};

/** Input of unsnoozeConversation. */
export type UnsnoozeConversationInput = {
  /** Global ID of the snoozed Conversation. */
  conversationId: string;
};

/** Input of updateLead. Omitted fields stay as they are; null clears company, estimatedValue, source or customFields. */
export type UpdateLeadInput = {
  /** Company. */
  company?: string | null | undefined;
  /** Replaces the other fields whole: a JSON object of at most 50 keys, 3 levels and 8 KiB. */
  customFields?: unknown;
  /** New email address; one lead per address. */
  email?: string | null | undefined;
  /** Estimated deal value in the account's currency, 0 or more. */
  estimatedValue?: number | null | undefined;
  /** Global ID of the Lead to change. */
  leadId: string;
  /** New name, at most 200 characters. */
  name?: string | null | undefined;
  /** Where the lead came from. */
  source?: string | null | undefined;
};

/** Input of updateSendSettings; a field left out is unchanged. */
export type UpdateSendSettingsInput = {
  /** Whether a scheduled email still goes when the lead replied after it was scheduled. */
  sendScheduledAfterReply?: boolean | null | undefined;
  /** Seconds every send waits, cancellable, before it goes: 0 to 3600. 0 sends at once. */
  undoWindowSeconds?: number | null | undefined;
  /** True: back to the server's default undo window (undoWindowSeconds is then ignored). */
  useDefaultUndoWindow?: boolean | null | undefined;
};

/** Input of updateTemplate: omitted fields stay as they are. */
export type UpdateTemplateInput = {
  /** New body template. */
  body?: string | null | undefined;
  /** New name. */
  name?: string | null | undefined;
  /** New subject template. */
  subject?: string | null | undefined;
  /** Global ID of the EmailTemplate. */
  templateId: string;
};

/** Input of updateWebhookEndpoint. */
export type UpdateWebhookEndpointInput = {
  /** False disables it; true or absent enables it (also after persistent failure). */
  enabled?: boolean | null | undefined;
  /** Global ID of the WebhookEndpoint. */
  endpointId: string;
  /** The new event types. */
  events?: Array<WebhookEventType> | null | undefined;
  /** A new URL. */
  url?: string | null | undefined;
};

/** Where a webhook delivery stands. */
export type WebhookDeliveryStatus =
  /** Not attempted: the endpoint was disabled before its turn. */
  | 'CANCELLED'
  /** Every attempt failed; resendWebhookDelivery tries again. */
  | 'FAILED'
  /** Not delivered yet: waiting for its first attempt or a retry. */
  | 'PENDING'
  /** The endpoint answered 2xx. */
  | 'SUCCEEDED';

/** An event an outbound webhook endpoint can receive (the body's "type"). */
export type WebhookEventType =
  /** An AI draft is ready for review: data.conversationId, data.suggestionId, data.confidence. */
  | 'AI_READY'
  /** A conversation was archived: data.reason. */
  | 'ARCHIVED'
  /** A conversation was merged into another: data.sourceId (gone; node(id) answers the target), data.targetId (= data.conversationId), data.messagesMoved. */
  | 'CONVERSATION_MERGED'
  /** The email provider reported on a sent email (delivered, opened, clicked, bounced, spam complaint, unsubscribed): data.messageId, data.kind, data.leadBlocked, data.link, data.detail. */
  | 'DELIVERY'
  /** Something went wrong on a conversation (a send failed, the model was unavailable): data.code, data.message. */
  | 'ERROR'
  /** A lead was created (by a person, an import or a first email from a stranger): data.leadId, data.via (API, IMPORT, INBOUND_EMAIL). No conversationId. */
  | 'LEAD_CREATED'
  /** A conversation's lead became do-not-contact (an unsubscribe, a complaint, a confirmed suggestion): data.leadId, data.reason. */
  | 'LEAD_DO_NOT_CONTACT'
  /** A lead's details were changed (by a person or an import): data.leadId, data.via. No conversationId. */
  | 'LEAD_UPDATED'
  /** An email was moved to another conversation, or split into a new one: data.messageId, data.fromId, data.toId (= data.conversationId), data.split. */
  | 'MESSAGE_MOVED'
  /** A lead replied: data.conversationId, data.messageId. */
  | 'NEW_REPLY'
  /** An email was sent: data.conversationId, data.messageId, data.suggestionId (null for a custom reply). */
  | 'SENT';

export type ArchiveMutationVariables = Exact<{
  input: ArchiveConversationInput;
}>;


export type ArchiveMutation = { archiveConversation:
    | { __typename: 'ArchiveConversationPayload', conversation: { id: string, status: ConversationStatus, archivedAt: string | null, archiveReason: string | null, hasPendingSuggestion: boolean, pendingSuggestion: { id: string } | null }, withdrawnSuggestion: { id: string, status: SuggestionStatus } | null }
    | { __typename: 'ForbiddenError', message: string, code: string }
    | { __typename: 'InvalidStateError', message: string, code: string, currentState: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type PendingStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type PendingStatsQuery = { conversationStats: { ai: { pending: number }, conversations: { needsReview: number } } };

export type UnarchiveMutationVariables = Exact<{
  input: UnarchiveConversationInput;
}>;


export type UnarchiveMutation = { unarchiveConversation:
    | { __typename: 'ForbiddenError', message: string, code: string }
    | { __typename: 'InvalidStateError', message: string, code: string, currentState: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'UnarchiveConversationPayload', conversation: { id: string, status: ConversationStatus, archivedAt: string | null, archiveReason: string | null } }
    | { __typename: 'ValidationError', message: string, code: string }
   };

export type WhoAmIQueryVariables = Exact<{ [key: string]: never; }>;


export type WhoAmIQuery = { viewer: { role: Role, actor: string, user: { name: string, email: string, role: Role } | null, account: { slug: string } }, conversations: { totalCount: number } };

export type ArchiveAsMutationVariables = Exact<{
  input: ArchiveConversationInput;
}>;


export type ArchiveAsMutation = { archiveConversation:
    | { __typename: 'ArchiveConversationPayload' }
    | { __typename: 'ForbiddenError', code: string, message: string, requiredRole: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type UnarchiveAsMutationVariables = Exact<{
  input: UnarchiveConversationInput;
}>;


export type UnarchiveAsMutation = { unarchiveConversation:
    | { __typename: 'ForbiddenError', code: string }
    | { __typename: 'InvalidStateError', code: string }
    | { __typename: 'NotFoundError', code: string }
    | { __typename: 'UnarchiveConversationPayload' }
    | { __typename: 'ValidationError', code: string }
   };

export type AddUserMutationVariables = Exact<{
  input: AddUserInput;
}>;


export type AddUserMutation = { addUser:
    | { __typename: 'AddUserPayload', user: { email: string, role: Role } }
    | { __typename: 'ForbiddenError', code: string, requiredRole: string }
    | { __typename: 'NotFoundError', code: string }
    | { __typename: 'ValidationError', code: string }
   };

export type CreateKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateKeyMutation = { createApiKey:
    | { __typename: 'CreateApiKeyPayload', key: string, apiKey: { id: string, role: Role } }
    | { __typename: 'ForbiddenError', code: string }
    | { __typename: 'NotFoundError', code: string }
    | { __typename: 'ValidationError', code: string }
   };

export type RevokeKeyMutationVariables = Exact<{
  input: RevokeApiKeyInput;
}>;


export type RevokeKeyMutation = { revokeApiKey:
    | { __typename: 'ForbiddenError', code: string }
    | { __typename: 'InvalidStateError', code: string }
    | { __typename: 'NotFoundError', code: string }
    | { __typename: 'RevokeApiKeyPayload', apiKey: { revokedAt: string | null } }
    | { __typename: 'ValidationError', code: string }
   };

export type AuditQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditQuery = { auditLog: { edges: Array<{ node: { action: string, actor: string, fromStatus: string | null, toStatus: string | null } }> } };

export type ConversationsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  filter?: ConversationFilter | null | undefined;
  orderBy?: ConversationOrder | null | undefined;
}>;


export type ConversationsQuery = { conversations: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, subject: string, status: ConversationStatus, lastMessageAt: string, createdAt: string, hasPendingSuggestion: boolean, lead: { id: string, name: string } } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type ConversationQueryVariables = Exact<{
  id: string;
}>;


export type ConversationQuery = { conversation: { id: string, subject: string, lead: { name: string, email: string }, lastMessage: { textBody: string } | null, pendingSuggestion: { id: string, status: SuggestionStatus, confidence: number, analysis: { intent: Intent | null, keyPoints: Array<string> } } | null, messages: { totalCount: number, edges: Array<{ node: { direction: MessageDirection, textBody: string, createdAt: string } }> }, suggestions: { totalCount: number, edges: Array<{ node: { status: SuggestionStatus } }> } } | null };

export type NodeQueryVariables = Exact<{
  id: string;
}>;


export type NodeQuery = { node:
    | { __typename: 'AISuggestion', id: string }
    | { __typename: 'ApiKey', id: string }
    | { __typename: 'Conversation', subject: string, id: string }
    | { __typename: 'ConversationMessage', id: string }
    | { __typename: 'EmailTemplate', id: string }
    | { __typename: 'Label', id: string }
    | { __typename: 'Lead', id: string }
    | { __typename: 'Note', id: string }
    | { __typename: 'OutboxEmail', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'WebhookDelivery', id: string }
    | { __typename: 'WebhookEndpoint', id: string }
   | null };

export type UnknownAndKnownQueryVariables = Exact<{
  unknown: string;
  known: string;
}>;


export type UnknownAndKnownQuery = { unknown: { id: string } | null, known: { id: string } | null };

export type MessageStateQueryVariables = Exact<{
  id: string;
}>;


export type MessageStateQuery = { node:
    | { deliveryStatus: DeliveryStatus, deliveredAt: string | null, openCount: number, firstOpenedAt: string | null, clickCount: number, firstClickedAt: string | null, clickedLinks: Array<string>, errorCode: string | null, errorMessage: string | null, conversation: { lead: { doNotContact: boolean } } }
    | Record<PropertyKey, never>
   | null };

export type DeliveryFiguresQueryVariables = Exact<{
  since: string;
  until: string;
}>;


export type DeliveryFiguresQuery = { conversationStats: { delivery: { delivered: number, bounced: number, opened: number, clicked: number, opens: number, clicks: number, openRate: number | null, clickRate: number | null, deliveryRate: number | null } } };

export type DraftLanguageQueryVariables = Exact<{
  id: string;
}>;


export type DraftLanguageQuery = { conversation: { pendingSuggestion: { id: string, body: string, language: string | null, needsHumanWriter: boolean, humanWriterReason: string | null, confidence: number, safetyFlags: Array<string> } | null } | null };

export type ApproveHumanWriterDraftMutationVariables = Exact<{
  input: ApproveSuggestionInput;
}>;


export type ApproveHumanWriterDraftMutation = { approveSuggestion:
    | { __typename: 'ApproveSuggestionPayload' }
    | { __typename: 'EmailDeliveryError' }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'InvalidStateError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'RateLimitedError' }
    | { __typename: 'ValidationError', code: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type RegenerateWithModelMutationVariables = Exact<{
  input: RegenerateSuggestionInput;
}>;


export type RegenerateWithModelMutation = { regenerateSuggestion:
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'RateLimitedError', code: string, message: string }
    | { __typename: 'RegenerateSuggestionPayload', suggestion: { id: string, status: SuggestionStatus, tone: string | null, length: string | null, customPrompt: string | null, body: string, model: string, fallback: boolean, estimatedCost: number | null }, supersededSuggestion: { id: string, status: SuggestionStatus } | null, conversation: { id: string, status: ConversationStatus } }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type WhoActsQueryVariables = Exact<{ [key: string]: never; }>;


export type WhoActsQuery = { viewer: { actor: string } };

export type OnEveryFieldSubscriptionVariables = Exact<{
  conversationId?: string | null | undefined;
}>;


export type OnEveryFieldSubscription = { conversationEvents:
    | { __typename: 'AIReadyEvent', at: string, confidence: number, conversation: { id: string, status: ConversationStatus }, suggestion: { id: string, status: SuggestionStatus } | null }
    | { __typename: 'ArchivedEvent' }
    | { __typename: 'AssignedEvent' }
    | { __typename: 'ConversationErrorEvent', at: string, code: string, message: string, conversation: { id: string, status: ConversationStatus }, email: { id: string, deliveryStatus: DeliveryStatus } | null, suggestion: { id: string, status: SuggestionStatus } | null }
    | { __typename: 'ConversationMergedEvent' }
    | { __typename: 'DeliveryUpdateEvent' }
    | { __typename: 'LabelsChangedEvent' }
    | { __typename: 'LeadDoNotContactEvent' }
    | { __typename: 'MentionedEvent' }
    | { __typename: 'MessageMovedEvent' }
    | { __typename: 'NewReplyEvent', at: string, conversation: { id: string, status: ConversationStatus }, email: { id: string, direction: MessageDirection } | null }
    | { __typename: 'NoteAddedEvent' }
    | { __typename: 'OutcomeSetEvent' }
    | { __typename: 'PriorityChangedEvent' }
    | { __typename: 'ReadStateChangedEvent' }
    | { __typename: 'SentEvent', at: string, conversation: { id: string, status: ConversationStatus }, email: { id: string, deliveryStatus: DeliveryStatus } | null, suggestion: { id: string, status: SuggestionStatus } | null }
    | { __typename: 'SnoozedEvent' }
    | { __typename: 'SuggestedActionResolvedEvent' }
    | { __typename: 'SuggestionRejectedEvent' }
    | { __typename: 'SuggestionSupersededEvent' }
    | { __typename: 'SuggestionWithdrawnEvent' }
    | { __typename: 'UnarchivedEvent' }
    | { __typename: 'UnsnoozedEvent' }
    | { __typename: 'WokeEvent' }
   };

export type OnSentSubscriptionVariables = Exact<{
  conversationId?: string | null | undefined;
}>;


export type OnSentSubscription = { sent: { at: string, conversation: { id: string }, email: { id: string } | null, suggestion: { id: string } | null } };

export type OnConversationErrorSubscriptionVariables = Exact<{
  conversationId?: string | null | undefined;
}>;


export type OnConversationErrorSubscription = { conversationError: { at: string, code: string, message: string, conversation: { id: string }, email: { id: string } | null, suggestion: { id: string } | null } };

export type SnoozeMutationVariables = Exact<{
  input: SnoozeConversationInput;
}>;


export type SnoozeMutation = { snoozeConversation:
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'SnoozeConversationPayload', conversation: { status: ConversationStatus, snoozedUntil: string | null, snoozeReason: SnoozeReason | null } }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type UnsnoozeMutationVariables = Exact<{
  input: UnsnoozeConversationInput;
}>;


export type UnsnoozeMutation = { unsnoozeConversation:
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'UnsnoozeConversationPayload', conversation: { status: ConversationStatus, snoozedUntil: string | null, snoozeReason: SnoozeReason | null } }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type SnoozeListQueryVariables = Exact<{
  filter?: ConversationFilter | null | undefined;
}>;


export type SnoozeListQuery = { conversations: { edges: Array<{ node: { id: string, status: ConversationStatus } }> } };

export type ArchiveForEventsMutationVariables = Exact<{
  input: ArchiveConversationInput;
}>;


export type ArchiveForEventsMutation = { archiveConversation:
    | { __typename: 'ArchiveConversationPayload' }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'InvalidStateError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type UnarchiveForEventsMutationVariables = Exact<{
  input: UnarchiveConversationInput;
}>;


export type UnarchiveForEventsMutation = { unarchiveConversation:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'InvalidStateError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'UnarchiveConversationPayload' }
    | { __typename: 'ValidationError' }
   };

export type OutcomeForEventsMutationVariables = Exact<{
  input: SetConversationOutcomeInput;
}>;


export type OutcomeForEventsMutation = { setConversationOutcome:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'InvalidStateError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'SetConversationOutcomePayload' }
    | { __typename: 'ValidationError' }
   };

export type RejectForEventsMutationVariables = Exact<{
  input: RejectSuggestionInput;
}>;


export type RejectForEventsMutation = { rejectSuggestion:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'InvalidStateError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'RejectSuggestionPayload' }
    | { __typename: 'ValidationError' }
   };

export type ResolveForEventsMutationVariables = Exact<{
  input: ResolveSuggestedActionInput;
}>;


export type ResolveForEventsMutation = { resolveSuggestedAction:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'InvalidStateError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ResolveSuggestedActionPayload' }
    | { __typename: 'ValidationError' }
   };

export type ReplayEventsSubscriptionVariables = Exact<{
  since?: string | null | undefined;
  conversationId?: string | null | undefined;
}>;


export type ReplayEventsSubscription = { conversationEvents:
    | { __typename: 'AIReadyEvent' }
    | { __typename: 'ArchivedEvent', cursor: string, reason: string | null, conversation: { id: string, status: ConversationStatus } }
    | { __typename: 'AssignedEvent' }
    | { __typename: 'ConversationErrorEvent' }
    | { __typename: 'ConversationMergedEvent' }
    | { __typename: 'DeliveryUpdateEvent' }
    | { __typename: 'LabelsChangedEvent' }
    | { __typename: 'LeadDoNotContactEvent' }
    | { __typename: 'MentionedEvent' }
    | { __typename: 'MessageMovedEvent' }
    | { __typename: 'NewReplyEvent', cursor: string }
    | { __typename: 'NoteAddedEvent' }
    | { __typename: 'OutcomeSetEvent', cursor: string, outcome: ConversationOutcome, previousOutcome: ConversationOutcome }
    | { __typename: 'PriorityChangedEvent' }
    | { __typename: 'ReadStateChangedEvent' }
    | { __typename: 'SentEvent' }
    | { __typename: 'SnoozedEvent', cursor: string, until: string, snoozeReason: SnoozeReason }
    | { __typename: 'SuggestedActionResolvedEvent' }
    | { __typename: 'SuggestionRejectedEvent' }
    | { __typename: 'SuggestionSupersededEvent' }
    | { __typename: 'SuggestionWithdrawnEvent' }
    | { __typename: 'UnarchivedEvent', cursor: string, status: ConversationStatus }
    | { __typename: 'UnsnoozedEvent', cursor: string, status: ConversationStatus }
    | { __typename: 'WokeEvent' }
   };

export type SetFollowUpPolicyMutationVariables = Exact<{
  input: SetFollowUpPolicyInput;
}>;


export type SetFollowUpPolicyMutation = { setFollowUpPolicy:
    | { __typename: 'ForbiddenError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'SetFollowUpPolicyPayload', account: { followUpPolicy: { enabled: boolean, followUpAfterDays: number, maxFollowUps: number, sendWindowStartHour: number, sendWindowEndHour: number, sendWindowDays: Array<number> } } }
    | { __typename: 'ValidationError', message: string, code: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type FollowUpPendingQueryVariables = Exact<{
  id: string;
}>;


export type FollowUpPendingQuery = { conversation: { status: ConversationStatus, pendingSuggestion: { id: string, kind: SuggestionKind, subject: string, body: string, status: SuggestionStatus, followUpOf: { id: string } | null } | null } | null };

export type RegenerateFollowUpMutationVariables = Exact<{
  input: RegenerateSuggestionInput;
}>;


export type RegenerateFollowUpMutation = { regenerateSuggestion:
    | { __typename: 'ForbiddenError', message: string, code: string }
    | { __typename: 'InvalidStateError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'RateLimitedError', message: string, code: string }
    | { __typename: 'RegenerateSuggestionPayload', suggestion: { id: string, kind: SuggestionKind, status: SuggestionStatus, body: string, tone: string | null, followUpOf: { id: string } | null }, supersededSuggestion: { id: string, kind: SuggestionKind, status: SuggestionStatus } | null, conversation: { status: ConversationStatus } }
    | { __typename: 'ValidationError', message: string, code: string }
   };

export type ApproveFollowUpMutationVariables = Exact<{
  input: ApproveSuggestionInput;
}>;


export type ApproveFollowUpMutation = { approveSuggestion:
    | { __typename: 'ApproveSuggestionPayload', reply: { id: string, deliveryStatus: DeliveryStatus }, conversation: { status: ConversationStatus } }
    | { __typename: 'EmailDeliveryError', message: string, code: string }
    | { __typename: 'ForbiddenError', message: string, code: string }
    | { __typename: 'InvalidStateError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'RateLimitedError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string }
   };

export type CreateLeadIdnMutationVariables = Exact<{
  input: CreateLeadInput;
}>;


export type CreateLeadIdnMutation = { createLead:
    | { __typename: 'CreateLeadPayload', lead: { id: string, email: string } }
    | { __typename: 'DuplicateLeadError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type StartConversationIdnMutationVariables = Exact<{
  input: StartConversationInput;
}>;


export type StartConversationIdnMutation = { startConversation:
    | { __typename: 'EmailDeliveryError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, currentState: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'RateLimitedError', code: string, message: string }
    | { __typename: 'StartConversationPayload', firstEmail: { id: string, deliveryStatus: DeliveryStatus, toEmail: string }, conversation: { id: string } }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type AuditIdsQueryVariables = Exact<{
  entityId?: string | null | undefined;
}>;


export type AuditIdsQuery = { auditLog: { edges: Array<{ node: { id: string, actor: string, entityType: string, entityId: string, action: string } }> }, viewer: { actor: string, user: { name: string, email: string, role: Role } | null, account: { id: string } } };

export type ImportLeadsTMutationVariables = Exact<{
  input: ImportLeadsInput;
}>;


export type ImportLeadsTMutation = { importLeads:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'ImportLeadsPayload', created: number, updated: number, failed: number, rows: Array<{ row: number, status: ImportRowStatus, lead: { id: string, email: string, name: string, company: string | null, estimatedValue: number | null, source: string | null, customFields: unknown } | null, issues: Array<{ path: Array<string>, message: string }> }> }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError', code: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type InboundMessageQueryVariables = Exact<{
  id: string;
}>;


export type InboundMessageQuery = { node:
    | { fromEmail: string, fromName: string | null, subject: string, textBody: string, htmlBody: string | null, strippedText: string | null, ccEmails: Array<string>, attachments: Array<{ name: string, contentType: string, size: number }>, originalPayload: { sizeBytes: number, sha256: string, contentBase64: string } | null, conversation: { subject: string, lead: { email: string, name: string } } }
    | Record<PropertyKey, never>
   | null };

export type LargeMessageQueryVariables = Exact<{
  id: string;
}>;


export type LargeMessageQuery = { node:
    | { fromEmail: string, textBody: string, attachments: Array<{ name: string, size: number }>, originalPayload: { sizeBytes: number, sha256: string } | null, conversation: { status: ConversationStatus, lead: { email: string } } }
    | Record<PropertyKey, never>
   | null };

export type InboundThreadQueryVariables = Exact<{
  id: string;
}>;


export type InboundThreadQuery = { conversation: { status: ConversationStatus, lead: { email: string, name: string }, lastMessage: { direction: MessageDirection, textBody: string, strippedText: string | null, htmlBody: string | null, fromEmail: string, ccEmails: Array<string>, attachments: Array<{ name: string, contentType: string, size: number }> } | null, messages: { totalCount: number } } | null };

export type OnInboxEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OnInboxEventsSubscription = { conversationEvents:
    | { __typename: 'AIReadyEvent' }
    | { __typename: 'ArchivedEvent' }
    | { __typename: 'AssignedEvent', assignee: { email: string } | null, previousAssignee: { email: string } | null }
    | { __typename: 'ConversationErrorEvent' }
    | { __typename: 'ConversationMergedEvent' }
    | { __typename: 'DeliveryUpdateEvent' }
    | { __typename: 'LabelsChangedEvent', conversation: { labels: Array<{ name: string }> } }
    | { __typename: 'LeadDoNotContactEvent' }
    | { __typename: 'MentionedEvent', note: { body: string } | null }
    | { __typename: 'MessageMovedEvent' }
    | { __typename: 'NewReplyEvent' }
    | { __typename: 'NoteAddedEvent', note: { body: string, author: { email: string } | null } | null }
    | { __typename: 'OutcomeSetEvent' }
    | { __typename: 'PriorityChangedEvent', priority: Priority, previousPriority: Priority }
    | { __typename: 'ReadStateChangedEvent', read: boolean, conversation: { id: string, unread: boolean } }
    | { __typename: 'SentEvent' }
    | { __typename: 'SnoozedEvent' }
    | { __typename: 'SuggestedActionResolvedEvent' }
    | { __typename: 'SuggestionRejectedEvent' }
    | { __typename: 'SuggestionSupersededEvent' }
    | { __typename: 'SuggestionWithdrawnEvent' }
    | { __typename: 'UnarchivedEvent' }
    | { __typename: 'UnsnoozedEvent' }
    | { __typename: 'WokeEvent' }
   };

export type PrivateNoteMutationVariables = Exact<{
  input: AddNoteInput;
}>;


export type PrivateNoteMutation = { addNote:
    | { __typename: 'AddNotePayload', note: { id: string, body: string } }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type PrivateApproveMutationVariables = Exact<{
  input: ApproveSuggestionInput;
}>;


export type PrivateApproveMutation = { approveSuggestion:
    | { __typename: 'ApproveSuggestionPayload', reply: { id: string, deliveryStatus: DeliveryStatus } }
    | { __typename: 'EmailDeliveryError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'RateLimitedError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type PrivatePriorityMutationVariables = Exact<{
  input: SetConversationPriorityInput;
}>;


export type PrivatePriorityMutation = { setConversationPriority:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'InvalidStateError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'SetConversationPriorityPayload' }
    | { __typename: 'ValidationError' }
   };

export type InboxUnreadQueryVariables = Exact<{
  id: string;
}>;


export type InboxUnreadQuery = { conversation: { id: string, unread: boolean } | null, viewer: { unreadCount: number } };

export type InboxMarkReadMutationVariables = Exact<{
  input: MarkConversationsReadInput;
}>;


export type InboxMarkReadMutation = { markConversationsRead:
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string, currentState: string }
    | { __typename: 'MarkConversationsReadPayload', conversations: Array<{ id: string, unread: boolean }> }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type InboxAssignMutationVariables = Exact<{
  input: AssignConversationInput;
}>;


export type InboxAssignMutation = { assignConversation:
    | { __typename: 'AssignConversationPayload', conversation: { id: string, assignee: { id: string, email: string } | null } }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type InboxCreateLabelMutationVariables = Exact<{
  input: CreateLabelInput;
}>;


export type InboxCreateLabelMutation = { createLabel:
    | { __typename: 'CreateLabelPayload', label: { id: string, name: string, color: string } }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type InboxSetLabelsMutationVariables = Exact<{
  input: SetConversationLabelsInput;
}>;


export type InboxSetLabelsMutation = { setConversationLabels:
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'SetConversationLabelsPayload', conversation: { id: string, labels: Array<{ id: string, name: string }> } }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type InboxSetPriorityMutationVariables = Exact<{
  input: SetConversationPriorityInput;
}>;


export type InboxSetPriorityMutation = { setConversationPriority:
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'SetConversationPriorityPayload', conversation: { id: string, priority: Priority } }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type InboxAddNoteMutationVariables = Exact<{
  input: AddNoteInput;
}>;


export type InboxAddNoteMutation = { addNote:
    | { __typename: 'AddNotePayload', note: { id: string, body: string, actor: string, author: { email: string } | null }, mentioned: Array<{ email: string }> }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type InboxListQueryVariables = Exact<{
  filter?: ConversationFilter | null | undefined;
  orderBy?: ConversationOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type InboxListQuery = { conversations: { totalCount: number, edges: Array<{ node: { id: string, priority: Priority, unread: boolean, assignee: { id: string } | null, labels: Array<{ name: string }>, notes: { totalCount: number, edges: Array<{ node: { body: string } }> } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type InboxListLightQueryVariables = Exact<{
  filter?: ConversationFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type InboxListLightQuery = { conversations: { totalCount: number, edges: Array<{ node: { id: string, unread: boolean } }> } };

export type InboxBulkMutationVariables = Exact<{
  input: BulkUpdateConversationsInput;
}>;


export type InboxBulkMutation = { bulkUpdateConversations:
    | { __typename: 'BulkUpdateConversationsPayload', succeeded: number, failed: number, results: Array<{ conversationId: string, ok: boolean, error:
          | { __typename: 'ForbiddenError', code: string, message: string }
          | { __typename: 'InvalidStateError', code: string, message: string }
          | { __typename: 'NotFoundError', code: string, message: string }
          | { __typename: 'RateLimitedError', code: string, message: string }
          | { __typename: 'ValidationError', code: string, message: string }
         | null, conversation: { id: string, status: ConversationStatus } | null }> }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'RateLimitedError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type CreateEndpointI19MutationVariables = Exact<{
  input: CreateWebhookEndpointInput;
}>;


export type CreateEndpointI19Mutation = { createWebhookEndpoint:
    | { __typename: 'CreateWebhookEndpointPayload', secret: string, webhookEndpoint: { id: string } }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type CreateLeadI19MutationVariables = Exact<{
  input: CreateLeadInput;
}>;


export type CreateLeadI19Mutation = { createLead:
    | { __typename: 'CreateLeadPayload', lead: { id: string } }
    | { __typename: 'DuplicateLeadError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type UpdateLeadI19MutationVariables = Exact<{
  input: UpdateLeadInput;
}>;


export type UpdateLeadI19Mutation = { updateLead:
    | { __typename: 'DuplicateLeadError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'UpdateLeadPayload' }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type ImportLeadsI19MutationVariables = Exact<{
  input: ImportLeadsInput;
}>;


export type ImportLeadsI19Mutation = { importLeads:
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'ImportLeadsPayload', created: number, updated: number, failed: number, rows: Array<{ row: number, status: ImportRowStatus, lead: { id: string } | null }> }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type MergeI19MutationVariables = Exact<{
  input: MergeConversationsInput;
}>;


export type MergeI19Mutation = { mergeConversations:
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'MergeConversationsPayload' }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type MoveI19MutationVariables = Exact<{
  input: MoveMessageInput;
}>;


export type MoveI19Mutation = { moveMessage:
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'MoveMessagePayload' }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type LeadEventsI19SubscriptionVariables = Exact<{
  since?: string | null | undefined;
}>;


export type LeadEventsI19Subscription = { leadEvents:
    | { __typename: 'LeadCreatedEvent', cursor: string, leadId: string, via: LeadEventVia, lead: { id: string, email: string } | null }
    | { __typename: 'LeadUpdatedEvent', cursor: string, leadId: string, via: LeadEventVia, lead: { id: string, company: string | null } | null }
   };

export type ThreadEventsI19SubscriptionVariables = Exact<{
  conversationId?: string | null | undefined;
  since?: string | null | undefined;
}>;


export type ThreadEventsI19Subscription = { conversationEvents:
    | { __typename: 'AIReadyEvent' }
    | { __typename: 'ArchivedEvent' }
    | { __typename: 'AssignedEvent' }
    | { __typename: 'ConversationErrorEvent' }
    | { __typename: 'ConversationMergedEvent', cursor: string, sourceConversationId: string, messagesMoved: number, conversation: { id: string } }
    | { __typename: 'DeliveryUpdateEvent' }
    | { __typename: 'LabelsChangedEvent' }
    | { __typename: 'LeadDoNotContactEvent' }
    | { __typename: 'MentionedEvent' }
    | { __typename: 'MessageMovedEvent', cursor: string, fromConversationId: string, split: boolean, email: { id: string } | null, conversation: { id: string }, fromConversation: { id: string } | null }
    | { __typename: 'NewReplyEvent' }
    | { __typename: 'NoteAddedEvent' }
    | { __typename: 'OutcomeSetEvent' }
    | { __typename: 'PriorityChangedEvent' }
    | { __typename: 'ReadStateChangedEvent' }
    | { __typename: 'SentEvent' }
    | { __typename: 'SnoozedEvent' }
    | { __typename: 'SuggestedActionResolvedEvent' }
    | { __typename: 'SuggestionRejectedEvent' }
    | { __typename: 'SuggestionSupersededEvent' }
    | { __typename: 'SuggestionWithdrawnEvent' }
    | { __typename: 'UnarchivedEvent' }
    | { __typename: 'UnsnoozedEvent' }
    | { __typename: 'WokeEvent' }
   };

export type CreateLeadTMutationVariables = Exact<{
  input: CreateLeadInput;
}>;


export type CreateLeadTMutation = { createLead:
    | { __typename: 'CreateLeadPayload', lead: { id: string, name: string, email: string, company: string | null, estimatedValue: number | null, source: string | null, customFields: unknown, doNotContact: boolean } }
    | { __typename: 'DuplicateLeadError', code: string, existingLeadId: string }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError', code: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type UpdateLeadTMutationVariables = Exact<{
  input: UpdateLeadInput;
}>;


export type UpdateLeadTMutation = { updateLead:
    | { __typename: 'DuplicateLeadError', code: string, existingLeadId: string }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError', code: string }
    | { __typename: 'UpdateLeadPayload', lead: { id: string, name: string, email: string, company: string | null, estimatedValue: number | null, customFields: unknown } }
    | { __typename: 'ValidationError', code: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type LeadsTQueryVariables = Exact<{
  filter?: LeadFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type LeadsTQuery = { leads: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, email: string, name: string } }> } };

export type StartConversationTMutationVariables = Exact<{
  input: StartConversationInput;
}>;


export type StartConversationTMutation = { startConversation:
    | { __typename: 'EmailDeliveryError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string, currentState: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'RateLimitedError', code: string, message: string }
    | { __typename: 'StartConversationPayload', firstEmail: { id: string, direction: MessageDirection, deliveryStatus: DeliveryStatus, subject: string, textBody: string, toEmail: string }, conversation: { id: string, subject: string, status: ConversationStatus, lead: { id: string }, messages: { totalCount: number } } }
    | { __typename: 'ValidationError', code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type LeadConversationsTQueryVariables = Exact<{
  id: string;
}>;


export type LeadConversationsTQuery = { lead: { conversations: { totalCount: number, edges: Array<{ node: { id: string, status: ConversationStatus, messages: { edges: Array<{ node: { direction: MessageDirection, strippedText: string | null } }> } } }> } } | null };

export type MergeTestMutationVariables = Exact<{
  input: MergeConversationsInput;
}>;


export type MergeTestMutation = { mergeConversations:
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'MergeConversationsPayload', mergedConversationId: string, conversation: { id: string, status: ConversationStatus, messages: { totalCount: number } } }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type MergedLookupTestQueryVariables = Exact<{
  id: string;
}>;


export type MergedLookupTestQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null, conversation: { id: string, subject: string } | null };

export type MoveMessageTestMutationVariables = Exact<{
  input: MoveMessageInput;
}>;


export type MoveMessageTestMutation = { moveMessage:
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'MoveMessagePayload', movedMessage: { id: string }, conversation: { id: string, subject: string, status: ConversationStatus, lead: { id: string }, messages: { totalCount: number }, lastMessage: { id: string } | null }, fromConversation: { id: string, messages: { totalCount: number }, lastMessage: { id: string } | null } }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type ServerCheckQueryVariables = Exact<{ [key: string]: never; }>;


export type ServerCheckQuery = { conversations: { totalCount: number } };

export type SetOutcomeMutationVariables = Exact<{
  input: SetConversationOutcomeInput;
}>;


export type SetOutcomeMutation = { setConversationOutcome:
    | { __typename: 'ForbiddenError', message: string, code: string }
    | { __typename: 'InvalidStateError', message: string, code: string, currentState: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'SetConversationOutcomePayload', conversation: { id: string, outcome: ConversationOutcome, outcomeAt: string | null } }
    | { __typename: 'ValidationError', message: string, code: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type ExportBoundTestMutationVariables = Exact<{
  input: ExportLeadDataInput;
}>;


export type ExportBoundTestMutation = { exportLeadData:
    | { __typename: 'ExportLeadDataPayload', data: string }
    | { __typename: 'ExportTooLargeError', code: string, sizeBytes: number, limitBytes: number, messages: number, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type ExportLeadTestMutationVariables = Exact<{
  input: ExportLeadDataInput;
}>;


export type ExportLeadTestMutation = { exportLeadData:
    | { __typename: 'ExportLeadDataPayload', data: string }
    | { __typename: 'ExportTooLargeError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type EraseLeadTestMutationVariables = Exact<{
  input: EraseLeadInput;
}>;


export type EraseLeadTestMutation = { eraseLead:
    | { __typename: 'EraseLeadPayload', erasedLeadId: string, conversationsErased: number, messagesErased: number }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type SendReplyPrivacyTestMutationVariables = Exact<{
  input: SendReplyInput;
}>;


export type SendReplyPrivacyTestMutation = { sendReply:
    | { __typename: 'EmailDeliveryError', code: string }
    | { __typename: 'ForbiddenError', code: string }
    | { __typename: 'InvalidStateError', currentState: string, message: string, code: string }
    | { __typename: 'NotFoundError', code: string }
    | { __typename: 'RateLimitedError', code: string }
    | { __typename: 'SendReplyPayload' }
    | { __typename: 'ValidationError', code: string }
   };

export type RegenerateMutationVariables = Exact<{
  input: RegenerateSuggestionInput;
}>;


export type RegenerateMutation = { regenerateSuggestion:
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string, currentState: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'RateLimitedError', code: string, message: string, retryAfterSeconds: number }
    | { __typename: 'RegenerateSuggestionPayload', suggestion: { id: string, status: SuggestionStatus, tone: string | null, length: string | null, customPrompt: string | null, subject: string, body: string, model: string, provider: string, fallback: boolean, estimatedCost: number | null, safetyFlags: Array<string>, confidence: number, analysis: { intent: Intent | null, questions: Array<string>, suggestedNextStep: string | null }, proposedNote: { toName: string, toEmail: string | null, subject: string, body: string } | null, inReplyTo: { id: string, analysis: { intent: Intent, returnDate: string | null, referralName: string | null, provider: string } | null } | null }, supersededSuggestion: { id: string, status: SuggestionStatus } | null, conversation: { id: string, status: ConversationStatus, pendingSuggestion: { id: string } | null } }
    | { __typename: 'ValidationError', code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type AiStatsQueryVariables = Exact<{
  since?: string | null | undefined;
  until?: string | null | undefined;
}>;


export type AiStatsQuery = { conversationStats: { ai: { suggestions: number, fallbacks: number, rejectRate: number | null, meanConfidence: number | null, promptTokens: number, completionTokens: number, estimatedCost: number } } };

export type ConversationStateQueryVariables = Exact<{
  id: string;
}>;


export type ConversationStateQuery = { node:
    | { status: ConversationStatus, lead: { doNotContact: boolean }, suggestedAction: { kind: SuggestedActionKind, reason: string, confidence: number, suggestedAt: string } | null, suggestedActionMessage: { id: string, language: string | null } | null, pendingSuggestion: { id: string, status: SuggestionStatus } | null }
    | Record<PropertyKey, never>
   | null };

export type ResolveSuggestedActionMutationVariables = Exact<{
  input: ResolveSuggestedActionInput;
}>;


export type ResolveSuggestedActionMutation = { resolveSuggestedAction:
    | { __typename: 'ForbiddenError', message: string, code: string }
    | { __typename: 'InvalidStateError', message: string, code: string, currentState: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'ResolveSuggestedActionPayload', conversation: { status: ConversationStatus, lead: { doNotContact: boolean }, suggestedAction: { kind: SuggestedActionKind } | null, pendingSuggestion: { id: string } | null } }
    | { __typename: 'ValidationError', message: string, code: string }
   };

export type ScheduledApproveMutationVariables = Exact<{
  input: ApproveSuggestionInput;
}>;


export type ScheduledApproveMutation = { approveSuggestion:
    | { __typename: 'ApproveSuggestionPayload', scheduledFor: string | null, suggestion: { id: string, status: SuggestionStatus, editedBody: string | null }, reply: { id: string, deliveryStatus: DeliveryStatus, scheduledFor: string | null, sentAt: string | null }, conversation: { id: string, status: ConversationStatus } }
    | { __typename: 'EmailDeliveryError', message: string, code: string }
    | { __typename: 'ForbiddenError', message: string, code: string }
    | { __typename: 'InvalidStateError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'RateLimitedError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type CancelScheduledSendMutationVariables = Exact<{
  input: CancelScheduledSendInput;
}>;


export type CancelScheduledSendMutation = { cancelScheduledSend:
    | { __typename: 'CancelScheduledSendPayload', cancelledMessage: { id: string, deliveryStatus: DeliveryStatus, scheduledFor: string | null }, suggestion: { id: string, status: SuggestionStatus, editedSubject: string | null, editedBody: string | null, sentMessage: { id: string } | null } | null, conversation: { id: string, status: ConversationStatus, lastMessage: { id: string } | null } }
    | { __typename: 'ForbiddenError', message: string, code: string }
    | { __typename: 'InvalidStateError', message: string, code: string, currentState: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string }
   };

export type UpdateSendSettingsMutationVariables = Exact<{
  input: UpdateSendSettingsInput;
}>;


export type UpdateSendSettingsMutation = { updateSendSettings:
    | { __typename: 'ForbiddenError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'UpdateSendSettingsPayload', account: { sendSettings: { undoWindowSeconds: number, undoWindowIsDefault: boolean, sendScheduledAfterReply: boolean } } }
    | { __typename: 'ValidationError', message: string, code: string }
   };

export type DemoOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type DemoOverviewQuery = { conversations: { totalCount: number, edges: Array<{ node: { status: ConversationStatus, hasPendingSuggestion: boolean, lead: { source: string | null, sourceUrl: string | null, estimatedValue: number | null }, messages: { edges: Array<{ node: { direction: MessageDirection } }> } } }> } };

export type SimilarWithOpenAiQueryVariables = Exact<{
  text: string;
}>;


export type SimilarWithOpenAiQuery = { similarConversations:
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'SimilarConversations', embedder: string, dimensions: number, matches: Array<{ similarity: number, conversation: { id: string } }> }
    | { __typename: 'ValidationError', code: string, message: string }
    | { __typename: 'VectorSearchUnavailableError', code: string, message: string }
   };

export type SimilarWhenUnavailableQueryVariables = Exact<{
  conversationId?: string | null | undefined;
  text?: string | null | undefined;
}>;


export type SimilarWhenUnavailableQuery = { similarConversations:
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'SimilarConversations', embedder: string, matches: Array<{ similarity: number }> }
    | { __typename: 'ValidationError', message: string, code: string }
    | { __typename: 'VectorSearchUnavailableError', message: string, code: string }
   };

export type SimilarUnavailableEverythingElseQueryVariables = Exact<{
  id: string;
}>;


export type SimilarUnavailableEverythingElseQuery = { conversation: { id: string, outcome: ConversationOutcome } | null, bestReplies: Array<{ body: string }>, conversations: { totalCount: number } };

export type SimilarUnavailableSetOutcomeMutationVariables = Exact<{
  input: SetConversationOutcomeInput;
}>;


export type SimilarUnavailableSetOutcomeMutation = { setConversationOutcome:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'InvalidStateError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'SetConversationOutcomePayload', conversation: { outcome: ConversationOutcome } }
    | { __typename: 'ValidationError' }
   };

export type SimilarConversationsQueryVariables = Exact<{
  conversationId?: string | null | undefined;
  text?: string | null | undefined;
  first?: number | null | undefined;
  intent?: Intent | null | undefined;
  outcome?: ConversationOutcome | null | undefined;
}>;


export type SimilarConversationsQuery = { similarConversations:
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'SimilarConversations', embedder: string, dimensions: number, matches: Array<{ similarity: number, intent: Intent | null, outcome: ConversationOutcome, conversation: { id: string, subject: string, outcome: ConversationOutcome, lead: { email: string } } }> }
    | { __typename: 'ValidationError', message: string, code: string, issues: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'VectorSearchUnavailableError', message: string, code: string }
   };

export type SimilarBestRepliesQueryVariables = Exact<{
  intent: Intent;
  first?: number | null | undefined;
}>;


export type SimilarBestRepliesQuery = { bestReplies: Array<{ subject: string, body: string, suggestion: { id: string, status: SuggestionStatus }, conversation: { id: string, outcome: ConversationOutcome } }> };

export type InboxPageQueryVariables = Exact<{
  first: number;
}>;


export type InboxPageQuery = { conversations: { edges: Array<{ node: { id: string, subject: string, status: ConversationStatus, lastMessageAt: string, hasPendingSuggestion: boolean, lead: { name: string, email: string, company: string | null }, lastMessage: { direction: MessageDirection, textBody: string, sentAt: string | null, receivedAt: string | null } | null, pendingSuggestion: { confidence: number, body: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type TeamInboxPageQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: ConversationFilter | null | undefined;
}>;


export type TeamInboxPageQuery = { conversations: { edges: Array<{ node: { id: string, unread: boolean, priority: Priority, intent: Intent | null, assignee: { id: string, email: string } | null, labels: Array<{ id: string, name: string, color: string }>, notes: { edges: Array<{ node: { body: string, createdAt: string, author: { email: string } | null } }> }, lead: { name: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type StatsQueryVariables = Exact<{
  since?: string | null | undefined;
  until?: string | null | undefined;
}>;


export type StatsQuery = { conversationStats: { window: { since: string, until: string }, conversations: { total: number, open: number, active: number, needsReview: number, waitingForLead: number, archived: number }, email: { sent: number, received: number, conversationsEmailed: number, conversationsReplied: number, responseRate: number | null }, ai: { suggestions: number, pending: number, approved: number, edited: number, rejected: number, superseded: number, approvalRate: number | null, editRate: number | null, meanConfidence: number | null }, delivery: { delivered: number, bounced: number, opened: number, clicked: number, opens: number, clicks: number, deliveryRate: number | null, openRate: number | null, clickRate: number | null } } };

export type OnNewReplySubscriptionVariables = Exact<{
  conversationId?: string | null | undefined;
}>;


export type OnNewReplySubscription = { newReply: { at: string, conversation: { id: string, subject: string, status: ConversationStatus }, email: { direction: MessageDirection, strippedText: string | null } | null } };

export type OnAnyEventSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OnAnyEventSubscription = { conversationEvents:
    | { __typename: 'AIReadyEvent', confidence: number }
    | { __typename: 'ArchivedEvent' }
    | { __typename: 'AssignedEvent' }
    | { __typename: 'ConversationErrorEvent' }
    | { __typename: 'ConversationMergedEvent' }
    | { __typename: 'DeliveryUpdateEvent' }
    | { __typename: 'LabelsChangedEvent' }
    | { __typename: 'LeadDoNotContactEvent' }
    | { __typename: 'MentionedEvent' }
    | { __typename: 'MessageMovedEvent' }
    | { __typename: 'NewReplyEvent', conversation: { id: string }, email: { strippedText: string | null } | null }
    | { __typename: 'NoteAddedEvent' }
    | { __typename: 'OutcomeSetEvent' }
    | { __typename: 'PriorityChangedEvent' }
    | { __typename: 'ReadStateChangedEvent' }
    | { __typename: 'SentEvent' }
    | { __typename: 'SnoozedEvent' }
    | { __typename: 'SuggestedActionResolvedEvent' }
    | { __typename: 'SuggestionRejectedEvent' }
    | { __typename: 'SuggestionSupersededEvent' }
    | { __typename: 'SuggestionWithdrawnEvent' }
    | { __typename: 'UnarchivedEvent' }
    | { __typename: 'UnsnoozedEvent' }
    | { __typename: 'WokeEvent' }
   };

export type ApproveSuggestionMutationVariables = Exact<{
  input: ApproveSuggestionInput;
}>;


export type ApproveSuggestionMutation = { approveSuggestion:
    | { __typename: 'ApproveSuggestionPayload', suggestion: { id: string, status: SuggestionStatus, subject: string, body: string, editedSubject: string | null, editedBody: string | null, decidedAt: string | null, sentMessage: { id: string } | null }, reply: { id: string, direction: MessageDirection, deliveryStatus: DeliveryStatus, providerMessageId: string | null, messageId: string | null, inReplyTo: string | null, fromEmail: string, fromName: string | null, toEmail: string, subject: string, textBody: string, htmlBody: string | null, sentAt: string | null, errorCode: string | null, errorMessage: string | null }, conversation: { id: string, status: ConversationStatus, lastMessageAt: string, hasPendingSuggestion: boolean, lastMessage: { id: string } | null } }
    | { __typename: 'EmailDeliveryError', message: string, code: string, providerCode: number | null, providerMessage: string | null, retryable: boolean }
    | { __typename: 'ForbiddenError', message: string, code: string }
    | { __typename: 'InvalidStateError', message: string, code: string, currentState: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'RateLimitedError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type RejectSuggestionMutationVariables = Exact<{
  input: RejectSuggestionInput;
}>;


export type RejectSuggestionMutation = { rejectSuggestion:
    | { __typename: 'ForbiddenError', message: string, code: string }
    | { __typename: 'InvalidStateError', message: string, code: string, currentState: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'RejectSuggestionPayload', suggestion: { id: string, status: SuggestionStatus, rejectionReason: string | null, decidedAt: string | null }, conversation: { id: string, status: ConversationStatus, hasPendingSuggestion: boolean } }
    | { __typename: 'ValidationError', message: string, code: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type SendReplyMutationVariables = Exact<{
  input: SendReplyInput;
}>;


export type SendReplyMutation = { sendReply:
    | { __typename: 'EmailDeliveryError', message: string, code: string, providerCode: number | null, providerMessage: string | null, retryable: boolean }
    | { __typename: 'ForbiddenError', message: string, code: string }
    | { __typename: 'InvalidStateError', message: string, code: string, currentState: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'RateLimitedError', message: string, code: string }
    | { __typename: 'SendReplyPayload', reply: { id: string, direction: MessageDirection, deliveryStatus: DeliveryStatus, providerMessageId: string | null, subject: string, textBody: string, htmlBody: string | null, inReplyTo: string | null, sentAt: string | null }, conversation: { id: string, status: ConversationStatus, hasPendingSuggestion: boolean, lastMessage: { id: string } | null } }
    | { __typename: 'ValidationError', message: string, code: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type OutboxQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OutboxQuery = { outbox: { totalCount: number, edges: Array<{ node: { id: string, fromEmail: string, fromName: string | null, toEmail: string, toName: string | null, replyTo: string, subject: string, textBody: string, htmlBody: string | null, tag: string | null, messageStream: string, trackOpens: boolean, trackLinks: string, createdAt: string, headers: Array<{ name: string, value: string }>, metadata: Array<{ key: string, value: string }>, message: { id: string, deliveryStatus: DeliveryStatus } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateTemplateTMutationVariables = Exact<{
  input: CreateTemplateInput;
}>;


export type CreateTemplateTMutation = { createTemplate:
    | { __typename: 'CreateTemplatePayload', template: { id: string, name: string, subject: string, body: string } }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError', code: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type UpdateTemplateTMutationVariables = Exact<{
  input: UpdateTemplateInput;
}>;


export type UpdateTemplateTMutation = { updateTemplate:
    | { __typename: 'ForbiddenError', code: string }
    | { __typename: 'NotFoundError', code: string }
    | { __typename: 'UpdateTemplatePayload', template: { id: string, name: string, subject: string, body: string } }
    | { __typename: 'ValidationError', code: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type DeleteTemplateTMutationVariables = Exact<{
  input: DeleteTemplateInput;
}>;


export type DeleteTemplateTMutation = { deleteTemplate:
    | { __typename: 'DeleteTemplatePayload', deletedTemplateId: string }
    | { __typename: 'ForbiddenError', code: string }
    | { __typename: 'NotFoundError', code: string }
    | { __typename: 'ValidationError', code: string }
   };

export type TemplatesTQueryVariables = Exact<{ [key: string]: never; }>;


export type TemplatesTQuery = { templates: { totalCount: number, edges: Array<{ node: { id: string, name: string } }> } };

export type StartWithTemplateTMutationVariables = Exact<{
  input: StartConversationInput;
}>;


export type StartWithTemplateTMutation = { startConversation:
    | { __typename: 'EmailDeliveryError', code: string }
    | { __typename: 'ForbiddenError', code: string }
    | { __typename: 'InvalidStateError', code: string }
    | { __typename: 'NotFoundError', code: string }
    | { __typename: 'RateLimitedError', code: string }
    | { __typename: 'StartConversationPayload', firstEmail: { subject: string, textBody: string, htmlBody: string | null }, conversation: { id: string, subject: string } }
    | { __typename: 'ValidationError', code: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type ReplyWithTemplateTMutationVariables = Exact<{
  input: SendReplyInput;
}>;


export type ReplyWithTemplateTMutation = { sendReply:
    | { __typename: 'EmailDeliveryError', code: string }
    | { __typename: 'ForbiddenError', code: string }
    | { __typename: 'InvalidStateError', code: string }
    | { __typename: 'NotFoundError', code: string }
    | { __typename: 'RateLimitedError', code: string }
    | { __typename: 'SendReplyPayload', reply: { subject: string, textBody: string } }
    | { __typename: 'ValidationError', code: string }
   };

export type CreateWebhookEndpointTestMutationVariables = Exact<{
  input: CreateWebhookEndpointInput;
}>;


export type CreateWebhookEndpointTestMutation = { createWebhookEndpoint:
    | { __typename: 'CreateWebhookEndpointPayload', secret: string, webhookEndpoint: { id: string, url: string, events: Array<WebhookEventType>, enabled: boolean } }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type UpdateWebhookEndpointTestMutationVariables = Exact<{
  input: UpdateWebhookEndpointInput;
}>;


export type UpdateWebhookEndpointTestMutation = { updateWebhookEndpoint:
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'UpdateWebhookEndpointPayload', webhookEndpoint: { id: string, enabled: boolean, consecutiveFailures: number, disabledReason: string | null } }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type WebhookDeliveriesTestQueryVariables = Exact<{
  endpointId: string;
}>;


export type WebhookDeliveriesTestQuery = { webhookDeliveries: { edges: Array<{ node: { id: string, eventId: string, eventType: WebhookEventType, status: WebhookDeliveryStatus, attempts: number, lastStatusCode: number | null, payload: string, attemptLog: Array<{ attempt: number, statusCode: number | null, error: string | null, at: string }> } }> } };

export type ResendWebhookDeliveryTestMutationVariables = Exact<{
  input: ResendWebhookDeliveryInput;
}>;


export type ResendWebhookDeliveryTestMutation = { resendWebhookDelivery:
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ResendWebhookDeliveryPayload', delivery: { id: string, eventId: string, status: WebhookDeliveryStatus } }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type SendForWebhookMutationVariables = Exact<{
  input: SendReplyInput;
}>;


export type SendForWebhookMutation = { sendReply:
    | { __typename: 'EmailDeliveryError' }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'InvalidStateError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'RateLimitedError' }
    | { __typename: 'SendReplyPayload' }
    | { __typename: 'ValidationError' }
   };

export type ArchiveForWebhookMutationVariables = Exact<{
  input: ArchiveConversationInput;
}>;


export type ArchiveForWebhookMutation = { archiveConversation:
    | { __typename: 'ArchiveConversationPayload' }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'InvalidStateError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ArchiveDocument = new TypedDocumentString(`
    mutation Archive($input: ArchiveConversationInput!) {
  archiveConversation(input: $input) {
    __typename
    ... on ArchiveConversationPayload {
      conversation {
        id
        status
        archivedAt
        archiveReason
        hasPendingSuggestion
        pendingSuggestion {
          id
        }
      }
      withdrawnSuggestion {
        id
        status
      }
    }
    ... on Error {
      message
      code
    }
    ... on InvalidStateError {
      currentState
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ArchiveMutation, ArchiveMutationVariables>;
export const PendingStatsDocument = new TypedDocumentString(`
    query PendingStats {
  conversationStats(since: "2026-11-01T00:00:00Z", until: "2026-12-01T00:00:00Z") {
    ai {
      pending
    }
    conversations {
      needsReview
    }
  }
}
    `) as unknown as TypedDocumentString<PendingStatsQuery, PendingStatsQueryVariables>;
export const UnarchiveDocument = new TypedDocumentString(`
    mutation Unarchive($input: UnarchiveConversationInput!) {
  unarchiveConversation(input: $input) {
    __typename
    ... on UnarchiveConversationPayload {
      conversation {
        id
        status
        archivedAt
        archiveReason
      }
    }
    ... on Error {
      message
      code
    }
    ... on InvalidStateError {
      currentState
    }
  }
}
    `) as unknown as TypedDocumentString<UnarchiveMutation, UnarchiveMutationVariables>;
export const WhoAmIDocument = new TypedDocumentString(`
    query WhoAmI {
  viewer {
    role
    actor
    user {
      name
      email
      role
    }
    account {
      slug
    }
  }
  conversations(first: 1) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<WhoAmIQuery, WhoAmIQueryVariables>;
export const ArchiveAsDocument = new TypedDocumentString(`
    mutation ArchiveAs($input: ArchiveConversationInput!) {
  archiveConversation(input: $input) {
    __typename
    ... on Error {
      code
      message
    }
    ... on ForbiddenError {
      requiredRole
    }
  }
}
    `) as unknown as TypedDocumentString<ArchiveAsMutation, ArchiveAsMutationVariables>;
export const UnarchiveAsDocument = new TypedDocumentString(`
    mutation UnarchiveAs($input: UnarchiveConversationInput!) {
  unarchiveConversation(input: $input) {
    __typename
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<UnarchiveAsMutation, UnarchiveAsMutationVariables>;
export const AddUserDocument = new TypedDocumentString(`
    mutation AddUser($input: AddUserInput!) {
  addUser(input: $input) {
    __typename
    ... on AddUserPayload {
      user {
        email
        role
      }
    }
    ... on Error {
      code
    }
    ... on ForbiddenError {
      requiredRole
    }
  }
}
    `) as unknown as TypedDocumentString<AddUserMutation, AddUserMutationVariables>;
export const CreateKeyDocument = new TypedDocumentString(`
    mutation CreateKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    __typename
    ... on CreateApiKeyPayload {
      key
      apiKey {
        id
        role
      }
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<CreateKeyMutation, CreateKeyMutationVariables>;
export const RevokeKeyDocument = new TypedDocumentString(`
    mutation RevokeKey($input: RevokeApiKeyInput!) {
  revokeApiKey(input: $input) {
    __typename
    ... on RevokeApiKeyPayload {
      apiKey {
        revokedAt
      }
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeKeyMutation, RevokeKeyMutationVariables>;
export const AuditDocument = new TypedDocumentString(`
    query Audit {
  auditLog(first: 50) {
    edges {
      node {
        action
        actor
        fromStatus
        toStatus
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuditQuery, AuditQueryVariables>;
export const ConversationsDocument = new TypedDocumentString(`
    query Conversations($first: Int, $after: String, $last: Int, $before: String, $filter: ConversationFilter, $orderBy: ConversationOrder) {
  conversations(
    first: $first
    after: $after
    last: $last
    before: $before
    filter: $filter
    orderBy: $orderBy
  ) {
    totalCount
    edges {
      cursor
      node {
        id
        subject
        status
        lastMessageAt
        createdAt
        hasPendingSuggestion
        lead {
          id
          name
        }
      }
    }
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ConversationsQuery, ConversationsQueryVariables>;
export const ConversationDocument = new TypedDocumentString(`
    query Conversation($id: ID!) {
  conversation(id: $id) {
    id
    subject
    lead {
      name
      email
    }
    lastMessage {
      textBody
    }
    pendingSuggestion {
      id
      status
      confidence
      analysis {
        intent
        keyPoints
      }
    }
    messages(first: 10) {
      totalCount
      edges {
        node {
          direction
          textBody
          createdAt
        }
      }
    }
    suggestions(first: 10) {
      totalCount
      edges {
        node {
          status
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConversationQuery, ConversationQueryVariables>;
export const NodeDocument = new TypedDocumentString(`
    query Node($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Conversation {
      subject
    }
  }
}
    `) as unknown as TypedDocumentString<NodeQuery, NodeQueryVariables>;
export const UnknownAndKnownDocument = new TypedDocumentString(`
    query UnknownAndKnown($unknown: ID!, $known: ID!) {
  unknown: conversation(id: $unknown) {
    id
  }
  known: conversation(id: $known) {
    id
  }
}
    `) as unknown as TypedDocumentString<UnknownAndKnownQuery, UnknownAndKnownQueryVariables>;
export const MessageStateDocument = new TypedDocumentString(`
    query MessageState($id: ID!) {
  node(id: $id) {
    ... on ConversationMessage {
      deliveryStatus
      deliveredAt
      openCount
      firstOpenedAt
      clickCount
      firstClickedAt
      clickedLinks
      errorCode
      errorMessage
      conversation {
        lead {
          doNotContact
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MessageStateQuery, MessageStateQueryVariables>;
export const DeliveryFiguresDocument = new TypedDocumentString(`
    query DeliveryFigures($since: DateTime!, $until: DateTime!) {
  conversationStats(since: $since, until: $until) {
    delivery {
      delivered
      bounced
      opened
      clicked
      opens
      clicks
      openRate
      clickRate
      deliveryRate
    }
  }
}
    `) as unknown as TypedDocumentString<DeliveryFiguresQuery, DeliveryFiguresQueryVariables>;
export const DraftLanguageDocument = new TypedDocumentString(`
    query DraftLanguage($id: ID!) {
  conversation(id: $id) {
    pendingSuggestion {
      id
      body
      language
      needsHumanWriter
      humanWriterReason
      confidence
      safetyFlags
    }
  }
}
    `) as unknown as TypedDocumentString<DraftLanguageQuery, DraftLanguageQueryVariables>;
export const ApproveHumanWriterDraftDocument = new TypedDocumentString(`
    mutation ApproveHumanWriterDraft($input: ApproveSuggestionInput!) {
  approveSuggestion(input: $input) {
    __typename
    ... on ValidationError {
      code
      issues {
        path
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ApproveHumanWriterDraftMutation, ApproveHumanWriterDraftMutationVariables>;
export const RegenerateWithModelDocument = new TypedDocumentString(`
    mutation RegenerateWithModel($input: RegenerateSuggestionInput!) {
  regenerateSuggestion(input: $input) {
    __typename
    ... on RegenerateSuggestionPayload {
      suggestion {
        id
        status
        tone
        length
        customPrompt
        body
        model
        fallback
        estimatedCost
      }
      supersededSuggestion {
        id
        status
      }
      conversation {
        id
        status
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RegenerateWithModelMutation, RegenerateWithModelMutationVariables>;
export const WhoActsDocument = new TypedDocumentString(`
    query WhoActs {
  viewer {
    actor
  }
}
    `) as unknown as TypedDocumentString<WhoActsQuery, WhoActsQueryVariables>;
export const OnEveryFieldDocument = new TypedDocumentString(`
    subscription OnEveryField($conversationId: ID) {
  conversationEvents(conversationId: $conversationId) {
    __typename
    ... on NewReplyEvent {
      at
      conversation {
        id
        status
      }
      email {
        id
        direction
      }
    }
    ... on AIReadyEvent {
      at
      confidence
      conversation {
        id
        status
      }
      suggestion {
        id
        status
      }
    }
    ... on SentEvent {
      at
      conversation {
        id
        status
      }
      email {
        id
        deliveryStatus
      }
      suggestion {
        id
        status
      }
    }
    ... on ConversationErrorEvent {
      at
      code
      message
      conversation {
        id
        status
      }
      email {
        id
        deliveryStatus
      }
      suggestion {
        id
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OnEveryFieldSubscription, OnEveryFieldSubscriptionVariables>;
export const OnSentDocument = new TypedDocumentString(`
    subscription OnSent($conversationId: ID) {
  sent(conversationId: $conversationId) {
    at
    conversation {
      id
    }
    email {
      id
    }
    suggestion {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<OnSentSubscription, OnSentSubscriptionVariables>;
export const OnConversationErrorDocument = new TypedDocumentString(`
    subscription OnConversationError($conversationId: ID) {
  conversationError(conversationId: $conversationId) {
    at
    code
    message
    conversation {
      id
    }
    email {
      id
    }
    suggestion {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<OnConversationErrorSubscription, OnConversationErrorSubscriptionVariables>;
export const SnoozeDocument = new TypedDocumentString(`
    mutation Snooze($input: SnoozeConversationInput!) {
  snoozeConversation(input: $input) {
    __typename
    ... on SnoozeConversationPayload {
      conversation {
        status
        snoozedUntil
        snoozeReason
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SnoozeMutation, SnoozeMutationVariables>;
export const UnsnoozeDocument = new TypedDocumentString(`
    mutation Unsnooze($input: UnsnoozeConversationInput!) {
  unsnoozeConversation(input: $input) {
    __typename
    ... on UnsnoozeConversationPayload {
      conversation {
        status
        snoozedUntil
        snoozeReason
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<UnsnoozeMutation, UnsnoozeMutationVariables>;
export const SnoozeListDocument = new TypedDocumentString(`
    query SnoozeList($filter: ConversationFilter) {
  conversations(first: 100, filter: $filter) {
    edges {
      node {
        id
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SnoozeListQuery, SnoozeListQueryVariables>;
export const ArchiveForEventsDocument = new TypedDocumentString(`
    mutation ArchiveForEvents($input: ArchiveConversationInput!) {
  archiveConversation(input: $input) {
    __typename
  }
}
    `) as unknown as TypedDocumentString<ArchiveForEventsMutation, ArchiveForEventsMutationVariables>;
export const UnarchiveForEventsDocument = new TypedDocumentString(`
    mutation UnarchiveForEvents($input: UnarchiveConversationInput!) {
  unarchiveConversation(input: $input) {
    __typename
  }
}
    `) as unknown as TypedDocumentString<UnarchiveForEventsMutation, UnarchiveForEventsMutationVariables>;
export const OutcomeForEventsDocument = new TypedDocumentString(`
    mutation OutcomeForEvents($input: SetConversationOutcomeInput!) {
  setConversationOutcome(input: $input) {
    __typename
  }
}
    `) as unknown as TypedDocumentString<OutcomeForEventsMutation, OutcomeForEventsMutationVariables>;
export const RejectForEventsDocument = new TypedDocumentString(`
    mutation RejectForEvents($input: RejectSuggestionInput!) {
  rejectSuggestion(input: $input) {
    __typename
  }
}
    `) as unknown as TypedDocumentString<RejectForEventsMutation, RejectForEventsMutationVariables>;
export const ResolveForEventsDocument = new TypedDocumentString(`
    mutation ResolveForEvents($input: ResolveSuggestedActionInput!) {
  resolveSuggestedAction(input: $input) {
    __typename
  }
}
    `) as unknown as TypedDocumentString<ResolveForEventsMutation, ResolveForEventsMutationVariables>;
export const ReplayEventsDocument = new TypedDocumentString(`
    subscription ReplayEvents($since: String, $conversationId: ID) {
  conversationEvents(since: $since, conversationId: $conversationId) {
    __typename
    ... on ArchivedEvent {
      cursor
      reason
      conversation {
        id
        status
      }
    }
    ... on UnarchivedEvent {
      cursor
      status
    }
    ... on OutcomeSetEvent {
      cursor
      outcome
      previousOutcome
    }
    ... on SnoozedEvent {
      cursor
      until
      snoozeReason
    }
    ... on UnsnoozedEvent {
      cursor
      status
    }
    ... on NewReplyEvent {
      cursor
    }
  }
}
    `) as unknown as TypedDocumentString<ReplayEventsSubscription, ReplayEventsSubscriptionVariables>;
export const SetFollowUpPolicyDocument = new TypedDocumentString(`
    mutation SetFollowUpPolicy($input: SetFollowUpPolicyInput!) {
  setFollowUpPolicy(input: $input) {
    __typename
    ... on SetFollowUpPolicyPayload {
      account {
        followUpPolicy {
          enabled
          followUpAfterDays
          maxFollowUps
          sendWindowStartHour
          sendWindowEndHour
          sendWindowDays
        }
      }
    }
    ... on Error {
      message
      code
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SetFollowUpPolicyMutation, SetFollowUpPolicyMutationVariables>;
export const FollowUpPendingDocument = new TypedDocumentString(`
    query FollowUpPending($id: ID!) {
  conversation(id: $id) {
    status
    pendingSuggestion {
      id
      kind
      subject
      body
      status
      followUpOf {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FollowUpPendingQuery, FollowUpPendingQueryVariables>;
export const RegenerateFollowUpDocument = new TypedDocumentString(`
    mutation RegenerateFollowUp($input: RegenerateSuggestionInput!) {
  regenerateSuggestion(input: $input) {
    __typename
    ... on RegenerateSuggestionPayload {
      suggestion {
        id
        kind
        status
        body
        tone
        followUpOf {
          id
        }
      }
      supersededSuggestion {
        id
        kind
        status
      }
      conversation {
        status
      }
    }
    ... on Error {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<RegenerateFollowUpMutation, RegenerateFollowUpMutationVariables>;
export const ApproveFollowUpDocument = new TypedDocumentString(`
    mutation ApproveFollowUp($input: ApproveSuggestionInput!) {
  approveSuggestion(input: $input) {
    __typename
    ... on ApproveSuggestionPayload {
      reply {
        id
        deliveryStatus
      }
      conversation {
        status
      }
    }
    ... on Error {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<ApproveFollowUpMutation, ApproveFollowUpMutationVariables>;
export const CreateLeadIdnDocument = new TypedDocumentString(`
    mutation CreateLeadIdn($input: CreateLeadInput!) {
  createLead(input: $input) {
    __typename
    ... on CreateLeadPayload {
      lead {
        id
        email
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CreateLeadIdnMutation, CreateLeadIdnMutationVariables>;
export const StartConversationIdnDocument = new TypedDocumentString(`
    mutation StartConversationIdn($input: StartConversationInput!) {
  startConversation(input: $input) {
    __typename
    ... on StartConversationPayload {
      firstEmail {
        id
        deliveryStatus
        toEmail
      }
      conversation {
        id
      }
    }
    ... on InvalidStateError {
      code
      currentState
      message
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<StartConversationIdnMutation, StartConversationIdnMutationVariables>;
export const AuditIdsDocument = new TypedDocumentString(`
    query AuditIds($entityId: ID) {
  auditLog(first: 10, entityId: $entityId) {
    edges {
      node {
        id
        actor
        entityType
        entityId
        action
      }
    }
  }
  viewer {
    actor
    user {
      name
      email
      role
    }
    account {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AuditIdsQuery, AuditIdsQueryVariables>;
export const ImportLeadsTDocument = new TypedDocumentString(`
    mutation ImportLeadsT($input: ImportLeadsInput!) {
  importLeads(input: $input) {
    __typename
    ... on ImportLeadsPayload {
      created
      updated
      failed
      rows {
        row
        status
        lead {
          id
          email
          name
          company
          estimatedValue
          source
          customFields
        }
        issues {
          path
          message
        }
      }
    }
    ... on ValidationError {
      code
      issues {
        path
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ImportLeadsTMutation, ImportLeadsTMutationVariables>;
export const InboundMessageDocument = new TypedDocumentString(`
    query InboundMessage($id: ID!) {
  node(id: $id) {
    ... on ConversationMessage {
      fromEmail
      fromName
      subject
      textBody
      htmlBody
      strippedText
      ccEmails
      attachments {
        name
        contentType
        size
      }
      originalPayload {
        sizeBytes
        sha256
        contentBase64
      }
      conversation {
        subject
        lead {
          email
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InboundMessageQuery, InboundMessageQueryVariables>;
export const LargeMessageDocument = new TypedDocumentString(`
    query LargeMessage($id: ID!) {
  node(id: $id) {
    ... on ConversationMessage {
      fromEmail
      textBody
      attachments {
        name
        size
      }
      originalPayload {
        sizeBytes
        sha256
      }
      conversation {
        status
        lead {
          email
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LargeMessageQuery, LargeMessageQueryVariables>;
export const InboundThreadDocument = new TypedDocumentString(`
    query InboundThread($id: ID!) {
  conversation(id: $id) {
    status
    lead {
      email
      name
    }
    lastMessage {
      direction
      textBody
      strippedText
      htmlBody
      fromEmail
      ccEmails
      attachments {
        name
        contentType
        size
      }
    }
    messages(first: 20) {
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<InboundThreadQuery, InboundThreadQueryVariables>;
export const OnInboxEventsDocument = new TypedDocumentString(`
    subscription OnInboxEvents {
  conversationEvents {
    __typename
    ... on ReadStateChangedEvent {
      read
      conversation {
        id
        unread
      }
    }
    ... on AssignedEvent {
      assignee {
        email
      }
      previousAssignee {
        email
      }
    }
    ... on PriorityChangedEvent {
      priority
      previousPriority
    }
    ... on LabelsChangedEvent {
      conversation {
        labels {
          name
        }
      }
    }
    ... on NoteAddedEvent {
      note {
        body
        author {
          email
        }
      }
    }
    ... on MentionedEvent {
      note {
        body
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OnInboxEventsSubscription, OnInboxEventsSubscriptionVariables>;
export const PrivateNoteDocument = new TypedDocumentString(`
    mutation PrivateNote($input: AddNoteInput!) {
  addNote(input: $input) {
    __typename
    ... on AddNotePayload {
      note {
        id
        body
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<PrivateNoteMutation, PrivateNoteMutationVariables>;
export const PrivateApproveDocument = new TypedDocumentString(`
    mutation PrivateApprove($input: ApproveSuggestionInput!) {
  approveSuggestion(input: $input) {
    __typename
    ... on ApproveSuggestionPayload {
      reply {
        id
        deliveryStatus
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<PrivateApproveMutation, PrivateApproveMutationVariables>;
export const PrivatePriorityDocument = new TypedDocumentString(`
    mutation PrivatePriority($input: SetConversationPriorityInput!) {
  setConversationPriority(input: $input) {
    __typename
  }
}
    `) as unknown as TypedDocumentString<PrivatePriorityMutation, PrivatePriorityMutationVariables>;
export const InboxUnreadDocument = new TypedDocumentString(`
    query InboxUnread($id: ID!) {
  conversation(id: $id) {
    id
    unread
  }
  viewer {
    unreadCount
  }
}
    `) as unknown as TypedDocumentString<InboxUnreadQuery, InboxUnreadQueryVariables>;
export const InboxMarkReadDocument = new TypedDocumentString(`
    mutation InboxMarkRead($input: MarkConversationsReadInput!) {
  markConversationsRead(input: $input) {
    __typename
    ... on MarkConversationsReadPayload {
      conversations {
        id
        unread
      }
    }
    ... on Error {
      code
      message
    }
    ... on InvalidStateError {
      currentState
    }
  }
}
    `) as unknown as TypedDocumentString<InboxMarkReadMutation, InboxMarkReadMutationVariables>;
export const InboxAssignDocument = new TypedDocumentString(`
    mutation InboxAssign($input: AssignConversationInput!) {
  assignConversation(input: $input) {
    __typename
    ... on AssignConversationPayload {
      conversation {
        id
        assignee {
          id
          email
        }
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<InboxAssignMutation, InboxAssignMutationVariables>;
export const InboxCreateLabelDocument = new TypedDocumentString(`
    mutation InboxCreateLabel($input: CreateLabelInput!) {
  createLabel(input: $input) {
    __typename
    ... on CreateLabelPayload {
      label {
        id
        name
        color
      }
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InboxCreateLabelMutation, InboxCreateLabelMutationVariables>;
export const InboxSetLabelsDocument = new TypedDocumentString(`
    mutation InboxSetLabels($input: SetConversationLabelsInput!) {
  setConversationLabels(input: $input) {
    __typename
    ... on SetConversationLabelsPayload {
      conversation {
        id
        labels {
          id
          name
        }
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<InboxSetLabelsMutation, InboxSetLabelsMutationVariables>;
export const InboxSetPriorityDocument = new TypedDocumentString(`
    mutation InboxSetPriority($input: SetConversationPriorityInput!) {
  setConversationPriority(input: $input) {
    __typename
    ... on SetConversationPriorityPayload {
      conversation {
        id
        priority
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<InboxSetPriorityMutation, InboxSetPriorityMutationVariables>;
export const InboxAddNoteDocument = new TypedDocumentString(`
    mutation InboxAddNote($input: AddNoteInput!) {
  addNote(input: $input) {
    __typename
    ... on AddNotePayload {
      note {
        id
        body
        author {
          email
        }
        actor
      }
      mentioned {
        email
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<InboxAddNoteMutation, InboxAddNoteMutationVariables>;
export const InboxListDocument = new TypedDocumentString(`
    query InboxList($filter: ConversationFilter, $orderBy: ConversationOrder, $first: Int, $after: String) {
  conversations(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges {
      node {
        id
        priority
        unread
        assignee {
          id
        }
        labels {
          name
        }
        notes(first: 5) {
          totalCount
          edges {
            node {
              body
            }
          }
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<InboxListQuery, InboxListQueryVariables>;
export const InboxListLightDocument = new TypedDocumentString(`
    query InboxListLight($filter: ConversationFilter, $first: Int) {
  conversations(filter: $filter, first: $first) {
    totalCount
    edges {
      node {
        id
        unread
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InboxListLightQuery, InboxListLightQueryVariables>;
export const InboxBulkDocument = new TypedDocumentString(`
    mutation InboxBulk($input: BulkUpdateConversationsInput!) {
  bulkUpdateConversations(input: $input) {
    __typename
    ... on BulkUpdateConversationsPayload {
      succeeded
      failed
      results {
        conversationId
        ok
        error {
          __typename
          ... on Error {
            code
            message
          }
        }
        conversation {
          id
          status
        }
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<InboxBulkMutation, InboxBulkMutationVariables>;
export const CreateEndpointI19Document = new TypedDocumentString(`
    mutation CreateEndpointI19($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    __typename
    ... on CreateWebhookEndpointPayload {
      secret
      webhookEndpoint {
        id
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CreateEndpointI19Mutation, CreateEndpointI19MutationVariables>;
export const CreateLeadI19Document = new TypedDocumentString(`
    mutation CreateLeadI19($input: CreateLeadInput!) {
  createLead(input: $input) {
    __typename
    ... on CreateLeadPayload {
      lead {
        id
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CreateLeadI19Mutation, CreateLeadI19MutationVariables>;
export const UpdateLeadI19Document = new TypedDocumentString(`
    mutation UpdateLeadI19($input: UpdateLeadInput!) {
  updateLead(input: $input) {
    __typename
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateLeadI19Mutation, UpdateLeadI19MutationVariables>;
export const ImportLeadsI19Document = new TypedDocumentString(`
    mutation ImportLeadsI19($input: ImportLeadsInput!) {
  importLeads(input: $input) {
    __typename
    ... on ImportLeadsPayload {
      created
      updated
      failed
      rows {
        row
        status
        lead {
          id
        }
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ImportLeadsI19Mutation, ImportLeadsI19MutationVariables>;
export const MergeI19Document = new TypedDocumentString(`
    mutation MergeI19($input: MergeConversationsInput!) {
  mergeConversations(input: $input) {
    __typename
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<MergeI19Mutation, MergeI19MutationVariables>;
export const MoveI19Document = new TypedDocumentString(`
    mutation MoveI19($input: MoveMessageInput!) {
  moveMessage(input: $input) {
    __typename
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<MoveI19Mutation, MoveI19MutationVariables>;
export const LeadEventsI19Document = new TypedDocumentString(`
    subscription LeadEventsI19($since: String) {
  leadEvents(since: $since) {
    __typename
    ... on LeadCreatedEvent {
      cursor
      leadId
      via
      lead {
        id
        email
      }
    }
    ... on LeadUpdatedEvent {
      cursor
      leadId
      via
      lead {
        id
        company
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LeadEventsI19Subscription, LeadEventsI19SubscriptionVariables>;
export const ThreadEventsI19Document = new TypedDocumentString(`
    subscription ThreadEventsI19($conversationId: ID, $since: String) {
  conversationEvents(conversationId: $conversationId, since: $since) {
    __typename
    ... on ConversationMergedEvent {
      cursor
      sourceConversationId
      messagesMoved
      conversation {
        id
      }
    }
    ... on MessageMovedEvent {
      cursor
      fromConversationId
      split
      email {
        id
      }
      conversation {
        id
      }
      fromConversation {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ThreadEventsI19Subscription, ThreadEventsI19SubscriptionVariables>;
export const CreateLeadTDocument = new TypedDocumentString(`
    mutation CreateLeadT($input: CreateLeadInput!) {
  createLead(input: $input) {
    __typename
    ... on CreateLeadPayload {
      lead {
        id
        name
        email
        company
        estimatedValue
        source
        customFields
        doNotContact
      }
    }
    ... on DuplicateLeadError {
      code
      existingLeadId
    }
    ... on ValidationError {
      code
      issues {
        path
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CreateLeadTMutation, CreateLeadTMutationVariables>;
export const UpdateLeadTDocument = new TypedDocumentString(`
    mutation UpdateLeadT($input: UpdateLeadInput!) {
  updateLead(input: $input) {
    __typename
    ... on UpdateLeadPayload {
      lead {
        id
        name
        email
        company
        estimatedValue
        customFields
      }
    }
    ... on DuplicateLeadError {
      code
      existingLeadId
    }
    ... on ValidationError {
      code
      issues {
        path
        message
      }
    }
    ... on NotFoundError {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateLeadTMutation, UpdateLeadTMutationVariables>;
export const LeadsTDocument = new TypedDocumentString(`
    query LeadsT($filter: LeadFilter, $first: Int, $after: String) {
  leads(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        email
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LeadsTQuery, LeadsTQueryVariables>;
export const StartConversationTDocument = new TypedDocumentString(`
    mutation StartConversationT($input: StartConversationInput!) {
  startConversation(input: $input) {
    __typename
    ... on StartConversationPayload {
      firstEmail {
        id
        direction
        deliveryStatus
        subject
        textBody
        toEmail
      }
      conversation {
        id
        subject
        status
        lead {
          id
        }
        messages(first: 10) {
          totalCount
        }
      }
    }
    ... on Error {
      code
      message
    }
    ... on InvalidStateError {
      currentState
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StartConversationTMutation, StartConversationTMutationVariables>;
export const LeadConversationsTDocument = new TypedDocumentString(`
    query LeadConversationsT($id: ID!) {
  lead(id: $id) {
    conversations(first: 2) {
      totalCount
      edges {
        node {
          id
          status
          messages(first: 5) {
            edges {
              node {
                direction
                strippedText
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LeadConversationsTQuery, LeadConversationsTQueryVariables>;
export const MergeTestDocument = new TypedDocumentString(`
    mutation MergeTest($input: MergeConversationsInput!) {
  mergeConversations(input: $input) {
    __typename
    ... on MergeConversationsPayload {
      mergedConversationId
      conversation {
        id
        status
        messages(first: 50) {
          totalCount
        }
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<MergeTestMutation, MergeTestMutationVariables>;
export const MergedLookupTestDocument = new TypedDocumentString(`
    query MergedLookupTest($id: ID!) {
  node(id: $id) {
    id
  }
  conversation(id: $id) {
    id
    subject
  }
}
    `) as unknown as TypedDocumentString<MergedLookupTestQuery, MergedLookupTestQueryVariables>;
export const MoveMessageTestDocument = new TypedDocumentString(`
    mutation MoveMessageTest($input: MoveMessageInput!) {
  moveMessage(input: $input) {
    __typename
    ... on MoveMessagePayload {
      movedMessage {
        id
      }
      conversation {
        id
        subject
        status
        lead {
          id
        }
        messages(first: 10) {
          totalCount
        }
        lastMessage {
          id
        }
      }
      fromConversation {
        id
        messages(first: 10) {
          totalCount
        }
        lastMessage {
          id
        }
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<MoveMessageTestMutation, MoveMessageTestMutationVariables>;
export const ServerCheckDocument = new TypedDocumentString(`
    query ServerCheck {
  conversations(first: 1) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<ServerCheckQuery, ServerCheckQueryVariables>;
export const SetOutcomeDocument = new TypedDocumentString(`
    mutation SetOutcome($input: SetConversationOutcomeInput!) {
  setConversationOutcome(input: $input) {
    __typename
    ... on SetConversationOutcomePayload {
      conversation {
        id
        outcome
        outcomeAt
      }
    }
    ... on Error {
      message
      code
    }
    ... on InvalidStateError {
      currentState
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SetOutcomeMutation, SetOutcomeMutationVariables>;
export const ExportBoundTestDocument = new TypedDocumentString(`
    mutation ExportBoundTest($input: ExportLeadDataInput!) {
  exportLeadData(input: $input) {
    __typename
    ... on ExportLeadDataPayload {
      data
    }
    ... on ExportTooLargeError {
      code
      sizeBytes
      limitBytes
      messages
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ExportBoundTestMutation, ExportBoundTestMutationVariables>;
export const ExportLeadTestDocument = new TypedDocumentString(`
    mutation ExportLeadTest($input: ExportLeadDataInput!) {
  exportLeadData(input: $input) {
    __typename
    ... on ExportLeadDataPayload {
      data
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ExportLeadTestMutation, ExportLeadTestMutationVariables>;
export const EraseLeadTestDocument = new TypedDocumentString(`
    mutation EraseLeadTest($input: EraseLeadInput!) {
  eraseLead(input: $input) {
    __typename
    ... on EraseLeadPayload {
      erasedLeadId
      conversationsErased
      messagesErased
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<EraseLeadTestMutation, EraseLeadTestMutationVariables>;
export const SendReplyPrivacyTestDocument = new TypedDocumentString(`
    mutation SendReplyPrivacyTest($input: SendReplyInput!) {
  sendReply(input: $input) {
    __typename
    ... on InvalidStateError {
      currentState
      message
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<SendReplyPrivacyTestMutation, SendReplyPrivacyTestMutationVariables>;
export const RegenerateDocument = new TypedDocumentString(`
    mutation Regenerate($input: RegenerateSuggestionInput!) {
  regenerateSuggestion(input: $input) {
    __typename
    ... on RegenerateSuggestionPayload {
      suggestion {
        id
        status
        tone
        length
        customPrompt
        subject
        body
        model
        provider
        fallback
        estimatedCost
        safetyFlags
        confidence
        analysis {
          intent
          questions
          suggestedNextStep
        }
        proposedNote {
          toName
          toEmail
          subject
          body
        }
        inReplyTo {
          id
          analysis {
            intent
            returnDate
            referralName
            provider
          }
        }
      }
      supersededSuggestion {
        id
        status
      }
      conversation {
        id
        status
        pendingSuggestion {
          id
        }
      }
    }
    ... on Error {
      code
      message
    }
    ... on InvalidStateError {
      currentState
    }
    ... on RateLimitedError {
      retryAfterSeconds
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RegenerateMutation, RegenerateMutationVariables>;
export const AiStatsDocument = new TypedDocumentString(`
    query AIStats($since: DateTime, $until: DateTime) {
  conversationStats(since: $since, until: $until) {
    ai {
      suggestions
      fallbacks
      rejectRate
      meanConfidence
      promptTokens
      completionTokens
      estimatedCost
    }
  }
}
    `) as unknown as TypedDocumentString<AiStatsQuery, AiStatsQueryVariables>;
export const ConversationStateDocument = new TypedDocumentString(`
    query ConversationState($id: ID!) {
  node(id: $id) {
    ... on Conversation {
      status
      lead {
        doNotContact
      }
      suggestedAction {
        kind
        reason
        confidence
        suggestedAt
      }
      suggestedActionMessage {
        id
        language
      }
      pendingSuggestion {
        id
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConversationStateQuery, ConversationStateQueryVariables>;
export const ResolveSuggestedActionDocument = new TypedDocumentString(`
    mutation ResolveSuggestedAction($input: ResolveSuggestedActionInput!) {
  resolveSuggestedAction(input: $input) {
    __typename
    ... on ResolveSuggestedActionPayload {
      conversation {
        status
        lead {
          doNotContact
        }
        suggestedAction {
          kind
        }
        pendingSuggestion {
          id
        }
      }
    }
    ... on Error {
      message
      code
    }
    ... on InvalidStateError {
      currentState
    }
  }
}
    `) as unknown as TypedDocumentString<ResolveSuggestedActionMutation, ResolveSuggestedActionMutationVariables>;
export const ScheduledApproveDocument = new TypedDocumentString(`
    mutation ScheduledApprove($input: ApproveSuggestionInput!) {
  approveSuggestion(input: $input) {
    __typename
    ... on ApproveSuggestionPayload {
      scheduledFor
      suggestion {
        id
        status
        editedBody
      }
      reply {
        id
        deliveryStatus
        scheduledFor
        sentAt
      }
      conversation {
        id
        status
      }
    }
    ... on Error {
      message
      code
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ScheduledApproveMutation, ScheduledApproveMutationVariables>;
export const CancelScheduledSendDocument = new TypedDocumentString(`
    mutation CancelScheduledSend($input: CancelScheduledSendInput!) {
  cancelScheduledSend(input: $input) {
    __typename
    ... on CancelScheduledSendPayload {
      cancelledMessage {
        id
        deliveryStatus
        scheduledFor
      }
      suggestion {
        id
        status
        editedSubject
        editedBody
        sentMessage {
          id
        }
      }
      conversation {
        id
        status
        lastMessage {
          id
        }
      }
    }
    ... on Error {
      message
      code
    }
    ... on InvalidStateError {
      currentState
    }
  }
}
    `) as unknown as TypedDocumentString<CancelScheduledSendMutation, CancelScheduledSendMutationVariables>;
export const UpdateSendSettingsDocument = new TypedDocumentString(`
    mutation UpdateSendSettings($input: UpdateSendSettingsInput!) {
  updateSendSettings(input: $input) {
    __typename
    ... on UpdateSendSettingsPayload {
      account {
        sendSettings {
          undoWindowSeconds
          undoWindowIsDefault
          sendScheduledAfterReply
        }
      }
    }
    ... on Error {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateSendSettingsMutation, UpdateSendSettingsMutationVariables>;
export const DemoOverviewDocument = new TypedDocumentString(`
    query DemoOverview {
  conversations(first: 100) {
    totalCount
    edges {
      node {
        status
        hasPendingSuggestion
        lead {
          source
          sourceUrl
          estimatedValue
        }
        messages(first: 10) {
          edges {
            node {
              direction
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DemoOverviewQuery, DemoOverviewQueryVariables>;
export const SimilarWithOpenAiDocument = new TypedDocumentString(`
    query SimilarWithOpenAI($text: String!) {
  similarConversations(text: $text, first: 5) {
    __typename
    ... on SimilarConversations {
      embedder
      dimensions
      matches {
        similarity
        conversation {
          id
        }
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SimilarWithOpenAiQuery, SimilarWithOpenAiQueryVariables>;
export const SimilarWhenUnavailableDocument = new TypedDocumentString(`
    query SimilarWhenUnavailable($conversationId: ID, $text: String) {
  similarConversations(conversationId: $conversationId, text: $text) {
    __typename
    ... on Error {
      message
      code
    }
    ... on SimilarConversations {
      embedder
      matches {
        similarity
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SimilarWhenUnavailableQuery, SimilarWhenUnavailableQueryVariables>;
export const SimilarUnavailableEverythingElseDocument = new TypedDocumentString(`
    query SimilarUnavailableEverythingElse($id: ID!) {
  conversation(id: $id) {
    id
    outcome
  }
  bestReplies(intent: QUESTION) {
    body
  }
  conversations(first: 5) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<SimilarUnavailableEverythingElseQuery, SimilarUnavailableEverythingElseQueryVariables>;
export const SimilarUnavailableSetOutcomeDocument = new TypedDocumentString(`
    mutation SimilarUnavailableSetOutcome($input: SetConversationOutcomeInput!) {
  setConversationOutcome(input: $input) {
    __typename
    ... on SetConversationOutcomePayload {
      conversation {
        outcome
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SimilarUnavailableSetOutcomeMutation, SimilarUnavailableSetOutcomeMutationVariables>;
export const SimilarConversationsDocument = new TypedDocumentString(`
    query SimilarConversations($conversationId: ID, $text: String, $first: Int, $intent: Intent, $outcome: ConversationOutcome) {
  similarConversations(
    conversationId: $conversationId
    text: $text
    first: $first
    intent: $intent
    outcome: $outcome
  ) {
    __typename
    ... on SimilarConversations {
      embedder
      dimensions
      matches {
        similarity
        intent
        outcome
        conversation {
          id
          subject
          outcome
          lead {
            email
          }
        }
      }
    }
    ... on Error {
      message
      code
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SimilarConversationsQuery, SimilarConversationsQueryVariables>;
export const SimilarBestRepliesDocument = new TypedDocumentString(`
    query SimilarBestReplies($intent: Intent!, $first: Int) {
  bestReplies(intent: $intent, first: $first) {
    subject
    body
    suggestion {
      id
      status
    }
    conversation {
      id
      outcome
    }
  }
}
    `) as unknown as TypedDocumentString<SimilarBestRepliesQuery, SimilarBestRepliesQueryVariables>;
export const InboxPageDocument = new TypedDocumentString(`
    query InboxPage($first: Int!) {
  conversations(first: $first) {
    edges {
      node {
        id
        subject
        status
        lastMessageAt
        hasPendingSuggestion
        lead {
          name
          email
          company
        }
        lastMessage {
          direction
          textBody
          sentAt
          receivedAt
        }
        pendingSuggestion {
          confidence
          body
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<InboxPageQuery, InboxPageQueryVariables>;
export const TeamInboxPageDocument = new TypedDocumentString(`
    query TeamInboxPage($first: Int!, $after: String, $filter: ConversationFilter) {
  conversations(
    first: $first
    after: $after
    filter: $filter
    orderBy: {field: PRIORITY, direction: DESC}
  ) {
    edges {
      node {
        id
        unread
        priority
        intent
        assignee {
          id
          email
        }
        labels {
          id
          name
          color
        }
        notes(first: 3) {
          edges {
            node {
              body
              author {
                email
              }
              createdAt
            }
          }
        }
        lead {
          name
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<TeamInboxPageQuery, TeamInboxPageQueryVariables>;
export const StatsDocument = new TypedDocumentString(`
    query Stats($since: DateTime, $until: DateTime) {
  conversationStats(since: $since, until: $until) {
    window {
      since
      until
    }
    conversations {
      total
      open
      active
      needsReview
      waitingForLead
      archived
    }
    email {
      sent
      received
      conversationsEmailed
      conversationsReplied
      responseRate
    }
    ai {
      suggestions
      pending
      approved
      edited
      rejected
      superseded
      approvalRate
      editRate
      meanConfidence
    }
    delivery {
      delivered
      bounced
      opened
      clicked
      opens
      clicks
      deliveryRate
      openRate
      clickRate
    }
  }
}
    `) as unknown as TypedDocumentString<StatsQuery, StatsQueryVariables>;
export const OnNewReplyDocument = new TypedDocumentString(`
    subscription OnNewReply($conversationId: ID) {
  newReply(conversationId: $conversationId) {
    at
    conversation {
      id
      subject
      status
    }
    email {
      direction
      strippedText
    }
  }
}
    `) as unknown as TypedDocumentString<OnNewReplySubscription, OnNewReplySubscriptionVariables>;
export const OnAnyEventDocument = new TypedDocumentString(`
    subscription OnAnyEvent {
  conversationEvents {
    __typename
    ... on NewReplyEvent {
      conversation {
        id
      }
      email {
        strippedText
      }
    }
    ... on AIReadyEvent {
      confidence
    }
  }
}
    `) as unknown as TypedDocumentString<OnAnyEventSubscription, OnAnyEventSubscriptionVariables>;
export const ApproveSuggestionDocument = new TypedDocumentString(`
    mutation ApproveSuggestion($input: ApproveSuggestionInput!) {
  approveSuggestion(input: $input) {
    __typename
    ... on ApproveSuggestionPayload {
      suggestion {
        id
        status
        subject
        body
        editedSubject
        editedBody
        decidedAt
        sentMessage {
          id
        }
      }
      reply {
        id
        direction
        deliveryStatus
        providerMessageId
        messageId
        inReplyTo
        fromEmail
        fromName
        toEmail
        subject
        textBody
        htmlBody
        sentAt
        errorCode
        errorMessage
      }
      conversation {
        id
        status
        lastMessageAt
        lastMessage {
          id
        }
        hasPendingSuggestion
      }
    }
    ... on Error {
      message
      code
    }
    ... on InvalidStateError {
      currentState
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
    ... on EmailDeliveryError {
      providerCode
      providerMessage
      retryable
    }
  }
}
    `) as unknown as TypedDocumentString<ApproveSuggestionMutation, ApproveSuggestionMutationVariables>;
export const RejectSuggestionDocument = new TypedDocumentString(`
    mutation RejectSuggestion($input: RejectSuggestionInput!) {
  rejectSuggestion(input: $input) {
    __typename
    ... on RejectSuggestionPayload {
      suggestion {
        id
        status
        rejectionReason
        decidedAt
      }
      conversation {
        id
        status
        hasPendingSuggestion
      }
    }
    ... on Error {
      message
      code
    }
    ... on InvalidStateError {
      currentState
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RejectSuggestionMutation, RejectSuggestionMutationVariables>;
export const SendReplyDocument = new TypedDocumentString(`
    mutation SendReply($input: SendReplyInput!) {
  sendReply(input: $input) {
    __typename
    ... on SendReplyPayload {
      reply {
        id
        direction
        deliveryStatus
        providerMessageId
        subject
        textBody
        htmlBody
        inReplyTo
        sentAt
      }
      conversation {
        id
        status
        lastMessage {
          id
        }
        hasPendingSuggestion
      }
    }
    ... on Error {
      message
      code
    }
    ... on InvalidStateError {
      currentState
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
    ... on EmailDeliveryError {
      providerCode
      providerMessage
      retryable
    }
  }
}
    `) as unknown as TypedDocumentString<SendReplyMutation, SendReplyMutationVariables>;
export const OutboxDocument = new TypedDocumentString(`
    query Outbox($first: Int, $after: String) {
  outbox(first: $first, after: $after) {
    totalCount
    edges {
      node {
        id
        fromEmail
        fromName
        toEmail
        toName
        replyTo
        subject
        textBody
        htmlBody
        headers {
          name
          value
        }
        metadata {
          key
          value
        }
        tag
        messageStream
        trackOpens
        trackLinks
        createdAt
        message {
          id
          deliveryStatus
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<OutboxQuery, OutboxQueryVariables>;
export const CreateTemplateTDocument = new TypedDocumentString(`
    mutation CreateTemplateT($input: CreateTemplateInput!) {
  createTemplate(input: $input) {
    __typename
    ... on CreateTemplatePayload {
      template {
        id
        name
        subject
        body
      }
    }
    ... on ValidationError {
      code
      issues {
        path
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CreateTemplateTMutation, CreateTemplateTMutationVariables>;
export const UpdateTemplateTDocument = new TypedDocumentString(`
    mutation UpdateTemplateT($input: UpdateTemplateInput!) {
  updateTemplate(input: $input) {
    __typename
    ... on UpdateTemplatePayload {
      template {
        id
        name
        subject
        body
      }
    }
    ... on Error {
      code
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateTemplateTMutation, UpdateTemplateTMutationVariables>;
export const DeleteTemplateTDocument = new TypedDocumentString(`
    mutation DeleteTemplateT($input: DeleteTemplateInput!) {
  deleteTemplate(input: $input) {
    __typename
    ... on DeleteTemplatePayload {
      deletedTemplateId
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteTemplateTMutation, DeleteTemplateTMutationVariables>;
export const TemplatesTDocument = new TypedDocumentString(`
    query TemplatesT {
  templates(first: 50) {
    totalCount
    edges {
      node {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TemplatesTQuery, TemplatesTQueryVariables>;
export const StartWithTemplateTDocument = new TypedDocumentString(`
    mutation StartWithTemplateT($input: StartConversationInput!) {
  startConversation(input: $input) {
    __typename
    ... on StartConversationPayload {
      firstEmail {
        subject
        textBody
        htmlBody
      }
      conversation {
        id
        subject
      }
    }
    ... on Error {
      code
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StartWithTemplateTMutation, StartWithTemplateTMutationVariables>;
export const ReplyWithTemplateTDocument = new TypedDocumentString(`
    mutation ReplyWithTemplateT($input: SendReplyInput!) {
  sendReply(input: $input) {
    __typename
    ... on SendReplyPayload {
      reply {
        subject
        textBody
      }
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<ReplyWithTemplateTMutation, ReplyWithTemplateTMutationVariables>;
export const CreateWebhookEndpointTestDocument = new TypedDocumentString(`
    mutation CreateWebhookEndpointTest($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    __typename
    ... on CreateWebhookEndpointPayload {
      secret
      webhookEndpoint {
        id
        url
        events
        enabled
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CreateWebhookEndpointTestMutation, CreateWebhookEndpointTestMutationVariables>;
export const UpdateWebhookEndpointTestDocument = new TypedDocumentString(`
    mutation UpdateWebhookEndpointTest($input: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(input: $input) {
    __typename
    ... on UpdateWebhookEndpointPayload {
      webhookEndpoint {
        id
        enabled
        consecutiveFailures
        disabledReason
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateWebhookEndpointTestMutation, UpdateWebhookEndpointTestMutationVariables>;
export const WebhookDeliveriesTestDocument = new TypedDocumentString(`
    query WebhookDeliveriesTest($endpointId: ID!) {
  webhookDeliveries(endpointId: $endpointId, first: 50) {
    edges {
      node {
        id
        eventId
        eventType
        status
        attempts
        lastStatusCode
        payload
        attemptLog {
          attempt
          statusCode
          error
          at
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WebhookDeliveriesTestQuery, WebhookDeliveriesTestQueryVariables>;
export const ResendWebhookDeliveryTestDocument = new TypedDocumentString(`
    mutation ResendWebhookDeliveryTest($input: ResendWebhookDeliveryInput!) {
  resendWebhookDelivery(input: $input) {
    __typename
    ... on ResendWebhookDeliveryPayload {
      delivery {
        id
        eventId
        status
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ResendWebhookDeliveryTestMutation, ResendWebhookDeliveryTestMutationVariables>;
export const SendForWebhookDocument = new TypedDocumentString(`
    mutation SendForWebhook($input: SendReplyInput!) {
  sendReply(input: $input) {
    __typename
  }
}
    `) as unknown as TypedDocumentString<SendForWebhookMutation, SendForWebhookMutationVariables>;
export const ArchiveForWebhookDocument = new TypedDocumentString(`
    mutation ArchiveForWebhook($input: ArchiveConversationInput!) {
  archiveConversation(input: $input) {
    __typename
  }
}
    `) as unknown as TypedDocumentString<ArchiveForWebhookMutation, ArchiveForWebhookMutationVariables>;