CREATE TABLE "visit_letter_templates" (
	"county_code" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"process" text NOT NULL,
	"closing" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "visit_letter_templates" ADD CONSTRAINT "visit_letter_templates_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_letter_templates" ADD CONSTRAINT "visit_letter_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;