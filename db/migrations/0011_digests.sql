CREATE TABLE `digests` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`target_id` text NOT NULL,
	`address` text NOT NULL,
	`day` text NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`format` text NOT NULL,
	`status` text DEFAULT 'prepared' NOT NULL,
	`send_at` integer NOT NULL,
	`letter_count` integer DEFAULT 0 NOT NULL,
	`country_count` integer DEFAULT 0 NOT NULL,
	`outbox_id` text,
	`prepared_by` text,
	`prepared_at` integer NOT NULL,
	`queued_at` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prepared_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `digests_target_day_uq` ON `digests` (`target_id`,`address`,`day`,`sequence`);--> statement-breakpoint
CREATE INDEX `digests_due_idx` ON `digests` (`status`,`send_at`);--> statement-breakpoint
CREATE INDEX `digests_case_idx` ON `digests` (`case_id`,`prepared_at`);--> statement-breakpoint
ALTER TABLE `appeals` ADD `digest_id` text REFERENCES digests(id);--> statement-breakpoint
CREATE INDEX `appeals_digest_idx` ON `appeals` (`target_id`,`digest_id`);--> statement-breakpoint
ALTER TABLE `targets` ADD `delivery_mode` text DEFAULT 'each' NOT NULL;--> statement-breakpoint
ALTER TABLE `targets` ADD `digest_hour` integer DEFAULT 9 NOT NULL;--> statement-breakpoint
ALTER TABLE `targets` ADD `digest_format` text DEFAULT 'inline' NOT NULL;