/**
 * Values every replica shares, kept in AppSetting: the signing key of document links (generated
 * once, by whichever process needs it first) and the base URL links are built on.
 */
import { randomBytes } from 'node:crypto';
import type { Db, Tx } from '../db/client.js';

const SIGNING_KEY = 'documents.signing-key';
const BASE_URL = 'documents.base-url';

/** The HMAC key of document links: created once (32 random bytes), then read. Never log it. */
export async function documentSigningKey(prisma: Db | Tx): Promise<Buffer> {
  const existing = await prisma.appSetting.findUnique({ where: { name: SIGNING_KEY } });
  if (existing) return Buffer.from(existing.value, 'base64url');
  // Two processes racing: the first insert wins, both read the winner.
  await prisma.appSetting.createMany({ data: [{ name: SIGNING_KEY, value: randomBytes(32).toString('base64url') }], skipDuplicates: true });
  const row = await prisma.appSetting.findUniqueOrThrow({ where: { name: SIGNING_KEY } });
  return Buffer.from(row.value, 'base64url');
}

/**
 * Records where this deployment serves documents (PUBLIC_URL, else the web chat's loopback
 * origin), or that it serves none (null): rituals and interaction handlers build their links on it.
 */
export async function saveDocumentBaseUrl(prisma: Db, baseUrl: string | null): Promise<void> {
  if (baseUrl === null) {
    await prisma.appSetting.deleteMany({ where: { name: BASE_URL } });
    return;
  }
  const value = baseUrl.replace(/\/+$/, '');
  await prisma.appSetting.upsert({ where: { name: BASE_URL }, create: { name: BASE_URL, value }, update: { value } });
}

/** The base URL of document links, or null when no server serves them. */
export async function readDocumentBaseUrl(prisma: Db | Tx): Promise<string | null> {
  const row = await prisma.appSetting.findUnique({ where: { name: BASE_URL } });
  return row?.value ?? null;
}

/** PUBLIC_URL when set, else the origin of the web chat when it is on, else null (no links). */
export function documentBaseUrlOf(publicUrl: string | undefined, webChatUrl: string | null): string | null {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  if (webChatUrl) return new URL(webChatUrl).origin;
  return null;
}
