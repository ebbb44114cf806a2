// Typed operations shared by the email tests (codegen reads this file too).
import { graphql } from '../gql/index.js';

export const ApproveSuggestion = graphql(`
  mutation ApproveSuggestion($input: ApproveSuggestionInput!) {
    approveSuggestion(input: $input) {
      __typename
      ... on ApproveSuggestionPayload {
        suggestion { id status subject body editedSubject editedBody decidedAt sentMessage { id } }
        reply {
          id direction deliveryStatus providerMessageId messageId inReplyTo fromEmail fromName toEmail
          subject textBody htmlBody sentAt errorCode errorMessage
        }
        conversation { id status lastMessageAt lastMessage { id } hasPendingSuggestion }
      }
      ... on Error { message code }
      ... on InvalidStateError { currentState }
      ... on ValidationError { issues { path message } }
      ... on EmailDeliveryError { providerCode providerMessage retryable }
    }
  }
`);

export const RejectSuggestion = graphql(`
  mutation RejectSuggestion($input: RejectSuggestionInput!) {
    rejectSuggestion(input: $input) {
      __typename
      ... on RejectSuggestionPayload {
        suggestion { id status rejectionReason decidedAt }
        conversation { id status hasPendingSuggestion }
      }
      ... on Error { message code }
      ... on InvalidStateError { currentState }
      ... on ValidationError { issues { path message } }
    }
  }
`);

export const SendReply = graphql(`
  mutation SendReply($input: SendReplyInput!) {
    sendReply(input: $input) {
      __typename
      ... on SendReplyPayload {
        reply { id direction deliveryStatus providerMessageId subject textBody htmlBody inReplyTo sentAt }
        conversation { id status lastMessage { id } hasPendingSuggestion }
      }
      ... on Error { message code }
      ... on InvalidStateError { currentState }
      ... on ValidationError { issues { path message } }
      ... on EmailDeliveryError { providerCode providerMessage retryable }
    }
  }
`);

export const Outbox = graphql(`
  query Outbox($first: Int, $after: String) {
    outbox(first: $first, after: $after) {
      totalCount
      edges {
        node {
          id fromEmail fromName toEmail toName replyTo subject textBody htmlBody
          headers { name value }
          metadata { key value }
          tag messageStream trackOpens trackLinks createdAt
          message { id deliveryStatus }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
