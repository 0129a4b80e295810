CREATE TABLE "clearances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"county_code" text NOT NULL,
	"municipality_code" text,
	"undertaking_signed_on" date NOT NULL,
	"valid_until" date,
	"note" text,
	"granted_by" uuid NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"withdrawn_by" uuid,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "clearances_scope_check" CHECK ("clearances"."municipality_code" is null or left("clearances"."municipality_code", 2) = "clearances"."county_code")
);
--> statement-breakpoint
CREATE TABLE "osl_grounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"description" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "osl_grounds_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "document_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"county_registration_number" text,
	"confidential_basis" text,
	"sent_on" date,
	"sent_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"text_status" text NOT NULL,
	"text_content" text,
	"headings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('swedish', coalesce(text_content, ''))) STORED,
	"confidential_basis" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"period" integer NOT NULL,
	"type_id" text NOT NULL,
	"reason" text NOT NULL,
	"agreed_date" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_review_items" (
	"review_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"result" text NOT NULL,
	"comment" text,
	CONSTRAINT "document_review_items_result_check" CHECK ("document_review_items"."result" in ('met', 'partlyMet', 'notMet'))
);
--> statement-breakpoint
CREATE TABLE "document_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"library_version_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"outcome" text,
	"summary" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "document_reviews_outcome_check" CHECK ("document_reviews"."outcome" is null or "document_reviews"."outcome" in ('approved', 'supplementRequested'))
);
--> statement-breakpoint
CREATE TABLE "document_types" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"required_level" text,
	"deadline_rule" text NOT NULL,
	"feedback_expected" boolean DEFAULT false NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"decided_by" text NOT NULL,
	"decided_on" date NOT NULL,
	"received_on" date NOT NULL,
	"registration_number" text,
	"county_registration_number" text,
	"note" text,
	"status" text DEFAULT 'received' NOT NULL,
	"confidential_basis" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "document_versions_status_check" CHECK ("document_versions"."status" in ('received', 'underReview', 'approved', 'supplementRequested')),
	CONSTRAINT "document_versions_decided_by_check" CHECK ("document_versions"."decided_by" in ('council', 'executiveBoard', 'chiefExecutive', 'official'))
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"period" integer NOT NULL,
	"type_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rsa_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"keywords" jsonb NOT NULL,
	"verified" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_id" uuid NOT NULL,
	"code" text NOT NULL,
	"tier" text NOT NULL,
	"text" text NOT NULL,
	"help" text,
	"document_types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "criteria_tier_check" CHECK ("criteria"."tier" in ('basic', 'quality'))
);
--> statement-breakpoint
CREATE TABLE "criteria_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"library_version_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "criteria_library_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"version" text NOT NULL,
	"source_reference" text NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"imported_by" text,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "criteria_library_versions_version_unique" UNIQUE("version")
);
--> statement-breakpoint
ALTER TABLE "clearances" ADD CONSTRAINT "clearances_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clearances" ADD CONSTRAINT "clearances_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clearances" ADD CONSTRAINT "clearances_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clearances" ADD CONSTRAINT "clearances_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clearances" ADD CONSTRAINT "clearances_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_feedback" ADD CONSTRAINT "document_feedback_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_feedback" ADD CONSTRAINT "document_feedback_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_feedback" ADD CONSTRAINT "document_feedback_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_feedback" ADD CONSTRAINT "document_feedback_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_files" ADD CONSTRAINT "document_files_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_follow_ups" ADD CONSTRAINT "document_follow_ups_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_follow_ups" ADD CONSTRAINT "document_follow_ups_type_id_document_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."document_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_follow_ups" ADD CONSTRAINT "document_follow_ups_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_review_items" ADD CONSTRAINT "document_review_items_review_id_document_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."document_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_reviews" ADD CONSTRAINT "document_reviews_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_reviews" ADD CONSTRAINT "document_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_type_id_document_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."document_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria" ADD CONSTRAINT "criteria_area_id_criteria_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."criteria_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria_areas" ADD CONSTRAINT "criteria_areas_library_version_id_criteria_library_versions_id_fk" FOREIGN KEY ("library_version_id") REFERENCES "public"."criteria_library_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clearances_user_idx" ON "clearances" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "clearances_scope_idx" ON "clearances" USING btree ("county_code","municipality_code");--> statement-breakpoint
CREATE INDEX "document_feedback_document_idx" ON "document_feedback" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "document_files_version_idx" ON "document_files" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "document_files_search_idx" ON "document_files" USING gin ("search_vector");--> statement-breakpoint
CREATE UNIQUE INDEX "document_follow_ups_idx" ON "document_follow_ups" USING btree ("municipality_code","period","type_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_review_items_idx" ON "document_review_items" USING btree ("review_id","criterion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_reviews_version_idx" ON "document_reviews" USING btree ("version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_no_idx" ON "document_versions" USING btree ("document_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_unique_idx" ON "documents" USING btree ("municipality_code","period","type_id");--> statement-breakpoint
CREATE INDEX "documents_period_idx" ON "documents" USING btree ("period","municipality_code");--> statement-breakpoint
CREATE INDEX "criteria_area_idx" ON "criteria" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "criteria_areas_library_idx" ON "criteria_areas" USING btree ("library_version_id");