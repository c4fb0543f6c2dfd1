CREATE TABLE `notification_preferences` (
	`workspace_id` text NOT NULL,
	`type` text NOT NULL,
	`in_app` integer NOT NULL,
	`email` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `type`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`type` text NOT NULL,
	`connection_id` text NOT NULL,
	`connection_name` text NOT NULL,
	`app_id` text NOT NULL,
	`reason` text,
	`at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_workspace_at` ON `notifications` (`workspace_id`,`at`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_workspace_unread` ON `notifications` (`workspace_id`,`read_at`);