CREATE TABLE "annual_compilation_drafts" (
	"county_code" text NOT NULL,
	"year" integer NOT NULL,
	"assessment" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL,
	CONSTRAINT "annual_compilation_drafts_county_code_year_pk" PRIMARY KEY("county_code","year")
);
--> statement-breakpoint
CREATE TABLE "annual_compilation_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" text NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"form_id" uuid,
	"assessment" text NOT NULL,
	"questions" jsonb NOT NULL,
	"rows" jsonb NOT NULL,
	"not_accepted" jsonb NOT NULL,
	"registration_number" text NOT NULL,
	"forwarded_on" date NOT NULL,
	"forwarded_at" timestamp with time zone NOT NULL,
	"forwarded_by" uuid NOT NULL,
	CONSTRAINT "annual_compilation_versions_key" UNIQUE("county_code","year","number")
);
--> statement-breakpoint
CREATE TABLE "annual_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"deadline" date NOT NULL,
	"forwarding_deadline" date NOT NULL,
	"example" boolean DEFAULT false NOT NULL,
	"definition" jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone,
	CONSTRAINT "annual_forms_year_number_key" UNIQUE("year","number")
);
--> statement-breakpoint
CREATE TABLE "annual_report_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_report_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"costs" jsonb NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_on" date NOT NULL,
	"submitted_by" uuid NOT NULL,
	"returned_at" timestamp with time zone,
	"returned_on" date,
	"returned_by" uuid,
	"comments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_on" date,
	"accepted_by" uuid,
	CONSTRAINT "annual_report_rounds_report_number_key" UNIQUE("report_id","number")
);
--> statement-breakpoint
CREATE TABLE "annual_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"year" integer NOT NULL,
	"form_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"costs" jsonb NOT NULL,
	"source" text DEFAULT 'system' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL,
	CONSTRAINT "annual_reports_municipality_year_key" UNIQUE("municipality_code","year")
);
--> statement-breakpoint
CREATE TABLE "county_dialogue_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dialogue_id" uuid NOT NULL,
	"text" text NOT NULL,
	"due_on" date NOT NULL,
	"owner_id" uuid,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "county_dialogues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" text NOT NULL,
	"held_on" date NOT NULL,
	"form" text NOT NULL,
	"participants" jsonb NOT NULL,
	"subjects" jsonb NOT NULL,
	"conclusions" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annual_compilation_drafts" ADD CONSTRAINT "annual_compilation_drafts_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_compilation_drafts" ADD CONSTRAINT "annual_compilation_drafts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_compilation_versions" ADD CONSTRAINT "annual_compilation_versions_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_compilation_versions" ADD CONSTRAINT "annual_compilation_versions_form_id_annual_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."annual_forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_compilation_versions" ADD CONSTRAINT "annual_compilation_versions_forwarded_by_users_id_fk" FOREIGN KEY ("forwarded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_forms" ADD CONSTRAINT "annual_forms_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_forms" ADD CONSTRAINT "annual_forms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_files" ADD CONSTRAINT "annual_report_files_report_id_annual_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."annual_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_files" ADD CONSTRAINT "annual_report_files_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_rounds" ADD CONSTRAINT "annual_report_rounds_report_id_annual_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."annual_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_rounds" ADD CONSTRAINT "annual_report_rounds_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_rounds" ADD CONSTRAINT "annual_report_rounds_returned_by_users_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_rounds" ADD CONSTRAINT "annual_report_rounds_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_form_id_annual_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."annual_forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "county_dialogue_follow_ups" ADD CONSTRAINT "county_dialogue_follow_ups_dialogue_id_county_dialogues_id_fk" FOREIGN KEY ("dialogue_id") REFERENCES "public"."county_dialogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "county_dialogue_follow_ups" ADD CONSTRAINT "county_dialogue_follow_ups_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "county_dialogue_follow_ups" ADD CONSTRAINT "county_dialogue_follow_ups_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "county_dialogues" ADD CONSTRAINT "county_dialogues_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "county_dialogues" ADD CONSTRAINT "county_dialogues_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "annual_report_files_report_idx" ON "annual_report_files" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "annual_reports_year_idx" ON "annual_reports" USING btree ("year");--> statement-breakpoint
CREATE INDEX "county_dialogue_follow_ups_dialogue_idx" ON "county_dialogue_follow_ups" USING btree ("dialogue_id");--> statement-breakpoint
CREATE INDEX "county_dialogues_county_idx" ON "county_dialogues" USING btree ("county_code","held_on");