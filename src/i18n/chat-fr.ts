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
  // Delivery failures (the dispatcher's alert to the people responsible for someone it cannot reach).
  'delivery.failed.header': 'Message non distribué',
  'delivery.failed.text': 'Rituel n’a pas pu joindre *{name}* sur {platform} : {reason}.',
  'delivery.failed.advice':
    'Vérifiez son compte {platform} et que Rituel y est bien installé pour cette personne : ses prochains messages risquent d’échouer de la même façon.',
  'delivery.failed.ack': 'Bien noté',
  'delivery.platform.SLACK': 'Slack',
  'delivery.platform.TEAMS': 'Microsoft Teams',
  'delivery.platform.WEB': 'le chat web',
  'delivery.reason.exhausted': '{reason}, encore après {attempts} tentatives',
  'delivery.reason.other': 'la plateforme a répondu par l’erreur « {code} »',
  'delivery.reason.NO_ACCOUNT': 'aucun compte sur cette plateforme n’est relié à cette personne',
  'delivery.reason.RECIPIENT_GONE': 'cette personne n’existe plus',
  'delivery.reason.USER_NOT_FOUND': 'la plateforme ne connaît pas (ou plus) cette personne : compte supprimé ou désactivé',
  'delivery.reason.BOT_NOT_INSTALLED': 'Rituel n’est pas installé pour cette personne, ou a été retiré',
  'delivery.reason.CONVERSATION_BLOCKED': 'cette personne a bloqué la conversation avec Rituel',
  'delivery.reason.BOT_DISABLED': 'un administrateur a désactivé Rituel ou bloqué ses messages',
  'delivery.reason.CONVERSATION_NOT_FOUND': 'la conversation avec Rituel est introuvable',
  'delivery.reason.MESSAGE_TOO_BIG': 'le message dépasse la taille acceptée par la plateforme',
  'delivery.reason.NOT_AUTHORIZED': 'la plateforme refuse les identifiants de Rituel',
  'delivery.reason.RATE_LIMITED': 'la plateforme limite le nombre de messages',
  'delivery.reason.UNAVAILABLE': 'la plateforme ne répond pas',
  'delivery.reason.INTERRUPTED': 'l’envoi a été interrompu à chacune de ses tentatives',
  'delivery.reason.UNEXPECTED': 'une erreur inattendue s’est produite',
} as const;

export type ChatMessageKey = keyof typeof chatFr;
