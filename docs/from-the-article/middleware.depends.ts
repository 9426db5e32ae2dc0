import express from 'express';
import { Router } from '@depends/core';
import { createDepends } from '@depends/express';
import { currentUser } from './current-user.js';

export function middlewareApp(): express.Express {
  const open = new Router();
  open.get('/status', {}, () => ({ status: 'ok' }));

  // FastAPI's APIRouter(dependencies=[Depends(current_user)]): every route below needs a valid token.
  const v1 = new Router({ prefix: '/v1', dependencies: [currentUser] });
  v1.get('/notes', { user: currentUser }, ({ user }) => [{ text: 'mine', owner: user.name }]);

  const app = express();
  const d = createDepends({ title: 'Notes', version: '1.0.0' });
  d.mount(app, open);
  d.mount(app, v1);
  d.docs(app);
  return app;
}
