// Materials (資料) for an event, stored in PostgreSQL as bytea or, when configured, as files in
// a directory (material-storage.ts, decision 007).
// Only a short list of document and image types is accepted, and the type is decided from the
// file name's extension *and* checked against the file's first bytes, so a script renamed to
// .pdf is refused; downloads are always served as attachments with nosniff.
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { eventMaterial } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { getEventRow } from './events.js';
import { readMaterialFile, removeMaterialFiles, writeMaterialFile, type MaterialStorageConfig } from './material-storage.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
export const MATERIAL_TYPES: Record<string, { mime: string; magic?: number[] }> = {
  pdf: { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: ZIP },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  png: { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  jpg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  txt: { mime: 'text/plain; charset=utf-8' },
};

/** Keeps the name people gave the file, minus path parts and control characters. */
export function cleanFilename(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-200);
  return cleaned || 'file';
}

/** Decides the stored type, or throws a 415 naming what is accepted. */
export function detectMaterialType(filename: string, bytes: Uint8Array): string {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  const t = MATERIAL_TYPES[ext];
  const accepted = 'PDF・PowerPoint(pptx)・Word(docx)・Excel(xlsx)・PNG・JPEG・テキスト(txt)';
  if (!t || !filename.includes('.')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `この種類のファイルはアップロードできません（${accepted}）。`);
  if (t.magic && !t.magic.every((b, i) => bytes[i] === b))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `ファイルの中身が拡張子（.${ext}）と一致しません。`);
  if (!t.magic) {
    // Text: valid UTF-8 without NUL bytes.
    if (bytes.includes(0)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'テキストファイルとして読めません。');
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'テキストファイルは UTF-8 で保存してください。');
    }
  }
  return t.mime;
}

/**
 * Content-Disposition for any file name: an ASCII fallback plus RFC 5987/6266 `filename*`
 * so Japanese names survive in every browser.
 * @example contentDisposition('研修資料.pdf') // attachment; filename="____.pdf"; filename*=UTF-8''%E7%A0%94…
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const serialize = (m: Pick<typeof eventMaterial.$inferSelect, 'id' | 'eventId' | 'filename' | 'mimeType' | 'size' | 'sha256' | 'createdAt'>) => ({
  id: m.id,
  eventId: m.eventId,
  filename: m.filename,
  mimeType: m.mimeType,
  size: m.size,
  sha256: m.sha256,
  createdAt: m.createdAt.toISOString(),
});

const listColumns = {
  id: eventMaterial.id,
  eventId: eventMaterial.eventId,
  filename: eventMaterial.filename,
  mimeType: eventMaterial.mimeType,
  size: eventMaterial.size,
  sha256: eventMaterial.sha256,
  uploadedBy: eventMaterial.uploadedBy,
  createdAt: eventMaterial.createdAt,
};

export async function uploadMaterial(opts: { db: Db; actor: Actor; eventId: string; file: File; maxBytes: number; storage: MaterialStorageConfig }) {
  const { file } = opts;
  if (file.size > opts.maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `ファイルが大きすぎます（上限 ${Math.round(opts.maxBytes / 1024 / 1024)} MB）。`);
  if (file.size === 0) throw new AppError('VALIDATION_FAILED', 'ファイルが空です。', { fields: [{ field: 'file', label: 'ファイル', message: 'ファイル: 空のファイルです' }] });
  const bytes = Buffer.from(await file.arrayBuffer());
  const filename = cleanFilename(file.name);
  const mimeType = detectMaterialType(filename, bytes);
  const id = newId();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await getEventRow(opts.db, opts.eventId);
  const toDir = opts.storage.kind === 'directory';
  // The file first, then the row: a failed insert removes the file; a row never points at nothing.
  const storageKey = toDir ? await writeMaterialFile(opts.storage, bytes) : null;
  try {
    await opts.db.transaction(async (tx) => {
      await getEventRow(tx, opts.eventId);
      await tx.insert(eventMaterial).values({ id, eventId: opts.eventId, filename, mimeType, size: bytes.length, sha256, content: toDir ? null : bytes, storage: opts.storage.kind, storageKey, uploadedBy: opts.actor.userId });
      await writeAudit(tx, opts.actor.audit, { action: 'event.material_upload', entityType: 'event_material', entityId: id, details: { eventId: opts.eventId, filename, size: bytes.length, storage: opts.storage.kind } });
    });
  } catch (e) {
    await removeMaterialFiles(opts.storage, [storageKey]).catch(() => undefined);
    throw e;
  }
  const [row] = await opts.db.select(listColumns).from(eventMaterial).where(eq(eventMaterial.id, id));
  return serialize(row!);
}

export async function listMaterials(opts: { db: Db; eventId: string }) {
  await getEventRow(opts.db, opts.eventId);
  const rows = await opts.db.select(listColumns).from(eventMaterial).where(eq(eventMaterial.eventId, opts.eventId)).orderBy(asc(eventMaterial.createdAt));
  return { items: rows.map(serialize), total: rows.length, nextCursor: null };
}

/** The material and its bytes, from whichever store holds them (a row keeps where it was written). */
export async function getMaterialContent(opts: { db: Db; eventId: string; id: string; storage: MaterialStorageConfig }) {
  const [row] = await opts.db.select().from(eventMaterial).where(and(eq(eventMaterial.id, opts.id), eq(eventMaterial.eventId, opts.eventId)));
  if (!row) throw notFound('資料');
  const content = row.storage === 'directory' ? await readMaterialFile(opts.storage, row.storageKey ?? '', row.sha256) : row.content;
  if (!content) throw notFound('資料のファイル');
  return { ...row, content };
}

export async function deleteMaterial(opts: { db: Db; actor: Actor; eventId: string; id: string; storage: MaterialStorageConfig }) {
  const key = await opts.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(eventMaterial)
      .where(and(eq(eventMaterial.id, opts.id), eq(eventMaterial.eventId, opts.eventId)))
      .returning({ id: eventMaterial.id, filename: eventMaterial.filename, storageKey: eventMaterial.storageKey });
    if (!row) throw notFound('資料');
    await writeAudit(tx, opts.actor.audit, { action: 'event.material_delete', entityType: 'event_material', entityId: row.id, details: { eventId: opts.eventId, filename: row.filename } });
    return row.storageKey;
  });
  // After the commit: a rolled-back delete keeps its file.
  await removeMaterialFiles(opts.storage, [key]);
}
