ALTER TABLE "document_types" DROP COLUMN "required_level";--> statement-breakpoint
ALTER TABLE "document_types" DROP COLUMN "deadline_rule";--> statement-breakpoint
ALTER TABLE "document_types" DROP COLUMN "feedback_expected";