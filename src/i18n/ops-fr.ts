/**
 * French texts of operations: the privacy (GDPR) and backup commands and their errors. Every key
 * must also exist in ops-en.ts (checked by its type).
 */
export const opsFr = {
  'ops.cli.privacy': 'Données personnelles (RGPD) : export, effacement, purge de rétention',
  'ops.cli.privacy.export': 'Exporte en JSON toutes les données d’une personne',
  'ops.cli.privacy.erase': 'Efface les données personnelles d’une personne (les CRA approuvés restent, pseudonymisés)',
  'ops.cli.privacy.purge': 'Purge ce qui dépasse la durée de conservation de chaque organisation (retentionMonths)',
  'ops.cli.privacy.person': 'ref de la personne (fichier d’organisation) ou son identifiant',
  'ops.cli.privacy.out': 'écrit l’export dans ce fichier (sinon sur la sortie standard)',
  'ops.cli.privacy.yes': 'confirme l’effacement (irréversible)',
  'ops.cli.privacy.dryRun': 'compte sans rien effacer',
  'ops.cli.org': 'slug de l’organisation quand plusieurs ont cette ref',
  'ops.cli.json': 'résultat en JSON',
  'ops.cli.backup': 'Sauvegarde la base embarquée dans un fichier (archive tar.gz)',
  'ops.cli.backup.file': 'fichier de sauvegarde',
  'ops.cli.restore': 'Restaure la base embarquée depuis une sauvegarde',
  'ops.cli.restore.force': 'remplace la base existante de DATA_DIR',
  'ops.privacy.exported': 'Données de {ref} exportées dans {file}.',
  'ops.privacy.erased':
    '{ref} est effacé(e) : désormais « {pseudonym} ». Comptes de chat supprimés : {chatAccounts} ; réponses de check-in : {checkInAnswers} ; messages : {webMessages} ; envois : {outboxMessages} ; mentions pseudonymisées : {pseudonymized}.',
  'ops.privacy.alreadyErased': 'Cette personne est déjà effacée ({pseudonym}) : rien à faire.',
  'ops.privacy.auditMentions': 'Attention : {count} ligne(s) du journal d’audit (non modifiable) mentionnent encore son nom ou son e-mail.',
  'ops.privacy.confirm': 'L’effacement est irréversible : relancez avec --yes pour confirmer.',
  'ops.privacy.purged':
    'Purge de rétention{dryRun} : réponses de check-in {checkInAnswers}, notes de jours {dayNotes}, messages du chat web {webMessages}, contenus d’envois {outboxPayloads}, interactions traitées {processedInteractions}.',
  'ops.privacy.dryRun': ' (simulation, rien n’est effacé)',
  'ops.backup.done': 'Base embarquée sauvegardée dans {file} ({bytes} octets).',
  'ops.backup.restored': 'Base embarquée restaurée dans {dir}.',
  'ops.backup.postgres': 'DATABASE_URL désigne PostgreSQL : utilisez pg_dump / pg_restore (voir docs/deploy.md).',
  'problem.PRIVACY_PERSON_NOT_FOUND': 'Personne introuvable : « {ref} ».',
  'problem.PRIVACY_PERSON_AMBIGUOUS': 'Plusieurs organisations ont une personne « {ref} » ({organizations}) : ajoutez --org <slug>.',
  'problem.BACKUP_DATABASE_IN_USE': 'La base embarquée de {dir} est utilisée par le processus {pid} : arrêtez-le d’abord.',
  'problem.BACKUP_NO_DATABASE': 'Aucune base embarquée dans {dir}.',
  'problem.BACKUP_FILE_INVALID': '{file} n’est pas une sauvegarde de base embarquée : rien n’a été modifié.',
  'problem.BACKUP_FILE_UNREADABLE': 'Impossible de lire la sauvegarde {file}.',
  'problem.ORG_IMPORT_PERSON_ERASED': 'Personne effacée (RGPD) présente dans le fichier : {refs}. Retirez-la du fichier : ses données ne sont pas réimportées.',
  'problem.BACKUP_TARGET_NOT_EMPTY': '{dir} contient déjà une base : ajoutez --force pour la remplacer.',
  // Answers of the HTTP server to requests it cannot read (src/http/server.ts).
  'http.error.INVALID_JSON': 'Le corps de la requête n’est pas du JSON valide : rien n’a été modifié.',
  'http.error.PAYLOAD_TOO_LARGE': 'Le corps de la requête est trop volumineux : rien n’a été modifié.',
  'http.error.UNSUPPORTED_MEDIA_TYPE': 'Encodage ou jeu de caractères du corps non pris en charge : rien n’a été modifié.',
  'http.error.INVALID_INPUT': 'Requête illisible : rien n’a été modifié.',
  'http.error.INTERNAL': 'Erreur inattendue : rien n’a été modifié, réessayez dans un instant.',
} as const;

export type OpsMessageKey = keyof typeof opsFr;
