CREATE TABLE "pow_spent" (
	"nonce" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "pow_difficulty" integer DEFAULT 2000 NOT NULL;--> statement-breakpoint
CREATE INDEX "pow_spent_expires_idx" ON "pow_spent" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_pow_difficulty_ck" CHECK ("offices"."pow_difficulty" between 1 and 1000000);--> statement-breakpoint
-- Spent challenges are written once per booking attempt in the opening rush: kept out of the WAL like
-- rate_limits (0005). After a PostgreSQL crash the table starts empty, so a solution from the last few
-- minutes (a challenge lives 10) could be used once more; the NIK and phone caps still hold.
ALTER TABLE "pow_spent" SET UNLOGGED;
