import type { DocumentType } from '@hirfa/contracts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import type { AuthUser } from '../../platform/auth/policy.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type BlobStorage, sniffType } from '../../platform/storage/storage.ts';
import * as repo from './applications.repo.ts';
import { sideOf } from './applications.service.ts';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** States in which each side may change the pieces of a file. */
const OPEN_FOR: Record<'applicant' | 'staff', readonly string[]> = {
  applicant: ['draft', 'incomplete'],
  staff: ['draft', 'submitted', 'incomplete', 'resubmitted', 'under_review', 'commission'],
};

export class DocumentsService {
  constructor(
    private readonly db: Db,
    private readonly storage: BlobStorage,
  ) {}

  /** Stores a piece after checking its real type from its content; replaces the previous one of its type. */
  async upload(
    user: AuthUser,
    applicationId: string,
    type: DocumentType,
    bytes: Buffer,
    name: string | null,
    actor: Actor,
  ) {
    if (bytes.byteLength === 0) throw new AppError(400, 'DOCUMENT_EMPTY');
    if (bytes.byteLength > MAX_DOCUMENT_BYTES) throw new AppError(413, 'DOCUMENT_TOO_LARGE');
    const mime = sniffType(bytes);
    if (!mime) throw new AppError(415, 'DOCUMENT_TYPE_REFUSED');
    const app = await repo.getApplication(this.db, applicationId);
    if (!app) throw new AppError(404, 'APPLICATION_NOT_FOUND');
    const side = sideOf(user, app);
    if (!OPEN_FOR[side].includes(app.state)) throw new AppError(409, 'DOCUMENTS_LOCKED');
    // The file is written first: if the transaction then fails, an unreferenced blob remains, never a
    // row pointing at nothing.
    const { key } = await this.storage.put(bytes);
    return this.db.transaction(async (tx) => {
      await repo.supersede(tx, applicationId, type);
      const row = await repo.insertDocument(tx, {
        applicationId,
        type,
        sha256: key,
        sizeBytes: bytes.byteLength,
        mime,
        originalName: name?.slice(0, 200) ?? null,
        uploadedBy: user.id,
      });
      await recordAudit(tx, actor, {
        action: 'document.upload',
        targetType: 'application',
        targetId: applicationId,
        chamberCode: app.chamberCode,
        changes: { documentId: row.id, type, mime, size: bytes.byteLength, sha256: key },
      });
      return row;
    });
  }

  /** The file, for someone allowed to see the application; each viewing is recorded. */
  async read(user: AuthUser, documentId: string, actor: Actor) {
    const doc = await repo.getDocument(this.db, documentId);
    if (!doc) throw new AppError(404, 'DOCUMENT_NOT_FOUND');
    const app = await repo.getApplication(this.db, doc.applicationId);
    if (!app) throw new AppError(404, 'DOCUMENT_NOT_FOUND');
    sideOf(user, app);
    const bytes = await this.storage.get(doc.sha256);
    if (!bytes) throw new AppError(404, 'DOCUMENT_NOT_FOUND');
    await this.db.transaction((tx) =>
      recordAudit(tx, actor, {
        action: 'document.view',
        targetType: 'document',
        targetId: doc.id,
        chamberCode: app.chamberCode,
        changes: { applicationId: app.id, type: doc.type },
      }),
    );
    return { doc, bytes };
  }
}
