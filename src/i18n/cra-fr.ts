/**
 * French texts of the monthly CRA loop (closing, client validation, disputes, reminders,
 * escalation, reopening). Every key must also exist in cra-en.ts (checked by its type).
 * Light markup: *bold*. {placeholders} are filled by t().
 */
export const craFr = {
  // Calendar view (consultant / manager)
  'craflow.legend': 'Légende : ● travaillé · ◐ demi-journée · ○ absence · ☆ férié · ⚠ à compléter · – hors mission · ▫ week-end',
  'craflow.legend.client': 'Unités facturables par jour (0 = non facturé).',
  'craflow.week': '*Sem. du {day}* : {cells}',
  'craflow.disputed': '⚑ contesté',

  // Month closing (consultant)
  'craflow.close.title': 'CRA {month} — {mission}',
  'craflow.close.intro': 'C’est la clôture du mois : vérifiez votre CRA de *{month}* sur *{mission}* ({client}), puis soumettez-le pour validation.',
  'craflow.close.summary': 'Travaillé : *{worked} j* · demi-journées : {halves} · absences : {absent} j · fériés : {holidays} · hors mission : {outside} j',
  'craflow.close.missing': '⚠ *Jours à compléter* : {days}',
  'craflow.close.complete': 'Tous les jours sont renseignés.',
  'craflow.close.empty': 'Aucune activité ce mois-ci : le CRA sera transmis à zéro jour.',
  'craflow.close.fix': 'Corriger mes jours',
  'craflow.close.submit': 'Soumettre le CRA',
  'craflow.submitted': '✅ CRA *{month}* (*{mission}*) soumis le {when} (version {version}) et envoyé à *{approver}* pour validation.',
  'craflow.submitted.noApprover': '✅ CRA *{month}* (*{mission}*) soumis le {when} (version {version}). Votre responsable le transmettra au client.',
  'craflow.submitted.byManager': '{manager} a soumis votre CRA *{month}* (*{mission}*) pour vous le {when}.',

  // Manager: consultant absent at closing
  'craflow.manager.absent': '{name} est absent(e) à la clôture du CRA *{month}* (*{mission}*). Vous pouvez le soumettre pour lui/elle (tracé à votre nom).',
  'craflow.manager.submitOnBehalf': 'Soumettre pour {name}',
  'craflow.manager.submittedOnBehalf': '✅ CRA soumis pour {name} le {when}.',
  'craflow.manager.noApprover': '⚠ Aucun valideur client n’est défini pour *{mission}* au {day} : le CRA *{month}* de {name} attend. Choisissez un valideur.',

  // Client validation request
  'craflow.request.title': 'CRA à valider — {month}',
  'craflow.request.intro': 'Merci de valider le compte rendu d’activité de *{consultant}* sur la mission *{mission}* pour *{month}* (version {version}).',
  'craflow.request.due': 'Réponse attendue avant le {day}.',
  'craflow.request.tacit': 'Sans réponse avant le {day}, le CRA sera réputé accepté (clause du contrat).',
  'craflow.request.total': 'Total',
  'craflow.request.totalValue': '{days} j',
  'craflow.request.amount': 'Montant HT',
  'craflow.request.line': '{days} j × {tjm} € ({from} – {to}) = {amount} €',
  'craflow.request.po': 'Bon de commande',
  'craflow.request.poValue': '{number} : {ordered} j commandés, {consumed} j consommés, {remaining} j restants',
  'craflow.request.noPo': 'aucun',
  'craflow.request.approve': 'Valider',
  'craflow.request.dispute': 'Contester',
  'craflow.request.satisfaction': 'Satisfaction (facultatif)',
  'craflow.request.reminder': '🔔 Rappel : ce CRA attend votre validation depuis {days} jour(s) ouvré(s).',
  'craflow.request.backup': 'Vous êtes valideur suppléant : {approver} n’a pas répondu.',
  'craflow.request.maintained': 'Réponse de l’ESN à votre contestation : « {answer} ». Le CRA est maintenu tel quel.',
  'craflow.request.approved': '✅ Validé par {name} le {when}.',
  'craflow.request.tacitApproved': '✅ Réputé accepté le {when} (validation tacite prévue au contrat).',
  'craflow.request.disputed': '⚑ Contesté par {name} le {when}. L’ESN revient vers vous.',
  'craflow.request.rerouted': '↪ Demande transmise à {name} le {when}.',
  'craflow.request.superseded': 'Cette version a été remplacée (version {version}).',
  'craflow.request.withdrawn': 'Cette demande n’est plus d’actualité.',
  'craflow.approve.done': 'Merci, le CRA {month} de {consultant} est validé.',
  'craflow.approve.already': 'Ce CRA a déjà été validé le {when}. Rien n’a changé.',
  'craflow.satisfaction.saved': 'Merci pour votre note ({score}/5).',

  // Dispute form
  'craflow.dispute.title': 'Contester le CRA',
  'craflow.dispute.submit': 'Envoyer',
  'craflow.dispute.intro': 'Indiquez le motif et, si la contestation est partielle, les jours concernés.',
  'craflow.dispute.reason': 'Motif',
  'craflow.dispute.days': 'Jours contestés (facultatif, ex. 2026-11-05, 2026-11-06)',
  'craflow.dispute.reasonRequired': 'Le motif est obligatoire.',
  'craflow.dispute.badDays': 'Dates non valides ou hors de la mission ce mois-ci : {days}',
  'craflow.dispute.sent': 'Votre contestation est transmise à l’ESN.',

  // Manager: dispute
  'craflow.alert.dispute': '⚑ *{approver}* conteste le CRA *{month}* de {name} (*{mission}*, version {version}) : « {reason} ».',
  'craflow.alert.disputeDays': 'Jours contestés : {days} (les autres jours ne sont pas contestés).',
  'craflow.alert.disputeAll': 'Contestation de l’ensemble du mois.',
  'craflow.alert.correct': 'Corriger (nouvelle version)',
  'craflow.alert.maintain': 'Maintenir et répondre',
  'craflow.alert.corrected': '✏️ Correction demandée le {when} : version {version} en brouillon.',
  'craflow.alert.maintained': '↩ CRA maintenu le {when}, réponse envoyée au client.',
  'craflow.maintain.title': 'Maintenir le CRA',
  'craflow.maintain.submit': 'Envoyer',
  'craflow.maintain.answer': 'Réponse au client',
  'craflow.maintain.answerRequired': 'La réponse est obligatoire.',
  'craflow.consultant.disputed': '⚑ Votre CRA *{month}* (*{mission}*) est contesté par le client. Votre responsable revient vers vous.',
  'craflow.consultant.correct': '✏️ Votre CRA *{month}* (*{mission}*) est à corriger (version {version}). {days}Corrigez vos jours puis soumettez à nouveau.',
  'craflow.consultant.correctDays': 'Jours contestés : {days}. ',
  'craflow.consultant.approved': '✅ Votre CRA *{month}* (*{mission}*) est validé par le client.',
  'craflow.consultant.reopened': '↺ Votre CRA *{month}* (*{mission}*) est rouvert (version {version}) : « {reason} ». Corrigez vos jours puis soumettez à nouveau.',

  // Manager: overdue validation
  'craflow.alert.overdue': '⏰ Le CRA *{month}* de {name} (*{mission}*) attend la validation de *{approver}* depuis {days} jour(s) ouvré(s).',
  'craflow.alert.remindNow': 'Relancer maintenant',
  'craflow.alert.sendBackup': 'Envoyer au suppléant',
  'craflow.alert.changeApprover': 'Changer de valideur',
  'craflow.alert.reminded': '🔔 Relance envoyée le {when}.',
  'craflow.alert.backupSent': '↪ Envoyé à {name} le {when}.',
  'craflow.alert.noBackup': 'Aucun valideur suppléant n’est défini pour cette mission.',
  'craflow.alert.notPending': 'Ce CRA n’attend plus de validation (statut : {status}).',
  'craflow.changeApprover.title': 'Changer de valideur',
  'craflow.changeApprover.submit': 'Changer',
  'craflow.changeApprover.field': 'Nouveau valideur',
  'craflow.changeApprover.done': 'Demande transmise à {name}.',
  'craflow.changeApprover.same': '{name} est déjà le valideur de ce CRA.',

  // Manager: approved (see approved-message.ts)
  'craflow.approved.text': '✅ Le CRA *{month}* de {name} (*{mission}*) est validé par {approver} le {when} : {days} j, {amount} € HT (version {version}).',
  'craflow.approved.tacit': '✅ Le CRA *{month}* de {name} (*{mission}*) est réputé accepté le {when} (validation tacite) : {days} j, {amount} € HT (version {version}).',
  'craflow.approved.pdf': 'Télécharger le PDF',
  'craflow.approved.reopen': 'Rouvrir',

  // Reopen (admin)
  'craflow.reopen.title': 'Rouvrir le CRA',
  'craflow.reopen.submit': 'Rouvrir',
  'craflow.reopen.reason': 'Motif',
  'craflow.reopen.reasonRequired': 'Le motif est obligatoire.',
  'craflow.reopen.done': '↺ CRA rouvert le {when} : version {version} en brouillon.',

  // Purchase order burn
  'craflow.alert.po80': '📈 Le bon de commande *{number}* (*{mission}*) est consommé à {percent} % ({consumed} j sur {ordered}).',
  'craflow.alert.po100': '🛑 Le bon de commande *{number}* (*{mission}*) est entièrement consommé ({consumed} j sur {ordered}).',
  'craflow.alert.poForecast': '⚠ Le bon de commande *{number}* (*{mission}*) ne couvrira pas la mission : {remaining} j restants pour {planned} j ouvrés prévus d’ici le {end}.',
  'craflow.alert.ack': 'Pris en compte',

  // CLI
  'craflow.cli.submit': 'soumet le CRA d’une mission pour un mois (au nom du consultant, ou de --by)',
  'craflow.cli.reopen': 'rouvre un CRA validé (administrateur) : nouvelle version à faire valider',
  'craflow.cli.by': 'référence de la personne qui soumet (le consultant, son responsable ou un administrateur)',
  'craflow.cli.byAdmin': 'référence de l’administrateur qui rouvre (par défaut : le premier administrateur)',
  'craflow.cli.reason': 'motif de la réouverture (obligatoire)',
  'craflow.cli.submitted': 'CRA {mission} {month} soumis (version {version}), envoyé à {approver} pour validation.',
  'craflow.cli.submittedNoApprover': 'CRA {mission} {month} soumis (version {version}) ; aucun valideur : le responsable est prévenu.',
  'craflow.cli.reopened': 'CRA {mission} {month} rouvert : version {version} en brouillon.',
  'craflow.cli.showSubmitted': 'Soumis le {when} par {by}, valideur : {approver}',
  'craflow.cli.showApproved': 'Validé le {when} par {by} ({channel}), version {version}, empreinte {hash}',
  'craflow.cli.showSuperseded': 'Version {version} remplacée le {when} (validée le {approved})',
  // Problems of the CRA loop
  'problem.CRA_DAYS_CHANGED': 'Les jours ont changé depuis la soumission de la version {version} : choisissez « Corriger » pour envoyer une nouvelle version. Rien n’a été modifié.',
  'problem.CRA_NOT_APPROVER': 'Seul le valideur de ce CRA (ou son suppléant) peut le valider ou le contester. Rien n’a été modifié.',
  'problem.CRA_OWN_APPROVAL': 'Vous ne pouvez pas valider votre propre CRA. Rien n’a été modifié.',
  'problem.CRA_OUTDATED': 'Cette version du CRA (version {version}) n’est plus la version en cours : utilisez la dernière demande reçue. Rien n’a été modifié.',
  'problem.CRA_NOT_PENDING': 'Ce CRA n’attend pas de validation (statut : {status}). Rien n’a été modifié.',
  'problem.CRA_NOT_ALLOWED_SUBMIT': 'Seuls le consultant de la mission, son responsable ou un administrateur peuvent soumettre ce CRA.',
  'problem.CRA_NOT_ALLOWED_MANAGE': 'Seuls le responsable de la mission ou un administrateur peuvent faire cela.',
  'problem.CRA_REOPEN_FORBIDDEN': 'Seul un administrateur de l’ESN peut rouvrir un CRA validé.',
  'problem.CRA_NOT_FOUND': 'Aucun CRA {month} pour cette mission.',
  'problem.CRA_PERSON_NOT_FOUND': 'Personne introuvable : « {ref} ».',
} as const;

export type CraMessageKey = keyof typeof craFr;
