CREATE TABLE "action_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"seq" serial NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "action_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
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
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"period" integer NOT NULL,
	"visit_id" uuid,
	"source" text NOT NULL,
	"text" text NOT NULL,
	"owner_user_id" uuid,
	"owner_name" text,
	"due" date NOT NULL,
	"follow_up" text DEFAULT '' NOT NULL,
	"steps" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"reported_on" date,
	"confidential_basis" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "actions_source_check" CHECK ("actions"."source" in ('protocol', 'municipality')),
	CONSTRAINT "actions_status_check" CHECK ("actions"."status" in ('planned', 'inProgress', 'reportedDone', 'verified'))
);
--> statement-breakpoint
CREATE TABLE "protocol_templates" (
	"county_code" text PRIMARY KEY NOT NULL,
	"intro" text NOT NULL,
	"closing" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "visit_protocol_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"author_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_protocol_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"registration_number" text NOT NULL,
	"sent_on" date NOT NULL,
	"sent_by" uuid NOT NULL,
	"approved_by" uuid,
	"corrects" text,
	"content" jsonb NOT NULL,
	"pdf" "bytea" NOT NULL,
	"docx" "bytea" NOT NULL,
	"appendix_pdf" "bytea",
	"appendix_docx" "bytea",
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visit_protocol_versions_visit_no_key" UNIQUE("visit_id","version_no")
);
--> statement-breakpoint
CREATE TABLE "visit_protocols" (
	"visit_id" uuid PRIMARY KEY NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"works_well" text DEFAULT '' NOT NULL,
	"deficiencies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"measures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"other_notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"action_plan_due" date,
	"factual_review_reply_by" date,
	"factual_review_sent_at" timestamp with time zone,
	"factual_review_round" integer DEFAULT 0 NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"corrects" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "visit_protocols_state_check" CHECK ("visit_protocols"."state" in ('draft', 'factualReview', 'approved', 'sent'))
);
--> statement-breakpoint
ALTER TABLE "visits" DROP CONSTRAINT "visits_status_check";--> statement-breakpoint
ALTER TABLE "action_events" ADD CONSTRAINT "action_events_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_events" ADD CONSTRAINT "action_events_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_files" ADD CONSTRAINT "action_files_event_id_action_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."action_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_templates" ADD CONSTRAINT "protocol_templates_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_templates" ADD CONSTRAINT "protocol_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_protocol_comments" ADD CONSTRAINT "visit_protocol_comments_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_protocol_comments" ADD CONSTRAINT "visit_protocol_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_protocol_versions" ADD CONSTRAINT "visit_protocol_versions_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_protocol_versions" ADD CONSTRAINT "visit_protocol_versions_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_protocol_versions" ADD CONSTRAINT "visit_protocol_versions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_protocols" ADD CONSTRAINT "visit_protocols_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_protocols" ADD CONSTRAINT "visit_protocols_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_protocols" ADD CONSTRAINT "visit_protocols_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_events_action_idx" ON "action_events" USING btree ("action_id","at");--> statement-breakpoint
CREATE INDEX "action_files_event_idx" ON "action_files" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "actions_municipality_idx" ON "actions" USING btree ("municipality_code","period","due");--> statement-breakpoint
CREATE INDEX "actions_status_idx" ON "actions" USING btree ("status","due");--> statement-breakpoint
CREATE INDEX "visit_protocol_comments_visit_idx" ON "visit_protocol_comments" USING btree ("visit_id","created_at");--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_status_check" CHECK ("visits"."status" in ('planned', 'held', 'cancelled', 'protocolSent'));