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
ALTER TABLE "visit_protocol_comments" ADD CONSTRAINT "visit_protocol_comments_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_protocol_comments" ADD CONSTRAINT "visit_protocol_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_protocol_versions" ADD CONSTRAINT "visit_protocol_versions_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_protocol_versions" ADD CONSTRAINT "visit_protocol_versions_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_protocol_versions" ADD CONSTRAINT "visit_protocol_versions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_protocols" ADD CONSTRAINT "visit_protocols_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_protocols" ADD CONSTRAINT "visit_protocols_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_protocols" ADD CONSTRAINT "visit_protocols_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visit_protocol_comments_visit_idx" ON "visit_protocol_comments" USING btree ("visit_id","created_at");--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_status_check" CHECK ("visits"."status" in ('planned', 'held', 'cancelled', 'protocolSent'));