CREATE TABLE `oauth_apps` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`provider` text NOT NULL,
	`client_id` text NOT NULL,
	`secret_blob` text NOT NULL,
	`secret_key_version` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `oauth_apps_workspace_provider` ON `oauth_apps` (`workspace_id`,`provider`);