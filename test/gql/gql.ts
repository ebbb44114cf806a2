/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Archive($input: ArchiveConversationInput!) {\n    archiveConversation(input: $input) {\n      __typename\n      ... on ArchiveConversationPayload { conversation { id status archivedAt archiveReason } }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": typeof types.ArchiveDocument,
    "\n  mutation Unarchive($input: UnarchiveConversationInput!) {\n    unarchiveConversation(input: $input) {\n      __typename\n      ... on UnarchiveConversationPayload { conversation { id status archivedAt archiveReason } }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n    }\n  }\n": typeof types.UnarchiveDocument,
    "\n  query Conversations($first: Int, $after: String, $last: Int, $before: String, $filter: ConversationFilter, $orderBy: ConversationOrder) {\n    conversations(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges { cursor node { id subject status lastMessageAt createdAt hasPendingSuggestion lead { id name } } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": typeof types.ConversationsDocument,
    "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      subject\n      lead { name email }\n      lastMessage { textBody }\n      pendingSuggestion { id status confidence analysis { intent keyPoints } }\n      messages(first: 10) { totalCount edges { node { direction textBody createdAt } } }\n      suggestions(first: 10) { totalCount edges { node { status } } }\n    }\n  }\n": typeof types.ConversationDocument,
    "\n  query Node($id: ID!) {\n    node(id: $id) { __typename id ... on Conversation { subject } }\n  }\n": typeof types.NodeDocument,
    "\n  query ServerCheck { conversations(first: 1) { totalCount } }\n": typeof types.ServerCheckDocument,
    "\n  mutation SetOutcome($input: SetConversationOutcomeInput!) {\n    setConversationOutcome(input: $input) {\n      __typename\n      ... on SetConversationOutcomePayload { conversation { id outcome outcomeAt } }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": typeof types.SetOutcomeDocument,
    "\n  query DemoOverview {\n    conversations(first: 100) {\n      totalCount\n      edges {\n        node {\n          status\n          hasPendingSuggestion\n          lead { source sourceUrl estimatedValue }\n          messages(first: 10) { edges { node { direction } } }\n        }\n      }\n    }\n  }\n": typeof types.DemoOverviewDocument,
    "\n  query SimilarWithOpenAI($text: String!) {\n    similarConversations(text: $text, first: 5) {\n      __typename\n      ... on SimilarConversations { embedder dimensions matches { similarity conversation { id } } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.SimilarWithOpenAiDocument,
    "\n  query SimilarWhenUnavailable($conversationId: ID, $text: String) {\n    similarConversations(conversationId: $conversationId, text: $text) {\n      __typename\n      ... on Error { message code }\n      ... on SimilarConversations { embedder matches { similarity } }\n    }\n  }\n": typeof types.SimilarWhenUnavailableDocument,
    "\n  query SimilarUnavailableEverythingElse($id: ID!) {\n    conversation(id: $id) { id outcome }\n    bestReplies(intent: QUESTION) { body }\n    conversations(first: 5) { totalCount }\n  }\n": typeof types.SimilarUnavailableEverythingElseDocument,
    "\n  mutation SimilarUnavailableSetOutcome($input: SetConversationOutcomeInput!) {\n    setConversationOutcome(input: $input) {\n      __typename\n      ... on SetConversationOutcomePayload { conversation { outcome } }\n    }\n  }\n": typeof types.SimilarUnavailableSetOutcomeDocument,
    "\n  query SimilarConversations($conversationId: ID, $text: String, $first: Int, $intent: Intent, $outcome: ConversationOutcome) {\n    similarConversations(conversationId: $conversationId, text: $text, first: $first, intent: $intent, outcome: $outcome) {\n      __typename\n      ... on SimilarConversations {\n        embedder\n        dimensions\n        matches { similarity intent outcome conversation { id subject outcome lead { email } } }\n      }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": typeof types.SimilarConversationsDocument,
    "\n  query SimilarBestReplies($intent: Intent!, $first: Int) {\n    bestReplies(intent: $intent, first: $first) {\n      subject\n      body\n      suggestion { id status }\n      conversation { id outcome }\n    }\n  }\n": typeof types.SimilarBestRepliesDocument,
    "\n  query InboxPage($first: Int!) {\n    conversations(first: $first) {\n      edges {\n        node {\n          id\n          subject\n          status\n          lastMessageAt\n          hasPendingSuggestion\n          lead { name email company }\n          lastMessage { direction textBody sentAt receivedAt }\n          pendingSuggestion { confidence body }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.InboxPageDocument,
    "\n  query Stats($since: DateTime, $until: DateTime) {\n    conversationStats(since: $since, until: $until) {\n      window { since until }\n      conversations { total open active needsReview waitingForLead archived }\n      email { sent received conversationsEmailed conversationsReplied responseRate }\n      ai { suggestions pending approved edited rejected superseded approvalRate editRate meanConfidence }\n      delivery { delivered bounced opened clicked opens clicks deliveryRate openRate clickRate }\n    }\n  }\n": typeof types.StatsDocument,
};
const documents: Documents = {
    "\n  mutation Archive($input: ArchiveConversationInput!) {\n    archiveConversation(input: $input) {\n      __typename\n      ... on ArchiveConversationPayload { conversation { id status archivedAt archiveReason } }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": types.ArchiveDocument,
    "\n  mutation Unarchive($input: UnarchiveConversationInput!) {\n    unarchiveConversation(input: $input) {\n      __typename\n      ... on UnarchiveConversationPayload { conversation { id status archivedAt archiveReason } }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n    }\n  }\n": types.UnarchiveDocument,
    "\n  query Conversations($first: Int, $after: String, $last: Int, $before: String, $filter: ConversationFilter, $orderBy: ConversationOrder) {\n    conversations(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges { cursor node { id subject status lastMessageAt createdAt hasPendingSuggestion lead { id name } } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": types.ConversationsDocument,
    "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      subject\n      lead { name email }\n      lastMessage { textBody }\n      pendingSuggestion { id status confidence analysis { intent keyPoints } }\n      messages(first: 10) { totalCount edges { node { direction textBody createdAt } } }\n      suggestions(first: 10) { totalCount edges { node { status } } }\n    }\n  }\n": types.ConversationDocument,
    "\n  query Node($id: ID!) {\n    node(id: $id) { __typename id ... on Conversation { subject } }\n  }\n": types.NodeDocument,
    "\n  query ServerCheck { conversations(first: 1) { totalCount } }\n": types.ServerCheckDocument,
    "\n  mutation SetOutcome($input: SetConversationOutcomeInput!) {\n    setConversationOutcome(input: $input) {\n      __typename\n      ... on SetConversationOutcomePayload { conversation { id outcome outcomeAt } }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": types.SetOutcomeDocument,
    "\n  query DemoOverview {\n    conversations(first: 100) {\n      totalCount\n      edges {\n        node {\n          status\n          hasPendingSuggestion\n          lead { source sourceUrl estimatedValue }\n          messages(first: 10) { edges { node { direction } } }\n        }\n      }\n    }\n  }\n": types.DemoOverviewDocument,
    "\n  query SimilarWithOpenAI($text: String!) {\n    similarConversations(text: $text, first: 5) {\n      __typename\n      ... on SimilarConversations { embedder dimensions matches { similarity conversation { id } } }\n      ... on Error { code message }\n    }\n  }\n": types.SimilarWithOpenAiDocument,
    "\n  query SimilarWhenUnavailable($conversationId: ID, $text: String) {\n    similarConversations(conversationId: $conversationId, text: $text) {\n      __typename\n      ... on Error { message code }\n      ... on SimilarConversations { embedder matches { similarity } }\n    }\n  }\n": types.SimilarWhenUnavailableDocument,
    "\n  query SimilarUnavailableEverythingElse($id: ID!) {\n    conversation(id: $id) { id outcome }\n    bestReplies(intent: QUESTION) { body }\n    conversations(first: 5) { totalCount }\n  }\n": types.SimilarUnavailableEverythingElseDocument,
    "\n  mutation SimilarUnavailableSetOutcome($input: SetConversationOutcomeInput!) {\n    setConversationOutcome(input: $input) {\n      __typename\n      ... on SetConversationOutcomePayload { conversation { outcome } }\n    }\n  }\n": types.SimilarUnavailableSetOutcomeDocument,
    "\n  query SimilarConversations($conversationId: ID, $text: String, $first: Int, $intent: Intent, $outcome: ConversationOutcome) {\n    similarConversations(conversationId: $conversationId, text: $text, first: $first, intent: $intent, outcome: $outcome) {\n      __typename\n      ... on SimilarConversations {\n        embedder\n        dimensions\n        matches { similarity intent outcome conversation { id subject outcome lead { email } } }\n      }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": types.SimilarConversationsDocument,
    "\n  query SimilarBestReplies($intent: Intent!, $first: Int) {\n    bestReplies(intent: $intent, first: $first) {\n      subject\n      body\n      suggestion { id status }\n      conversation { id outcome }\n    }\n  }\n": types.SimilarBestRepliesDocument,
    "\n  query InboxPage($first: Int!) {\n    conversations(first: $first) {\n      edges {\n        node {\n          id\n          subject\n          status\n          lastMessageAt\n          hasPendingSuggestion\n          lead { name email company }\n          lastMessage { direction textBody sentAt receivedAt }\n          pendingSuggestion { confidence body }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.InboxPageDocument,
    "\n  query Stats($since: DateTime, $until: DateTime) {\n    conversationStats(since: $since, until: $until) {\n      window { since until }\n      conversations { total open active needsReview waitingForLead archived }\n      email { sent received conversationsEmailed conversationsReplied responseRate }\n      ai { suggestions pending approved edited rejected superseded approvalRate editRate meanConfidence }\n      delivery { delivered bounced opened clicked opens clicks deliveryRate openRate clickRate }\n    }\n  }\n": types.StatsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Archive($input: ArchiveConversationInput!) {\n    archiveConversation(input: $input) {\n      __typename\n      ... on ArchiveConversationPayload { conversation { id status archivedAt archiveReason } }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"): typeof import('./graphql.js').ArchiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unarchive($input: UnarchiveConversationInput!) {\n    unarchiveConversation(input: $input) {\n      __typename\n      ... on UnarchiveConversationPayload { conversation { id status archivedAt archiveReason } }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n    }\n  }\n"): typeof import('./graphql.js').UnarchiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conversations($first: Int, $after: String, $last: Int, $before: String, $filter: ConversationFilter, $orderBy: ConversationOrder) {\n    conversations(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges { cursor node { id subject status lastMessageAt createdAt hasPendingSuggestion lead { id name } } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"): typeof import('./graphql.js').ConversationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      subject\n      lead { name email }\n      lastMessage { textBody }\n      pendingSuggestion { id status confidence analysis { intent keyPoints } }\n      messages(first: 10) { totalCount edges { node { direction textBody createdAt } } }\n      suggestions(first: 10) { totalCount edges { node { status } } }\n    }\n  }\n"): typeof import('./graphql.js').ConversationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Node($id: ID!) {\n    node(id: $id) { __typename id ... on Conversation { subject } }\n  }\n"): typeof import('./graphql.js').NodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServerCheck { conversations(first: 1) { totalCount } }\n"): typeof import('./graphql.js').ServerCheckDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOutcome($input: SetConversationOutcomeInput!) {\n    setConversationOutcome(input: $input) {\n      __typename\n      ... on SetConversationOutcomePayload { conversation { id outcome outcomeAt } }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"): typeof import('./graphql.js').SetOutcomeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoOverview {\n    conversations(first: 100) {\n      totalCount\n      edges {\n        node {\n          status\n          hasPendingSuggestion\n          lead { source sourceUrl estimatedValue }\n          messages(first: 10) { edges { node { direction } } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').DemoOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimilarWithOpenAI($text: String!) {\n    similarConversations(text: $text, first: 5) {\n      __typename\n      ... on SimilarConversations { embedder dimensions matches { similarity conversation { id } } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').SimilarWithOpenAiDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimilarWhenUnavailable($conversationId: ID, $text: String) {\n    similarConversations(conversationId: $conversationId, text: $text) {\n      __typename\n      ... on Error { message code }\n      ... on SimilarConversations { embedder matches { similarity } }\n    }\n  }\n"): typeof import('./graphql.js').SimilarWhenUnavailableDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimilarUnavailableEverythingElse($id: ID!) {\n    conversation(id: $id) { id outcome }\n    bestReplies(intent: QUESTION) { body }\n    conversations(first: 5) { totalCount }\n  }\n"): typeof import('./graphql.js').SimilarUnavailableEverythingElseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SimilarUnavailableSetOutcome($input: SetConversationOutcomeInput!) {\n    setConversationOutcome(input: $input) {\n      __typename\n      ... on SetConversationOutcomePayload { conversation { outcome } }\n    }\n  }\n"): typeof import('./graphql.js').SimilarUnavailableSetOutcomeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimilarConversations($conversationId: ID, $text: String, $first: Int, $intent: Intent, $outcome: ConversationOutcome) {\n    similarConversations(conversationId: $conversationId, text: $text, first: $first, intent: $intent, outcome: $outcome) {\n      __typename\n      ... on SimilarConversations {\n        embedder\n        dimensions\n        matches { similarity intent outcome conversation { id subject outcome lead { email } } }\n      }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"): typeof import('./graphql.js').SimilarConversationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimilarBestReplies($intent: Intent!, $first: Int) {\n    bestReplies(intent: $intent, first: $first) {\n      subject\n      body\n      suggestion { id status }\n      conversation { id outcome }\n    }\n  }\n"): typeof import('./graphql.js').SimilarBestRepliesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboxPage($first: Int!) {\n    conversations(first: $first) {\n      edges {\n        node {\n          id\n          subject\n          status\n          lastMessageAt\n          hasPendingSuggestion\n          lead { name email company }\n          lastMessage { direction textBody sentAt receivedAt }\n          pendingSuggestion { confidence body }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql.js').InboxPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Stats($since: DateTime, $until: DateTime) {\n    conversationStats(since: $since, until: $until) {\n      window { since until }\n      conversations { total open active needsReview waitingForLead archived }\n      email { sent received conversationsEmailed conversationsReplied responseRate }\n      ai { suggestions pending approved edited rejected superseded approvalRate editRate meanConfidence }\n      delivery { delivered bounced opened clicked opens clicks deliveryRate openRate clickRate }\n    }\n  }\n"): typeof import('./graphql.js').StatsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
