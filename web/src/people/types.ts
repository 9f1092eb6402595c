// Shapes of the /api/people answers the pages read: the server's response schemas, never hand-written copies.
import type { Answer } from '../../../src/platform/schemas.ts';
import type { ListAnswer, PersonOut } from '../../../src/people/register/register.schemas.ts';
import type { OutcomeAnswer, OutcomeInput } from '../../../src/people/outcomes/outcomes.schemas.ts';
import type { SheetAnswer } from '../../../src/people/sheet/sheet.schemas.ts';

export type PeopleList = Answer<typeof ListAnswer>;
export type Person = Answer<typeof PersonOut>;
export type Sheet = Answer<typeof SheetAnswer>;
export type OutcomeResult = Answer<typeof OutcomeAnswer>;
export type OutcomeRequest = OutcomeInput;
export type Category = Person['category'];
export type OutcomeKind = NonNullable<Person['outcome']>['kind'];
