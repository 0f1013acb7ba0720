ALTER TABLE `signature_offers` ADD `locale` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `signatures` ADD `locale` text DEFAULT 'en' NOT NULL;