CREATE TABLE "event_mail_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_mails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"to_name" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"attachment_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"error" text,
	CONSTRAINT "event_mails_status_check" CHECK ("event_mails"."status" in ('pending', 'sending', 'sent', 'failed', 'skipped')),
	CONSTRAINT "event_mails_kind_check" CHECK ("event_mails"."kind" in ('eventNewRequest', 'eventRequestAnswered', 'eventFeedbackSent'))
);
--> statement-breakpoint
ALTER TABLE "event_mails" ADD CONSTRAINT "event_mails_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_mails" ADD CONSTRAINT "event_mails_attachment_id_event_mail_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."event_mail_attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_mails_pending_idx" ON "event_mails" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "event_mails_entity_idx" ON "event_mails" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "event_mails_recipient_idx" ON "event_mails" USING btree ("recipient_id");