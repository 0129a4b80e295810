CREATE TABLE "economic_review_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "economic_review_requests" (
	"review_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	CONSTRAINT "economic_review_requests_review_id_request_id_pk" PRIMARY KEY("review_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "economic_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"period" integer NOT NULL,
	"reviewed_on" date NOT NULL,
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"findings" text DEFAULT '' NOT NULL,
	"visit_id" uuid,
	"remaining_funds_amount" bigint,
	"remaining_funds_reasoning" text,
	"remaining_funds_decided_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "savings_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"number" integer NOT NULL,
	"years" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"submitted" boolean NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_review_exemptions" (
	"visit_id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compensation_amount_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"amount_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"amount" bigint NOT NULL,
	"status" text NOT NULL,
	"adjustment" bigint,
	"status_on" date,
	"replaced_at" timestamp with time zone NOT NULL,
	"replaced_by" uuid
);
--> statement-breakpoint
CREATE TABLE "compensation_amounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"year" integer NOT NULL,
	"part_code" text NOT NULL,
	"amount" bigint NOT NULL,
	"status" text DEFAULT 'announced' NOT NULL,
	"adjustment" bigint,
	"status_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone,
	CONSTRAINT "compensation_amounts_key" UNIQUE("municipality_code","year","part_code"),
	CONSTRAINT "compensation_amounts_amount_check" CHECK ("compensation_amounts"."amount" >= 0 and ("compensation_amounts"."adjustment" is null or "compensation_amounts"."adjustment" >= 0)),
	CONSTRAINT "compensation_amounts_status_check" CHECK ("compensation_amounts"."status" in ('announced', 'paid', 'withheld', 'reduced', 'repaid'))
);
--> statement-breakpoint
CREATE TABLE "compensation_parts" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"agreement_id" uuid,
	"first_year" integer NOT NULL,
	"last_year" integer,
	"counts_toward_savings" boolean NOT NULL,
	"confidential_basis" text,
	"predecessor" text,
	"position" integer NOT NULL,
	"source" text,
	"unverified" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone,
	CONSTRAINT "compensation_parts_years_check" CHECK ("compensation_parts"."last_year" is null or "compensation_parts"."first_year" <= "compensation_parts"."last_year")
);
--> statement-breakpoint
CREATE TABLE "cost_items" (
	"set_id" uuid NOT NULL,
	"part_code" text NOT NULL,
	"category_code" text NOT NULL,
	"amount" bigint NOT NULL,
	"manual_compilation" boolean DEFAULT false NOT NULL,
	CONSTRAINT "cost_items_set_id_part_code_category_code_pk" PRIMARY KEY("set_id","part_code","category_code"),
	CONSTRAINT "cost_items_amount_check" CHECK ("cost_items"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "cost_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"year" integer NOT NULL,
	"source" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "cost_sets_key" UNIQUE("municipality_code","year","source"),
	CONSTRAINT "cost_sets_source_check" CHECK ("cost_sets"."source" in ('county', 'annualReport', 'import'))
);
--> statement-breakpoint
CREATE TABLE "large_savings_detections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"detected_on" date NOT NULL,
	"judged_year" integer NOT NULL,
	"plan_due_on" date NOT NULL,
	"cleared_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opening_balances" (
	"municipality_code" text NOT NULL,
	"part_code" text NOT NULL,
	"year" integer NOT NULL,
	"amount" bigint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "opening_balances_municipality_code_part_code_year_pk" PRIMARY KEY("municipality_code","part_code","year"),
	CONSTRAINT "opening_balances_amount_check" CHECK ("opening_balances"."amount" >= 0)
);
--> statement-breakpoint
ALTER TABLE "economic_review_files" ADD CONSTRAINT "economic_review_files_review_id_economic_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."economic_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economic_review_files" ADD CONSTRAINT "economic_review_files_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economic_review_requests" ADD CONSTRAINT "economic_review_requests_review_id_economic_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."economic_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economic_review_requests" ADD CONSTRAINT "economic_review_requests_request_id_document_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."document_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economic_reviews" ADD CONSTRAINT "economic_reviews_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economic_reviews" ADD CONSTRAINT "economic_reviews_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economic_reviews" ADD CONSTRAINT "economic_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "savings_plans" ADD CONSTRAINT "savings_plans_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "savings_plans" ADD CONSTRAINT "savings_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_review_exemptions" ADD CONSTRAINT "visit_review_exemptions_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_review_exemptions" ADD CONSTRAINT "visit_review_exemptions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_amount_history" ADD CONSTRAINT "compensation_amount_history_amount_id_compensation_amounts_id_fk" FOREIGN KEY ("amount_id") REFERENCES "public"."compensation_amounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_amount_history" ADD CONSTRAINT "compensation_amount_history_replaced_by_users_id_fk" FOREIGN KEY ("replaced_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_amounts" ADD CONSTRAINT "compensation_amounts_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_amounts" ADD CONSTRAINT "compensation_amounts_part_code_compensation_parts_code_fk" FOREIGN KEY ("part_code") REFERENCES "public"."compensation_parts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_parts" ADD CONSTRAINT "compensation_parts_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_parts" ADD CONSTRAINT "compensation_parts_predecessor_compensation_parts_code_fk" FOREIGN KEY ("predecessor") REFERENCES "public"."compensation_parts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_items" ADD CONSTRAINT "cost_items_set_id_cost_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."cost_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_items" ADD CONSTRAINT "cost_items_part_code_compensation_parts_code_fk" FOREIGN KEY ("part_code") REFERENCES "public"."compensation_parts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_sets" ADD CONSTRAINT "cost_sets_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_sets" ADD CONSTRAINT "cost_sets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "large_savings_detections" ADD CONSTRAINT "large_savings_detections_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_balances" ADD CONSTRAINT "opening_balances_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_balances" ADD CONSTRAINT "opening_balances_part_code_compensation_parts_code_fk" FOREIGN KEY ("part_code") REFERENCES "public"."compensation_parts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_balances" ADD CONSTRAINT "opening_balances_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "economic_review_files_review_idx" ON "economic_review_files" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "economic_reviews_municipality_idx" ON "economic_reviews" USING btree ("municipality_code","period");--> statement-breakpoint
CREATE INDEX "savings_plans_municipality_idx" ON "savings_plans" USING btree ("municipality_code","number");--> statement-breakpoint
CREATE INDEX "compensation_amount_history_amount_idx" ON "compensation_amount_history" USING btree ("amount_id");--> statement-breakpoint
CREATE INDEX "compensation_amounts_year_idx" ON "compensation_amounts" USING btree ("year");--> statement-breakpoint
CREATE INDEX "large_savings_detections_municipality_idx" ON "large_savings_detections" USING btree ("municipality_code");--> statement-breakpoint
CREATE UNIQUE INDEX "large_savings_detections_open_idx" ON "large_savings_detections" USING btree ("municipality_code") WHERE cleared_on is null;