/**
 * French texts of the organization file import (the default locale), part of the catalogs of
 * src/i18n/index.ts: the problems reported by parseOrgFile (`org.problem.<CODE>`, with variants
 * `org.problem.<CODE>.<variant>`, rendered by src/org/org-problems.ts, a list value joined with
 * « ou ») and the coded errors of `rituel org import` (`problem.<CODE>`, shown by describeProblem
 * in src/i18n/problems.ts). Every key must also exist in org-en.ts (checked by its type).
 */
import type { OrgImportErrorCode } from '../errors.js';

export const orgFr = {
  // Types and generic checks.
  'org.problem.REQUIRED': 'obligatoire',
  'org.problem.EXPECTED_STRING': 'texte attendu',
  'org.problem.EXPECTED_NUMBER': 'nombre attendu',
  'org.problem.EXPECTED_INTEGER': 'nombre entier attendu',
  'org.problem.EXPECTED_BOOLEAN': 'true ou false attendu',
  'org.problem.EXPECTED_LIST': 'liste attendue',
  'org.problem.EXPECTED_MAPPING': 'bloc « clé: valeur » attendu',
  'org.problem.INVALID_TYPE': 'type attendu : {expected}',
  'org.problem.NOT_EMPTY': 'ne doit pas être vide',
  'org.problem.EXPECTED_ONE_OF': 'valeur attendue : {values}',
  'org.problem.TOO_SMALL': 'valeur minimale : {minimum}',
  'org.problem.TOO_BIG': 'valeur maximale : {maximum}',
  'org.problem.TOO_FEW_ITEMS': 'au moins {minimum} élément(s) attendu(s)',
  'org.problem.TOO_MANY_ITEMS': 'au plus {maximum} élément(s) attendu(s)',
  'org.problem.INVALID_FORMAT': 'format invalide ({format})',
  'org.problem.NOT_MULTIPLE_OF': 'multiple de {divisor} attendu',
  'org.problem.INVALID_VALUE': 'valeur invalide',
  'org.problem.UNKNOWN_KEY': 'clé inconnue « {key} »',
  'org.problem.UNKNOWN_KEY.didYouMean': 'clé inconnue « {key} » (vouliez-vous dire « {suggestion} » ?)',

  // Values.
  'org.problem.EXPECTED_SLUG': 'identifiant attendu : lettres minuscules, chiffres et tirets (acme-conseil)',
  'org.problem.EXPECTED_REF': 'référence attendue : lettres minuscules, chiffres, « . », « _ » et « - » (alice.martin)',
  'org.problem.EXPECTED_DATE': 'date attendue au format AAAA-MM-JJ',
  'org.problem.EXPECTED_TIME': 'heure attendue au format HH:mm',
  'org.problem.EXPECTED_WEEKDAY': 'jour de la semaine attendu, de 1 à 7 (1 = lundi)',
  'org.problem.EXPECTED_WORKING_DAYS': 'nombre entier de jours ouvrés attendu, de {min} à {max}',
  'org.problem.EXPECTED_MONTHS': 'nombre entier de mois attendu, de {min} à {max}',
  'org.problem.EXPECTED_MINUTES': 'nombre entier de minutes attendu, de {min} à {max}',
  'org.problem.EXPECTED_TIME_ZONE': 'fuseau horaire IANA attendu (Europe/Paris)',
  'org.problem.EXPECTED_EMAIL': 'adresse e-mail attendue',
  'org.problem.EXPECTED_POSITIVE_NUMBER': 'nombre positif attendu',
  'org.problem.TOO_MANY_DECIMALS': 'au plus {max} décimales attendues',
  'org.problem.TOO_MANY_INTEGER_DIGITS': 'au plus {max} chiffres attendus avant la virgule',
  'org.problem.EXPECTED_CRA_CLOSE_RULE': 'last-working-day ou day-N attendu (N de 1 à 28)',
  'org.problem.EXPECTED_SLACK_USER_ID': 'identifiant d’utilisateur Slack attendu (U0123ABCD)',
  'org.problem.EXPECTED_SLACK_TEAM_ID': 'identifiant d’espace de travail Slack attendu (T0123ABCD)',
  'org.problem.EXPECTED_ENTRA_OBJECT_ID': 'identifiant d’objet Entra ID attendu (un GUID)',
  'org.problem.EXPECTED_ENTRA_TENANT_ID': 'identifiant de locataire Entra ID attendu (un GUID)',
  'org.problem.EXPECTED_REGION': 'région de calendrier attendue (FR, FR-57, FR-67, FR-68…)',
  'org.problem.EXPECTED_ROLE_LIST': 'liste de rôles attendue : [consultant, manager, admin]',
  'org.problem.NO_ROLE': 'au moins un rôle attendu',

  // The file itself.
  'org.problem.YAML_SYNTAX_ERROR': 'erreur de syntaxe YAML : {detail}',
  'org.problem.YAML_ERROR': 'erreur YAML : {detail}',
  'org.problem.EMPTY_FILE': 'le fichier est vide : organization, people, clients et missions attendus',

  // Rules between sections.
  'org.problem.DUPLICATE_REF': 'référence « {ref} » en double (déjà utilisée ligne {line})',
  'org.problem.DUPLICATE_CLIENT_REF': 'référence de client « {ref} » en double (déjà utilisée ligne {line})',
  'org.problem.DUPLICATE_MISSION_REF': 'référence de mission « {ref} » en double (déjà utilisée ligne {line})',
  'org.problem.DUPLICATE_PURCHASE_ORDER': 'numéro de bon de commande « {number} » en double (déjà utilisé ligne {line})',
  'org.problem.SLACK_ACCOUNT_TAKEN': 'l’utilisateur Slack {userId} est déjà attribué à « {holder} »',
  'org.problem.SLACK_ACCOUNT_TAKEN.anotherPerson': 'l’utilisateur Slack {userId} est déjà attribué à une autre personne',
  'org.problem.TEAMS_ACCOUNT_TAKEN': 'l’utilisateur Teams {aadObjectId} est déjà attribué à « {holder} »',
  'org.problem.TEAMS_ACCOUNT_TAKEN.anotherPerson': 'l’utilisateur Teams {aadObjectId} est déjà attribué à une autre personne',
  'org.problem.UNKNOWN_CLIENT': 'client inconnu « {ref} »',
  'org.problem.UNKNOWN_PERSON': 'personne inconnue « {ref} »',
  'org.problem.CONSULTANT_IS_CLIENT_CONTACT': '« {ref} » est un contact client, pas un consultant',
  'org.problem.NOT_A_CONSULTANT': '« {ref} » n’a pas le rôle consultant',
  'org.problem.MANAGER_IS_CLIENT_CONTACT': '« {ref} » est un contact client, pas un manager de l’ESN',
  'org.problem.NOT_A_MANAGER': '« {ref} » n’a ni le rôle manager ni le rôle admin',
  'org.problem.MISSION_ENDS_BEFORE_START': 'se termine avant le début de la mission ({start})',
  'org.problem.ENDS_BEFORE_START': 'se termine avant de commencer ({from})',
  'org.problem.STARTS_AFTER_MISSION_END': 'commence après la fin de la mission ({end})',
  'org.problem.NOT_A_CLIENT_CONTACT': '« {ref} » n’est pas un contact client',
  'org.problem.NOT_A_CONTACT_OF_CLIENT': '« {ref} » n’est pas un contact du client « {client} »',
  'org.problem.APPROVER_PERIODS_OVERLAP': 'chevauche la période de valideur commençant le {from}',
  'org.problem.BACKUP_APPROVER_PERIODS_OVERLAP': 'chevauche la période de valideur de secours commençant le {from}',
  'org.problem.APPROVER_GAP': 'aucun valideur du {from} au {to}',
  'org.problem.FIRST_APPROVER_AFTER_START': 'le premier valideur doit commencer au plus tard au début de la mission ({start})',
  'org.problem.NO_APPROVER': 'une mission en régie doit avoir au moins un valideur',
  'org.problem.RATE_PERIODS_OVERLAP': 'chevauche la période de TJM commençant le {from}',
  'org.problem.FIRST_RATE_AFTER_START': 'le premier TJM doit commencer au plus tard au début de la mission ({start})',
  'org.problem.NO_RATE': 'une mission en régie doit avoir au moins un TJM',

  // Coded errors of `rituel org import` (CodedError params).
  'problem.FILE_UNREADABLE': 'Impossible de lire {file} : {reason}',
  'problem.ORG_IMPORT_CHAT_ACCOUNT_TAKEN': 'Le compte {platform} {externalId} de « {ref} » appartient à une autre organisation',
} as const satisfies Record<`org.problem.${string}`, string> & Record<`problem.${OrgImportErrorCode}`, string>;

export type OrgMessageKey = keyof typeof orgFr;
