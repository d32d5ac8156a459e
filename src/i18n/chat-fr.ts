/**
 * French texts of the chat layer (the default locale): refusals of the interaction router and
 * texts shared by every conversation. Every key must also exist in chat-en.ts (checked by its type).
 */
export const chatFr = {
  'problem.UNKNOWN_PERSON':
    "Je ne vous connais pas encore : votre compte n'est relié à personne dans Rituel. Demandez à l'administrateur Rituel de votre ESN de vous ajouter.",
  'problem.UNKNOWN_ACTION': 'Ce bouton ne correspond plus à aucune action ({action}) : rien n’a été modifié.',
  'problem.INVALID_INTERACTION': 'Cette demande est mal formée : rien n’a été modifié.',
  'problem.NOT_YOURS': 'Cela ne vous concerne pas : vous ne pouvez agir que sur vos propres check-ins, missions et alertes. Rien n’a été modifié.',
  'problem.NOT_FOUND': 'Introuvable : cet élément n’existe plus. Rien n’a été modifié.',
  'problem.FORBIDDEN': 'Cette action est réservée à un autre rôle. Rien n’a été modifié.',
  'problem.IN_PROGRESS': 'Votre demande est déjà en cours de traitement.',
  'problem.NO_LONGER_POSSIBLE': 'Ce n’est plus possible : {reason}',
  'problem.INTERNAL': 'Un incident nous a empêchés de traiter votre demande ; rien n’a été enregistré. Réessayez dans un instant.',
} as const;

export type ChatMessageKey = keyof typeof chatFr;
