-- Archiving a conversation withdraws its pending draft: a status of its own, so the draft
-- leaves review (and the pending count) without counting as a person's rejection.
ALTER TYPE "SuggestionStatus" ADD VALUE IF NOT EXISTS 'WITHDRAWN';
