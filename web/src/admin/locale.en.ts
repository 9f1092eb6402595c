import type { adminVi } from './locale.vi';

// English texts of the administration pages (merged into locales/en.ts as `admin`).
export const adminEn: typeof adminVi = {
  nav: 'Administration', usersNav: 'Accounts and roles', tokensNav: 'API tokens (all)', myTokensNav: 'My API tokens',
  users: {
    title: 'Accounts and roles', search: 'Search by user name, full name or e-mail…', all: 'All', active: 'Active', inactive: 'Switched off',
    username: 'User name', displayName: 'Full name', email: 'E-mail', status: 'Status', grants: 'Roles granted', sessions: 'Sessions / API tokens',
    sessionsValue: '{{sessions}} sessions, {{tokens}} tokens', actions: 'Actions', created: 'Created', noGrants: 'No role yet',
    create: 'Add account', createTitle: 'New account', password: 'First password', passwordHint: 'At least 10 characters. Tell the user through a safe channel.',
    usernameRule: '3–50 characters: letters without diacritics, digits, dot, underscore, hyphen.', created_ok: 'Account {{name}} created.',
    deactivate: 'Switch off', reactivate: 'Switch on',
    deactivateConfirm: 'Switch off the account {{name}}? All its sessions end at once and all its API tokens are revoked (switching it back on does not restore them).',
    reactivateConfirm: 'Switch the account {{name}} back on? The user can sign in again with their current password.',
    deactivated: '{{name}} switched off: {{sessions}} sessions ended, {{tokens}} tokens revoked.', reactivated: '{{name}} switched back on.',
    addGrant: 'Grant a role', addGrantTitle: 'Grant a role to {{name}}', role: 'Role', unit: 'Scope (the unit and every unit under it)',
    unitPlaceholder: 'Type a unit name or code…', unitRequired: 'Choose a unit.', roleRequired: 'Choose a role.', granted: 'Role granted.',
    revokeGrantConfirm: 'Take the role {{role}} at {{unit}} away from {{name}}? It applies from the user\'s next request.',
    grantRevoked: 'Role taken away.', resetPassword: 'Reset password', resetTitle: 'New password for {{name}}',
    resetHint: 'Every session of this account ends at once. Tell the user the new password through a safe channel.', passwordReset: 'New password set.',
    newPassword: 'New password', passwordTooShort: 'The password needs at least 10 characters.', you: '(you)', cancel: 'Cancel', save: 'Save',
  },
  tokens: {
    title: 'My API tokens', allTitle: 'API tokens of every account',
    intro: 'Tokens for software and data-sync scripts, sent as the header "Authorization: Bearer <token>". Each token expires; a read-only token cannot change data. A token cannot create other tokens.',
    name: 'Name', owner: 'Owner', kind: 'Rights', readOnly: 'Read only', readWrite: 'Read and write', created: 'Created', expires: 'Expires',
    lastUsed: 'Last used', never: 'Never', status: 'Status', active: 'Active', expired: 'Expired', revoked: 'Revoked',
    showEnded: 'Also show expired and revoked tokens', create: 'New token', createTitle: 'Create an API token', days: 'Lifetime (days)',
    daysHint: 'At most {{max}} days.', readOnlyLabel: 'Read only (GET)', nameRequired: 'Name it so you recognise it later.',
    createdTitle: 'New API token', createdNote: 'Copy and store this token now: the server keeps only its hash and will not show it again.', close: 'I have stored it',
    revoke: 'Revoke', revokeConfirm: 'Revoke the token "{{name}}"? Software using it is refused at once.', revoked_ok: 'Token revoked.',
    empty: 'No API token yet.',
  },
};
