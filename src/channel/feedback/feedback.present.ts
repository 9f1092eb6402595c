// How an item is shown: to the public and the holder of its code (redacted texts, no contact, no officer), and to
// officers (original texts; the contact unless withheld by the reporter or masked for a read-only role).
import type { Db } from '../../platform/db/db.ts';
import { addDays } from './feedback.deadline.ts';
import { eventsOf, unitsByIds, userNames, type ItemRow } from './feedback.store.ts';
import { redact } from '../../platform/formats/redact.ts';

const unitRef = (u: { id: number; code: string; full_name: string } | undefined, id: number) =>
  u ? { id: u.id, code: u.code, name: u.full_name } : { id, code: '', name: '' };

/** Vietnam's calendar day of a moment. */
export const vnDay = (at: Date) => new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

export const isOverdue = (i: Pick<ItemRow, 'status' | 'due_on'>, today: string) =>
  i.status !== 'answered' && i.status !== 'closed' && i.due_on < today;

export function reopenUntil(i: ItemRow, reopenDays: number): string | null {
  if (i.close_reason === 'not_competent' || i.close_reason === 'duplicate') return null;
  const at = i.status === 'closed' ? i.closed_at : i.status === 'answered' ? i.answered_at : null;
  return at ? addDays(vnDay(at), reopenDays) : null;
}

export async function presentPublic(db: Db, i: ItemRow, today: string, reopenDays: number) {
  const [units, events] = await Promise.all([unitsByIds(db, [i.located_unit_id, i.unit_id]), eventsOf(db, i.id)]);
  const byId = new Map(units.map((u) => [u.id, u]));
  const hide = i.privacy === 'public' ? [] : [i.reporter_name];
  return {
    code: i.code,
    category: i.category,
    status: i.status as 'received',
    closeReason: i.close_reason as 'resolved' | null,
    closeNote: i.close_note === null ? null : redact(i.close_note, hide),
    forwardedTo: i.forwarded_to,
    title: i.public_title,
    description: i.public_description,
    located: unitRef(byId.get(i.located_unit_id), i.located_unit_id),
    unit: unitRef(byId.get(i.unit_id), i.unit_id),
    receivedOn: i.received_on,
    dueOn: i.due_on,
    overdue: isOverdue(i, today),
    answer: i.public_answer,
    answeredAt: i.answered_at,
    closedAt: i.closed_at,
    rating: i.rating,
    reopenCount: i.reopen_count,
    reopenUntil: reopenUntil(i, reopenDays),
    reporter: i.privacy === 'public' ? i.reporter_name : null,
    timeline: events.map((e) => ({
      at: e.at,
      kind: e.kind,
      note: e.note === null ? null : redact(e.note, hide),
      fromUnit: e.from_name,
      toUnit: e.to_name,
    })),
  };
}

export async function presentOfficer(
  db: Db,
  i: ItemRow,
  today: string,
  reopenDays: number,
  contact: 'shown' | 'masked',
) {
  const base = await presentPublic(db, i, today, reopenDays);
  const assignee = i.assigned_to ? (await userNames(db, [i.assigned_to]))[0] : undefined;
  const withheld = i.privacy === 'withheld';
  return {
    ...base,
    id: i.id,
    privacy: i.privacy as 'public',
    // Withheld: the unit sees neither the name nor the contact, anywhere (the public view never had them).
    reporter: withheld ? null : base.reporter,
    // Withheld: the unit reads the redacted text, so a phone or name written in it does not reach the unit either.
    originalDescription: withheld ? i.public_description : i.description,
    originalAnswer: i.answer,
    routingNote: i.routing_note,
    assignedTo: assignee ? { id: assignee.id, name: assignee.display_name } : null,
    contact:
      withheld || contact === 'masked'
        ? null
        : { name: i.reporter_name, email: i.reporter_email, phone: i.reporter_phone },
    contactHidden: withheld ? ('withheld' as const) : contact === 'masked' ? ('masked' as const) : null,
  };
}
