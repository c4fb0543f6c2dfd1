ALTER TABLE `connections` ADD `last_checked_at` integer;--> statement-breakpoint
ALTER TABLE `connections` ADD `last_error` text;--> statement-breakpoint
ALTER TABLE `connections` ADD `next_check_at` integer;--> statement-breakpoint
ALTER TABLE `connections` ADD `check_failures` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `connections` ADD `check_claimed_until` integer;--> statement-breakpoint
CREATE INDEX `connections_health_due` ON `connections` (`status`,`next_check_at`);--> statement-breakpoint
-- Credentials were verified when they were written; each working connection gets a first check within the day.
UPDATE `connections` SET `last_checked_at` = `credentials_updated_at`,
  `next_check_at` = coalesce(`credentials_updated_at`, 0) + abs(random() % 86400000)
  WHERE `status` = 'active' AND `needs_reconnect` = 0;
