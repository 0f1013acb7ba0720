CREATE TABLE `bounce_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`received_at` integer NOT NULL,
	`kind` text NOT NULL,
	`envelope_to` text NOT NULL,
	`outbox_id` text,
	`status` text,
	`diagnostic` text,
	`reason` text,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `bounce_reports_received_idx` ON `bounce_reports` (`kind`,`received_at`);--> statement-breakpoint
CREATE INDEX `bounce_reports_outbox_idx` ON `bounce_reports` (`outbox_id`);--> statement-breakpoint
CREATE TABLE `email_health` (
	`address` text PRIMARY KEY NOT NULL,
	`status` text DEFAULT 'ok' NOT NULL,
	`hard_bounces` integer DEFAULT 0 NOT NULL,
	`soft_bounces` integer DEFAULT 0 NOT NULL,
	`complaints` integer DEFAULT 0 NOT NULL,
	`hard_in_row` integer DEFAULT 0 NOT NULL,
	`last_at` integer,
	`alerted_at` integer
);
