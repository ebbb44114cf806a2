// GraphiQL's options: the example query that opens in the editor, and the development token
// in the HTTP headers and in the WebSocket's connection_init (connectionParams), so queries
// and subscriptions both work from the first click.
import type { GraphiQLOptions } from 'graphql-yoga';

export const exampleQuery = /* GraphQL */ `# Welcome to Parley. Press the play button to list the conversations
# that need a person's review, with the drafted reply waiting for each.
# Subscriptions work here too: try  subscription { conversationEvents { __typename } }
# and run \`npm run demo:reply\` in a terminal.
query ConversationsNeedingReview {
  conversations(first: 10, filter: { status: [NEEDS_REVIEW] }) {
    totalCount
    edges {
      node {
        id
        subject
        status
        lastMessageAt
        lead { name email company }
        lastMessage { direction textBody }
        pendingSuggestion { subject body confidence analysis { intent sentiment } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
  conversationStats {
    conversations { total open archived }
    email { sent received responseRate }
    ai { approvalRate meanConfidence }
  }
}
`;

/**
 * Yoga's GraphiQL hands every option to its GraphQL loader; `connectionParams` is what its
 * graphql-ws client sends in connection_init (the headers editor only reaches HTTP requests).
 */
export type ParleyGraphiQLOptions = GraphiQLOptions & { connectionParams?: Record<string, string> };

export function graphiqlOptions(devToken: string | undefined): ParleyGraphiQLOptions {
  const authorization = devToken ? { Authorization: `Bearer ${devToken}` } : undefined;
  return {
    title: 'Parley',
    // Both: defaultQuery fills a new tab, defaultTabs the first visit (no stored tabs yet).
    defaultQuery: exampleQuery,
    defaultTabs: [{ query: exampleQuery, headers: JSON.stringify(authorization ?? {}, null, 2) }],
    subscriptionsProtocol: 'WS',
    // The development token, so GraphiQL works at once; in production people paste their own.
    headers: JSON.stringify(authorization ?? {}, null, 2),
    ...(authorization ? { connectionParams: { authorization: authorization.Authorization } } : {}),
  };
}
