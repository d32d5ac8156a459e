import type { TeamsMessageKey } from './teams-fr.js';

/** English texts of the Microsoft Teams adapter (same keys as teams-fr.ts, checked by the type). */
export const teamsEn: Record<TeamsMessageKey, string> = {
  'teams.error.turn': 'Sorry, something went wrong on my side. Nothing was changed; please try again in a moment.',
  'teams.unknownUser':
    'Hello! I cannot find you in Rituel’s organization. Your administrator has been told; they will add you (with your e-mail address or your Microsoft Entra id).',
  'teams.formBelow': 'The form is right below.',
  'teams.home.summary': 'My Rituel home',
  'teams.choose': 'OK',
  'teams.fieldErrors': 'Please fix the fields marked below and submit again.',
  'teams.truncated': 'Message shortened: it was larger than Teams accepts.',
  'teams.unknownUser.alert.text': 'An unknown person wrote to Rituel in Teams',
  'teams.unknownUser.alert.title': 'Unknown person in Teams',
  'teams.unknownUser.alert.body':
    'Somebody Rituel does not know wrote to it in Microsoft Teams (display name: *{name}*). Add them to the organization file with their Entra object id or their e-mail, then import it again.',
  'teams.unknownUser.alert.ids': 'Tenant {tenantId} · Entra object {aadObjectId}',
};
