CREATE TABLE `client_grants` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`workspace_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`link_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`revoke_claim` text,
	FOREIGN KEY (`connection_id`) REFERENCES `connections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `client_grants_token_hash` ON `client_grants` (`token_hash`);--> statement-breakpoint
CREATE INDEX `client_grants_connection` ON `client_grants` (`connection_id`);--> statement-breakpoint
CREATE INDEX `client_grants_claim` ON `client_grants` (`revoke_claim`);--> statement-breakpoint
CREATE INDEX `run_steps_connection` ON `run_steps` (`connection_id`);