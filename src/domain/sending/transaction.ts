// The transaction options every step of the send pipeline uses: a claim or settlement waits
// behind other writers of the same conversation (its row lock), so it may wait longer than
// Prisma's 2 s default for a connection and run longer than its 5 s default.
export const SEND_TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 };
