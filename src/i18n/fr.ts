/** French texts (the default locale). Every key must also exist in en.ts (checked by the type). */
export const fr = {
  'server.started': 'Rituel écoute sur http://{host}:{port} (base {database}).',
  'server.noPlatform':
    "Aucune plateforme de chat n'est configurée (ni Slack ni Teams) : Rituel tourne avec le chat web local seulement.",
  'server.platforms': 'Plateformes configurées : {platforms}.',
  'server.stopping': 'Arrêt de Rituel…',
  'db.migrated': '{count} migration(s) appliquée(s) : {names}.',
  'db.upToDate': 'La base de données est à jour.',
  'org.imported':
    'Organisation « {slug} » importée : {created} créé(s), {updated} modifié(s), {unchanged} inchangé(s), {deactivated} désactivé(s).',
  'org.invalid': 'Le fichier {file} contient {count} erreur(s) ; rien n’a été écrit :',
  'days.set': '{date} sur {mission} : {fraction} jour(s) {kind} enregistré(s).',
  'error.notFound': '{what} introuvable : {ref}.',
  'error.generic': 'Erreur : {message}',
  'kind.WORKED': 'travaillé',
  'kind.CP': 'congé payé',
  'kind.RTT': 'RTT',
  'kind.SICK': 'maladie',
  'kind.TRAINING': 'formation',
  'kind.OTHER': 'autre absence',
  'cra.status.DRAFT': 'brouillon',
  'cra.status.SUBMITTED': 'soumis',
  'cra.status.PENDING_CLIENT': 'en attente du client',
  'cra.status.DISPUTED': 'contesté',
  'cra.status.APPROVED': 'validé',
  'cra.status.INVOICED': 'facturé',
  'cra.header': 'CRA {month} — {mission} ({client}) — statut : {status}, version {version}',
  'cra.total': 'Total travaillé : {days} jour(s) — montant : {amount} €',
  'cra.missing': 'Jours manquants : {days}',
  'calendar.header': 'Calendrier {month} ({region}) : {workingDays} jours ouvrés',
  'kpi.header': 'Indicateurs {month}',
} as const;

export type MessageKey = keyof typeof fr;
