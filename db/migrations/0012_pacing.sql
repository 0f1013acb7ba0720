ALTER TABLE `outbox` ADD `priority` integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `pace_key` text;--> statement-breakpoint
CREATE INDEX `outbox_claim_idx` ON `outbox` (`status`,`priority`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_pace_idx` ON `outbox` (`pace_key`,`status`);--> statement-breakpoint
ALTER TABLE `outbox_lanes` ADD `next_slot_at` integer;--> statement-breakpoint
ALTER TABLE `outbox_lanes` ADD `per_hour` integer;--> statement-breakpoint
ALTER TABLE `outbox_lanes` ADD `office_hours_start` integer;--> statement-breakpoint
ALTER TABLE `outbox_lanes` ADD `office_hours_end` integer;--> statement-breakpoint
ALTER TABLE `outbox_lanes` ADD `office_days` text;--> statement-breakpoint
ALTER TABLE `outbox_lanes` ADD `time_zone` text;--> statement-breakpoint
ALTER TABLE `targets` ADD `pace_per_hour` integer;--> statement-breakpoint
ALTER TABLE `targets` ADD `office_hours_start` integer;--> statement-breakpoint
ALTER TABLE `targets` ADD `office_hours_end` integer;--> statement-breakpoint
ALTER TABLE `targets` ADD `office_days` text;