/** The App Home tab: the person's home view (src/rituals/home) published with views.publish. */
import { t } from '../../../i18n/index.js';
import { buildHomeView } from '../../../rituals/home/home-view.js';
import type { ChatActor } from '../../interaction.js';
import { renderBlocks } from '../block-kit/render-message.js';
import { SLACK_LIMITS } from '../block-kit/limits.js';
import { identify } from '../identify.js';
import type { SlackDeps } from '../slack-deps.js';

export async function publishHome(deps: SlackDeps, actor: ChatActor): Promise<void> {
  const person = await identify(deps, actor);
  const view = person
    ? await buildHomeView(deps.prisma, person.personId, deps.now())
    : { locale: deps.defaultLocale, blocks: [{ type: 'section' as const, text: t(deps.defaultLocale, 'home.unknown') }] };
  await deps.client.views.publish({
    user_id: actor.externalId,
    view: { type: 'home', blocks: renderBlocks(view.blocks, view.locale, SLACK_LIMITS.viewBlocks) as never },
  });
}
