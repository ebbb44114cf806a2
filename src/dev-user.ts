// The development account's OWNER, whose token GraphiQL sends outside production (README names them).
export const DEV_USER = { name: 'Developer', email: 'dev@parley.local' } as const;
