import {
  type DeleteVoiceReq,
  type DeleteVoiceResp,
  deleteVoice,
  type GetVoiceReq,
  type GetVoiceResp,
  getVoice,
  type T2vReq,
  type T2vResp,
  type VoiceCloneReq,
  type VoiceCloneResp,
  voiceClone,
  voiceDesign,
} from '@minimax-ts/generated';
import { type APIPromise, checkedCall } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/client-options.ts';
import { InvalidArgumentError } from '../core/invalid-argument-error.ts';
import { APIResource } from '../core/resource.ts';
import { checkIdFields } from '../internal/ids.ts';
import { idKeys } from '../internal/lossless-json.ts';
import { defineOperation } from '../internal/operation.ts';
import { hexToBytes } from '../lib/hex.ts';

export type VoiceCloneParams = VoiceCloneReq;
export type VoiceDesignParams = T2vReq;
/** The design response, plus the hex `trial_audio` decoded. */
export type VoiceDesignResult = T2vResp & { audio: Uint8Array | undefined };
export type VoiceListParams = GetVoiceReq;
export type VoiceDeleteParams = DeleteVoiceReq;

const ops = {
  clone: defineOperation({
    call: voiceClone,
    method: 'POST',
    path: '/v1/voice_clone',
    billable: true,
    body: 'json',
    idKeys: idKeys('file_id', 'prompt_audio'),
    envelope: 'native',
    responseSchema: 'zVoiceCloneResponse',
  }),
  design: defineOperation({
    call: voiceDesign,
    method: 'POST',
    path: '/v1/voice_design',
    billable: true,
    body: 'json',
    envelope: 'native',
    responseSchema: 'zVoiceDesignResponse',
  }),
  list: defineOperation({
    call: getVoice,
    method: 'POST',
    path: '/v1/get_voice',
    billable: false,
    body: 'json',
    envelope: 'native',
    responseSchema: 'zGetVoiceResponse',
  }),
  delete: defineOperation({
    call: deleteVoice,
    method: 'POST',
    path: '/v1/delete_voice',
    billable: false,
    body: 'json',
    envelope: 'native',
    responseSchema: 'zDeleteVoiceResponse',
  }),
};

/** Voices: clone from an uploaded sample, design from a description, list, delete. */
export class Voices extends APIResource {
  /**
   * Clones a voice from a file uploaded with purpose `voice_clone`.
   *
   * @example
   * ```ts
   * const { file } = await mm.files.upload({ file: sample, filename: 'me.mp3', purpose: 'voice_clone' });
   * await mm.voices.clone({ file_id: file!.file_id, voice_id: 'MyVoice001' });
   * ```
   */
  clone(params: VoiceCloneParams, options?: RequestOptions): APIPromise<VoiceCloneResp> {
    return checkedCall(() =>
      this._transport.json(ops.clone, { body: checkIdFields(params, ops.clone.idKeys!.keys) }, options),
    );
  }

  /** Designs a voice from a text description; the preview (`trial_audio`, hex) is decoded into `audio`. */
  design(params: VoiceDesignParams, options?: RequestOptions): APIPromise<VoiceDesignResult> {
    const source = { operation: 'POST /v1/voice_design', path: 'trial_audio' };
    return this._transport.json<T2vResp>(ops.design, { body: params }, options)._thenUnwrap((response) => ({
      ...response,
      audio: response.trial_audio ? hexToBytes(response.trial_audio, source) : undefined,
    }));
  }

  /** Lists voices by type (`system`, `voice_cloning`, `voice_generation`, `all`). */
  list(params: VoiceListParams, options?: RequestOptions): APIPromise<GetVoiceResp> {
    return this._transport.json(ops.list, { body: params }, options);
  }

  /**
   * Deletes a cloned or designed voice. MiniMax requires both fields: `voice_type` says which kind `voice_id` is.
   *
   * @example
   * ```ts
   * await mm.voices.delete({ voice_id: 'MyVoice001', voice_type: 'voice_cloning' });
   * ```
   */
  delete(params: VoiceDeleteParams, options?: RequestOptions): APIPromise<DeleteVoiceResp> {
    return checkedCall(() => {
      for (const field of ['voice_id', 'voice_type'] as const) {
        if (typeof params?.[field] !== 'string' || params[field] === '') {
          throw new InvalidArgumentError(
            field,
            `voices.delete needs ${field} (the API requires voice_id and voice_type)`,
          );
        }
      }
      return this._transport.json(ops.delete, { body: params }, options);
    });
  }
}
