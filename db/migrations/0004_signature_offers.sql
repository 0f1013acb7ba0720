CREATE TABLE `signature_offers` (
	`id` text PRIMARY KEY NOT NULL,
	`signature_id` text NOT NULL,
	`full_name` text NOT NULL,
	`email` text NOT NULL,
	`country` text NOT NULL,
	`message` text,
	`initials_only` integer DEFAULT false NOT NULL,
	`allow_reply` integer DEFAULT false NOT NULL,
	`follow_updates` integer DEFAULT false NOT NULL,
	`token_hash` text NOT NULL,
	`token_expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`signature_id`) REFERENCES `signatures`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signature_offers_token_uq` ON `signature_offers` (`token_hash`);--> statement-breakpoint
CREATE INDEX `signature_offers_signature_idx` ON `signature_offers` (`signature_id`);