/** The Block Kit JSON Rituel produces (a loose shape: Slack validates it, the test fake checks the limits). */
export interface SlackBlock {
  readonly type: string;
  readonly [key: string]: unknown;
}

/** What chat.postMessage / chat.update receive. */
export interface SlackMessagePayload {
  readonly text: string;
  readonly blocks: SlackBlock[];
}

/** A modal (views.open) or the Home tab (views.publish). */
export interface SlackView {
  readonly type: 'modal' | 'home';
  readonly [key: string]: unknown;
}
