import {
  DocumentBody,
  DocumentPatch,
  DocumentQuery,
  ReasonBody,
  ReassignBody,
} from '@matriz/shared/api/bakery';
import { IdParams } from '@matriz/shared/api/common';
import { notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { annulDocument } from './annul-document.ts';
import { bakeryDb } from './bakery.repo.ts';
import { createDocument } from './create-document.ts';
import { findDocument } from './documents.repo.ts';
import { editDocument } from './edit-document.ts';
import { reassignDocument } from './reassign-document.ts';
import { searchDocuments } from './search-documents.ts';
import { sellerScope, viewerOf } from './viewer.ts';
import { presentDocument } from './views.ts';

export function registerDocumentRoutes(app: App, platform: Platform): void {
  const tags = ['bakery'];
  const readers = ['bakery.documents.own', 'bakery.documents.manage', 'bakery.history.all'] as const;
  const writers = ['bakery.documents.own', 'bakery.documents.manage'] as const;
  const manage = { access: 'bakery.documents.manage' as const };

  app.get(
    '/bakery/documents',
    { config: { access: readers }, schema: { tags, querystring: DocumentQuery } },
    async (request) => {
      const q = request.query;
      return searchDocuments(platform, viewerOf(request.auth), {
        sellerId: q.seller_id,
        kind: q.kind,
        status: q.status,
        from: q.from,
        to: q.to,
        code: q.code,
        page: q.page,
        pageSize: q.page_size,
      });
    },
  );

  app.get(
    '/bakery/documents/:id',
    { config: { access: readers }, schema: { tags, params: IdParams } },
    async (request) => {
      const viewer = viewerOf(request.auth);
      const document = await findDocument(bakeryDb(platform.db), request.params.id, sellerScope(viewer));
      if (!document) throw notFound('bakery_document', request.params.id);
      return { document: presentDocument(document) };
    },
  );

  app.post(
    '/bakery/documents',
    { config: { access: writers }, schema: { tags, body: DocumentBody } },
    async (request, reply) => {
      const body = request.body;
      const document = await createDocument(platform, request.actor, viewerOf(request.auth), {
        kind: body.kind,
        date: body.date,
        sellerId: body.seller_id,
        comments: body.comments,
        lines: body.lines,
      });
      return reply.status(201).send({ document: presentDocument(document) });
    },
  );

  app.patch(
    '/bakery/documents/:id',
    { config: manage, schema: { tags, params: IdParams, body: DocumentPatch } },
    async (request) => ({
      document: presentDocument(await editDocument(platform, request.actor, request.params.id, request.body)),
    }),
  );

  app.post(
    '/bakery/documents/:id/reassign',
    { config: manage, schema: { tags, params: IdParams, body: ReassignBody } },
    async (request) => ({
      document: presentDocument(
        await reassignDocument(
          platform,
          request.actor,
          request.params.id,
          request.body.seller_id,
          request.body.reason,
        ),
      ),
    }),
  );

  app.post(
    '/bakery/documents/:id/annul',
    { config: manage, schema: { tags, params: IdParams, body: ReasonBody } },
    async (request) => ({
      document: presentDocument(
        await annulDocument(platform, request.actor, request.params.id, request.body.reason),
      ),
    }),
  );
}
