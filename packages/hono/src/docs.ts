/**
 * The docs routes (internal): the OpenAPI document, the Swagger UI page and
 * its local assets, as answers any adapter writes.
 */
import { docsAsset, jsonAnswer, swaggerUiHtml, type Answer, type OpenAPIDocument } from '@depends/core';

/**
 * Where `d.docs()` serves the document and the page.
 *
 * @example
 * ```ts
 * d.docs(app, { openapiPath: '/api/openapi.json', docsPath: '/api/docs', title: 'Todo API' })
 * ```
 */
export interface DocsOptions {
  /** Path of the JSON document (default `/openapi.json`). */
  openapiPath?: string;
  /** Path of the Swagger UI page (default `/docs`); its assets are served under it. */
  docsPath?: string;
  /** Title of the page (default: the document's title). */
  title?: string;
}

/** One docs route: a colon path, and the answer for its parameters. */
export interface DocsRoute {
  readonly path: string;
  answer(params: Record<string, string>): Answer;
}

/** The three docs routes, for any adapter to register as GET routes. */
export function docsRoutes(document: () => OpenAPIDocument, options: DocsOptions): DocsRoute[] {
  const openapiPath = options.openapiPath ?? '/openapi.json';
  const docsPath = (options.docsPath ?? '/docs').replace(/\/$/, '');
  let json: [OpenAPIDocument, Answer] | undefined;
  let page: Answer | undefined;
  return [
    {
      path: openapiPath,
      answer: () => {
        const doc = document();
        if (json?.[0] !== doc) json = [doc, jsonAnswer(200, doc)];
        return json[1];
      },
    },
    {
      path: docsPath || '/',
      answer: () =>
        (page ??= {
          status: 200,
          headers: [['content-type', 'text/html; charset=utf-8']],
          body: swaggerUiHtml({ openapiUrl: openapiPath, title: options.title ?? document().info.title, assetsPath: docsPath }),
        }),
    },
    {
      path: `${docsPath}/:file`,
      answer: ({ file }) => {
        const asset = docsAsset(file);
        if (!asset) return jsonAnswer(404, { detail: 'Not Found' });
        return { status: 200, headers: [['content-type', asset.contentType], ['cache-control', 'public, max-age=86400']], body: asset.body };
      },
    },
  ];
}
