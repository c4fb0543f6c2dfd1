-- Every hash so far was PBKDF2-SHA256 at 100,000 iterations, salt and hash in base64: fold them into one self-describing string.
UPDATE `users` SET `password_hash` = 'pbkdf2-sha256$100000$' || `password_salt` || '$' || `password_hash` WHERE `password_hash` NOT LIKE 'pbkdf2-sha256$%';--> statement-breakpoint
ALTER TABLE `users` DROP COLUMN `password_salt`;
