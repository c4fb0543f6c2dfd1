DROP INDEX `connections_workspace`;--> statement-breakpoint
ALTER TABLE `connections` ADD `credentials_source` text;--> statement-breakpoint
ALTER TABLE `connections` ADD `credentials_updated_at` integer;--> statement-breakpoint
ALTER TABLE `connections` ADD `credentials_updated_by` text;--> statement-breakpoint
CREATE INDEX `connections_workspace_updated` ON `connections` (`workspace_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `connections_workspace_app_updated` ON `connections` (`workspace_id`,`app_id`,`updated_at`,`id`);--> statement-breakpoint
DROP INDEX `events_connection`;--> statement-breakpoint
CREATE INDEX `events_connection_at` ON `events` (`connection_id`,`at`,`id`);--> statement-breakpoint
DROP INDEX `runs_workflow`;--> statement-breakpoint
CREATE INDEX `runs_workflow_started` ON `runs` (`workflow_id`,`started_at`,`id`);--> statement-breakpoint
DROP INDEX `links_connection`;--> statement-breakpoint
CREATE INDEX `links_connection` ON `links` (`connection_id`,`created_at`,`id`);--> statement-breakpoint
-- Backfill: how each connection's current credentials came, from its latest credential event.
-- Owner-side writes of OAuth apps were sign-ins; the app ids are those of the catalog at this migration.
UPDATE `connections` SET `credentials_source` = CASE
    WHEN coalesce((SELECT `type` FROM `events` WHERE `events`.`connection_id` = `connections`.`id`
        AND `type` IN ('credentials_submitted', 'credentials_updated') ORDER BY `at` DESC, `id` DESC LIMIT 1),
      CASE WHEN `via` = 'link' THEN 'credentials_submitted' END) = 'credentials_submitted' THEN 'client_link'
    WHEN `app_id` IN ('demo-docs', 'facebook-pages', 'gmail', 'google-docs', 'google-sheets', 'slack') THEN 'owner_oauth'
    ELSE 'owner_direct'
  END
  WHERE `credentials_blob` IS NOT NULL;--> statement-breakpoint
UPDATE `connections` SET
  `credentials_updated_at` = coalesce((SELECT max(`at`) FROM `events` WHERE `events`.`connection_id` = `connections`.`id`
    AND `type` IN ('credentials_submitted', 'credentials_updated')), `updated_at`),
  `credentials_updated_by` = CASE WHEN `credentials_source` = 'client_link'
    THEN (SELECT `link_id` FROM `events` WHERE `events`.`connection_id` = `connections`.`id` AND `type` = 'credentials_submitted'
      ORDER BY `at` DESC, `id` DESC LIMIT 1)
    ELSE (SELECT `id` FROM `users` WHERE `users`.`workspace_id` = `connections`.`workspace_id` LIMIT 1)
  END
  WHERE `credentials_source` IS NOT NULL;
