// The person picker: people grouped by organization, with their role badges.
import { clear, el } from './dom.js';
import { tr } from './texts.js';

const ROLE_CLASS = { CONSULTANT: 'consultant', MANAGER: 'manager', ADMIN: 'admin', CLIENT_CONTACT: 'client' };

function badges(roles) {
  return el('span', { className: 'badges' }, roles.map((role) =>
    el('span', { className: `badge role-${ROLE_CLASS[role] ?? 'other'}`, text: tr(`web.role.${role}`), testid: `badge-${ROLE_CLASS[role] ?? role}` }),
  ));
}

function personButton(person, selectedId, onPick) {
  const selected = person.id === selectedId;
  return el('li', {}, [
    el('button', {
      className: `person${selected ? ' selected' : ''}`,
      testid: `person-${person.ref}`,
      attrs: { type: 'button', 'data-person-id': person.id, 'aria-current': selected ? 'true' : undefined },
      on: { click: () => onPick(person) },
    }, [el('span', { className: 'person-name', text: person.name }), badges(person.roles)]),
  ]);
}

/** Renders the organizations and their people; `onPick(person)` on a click. */
export function renderPeople(container, organizations, selectedId, onPick) {
  clear(container);
  if (organizations.length === 0) {
    container.append(el('p', { className: 'empty', text: tr('web.people.empty'), testid: 'people-empty' }));
    return;
  }
  for (const organization of organizations) {
    const staff = organization.people.filter((p) => !p.roles.includes('CLIENT_CONTACT'));
    const clients = organization.people.filter((p) => p.roles.includes('CLIENT_CONTACT'));
    container.append(
      el('section', { className: 'organization', testid: `organization-${organization.slug}` }, [
        el('h3', { className: 'organization-name', text: organization.name }),
        el('ul', { className: 'people-list' }, staff.map((person) => personButton(person, selectedId, onPick))),
        clients.length > 0 ? el('h4', { className: 'people-group', text: tr('web.people.clients') }) : null,
        clients.length > 0 ? el('ul', { className: 'people-list' }, clients.map((person) => personButton(person, selectedId, onPick))) : null,
      ]),
    );
  }
}

/** Every person of the organizations, by id. */
export function indexPeople(organizations) {
  return new Map(organizations.flatMap((organization) => organization.people.map((person) => [person.id, person])));
}
