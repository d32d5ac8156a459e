/**
 * A large organization for the resilience tests: one ESN with `consultants` consultants, each on
 * one régie mission at one client, linked to Slack by the organization file (member id and
 * workspace), plus a few managers and client approvers (without Slack: they get nothing today).
 * Missions start on `start`, so that on that day the only thing due is the daily check-in (17:30).
 */
import type { Db } from '../../../src/db/client.js';
import { importOrganizationYaml } from '../../../src/org/import-organization.js';
import type { FakeSlack } from '../../helpers/fake-slack.js';

export interface BigOrgOptions {
  readonly consultants: number;
  /** First day of every mission (YYYY-MM-DD). */
  readonly start: string;
  /** The Slack workspace id of the people (the fake Slack's team). */
  readonly teamId: string;
  /** Managers sharing the missions (default 20). */
  readonly managers?: number;
}

export interface BigOrgConsultant {
  readonly ref: string;
  readonly email: string;
  readonly slackUserId: string;
}

export interface BigOrg {
  /** The organization file, YAML. */
  readonly yaml: string;
  readonly consultants: readonly BigOrgConsultant[];
}

const pad = (n: number) => String(n).padStart(5, '0');

export function bigOrganization(options: BigOrgOptions): BigOrg {
  const managers = options.managers ?? 20;
  const consultants: BigOrgConsultant[] = Array.from({ length: options.consultants }, (_, i) => ({
    ref: `c${pad(i + 1)}`,
    email: `c${pad(i + 1)}@grande-esn.example`,
    slackUserId: `U1C${pad(i + 1)}`,
  }));
  const lines: string[] = [
    'organization:',
    '  slug: grande-esn',
    '  name: Grande ESN',
    '  locale: fr',
    '  timezone: Europe/Paris',
    'people:',
  ];
  for (let m = 1; m <= managers; m++) {
    lines.push(`  - { ref: m${pad(m)}, name: "Manager ${m}", email: m${pad(m)}@grande-esn.example, roles: [manager] }`);
  }
  for (const [i, c] of consultants.entries()) {
    lines.push(
      `  - { ref: ${c.ref}, name: "Consultant ${i + 1}", email: ${c.email}, roles: [consultant], slack: { userId: ${c.slackUserId}, teamId: ${options.teamId} } }`,
    );
  }
  lines.push('clients:', '  - ref: client-1', '    name: Client Un', '    contacts:', '      - { ref: approver-1, name: "Approver Un", email: approver@client-un.example }');
  lines.push('missions:');
  for (const [i, c] of consultants.entries()) {
    lines.push(
      `  - ref: mission-${c.ref}`,
      `    title: "Mission ${i + 1}"`,
      '    client: client-1',
      `    consultant: ${c.ref}`,
      `    manager: m${pad((i % managers) + 1)}`,
      `    start: ${options.start}`,
      '    approvers: [{ person: approver-1, from: ' + options.start + ' }]',
      '    rates: [{ from: ' + options.start + ', tjm: 600 }]',
    );
  }
  return { yaml: `${lines.join('\n')}\n`, consultants };
}

/** Imports the organization file into the database (throws when it is refused). */
export async function importBigOrganization(prisma: Db, org: BigOrg): Promise<void> {
  const result = await importOrganizationYaml({ prisma, text: org.yaml });
  if (!result.ok) throw new Error(`big organization refused: ${JSON.stringify(result.problems.slice(0, 5))}`);
}

/** The fake Slack learns every consultant (with their email). */
export function addSlackUsers(fake: FakeSlack, org: BigOrg, teamId: string): void {
  for (const [i, c] of org.consultants.entries()) fake.addUser({ id: c.slackUserId, teamId, email: c.email, name: `Consultant ${i + 1}` });
}

/** The DM channel the fake Slack opens for a user. */
export const dmChannelOf = (slackUserId: string) => `D${slackUserId}`;

