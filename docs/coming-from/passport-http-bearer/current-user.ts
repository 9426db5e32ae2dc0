import { depends, httpBearer, invalidToken, refuse, withScopes } from '@depends/core';
import { users } from '../demo.js';

// new BearerStrategy((token, done) => …): the verify callback, as a dependency over the bearer scheme.
const bearer = httpBearer(); // no token, or not Bearer: 401 + WWW-Authenticate: Bearer
export const currentUser = depends({ auth: bearer }, async ({ auth }) => {
  const user = await users.findByToken(auth.credentials);
  return user ?? refuse(invalidToken()); // done(null, false): 401 + WWW-Authenticate: Bearer error="invalid_token"
});

// done(null, user, { scope }) → req.authInfo.scope, checked by hand: here the scopes the user holds, checked by depends (403).
export const scopedUser = withScopes(currentUser, (user) => user.scopes);
