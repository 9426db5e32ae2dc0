import express from 'express';
import { Router, depends, httpBearer, invalidToken, path, refuse, security, withScopes } from '@depends/core';
import { createDepends, type DependsExpress } from '@depends/express';
import { notes, users } from '../demo.js';

// AuthGuard.canActivate(): the token read through a security scheme, which the document learns (no @ApiBearerAuth()).
const bearer = httpBearer();
export const currentUser = withScopes(
  depends({ auth: bearer }, async ({ auth }) => (await users.findByToken(auth.credentials)) ?? refuse(invalidToken())),
  (user) => user.scopes, // what RolesGuard compares with the route's metadata
);

export function notesApp(): { app: express.Express; d: DependsExpress } {
  // @Controller('notes') @UseGuards(AuthGuard, RolesGuard): each route declares what it needs.
  const controller = new Router({ tags: ['notes'] });
  controller.get('/notes', { user: currentUser }, ({ user }) => notes.of(user.name)); // @Get() list(@Req() req)
  controller.delete(
    '/notes/{id}',
    { user: security(currentUser, { scopes: ['notes:write'] }), id: path('id') }, // @Delete(':id') @Roles('notes:write')
    ({ id }) => ({ deleted: id }),
  );

  const app = express();
  const d = createDepends({ title: 'Notes', version: '1.0.0' });
  d.mount(app, controller);
  d.docs(app);
  return { app, d };
}
