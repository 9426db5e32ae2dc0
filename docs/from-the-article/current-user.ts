import { depends, httpBearer, invalidToken } from '@depends/core';
import { tokens } from './tokens.js';

// Reads `Authorization: Bearer <token>`: missing or not Bearer → 401 + `WWW-Authenticate: Bearer`.
const bearer = httpBearer();

export const currentUser = depends({ credentials: bearer }, ({ credentials }) => {
  const user = tokens.get(credentials.credentials);
  if (!user) throw invalidToken(); // 401 + WWW-Authenticate: Bearer error="invalid_token"
  return user;
});
