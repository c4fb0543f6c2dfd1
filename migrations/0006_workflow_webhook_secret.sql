ALTER TABLE `workflows` ADD `webhook_secret_blob` text;--> statement-breakpoint
ALTER TABLE `workflows` ADD `webhook_secret_key_version` text;