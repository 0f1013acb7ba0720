CREATE TABLE `missions` (
	`id` text PRIMARY KEY NOT NULL,
	`source_key` text NOT NULL,
	`operator_country` text NOT NULL,
	`host_country` text NOT NULL,
	`city` text,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`address` text,
	`email` text,
	`phone` text,
	`wikidata_id` text,
	`closed` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `missions_source_key_uq` ON `missions` (`source_key`);--> statement-breakpoint
CREATE INDEX `missions_route_idx` ON `missions` (`operator_country`,`host_country`);--> statement-breakpoint
CREATE TABLE `outbox_lanes` (
	`key` text PRIMARY KEY NOT NULL,
	`available_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `print_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`letter_count` integer NOT NULL,
	`posted_on` text,
	`posted_at` integer,
	`posted_by` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`posted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `print_runs_case_idx` ON `print_runs` (`case_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `self_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`signature_id` text NOT NULL,
	`target_id` text NOT NULL,
	`case_id` text NOT NULL,
	`channel` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`signature_id`) REFERENCES `signatures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `self_reports_uq` ON `self_reports` (`signature_id`,`target_id`,`channel`);--> statement-breakpoint
CREATE INDEX `self_reports_case_idx` ON `self_reports` (`case_id`);--> statement-breakpoint
ALTER TABLE `appeals` ADD `language` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `appeals` ADD `recipient` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `appeals` ADD `delivery_address` text;--> statement-breakpoint
ALTER TABLE `appeals` ADD `mission_id` text REFERENCES missions(id);--> statement-breakpoint
ALTER TABLE `appeals` ADD `print_run_id` text REFERENCES print_runs(id);--> statement-breakpoint
ALTER TABLE `appeals` ADD `render_error` text;--> statement-breakpoint
CREATE INDEX `appeals_post_idx` ON `appeals` (`channel`,`print_run_id`);--> statement-breakpoint
CREATE INDEX `appeals_outbox_idx` ON `appeals` (`outbox_id`);--> statement-breakpoint
CREATE INDEX `appeals_print_run_idx` ON `appeals` (`print_run_id`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `lane` text;--> statement-breakpoint
CREATE INDEX `outbox_lane_idx` ON `outbox` (`lane`,`status`);--> statement-breakpoint
ALTER TABLE `targets` ADD `routing` text DEFAULT 'fixed' NOT NULL;--> statement-breakpoint
ALTER TABLE `targets` ADD `mission_of` text;--> statement-breakpoint
ALTER TABLE `signatures` DROP COLUMN `client_hash`;--> statement-breakpoint
-- Fax letters written before there was a fax channel never reached the outbox: they go by post, like every fax
-- letter without a gateway, so the next print run takes them instead of nothing ever sending them.
UPDATE `appeals` SET `channel` = 'post' WHERE `channel` = 'fax' AND `outbox_id` IS NULL;
--> statement-breakpoint
-- Appeals written before recipients were fixed on the letter: take them from the official as it is now.
UPDATE `appeals` SET
	`recipient` = (SELECT trim(coalesce(t.`name` || char(10), '') || t.`title` || char(10) || coalesce(t.`office` || char(10), '') || t.`postal_address`) FROM `targets` t WHERE t.`id` = `appeals`.`target_id`),
	`delivery_address` = (SELECT CASE `appeals`.`channel` WHEN 'email' THEN t.`email` WHEN 'fax' THEN t.`fax` ELSE NULL END FROM `targets` t WHERE t.`id` = `appeals`.`target_id`)
WHERE `recipient` = '';
