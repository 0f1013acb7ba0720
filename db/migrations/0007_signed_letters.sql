ALTER TABLE `signature_offers` ADD `content_version` text;--> statement-breakpoint
ALTER TABLE `signature_offers` ADD `letters` text;--> statement-breakpoint
ALTER TABLE `signatures` ADD `content_version` text;--> statement-breakpoint
ALTER TABLE `signatures` ADD `letters` text;