-- Leads a team adds itself (createLead, updateLead, importLeads) carry fields of their own, and
-- an account keeps email templates with variables (createTemplate ...).

-- Columns a CSV or a client brings beyond the known ones: a JSON object, bounded in the API.
ALTER TABLE "leads" ADD COLUMN "custom_fields" JSONB;

-- The leads list: newest first, keyset on (created_at, id).
CREATE INDEX "leads_account_id_created_at_id_idx" ON "leads"("account_id", "created_at" DESC, "id" DESC);

CREATE TABLE "email_templates" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "email_templates_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "email_templates_account_id_name_key" ON "email_templates"("account_id", "name");
CREATE INDEX "email_templates_account_id_created_at_id_idx" ON "email_templates"("account_id", "created_at" DESC, "id" DESC);

ALTER TABLE "email_templates" ADD CONSTRAINT "email_templates_account_id_fkey"
    FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
