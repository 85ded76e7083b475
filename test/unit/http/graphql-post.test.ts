import type { IncomingMessage, ServerResponse } from 'node:http';

import { handlerChain, isGraphQLPost } from '../../../src/http/graphql-post';
import type { HttpHandler } from '../../../src/http/request-state';

const request = (method: string, url: string) => ({ method, url }) as IncomingMessage;

describe('isGraphQLPost', () => {
  it('takes a POST to /graphql, with or without a query string, and nothing else', () => {
    expect(isGraphQLPost(request('POST', '/graphql'))).toBe(true);
    expect(isGraphQLPost(request('POST', '/graphql?op=x'))).toBe(true);
    // Everything else is express's, as before: other methods, other spellings, other paths.
    for (const [method, url] of [
      ['GET', '/graphql'],
      ['OPTIONS', '/graphql'],
      ['HEAD', '/graphql'],
      ['POST', '/graphql/'],
      ['POST', '/GraphQL'],
      ['POST', '/graphql/x'],
      ['POST', '/graphqlx'],
      ['POST', '/exports/1'],
      ['POST', '//graphql'],
    ]) {
      expect(isGraphQLPost(request(method, url))).toBe(false);
    }
  });
});

describe('handlerChain', () => {
  const res = {} as ServerResponse;
  const run = (handlers: HttpHandler[]) => {
    const errors: unknown[] = [];
    const chain = handlerChain(handlers, (err) => errors.push(err));
    return { errors, go: () => chain(request('POST', '/graphql'), res) };
  };

  it('runs the handlers in order while each goes on, and stops where one answers', async () => {
    const seen: string[] = [];
    const t = run([
      (_q, _s, next) => (seen.push('a'), next()),
      async (_q, _s, next) => (seen.push('b'), next()),
      () => void seen.push('c'),
      () => void seen.push('never'),
    ]);
    t.go();
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(t.errors).toEqual([]);
  });

  it('hands next(err), a throw and a rejected promise to the error handler, and runs nothing after', async () => {
    const after = jest.fn();
    const boom = new Error('boom');
    for (const failing of [
      ((_q, _s, next) => next(boom)) as HttpHandler,
      (() => {
        throw boom;
      }) as HttpHandler,
      (async () => {
        throw boom;
      }) as HttpHandler,
    ]) {
      const t = run([failing, after]);
      t.go();
      await new Promise((r) => setImmediate(r));
      expect(t.errors).toEqual([boom]);
    }
    expect(after).not.toHaveBeenCalled();
  });

  it('goes on past next(null) as express does; a second next() from one handler runs nothing more', async () => {
    const last = jest.fn();
    const t = run([(_q, _s, next) => (next(null), next()), last]);
    t.go();
    await new Promise((r) => setImmediate(r));
    expect(last).toHaveBeenCalledTimes(1);
    expect(t.errors).toEqual([]);
  });

  it('hands on every error, and cuts the connection when the error handler itself fails', async () => {
    const boom = new Error('boom');
    const t = run([
      async (_q, _s, next) => {
        next(boom);
        throw new Error('later');
      },
    ]);
    t.go();
    await new Promise((r) => setImmediate(r));
    expect(t.errors).toEqual([boom, expect.objectContaining({ message: 'later' })]);
    const destroy = jest.fn();
    handlerChain([() => Promise.reject(boom)], () => {
      throw new Error('the handler failed too');
    })(request('POST', '/graphql'), { destroy } as unknown as ServerResponse);
    await new Promise((r) => setImmediate(r));
    expect(destroy).toHaveBeenCalledTimes(1);
  });

  it('reports a chain that runs out without an answer as an error of the service', () => {
    const t = run([(_q, _s, next) => next()]);
    t.go();
    expect(t.errors).toEqual([expect.objectContaining({ message: 'no handler answered POST /graphql' })]);
  });
});
