DROP INDEX `run_steps_run`;--> statement-breakpoint
ALTER TABLE `run_steps` ADD `attempts` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `run_steps_run` ON `run_steps` (`run_id`,`position`);--> statement-breakpoint
ALTER TABLE `runs` ADD `trigger_blob` text;--> statement-breakpoint
ALTER TABLE `runs` ADD `trigger_key_version` text;--> statement-breakpoint
ALTER TABLE `runs` ADD `retry_of` text;--> statement-breakpoint
ALTER TABLE `runs` ADD `claim_id` text;--> statement-breakpoint
ALTER TABLE `runs` ADD `claimed_until` integer;--> statement-breakpoint
ALTER TABLE `runs` ADD `step_attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `runs` ADD `next_attempt_at` integer;--> statement-breakpoint
ALTER TABLE `workflow_steps` ADD `max_attempts` integer DEFAULT 3 NOT NULL;