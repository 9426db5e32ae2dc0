// The resolve hook of app-peers.mjs: a bare import from a workspace
// package's source (packages/*/src) that its own node_modules cannot
// satisfy is resolved from this example, which lists every framework it
// serves on as a dependency. Anything else is left as it was.
const example = new URL('../package.json', import.meta.url).href;
const packages = new URL('../../../packages/', import.meta.url).href;

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    const bare = !/^(\.|\/|[a-z]+:)/.test(specifier);
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !bare || !context.parentURL?.startsWith(packages)) throw error;
    return next(specifier, { ...context, parentURL: example });
  }
}
