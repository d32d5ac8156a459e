-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CONSULTANT', 'MANAGER', 'ADMIN', 'CLIENT_CONTACT');

-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('SLACK', 'TEAMS', 'WEB');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('SLACK', 'TEAMS', 'WEB', 'CLI', 'SYSTEM');

-- CreateEnum
CREATE TYPE "ChatAccountStatus" AS ENUM ('ACTIVE', 'DEAD');

-- CreateEnum
CREATE TYPE "BillingMode" AS ENUM ('REGIE', 'FORFAIT');

-- CreateEnum
CREATE TYPE "Granularity" AS ENUM ('DAY', 'HALF', 'QUARTER');

-- CreateEnum
CREATE TYPE "DayKind" AS ENUM ('WORKED', 'CP', 'RTT', 'SICK', 'TRAINING', 'OTHER');

-- CreateEnum
CREATE TYPE "ApproverRole" AS ENUM ('PRIMARY', 'BACKUP');

-- CreateEnum
CREATE TYPE "CheckInKind" AS ENUM ('DAILY', 'WEEKLY');

-- CreateEnum
CREATE TYPE "CheckInStatus" AS ENUM ('PENDING', 'ANSWERED', 'SKIPPED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "CraStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'PENDING_CLIENT', 'DISPUTED', 'APPROVED', 'INVOICED');

-- CreateEnum
CREATE TYPE "DisputeStatus" AS ENUM ('OPEN', 'CORRECTED', 'MAINTAINED');

-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('MISSING_CHECKINS', 'OVERDUE_VALIDATION', 'DISPUTE', 'PO_BURN_80', 'PO_BURN_100', 'PO_FORECAST_NEGATIVE', 'BLOCKER', 'LOW_MOOD', 'DELIVERY_FAILED', 'UNKNOWN_USER');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'RESOLVED');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RitualRunStatus" AS ENUM ('PLANNED', 'DONE', 'SKIPPED', 'FAILED');

-- CreateTable
CREATE TABLE "Organization" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "timezone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "dailyCheckinTime" TEXT NOT NULL DEFAULT '17:30',
    "weeklyCheckinDay" INTEGER NOT NULL DEFAULT 5,
    "weeklyCheckinTime" TEXT NOT NULL DEFAULT '16:00',
    "quietHoursStart" TEXT NOT NULL DEFAULT '19:00',
    "quietHoursEnd" TEXT NOT NULL DEFAULT '08:30',
    "craCloseRule" TEXT NOT NULL DEFAULT 'LAST_WORKING_DAY',
    "craCloseTime" TEXT NOT NULL DEFAULT '15:00',
    "clientResponseWorkingDays" INTEGER NOT NULL DEFAULT 3,
    "reminderEveryWorkingDays" INTEGER NOT NULL DEFAULT 2,
    "escalateAfterWorkingDays" INTEGER NOT NULL DEFAULT 5,
    "backupAfterWorkingDays" INTEGER NOT NULL DEFAULT 7,
    "tacitAcceptanceWorkingDays" INTEGER NOT NULL DEFAULT 10,
    "catchUpWindowMinutes" INTEGER NOT NULL DEFAULT 180,
    "retentionMonths" INTEGER NOT NULL DEFAULT 24,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "ref" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "locale" TEXT,
    "timezone" TEXT,
    "roles" "Role"[],
    "clientId" UUID,
    "cjm" DECIMAL(12,2),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "erasedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatAccount" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "teamId" TEXT NOT NULL DEFAULT '',
    "externalId" TEXT NOT NULL,
    "conversationId" TEXT,
    "conversationRef" JSONB,
    "status" "ChatAccountStatus" NOT NULL DEFAULT 'ACTIVE',
    "deadReason" TEXT,
    "lastSeenAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ChatAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Client" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "ref" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mission" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "ref" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "clientId" UUID NOT NULL,
    "consultantId" UUID NOT NULL,
    "managerId" UUID NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "region" TEXT NOT NULL DEFAULT 'FR',
    "timezone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "billingMode" "BillingMode" NOT NULL DEFAULT 'REGIE',
    "granularity" "Granularity" NOT NULL DEFAULT 'HALF',
    "cjm" DECIMAL(12,2),
    "whitMondayWorked" BOOLEAN NOT NULL DEFAULT false,
    "tacitAcceptance" BOOLEAN NOT NULL DEFAULT false,
    "checkinsEnabled" BOOLEAN NOT NULL DEFAULT true,
    "dailyCheckinTime" TEXT,
    "weeklyCheckinDay" INTEGER,
    "weeklyCheckinTime" TEXT,
    "clientResponseWorkingDays" INTEGER,
    "reminderEveryWorkingDays" INTEGER,
    "escalateAfterWorkingDays" INTEGER,
    "backupAfterWorkingDays" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Mission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MissionApprover" (
    "id" UUID NOT NULL,
    "missionId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "role" "ApproverRole" NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,

    CONSTRAINT "MissionApprover_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatePeriod" (
    "id" UUID NOT NULL,
    "missionId" UUID NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "tjm" DECIMAL(12,2) NOT NULL,

    CONSTRAINT "RatePeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurchaseOrder" (
    "id" UUID NOT NULL,
    "missionId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "daysOrdered" DECIMAL(8,2) NOT NULL,
    "amount" DECIMAL(14,2),

    CONSTRAINT "PurchaseOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DayEntry" (
    "id" UUID NOT NULL,
    "missionId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "fraction" DECIMAL(4,2) NOT NULL,
    "kind" "DayKind" NOT NULL,
    "note" TEXT,
    "override" BOOLEAN NOT NULL DEFAULT false,
    "source" "Channel" NOT NULL,
    "authorId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DayEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" UUID NOT NULL,
    "missionId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "kind" "CheckInKind" NOT NULL,
    "date" DATE NOT NULL,
    "status" "CheckInStatus" NOT NULL DEFAULT 'PENDING',
    "sentAt" TIMESTAMPTZ(3),
    "answeredAt" TIMESTAMPTZ(3),
    "answeredVia" "Channel",
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckInAnswer" (
    "id" UUID NOT NULL,
    "checkInId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CheckInAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Timesheet" (
    "id" UUID NOT NULL,
    "missionId" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "status" "CraStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT,
    "approverId" UUID,
    "submittedById" UUID,
    "submittedAt" TIMESTAMPTZ(3),
    "sentToClientAt" TIMESTAMPTZ(3),
    "dueAt" TIMESTAMPTZ(3),
    "approvedVersion" INTEGER,
    "approvedHash" TEXT,
    "approvedAt" TIMESTAMPTZ(3),
    "invoicedAt" TIMESTAMPTZ(3),
    "reminderCount" INTEGER NOT NULL DEFAULT 0,
    "lastReminderAt" TIMESTAMPTZ(3),
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "satisfaction" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Timesheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimesheetVersion" (
    "id" UUID NOT NULL,
    "timesheetId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "reason" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedAt" TIMESTAMPTZ(3),
    "supersededAt" TIMESTAMPTZ(3),

    CONSTRAINT "TimesheetVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dispute" (
    "id" UUID NOT NULL,
    "timesheetId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "raisedById" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "DisputeStatus" NOT NULL DEFAULT 'OPEN',
    "resolution" TEXT,
    "resolvedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Dispute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisputedDay" (
    "id" UUID NOT NULL,
    "disputeId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "comment" TEXT,

    CONSTRAINT "DisputedDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" UUID NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "actorId" UUID,
    "channel" "Channel" NOT NULL,
    "version" INTEGER,
    "contentHash" TEXT,
    "data" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "level" INTEGER NOT NULL DEFAULT 0,
    "status" "AlertStatus" NOT NULL DEFAULT 'OPEN',
    "missionId" UUID,
    "timesheetId" UUID,
    "subjectId" UUID,
    "recipientId" UUID,
    "data" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" UUID NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "recipientId" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "updatesId" UUID,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMPTZ(3),
    "claimedBy" TEXT,
    "lastError" TEXT,
    "platformMessageId" TEXT,
    "platformChannelId" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RitualRun" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "ritual" TEXT NOT NULL,
    "missionId" UUID,
    "personId" UUID,
    "localDate" DATE,
    "scheduledFor" TIMESTAMPTZ(3) NOT NULL,
    "status" "RitualRunStatus" NOT NULL DEFAULT 'PLANNED',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RitualRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessedInteraction" (
    "id" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "result" JSONB,

    CONSTRAINT "ProcessedInteraction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchedulerState" (
    "name" TEXT NOT NULL,
    "lastTickAt" TIMESTAMPTZ(3),
    "holder" TEXT,
    "leaseUntil" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SchedulerState_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE INDEX "Person_organizationId_email_idx" ON "Person"("organizationId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "Person_organizationId_ref_key" ON "Person"("organizationId", "ref");

-- CreateIndex
CREATE INDEX "ChatAccount_personId_idx" ON "ChatAccount"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "ChatAccount_platform_teamId_externalId_key" ON "ChatAccount"("platform", "teamId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Client_organizationId_ref_key" ON "Client"("organizationId", "ref");

-- CreateIndex
CREATE INDEX "Mission_consultantId_idx" ON "Mission"("consultantId");

-- CreateIndex
CREATE INDEX "Mission_managerId_idx" ON "Mission"("managerId");

-- CreateIndex
CREATE UNIQUE INDEX "Mission_organizationId_ref_key" ON "Mission"("organizationId", "ref");

-- CreateIndex
CREATE UNIQUE INDEX "MissionApprover_missionId_role_validFrom_key" ON "MissionApprover"("missionId", "role", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "RatePeriod_missionId_validFrom_key" ON "RatePeriod"("missionId", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseOrder_missionId_number_key" ON "PurchaseOrder"("missionId", "number");

-- CreateIndex
CREATE INDEX "DayEntry_personId_date_idx" ON "DayEntry"("personId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "DayEntry_missionId_date_kind_key" ON "DayEntry"("missionId", "date", "kind");

-- CreateIndex
CREATE INDEX "CheckIn_personId_status_idx" ON "CheckIn"("personId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_missionId_kind_date_key" ON "CheckIn"("missionId", "kind", "date");

-- CreateIndex
CREATE UNIQUE INDEX "CheckInAnswer_checkInId_key_key" ON "CheckInAnswer"("checkInId", "key");

-- CreateIndex
CREATE INDEX "Timesheet_status_idx" ON "Timesheet"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Timesheet_missionId_month_key" ON "Timesheet"("missionId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "TimesheetVersion_timesheetId_version_key" ON "TimesheetVersion"("timesheetId", "version");

-- CreateIndex
CREATE INDEX "Dispute_timesheetId_idx" ON "Dispute"("timesheetId");

-- CreateIndex
CREATE UNIQUE INDEX "DisputedDay_disputeId_date_key" ON "DisputedDay"("disputeId", "date");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_createdAt_idx" ON "AuditEvent"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_dedupeKey_key" ON "Alert"("dedupeKey");

-- CreateIndex
CREATE INDEX "Alert_organizationId_status_idx" ON "Alert"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_recipientId_idx" ON "OutboxMessage"("recipientId");

-- CreateIndex
CREATE UNIQUE INDEX "RitualRun_key_key" ON "RitualRun"("key");

-- CreateIndex
CREATE INDEX "RitualRun_ritual_scheduledFor_idx" ON "RitualRun"("ritual", "scheduledFor");

-- CreateIndex
CREATE INDEX "ProcessedInteraction_receivedAt_idx" ON "ProcessedInteraction"("receivedAt");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatAccount" ADD CONSTRAINT "ChatAccount_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Client" ADD CONSTRAINT "Client_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mission" ADD CONSTRAINT "Mission_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mission" ADD CONSTRAINT "Mission_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mission" ADD CONSTRAINT "Mission_consultantId_fkey" FOREIGN KEY ("consultantId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mission" ADD CONSTRAINT "Mission_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MissionApprover" ADD CONSTRAINT "MissionApprover_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MissionApprover" ADD CONSTRAINT "MissionApprover_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatePeriod" ADD CONSTRAINT "RatePeriod_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseOrder" ADD CONSTRAINT "PurchaseOrder_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DayEntry" ADD CONSTRAINT "DayEntry_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DayEntry" ADD CONSTRAINT "DayEntry_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DayEntry" ADD CONSTRAINT "DayEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckInAnswer" ADD CONSTRAINT "CheckInAnswer_checkInId_fkey" FOREIGN KEY ("checkInId") REFERENCES "CheckIn"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Timesheet" ADD CONSTRAINT "Timesheet_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Timesheet" ADD CONSTRAINT "Timesheet_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Timesheet" ADD CONSTRAINT "Timesheet_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimesheetVersion" ADD CONSTRAINT "TimesheetVersion_timesheetId_fkey" FOREIGN KEY ("timesheetId") REFERENCES "Timesheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimesheetVersion" ADD CONSTRAINT "TimesheetVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_timesheetId_fkey" FOREIGN KEY ("timesheetId") REFERENCES "Timesheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisputedDay" ADD CONSTRAINT "DisputedDay_disputeId_fkey" FOREIGN KEY ("disputeId") REFERENCES "Dispute"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_timesheetId_fkey" FOREIGN KEY ("timesheetId") REFERENCES "Timesheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_updatesId_fkey" FOREIGN KEY ("updatesId") REFERENCES "OutboxMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;
