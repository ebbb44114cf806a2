// The fields every mutation that sends an email shares (sendReply, startConversation): what is
// sent (written out, or a template), when (sendAt), and, on the payload, when it goes.
import { BODY_MAX_LENGTH, HTML_BODY_MAX_LENGTH, SEND_AT_MAX_DAYS, SUBJECT_MAX_LENGTH } from '../domain/sending/index.js';
import { builder } from './builder.js';

type InputFields = Parameters<NonNullable<Parameters<typeof builder.inputType>[1]['fields']>>[0];

/** subject, body, bodyHtml, templateId (rendered for `templateLead`) and sendAt. */
export function emailContentInputFields(t: InputFields, templateLead: string) {
  return {
    subject: t.string({ description: `Subject line: one line, at most ${SUBJECT_MAX_LENGTH} characters (omit with templateId).` }),
    body: t.string({ description: `Plain-text body, at most ${BODY_MAX_LENGTH} characters (omit with templateId).` }),
    bodyHtml: t.string({
      description: `HTML body, at most ${HTML_BODY_MAX_LENGTH} characters; omitted, a plain HTML version of the text is sent.`,
    }),
    templateId: t.globalID({ description: `Global ID of an EmailTemplate to render for ${templateLead} instead of subject and body.` }),
    sendAt: t.field({
      type: 'DateTime',
      description: `Send at this time instead of at once: in the future, at most ${SEND_AT_MAX_DAYS} days ahead. The email is QUEUED with scheduledFor until then and cancelScheduledSend takes it back; the account's undo window applies either way (the later of the two).`,
    }),
  };
}
