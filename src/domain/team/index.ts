// Who may use an account: its users and API keys, managed by owners.
export { addUser, changeUserRole, removeUser } from './users.js';
export { createApiKey, revokeApiKey } from './api-keys.js';
