CREATE TABLE `appeals` (
	`id` text PRIMARY KEY NOT NULL,
	`signature_id` text NOT NULL,
	`target_id` text NOT NULL,
	`case_id` text NOT NULL,
	`channel` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`outbox_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`signature_id`) REFERENCES `signatures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appeals_signature_target_uq` ON `appeals` (`signature_id`,`target_id`);--> statement-breakpoint
CREATE INDEX `appeals_case_idx` ON `appeals` (`case_id`);--> statement-breakpoint
CREATE TABLE `case_updates` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`risk_status` text,
	`happened_on` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_updates_case_idx` ON `case_updates` (`case_id`,`happened_on`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`reference` text NOT NULL,
	`title` text NOT NULL,
	`person_name` text NOT NULL,
	`person_name_local` text,
	`pronouns` text,
	`photo_path` text,
	`photo_alt` text,
	`photo_credit` text,
	`country` text NOT NULL,
	`tags` text DEFAULT '' NOT NULL,
	`risk_status` text NOT NULL,
	`summary` text NOT NULL,
	`story` text NOT NULL,
	`act_before` text NOT NULL,
	`languages` text DEFAULT 'en' NOT NULL,
	`goal` integer NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`outcome` text,
	`published_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_slug_uq` ON `cases` (`slug`);--> statement-breakpoint
CREATE INDEX `cases_state_idx` ON `cases` (`state`);--> statement-breakpoint
CREATE TABLE `letter_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`language` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `letter_templates_case_lang_uq` ON `letter_templates` (`case_id`,`language`);--> statement-breakpoint
CREATE TABLE `mailbox_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`outbox_id` text,
	`message_id` text NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`raw` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mailbox_message_id_uq` ON `mailbox_messages` (`message_id`);--> statement-breakpoint
CREATE INDEX `mailbox_created_idx` ON `mailbox_messages` (`created_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`message_id` text NOT NULL,
	`from_name` text,
	`to_address` text NOT NULL,
	`reply_to` text,
	`subject` text NOT NULL,
	`text_body` text NOT NULL,
	`html_body` text,
	`headers` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_owner` text,
	`lease_until` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_message_id_uq` ON `outbox` (`message_id`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `signatures` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`full_name` text NOT NULL,
	`email` text NOT NULL,
	`email_normalized` text NOT NULL,
	`country` text NOT NULL,
	`message` text,
	`initials_only` integer DEFAULT false NOT NULL,
	`allow_reply` integer DEFAULT false NOT NULL,
	`follow_updates` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`token_hash` text NOT NULL,
	`token_expires_at` integer NOT NULL,
	`client_hash` text,
	`letter_date` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`confirmed_at` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signatures_case_email_uq` ON `signatures` (`case_id`,`email_normalized`);--> statement-breakpoint
CREATE UNIQUE INDEX `signatures_token_uq` ON `signatures` (`token_hash`);--> statement-breakpoint
CREATE INDEX `signatures_case_status_idx` ON `signatures` (`case_id`,`status`,`country`);--> statement-breakpoint
CREATE TABLE `targets` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`position` integer NOT NULL,
	`role` text DEFAULT 'primary' NOT NULL,
	`title` text NOT NULL,
	`name` text,
	`office` text,
	`postal_address` text NOT NULL,
	`country` text NOT NULL,
	`email` text,
	`fax` text,
	`salutation` text NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `targets_case_idx` ON `targets` (`case_id`,`position`);