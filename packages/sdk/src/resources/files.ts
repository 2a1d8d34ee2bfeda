import {
  type DeleteFileReq,
  type DeleteFileResp,
  deleteFile,
  type FileObject,
  type FilePurpose,
  type ListFileResp,
  listFiles,
  type RetrieveFileResp,
  retrieveFile,
  retrieveFileContent,
  type UploadFileData,
  type UploadFileResp,
  uploadFile,
} from '@minimax-ts/generated';
import { type APIPromise, checkedCall } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/client-options.ts';
import { InvalidArgumentError } from '../core/invalid-argument-error.ts';
import { type Page, PagePromise } from '../core/pagination.ts';
import { APIResource } from '../core/resource.ts';
import { checkIdFields, int64Id } from '../internal/ids.ts';
import { idKeys } from '../internal/lossless-json.ts';
import { defineOperation } from '../internal/operation.ts';
import { binaryAnswer } from '../internal/read-binary.ts';
import { FileContent } from '../lib/file-content.ts';
import { fileForUpload, normalizeUpload, streamingMultipart, type Uploadable } from '../lib/upload-input.ts';

export type { FileObject, FilePurpose };
export type UploadPurpose = UploadFileData['body']['purpose'];

export interface FileUploadParams {
  /** The content: a Blob/File, bytes, a string, or a stream (sent without buffering, and then never retried). */
  file: Uploadable;
  purpose: UploadPurpose;
  /**
   * MiniMax checks the extension (mp3, m4a, wav, txt, zip, mp4…). Default: the File's name, else `upload.<ext>` from the
   * Blob's type or `contentType` (`audio/mpeg` → `upload.mp3`); with neither, `InvalidArgumentError`.
   */
  filename?: string;
  /** The part's content type, a MIME type such as `audio/mpeg` (default from the Blob, else `application/octet-stream`). */
  contentType?: string;
}

export interface FileListParams {
  /**
   * The purpose to list. MiniMax's reference marks it required while its official CLI lists without it (every
   * purpose): send it when you know it.
   */
  purpose?: FilePurpose;
}

export type FileDeleteParams = DeleteFileReq;

const ops = {
  upload: defineOperation({
    call: uploadFile,
    method: 'POST',
    path: '/v1/files/upload',
    billable: false,
    body: 'multipart',
    envelope: 'native',
    responseSchema: 'zUploadFileResponse',
  }),
  list: defineOperation({
    call: listFiles,
    method: 'GET',
    path: '/v1/files/list',
    billable: false,
    body: 'none',
    envelope: 'native',
    responseSchema: 'zListFilesResponse',
  }),
  retrieve: defineOperation({
    call: retrieveFile,
    method: 'GET',
    path: '/v1/files/retrieve',
    billable: false,
    body: 'none',
    envelope: 'native',
    responseSchema: 'zRetrieveFileResponse',
  }),
  content: defineOperation({
    call: retrieveFileContent,
    method: 'GET',
    path: '/v1/files/retrieve_content',
    billable: false,
    body: 'none',
    envelope: 'native',
  }),
  delete: defineOperation({
    call: deleteFile,
    method: 'POST',
    path: '/v1/files/delete',
    billable: false,
    body: 'json',
    idKeys: idKeys('file_id'),
    envelope: 'native',
    responseSchema: 'zDeleteFileResponse',
  }),
};

/** File management: uploads for cloning and async speech, results of video and async speech tasks. */
export class Files extends APIResource {
  /**
   * Uploads a file.
   *
   * @example
   * ```ts
   * import { fileFromPath } from '@minimax-ts/sdk/node';
   * const { file } = await mm.files.upload({ file: await fileFromPath('sample.mp3'), purpose: 'voice_clone' });
   * console.log(file?.file_id); // an 18-digit id, as a string
   * ```
   */
  upload(params: FileUploadParams, options?: RequestOptions): APIPromise<UploadFileResp> {
    return checkedCall(() => {
      const upload = normalizeUpload(params.file, params.filename, params.contentType);
      if (upload.kind === 'blob') {
        // Nothing a purpose takes (audio to clone, text to speak, media) can be empty: refuse it before it is billed
        // as a request. A stream's length is unknown until it is read, so it is sent as it comes.
        if (upload.blob.size === 0) throw new InvalidArgumentError('file', 'the file is empty (0 bytes)');
        const file = fileForUpload(upload, params.contentType);
        return this._transport.json(ops.upload, { body: { purpose: params.purpose, file } }, options);
      }
      const multipart = streamingMultipart(
        { purpose: params.purpose },
        { stream: upload.stream, filename: upload.filename, contentType: upload.contentType, field: 'file' },
      );
      return this._transport.json(
        ops.upload,
        {
          body: multipart.body,
          bodySerializer: (body) => body,
          headers: { 'Content-Type': multipart.contentType },
          duplex: 'half',
        },
        // A stream is read once: an upload that failed midway cannot be replayed.
        { ...options, maxRetries: 0 },
      );
    });
  }

  /**
   * Lists files of a purpose. The endpoint has no paging: the one page holds every file; `await` gives it and
   * `for await` iterates its files.
   *
   * @example
   * ```ts
   * const page = await mm.files.list({ purpose: 'voice_clone' });
   * for await (const file of mm.files.list({ purpose: 'voice_clone' })) console.log(file.file_id);
   * ```
   */
  list(params: FileListParams = {}, options?: RequestOptions): PagePromise<FileObject> {
    const query = params?.purpose === undefined ? {} : { purpose: params.purpose };
    const first = this._transport
      .json<ListFileResp>(ops.list, { query }, options)
      ._thenUnwrap((response): Page<FileObject> => ({ items: response.files ?? [], response, nextPage: undefined }));
    return new PagePromise(first);
  }

  /** File metadata, including a time-limited `download_url`. */
  retrieve(fileId: string, options?: RequestOptions): APIPromise<RetrieveFileResp> {
    return checkedCall(() =>
      this._transport.json(ops.retrieve, { query: { file_id: int64Id(fileId, 'file_id') } }, options),
    );
  }

  /**
   * The file's bytes, streamed.
   *
   * @example
   * ```ts
   * const content = await mm.files.content(fileId);
   * const bytes = await content.bytes();
   * ```
   */
  content(fileId: string, options?: RequestOptions): APIPromise<FileContent> {
    return checkedCall(() => {
      const query = { file_id: int64Id(fileId, 'file_id') };
      return this._transport
        .call(ops.content, { query }, options, binaryAnswer)
        ._thenUnwrap((open) => new FileContent(open));
    });
  }

  /** Deletes a file. */
  delete(params: FileDeleteParams, options?: RequestOptions): APIPromise<DeleteFileResp> {
    return checkedCall(() =>
      this._transport.json(ops.delete, { body: checkIdFields(params, ops.delete.idKeys!.keys) }, options),
    );
  }
}
