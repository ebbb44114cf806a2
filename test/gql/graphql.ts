/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Input of archiveConversation. */
export type ArchiveConversationInput = {
  /** The conversation to archive. */
  conversationId: string;
  /** Why it is finished, for the record. */
  reason?: string | null | undefined;
};

/** Narrow the conversation list. Conditions combine with AND. */
export type ConversationFilter = {
  /** Only those with (true) or without (false) a draft waiting for review. */
  hasPendingSuggestion?: boolean | null | undefined;
  /** Only this lead's conversations. */
  leadId?: string | null | undefined;
  /** Case-insensitive text to find in the subject, lead name, lead email or any message text. */
  search?: string | null | undefined;
  /** Only conversations in one of these statuses. */
  status?: Array<ConversationStatus> | null | undefined;
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
  | 'LAST_MESSAGE_AT';

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
  /** We replied last; waiting for the lead. */
  | 'WAITING_FOR_LEAD';

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

/** Which way an email travelled. */
export type MessageDirection =
  /** From the lead to us. */
  | 'INBOUND'
  /** From us to the lead. */
  | 'OUTBOUND';

/** Sort direction. */
export type OrderDirection =
  /** Oldest or smallest first. */
  | 'ASC'
  /** Newest or largest first. */
  | 'DESC';

/** Input of setConversationOutcome. */
export type SetConversationOutcomeInput = {
  /** The conversation. */
  conversationId: string;
  /** How it turned out; NONE clears it. */
  outcome: ConversationOutcome;
};

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
  | 'SUPERSEDED';

/** Input of unarchiveConversation. */
export type UnarchiveConversationInput = {
  /** The conversation to reopen. */
  conversationId: string;
};

export type ArchiveMutationVariables = Exact<{
  input: ArchiveConversationInput;
}>;


export type ArchiveMutation = { archiveConversation:
    | { __typename: 'ArchiveConversationPayload', conversation: { id: string, status: ConversationStatus, archivedAt: string | null, archiveReason: string | null } }
    | { __typename: 'InvalidStateError', message: string, code: string, currentState: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type UnarchiveMutationVariables = Exact<{
  input: UnarchiveConversationInput;
}>;


export type UnarchiveMutation = { unarchiveConversation:
    | { __typename: 'InvalidStateError', message: string, code: string, currentState: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'UnarchiveConversationPayload', conversation: { id: string, status: ConversationStatus, archivedAt: string | null, archiveReason: string | null } }
    | { __typename: 'ValidationError', message: string, code: string }
   };

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


export type ConversationQuery = { conversation: { id: string, subject: string, lead: { name: string, email: string }, lastMessage: { textBody: string } | null, pendingSuggestion: { id: string, status: SuggestionStatus, confidence: number, analysis: { intent: Intent | null, keyPoints: Array<string> } } | null, messages: { totalCount: number, edges: Array<{ node: { direction: MessageDirection, textBody: string, createdAt: string } }> }, suggestions: { totalCount: number, edges: Array<{ node: { status: SuggestionStatus } }> } } };

export type NodeQueryVariables = Exact<{
  id: string;
}>;


export type NodeQuery = { node:
    | { __typename: 'AISuggestion', id: string }
    | { __typename: 'Conversation', subject: string, id: string }
    | { __typename: 'ConversationMessage', id: string }
    | { __typename: 'Lead', id: string }
   | null };

export type ServerCheckQueryVariables = Exact<{ [key: string]: never; }>;


export type ServerCheckQuery = { conversations: { totalCount: number } };

export type SetOutcomeMutationVariables = Exact<{
  input: SetConversationOutcomeInput;
}>;


export type SetOutcomeMutation = { setConversationOutcome:
    | { __typename: 'InvalidStateError', message: string, code: string, currentState: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'SetConversationOutcomePayload', conversation: { id: string, outcome: ConversationOutcome, outcomeAt: string | null } }
    | { __typename: 'ValidationError', message: string, code: string, issues: Array<{ path: Array<string>, message: string }> }
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


export type SimilarUnavailableEverythingElseQuery = { conversation: { id: string, outcome: ConversationOutcome }, bestReplies: Array<{ body: string }>, conversations: { totalCount: number } };

export type SimilarUnavailableSetOutcomeMutationVariables = Exact<{
  input: SetConversationOutcomeInput;
}>;


export type SimilarUnavailableSetOutcomeMutation = { setConversationOutcome:
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

export type StatsQueryVariables = Exact<{
  since?: string | null | undefined;
  until?: string | null | undefined;
}>;


export type StatsQuery = { conversationStats: { window: { since: string, until: string }, conversations: { total: number, open: number, active: number, needsReview: number, waitingForLead: number, archived: number }, email: { sent: number, received: number, conversationsEmailed: number, conversationsReplied: number, responseRate: number | null }, ai: { suggestions: number, pending: number, approved: number, edited: number, rejected: number, superseded: number, approvalRate: number | null, editRate: number | null, meanConfidence: number | null }, delivery: { delivered: number, bounced: number, opened: number, clicked: number, opens: number, clicks: number, deliveryRate: number | null, openRate: number | null, clickRate: number | null } } };

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