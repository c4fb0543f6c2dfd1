CREATE INDEX `events_link` ON `events` (`link_id`);--> statement-breakpoint
CREATE INDEX `links_workspace_open` ON `links` (`workspace_id`,`status`,`expires_at`);