import { CertificateUploadBody } from '@matriz/shared/api/jobs';
import { AppError } from '../errors.ts';
import type { App } from '../http/types.ts';
import type { Platform } from '../platform.ts';
import { signingCertificateInfo, uploadSigningCertificate } from './sign-pdf.certificate.ts';

const BASE64 = /^[A-Za-z0-9+/\r\n]+={0,2}\s*$/;

/** The operator's signing certificate: upload (base64 JSON with its password) and summary. */
export function registerCertificateRoutes(app: App, platform: Platform): void {
  const access = { access: 'platform.settings.manage' as const };

  app.get('/settings/certificate', { config: access, schema: { tags: ['settings'] } }, async () => ({
    certificate: await signingCertificateInfo(platform),
  }));

  app.post(
    '/settings/certificate',
    { config: access, schema: { tags: ['settings'], body: CertificateUploadBody } },
    async (request, reply) => {
      const { p12_base64, password } = request.body;
      if (!BASE64.test(p12_base64)) throw new AppError('CERTIFICATE_INVALID', 422);
      const p12 = Buffer.from(p12_base64, 'base64');
      const certificate = await uploadSigningCertificate(platform, request.actor, p12, password);
      return reply.status(201).send({ certificate });
    },
  );
}
