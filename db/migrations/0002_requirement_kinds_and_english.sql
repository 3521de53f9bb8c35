CREATE TYPE "public"."document_copy" AS ENUM('original', 'photocopy', 'both');--> statement-breakpoint
CREATE TYPE "public"."requirement_kind" AS ENUM('document', 'condition', 'note');--> statement-breakpoint
ALTER TABLE "forms" ADD COLUMN "name_en" text;--> statement-breakpoint
ALTER TABLE "forms" ADD COLUMN "description_en" text;--> statement-breakpoint
ALTER TABLE "forms" ADD COLUMN "note_en" text;--> statement-breakpoint
ALTER TABLE "service_requirements" ADD COLUMN "kind" "requirement_kind" DEFAULT 'document' NOT NULL;--> statement-breakpoint
ALTER TABLE "service_requirements" ADD COLUMN "copy" "document_copy";--> statement-breakpoint
ALTER TABLE "service_requirements" ADD COLUMN "copies" smallint;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "category_en" text;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "eligibility_note_en" text;--> statement-breakpoint
ALTER TABLE "service_requirements" ADD CONSTRAINT "service_requirements_copy_ck" CHECK ("service_requirements"."kind" = 'document' or ("service_requirements"."copy" is null and "service_requirements"."copies" is null));--> statement-breakpoint
ALTER TABLE "service_requirements" ADD CONSTRAINT "service_requirements_copies_ck" CHECK ("service_requirements"."copies" is null or "service_requirements"."copies" between 1 and 20);