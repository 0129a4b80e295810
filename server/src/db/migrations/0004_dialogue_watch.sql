CREATE TABLE "dialogue_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"date" date NOT NULL,
	"form" text NOT NULL,
	"subjects" jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"participants" jsonb NOT NULL,
	"visibility" text DEFAULT 'shared' NOT NULL,
	"confidential_basis" text,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dialogue_entries_visibility_check" CHECK ("dialogue_entries"."visibility" in ('shared', 'countyInternal'))
);
--> statement-breakpoint
CREATE TABLE "dialogue_entry_municipalities" (
	"entry_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	CONSTRAINT "dialogue_entry_municipalities_entry_id_municipality_code_pk" PRIMARY KEY("entry_id","municipality_code")
);
--> statement-breakpoint
CREATE TABLE "dialogue_entry_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"confidential_basis" text,
	"edited_by" uuid NOT NULL,
	"edited_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dialogue_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"text" text NOT NULL,
	"due" date NOT NULL,
	"owner_user_id" uuid,
	"owner_name" text,
	"done_at" timestamp with time zone,
	"done_by" uuid
);
--> statement-breakpoint
CREATE TABLE "document_request_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"message" text NOT NULL,
	"answered_by" uuid NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	"confidential_basis" text
);
--> statement-breakpoint
CREATE TABLE "document_request_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"answer_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"confidential_basis" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"subject" text NOT NULL,
	"message" text NOT NULL,
	"reply_by" date NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"confidential_basis" text,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "warnings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid,
	"municipality_code" text NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"raised_by" uuid NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolution_note" text,
	CONSTRAINT "warnings_kind_check" CHECK ("warnings"."kind" in ('wrongfulUse', 'largeSavings', 'other'))
);
--> statement-breakpoint
CREATE TABLE "calendar_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reminder_claims" (
	"item_key" text NOT NULL,
	"threshold" text NOT NULL,
	"recipient_id" uuid NOT NULL,
	"due" text NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"outcome" text DEFAULT 'sent' NOT NULL,
	"sent_at" timestamp with time zone,
	"error" text,
	CONSTRAINT "reminder_claims_item_key_threshold_recipient_id_pk" PRIMARY KEY("item_key","threshold","recipient_id"),
	CONSTRAINT "reminder_claims_threshold_check" CHECK ("reminder_claims"."threshold" in ('d30', 'd7', 'd1', 'overdue'))
);
--> statement-breakpoint
CREATE TABLE "reminder_preferences" (
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"enabled" boolean NOT NULL,
	CONSTRAINT "reminder_preferences_user_id_kind_pk" PRIMARY KEY("user_id","kind")
);
--> statement-breakpoint
ALTER TABLE "dialogue_entries" ADD CONSTRAINT "dialogue_entries_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_entries" ADD CONSTRAINT "dialogue_entries_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_entry_municipalities" ADD CONSTRAINT "dialogue_entry_municipalities_entry_id_dialogue_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."dialogue_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_entry_municipalities" ADD CONSTRAINT "dialogue_entry_municipalities_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_entry_versions" ADD CONSTRAINT "dialogue_entry_versions_entry_id_dialogue_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."dialogue_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_entry_versions" ADD CONSTRAINT "dialogue_entry_versions_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_follow_ups" ADD CONSTRAINT "dialogue_follow_ups_entry_id_dialogue_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."dialogue_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_follow_ups" ADD CONSTRAINT "dialogue_follow_ups_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_follow_ups" ADD CONSTRAINT "dialogue_follow_ups_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_request_answers" ADD CONSTRAINT "document_request_answers_request_id_document_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."document_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_request_answers" ADD CONSTRAINT "document_request_answers_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_request_files" ADD CONSTRAINT "document_request_files_answer_id_document_request_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."document_request_answers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_requests" ADD CONSTRAINT "document_requests_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_requests" ADD CONSTRAINT "document_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_entry_id_dialogue_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."dialogue_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_tokens" ADD CONSTRAINT "calendar_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_claims" ADD CONSTRAINT "reminder_claims_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_preferences" ADD CONSTRAINT "reminder_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dialogue_entries_county_idx" ON "dialogue_entries" USING btree ("county_code","date");--> statement-breakpoint
CREATE INDEX "dialogue_entry_municipalities_idx" ON "dialogue_entry_municipalities" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "dialogue_entry_versions_entry_idx" ON "dialogue_entry_versions" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "dialogue_follow_ups_entry_idx" ON "dialogue_follow_ups" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "dialogue_follow_ups_owner_idx" ON "dialogue_follow_ups" USING btree ("owner_user_id","due");--> statement-breakpoint
CREATE INDEX "document_request_answers_request_idx" ON "document_request_answers" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "document_request_files_answer_idx" ON "document_request_files" USING btree ("answer_id");--> statement-breakpoint
CREATE INDEX "document_requests_municipality_idx" ON "document_requests" USING btree ("municipality_code","reply_by");--> statement-breakpoint
CREATE INDEX "warnings_municipality_idx" ON "warnings" USING btree ("municipality_code","resolved_at");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_tokens_hash_idx" ON "calendar_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "calendar_tokens_user_idx" ON "calendar_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "reminder_claims_recipient_idx" ON "reminder_claims" USING btree ("recipient_id");