ALTER TABLE `case_updates` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `case_updates` ADD `notified_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `publish_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `review_requested_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `closed_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `signatures` ADD `unsubscribed_at` integer;