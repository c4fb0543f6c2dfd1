ALTER TABLE `api_tokens` ADD `scope` text DEFAULT 'write' NOT NULL;--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `expires_at` integer;--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `reveal_until` integer;--> statement-breakpoint
CREATE INDEX `api_tokens_user` ON `api_tokens` (`user_id`);--> statement-breakpoint
-- Tokens minted before expiry existed get the default 90 days from this migration's run rather than none: whoever holds
-- them is unknown, and Settings now shows the date, so their owners have 90 days to mint scoped replacements. Scope stays
-- 'write' (the default above), which is what they could do until now.
UPDATE `api_tokens` SET `expires_at` = CAST(strftime('%s', 'now') AS INTEGER) * 1000 + 7776000000 WHERE `expires_at` IS NULL;
