CREATE TABLE `case_revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`subject_id` text,
	`before` text,
	`after` text NOT NULL,
	`base_version` text,
	`author_id` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`form_key` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `case_revisions_case_status_idx` ON `case_revisions` (`case_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `case_revisions_form_key_uq` ON `case_revisions` (`form_key`);--> statement-breakpoint
ALTER TABLE `case_updates` ADD `form_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `case_updates_form_key_uq` ON `case_updates` (`form_key`);--> statement-breakpoint
ALTER TABLE `cases` ADD `scheduled_version` text;