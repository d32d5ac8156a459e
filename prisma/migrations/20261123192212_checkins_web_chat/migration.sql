-- CreateEnum
CREATE TYPE "WebMessageAuthor" AS ENUM ('BOT', 'PERSON');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "checkinReminderTime" TEXT NOT NULL DEFAULT '09:00',
ADD COLUMN     "digestDay" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "digestTime" TEXT NOT NULL DEFAULT '09:00',
ADD COLUMN     "silentDaysAlert" INTEGER NOT NULL DEFAULT 3;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "dailyCheckinTime" TEXT;

-- CreateTable
CREATE TABLE "WebMessage" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "author" "WebMessageAuthor" NOT NULL DEFAULT 'BOT',
    "outboxId" UUID,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WebMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WebMessage_outboxId_key" ON "WebMessage"("outboxId");

-- CreateIndex
CREATE INDEX "WebMessage_personId_createdAt_idx" ON "WebMessage"("personId", "createdAt");

-- CreateIndex
CREATE INDEX "WebMessage_personId_updatedAt_idx" ON "WebMessage"("personId", "updatedAt");

-- AddForeignKey
ALTER TABLE "WebMessage" ADD CONSTRAINT "WebMessage_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
