// What the read benchmarks send: bench/http.ts and bench/soak.ts.
export const LIST_QUERY = `query { conversations(first: 20) { edges { node { id subject status lastMessageAt hasPendingSuggestion
  lead { name email company } lastMessage { direction textBody sentAt receivedAt } } } } }`;
export const THREAD_QUERY = `query ($id: ID!) { conversation(id: $id) { id subject status lead { name email }
  messages(first: 50) { edges { node { direction subject textBody sentAt receivedAt } } }
  suggestions(first: 10) { edges { node { status confidence body } } } } }`;
export const STATS_QUERY = `query { conversationStats { conversations { total open archived } email { sent received responseRate }
  ai { suggestions approvalRate meanConfidence } delivery { delivered opened clicked openRate clickRate } } }`;

/** An autocannon request for one GraphQL operation with a bearer token. */
export function graphqlRequest(baseUrl: string, token: string, query: string, variables?: object) {
  return {
    url: `${baseUrl}/graphql`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  };
}
