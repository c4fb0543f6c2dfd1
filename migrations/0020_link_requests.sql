CREATE TABLE `link_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`token_blob` text NOT NULL,
	`token_key_version` text NOT NULL,
	`locale` text,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `link_requests_token_hash` ON `link_requests` (`token_hash`);--> statement-breakpoint
CREATE INDEX `link_requests_workspace` ON `link_requests` (`workspace_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `links` ADD `request_id` text REFERENCES link_requests(id);--> statement-breakpoint
ALTER TABLE `links` ADD `request_position` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `links_request_position` ON `links` (`request_id`,`request_position`);