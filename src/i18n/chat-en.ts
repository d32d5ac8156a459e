import type { ChatMessageKey } from './chat-fr.js';

/** English texts of the chat layer (same keys as chat-fr.ts, checked by the type). */
export const chatEn: Record<ChatMessageKey, string> = {
  'problem.UNKNOWN_PERSON':
    "I don't know you yet: your account is not linked to anybody in Rituel. Ask your ESN's Rituel administrator to add you.",
  'problem.UNKNOWN_ACTION': 'This button no longer matches any action ({action}): nothing was changed.',
  'problem.INVALID_INTERACTION': 'This request is malformed: nothing was changed.',
  'problem.NOT_YOURS': 'This is not yours: you can only act on your own check-ins, missions and alerts. Nothing was changed.',
  'problem.NOT_FOUND': 'Not found: this item no longer exists. Nothing was changed.',
  'problem.FORBIDDEN': 'This action belongs to another role. Nothing was changed.',
  'problem.IN_PROGRESS': 'Your request is already being handled.',
  'problem.NO_LONGER_POSSIBLE': 'This is no longer possible: {reason}',
  'problem.INTERNAL': 'An incident kept us from handling your request; nothing was recorded. Please try again in a moment.',
  'delivery.failed.header': 'Message not delivered',
  'delivery.failed.text': 'Rituel could not reach *{name}* on {platform}: {reason}.',
  'delivery.failed.advice':
    'Check their {platform} account and that Rituel is installed for them: their next messages will probably fail the same way.',
  'delivery.failed.ack': 'Got it',
  'delivery.platform.SLACK': 'Slack',
  'delivery.platform.TEAMS': 'Microsoft Teams',
  'delivery.platform.WEB': 'the web chat',
  'delivery.reason.exhausted': '{reason}, still after {attempts} attempts',
  'delivery.reason.other': 'the platform answered with the error "{code}"',
  'delivery.reason.NO_ACCOUNT': 'no account on this platform is linked to this person',
  'delivery.reason.RECIPIENT_GONE': 'this person no longer exists',
  'delivery.reason.USER_NOT_FOUND': 'the platform does not know this person (any more): account deleted or deactivated',
  'delivery.reason.BOT_NOT_INSTALLED': 'Rituel is not installed for this person, or was removed',
  'delivery.reason.CONVERSATION_BLOCKED': 'this person blocked the conversation with Rituel',
  'delivery.reason.BOT_DISABLED': 'an administrator disabled Rituel or blocked its messages',
  'delivery.reason.CONVERSATION_NOT_FOUND': 'the conversation with Rituel cannot be found',
  'delivery.reason.MESSAGE_TOO_BIG': 'the message is larger than the platform accepts',
  'delivery.reason.NOT_AUTHORIZED': "the platform refuses Rituel's credentials",
  'delivery.reason.RATE_LIMITED': 'the platform limits the number of messages',
  'delivery.reason.UNAVAILABLE': 'the platform does not answer',
  'delivery.reason.INTERRUPTED': 'sending was interrupted at every attempt',
  'delivery.reason.UNEXPECTED': 'an unexpected error occurred',
};
