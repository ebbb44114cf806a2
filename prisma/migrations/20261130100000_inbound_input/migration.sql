-- Inbound input that is never lost (issue 13).

-- The exact bytes of every inbound email webhook body, gzip-compressed. The searchable columns
-- hold a normalised copy (NUL and lone surrogates replaced), so this is the one place the
-- original survives. Written before the message, in parts of at most 1 MiB, one statement
-- each: a 50 MiB email neither holds a transaction nor runs into the statement timeout, and a
-- retry finds the parts already there.
CREATE TABLE "inbound_originals" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "provider_message_id" TEXT NOT NULL,
    "part" INTEGER NOT NULL DEFAULT 0,
    "parts" INTEGER NOT NULL DEFAULT 1,
    "content_encoding" TEXT NOT NULL DEFAULT 'gzip',
    "content" BYTEA NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbound_originals_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "inbound_originals_account_id_provider_message_id_part_key" ON "inbound_originals"("account_id", "provider_message_id", "part");

ALTER TABLE "inbound_originals" ADD CONSTRAINT "inbound_originals_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Already compressed: PostgreSQL compressing it again would cost CPU for nothing.
ALTER TABLE "inbound_originals" ALTER COLUMN "content" SET STORAGE EXTERNAL;

-- Delivery events: the exact body as posted (gzip), beside the normalised JSON.
ALTER TABLE "email_events" ADD COLUMN "original_payload" BYTEA;

-- Leads are matched by a normalised address: NFC local part, lower-cased, and the domain in
-- its ASCII (IDNA) form, so jürgen@bücher.example and jürgen@xn--bcher-kva.example are one
-- lead. The application computes it (IDNA is not in SQL); writers that do not set it get the
-- lower-cased address, which is the same key for every ASCII address.
ALTER TABLE "leads" ADD COLUMN "email_key" TEXT;
UPDATE "leads" SET "email_key" = lower("email");

CREATE FUNCTION "leads_default_email_key"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.email_key IS NULL OR (TG_OP = 'UPDATE' AND NEW.email IS DISTINCT FROM OLD.email AND NEW.email_key IS NOT DISTINCT FROM OLD.email_key) THEN
    NEW.email_key := lower(NEW.email);
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "leads_default_email_key" BEFORE INSERT OR UPDATE ON "leads"
  FOR EACH ROW EXECUTE FUNCTION "leads_default_email_key"();

CREATE INDEX "leads_account_id_email_key_idx" ON "leads"("account_id", "email_key");
