ALTER TABLE `connections` ADD `account_id` text;--> statement-breakpoint
ALTER TABLE `links` ADD `allow_account_change` integer DEFAULT false NOT NULL;