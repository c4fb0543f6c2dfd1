ALTER TABLE `connections` ADD `metadata` text;--> statement-breakpoint
ALTER TABLE `oauth_states` ADD `metadata` text;--> statement-breakpoint
ALTER TABLE `oauth_states` ADD `pending_blob` text;--> statement-breakpoint
ALTER TABLE `oauth_states` ADD `pending_key_version` text;