/** Modal submissions (Rituel's forms: callback_id = the form's action id). */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../slack-deps.js';
import { viewSubmissionHandler } from './view-submission.js';

export function register(app: App, deps: SlackDeps): void {
  app.view({ type: 'view_submission' }, viewSubmissionHandler(deps));
}
