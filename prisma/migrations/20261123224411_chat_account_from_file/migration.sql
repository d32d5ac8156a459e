-- AlterTable
ALTER TABLE "ChatAccount" ADD COLUMN     "fromFile" BOOLEAN NOT NULL DEFAULT false;

-- Until now only the organization file created Slack and Teams accounts.
UPDATE "ChatAccount" SET "fromFile" = true WHERE "platform" IN ('SLACK', 'TEAMS');
