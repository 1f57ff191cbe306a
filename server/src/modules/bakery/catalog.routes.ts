import {
  ProductBody,
  ProductImportBody,
  ProductPatch,
  ProductQuery,
  SellerBody,
  SellerPatch,
} from '@matriz/shared/api/bakery';
import { IdParams } from '@matriz/shared/api/common';
import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { createProduct } from './create-product.ts';
import { createSeller } from './create-seller.ts';
import { deleteProduct } from './delete-product.ts';
import { importProducts } from './import-products.ts';
import { listProducts } from './products.repo.ts';
import { listSellers } from './sellers.repo.ts';
import { editProduct } from './update-product.ts';
import { editSeller } from './update-seller.ts';
import { presentProduct, presentSeller } from './views.ts';

export function registerCatalogRoutes(app: App, platform: Platform): void {
  const tags = ['bakery'];
  const manageProducts = { access: 'bakery.catalog.manage' as const };
  const manageSellers = { access: 'bakery.sellers.manage' as const };

  app.get(
    '/bakery/products',
    { config: { access: 'bakery.catalog.read' }, schema: { tags, querystring: ProductQuery } },
    async (request) => {
      const q = request.query;
      const rows = await listProducts(bakeryDb(platform.db), {
        q: q.q,
        category: q.category,
        active: q.active === undefined ? undefined : q.active === 'true',
      });
      return { items: rows.map(presentProduct) };
    },
  );

  app.post(
    '/bakery/products',
    { config: manageProducts, schema: { tags, body: ProductBody } },
    async (request, reply) => {
      const product = await createProduct(platform, request.actor, request.body);
      return reply.status(201).send({ product: presentProduct(product) });
    },
  );

  app.patch(
    '/bakery/products/:id',
    { config: manageProducts, schema: { tags, params: IdParams, body: ProductPatch } },
    async (request) => ({
      product: presentProduct(await editProduct(platform, request.actor, request.params.id, request.body)),
    }),
  );

  app.delete(
    '/bakery/products/:id',
    { config: manageProducts, schema: { tags, params: IdParams } },
    async (request) => {
      await deleteProduct(platform, request.actor, request.params.id);
      return { success: true };
    },
  );

  app.post(
    '/bakery/products/import',
    { config: manageProducts, schema: { tags, body: ProductImportBody } },
    async (request) => importProducts(platform, request.actor, request.body.csv),
  );

  app.get(
    '/bakery/sellers',
    {
      config: {
        access: [
          'bakery.sellers.manage',
          'bakery.sales.generate',
          'bakery.history.all',
          'bakery.panel.summary',
        ],
      },
      schema: { tags },
    },
    async () => ({ items: (await listSellers(bakeryDb(platform.db))).map(presentSeller) }),
  );

  app.post(
    '/bakery/sellers',
    { config: manageSellers, schema: { tags, body: SellerBody } },
    async (request, reply) => {
      const body = request.body;
      const seller = await createSeller(platform, request.actor, {
        username: body.username,
        fullName: body.full_name,
        password: body.password,
        commissionPanaderia: body.commission_panaderia,
        commissionBizcocheria: body.commission_bizcocheria,
      });
      return reply.status(201).send({ seller: presentSeller(seller) });
    },
  );

  app.patch(
    '/bakery/sellers/:id',
    { config: manageSellers, schema: { tags, params: IdParams, body: SellerPatch } },
    async (request) => {
      const body = request.body;
      const seller = await editSeller(platform, request.actor, request.params.id, {
        fullName: body.full_name,
        commissionPanaderia: body.commission_panaderia,
        commissionBizcocheria: body.commission_bizcocheria,
        active: body.active,
      });
      return { seller: presentSeller(seller) };
    },
  );

  /** Sellers have history: removing one deactivates it. */
  app.delete(
    '/bakery/sellers/:id',
    { config: manageSellers, schema: { tags, params: IdParams } },
    async (request) => ({
      seller: presentSeller(await editSeller(platform, request.actor, request.params.id, { active: false })),
    }),
  );
}
