CREATE TABLE "login_throttles" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"address" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"last_failure_at" timestamp with time zone,
	"blocked_until" timestamp with time zone,
	CONSTRAINT "login_throttles_email_address_pk" PRIMARY KEY("email","address"),
	CONSTRAINT "login_throttles_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE INDEX "login_throttles_blocked_idx" ON "login_throttles" USING btree ("blocked_until");