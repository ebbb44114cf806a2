// The pages bench/http.ts compares across Parley, PostGraphile and the bare handler: each
// server's request for a page, and the normal form of its answer (ids as UUIDs, times as
// epoch ms, the same field names), so the three can be checked equal before any load.
import { LIST_QUERY, THREAD_QUERY } from './workload.js';

export const TYPENAME_QUERY = '{ __typename }';

/** PostGraphile's own field names for the same pages (amber preset: rowId, leadByLeadId, ...). */
export const POSTGRAPHILE_LIST_QUERY = `query { allConversations(first: 20, orderBy: [LAST_MESSAGE_AT_DESC, ROW_ID_DESC]) { nodes {
  rowId subject status lastMessageAt hasPendingSuggestion leadByLeadId { name email company }
  conversationMessageByLastMessageId { direction textBody sentAt receivedAt } } } }`;
export const POSTGRAPHILE_THREAD_QUERY = `query ($id: UUID!) { conversationByRowId(rowId: $id) { rowId subject status leadByLeadId { name email }
  conversationMessagesByConversationId(first: 50, orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) { nodes { direction subject textBody sentAt receivedAt } }
  aiSuggestionsByConversationId(first: 10, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) { nodes { status confidence body } } } }`;

export { LIST_QUERY, THREAD_QUERY };

// Answers of three servers, taken apart by hand and checked by comparison.
type Json = Record<string, any>;

const time = (value: string | null | undefined) => (value == null ? null : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`));
/** Parley's global ids are base64 of `Type:uuid`. */
const uuidOf = (id: string) => (/^[0-9a-f-]{36}$/i.test(id) ? id : Buffer.from(id, 'base64').toString('utf8').replace(/^[A-Za-z]+:/, ''));

export interface ListRow {
  id: string;
  subject: string;
  status: string;
  lastMessageAt: number | null;
  hasPendingSuggestion: boolean;
  lead: { name: string; email: string; company: string | null };
  lastMessage: { direction: string; textBody: string | null; sentAt: number | null; receivedAt: number | null } | null;
}

function listRow(n: Json, lead: Json, last: Json | null): ListRow {
  return {
    id: uuidOf(n.id ?? n.rowId),
    subject: n.subject,
    status: n.status,
    lastMessageAt: time(n.lastMessageAt),
    hasPendingSuggestion: n.hasPendingSuggestion,
    lead: { name: lead.name, email: lead.email, company: lead.company },
    lastMessage: last && { direction: last.direction, textBody: last.textBody, sentAt: time(last.sentAt), receivedAt: time(last.receivedAt) },
  };
}

function thread(c: Json, lead: Json, messages: Json[], suggestions: Json[]) {
  return {
    id: uuidOf(c.id ?? c.rowId),
    subject: c.subject,
    status: c.status,
    lead: { name: lead.name, email: lead.email },
    messages: messages.map((m) => ({ direction: m.direction, subject: m.subject, textBody: m.textBody, sentAt: time(m.sentAt), receivedAt: time(m.receivedAt) })),
    suggestions: suggestions.map((s) => ({ status: s.status, confidence: Number(s.confidence), body: s.body })),
  };
}

export const normalise = {
  parley: {
    list: (body: Json) => body.data.conversations.edges.map(({ node }: Json) => listRow(node, node.lead, node.lastMessage)),
    thread: (body: Json) => {
      const c = body.data.conversation;
      return thread(c, c.lead, c.messages.edges.map((e: Json) => e.node), c.suggestions.edges.map((e: Json) => e.node));
    },
    typename: (body: Json) => body.data,
  },
  postgraphile: {
    list: (body: Json) => body.data.allConversations.nodes.map((n: Json) => listRow(n, n.leadByLeadId, n.conversationMessageByLastMessageId)),
    thread: (body: Json) => {
      const c = body.data.conversationByRowId;
      return thread(c, c.leadByLeadId, c.conversationMessagesByConversationId.nodes, c.aiSuggestionsByConversationId.nodes);
    },
    typename: (body: Json) => body.data,
  },
  floor: {
    list: (body: Json) => body.edges.map(({ node }: Json) => listRow(node, node.lead, node.lastMessage)),
    thread: (body: Json) => thread(body, body.lead, body.messages, body.suggestions),
    typename: (body: Json) => body.data,
  },
};
