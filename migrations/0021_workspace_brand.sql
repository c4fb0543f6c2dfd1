CREATE TABLE `workspace_brands` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`display_name` text,
	`accent` text,
	`logo_hash` text,
	`logo_type` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `links` ADD `brand` text;--> statement-breakpoint
ALTER TABLE `links` ADD `return_url` text;