-- An outbound email whose send had an unknown outcome (a 5xx after Postmark may have taken
-- it, a dropped connection, a timeout) is UNCERTAIN until Postmark's search finds it or the
-- look-up window (EMAIL_LOOKUP_WINDOW_MS) from uncertain_since has passed: never re-sent meanwhile.
ALTER TYPE "DeliveryStatus" ADD VALUE IF NOT EXISTS 'UNCERTAIN' AFTER 'QUEUED';

ALTER TABLE "outbound_emails" ADD COLUMN "uncertain_since" TIMESTAMPTZ(3);
