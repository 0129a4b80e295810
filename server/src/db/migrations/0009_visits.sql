CREATE TABLE "visit_assessment_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"criterion_code" text NOT NULL,
	"result" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "visit_assessment_items_visit_criterion_key" UNIQUE("visit_id","criterion_code")
);
--> statement-breakpoint
CREATE TABLE "visit_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"attended" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_plan_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" uuid,
	CONSTRAINT "visit_plan_revisions_plan_revision_key" UNIQUE("plan_id","revision")
);
--> statement-breakpoint
CREATE TABLE "visit_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" text NOT NULL,
	"period" integer NOT NULL,
	"visits_per_year" integer NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "visit_plans_county_period_key" UNIQUE("county_code","period")
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"period" integer NOT NULL,
	"planned" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"held_on" date,
	"place" text DEFAULT '' NOT NULL,
	"preparation" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"library_version_id" uuid,
	"selected_criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"overrides" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visits_kind_check" CHECK ("visits"."kind" in ('first', 'later', 'only')),
	CONSTRAINT "visits_status_check" CHECK ("visits"."status" in ('planned', 'held', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "criteria_areas" ADD COLUMN "agreement_area" text DEFAULT 'crisisPreparedness' NOT NULL;--> statement-breakpoint
ALTER TABLE "visit_assessment_items" ADD CONSTRAINT "visit_assessment_items_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_participants" ADD CONSTRAINT "visit_participants_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plan_revisions" ADD CONSTRAINT "visit_plan_revisions_plan_id_visit_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."visit_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plan_revisions" ADD CONSTRAINT "visit_plan_revisions_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_library_version_id_criteria_library_versions_id_fk" FOREIGN KEY ("library_version_id") REFERENCES "public"."criteria_library_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visit_participants_visit_idx" ON "visit_participants" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "visits_municipality_period_idx" ON "visits" USING btree ("municipality_code","period");--> statement-breakpoint
CREATE INDEX "visits_period_idx" ON "visits" USING btree ("period","status");--> statement-breakpoint
-- The two visit lists of the national rules (R2.7-4), added to the rule versions already stored, with their source.
UPDATE "national_rule_versions" SET "rules" = "rules" || jsonb_build_object(
  'firstVisitDocumentTypes', jsonb_build_object(
    'value', '["rsa", "steeringDocument", "trainingAndExercisePlan", "emergencyPlan"]'::jsonb,
    'source', 'MSB:s vägledning för länsstyrelsernas uppföljning av kommunernas krisberedskap, avsnitt 2.7.1',
    'unverified', false),
  'lateVisitFeedbackDocumentTypes', jsonb_build_object(
    'value', '["rsa", "steeringDocument", "trainingAndExercisePlan"]'::jsonb,
    'source', 'MSB:s vägledning för länsstyrelsernas uppföljning av kommunernas krisberedskap, avsnitt 2.7.1 ("de inriktande dokumenten"; urvalet att stämma av)',
    'unverified', true))
WHERE NOT ("rules" ? 'firstVisitDocumentTypes');
