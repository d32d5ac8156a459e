/** "aide" / "help" (and any word Rituel does not know): what Rituel does for this person, and the commands. */
import { context, message, section } from '../../chat/build.js';
import type { CommandDefinition } from '../../chat/router/definitions.js';
import { normalizeCommand } from '../../chat/router/router.js';
import { t } from '../../i18n/index.js';

const HELP_WORDS = ['aide', 'help', '?', 'bonjour', 'hello', 'hi', 'salut', ''];

export const helpCommand: CommandDefinition = {
  name: 'help',
  words: HELP_WORDS,
  async handle(ctx) {
    const { locale, person } = ctx;
    const roles: string[] = [];
    if (person.roles.includes('CONSULTANT')) roles.push(t(locale, 'help.consultant'));
    if (person.roles.includes('MANAGER')) roles.push(t(locale, 'help.manager'));
    if (person.roles.includes('CLIENT_CONTACT')) roles.push(t(locale, 'help.client'));
    if (person.roles.includes('ADMIN')) roles.push(t(locale, 'help.admin'));
    const intro = t(locale, 'help.intro', { name: person.name.split(/\s+/)[0] ?? person.name });
    const blocks = [section(intro), ...roles.map((r) => section(r)), section(t(locale, 'help.commands'))];
    const typed = ctx.interaction.kind === 'command' ? ctx.interaction.text : '';
    // Reached for a word Rituel does not know: say so before helping.
    if (!HELP_WORDS.includes(normalizeCommand(typed).word)) {
      blocks.unshift(context(t(locale, 'help.unknown', { text: typed.trim().slice(0, 80) })));
    }
    return { replies: [message(intro.replaceAll('*', ''), blocks)] };
  },
};
