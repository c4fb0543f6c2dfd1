ALTER TABLE `run_steps` ADD `connection_id` text;--> statement-breakpoint
ALTER TABLE `run_steps` ADD `connection_name` text;--> statement-breakpoint
ALTER TABLE `run_steps` ADD `account_label` text;