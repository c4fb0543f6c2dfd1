ALTER TABLE `sessions` ADD `last_seen_at` integer;--> statement-breakpoint
-- Sessions open at the upgrade count as active now: the idle timeout starts from the upgrade, signing nobody out at once.
UPDATE `sessions` SET `last_seen_at` = CAST(strftime('%s', 'now') AS INTEGER) * 1000;
