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
};
