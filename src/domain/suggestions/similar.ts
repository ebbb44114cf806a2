// Similar-conversation memory: each conversation is embedded (the lead's latest reply plus a
// compact summary of the thread) and stored per embedder; searches find the nearest ones in
// the viewer's account. Callers: the job queue (refreshConversationEmbedding when messages
// arrive or the outcome changes), the GraphQL fields, and drafting (similarExamplesForDrafting).
import type { FindSimilarExamples } from './draft.js';
import { inboundBody, latestReplyText } from '../../ai/email-text.js';
import type { AISuggestion, Conversation } from '../../db/client.js';
import type { ConversationOutcome, Intent } from '../../db/enums.js';
import { readEmbedding, readEmbeddingState, searchSimilar, upsertEmbedding, type VectorSpace } from '../../vector/sql.js';
import { clipForTextWork } from '../../cpu/pool.js';
import { withTextWorkBodies } from '../inbound/text-work-bodies.js';
import type { DomainContext } from '../use-case-context.js';
import { DomainError, NotFoundError, ValidationError, VectorSearchUnavailableError } from '../errors.js';

/** Outcomes that make a conversation worth learning from. */
export const GOOD_OUTCOMES: readonly ConversationOutcome[] = ['REPLIED', 'MEETING_BOOKED', 'WON'];
export const SIMILAR_MAX = 50;
export const SIMILAR_DEFAULT = 10;
export const SIMILAR_TEXT_MAX = 4000;
export const BEST_REPLIES_MAX = 50;

// What goes into the embedded text: the latest reply in full (up to a bound), then a few
// earlier messages as snippets. Small enough for any embedding model's input limit.
const LATEST_REPLY_MAX = 2000;
const SUMMARY_MESSAGES = 6;
const SNIPPET_MAX = 280;

const spaceOf = (ctx: DomainContext): VectorSpace => ctx.services.embedder;

function requireVectorSearch(ctx: DomainContext): void {
  if (!ctx.services.vectorSearchAvailable) throw new VectorSearchUnavailableError();
}

/**
 * The text a message contributes: the same preparation as analysis and drafting (quoted
 * history, forwards, signatures and footers cut; email-text.ts), on the text-work bound's
 * prefix (linear-time rules on at most 20,000 characters), whitespace collapsed.
 */
function cleanText(message: { textBody: string; strippedText: string | null }): string {
  return latestReplyText(clipForTextWork(inboundBody(message))).replace(/\s+/g, ' ').trim();
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export interface EmbeddingSource {
  content: string;
  intent: Intent | null;
  outcome: ConversationOutcome;
}

/** The text that represents a conversation, with the intent and outcome stored beside it. */
export async function embeddingSource(ctx: DomainContext, conversationId: string): Promise<EmbeddingSource | null> {
  const conversation = await ctx.db.conversation.findUnique({
    where: { id: conversationId },
    select: {
      subject: true,
      outcome: true,
      messages: {
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: SUMMARY_MESSAGES + 1,
        // The bodies' bounded prefixes are read below (withTextWorkBodies), not the whole bodies.
        select: { id: true, direction: true },
      },
      suggestions: {
        where: { intent: { not: null } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: 1,
        select: { intent: true },
      },
    },
  });
  if (!conversation) return null;
  const messages = await withTextWorkBodies(ctx, conversation.messages);
  const latestReply = messages.find((m) => m.direction === 'INBOUND');
  const earlier = messages
    .filter((m) => m !== latestReply)
    .slice(0, SUMMARY_MESSAGES)
    .reverse()
    .map((m) => `${m.direction === 'INBOUND' ? 'Lead' : 'Us'}: ${clip(cleanText(m), SNIPPET_MAX)}`);
  const parts = [
    latestReply ? clip(cleanText(latestReply), LATEST_REPLY_MAX) : '',
    `Subject: ${conversation.subject}`,
    ...earlier,
  ].filter((p) => p.length > 0);
  return {
    content: parts.join('\n'),
    intent: conversation.suggestions[0]?.intent ?? null,
    outcome: conversation.outcome,
  };
}

export type RefreshResult =
  /** A new vector was computed and stored. */
  | { status: 'EMBEDDED'; embedder: string }
  /** The text had not changed: only the stored intent and outcome were brought up to date. */
  | { status: 'UNCHANGED'; embedder: string }
  /** A refresh that read the conversation later has already stored its vector. */
  | { status: 'STALE'; embedder: string }
  /** No pgvector: nothing to store, and nothing to retry. */
  | { status: 'UNAVAILABLE' };

/**
 * Bring a conversation's embedding up to date for the configured embedder. Idempotent: the
 * row is upserted by (conversation, embedder), and the embedder is only called when the text
 * changed. Throws NotFoundError when the conversation is not in the viewer's account.
 */
export async function refreshConversationEmbedding(ctx: DomainContext, { conversationId }: { conversationId: string }): Promise<RefreshResult> {
  if (!ctx.services.vectorSearchAvailable) return { status: 'UNAVAILABLE' };
  const { services, viewer } = ctx;
  const space = spaceOf(ctx);
  const readAt = services.now();
  const source = await embeddingSource(ctx, conversationId);
  if (!source) throw new NotFoundError('Conversation', conversationId);
  const stored = await readEmbeddingState(services.prisma, viewer.accountId, conversationId, space);
  if (stored?.hasVector && stored.content === source.content) {
    if (stored.intent !== source.intent || stored.outcome !== source.outcome) {
      await ctx.db.conversationEmbedding.updateMany({
        where: { conversationId, embedder: space.name },
        data: { intent: source.intent, outcome: source.outcome },
      });
    }
    return { status: 'UNCHANGED', embedder: space.name };
  }
  const vector = await services.embedder.embed(source.content);
  const written = await upsertEmbedding(services.prisma, space, {
    accountId: viewer.accountId,
    conversationId,
    ...source,
    vector,
    readAt,
  });
  return { status: written ? 'EMBEDDED' : 'STALE', embedder: space.name };
}

/**
 * Embed every conversation of the account that has no vector for the configured embedder yet,
 * in batches through embedMany (a new database, or a switch of embedder). Returns how many.
 */
export async function embedMissingConversations(ctx: DomainContext, options: { batchSize?: number } = {}): Promise<number> {
  if (!ctx.services.vectorSearchAvailable) return 0;
  const { services, viewer } = ctx;
  const space = spaceOf(ctx);
  const batchSize = options.batchSize ?? 64;
  let embedded = 0;
  let after: string | undefined;
  for (;;) {
    const batch = await ctx.db.conversation.findMany({
      where: { embeddings: { none: { embedder: space.name } }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: 'asc' },
      take: batchSize,
      select: { id: true },
    });
    if (batch.length === 0) return embedded;
    after = batch.at(-1)!.id;
    const readAt = services.now();
    const sources = (await Promise.all(batch.map(async ({ id }) => ({ id, source: await embeddingSource(ctx, id) })))).filter(
      (s): s is { id: string; source: EmbeddingSource } => s.source !== null,
    );
    const vectors = await services.embedder.embedMany(sources.map((s) => s.source.content));
    for (const [i, { id, source }] of sources.entries()) {
      const written = await upsertEmbedding(services.prisma, space, {
        accountId: viewer.accountId,
        conversationId: id,
        ...source,
        vector: vectors[i]!,
        readAt,
      });
      if (written) embedded++;
    }
  }
}

export interface SimilarQuery {
  /** Find conversations like this one (its stored vector, or its text embedded now). */
  conversationId?: string | null;
  /** Or like this text. Exactly one of the two. */
  text?: string | null;
  first?: number | null;
  intent?: Intent | null;
  outcomes?: readonly ConversationOutcome[] | null;
}

export interface SimilarMatch {
  conversation: Conversation;
  /** Cosine similarity, -1..1. */
  similarity: number;
  intent: Intent | null;
  outcome: ConversationOutcome;
}

export interface SimilarConversations {
  /** The embedder whose vectors were compared. */
  embedder: string;
  dimensions: number;
  matches: SimilarMatch[];
}

/** The account's conversations nearest to a conversation or a text, most similar first. */
export async function findSimilarConversations(ctx: DomainContext, query: SimilarQuery): Promise<SimilarConversations> {
  const first = query.first ?? SIMILAR_DEFAULT;
  const issues = [];
  if (!Number.isInteger(first) || first < 1 || first > SIMILAR_MAX) {
    issues.push({ path: ['first'], message: `must be between 1 and ${SIMILAR_MAX}` });
  }
  const text = query.text?.trim();
  if ((query.conversationId ? 1 : 0) + (query.text != null ? 1 : 0) !== 1) {
    issues.push({ path: ['conversationId'], message: 'give exactly one of conversationId and text' });
  } else if (text !== undefined && (text.length === 0 || text.length > SIMILAR_TEXT_MAX)) {
    issues.push({ path: ['text'], message: `must be 1 to ${SIMILAR_TEXT_MAX} characters` });
  }
  if (issues.length > 0) throw ValidationError.fromIssues(issues);
  requireVectorSearch(ctx);

  const { services, viewer } = ctx;
  const space = spaceOf(ctx);
  let vector: number[];
  if (query.conversationId) {
    const id = query.conversationId;
    const stored = await readEmbedding(services.prisma, viewer.accountId, id, space);
    if (stored) {
      vector = stored;
    } else {
      // Not embedded yet (the job has not run): embed its text now, without storing it.
      const source = await embeddingSource(ctx, id);
      if (!source) throw new NotFoundError('Conversation', id);
      vector = await services.embedder.embed(source.content);
    }
  } else {
    vector = await services.embedder.embed(text!);
    // Punctuation alone embeds to the zero vector, whose cosine with anything is undefined.
    if (vector.every((x) => x === 0)) {
      throw ValidationError.fromIssues([{ path: ['text'], message: 'must contain at least one word' }]);
    }
  }
  const rows = await searchSimilar(services.prisma, {
    accountId: viewer.accountId,
    space,
    vector,
    limit: first,
    excludeConversationId: query.conversationId ?? undefined,
    intent: query.intent,
    outcomes: query.outcomes,
  });
  const conversations = await ctx.db.conversation.findMany({ where: { id: { in: rows.map((r) => r.conversationId) } } });
  const byId = new Map(conversations.map((c) => [c.id, c]));
  return {
    embedder: space.name,
    dimensions: space.dimensions,
    // A conversation deleted since the search is simply left out.
    matches: rows.flatMap((r) => {
      const conversation = byId.get(r.conversationId);
      return conversation ? [{ conversation, similarity: r.similarity, intent: r.intent, outcome: r.outcome }] : [];
    }),
  };
}

export interface DraftingExample {
  conversationId: string;
  similarity: number;
  outcome: ConversationOutcome;
  intent: Intent | null;
  /** What the lead wrote. */
  leadMessage: string;
  /** What we answered, as it was sent. */
  reply: { subject: string; body: string };
}

/**
 * Up to `limit` past exchanges like this conversation that went well (outcome REPLIED,
 * MEETING_BOOKED or WON), each with the lead's message and the reply a person approved, for
 * the drafting prompt. Examples are a help, never a requirement: without pgvector, or when the
 * embedder fails, this answers [] (logging the failure) so drafting carries on.
 */
export async function similarExamplesForDrafting(
  ctx: DomainContext,
  conversationId: string,
  limit = 3,
): Promise<DraftingExample[]> {
  if (!ctx.services.vectorSearchAvailable || limit <= 0) return [];
  let similar: SimilarConversations;
  try {
    similar = await findSimilarConversations(ctx, {
      conversationId,
      // Some matches have no approved reply; ask for more than we need.
      first: Math.min(SIMILAR_MAX, limit * 4),
      outcomes: GOOD_OUTCOMES,
    });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    ctx.services.logger.warn({ err: error, conversationId }, 'similar examples unavailable for drafting');
    return [];
  }
  const ids = similar.matches.map((m) => m.conversation.id);
  const replies = await ctx.db.aISuggestion.findMany({
    where: { conversationId: { in: ids }, status: { in: ['APPROVED', 'EDITED'] } },
    orderBy: [{ decidedAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }, { id: 'desc' }],
    include: {
      inReplyTo: { select: { textBody: true, strippedText: true } },
      sentMessage: { select: { subject: true, textBody: true } },
    },
  });
  const latestByConversation = new Map<string, (typeof replies)[number]>();
  for (const r of replies) if (!latestByConversation.has(r.conversationId)) latestByConversation.set(r.conversationId, r);
  const examples: DraftingExample[] = [];
  for (const match of similar.matches) {
    const reply = latestByConversation.get(match.conversation.id);
    if (!reply?.inReplyTo) continue;
    examples.push({
      conversationId: match.conversation.id,
      similarity: match.similarity,
      outcome: match.outcome,
      intent: reply.intent ?? match.intent,
      leadMessage: clip(cleanText(reply.inReplyTo), LATEST_REPLY_MAX),
      reply: sentText(reply),
    });
    if (examples.length === limit) break;
  }
  return examples;
}

type ReplyWithSent = AISuggestion & { sentMessage: { subject: string; textBody: string } | null };

/** The reply as the lead received it: the sent email, else the edited text, else the draft. */
export function sentText(s: ReplyWithSent): { subject: string; body: string } {
  if (s.sentMessage) return { subject: s.sentMessage.subject, body: s.sentMessage.textBody };
  return { subject: s.editedSubject ?? s.subject, body: s.editedBody ?? s.body };
}

export interface BestReply {
  suggestion: AISuggestion;
  conversation: Conversation;
  subject: string;
  body: string;
}

/**
 * Replies people approved or edited for leads with this intent, from conversations that went
 * well: WON first, then MEETING_BOOKED, then REPLIED; newest decision first within each.
 * Plain SQL through Prisma: it needs no pgvector.
 */
export async function bestReplies(ctx: DomainContext, query: { intent: Intent; first?: number | null }): Promise<BestReply[]> {
  const first = query.first ?? SIMILAR_DEFAULT;
  if (!Number.isInteger(first) || first < 1 || first > BEST_REPLIES_MAX) {
    throw ValidationError.fromIssues([{ path: ['first'], message: `must be between 1 and ${BEST_REPLIES_MAX}` }]);
  }
  const rows = await ctx.db.aISuggestion.findMany({
    where: {
      intent: query.intent,
      status: { in: ['APPROVED', 'EDITED'] },
      conversation: { outcome: { in: [...GOOD_OUTCOMES] } },
    },
    // The enum is declared in order of progress (REPLIED < MEETING_BOOKED < WON): descending
    // puts the best outcome first.
    orderBy: [{ conversation: { outcome: 'desc' } }, { decidedAt: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
    take: first,
    include: { conversation: true, sentMessage: { select: { subject: true, textBody: true } } },
  });
  return rows.map(({ conversation, ...suggestion }) => ({ suggestion, conversation, ...sentText(suggestion) }));
}

/** The drafting code's view of similar examples (src/ai/port.ts SimilarExample). */
export const findSimilarExamples: FindSimilarExamples = async (ctx, query) =>
  (await similarExamplesForDrafting(ctx, query.conversationId, 3)).map((example) => ({
    conversationId: example.conversationId,
    inbound: example.leadMessage,
    reply: `${example.reply.subject}\n\n${example.reply.body}`,
    outcome: example.outcome,
    similarity: example.similarity,
  }));
