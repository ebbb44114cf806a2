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
    "\n  mutation Archive($input: ArchiveConversationInput!) {\n    archiveConversation(input: $input) {\n      __typename\n      ... on ArchiveConversationPayload {\n        conversation { id status archivedAt archiveReason hasPendingSuggestion pendingSuggestion { id } }\n        withdrawnSuggestion { id status }\n      }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": typeof types.ArchiveDocument,
    "\n  query PendingStats {\n    conversationStats(since: \"2026-11-01T00:00:00Z\", until: \"2026-12-01T00:00:00Z\") { ai { pending } conversations { needsReview } }\n  }\n": typeof types.PendingStatsDocument,
    "\n  mutation Unarchive($input: UnarchiveConversationInput!) {\n    unarchiveConversation(input: $input) {\n      __typename\n      ... on UnarchiveConversationPayload { conversation { id status archivedAt archiveReason } }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n    }\n  }\n": typeof types.UnarchiveDocument,
    "\n  query WhoAmI { viewer { role actor user { name email role } account { slug } } conversations(first: 1) { totalCount } }\n": typeof types.WhoAmIDocument,
    "\n  mutation ArchiveAs($input: ArchiveConversationInput!) {\n    archiveConversation(input: $input) {\n      __typename\n      ... on Error { code message }\n      ... on ForbiddenError { requiredRole }\n    }\n  }\n": typeof types.ArchiveAsDocument,
    "\n  mutation UnarchiveAs($input: UnarchiveConversationInput!) {\n    unarchiveConversation(input: $input) { __typename ... on Error { code } }\n  }\n": typeof types.UnarchiveAsDocument,
    "\n  mutation AddUser($input: AddUserInput!) {\n    addUser(input: $input) { __typename ... on AddUserPayload { user { email role } } ... on Error { code } ... on ForbiddenError { requiredRole } }\n  }\n": typeof types.AddUserDocument,
    "\n  mutation CreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on CreateApiKeyPayload { key apiKey { id role } } ... on Error { code } }\n  }\n": typeof types.CreateKeyDocument,
    "\n  mutation RevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) { __typename ... on RevokeApiKeyPayload { apiKey { revokedAt } } ... on Error { code } }\n  }\n": typeof types.RevokeKeyDocument,
    "\n  query Audit { auditLog(first: 50) { edges { node { action actor fromStatus toStatus } } } }\n": typeof types.AuditDocument,
    "\n  query Conversations($first: Int, $after: String, $last: Int, $before: String, $filter: ConversationFilter, $orderBy: ConversationOrder) {\n    conversations(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges { cursor node { id subject status lastMessageAt createdAt hasPendingSuggestion lead { id name } } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": typeof types.ConversationsDocument,
    "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      subject\n      lead { name email }\n      lastMessage { textBody }\n      pendingSuggestion { id status confidence analysis { intent keyPoints } }\n      messages(first: 10) { totalCount edges { node { direction textBody createdAt } } }\n      suggestions(first: 10) { totalCount edges { node { status } } }\n    }\n  }\n": typeof types.ConversationDocument,
    "\n  query Node($id: ID!) {\n    node(id: $id) { __typename id ... on Conversation { subject } }\n  }\n": typeof types.NodeDocument,
    "\n      query UnknownAndKnown($unknown: ID!, $known: ID!) {\n        unknown: conversation(id: $unknown) { id }\n        known: conversation(id: $known) { id }\n      }\n    ": typeof types.UnknownAndKnownDocument,
    "\n  query MessageState($id: ID!) {\n    node(id: $id) {\n      ... on ConversationMessage {\n        deliveryStatus deliveredAt openCount firstOpenedAt clickCount firstClickedAt clickedLinks errorCode errorMessage\n        conversation { lead { doNotContact } }\n      }\n    }\n  }\n": typeof types.MessageStateDocument,
    "\n  query DeliveryFigures($since: DateTime!, $until: DateTime!) {\n    conversationStats(since: $since, until: $until) {\n      delivery { delivered bounced opened clicked opens clicks openRate clickRate deliveryRate }\n    }\n  }\n": typeof types.DeliveryFiguresDocument,
    "\n  query DraftLanguage($id: ID!) {\n    conversation(id: $id) {\n      pendingSuggestion { id body language needsHumanWriter humanWriterReason confidence safetyFlags }\n    }\n  }\n": typeof types.DraftLanguageDocument,
    "\n  mutation ApproveHumanWriterDraft($input: ApproveSuggestionInput!) {\n    approveSuggestion(input: $input) {\n      __typename\n      ... on ValidationError { code issues { path message } }\n    }\n  }\n": typeof types.ApproveHumanWriterDraftDocument,
    "\n  mutation RegenerateWithModel($input: RegenerateSuggestionInput!) {\n    regenerateSuggestion(input: $input) {\n      __typename\n      ... on RegenerateSuggestionPayload {\n        suggestion { id status tone length customPrompt body model fallback estimatedCost }\n        supersededSuggestion { id status }\n        conversation { id status }\n      }\n      ... on Error { code message }\n    }\n  }\n": typeof types.RegenerateWithModelDocument,
    "\n  query WhoActs { viewer { actor } }\n": typeof types.WhoActsDocument,
    "\n  subscription OnEveryField($conversationId: ID) {\n    conversationEvents(conversationId: $conversationId) {\n      __typename\n      ... on NewReplyEvent { at conversation { id status } email { id direction } }\n      ... on AIReadyEvent { at confidence conversation { id status } suggestion { id status } }\n      ... on SentEvent { at conversation { id status } email { id deliveryStatus } suggestion { id status } }\n      ... on ConversationErrorEvent { at code message conversation { id status } email { id deliveryStatus } suggestion { id status } }\n    }\n  }\n": typeof types.OnEveryFieldDocument,
    "\n  subscription OnSent($conversationId: ID) {\n    sent(conversationId: $conversationId) { at conversation { id } email { id } suggestion { id } }\n  }\n": typeof types.OnSentDocument,
    "\n  subscription OnConversationError($conversationId: ID) {\n    conversationError(conversationId: $conversationId) { at code message conversation { id } email { id } suggestion { id } }\n  }\n": typeof types.OnConversationErrorDocument,
    "\n  mutation Snooze($input: SnoozeConversationInput!) {\n    snoozeConversation(input: $input) {\n      __typename\n      ... on SnoozeConversationPayload { conversation { status snoozedUntil snoozeReason } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.SnoozeDocument,
    "\n  mutation Unsnooze($input: UnsnoozeConversationInput!) {\n    unsnoozeConversation(input: $input) {\n      __typename\n      ... on UnsnoozeConversationPayload { conversation { status snoozedUntil snoozeReason } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.UnsnoozeDocument,
    "\n  query SnoozeList($filter: ConversationFilter) {\n    conversations(first: 100, filter: $filter) { edges { node { id status } } }\n  }\n": typeof types.SnoozeListDocument,
    "\n  mutation ArchiveForEvents($input: ArchiveConversationInput!) { archiveConversation(input: $input) { __typename } }\n": typeof types.ArchiveForEventsDocument,
    "\n  mutation UnarchiveForEvents($input: UnarchiveConversationInput!) { unarchiveConversation(input: $input) { __typename } }\n": typeof types.UnarchiveForEventsDocument,
    "\n  mutation OutcomeForEvents($input: SetConversationOutcomeInput!) { setConversationOutcome(input: $input) { __typename } }\n": typeof types.OutcomeForEventsDocument,
    "\n  mutation RejectForEvents($input: RejectSuggestionInput!) { rejectSuggestion(input: $input) { __typename } }\n": typeof types.RejectForEventsDocument,
    "\n  mutation ResolveForEvents($input: ResolveSuggestedActionInput!) { resolveSuggestedAction(input: $input) { __typename } }\n": typeof types.ResolveForEventsDocument,
    "\n  subscription ReplayEvents($since: String, $conversationId: ID) {\n    conversationEvents(since: $since, conversationId: $conversationId) {\n      __typename\n      ... on ArchivedEvent { cursor reason conversation { id status } }\n      ... on UnarchivedEvent { cursor status }\n      ... on OutcomeSetEvent { cursor outcome previousOutcome }\n      ... on SnoozedEvent { cursor until snoozeReason }\n      ... on UnsnoozedEvent { cursor status }\n      ... on NewReplyEvent { cursor }\n    }\n  }\n": typeof types.ReplayEventsDocument,
    "\n  mutation SetFollowUpPolicy($input: SetFollowUpPolicyInput!) {\n    setFollowUpPolicy(input: $input) {\n      __typename\n      ... on SetFollowUpPolicyPayload { account { followUpPolicy { enabled followUpAfterDays maxFollowUps sendWindowStartHour sendWindowEndHour sendWindowDays } } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": typeof types.SetFollowUpPolicyDocument,
    "\n  query FollowUpPending($id: ID!) {\n    conversation(id: $id) {\n      status\n      pendingSuggestion { id kind subject body status followUpOf { id } }\n    }\n  }\n": typeof types.FollowUpPendingDocument,
    "\n  mutation RegenerateFollowUp($input: RegenerateSuggestionInput!) {\n    regenerateSuggestion(input: $input) {\n      __typename\n      ... on RegenerateSuggestionPayload {\n        suggestion { id kind status body tone followUpOf { id } }\n        supersededSuggestion { id kind status }\n        conversation { status }\n      }\n      ... on Error { message code }\n    }\n  }\n": typeof types.RegenerateFollowUpDocument,
    "\n  mutation ApproveFollowUp($input: ApproveSuggestionInput!) {\n    approveSuggestion(input: $input) {\n      __typename\n      ... on ApproveSuggestionPayload { reply { id deliveryStatus } conversation { status } }\n      ... on Error { message code }\n    }\n  }\n": typeof types.ApproveFollowUpDocument,
    "\n  mutation CreateLeadIdn($input: CreateLeadInput!) {\n    createLead(input: $input) { __typename ... on CreateLeadPayload { lead { id email } } ... on Error { code message } }\n  }\n": typeof types.CreateLeadIdnDocument,
    "\n  mutation StartConversationIdn($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      __typename\n      ... on StartConversationPayload { firstEmail { id deliveryStatus toEmail } conversation { id } }\n      ... on InvalidStateError { code currentState message }\n      ... on Error { code message }\n    }\n  }\n": typeof types.StartConversationIdnDocument,
    "\n  query AuditIds($entityId: ID) {\n    auditLog(first: 10, entityId: $entityId) { edges { node { id actor entityType entityId action } } }\n    viewer { actor user { name email role } account { id } }\n  }\n": typeof types.AuditIdsDocument,
    "\n  mutation ImportLeadsT($input: ImportLeadsInput!) {\n    importLeads(input: $input) {\n      __typename\n      ... on ImportLeadsPayload {\n        created updated failed\n        rows { row status lead { id email name company estimatedValue source customFields } issues { path message } }\n      }\n      ... on ValidationError { code issues { path message } }\n    }\n  }\n": typeof types.ImportLeadsTDocument,
    "\n  query InboundMessage($id: ID!) {\n    node(id: $id) {\n      ... on ConversationMessage {\n        fromEmail\n        fromName\n        subject\n        textBody\n        htmlBody\n        strippedText\n        ccEmails\n        attachments { name contentType size }\n        originalPayload { sizeBytes sha256 contentBase64 }\n        conversation { subject lead { email name } }\n      }\n    }\n  }\n": typeof types.InboundMessageDocument,
    "\n  query LargeMessage($id: ID!) {\n    node(id: $id) {\n      ... on ConversationMessage {\n        fromEmail\n        textBody\n        attachments { name size }\n        originalPayload { sizeBytes sha256 }\n        conversation { status lead { email } }\n      }\n    }\n  }\n": typeof types.LargeMessageDocument,
    "\n  query InboundThread($id: ID!) {\n    conversation(id: $id) {\n      status\n      lead { email name }\n      lastMessage { direction textBody strippedText htmlBody fromEmail ccEmails attachments { name contentType size } }\n      messages(first: 20) { totalCount }\n    }\n  }\n": typeof types.InboundThreadDocument,
    "\n  subscription OnInboxEvents {\n    conversationEvents {\n      __typename\n      ... on ReadStateChangedEvent { read conversation { id unread } }\n      ... on AssignedEvent { assignee { email } previousAssignee { email } }\n      ... on PriorityChangedEvent { priority previousPriority }\n      ... on LabelsChangedEvent { conversation { labels { name } } }\n      ... on NoteAddedEvent { note { body author { email } } }\n      ... on MentionedEvent { note { body } }\n    }\n  }\n": typeof types.OnInboxEventsDocument,
    "\n  mutation PrivateNote($input: AddNoteInput!) {\n    addNote(input: $input) { __typename ... on AddNotePayload { note { id body } } ... on Error { code message } }\n  }\n": typeof types.PrivateNoteDocument,
    "\n  mutation PrivateApprove($input: ApproveSuggestionInput!) {\n    approveSuggestion(input: $input) { __typename ... on ApproveSuggestionPayload { reply { id deliveryStatus } } ... on Error { code message } }\n  }\n": typeof types.PrivateApproveDocument,
    "\n  mutation PrivatePriority($input: SetConversationPriorityInput!) {\n    setConversationPriority(input: $input) { __typename }\n  }\n": typeof types.PrivatePriorityDocument,
    "\n  query InboxUnread($id: ID!) {\n    conversation(id: $id) { id unread }\n    viewer { unreadCount }\n  }\n": typeof types.InboxUnreadDocument,
    "\n  mutation InboxMarkRead($input: MarkConversationsReadInput!) {\n    markConversationsRead(input: $input) {\n      __typename\n      ... on MarkConversationsReadPayload { conversations { id unread } }\n      ... on Error { code message }\n      ... on InvalidStateError { currentState }\n    }\n  }\n": typeof types.InboxMarkReadDocument,
    "\n  mutation InboxAssign($input: AssignConversationInput!) {\n    assignConversation(input: $input) {\n      __typename\n      ... on AssignConversationPayload { conversation { id assignee { id email } } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.InboxAssignDocument,
    "\n  mutation InboxCreateLabel($input: CreateLabelInput!) {\n    createLabel(input: $input) {\n      __typename\n      ... on CreateLabelPayload { label { id name color } }\n      ... on Error { code message }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": typeof types.InboxCreateLabelDocument,
    "\n  mutation InboxSetLabels($input: SetConversationLabelsInput!) {\n    setConversationLabels(input: $input) {\n      __typename\n      ... on SetConversationLabelsPayload { conversation { id labels { id name } } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.InboxSetLabelsDocument,
    "\n  mutation InboxSetPriority($input: SetConversationPriorityInput!) {\n    setConversationPriority(input: $input) {\n      __typename\n      ... on SetConversationPriorityPayload { conversation { id priority } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.InboxSetPriorityDocument,
    "\n  mutation InboxAddNote($input: AddNoteInput!) {\n    addNote(input: $input) {\n      __typename\n      ... on AddNotePayload { note { id body author { email } actor } mentioned { email } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.InboxAddNoteDocument,
    "\n  query InboxList($filter: ConversationFilter, $orderBy: ConversationOrder, $first: Int, $after: String) {\n    conversations(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      edges { node { id priority unread assignee { id } labels { name } notes(first: 5) { totalCount edges { node { body } } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.InboxListDocument,
    "\n  query InboxListLight($filter: ConversationFilter, $first: Int) {\n    conversations(filter: $filter, first: $first) { totalCount edges { node { id unread } } }\n  }\n": typeof types.InboxListLightDocument,
    "\n  mutation InboxBulk($input: BulkUpdateConversationsInput!) {\n    bulkUpdateConversations(input: $input) {\n      __typename\n      ... on BulkUpdateConversationsPayload {\n        succeeded\n        failed\n        results { conversationId ok error { __typename ... on Error { code message } } conversation { id status } }\n      }\n      ... on Error { code message }\n    }\n  }\n": typeof types.InboxBulkDocument,
    "\n  mutation CreateEndpointI19($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      __typename\n      ... on CreateWebhookEndpointPayload { secret webhookEndpoint { id } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.CreateEndpointI19Document,
    "\n  mutation CreateLeadI19($input: CreateLeadInput!) {\n    createLead(input: $input) { __typename ... on CreateLeadPayload { lead { id } } ... on Error { code message } }\n  }\n": typeof types.CreateLeadI19Document,
    "\n  mutation UpdateLeadI19($input: UpdateLeadInput!) {\n    updateLead(input: $input) { __typename ... on Error { code message } }\n  }\n": typeof types.UpdateLeadI19Document,
    "\n  mutation ImportLeadsI19($input: ImportLeadsInput!) {\n    importLeads(input: $input) {\n      __typename\n      ... on ImportLeadsPayload { created updated failed rows { row status lead { id } } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ImportLeadsI19Document,
    "\n  mutation MergeI19($input: MergeConversationsInput!) { mergeConversations(input: $input) { __typename ... on Error { code message } } }\n": typeof types.MergeI19Document,
    "\n  mutation MoveI19($input: MoveMessageInput!) { moveMessage(input: $input) { __typename ... on Error { code message } } }\n": typeof types.MoveI19Document,
    "\n  subscription LeadEventsI19($since: String) {\n    leadEvents(since: $since) {\n      __typename\n      ... on LeadCreatedEvent { cursor leadId via lead { id email } }\n      ... on LeadUpdatedEvent { cursor leadId via lead { id company } }\n    }\n  }\n": typeof types.LeadEventsI19Document,
    "\n  subscription ThreadEventsI19($conversationId: ID, $since: String) {\n    conversationEvents(conversationId: $conversationId, since: $since) {\n      __typename\n      ... on ConversationMergedEvent { cursor sourceConversationId messagesMoved conversation { id } }\n      ... on MessageMovedEvent { cursor fromConversationId split email { id } conversation { id } fromConversation { id } }\n    }\n  }\n": typeof types.ThreadEventsI19Document,
    "\n  mutation CreateLeadT($input: CreateLeadInput!) {\n    createLead(input: $input) {\n      __typename\n      ... on CreateLeadPayload { lead { id name email company estimatedValue source customFields doNotContact } }\n      ... on DuplicateLeadError { code existingLeadId }\n      ... on ValidationError { code issues { path message } }\n    }\n  }\n": typeof types.CreateLeadTDocument,
    "\n  mutation UpdateLeadT($input: UpdateLeadInput!) {\n    updateLead(input: $input) {\n      __typename\n      ... on UpdateLeadPayload { lead { id name email company estimatedValue customFields } }\n      ... on DuplicateLeadError { code existingLeadId }\n      ... on ValidationError { code issues { path message } }\n      ... on NotFoundError { code }\n    }\n  }\n": typeof types.UpdateLeadTDocument,
    "\n  query LeadsT($filter: LeadFilter, $first: Int, $after: String) {\n    leads(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id email name } }\n    }\n  }\n": typeof types.LeadsTDocument,
    "\n  mutation StartConversationT($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      __typename\n      ... on StartConversationPayload {\n        firstEmail { id direction deliveryStatus subject textBody toEmail }\n        conversation { id subject status lead { id } messages(first: 10) { totalCount } }\n      }\n      ... on Error { code message }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": typeof types.StartConversationTDocument,
    "\n  query LeadConversationsT($id: ID!) {\n    lead(id: $id) {\n      conversations(first: 2) {\n        totalCount\n        edges { node { id status messages(first: 5) { edges { node { direction strippedText } } } } }\n      }\n    }\n  }\n": typeof types.LeadConversationsTDocument,
    "\n  mutation MergeTest($input: MergeConversationsInput!) {\n    mergeConversations(input: $input) {\n      __typename\n      ... on MergeConversationsPayload { mergedConversationId conversation { id status messages(first: 50) { totalCount } } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.MergeTestDocument,
    "\n  query MergedLookupTest($id: ID!) {\n    node(id: $id) { id }\n    conversation(id: $id) { id subject }\n  }\n": typeof types.MergedLookupTestDocument,
    "\n  mutation MoveMessageTest($input: MoveMessageInput!) {\n    moveMessage(input: $input) {\n      __typename\n      ... on MoveMessagePayload {\n        movedMessage { id }\n        conversation { id subject status lead { id } messages(first: 10) { totalCount } lastMessage { id } }\n        fromConversation { id messages(first: 10) { totalCount } lastMessage { id } }\n      }\n      ... on Error { code message }\n    }\n  }\n": typeof types.MoveMessageTestDocument,
    "\n  query ServerCheck { conversations(first: 1) { totalCount } }\n": typeof types.ServerCheckDocument,
    "\n  mutation SetOutcome($input: SetConversationOutcomeInput!) {\n    setConversationOutcome(input: $input) {\n      __typename\n      ... on SetConversationOutcomePayload { conversation { id outcome outcomeAt } }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": typeof types.SetOutcomeDocument,
    "\n  mutation ExportBoundTest($input: ExportLeadDataInput!) {\n    exportLeadData(input: $input) {\n      __typename\n      ... on ExportLeadDataPayload { data }\n      ... on ExportTooLargeError { code sizeBytes limitBytes messages }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ExportBoundTestDocument,
    "\n  mutation ExportLeadTest($input: ExportLeadDataInput!) {\n    exportLeadData(input: $input) { __typename ... on ExportLeadDataPayload { data } ... on Error { code message } }\n  }\n": typeof types.ExportLeadTestDocument,
    "\n  mutation EraseLeadTest($input: EraseLeadInput!) {\n    eraseLead(input: $input) { __typename ... on EraseLeadPayload { erasedLeadId conversationsErased messagesErased } ... on Error { code message } }\n  }\n": typeof types.EraseLeadTestDocument,
    "\n  mutation SendReplyPrivacyTest($input: SendReplyInput!) {\n    sendReply(input: $input) { __typename ... on InvalidStateError { currentState message } ... on Error { code } }\n  }\n": typeof types.SendReplyPrivacyTestDocument,
    "\n  mutation Regenerate($input: RegenerateSuggestionInput!) {\n    regenerateSuggestion(input: $input) {\n      __typename\n      ... on RegenerateSuggestionPayload {\n        suggestion {\n          id status tone length customPrompt subject body model provider fallback estimatedCost safetyFlags confidence\n          analysis { intent questions suggestedNextStep }\n          proposedNote { toName toEmail subject body }\n          inReplyTo { id analysis { intent returnDate referralName provider } }\n        }\n        supersededSuggestion { id status }\n        conversation { id status pendingSuggestion { id } }\n      }\n      ... on Error { code message }\n      ... on InvalidStateError { currentState }\n      ... on RateLimitedError { retryAfterSeconds }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": typeof types.RegenerateDocument,
    "\n  query AIStats($since: DateTime, $until: DateTime) {\n    conversationStats(since: $since, until: $until) {\n      ai { suggestions fallbacks rejectRate meanConfidence promptTokens completionTokens estimatedCost }\n    }\n  }\n": typeof types.AiStatsDocument,
    "\n  query ConversationState($id: ID!) {\n    node(id: $id) {\n      ... on Conversation {\n        status\n        lead { doNotContact }\n        suggestedAction { kind reason confidence suggestedAt }\n        suggestedActionMessage { id language }\n        pendingSuggestion { id status }\n      }\n    }\n  }\n": typeof types.ConversationStateDocument,
    "\n  mutation ResolveSuggestedAction($input: ResolveSuggestedActionInput!) {\n    resolveSuggestedAction(input: $input) {\n      __typename\n      ... on ResolveSuggestedActionPayload { conversation { status lead { doNotContact } suggestedAction { kind } pendingSuggestion { id } } }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n    }\n  }\n": typeof types.ResolveSuggestedActionDocument,
    "\n  mutation ScheduledApprove($input: ApproveSuggestionInput!) {\n    approveSuggestion(input: $input) {\n      __typename\n      ... on ApproveSuggestionPayload {\n        scheduledFor\n        suggestion { id status editedBody }\n        reply { id deliveryStatus scheduledFor sentAt }\n        conversation { id status }\n      }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": typeof types.ScheduledApproveDocument,
    "\n  mutation CancelScheduledSend($input: CancelScheduledSendInput!) {\n    cancelScheduledSend(input: $input) {\n      __typename\n      ... on CancelScheduledSendPayload {\n        cancelledMessage { id deliveryStatus scheduledFor }\n        suggestion { id status editedSubject editedBody sentMessage { id } }\n        conversation { id status lastMessage { id } }\n      }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n    }\n  }\n": typeof types.CancelScheduledSendDocument,
    "\n  mutation UpdateSendSettings($input: UpdateSendSettingsInput!) {\n    updateSendSettings(input: $input) {\n      __typename\n      ... on UpdateSendSettingsPayload { account { sendSettings { undoWindowSeconds undoWindowIsDefault sendScheduledAfterReply } } }\n      ... on Error { message code }\n    }\n  }\n": typeof types.UpdateSendSettingsDocument,
    "\n  query DemoOverview {\n    conversations(first: 100) {\n      totalCount\n      edges {\n        node {\n          status\n          hasPendingSuggestion\n          lead { source sourceUrl estimatedValue }\n          messages(first: 10) { edges { node { direction } } }\n        }\n      }\n    }\n  }\n": typeof types.DemoOverviewDocument,
    "\n  query SimilarWithOpenAI($text: String!) {\n    similarConversations(text: $text, first: 5) {\n      __typename\n      ... on SimilarConversations { embedder dimensions matches { similarity conversation { id } } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.SimilarWithOpenAiDocument,
    "\n  query SimilarWhenUnavailable($conversationId: ID, $text: String) {\n    similarConversations(conversationId: $conversationId, text: $text) {\n      __typename\n      ... on Error { message code }\n      ... on SimilarConversations { embedder matches { similarity } }\n    }\n  }\n": typeof types.SimilarWhenUnavailableDocument,
    "\n  query SimilarUnavailableEverythingElse($id: ID!) {\n    conversation(id: $id) { id outcome }\n    bestReplies(intent: QUESTION) { body }\n    conversations(first: 5) { totalCount }\n  }\n": typeof types.SimilarUnavailableEverythingElseDocument,
    "\n  mutation SimilarUnavailableSetOutcome($input: SetConversationOutcomeInput!) {\n    setConversationOutcome(input: $input) {\n      __typename\n      ... on SetConversationOutcomePayload { conversation { outcome } }\n    }\n  }\n": typeof types.SimilarUnavailableSetOutcomeDocument,
    "\n  query SimilarConversations($conversationId: ID, $text: String, $first: Int, $intent: Intent, $outcome: ConversationOutcome) {\n    similarConversations(conversationId: $conversationId, text: $text, first: $first, intent: $intent, outcome: $outcome) {\n      __typename\n      ... on SimilarConversations {\n        embedder\n        dimensions\n        matches { similarity intent outcome conversation { id subject outcome lead { email } } }\n      }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": typeof types.SimilarConversationsDocument,
    "\n  query SimilarBestReplies($intent: Intent!, $first: Int) {\n    bestReplies(intent: $intent, first: $first) {\n      subject\n      body\n      suggestion { id status }\n      conversation { id outcome }\n    }\n  }\n": typeof types.SimilarBestRepliesDocument,
    "\n  query InboxPage($first: Int!) {\n    conversations(first: $first) {\n      edges {\n        node {\n          id\n          subject\n          status\n          lastMessageAt\n          hasPendingSuggestion\n          lead { name email company }\n          lastMessage { direction textBody sentAt receivedAt }\n          pendingSuggestion { confidence body }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.InboxPageDocument,
    "\n  query TeamInboxPage($first: Int!, $after: String, $filter: ConversationFilter) {\n    conversations(first: $first, after: $after, filter: $filter, orderBy: { field: PRIORITY, direction: DESC }) {\n      edges {\n        node {\n          id\n          unread\n          priority\n          intent\n          assignee { id email }\n          labels { id name color }\n          notes(first: 3) { edges { node { body author { email } createdAt } } }\n          lead { name }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.TeamInboxPageDocument,
    "\n  query Stats($since: DateTime, $until: DateTime) {\n    conversationStats(since: $since, until: $until) {\n      window { since until }\n      conversations { total open active needsReview waitingForLead archived }\n      email { sent received conversationsEmailed conversationsReplied responseRate }\n      ai { suggestions pending approved edited rejected superseded approvalRate editRate meanConfidence }\n      delivery { delivered bounced opened clicked opens clicks deliveryRate openRate clickRate }\n    }\n  }\n": typeof types.StatsDocument,
    "\n  subscription OnNewReply($conversationId: ID) {\n    newReply(conversationId: $conversationId) {\n      at\n      conversation { id subject status }\n      email { direction strippedText }\n    }\n  }\n": typeof types.OnNewReplyDocument,
    "\n  subscription OnAnyEvent {\n    conversationEvents {\n      __typename\n      ... on NewReplyEvent { conversation { id } email { strippedText } }\n      ... on AIReadyEvent { confidence }\n    }\n  }\n": typeof types.OnAnyEventDocument,
    "\n  mutation ApproveSuggestion($input: ApproveSuggestionInput!) {\n    approveSuggestion(input: $input) {\n      __typename\n      ... on ApproveSuggestionPayload {\n        suggestion { id status subject body editedSubject editedBody decidedAt sentMessage { id } }\n        reply {\n          id direction deliveryStatus providerMessageId messageId inReplyTo fromEmail fromName toEmail\n          subject textBody htmlBody sentAt errorCode errorMessage\n        }\n        conversation { id status lastMessageAt lastMessage { id } hasPendingSuggestion }\n      }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n      ... on EmailDeliveryError { providerCode providerMessage retryable }\n    }\n  }\n": typeof types.ApproveSuggestionDocument,
    "\n  mutation RejectSuggestion($input: RejectSuggestionInput!) {\n    rejectSuggestion(input: $input) {\n      __typename\n      ... on RejectSuggestionPayload {\n        suggestion { id status rejectionReason decidedAt }\n        conversation { id status hasPendingSuggestion }\n      }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": typeof types.RejectSuggestionDocument,
    "\n  mutation SendReply($input: SendReplyInput!) {\n    sendReply(input: $input) {\n      __typename\n      ... on SendReplyPayload {\n        reply { id direction deliveryStatus providerMessageId subject textBody htmlBody inReplyTo sentAt }\n        conversation { id status lastMessage { id } hasPendingSuggestion }\n      }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n      ... on EmailDeliveryError { providerCode providerMessage retryable }\n    }\n  }\n": typeof types.SendReplyDocument,
    "\n  query Outbox($first: Int, $after: String) {\n    outbox(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id fromEmail fromName toEmail toName replyTo subject textBody htmlBody\n          headers { name value }\n          metadata { key value }\n          tag messageStream trackOpens trackLinks createdAt\n          message { id deliveryStatus }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.OutboxDocument,
    "\n  mutation CreateTemplateT($input: CreateTemplateInput!) {\n    createTemplate(input: $input) {\n      __typename\n      ... on CreateTemplatePayload { template { id name subject body } }\n      ... on ValidationError { code issues { path message } }\n    }\n  }\n": typeof types.CreateTemplateTDocument,
    "\n  mutation UpdateTemplateT($input: UpdateTemplateInput!) {\n    updateTemplate(input: $input) {\n      __typename\n      ... on UpdateTemplatePayload { template { id name subject body } }\n      ... on Error { code }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": typeof types.UpdateTemplateTDocument,
    "\n  mutation DeleteTemplateT($input: DeleteTemplateInput!) {\n    deleteTemplate(input: $input) { __typename ... on DeleteTemplatePayload { deletedTemplateId } ... on Error { code } }\n  }\n": typeof types.DeleteTemplateTDocument,
    "\n  query TemplatesT { templates(first: 50) { totalCount edges { node { id name } } } }\n": typeof types.TemplatesTDocument,
    "\n  mutation StartWithTemplateT($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      __typename\n      ... on StartConversationPayload { firstEmail { subject textBody htmlBody } conversation { id subject } }\n      ... on Error { code }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": typeof types.StartWithTemplateTDocument,
    "\n  mutation ReplyWithTemplateT($input: SendReplyInput!) {\n    sendReply(input: $input) {\n      __typename\n      ... on SendReplyPayload { reply { subject textBody } }\n      ... on Error { code }\n    }\n  }\n": typeof types.ReplyWithTemplateTDocument,
    "\n  mutation CreateWebhookEndpointTest($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      __typename\n      ... on CreateWebhookEndpointPayload { secret webhookEndpoint { id url events enabled } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.CreateWebhookEndpointTestDocument,
    "\n  mutation UpdateWebhookEndpointTest($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      __typename\n      ... on UpdateWebhookEndpointPayload { webhookEndpoint { id enabled consecutiveFailures disabledReason } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.UpdateWebhookEndpointTestDocument,
    "\n  query WebhookDeliveriesTest($endpointId: ID!) {\n    webhookDeliveries(endpointId: $endpointId, first: 50) {\n      edges { node { id eventId eventType status attempts lastStatusCode payload attemptLog { attempt statusCode error at } } }\n    }\n  }\n": typeof types.WebhookDeliveriesTestDocument,
    "\n  mutation ResendWebhookDeliveryTest($input: ResendWebhookDeliveryInput!) {\n    resendWebhookDelivery(input: $input) {\n      __typename\n      ... on ResendWebhookDeliveryPayload { delivery { id eventId status } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ResendWebhookDeliveryTestDocument,
    "mutation SendForWebhook($input: SendReplyInput!) { sendReply(input: $input) { __typename } }": typeof types.SendForWebhookDocument,
    "mutation ArchiveForWebhook($input: ArchiveConversationInput!) { archiveConversation(input: $input) { __typename } }": typeof types.ArchiveForWebhookDocument,
};
const documents: Documents = {
    "\n  mutation Archive($input: ArchiveConversationInput!) {\n    archiveConversation(input: $input) {\n      __typename\n      ... on ArchiveConversationPayload {\n        conversation { id status archivedAt archiveReason hasPendingSuggestion pendingSuggestion { id } }\n        withdrawnSuggestion { id status }\n      }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": types.ArchiveDocument,
    "\n  query PendingStats {\n    conversationStats(since: \"2026-11-01T00:00:00Z\", until: \"2026-12-01T00:00:00Z\") { ai { pending } conversations { needsReview } }\n  }\n": types.PendingStatsDocument,
    "\n  mutation Unarchive($input: UnarchiveConversationInput!) {\n    unarchiveConversation(input: $input) {\n      __typename\n      ... on UnarchiveConversationPayload { conversation { id status archivedAt archiveReason } }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n    }\n  }\n": types.UnarchiveDocument,
    "\n  query WhoAmI { viewer { role actor user { name email role } account { slug } } conversations(first: 1) { totalCount } }\n": types.WhoAmIDocument,
    "\n  mutation ArchiveAs($input: ArchiveConversationInput!) {\n    archiveConversation(input: $input) {\n      __typename\n      ... on Error { code message }\n      ... on ForbiddenError { requiredRole }\n    }\n  }\n": types.ArchiveAsDocument,
    "\n  mutation UnarchiveAs($input: UnarchiveConversationInput!) {\n    unarchiveConversation(input: $input) { __typename ... on Error { code } }\n  }\n": types.UnarchiveAsDocument,
    "\n  mutation AddUser($input: AddUserInput!) {\n    addUser(input: $input) { __typename ... on AddUserPayload { user { email role } } ... on Error { code } ... on ForbiddenError { requiredRole } }\n  }\n": types.AddUserDocument,
    "\n  mutation CreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on CreateApiKeyPayload { key apiKey { id role } } ... on Error { code } }\n  }\n": types.CreateKeyDocument,
    "\n  mutation RevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) { __typename ... on RevokeApiKeyPayload { apiKey { revokedAt } } ... on Error { code } }\n  }\n": types.RevokeKeyDocument,
    "\n  query Audit { auditLog(first: 50) { edges { node { action actor fromStatus toStatus } } } }\n": types.AuditDocument,
    "\n  query Conversations($first: Int, $after: String, $last: Int, $before: String, $filter: ConversationFilter, $orderBy: ConversationOrder) {\n    conversations(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges { cursor node { id subject status lastMessageAt createdAt hasPendingSuggestion lead { id name } } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": types.ConversationsDocument,
    "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      subject\n      lead { name email }\n      lastMessage { textBody }\n      pendingSuggestion { id status confidence analysis { intent keyPoints } }\n      messages(first: 10) { totalCount edges { node { direction textBody createdAt } } }\n      suggestions(first: 10) { totalCount edges { node { status } } }\n    }\n  }\n": types.ConversationDocument,
    "\n  query Node($id: ID!) {\n    node(id: $id) { __typename id ... on Conversation { subject } }\n  }\n": types.NodeDocument,
    "\n      query UnknownAndKnown($unknown: ID!, $known: ID!) {\n        unknown: conversation(id: $unknown) { id }\n        known: conversation(id: $known) { id }\n      }\n    ": types.UnknownAndKnownDocument,
    "\n  query MessageState($id: ID!) {\n    node(id: $id) {\n      ... on ConversationMessage {\n        deliveryStatus deliveredAt openCount firstOpenedAt clickCount firstClickedAt clickedLinks errorCode errorMessage\n        conversation { lead { doNotContact } }\n      }\n    }\n  }\n": types.MessageStateDocument,
    "\n  query DeliveryFigures($since: DateTime!, $until: DateTime!) {\n    conversationStats(since: $since, until: $until) {\n      delivery { delivered bounced opened clicked opens clicks openRate clickRate deliveryRate }\n    }\n  }\n": types.DeliveryFiguresDocument,
    "\n  query DraftLanguage($id: ID!) {\n    conversation(id: $id) {\n      pendingSuggestion { id body language needsHumanWriter humanWriterReason confidence safetyFlags }\n    }\n  }\n": types.DraftLanguageDocument,
    "\n  mutation ApproveHumanWriterDraft($input: ApproveSuggestionInput!) {\n    approveSuggestion(input: $input) {\n      __typename\n      ... on ValidationError { code issues { path message } }\n    }\n  }\n": types.ApproveHumanWriterDraftDocument,
    "\n  mutation RegenerateWithModel($input: RegenerateSuggestionInput!) {\n    regenerateSuggestion(input: $input) {\n      __typename\n      ... on RegenerateSuggestionPayload {\n        suggestion { id status tone length customPrompt body model fallback estimatedCost }\n        supersededSuggestion { id status }\n        conversation { id status }\n      }\n      ... on Error { code message }\n    }\n  }\n": types.RegenerateWithModelDocument,
    "\n  query WhoActs { viewer { actor } }\n": types.WhoActsDocument,
    "\n  subscription OnEveryField($conversationId: ID) {\n    conversationEvents(conversationId: $conversationId) {\n      __typename\n      ... on NewReplyEvent { at conversation { id status } email { id direction } }\n      ... on AIReadyEvent { at confidence conversation { id status } suggestion { id status } }\n      ... on SentEvent { at conversation { id status } email { id deliveryStatus } suggestion { id status } }\n      ... on ConversationErrorEvent { at code message conversation { id status } email { id deliveryStatus } suggestion { id status } }\n    }\n  }\n": types.OnEveryFieldDocument,
    "\n  subscription OnSent($conversationId: ID) {\n    sent(conversationId: $conversationId) { at conversation { id } email { id } suggestion { id } }\n  }\n": types.OnSentDocument,
    "\n  subscription OnConversationError($conversationId: ID) {\n    conversationError(conversationId: $conversationId) { at code message conversation { id } email { id } suggestion { id } }\n  }\n": types.OnConversationErrorDocument,
    "\n  mutation Snooze($input: SnoozeConversationInput!) {\n    snoozeConversation(input: $input) {\n      __typename\n      ... on SnoozeConversationPayload { conversation { status snoozedUntil snoozeReason } }\n      ... on Error { code message }\n    }\n  }\n": types.SnoozeDocument,
    "\n  mutation Unsnooze($input: UnsnoozeConversationInput!) {\n    unsnoozeConversation(input: $input) {\n      __typename\n      ... on UnsnoozeConversationPayload { conversation { status snoozedUntil snoozeReason } }\n      ... on Error { code message }\n    }\n  }\n": types.UnsnoozeDocument,
    "\n  query SnoozeList($filter: ConversationFilter) {\n    conversations(first: 100, filter: $filter) { edges { node { id status } } }\n  }\n": types.SnoozeListDocument,
    "\n  mutation ArchiveForEvents($input: ArchiveConversationInput!) { archiveConversation(input: $input) { __typename } }\n": types.ArchiveForEventsDocument,
    "\n  mutation UnarchiveForEvents($input: UnarchiveConversationInput!) { unarchiveConversation(input: $input) { __typename } }\n": types.UnarchiveForEventsDocument,
    "\n  mutation OutcomeForEvents($input: SetConversationOutcomeInput!) { setConversationOutcome(input: $input) { __typename } }\n": types.OutcomeForEventsDocument,
    "\n  mutation RejectForEvents($input: RejectSuggestionInput!) { rejectSuggestion(input: $input) { __typename } }\n": types.RejectForEventsDocument,
    "\n  mutation ResolveForEvents($input: ResolveSuggestedActionInput!) { resolveSuggestedAction(input: $input) { __typename } }\n": types.ResolveForEventsDocument,
    "\n  subscription ReplayEvents($since: String, $conversationId: ID) {\n    conversationEvents(since: $since, conversationId: $conversationId) {\n      __typename\n      ... on ArchivedEvent { cursor reason conversation { id status } }\n      ... on UnarchivedEvent { cursor status }\n      ... on OutcomeSetEvent { cursor outcome previousOutcome }\n      ... on SnoozedEvent { cursor until snoozeReason }\n      ... on UnsnoozedEvent { cursor status }\n      ... on NewReplyEvent { cursor }\n    }\n  }\n": types.ReplayEventsDocument,
    "\n  mutation SetFollowUpPolicy($input: SetFollowUpPolicyInput!) {\n    setFollowUpPolicy(input: $input) {\n      __typename\n      ... on SetFollowUpPolicyPayload { account { followUpPolicy { enabled followUpAfterDays maxFollowUps sendWindowStartHour sendWindowEndHour sendWindowDays } } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": types.SetFollowUpPolicyDocument,
    "\n  query FollowUpPending($id: ID!) {\n    conversation(id: $id) {\n      status\n      pendingSuggestion { id kind subject body status followUpOf { id } }\n    }\n  }\n": types.FollowUpPendingDocument,
    "\n  mutation RegenerateFollowUp($input: RegenerateSuggestionInput!) {\n    regenerateSuggestion(input: $input) {\n      __typename\n      ... on RegenerateSuggestionPayload {\n        suggestion { id kind status body tone followUpOf { id } }\n        supersededSuggestion { id kind status }\n        conversation { status }\n      }\n      ... on Error { message code }\n    }\n  }\n": types.RegenerateFollowUpDocument,
    "\n  mutation ApproveFollowUp($input: ApproveSuggestionInput!) {\n    approveSuggestion(input: $input) {\n      __typename\n      ... on ApproveSuggestionPayload { reply { id deliveryStatus } conversation { status } }\n      ... on Error { message code }\n    }\n  }\n": types.ApproveFollowUpDocument,
    "\n  mutation CreateLeadIdn($input: CreateLeadInput!) {\n    createLead(input: $input) { __typename ... on CreateLeadPayload { lead { id email } } ... on Error { code message } }\n  }\n": types.CreateLeadIdnDocument,
    "\n  mutation StartConversationIdn($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      __typename\n      ... on StartConversationPayload { firstEmail { id deliveryStatus toEmail } conversation { id } }\n      ... on InvalidStateError { code currentState message }\n      ... on Error { code message }\n    }\n  }\n": types.StartConversationIdnDocument,
    "\n  query AuditIds($entityId: ID) {\n    auditLog(first: 10, entityId: $entityId) { edges { node { id actor entityType entityId action } } }\n    viewer { actor user { name email role } account { id } }\n  }\n": types.AuditIdsDocument,
    "\n  mutation ImportLeadsT($input: ImportLeadsInput!) {\n    importLeads(input: $input) {\n      __typename\n      ... on ImportLeadsPayload {\n        created updated failed\n        rows { row status lead { id email name company estimatedValue source customFields } issues { path message } }\n      }\n      ... on ValidationError { code issues { path message } }\n    }\n  }\n": types.ImportLeadsTDocument,
    "\n  query InboundMessage($id: ID!) {\n    node(id: $id) {\n      ... on ConversationMessage {\n        fromEmail\n        fromName\n        subject\n        textBody\n        htmlBody\n        strippedText\n        ccEmails\n        attachments { name contentType size }\n        originalPayload { sizeBytes sha256 contentBase64 }\n        conversation { subject lead { email name } }\n      }\n    }\n  }\n": types.InboundMessageDocument,
    "\n  query LargeMessage($id: ID!) {\n    node(id: $id) {\n      ... on ConversationMessage {\n        fromEmail\n        textBody\n        attachments { name size }\n        originalPayload { sizeBytes sha256 }\n        conversation { status lead { email } }\n      }\n    }\n  }\n": types.LargeMessageDocument,
    "\n  query InboundThread($id: ID!) {\n    conversation(id: $id) {\n      status\n      lead { email name }\n      lastMessage { direction textBody strippedText htmlBody fromEmail ccEmails attachments { name contentType size } }\n      messages(first: 20) { totalCount }\n    }\n  }\n": types.InboundThreadDocument,
    "\n  subscription OnInboxEvents {\n    conversationEvents {\n      __typename\n      ... on ReadStateChangedEvent { read conversation { id unread } }\n      ... on AssignedEvent { assignee { email } previousAssignee { email } }\n      ... on PriorityChangedEvent { priority previousPriority }\n      ... on LabelsChangedEvent { conversation { labels { name } } }\n      ... on NoteAddedEvent { note { body author { email } } }\n      ... on MentionedEvent { note { body } }\n    }\n  }\n": types.OnInboxEventsDocument,
    "\n  mutation PrivateNote($input: AddNoteInput!) {\n    addNote(input: $input) { __typename ... on AddNotePayload { note { id body } } ... on Error { code message } }\n  }\n": types.PrivateNoteDocument,
    "\n  mutation PrivateApprove($input: ApproveSuggestionInput!) {\n    approveSuggestion(input: $input) { __typename ... on ApproveSuggestionPayload { reply { id deliveryStatus } } ... on Error { code message } }\n  }\n": types.PrivateApproveDocument,
    "\n  mutation PrivatePriority($input: SetConversationPriorityInput!) {\n    setConversationPriority(input: $input) { __typename }\n  }\n": types.PrivatePriorityDocument,
    "\n  query InboxUnread($id: ID!) {\n    conversation(id: $id) { id unread }\n    viewer { unreadCount }\n  }\n": types.InboxUnreadDocument,
    "\n  mutation InboxMarkRead($input: MarkConversationsReadInput!) {\n    markConversationsRead(input: $input) {\n      __typename\n      ... on MarkConversationsReadPayload { conversations { id unread } }\n      ... on Error { code message }\n      ... on InvalidStateError { currentState }\n    }\n  }\n": types.InboxMarkReadDocument,
    "\n  mutation InboxAssign($input: AssignConversationInput!) {\n    assignConversation(input: $input) {\n      __typename\n      ... on AssignConversationPayload { conversation { id assignee { id email } } }\n      ... on Error { code message }\n    }\n  }\n": types.InboxAssignDocument,
    "\n  mutation InboxCreateLabel($input: CreateLabelInput!) {\n    createLabel(input: $input) {\n      __typename\n      ... on CreateLabelPayload { label { id name color } }\n      ... on Error { code message }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": types.InboxCreateLabelDocument,
    "\n  mutation InboxSetLabels($input: SetConversationLabelsInput!) {\n    setConversationLabels(input: $input) {\n      __typename\n      ... on SetConversationLabelsPayload { conversation { id labels { id name } } }\n      ... on Error { code message }\n    }\n  }\n": types.InboxSetLabelsDocument,
    "\n  mutation InboxSetPriority($input: SetConversationPriorityInput!) {\n    setConversationPriority(input: $input) {\n      __typename\n      ... on SetConversationPriorityPayload { conversation { id priority } }\n      ... on Error { code message }\n    }\n  }\n": types.InboxSetPriorityDocument,
    "\n  mutation InboxAddNote($input: AddNoteInput!) {\n    addNote(input: $input) {\n      __typename\n      ... on AddNotePayload { note { id body author { email } actor } mentioned { email } }\n      ... on Error { code message }\n    }\n  }\n": types.InboxAddNoteDocument,
    "\n  query InboxList($filter: ConversationFilter, $orderBy: ConversationOrder, $first: Int, $after: String) {\n    conversations(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      edges { node { id priority unread assignee { id } labels { name } notes(first: 5) { totalCount edges { node { body } } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.InboxListDocument,
    "\n  query InboxListLight($filter: ConversationFilter, $first: Int) {\n    conversations(filter: $filter, first: $first) { totalCount edges { node { id unread } } }\n  }\n": types.InboxListLightDocument,
    "\n  mutation InboxBulk($input: BulkUpdateConversationsInput!) {\n    bulkUpdateConversations(input: $input) {\n      __typename\n      ... on BulkUpdateConversationsPayload {\n        succeeded\n        failed\n        results { conversationId ok error { __typename ... on Error { code message } } conversation { id status } }\n      }\n      ... on Error { code message }\n    }\n  }\n": types.InboxBulkDocument,
    "\n  mutation CreateEndpointI19($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      __typename\n      ... on CreateWebhookEndpointPayload { secret webhookEndpoint { id } }\n      ... on Error { code message }\n    }\n  }\n": types.CreateEndpointI19Document,
    "\n  mutation CreateLeadI19($input: CreateLeadInput!) {\n    createLead(input: $input) { __typename ... on CreateLeadPayload { lead { id } } ... on Error { code message } }\n  }\n": types.CreateLeadI19Document,
    "\n  mutation UpdateLeadI19($input: UpdateLeadInput!) {\n    updateLead(input: $input) { __typename ... on Error { code message } }\n  }\n": types.UpdateLeadI19Document,
    "\n  mutation ImportLeadsI19($input: ImportLeadsInput!) {\n    importLeads(input: $input) {\n      __typename\n      ... on ImportLeadsPayload { created updated failed rows { row status lead { id } } }\n      ... on Error { code message }\n    }\n  }\n": types.ImportLeadsI19Document,
    "\n  mutation MergeI19($input: MergeConversationsInput!) { mergeConversations(input: $input) { __typename ... on Error { code message } } }\n": types.MergeI19Document,
    "\n  mutation MoveI19($input: MoveMessageInput!) { moveMessage(input: $input) { __typename ... on Error { code message } } }\n": types.MoveI19Document,
    "\n  subscription LeadEventsI19($since: String) {\n    leadEvents(since: $since) {\n      __typename\n      ... on LeadCreatedEvent { cursor leadId via lead { id email } }\n      ... on LeadUpdatedEvent { cursor leadId via lead { id company } }\n    }\n  }\n": types.LeadEventsI19Document,
    "\n  subscription ThreadEventsI19($conversationId: ID, $since: String) {\n    conversationEvents(conversationId: $conversationId, since: $since) {\n      __typename\n      ... on ConversationMergedEvent { cursor sourceConversationId messagesMoved conversation { id } }\n      ... on MessageMovedEvent { cursor fromConversationId split email { id } conversation { id } fromConversation { id } }\n    }\n  }\n": types.ThreadEventsI19Document,
    "\n  mutation CreateLeadT($input: CreateLeadInput!) {\n    createLead(input: $input) {\n      __typename\n      ... on CreateLeadPayload { lead { id name email company estimatedValue source customFields doNotContact } }\n      ... on DuplicateLeadError { code existingLeadId }\n      ... on ValidationError { code issues { path message } }\n    }\n  }\n": types.CreateLeadTDocument,
    "\n  mutation UpdateLeadT($input: UpdateLeadInput!) {\n    updateLead(input: $input) {\n      __typename\n      ... on UpdateLeadPayload { lead { id name email company estimatedValue customFields } }\n      ... on DuplicateLeadError { code existingLeadId }\n      ... on ValidationError { code issues { path message } }\n      ... on NotFoundError { code }\n    }\n  }\n": types.UpdateLeadTDocument,
    "\n  query LeadsT($filter: LeadFilter, $first: Int, $after: String) {\n    leads(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id email name } }\n    }\n  }\n": types.LeadsTDocument,
    "\n  mutation StartConversationT($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      __typename\n      ... on StartConversationPayload {\n        firstEmail { id direction deliveryStatus subject textBody toEmail }\n        conversation { id subject status lead { id } messages(first: 10) { totalCount } }\n      }\n      ... on Error { code message }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": types.StartConversationTDocument,
    "\n  query LeadConversationsT($id: ID!) {\n    lead(id: $id) {\n      conversations(first: 2) {\n        totalCount\n        edges { node { id status messages(first: 5) { edges { node { direction strippedText } } } } }\n      }\n    }\n  }\n": types.LeadConversationsTDocument,
    "\n  mutation MergeTest($input: MergeConversationsInput!) {\n    mergeConversations(input: $input) {\n      __typename\n      ... on MergeConversationsPayload { mergedConversationId conversation { id status messages(first: 50) { totalCount } } }\n      ... on Error { code message }\n    }\n  }\n": types.MergeTestDocument,
    "\n  query MergedLookupTest($id: ID!) {\n    node(id: $id) { id }\n    conversation(id: $id) { id subject }\n  }\n": types.MergedLookupTestDocument,
    "\n  mutation MoveMessageTest($input: MoveMessageInput!) {\n    moveMessage(input: $input) {\n      __typename\n      ... on MoveMessagePayload {\n        movedMessage { id }\n        conversation { id subject status lead { id } messages(first: 10) { totalCount } lastMessage { id } }\n        fromConversation { id messages(first: 10) { totalCount } lastMessage { id } }\n      }\n      ... on Error { code message }\n    }\n  }\n": types.MoveMessageTestDocument,
    "\n  query ServerCheck { conversations(first: 1) { totalCount } }\n": types.ServerCheckDocument,
    "\n  mutation SetOutcome($input: SetConversationOutcomeInput!) {\n    setConversationOutcome(input: $input) {\n      __typename\n      ... on SetConversationOutcomePayload { conversation { id outcome outcomeAt } }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": types.SetOutcomeDocument,
    "\n  mutation ExportBoundTest($input: ExportLeadDataInput!) {\n    exportLeadData(input: $input) {\n      __typename\n      ... on ExportLeadDataPayload { data }\n      ... on ExportTooLargeError { code sizeBytes limitBytes messages }\n      ... on Error { code message }\n    }\n  }\n": types.ExportBoundTestDocument,
    "\n  mutation ExportLeadTest($input: ExportLeadDataInput!) {\n    exportLeadData(input: $input) { __typename ... on ExportLeadDataPayload { data } ... on Error { code message } }\n  }\n": types.ExportLeadTestDocument,
    "\n  mutation EraseLeadTest($input: EraseLeadInput!) {\n    eraseLead(input: $input) { __typename ... on EraseLeadPayload { erasedLeadId conversationsErased messagesErased } ... on Error { code message } }\n  }\n": types.EraseLeadTestDocument,
    "\n  mutation SendReplyPrivacyTest($input: SendReplyInput!) {\n    sendReply(input: $input) { __typename ... on InvalidStateError { currentState message } ... on Error { code } }\n  }\n": types.SendReplyPrivacyTestDocument,
    "\n  mutation Regenerate($input: RegenerateSuggestionInput!) {\n    regenerateSuggestion(input: $input) {\n      __typename\n      ... on RegenerateSuggestionPayload {\n        suggestion {\n          id status tone length customPrompt subject body model provider fallback estimatedCost safetyFlags confidence\n          analysis { intent questions suggestedNextStep }\n          proposedNote { toName toEmail subject body }\n          inReplyTo { id analysis { intent returnDate referralName provider } }\n        }\n        supersededSuggestion { id status }\n        conversation { id status pendingSuggestion { id } }\n      }\n      ... on Error { code message }\n      ... on InvalidStateError { currentState }\n      ... on RateLimitedError { retryAfterSeconds }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": types.RegenerateDocument,
    "\n  query AIStats($since: DateTime, $until: DateTime) {\n    conversationStats(since: $since, until: $until) {\n      ai { suggestions fallbacks rejectRate meanConfidence promptTokens completionTokens estimatedCost }\n    }\n  }\n": types.AiStatsDocument,
    "\n  query ConversationState($id: ID!) {\n    node(id: $id) {\n      ... on Conversation {\n        status\n        lead { doNotContact }\n        suggestedAction { kind reason confidence suggestedAt }\n        suggestedActionMessage { id language }\n        pendingSuggestion { id status }\n      }\n    }\n  }\n": types.ConversationStateDocument,
    "\n  mutation ResolveSuggestedAction($input: ResolveSuggestedActionInput!) {\n    resolveSuggestedAction(input: $input) {\n      __typename\n      ... on ResolveSuggestedActionPayload { conversation { status lead { doNotContact } suggestedAction { kind } pendingSuggestion { id } } }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n    }\n  }\n": types.ResolveSuggestedActionDocument,
    "\n  mutation ScheduledApprove($input: ApproveSuggestionInput!) {\n    approveSuggestion(input: $input) {\n      __typename\n      ... on ApproveSuggestionPayload {\n        scheduledFor\n        suggestion { id status editedBody }\n        reply { id deliveryStatus scheduledFor sentAt }\n        conversation { id status }\n      }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": types.ScheduledApproveDocument,
    "\n  mutation CancelScheduledSend($input: CancelScheduledSendInput!) {\n    cancelScheduledSend(input: $input) {\n      __typename\n      ... on CancelScheduledSendPayload {\n        cancelledMessage { id deliveryStatus scheduledFor }\n        suggestion { id status editedSubject editedBody sentMessage { id } }\n        conversation { id status lastMessage { id } }\n      }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n    }\n  }\n": types.CancelScheduledSendDocument,
    "\n  mutation UpdateSendSettings($input: UpdateSendSettingsInput!) {\n    updateSendSettings(input: $input) {\n      __typename\n      ... on UpdateSendSettingsPayload { account { sendSettings { undoWindowSeconds undoWindowIsDefault sendScheduledAfterReply } } }\n      ... on Error { message code }\n    }\n  }\n": types.UpdateSendSettingsDocument,
    "\n  query DemoOverview {\n    conversations(first: 100) {\n      totalCount\n      edges {\n        node {\n          status\n          hasPendingSuggestion\n          lead { source sourceUrl estimatedValue }\n          messages(first: 10) { edges { node { direction } } }\n        }\n      }\n    }\n  }\n": types.DemoOverviewDocument,
    "\n  query SimilarWithOpenAI($text: String!) {\n    similarConversations(text: $text, first: 5) {\n      __typename\n      ... on SimilarConversations { embedder dimensions matches { similarity conversation { id } } }\n      ... on Error { code message }\n    }\n  }\n": types.SimilarWithOpenAiDocument,
    "\n  query SimilarWhenUnavailable($conversationId: ID, $text: String) {\n    similarConversations(conversationId: $conversationId, text: $text) {\n      __typename\n      ... on Error { message code }\n      ... on SimilarConversations { embedder matches { similarity } }\n    }\n  }\n": types.SimilarWhenUnavailableDocument,
    "\n  query SimilarUnavailableEverythingElse($id: ID!) {\n    conversation(id: $id) { id outcome }\n    bestReplies(intent: QUESTION) { body }\n    conversations(first: 5) { totalCount }\n  }\n": types.SimilarUnavailableEverythingElseDocument,
    "\n  mutation SimilarUnavailableSetOutcome($input: SetConversationOutcomeInput!) {\n    setConversationOutcome(input: $input) {\n      __typename\n      ... on SetConversationOutcomePayload { conversation { outcome } }\n    }\n  }\n": types.SimilarUnavailableSetOutcomeDocument,
    "\n  query SimilarConversations($conversationId: ID, $text: String, $first: Int, $intent: Intent, $outcome: ConversationOutcome) {\n    similarConversations(conversationId: $conversationId, text: $text, first: $first, intent: $intent, outcome: $outcome) {\n      __typename\n      ... on SimilarConversations {\n        embedder\n        dimensions\n        matches { similarity intent outcome conversation { id subject outcome lead { email } } }\n      }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": types.SimilarConversationsDocument,
    "\n  query SimilarBestReplies($intent: Intent!, $first: Int) {\n    bestReplies(intent: $intent, first: $first) {\n      subject\n      body\n      suggestion { id status }\n      conversation { id outcome }\n    }\n  }\n": types.SimilarBestRepliesDocument,
    "\n  query InboxPage($first: Int!) {\n    conversations(first: $first) {\n      edges {\n        node {\n          id\n          subject\n          status\n          lastMessageAt\n          hasPendingSuggestion\n          lead { name email company }\n          lastMessage { direction textBody sentAt receivedAt }\n          pendingSuggestion { confidence body }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.InboxPageDocument,
    "\n  query TeamInboxPage($first: Int!, $after: String, $filter: ConversationFilter) {\n    conversations(first: $first, after: $after, filter: $filter, orderBy: { field: PRIORITY, direction: DESC }) {\n      edges {\n        node {\n          id\n          unread\n          priority\n          intent\n          assignee { id email }\n          labels { id name color }\n          notes(first: 3) { edges { node { body author { email } createdAt } } }\n          lead { name }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.TeamInboxPageDocument,
    "\n  query Stats($since: DateTime, $until: DateTime) {\n    conversationStats(since: $since, until: $until) {\n      window { since until }\n      conversations { total open active needsReview waitingForLead archived }\n      email { sent received conversationsEmailed conversationsReplied responseRate }\n      ai { suggestions pending approved edited rejected superseded approvalRate editRate meanConfidence }\n      delivery { delivered bounced opened clicked opens clicks deliveryRate openRate clickRate }\n    }\n  }\n": types.StatsDocument,
    "\n  subscription OnNewReply($conversationId: ID) {\n    newReply(conversationId: $conversationId) {\n      at\n      conversation { id subject status }\n      email { direction strippedText }\n    }\n  }\n": types.OnNewReplyDocument,
    "\n  subscription OnAnyEvent {\n    conversationEvents {\n      __typename\n      ... on NewReplyEvent { conversation { id } email { strippedText } }\n      ... on AIReadyEvent { confidence }\n    }\n  }\n": types.OnAnyEventDocument,
    "\n  mutation ApproveSuggestion($input: ApproveSuggestionInput!) {\n    approveSuggestion(input: $input) {\n      __typename\n      ... on ApproveSuggestionPayload {\n        suggestion { id status subject body editedSubject editedBody decidedAt sentMessage { id } }\n        reply {\n          id direction deliveryStatus providerMessageId messageId inReplyTo fromEmail fromName toEmail\n          subject textBody htmlBody sentAt errorCode errorMessage\n        }\n        conversation { id status lastMessageAt lastMessage { id } hasPendingSuggestion }\n      }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n      ... on EmailDeliveryError { providerCode providerMessage retryable }\n    }\n  }\n": types.ApproveSuggestionDocument,
    "\n  mutation RejectSuggestion($input: RejectSuggestionInput!) {\n    rejectSuggestion(input: $input) {\n      __typename\n      ... on RejectSuggestionPayload {\n        suggestion { id status rejectionReason decidedAt }\n        conversation { id status hasPendingSuggestion }\n      }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": types.RejectSuggestionDocument,
    "\n  mutation SendReply($input: SendReplyInput!) {\n    sendReply(input: $input) {\n      __typename\n      ... on SendReplyPayload {\n        reply { id direction deliveryStatus providerMessageId subject textBody htmlBody inReplyTo sentAt }\n        conversation { id status lastMessage { id } hasPendingSuggestion }\n      }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n      ... on EmailDeliveryError { providerCode providerMessage retryable }\n    }\n  }\n": types.SendReplyDocument,
    "\n  query Outbox($first: Int, $after: String) {\n    outbox(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id fromEmail fromName toEmail toName replyTo subject textBody htmlBody\n          headers { name value }\n          metadata { key value }\n          tag messageStream trackOpens trackLinks createdAt\n          message { id deliveryStatus }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.OutboxDocument,
    "\n  mutation CreateTemplateT($input: CreateTemplateInput!) {\n    createTemplate(input: $input) {\n      __typename\n      ... on CreateTemplatePayload { template { id name subject body } }\n      ... on ValidationError { code issues { path message } }\n    }\n  }\n": types.CreateTemplateTDocument,
    "\n  mutation UpdateTemplateT($input: UpdateTemplateInput!) {\n    updateTemplate(input: $input) {\n      __typename\n      ... on UpdateTemplatePayload { template { id name subject body } }\n      ... on Error { code }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": types.UpdateTemplateTDocument,
    "\n  mutation DeleteTemplateT($input: DeleteTemplateInput!) {\n    deleteTemplate(input: $input) { __typename ... on DeleteTemplatePayload { deletedTemplateId } ... on Error { code } }\n  }\n": types.DeleteTemplateTDocument,
    "\n  query TemplatesT { templates(first: 50) { totalCount edges { node { id name } } } }\n": types.TemplatesTDocument,
    "\n  mutation StartWithTemplateT($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      __typename\n      ... on StartConversationPayload { firstEmail { subject textBody htmlBody } conversation { id subject } }\n      ... on Error { code }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": types.StartWithTemplateTDocument,
    "\n  mutation ReplyWithTemplateT($input: SendReplyInput!) {\n    sendReply(input: $input) {\n      __typename\n      ... on SendReplyPayload { reply { subject textBody } }\n      ... on Error { code }\n    }\n  }\n": types.ReplyWithTemplateTDocument,
    "\n  mutation CreateWebhookEndpointTest($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      __typename\n      ... on CreateWebhookEndpointPayload { secret webhookEndpoint { id url events enabled } }\n      ... on Error { code message }\n    }\n  }\n": types.CreateWebhookEndpointTestDocument,
    "\n  mutation UpdateWebhookEndpointTest($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      __typename\n      ... on UpdateWebhookEndpointPayload { webhookEndpoint { id enabled consecutiveFailures disabledReason } }\n      ... on Error { code message }\n    }\n  }\n": types.UpdateWebhookEndpointTestDocument,
    "\n  query WebhookDeliveriesTest($endpointId: ID!) {\n    webhookDeliveries(endpointId: $endpointId, first: 50) {\n      edges { node { id eventId eventType status attempts lastStatusCode payload attemptLog { attempt statusCode error at } } }\n    }\n  }\n": types.WebhookDeliveriesTestDocument,
    "\n  mutation ResendWebhookDeliveryTest($input: ResendWebhookDeliveryInput!) {\n    resendWebhookDelivery(input: $input) {\n      __typename\n      ... on ResendWebhookDeliveryPayload { delivery { id eventId status } }\n      ... on Error { code message }\n    }\n  }\n": types.ResendWebhookDeliveryTestDocument,
    "mutation SendForWebhook($input: SendReplyInput!) { sendReply(input: $input) { __typename } }": types.SendForWebhookDocument,
    "mutation ArchiveForWebhook($input: ArchiveConversationInput!) { archiveConversation(input: $input) { __typename } }": types.ArchiveForWebhookDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Archive($input: ArchiveConversationInput!) {\n    archiveConversation(input: $input) {\n      __typename\n      ... on ArchiveConversationPayload {\n        conversation { id status archivedAt archiveReason hasPendingSuggestion pendingSuggestion { id } }\n        withdrawnSuggestion { id status }\n      }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"): typeof import('./graphql.js').ArchiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingStats {\n    conversationStats(since: \"2026-11-01T00:00:00Z\", until: \"2026-12-01T00:00:00Z\") { ai { pending } conversations { needsReview } }\n  }\n"): typeof import('./graphql.js').PendingStatsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unarchive($input: UnarchiveConversationInput!) {\n    unarchiveConversation(input: $input) {\n      __typename\n      ... on UnarchiveConversationPayload { conversation { id status archivedAt archiveReason } }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n    }\n  }\n"): typeof import('./graphql.js').UnarchiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhoAmI { viewer { role actor user { name email role } account { slug } } conversations(first: 1) { totalCount } }\n"): typeof import('./graphql.js').WhoAmIDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveAs($input: ArchiveConversationInput!) {\n    archiveConversation(input: $input) {\n      __typename\n      ... on Error { code message }\n      ... on ForbiddenError { requiredRole }\n    }\n  }\n"): typeof import('./graphql.js').ArchiveAsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnarchiveAs($input: UnarchiveConversationInput!) {\n    unarchiveConversation(input: $input) { __typename ... on Error { code } }\n  }\n"): typeof import('./graphql.js').UnarchiveAsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddUser($input: AddUserInput!) {\n    addUser(input: $input) { __typename ... on AddUserPayload { user { email role } } ... on Error { code } ... on ForbiddenError { requiredRole } }\n  }\n"): typeof import('./graphql.js').AddUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on CreateApiKeyPayload { key apiKey { id role } } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').CreateKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) { __typename ... on RevokeApiKeyPayload { apiKey { revokedAt } } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').RevokeKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Audit { auditLog(first: 50) { edges { node { action actor fromStatus toStatus } } } }\n"): typeof import('./graphql.js').AuditDocument;
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
export function graphql(source: "\n      query UnknownAndKnown($unknown: ID!, $known: ID!) {\n        unknown: conversation(id: $unknown) { id }\n        known: conversation(id: $known) { id }\n      }\n    "): typeof import('./graphql.js').UnknownAndKnownDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessageState($id: ID!) {\n    node(id: $id) {\n      ... on ConversationMessage {\n        deliveryStatus deliveredAt openCount firstOpenedAt clickCount firstClickedAt clickedLinks errorCode errorMessage\n        conversation { lead { doNotContact } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').MessageStateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeliveryFigures($since: DateTime!, $until: DateTime!) {\n    conversationStats(since: $since, until: $until) {\n      delivery { delivered bounced opened clicked opens clicks openRate clickRate deliveryRate }\n    }\n  }\n"): typeof import('./graphql.js').DeliveryFiguresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DraftLanguage($id: ID!) {\n    conversation(id: $id) {\n      pendingSuggestion { id body language needsHumanWriter humanWriterReason confidence safetyFlags }\n    }\n  }\n"): typeof import('./graphql.js').DraftLanguageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveHumanWriterDraft($input: ApproveSuggestionInput!) {\n    approveSuggestion(input: $input) {\n      __typename\n      ... on ValidationError { code issues { path message } }\n    }\n  }\n"): typeof import('./graphql.js').ApproveHumanWriterDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateWithModel($input: RegenerateSuggestionInput!) {\n    regenerateSuggestion(input: $input) {\n      __typename\n      ... on RegenerateSuggestionPayload {\n        suggestion { id status tone length customPrompt body model fallback estimatedCost }\n        supersededSuggestion { id status }\n        conversation { id status }\n      }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').RegenerateWithModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhoActs { viewer { actor } }\n"): typeof import('./graphql.js').WhoActsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OnEveryField($conversationId: ID) {\n    conversationEvents(conversationId: $conversationId) {\n      __typename\n      ... on NewReplyEvent { at conversation { id status } email { id direction } }\n      ... on AIReadyEvent { at confidence conversation { id status } suggestion { id status } }\n      ... on SentEvent { at conversation { id status } email { id deliveryStatus } suggestion { id status } }\n      ... on ConversationErrorEvent { at code message conversation { id status } email { id deliveryStatus } suggestion { id status } }\n    }\n  }\n"): typeof import('./graphql.js').OnEveryFieldDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OnSent($conversationId: ID) {\n    sent(conversationId: $conversationId) { at conversation { id } email { id } suggestion { id } }\n  }\n"): typeof import('./graphql.js').OnSentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OnConversationError($conversationId: ID) {\n    conversationError(conversationId: $conversationId) { at code message conversation { id } email { id } suggestion { id } }\n  }\n"): typeof import('./graphql.js').OnConversationErrorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Snooze($input: SnoozeConversationInput!) {\n    snoozeConversation(input: $input) {\n      __typename\n      ... on SnoozeConversationPayload { conversation { status snoozedUntil snoozeReason } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').SnoozeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unsnooze($input: UnsnoozeConversationInput!) {\n    unsnoozeConversation(input: $input) {\n      __typename\n      ... on UnsnoozeConversationPayload { conversation { status snoozedUntil snoozeReason } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').UnsnoozeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SnoozeList($filter: ConversationFilter) {\n    conversations(first: 100, filter: $filter) { edges { node { id status } } }\n  }\n"): typeof import('./graphql.js').SnoozeListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveForEvents($input: ArchiveConversationInput!) { archiveConversation(input: $input) { __typename } }\n"): typeof import('./graphql.js').ArchiveForEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnarchiveForEvents($input: UnarchiveConversationInput!) { unarchiveConversation(input: $input) { __typename } }\n"): typeof import('./graphql.js').UnarchiveForEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OutcomeForEvents($input: SetConversationOutcomeInput!) { setConversationOutcome(input: $input) { __typename } }\n"): typeof import('./graphql.js').OutcomeForEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectForEvents($input: RejectSuggestionInput!) { rejectSuggestion(input: $input) { __typename } }\n"): typeof import('./graphql.js').RejectForEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveForEvents($input: ResolveSuggestedActionInput!) { resolveSuggestedAction(input: $input) { __typename } }\n"): typeof import('./graphql.js').ResolveForEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReplayEvents($since: String, $conversationId: ID) {\n    conversationEvents(since: $since, conversationId: $conversationId) {\n      __typename\n      ... on ArchivedEvent { cursor reason conversation { id status } }\n      ... on UnarchivedEvent { cursor status }\n      ... on OutcomeSetEvent { cursor outcome previousOutcome }\n      ... on SnoozedEvent { cursor until snoozeReason }\n      ... on UnsnoozedEvent { cursor status }\n      ... on NewReplyEvent { cursor }\n    }\n  }\n"): typeof import('./graphql.js').ReplayEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetFollowUpPolicy($input: SetFollowUpPolicyInput!) {\n    setFollowUpPolicy(input: $input) {\n      __typename\n      ... on SetFollowUpPolicyPayload { account { followUpPolicy { enabled followUpAfterDays maxFollowUps sendWindowStartHour sendWindowEndHour sendWindowDays } } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"): typeof import('./graphql.js').SetFollowUpPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FollowUpPending($id: ID!) {\n    conversation(id: $id) {\n      status\n      pendingSuggestion { id kind subject body status followUpOf { id } }\n    }\n  }\n"): typeof import('./graphql.js').FollowUpPendingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateFollowUp($input: RegenerateSuggestionInput!) {\n    regenerateSuggestion(input: $input) {\n      __typename\n      ... on RegenerateSuggestionPayload {\n        suggestion { id kind status body tone followUpOf { id } }\n        supersededSuggestion { id kind status }\n        conversation { status }\n      }\n      ... on Error { message code }\n    }\n  }\n"): typeof import('./graphql.js').RegenerateFollowUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveFollowUp($input: ApproveSuggestionInput!) {\n    approveSuggestion(input: $input) {\n      __typename\n      ... on ApproveSuggestionPayload { reply { id deliveryStatus } conversation { status } }\n      ... on Error { message code }\n    }\n  }\n"): typeof import('./graphql.js').ApproveFollowUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLeadIdn($input: CreateLeadInput!) {\n    createLead(input: $input) { __typename ... on CreateLeadPayload { lead { id email } } ... on Error { code message } }\n  }\n"): typeof import('./graphql.js').CreateLeadIdnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartConversationIdn($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      __typename\n      ... on StartConversationPayload { firstEmail { id deliveryStatus toEmail } conversation { id } }\n      ... on InvalidStateError { code currentState message }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').StartConversationIdnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditIds($entityId: ID) {\n    auditLog(first: 10, entityId: $entityId) { edges { node { id actor entityType entityId action } } }\n    viewer { actor user { name email role } account { id } }\n  }\n"): typeof import('./graphql.js').AuditIdsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportLeadsT($input: ImportLeadsInput!) {\n    importLeads(input: $input) {\n      __typename\n      ... on ImportLeadsPayload {\n        created updated failed\n        rows { row status lead { id email name company estimatedValue source customFields } issues { path message } }\n      }\n      ... on ValidationError { code issues { path message } }\n    }\n  }\n"): typeof import('./graphql.js').ImportLeadsTDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboundMessage($id: ID!) {\n    node(id: $id) {\n      ... on ConversationMessage {\n        fromEmail\n        fromName\n        subject\n        textBody\n        htmlBody\n        strippedText\n        ccEmails\n        attachments { name contentType size }\n        originalPayload { sizeBytes sha256 contentBase64 }\n        conversation { subject lead { email name } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').InboundMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LargeMessage($id: ID!) {\n    node(id: $id) {\n      ... on ConversationMessage {\n        fromEmail\n        textBody\n        attachments { name size }\n        originalPayload { sizeBytes sha256 }\n        conversation { status lead { email } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').LargeMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboundThread($id: ID!) {\n    conversation(id: $id) {\n      status\n      lead { email name }\n      lastMessage { direction textBody strippedText htmlBody fromEmail ccEmails attachments { name contentType size } }\n      messages(first: 20) { totalCount }\n    }\n  }\n"): typeof import('./graphql.js').InboundThreadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OnInboxEvents {\n    conversationEvents {\n      __typename\n      ... on ReadStateChangedEvent { read conversation { id unread } }\n      ... on AssignedEvent { assignee { email } previousAssignee { email } }\n      ... on PriorityChangedEvent { priority previousPriority }\n      ... on LabelsChangedEvent { conversation { labels { name } } }\n      ... on NoteAddedEvent { note { body author { email } } }\n      ... on MentionedEvent { note { body } }\n    }\n  }\n"): typeof import('./graphql.js').OnInboxEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PrivateNote($input: AddNoteInput!) {\n    addNote(input: $input) { __typename ... on AddNotePayload { note { id body } } ... on Error { code message } }\n  }\n"): typeof import('./graphql.js').PrivateNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PrivateApprove($input: ApproveSuggestionInput!) {\n    approveSuggestion(input: $input) { __typename ... on ApproveSuggestionPayload { reply { id deliveryStatus } } ... on Error { code message } }\n  }\n"): typeof import('./graphql.js').PrivateApproveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PrivatePriority($input: SetConversationPriorityInput!) {\n    setConversationPriority(input: $input) { __typename }\n  }\n"): typeof import('./graphql.js').PrivatePriorityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboxUnread($id: ID!) {\n    conversation(id: $id) { id unread }\n    viewer { unreadCount }\n  }\n"): typeof import('./graphql.js').InboxUnreadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InboxMarkRead($input: MarkConversationsReadInput!) {\n    markConversationsRead(input: $input) {\n      __typename\n      ... on MarkConversationsReadPayload { conversations { id unread } }\n      ... on Error { code message }\n      ... on InvalidStateError { currentState }\n    }\n  }\n"): typeof import('./graphql.js').InboxMarkReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InboxAssign($input: AssignConversationInput!) {\n    assignConversation(input: $input) {\n      __typename\n      ... on AssignConversationPayload { conversation { id assignee { id email } } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').InboxAssignDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InboxCreateLabel($input: CreateLabelInput!) {\n    createLabel(input: $input) {\n      __typename\n      ... on CreateLabelPayload { label { id name color } }\n      ... on Error { code message }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"): typeof import('./graphql.js').InboxCreateLabelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InboxSetLabels($input: SetConversationLabelsInput!) {\n    setConversationLabels(input: $input) {\n      __typename\n      ... on SetConversationLabelsPayload { conversation { id labels { id name } } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').InboxSetLabelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InboxSetPriority($input: SetConversationPriorityInput!) {\n    setConversationPriority(input: $input) {\n      __typename\n      ... on SetConversationPriorityPayload { conversation { id priority } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').InboxSetPriorityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InboxAddNote($input: AddNoteInput!) {\n    addNote(input: $input) {\n      __typename\n      ... on AddNotePayload { note { id body author { email } actor } mentioned { email } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').InboxAddNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboxList($filter: ConversationFilter, $orderBy: ConversationOrder, $first: Int, $after: String) {\n    conversations(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      edges { node { id priority unread assignee { id } labels { name } notes(first: 5) { totalCount edges { node { body } } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql.js').InboxListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboxListLight($filter: ConversationFilter, $first: Int) {\n    conversations(filter: $filter, first: $first) { totalCount edges { node { id unread } } }\n  }\n"): typeof import('./graphql.js').InboxListLightDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InboxBulk($input: BulkUpdateConversationsInput!) {\n    bulkUpdateConversations(input: $input) {\n      __typename\n      ... on BulkUpdateConversationsPayload {\n        succeeded\n        failed\n        results { conversationId ok error { __typename ... on Error { code message } } conversation { id status } }\n      }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').InboxBulkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEndpointI19($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      __typename\n      ... on CreateWebhookEndpointPayload { secret webhookEndpoint { id } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').CreateEndpointI19Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLeadI19($input: CreateLeadInput!) {\n    createLead(input: $input) { __typename ... on CreateLeadPayload { lead { id } } ... on Error { code message } }\n  }\n"): typeof import('./graphql.js').CreateLeadI19Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLeadI19($input: UpdateLeadInput!) {\n    updateLead(input: $input) { __typename ... on Error { code message } }\n  }\n"): typeof import('./graphql.js').UpdateLeadI19Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportLeadsI19($input: ImportLeadsInput!) {\n    importLeads(input: $input) {\n      __typename\n      ... on ImportLeadsPayload { created updated failed rows { row status lead { id } } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').ImportLeadsI19Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeI19($input: MergeConversationsInput!) { mergeConversations(input: $input) { __typename ... on Error { code message } } }\n"): typeof import('./graphql.js').MergeI19Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveI19($input: MoveMessageInput!) { moveMessage(input: $input) { __typename ... on Error { code message } } }\n"): typeof import('./graphql.js').MoveI19Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LeadEventsI19($since: String) {\n    leadEvents(since: $since) {\n      __typename\n      ... on LeadCreatedEvent { cursor leadId via lead { id email } }\n      ... on LeadUpdatedEvent { cursor leadId via lead { id company } }\n    }\n  }\n"): typeof import('./graphql.js').LeadEventsI19Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ThreadEventsI19($conversationId: ID, $since: String) {\n    conversationEvents(conversationId: $conversationId, since: $since) {\n      __typename\n      ... on ConversationMergedEvent { cursor sourceConversationId messagesMoved conversation { id } }\n      ... on MessageMovedEvent { cursor fromConversationId split email { id } conversation { id } fromConversation { id } }\n    }\n  }\n"): typeof import('./graphql.js').ThreadEventsI19Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLeadT($input: CreateLeadInput!) {\n    createLead(input: $input) {\n      __typename\n      ... on CreateLeadPayload { lead { id name email company estimatedValue source customFields doNotContact } }\n      ... on DuplicateLeadError { code existingLeadId }\n      ... on ValidationError { code issues { path message } }\n    }\n  }\n"): typeof import('./graphql.js').CreateLeadTDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLeadT($input: UpdateLeadInput!) {\n    updateLead(input: $input) {\n      __typename\n      ... on UpdateLeadPayload { lead { id name email company estimatedValue customFields } }\n      ... on DuplicateLeadError { code existingLeadId }\n      ... on ValidationError { code issues { path message } }\n      ... on NotFoundError { code }\n    }\n  }\n"): typeof import('./graphql.js').UpdateLeadTDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadsT($filter: LeadFilter, $first: Int, $after: String) {\n    leads(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id email name } }\n    }\n  }\n"): typeof import('./graphql.js').LeadsTDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartConversationT($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      __typename\n      ... on StartConversationPayload {\n        firstEmail { id direction deliveryStatus subject textBody toEmail }\n        conversation { id subject status lead { id } messages(first: 10) { totalCount } }\n      }\n      ... on Error { code message }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"): typeof import('./graphql.js').StartConversationTDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadConversationsT($id: ID!) {\n    lead(id: $id) {\n      conversations(first: 2) {\n        totalCount\n        edges { node { id status messages(first: 5) { edges { node { direction strippedText } } } } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').LeadConversationsTDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeTest($input: MergeConversationsInput!) {\n    mergeConversations(input: $input) {\n      __typename\n      ... on MergeConversationsPayload { mergedConversationId conversation { id status messages(first: 50) { totalCount } } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').MergeTestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MergedLookupTest($id: ID!) {\n    node(id: $id) { id }\n    conversation(id: $id) { id subject }\n  }\n"): typeof import('./graphql.js').MergedLookupTestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveMessageTest($input: MoveMessageInput!) {\n    moveMessage(input: $input) {\n      __typename\n      ... on MoveMessagePayload {\n        movedMessage { id }\n        conversation { id subject status lead { id } messages(first: 10) { totalCount } lastMessage { id } }\n        fromConversation { id messages(first: 10) { totalCount } lastMessage { id } }\n      }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').MoveMessageTestDocument;
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
export function graphql(source: "\n  mutation ExportBoundTest($input: ExportLeadDataInput!) {\n    exportLeadData(input: $input) {\n      __typename\n      ... on ExportLeadDataPayload { data }\n      ... on ExportTooLargeError { code sizeBytes limitBytes messages }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').ExportBoundTestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportLeadTest($input: ExportLeadDataInput!) {\n    exportLeadData(input: $input) { __typename ... on ExportLeadDataPayload { data } ... on Error { code message } }\n  }\n"): typeof import('./graphql.js').ExportLeadTestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EraseLeadTest($input: EraseLeadInput!) {\n    eraseLead(input: $input) { __typename ... on EraseLeadPayload { erasedLeadId conversationsErased messagesErased } ... on Error { code message } }\n  }\n"): typeof import('./graphql.js').EraseLeadTestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendReplyPrivacyTest($input: SendReplyInput!) {\n    sendReply(input: $input) { __typename ... on InvalidStateError { currentState message } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').SendReplyPrivacyTestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Regenerate($input: RegenerateSuggestionInput!) {\n    regenerateSuggestion(input: $input) {\n      __typename\n      ... on RegenerateSuggestionPayload {\n        suggestion {\n          id status tone length customPrompt subject body model provider fallback estimatedCost safetyFlags confidence\n          analysis { intent questions suggestedNextStep }\n          proposedNote { toName toEmail subject body }\n          inReplyTo { id analysis { intent returnDate referralName provider } }\n        }\n        supersededSuggestion { id status }\n        conversation { id status pendingSuggestion { id } }\n      }\n      ... on Error { code message }\n      ... on InvalidStateError { currentState }\n      ... on RateLimitedError { retryAfterSeconds }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"): typeof import('./graphql.js').RegenerateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AIStats($since: DateTime, $until: DateTime) {\n    conversationStats(since: $since, until: $until) {\n      ai { suggestions fallbacks rejectRate meanConfidence promptTokens completionTokens estimatedCost }\n    }\n  }\n"): typeof import('./graphql.js').AiStatsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConversationState($id: ID!) {\n    node(id: $id) {\n      ... on Conversation {\n        status\n        lead { doNotContact }\n        suggestedAction { kind reason confidence suggestedAt }\n        suggestedActionMessage { id language }\n        pendingSuggestion { id status }\n      }\n    }\n  }\n"): typeof import('./graphql.js').ConversationStateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveSuggestedAction($input: ResolveSuggestedActionInput!) {\n    resolveSuggestedAction(input: $input) {\n      __typename\n      ... on ResolveSuggestedActionPayload { conversation { status lead { doNotContact } suggestedAction { kind } pendingSuggestion { id } } }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n    }\n  }\n"): typeof import('./graphql.js').ResolveSuggestedActionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduledApprove($input: ApproveSuggestionInput!) {\n    approveSuggestion(input: $input) {\n      __typename\n      ... on ApproveSuggestionPayload {\n        scheduledFor\n        suggestion { id status editedBody }\n        reply { id deliveryStatus scheduledFor sentAt }\n        conversation { id status }\n      }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"): typeof import('./graphql.js').ScheduledApproveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelScheduledSend($input: CancelScheduledSendInput!) {\n    cancelScheduledSend(input: $input) {\n      __typename\n      ... on CancelScheduledSendPayload {\n        cancelledMessage { id deliveryStatus scheduledFor }\n        suggestion { id status editedSubject editedBody sentMessage { id } }\n        conversation { id status lastMessage { id } }\n      }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n    }\n  }\n"): typeof import('./graphql.js').CancelScheduledSendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSendSettings($input: UpdateSendSettingsInput!) {\n    updateSendSettings(input: $input) {\n      __typename\n      ... on UpdateSendSettingsPayload { account { sendSettings { undoWindowSeconds undoWindowIsDefault sendScheduledAfterReply } } }\n      ... on Error { message code }\n    }\n  }\n"): typeof import('./graphql.js').UpdateSendSettingsDocument;
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
export function graphql(source: "\n  query TeamInboxPage($first: Int!, $after: String, $filter: ConversationFilter) {\n    conversations(first: $first, after: $after, filter: $filter, orderBy: { field: PRIORITY, direction: DESC }) {\n      edges {\n        node {\n          id\n          unread\n          priority\n          intent\n          assignee { id email }\n          labels { id name color }\n          notes(first: 3) { edges { node { body author { email } createdAt } } }\n          lead { name }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql.js').TeamInboxPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Stats($since: DateTime, $until: DateTime) {\n    conversationStats(since: $since, until: $until) {\n      window { since until }\n      conversations { total open active needsReview waitingForLead archived }\n      email { sent received conversationsEmailed conversationsReplied responseRate }\n      ai { suggestions pending approved edited rejected superseded approvalRate editRate meanConfidence }\n      delivery { delivered bounced opened clicked opens clicks deliveryRate openRate clickRate }\n    }\n  }\n"): typeof import('./graphql.js').StatsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OnNewReply($conversationId: ID) {\n    newReply(conversationId: $conversationId) {\n      at\n      conversation { id subject status }\n      email { direction strippedText }\n    }\n  }\n"): typeof import('./graphql.js').OnNewReplyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OnAnyEvent {\n    conversationEvents {\n      __typename\n      ... on NewReplyEvent { conversation { id } email { strippedText } }\n      ... on AIReadyEvent { confidence }\n    }\n  }\n"): typeof import('./graphql.js').OnAnyEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveSuggestion($input: ApproveSuggestionInput!) {\n    approveSuggestion(input: $input) {\n      __typename\n      ... on ApproveSuggestionPayload {\n        suggestion { id status subject body editedSubject editedBody decidedAt sentMessage { id } }\n        reply {\n          id direction deliveryStatus providerMessageId messageId inReplyTo fromEmail fromName toEmail\n          subject textBody htmlBody sentAt errorCode errorMessage\n        }\n        conversation { id status lastMessageAt lastMessage { id } hasPendingSuggestion }\n      }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n      ... on EmailDeliveryError { providerCode providerMessage retryable }\n    }\n  }\n"): typeof import('./graphql.js').ApproveSuggestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectSuggestion($input: RejectSuggestionInput!) {\n    rejectSuggestion(input: $input) {\n      __typename\n      ... on RejectSuggestionPayload {\n        suggestion { id status rejectionReason decidedAt }\n        conversation { id status hasPendingSuggestion }\n      }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"): typeof import('./graphql.js').RejectSuggestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendReply($input: SendReplyInput!) {\n    sendReply(input: $input) {\n      __typename\n      ... on SendReplyPayload {\n        reply { id direction deliveryStatus providerMessageId subject textBody htmlBody inReplyTo sentAt }\n        conversation { id status lastMessage { id } hasPendingSuggestion }\n      }\n      ... on Error { message code }\n      ... on InvalidStateError { currentState }\n      ... on ValidationError { issues { path message } }\n      ... on EmailDeliveryError { providerCode providerMessage retryable }\n    }\n  }\n"): typeof import('./graphql.js').SendReplyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Outbox($first: Int, $after: String) {\n    outbox(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id fromEmail fromName toEmail toName replyTo subject textBody htmlBody\n          headers { name value }\n          metadata { key value }\n          tag messageStream trackOpens trackLinks createdAt\n          message { id deliveryStatus }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql.js').OutboxDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTemplateT($input: CreateTemplateInput!) {\n    createTemplate(input: $input) {\n      __typename\n      ... on CreateTemplatePayload { template { id name subject body } }\n      ... on ValidationError { code issues { path message } }\n    }\n  }\n"): typeof import('./graphql.js').CreateTemplateTDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTemplateT($input: UpdateTemplateInput!) {\n    updateTemplate(input: $input) {\n      __typename\n      ... on UpdateTemplatePayload { template { id name subject body } }\n      ... on Error { code }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"): typeof import('./graphql.js').UpdateTemplateTDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTemplateT($input: DeleteTemplateInput!) {\n    deleteTemplate(input: $input) { __typename ... on DeleteTemplatePayload { deletedTemplateId } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').DeleteTemplateTDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TemplatesT { templates(first: 50) { totalCount edges { node { id name } } } }\n"): typeof import('./graphql.js').TemplatesTDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartWithTemplateT($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      __typename\n      ... on StartConversationPayload { firstEmail { subject textBody htmlBody } conversation { id subject } }\n      ... on Error { code }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"): typeof import('./graphql.js').StartWithTemplateTDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplyWithTemplateT($input: SendReplyInput!) {\n    sendReply(input: $input) {\n      __typename\n      ... on SendReplyPayload { reply { subject textBody } }\n      ... on Error { code }\n    }\n  }\n"): typeof import('./graphql.js').ReplyWithTemplateTDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpointTest($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      __typename\n      ... on CreateWebhookEndpointPayload { secret webhookEndpoint { id url events enabled } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').CreateWebhookEndpointTestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhookEndpointTest($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      __typename\n      ... on UpdateWebhookEndpointPayload { webhookEndpoint { id enabled consecutiveFailures disabledReason } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').UpdateWebhookEndpointTestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveriesTest($endpointId: ID!) {\n    webhookDeliveries(endpointId: $endpointId, first: 50) {\n      edges { node { id eventId eventType status attempts lastStatusCode payload attemptLog { attempt statusCode error at } } }\n    }\n  }\n"): typeof import('./graphql.js').WebhookDeliveriesTestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendWebhookDeliveryTest($input: ResendWebhookDeliveryInput!) {\n    resendWebhookDelivery(input: $input) {\n      __typename\n      ... on ResendWebhookDeliveryPayload { delivery { id eventId status } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').ResendWebhookDeliveryTestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendForWebhook($input: SendReplyInput!) { sendReply(input: $input) { __typename } }"): typeof import('./graphql.js').SendForWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ArchiveForWebhook($input: ArchiveConversationInput!) { archiveConversation(input: $input) { __typename } }"): typeof import('./graphql.js').ArchiveForWebhookDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
