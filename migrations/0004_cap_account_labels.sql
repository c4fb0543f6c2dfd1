-- Account labels were stored as upstream sent them: cut the ones over 200 characters, in connections and in the audit trail.
UPDATE `connections` SET `account_label` = substr(`account_label`, 1, 199) || '…' WHERE length(`account_label`) > 200;--> statement-breakpoint
UPDATE `events` SET `detail` = json_set(`detail`, '$.account', substr(json_extract(`detail`, '$.account'), 1, 199) || '…')
  WHERE json_valid(`detail`) AND length(json_extract(`detail`, '$.account')) > 200;
