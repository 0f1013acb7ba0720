CREATE TABLE `erasure_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`email_normalized` text NOT NULL,
	`email` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `erasure_requests_token_uq` ON `erasure_requests` (`token_hash`);--> statement-breakpoint
CREATE INDEX `erasure_requests_expires_idx` ON `erasure_requests` (`expires_at`);--> statement-breakpoint
ALTER TABLE `appeals` ADD `redacted_at` integer;--> statement-breakpoint
CREATE INDEX `appeals_unredacted_run_idx` ON `appeals` (`print_run_id`) WHERE redacted_at is null;--> statement-breakpoint
ALTER TABLE `outbox` ADD `redacted_at` integer;--> statement-breakpoint
CREATE INDEX `outbox_unredacted_idx` ON `outbox` (`status`,`sent_at`,`next_attempt_at`) WHERE redacted_at is null;--> statement-breakpoint
CREATE INDEX `signature_offers_expiry_idx` ON `signature_offers` (`token_expires_at`);--> statement-breakpoint
CREATE INDEX `signatures_pending_expiry_idx` ON `signatures` (`status`,`token_expires_at`);