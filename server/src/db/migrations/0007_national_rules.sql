CREATE TABLE "national_rule_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"applies_from" date NOT NULL,
	"source_title" text NOT NULL,
	"source_dnr" text,
	"rules" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
DROP TABLE "rsa_sections" CASCADE;--> statement-breakpoint
ALTER TABLE "national_rule_versions" ADD CONSTRAINT "national_rule_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "national_rule_versions_applies_from_idx" ON "national_rule_versions" USING btree ("applies_from");