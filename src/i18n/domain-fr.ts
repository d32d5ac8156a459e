/**
 * French texts of the domain and service error codes (the default locale), shown to consultants
 * and managers in chat and in the CLI. One text per code ("problem.<CODE>") filled with the
 * problem's `params`, plus more precise texts of some codes ("problem.<CODE>.<variant>").
 * Every key must also exist in domain-en.ts (checked by its type).
 */
import type { DomainErrorCode, ServiceErrorCode } from '../errors.js';

type Code = DomainErrorCode | ServiceErrorCode;

export const domainFr = {
  'problem.INVALID_DATE': 'Date invalide : {value} (format attendu : AAAA-MM-JJ).',
  'problem.INVALID_DATE.offset': 'Le décalage en jours doit être un nombre entier : {offset}.',
  'problem.INVALID_DATE.dateObject': 'Objet Date invalide.',
  'problem.INVALID_DATE.notDateOnly': 'Cette valeur est un instant, pas une date (minuit UTC attendu) : {value}.',
  'problem.INVALID_MONTH': 'Mois invalide : {value} (format attendu : AAAA-MM).',
  'problem.INVALID_MONTH.offset': 'Le décalage en mois doit être un nombre entier : {offset}.',
  'problem.INVALID_YEAR': 'Année invalide : {year}.',
  'problem.INVALID_TIME_ZONE': 'Fuseau horaire inconnu : {timeZone}.',
  'problem.INVALID_TIME': 'Heure invalide : {value} (format attendu : HH:mm).',
  'problem.UNSUPPORTED_REGION': 'Région de calendrier non prise en charge : {region}.',
  'problem.INVALID_FRACTION': 'Fraction de jour invalide : « {value} » (nombre décimal avec un point, par exemple 0.5).',
  'problem.INVALID_FRACTION.notQuarterDays': 'Ce n’est pas un nombre entier de quarts de jour : {value}.',
  'problem.INVALID_FRACTION.quartersNotInteger': 'Le nombre de quarts de jour doit être entier : {value}.',
  'problem.FRACTION_NOT_ALLOWED': 'La fraction {value} n’est pas permise avec la granularité {granularity} (valeurs permises : {allowed}).',
  'problem.INVALID_GRANULARITY': 'Granularité invalide : {granularity} (DAY, HALF ou QUARTER).',
  'problem.INVALID_KIND': 'Type de journée invalide : {kind}.',
  'problem.OUTSIDE_MISSION_WINDOW': 'Le {date} est en dehors de la période de la mission (du {start} au {end}).',
  'problem.OUTSIDE_MISSION_WINDOW.openEnded': 'Le {date} est en dehors de la période de la mission (à partir du {start}).',
  'problem.NON_WORKING_DAY': 'Le {date} n’est pas un jour ouvré.',
  'problem.NON_WORKING_DAY.holidayWork': 'Le {date} est férié ({holiday}) : y déclarer du travail demande une dérogation explicite.',
  'problem.NON_WORKING_DAY.weekendWork': 'Le {date} tombe un week-end : y déclarer du travail demande une dérogation explicite.',
  'problem.NON_WORKING_DAY.holidayAbsence': 'Le {date} est férié ({holiday}) : aucune absence ne peut y être posée.',
  'problem.NON_WORKING_DAY.weekendAbsence': 'Le {date} tombe un week-end : aucune absence ne peut y être posée.',
  'problem.DAY_OVERBOOKED': 'Le {date} totaliserait {total} jour(s) (1 au plus ; déjà {already} ailleurs).',
  'problem.CRA_INVALID_TRANSITION': 'Action « {event} » impossible sur un CRA au statut « {status} ».',
  'problem.CRA_INVALID_VERSION': 'Version de CRA invalide : {version}.',
  'problem.CRA_INCOMPLETE': 'Le CRA est incomplet : {count} jour(s) manquant(s) ({days}).',
  'problem.CRA_INCOMPLETE.noList': 'Le CRA est incomplet.',
  'problem.CRA_VERSION_MISMATCH':
    'La validation porte sur la version {approvedVersion}, qui ne correspond plus au CRA actuel (version {currentVersion}).',
  'problem.CRA_TACIT_NOT_ALLOWED': 'La validation tacite n’est pas prévue pour cette mission.',
  'problem.CRA_REASON_REQUIRED': 'Un motif est obligatoire ({event}).',
  'problem.CRA_REASON_REQUIRED.dispute': 'Un motif est obligatoire pour contester un CRA.',
  'problem.CRA_REASON_REQUIRED.reopen': 'Un motif est obligatoire pour rouvrir un CRA.',
  'problem.CRA_DAY_OUTSIDE_MONTH': 'Jours contestés hors du mois {month} : {days}.',
  'problem.INVALID_AMOUNT': 'Montant invalide ({label}) : {value} (nombre décimal avec un point attendu).',
  'problem.INVALID_RATE_PERIOD': 'Dates invalides dans la période de TJM {period}.',
  'problem.INVALID_RATE_PERIOD.endsBeforeStart': 'La période de TJM se termine avant de commencer : {period}.',
  'problem.RATE_NOT_POSITIVE': 'Le TJM doit être un nombre décimal positif : {tjm} ({period}).',
  'problem.RATE_PERIODS_OVERLAP': 'Des périodes de TJM se chevauchent : {period} et {otherPeriod}.',
  'problem.NO_RATE_FOR_DATE': 'Aucun TJM ne couvre le {date}.',
  'problem.INVALID_DAYS': 'Nombre de jours invalide ({label}) : {value}.',
  'problem.INVALID_DAYS.negative': 'Nombre de jours négatif ({label}) : {value}.',

  'problem.LEAVE_OVER_WORK': 'Le {date} est déjà déclaré travaillé : corrigez ce jour avant d’y poser un congé.',
  'problem.CRA_LOCKED': 'Le CRA {month} est {status} : un administrateur de l’ESN doit le rouvrir avant toute modification des jours.',
  'problem.CRA_SUBMITTED':
    'Le CRA {month} est soumis ({status}) : les jours se modifient par une contestation ou une correction.',
  'problem.MISSION_NOT_FOUND': 'Mission introuvable : « {ref} ».',
  'problem.MISSION_NOT_FOUND.inOrganization': 'Mission introuvable : « {ref} » dans {organization}.',
  'problem.MISSION_AMBIGUOUS': 'Plusieurs organisations ont une mission « {ref} » ({organizations}) : ajoutez --org <slug>.',
  'problem.ORGANIZATION_NOT_FOUND': 'Organisation introuvable : « {slug} ».',
  'problem.ORGANIZATION_NOT_FOUND.none': 'Aucune organisation pour l’instant : importez-en une avec « rituel org import <fichier> ».',
  'problem.ORGANIZATION_REQUIRED': 'Plusieurs organisations existent ({organizations}) : ajoutez --org <slug>.',

  /** A problem about one mission, when its text does not name the mission itself. */
  'problemContext.mission': 'Mission {mission} : {problem}',
} as const satisfies Record<`problem.${Code}`, string> &
  Record<`problem.${Code}.${string}`, string> &
  Record<'problemContext.mission', string>;

export type DomainMessageKey = keyof typeof domainFr;
