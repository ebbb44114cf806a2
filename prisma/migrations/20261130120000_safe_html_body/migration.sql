-- The sanitised HTML body, written once (when the email is received, or on its first read for
-- rows older than this column) so that reads never sanitise megabytes again. html_body keeps
-- the untouched original.
ALTER TABLE "conversation_messages" ADD COLUMN "safe_html_body" TEXT;
