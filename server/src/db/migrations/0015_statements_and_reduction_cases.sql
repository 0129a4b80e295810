CREATE TABLE "reduction_case_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"on" date NOT NULL,
	"form" text NOT NULL,
	"with" jsonb NOT NULL,
	"text" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reduction_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"county_code" text NOT NULL,
	"municipality_code" text NOT NULL,
	"received_on" date NOT NULL,
	"outcome" text,
	"amount" bigint,
	"part_amounts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"performed_share" double precision,
	"reasoning" text,
	"decided_on" date,
	"decided_by" uuid,
	"notified_on" date,
	"appeal_lodged_on" date,
	"appeal_decided_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "reduction_cases_statement_id_unique" UNIQUE("statement_id"),
	CONSTRAINT "reduction_cases_outcome_check" CHECK ("reduction_cases"."outcome" is null or "reduction_cases"."outcome" in ('noReduction', 'reduction', 'noRepayment', 'repayment'))
);
--> statement-breakpoint
CREATE TABLE "repayment_invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"created_on" date NOT NULL,
	"invoice_number" text,
	"sent_on" date,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "repayment_invoices_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "correction_opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"description" text NOT NULL,
	"offered_on" date NOT NULL,
	"lapses_on" date NOT NULL,
	"answer_text" text,
	"answered_on" date,
	"answered_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "savings_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"text" text NOT NULL,
	"amount" bigint,
	"created_on" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" text NOT NULL,
	"municipality_code" text NOT NULL,
	"period" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"initiated_by" text DEFAULT 'county' NOT NULL,
	"savings_notice_id" uuid,
	"grounds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"secret_parts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"action_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"opportunity_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"drafted_by" uuid NOT NULL,
	"approved_by" uuid,
	"approved_on" date,
	"sent_by" uuid,
	"sent_on" date,
	"registration_number" text,
	"override_reason" text,
	"override_missing" jsonb,
	"content" jsonb,
	"pdf" "bytea",
	"docx" "bytea",
	"appendix_pdf" "bytea",
	"appendix_docx" "bytea",
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "statements_state_check" CHECK ("statements"."state" in ('draft', 'approved', 'sent')),
	CONSTRAINT "statements_initiated_by_check" CHECK ("statements"."initiated_by" in ('county', 'municipality'))
);
--> statement-breakpoint
ALTER TABLE "document_requests" ADD COLUMN "reduction_case_id" uuid;--> statement-breakpoint
ALTER TABLE "reduction_case_log" ADD CONSTRAINT "reduction_case_log_case_id_reduction_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."reduction_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduction_case_log" ADD CONSTRAINT "reduction_case_log_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduction_cases" ADD CONSTRAINT "reduction_cases_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduction_cases" ADD CONSTRAINT "reduction_cases_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduction_cases" ADD CONSTRAINT "reduction_cases_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduction_cases" ADD CONSTRAINT "reduction_cases_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduction_cases" ADD CONSTRAINT "reduction_cases_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayment_invoices" ADD CONSTRAINT "repayment_invoices_case_id_reduction_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."reduction_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_opportunities" ADD CONSTRAINT "correction_opportunities_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_opportunities" ADD CONSTRAINT "correction_opportunities_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_opportunities" ADD CONSTRAINT "correction_opportunities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "savings_notices" ADD CONSTRAINT "savings_notices_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "savings_notices" ADD CONSTRAINT "savings_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_savings_notice_id_savings_notices_id_fk" FOREIGN KEY ("savings_notice_id") REFERENCES "public"."savings_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_drafted_by_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reduction_case_log_case_idx" ON "reduction_case_log" USING btree ("case_id","on");--> statement-breakpoint
CREATE INDEX "reduction_cases_county_idx" ON "reduction_cases" USING btree ("county_code","received_on");--> statement-breakpoint
CREATE INDEX "reduction_cases_municipality_idx" ON "reduction_cases" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "correction_opportunities_municipality_idx" ON "correction_opportunities" USING btree ("municipality_code","offered_on");--> statement-breakpoint
CREATE INDEX "savings_notices_municipality_idx" ON "savings_notices" USING btree ("municipality_code","created_on");--> statement-breakpoint
CREATE INDEX "statements_county_idx" ON "statements" USING btree ("county_code","state");--> statement-breakpoint
CREATE INDEX "statements_municipality_idx" ON "statements" USING btree ("municipality_code","state");--> statement-breakpoint
CREATE INDEX "document_requests_case_idx" ON "document_requests" USING btree ("reduction_case_id");