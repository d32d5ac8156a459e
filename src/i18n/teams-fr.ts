/**
 * French texts of the Microsoft Teams adapter (the default locale). Every key must also exist in
 * teams-en.ts (checked by its type).
 */
export const teamsFr = {
  'teams.error.turn': 'Désolé, un problème est survenu de mon côté. Rien n’a été modifié ; réessayez dans un instant.',
  'teams.unknownUser':
    'Bonjour ! Je ne vous trouve pas dans l’organisation de Rituel. Votre administrateur a été prévenu ; il vous ajoutera (avec votre adresse e-mail ou votre identifiant Microsoft Entra).',
  'teams.formBelow': 'Le formulaire est juste en dessous.',
  'teams.home.summary': 'Mon espace Rituel',
  'teams.choose': 'OK',
  'teams.fieldErrors': 'Corrigez les champs signalés puis validez à nouveau.',
  'teams.truncated': 'Message raccourci : il dépassait la taille qu’accepte Teams.',
  'teams.unknownUser.alert.text': 'Une personne inconnue a écrit à Rituel dans Teams',
  'teams.unknownUser.alert.title': 'Personne inconnue dans Teams',
  'teams.unknownUser.alert.body':
    'Quelqu’un que Rituel ne connaît pas lui a écrit dans Microsoft Teams (nom affiché : *{name}*). Ajoutez-le au fichier d’organisation avec son identifiant Entra ou son e-mail, puis réimportez-le.',
  'teams.unknownUser.alert.ids': 'Tenant {tenantId} · objet Entra {aadObjectId}',
} as const;

export type TeamsMessageKey = keyof typeof teamsFr;
