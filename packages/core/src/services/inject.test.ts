import 'reflect-metadata';
import { inject as tsInject, injectable, container as rootContainer } from 'tsyringe';
import { describe, expect, test } from 'vitest';
import { DependsApp, depends, header, resolve, type RequestView } from '../index.js';
import { REQUEST, inject } from './index.js';

class Clock {
  now() {
    return 1700000000;
  }
}

@injectable()
class Greeter {
  // constructor injection by type: needs decorator metadata
  constructor(readonly clock: Clock) {}
}

const CURRENT_USER = Symbol('currentUser');

@injectable()
class ItemService {
  static disposed = 0;
  constructor(
    @tsInject(CURRENT_USER) readonly user: string,
    @tsInject(REQUEST) readonly request: RequestView,
  ) {}
  list() {
    return [`${this.user}'s item on ${this.request.path}`];
  }
  dispose() {
    ItemService.disposed++;
  }
}

describe('services through tsyringe', () => {
  test('decorator metadata is emitted: constructor injection by type works', async () => {
    expect(Reflect.getMetadata('design:paramtypes', Greeter)).toEqual([Clock]);
    const g = await resolve(inject(Greeter));
    expect(g.clock.now()).toBe(1700000000);
  });

  test('a class given directly as an input is injected', async () => {
    const app = new DependsApp();
    app.route('GET', '/', { greeter: Greeter }, ({ greeter }) => greeter.clock.now());
    expect((await app.request({ url: '/' })).json()).toBe(1700000000);
  });

  test('services depend on request-scoped values by @inject(token); the request view is registered', async () => {
    const user = depends({ name: header('x_user') }, ({ name }) => name);
    const items = inject(ItemService, { provide: [[CURRENT_USER, user]] });
    const app = new DependsApp();
    app.route('GET', '/items', { items }, ({ items }) => items.list());
    expect((await app.request({ url: '/items', headers: { 'x-user': 'ann' } })).json()).toEqual(["ann's item on /items"]);
    expect((await app.request({ url: '/items', headers: { 'x-user': 'bob' } })).json()).toEqual(["bob's item on /items"]);
  });

  test('each request gets its own child container, disposed at teardown', async () => {
    @injectable()
    class Scoped {
      static created = 0;
      static disposed = 0;
      readonly id = ++Scoped.created;
      dispose() {
        Scoped.disposed++;
      }
    }
    const root = rootContainer.createChildContainer();
    const app = new DependsApp({ container: root });
    app.route('GET', '/', { a: Scoped, b: Scoped }, ({ a, b }) => [a.id, b.id]);
    // the per-request cache gives one instance to both inputs; the next request gets a new one
    const r1 = await app.request({ url: '/' });
    const r2 = await app.request({ url: '/' });
    expect(r1.json()).toEqual([1, 1]);
    expect(r2.json()).toEqual([2, 2]);
    expect(Scoped.created).toBe(2);
  });

  test('the child container is disposed after the request', async () => {
    let disposedWith: string | undefined;
    @injectable()
    class Conn {
      dispose() {
        disposedWith = 'disposed';
      }
    }
    const root = rootContainer.createChildContainer();
    const app = new DependsApp({ container: root });
    app.route('GET', '/', { conn: Conn }, () => 'ok');
    // instances the request's container constructs are tracked and disposed with it
    await app.request({ url: '/' });
    expect(disposedWith).toBe('disposed');
  });
});
